/**
 * How was the money used in year N, and what is still to pay or to repay?
 *
 * @module
 */
import { frozenResult } from "../core/freeze.js"
import { type CalendarDate, formatFrenchDate } from "../calendar/date.js"
import type { Period } from "../calendar/period.js"
import { InvalidArgumentError, ValidationError } from "../core/errors.js"
import type { ExplanationNode } from "../core/explanation.js"
import { checkedYearOptions } from "../core/options.js"
import { compareIds, uniqueById } from "../core/records.js"
import type { Convention } from "../conventions/convention.js"
import {
  type ResolvedConvention,
  checkedConvention,
  resolveConvention,
  resolvedYear,
  termsInForceOn
} from "../conventions/resolved.js"
import { Euros } from "../money/euros.js"
import type { ObjectivesEvaluation } from "../objectives/evaluate.js"
import { type IneligibleExpense, expenseExclusion, expenseLabel } from "./expenses.js"
import { explainUse } from "./explain-use.js"
import type { FinancialReport, FundingYearState } from "./state.js"
import { type FinancialReportDocument, checkedFinancialReport, comparisonOf } from "../budget/financial-report.js"
import { type InstalmentPosition, matchPayments } from "./instalments.js"
import {
  type Expense,
  type Payment,
  decodedExpenses,
  decodedPayments,
  isExpense,
  isPayment,
  safeParseExpense,
  safeParsePayment
} from "./records.js"
import {
  type Repayment,
  type YearRepayment,
  decodedRepayments,
  isRepayment,
  safeParseRepayment,
  yearRepayment
} from "./repayments.js"
import { type PaymentSchedule, scheduleOf } from "./schedule.js"
import { type Modulation, type Settlement, modulation, settle } from "./settlement.js"
import { withdrawalRepaymentDue } from "../conventions/withdrawal.js"

/**
 * Options of a funding-use evaluation: the year; the payments received and the expenses
 * reported (decoded, or JSON that is decoded); `asOf`, the day of the evaluation (lateness is
 * judged on it; expenses and payments after it are left out; amendments signed after it are not
 * known; before the year's end the settlement is provisional); the objectives evaluation of the
 * same year, for a convention that modulates its amount; the days the reports were accepted and
 * the financial report received.
 *
 * @example
 * ```ts
 * import type { FundingUseOptions } from "caf-conventions"
 * const options: FundingUseOptions = { year: 2024, payments: [], expenses: [], asOf: "2025-07-15" }
 * ```
 * @category funding
 */
export interface FundingUseOptions {
  /** The calendar year. */
  readonly year: number
  /** Payments received (for any year: only the year's are counted, the others are listed). */
  readonly payments: ReadonlyArray<Payment>
  /** Expenses reported. */
  readonly expenses: ReadonlyArray<Expense>
  /** The day of the evaluation. */
  readonly asOf?: CalendarDate | string
  /** The year's objectives evaluation, for a convention that modulates its amount. */
  readonly objectives?: ObjectivesEvaluation
  /** The day the year's reports were accepted (the balance is then due). */
  readonly reportsAcceptedOn?: CalendarDate | string
  /** The day the financial report was received. */
  readonly financialReportReceivedOn?: CalendarDate | string
  /** Repayments received from the partner (for any year: only the year's are counted). */
  readonly repayments?: ReadonlyArray<Repayment>
  /**
   * The year's financial report (see {@link parseFinancialReport}): compared with the budget, and,
   * when no expense is given, the source of the eligible spending (see {@link compareFinancialReport}).
   */
  readonly financialReport?: FinancialReportDocument
}

/**
 * The use of the money for one year: instalments and payments, eligible and ineligible
 * expenses, modulation, the clause on unspent money, what is still to pay or to repay, the
 * financial report's due date, and the explanation.
 *
 * @example
 * ```ts
 * import { evaluateFundingUse, type Convention, type FundingUse } from "caf-conventions"
 * declare const convention: Convention
 * const use: FundingUse = evaluateFundingUse(convention, { year: 2024, payments: [], expenses: [] })
 * use.settlement.stillToPay.toString() //=> "0.00" (nothing spent, nothing owed)
 * ```
 * @category funding
 */
