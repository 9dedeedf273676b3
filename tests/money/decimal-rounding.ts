/**
 * decimal.js's rounding constant for each of the library's rounding modes, as `Euros` used them
 * before it computed on BigInts: the tests that compare the two paths read it.
 */
import { Decimal } from "decimal.js"
import type { RoundingMode } from "caf-conventions"

export const TO_DECIMAL_JS: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  "half-down": Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceiling: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR
}
