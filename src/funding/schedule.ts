/**
 * What is due, and when: the payment schedule of one year of a convention.
 *
 * @module
 */
import { type CalendarDate, addDays, addMonths, formatFrenchDate, maxDate, readCalendarDate } from "../calendar/date.js"
import { type Period, periodDays, periodPartInYear } from "../calendar/period.js"
import { InvalidArgumentError } from "../core/errors.js"
import { checkedYearOptions } from "../core/options.js"
import type { ExplanationNode } from "../core/explanation.js"
import type { Convention } from "../conventions/convention.js"
import type { PaymentTerms } from "../conventions/terms.js"
import { effectivePeriod, finalTerms } from "../conventions/terms-as-of.js"
import { type YearAmount, yearAmounts } from "../conventions/yearly-amounts.js"
import { Dec } from "../money/decimal.js"
import { Euros } from "../money/euros.js"

/**
 * Options of a schedule: the year, and the day the year's reports were accepted, when they were
 * (the balance is then due).
 *
 * @example
 * ```ts
 * import type { ScheduleOptions } from "caf-conventions"
 * const options: ScheduleOptions = { year: 2024, reportsAcceptedOn: "2025-05-15" }
 * ```
 * @category funding
 */
export interface ScheduleOptions {
  /** The calendar year. */
  readonly year: number
  /** The day the year's activity and financial reports were accepted, if they were. */
  readonly reportsAcceptedOn?: CalendarDate | string
}

/**
 * One payment the convention plans for the year:
 * - `key`: `advance`, `instalment-1`, `instalment-2`…, `balance` (payments name it to be matched);
 * - `share` of the year's amount and `amount`, rounded with the convention's mode on the running
 *   total of the shares (the balance takes what remains, so the instalments always sum to the
 *   year's amount to the cent and none is negative, whatever the rounding mode);
 * - `dueDate`: when it becomes payable (absent for a balance whose reports are not yet accepted;
 *   `expectedDueDate` then gives the reports' due date); `deadline`: the latest day to pay, 60 days
 *   (by default) after the due date (loi n° 2021-875).
 *
 * @example
 * ```ts
 * import { paymentSchedule, type Convention, type Instalment } from "caf-conventions"
 * declare const convention: Convention
 * const [advance]: ReadonlyArray<Instalment> = paymentSchedule(convention, { year: 2024 }).instalments
 * advance?.amount.toString() //=> "15000.00"
 * ```
 * @category funding
 */
export interface Instalment {
  /** Stable key: `advance`, `instalment-N` or `balance`. */
  readonly key: string
  /** What kind of payment it is. */
  readonly kind: "advance" | "instalment" | "balance"
  /** French label. */
  readonly label: string
  /** Share of the year's amount, as a decimal string. */
  readonly share: string
  /** The amount. */
  readonly amount: Euros
  /** What makes it payable, in French. */
  readonly trigger: string
  /** When it becomes payable, if known. */
  readonly dueDate?: CalendarDate
  /** For a balance paid on accepted reports, not yet accepted: the day the reports are due. */
  readonly expectedDueDate?: CalendarDate
  /** The latest day to pay it. */
  readonly deadline?: CalendarDate
}

/**
 * The payment schedule of one year: the year's amount (and how it was reached), the instalments,
 * the reports' due dates, and the explanation.
 *
 * @example
 * ```ts
 * import { paymentSchedule, type Convention, type PaymentSchedule } from "caf-conventions"
 * declare const convention: Convention
 * const schedule: PaymentSchedule = paymentSchedule(convention, { year: 2024 })
 * schedule.instalments.map((i) => i.amount.toString()) //=> ["15000.00", "15000.00"]
 * ```
 * @category funding
 */
export interface PaymentSchedule {
  /** The convention. */
  readonly conventionId: string
  /** The year. */
  readonly year: number
  /** The part of the year the convention applies to; absent when it does not apply that year. */
  readonly period?: Period
  /** The year's amount (zero when the convention does not apply that year). */
  readonly amount: Euros
  /** How the year's amount was reached (see {@link yearAmounts}). */
  readonly yearAmount?: YearAmount
  /** The instalments, in order; they sum to `amount`. */
  readonly instalments: ReadonlyArray<Instalment>
  /** When the year's reports are due. */
  readonly reports?: {
    /** The activity report (*bilan d'activité*). */
    readonly activityReportDue: CalendarDate
    /** The financial report (*compte rendu financier*, Cerfa n° 15059). */
    readonly financialReportDue: CalendarDate
  }
  /** The explanation, in French. */
  readonly explanation: ExplanationNode
}

