/**
 * Records read one at a time (from an iterable, an async iterable, a JSON Lines file): each is
 * decoded as it comes, copies and conflicts are told apart without keeping the records, and every
 * problem is reported at the end, with the record's index, exactly as for a list.
 *
 * @module
 */
import { MAX_LISTED_ISSUES, type PathSegment, ValidationError } from "./errors.js"
import { type RecordReader, canonical, duplicateRecord, requireList } from "./records.js"

type Listed = { readonly path: ReadonlyArray<PathSegment>; readonly message: string }

/**
 * A 53-bit digest of a text (cyrb53, public domain): two records with one id are told apart by
 * the digests of their canonical texts, so that a stream need not keep the records. Two different
 * records with one id have a chance of 2⁻⁵³ of the same digest.
 */
function digest(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** What {@link RecordIntake.take} makes of one record. */
type Taken<T> =
  | { readonly kind: "first"; readonly record: T }
  | { readonly kind: "copy"; readonly record: T }
  | { readonly kind: "refused" }

/**
 * @internal Takes records one at a time, in the order read: decodes each (or takes it as it is
 * when it already has the decoded shape), and says whether it is the first with its id, an
 * identical copy of that first, or refused (not a record, or a different record under an id
 * already used). Keeps per id only the first's index and a digest of its content. {@link finish}
 * throws the same {@link ValidationError} as {@link uniqueById} on the same records as a list:
 * the same issues, paths and counts.
 */
export class RecordIntake<T extends { readonly id: string }> {
  /** Records read. */
  given = 0
  /** Distinct records (first of their id). */
  unique = 0
  private readonly seen = new Map<string, { readonly index: number; readonly digest: number }>()
  private readonly decodeIssues: Array<Listed> = []
  private readonly conflicts: Array<Listed> = []
  private omitted = 0

  constructor(private readonly reader: RecordReader<T>) {}

  /** Whether a problem was found: what is taken afterwards no longer matters but for its issues. */
  get failed(): boolean {
    return this.decodeIssues.length > 0 || this.conflicts.length > 0 || this.omitted > 0
  }

  /** Takes the next record. */
  take(input: unknown): Taken<T> {
    const index = this.given++
    let record: T
    if (this.reader.looksDecoded(input)) record = input
    else {
      const result = this.reader.safeParse(input)
      if (!result.success) {
        this.omitted += result.error.omittedIssues ?? 0
        for (const issue of result.error.issues) {
          if (this.decodeIssues.length < MAX_LISTED_ISSUES)
            this.decodeIssues.push({ ...issue, path: [index, ...issue.path] })
          else this.omitted++
        }
        return { kind: "refused" }
      }
      record = result.data
    }
    const content = digest(canonical(record))
    const first = this.seen.get(record.id)
    if (first === undefined) {
      this.seen.set(record.id, { index, digest: content })
      this.unique++
      return { kind: "first", record }
    }
    if (first.digest === content) return { kind: "copy", record }
    // Only the first issues can be listed: both lists come in index order, so the first of their merge are among them.
    if (this.conflicts.length < MAX_LISTED_ISSUES) this.conflicts.push(duplicateRecord(index, record.id, first.index))
    else this.omitted++
    return { kind: "refused" }
  }

  /** Throws every problem found, in record order, as a list's would be. */
  finish(): void {
    if (!this.failed) return
    const issues = [...this.decodeIssues, ...this.conflicts].sort((a, b) => Number(a.path[0]) - Number(b.path[0]))
    throw ValidationError.of(this.reader.subject, issues, this.omitted)
  }
}

/**
 * @internal The records an evaluator is given, checked at the door: a list, or any other iterable
 * (a generator, a Set) but a string; anything else throws the {@link ValidationError} a list's
 * check throws.
 */
export function requireIterable(value: unknown, subject: string, argument: string): Iterable<unknown> {
  if (Array.isArray(value)) return value
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === "function"
  )
    return value as Iterable<unknown>
  return requireList(value, subject, argument)
}

/** @internal Like {@link requireIterable}, also accepting an async iterable (a stream, a database cursor). */
export function requireAsyncIterable(
  value: unknown,
  subject: string,
  argument: string
): Iterable<unknown> | AsyncIterable<unknown> {
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function"
  )
    return value as AsyncIterable<unknown>
  return requireIterable(value, subject, argument)
}
