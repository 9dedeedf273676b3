/**
 * Exact decimal arithmetic on BigInts for what an amount itself does (`Euros.times`, `Euros.round`,
 * `Euros.fromNumber`), so that {@link Euros} needs no decimal library: an application that only
 * decodes documents does not bundle decimal.js (31 KiB minified), which only the functions that
 * divide (`allocate`, `prorate`, the funding schedules) still import through src/money/decimal.ts.
 *
 * It gives the same results as the private decimal.js clone it replaces (60 significant digits,
 * half-up), step for step: a product is rounded to 60 significant digits before it is rounded
 * to the cent, and a value whose exponent passes decimal.js's limits (±9·10^15) becomes infinite
 * or zero as it did there. The tests compare both on generated ratios and amounts.
 *
 * @internal
 * @module
 */
import type { RoundingMode } from "./rounding.js"

/**
 * Decimal text as the library reads it: an optional sign, decimal digits with an optional point,
 * an optional exponent. decimal.js would also read `0x10`, `0b11` and `0o7` as hexadecimal,
 * binary and octal, and `Infinity` and `NaN`: none is a ratio anyone writes on purpose.
 *
 * @internal
 */
export const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i

/**
 * @internal A finite decimal, `(-1)^negative × digits × 10^exponent`, `digits` without trailing
 * zeros (zero is `digits` 0), or `INFINITE`: a value past decimal.js's largest exponent.
 */
export type Exact = { readonly negative: boolean; readonly digits: bigint; readonly exponent: number } | typeof INFINITE

/** @internal A value past the largest exponent (decimal.js's `Infinity`). */
export const INFINITE = "infinite"

/** decimal.js's default exponent limits: a value of a larger exponent is infinite, of a smaller one zero. */
const MAX_EXPONENT = 9e15
const MIN_EXPONENT = -9e15

/** The library's precision: 60 significant digits, as its decimal.js clone. */
const PRECISION = 60

const ZERO: Exact = { negative: false, digits: 0n, exponent: 0 }

/** 10^n as a BigInt, the small ones kept. */
const POWERS: Array<bigint> = []
function power(n: number): bigint {
  if (n < 64) {
    let known = POWERS[n]
    if (known === undefined) {
      known = 10n ** BigInt(n)
      POWERS[n] = known
    }
    return known
  }
  return 10n ** BigInt(n)
}

/** How many decimal digits a positive BigInt has. */
function digitCount(value: bigint): number {
  return value.toString().length
}

/**
 * A value whose most significant digit is at `10^top` checked against the limits, as decimal.js
 * does after each operation.
 */
function limited(negative: boolean, digits: bigint, exponent: number, top: number): Exact {
  if (top > MAX_EXPONENT) return INFINITE
  if (top < MIN_EXPONENT) return ZERO
  return { negative, digits, exponent }
}

/**
 * The value of a decimal text accepted by {@link DECIMAL_TEXT}, read as decimal.js reads it
 * (the same arithmetic on the exponent, the same limits).
 *
 * @internal
 */
function exactOfText(text: string): Exact {
  let negative = false
  let body = text
  const first = body.charCodeAt(0)
  if (first === 45 /* - */) {
    negative = true
    body = body.slice(1)
  } else if (first === 43 /* + */) body = body.slice(1)
  let point = body.indexOf(".")
  if (point > -1) body = body.replace(".", "")
  const marker = body.search(/e/i)
  if (marker > 0) {
    if (point < 0) point = marker
    point += +body.slice(marker + 1)
    body = body.substring(0, marker)
  } else if (point < 0) point = body.length
  let start = 0
  while (body.charCodeAt(start) === 48) start++
  let end = body.length
  while (end > start && body.charCodeAt(end - 1) === 48) end--
  if (start === end) return ZERO
  // The most significant digit stands at 10^top, the least at 10^(top - count + 1).
  const top = point - start - 1
  return limited(negative, BigInt(body.slice(start, end)), top - (end - start) + 1, top)
}

/**
 * The value of a ratio (decimal text, or a finite number through its shortest decimal form), or
 * `undefined` when it is neither (text {@link DECIMAL_TEXT} refuses, a non-finite number, anything
 * else).
 *
 * @internal
 */
