/**
 * Were the objectives met in year N? Indicators computed from activity records, against the
 * year's targets, with every record either counted or excluded with its reason.
 *
 * @module
 */
import { frozenResult } from "../core/freeze.js"
import { requireAsyncIterable, requireIterable } from "../core/record-stream.js"
import type { Convention } from "../conventions/convention.js"
import { type ResolvedConvention, checkedConvention } from "../conventions/resolved.js"
import type { Activity } from "./activity.js"
import { YearTally, planYear } from "./plan.js"
import { feedAsync, feedIterable, feedList } from "./records.js"
import type { ObjectivesEvaluation, ObjectivesOptions } from "./result.js"
import { checkedOptions, resolutionAsOf, yearEvaluation } from "./year.js"

// The result types are declared apart (year.ts reads them too, and this file reads year.ts); they are exported from here as before.
export {
  type ExclusionsListed,
  type ObjectiveResult,
  type ObjectivesEvaluation,
  type ObjectivesOptions
} from "./result.js"

/** The year planned from the arguments, checked at the door: the convention, then the options. */
function plannedYear(input: Convention | ResolvedConvention, options: ObjectivesOptions): YearTally {
  const convention = checkedConvention(input)
  const { year, asOf, rules, asRead } = checkedOptions(options)
  return new YearTally(planYear(resolutionAsOf(input, convention, asOf), year, asOf, rules), asRead)
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
 *   reads them): they cost nothing until then. So are the lists of records left out when the
 *   records are a list this library decoded: the result keeps the list and finds them again, with
 *   the same reasons, when an `excluded` is first read.
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
