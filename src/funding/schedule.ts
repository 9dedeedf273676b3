/**
 * What is due, and when: the payment schedule of one year of a convention.
 *
 * @module
 */
import { factsField, frozenResult, lazyField } from "../core/freeze.js"
import { type CalendarDate, addDays, addMonths, maxDate, minDate, readCalendarDate } from "../calendar/date.js"
import { type Period, periodDays } from "../calendar/period.js"
import { InvalidArgumentError } from "../core/errors.js"
import { checkedYearOptions } from "../core/options.js"
import type { ExplanationNode } from "../core/explanation.js"
import type { Convention } from "../conventions/convention.js"
import {
  type ResolvedConvention,
  checkedConvention,
  isResolvedConvention,
  resolveConvention,
  resolveKnowledge,
  resolvedYear
} from "../conventions/resolved.js"
import type { PaymentTerms } from "../conventions/terms.js"
import type { YearAmount } from "../conventions/yearly-amounts.js"
import { Dec } from "../money/decimal.js"
import { Euros } from "../money/euros.js"
import type { InstalmentFacts, InstalmentName, InstalmentTrigger, ScheduleFacts, YearCut } from "./facts.js"
import {
  PAYMENT_SOURCE,
  SCHEDULE_SOURCE,
  instalmentLabel,
  instalmentSentence,
  scheduleLabel,
  scheduleSentence,
  triggerText
} from "../vocabulary/funding.js"

/**
 * Options of a schedule: the year; the day the schedule is drawn (`asOf`: only the amendments
 * signed by then are known); and the day the year's reports were accepted, when they were (the
 * balance is then due).
 *
 * @example
 * ```ts
 * import type { ScheduleOptions } from "caf-conventions"
 * const options: ScheduleOptions = { year: 2024, asOf: "2025-07-15", reportsAcceptedOn: "2025-05-15" }
 * ```
 * @category funding
 */
export interface ScheduleOptions {
  /** The calendar year. */
  readonly year: number
  /** The day the schedule is drawn: amendments signed after it are not known. All of them when absent. */
  readonly asOf?: CalendarDate | string
  /** The day the year's activity and financial reports were accepted, if they were. */
  readonly reportsAcceptedOn?: CalendarDate | string
}

/**
 * What an instalment's amount was computed on: the year's amount as known on its due date, and
 * the amendments known then (their numbers).
 *
 * @example
 * ```ts
 * import type { InstalmentBasis } from "caf-conventions"
 * const describe = (basis: InstalmentBasis) => `${basis.yearAmount.format()} (avenants ${basis.amendments.join(", ")})`
 * ```
 * @category funding
 */
export interface InstalmentBasis {
  /** The day the amount was fixed (the due date, or the day of the schedule when earlier). */
  readonly knownOn?: CalendarDate
  /** The year's amount known that day. */
  readonly yearAmount: Euros
  /** The numbers of the amendments known that day. */
  readonly amendments: ReadonlyArray<number>
}

/**
 * One payment the convention plans for the year:
 * - `key`: `advance`, `instalment-1`, `instalment-2`…, `balance`, or `complement-N` (a
 *   complementary payment after amendment n° N); payments name it to be matched;
 * - `share` of the year's amount and `amount`. Each instalment is fixed on its due date, from
 *   the terms known that day (`basis`): the cumulative share of the year's amount then known,
 *   rounded with the convention's mode, less what the earlier instalments took; the balance
 *   takes what remains of the year's amount known on its due date. An amendment signed later
 *   moves the difference to the instalments still to come, or to a complementary payment once
 *   the balance is due;
 * - `dueDate`: when it becomes payable (absent for a balance whose reports are not yet accepted;
 *   `expectedDueDate` then gives the reports' due date); `deadline`: the latest day to pay, 60 days
 *   (by default) after the due date (loi n° 2021-875);
 * - `offset`: money of the previous year deducted from it (clause `offset`, see
 *   {@link fundingLedger}); `amount` is then what is left to pay.
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
  /** Stable key: `advance`, `instalment-N`, `balance` or `complement-N`. */
  readonly key: string
  /** What kind of payment it is. */
  readonly kind: "advance" | "instalment" | "balance" | "complement"
  /** French label. */
  readonly label: string
  /** Share of the year's amount, as a decimal string (for a complement, its part of the year's amount). */
  readonly share: string
  /** The amount to pay. */
  readonly amount: Euros
  /** What the amount was computed on. */
  readonly basis: InstalmentBasis
  /** For a complement: the number of the amendment it follows. */
  readonly amendment?: number
  /** Money of the previous year deducted from this instalment (clause `offset`). */
  readonly offset?: { readonly amount: Euros; readonly fromYear: number }
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
  /** The day the schedule is drawn, when given. */
  readonly asOf?: CalendarDate
  /** The part of the year the convention applies to; absent when it does not apply that year. */
  readonly period?: Period
  /** The year's amount (zero when the convention does not apply that year). */
  readonly amount: Euros
  /** The year's amount as the signed text gives it, before any amendment (absent when no amendment changes it). */
  readonly initialAmount?: Euros
  /** How the year's amount was reached (see {@link yearAmounts}). */
  readonly yearAmount?: YearAmount
  /** The instalments, in order; with any offset, they sum to `amount` plus `excess`. */
  readonly instalments: ReadonlyArray<Instalment>
  /**
   * What the instalments already fixed exceed the year's amount by, when an amendment signed
   * after they were due lowered it: the partner repays it (zero otherwise).
   */
  readonly excess: Euros
  /** When the year's reports are due. */
  readonly reports?: {
    /** The activity report (*bilan d'activité*). */
    readonly activityReportDue: CalendarDate
    /** The financial report (*compte rendu financier*, Cerfa n° 15059). */
    readonly financialReportDue: CalendarDate
  }
  /**
   * What the schedule's sentence says, as typed facts: how the year's amount was reached, the
   * amendments known and not known, what cut the year short, and how each instalment was computed
   * (see {@link ScheduleFacts}). Computed when first read; not part of the JSON form.
   */
  readonly facts: ScheduleFacts
  /** The explanation, in French, worded from `facts`. */
  readonly explanation: ExplanationNode
}

