/**
 * The French explanation of a year's use of the money.
 *
 * @module
 */
import { type CalendarDate, addDays } from "../calendar/date.js"
import type { ExplanationNode, Outcome } from "../core/explanation.js"
import type { Convention } from "../conventions/convention.js"
import type { Terms } from "../conventions/terms.js"
import { Euros } from "../money/euros.js"
import { EXPENSE_EXCLUSION_LABELS, type ExpenseExclusionReason, type IneligibleExpense } from "./expenses.js"
import type { InstalmentPosition } from "./instalments.js"
import { instalmentStatusText } from "./labels.js"
import type { PaymentSchedule } from "./schedule.js"
import type { Modulation, Settlement } from "./settlement.js"
import type { FinancialReport, FundingYearState } from "./state.js"
import type { YearRepayment } from "./repayments.js"
import type { EarlyPayment, UseFacts } from "./facts.js"
import {
  BALANCE_SOURCE,
  EARLY_PAYMENT_LABEL,
  EXPENSES_SOURCE,
  MODULATION_SOURCE,
  PAYMENTS_SOURCE,
  conventionSource,
  withdrawalSource,
  FINANCIAL_REPORT_SOURCE,
  PAYMENT_SOURCE,
  UNSPENT_SOURCE,
  USE_LABELS,
  type UnspentFacts,
  balanceSentence,
  expensesSentence,
  financialReportSentence,
  instalmentPositionSentence,
  paymentsSentence,
  unspentSentence,
  useLabel,
  useOutcomeText,
  useSentence,
  withdrawalSentence
} from "../vocabulary/funding.js"

/** @internal What the explanation of a year reads. */
interface UseParts {
  readonly facts: UseFacts
  readonly schedule: PaymentSchedule
  readonly instalments: ReadonlyArray<InstalmentPosition>
  readonly received: Euros
  readonly earlyPayments: ReadonlyArray<EarlyPayment>
  readonly eligibleExpenses: ReadonlyArray<{ readonly id: string; readonly amount: Euros }>
  readonly ineligibleExpenses: ReadonlyArray<IneligibleExpense>
  readonly modulated: Modulation
  readonly settlement: Settlement
  readonly state: FundingYearState
  readonly lastYear: boolean
  readonly financialReport: FinancialReport | undefined
  readonly asOf: CalendarDate | undefined
  readonly terms: Terms
  readonly repayment?: YearRepayment
}

function node(
  ruleId: string,
  label: string,
  outcome: Outcome,
  sentence: string,
  source: string,
  read: Record<string, unknown> = {},
  children: ReadonlyArray<ExplanationNode> = []
): ExplanationNode {
  return { ruleId, label, outcome, read, sentence, source, children }
}

function instalmentNode(position: InstalmentPosition): ExplanationNode {
  const { instalment } = position
  return node(
    instalment.key,
    instalment.label,
    position.status === "late" || position.status === "overpaid" || position.status === "paid-late"
      ? "fail"
      : position.status === "paid"
        ? "pass"
        : "not-applicable",
    instalmentPositionSentence({
      amount: instalment.amount,
      offset: instalment.offset,
      paid: position.paid,
      status: instalmentStatusText(position),
      deadline: instalment.deadline
    }),
    PAYMENT_SOURCE,
    {
      paid: position.paid,
      payments: position.paymentIds,
      status: position.status,
      ...(position.daysLate === undefined ? {} : { daysLate: position.daysLate })
    }
  )
}

/** The facts of the unspent part: where it went, kept, deducted from the next balance, to repay, or never paid. */
function unspentFacts(parts: UseParts): UnspentFacts {
  const { settlement } = parts
  // Money received beyond the grant is repaid too, but it is not part of the unspent grant.
  const overGrant = Euros.max(Euros.zero, settlement.received.plus(settlement.carriedIn).minus(settlement.granted))
  const unusedOfGrant = Euros.sum([settlement.keptSurplus, settlement.offsetNextYear, settlement.toRepay]).minus(
    overGrant
  )
  return {
    year: parts.schedule.year,
    state: parts.state,
    rule: parts.terms.unspent.rule,
    lastYearOfOffset: parts.facts.lastYearOfOffset,
    granted: settlement.granted,
    eligibleSpend: settlement.eligibleSpend,
    unspent: settlement.unspent,
    keepable: settlement.keepable,
    keptSurplus: settlement.keptSurplus,
    offsetNextYear: settlement.offsetNextYear,
    toRepay: settlement.toRepay,
    overGrant,
    notPaid: Euros.max(Euros.zero, settlement.unspent.minus(unusedOfGrant))
  }
}

function unspentNode(parts: UseParts): ExplanationNode {
  const { settlement } = parts
  const read = { unspent: settlement.unspent, keepable: settlement.keepable }
  const open = parts.state === "not-started" || parts.state === "in-progress"
  return node(
    "surplus",
    USE_LABELS.unspent,
    !open && settlement.unspent.isZero() && settlement.granted.isPositive() ? "pass" : "not-applicable",
    unspentSentence(unspentFacts(parts)),
    UNSPENT_SOURCE,
    read
  )
}

