/**
 * The whole convention: its objectives evaluated for every year it covers.
 *
 * @module
 */
import { frozenResult, lazyField } from "../core/freeze.js"
import { type CalendarDate, safeParseCalendarDate } from "../calendar/date.js"
import { periodYears } from "../calendar/period.js"
import type { ExplanationNode } from "../core/explanation.js"
import { requireAsyncIterable, requireIterable } from "../core/record-stream.js"
import { requireOptions } from "../core/records.js"
import type { Convention } from "../conventions/convention.js"
import { type ResolvedConvention, checkedConvention } from "../conventions/resolved.js"
import type { RuleTree } from "../eligibility/rule.js"
import { conventionObjectivesLabel, objectivesSource, synthesisSentence } from "../vocabulary/objectives.js"
import type { Activity } from "./activity.js"
import type { ExclusionsListed, ObjectivesEvaluation } from "./result.js"
import type { ObjectiveStatus } from "./facts.js"
import { checkedOptions, resolutionAsOf, synthesisFacts, yearEvaluation } from "./year.js"
import { YearTally, planYear } from "./plan.js"
import { type RecordCounts, feedAsync, feedIterable, feedList } from "./records.js"

/**
 * One objective across the convention's years.
 *
 * @example
 * ```ts
 * import type { ObjectiveAcrossYears } from "caf-conventions"
 * const everyYear = (o: ObjectiveAcrossYears) => o.notMet.length === 0 && o.inProgress.length === 0
 * ```
 * @category objectives
 */
export interface ObjectiveAcrossYears {
  /** The objective's id. */
  readonly objectiveId: string
  /** Its French title. */
  readonly title: string
  /** Its status each year, in order. */
  readonly byYear: ReadonlyArray<{ readonly year: number; readonly status: ObjectiveStatus }>
  /** Years it was met. */
  readonly met: ReadonlyArray<number>
  /** Years it was not met. */
  readonly notMet: ReadonlyArray<number>
  /** Years still in progress on `asOf`. */
  readonly inProgress: ReadonlyArray<number>
  /** Years not started on `asOf`. */
  readonly notStarted: ReadonlyArray<number>
  /** For an objective an amendment adds: the amendment's number and the day it applies from. */
  readonly added?: { readonly amendment: number; readonly from: CalendarDate }
  /** For an objective an amendment removes: the amendment's number and the day it no longer applies from. */
  readonly removed?: { readonly amendment: number; readonly from: CalendarDate }
}

/**
 * The objectives of a convention over all its years: the yearly evaluations and, per objective,
 * the years met and not met. The basis of an end-of-convention review.
 *
 * @example
 * ```ts
 * import { evaluateConventionObjectives, type Activity, type Convention, type ConventionObjectives } from "caf-conventions"
 * declare const convention: Convention, activities: ReadonlyArray<Activity>
 * const review: ConventionObjectives = evaluateConventionObjectives(convention, activities)
 * ```
 * @category objectives
 */
export interface ConventionObjectives {
  /** The convention. */
  readonly conventionId: string
  /** The day of the evaluation, when given. */
  readonly asOf?: CalendarDate
  /** One evaluation per year of the effective period. */
  readonly years: ReadonlyArray<ObjectivesEvaluation>
  /** Each objective across the years. */
  readonly objectives: ReadonlyArray<ObjectiveAcrossYears>
  /** The explanation: one node per year. */
  readonly explanation: ExplanationNode
}