function dayOfYear(year: number, monthDay: string): CalendarDate {
  return readCalendarDate(`${year}-${monthDay}`)
}

/** What the year looked like on a day of knowledge. */
interface Known {
  readonly amount: Euros
  readonly payment: PaymentTerms
  readonly amendments: ReadonlyArray<number>
  readonly knownOn?: CalendarDate
  /** Its basis, built and frozen the first time an instalment needs it. */
  basis: InstalmentBasis | undefined
}

/**
 * What the schedule computes alike for every convention with the same terms (the shares of a set
 * of payment terms, its drafts for a year, the reports' due dates of a year's part), kept by its
 * text: a batch decodes each convention afresh, so the terms are equal without being the same
 * objects. Each map holds at most SHARED_LIMIT entries, then starts over.
 */
const SHARED_LIMIT = 1_000

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= SHARED_LIMIT) map.clear()
  map.set(key, value)
  return value
}

/** The basis of a year as known, built and frozen once (an undated one is shared by every schedule of its resolution). */
function toBasis(known: Known): InstalmentBasis {
  // Written out rather than spread: the spreads showed in a profile of a batch.
  known.basis ??=
    known.knownOn === undefined
      ? Object.freeze({ yearAmount: known.amount, amendments: known.amendments })
      : Object.freeze({ knownOn: known.knownOn, yearAmount: known.amount, amendments: known.amendments })
  return known.basis
}

/** The year as each resolution knows it, computed once (null: the resolution has no amount for it). */
const knownYears = new WeakMap<ResolvedConvention, Map<number, Known | null>>()

function yearAsKnown(resolved: ResolvedConvention, year: number): Known | undefined {
  let years = knownYears.get(resolved)
  if (years === undefined) {
    years = new Map()
    knownYears.set(resolved, years)
  }
  let known = years.get(year)
  if (known === undefined) {
    const entry = resolvedYear(resolved, year)
    known =
      entry?.amount === undefined
        ? null
        : {
            amount: entry.amount.amount,
            payment: entry.payment,
            amendments: Object.freeze(resolved.amendments.map((amendment) => amendment.number).sort((a, b) => a - b)),
            basis: undefined
          }
    years.set(year, known)
  }
  return known ?? undefined
}

function knownOn(convention: Convention, year: number, day: CalendarDate | undefined): Known | undefined {
  const known = yearAsKnown(resolveKnowledge(convention, day === undefined ? {} : { knownOn: day }), year)
  if (known === undefined || day === undefined) return known
  return { amount: known.amount, payment: known.payment, amendments: known.amendments, knownOn: day, basis: undefined }
}

/** The first day the year was part of the convention: its decision, or the amendment that added it. */
function yearKnownFrom(
  convention: Convention,
  year: number,
  decided: CalendarDate,
  asOf: CalendarDate | undefined
): CalendarDate {
  if (convention.amendments.length === 0) return decided
  const days = [...new Set(convention.amendments.map((amendment) => amendment.signatureDate))]
    .filter((day) => asOf === undefined || day <= asOf)
    .sort()
  if (days.length === 0 || days[0] === undefined || knownOn(convention, year, addDays(days[0], -1)) !== undefined)
    return decided
  return days.find((day) => knownOn(convention, year, day) !== undefined) ?? decided
}

