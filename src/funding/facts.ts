/**
 * The typed facts of the funding results: what a schedule, a modulation and a year's use of the
 * money say, as codes, amounts, dates and counts. The French sentences are built from them in one
 * place (src/vocabulary/funding.ts), both for the explanations and for the reports, so that the
 * two always say the same and no renderer reads a sentence.
 *
 * The facts are fields of the results (`PaymentSchedule.facts`, `Modulation.facts`,
 * `FundingUse.facts`), computed the first time they are read and deeply frozen. They are not part
 * of the results' JSON form: `JSON.stringify`, `Object.keys` and the spread operator do not see
 * them, as every fact is already said by the result's other fields or by its explanation.
 *
 * This module imports only the calendar and the money, so that the vocabulary can read these
 * types without importing the evaluators that use its wording.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import type { Euros } from "../money/euros.js"

/**
 * Where an instalment stands: `paid` (exactly, by its deadline), `paid-late` (completed after its
 * deadline), `partly-paid`, `overpaid`; when unpaid or partly paid and the evaluation has an
 * `asOf` day: `not-yet-due`, `due` (payable, deadline not passed), or `late` (deadline passed);
 * `unpaid` without an `asOf` day; `not-owed` for an instalment of 0,00 € (nothing is left to pay
 * on it) and, once the year is settled with nothing still to pay, for what the schedule planned
 * and was not paid (the partner is entitled to less): the position's `notOwed` says why.
 *
 * @example
 * ```ts
 * import type { InstalmentStatus } from "caf-conventions"
 * const status: InstalmentStatus = "late"
 * ```
 * @category funding
 */
export type InstalmentStatus =
  | "paid"
  | "paid-late"
  | "partly-paid"
  | "overpaid"
  | "unpaid"
  | "not-yet-due"
  | "due"
  | "late"
  | "not-owed"

/**
 * Why an instalment is `not-owed`: the convention was terminated (`termination`) or the subsidy
 * withdrawn (`withdrawal`) with effect in the year, so the instalment is left with nothing to pay;
 * money of the previous year deducted from it took all of it (`offset`); or the year's right is
 * reached otherwise (`entitlement-reached`: the earlier instalments paid the year's amount, or
 * the partner spent less than the grant).
 *
 * @example
 * ```ts
 * import type { NotOwedReason } from "caf-conventions"
 * const reason: NotOwedReason = "termination"
 * ```
 * @category funding
 */
export type NotOwedReason = "termination" | "withdrawal" | "offset" | "entitlement-reached"

/**
 * What an instalment is, as its label names it: the advance, the n-th payment of the year (its
 * rank counts the advance), the balance, or a complement after an amendment.
 *
 * @example
 * ```ts
 * import type { InstalmentName } from "caf-conventions"
 * const second: InstalmentName = { kind: "instalment", rank: 2 } // "Deuxième versement"
 * ```
 * @category funding
 */
export type InstalmentName =
  | { readonly kind: "advance" }
  | { readonly kind: "instalment"; readonly rank: number }
  | { readonly kind: "balance" }
  | { readonly kind: "complement"; readonly amendment: number }

/**
 * What makes an instalment payable:
 * - `advance`: due on a day of the year (`advanceDue`, `MM-DD`), or on the notification when later;
 * - `on-date`: an instalment, or a balance paid on a fixed date;
 * - `reports-awaited`: a balance awaiting the year's reports, due by `reportsDue`;
 * - `reports-accepted`: a balance whose reports were accepted on `acceptedOn`;
 * - `amendment`: a complement after the amendment n° `amendment`, signed on `signedOn`.
 *
 * @example
 * ```ts
 * import { parseCalendarDate, type InstalmentTrigger } from "caf-conventions"
 * const awaited: InstalmentTrigger = { kind: "reports-awaited", year: 2024, reportsDue: parseCalendarDate("2025-06-30") }
 * ```
 * @category funding
 */
export type InstalmentTrigger =
  | { readonly kind: "advance"; readonly dueDate: CalendarDate; readonly advanceDue: string }
  | { readonly kind: "on-date"; readonly dueDate: CalendarDate }
  | { readonly kind: "reports-awaited"; readonly year: number; readonly reportsDue: CalendarDate }
  | { readonly kind: "reports-accepted"; readonly year: number; readonly acceptedOn: CalendarDate }
  | { readonly kind: "amendment"; readonly amendment: number; readonly signedOn: CalendarDate }

/**
 * How the year's amount was reached: the year's own amount (`per-year`, prorated to `proratedDays`
 * days when the convention covers part of the year), or yearly amounts counted by days
 * (`segments`: 30 000 € × 366/366; stretches in a row under the same yearly amount, split by an
 * amendment that changed only the payment terms, count as one).
 *
 * @example
 * ```ts
 * import type { YearAmountFacts } from "caf-conventions"
 * const days = (facts: YearAmountFacts) => (facts.basis === "segments" ? facts.segments.map((s) => s.days) : [])
 * ```
 * @category funding
 */