export interface FundingUse {
  /** The convention. */
  readonly conventionId: string
  /** The year. */
  readonly year: number
  /** The day of the evaluation, when given. */
  readonly asOf?: CalendarDate
  /** Where the year stands on `asOf`. */
  readonly state: FundingYearState
  /** Whether the year is over on `asOf` (or no `asOf` was given): the settlement is then final. */
  readonly final: boolean
  /** Whether this is the last year of the convention (money cannot be offset against a next year). */
  readonly lastYear: boolean
  /** The year's schedule (with the previous year's money deducted from the balance, under `offset`). */
  readonly schedule: PaymentSchedule
  /** Each instalment with the payments matched to it. */
  readonly instalments: ReadonlyArray<InstalmentPosition>
  /** Payments not counted for this year, and why (another year, another convention, after `asOf`, a copy). */
  readonly otherPayments: ReadonlyArray<{ readonly id: string; readonly amount: Euros; readonly detail: string }>
  /** Eligible expenses, sorted by id. */
  readonly eligibleExpenses: ReadonlyArray<{ readonly id: string; readonly amount: Euros }>
  /** Ineligible expenses with their reason, sorted by id. */
  readonly ineligibleExpenses: ReadonlyArray<IneligibleExpense>
  /** The reduction for missed objectives. */
  readonly modulation: Modulation
  /** Where every euro ends up. */
  readonly settlement: Settlement
  /** Where the amount to repay stands: demanded, due, repaid, still to repay. */
  readonly repayment: YearRepayment
  /** The financial report (*compte rendu financier*): due date, receipt, lateness. */
  readonly financialReport?: FinancialReport
  /** The explanation, in French. */
  readonly explanation: ExplanationNode
}

// A mark's has answers false for anything that is not an object: no guard needed.
const looksLikePayment = (value: unknown): value is Payment => decodedPayments.has(value) || isPayment(value)
const looksLikeExpense = (value: unknown): value is Expense => decodedExpenses.has(value) || isExpense(value)
const looksLikeRepayment = (value: unknown): value is Repayment => decodedRepayments.has(value) || isRepayment(value)

/** @internal The records of an evaluation, checked once: unique ones sorted by id, and the copies. */
export interface Records {
  readonly payments: { readonly unique: ReadonlyArray<Payment>; readonly copies: ReadonlyArray<Payment> }
  readonly expenses: { readonly unique: ReadonlyArray<Expense>; readonly copies: ReadonlyArray<Expense> }
  readonly repayments: { readonly unique: ReadonlyArray<Repayment>; readonly copies: ReadonlyArray<Repayment> }
}

/** @internal */
export function checkedRecords(payments: unknown, expenses: unknown, repayments: unknown = []): Records {
  return {
    repayments: uniqueById(repayments as ReadonlyArray<unknown>, {
      subject: "repayments",
      looksDecoded: looksLikeRepayment,
      safeParse: safeParseRepayment
    }),
    payments: uniqueById(payments as ReadonlyArray<unknown>, {
      subject: "payments",
      looksDecoded: looksLikePayment,
      safeParse: safeParsePayment
    }),
    expenses: uniqueById(expenses as ReadonlyArray<unknown>, {
      subject: "expenses",
      looksDecoded: looksLikeExpense,
      safeParse: safeParseExpense
    })
  }
}

/** @internal What one year's evaluation reads besides the records. */
export interface YearInputs {
  readonly year: number
  readonly asOf: CalendarDate | undefined
  readonly objectives: ObjectivesEvaluation | undefined
  readonly reportsAcceptedOn: CalendarDate | undefined
  readonly financialReportReceivedOn: CalendarDate | undefined
  /** Money of the previous year deducted from this year's balance (clause `offset`). */
  readonly carriedIn: { readonly amount: Euros; readonly fromYear: number } | undefined
  /** Under `offset`: how much the next year's balance can absorb; undefined when there is no next year. */
  readonly offsetRoom: Euros | undefined
  /** The year's financial report, when given. */
  readonly financialReport?: FinancialReportDocument
}

