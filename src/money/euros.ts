/**
 * Amounts of money in euros, exact to the cent.
 *
 * @module
 */
import type { PathSegment, SafeParseResult } from "../core/errors.js"
import { InvalidAmountError, InvalidArgumentError } from "../core/errors.js"
import { describeValue } from "../core/describe.js"
import { LIMIT_CENTS, centsOf } from "./amount-text.js"
import {
  type Exact,
  INFINITE,
  decimalPlacesOf,
  exactOf,
  rounded,
  shifted,
  shown,
  timesCents,
  wholeOf
} from "./exact.js"
import { AMOUNT_PROBLEMS_FR } from "../vocabulary/validation.js"
import { formatFrenchAmount } from "./format.js"
import type { RoundingMode } from "./rounding.js"
import { roundedQuotient, roundingMode } from "./rounding.js"

const TOO_PRECISE = /^-?(0|[1-9]\d*)\.\d{3,}$/

/**
 * A decimal factor: a string such as `"0.35"` (exact), or a finite JS number (read through its
 * shortest decimal representation, so `0.35` is exactly 35/100).
 *
 * @example
 * ```ts
 * import { Euros, type Ratio } from "caf-conventions"
 * const advanceRate: Ratio = "0.5"
 * Euros.parse("30000").times(advanceRate).toString() //=> "15000.00"
 * ```
 * @category money
 */
export type Ratio = string | number

/**
 * Amounts are bounded below 10^13 € (10^15 cents) in absolute value, so that every amount in cents
 * is a safe JS integer: additions and comparisons are exact on plain numbers, and whatever
 * multiplies or rounds is computed exactly on BigInts (src/money/exact.ts), as the private decimal
 * clone computed it, so that an amount needs no decimal library.
 */

function amountError(
  input: unknown,
  problem: Exclude<InvalidAmountError["problem"], "negative">,
  message: string,
  path: ReadonlyArray<PathSegment>
): InvalidAmountError {
  return new InvalidAmountError({ input, problem, message, frenchMessage: AMOUNT_PROBLEMS_FR[problem], path })
}

function toRatio(ratio: Ratio, argument: string): Exact {
  if (typeof ratio === "number" && !Number.isFinite(ratio)) {
    throw new InvalidArgumentError({ argument, message: `${argument} must be finite, got ${ratio}` })
  }
  const value = exactOf(ratio)
  if (value !== undefined) return value
  throw new InvalidArgumentError({
    argument,
    message: `${argument} must be a decimal number such as "0.35", got ${shown(ratio)}`
  })
}

/** A decimal text read as a whole number over a power of ten: `"0.35"` is 35 over 100. */
interface ScaledRatio {
  readonly numerator: number
  readonly denominator: number
}

/** Ratios read once (a convention's shares and rates are few): at most SCALED_LIMIT, then the map starts over. */
const scaled = new Map<string, ScaledRatio | null>()
const SCALED_LIMIT = 1_000
const SIMPLE_RATIO = /^-?\d{1,15}(\.\d{1,9})?$/
/** Products up to 2^52 in absolute value: the float product of two integers is then exact. */
const EXACT_PRODUCT = 2 ** 52

function scaledRatio(ratio: string): ScaledRatio | undefined {
  let found = scaled.get(ratio)
  if (found === undefined) {
    const dot = ratio.indexOf(".")
    found =
      SIMPLE_RATIO.test(ratio) && ratio.length <= 16
        ? {
            numerator: Number(dot < 0 ? ratio : ratio.slice(0, dot) + ratio.slice(dot + 1)),
            denominator: dot < 0 ? 1 : 10 ** (ratio.length - dot - 1)
          }
        : null
    if (scaled.size >= SCALED_LIMIT) scaled.clear()
    scaled.set(ratio, found)
  }
  return found ?? undefined
}

/**
 * `cents` times a decimal text rounded to whole cents with `mode`, in integers, when the text is
 * plain (digits, at most 9 decimals, at most 15 digits) and the product stays below 2^52: exactly
 * what the decimal path gives, without it. Undefined otherwise (the decimal path then decides,
 * errors included).
 */
function timesInCents(cents: number, ratio: string, mode: RoundingMode): number | undefined {
  const factor = scaledRatio(ratio)
  if (factor === undefined) return undefined
  const product = cents * factor.numerator
  if (!(Math.abs(product) <= EXACT_PRODUCT)) return undefined
  const rounded = roundedQuotient(product, factor.denominator, mode)
  return rounded === undefined || !(Math.abs(rounded) < LIMIT_CENTS) ? undefined : rounded
}

