/**
 * How was the money used in year N, and what is still to pay or to repay?
 *
 * @module
 */
import { type CalendarDate, formatFrenchDate } from "../calendar/date.js"
import { type Period, periodIntersection } from "../calendar/period.js"
import { InvalidArgumentError } from "../core/errors.js"
import type { ExplanationNode, Outcome } from "../core/explanation.js"
import { formatFraction } from "../core/fraction.js"
import { compareIds, uniqueById } from "../core/records.js"
import type { Convention } from "../conventions/convention.js"
import type { Terms } from "../conventions/terms.js"
import { finalTerms, termsTimeline } from "../conventions/terms-as-of.js"
import { Euros } from "../money/euros.js"
import type { ObjectivesEvaluation } from "../objectives/evaluate.js"
import { EXPENSE_EXCLUSION_LABELS, type ExpenseExclusionReason, type IneligibleExpense, expenseExclusion } from "./expenses.js"
import { type InstalmentPosition, matchPayments } from "./instalments.js"
import { INSTALMENT_STATUS_LABELS } from "./labels.js"
import { type Expense, type Payment, decodedExpenses, decodedPayments, isExpense, isPayment, safeParseExpense, safeParsePayment } from "./records.js"
import { type Modulation, type Settlement, modulation, settle } from "./settlement.js"
import { checkedYearOptions } from "../core/options.js"
import { type PaymentSchedule, paymentSchedule } from "./schedule.js"

/**
 * Options of a funding-use evaluation: the year; the payments received and the expenses
 * reported (decoded, or JSON that is decoded); `asOf`, the day of the evaluation (lateness is
 * judged on it; expenses after it are left out; before the year's end the settlement is
 * provisional); the objectives evaluation of the same year, for a convention that modulates its
 * amount; the days the reports were accepted and the financial report received.
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
  /** Whether the year is over on `asOf` (or no `asOf` was given): the settlement is then final. */
  readonly final: boolean
  /** The year's schedule. */
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
  /** The financial report (*compte rendu financier*): due date, receipt, lateness. */
  readonly financialReport?: { readonly dueDate: CalendarDate; readonly receivedOn?: CalendarDate; readonly late: boolean }
  /** The explanation, in French. */
  readonly explanation: ExplanationNode
}


// WeakSet.has answers false for anything that is not an object: no guard needed.
const looksLikePayment = (value: unknown): value is Payment => decodedPayments.has(value as object) || isPayment(value)
const looksLikeExpense = (value: unknown): value is Expense => decodedExpenses.has(value as object) || isExpense(value)

function termsOn(stretches: ReadonlyArray<{ readonly period: Period; readonly terms: Terms }>, date: CalendarDate, fallback: Terms): Terms {
  for (const stretch of stretches) if (date <= stretch.period.end) return stretch.terms
  return fallback
}

function node(ruleId: string, label: string, outcome: Outcome, sentence: string, source: string, read: Record<string, unknown> = {}, children: ReadonlyArray<ExplanationNode> = []): ExplanationNode {
  return { ruleId, label, outcome, read, sentence, source, children }
}

