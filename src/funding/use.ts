/**
 * How was the money used in year N, and what is still to pay or to repay?
 *
 * @module
 */
import { factsField, frozenResult, lazyField } from "../core/freeze.js"
import type { CalendarDate } from "../calendar/date.js"
import type { Period } from "../calendar/period.js"
import { InvalidArgumentError, ValidationError } from "../core/errors.js"
import type { ExplanationNode } from "../core/explanation.js"
import { checkedYearOptions } from "../core/options.js"
import {
  type DecodedRecords,
  type RecordReader,
  compareIds,
  decodeRecord,
  decodedRecords,
  isAsyncRecordIterable,
  uniqueById,
  uniqueOfDecoded
} from "../core/records.js"
import type { Convention } from "../conventions/convention.js"
import { type ResolvedConvention, checkedConvention, resolveConvention, resolvedYear } from "../conventions/resolved.js"
import { Euros } from "../money/euros.js"
import type { ObjectivesEvaluation } from "../objectives/evaluate.js"
import { type ExpenseWhy, type IneligibleExpense, expenseExclusion, expenseLabel } from "./expenses.js"
import { explainUse } from "./explain-use.js"
import type { FinancialReport, FundingYearState } from "./state.js"
import type { EarlyPayment, NotOwedReason, UseFacts } from "./facts.js"
import {
  type FinancialReportComparison,
  type FinancialReportDocument,
  checkedFinancialReport,
  compareFinancialReport
} from "../budget/financial-report.js"
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
import { type PaymentSchedule, resolvedAsOf, yearSchedule } from "./schedule.js"
import {
  COPIED_EXPENSE_TEXT,
  type NotCountedFact,
  earlyPaymentText,
  exclusionDetail,
  notCountedText
} from "../vocabulary/funding.js"
import { citation } from "../vocabulary/sources.js"
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
  /** Payments received (for any year: only the year's are counted, the others are listed): a list or any iterable. */
  readonly payments: Iterable<Payment>
  /** Expenses reported: a list or any iterable. */
  readonly expenses: Iterable<Expense>
  /** The day of the evaluation. */
  readonly asOf?: CalendarDate | string
  /** The year's objectives evaluation, for a convention that modulates its amount. */
  readonly objectives?: ObjectivesEvaluation
  /** The day the year's reports were accepted (the balance is then due). */
  readonly reportsAcceptedOn?: CalendarDate | string
  /** The day the financial report was received; a day after `asOf` is not yet known on `asOf` (not received). */
  readonly financialReportReceivedOn?: CalendarDate | string
  /** Repayments received from the partner (for any year: only the year's are counted): a list or any iterable. */
  readonly repayments?: Iterable<Repayment>
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
  /**
   * Payments of the year dated before the convention could be paid: before its signature, before
   * its notification, or before its first day. They still count (the money was received), and
   * each is a remark with its French detail and source, for the Caf to regularise.
   */
  readonly earlyPayments: ReadonlyArray<EarlyPayment>
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
  /**
   * What the year's sentence says, as typed facts: where the year stands, what is still to pay,
   * to repay or to deduct from the next year (see {@link UseFacts}). Computed when first read; not
   * part of the JSON form.
   */
  readonly facts: UseFacts
  /** The explanation, in French, worded from `facts` and the other fields. */
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

const REPAYMENTS: RecordReader<Repayment> = {
  subject: "repayments",
  looksDecoded: looksLikeRepayment,
  safeParse: safeParseRepayment
}
const PAYMENTS: RecordReader<Payment> = {
  subject: "payments",
  looksDecoded: looksLikePayment,
  safeParse: safeParsePayment
}
const EXPENSES: RecordReader<Expense> = {
  subject: "expenses",
  looksDecoded: looksLikeExpense,
  safeParse: safeParseExpense
}

/**
 * @internal The records of an evaluation from lists or other iterables, each record decoded as
 * it is read (the repayments' problems are reported first, then the payments', then the expenses').
 */
export function checkedRecords(payments: unknown, expenses: unknown, repayments: unknown = []): Records {
  return {
    repayments: uniqueById(repayments as Iterable<unknown>, REPAYMENTS),
    payments: uniqueById(payments as Iterable<unknown>, PAYMENTS),
    expenses: uniqueById(expenses as Iterable<unknown>, EXPENSES)
  }
}

