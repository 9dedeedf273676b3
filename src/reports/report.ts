/**
 * Reports: the yearly review (*bilan annuel*) and the end-of-convention review (*bilan de fin de
 * convention*) as structured values, ready to render.
 *
 * @module
 */
import { type CalendarDate, calendarDate, safeParseCalendarDate } from "../calendar/date.js"
import { type PathSegment, ValidationError } from "../core/errors.js"
import { requireOptions } from "../core/records.js"
import { frozenResult } from "../core/freeze.js"
import { checkCompliance } from "../conventions/compliance.js"
import type { ComplianceFinding } from "../conventions/finding.js"
import type { Convention } from "../conventions/convention.js"
import { lineage } from "../conventions/lineage.js"
import { type ResolvedConvention, checkedConvention, resolveConvention } from "../conventions/resolved.js"
import { type ConventionStatus, conventionStatus } from "../conventions/terms-as-of.js"
import type { RuleTree } from "../eligibility/rule.js"
import { type FundingLedger, type LedgerTotals, fundingLedger } from "../funding/ledger.js"
import { type FundingUse, evaluateFundingUse } from "../funding/use.js"
import type { Expense, Payment } from "../funding/records.js"
import type { Repayment } from "../funding/repayments.js"
import type { Activity } from "../objectives/activity.js"
import { type ObjectivesEvaluation, evaluateObjectives } from "../objectives/evaluate.js"
import { type ObjectiveAcrossYears, evaluateConventionObjectives } from "../objectives/synthesis.js"
import type { Partner } from "../partners/partner.js"
import type { FinancialReportDocument } from "../budget/financial-report.js"

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
  /** Repayments received from the partner (see {@link parseRepayments}). */
  readonly repayments?: ReadonlyArray<Repayment>
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
  /** The financial reports received (see {@link parseFinancialReport}): the year's is compared with its budget and shown. */
  readonly financialReports?: ReadonlyArray<FinancialReportDocument>
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
  /** Totals over the years: the ledger's (see {@link fundingLedger}). */
  readonly totals: LedgerTotals
}

/**
 * The report's inputs checked at the door, every problem at its path: lists that are lists, days
 * that are days (`asOf`, and per year in `reportsAcceptedOn` and `financialReportReceivedOn`),
 * rules that are a rule tree. Returns the day of the report.
 */
function checkedInputs(
  options: ReportInputs & { readonly year?: number },
  withYear: boolean
): CalendarDate | undefined {
  requireOptions(options, "report options")
  const issues: Array<{ path: Array<PathSegment>; message: string }> = []
  const dateAt = (value: unknown, path: Array<PathSegment>): CalendarDate | undefined => {
    const parsed = safeParseCalendarDate(value)
    if (parsed.success) return parsed.data
    issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })))
    return undefined
  }
  const asOf = options.asOf === undefined ? undefined : dateAt(options.asOf, ["asOf"])
  if (
    withYear &&
    (!Number.isInteger(options.year) || (options.year as number) < 1000 || (options.year as number) > 9999)
  )
    issues.push({ path: ["year"], message: "expected a year between 1000 and 9999" })
  for (const key of ["activities", "payments", "expenses"] as const)
    if (!Array.isArray(options[key])) issues.push({ path: [key], message: "expected a list" })
  if (options.repayments !== undefined && !Array.isArray(options.repayments))
    issues.push({ path: ["repayments"], message: "expected a list" })
  for (const key of ["partners", "conventions"] as const) {
    const list: unknown = options[key]
    if (list === undefined) continue
    if (!Array.isArray(list)) issues.push({ path: [key], message: "expected a list" })
    else
      list.forEach((item: unknown, index) => {
        const id = item !== null && typeof item === "object" ? (item as { id?: unknown }).id : undefined
        if (typeof id !== "string")
          issues.push({
            path: [key, index],
            message:
              key === "partners"
                ? "expected a partner (see parsePartner)"
                : "expected a convention (see parseConvention)"
          })
      })
  }
  if (options.financialReports !== undefined && !Array.isArray(options.financialReports))
    issues.push({
      path: ["financialReports"],
      message: "expected a list of financial reports (see parseFinancialReport)"
    })
  for (const key of ["reportsAcceptedOn", "financialReportReceivedOn"] as const) {
    const byYear: unknown = options[key]
    if (byYear === undefined) continue
    if (byYear === null || typeof byYear !== "object" || Array.isArray(byYear))
      issues.push({ path: [key], message: 'expected an object of days by year, such as { "2024": "2025-05-20" }' })
    else for (const [year, day] of Object.entries(byYear)) dateAt(day, [key, year])
  }
  if (options.rules !== undefined && (options.rules === null || typeof options.rules !== "object"))
    issues.push({ path: ["rules"], message: "expected a rule tree (see defineRule, allOf, anyOf, not)" })
  if (issues.length > 0) throw ValidationError.of("report options", issues)
  return asOf
}

