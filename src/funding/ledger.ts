/**
 * The ledger of a convention: every year's money, from the amount granted to what is still to pay
 * or to repay, with the money offset from one year to the next, and the totals.
 *
 * @module
 */
import { LEDGER_TOTAL_KEYS as TOTAL_KEYS } from "./amounts.js"
import { frozenResult, lazyField } from "../core/freeze.js"
import { type CalendarDate, safeParseCalendarDate } from "../calendar/date.js"
import { type PathSegment, ValidationError } from "../core/errors.js"
import type { ExplanationNode } from "../core/explanation.js"
import { requireOptions } from "../core/records.js"
import type { Convention } from "../conventions/convention.js"
import { type ResolvedConvention, checkedConvention } from "../conventions/resolved.js"
import { resolvedAsOf } from "./schedule.js"
import { conventionSource, ledgerLabel, ledgerSentence } from "../vocabulary/funding.js"
import { Euros } from "../money/euros.js"
import type { ObjectivesEvaluation } from "../objectives/evaluate.js"
import type { Expense, Payment } from "./records.js"
import type { Repayment } from "./repayments.js"
import type { Settlement } from "./settlement.js"
import { type FundingUse, type Records, checkedRecords, checkedRecordsAsync, runYears } from "./use.js"
import { type FinancialReportDocument, checkedFinancialReport } from "../budget/financial-report.js"

/** A financial report decoded (or decoded now), or undefined when it is not one. */
function safeFinancialReport(value: unknown): FinancialReportDocument | undefined {
  try {
    return checkedFinancialReport(value)
  } catch {
    return undefined
  }
}

/**
 * Options of a ledger: the records, the day of evaluation, and per year the objectives
 * evaluations (for a convention that modulates its amount), the days the reports were accepted
 * and the financial reports received (`{ "2024": "2025-05-20" }`).
 *
 * @example
 * ```ts
 * import type { FundingLedgerOptions } from "caf-conventions"
 * const options: FundingLedgerOptions = { payments: [], expenses: [], asOf: "2026-12-31", reportsAcceptedOn: { "2024": "2025-05-20" } }
 * ```
 * @category funding
 */
export interface FundingLedgerOptions {
  /** Payments received, for any year: a list or any iterable. */
  readonly payments: Iterable<Payment>
  /** Expenses reported: a list or any iterable. */
  readonly expenses: Iterable<Expense>
  /** The day of the evaluation; amendments signed later are not known. */
  readonly asOf?: CalendarDate | string
  /** Objectives evaluations, one per year at most (see {@link evaluateObjectives}). */
  readonly objectives?: ReadonlyArray<ObjectivesEvaluation>
  /** The day each year's reports were accepted. */
  readonly reportsAcceptedOn?: Readonly<Record<string, CalendarDate | string>>
  /** The day each year's financial report was received. */
  readonly financialReportReceivedOn?: Readonly<Record<string, CalendarDate | string>>
  /** Repayments received from the partner, for any year (see {@link parseRepayments}). */
  readonly repayments?: Iterable<Repayment>
  /** The financial reports received, one per year at most (see {@link parseFinancialReport} and {@link evaluateFundingUse}). */
  readonly financialReports?: ReadonlyArray<FinancialReportDocument>
}

/**
 * The sums of a ledger's years. `received` + `carriedIn` = `usedOnEligible` + `keptSurplus` +
 * `offsetNextYear` + `toRepay` + `awaitingUse`; every money offset from one year is deducted in
 * the next, so `carriedIn` equals `offsetNextYear`.
 *
 * @example
 * ```ts
 * import type { LedgerTotals } from "caf-conventions"
 * const owed = (totals: LedgerTotals) => totals.stillToPay.minus(totals.toRepay)
 * ```
 * @category funding
 */
