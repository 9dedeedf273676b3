/**
 * Named rounding modes, so that a convention can say how it rounds and the code never hides it.
 *
 * @module
 */
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

const MODES: ReadonlySet<unknown> = new Set(ROUNDING_MODES)

/**
 * @internal A named mode as given, checked: anything else (`"x"`, `"__proto__"`, a number) is an
 * {@link InvalidArgumentError}, never a silent default.
 */
export function roundingMode(mode: RoundingMode): RoundingMode {
  if (!MODES.has(mode)) {
    throw new InvalidArgumentError({
      argument: "mode",
      message: `expected a rounding mode (${ROUNDING_MODES.join(", ")}), got ${describeValue(mode)}`
    })
  }
  return mode
}

/**
 * @internal `numerator / denominator` rounded to a whole number with `mode`, in plain integers:
 * `numerator` a whole number of at most 2^52 in absolute value, `denominator` a positive whole
 * number. Exactly what rounding the exact quotient gives; undefined for a mode it does not know
 * (the caller's decimal path then decides, errors included).
 */
export function roundedQuotient(numerator: number, denominator: number, mode: RoundingMode): number | undefined {
  const negative = numerator < 0
  const size = negative ? -numerator : numerator
  let quotient = Math.floor(size / denominator)
  let remainder = size - quotient * denominator
  // The float division may be off by one near a whole number: the remainder says.
  if (remainder < 0) {
    quotient -= 1
    remainder += denominator
  } else if (remainder >= denominator) {
    quotient += 1
    remainder -= denominator
  }
  let away: boolean
  switch (mode) {
    case "down":
      away = false
      break
    case "up":
      away = remainder > 0
      break
    case "ceiling":
      away = !negative && remainder > 0
      break
    case "floor":
      away = negative && remainder > 0
      break
    case "half-up":
      away = 2 * remainder >= denominator
      break
    case "half-down":
      away = 2 * remainder > denominator
      break
    case "half-even":
      away = 2 * remainder > denominator || (2 * remainder === denominator && quotient % 2 === 1)
      break
    default:
      return undefined
  }
  const rounded = away ? quotient + 1 : quotient
  return negative ? -rounded : rounded
}
