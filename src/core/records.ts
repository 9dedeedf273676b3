/**
 * Preparing a list of records (activities, payments, expenses) for an evaluation: a light shape
 * check, full decoding of what does not look decoded, and duplicates.
 *
 * @module
 */
import { duplicateRecordText } from "../vocabulary/validation.js"
import { type Issue, MAX_LISTED_ISSUES, type PathSegment, type SafeParseResult, ValidationError } from "./errors.js"

/** @internal The issue of a record (at `index`) whose id an earlier one (at `first`) has, with another content. */
export function duplicateRecord(index: number, id: string, first: number): Issue {
  const messages = duplicateRecordText(id, first)
  return { path: [index, "id"], message: messages.en, code: "rule", messages }
}

/**
 * @internal Object keys sorted, so that two records with the same content give the same text. The replacer
 * sees each value after its `toJSON` (an amount is already its text); the keys of one object are
 * distinct, so their comparison never meets a tie.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
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

/** @internal Records decoded one by one, as they are read: each at its index, and the problems met. */
export interface DecodedRecords<T> {
  /** The decoded records at their input index; undefined where a record was refused. */
  readonly decoded: Array<T | undefined>
  /** The problems, with the record's index first in each path (at most {@link MAX_LISTED_ISSUES}). */
  readonly issues: Array<{ readonly path: ReadonlyArray<PathSegment>; readonly message: string }>
  /** Problems not listed. */
  omitted: number
}

/** @internal An empty list of decoded records, to fill with {@link decodeRecord}. */
export function decodedRecords<T>(): DecodedRecords<T> {
  return { decoded: [], issues: [], omitted: 0 }
}

/**
 * @internal Decodes the record read at `index` (taken as it is when it looks decoded), into
 * `into`: its value, or its problems with the index first in each path. `reader.safeParse` is a
 * codec's, which tries the fast decoder compiled from the Schema first (src/core/fast.ts).
 */
export function decodeRecord<T>(input: unknown, index: number, reader: RecordReader<T>, into: DecodedRecords<T>): void {
  if (reader.looksDecoded(input)) {
    into.decoded[index] = input
    return
  }
  const result = reader.safeParse(input)
  if (result.success) {
    into.decoded[index] = result.data
    return
  }
  into.decoded[index] = undefined
  into.omitted += result.error.omittedIssues ?? 0
  for (const issue of result.error.issues) {
    if (into.issues.length < MAX_LISTED_ISSUES) into.issues.push({ ...issue, path: [index, ...issue.path] })
    else into.omitted++
  }
}

/** Whether a value is a list or another iterable of records (a text is not one). */
function isRecordIterable(value: unknown): value is Iterable<unknown> {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"
  )
}

/** @internal Whether a value is an async iterable (a stream, an async generator, a cursor). */
export function isAsyncRecordIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function"
  )
}

/**
 * The unique records **sorted by id**, and the extra copies of identical ones, from a list or any
 * other iterable, each record decoded as it is read. Two records with one id and different
 * content, or a value that is not a record, throw a {@link ValidationError} listing every problem
 * with the record's index: no choice between conflicting records would be safe, and nothing is
 * dropped silently.
 *
 * @internal
 */
export function uniqueById<T extends { readonly id: string }>(
  records: Iterable<unknown>,
  reader: RecordReader<T>
): { readonly unique: ReadonlyArray<T>; readonly copies: ReadonlyArray<T> } {
  return uniqueOfDecoded(decodedList(records, reader), reader.subject)
}

/** Every record of a list or another iterable decoded, at its index; anything else throws, as {@link requireList}. */
function decodedList<T>(records: Iterable<unknown>, reader: RecordReader<T>): DecodedRecords<T> {
  const list = decodedRecords<T>()
  if (Array.isArray(records))
    for (let index = 0; index < records.length; index++) decodeRecord(records[index], index, reader, list)
  else if (isRecordIterable(records)) {
    let index = 0
    for (const input of records) decodeRecord(input, index++, reader, list)
  } else requireList(records, reader.subject, reader.subject)
  return list
}

/**
 * @internal The unique records of a decoded list, sorted by id, and the copies; throws the
 * {@link ValidationError} of every problem met, in the order of the records.
 */
export function uniqueOfDecoded<T extends { readonly id: string }>(
  list: DecodedRecords<T>,
  subject: string
): { readonly unique: ReadonlyArray<T>; readonly copies: ReadonlyArray<T> } {
  const { decoded } = list
  if (list.issues.length === 0 && list.omitted === 0) {
    const clean = uniqueOfClean(decoded as ReadonlyArray<T>)
    if (clean !== undefined) return clean
  }
  const issues = [...list.issues]
  const order: Array<number> = []
  for (let index = 0; index < decoded.length; index++) if (decoded[index] !== undefined) order.push(index)
  // Sorting by id puts copies side by side, in input order (the sort is stable), and makes every
  // list an evaluation returns come out in id order, whatever the input order.
  order.sort((a, b) => compareIds(decoded[a] as T, decoded[b] as T))
  const unique: Array<T> = []
  const copies: Array<T> = []
  let first = -1
  for (const index of order) {
    const record = decoded[index] as T
    const kept = decoded[first] // undefined before the first record (index -1)
    if (kept === undefined || kept.id !== record.id) {
      first = index
      unique.push(record)
    } else if (canonical(kept) === canonical(record)) {
      copies.push(record)
    } else {
      issues.push(duplicateRecord(index, record.id, first))
    }
  }
  if (issues.length > 0 || list.omitted > 0)
    throw ValidationError.of(
      subject,
      issues.sort((a, b) => Number(a.path[0]) - Number(b.path[0])),
      list.omitted
    )
  return { unique, copies }
}