export interface LedgerTotals extends Pick<Settlement, (typeof TOTAL_KEYS)[number]> {
  /** Repayments received. */
  readonly repaid: Euros
  /** What the partner still has to repay, year by year (not netted with `overRepaid`). */
  readonly stillToRepay: Euros
  /** What the partner repaid beyond the amount demanded, year by year (the Caf owes it back). */
  readonly overRepaid: Euros
  /**
   * The net position of the repayments over the convention: `stillToRepay` − `overRepaid`.
   * Positive, what the partner still owes; negative, what the Caf owes it back. Whether one year's
   * over-repayment is set against another year's debt is the Caf's decision: the years keep their own figures.
   */
  readonly netToRepay: Euros
}

/**
 * The ledger of a convention (see {@link fundingLedger}).
 *
 * @example
 * ```ts
 * import { fundingLedger, type Convention, type FundingLedger } from "caf-conventions"
 * declare const convention: Convention
 * const ledger: FundingLedger = fundingLedger(convention, { payments: [], expenses: [] })
 * ledger.years.map((year) => year.settlement.granted.format())
 * ```
 * @category funding
 */
export interface FundingLedger {
  /** The convention. */
  readonly conventionId: string
  /** The day of the evaluation, when given. */
  readonly asOf?: CalendarDate
  /** One evaluation per year of the effective period, in order (see {@link evaluateFundingUse}). */
  readonly years: ReadonlyArray<FundingUse>
  /** The sums over the years. */
  readonly totals: LedgerTotals
  /** The explanation, in French: one line per year, then the totals. */
  readonly explanation: ExplanationNode
}

/** @internal The sums of the settlements of some years. */
function ledgerTotals(years: ReadonlyArray<FundingUse>): LedgerTotals {
  const settled = Object.fromEntries(
    TOTAL_KEYS.map((key) => [key, Euros.sum(years.map((use) => use.settlement[key]))])
  ) as Omit<LedgerTotals, "repaid" | "stillToRepay" | "overRepaid" | "netToRepay">
  const stillToRepay = Euros.sum(years.map((use) => use.repayment.stillToRepay))
  const overRepaid = Euros.sum(years.map((use) => use.repayment.overRepaid))
  return {
    ...settled,
    repaid: Euros.sum(years.map((use) => use.repayment.received)),
    stillToRepay,
    overRepaid,
    netToRepay: stillToRepay.minus(overRepaid)
  }
}

function checkedDates(
  value: unknown,
  key: string,
  issues: Array<{ path: Array<PathSegment>; message: string }>
): Map<number, CalendarDate> {
  const dates = new Map<number, CalendarDate>()
  if (value === undefined) return dates
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    issues.push({ path: [key], message: 'expected an object of dates by year, such as { "2024": "2025-05-20" }' })
    return dates
  }
  for (const [year, date] of Object.entries(value)) {
    const parsed = safeParseCalendarDate(date)
    if (!/^[0-9]{4}$/.test(year))
      issues.push({ path: [key, year], message: "expected a year written with four digits" })
    else if (parsed.success) dates.set(Number(year), parsed.data)
    else issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: [key, year, ...issue.path] })))
  }
  return dates
}

