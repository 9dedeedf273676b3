/**
 * Preparing activity records for an evaluation.
 *
 * @module
 */
import { uniqueById } from "../core/records.js"
import { type Activity, decodedActivities, isActivity, safeParseActivity } from "./activity.js"
import type { ExcludedRecord } from "./exclusion.js"

/** Decoded by this library, or exactly the shape of an activity record (checked, not guessed). */
function looksDecoded(record: unknown): record is Activity {
  return decodedActivities.has(record) || isActivity(record)
}

/**
 * The unique activity records sorted by id, and the extra copies of identical ones as exclusions.
 *
 * @internal
 */
export function uniqueRecords(records: ReadonlyArray<unknown>): {
  readonly unique: ReadonlyArray<Activity>
  readonly duplicates: ReadonlyArray<ExcludedRecord>
} {
  const { unique, copies } = uniqueById(records, { subject: "activities", looksDecoded, safeParse: safeParseActivity })
  return {
    unique,
    duplicates: copies.map((copy) => ({
      id: copy.id,
      reason: "duplicate-id",
      detail: "copie identique d'un autre enregistrement, comptée une fois"
    }))
  }
}