/**
 * Reads an async iterable of records, each decoded as it is read, problems kept and not thrown;
 * a list or an iterable is left to {@link uniqueById}.
 */
async function readRecords<T>(
  records: unknown,
  reader: RecordReader<T>
): Promise<{ readonly streamed: DecodedRecords<T> } | { readonly given: unknown }> {
  if (!isAsyncRecordIterable(records)) return { given: records }
  const list = decodedRecords<T>()
  let index = 0
  for await (const input of records) decodeRecord(input, index++, reader, list)
  return { streamed: list }
}

function uniqueOfRead<T extends { readonly id: string }>(
  read: { readonly streamed: DecodedRecords<T> } | { readonly given: unknown },
  reader: RecordReader<T>
): { readonly unique: ReadonlyArray<T>; readonly copies: ReadonlyArray<T> } {
  return "streamed" in read
    ? uniqueOfDecoded(read.streamed, reader.subject)
    : uniqueById(read.given as Iterable<unknown>, reader)
}

/**
 * @internal {@link checkedRecords} over async iterables too: the payments, then the expenses,
 * then the repayments are read, each record decoded as it is read and only the decoded records
 * kept; the problems are those, in the same order, that the same records in lists give.
 */
export async function checkedRecordsAsync(
  payments: unknown,
  expenses: unknown,
  repayments: unknown = []
): Promise<Records> {
  const readPayments = await readRecords(payments, PAYMENTS)
  const readExpenses = await readRecords(expenses, EXPENSES)
  const readRepayments = await readRecords(repayments, REPAYMENTS)
  return {
    repayments: uniqueOfRead(readRepayments, REPAYMENTS),
    payments: uniqueOfRead(readPayments, PAYMENTS),
    expenses: uniqueOfRead(readExpenses, EXPENSES)
  }
}

/** @internal What one year's evaluation reads besides the records. */
interface YearInputs {
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
  return { ...rest, status: "not-owed", notOwed: "entitlement-reached" }
}

/** Why an instalment of 0,00 € is not owed: an early end of the convention that takes effect in the year, or the year's right reached. */
function zeroReason(resolved: ResolvedConvention, year: number): NotOwedReason {
  if (!resolved.terminated || resolved.period.end > `${year}-12-31`) return "entitlement-reached"
  return resolved.withdrawn ? "withdrawal" : "termination"
}

function stateOf(part: Period | undefined, asOf: CalendarDate | undefined): FundingYearState {
  if (part === undefined) return "not-covered"
  // A year is over on its last day's evening: a day of evaluation on that day closes it, as the
  // objectives judge it (see docs/reports.md).
  if (asOf === undefined || asOf >= part.end) return "ended"
  return asOf < part.start ? "not-started" : "in-progress"
}

/**
 * How much of a year's money the next year's balance can absorb (clause `offset`): that balance as
 * its own evaluation will draw it; undefined in the last year.
 */