/** Each objective across the years: its status each year, and the years by status. */
function acrossYears(years: ReadonlyArray<ObjectivesEvaluation>): ReadonlyArray<ObjectiveAcrossYears> {
  // Every objective evaluated some year, in the order it first appears: one an amendment adds
  // appears from its year, one it removes is listed until the year before.
  const titles = new Map<string, string>()
  const added = new Map<string, NonNullable<ObjectiveAcrossYears["added"]>>()
  for (const evaluation of years)
    for (const result of evaluation.results) {
      if (!titles.has(result.objectiveId)) titles.set(result.objectiveId, result.title)
      if (result.added !== undefined) added.set(result.objectiveId, result.added)
    }
  const removed = new Map(
    (years.at(-1)?.removedObjectives ?? []).flatMap((span) =>
      span.removed === undefined ? [] : [[span.objectiveId, span.removed] as const]
    )
  )
  // One removed before it was ever evaluated is listed too, never evaluated.
  for (const span of years.at(-1)?.removedObjectives ?? [])
    if (!titles.has(span.objectiveId)) titles.set(span.objectiveId, span.title)
  return [...titles].map(([objectiveId, title]): ObjectiveAcrossYears => {
    const addedBy = added.get(objectiveId)
    const removedBy = removed.get(objectiveId)
    const byYear = years.map((evaluation) => ({
      year: evaluation.year,
      status:
        evaluation.results.find((result) => result.objectiveId === objectiveId)?.status ?? ("not-applicable" as const)
    }))
    const yearsWith = (status: ObjectiveStatus) =>
      byYear.filter((entry) => entry.status === status).map((entry) => entry.year)
    return {
      objectiveId,
      title,
      byYear,
      met: yearsWith("met"),
      notMet: yearsWith("not-met"),
      inProgress: yearsWith("in-progress"),
      notStarted: yearsWith("not-started"),
      ...(addedBy === undefined ? {} : { added: addedBy }),
      ...(removedBy === undefined ? {} : { removed: removedBy })
    }
  })
}

/** The convention's explanation: the synthesis sentence, and one child per year (each built when this one is). */
function conventionNode(
  conventionId: string,
  years: ReadonlyArray<ObjectivesEvaluation>,
  objectives: ReadonlyArray<ObjectiveAcrossYears>,
  asOf: CalendarDate | undefined
): ExplanationNode {
  const failed = objectives.filter((objective) => objective.notMet.length > 0).length
  return {
    ruleId: "convention-objectives",
    label: conventionObjectivesLabel(conventionId),
    outcome:
      failed > 0
        ? "fail"
        : objectives.some((objective) => objective.inProgress.length > 0 || objective.notStarted.length > 0)
          ? "not-applicable"
          : "pass",
    read: { years: years.map((evaluation) => evaluation.year) },
    sentence: synthesisSentence(synthesisFacts(years, objectives.length, failed, asOf)),
    source: objectivesSource(conventionId),
    children: years.map((evaluation) => evaluation.explanation)
  }
}

/**
 * Options of an evaluation of a convention's objectives over its years
 * ({@link evaluateConventionObjectives}): `asOf`, the day it is made; the eligibility `rules`;
 * `exclusions`, when the records left out are listed (see {@link ObjectivesOptions.exclusions}).
 *
 * @example
 * ```ts
 * import type { ConventionObjectivesOptions } from "caf-conventions"
 * const options: ConventionObjectivesOptions = { asOf: "2025-07-15", exclusions: "as-read" }
 * ```
 * @category objectives
 */
export interface ConventionObjectivesOptions {
  /** The day the evaluation is made; every year whole when absent. */
  readonly asOf?: CalendarDate | string
  /** Eligibility rules for structures; {@link DEFAULT_ELIGIBILITY_RULES} when absent. */
  readonly rules?: RuleTree
  /** When the records left out are listed: `"when-read"` (the default) or `"as-read"`. */
  readonly exclusions?: ExclusionsListed
}

/**
 * Every year of the convention planned from the arguments, checked at the door: the convention,
 * then the options; resolved once, as known on `asOf`.
 */
