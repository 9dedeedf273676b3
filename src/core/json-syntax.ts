/**
 * Where a text stops being JSON, found without quoting it: `JSON.parse`'s own messages quote the
 * text around the error (`Unexpected token 'h', "hello secret" is not valid JSON`) and give a
 * position only for some errors, so the command line looks for the position itself.
 *
 * @module
 */
import { syntaxPlaceText } from "../vocabulary/validation.js"

interface Cursor {
  readonly text: string
  at: number
}

/** Thrown, then caught by {@link syntaxErrorOffset}, at the first character that cannot be JSON. */
class SyntaxStop {
  constructor(readonly at: number) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y
const STRING_RUN = /[^"\\\u0000-\u001f]+/y

function skipSpace(cursor: Cursor): void {
  while (" \t\n\r".includes(cursor.text[cursor.at] ?? "x")) cursor.at++
}

function expect(cursor: Cursor, character: string): void {
  if (cursor.text[cursor.at] !== character) throw new SyntaxStop(cursor.at)
  cursor.at++
}

function match(cursor: Cursor, pattern: RegExp): void {
  pattern.lastIndex = cursor.at
  if (pattern.exec(cursor.text) === null) throw new SyntaxStop(cursor.at)
  cursor.at = pattern.lastIndex
}

function string(cursor: Cursor): void {
  expect(cursor, '"')
  for (;;) {
    const character = cursor.text[cursor.at]
    if (character === '"') {
      cursor.at++
      return
    }
    match(cursor, character === "\\" ? ESCAPE : STRING_RUN)
  }
}

/** Items separated by commas up to `close`, each read by `item`. */
function sequence(cursor: Cursor, close: string, item: (cursor: Cursor) => void): void {
  cursor.at++
  skipSpace(cursor)
  if (cursor.text[cursor.at] === close) {
    cursor.at++
    return
  }
  for (;;) {
    item(cursor)
    skipSpace(cursor)
    if (cursor.text[cursor.at] !== ",") return expect(cursor, close)
    cursor.at++
  }
}

function member(cursor: Cursor): void {
  skipSpace(cursor)
  string(cursor)
  skipSpace(cursor)
  expect(cursor, ":")
  value(cursor)
}

function value(cursor: Cursor): void {
  skipSpace(cursor)
  const character = cursor.text[cursor.at]
  if (character === "{") return sequence(cursor, "}", member)
  if (character === "[") return sequence(cursor, "]", value)
  if (character === '"') return string(cursor)
  for (const word of ["true", "false", "null"]) {
    if (cursor.text.startsWith(word, cursor.at)) {
      cursor.at += word.length
      return
    }
  }
  match(cursor, NUMBER)
}

/**
 * @internal The offset of the first character where `text` stops being JSON, `undefined` when it
 * is JSON (or nested too deeply to be followed).
 */
export function syntaxErrorOffset(text: string): number | undefined {
  const cursor: Cursor = { text, at: 0 }
  try {
    value(cursor)
    skipSpace(cursor)
    return cursor.at < text.length ? cursor.at : undefined
  } catch (error) {
    if (error instanceof SyntaxStop) return error.at
    if (error instanceof RangeError) return undefined
    throw error
  }
}

/** @internal Where `text` stops being JSON, as « ligne L, colonne C » (both from 1), or `undefined`. */
export function syntaxErrorPlace(text: string): string | undefined {
  const offset = syntaxErrorOffset(text)
  if (offset === undefined) return undefined
  const lines = text.slice(0, offset).split("\n")
  return syntaxPlaceText(lines.length, (lines.at(-1)?.length ?? 0) + 1)
}
