/**
 * Exact fractions, for shares of a year, achievement ratios and sums of days: never a float
 * where a reader may check the figure by hand.
 *
 * @module
 */
import { InvalidArgumentError } from "./errors.js"

/**
 * A fraction `numerator / denominator`, exact; the denominator is always positive.
 *
 * @example
 * ```ts
 * import type { Fraction } from "caf-conventions"
 * const half: Fraction = { numerator: 184, denominator: 366 }
 * ```
 * @category calendar
 */
export interface Fraction {
  /** The part. */
  readonly numerator: number
  /** The whole, always positive. */
  readonly denominator: number
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) {
    const rest = x % y
    x = y
    y = rest
  }
  return x
}

/** @internal An exact rational on bigints, reduced. */
export interface Rational {
  readonly n: bigint
  readonly d: bigint
}

/** @internal */
export function rational(n: bigint, d: bigint = 1n): Rational {
  // A whole number (a count) is its own numerator: no divisor to find.
  if (d === 1n) return { n, d }
  if (d === 0n)
    throw new InvalidArgumentError({ argument: "denominator", message: "a fraction's denominator cannot be zero" })
  const sign = d < 0n ? -1n : 1n
  const divisor = gcd(n, d) || 1n
  return { n: (sign * n) / divisor, d: (sign * d) / divisor }
}

/**
 * @internal Reads a finite JS number exactly through its shortest decimal form (`0.5` is 1/2,
 * `1.5e-7` is 15/10⁸, `1e21` is 10²¹).
 */
export function rationalOf(value: number): Rational {
  // A whole number is its own numerator: no text to read, no divisor to find.
  if (Number.isSafeInteger(value)) return { n: BigInt(value), d: 1n }
  if (!Number.isFinite(value))
    throw new InvalidArgumentError({ argument: "value", message: `expected a finite number, got ${value}` })
  const [mantissa = "0", exponent = "0"] = value.toString().split("e")
  const [whole = "0", decimals = ""] = mantissa.split(".")
  const digits = BigInt(whole + decimals)
  const shift = Number(exponent) - decimals.length
  return shift >= 0 ? rational(digits * 10n ** BigInt(shift)) : rational(digits, 10n ** BigInt(-shift))
}

/** @internal */
export const addRational = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d)
/** @internal */
export const multiplyRational = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d)
/** @internal */
export const divideRational = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n)
/** @internal -1, 0 or 1. */
export const compareRational = (a: Rational, b: Rational): -1 | 0 | 1 => {
  const left = a.n * b.d
  const right = b.n * a.d
  return left < right ? -1 : left > right ? 1 : 0
}

/** @internal Rounds to an integer with a direction: `ceiling`, `floor`, or to nearest with ties up (`half-up`, the default for the rest). */
export function roundRational(value: Rational, mode: string): bigint {
  const floor = value.n >= 0n ? value.n / value.d : -((-value.n + value.d - 1n) / value.d)
  const remainder = rational(value.n - floor * value.d, value.d)
  if (remainder.n === 0n) return floor
  if (mode === "floor" || (mode === "down" && value.n > 0n) || (mode === "up" && value.n < 0n)) return floor
  if (mode === "ceiling" || mode === "up" || mode === "down") return floor + 1n
  const half = compareRational(remainder, rational(1n, 2n))
  if (half > 0) return floor + 1n
  if (half < 0) return floor
  if (mode === "half-even") return floor % 2n === 0n ? floor : floor + 1n
  if (mode === "half-down") return value.n >= 0n ? floor : floor + 1n
  return value.n >= 0n ? floor + 1n : floor
}

const SAFE_LIMIT = BigInt(Number.MAX_SAFE_INTEGER)

/** @internal The public, number-based form (throws beyond safe integers). */
export function toFraction(value: Rational): Fraction {
  const limit = SAFE_LIMIT
  if (value.n > limit || value.n < -limit || value.d > limit) {
    throw new InvalidArgumentError({
      argument: "value",
      message: "the fraction is too large to be represented exactly"
    })
  }
  return { numerator: Number(value.n), denominator: Number(value.d) }
}

/**
 * A fraction as a French decimal, rounded half-up to `digits` places, without trailing zeros:
 * `{ 3, 2 }` → `"1,5"`, `{ 2, 3 }` → `"0,67"`.
 *
 * @example
 * ```ts
 * import { formatFraction } from "caf-conventions"
 * formatFraction({ numerator: 3, denominator: 2 }) //=> "1,5"
 * formatFraction({ numerator: 2, denominator: 3 }) //=> "0,67"
 * formatFraction({ numerator: 4, denominator: 1 }) //=> "4"
 * ```
 * @category calendar
 */
export function formatFraction(fraction: Fraction, digits = 2): string {
  const { numerator, denominator } = (fraction ?? {}) as Partial<Fraction>
  if (
    fraction === null ||
    typeof fraction !== "object" ||
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator) ||
    denominator === 0
  ) {
    throw new InvalidArgumentError({
      argument: "fraction",
      message: "expected { numerator, denominator }, two whole numbers, the denominator not zero"
    })
  }
  if (!Number.isSafeInteger(digits) || digits < 0 || digits > 20)
    throw new InvalidArgumentError({ argument: "digits", message: "expected a number of decimals from 0 to 20" })
  const scale = 10n ** BigInt(digits)
  const scaled = roundRational(rational(BigInt(fraction.numerator) * scale, BigInt(fraction.denominator)), "half-up")
  const negative = scaled < 0n
  const text = (negative ? -scaled : scaled).toString().padStart(digits + 1, "0")
  const whole = text.slice(0, text.length - digits)
  const decimals = text.slice(text.length - digits).replace(/0+$/, "")
  return `${negative ? "-" : ""}${whole}${decimals === "" ? "" : `,${decimals}`}`
}

/**
 * Writes a number the French way, with a decimal comma (`3.25` → `"3,25"`): targets and other
 * counts read from a convention.
 *
 * @internal
 */
export function formatDecimal(value: number): string {
  return String(value).replace(".", ",")
}
