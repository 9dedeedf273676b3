/**
 * Where a year of funding stands: its state on the day of evaluation, and its financial report.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import type { FinancialReportComparison } from "../budget/financial-report.js"

/**
 * Where a year stands on the day of evaluation: `not-covered` (the convention does not apply
 * that year), `not-started`, `in-progress`, or `ended` (also when no day is given).
 *
 * @example
 * ```ts
 * import type { FundingYearState } from "caf-conventions"
 * const state: FundingYearState = "in-progress"
 * ```
 * @category funding
 */
export type FundingYearState = "not-covered" | "not-started" | "in-progress" | "ended"

/**
 * The financial report (*compte rendu financier*, Cerfa n° 15059) of a year: when it is due, when
 * it was received, and whether it is late.
 *
 * @example
 * ```ts
 * import type { FinancialReport } from "caf-conventions"
 * const overdue = (report: FinancialReport) => report.late && report.receivedOn === undefined
 * ```
 * @category funding
 */
export interface FinancialReport {
  /** The day it is due. */
  readonly dueDate: CalendarDate
  /** The day it was received, when it was. */
  readonly receivedOn?: CalendarDate
  /**
   * Received on a day that was not given: the year's reports were accepted (`by`, the day of
   * their acceptance, on or before the report's day: it was received by then), or the report
   * itself was given (`document`).
   */
  readonly receivedUndated?:
    | { readonly evidence: "reports-accepted"; readonly by: CalendarDate }
    | { readonly evidence: "document" }
  /**
   * Whether it came (or is) after its due day: received after it, or not received and the day of
   * the evaluation past it. False when it was received on a day not given (`receivedUndated`):
   * no day shows a delay.
   */
  readonly late: boolean
  /** The report's figures compared with the forecast, when the report itself was given (see {@link compareFinancialReport}). */
  readonly comparison?: FinancialReportComparison
}