/**
 * An immutable amount in euros, always a whole number of cents, positive, zero or negative,
 * below 10^13 € in absolute value. Arithmetic is exact (decimal, never binary floating point);
 * any operation that could produce fractions of a cent takes a {@link RoundingMode}.
 *
 * Build one with {@link Euros.parse} (decimal text, the JSON form), {@link Euros.fromCents} or
 * {@link Euros.fromNumber}; in JSON it travels as a string with two decimals (`"30000.00"`).
 *
 * @example
 * ```ts
 * import { Euros } from "caf-conventions"
 * const yearly = Euros.parse("30000")
 * yearly.times("0.35").toString() //=> "10500.00"
 * yearly.minus(Euros.fromCents(1)).format() //=> "29 999,99 €" (with fr-FR spaces)
 * JSON.stringify({ yearly }) //=> '{"yearly":"30000.00"}'
 * ```
 * @category money
 */
export class Euros {
  /**
   * The amount as a whole number of cents, a safe integer. A TypeScript-private field rather than
   * a `#` field on purpose: deep-equality checks (test runners, `util.isDeepStrictEqual`) then
   * compare amounts by value instead of finding every two amounts equal.
   */
  private readonly cents: number

  private constructor(cents: number) {
    // Normalise -0 so that equal amounts print and compare the same.
    this.cents = cents === 0 ? 0 : cents
  }

  /**
   * Zero euros.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.zero.toString() //=> "0.00"
   * ```
   */
  static readonly zero: Euros = new Euros(0)

