/**
 * Reports: the yearly review (*bilan annuel*) and the end-of-convention review (*bilan de fin de
 * convention*) as structured values, ready to render.
 *
 * @module
 */
import { type CalendarDate, calendarDate, safeParseCalendarDate } from "../calendar/date.js"
import { periodYears } from "../calendar/period.js"
import { ValidationError } from "../core/errors.js"
import { type ComplianceFinding, checkCompliance } from "../conventions/compliance.js"
import type { Convention } from "../conventions/convention.js"
import { lineage } from "../conventions/lineage.js"
import { type ConventionStatus, conventionStatus, effectivePeriod } from "../conventions/terms-as-of.js"
import type { RuleTree } from "../eligibility/rule.js"
import { type FundingUse, evaluateFundingUse } from "../funding/use.js"
import type { Expense, Payment } from "../funding/records.js"
import { Euros } from "../money/euros.js"
import type { Activity } from "../objectives/activity.js"
import { type ObjectivesEvaluation, evaluateObjectives } from "../objectives/evaluate.js"
import { type ObjectiveAcrossYears, evaluateConventionObjectives } from "../objectives/synthesis.js"
import type { Partner } from "../partners/partner.js"

/**
 * What a report reads: the records of the partner, the day it is made, and optionally the
 * partners (for names) and the other conventions (for the lineage).
 *
 * @example
 * ```ts
 * import type { ReportInputs } from "caf-conventions"
 * const inputs: ReportInputs = { activities: [], payments: [], expenses: [], asOf: "2025-07-15" }
 * ```
 * @category reports
 */
export interface ReportInputs {
  /** Activity records (see {@link parseActivities}). */
  readonly activities: ReadonlyArray<Activity>
  /** Payments received (see {@link parsePayments}). */
  readonly payments: ReadonlyArray<Payment>
  /** Expenses reported (see {@link parseExpenses}). */
  readonly expenses: ReadonlyArray<Expense>
  /** The day the report is made; the whole year when absent. */
  readonly asOf?: CalendarDate | string
  /** Partners, to name the funder and the partner. */
  readonly partners?: ReadonlyArray<Partner>
  /** Other conventions, to trace the lineage. */
  readonly conventions?: ReadonlyArray<Convention>
  /** The day the year's reports were accepted, per year (`{ "2024": "2025-05-20" }`). */
  readonly reportsAcceptedOn?: Readonly<Record<string, CalendarDate | string>>
  /** The day the financial report was received, per year. */
  readonly financialReportReceivedOn?: Readonly<Record<string, CalendarDate | string>>
  /** Eligibility rules for structures; the default tree when absent. */
  readonly rules?: RuleTree
}

/**
 * The yearly review of a convention (*bilan annuel*): compliance, objectives, schedule and use of
 * the money for one year.
 *
 * @example
 * ```ts
 * import { annualReport, type AnnualReport, type Convention } from "caf-conventions"
 * declare const convention: Convention
 * const report: AnnualReport = annualReport(convention, { year: 2024, activities: [], payments: [], expenses: [] })
 * ```
 * @category reports
 */
export interface AnnualReport {
  /** Always `annual`. */
  readonly kind: "annual"
  /** The convention. */
  readonly convention: Convention
  /** The funder's and the partner's names (their ids when the partners are not given). */
  readonly parties: { readonly funder: string; readonly partner: string }
  /** The year. */
  readonly year: number
  /** The day of the report, when given. */
  readonly asOf?: CalendarDate
  /** The convention's status on the day of the report (or the year's last day). */
  readonly status: ConventionStatus
  /** The lineage, oldest first, when other conventions were given. */
  readonly lineage: ReadonlyArray<Convention>
  /** Compliance findings. */
  readonly compliance: ReadonlyArray<ComplianceFinding>
  /** The objectives of the year. */
  readonly objectives: ObjectivesEvaluation
  /** The use of the money, with the year's schedule. */
  readonly funding: FundingUse
}

/**
 * The review of a whole convention (*bilan de fin de convention*): every year's review, each
 * objective across the years, the totals, and the lineage: the basis of a renewal decision.
 *
 * @example
 * ```ts
 * import { conventionReport, type Convention, type ConventionReport } from "caf-conventions"
 * declare const convention: Convention
 * const report: ConventionReport = conventionReport(convention, { activities: [], payments: [], expenses: [] })
 * ```
 * @category reports
 */
export interface ConventionReport {
  /** Always `convention`. */
  readonly kind: "convention"
  /** The convention. */
  readonly convention: Convention
  /** The funder's and the partner's names. */
  readonly parties: { readonly funder: string; readonly partner: string }
  /** The day of the report, when given. */
  readonly asOf?: CalendarDate
  /** The lineage, oldest first. */
  readonly lineage: ReadonlyArray<Convention>
  /** Compliance findings. */
  readonly compliance: ReadonlyArray<ComplianceFinding>
  /** One yearly review per year of the effective period. */
  readonly years: ReadonlyArray<AnnualReport>
  /** Each objective across the years. */
  readonly objectives: ReadonlyArray<ObjectiveAcrossYears>
  /** Totals over the years. */
  readonly totals: {
    readonly granted: Euros
    readonly received: Euros
    readonly eligibleSpend: Euros
    readonly stillToPay: Euros
    readonly toRepay: Euros
    /** Received and not yet used, in a year not over. */
    readonly awaitingUse: Euros
  }
}