export type YearAmountFacts =
  | { readonly basis: "per-year"; readonly year: number; readonly proratedDays: number | undefined }
  | {
      readonly basis: "segments"
      readonly segments: ReadonlyArray<{
        readonly yearlyAmount: Euros
        readonly days: number
        readonly daysInYear: number
      }>
    }

/**
 * What cut the year short: a withdrawal of the subsidy (from `effectiveFrom`), or an early
 * termination of the convention (on `date`).
 *
 * @example
 * ```ts
 * import { parseCalendarDate, type YearCut } from "caf-conventions"
 * const cut: YearCut = { kind: "termination", date: parseCalendarDate("2025-06-30") }
 * ```
 * @category funding
 */
export type YearCut =
  | { readonly kind: "withdrawal"; readonly effectiveFrom: CalendarDate }
  | { readonly kind: "termination"; readonly date: CalendarDate }

/**
 * How one instalment of a schedule was computed, as its sentence says it:
 * - `share` of the year's amount and `planned` (before the previous year's money was deducted),
 *   `amount` (what is left to pay), `offset` (that money, clause `offset`);
 * - `basis`: the year's amount the instalment was computed on, and the amendments known then;
 *   `earlierBasis`, when that basis is older than the schedule's terms: the amendments known then
 *   (empty: none), and `unknownThen`, what it did not know (the amendments signed since, the
 *   termination or withdrawal decided since);
 * - `catchUp`, after an instalment fixed on other terms: its running share of the year's amount
 *   and what the instalments before it took; `rest`, for a balance after such an instalment: it is
 *   what remains;
 * - `trigger` (what makes it payable) and `deadline`; `amendment`, for a complement.
 *
 * @example
 * ```ts
 * import { paymentSchedule, type Convention, type InstalmentFacts } from "caf-conventions"
 * declare const convention: Convention
 * const schedule = paymentSchedule(convention, { year: 2025 })
 * const facts: ReadonlyArray<InstalmentFacts> = schedule.facts.covered ? schedule.facts.instalments : []
 * facts.map((instalment) => instalment.basis.yearAmount.format())
 * ```
 * @category funding
 */
export interface InstalmentFacts {
  /** The instalment's key (`advance`, `instalment-N`, `balance`, `complement-N`). */
  readonly key: string
  /** What its label names. */
  readonly name: InstalmentName
  /** What kind of payment it is. */
  readonly kind: "advance" | "instalment" | "balance" | "complement"
  /** Its share of the year's amount, as a decimal string. */
  readonly share: string
  /** What is left to pay. */
  readonly amount: Euros
  /** Before the previous year's money was deducted. */
  readonly planned: Euros
  /** What makes it payable. */
  readonly trigger: InstalmentTrigger
  /** The latest day to pay it, when it is payable. */
  readonly deadline: CalendarDate | undefined
  /** Money of the previous year deducted from it (clause `offset`). */
  readonly offset: { readonly amount: Euros; readonly fromYear: number } | undefined
  /** The year's amount the instalment was computed on, and the amendments known then. */
  readonly basis: { readonly yearAmount: Euros; readonly amendments: ReadonlyArray<number> }
  /** When the basis is older than the schedule's terms: the amendments known then (empty: none). */
  readonly earlierBasis: ReadonlyArray<number> | undefined
  /**
   * When the basis is older than the schedule's terms: what it did not know, the amendments
   * signed since and the termination or withdrawal decided since that cuts the year short.
   */
  readonly unknownThen: { readonly amendments: ReadonlyArray<number>; readonly cut: YearCut | undefined } | undefined
  /** After an instalment fixed on other terms: its running share, and what came before. */
  readonly catchUp: { readonly cumulativeShare: string; readonly before: Euros } | undefined
  /** Whether an earlier instalment was fixed on other terms (a balance is then what remains). */
  readonly rest: boolean
  /** For a complement: its amendment. */
  readonly amendment: number | undefined
}

/**
 * What a year's schedule says: for a year the convention covers, the year's amount and how it was
 * reached, the amendments that changed it and the amount the signed text gave, what cut the year
 * short, the amendments signed after the day of the schedule (not known then), what the
 * instalments already fixed exceed the amount by, the financial report's due date, and how each
 * instalment was computed; for a year it does not cover, only the year.
 *
 * @example
 * ```ts
 * import { paymentSchedule, type Convention, type ScheduleFacts } from "caf-conventions"
 * declare const convention: Convention
 * const facts: ScheduleFacts = paymentSchedule(convention, { year: 2025, asOf: "2025-03-01" }).facts
 * facts.covered ? facts.unknownAmendments : [] // the amendments signed after 1 March 2025
 * ```
 * @category funding
 */