const UNPAID: ReadonlySet<InstalmentPosition["status"]> = new Set([
  "unpaid",
  "partly-paid",
  "not-yet-due",
  "due",
  "late"
])

function notOwedIfUnpaid(position: InstalmentPosition): InstalmentPosition {
  if (!UNPAID.has(position.status)) return position
  const { daysLate: _late, ...rest } = position
  return { ...rest, status: "not-owed" }
}

function stateOf(part: Period | undefined, asOf: CalendarDate | undefined): FundingYearState {
  if (part === undefined) return "not-covered"
  if (asOf === undefined || asOf > part.end) return "ended"
  return asOf < part.start ? "not-started" : "in-progress"
}

/**
 * How much of a year's money the next year's balance can absorb (clause `offset`): that balance as
 * its own evaluation will draw it; undefined in the last year.
 */
function offsetRoom(convention: Convention, next: Omit<YearInputs, "carriedIn" | "offsetRoom">): Euros | undefined {
  const resolved = resolveConvention(convention, next.asOf === undefined ? {} : { knownOn: next.asOf })
  if (resolvedYear(resolved, next.year) === undefined) return undefined
  const schedule = scheduleOf(
    convention,
    {
      year: next.year,
      ...(next.asOf === undefined ? {} : { asOf: next.asOf }),
      ...(next.reportsAcceptedOn === undefined ? {} : { reportsAcceptedOn: next.reportsAcceptedOn })
    },
    undefined
  )
  return schedule.instalments.find((instalment) => instalment.kind === "balance")?.amount ?? Euros.zero
}

/**
 * The part of a year's amount to repay that a withdrawal of the subsidy demands: in the year the
 * breach cuts, the money available for the year (received, and carried in) beyond the year's
 * amount for the days before the breach, within what the settlement gives to repay. Undefined
 * when no withdrawal is decided on the day of evaluation, or when it does not cut this year.
 */
function withdrawalPart(
  resolved: ResolvedConvention,
  part: Period | undefined,
  amount: Euros,
  settlement: Settlement
): { readonly amount: Euros; readonly decidedOn: CalendarDate; readonly dueDate: CalendarDate } | undefined {
  const withdrawal = resolved.convention.withdrawal
  if (!resolved.withdrawn || withdrawal === undefined || part === undefined || part.end !== resolved.period.end)
    return undefined
  const beyond = Euros.max(Euros.zero, settlement.received.plus(settlement.carriedIn).minus(amount))
  return {
    amount: Euros.min(beyond, settlement.toRepay),
    decidedOn: withdrawal.decidedOn,
    dueDate: withdrawalRepaymentDue(withdrawal)
  }
}