function checkedOptions(
  convention: Convention,
  options: Omit<FundingLedgerOptions, "payments" | "expenses" | "repayments">
) {
  requireOptions(options, "ledger options")
  const issues: Array<{ path: Array<PathSegment>; message: string }> = []
  let asOf: CalendarDate | undefined
  if (options.asOf !== undefined) {
    const parsed = safeParseCalendarDate(options.asOf)
    if (parsed.success) asOf = parsed.data
    else issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: ["asOf", ...issue.path] })))
  }
  const accepted = checkedDates(options.reportsAcceptedOn, "reportsAcceptedOn", issues)
  const received = checkedDates(options.financialReportReceivedOn, "financialReportReceivedOn", issues)
  const objectives = new Map<number, ObjectivesEvaluation>()
  if (options.objectives !== undefined && !Array.isArray(options.objectives))
    issues.push({ path: ["objectives"], message: "expected a list of objectives evaluations" })
  else
    (options.objectives ?? []).forEach((evaluation, index) => {
      if (
        evaluation === null ||
        typeof evaluation !== "object" ||
        evaluation.conventionId !== convention.id ||
        !Number.isSafeInteger(evaluation.year)
      ) {
        issues.push({ path: ["objectives", index], message: `expected an objectives evaluation of ${convention.id}` })
      } else if (objectives.has(evaluation.year))
        issues.push({ path: ["objectives", index], message: `a second objectives evaluation for ${evaluation.year}` })
      else objectives.set(evaluation.year, evaluation)
    })
  const reports = new Map<number, FinancialReportDocument>()
  if (options.financialReports !== undefined && !Array.isArray(options.financialReports))
    issues.push({
      path: ["financialReports"],
      message: "expected a list of financial reports (see parseFinancialReport)"
    })
  else
    (options.financialReports ?? []).forEach((entry, index) => {
      const decoded = safeFinancialReport(entry)
      if (decoded === undefined || decoded.conventionId !== convention.id)
        issues.push({
          path: ["financialReports", index],
          message: `expected a financial report of ${convention.id} (see parseFinancialReport)`
        })
      else if (reports.has(decoded.year))
        issues.push({ path: ["financialReports", index], message: `a second financial report for ${decoded.year}` })
      else reports.set(decoded.year, decoded)
    })
  if (issues.length > 0) throw ValidationError.of("ledger options", issues)
  return { asOf, accepted, received, objectives, reports }
}

/**
 * The ledger of a convention: {@link evaluateFundingUse} for every year of its effective period,
 * in order, and the totals. Under the clause `offset`, the money a year did not use is deducted
 * from the next year's balance (shown on that balance, `offset`, and as `carriedIn` in the next
 * year's settlement); what that balance cannot absorb, and all of it in the convention's last
 * year, is to repay: the money does not move to a successor convention by itself (a new
 * convention is a new decision; see docs/funding.md). Amendments count from the day they are
 * signed (see {@link paymentSchedule}).
 *
 * Every cent received is in exactly one place: used on eligible costs, kept, offset then
 * deducted, to repay, or awaiting use in a year not over; the totals are the sums of the years.
 * The result does not depend on the order of the records.
 *
 * @example
 * ```ts
 * import { fundingLedger, type Convention, type Expense, type Payment } from "caf-conventions"
 * declare const cpo: Convention, payments: ReadonlyArray<Payment>, expenses: ReadonlyArray<Expense>
 * const ledger = fundingLedger(cpo, { payments, expenses, asOf: "2026-12-31" })
 * ledger.totals.toRepay.format() // what the partner must repay, over the whole convention
 * ```
 * @category funding
 */
export function fundingLedger(input: Convention | ResolvedConvention, options: FundingLedgerOptions): FundingLedger {
  const convention = checkedConvention(input)
  const checked = checkedOptions(convention, options)
  const records = checkedRecords(options.payments, options.expenses, options.repayments ?? [])
  return ledgerOf(input, convention, checked, records)
}

/**
 * Options of {@link fundingLedgerAsync}: those of {@link fundingLedger}, whose records may also
 * come as async iterables, each record decoded as it is read.
 *
 * @example
 * ```ts
 * import type { FundingLedgerAsyncOptions } from "caf-conventions"
 * async function* none(): AsyncGenerator<unknown> {}
 * const options: FundingLedgerAsyncOptions = { payments: none(), expenses: none(), asOf: "2026-12-31" }
 * ```
 * @category funding
 */
