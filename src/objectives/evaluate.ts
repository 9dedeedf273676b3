/**
 * Were the objectives met in year N? Indicators computed from activity records, against the
 * year's targets, with every record either counted or excluded with its reason.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import type { Period } from "../calendar/period.js"
import type { ExplanationNode } from "../core/explanation.js"
import { frozenResult } from "../core/freeze.js"
import type { Fraction } from "../core/fraction.js"
import { requireAsyncIterable, requireIterable } from "../core/record-stream.js"
import type { Convention } from "../conventions/convention.js"
import type { Indicator, Target } from "../conventions/objective.js"
import { type ResolvedConvention, checkedConvention } from "../conventions/resolved.js"
import type { ObjectiveSpan } from "../conventions/terms-as-of.js"
import type { RuleTree } from "../eligibility/rule.js"
import type { Activity } from "./activity.js"
import type { ExcludedRecord } from "./exclusion.js"
import { YearTally, planYear } from "./plan.js"
import { feedAsync, feedIterable, feedList } from "./records.js"
import { checkedOptions, resolutionAsOf, yearEvaluation } from "./year.js"

/**
 * Options of an objectives evaluation: the year; `asOf`, the day the evaluation is made (records
 * dated after it are left out, and a target not yet reached is `in-progress` while the year is
 * not over); the eligibility rules that decide which structures count (the default tree unless
 * given).
 *
 * @example
 * ```ts
 * import type { ObjectivesOptions } from "caf-conventions"
 * const options: ObjectivesOptions = { year: 2024, asOf: "2024-09-30" }
 * ```
 * @category objectives
 */
export interface ObjectivesOptions {
  /** The calendar year evaluated. */
  readonly year: number
  /** The day the evaluation is made; the whole year when absent. */
  readonly asOf?: CalendarDate | string
  /** Eligibility rules for structures; {@link DEFAULT_ELIGIBILITY_RULES} when absent. */
  readonly rules?: RuleTree
}

/**
 * Where an objective stands for the year: `met`, `not-met`, `in-progress` (the year is not over on
 * `asOf` and the target may still be reached), or `not-applicable` (the convention does not
 * apply that year).
 *
 * @example
 * ```ts
 * import type { ObjectiveStatus } from "caf-conventions"
 * const status: ObjectiveStatus = "in-progress"
 * ```
 * @category objectives
 */
export type ObjectiveStatus = "met" | "not-met" | "in-progress" | "not-started" | "not-applicable"

/**
 * One objective for one year: the value, the target, the status, the exact achievement ratio,
 * which records counted, which did not and why, and the explanation.
 *
 * @example
 * ```ts
 * import { evaluateObjectives, type Activity, type Convention, type ObjectiveResult } from "caf-conventions"
 * declare const convention: Convention, activities: ReadonlyArray<Activity>
 * const [first]: ReadonlyArray<ObjectiveResult> = evaluateObjectives(convention, activities, { year: 2024 }).results
 * ```
 * @category objectives
 */
export interface ObjectiveResult {
  /** The objective's id. */
  readonly objectiveId: string
  /** Its French title. */
  readonly title: string
  /** What its indicator counts. */
  readonly indicator: Indicator["kind"]
  /** Where it stands. */
  readonly status: ObjectiveStatus
  /** For a share: its part and its whole, exactly (the value is their quotient). */
  readonly share?: { readonly part: Fraction; readonly whole: Fraction }
  /** The indicator's value, exact (a count has denominator 1; days may be fractions; a share is a fraction of 1). */
  readonly value: Fraction
  /** The target the value is compared with: the year's, prorated for a partial year. */
  readonly target: Target
  /** The year's target as the convention states it, before any proration. */
  readonly yearTarget: Target
  /** The share of the year the convention covers, when the target was prorated. */
  readonly proration?: Fraction
  /** value / target (the minimum when there is one, otherwise the maximum); absent for a zero target. */
  readonly ratio?: Fraction
  /** Ids of the records that counted, sorted. */
  readonly counted: ReadonlyArray<string>
  /** For a count of structures: the structures that counted, sorted. */
  readonly structures: ReadonlyArray<string>
  /** Every record that did not count, with the reason, sorted by id. */
  readonly excluded: ReadonlyArray<ExcludedRecord>
  /**
   * For an objective an amendment adds (`objectives-added`): the amendment's number and the day the
   * objective applies from. In the year of that day, records before it do not count
   * (`objective-not-in-force`) and the target is prorated by the days from it to the year's end.
   */
  readonly added?: { readonly amendment: number; readonly from: CalendarDate }
  /** The explanation, in French. */
  readonly explanation: ExplanationNode
}

/**
 * The evaluation of a convention's objectives for one year.
 *
 * @example
 * ```ts
 * import { evaluateObjectives, type Activity, type Convention, type ObjectivesEvaluation } from "caf-conventions"
 * declare const convention: Convention, activities: ReadonlyArray<Activity>
 * const evaluation: ObjectivesEvaluation = evaluateObjectives(convention, activities, { year: 2024 })
 * evaluation.results.filter((r) => r.status === "met").length
 * ```
 * @category objectives
 */
