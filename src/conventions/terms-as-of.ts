/**
 * What a convention says on a given day: its base text plus the amendments in force, cut short by
 * an early termination; and its status on that day.
 *
 * @module
 */
import { type CalendarDate, addDays, checkedDay } from "../calendar/date.js"
import { type Period, makePeriod } from "../calendar/period.js"
import type { Amendment, Change } from "./amendment.js"
import { ValidationError } from "../core/errors.js"
import { describeValue } from "../core/describe.js"
import { frozenResult } from "../core/freeze.js"
import { checkedConvention } from "./checked.js"
import type { Convention } from "./convention.js"
import type { Terms } from "./terms.js"

/**
 * The terms in force on a day, with the amendments that made them.
 *
 * @example
 * ```ts
 * import { termsAsOf, type Convention, type TermsAsOf } from "caf-conventions"
 * declare const convention: Convention
 * const asOf: TermsAsOf = termsAsOf(convention, "2024-09-01" as never)
 * asOf.applied.map((amendment) => amendment.number) // the amendments in force, in order
 * ```
 * @category conventions
 */
export interface TermsAsOf {
  /** The day asked about. */
  readonly date: CalendarDate
  /**
   * The day of knowledge, when one was asked (see {@link TermsAsOfOptions}): only the amendments
   * signed, and the termination or withdrawal decided, by then count. Absent: everything the
   * convention records counts, decisions taken after `date` included.
   */
  readonly knownOn?: CalendarDate
  /** The terms in force that day (the period already cut at a termination). */
  readonly terms: Terms
  /** The amendments in force that day, in the order they were applied (effective date, then number). */
  readonly applied: ReadonlyArray<Amendment>
  /** Whether an early termination cut the period short. */
  readonly terminated: boolean
  /**
   * Every objective the signed text or an amendment in force defines, in that order, with the day
   * an amendment adds it from and the day an amendment removes it from: which objectives apply
   * from when (`terms.objectives` holds those in force that day).
   */
  readonly objectives: ReadonlyArray<ObjectiveSpan>
}

/**
 * When an objective applies: from the convention's first day when the signed text states it, or
 * from the effective date of the amendment that adds it (`objectives-added`); until the effective
 * date of the amendment that removes it (`objectives-removed`), if any.
 *
 * @example
 * ```ts
 * import { termsAsOf, parseCalendarDate, type Convention, type ObjectiveSpan } from "caf-conventions"
 * declare const convention: Convention // amendment n° 1 adds "reaap" from 2025-10-01
 * const spans: ReadonlyArray<ObjectiveSpan> = termsAsOf(convention, parseCalendarDate("2026-01-01")).objectives
 * spans.find((span) => span.objectiveId === "reaap")?.added //=> { amendment: 1, from: "2025-10-01" }
 * ```
 * @category conventions
 */
export interface ObjectiveSpan {
  /** The objective's id. */
  readonly objectiveId: string
  /** Its French title, as defined. */
  readonly title: string
  /** The amendment that adds it and the day it applies from; absent for an objective of the signed text. */
  readonly added?: { readonly amendment: number; readonly from: CalendarDate }
  /** The amendment that removes it and the day it no longer applies from; absent while it applies. */
  readonly removed?: { readonly amendment: number; readonly from: CalendarDate }
}

/**
 * @internal The objectives the signed text and the amendments applied (in order) define, with when
 * each applies. Computed once per resolution (the final terms'), so nothing is cached: a cache
 * keyed by the convention cost more than the spans for a convention seen once.
 */
function objectiveSpans(terms: Terms, applied: ReadonlyArray<Amendment>): ReadonlyArray<ObjectiveSpan> {
  const base: ReadonlyArray<ObjectiveSpan> = Object.freeze(
    terms.objectives.map((objective) => Object.freeze({ objectiveId: objective.id, title: objective.title }))
  )
  if (!applied.some((amendment) => amendment.changes.some(isObjectivesChange))) return base
  const spans: Array<ObjectiveSpan> = [...base]
  for (const amendment of applied)
    for (const change of amendment.changes) {
      const at = { amendment: amendment.number, from: amendment.effectiveDate }
      if (change.kind === "objectives-added")
        for (const objective of change.objectives)
          spans.push({ objectiveId: objective.id, title: objective.title, added: at })
      else if (change.kind === "objectives-removed")
        spans.forEach((span, index) => {
          if (change.objectiveIds.includes(span.objectiveId) && span.removed === undefined)
            spans[index] = { ...span, removed: at }
        })
    }
  return spans
}