/** @internal The use of the money of one year, from records already checked. */
export function yearUse(convention: Convention, records: Records, inputs: YearInputs): FundingUse {
  const { year, asOf } = inputs
  const resolved = resolveConvention(convention, asOf === undefined ? {} : { knownOn: asOf })
  const schedule = scheduleOf(
    convention,
    {
      year,
      ...(asOf === undefined ? {} : { asOf }),
      ...(inputs.reportsAcceptedOn === undefined ? {} : { reportsAcceptedOn: inputs.reportsAcceptedOn })
    },
    inputs.carriedIn
  )
  const part = schedule.period
  const terms = resolved.terms
  const state = stateOf(part, asOf)
  const final = state === "ended" || state === "not-covered"

  const notCounted = (payment: Payment): string | undefined => {
    if (payment.year !== year) return `versement au titre de ${payment.year}`
    if (payment.conventionId !== undefined && payment.conventionId !== convention.id)
      return `versement au titre de la convention ${payment.conventionId}`
    if (asOf !== undefined && payment.date > asOf)
      return `versé le ${formatFrenchDate(payment.date)}, après le ${formatFrenchDate(asOf)}`
    return undefined
  }
  const otherPayments = [
    ...records.payments.copies.map((copy) => ({
      id: copy.id,
      amount: copy.amount,
      detail: "copie identique d'un autre versement, comptée une fois"
    })),
    ...records.payments.unique.flatMap((payment) => {
      const detail = notCounted(payment)
      return detail === undefined ? [] : [{ id: payment.id, amount: payment.amount, detail }]
    })
  ].sort(compareIds)
  const yearPayments = records.payments.unique.filter((payment) => notCounted(payment) === undefined)
  const matched = matchPayments(schedule.instalments, yearPayments, asOf)
  const received = Euros.sum(yearPayments.map((payment) => payment.amount))

  const eligibleExpenses: Array<{ readonly id: string; readonly amount: Euros }> = []
  const ineligibleExpenses: Array<IneligibleExpense> = records.expenses.copies.map((copy) => ({
    id: copy.id,
    amount: copy.amount,
    date: copy.date,
    label: expenseLabel(copy),
    reason: "duplicate-id",
    detail: "copie identique d'une autre dépense, comptée une fois"
  }))
  for (const expense of records.expenses.unique) {
    const exclusion = expenseExclusion(expense, part, asOf, termsInForceOn(resolved, expense.date), convention.id)
    if (exclusion === undefined) eligibleExpenses.push({ id: expense.id, amount: expense.amount })
    else
      ineligibleExpenses.push({
        id: expense.id,
        amount: expense.amount,
        date: expense.date,
        label: expenseLabel(expense),
        ...exclusion
      })
  }
  ineligibleExpenses.sort(compareIds)
  const comparison = inputs.financialReport === undefined ? undefined : comparisonOf(resolved, inputs.financialReport)
  // With no expense recorded for the year, the financial report's totals stand for them: one line, the
  // spending the Caf's grant covers (actual charges less the other funding received).
  const yearKey = String(year)
  if (
    comparison !== undefined &&
    [...records.expenses.unique, ...records.expenses.copies].every((expense) => expense.date.slice(0, 4) !== yearKey)
  ) {
    eligibleExpenses.push({ id: `compte-rendu-financier-${year}`, amount: comparison.eligibleSpend })
  }
  const eligibleSpend = Euros.sum(eligibleExpenses.map((expense) => expense.amount))

  const modulated = modulation(schedule.amount, terms, inputs.objectives)
  const dueUnpaid = Euros.sum(
    matched.map((position) =>
      asOf !== undefined && position.instalment.dueDate !== undefined && position.instalment.dueDate <= asOf
        ? Euros.max(Euros.zero, position.instalment.amount.minus(position.paid))
        : Euros.zero
    )
  )
  const settlement = settle(schedule.amount.minus(modulated.reduction), eligibleSpend, received, {
    terms,
    final,
    carriedIn: schedule.instalments.find((instalment) => instalment.offset !== undefined)?.offset?.amount ?? Euros.zero,
    offsetRoom: inputs.offsetRoom,
    dueUnpaid
  })
  // Once the year is settled on reported spending with nothing still owed, what the schedule
  // planned and was not paid is not owed: the partner spent less than the grant. It is neither due
  // nor late. With no eligible spending reported, the statuses stay as they are: the spending may
  // simply not be reported yet.
  const instalments =
    final && settlement.stillToPay.isZero() && eligibleSpend.isPositive() ? matched.map(notOwedIfUnpaid) : matched
  const receivedOn = inputs.financialReportReceivedOn ?? inputs.financialReport?.receivedOn
  // Received on a day not given: the year's reports were accepted by the report's day (the Caf
  // accepts them once it holds them, the financial report among them), or the report itself was
  // given. No day then shows a delay, so none is asserted (see docs/reports.md).
  const accepted =
    inputs.reportsAcceptedOn !== undefined && (asOf === undefined || inputs.reportsAcceptedOn <= asOf)
      ? inputs.reportsAcceptedOn
      : undefined
  const undated: FinancialReport["receivedUndated"] =
    receivedOn !== undefined
      ? undefined
      : accepted !== undefined
        ? { evidence: "reports-accepted", by: accepted }
        : inputs.financialReport !== undefined
          ? { evidence: "document" }
          : undefined
  const financialReport: FinancialReport | undefined =
    schedule.reports === undefined
      ? undefined
      : {
          dueDate: schedule.reports.financialReportDue,
          ...(receivedOn === undefined ? {} : { receivedOn }),
          ...(undated === undefined ? {} : { receivedUndated: undated }),
          late:
            receivedOn !== undefined
              ? receivedOn > schedule.reports.financialReportDue
              : undated === undefined && asOf !== undefined && asOf > schedule.reports.financialReportDue,
          ...(comparison === undefined ? {} : { comparison })
        }
  const withdrawal = withdrawalPart(resolved, part, schedule.amount, settlement)
  const repayment = yearRepayment(
    settlement.toRepay,
    records.repayments.unique.filter(
      (record) =>
        record.year === year &&
        (record.conventionId === undefined || record.conventionId === convention.id) &&
        (asOf === undefined || record.date <= asOf)
    ),
    {
      acceptedOn: inputs.reportsAcceptedOn,
      deadlineDays: resolvedYear(resolved, year)?.payment.paymentDeadlineDays ?? terms.payment.paymentDeadlineDays,
      asOf,
      withdrawal
    }
  )
  const lastYear = part !== undefined && resolvedYear(resolved, year + 1) === undefined
  const explanation = explainUse(convention, year, {
    schedule,
    instalments,
    received,
    eligibleExpenses,
    ineligibleExpenses,
    modulated,
    settlement,
    state,
    lastYear,
    financialReport,
    asOf,
    terms,
    repayment
  })
  return {
    conventionId: convention.id,
    year,
    ...(asOf === undefined ? {} : { asOf }),
    state,
    final,
    lastYear,
    schedule,
    instalments,
    otherPayments,
    eligibleExpenses,
    ineligibleExpenses,
    modulation: modulated,
    settlement,
    repayment,
    ...(financialReport === undefined ? {} : { financialReport }),
    explanation
  }
}

