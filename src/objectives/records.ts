/**
 * Preparing activity records for an evaluation: a light shape check (the evaluators take
 * decoded records), and duplicates.
 *
 * @module
 */
import { ValidationError } from "../core/errors.js"
import { type Activity, safeParseActivity } from "./activity.js"
import type { ExcludedRecord } from "./exclusion.js"

/** Object keys sorted, so that two records with the same content give the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner
  )
}

function looksDecoded(record: unknown): record is Activity {
  if (record === null || typeof record !== "object") return false
  const candidate = record as Record<string, unknown>
  return (
    typeof candidate["id"] === "string" &&
    typeof candidate["date"] === "string" &&
    typeof candidate["kind"] === "string" &&
    Array.isArray(candidate["structures"]) &&
    Array.isArray(candidate["fundedBy"])
  )
}

/**
 * The unique records **sorted by id**, and the extra copies of identical ones. Records are
 * checked for shape (fully decoded when they do not look decoded); two records with one id and
 * different content are an input error, since no choice between them would be safe.
 *
 * @internal
 */
export function uniqueRecords(records: ReadonlyArray<unknown>): { readonly unique: ReadonlyArray<Activity>; readonly duplicates: ReadonlyArray<ExcludedRecord> } {
  const issues: Array<{ readonly path: ReadonlyArray<string | number>; readonly message: string }> = []
  const indexed: Array<{ readonly record: Activity; readonly index: number }> = []
  records.forEach((input, index) => {
    if (looksDecoded(input)) {
      indexed.push({ record: input, index })
      return
    }
    const decoded = safeParseActivity(input)
    if (decoded.success) indexed.push({ record: decoded.data, index })
    else issues.push(...decoded.error.issues.map((issue) => ({ path: [index, ...issue.path], message: issue.message })))
  })
  // Sorting by id, then input position, puts copies side by side and makes every list the
  // evaluation returns come out in id order, whatever the input order.
  indexed.sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : a.index - b.index))
  const unique: Array<Activity> = []
  const duplicates: Array<ExcludedRecord> = []
  let first: { readonly record: Activity; readonly index: number } | undefined
  for (const entry of indexed) {
    if (first === undefined || first.record.id !== entry.record.id) {
      first = entry
      unique.push(entry.record)
    } else if (canonical(first.record) === canonical(entry.record)) {
      duplicates.push({ id: entry.record.id, reason: "duplicate-id", detail: "copie identique d'un autre enregistrement, comptée une fois" })
    } else {
      issues.push({ path: [entry.index, "id"], message: `the id ${entry.record.id} is already used by record [${first.index}] with different content` })
    }
  }
  if (issues.length > 0) throw ValidationError.of("activities", issues.sort((a, b) => Number(a.path[0]) - Number(b.path[0])))
  return { unique, duplicates }
}
