/**
 * The Luhn key that INSEE puts at the end of every SIREN and SIRET.
 *
 * @module
 */

/**
 * Whether a string of digits passes the Luhn check (from the right, every second digit is
 * doubled and 9 is taken off when the double exceeds 9; the total must be a multiple of 10).
 * Returns false for an empty string, any character that is not a digit, or a value that is not a string.
 *
 * @example
 * ```ts
 * import { luhnValid } from "caf-conventions"
 * luhnValid("732829320") //=> true
 * luhnValid("732829321") //=> false
 * ```
 * @category identifiers
 */
export function luhnValid(digits: string): boolean {
  // A pattern alone reads ["18"] as "18": anything but a string is refused first.
  if (typeof digits !== "string" || !/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}