/** The withdrawal of the subsidy, in the year the breach cuts: what is to repay, by when. */
function withdrawalNodes(convention: Convention, parts: UseParts): ReadonlyArray<ExplanationNode> {
  const withdrawal = convention.withdrawal
  const part = parts.schedule.period
  if (withdrawal === undefined || part === undefined || parts.repayment === undefined) return []
  const known = parts.asOf === undefined || withdrawal.decidedOn <= parts.asOf
  if (!known || part.end !== addDays(withdrawal.effectiveFrom, -1)) return []
  const owed = parts.repayment.withdrawal
  return [
    node(
      "withdrawal",
      USE_LABELS.withdrawal,
      owed === undefined ? "not-applicable" : "fail",
      withdrawalSentence({
        year: parts.schedule.year,
        decidedOn: withdrawal.decidedOn,
        notifiedOn: withdrawal.notifiedOn,
        reason: withdrawal.reason,
        effectiveFrom: withdrawal.effectiveFrom,
        part,
        amount: parts.schedule.amount,
        owed
      }),
      withdrawalSource(),
      {
        effectiveFrom: withdrawal.effectiveFrom,
        decidedOn: withdrawal.decidedOn,
        toRestore: owed?.amount ?? Euros.zero,
        dueDate: owed?.dueDate
      }
    )
  ]
}

/** The amounts left out, by reason, in the order the reasons are checked. */
function ineligibleByReason(
  expenses: ReadonlyArray<IneligibleExpense>
): ReadonlyArray<{ readonly label: string; readonly amount: Euros }> {
  return (Object.keys(EXPENSE_EXCLUSION_LABELS) as Array<ExpenseExclusionReason>).flatMap((reason) => {
    const lines = expenses.filter((expense) => expense.reason === reason)
    return lines.length === 0
      ? []
      : [{ label: EXPENSE_EXCLUSION_LABELS[reason], amount: Euros.sum(lines.map((expense) => expense.amount)) }]
  })
}

function amountNode(parts: UseParts): ExplanationNode {
  const { explanation } = parts.schedule
  return node("amount", USE_LABELS.amount, explanation.outcome, explanation.sentence, explanation.source, {
    amount: parts.schedule.amount
  })
}

function modulationNode(parts: UseParts): ExplanationNode {
  const { modulated } = parts
  return node(
    "modulation",
    USE_LABELS.modulation,
    modulated.reduction.isZero() ? "pass" : "fail",
    modulated.sentence,
    MODULATION_SOURCE,
    { reduction: modulated.reduction, missed: modulated.missedObjectives }
  )
}

function paymentsNode(year: number, parts: UseParts): ExplanationNode {
  const paymentNodes = [
    ...parts.instalments.map(instalmentNode),
    ...parts.earlyPayments.map((payment) =>
      node("early-payment", EARLY_PAYMENT_LABEL, "fail", payment.detail, payment.source, {
        id: payment.id,
        date: payment.date,
        before: payment.before,
        day: payment.day
      })
    )
  ]
  const { carriedIn } = parts.settlement
  return node(
    "payments",
    USE_LABELS.payments,
    paymentNodes.some((child) => child.outcome === "fail") ? "fail" : "pass",
    paymentsSentence({ year, received: parts.received, carriedIn }),
    PAYMENTS_SOURCE,
    { received: parts.received, carriedIn },
    paymentNodes
  )
}

function expensesNode(parts: UseParts): ExplanationNode {
  const { settlement } = parts
  return node(
    "expenses",
    USE_LABELS.expenses,
    "pass",
    expensesSentence({
      eligibleCount: parts.eligibleExpenses.length,
      eligibleSpend: settlement.eligibleSpend,
      ineligible: ineligibleByReason(parts.ineligibleExpenses),
      consumption: settlement.consumption
    }),
    EXPENSES_SOURCE,
    { eligibleSpend: settlement.eligibleSpend, ineligible: parts.ineligibleExpenses.length }
  )
}

function balanceNode(year: number, parts: UseParts, outcome: string, final: boolean): ExplanationNode {
  const { settlement } = parts
  return node(
    "year-balance",
    USE_LABELS.balance,
    !final ? "not-applicable" : settlement.toRepay.isPositive() ? "fail" : "pass",
    balanceSentence({
      year,
      entitled: settlement.entitled,
      received: settlement.received,
      carriedIn: settlement.carriedIn,
      outcome,
      final
    }),
    BALANCE_SOURCE,
    {
      entitled: settlement.entitled,
      received: settlement.received,
      carriedIn: settlement.carriedIn,
      stillToPay: settlement.stillToPay,
      toRepay: settlement.toRepay,
      offsetNextYear: settlement.offsetNextYear,
      awaitingUse: settlement.awaitingUse
    }
  )
}

function financialReportNodes(report: FinancialReport | undefined): ReadonlyArray<ExplanationNode> {
  if (report === undefined) return []
  return [
    node(
      "financial-report",
      USE_LABELS.financialReport,
      report.late ? "fail" : "pass",
      financialReportSentence(report),
      FINANCIAL_REPORT_SOURCE,
      {
        dueDate: report.dueDate,
        receivedOn: report.receivedOn,
        ...(report.receivedUndated === undefined ? {} : { receivedUndated: report.receivedUndated }),
        late: report.late
      }
    )
  ]
}

/** @internal The explanation of a year's use: the amount, modulation, payments, expenses, unspent part, balance, withdrawal, report. */
export function explainUse(convention: Convention, year: number, parts: UseParts): ExplanationNode {
  const { final } = parts.facts
  const outcome = useOutcomeText(parts.facts)
  const children = [
    amountNode(parts),
    modulationNode(parts),
    paymentsNode(year, parts),
    expensesNode(parts),
    unspentNode(parts),
    balanceNode(year, parts, outcome, final),
    ...withdrawalNodes(convention, parts),
    ...financialReportNodes(parts.financialReport)
  ]
  return node(
    "funding-use",
    useLabel(year),
    children.some((child) => child.outcome === "fail") ? "fail" : "pass",
    useSentence(parts.facts),
    conventionSource(convention.id),
    {},
    children
  )
}
