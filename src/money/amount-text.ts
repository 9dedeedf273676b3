/**
 * Reading the text of an amount (`"30000.50"`) into cents, without a regular expression: every
 * decoded amount goes through it, twice (the schema's check, then `Euros.parse`).
 *
 * @module
 */

/** @internal Amounts are below 10^13 € in absolute value: 10^15 cents. */
export const LIMIT_CENTS = 1e15

/** @internal The shape of an amount's text, which {@link centsOf} reads (the tests compare both). */
export const AMOUNT = /^-?(0|[1-9]\d*)(\.\d{1,2})?$/

/**
 * @internal The cents a text written as {@link AMOUNT} says (an optional minus sign, `0` or digits not
 * starting with `0`, then a dot and one or two digits), or `undefined` for any other text. Read
 * character by character, without a regular expression or a split: every decoded amount goes
 * through it. The tests compare it with {@link AMOUNT} on generated texts.
 */
export function centsOf(text: string): number | undefined {
  const length = text.length
  let index = 0
  let negative = false
  if (index < length && text.charCodeAt(index) === 45 /* - */) {
    negative = true
    index++
  }
  const start = index
  let whole = 0
  while (index < length) {
    const code = text.charCodeAt(index)
    if (code < 48 || code > 57) break
    whole = whole * 10 + (code - 48)
    index++
  }
  const digits = index - start
  if (digits === 0 || (digits > 1 && text.charCodeAt(start) === 48)) return undefined
  let decimals = 0
  if (index < length) {
    if (text.charCodeAt(index) !== 46 /* . */) return undefined
    const first = index + 1
    const count = length - first
    if (count < 1 || count > 2) return undefined
    for (let at = first; at < length; at++) {
      const code = text.charCodeAt(at)
      if (code < 48 || code > 57) return undefined
      decimals = decimals * 10 + (code - 48)
    }
    if (count === 1) decimals *= 10
  }
  const cents = whole * 100 + decimals
  return negative ? -cents : cents
}

/** @internal Whether a text is an amount `Euros.parse` reads without an error (its shape and its range). */
export function isAmountText(text: string): boolean {
  const cents = centsOf(text)
  return cents !== undefined && Math.abs(cents) < LIMIT_CENTS
}
