/**
 * A convention resolved once: its effective period, the stretches of time with the terms in force
 * in each, and for each year its part, its amount with the arithmetic, and its payment terms, as
 * known on a given day (only the amendments signed by then count).
 *
 * @module
 */
import { type CalendarDate, dateArgument, isCalendarDate, safeParseCalendarDate } from "../calendar/date.js"
import { type Period, partOfYear, periodYears } from "../calendar/period.js"
import { InvalidArgumentError, ValidationError } from "../core/errors.js"
import { frozenResult } from "../core/freeze.js"
import { checkedConvention } from "./checked.js"
import type { Amendment } from "./amendment.js"
import type { Convention } from "./convention.js"
import { resolutions } from "../core/registry.js"
import type { PaymentTerms, Terms } from "./terms.js"
import {
  type ObjectiveSpan,
  type TermsSegment,
  NO_AMENDMENTS,
  amendmentsInOrder,
  conventionKnownOn,
  earlyEnd,
  knowledgeOn,
  finalTermsOf,
  termsOnly,
  timelineOf
} from "./terms-as-of.js"
import { type YearAmount, amountsOf } from "./yearly-amounts.js"

export { checkedConvention }

/**
 * One calendar year of a resolved convention.
 *
 * @example
 * ```ts
 * import { resolveConvention, type Convention, type ResolvedYear } from "caf-conventions"
 * declare const convention: Convention
 * const [first]: ReadonlyArray<ResolvedYear> = resolveConvention(convention).years
 * ```
 * @category conventions
 */
export interface ResolvedYear {
  /** The calendar year. */
  readonly year: number
  /** The part of the effective period that falls in the year. */
  readonly period: Period
  /** The year's amount and how it was reached; absent when the convention records no amounts. */
  readonly amount?: YearAmount
  /** The payment terms of the year: those in force on its first day. */
  readonly payment: PaymentTerms
}

/**
 * A convention resolved once (see {@link resolveConvention}): every evaluator reads it instead of
 * re-deriving the terms. Its fields are frozen.
 *
 * @example
 * ```ts
 * import { resolveConvention, type Convention, type ResolvedConvention } from "caf-conventions"
 * declare const convention: Convention
 * const resolved: ResolvedConvention = resolveConvention(convention)
 * resolved.years.map((year) => year.amount?.amount.format())
 * ```
 * @category conventions
 */
export interface ResolvedConvention {
  /** The convention as given (with every amendment, known or not). */
  readonly convention: Convention
  /** The day of knowledge: only the amendments signed on or before it count; absent: all of them. */
  readonly knownOn?: CalendarDate
  /** The amendments that count, in the order they apply (effective date, then number). */
  readonly amendments: ReadonlyArray<Amendment>
  /** The amendments signed after `knownOn`, left out. */
  readonly unknownAmendments: ReadonlyArray<Amendment>
  /** The effective period: after extensions, cut at an early termination. */
  readonly period: Period
  /** The terms once every counted amendment applies. */
  readonly terms: Terms
  /**
   * Every objective the signed text or a counted amendment defines, with the day an amendment adds
   * it from and the day one removes it from (see {@link ObjectiveSpan}).
   */
  readonly objectives: ReadonlyArray<ObjectiveSpan>
  /** Consecutive stretches of the effective period with the terms in force in each. */
  readonly timeline: ReadonlyArray<TermsSegment>
  /** Each calendar year of the effective period. */
  readonly years: ReadonlyArray<ResolvedYear>
  /** Whether an early termination, or a withdrawal, cut the period short (one not yet decided on `knownOn` does not). */
  readonly terminated: boolean
  /** Whether the cut is a withdrawal of the subsidy for a breach (see {@link WithdrawalSchema}), decided by `knownOn`. */
  readonly withdrawn: boolean
}

const cache = new WeakMap<Convention, Map<string, ResolvedConvention>>()

/**
 * Whether a value is a convention resolved by {@link resolveConvention}.
 *
 * @example
 * ```ts
 * import { isResolvedConvention, resolveConvention, type Convention } from "caf-conventions"
 * declare const convention: Convention
 * isResolvedConvention(resolveConvention(convention)) //=> true
 * isResolvedConvention(convention) //=> false
 * ```
 * @category conventions
 */
export function isResolvedConvention(value: unknown): value is ResolvedConvention {
  return resolutions.has(value)
}

/** The key of what is known on a day (see {@link knowledgeOn}): the amendments signed by then, and whether a termination or a withdrawal is decided. */
function knowledgeOf(convention: Convention, knownOn: CalendarDate | undefined) {
  const knowledge = knowledgeOn(convention, knownOn)
  const { known, terminationKnown, withdrawalKnown } = knowledge
  const key = `${known.map((amendment) => amendment.number).join(",")}${terminationKnown ? "+termination" : ""}${withdrawalKnown ? "+withdrawal" : ""}`
  return { key, knowledge }
}

function resolutionsOf(convention: Convention): Map<string, ResolvedConvention> {
  let byKnowledge = cache.get(convention)
  if (byKnowledge === undefined) {
    byKnowledge = new Map()
    cache.set(convention, byKnowledge)
  }
  return byKnowledge
}

