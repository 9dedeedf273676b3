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
 * The unique records, and the extra copies of identical ones. Records are checked for shape
 * (fully decoded when they do not look decoded); two records with one id and different content
 * are an input error, since no choice between them would be safe.
 *
 * @internal
 */
export function uniqueRecords(records: ReadonlyArray<unknown>): { readonly unique: ReadonlyArray<Activity>; readonly duplicates: ReadonlyArray<ExcludedRecord> } {
  const byId = new Map<string, { readonly record: Activity; readonly index: number }>()
  const duplicates: Array<ExcludedRecord> = []
  const conflicts: Array<{ readonly path: ReadonlyArray<string | number>; readonly message: string }> = []
  records.forEach((input, index) => {
    let record: Activity
    if (looksDecoded(input)) record = input
    else {
      const decoded = safeParseActivity(input)
      if (!decoded.success) {
        conflicts.push(...decoded.error.issues.map((issue) => ({ path: [index, ...issue.path], message: issue.message })))
        return
      }
      record = decoded.data
    }
    const first = byId.get(record.id)
    if (first === undefined) {
      byId.set(record.id, { record, index })
    } else if (canonical(first.record) === canonical(record)) {
      duplicates.push({ id: record.id, reason: "duplicate-id", detail: "copie identique d'un autre enregistrement, comptée une fois" })
    } else {
      conflicts.push({ path: [index, "id"], message: `the id ${record.id} is already used by record [${first.index}] with different content` })
    }
  })
  if (conflicts.length > 0) throw ValidationError.of("activities", conflicts)
  return { unique: [...byId.values()].map((entry) => entry.record), duplicates }
}