function offsetRoom(
  resolved: ResolvedConvention,
  next: {
    readonly year: number
    readonly asOf: CalendarDate | undefined
    readonly reportsAcceptedOn: CalendarDate | undefined
  }
): Euros | undefined {
  if (resolvedYear(resolved, next.year) === undefined) return undefined
  const schedule = yearSchedule(resolved, next, undefined)
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

/** Why a payment does not count for the year (another year, another convention, after `asOf`), or undefined. */
function notCounted(
  payment: Payment,
  conventionId: string,
  year: number,
  asOf: CalendarDate | undefined
): NotCountedFact | undefined {
  if (payment.year !== year) return { kind: "other-year", year: payment.year }
  if (payment.conventionId !== undefined && payment.conventionId !== conventionId)
    return { kind: "other-convention", conventionId: payment.conventionId }
  if (asOf !== undefined && payment.date > asOf) return { kind: "after-as-of", date: payment.date, asOf }
  return undefined
}

const EARLY_PAYMENT_SOURCES: Readonly<Record<EarlyPayment["before"], string>> = {
  signature: citation("signature"),
  notification: citation("payment-terms"),
  start: citation("convention-period")
}

/** The payments counted for the year that are dated before the signature, the notification or the start (see {@link EarlyPayment}). */
function earlyPaymentsOf(resolved: ResolvedConvention, counted: ReadonlyArray<Payment>): ReadonlyArray<EarlyPayment> {
  const { signatureDate, notificationDate } = resolved.convention
  const start = resolved.period.start
  const early: Array<EarlyPayment> = []
  for (const payment of counted) {
    const before: [EarlyPayment["before"], CalendarDate] | undefined =
      signatureDate !== undefined && payment.date < signatureDate
        ? ["signature", signatureDate]
        : notificationDate !== undefined && payment.date < notificationDate
          ? ["notification", notificationDate]
          : payment.date < start
            ? ["start", start]
            : undefined
    if (before === undefined) continue
    const fact = { before: before[0], day: before[1], id: payment.id, amount: payment.amount, date: payment.date }
    early.push(Object.freeze({ ...fact, detail: earlyPaymentText(fact), source: EARLY_PAYMENT_SOURCES[fact.before] }))
  }
  return Object.freeze(early.sort(compareIds))
}

/** The payments that count for the year, and the others, listed with why (copies first, then by id). */
function paymentsOfYear(
  payments: Records["payments"],
  conventionId: string,
  year: number,
  asOf: CalendarDate | undefined
): { readonly counted: ReadonlyArray<Payment>; readonly others: FundingUse["otherPayments"] } {
  const counted: Array<Payment> = []
  const others: Array<{ readonly id: string; readonly amount: Euros; readonly detail: string }> = payments.copies.map(
    (copy) => ({ id: copy.id, amount: copy.amount, detail: notCountedText({ kind: "copy" }) })
  )
  for (const payment of payments.unique) {
    const fact = notCounted(payment, conventionId, year, asOf)
    if (fact === undefined) counted.push(payment)
    else others.push({ id: payment.id, amount: payment.amount, detail: notCountedText(fact) })
  }
  return { counted, others: others.sort(compareIds) }
}

/**
 * The year's expenses, eligible or not with the reason, each judged with the terms in force on its
 * date. With no expense recorded for the year, the financial report's totals stand for them: one
 * line, the spending the Caf's grant covers (actual charges less the other funding received).
 * The list of ineligible expenses, with their French details, is given by `ineligible` (the
 * result's lazy field calls it when first read): for expenses this library decoded it is built
 * then, each expense holding until then its record and a reason.
 */
function expensesOfYear(
  resolved: ResolvedConvention,
  expenses: Records["expenses"],
  year: number,
  part: Period | undefined,
  asOf: CalendarDate | undefined,
  comparison: FinancialReportComparison | undefined
): Pick<FundingUse, "eligibleExpenses"> & { readonly ineligible: () => ReadonlyArray<IneligibleExpense> } {
  const conventionId = resolved.convention.id
  const eligibleExpenses: Array<{ readonly id: string; readonly amount: Euros }> = []
  const leftOut: Array<Expense> = []
  const whys: Array<ExpenseWhy> = []
  // The terms in force on a line's date, as termsInForceOn reads them (the dates are decoded ones).
  const { timeline, terms } = resolved
  const termsOn = (date: CalendarDate) => {
    for (let index = 0; index < timeline.length; index++) {
      const segment = timeline[index] as ResolvedConvention["timeline"][number]
      if (date <= segment.period.end) return segment.terms
    }
    return terms
  }
  const unique = expenses.unique
  for (let index = 0; index < unique.length; index++) {
    const expense = unique[index] as Expense
    const exclusion = expenseExclusion(expense, part, asOf, termsOn(expense.date), conventionId)
    // Frozen as built (the amount with it, as the result's deep freeze would): the result's
    // freeze then skips each line, and each list, instead of walking them.
    if (exclusion === undefined)
      eligibleExpenses.push(Object.freeze({ id: expense.id, amount: frozen(expense.amount) }))
    else {
      leftOut.push(expense)
      whys.push(exclusion)
    }
  }
  const copies = expenses.copies
  const ineligible = (): ReadonlyArray<IneligibleExpense> => {
    if (copies.length === 0 && leftOut.length === 0) return NO_INELIGIBLE
    // A copy of an expense left out is left out for the same reason (its content is the same);
    // only a copy of an eligible expense is a copy counted once (no reason: `duplicate-id`).
    const list = copies.map((copy) =>
      ineligibleLine(copy, expenseExclusion(copy, part, asOf, termsOn(copy.date), conventionId))
    )
    for (let index = 0; index < leftOut.length; index++)
      list.push(ineligibleLine(leftOut[index] as Expense, whys[index] as ExpenseWhy))
    return list.sort(compareIds)
  }
  const yearKey = String(year)
  const noneThatYear = (list: ReadonlyArray<Expense>) => list.every((expense) => expense.date.slice(0, 4) !== yearKey)
  if (comparison !== undefined && noneThatYear(expenses.unique) && noneThatYear(expenses.copies))
    eligibleExpenses.push(
      Object.freeze({ id: `compte-rendu-financier-${year}`, amount: frozen(comparison.eligibleSpend) })
    )
  // Expenses this library decoded are frozen: the list may be built later. A plain object taken
  // for its shape could change after the evaluation: the list is then built now, as it reads.
  const decoded = (expense: Expense) => decodedExpenses.has(expense)
  if (leftOut.every(decoded) && copies.every(decoded))
    return { eligibleExpenses: Object.freeze(eligibleExpenses), ineligible }
  const built = ineligible()
  return { eligibleExpenses: Object.freeze(eligibleExpenses), ineligible: () => built }
}

/** An ineligible expense as a result lists it, frozen: with its reason, or as a copy counted once when it has none. */
function ineligibleLine(expense: Expense, why: ExpenseWhy | undefined): IneligibleExpense {
  return Object.freeze({
    id: expense.id,
    amount: frozen(expense.amount),
    date: expense.date,
    label: expenseLabel(expense),
    reason: why === undefined ? "duplicate-id" : why.reason,
    detail: why === undefined ? COPIED_EXPENSE_TEXT : exclusionDetail(why.fact)
  })
}

/** No ineligible expense: one frozen empty list. */
const NO_INELIGIBLE: ReadonlyArray<IneligibleExpense> = Object.freeze([])

/** An amount frozen, as {@link frozenResult} freezes the amounts of a result. */
function frozen(amount: Euros): Euros {
  if (!Object.isFrozen(amount)) Object.freeze(amount)
  return amount
}

/** The instalments due on `asOf` and not paid. */
function dueUnpaidOf(matched: ReadonlyArray<InstalmentPosition>, asOf: CalendarDate | undefined): Euros {
  if (asOf === undefined) return Euros.zero
  return Euros.sum(
    matched.map((position) =>
      position.instalment.dueDate !== undefined && position.instalment.dueDate <= asOf
        ? Euros.max(Euros.zero, position.instalment.amount.minus(position.paid))
        : Euros.zero
    )
  )
}

/** Whether the financial report is received after `asOf` (stated by the option or by the document): not yet known on `asOf`, as reports accepted after it are not. */
function reportReceivedAfterAsOf(inputs: YearInputs): boolean {
  const statedOn = inputs.financialReportReceivedOn ?? inputs.financialReport?.receivedOn
  return statedOn !== undefined && inputs.asOf !== undefined && statedOn > inputs.asOf
}

/** The financial report: due date, receipt, lateness, and the comparison with the budget. */
function financialReportOf(
  schedule: PaymentSchedule,
  inputs: YearInputs,
  comparison: FinancialReportComparison | undefined
): FinancialReport | undefined {
  if (schedule.reports === undefined) return undefined
  const dueDate = schedule.reports.financialReportDue
  const { asOf } = inputs
  const statedOn = inputs.financialReportReceivedOn ?? inputs.financialReport?.receivedOn
  const receivedLater = reportReceivedAfterAsOf(inputs)
  const receivedOn = receivedLater ? undefined : statedOn
  // Received on a day not given: the year's reports were accepted by the report's day (the Caf
  // accepts them once it holds them, the financial report among them), or the report itself was
  // given. No day then shows a delay, so none is asserted (see docs/reports.md).
  const accepted =
    inputs.reportsAcceptedOn !== undefined && (asOf === undefined || inputs.reportsAcceptedOn <= asOf)
      ? inputs.reportsAcceptedOn
      : undefined
  const undated: FinancialReport["receivedUndated"] =
    receivedOn !== undefined || receivedLater
      ? undefined
      : accepted !== undefined
        ? { evidence: "reports-accepted", by: accepted }
        : inputs.financialReport !== undefined
          ? { evidence: "document" }
          : undefined
  return {
    dueDate,
    ...(receivedOn === undefined ? {} : { receivedOn }),
    ...(undated === undefined ? {} : { receivedUndated: undated }),
    late:
      receivedOn !== undefined ? receivedOn > dueDate : undated === undefined && asOf !== undefined && asOf > dueDate,
    ...(comparison === undefined ? {} : { comparison })
  }
}

/**
 * The day the partner had received more than the year leaves it, when a payment made it so: the
 * payment, in date order, that took what was received beyond `received − toRepay`. Undefined when
 * nothing is to repay, or when money carried in from the year before is already more than the
 * year leaves (the overpayment then existed before any payment of the year). A repayment cannot
 * be demanded before the money to repay was paid: a balance paid after the reports were accepted
 * is demanded back from the day it was paid.
 */
function overpaidOn(payments: ReadonlyArray<Payment>, toRepay: Euros): CalendarDate | undefined {
  if (!toRepay.isPositive()) return undefined
  const kept = Euros.sum(payments.map((payment) => payment.amount)).minus(toRepay)
  if (kept.isNegative()) return undefined
  const inOrder = [...payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let received = Euros.zero
  for (const payment of inOrder) {
    received = received.plus(payment.amount)
    if (received.greaterThan(kept)) return payment.date
  }
  return undefined
}

/** Where the amount to repay stands, from the repayments of the year for this convention known on `asOf`. */
function repaymentOf(
  resolved: ResolvedConvention,
  records: Records,
  inputs: YearInputs,
  settlement: Settlement,
  withdrawal: ReturnType<typeof withdrawalPart>,
  payments: ReadonlyArray<Payment>
): YearRepayment {
  const { year, asOf } = inputs
  const conventionId = resolved.convention.id
  return yearRepayment(
    settlement.toRepay,
    records.repayments.unique.filter(
      (record) =>
        record.year === year &&
        (record.conventionId === undefined || record.conventionId === conventionId) &&
        (asOf === undefined || record.date <= asOf)
    ),
    {
      acceptedOn: inputs.reportsAcceptedOn,
      overpaidOn: overpaidOn(payments, settlement.toRepay),
      deadlineDays:
        resolvedYear(resolved, year)?.payment.paymentDeadlineDays ?? resolved.terms.payment.paymentDeadlineDays,
      asOf,
      withdrawal
    }
  )
}

/**
 * @internal The use of the money of one year, from records already checked and the convention
 * resolved as known on `inputs.asOf`. Its explanation is built when first read.
 */
export function yearUse(resolved: ResolvedConvention, records: Records, inputs: YearInputs): FundingUse {
  const { year, asOf } = inputs
  const { convention, terms } = resolved
  const schedule = yearSchedule(resolved, inputs, inputs.carriedIn)
  const part = schedule.period
  const state = stateOf(part, asOf)
  const final = state === "ended" || state === "not-covered"

  const payments = paymentsOfYear(records.payments, convention.id, year, asOf)
  const matched = matchPayments(schedule.instalments, payments.counted, asOf, zeroReason(resolved, year))
  const received = Euros.sum(payments.counted.map((payment) => payment.amount))
  const earlyPayments = earlyPaymentsOf(resolved, payments.counted)
  // A compte rendu financier received after `asOf` is not known on `asOf`: its figures do not
  // justify the year's spending yet, as it is not yet received (financialReportOf).
  const comparison =
    inputs.financialReport === undefined || reportReceivedAfterAsOf(inputs)
      ? undefined
      : compareFinancialReport(resolved, inputs.financialReport)
  const { eligibleExpenses, ineligible } = expensesOfYear(resolved, records.expenses, year, part, asOf, comparison)
  const eligibleSpend = Euros.sum(eligibleExpenses.map((expense) => expense.amount))

  const modulated = modulation(schedule.amount, terms, inputs.objectives)
  const settlement = settle(schedule.amount.minus(modulated.reduction), eligibleSpend, received, {
    terms,
    final,
    carriedIn: schedule.instalments.find((instalment) => instalment.offset !== undefined)?.offset?.amount ?? Euros.zero,
    offsetRoom: inputs.offsetRoom,
    dueUnpaid: dueUnpaidOf(matched, asOf)
  })
  // Once the year is settled on reported spending with nothing still owed, what the schedule
  // planned and was not paid is not owed: the partner spent less than the grant. It is neither due
  // nor late. With no eligible spending reported, the statuses stay as they are: the spending may
  // simply not be reported yet.
  const instalments =
    final && settlement.stillToPay.isZero() && eligibleSpend.isPositive() ? matched.map(notOwedIfUnpaid) : matched
  const financialReport = financialReportOf(schedule, inputs, comparison)
  const withdrawal = withdrawalPart(resolved, part, schedule.amount, settlement)
  const repayment = repaymentOf(resolved, records, inputs, settlement, withdrawal, payments.counted)
  const lastYear = part !== undefined && resolvedYear(resolved, year + 1) === undefined
  const fields = {
    conventionId: convention.id,
    year,
    ...(asOf === undefined ? {} : { asOf }),
    state,
    final,
    lastYear,
    schedule,
    instalments,
    otherPayments: payments.others,
    earlyPayments,
    eligibleExpenses
  } as { -readonly [K in keyof Omit<FundingUse, "facts" | "explanation">]: FundingUse[K] }
  // The ineligible expenses are listed when first read, in their place among the keys (the keys
  // after it added after it, so that the holder keeps a fast shape).
  lazyField(fields, "ineligibleExpenses", ineligible)
  fields.modulation = modulated
  fields.settlement = settlement
  fields.repayment = repayment
  if (financialReport !== undefined) fields.financialReport = financialReport
  // The explanation is added last by lazyField, in its place after the other keys: a key written
  // first and made lazy after turns the holder into a dictionary, slow to freeze and to read.
  const use = factsField<FundingUse, "facts">(fields as Omit<FundingUse, "facts">, "facts", () => ({
    conventionId: convention.id,
    year,
    asOf,
    state,
    final,
    carriedIn: settlement.carriedIn,
    stillToPay: settlement.stillToPay,
    awaitingUse: settlement.awaitingUse,
    toRepay: settlement.toRepay,
    repaid: repayment.received,
    stillToRepay: repayment.stillToRepay,
    overRepaid: repayment.overRepaid,
    offsetNextYear: settlement.offsetNextYear,
    lastYearOfOffset: lastYear && terms.unspent.rule === "offset"
  }))
  return lazyField(use, "explanation", () =>
    explainUse(convention, year, {
      facts: use.facts,
      schedule,
      instalments,
      received,
      earlyPayments,
      eligibleExpenses,
      ineligibleExpenses: use.ineligibleExpenses,
      modulated,
      settlement,
      state,
      lastYear,
      financialReport,
      asOf,
      terms,
      repayment
    })
  )
}

/**
 * @internal The years of a convention in order, each evaluated with the money of the previous
 * one carried in (clause `offset`), up to `lastYear`. `resolved` is the convention as known on
 * the day of evaluation (the same for every year): it is not resolved again.
 */
export function runYears(
  resolved: ResolvedConvention,
  records: Records,
  years: ReadonlyArray<number>,
  inputsOf: (year: number) => Omit<YearInputs, "year" | "carriedIn" | "offsetRoom">
): ReadonlyArray<FundingUse> {
  const uses: Array<FundingUse> = []
  // The clause as the signed text and every amendment give it.
  const offset = resolveConvention(resolved.convention).terms.unspent.rule === "offset"
  for (const year of years) {
    const previous = uses.at(-1)
    const carried =
      previous !== undefined && previous.year === year - 1 && previous.settlement.offsetNextYear.isPositive()
        ? { amount: previous.settlement.offsetNextYear, fromYear: previous.year }
        : undefined
    const room = offset ? offsetRoom(resolved, { year: year + 1, ...inputsOf(year + 1) }) : undefined
    uses.push(yearUse(resolved, records, { year, carriedIn: carried, offsetRoom: room, ...inputsOf(year) }))
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
  const checked = checkedUseOptions(input, options)
  const records = checkedRecords(options.payments, options.expenses, options.repayments ?? [])
  return useOfYear(input, checked, records, options)
}

/**
 * Options of {@link evaluateFundingUseAsync}: those of {@link evaluateFundingUse}, whose records
 * may also come as async iterables (a JSON Lines file read line by line, a database cursor), each
 * record decoded (or taken as it is when decoded already) as it is read.
 *
 * @example
 * ```ts
 * import type { FundingUseAsyncOptions } from "caf-conventions"
 * async function* lines(): AsyncGenerator<unknown> {
 *   yield { id: "v-1", date: "2024-03-28", amount: "15000", year: 2024, instalment: "advance" }
 * }
 * const options: FundingUseAsyncOptions = { year: 2024, payments: lines(), expenses: [] }
 * ```
 * @category funding
 */
export interface FundingUseAsyncOptions extends Omit<FundingUseOptions, "payments" | "expenses" | "repayments"> {
  /** Payments received: a list, an iterable or an async iterable of decoded payments or of their JSON. */
  readonly payments: Iterable<unknown> | AsyncIterable<unknown>
  /** Expenses reported, likewise. */
  readonly expenses: Iterable<unknown> | AsyncIterable<unknown>
  /** Repayments received, likewise. */
  readonly repayments?: Iterable<unknown> | AsyncIterable<unknown>
}

/**
 * {@link evaluateFundingUse} over records read as a stream: `payments`, `expenses` and
 * `repayments` may be async iterables (or lists, or iterables), read in that order, each record
 * decoded as it is read, so that only the decoded records are held, never the input. The result is
 * the same as {@link evaluateFundingUse} gives for the same records in lists, byte for byte, and so
 * are the errors: a record that is not one rejects with a {@link ValidationError} whose paths start
 * with the record's index in its stream (`payments` `[3, "amount"]`). An error thrown by the
 * stream itself (a file that cannot be read) rejects as it is.
 *
 * Memory: the result lists every record (each expense eligible or not, each payment matched or
 * listed apart), so what is held is the decoded records and the result, bounded by what the
 * result must hold.
 *
 * @example
 * ```ts
 * import { evaluateFundingUseAsync, type Convention } from "caf-conventions"
 * declare const cpo: Convention
 * declare function readJsonLines(file: string): AsyncIterable<unknown> // one JSON value a line
 * const use = await evaluateFundingUseAsync(cpo, {
 *   year: 2024,
 *   payments: readJsonLines("versements.jsonl"),
 *   expenses: readJsonLines("depenses.jsonl"),
 *   asOf: "2025-07-15"
 * })
 * use.settlement.toRepay.format() // what the partner must repay
 * ```
 * @category funding
 */
export async function evaluateFundingUseAsync(
  input: Convention | ResolvedConvention,
  options: FundingUseAsyncOptions
): Promise<FundingUse> {
  const checked = checkedUseOptions(input, options)
  const records = await checkedRecordsAsync(options.payments, options.expenses, options.repayments ?? [])
  return useOfYear(input, checked, records, options)
}

/** What evaluateFundingUse checks before reading the records: the convention, the year, the dates, the objectives. */
interface CheckedUse {
  readonly convention: Convention
  readonly year: number
  readonly dates: {
    readonly asOf?: CalendarDate
    readonly reportsAcceptedOn?: CalendarDate
    readonly financialReportReceivedOn?: CalendarDate
  }
}

function checkedUseOptions(
  input: Convention | ResolvedConvention,
  options: Omit<FundingUseOptions, "payments" | "expenses" | "repayments">
): CheckedUse {
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
  return { convention, year, dates }
}

/** The year's use, from the checked options and records; under `offset`, after the years before it. */
function useOfYear(
  input: Convention | ResolvedConvention,
  { convention, year, dates }: CheckedUse,
  records: Records,
  options: Pick<FundingUseOptions, "objectives" | "financialReport">
): FundingUse {
  const report = options.financialReport === undefined ? undefined : checkedFinancialReport(options.financialReport)
  if (report !== undefined && (report.conventionId !== convention.id || report.year !== year)) {
    throw new InvalidArgumentError({
      argument: "financialReport",
      message: `the financial report is for ${report.conventionId} in ${report.year}, not ${convention.id} in ${year}`
    })
  }
  const resolved = resolvedAsOf(input, dates.asOf)
  const earlier =
    resolved.terms.unspent.rule === "offset"
      ? resolved.years.map((entry) => entry.year).filter((other) => other < year)
      : []
  const uses = runYears(resolved, records, [...earlier, year], (other) =>
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