/** The cumulative shares of a set of payment terms, by instalment key, as decimals and as their text. */
interface Shares {
  readonly byKey: ReadonlyMap<string, Dec>
  readonly text: ReadonlyMap<string, string>
  /** What the balance takes after each key: 1 less the cumulative share, as text ("" for no instalment before). */
  readonly rest: ReadonlyMap<string, string>
}

/** The cumulative shares of each set of payment terms, by their text, computed once for equal terms. */
const sharesByText = new Map<string, Shares>()

function sharesOf(payment: PaymentTerms): Shares {
  const key =
    payment.instalments.length === 0
      ? payment.advanceRate
      : `${payment.advanceRate};${payment.instalments.map((term) => term.share).join(";")}`
  const known = sharesByText.get(key)
  if (known !== undefined) return known
  const byKey = new Map<string, Dec>()
  let total = new Dec(0)
  if (new Dec(payment.advanceRate).gt(0)) {
    total = total.plus(payment.advanceRate)
    byKey.set("advance", total)
  }
  for (const [index, term] of payment.instalments.entries()) {
    total = total.plus(term.share)
    byKey.set(`instalment-${index + 1}`, total)
  }
  const text = new Map([...byKey].map(([name, share]) => [name, share.toString()] as const))
  const rest = new Map([...byKey].map(([name, share]) => [name, new Dec(1).minus(share).toString()] as const))
  rest.set("", new Dec(1).toString())
  return remember(sharesByText, key, { byKey, text, rest })
}

/** The cumulative share of the instalments up to `key` in the given terms, if the terms have it. */
function cumulativeShare(payment: PaymentTerms, key: string): Dec | undefined {
  return sharesOf(payment).byKey.get(key)
}

interface Draft {
  readonly key: string
  readonly kind: "advance" | "instalment"
  readonly label: string
  readonly share: string
  readonly nominal: CalendarDate
}

/** The drafts of each set of payment terms for a year, by their text, computed once for equal terms. */
const draftsByText = new Map<string, ReadonlyArray<Draft>>()

function drafts(year: number, payment: PaymentTerms): ReadonlyArray<Draft> {
  const key = `${year};${payment.advanceRate};${payment.advanceDue};${payment.instalments.map((term) => `${term.share}@${term.due}`).join(";")}`
  return draftsByText.get(key) ?? remember(draftsByText, key, draftsOf(year, payment))
}

function draftsOf(year: number, payment: PaymentTerms): Array<Draft> {
  const out: Array<Draft> = []
  if (cumulativeShare(payment, "advance") !== undefined)
    out.push({
      key: "advance",
      kind: "advance",
      label: instalmentLabel({ kind: "advance" }),
      share: payment.advanceRate,
      nominal: dayOfYear(year, payment.advanceDue)
    })
  payment.instalments.forEach((term, index) => {
    out.push({
      key: `instalment-${index + 1}`,
      kind: "instalment",
      // Its rank among the year's payments: after the advance, when there is one.
      label: instalmentLabel({ kind: "instalment", rank: out.length + 1 }),
      share: term.share,
      nominal: dayOfYear(year, term.due)
    })
  })
  return out
}

/** What the instalments of a year are computed from. */
interface Context {
  readonly convention: Convention
  readonly year: number
  readonly part: Period
  readonly current: Known
  readonly asOf: CalendarDate | undefined
  readonly reportsDue: CalendarDate
  readonly acceptedOn: CalendarDate | undefined
  /** When a termination or a withdrawal ends the year's part: the day it was decided. */
  readonly cutDecidedOn: CalendarDate | undefined
}

/** The rules of the year's days: when an instalment becomes payable, and the terms known on a day. */
interface Days {
  /** Never before the decision, the convention's start, or the amendment that added the year. */
  readonly payable: (date: CalendarDate) => CalendarDate
  /** Payable, and inside the year's part. */
  readonly payableInYear: (date: CalendarDate) => CalendarDate
  /** The due date and the deadline it gives. */
  readonly withDeadline: (dueDate: CalendarDate) => { readonly dueDate: CalendarDate; readonly deadline: CalendarDate }
  /** The terms known on a day: never more than what is known on the day of the schedule. */
  readonly basisOn: (day: CalendarDate) => Known
}

