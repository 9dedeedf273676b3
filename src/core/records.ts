/**
 * Preparing a list of records (activities, payments, expenses) for an evaluation: a light shape
 * check, full decoding of what does not look decoded, and duplicates.
 *
 * @module
 */
import { type PathSegment, type SafeParseResult, ValidationError } from "./errors.js"

/** Object keys sorted, so that two records with the same content give the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner) && typeof (inner as { toJSON?: unknown }).toJSON !== "function"
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner
  )
}

/** @internal How to recognise and read one kind of record. */
export interface RecordReader<T> {
  /** What the records are, for error messages (`"activities"`). */
  readonly subject: string
  /** A cheap check that a value already has the decoded shape. */
  readonly looksDecoded: (value: unknown) => value is T
  /** The full decoder, for values that do not look decoded. */
  readonly safeParse: (value: unknown) => SafeParseResult<T>
}

/**
 * The unique records **sorted by id**, and the extra copies of identical ones. Two records with
 * one id and different content, or a value that is not a record, throw a {@link ValidationError}
 * listing every problem with the record's index: no choice between conflicting records would be
 * safe, and nothing is dropped silently.
 *
 * @internal
 */
export function uniqueById<T extends { readonly id: string }>(
  records: ReadonlyArray<unknown>,
  reader: RecordReader<T>
): { readonly unique: ReadonlyArray<T>; readonly copies: ReadonlyArray<T> } {
  const issues: Array<{ readonly path: ReadonlyArray<PathSegment>; readonly message: string }> = []
  const indexed: Array<{ readonly record: T; readonly index: number }> = []
  records.forEach((input, index) => {
    if (reader.looksDecoded(input)) {
      indexed.push({ record: input, index })
      return
    }
    const decoded = reader.safeParse(input)
    if (decoded.success) indexed.push({ record: decoded.data, index })
    else issues.push(...decoded.error.issues.map((issue) => ({ path: [index, ...issue.path], message: issue.message })))
  })
  // Sorting by id, then input position, puts copies side by side and makes every list an
  // evaluation returns come out in id order, whatever the input order.
  indexed.sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : a.index - b.index))
  const unique: Array<T> = []
  const copies: Array<T> = []
  let first: { readonly record: T; readonly index: number } | undefined
  for (const entry of indexed) {
    if (first === undefined || first.record.id !== entry.record.id) {
      first = entry
      unique.push(entry.record)
    } else if (canonical(first.record) === canonical(entry.record)) {
      copies.push(entry.record)
    } else {
      issues.push({ path: [entry.index, "id"], message: `the id ${entry.record.id} is already used by record [${first.index}] with different content` })
    }
  }
  if (issues.length > 0) throw ValidationError.of(reader.subject, issues.sort((a, b) => Number(a.path[0]) - Number(b.path[0])))
  return { unique, copies }
}