  /** @internal Wraps a whole number of cents, checked to lie in range. */
  static #checked(cents: number, input: unknown, path: ReadonlyArray<PathSegment>): Euros {
    if (!(Math.abs(cents) < LIMIT_CENTS)) {
      throw amountError(input, "out-of-range", `amount ${String(input)} is not below 10^13 € in absolute value`, path)
    }
    return new Euros(cents)
  }

  /** @internal Rounds an exact number of cents to whole cents with a mode. */
  static #fromExact(cents: Exact, mode: RoundingMode, input: unknown): Euros {
    const whole = wholeOf(cents, roundingMode(mode), LIMIT_CENTS)
    if (whole === undefined)
      throw amountError(input, "out-of-range", `amount ${String(input)} is not below 10^13 € in absolute value`, [])
    return new Euros(whole)
  }

  /**
   * Reads a decimal text: digits, an optional minus sign, and at most two decimals after a dot
   * (`"30000"`, `"30000.5"`, `"-12.50"`). Anything else (`""`, `"30 000"`, `"30000,50"`, `"1.001"`,
   * `"1e3"`) throws an {@link InvalidAmountError} saying what was wrong.
   *
   * @param path - where the text was, reported in the error (defaults to the root).
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("30000.5").toString() //=> "30000.50"
   * Euros.parse("1.001") // throws InvalidAmountError (problem "too-many-decimals")
   * ```
   */
  static parse(input: string, path: ReadonlyArray<PathSegment> = []): Euros {
    if (typeof input !== "string") {
      throw amountError(input, "malformed", `expected a decimal string, got ${typeof input}`, path)
    }
    const cents = centsOf(input)
    if (cents !== undefined) return Euros.#checked(cents, input, path)
    if (input.length === 0) throw amountError(input, "empty", "amount is an empty string", path)
    if (TOO_PRECISE.test(input)) {
      throw amountError(input, "too-many-decimals", `amount ${JSON.stringify(input)} has more than 2 decimals`, path)
    }
    throw amountError(
      input,
      "malformed",
      `amount ${JSON.stringify(input)} is not a decimal number written with digits and a dot, such as "30000.50"`,
      path
    )
  }

  /**
   * Like {@link Euros.parse}, without throwing.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * const result = Euros.safeParse("30000,50")
   * result.success //=> false
   * if (!result.success) result.error.problem //=> "malformed"
   * ```
   */
  static safeParse(input: string): SafeParseResult<Euros, InvalidAmountError> {
    try {
      return { success: true, data: Euros.parse(input) }
    } catch (error) {
      if (error instanceof InvalidAmountError) return { success: false, error }
      throw error
    }
  }

  /**
   * An amount from a whole number of cents (a safe integer or a bigint).
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.fromCents(3000050).toString() //=> "30000.50"
   * Euros.fromCents(-1n).toString() //=> "-0.01"
   * ```
   */
  static fromCents(cents: number | bigint): Euros {
    if (
      (typeof cents === "number" && !Number.isSafeInteger(cents)) ||
      (typeof cents !== "number" && typeof cents !== "bigint")
    ) {
      throw amountError(cents, "not-an-integer", `cents must be a safe integer, got ${describeValue(cents)}`, [])
    }
    const value = Number(cents)
    if (typeof cents === "bigint" && BigInt(value) !== cents)
      throw amountError(cents, "out-of-range", `amount of ${cents} cents is not below 10^13 € in absolute value`, [])
    return Euros.#checked(value, cents, [])
  }

  /**
   * An amount from a JS number, accepted only when it is finite and has at most two decimals
   * in its shortest decimal form (`1234.5` yes; `0.1 + 0.2`, which is `0.30000000000000004`, no).
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.fromNumber(1234.5).toString() //=> "1234.50"
   * Euros.fromNumber(0.1 + 0.2) // throws InvalidAmountError (problem "too-many-decimals")
   * ```
   */
  static fromNumber(value: number): Euros {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw amountError(
        value,
        "not-finite",
        `amount must be a finite number, got ${typeof value === "number" ? String(value) : describeValue(value)}`,
        []
      )
    }
    if (decimalPlacesOf(value) > 2) {
      throw amountError(value, "too-many-decimals", `amount ${value} has more than 2 decimals`, [])
    }
    return Euros.#checked(Math.round(value * 100), value, [])
  }

  /**
   * Rounds any decimal value (a string or a finite number, however many decimals) to the cent
   * with the given mode (`half-up` by default). This is the one place where sub-cent values
   * become amounts.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.round("1234.565").toString() //=> "1234.57"
   * Euros.round("1234.565", "half-even").toString() //=> "1234.56"
   * Euros.round("-0.005", "floor").toString() //=> "-0.01"
   * ```
   */
  static round(value: Ratio, mode: RoundingMode = "half-up"): Euros {
    const decimal = toRatio(value, "value")
    // In cents, rounded to 60 significant digits as the decimal clone's `times(100)` did.
    const cents = decimal === INFINITE ? decimal : rounded(decimal.negative, decimal.digits, decimal.exponent + 2)
    return Euros.#fromExact(cents, mode, value)
  }

  /**
   * The sum of a list of amounts (zero for an empty list).
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.sum([Euros.parse("10500"), Euros.parse("10500"), Euros.parse("9000")]).toString() //=> "30000.00"
   * ```
   */
  static sum(amounts: Iterable<Euros>): Euros {
    if (
      amounts === null ||
      typeof amounts !== "object" ||
      typeof (amounts as Partial<Iterable<Euros>>)[Symbol.iterator] !== "function"
    ) {
      throw new InvalidArgumentError({
        argument: "amounts",
        message: `expected a list of amounts, got ${describeValue(amounts)}`
      })
    }
    let total = 0
    let index = 0
    for (const amount of amounts) {
      total += amountArgument(amount, `amounts[${index++}]`).cents
      // Each term is below 10^15, so a sum passes the bound before it can lose exactness.
      if (!(Math.abs(total) < LIMIT_CENTS)) return Euros.#checked(total, "sum", [])
    }
    return new Euros(total)
  }

  /**
   * The smaller of two amounts.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.min(Euros.parse("3"), Euros.parse("2")).toString() //=> "2.00"
   * ```
   */
  static min(a: Euros, b: Euros): Euros {
    return amountArgument(a, "a").compare(amountArgument(b, "b")) <= 0 ? a : b
  }

  /**
   * The larger of two amounts.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.max(Euros.parse("3"), Euros.parse("2")).toString() //=> "3.00"
   * ```
   */
  static max(a: Euros, b: Euros): Euros {
    return amountArgument(a, "a").compare(amountArgument(b, "b")) >= 0 ? a : b
  }

  /**
   * Whether a value is an amount built by this library.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.isEuros(Euros.zero) //=> true
   * Euros.isEuros("0.00") //=> false
   * ```
   */
  static isEuros(value: unknown): value is Euros {
    return value instanceof Euros
  }

  /**
   * This amount plus another.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("0.10").plus(Euros.parse("0.20")).toString() //=> "0.30"
   * ```
   */
  plus(other: Euros): Euros {
    return Euros.#checked(this.cents + other.cents, "sum", [])
  }

  /**
   * This amount minus another (the result may be negative).
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("15000").minus(Euros.parse("15000.01")).toString() //=> "-0.01"
   * ```
   */
  minus(other: Euros): Euros {
    return Euros.#checked(this.cents - other.cents, "difference", [])
  }

  /**
   * This amount multiplied by a decimal ratio, rounded to the cent with `mode` (`half-up` by default).
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("100.01").times("0.5").toString() //=> "50.01"
   * Euros.parse("100.01").times("0.5", "half-even").toString() //=> "50.00"
   * ```
   */
  times(ratio: Ratio, mode: RoundingMode = "half-up"): Euros {
    // A plain decimal text and a product below 2^52: whole cents in floating point, exactly.
    const fast = typeof ratio === "string" ? timesInCents(this.cents, ratio, mode) : undefined
    if (fast !== undefined) return new Euros(fast)
    // The product, rounded to 60 significant digits, in euros then back in cents, each step as the
    // decimal clone took it (a product below its smallest exponent becomes zero on the way).
    const product = timesCents(this.cents, toRatio(ratio, "ratio"))
    return Euros.#fromExact(shifted(shifted(product, -2), 2), mode, ratio)
  }

  /**
   * The opposite amount.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("12.5").negated().toString() //=> "-12.50"
   * ```
   */
  negated(): Euros {
    return new Euros(-this.cents)
  }

  /**
   * The absolute value.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("-12.5").abs().toString() //=> "12.50"
   * ```
   */
  abs(): Euros {
    return this.cents < 0 ? this.negated() : this
  }

  /**
   * -1, 0 or 1 as this amount is below, equal to or above the other (a comparator for `sort`).
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("2").compare(Euros.parse("10")) //=> -1
   * ```
   */
  compare(other: Euros): -1 | 0 | 1 {
    return this.cents < other.cents ? -1 : this.cents > other.cents ? 1 : 0
  }

  /**
   * Whether both amounts are the same number of cents.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("30000").equals(Euros.parse("30000.00")) //=> true
   * ```
   */
  equals(other: Euros): boolean {
    return this.cents === other.cents
  }

  /**
   * Whether this amount is strictly below the other.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("1").lessThan(Euros.parse("2")) //=> true
   * ```
   */
  lessThan(other: Euros): boolean {
    return this.cents < other.cents
  }

  /**
   * Whether this amount is below or equal to the other.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("2").lessThanOrEqual(Euros.parse("2")) //=> true
   * ```
   */
  lessThanOrEqual(other: Euros): boolean {
    return this.cents <= other.cents
  }

  /**
   * Whether this amount is strictly above the other.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("23000.01").greaterThan(Euros.parse("23000")) //=> true
   * ```
   */
  greaterThan(other: Euros): boolean {
    return this.cents > other.cents
  }

  /**
   * Whether this amount is above or equal to the other.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("2").greaterThanOrEqual(Euros.parse("2")) //=> true
   * ```
   */
  greaterThanOrEqual(other: Euros): boolean {
    return this.cents >= other.cents
  }

  /**
   * Whether the amount is zero.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("0.00").isZero() //=> true
   * ```
   */
  isZero(): boolean {
    return this.cents === 0
  }

  /**
   * Whether the amount is below zero.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("-0.01").isNegative() //=> true
   * ```
   */
  isNegative(): boolean {
    return this.cents < 0
  }

  /**
   * Whether the amount is above zero.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("0.01").isPositive() //=> true
   * ```
   */
  isPositive(): boolean {
    return this.cents > 0
  }

  /**
   * The amount as a whole number of cents.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("30000.50").toCents() //=> 3000050n
   * ```
   */
  toCents(): bigint {
    return BigInt(this.cents)
  }

  /**
   * The amount as a decimal string with exactly two decimals and a dot: the JSON form.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("30000.5").toString() //=> "30000.50"
   * ```
   */
  toString(): string {
    const magnitude = Math.abs(this.cents)
    const cents = magnitude % 100
    return `${this.cents < 0 ? "-" : ""}${(magnitude - cents) / 100}.${cents < 10 ? "0" : ""}${cents}`
  }

  /**
   * The JSON form, so that `JSON.stringify` never writes a float: `"30000.00"`.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * JSON.stringify([Euros.parse("1.5")]) //=> '["1.50"]'
   * ```
   */
  toJSON(): string {
    return this.toString()
  }

  /**
   * How Node's `console.log` and `util.inspect` show an amount: `Euros(30000.00)`, its decimal
   * text, rather than the whole number of cents it keeps inside.
   *
   * @example
   * ```ts
   * import { inspect } from "node:util"
   * import { Euros } from "caf-conventions"
   * inspect(Euros.parse("30000")) //=> "Euros(30000.00)"
   * ```
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Euros(${this.toString()})`
  }

  /**
   * The amount for people, the French way: `30 000,00 €`, with the same separators as
   * `Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" })` (a narrow no-break
   * space between thousands, a no-break space before €), computed exactly from the decimal.
   *
   * @example
   * ```ts
   * import { Euros } from "caf-conventions"
   * Euros.parse("30000").format() //=> "30 000,00 €"
   * Euros.parse("-1234.5").format() //=> "-1 234,50 €"
   * ```
   */
  format(): string {
    return formatFrenchAmount(this.toString())
  }
}

/** An amount given as an argument, checked at the door: an `Euros` of this library, or an {@link InvalidArgumentError} naming the argument. */
function amountArgument(value: unknown, argument: string): Euros {
  if (Euros.isEuros(value)) return value
  throw new InvalidArgumentError({ argument, message: `expected an amount (Euros), got ${describeValue(value)}` })
}
