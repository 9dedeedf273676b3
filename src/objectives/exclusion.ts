/**
 * Why an activity record did not count towards an objective.
 *
 * @module
 */

/**
 * The reasons a record may not count towards an objective, checked in this order:
 * - `duplicate-id`: another record has the same id and the same content (it counts once);
 * - `outside-year`: dated outside the year, or outside the convention's effective period;
 * - `after-as-of`: dated after the `asOf` day of the evaluation;
 * - `objective-not-in-force`: dated before the day an amendment adds the objective from;
 * - `other-kind`: not a kind of activity the indicator counts;
 * - `sector-not-covered`: its sector is not covered by the convention that day;
 * - `sector-not-targeted`: its sector is covered, but not one the objective targets;
 * - `funded-elsewhere`: funded by a scheme the convention excludes (FPT…), or reported under
 *   another convention;
 * - `other-body`, `other-theme`: not a meeting of the objective's body, not on its theme;
 * - `no-duration`: a sum of days, and the record gives no duration;
 * - `no-measure`: the indicator adds up or counts a field (a measure, a list of beneficiaries, the participants) that the record does not give;
 * - `no-structure`, `situation-not-targeted`, `territory-not-targeted`, `structure-not-eligible`:
 *   a count of structures (or a filter on them), and the record names none, none in the targeted
 *   situation, none in the targeted départements, or none eligible under the convention's
 *   eligibility rules.
 *
 * @example
 * ```ts
 * import { EXCLUSION_REASON_LABELS, type ExclusionReason } from "caf-conventions"
 * const reason: ExclusionReason = "funded-elsewhere"
 * EXCLUSION_REASON_LABELS[reason] //=> "financé par ailleurs"
 * ```
 * @category objectives
 */
export type ExclusionReason =
  | "duplicate-id"
  | "outside-year"
  | "after-as-of"
  | "objective-not-in-force"
  | "other-kind"
  | "sector-not-covered"
  | "sector-not-targeted"
  | "funded-elsewhere"
  | "other-body"
  | "other-theme"
  | "no-duration"
  | "no-measure"
  | "no-structure"
  | "situation-not-targeted"
  | "territory-not-targeted"
  | "structure-not-eligible"

/**
 * A record that did not count towards an objective, and why.
 *
 * @example
 * ```ts
 * import type { ExcludedRecord } from "caf-conventions"
 * const excluded: ExcludedRecord = { id: "a-7", reason: "funded-elsewhere", detail: "financé par Fonds publics et territoires (FPT)" }
 * ```
 * @category objectives
 */
export interface ExcludedRecord {
  /** The record's id. */
  readonly id: string
  /** Why it did not count. */
  readonly reason: ExclusionReason
  /** The particulars, in French. */
  readonly detail: string
}