const ORDINALS = ["Premier", "Deuxième", "Troisième", "Quatrième", "Cinquième", "Sixième", "Septième", "Huitième", "Neuvième", "Dixième"]
const PAYMENT_SOURCE = "Convention : modalités de versement ; loi n° 2000-321, art. 10, modifiée par la loi n° 2021-875 (versement sous 60 jours)"

function percent(share: string): string {
  return `${new Dec(share).times(100).toString().replace(".", ",")} %`
}

function dayOfYear(year: number, monthDay: string): CalendarDate {
  return readCalendarDate(`${year}-${monthDay}`)
}

function instalmentsOf(convention: Convention, year: number, part: Period, amount: Euros, terms: PaymentTerms, reportsDue: CalendarDate, acceptedOn: CalendarDate | undefined): Array<Instalment> {
  const decided = convention.notificationDate ?? convention.signatureDate ?? part.start
  const payable = (date: CalendarDate) => maxDate(maxDate(date, decided), part.start)
  const withDeadline = (dueDate: CalendarDate) => ({ dueDate, deadline: addDays(dueDate, terms.paymentDeadlineDays) })
  const instalments: Array<Instalment> = []
  let allocated = Euros.zero
  let shares = new Dec(0)
  if (new Dec(terms.advanceRate).gt(0)) {
    const advance = amount.times(terms.advanceRate, terms.rounding)
    const dueDate = payable(dayOfYear(year, terms.advanceDue))
    instalments.push({ key: "advance", kind: "advance", label: "Avance", share: terms.advanceRate, amount: advance, trigger: `exigible le ${formatFrenchDate(dueDate)} (${terms.advanceDue.split("-").reverse().join("/")}, ou la notification si elle est postérieure)`, ...withDeadline(dueDate) })
    allocated = allocated.plus(advance)
    shares = shares.plus(terms.advanceRate)
  }
  terms.instalments.forEach((term, index) => {
    // Rounded on the cumulative share, so that rounding up never takes the instalments past the
    // year's amount: each part is the rounded running total minus what came before.
    const part = amount.times(shares.plus(term.share).toString(), terms.rounding).minus(allocated)
    const dueDate = payable(dayOfYear(year, term.due))
    // Its rank among the year's payments: after the advance, when there is one.
    const rank = instalments.length + 1
    instalments.push({ key: `instalment-${index + 1}`, kind: "instalment", label: `${ORDINALS[rank - 1] ?? `${rank}e`} versement`, share: term.share, amount: part, trigger: `exigible le ${formatFrenchDate(dueDate)}`, ...withDeadline(dueDate) })
    allocated = allocated.plus(part)
    shares = shares.plus(term.share)
  })
  const balance = amount.minus(allocated)
  const share = new Dec(1).minus(shares).toString()
  if (terms.balanceTrigger === "fixed-date") {
    const dueDate = payable(dayOfYear(year + 1, terms.balanceDue ?? "05-31"))
    instalments.push({ key: "balance", kind: "balance", label: "Solde", share, amount: balance, trigger: `exigible le ${formatFrenchDate(dueDate)}`, ...withDeadline(dueDate) })
  } else {
    instalments.push({
      key: "balance",
      kind: "balance",
      label: "Solde",
      share,
      amount: balance,
      trigger: acceptedOn === undefined ? `à l'acceptation des bilans ${year}, attendus au plus tard le ${formatFrenchDate(reportsDue)}` : `bilans ${year} acceptés le ${formatFrenchDate(acceptedOn)}`,
      ...(acceptedOn === undefined ? { expectedDueDate: reportsDue } : withDeadline(acceptedOn))
    })
  }
  return instalments
}