function daysOf(context: Context): Days {
  const { convention, year, part, current, asOf } = context
  const decided = convention.notificationDate ?? convention.signatureDate ?? part.start
  const knownFrom = yearKnownFrom(convention, year, decided, asOf)
  const payable = (date: CalendarDate) => maxDate(maxDate(maxDate(date, decided), part.start), knownFrom)
  // An instalment of the year falls inside the year's part: a last year that ends on 31 March pays
  // its instalment of 30 September on 31 March. A termination or a withdrawal decided after the end
  // it sets cannot bring an instalment back before its decision: an instalment whose day came before
  // the decision keeps its day (and the amount known then); a later one is due on the decision, on
  // the shortened year. The balance, paid on the next year's day or on the accepted reports, is not capped.
  const lastDay =
    context.cutDecidedOn !== undefined && context.cutDecidedOn > part.end ? context.cutDecidedOn : part.end
  return {
    payable,
    payableInYear: (date) => payable(minDate(date, lastDay)),
    withDeadline: (dueDate) => ({ dueDate, deadline: daysAfter(dueDate, current.payment.paymentDeadlineDays) }),
    basisOn: (day) => knownOn(convention, year, asOf === undefined || day < asOf ? day : asOf) ?? current
  }
}

/**
 * The advance and the instalments before the balance, each fixed on the terms known on its due
 * date. Rounded on the cumulative share, so that rounding up never takes the instalments past the
 * year's amount: each part is the rounded running total minus what came before.
 */
function plannedInstalments(context: Context, days: Days): Array<Instalment> {
  const terms = context.current.payment
  const instalments: Array<Instalment> = []
  let allocated = Euros.zero
  for (const draft of drafts(context.year, terms)) {
    const dueDate = days.payableInYear(draft.nominal)
    const basis = days.basisOn(dueDate)
    const share = sharesOf(basis.payment).text.get(draft.key) ?? (sharesOf(terms).text.get(draft.key) as string)
    const amount = Euros.max(Euros.zero, basis.amount.times(share, terms.rounding).minus(allocated))
    instalments.push({
      key: draft.key,
      kind: draft.kind,
      label: draft.label,
      share: draft.share,
      amount,
      basis: toBasis(basis),
      trigger: triggerText(
        draft.kind === "advance"
          ? { kind: "advance", dueDate, advanceDue: terms.advanceDue }
          : { kind: "on-date", dueDate }
      ),
      ...days.withDeadline(dueDate)
    })
    allocated = allocated.plus(amount)
  }
  return instalments
}

/** The balance: what remains of the year's amount known on its due date (none while the reports are awaited). */
function balanceOf(context: Context, days: Days, before: ReadonlyArray<Instalment>): Instalment {
  const { year, current } = context
  const terms = current.payment
  const allocated = Euros.sum(before.map((instalment) => instalment.amount))
  const share = sharesOf(terms).rest.get(before.at(-1)?.key ?? "") ?? "1"
  const dueDate =
    terms.balanceTrigger === "fixed-date"
      ? days.payable(dayOfYear(year + 1, terms.balanceDue ?? "05-31"))
      : context.acceptedOn
  const basis = dueDate === undefined ? current : days.basisOn(dueDate)
  return {
    key: "balance",
    kind: "balance",
    label: instalmentLabel({ kind: "balance" }),
    share,
    amount: Euros.max(Euros.zero, basis.amount.minus(allocated)),
    basis: toBasis(basis),
    trigger: triggerText(
      dueDate === undefined
        ? { kind: "reports-awaited", year, reportsDue: context.reportsDue }
        : terms.balanceTrigger === "fixed-date"
          ? { kind: "on-date", dueDate }
          : { kind: "reports-accepted", year, acceptedOn: dueDate }
    ),
    ...(dueDate === undefined ? { expectedDueDate: context.reportsDue } : days.withDeadline(dueDate))
  }
}

/** Amendments signed once the balance is due: a raise is paid as a complement, due on its signature. */
function complementsAfter(
  context: Context,
  days: Days,
  balanceDue: CalendarDate,
  fixed: ReadonlyArray<Instalment>
): Array<Instalment> {
  const { convention, asOf } = context
  const complements: Array<Instalment> = []
  let allocated = Euros.sum(fixed.map((instalment) => instalment.amount))
  const inOrder = [...convention.amendments].sort((a, b) =>
    a.signatureDate < b.signatureDate ? -1 : a.signatureDate > b.signatureDate ? 1 : a.number - b.number
  )
  for (const amendment of inOrder) {
    if (amendment.signatureDate <= balanceDue || (asOf !== undefined && amendment.signatureDate > asOf)) continue
    const basis = days.basisOn(amendment.signatureDate)
    const complement = basis.amount.minus(allocated)
    if (!complement.isPositive()) continue
    complements.push({
      key: `complement-${amendment.number}`,
      kind: "complement",
      label: instalmentLabel({ kind: "complement", amendment: amendment.number }),
      share: "0",
      amount: complement,
      basis: toBasis(basis),
      amendment: amendment.number,
      trigger: triggerText({ kind: "amendment", amendment: amendment.number, signedOn: amendment.signatureDate }),
      ...days.withDeadline(maxDate(amendment.signatureDate, balanceDue))
    })
    allocated = allocated.plus(complement)
  }
  return complements
}

