/**
 * What the command line prints is shown as written: control characters from the data (an ANSI
 * escape `\u001b[2J` in a partner's name, a carriage return, a bidirectional override) would act
 * on the terminal instead, so they are written as `\uXXXX` escapes.
 *
 * @module
 */

/**
 * C0 controls but the line feed and the tab, a carriage return not followed by a line feed (the
 * CSV's CRLF line ends are kept), DEL, C1 controls, the Unicode line and paragraph separators and
 * the bidirectional marks, embeddings, overrides and isolates.
 */
const UNPRINTABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|\r(?!\n)/gu

/**
 * @internal The text with every control character written as a `\uXXXX` escape, the form JSON
 * uses: JSON text stays valid JSON with the same value.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`)
}