/**
 * Evaluates the use of the money for one year:
 * - **payments**: the year's payments (for this convention) are matched to the instalments of
 *   {@link paymentSchedule} (named ones to their instalment, the others in date order), and each
 *   instalment is `paid`, `partly-paid`, `overpaid`, or, with `asOf`, `not-yet-due`, `due` or
 *   `late`; payments of other years or conventions are listed in `otherPayments`, never dropped;
 * - **expenses**: each is eligible or not, with its reason (see {@link ExpenseExclusionReason}),
 *   judged with the terms in force on its date; the consumption ratio is eligible spending over
 *   the granted amount;
 * - **modulation**: if the convention says so, the year's amount is reduced for missed
 *   objectives (from `options.objectives`, see {@link evaluateObjectives});
 * - **unspent money**: repaid (*reversement*), kept up to the convention's cap, or offset against
 *   the next year's balance, per the convention's clause (circulaire of 2015, annex 1);
 * - **settlement**: what the Caf still owes, or what the partner must repay; every euro
 *   received is accounted for exactly once (see {@link Settlement});
 * - **financial report**: due `reporting.financialReportMonths` (6) months after the year's end
 *   (loi n° 2000-321, art. 10), late when `asOf` passes that day without it.
 *
 * An early termination prorates the year's amount (see {@link yearAmounts}): what was paid
 * beyond it comes out as an amount to repay. Identical copies of a payment or an expense count
 * once; two different records with one id, or a value that is not a record, throw a
 * {@link ValidationError}. The result does not depend on the order of the records.
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
export function evaluateFundingUse(convention: Convention, options: FundingUseOptions): FundingUse {
  const { year, dates } = checkedYearOptions("funding use options", options, ["asOf", "reportsAcceptedOn", "financialReportReceivedOn"])
  if (options.objectives !== undefined && (options.objectives.conventionId !== convention.id || options.objectives.year !== year)) {
    throw new InvalidArgumentError({ argument: "objectives", message: `the objectives evaluation is for ${options.objectives.conventionId} in ${options.objectives.year}, not ${convention.id} in ${year}` })
  }
  const asOf = dates.asOf
  const schedule = paymentSchedule(convention, { year, ...(dates.reportsAcceptedOn === undefined ? {} : { reportsAcceptedOn: dates.reportsAcceptedOn }) })
  const part = schedule.period
  const terms = finalTerms(convention)

  const payments = uniqueById(options.payments, { subject: "payments", looksDecoded: looksLikePayment, safeParse: safeParsePayment })
  const notCounted = (payment: Payment): string | undefined => {
    if (payment.year !== year) return `versement au titre de ${payment.year}`
    if (payment.conventionId !== undefined && payment.conventionId !== convention.id) return `versement au titre de la convention ${payment.conventionId}`
    if (asOf !== undefined && payment.date > asOf) return `versé le ${formatFrenchDate(payment.date)}, après le ${formatFrenchDate(asOf)}`
    return undefined
  }
  const otherPayments = [
    ...payments.copies.map((copy) => ({ id: copy.id, amount: copy.amount, detail: "copie identique d'un autre versement, comptée une fois" })),
    ...payments.unique.flatMap((payment) => {
      const detail = notCounted(payment)
      return detail === undefined ? [] : [{ id: payment.id, amount: payment.amount, detail }]
    })
  ].sort(compareIds)
  const yearPayments = payments.unique.filter((payment) => notCounted(payment) === undefined)
  const instalments = matchPayments(schedule.instalments, yearPayments, asOf)
  const received = Euros.sum(yearPayments.map((payment) => payment.amount))

  const expenses = uniqueById(options.expenses, { subject: "expenses", looksDecoded: looksLikeExpense, safeParse: safeParseExpense })
  const stretches = part === undefined ? [] : termsTimeline(convention).flatMap((segment) => {
    const period = periodIntersection(segment.period, part)
    return period === undefined ? [] : [{ period, terms: segment.terms }]
  })
  const eligibleExpenses: Array<{ readonly id: string; readonly amount: Euros }> = []
  const ineligibleExpenses: Array<IneligibleExpense> = expenses.copies.map((copy) => ({ id: copy.id, amount: copy.amount, reason: "duplicate-id", detail: "copie identique d'une autre dépense, comptée une fois" }))
  for (const expense of expenses.unique) {
    const exclusion = expenseExclusion(expense, part, asOf, termsOn(stretches, expense.date, terms), convention.id)
    if (exclusion === undefined) eligibleExpenses.push({ id: expense.id, amount: expense.amount })
    else ineligibleExpenses.push({ id: expense.id, amount: expense.amount, ...exclusion })
  }
  ineligibleExpenses.sort(compareIds)
  const eligibleSpend = Euros.sum(eligibleExpenses.map((expense) => expense.amount))

  const modulated = modulation(schedule.amount, terms, options.objectives)
  const final = asOf === undefined || part === undefined || asOf > part.end
  const settlement = settle(schedule.amount.minus(modulated.reduction), eligibleSpend, received, terms, final)
  const financialReport =
    schedule.reports === undefined
      ? undefined
      : {
          dueDate: schedule.reports.financialReportDue,
          ...(dates.financialReportReceivedOn === undefined ? {} : { receivedOn: dates.financialReportReceivedOn }),
          late:
            dates.financialReportReceivedOn !== undefined
              ? dates.financialReportReceivedOn > schedule.reports.financialReportDue
              : asOf !== undefined && asOf > schedule.reports.financialReportDue
        }

  const explanation = explainUse(convention, year, { schedule, instalments, received, eligibleExpenses, ineligibleExpenses, modulated, settlement, final, financialReport, asOf, terms })
  return {
    conventionId: convention.id,
    year,
    ...(asOf === undefined ? {} : { asOf }),
    final,
    schedule,
    instalments,
    otherPayments,
    eligibleExpenses,
    ineligibleExpenses,
    modulation: modulated,
    settlement,
    ...(financialReport === undefined ? {} : { financialReport }),
    explanation
  }
}

interface Parts {
  readonly schedule: PaymentSchedule
  readonly instalments: ReadonlyArray<InstalmentPosition>
  readonly received: Euros
  readonly eligibleExpenses: ReadonlyArray<{ readonly id: string; readonly amount: Euros }>
  readonly ineligibleExpenses: ReadonlyArray<IneligibleExpense>
  readonly modulated: Modulation
  readonly settlement: Settlement
  readonly final: boolean
  readonly financialReport: FundingUse["financialReport"]
  readonly asOf: CalendarDate | undefined
  readonly terms: Terms
}

const UNSPENT_FR = {
  repay: "la part non dépensée est reversée",
  keep: "le partenaire conserve un excédent raisonnable, dans la limite prévue",
  offset: "la part non dépensée est déduite du solde de l'année suivante"
} as const

function explainUse(convention: Convention, year: number, parts: Parts): ExplanationNode {
  const { settlement, instalments } = parts
  const paymentNodes = instalments.map((position) =>
    node(
      position.instalment.key,
      position.instalment.label,
      position.status === "late" || position.status === "overpaid" ? "fail" : position.status === "paid" ? "pass" : "not-applicable",
      `${position.instalment.amount.format()} prévus, ${position.paid.format()} versés : ${INSTALMENT_STATUS_LABELS[position.status]}${position.instalment.deadline === undefined ? "" : ` (au plus tard le ${formatFrenchDate(position.instalment.deadline)})`}.`,
      "Convention : modalités de versement ; loi n° 2021-875 (versement sous 60 jours)",
      { paid: position.paid, payments: position.paymentIds, status: position.status }
    )
  )
  // The amounts left out, by reason, in the order the reasons are checked.
  const ineligibleText = (Object.keys(EXPENSE_EXCLUSION_LABELS) as Array<ExpenseExclusionReason>)
    .flatMap((reason) => {
      const lines = parts.ineligibleExpenses.filter((expense) => expense.reason === reason)
      return lines.length === 0 ? [] : [`${Euros.sum(lines.map((expense) => expense.amount)).format()} ${EXPENSE_EXCLUSION_LABELS[reason]}`]
    })
    .join(", ")
  const consumption = settlement.consumption === undefined ? "" : ` ; taux de consommation ${formatFraction({ numerator: settlement.consumption.numerator * 100, denominator: settlement.consumption.denominator }, 1)} %`
  const provisional = parts.final ? "" : " (provisoire : l'année n'est pas terminée)"
  const outcomeText = settlement.awaitingUse.isPositive()
    ? `${settlement.awaitingUse.format()} reçus et pas encore justifiés par des dépenses éligibles`
    : settlement.toRepay.isPositive()
      ? `${settlement.toRepay.format()} à reverser`
      : settlement.offsetNextYear.isPositive()
        ? `${settlement.offsetNextYear.format()} à déduire du solde de ${year + 1}`
        : settlement.stillToPay.isPositive()
          ? `${settlement.stillToPay.format()} restant à verser`
          : "rien à verser ni à reverser"
  const children = [
    node("montant", "Montant de l'année", parts.schedule.explanation.outcome, parts.schedule.explanation.sentence, parts.schedule.explanation.source, { amount: parts.schedule.amount }),
    node("modulation", "Modulation selon les objectifs", parts.modulated.reduction.isZero() ? "pass" : "fail", parts.modulated.sentence, "Convention : clause de modulation", { reduction: parts.modulated.reduction, missed: parts.modulated.missedObjectives }),
    node("versements", "Versements", paymentNodes.some((child) => child.outcome === "fail") ? "fail" : "pass", `${parts.received.format()} reçus pour ${year}.`, "Convention : modalités de versement", { received: parts.received }, paymentNodes),
    node(
      "depenses",
      "Dépenses",
      "pass",
      `${parts.eligibleExpenses.length} dépense(s) éligible(s) pour ${settlement.eligibleSpend.format()}${ineligibleText === "" ? "" : ` ; non retenues : ${ineligibleText}`}${consumption}.`,
      "Convention : conditions d'utilisation de la subvention ; compte rendu financier (Cerfa n° 15059)",
      { eligibleSpend: settlement.eligibleSpend, ineligible: parts.ineligibleExpenses.length }
    ),
    node(
      "excedent",
      "Part non dépensée",
      settlement.unspent.isZero() && settlement.granted.isPositive() ? "pass" : "not-applicable",
      settlement.granted.isZero()
        ? "Aucune subvention accordée pour l'année : rien à employer."
        : settlement.unspent.isZero()
        ? "Toute la subvention accordée a été employée à des dépenses éligibles."
        : `${settlement.unspent.format()} non dépensés${parts.final ? "" : " à ce jour"} : ${UNSPENT_FR[parts.terms.unspent.rule]}${settlement.keepable.isPositive() ? ` (${settlement.keepable.format()} conservables)` : ""}.`,
      "Convention : clause sur l'excédent ; circulaire n° 5811/SG du 29 septembre 2015, annexe 1 ; loi n° 2000-321, art. 10",
      { unspent: settlement.unspent, keepable: settlement.keepable }
    ),
    node(
      "solde",
      "Solde de l'année",
      !parts.final ? "not-applicable" : settlement.toRepay.isPositive() ? "fail" : "pass",
      `Droit au titre de ${year} : ${settlement.entitled.format()} ; reçu : ${settlement.received.format()} ; ${outcomeText}${provisional}.`,
      "Convention : modalités de versement et clause sur l'excédent",
      { entitled: settlement.entitled, received: settlement.received, stillToPay: settlement.stillToPay, toRepay: settlement.toRepay, offsetNextYear: settlement.offsetNextYear, awaitingUse: settlement.awaitingUse }
    ),
    ...(parts.financialReport === undefined
      ? []
      : [
          node(
            "compte-rendu",
            "Compte rendu financier",
            parts.financialReport.late ? "fail" : "pass",
            `Attendu au plus tard le ${formatFrenchDate(parts.financialReport.dueDate)}${parts.financialReport.receivedOn === undefined ? "" : `, reçu le ${formatFrenchDate(parts.financialReport.receivedOn)}`}${parts.financialReport.late ? " : en retard" : ""}.`,
            "loi n° 2000-321, art. 10 (six mois après la fin de l'exercice) ; Cerfa n° 15059",
            { dueDate: parts.financialReport.dueDate, receivedOn: parts.financialReport.receivedOn, late: parts.financialReport.late }
          )
        ])
  ]
  return node(
    "emploi-des-fonds",
    `Emploi des fonds ${year}`,
    children.some((child) => child.outcome === "fail") ? "fail" : "pass",
    `Convention ${convention.id}, ${year}${parts.asOf === undefined ? "" : ` au ${formatFrenchDate(parts.asOf)}`} : ${outcomeText}${provisional}.`,
    `Convention ${convention.id}`,
    {},
    children
  )
}