/** The year's instalments: the advance and instalments, the balance, then any complements. */
function instalmentsOf(context: Context): Array<Instalment> {
  const days = daysOf(context)
  const planned = plannedInstalments(context, days)
  const balance = balanceOf(context, days, planned)
  const fixed = [...planned, balance]
  return balance.dueDate === undefined ? fixed : [...fixed, ...complementsAfter(context, days, balance.dueDate, fixed)]
}

/**
 * The payment schedule of one year of a convention:
 * - the year's amount from the terms in force, split at each amendment's effective date and
 *   prorated by days for a partial first or last year, or the year's explicit amount (see
 *   {@link yearAmounts}); an early termination prorates the last year to the termination date;
 * - an advance (`payment.advanceRate` of the amount, 50 % by default), payable on
 *   `payment.advanceDue` of the year (31 March by default), or on the notification date (the
 *   signature date when the notification is not recorded) if later, and never before the
 *   convention starts (nor before the amendment that added the year); further instalments
 *   (`payment.instalments`); and the balance, whatever remains, payable once the year's reports
 *   are accepted (or on a fixed date of the next year); the year's payment terms are those in
 *   force on its first day;
 * - **each instalment keeps the amount computed from the terms known on its due date**: an
 *   amendment signed later (even if it takes effect earlier) changes the instalments still to
 *   come; once the balance is due, a raise is paid as a complement (`complement-N`) due on the
 *   amendment's signature, and a cut below what was already due is `excess`, to repay; a
 *   termination or a withdrawal counts from its decision: an instalment due before it keeps its
 *   day and amount, a later one is computed on the shortened year (due on the decision's day when
 *   its own day falls after the cut);
 * - with `asOf`, only the amendments signed by then are known;
 * - each instalment's deadline, `payment.paymentDeadlineDays` (60) days after it becomes payable
 *   (loi n° 2021-875); the reports' due dates, `reporting.…Months` (6) months after the end of
 *   the year's part (loi n° 2000-321, art. 10).
 *
 * The schedule reads the convention only: under the clause `offset`, money a previous year left
 * unused is deducted from the balance by `evaluateFundingUse` and `fundingLedger`,
 * which read the payments and expenses, not here (the balance here is before that deduction).
 *
 * The instalments sum to the year's amount to the cent (plus `excess` after a cut). A year the
 * convention does not cover gets an empty schedule with a zero amount; a convention that records
 * no amounts throws an {@link InvalidArgumentError}; an impossible year or date throws a
 * {@link ValidationError}, and so does a value that is not a convention.
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
export function paymentSchedule(
  convention: Convention | ResolvedConvention,
  options: ScheduleOptions
): PaymentSchedule {
  checkedConvention(convention)
  const { year, dates } = checkedYearOptions("schedule options", options, ["asOf", "reportsAcceptedOn"])
  const resolved = resolvedAsOf(convention, dates.asOf)
  return frozenResult(yearSchedule(resolved, { year, ...dates }, undefined), convention)
}

/**
 * @internal The convention resolved as known on `asOf`: the one given when it is already resolved
 * on that day, without resolving again; the cached resolution otherwise.
 */
export function resolvedAsOf(input: unknown, asOf: CalendarDate | undefined): ResolvedConvention {
  if (isResolvedConvention(input) && input.knownOn === asOf) return input
  return resolveConvention(checkedConvention(input), asOf === undefined ? {} : { knownOn: asOf })
}

/** @internal The checked options of one year's schedule. */
interface YearScheduleOptions {
  readonly year: number
  readonly asOf?: CalendarDate | undefined
  readonly reportsAcceptedOn?: CalendarDate | undefined
}

/**
 * @internal The schedule of one year of a convention resolved as known on `options.asOf`, with
 * money of the previous year deducted from the balance. Its explanation is built when first read.
 */
