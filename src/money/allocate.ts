/**
 * Splitting an amount without losing or creating a cent.
 *
 * @module
 */
import { describeValue } from "../core/describe.js"
import { InvalidArgumentError } from "../core/errors.js"
import { Dec, decimalOf } from "./decimal.js"
import { LIMIT_CENTS } from "./amount-text.js"
import { shown } from "./exact.js"
import { Euros, type Ratio } from "./euros.js"
import { type RoundingMode, roundedQuotient } from "./rounding.js"

function nonNegative(ratio: Ratio, argument: string): InstanceType<typeof Dec> {
  const value = decimalOf(ratio)
  if (value === undefined && typeof ratio !== "number") {
    throw new InvalidArgumentError({ argument, message: `${argument} must be a decimal number, got ${shown(ratio)}` })
  }
  if (value === undefined || value.isNegative()) {
    throw new InvalidArgumentError({
      argument,
      message: `${argument} must be a finite number ≥ 0, got ${String(ratio)}`
    })
  }
  return value
}

/**
 * Splits an amount into parts proportional to `ratios`. The parts **always sum to the amount**,
 * to the cent: each part first gets its exact share rounded towards zero, then the cents left
 * over go one by one to the parts with the largest remainders (ties to the earliest part).
 * Each part therefore differs from its exact share by less than one cent.
 *
 * Ratios are non-negative decimals (strings or numbers) and at least one must be positive;
 * they need not sum to 1 (`[35, 35, 30]` and `["0.35", "0.35", "0.3"]` are the same split).
 *
 * @example
 * ```ts
 * import { Euros, allocate } from "caf-conventions"
 * allocate(Euros.parse("100"), [1, 1, 1]).map(String) //=> ["33.34", "33.33", "33.33"]
 * allocate(Euros.parse("30000"), ["0.35", "0.35", "0.30"]).map(String) //=> ["10500.00", "10500.00", "9000.00"]
 * ```
 * @category money
 */
