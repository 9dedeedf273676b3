/**
 * CSV cells shared by the exports (the SCDL table, the report's tables): quoting as RFC 4180
 * says, and free texts neutralised so that a spreadsheet does not run them as formulas.
 *
 * @module
 * @internal
 */

/** @internal A cell a spreadsheet would run as a formula (OWASP, *CSV Injection*): it starts with `=`, `+`, `-`, `@`, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/u

/**
 * @internal A free text as published in a CSV: after a single quote when it starts like a
 * formula, as OWASP advises (`=1+1` becomes `'=1+1`); unchanged otherwise.
 */
export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** @internal A field quoted when it holds a quote, a comma, a semicolon or a line break (RFC 4180); its quotes doubled. */
export function quoted(value: string): string {
  return /[",\r\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * @internal A cell of free text in a CSV: neutralised (see {@link neutralised}) and then always
 * quoted when it was, so that the quote shows as text; quoted when needed otherwise.
 */
export function freeTextCell(value: string): string {
  const text = neutralised(value)
  return text === value ? quoted(value) : `"${text.replace(/"/g, '""')}"`
}