export function yearSchedule(
  resolved: ResolvedConvention,
  options: YearScheduleOptions,
  offset: { readonly amount: Euros; readonly fromYear: number } | undefined
): PaymentSchedule {
  const { convention } = resolved
  const { year, asOf } = options
  if (convention.terms.amounts === undefined) {
    throw new InvalidArgumentError({
      argument: "convention",
      message: `the convention ${convention.id} records no amounts`
    })
  }
  const entry = resolvedYear(resolved, year)
  if (entry?.amount === undefined) return notCoveredSchedule(convention, year, asOf)
  const part = entry.period
  const yearAmount = entry.amount
  const reports = reportsDue(part, resolved.terms.reporting)
  const current = knownOn(convention, year, asOf) as Known
  const planned = instalmentsOf({
    convention,
    year,
    part,
    current,
    asOf,
    reportsDue: reports.financialReportDue,
    acceptedOn: options.reportsAcceptedOn,
    cutDecidedOn: cutDecidedOn(resolved, part)
  })
  const instalments =
    offset === undefined
      ? planned
      : planned.map((instalment) => (instalment.kind === "balance" ? deducted(instalment, offset) : instalment))
  const fixed = Euros.sum(planned.map((instalment) => instalment.amount))
  const excess = Euros.max(Euros.zero, fixed.minus(yearAmount.amount))
  const initialAmount = initialAmountOf(resolved, year, yearAmount.amount)
  const fields: Omit<PaymentSchedule, "facts" | "explanation"> = {
    conventionId: convention.id,
    year,
    ...(asOf === undefined ? {} : { asOf }),
    period: part,
    amount: yearAmount.amount,
    ...(initialAmount === undefined ? {} : { initialAmount }),
    yearAmount,
    instalments,
    excess,
    reports
  }
  // The explanation is added last by lazyField (a key written first and made lazy after turns
  // the holder into a dictionary, slow to freeze and to read).
  const schedule = factsField<PaymentSchedule, "facts">(fields as Omit<PaymentSchedule, "facts">, "facts", () =>
    scheduleFacts({ year, part, yearAmount, instalments, excess, reports, current, initialAmount, resolved })
  )
  return lazyField(schedule, "explanation", () => explainSchedule(schedule))
}

/** The day the termination or the withdrawal that ends the year's part was decided, when one does. */
function cutDecidedOn(resolved: ResolvedConvention, part: Period): CalendarDate | undefined {
  if (!resolved.terminated || part.end !== resolved.period.end) return undefined
  const { termination, withdrawal } = resolved.convention
  if (resolved.withdrawn) return withdrawal?.decidedOn
  return termination === undefined ? undefined : (termination.decidedOn ?? termination.date)
}

/** The schedule of a year the convention does not cover: nothing is due. */
function notCoveredSchedule(convention: Convention, year: number, asOf: CalendarDate | undefined): PaymentSchedule {
  const facts: ScheduleFacts = { covered: false, year }
  return factsField<PaymentSchedule, "facts">(
    {
      conventionId: convention.id,
      year,
      ...(asOf === undefined ? {} : { asOf }),
      amount: Euros.zero,
      instalments: [],
      excess: Euros.zero,
      explanation: {
        ruleId: "schedule",
        label: scheduleLabel(year),
        outcome: "not-applicable",
        read: { year },
        sentence: scheduleSentence(facts),
        source: "Convention : période",
        children: []
      }
    },
    "facts",
    () => facts
  )
}

/**
 * When the year's reports are due: "within n months after the end of the year" is the last day
 * of the n months that follow it (30 June 2025 + 6 months is 31 December, not 30 December).
 */
function reportsDue(
  part: Period,
  reporting: { readonly activityReportMonths: number; readonly financialReportMonths: number }
): NonNullable<PaymentSchedule["reports"]> {
  const key = `${part.end};${reporting.activityReportMonths};${reporting.financialReportMonths}`
  const known = reportsByText.get(key)
  if (known !== undefined) return known
  const monthsAfter = (months: number) => addDays(addMonths(addDays(part.end, 1), months), -1)
  // Frozen, and shared by every schedule whose year ends that day with the same delays.
  return remember(
    reportsByText,
    key,
    Object.freeze({
      activityReportDue: monthsAfter(reporting.activityReportMonths),
      financialReportDue: monthsAfter(reporting.financialReportMonths)
    })
  )
}

const reportsByText = new Map<string, NonNullable<PaymentSchedule["reports"]>>()

/** A deadline: `days` days after a due date, kept for the next schedules (conventions share their due dates). */
const deadlines = new Map<string, CalendarDate>()

function daysAfter(date: CalendarDate, days: number): CalendarDate {
  const key = `${date};${days}`
  return deadlines.get(key) ?? remember(deadlines, key, addDays(date, days))
}

