/**
 * The library's private decimal arithmetic. A host application may configure the global
 * `Decimal` as it likes; the library never touches it and works on its own clone. Only what
 * divides imports it (`allocate`, `prorate`, the funding schedules and settlements): `Euros`
 * computes its products and roundings on BigInts (src/money/exact.ts), so that decoding
 * documents does not bundle decimal.js.
 *
 * @internal
 * @module
 */
import { Decimal } from "decimal.js"
import { DECIMAL_TEXT } from "./exact.js"

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
 * The decimal a ratio stands for (a finite number, or decimal text), or `undefined` when it is
 * neither (hexadecimal, binary or octal text, a non-finite number, anything else).
 *
 * @internal
 */
export function decimalOf(ratio: unknown): Dec | undefined {
  if (typeof ratio === "number") return Number.isFinite(ratio) ? new Dec(ratio) : undefined
  return typeof ratio === "string" && DECIMAL_TEXT.test(ratio) ? new Dec(ratio) : undefined
}