/**
 * The convention's compliance, with its partner (for the CER) and its portfolio (for the partner's
 * public subsidies) when given; as known on the day of the report, and for a yearly review on the
 * terms in force during its year (the partner's subsidies of that year).
 */
function complianceOf(
  convention: Convention,
  options: ReportInputs,
  asOf: CalendarDate | undefined,
  year?: number
): ReadonlyArray<ComplianceFinding> {
  const partner = options.partners?.find((candidate) => candidate.id === convention.partnerId)
  return checkCompliance(convention, {
    ...(partner === undefined ? {} : { partner }),
    ...(asOf === undefined ? {} : { knownOn: asOf }),
    ...(year === undefined ? {} : { year }),
    ...(options.conventions === undefined
      ? {}
      : { portfolio: { conventions: options.conventions, partners: options.partners ?? [] } })
  })
}

function partiesOf(convention: Convention, partners: ReadonlyArray<Partner> | undefined) {
  const name = (id: string) => partners?.find((partner) => partner.id === id)?.name ?? id
  return { funder: name(convention.funderId), partner: name(convention.partnerId) }
}

function lineageOf(
  convention: Convention,
  conventions: ReadonlyArray<Convention> | undefined
): ReadonlyArray<Convention> {
  if (conventions === undefined) return [convention]
  return lineage(
    conventions.some((other) => other.id === convention.id) ? conventions : [...conventions, convention],
    convention.id
  )
}

function ledgerOf(
  convention: Convention,
  inputs: ReportInputs,
  asOf: CalendarDate | undefined,
  objectives: ReadonlyArray<ObjectivesEvaluation>
): FundingLedger {
  return fundingLedger(convention, {
    payments: inputs.payments,
    expenses: inputs.expenses,
    ...(inputs.repayments === undefined ? {} : { repayments: inputs.repayments }),
    objectives,
    ...(asOf === undefined ? {} : { asOf }),
    ...(inputs.reportsAcceptedOn === undefined ? {} : { reportsAcceptedOn: inputs.reportsAcceptedOn }),
    ...(inputs.financialReportReceivedOn === undefined
      ? {}
      : { financialReportReceivedOn: inputs.financialReportReceivedOn }),
    // Reports of other conventions may be in the list: the ledger reads this one's.
    ...(inputs.financialReports === undefined
      ? {}
      : { financialReports: inputs.financialReports.filter((entry) => entry?.conventionId === convention.id) })
  })
}

function objectivesOf(
  convention: Convention,
  year: number,
  inputs: ReportInputs,
  asOf: CalendarDate | undefined
): ObjectivesEvaluation {
  // A report shows every record left out: listed as the records are read, in the same pass.
  return evaluateObjectives(convention, inputs.activities, {
    year,
    exclusions: "as-read",
    ...(asOf === undefined ? {} : { asOf }),
    ...(inputs.rules === undefined ? {} : { rules: inputs.rules })
  })
}