/** The year's amount as the signed text gives it, when a counted amendment changed it. */
function initialAmountOf(resolved: ResolvedConvention, year: number, amount: Euros): Euros | undefined {
  if (resolved.amendments.length === 0) return undefined
  const initial = knownOn(resolved.convention, year, signedTextDay(resolved.convention))
  return initial !== undefined && !initial.amount.equals(amount) ? initial.amount : undefined
}

/** A day on which only the signed text is known: the day before the first amendment's signature. */
function signedTextDay(convention: Convention): CalendarDate | undefined {
  const first = convention.amendments.map((amendment) => amendment.signatureDate).sort()[0]
  return first === undefined ? undefined : addDays(first, -1)
}

function deducted(balance: Instalment, offset: { readonly amount: Euros; readonly fromYear: number }): Instalment {
  const amount = Euros.min(offset.amount, balance.amount)
  return { ...balance, amount: balance.amount.minus(amount), offset: { amount, fromYear: offset.fromYear } }
}

interface ScheduleParts {
  readonly year: number
  readonly part: Period
  readonly yearAmount: YearAmount
  readonly instalments: ReadonlyArray<Instalment>
  readonly excess: Euros
  readonly reports: NonNullable<PaymentSchedule["reports"]>
  readonly current: Known
  readonly initialAmount: Euros | undefined
  readonly resolved: ResolvedConvention
}

/** What makes an instalment payable, as the schedule's builders word it in `trigger`. */
function triggerOf(instalment: Instalment, parts: ScheduleParts): InstalmentTrigger {
  const { year, current } = parts
  const dueDate = instalment.dueDate as CalendarDate
  switch (instalment.kind) {
    case "advance":
      return { kind: "advance", dueDate, advanceDue: current.payment.advanceDue }
    case "instalment":
      return { kind: "on-date", dueDate }
    case "balance":
      if (instalment.dueDate === undefined)
        return { kind: "reports-awaited", year, reportsDue: instalment.expectedDueDate as CalendarDate }
      return current.payment.balanceTrigger === "fixed-date"
        ? { kind: "on-date", dueDate }
        : { kind: "reports-accepted", year, acceptedOn: dueDate }
    case "complement": {
      const number = instalment.amendment as number
      const amendment = parts.resolved.convention.amendments.find((candidate) => candidate.number === number)
      return { kind: "amendment", amendment: number, signedOn: amendment?.signatureDate as CalendarDate }
    }
  }
}

/** What an instalment's label names: its rank among the year's payments counts the advance. */
function nameOf(instalment: Instalment, index: number): InstalmentName {
  if (instalment.kind === "instalment") return { kind: "instalment", rank: index + 1 }
  if (instalment.kind === "complement") return { kind: "complement", amendment: instalment.amendment as number }
  return { kind: instalment.kind }
}

/** `rest`: an earlier instalment was fixed on other terms, so the balance is what remains, not its share. */
function instalmentFacts(
  instalment: Instalment,
  index: number,
  parts: ScheduleParts,
  rest: boolean,
  before: Euros
): InstalmentFacts {
  const { basis } = instalment
  const { current } = parts
  const cumulative = cumulativeShare(current.payment, instalment.key)
  // After an instalment fixed on other terms, this one is its running share less what came before.
  const catchUp =
    rest &&
    instalment.kind === "instalment" &&
    cumulative !== undefined &&
    before.isPositive() &&
    basis.yearAmount.equals(current.amount)
  const earlier = basis.amendments.length < current.amendments.length || !basis.yearAmount.equals(current.amount)
  return {
    key: instalment.key,
    name: nameOf(instalment, index),
    kind: instalment.kind,
    share: instalment.share,
    amount: instalment.amount,
    planned: instalment.amount.plus(instalment.offset?.amount ?? Euros.zero),
    trigger: triggerOf(instalment, parts),
    deadline: instalment.deadline,
    offset: instalment.offset,
    basis: { yearAmount: basis.yearAmount, amendments: basis.amendments },
    earlierBasis: earlier ? basis.amendments : undefined,
    unknownThen: earlier ? unknownThen(basis, parts) : undefined,
    catchUp: catchUp ? { cumulativeShare: (cumulative as Dec).toString(), before } : undefined,
    rest,
    amendment: instalment.amendment
  }
}

/**
 * What the terms an instalment was computed on did not know: the amendments signed since, and the
 * termination or the withdrawal decided since, when it cuts the year short.
 */