/**
 * The unique records of a list decoded without a problem, sorted by id, and the copies; undefined
 * when two records share an id with different content (the caller then reports it with their
 * indexes). The records themselves are sorted (the sort is stable: copies stay in input order),
 * which is the same order as their indexes sorted by id, and cheaper.
 */
function uniqueOfClean<T extends { readonly id: string }>(
  decoded: ReadonlyArray<T>
): { readonly unique: ReadonlyArray<T>; readonly copies: ReadonlyArray<T> } | undefined {
  // Records often come in id order already (a database, an export): one pass sees it, and
  // every id is then distinct, so no copy can hide among them.
  if (inIdOrder(decoded)) return { unique: decoded.slice(), copies: [] }
  const sorted = decoded.slice().sort(compareIds)
  let shared = false
  for (let index = 1; index < sorted.length && !shared; index++)
    shared = (sorted[index - 1] as T).id === (sorted[index] as T).id
  // Every id once (the usual case): the sorted records are the unique ones.
  if (!shared) return { unique: sorted, copies: [] }
  const unique: Array<T> = []
  const copies: Array<T> = []
  let kept: T | undefined
  for (let index = 0; index < sorted.length; index++) {
    const record = sorted[index] as T
    if (kept === undefined || kept.id !== record.id) {
      kept = record
      unique.push(record)
    } else if (canonical(kept) === canonical(record)) copies.push(record)
    else return undefined
  }
  return { unique, copies }
}

/**
 * The unique records of a list or another iterable **in the order given**, and the extra copies
 * of identical ones (in the order given too), each record decoded as it is read; throws the same
 * {@link ValidationError} as {@link uniqueById} on the same records. For an evaluation that sorts
 * what it returns itself (the objectives' tallies sort their lists by id, as when the records are
 * streamed): sorting the records first cost about a seventh of the objectives' time a record.
 * Funding keeps {@link uniqueById}: most of its lines are listed, and sorting the lists it returns
 * measured no cheaper than sorting the lines first.
 *
 * @internal
 */
export function distinctById<T extends { readonly id: string }>(
  records: Iterable<unknown>,
  reader: RecordReader<T>
): { readonly unique: ReadonlyArray<T>; readonly copies: ReadonlyArray<T> } {
  const list = decodedList(records, reader)
  if (list.issues.length > 0 || list.omitted > 0) return uniqueOfDecoded(list, reader.subject)
  const decoded = list.decoded as Array<T>
  // Records often come in id order already (a database, an export): one pass sees it (and stops
  // at the first pair out of order), and every id is then distinct.
  if (inIdOrder(decoded)) return { unique: decoded, copies: [] }
  const ids = new Set<string>()
  for (let index = 0; index < decoded.length; index++) ids.add((decoded[index] as T).id)
  // Every id once (the usual case): the records as given.
  if (ids.size === decoded.length) return { unique: decoded, copies: [] }
  const first = new Map<string, T>()
  const unique: Array<T> = []
  const copies: Array<T> = []
  for (let index = 0; index < decoded.length; index++) {
    const record = decoded[index] as T
    const kept = first.get(record.id)
    if (kept === undefined) {
      first.set(record.id, record)
      unique.push(record)
    } else if (canonical(kept) === canonical(record)) copies.push(record)
    // Two records with one id and different content: reported with their indexes, as uniqueById does.
    else return uniqueOfDecoded(list, reader.subject)
  }
  return { unique, copies }
}

/** Whether the ids come in strictly increasing order (then every id is distinct); stops at the first pair out of order. */
function inIdOrder(records: ReadonlyArray<{ readonly id: string }>): boolean {
  for (let index = 1; index < records.length; index++)
    if ((records[index - 1] as { readonly id: string }).id >= (records[index] as { readonly id: string }).id)
      return false
  return true
}

/**
 * Orders records by id, compared as strings: the order of every list an evaluation returns.
 *
 * @internal
 */
export function compareIds(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Checks that an argument a caller passes is a list (records from JSON may be anything), or
 * throws a {@link ValidationError} saying so, at the argument's name.
 *
 * @internal
 */
export function requireList(value: unknown, subject: string, argument: string): ReadonlyArray<unknown> {
  if (Array.isArray(value)) return value
  throw ValidationError.of(subject, [
    { path: [argument], message: `expected a list, got ${value === null ? "null" : typeof value}` }
  ])
}

/**
 * Checks that an options argument is an object, or throws a {@link ValidationError}.
 *
 * @internal
 */
export function requireOptions<T extends object>(value: T, subject: string): T {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return value
  throw ValidationError.of(subject, [
    {
      path: [],
      message: `expected an options object, got ${value === null ? "null" : Array.isArray(value) ? "a list" : typeof value}`
    }
  ])
}