function yearReport(
  convention: Convention,
  objectives: ObjectivesEvaluation,
  funding: FundingUse,
  asOf: CalendarDate | undefined,
  shared: Pick<AnnualReport, "parties" | "lineage" | "compliance">
): AnnualReport {
  const year = funding.year
  const statusDay = asOf ?? calendarDate(year, 12, 31)
  return {
    kind: "annual",
    convention,
    year,
    ...(asOf === undefined ? {} : { asOf }),
    status: conventionStatus(convention, statusDay),
    objectives,
    funding,
    ...shared
  }
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
export function annualReport(
  input: Convention | ResolvedConvention,
  options: ReportInputs & { readonly year: number }
): AnnualReport {
  const convention = checkedConvention(input)
  const asOf = checkedInputs(options, true)
  const shared = {
    parties: partiesOf(convention, options.partners),
    lineage: lineageOf(convention, options.conventions),
    compliance: complianceOf(convention, options, asOf, options.year)
  }
  const objectives = objectivesOf(convention, options.year, options, asOf)
  const resolved = resolveConvention(convention, asOf === undefined ? {} : { knownOn: asOf })
  // Under the clause `offset`, the earlier years carry money into this one: they are evaluated too.
  if (resolved.terms.unspent.rule === "offset" && resolved.years.some((entry) => entry.year === options.year)) {
    const earlier = resolved.years
      .filter((entry) => entry.year < options.year)
      .map((entry) => objectivesOf(convention, entry.year, options, asOf))
    const funding = ledgerOf(convention, options, asOf, [...earlier, objectives]).years.find(
      (use) => use.year === options.year
    ) as FundingUse
    return frozenResult(
      yearReport(convention, objectives, funding, asOf, shared),
      input,
      options.conventions,
      options.partners
    )
  }
  const accepted = options.reportsAcceptedOn?.[String(options.year)]
  const financialReport = options.financialReports?.find(
    (entry) => entry?.conventionId === convention.id && entry.year === options.year
  )
  const received = options.financialReportReceivedOn?.[String(options.year)]
  const funding = evaluateFundingUse(convention, {
    year: options.year,
    payments: options.payments,
    expenses: options.expenses,
    ...(options.repayments === undefined ? {} : { repayments: options.repayments }),
    objectives,
    ...(asOf === undefined ? {} : { asOf }),
    ...(accepted === undefined ? {} : { reportsAcceptedOn: accepted }),
    ...(received === undefined ? {} : { financialReportReceivedOn: received }),
    ...(financialReport === undefined ? {} : { financialReport })
  })
  return frozenResult(
    yearReport(convention, objectives, funding, asOf, shared),
    input,
    options.conventions,
    options.partners
  )
}

/**
 * Builds the review of a whole convention: a yearly review for every year of its effective
 * period, each objective across the years, the ledger's totals (see {@link fundingLedger}:
 * granted, received, carried from one year to the next, eligible spending, used, kept, to repay,
 * awaiting use, still to pay), the lineage and compliance.
 *
 * @example
 * ```ts
 * import { conventionReport, type Convention } from "caf-conventions"
 * declare const cpo: Convention
 * conventionReport(cpo, { activities: [], payments: [], expenses: [] }).years.map((y) => y.year) //=> [2023, 2024, 2025]
 * ```
 * @category reports
 */
export function conventionReport(input: Convention | ResolvedConvention, options: ReportInputs): ConventionReport {
  const convention = checkedConvention(input)
  const asOf = checkedInputs(options, false)
  const shared = {
    parties: partiesOf(convention, options.partners),
    lineage: lineageOf(convention, options.conventions),
    compliance: complianceOf(convention, options, asOf)
  }
  const resolved = resolveConvention(convention, asOf === undefined ? {} : { knownOn: asOf })
  const objectives = resolved.years.map((entry) => objectivesOf(convention, entry.year, options, asOf))
  const ledger = ledgerOf(convention, options, asOf, objectives)
  const years = ledger.years.map((funding, index) =>
    yearReport(convention, objectives[index] as ObjectivesEvaluation, funding, asOf, shared)
  )
  return frozenResult(
    {
      kind: "convention",
      convention,
      ...(asOf === undefined ? {} : { asOf }),
      ...shared,
      years,
      objectives: evaluateConventionObjectives(convention, options.activities, {
        exclusions: "as-read",
        ...(asOf === undefined ? {} : { asOf }),
        ...(options.rules === undefined ? {} : { rules: options.rules })
      }).objectives,
      totals: ledger.totals
    },
    input,
    options.conventions,
    options.partners
  )
}