function unknownThen(
  basis: Instalment["basis"],
  parts: ScheduleParts
): { readonly amendments: ReadonlyArray<number>; readonly cut: YearCut | undefined } {
  const amendments = parts.current.amendments.filter((number) => !basis.amendments.includes(number))
  const cut = yearCut(parts.resolved, parts.part)
  const knownThen =
    cut === undefined || basis.knownOn === undefined
      ? undefined
      : resolveKnowledge(parts.resolved.convention, { knownOn: basis.knownOn })
  return {
    amendments,
    cut:
      cut === undefined || knownThen === undefined
        ? undefined
        : (cut.kind === "withdrawal" ? knownThen.withdrawn : knownThen.terminated)
          ? undefined
          : cut
  }
}

/** What cut the year short: a withdrawal of the subsidy, or a termination, ending with the year's part. */
function yearCut(resolved: ResolvedConvention, part: Period): YearCut | undefined {
  const { termination, withdrawal } = resolved.convention
  if (resolved.withdrawn && withdrawal !== undefined && part.end === resolved.period.end)
    return { kind: "withdrawal", effectiveFrom: withdrawal.effectiveFrom }
  if (resolved.terminated && termination !== undefined && termination.date === part.end)
    return { kind: "termination", date: termination.date }
  return undefined
}

/**
 * The stretches of the year by yearly amount: two stretches in a row under the same amount (an
 * amendment that changed only the payment terms, say) are one, so that a year under one amount
 * says it once.
 */
function amountSegments(
  segments: YearAmount["segments"]
): Array<{ readonly yearlyAmount: Euros; readonly days: number; readonly daysInYear: number }> {
  const merged: Array<{ readonly yearlyAmount: Euros; readonly days: number; readonly daysInYear: number }> = []
  for (const { yearlyAmount, days, daysInYear } of segments) {
    const last = merged.at(-1)
    if (last !== undefined && last.yearlyAmount.equals(yearlyAmount))
      merged[merged.length - 1] = { yearlyAmount, days: last.days + days, daysInYear }
    else merged.push({ yearlyAmount, days, daysInYear })
  }
  return merged
}

/** The facts of a year the convention covers: what its sentence and its instalments' sentences say. */
function scheduleFacts(parts: ScheduleParts): ScheduleFacts {
  const { year, part, yearAmount, instalments, current } = parts
  const rest = instalments.some(
    (instalment) => instalment.kind !== "balance" && !instalment.basis.yearAmount.equals(current.amount)
  )
  let before = Euros.zero
  const instalmentsFacts = instalments.map((instalment, index) => {
    const facts = instalmentFacts(instalment, index, parts, rest, before)
    before = before.plus(instalment.amount).plus(instalment.offset?.amount ?? Euros.zero)
    return facts
  })
  return {
    covered: true,
    year,
    amount: yearAmount.amount,
    yearAmount:
      yearAmount.basis === "per-year"
        ? { basis: "per-year", year, proratedDays: yearAmount.prorated ? periodDays(part) : undefined }
        : {
            basis: "segments",
            segments: amountSegments(yearAmount.segments)
          },
    amended:
      parts.initialAmount === undefined
        ? undefined
        : { amendments: current.amendments, initialAmount: parts.initialAmount },
    cut: yearCut(parts.resolved, part),
    unknownAmendments: parts.resolved.unknownAmendments.map((amendment) => amendment.number).sort((a, b) => a - b),
    excess: parts.excess,
    financialReportDue: parts.reports.financialReportDue,
    instalments: instalmentsFacts
  }
}

/** The explanation of a year the convention covers, worded from its facts. */
function explainSchedule(schedule: PaymentSchedule): ExplanationNode {
  const { facts } = schedule
  const instalmentsFacts = facts.covered ? facts.instalments : []
  const children = schedule.instalments.map(
    (instalment, index): ExplanationNode => ({
      ruleId: instalment.key,
      label: instalment.label,
      outcome: "pass",
      read: {
        share: instalment.share,
        amount: instalment.amount,
        basis: instalment.basis.yearAmount,
        dueDate: instalment.dueDate,
        deadline: instalment.deadline,
        ...(instalment.offset === undefined ? {} : { offset: instalment.offset.amount })
      },
      sentence: instalmentSentence(instalmentsFacts[index] as InstalmentFacts),
      source: PAYMENT_SOURCE,
      children: []
    })
  )
  return {
    ruleId: "schedule",
    label: scheduleLabel(schedule.year),
    outcome: "pass",
    read: { year: schedule.year, amount: schedule.amount, excess: schedule.excess },
    sentence: scheduleSentence(facts),
    source: SCHEDULE_SOURCE,
    children
  }
}
