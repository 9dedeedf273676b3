/**
 * Exact shares of amounts (their French wording is `sharePercentText`, in src/vocabulary/budget.ts).
 *
 * @module
 */
import { type Rational, compareRational, rational, roundRational } from "../core/fraction.js"
import { Euros } from "../money/euros.js"

/** @internal `part / whole` as an exact fraction; undefined when the whole is zero. */
export function shareOf(part: Euros, whole: Euros): Rational | undefined {
  return whole.isZero() ? undefined : rational(part.toCents(), whole.toCents())
}

/** @internal A ratio written as a decimal string (`"0.8"`), as an exact fraction. */
export function ratioOf(text: string): Rational {
  const [whole = "0", decimals = ""] = text.split(".")
  return rational(BigInt(whole + decimals), 10n ** BigInt(decimals.length))
}

/** @internal `amount × share`, rounded down to the cent (a cap or a prorated grant never exceeds its exact value). */
export function timesShare(amount: Euros, share: Rational): Euros {
  return Euros.fromCents(roundRational(rational(amount.toCents() * share.n, share.d), "floor"))
}

/** @internal Whether `a` is strictly above `b`. */
export const above = (a: Rational, b: Rational): boolean => compareRational(a, b) > 0