export function allocate(amount: Euros, ratios: ReadonlyArray<Ratio>): ReadonlyArray<Euros> {
  if (!Euros.isEuros(amount))
    throw new InvalidArgumentError({
      argument: "amount",
      message: `expected an amount (Euros), got ${describeValue(amount)}`
    })
  if (!Array.isArray(ratios))
    throw new InvalidArgumentError({
      argument: "ratios",
      message: `expected a list of ratios, got ${describeValue(ratios)}`
    })
  if (ratios.length === 0) throw new InvalidArgumentError({ argument: "ratios", message: "ratios must not be empty" })
  const weights = ratios.map((ratio, index) => nonNegative(ratio, `ratios[${index}]`))
  const total = weights.reduce((sum, weight) => sum.plus(weight), new Dec(0))
  if (total.isZero())
    throw new InvalidArgumentError({ argument: "ratios", message: "at least one ratio must be positive" })

  const cents = amount.toCents()
  const sign = cents < 0n ? -1n : 1n
  const magnitude = new Dec((cents * sign).toString())
  const shares = weights.map((weight) => magnitude.times(weight).div(total))
  const floors = shares.map((share) => BigInt(share.floor().toFixed(0)))
  let leftover = cents * sign - floors.reduce((sum, part) => sum + part, 0n)
  const byRemainder = shares
    .map((share, index) => ({ index, remainder: share.minus(share.floor()) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index)
  for (const { index } of byRemainder) {
    if (leftover === 0n) break
    floors[index] = (floors[index] ?? 0n) + 1n
    leftover -= 1n
  }
  return floors.map((part) => Euros.fromCents(part * sign))
}

/**
 * The share of `amount` for `part` out of `whole` (`amount × part / whole`), rounded to the cent
 * with `mode` (`half-up` by default): the yearly amount for 184 days out of 366, say.
 * Requires `0 ≤ part ≤ whole` and `whole > 0`; the result lies between zero and `amount` and
 * never decreases when `part` grows.
 *
 * @example
 * ```ts
 * import { Euros, prorate } from "caf-conventions"
 * prorate(Euros.parse("30000"), 184, 366).toString() //=> "15081.97"
 * prorate(Euros.parse("30000"), 184, 366, "down").toString() //=> "15081.96"
 * ```
 * @category money
 */
export function prorate(amount: Euros, part: number, whole: number, mode: RoundingMode = "half-up"): Euros {
  if (!Euros.isEuros(amount))
    throw new InvalidArgumentError({
      argument: "amount",
      message: `expected an amount (Euros), got ${describeValue(amount)}`
    })
  const wholeValue = nonNegative(whole, "whole")
  if (wholeValue.isZero()) throw new InvalidArgumentError({ argument: "whole", message: "whole must be positive" })
  const partValue = nonNegative(part, "part")
  if (partValue.gt(wholeValue)) {
    throw new InvalidArgumentError({ argument: "part", message: `part (${part}) must not exceed whole (${whole})` })
  }
  return (
    wholeDayShares([{ amount, part, whole }], mode) ??
    Euros.round(new Dec(amount.toString()).times(partValue).div(wholeValue).toString(), mode)
  )
}

/** The largest whole {@link wholeDayShares} computes in plain integers. */
const INTEGER_WHOLE = 1_000_000
/** Products and sums up to 2^52 in absolute value: integers exact in floating point. */
const EXACT_INTEGER = 2 ** 52

/**
 * The sum of shares that are whole numbers over one whole (days of a year over its 365 or 366,
 * the usual case), rounded once with `mode`, in plain integers: Σ cents × part, divided by the
 * whole and rounded. Undefined when the shares are not of that form, a product passes 2^52, the
 * mode is unknown or the sum is out of range: the decimal path then decides, errors included.
 *
 * It gives what the decimal path gives. That path computes each share to 60 significant digits,
 * so it lies within 10^-40 cent of the exact sum; the exact sum is a whole number of cents over a
 * whole of at most 10^6, so when it is not itself a whole number or a half cent it lies at least
 * 1/(2 × 10^6) cent away from one, and both paths round it the same way; when it is one, both see it
 * exactly (a whole number or a half cent has a short decimal form).
 */
function wholeDayShares(
  shares: ReadonlyArray<{ readonly amount: Euros; readonly part: number; readonly whole: number }>,
  mode: RoundingMode
): Euros | undefined {
  const first = shares[0]
  if (first === null || typeof first !== "object") return undefined
  const whole = first.whole
  if (!Number.isSafeInteger(whole) || whole <= 0 || whole > INTEGER_WHOLE) return undefined
  let numerator = 0
  for (let index = 0; index < shares.length; index++) {
    const share = shares[index]
    if (share === null || typeof share !== "object" || share.whole !== whole || !Euros.isEuros(share.amount))
      return undefined
    const part = share.part
    if (!Number.isSafeInteger(part) || part < 0 || part > whole) return undefined
    const product = Number(share.amount.toCents()) * part
    numerator += product
    if (!(Math.abs(product) <= EXACT_INTEGER && Math.abs(numerator) <= EXACT_INTEGER)) return undefined
  }
  const cents = roundedQuotient(numerator, whole, mode)
  // `+ 0` turns a negative zero into zero.
  return cents === undefined || !(Math.abs(cents) < LIMIT_CENTS) ? undefined : Euros.fromCents(cents + 0)
}

/**
 * The sum of several shares (`amount × part / whole` each), rounded to the cent once, with `mode`
 * (`half-up` by default): a year's amount when the yearly amount changes inside the year, each
 * yearly amount for its days. Rounding once keeps the cents a rounding of each share would lose.
 * Each share requires `0 ≤ part ≤ whole` and `whole > 0`.
 *
 * @example
 * ```ts
 * import { Euros, prorateSum } from "caf-conventions"
 * const shares = [
 *   { amount: Euros.parse("30000"), part: 182, whole: 366 },
 *   { amount: Euros.parse("36000"), part: 184, whole: 366 }
 * ]
 * prorateSum(shares).toString() //=> "33016.39"
 * ```
 * @category money
 */
export function prorateSum(
  shares: ReadonlyArray<{ readonly amount: Euros; readonly part: number; readonly whole: number }>,
  mode: RoundingMode = "half-up"
): Euros {
  if (!Array.isArray(shares))
    throw new InvalidArgumentError({
      argument: "shares",
      message: `expected a list of { amount, part, whole }, got ${describeValue(shares)}`
    })
  const whole = wholeDayShares(shares, mode)
  if (whole !== undefined) return whole
  let sum = new Dec(0)
  shares.forEach((share, index) => {
    if (share === null || typeof share !== "object" || !Euros.isEuros(share.amount))
      throw new InvalidArgumentError({
        argument: `shares[${index}]`,
        message: `expected { amount, part, whole }, got ${describeValue(share)}`
      })
    const wholeValue = nonNegative(share.whole, `shares[${index}].whole`)
    if (wholeValue.isZero())
      throw new InvalidArgumentError({ argument: `shares[${index}].whole`, message: "whole must be positive" })
    const partValue = nonNegative(share.part, `shares[${index}].part`)
    if (partValue.gt(wholeValue))
      throw new InvalidArgumentError({
        argument: `shares[${index}].part`,
        message: `part (${share.part}) must not exceed whole (${share.whole})`
      })
    sum = sum.plus(new Dec(share.amount.toString()).times(partValue).div(wholeValue))
  })
  return Euros.round(sum.toString(), mode)
}