/**
 * The payment schedule of one year of a convention:
 * - the year's amount from the terms in force, split at each amendment's effective date and
 *   prorated by days for a partial first or last year, or the year's explicit amount (see
 *   {@link yearAmounts}); an early termination prorates the last year to the termination date;
 * - an advance (`payment.advanceRate` of the amount, 50 % by default), payable on
 *   `payment.advanceDue` of the year (31 March by default), or on the notification date (the
 *   signature date when the notification is not recorded) if later, and never before the
 *   convention starts; further instalments (`payment.instalments`); and the balance, whatever
 *   remains, payable once the year's reports are accepted (or on a fixed date of the next year);
 * - each instalment's deadline, `payment.paymentDeadlineDays` (60) days after it becomes payable
 *   (loi n° 2021-875); the reports' due dates, `reporting.…Months` (6) months after the end of
 *   the year's part (loi n° 2000-321, art. 10).
 *
 * The instalments always sum to the year's amount to the cent. A year the convention does not
 * cover gets an empty schedule with a zero amount; a convention that records no amounts throws an
 * {@link InvalidArgumentError}; an impossible year or date throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { paymentSchedule, type Convention } from "caf-conventions"
 * declare const cpo: Convention // the founding convention: 30 000 € a year
 * paymentSchedule(cpo, { year: 2024 }).instalments.map((i) => [i.key, i.amount.toString(), i.dueDate, i.deadline])
 * //=> [["advance", "15000.00", "2024-03-31", "2024-05-30"], ["balance", "15000.00", undefined, undefined]]
 * ```
 * @category funding
 */
export function paymentSchedule(convention: Convention, options: ScheduleOptions): PaymentSchedule {
  const { year, dates } = checkedYearOptions("schedule options", options, ["reportsAcceptedOn"])
  const part = periodPartInYear(effectivePeriod(convention), year)
  if (part === undefined) {
    if (convention.terms.amounts === undefined) {
      throw new InvalidArgumentError({ argument: "convention", message: `the convention ${convention.id} records no amounts` })
    }
    return {
      conventionId: convention.id,
      year,
      amount: Euros.zero,
      instalments: [],
      explanation: { ruleId: "echeancier", label: `Échéancier ${year}`, outcome: "not-applicable", read: { year }, sentence: `La convention ne s'applique pas en ${year} : rien n'est dû.`, source: "Convention : période", children: [] }
    }
  }
  const yearAmount = yearAmounts(convention).find((entry) => entry.year === year) as YearAmount
  const terms = finalTerms(convention)
  // "Within n months after the end of the year": the last day of the n months that follow it
  // (30 June 2025 + 6 months is 31 December, not 30 December).
  const monthsAfter = (months: number) => addDays(addMonths(addDays(part.end, 1), months), -1)
  const reports = {
    activityReportDue: monthsAfter(terms.reporting.activityReportMonths),
    financialReportDue: monthsAfter(terms.reporting.financialReportMonths)
  }
  const instalments = instalmentsOf(convention, year, part, yearAmount.amount, terms.payment, reports.financialReportDue, dates.reportsAcceptedOn)
  const basis =
    yearAmount.basis === "per-year"
      ? `montant prévu pour ${year}${yearAmount.prorated ? `, réduit au prorata de ${periodDays(part)} jours` : ""}`
      : yearAmount.segments.map((segment) => `${segment.yearlyAmount.format()} × ${segment.days}/${segment.daysInYear}`).join(" + ")
  const children = instalments.map(
    (instalment): ExplanationNode => ({
      ruleId: instalment.key,
      label: instalment.label,
      outcome: "pass",
      read: { share: instalment.share, amount: instalment.amount, dueDate: instalment.dueDate, deadline: instalment.deadline },
      sentence: `${percent(instalment.share)} soit ${instalment.amount.format()}, ${instalment.trigger}${instalment.deadline === undefined ? "" : ` ; à payer au plus tard le ${formatFrenchDate(instalment.deadline)}`}.`,
      source: PAYMENT_SOURCE,
      children: []
    })
  )
  return {
    conventionId: convention.id,
    year,
    period: part,
    amount: yearAmount.amount,
    yearAmount,
    instalments,
    reports,
    explanation: {
      ruleId: "echeancier",
      label: `Échéancier ${year}`,
      outcome: "pass",
      read: { year, amount: yearAmount.amount },
      sentence: `Montant ${year} : ${yearAmount.amount.format()} (${basis}) ; compte rendu financier attendu au plus tard le ${formatFrenchDate(reports.financialReportDue)}.`,
      source: "Convention : montant de la subvention ; loi n° 2000-321, art. 10",
      children
    }
  }
}