export type ScheduleFacts =
  | { readonly covered: false; readonly year: number }
  | {
      readonly covered: true
      readonly year: number
      /** The year's amount. */
      readonly amount: Euros
      /** How it was reached. */
      readonly yearAmount: YearAmountFacts
      /** The amendments known, and the amount the signed text gave, when an amendment changed it. */
      readonly amended: { readonly amendments: ReadonlyArray<number>; readonly initialAmount: Euros } | undefined
      /** What cut the year short, if anything. */
      readonly cut: YearCut | undefined
      /** The numbers of the amendments signed after the day of the schedule. */
      readonly unknownAmendments: ReadonlyArray<number>
      /** What the instalments already fixed exceed the year's amount by (zero otherwise). */
      readonly excess: Euros
      /** When the financial report is due. */
      readonly financialReportDue: CalendarDate
      /** How each instalment was computed, in the order of the schedule's instalments. */
      readonly instalments: ReadonlyArray<InstalmentFacts>
    }

/**
 * Why the year's amount is reduced, or not, for missed objectives: no clause (`no-clause`), no
 * evaluation of the objectives given (`no-evaluation`), none missed (`none-missed`), a fixed rate
 * per missed objective (`fixed`), a shortfall within the tolerance (`within-tolerance`), or a
 * reduction proportional to the shortfall beyond it (`proportional`: the amount ×
 * Σ max(0, shortfall − tolerance) / the number of objectives).
 *
 * @example
 * ```ts
 * import type { ModulationFacts } from "caf-conventions"
 * const facts: ModulationFacts = { kind: "within-tolerance", missed: 1, tolerance: "0.025" }
 * ```
 * @category funding
 */
export type ModulationFacts =
  | { readonly kind: "no-clause" }
  | { readonly kind: "no-evaluation" }
  | { readonly kind: "none-missed" }
  | { readonly kind: "fixed"; readonly missed: number; readonly ratePerMissed: string; readonly reduction: Euros }
  | { readonly kind: "within-tolerance"; readonly missed: number; readonly tolerance: string }
  | { readonly kind: "proportional"; readonly missed: number; readonly tolerance: string; readonly reduction: Euros }

/**
 * Where a year's money stands, as the year's sentence says it: the convention and the year, the
 * day of the evaluation, where the year stands and whether it is settled, the previous year's
 * money deducted from the balance, what is still to pay, waits for use, is to repay or to deduct
 * from the next year, and whether nothing can be offset because this is the last year of a
 * convention under the clause `offset`.
 *
 * @example
 * ```ts
 * import { evaluateFundingUse, type Convention, type UseFacts } from "caf-conventions"
 * declare const convention: Convention
 * const facts: UseFacts = evaluateFundingUse(convention, { year: 2024, payments: [], expenses: [] }).facts
 * facts.toRepay.format()
 * ```
 * @category funding
 */
export interface UseFacts {
  readonly conventionId: string
  readonly year: number
  /** The day of the evaluation, when given. */
  readonly asOf: CalendarDate | undefined
  /** Where the year stands on `asOf`. */
  readonly state: "not-covered" | "not-started" | "in-progress" | "ended"
  /** Whether the settlement is final. */
  readonly final: boolean
  /** Money of the previous year deducted from this year's balance. */
  readonly carriedIn: Euros
  readonly stillToPay: Euros
  readonly awaitingUse: Euros
  readonly toRepay: Euros
  /** Repayments received for the year by `asOf`, what is left to repay, and what was repaid beyond it. */
  readonly repaid: Euros
  readonly stillToRepay: Euros
  readonly overRepaid: Euros
  readonly offsetNextYear: Euros
  /** The last year of a convention under the clause `offset`: nothing can be offset. */
  readonly lastYearOfOffset: boolean
}

/**
 * A payment dated before the convention could be paid (see {@link FundingUse}`.earlyPayments`):
 * `before` says which day it precedes, the most serious first: the signature (no convention
 * grounded it: loi n° 2000-321, art. 10), the notification (the payment terms run from it:
 * loi n° 2021-875, art. 2), the convention's first day (its period of application).
 *
 * @example
 * ```ts
 * import type { EarlyPayment } from "caf-conventions"
 * const beforeStart = (payment: EarlyPayment) => payment.before === "start"
 * ```
 * @category funding
 */
export interface EarlyPayment {
  /** The payment's id. */
  readonly id: string
  /** Its amount. */
  readonly amount: Euros
  /** The day it was paid. */
  readonly date: CalendarDate
  /** The day it precedes: the signature, the notification or the convention's first day. */
  readonly before: "signature" | "notification" | "start"
  /** That day. */
  readonly day: CalendarDate
  /** The remark, in French. */
  readonly detail: string
  /** Its source. */
  readonly source: string
}