function isObjectivesChange(change: Change): boolean {
  return change.kind === "objectives-added" || change.kind === "objectives-removed"
}

/** @internal The terms once one change applies. */
function withChange(terms: Terms, change: Change): Terms {
  switch (change.kind) {
    case "yearly-amount":
      return terms.amounts?.kind === "constant"
        ? { ...terms, amounts: { ...terms.amounts, yearlyAmount: change.yearlyAmount } }
        : terms
    case "year-amount":
      return terms.amounts?.kind === "per-year"
        ? {
            ...terms,
            amounts: { ...terms.amounts, byYear: { ...terms.amounts.byYear, [String(change.year)]: change.amount } }
          }
        : terms
    case "period-end":
      return { ...terms, period: makePeriod(terms.period.start, change.end) }
    case "sectors-added":
      return {
        ...terms,
        sectors: [...terms.sectors, ...change.sectors.filter((sector) => !terms.sectors.includes(sector))]
      }
    case "sectors-removed":
      return { ...terms, sectors: terms.sectors.filter((sector) => !change.sectors.includes(sector)) }
    case "accompaniment-kinds-added":
      return {
        ...terms,
        accompanimentKinds: [
          ...terms.accompanimentKinds,
          ...change.accompanimentKinds.filter((kind) => !terms.accompanimentKinds.includes(kind))
        ]
      }
    case "accompaniment-kinds-removed":
      return {
        ...terms,
        accompanimentKinds: terms.accompanimentKinds.filter((kind) => !change.accompanimentKinds.includes(kind))
      }
    case "payment-terms": {
      const { kind: _kind, ...set } = change
      return { ...terms, payment: { ...terms.payment, ...set } }
    }
    case "objectives-added":
      return { ...terms, objectives: [...terms.objectives, ...change.objectives] }
    case "objectives-removed":
      return {
        ...terms,
        objectives: terms.objectives.filter((objective) => !change.objectiveIds.includes(objective.id))
      }
    case "target":
      return {
        ...terms,
        objectives: terms.objectives.map((objective) => {
          if (objective.id !== change.objectiveId) return objective
          if (change.year === undefined) return { ...objective, target: change.target }
          return { ...objective, targetsByYear: { ...objective.targetsByYear, [String(change.year)]: change.target } }
        })
      }
  }
}

/** @internal No amendment: one frozen empty list for every convention without any. */
export const NO_AMENDMENTS: ReadonlyArray<Amendment> = Object.freeze([])

/** @internal Amendments in the order they apply: by effective date, then by number (a new list, or a frozen empty one). */
export function amendmentsInOrder(amendments: ReadonlyArray<Amendment>): ReadonlyArray<Amendment> {
  // Most conventions have no amendment: one frozen empty list serves them all.
  if (amendments.length === 0) return NO_AMENDMENTS
  return [...amendments].sort((a, b) =>
    a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.number - b.number
  )
}

/**
 * One amendment and what it changed: the terms just before it and just after it, each amendment
 * applied in turn on the base text (by effective date, then number), whatever its effective date.
 *
 * @example
 * ```ts
 * import type { AmendmentStep } from "caf-conventions"
 * const periodChanged = (step: AmendmentStep) => step.after.period.end !== step.before.period.end
 * ```
 * @category conventions
 */
export interface AmendmentStep {
  /** The amendment. */
  readonly amendment: Amendment
  /** The terms before it. */
  readonly before: Terms
  /** The terms once it applies. */
  readonly after: Terms
}

