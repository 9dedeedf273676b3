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