/**
 * The resolution of what is known on `knownOn`. The first day asked with a given knowledge (the
 * same amendments, termination and withdrawal) resolves it; another day with the same knowledge
 * shares that work and gets its own value, kept as well, so that asking again on a day gives the
 * same value (what the evaluators cache their reading by).
 */
function resolveKnown(convention: Convention, knownOn: CalendarDate | undefined): ResolvedConvention {
  const { key, knowledge } = knowledgeOf(convention, knownOn)
  const byKnowledge = resolutionsOf(convention)
  const first = byKnowledge.get(key)
  if (first === undefined) return firstResolution(convention, knowledge, knownOn, key, byKnowledge)
  if (first.knownOn === knownOn) return first
  const onDay = `${key}@${knownOn ?? ""}`
  const same = byKnowledge.get(onDay)
  if (same !== undefined) return same
  return kept(convention, { ...first, ...(knownOn === undefined ? {} : { knownOn }) }, onDay, byKnowledge)
}

/** The first resolution of a knowledge, asked on `knownOn`, resolved and kept under its key. */
function firstResolution(
  convention: Convention,
  knowledge: ReturnType<typeof knowledgeOn>,
  knownOn: CalendarDate | undefined,
  key: string,
  byKnowledge: Map<string, ResolvedConvention>
): ResolvedConvention {
  const base = resolveBase(convention, knowledge)
  return kept(convention, knownOn === undefined ? base : { ...base, knownOn }, key, byKnowledge)
}

function kept(
  convention: Convention,
  resolved: ResolvedConvention,
  key: string,
  byKnowledge: Map<string, ResolvedConvention>
): ResolvedConvention {
  // Marked before it is frozen, as every value the library marks.
  resolutions.add(resolved)
  frozenResult(resolved, convention)
  byKnowledge.set(key, resolved)
  return resolved
}

function resolveBase(
  convention: Convention,
  knowledge: ReturnType<typeof knowledgeOn>
): Omit<ResolvedConvention, "knownOn"> {
  const known = knowledge.known
  const view = conventionKnownOn(convention, knowledge)
  const final = finalTermsOf(view)
  const period = final.terms.period
  // The final terms and the timeline are derived once, and the amounts and each year's payment
  // terms read them (a year's first day falls in one stretch of the timeline, whose terms are
  // those in force that day).
  const timeline = timelineOf(view, final)
  const amounts = view.terms.amounts === undefined ? undefined : amountsOf(view, { final, timeline })
  const years = periodYears(period).map((year): ResolvedYear => {
    const part = partOfYear(period, year) as Period
    const amount = amounts?.find((entry) => entry.year === year)
    const stretch = timeline.find((segment) => segment.period.start <= part.start && part.start <= segment.period.end)
    return Object.freeze({
      year,
      period: part,
      ...(amount === undefined ? {} : { amount }),
      payment: (stretch?.terms ?? termsOnly(view, part.start).terms).payment
    })
  })
  return {
    convention,
    amendments: Object.freeze(amendmentsInOrder(known)),
    unknownAmendments:
      known.length === convention.amendments.length
        ? NO_AMENDMENTS
        : Object.freeze(convention.amendments.filter((amendment) => !known.includes(amendment))),
    period,
    terms: final.terms,
    objectives: Object.freeze(final.objectives),
    timeline: Object.freeze(timeline),
    years: Object.freeze(years),
    terminated: final.terminated,
    withdrawn: final.terminated && earlyEnd(view)?.by === "withdrawal"
  }
}

/**
 * Resolves a convention once: its effective period (after extensions and a termination), the
 * stretches of time with the terms in force in each, and for each year its part, its amount with
 * the arithmetic ({@link yearAmounts}) and its payment terms (those in force on the year's first
 * day). With `knownOn`, only the amendments signed on or before that day count, and an early
 * termination only from the day it was decided (`termination.decidedOn`, or its date): the
 * convention as it could be known then.
 *
 * Every evaluator accepts a resolved convention in place of the plain one; an application that
 * asks many questions of one convention resolves it once and passes it. Resolutions are cached
 * per convention, per set of known amendments and per day asked, so resolving again is cheap
 * (asking again on a day gives the same value).
 *
 * The argument is checked at the door: a decoded convention is taken as it is, JSON is decoded,
 * anything else throws a {@link ValidationError} with paths.
 *
 * @example
 * ```ts
 * import { resolveConvention, type Convention } from "caf-conventions"
 * declare const convention: Convention // 45 000 € a year; amendment n° 1 signed 2025-07-10 raises it to 50 000 € from 2025-09-01
 * resolveConvention(convention, { knownOn: "2025-03-31" }).years.find((y) => y.year === 2025)?.amount?.amount.toString() //=> "45000.00"
 * resolveConvention(convention).years.find((y) => y.year === 2025)?.amount?.amount.toString() //=> "46671.23"
 * ```
 * @category conventions
 */