/**
 * The amendments of a convention, in the order they apply, each with the terms before and after
 * it: what a report's table of amendments shows. With `asOf`, only the amendments signed by that
 * day.
 *
 * @example
 * ```ts
 * import { amendmentHistory, type Convention } from "caf-conventions"
 * declare const convention: Convention // amendment n° 1 raising the yearly amount to 36 000 € from 2024-07-01
 * amendmentHistory(convention).map((step) => step.amendment.number) // [1]
 * ```
 * @category conventions
 */
export function amendmentHistory(
  convention: Convention,
  options: { readonly asOf?: CalendarDate | string } = {}
): ReadonlyArray<AmendmentStep> {
  const plain = checkedConvention(convention)
  if (options === null || typeof options !== "object")
    throw ValidationError.of("amendment history options", [
      { path: [], message: `expected an options object, got ${describeValue(options)}` }
    ])
  const asOf = options.asOf === undefined ? undefined : checkedDay(options.asOf, "asOf", "amendment history options")
  const known = amendmentsInOrder(plain.amendments).filter(
    (amendment) => asOf === undefined || amendment.signatureDate <= asOf
  )
  let terms: Terms = plain.terms
  return frozenResult(
    known.map((amendment) => {
      const before = terms
      for (const change of amendment.changes) terms = withChange(terms, change)
      return { amendment, before, after: terms }
    }),
    convention
  )
}

/**
 * @internal The last day an early end leaves: a termination's date, or the day before a
 * withdrawal's breach (the withdrawn period starts on the breach), the earlier of the two; and
 * which one cut.
 */
export function earlyEnd(
  convention: Convention
): { readonly last: CalendarDate; readonly by: "termination" | "withdrawal" } | undefined {
  const termination =
    convention.termination === undefined ? undefined : { last: convention.termination.date, by: "termination" as const }
  const withdrawal =
    convention.withdrawal === undefined
      ? undefined
      : { last: addDays(convention.withdrawal.effectiveFrom, -1), by: "withdrawal" as const }
  if (termination === undefined) return withdrawal
  if (withdrawal === undefined) return termination
  return withdrawal.last < termination.last ? withdrawal : termination
}

function cutAtTermination(
  convention: Convention,
  terms: Terms
): { readonly terms: Terms; readonly terminated: boolean } {
  const cut = earlyEnd(convention)
  if (cut === undefined || cut.last >= terms.period.end) return { terms, terminated: false }
  return { terms: { ...terms, period: makePeriod(terms.period.start, cut.last) }, terminated: true }
}

/**
 * What is known on a day, the one rule of knowledge of the library (read by {@link termsAsOf},
 * {@link conventionStatus} and {@link resolveConvention}): the amendments signed on or before
 * `knownOn`, the early termination once decided (`termination.decidedOn`, or its date when that
 * is not recorded), the withdrawal once decided (`withdrawal.decidedOn`). Without `knownOn`,
 * everything the convention records.
 *
 * @internal
 */
export function knowledgeOn(
  convention: Convention,
  knownOn: CalendarDate | undefined
): {
  readonly known: ReadonlyArray<Amendment>
  readonly terminationKnown: boolean
  readonly withdrawalKnown: boolean
} {
  const known =
    knownOn === undefined || convention.amendments.length === 0
      ? convention.amendments
      : convention.amendments.filter((amendment) => amendment.signatureDate <= knownOn)
  const termination = convention.termination
  const terminationKnown =
    termination !== undefined && (knownOn === undefined || (termination.decidedOn ?? termination.date) <= knownOn)
  const withdrawalKnown =
    convention.withdrawal !== undefined && (knownOn === undefined || convention.withdrawal.decidedOn <= knownOn)
  return { known, terminationKnown, withdrawalKnown }
}

/**
 * @internal The convention as it could be known on `knownOn` (see {@link knowledgeOn}): the
 * amendments not yet signed, and a termination or withdrawal not yet decided, left out. The
 * convention itself when everything is known.
 */