function checkedAsOf(asOf: unknown): CalendarDate | undefined {
  if (asOf === undefined) return undefined
  const parsed = safeParseCalendarDate(asOf)
  if (parsed.success) return parsed.data
  throw ValidationError.of("report options", parsed.error.issues.map((issue) => ({ ...issue, path: ["asOf", ...issue.path] })))
}

function partiesOf(convention: Convention, partners: ReadonlyArray<Partner> | undefined) {
  const name = (id: string) => partners?.find((partner) => partner.id === id)?.name ?? id
  return { funder: name(convention.funderId), partner: name(convention.partnerId) }
}

function lineageOf(convention: Convention, conventions: ReadonlyArray<Convention> | undefined): ReadonlyArray<Convention> {
  if (conventions === undefined) return [convention]
  return lineage(conventions.some((other) => other.id === convention.id) ? conventions : [...conventions, convention], convention.id)
}

function yearReport(convention: Convention, year: number, inputs: ReportInputs, asOf: CalendarDate | undefined, shared: Pick<AnnualReport, "parties" | "lineage" | "compliance">): AnnualReport {
  const objectives = evaluateObjectives(convention, inputs.activities, { year, ...(asOf === undefined ? {} : { asOf }), ...(inputs.rules === undefined ? {} : { rules: inputs.rules }) })
  const accepted = inputs.reportsAcceptedOn?.[String(year)]
  const received = inputs.financialReportReceivedOn?.[String(year)]
  const funding = evaluateFundingUse(convention, {
    year,
    payments: inputs.payments,
    expenses: inputs.expenses,
    objectives,
    ...(asOf === undefined ? {} : { asOf }),
    ...(accepted === undefined ? {} : { reportsAcceptedOn: accepted }),
    ...(received === undefined ? {} : { financialReportReceivedOn: received })
  })
  const statusDay = asOf ?? calendarDate(year, 12, 31)
  return { kind: "annual", convention, year, ...(asOf === undefined ? {} : { asOf }), status: conventionStatus(convention, statusDay), objectives, funding, ...shared }
}

/**
 * Builds the yearly review of a convention: compliance ({@link checkCompliance}), the year's
 * objectives ({@link evaluateObjectives}), its schedule and the use of the money
 * ({@link evaluateFundingUse}, modulated by the objectives when the convention says so), the
 * status, the parties' names and the lineage. Render it with {@link renderReportMarkdown} or
 * {@link renderReportHtml}.
 *
 * @example
 * ```ts
 * import { annualReport, renderReportMarkdown, type Activity, type Convention, type Expense, type Payment } from "caf-conventions"
 * declare const cpo: Convention, activities: ReadonlyArray<Activity>, payments: ReadonlyArray<Payment>, expenses: ReadonlyArray<Expense>
 * const markdown = renderReportMarkdown(annualReport(cpo, { year: 2024, activities, payments, expenses, asOf: "2025-07-15" }))
 * ```
 * @category reports
 */
export function annualReport(convention: Convention, options: ReportInputs & { readonly year: number }): AnnualReport {
  const asOf = checkedAsOf(options.asOf)
  const shared = { parties: partiesOf(convention, options.partners), lineage: lineageOf(convention, options.conventions), compliance: checkCompliance(convention) }
  return yearReport(convention, options.year, options, asOf, shared)
}

/**
 * Builds the review of a whole convention: a yearly review for every year of its effective
 * period, each objective across the years, the totals (granted, received, eligible spending,
 * still to pay, to repay), the lineage and compliance.
 *
 * @example
 * ```ts
 * import { conventionReport, type Convention } from "caf-conventions"
 * declare const cpo: Convention
 * conventionReport(cpo, { activities: [], payments: [], expenses: [] }).years.map((y) => y.year) //=> [2023, 2024, 2025]
 * ```
 * @category reports
 */
export function conventionReport(convention: Convention, options: ReportInputs): ConventionReport {
  const asOf = checkedAsOf(options.asOf)
  const shared = { parties: partiesOf(convention, options.partners), lineage: lineageOf(convention, options.conventions), compliance: checkCompliance(convention) }
  const years = periodYears(effectivePeriod(convention)).map((year) => yearReport(convention, year, options, asOf, shared))
  const sum = (pick: (report: AnnualReport) => Euros) => Euros.sum(years.map(pick))
  return {
    kind: "convention",
    convention,
    ...(asOf === undefined ? {} : { asOf }),
    ...shared,
    years,
    objectives: evaluateConventionObjectives(convention, options.activities, { ...(asOf === undefined ? {} : { asOf }), ...(options.rules === undefined ? {} : { rules: options.rules }) }).objectives,
    totals: {
      granted: sum((report) => report.funding.settlement.granted),
      received: sum((report) => report.funding.settlement.received),
      eligibleSpend: sum((report) => report.funding.settlement.eligibleSpend),
      stillToPay: sum((report) => report.funding.settlement.stillToPay),
      toRepay: sum((report) => report.funding.settlement.toRepay),
      awaitingUse: sum((report) => report.funding.settlement.awaitingUse)
    }
  }
}
