/**
 * Where a text stops being JSON, as a line and a column: read by the command line for a file
 * and by the HTTP service for a body, which word it in their own language.
 *
 * @module
 * @internal
 */
import { syntaxErrorOffset } from "../core/json-syntax.js"
import type { TextPosition } from "../vocabulary/doors.js"

/** @internal The line and column (both from 1) of the character at `offset` in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  const lines = text.slice(0, offset).split("\n")
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}

/** @internal Where `text` stops being JSON, or `undefined` when it is JSON (or nested too deeply to be followed). */
export function syntaxErrorPosition(text: string): TextPosition | undefined {
  const offset = syntaxErrorOffset(text)
  return offset === undefined ? undefined : positionAt(text, offset)
}