export interface ObjectivesEvaluation {
  /** The convention evaluated. */
  readonly conventionId: string
  /** The year. */
  readonly year: number
  /** The day of the evaluation, when given. */
  readonly asOf?: CalendarDate
  /** The part of the year the convention applies to; absent when it does not apply that year. */
  readonly period?: Period
  /** Number of records given, and number after removing identical copies. */
  readonly records: { readonly given: number; readonly unique: number }
  /** One result per objective in force on the year's last day, in the convention's order, then the amendments'. */
  readonly results: ReadonlyArray<ObjectiveResult>
  /**
   * The objectives amendments removed (`objectives-removed`) with effect on or before the year's
   * last day: no longer evaluated from the year of that effect; absent when there is none.
   */
  readonly removedObjectives?: ReadonlyArray<ObjectiveSpan>
  /** The explanation of the whole year. */
  readonly explanation: ExplanationNode
}

/** The year planned from the arguments, checked at the door: the convention, then the options. */
function plannedYear(input: Convention | ResolvedConvention, options: ObjectivesOptions): YearTally {
  const convention = checkedConvention(input)
  const { year, asOf, rules } = checkedOptions(options)
  return new YearTally(planYear(resolutionAsOf(input, convention, asOf), year, asOf, rules))
}

/**
 * Evaluates the convention's objectives for one year from the partner's activity records:
 * for each objective, the indicator's value, the year's target (prorated for a partial first or
 * last year, as the objective's `partialYear` rule says), the status, the exact achievement
 * ratio, the ids of the records that counted and, for every record that did not, the reason
 * (see {@link ExclusionReason}), with an explanation tree in the same form as eligibility's.
 *
 * - The year is the part of the calendar year inside the convention's effective period (as
 *   amended, cut at a termination); the objectives and targets are those in force on its last day.
 *   An objective an amendment adds during the year is judged from the amendment's effective date
 *   (earlier records are `objective-not-in-force`), its target prorated by the days left; one an
 *   amendment removes is no longer evaluated from the year of its effective date and is listed in
 *   `removedObjectives`.
 * - Each record is judged with the terms in force on its date (a sector added on 1 July counts
 *   from 1 July); for a count of structures, the structures must also pass the eligibility
 *   rules (`options.rules`), judged as of the record's date within the convention's period.
 * - Records are taken as given: identical copies count once, two different records with the
 *   same id throw a {@link ValidationError}, and so does a record that is not an activity.
 *   The result does not depend on the order of the records; none is dropped: every record is
 *   either counted or excluded with its reason, for every objective.
 * - The records may be a list or any other iterable (a generator, a `Set`): an iterable that is
 *   not a list is read once, one record at a time, and not kept (see
 *   {@link evaluateObjectivesAsync} for a stream); the result is the same.
 * - Given a resolved convention ({@link resolveConvention}) known on `asOf` (or fully known, without
 *   `asOf`), it is not resolved again. The explanations are built when first read (`JSON.stringify`
 *   reads them): they cost nothing until then.
 *
 * @example
 * ```ts
 * import { evaluateObjectives, parseActivities, type Convention } from "caf-conventions"
 * declare const cpo: Convention, json: unknown
 * const evaluation = evaluateObjectives(cpo, parseActivities(json), { year: 2024 })
 * evaluation.results.map((r) => [r.objectiveId, r.status])
 * //=> [["suivi-coordonne", "met"], ["accompagnement-individuel", "met"], …]
 * ```
 * @category objectives
 */
export function evaluateObjectives(
  input: Convention | ResolvedConvention,
  activities: ReadonlyArray<Activity> | Iterable<Activity | unknown>,
  options: ObjectivesOptions
): ObjectivesEvaluation {
  const tally = plannedYear(input, options)
  const records = requireIterable(activities, "activities", "activities")
  const counts = Array.isArray(records) ? feedList(records, [tally]) : feedIterable(records, [tally])
  return frozenResult(yearEvaluation(tally, counts), input)
}

/**
 * Like {@link evaluateObjectives}, reading the records from an async iterable (a Node stream of
 * decoded lines, the lines of a JSON Lines file, a database cursor) or a sync one, one at a time:
 * each is decoded as it is read (a {@link ValidationError} names it by its index, `[12].date`, once
 * every record is read) and none is kept, so that memory is bounded by what the result holds (the
 * ids counted, the structures, the exclusions), not by the number of records. The result is the
 * same as {@link evaluateObjectives}'s on the same records as a list.
 *
 * The convention, the options and whether the records are iterable are checked at the call, which
 * throws a {@link ValidationError} at once; a problem with the records themselves rejects the
 * promise with one, once every record is read.
 *
 * @example
 * ```ts
 * import { evaluateObjectivesAsync, type Convention } from "caf-conventions"
 * declare const cpo: Convention, records: AsyncIterable<unknown>
 * const evaluation = await evaluateObjectivesAsync(cpo, records, { year: 2024 })
 * evaluation.records.given //=> 1000000
 * ```
 * @category objectives
 */
export function evaluateObjectivesAsync(
  input: Convention | ResolvedConvention,
  activities: Iterable<Activity | unknown> | AsyncIterable<Activity | unknown>,
  options: ObjectivesOptions
): Promise<ObjectivesEvaluation> {
  // The arguments are checked at the call (it throws); the records as they are read (the promise rejects).
  const tally = plannedYear(input, options)
  const records = requireAsyncIterable(activities, "activities", "activities")
  return feedAsync(records, [tally]).then((counts) => frozenResult(yearEvaluation(tally, counts), input))
}