/**
 * @internal The years of a convention in order, each evaluated with the money of the previous
 * one carried in (clause `offset`), up to `lastYear`.
 */
export function runYears(
  convention: Convention,
  records: Records,
  years: ReadonlyArray<number>,
  inputsOf: (year: number) => Omit<YearInputs, "year" | "carriedIn" | "offsetRoom">
): ReadonlyArray<FundingUse> {
  const uses: Array<FundingUse> = []
  const offset = resolveConvention(convention).terms.unspent.rule === "offset"
  for (const year of years) {
    const previous = uses.at(-1)
    const carried =
      previous !== undefined && previous.year === year - 1 && previous.settlement.offsetNextYear.isPositive()
        ? { amount: previous.settlement.offsetNextYear, fromYear: previous.year }
        : undefined
    const room = offset ? offsetRoom(convention, { year: year + 1, ...inputsOf(year + 1) }) : undefined
    uses.push(yearUse(convention, records, { year, carriedIn: carried, offsetRoom: room, ...inputsOf(year) }))
  }
  return uses
}

/**
 * Evaluates the use of the money for one year:
 * - **payments**: the year's payments (for this convention) are matched to the instalments of
 *   {@link paymentSchedule} (named ones to their instalment, the others in date order), and each
 *   instalment is `paid`, `paid-late` (with the days), `partly-paid`, `overpaid`, or, with `asOf`,
 *   `not-yet-due`, `due` or `late` (with the days); payments of other years or conventions are
 *   listed in `otherPayments`, never dropped;
 * - **amendments** count from the day they are signed: with `asOf`, those signed later are not
 *   known, and each instalment keeps the amount fixed on its due date (see {@link paymentSchedule});
 * - **expenses**: each is eligible or not, with its reason (see {@link ExpenseExclusionReason}),
 *   judged with the terms in force on its date; the consumption ratio is eligible spending over
 *   the granted amount;
 * - **modulation**: if the convention says so, the year's amount is reduced for missed
 *   objectives (from `options.objectives`, see {@link evaluateObjectives});
 * - **unspent money**, once the year is over: repaid (*reversement*), kept up to the
 *   convention's cap, or offset against the next year's balance, per the convention's clause
 *   (circulaire of 2015, annex 1). Under `offset`, the previous years are evaluated first (from
 *   the same records, without their objectives: use {@link fundingLedger} to modulate every
 *   year) and their money is deducted from this year's balance; what a next year's balance cannot
 *   absorb, and all of it in the last year, is to repay;
 * - **settlement**: what the Caf still owes, or what the partner must repay; every euro
 *   received is accounted for exactly once (see {@link Settlement});
 * - **financial report**: due `reporting.financialReportMonths` (6) months after the year's end
 *   (loi n° 2000-321, art. 10), late when `asOf` passes that day without it.
 *
 * A year not started has nothing due; a year in progress counts in `stillToPay` only what is due
 * and unpaid, and nothing as unspent. An early termination prorates the year's amount (see
 * {@link yearAmounts}): what was paid beyond it comes out as an amount to repay. Identical copies
 * of a payment or an expense count once; two different records with one id, a value that is not a
 * record, or a convention that is not one, throw a {@link ValidationError}. The result does not
 * depend on the order of the records.
 *
 * @example
 * ```ts
 * import { evaluateFundingUse, parseExpenses, parsePayments, type Convention } from "caf-conventions"
 * declare const cpo: Convention, paymentsJson: unknown, expensesJson: unknown
 * const use = evaluateFundingUse(cpo, { year: 2024, payments: parsePayments(paymentsJson), expenses: parseExpenses(expensesJson), asOf: "2025-07-15" })
 * use.settlement.toRepay.format() // what the partner must repay
 * ```
 * @category funding
 */
