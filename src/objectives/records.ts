/**
 * Preparing activity records for an evaluation.
 *
 * @module
 */
import { uniqueById } from "../core/records.js"
import { type Activity, safeParseActivity } from "./activity.js"
import type { ExcludedRecord } from "./exclusion.js"

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
 * The unique activity records sorted by id, and the extra copies of identical ones as exclusions.
 *
 * @internal
 */
export function uniqueRecords(records: ReadonlyArray<unknown>): { readonly unique: ReadonlyArray<Activity>; readonly duplicates: ReadonlyArray<ExcludedRecord> } {
  const { unique, copies } = uniqueById(records, { subject: "activities", looksDecoded, safeParse: safeParseActivity })
  return {
    unique,
    duplicates: copies.map((copy) => ({ id: copy.id, reason: "duplicate-id", detail: "copie identique d'un autre enregistrement, comptée une fois" }))
  }
}