function plannedYears(
  input: Convention | ResolvedConvention,
  options: ConventionObjectivesOptions
): ReadonlyArray<YearTally> {
  const convention = checkedConvention(input)
  requireOptions(options, "objectives options")
  // A bad day is reported as an evaluation of one year reports it, after the years are known.
  const day = options.asOf === undefined ? undefined : safeParseCalendarDate(options.asOf)
  const known = resolutionAsOf(input, convention, day?.success === true ? day.data : undefined)
  const yearsOf = periodYears(known.period)
  const first = yearsOf[0]
  if (first === undefined) return []
  const { asOf, rules, asRead } = checkedOptions({ ...options, year: first })
  return yearsOf.map((year) => new YearTally(planYear(known, year, asOf, rules), asRead))
}

/** The review once the records are read: the years, each objective across them, the explanation built when first read. */
function conventionObjectives(
  input: Convention | ResolvedConvention,
  tallies: ReadonlyArray<YearTally>,
  counts: RecordCounts
): ConventionObjectives {
  const convention = checkedConvention(input)
  const years = tallies.map((tally) => yearEvaluation(tally, counts))
  const objectives = acrossYears(years)
  const asOf = years[0]?.asOf
  const review = lazyField(
    {
      conventionId: convention.id,
      ...(asOf === undefined ? {} : { asOf }),
      years,
      objectives
    } satisfies Omit<ConventionObjectives, "explanation"> as unknown as ConventionObjectives,
    "explanation",
    () => conventionNode(convention.id, years, objectives, asOf)
  )
  return frozenResult(review, input)
}

/**
 * Evaluates a convention's objectives for every calendar year of its effective period (see
 * {@link evaluateObjectives}), and sums them up per objective. The year of `asOf` is listed with
 * its objectives `in-progress` (or already met), the years after it `not-started`; the synthesis
 * sentence counts the objectives met every year that is over, and names the others.
 *
 * @example
 * ```ts
 * import { evaluateConventionObjectives, type Activity, type Convention } from "caf-conventions"
 * declare const cpo: Convention, activities: ReadonlyArray<Activity>
 * evaluateConventionObjectives(cpo, activities).objectives.map((o) => [o.objectiveId, o.met])
 * //=> [["suivi-coordonne", [2024]], …]
 * ```
 * @category objectives
 */
export function evaluateConventionObjectives(
  input: Convention | ResolvedConvention,
  activities: ReadonlyArray<Activity> | Iterable<Activity | unknown>,
  options: ConventionObjectivesOptions = {}
): ConventionObjectives {
  const tallies = plannedYears(input, options)
  const records = requireIterable(activities, "activities", "activities")
  const counts = Array.isArray(records) ? feedList(records, tallies) : feedIterable(records, tallies)
  return conventionObjectives(input, tallies, counts)
}

/**
 * Like {@link evaluateConventionObjectives}, reading the records from an async iterable (or a
 * sync one) once, one at a time, for every year at once: each is decoded as it is read and none is
 * kept (see {@link evaluateObjectivesAsync}, which checks its arguments the same way). The result is
 * the same as on the same records as a list.
 *
 * @example
 * ```ts
 * import { evaluateConventionObjectivesAsync, type Convention } from "caf-conventions"
 * declare const cpo: Convention, records: AsyncIterable<unknown>
 * const review = await evaluateConventionObjectivesAsync(cpo, records, { asOf: "2025-12-31" })
 * review.objectives.map((o) => [o.objectiveId, o.met])
 * //=> [["suivi-coordonne", [2023, 2024, 2025]], …]
 * ```
 * @category objectives
 */
export function evaluateConventionObjectivesAsync(
  input: Convention | ResolvedConvention,
  activities: Iterable<Activity | unknown> | AsyncIterable<Activity | unknown>,
  options: ConventionObjectivesOptions = {}
): Promise<ConventionObjectives> {
  // The arguments are checked at the call (it throws); the records as they are read (the promise rejects).
  const tallies = plannedYears(input, options)
  const records = requireAsyncIterable(activities, "activities", "activities")
  return feedAsync(records, tallies).then((counts) => conventionObjectives(input, tallies, counts))
}
