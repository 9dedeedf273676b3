/**
 * Reading a JSON Lines file (`.jsonl`: one JSON value a line) as a stream: each line is parsed as
 * it is read and handed on, so that an evaluator reading records one at a time never holds the
 * file. A line that is not JSON, or is empty, stops the reading with a {@link ValidationError}
 * naming the file and the line (and the column), in French, without quoting the line.
 *
 * @module
 */
import { closeSync, createReadStream, openSync, statSync } from "node:fs"
import { extname } from "node:path"
import { createInterface } from "node:readline"
import { ValidationError } from "../index.js"
import { UsageError } from "./args.js"
import { reasonOf } from "./files.js"
import { syntaxErrorOffset } from "../core/json-syntax.js"
import { badJsonLineText, cannotReadText, invalidJsonLinesText } from "../vocabulary/cli.js"

/** @internal Whether a file holds JSON Lines, by its name (`.jsonl`, `.ndjson`). */
export function isJsonLinesPath(path: string): boolean {
  return [".jsonl", ".ndjson"].includes(extname(path).toLowerCase())
}

/** The error of a line that is not a JSON value: the file, the line and, when found, the column. */
function badLine(path: string, line: number, text: string): ValidationError {
  const offset = text.trim() === "" ? undefined : syntaxErrorOffset(text)
  const { fr, en } = badJsonLineText(line, text.trim() === "", offset === undefined ? undefined : offset + 1)
  const error = ValidationError.of(path, [{ path: [], message: fr, code: "json-syntax", messages: { fr, en } }])
  return new ValidationError({
    subject: path,
    issues: error.issues,
    message: invalidJsonLinesText(path, fr)
  })
}

/**
 * @internal Reads a JSON Lines file one line at a time: the values, in order (the record at
 * index `i` is on line `i + 1`). The file is checked at once (a usage error when it cannot be
 * read); a bad line throws a {@link ValidationError} when it is reached. A byte-order mark before
 * the first line is skipped, and so are the `\r` of Windows line ends.
 */
export function readJsonLines(path: string): AsyncIterable<unknown> {
  try {
    if (!statSync(path).isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" })
    closeSync(openSync(path, "r"))
  } catch (error) {
    throw new UsageError(cannotReadText(path, reasonOf(error)))
  }
  return {
    async *[Symbol.asyncIterator](): AsyncGenerator<unknown> {
      const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity })
      let number = 0
      try {
        for await (const raw of lines) {
          number++
          const text = number === 1 && raw.startsWith("\uFEFF") ? raw.slice(1) : raw
          let value: unknown
          try {
            value = JSON.parse(text)
          } catch {
            throw badLine(path, number, text)
          }
          yield value
        }
      } finally {
        lines.close()
      }
    }
  }
}