export function evaluateFundingUse(input: Convention | ResolvedConvention, options: FundingUseOptions): FundingUse {
  const convention = checkedConvention(input)
  const { year, dates } = checkedYearOptions("funding use options", options, [
    "asOf",
    "reportsAcceptedOn",
    "financialReportReceivedOn"
  ])
  if (options.objectives !== undefined && (options.objectives === null || typeof options.objectives !== "object")) {
    throw ValidationError.of("funding use options", [
      { path: ["objectives"], message: "expected an objectives evaluation (see evaluateObjectives)" }
    ])
  }
  if (
    options.objectives !== undefined &&
    (options.objectives.conventionId !== convention.id || options.objectives.year !== year)
  ) {
    throw new InvalidArgumentError({
      argument: "objectives",
      message: `the objectives evaluation is for ${options.objectives.conventionId} in ${options.objectives.year}, not ${convention.id} in ${year}`
    })
  }
  const records = checkedRecords(options.payments, options.expenses, options.repayments ?? [])
  const report = options.financialReport === undefined ? undefined : checkedFinancialReport(options.financialReport)
  if (report !== undefined && (report.conventionId !== convention.id || report.year !== year)) {
    throw new InvalidArgumentError({
      argument: "financialReport",
      message: `the financial report is for ${report.conventionId} in ${report.year}, not ${convention.id} in ${year}`
    })
  }
  const resolved = resolveConvention(convention, dates.asOf === undefined ? {} : { knownOn: dates.asOf })
  const earlier =
    resolved.terms.unspent.rule === "offset"
      ? resolved.years.map((entry) => entry.year).filter((other) => other < year)
      : []
  const uses = runYears(convention, records, [...earlier, year], (other) =>
    other === year
      ? {
          asOf: dates.asOf,
          objectives: options.objectives,
          reportsAcceptedOn: dates.reportsAcceptedOn,
          financialReportReceivedOn: dates.financialReportReceivedOn,
          ...(report === undefined ? {} : { financialReport: report })
        }
      : { asOf: dates.asOf, objectives: undefined, reportsAcceptedOn: undefined, financialReportReceivedOn: undefined }
  )
  return frozenResult(uses.at(-1) as FundingUse, input)
}