export function resolveConvention(
  convention: Convention | ResolvedConvention | unknown,
  options: { readonly knownOn?: CalendarDate | string } = {}
): ResolvedConvention {
  const { plain, knownOn } = checkedArguments(convention, options)
  if (knownOn === undefined) return isResolvedConvention(convention) ? convention : resolveKnown(plain, undefined)
  return resolveKnown(plain, knownOn)
}

/**
 * The convention resolved as known on `options.knownOn`, as {@link resolveConvention} resolves
 * it, but one value for every day with the same knowledge (the same amendments signed, the same
 * termination and withdrawal decided): its `knownOn` is the first day asked with that knowledge,
 * not always the day given. For an application that asks day after day and reads only what the
 * knowledge fixes (the years with their amounts and payment terms, the amendments counted, the
 * period and its cut), as a payment schedule does on each instalment's due date: a day whose
 * knowledge is resolved already costs a lookup, and no value is built for it. The arguments are
 * checked at the door, as {@link resolveConvention} checks them.
 *
 * @example
 * ```ts
 * import { resolveKnowledge, type Convention } from "caf-conventions"
 * declare const convention: Convention // amendment n° 1 signed 2025-07-10
 * const march = resolveKnowledge(convention, { knownOn: "2025-03-31" })
 * resolveKnowledge(convention, { knownOn: "2025-05-31" }) === march //=> true: nothing was signed between the two days
 * resolveKnowledge(convention, { knownOn: "2025-07-10" }) === march //=> false
 * ```
 * @category conventions
 */
export function resolveKnowledge(
  convention: Convention | ResolvedConvention | unknown,
  options: { readonly knownOn?: CalendarDate | string } = {}
): ResolvedConvention {
  const { plain, knownOn } = checkedArguments(convention, options)
  const { key, knowledge } = knowledgeOf(plain, knownOn)
  const byKnowledge = resolutionsOf(plain)
  return byKnowledge.get(key) ?? firstResolution(plain, knowledge, knownOn, key, byKnowledge)
}

/**
 * The arguments of a resolution, checked in order: the options object, the convention, then the
 * day of knowledge (a {@link ValidationError} at `knownOn` for a day that is not one).
 */
function checkedArguments(
  convention: unknown,
  options: { readonly knownOn?: CalendarDate | string }
): { readonly plain: Convention; readonly knownOn: CalendarDate | undefined } {
  if (options === null || typeof options !== "object") {
    throw new InvalidArgumentError({
      argument: "options",
      message: 'expected an options object such as { knownOn: "2025-03-31" }'
    })
  }
  const plain = checkedConvention(convention)
  if (options.knownOn === undefined || isCalendarDate(options.knownOn)) return { plain, knownOn: options.knownOn }
  const day = safeParseCalendarDate(options.knownOn)
  if (!day.success)
    throw ValidationError.of(
      "resolve options",
      day.error.issues.map((issue) => ({ ...issue, path: ["knownOn", ...issue.path] }))
    )
  return { plain, knownOn: day.data }
}

/** A resolution given as an argument, or an {@link InvalidArgumentError} naming it. */
function checkedResolution(value: unknown): ResolvedConvention {
  if (resolutions.has(value)) return value as ResolvedConvention
  throw new InvalidArgumentError({
    argument: "resolved",
    message: "expected a convention resolved by resolveConvention"
  })
}

/**
 * The year `year` of a resolved convention: its part of the effective period, its amount and the
 * payment terms in force then; or `undefined` when the effective period does not reach that year.
 * Anything but a convention resolved by {@link resolveConvention} throws an
 * {@link InvalidArgumentError}.
 *
 * @example
 * ```ts
 * import { resolveConvention, resolvedYear, type Convention } from "caf-conventions"
 * declare const convention: Convention // 2023-01-01 to 2025-12-31, 30 000 € a year
 * resolvedYear(resolveConvention(convention), 2024)?.amount?.amount.toString() //=> "30000.00"
 * resolvedYear(resolveConvention(convention), 2026) //=> undefined
 * ```
 * @category conventions
 */
export function resolvedYear(resolved: ResolvedConvention, year: number): ResolvedYear | undefined {
  return checkedResolution(resolved).years.find((entry) => entry.year === year)
}

/**
 * The terms in force on `date` in a resolved convention: those of the stretch of its timeline that
 * holds the day (the first stretch's before the period, the final terms after it). Anything but
 * a convention resolved by {@link resolveConvention}, or a day that is not a `yyyy-MM-dd` date,
 * throws one of the library's errors.
 *
 * @example
 * ```ts
 * import { parseCalendarDate, resolveConvention, termsInForceOn, type Convention } from "caf-conventions"
 * declare const convention: Convention // amendment n° 1 raises the yearly amount to 36 000 € from 2024-07-01
 * const resolved = resolveConvention(convention)
 * termsInForceOn(resolved, parseCalendarDate("2024-06-30")) === resolved.timeline[0]?.terms //=> true
 * ```
 * @category conventions
 */
export function termsInForceOn(resolved: ResolvedConvention, date: CalendarDate): Terms {
  const { timeline, terms } = checkedResolution(resolved)
  const day = dateArgument(date)
  for (const segment of timeline) if (day <= segment.period.end) return segment.terms
  return terms
}