export function conventionKnownOn(convention: Convention, knowledge: ReturnType<typeof knowledgeOn>): Convention {
  const { known, terminationKnown, withdrawalKnown } = knowledge
  // Copies are made only for what is left out: everything known (the usual case) costs none.
  let view = convention
  if (!terminationKnown && view.termination !== undefined) {
    const { termination: _termination, ...unterminated } = view
    view = unterminated
  }
  if (!withdrawalKnown && view.withdrawal !== undefined) {
    const { withdrawal: _withdrawal, ...notWithdrawn } = view
    view = notWithdrawn
  }
  return known.length === convention.amendments.length ? view : { ...view, amendments: known }
}

/**
 * Options of {@link termsAsOf} and {@link conventionStatus}: the day of knowledge.
 *
 * @example
 * ```ts
 * import { termsAsOf, type Convention, type TermsAsOfOptions } from "caf-conventions"
 * declare const convention: Convention // terminated on 2025-09-30, decided on 2025-07-10
 * const asKnownThen: TermsAsOfOptions = { knownOn: "2025-07-01" }
 * termsAsOf(convention, "2025-07-01" as never, asKnownThen).terms.period.end // "2026-12-31": not yet decided
 * ```
 * @category conventions
 */
export interface TermsAsOfOptions {
  /**
   * The day the convention is read as known: only the amendments signed, and the termination or
   * withdrawal decided, on or before it count (the rule of {@link resolveConvention}'s
   * `knownOn`). Absent: everything the convention records, decided before or after the day asked.
   */
  readonly knownOn?: CalendarDate | string
}

/** The day of knowledge of the options of {@link termsAsOf} and {@link conventionStatus}, checked. */
function knownOnOption(options: unknown): CalendarDate | undefined {
  if (options === null || typeof options !== "object" || Array.isArray(options))
    throw ValidationError.of("terms options", [
      {
        path: [],
        message: `expected an options object such as { knownOn: "2025-07-01" }, got ${describeValue(options)}`
      }
    ])
  const knownOn = (options as TermsAsOfOptions).knownOn
  return knownOn === undefined ? undefined : checkedDay(knownOn, "knownOn", "terms options")
}

/** The convention as known on the day of the options (itself without one). */
function viewOf(convention: Convention, knownOn: CalendarDate | undefined): Convention {
  return knownOn === undefined ? convention : conventionKnownOn(convention, knowledgeOn(convention, knownOn))
}

/**
 * The terms in force on `date`: the base text with every amendment whose effective date is on or
 * before `date` applied in order (effective date, then number), and the period cut at the
 * termination date when the convention was terminated early. The convention is not changed.
 *
 * **What is known**: without `options.knownOn`, the terms are those in force on `date` *as known
 * today*, from everything the convention records: an amendment signed after `date` but effective
 * by then counts, and so does a termination decided after `date` (a convention terminated on
 * 30/09/2025 by a decision of 10/07/2025 reads, on 01/07/2025, as ending on 30/09/2025). With
 * `knownOn`, they are the terms *as known that day*, by the rule of {@link resolveConvention}:
 * only the amendments signed, and the termination or withdrawal decided, on or before `knownOn`
 * (`termsAsOf(c, d, { knownOn: d })` is the convention as one could read it on `d`). The result
 * says which (`knownOn`).
 *
 * Two amendments cannot change the same term on the same date: {@link parseConvention} refuses
 * such a document, so the order of application is never a silent choice.
 *
 * Like every function taking a convention, it checks its arguments at the door: a decoded (or
 * resolved) convention is taken as it is, a convention's JSON is decoded, anything else, or a
 * day that is not a `yyyy-MM-dd` date, throws a {@link ValidationError} with paths.
 *
 * @example
 * ```ts
 * import { parseCalendarDate, termsAsOf, type Convention } from "caf-conventions"
 * declare const convention: Convention // 30 000 € a year, amendment n° 1 raising it to 36 000 € from 2024-07-01
 * termsAsOf(convention, parseCalendarDate("2024-06-30")).applied.length //=> 0
 * termsAsOf(convention, parseCalendarDate("2024-07-01")).applied.length //=> 1
 * ```
 * @category conventions
 */
