/**
 * Named rounding modes, so that a convention can say how it rounds and the code never hides it.
 *
 * @module
 */
import { Decimal } from "decimal.js"
import { describeValue } from "../core/describe.js"
import { InvalidArgumentError } from "../core/errors.js"

/**
 * How a value is rounded to the cent (or to any unit):
 * - `half-up` (default): to nearest, ties away from zero (1,005 € → 1,01 €), as accountants do;
 * - `half-even`: to nearest, ties to the even cent (banker's rounding);
 * - `half-down`: to nearest, ties towards zero;
 * - `up`: away from zero; `down`: towards zero (truncation);
 * - `ceiling`: towards +∞; `floor`: towards −∞.
 *
 * @example
 * ```ts
 * import { Euros, type RoundingMode } from "caf-conventions"
 * const mode: RoundingMode = "half-even"
 * Euros.round("0.125", mode).toString() //=> "0.12"
 * ```
 * @category money
 */
export type RoundingMode = "half-up" | "half-even" | "half-down" | "up" | "down" | "ceiling" | "floor"

/**
 * Every rounding mode, in a stable order (for documentation, forms and property tests).
 *
 * @example
 * ```ts
 * import { ROUNDING_MODES } from "caf-conventions"
 * ROUNDING_MODES.includes("half-up") //=> true
 * ```
 * @category money
 */
export const ROUNDING_MODES: ReadonlyArray<RoundingMode> = [
  "half-up",
  "half-even",
  "half-down",
  "up",
  "down",
  "ceiling",
  "floor"
]

const TO_DECIMAL_JS: Record<RoundingMode, Decimal.Rounding> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  "half-down": Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceiling: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR
}

/**
 * @internal Maps a named mode to decimal.js's constant; anything else (`"x"`, or `"__proto__"`,
 * which every object answers) is an {@link InvalidArgumentError}, never a silent default.
 */
export function decimalRounding(mode: RoundingMode): Decimal.Rounding {
  if (typeof mode !== "string" || !Object.hasOwn(TO_DECIMAL_JS, mode)) {
    throw new InvalidArgumentError({
      argument: "mode",
      message: `expected a rounding mode (${ROUNDING_MODES.join(", ")}), got ${describeValue(mode)}`
    })
  }
  return TO_DECIMAL_JS[mode]
}