export function exactOf(ratio: unknown): Exact | undefined {
  if (typeof ratio === "number") {
    if (!Number.isFinite(ratio)) return undefined
    return exactOfText(String(ratio))
  }
  return typeof ratio === "string" && DECIMAL_TEXT.test(ratio) ? exactOfText(ratio) : undefined
}

/** @internal How many decimals a finite number has in its shortest decimal form (decimal.js's `decimalPlaces`). */
export function decimalPlacesOf(value: number): number {
  const exact = exactOfText(String(value))
  return exact === INFINITE || exact.exponent >= 0 ? 0 : -exact.exponent
}

/**
 * `(-1)^negative × digits × 10^exponent` rounded to 60 significant digits, half-up, then checked
 * against the limits: what decimal.js does to the result of a multiplication.
 *
 * @internal
 */
export function rounded(negative: boolean, digits: bigint, exponent: number): Exact {
  if (digits === 0n) return ZERO
  let count = digitCount(digits)
  if (count > PRECISION) {
    const dropped = count - PRECISION
    const unit = power(dropped)
    let kept = digits / unit
    if ((digits % unit) * 2n >= unit) kept += 1n
    digits = kept
    exponent += dropped
    count = digitCount(digits)
  }
  while (digits % 10n === 0n) {
    digits /= 10n
    exponent++
    count--
  }
  return limited(negative, digits, exponent, exponent + count - 1)
}

/**
 * A whole number of cents times a value, rounded to 60 significant digits (`new Dec(cents).times(value)`).
 * Zero times an infinite value is zero (decimal.js made it `NaN`).
 *
 * @internal
 */
export function timesCents(cents: number, value: Exact): Exact {
  if (value === INFINITE) return cents === 0 ? ZERO : INFINITE
  return rounded(cents < 0 !== value.negative, BigInt(Math.abs(cents)) * value.digits, value.exponent)
}

/**
 * A value times 10^shift (`shift` ±2: `.times(100)`, `.div(100)`), checked against the limits.
 *
 * @internal
 */
export function shifted(value: Exact, shift: number): Exact {
  if (value === INFINITE || value.digits === 0n) return value
  return limited(
    value.negative,
    value.digits,
    value.exponent + shift,
    value.exponent + shift + digitCount(value.digits) - 1
  )
}

/**
 * A value rounded to a whole number with a mode (`toDecimalPlaces(0, mode)`), or `undefined` when
 * its magnitude reaches `limit` (infinite included): the caller's error.
 *
 * @internal
 */
export function wholeOf(value: Exact, mode: RoundingMode, limit: number): number | undefined {
  if (value === INFINITE) return undefined
  const { negative, digits, exponent } = value
  if (digits === 0n) return 0
  const top = exponent + digitCount(digits) - 1
  // 10^top ≤ |value|: at or past 10^16, no whole number near it is below the limit (10^15).
  if (top >= 16) return undefined
  let whole: bigint
  if (exponent >= 0) whole = digits * power(exponent)
  else {
    const places = -exponent
    // Below a tenth, nothing is left of the value but that it is not zero.
    const unit = places > digitCount(digits) ? undefined : power(places)
    const kept = unit === undefined ? 0n : digits / unit
    const rest = unit === undefined ? digits : digits % unit
    // How the rest compares with half a unit: below (-1), a tie (0), above (1).
    const half = unit === undefined ? -1 : rest * 2n < unit ? -1 : rest * 2n === unit ? 0 : 1
    whole = kept
    if (rest !== 0n && roundsAway(mode, negative, half, kept)) whole += 1n
  }
  const magnitude = Number(whole)
  if (magnitude >= limit) return undefined
  return negative ? -magnitude : magnitude
}

/** Whether a value between two whole numbers goes to the one farther from zero. */
function roundsAway(mode: RoundingMode, negative: boolean, half: -1 | 0 | 1, kept: bigint): boolean {
  switch (mode) {
    case "up":
      return true
    case "down":
      return false
    case "ceiling":
      return !negative
    case "floor":
      return negative
    case "half-up":
      return half >= 0
    case "half-down":
      return half > 0
    case "half-even":
      return half > 0 || (half === 0 && kept % 2n === 1n)
  }
}

/**
 * A value as an error message shows it: text quoted, anything else as `String` gives it (or its
 * type, for an object `String` cannot print).
 *
 * @internal
 */
export function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value)
  try {
    return String(value)
  } catch {
    return typeof value
  }
}