export function termsAsOf(convention: Convention, date: CalendarDate, options: TermsAsOfOptions = {}): TermsAsOf {
  const plain = checkedConvention(convention)
  const day = checkedDay(date)
  const knownOn = knownOnOption(options)
  if (knownOn === undefined) return termsOn(plain, day)
  return { ...termsOn(viewOf(plain, knownOn), day), knownOn }
}

/** @internal {@link termsAsOf} for a convention and a day already checked (derived conventions included). */
export function termsOn(convention: Convention, date: CalendarDate): TermsAsOf {
  const known = termsOnly(convention, date)
  return { date, ...known, objectives: objectiveSpans(convention.terms, known.applied) }
}

/**
 * @internal The terms in force on `date`, the amendments applied and whether a termination cut
 * the period: {@link termsOn} without the objectives' spans, for what reads the terms only (the
 * timeline, a year's amount, a status).
 */
export function termsOnly(
  convention: Convention,
  date: CalendarDate
): { readonly terms: Terms; readonly applied: ReadonlyArray<Amendment>; readonly terminated: boolean } {
  const { terms, applied } = uncutTermsAsOf(convention, date)
  return { applied, ...cutAtTermination(convention, terms) }
}

/** @internal The terms in force on `date` as the amendments make them, before any termination cuts the period. */
export function uncutTermsAsOf(
  convention: Convention,
  date: CalendarDate
): { readonly terms: Terms; readonly applied: ReadonlyArray<Amendment> } {
  const applied = amendmentsInOrder(convention.amendments).filter((amendment) => amendment.effectiveDate <= date)
  let terms: Terms = convention.terms
  for (const amendment of applied) for (const change of amendment.changes) terms = withChange(terms, change)
  return { terms, applied }
}

/**
 * The terms once every amendment applies (whatever its date), cut at a termination: the final
 * state of the convention, as its end-of-convention review reads it. The convention is checked
 * at the door (see {@link termsAsOf}).
 *
 * @example
 * ```ts
 * import { finalTerms, type Convention } from "caf-conventions"
 * declare const convention: Convention
 * finalTerms(convention).period.end // the last day, after extensions and termination
 * ```
 * @category conventions
 */
export function finalTerms(convention: Convention): Terms {
  return finalTermsOf(checkedConvention(convention)).terms
}

/** @internal The terms once every amendment applies, with whether a termination cut them, for a convention already checked. */
export function finalTermsOf(convention: Convention): TermsAsOf {
  return termsOn(convention, finalDayOf(convention))
}

/** @internal The day from which every amendment applies: the text's end, or the last effective date when it is later. */
export function finalDayOf(convention: Convention): CalendarDate {
  const last = amendmentsInOrder(convention.amendments).at(-1)
  return last === undefined || last.effectiveDate < convention.terms.period.end
    ? convention.terms.period.end
    : last.effectiveDate
}

/**
 * The period during which the convention actually applies: its period after every amendment,
 * cut at an early termination. The convention is checked at the door (see {@link termsAsOf}).
 *
 * @example
 * ```ts
 * import { effectivePeriod, type Convention } from "caf-conventions"
 * declare const convention: Convention // 2023-01-01..2025-12-31, terminated on 2024-09-30
 * effectivePeriod(convention) //=> { start: "2023-01-01", end: "2024-09-30" }
 * ```
 * @category conventions
 */
export function effectivePeriod(convention: Convention): Period {
  return finalTermsOf(checkedConvention(convention)).terms.period
}

/**
 * One stretch of time during which the same terms apply.
 *
 * @example
 * ```ts
 * import { termsTimeline, type Convention, type TermsSegment } from "caf-conventions"
 * declare const convention: Convention
 * const segments: ReadonlyArray<TermsSegment> = termsTimeline(convention)
 * ```
 * @category conventions
 */
export interface TermsSegment {
  /** The days this stretch covers, inside the effective period. */
  readonly period: Period
  /** The terms in force on each of those days. */
  readonly terms: Terms
  /** The amendments in force during the stretch. */
  readonly applied: ReadonlyArray<Amendment>
}