export interface FundingLedgerAsyncOptions extends Omit<FundingLedgerOptions, "payments" | "expenses" | "repayments"> {
  /** Payments received, for any year: a list, an iterable or an async iterable of decoded payments or of their JSON. */
  readonly payments: Iterable<unknown> | AsyncIterable<unknown>
  /** Expenses reported, likewise. */
  readonly expenses: Iterable<unknown> | AsyncIterable<unknown>
  /** Repayments received, likewise. */
  readonly repayments?: Iterable<unknown> | AsyncIterable<unknown>
}

/**
 * {@link fundingLedger} over records read as a stream (see {@link evaluateFundingUseAsync}): the
 * same ledger, byte for byte, and the same errors as the same records in lists give; each record
 * is decoded as it is read, and only the decoded records are held.
 *
 * @example
 * ```ts
 * import { fundingLedgerAsync, type Convention } from "caf-conventions"
 * declare const cpo: Convention
 * declare function readJsonLines(file: string): AsyncIterable<unknown>
 * const ledger = await fundingLedgerAsync(cpo, { payments: readJsonLines("versements.jsonl"), expenses: readJsonLines("depenses.jsonl") })
 * ledger.totals.toRepay.format()
 * ```
 * @category funding
 */
export async function fundingLedgerAsync(
  input: Convention | ResolvedConvention,
  options: FundingLedgerAsyncOptions
): Promise<FundingLedger> {
  const convention = checkedConvention(input)
  const checked = checkedOptions(convention, options)
  const records = await checkedRecordsAsync(options.payments, options.expenses, options.repayments ?? [])
  return ledgerOf(input, convention, checked, records)
}

function ledgerOf(
  input: Convention | ResolvedConvention,
  convention: Convention,
  { asOf, accepted, received, objectives, reports }: ReturnType<typeof checkedOptions>,
  records: Records
): FundingLedger {
  const resolved = resolvedAsOf(input, asOf)
  const years = runYears(
    resolved,
    records,
    resolved.years.map((entry) => entry.year),
    (year) => {
      const report = reports.get(year)
      return {
        asOf,
        objectives: objectives.get(year),
        reportsAcceptedOn: accepted.get(year),
        financialReportReceivedOn: received.get(year),
        ...(report === undefined ? {} : { financialReport: report })
      }
    }
  )
  const totals = ledgerTotals(years)
  const ledger: Omit<FundingLedger, "explanation"> = {
    conventionId: convention.id,
    ...(asOf === undefined ? {} : { asOf }),
    years,
    totals
    // The explanation is added last by lazyField (a key written first and made lazy after turns
    // the holder into a dictionary, slow to freeze and to read).
  }
  // Built when first read, from the years' explanations (built then too).
  return frozenResult(
    lazyField(ledger as FundingLedger, "explanation", () => explainLedger(convention, asOf, years, totals)),
    input
  )
}

/** The sums a withdrawal of the subsidy demands back, and the first day they are due. */
function withdrawalOwed(
  years: ReadonlyArray<FundingUse>
): { readonly amount: Euros; readonly dueDate: CalendarDate } | undefined {
  const owed = years.flatMap((use) => (use.repayment.withdrawal === undefined ? [] : [use.repayment.withdrawal]))
  if (owed.length === 0) return undefined
  return {
    amount: Euros.sum(owed.map((entry) => entry.amount)),
    dueDate: owed.map((entry) => entry.dueDate).sort()[0] as CalendarDate
  }
}

function explainLedger(
  convention: Convention,
  asOf: CalendarDate | undefined,
  years: ReadonlyArray<FundingUse>,
  totals: LedgerTotals
): ExplanationNode {
  const children = years.map((use): ExplanationNode => ({ ...use.explanation, children: [] }))
  return {
    ruleId: "ledger",
    label: ledgerLabel(convention.id),
    outcome: children.some((child) => child.outcome === "fail") ? "fail" : "pass",
    read: { ...totals },
    sentence: ledgerSentence({ conventionId: convention.id, asOf, ...totals, withdrawal: withdrawalOwed(years) }),
    source: conventionSource(convention.id),
    children
  }
}
