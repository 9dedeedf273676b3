/**
 * The library's private decimal arithmetic. A host application may configure the global
 * `Decimal` as it likes; the library never touches it and works on its own clone.
 *
 * @internal
 * @module
 */
import { Decimal } from "decimal.js"

/**
 * Private decimal constructor: 60 significant digits (ratios of day counts and amounts up to
 * 10^15 € stay exact far beyond the cent), no exponent notation in `toString`.
 *
 * @internal
 */
export const Dec = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60
})

/** @internal */
export type Dec = InstanceType<typeof Dec>

/**
 * Decimal text as the library reads it: an optional sign, decimal digits with an optional point,
 * an optional exponent. decimal.js would also read `0x10`, `0b11` and `0o7` as hexadecimal,
 * binary and octal, and `Infinity` and `NaN`: none is a ratio anyone writes on purpose.
 */
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i

/**
 * The decimal a ratio stands for (a finite number, or decimal text), or `undefined` when it is
 * neither (hexadecimal, binary or octal text, a non-finite number, anything else).
 *
 * @internal
 */
export function decimalOf(ratio: unknown): Dec | undefined {
  if (typeof ratio === "number") return Number.isFinite(ratio) ? new Dec(ratio) : undefined
  return typeof ratio === "string" && DECIMAL_TEXT.test(ratio) ? new Dec(ratio) : undefined
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