/**
 * The convention's effective period cut at every amendment's effective date: consecutive
 * stretches, each with the terms in force throughout it. Schedules read it to split a year at an
 * amendment (a yearly amount raised on 1 July applies to 184 days of 2024). The convention is
 * checked at the door (see {@link termsAsOf}).
 *
 * @example
 * ```ts
 * import { termsTimeline, type Convention } from "caf-conventions"
 * declare const convention: Convention // 2023–2025, amendment effective 2024-07-01
 * termsTimeline(convention).map((segment) => [segment.period.start, segment.period.end])
 * //=> [["2023-01-01", "2024-06-30"], ["2024-07-01", "2025-12-31"]]
 * ```
 * @category conventions
 */
export function termsTimeline(convention: Convention): ReadonlyArray<TermsSegment> {
  return timelineOf(checkedConvention(convention))
}

/** @internal {@link termsTimeline} for a convention already checked (derived conventions included). */
export function timelineOf(
  convention: Convention,
  final: TermsAsOf = finalTermsOf(convention)
): ReadonlyArray<TermsSegment> {
  const period = final.terms.period
  const starts = [...new Set(convention.amendments.map((amendment) => amendment.effectiveDate))]
    .filter((date) => date > period.start && date <= period.end)
    .sort()
  const boundaries = [period.start, ...starts]
  const unamended = convention.amendments.length === 0
  return boundaries.map((start, index) => {
    const next = boundaries[index + 1]
    const end = next === undefined ? period.end : addDays(next, -1)
    // Without amendments the terms are the final ones every day: one stretch, the whole period.
    const { terms, applied } = unamended ? final : termsOnly(convention, start)
    return {
      period: start === period.start && end === period.end ? period : makePeriod(start, end),
      terms: terms.period === period ? terms : { ...terms, period },
      applied
    }
  })
}

/**
 * The status of a convention on a day, derived from its dates (never stored):
 * - `draft`: not signed yet (no signature date, or the day is before it);
 * - `signed`: signed, its period not started;
 * - `in-force`: the day falls in its effective period;
 * - `ended`: its period is over;
 * - `terminated`: it was ended early (*résiliée*) and the day is after the termination date;
 * - `withdrawn`: its subsidy was withdrawn for a breach of the *contrat d'engagement
 *   républicain* and the day is on or after the breach (see {@link WithdrawalSchema}).
 *
 * @example
 * ```ts
 * import { type ConventionStatus } from "caf-conventions"
 * const status: ConventionStatus = "in-force"
 * ```
 * @category conventions
 */
export type ConventionStatus = "draft" | "signed" | "in-force" | "ended" | "terminated" | "withdrawn"

/**
 * The status of the convention on `date` (see {@link ConventionStatus}), from everything the
 * convention records, or, with `options.knownOn`, as known that day (see {@link termsAsOf}: a
 * termination not yet decided does not count). The convention and the days are checked at the
 * door (see {@link termsAsOf}).
 *
 * @example
 * ```ts
 * import { conventionStatus, parseCalendarDate, type Convention } from "caf-conventions"
 * declare const convention: Convention // signed 2023-03-01, 2023-01-01..2025-12-31
 * conventionStatus(convention, parseCalendarDate("2024-06-01")) //=> "in-force"
 * conventionStatus(convention, parseCalendarDate("2026-01-01")) //=> "ended"
 * ```
 * @category conventions
 */
export function conventionStatus(
  convention: Convention,
  date: CalendarDate,
  options: TermsAsOfOptions = {}
): ConventionStatus {
  const plain = checkedConvention(convention)
  const day = checkedDay(date)
  return statusOn(viewOf(plain, knownOnOption(options)), day)
}

/** @internal {@link conventionStatus} for a convention and a day already checked. */
function statusOn(convention: Convention, date: CalendarDate): ConventionStatus {
  if (convention.signatureDate === undefined || date < convention.signatureDate) return "draft"
  const { terms, terminated } = termsOnly(convention, date)
  if (date < terms.period.start) return "signed"
  if (date <= terms.period.end) return "in-force"
  return terminated ? (earlyEnd(convention)?.by === "withdrawal" ? "withdrawn" : "terminated") : "ended"
}
