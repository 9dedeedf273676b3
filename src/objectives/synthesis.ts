/**
 * The whole convention: its objectives evaluated for every year it covers.
 *
 * @module
 */
import { frozenResult } from "../core/freeze.js"
import { agreed } from "../core/plural.js"
import { type CalendarDate, formatFrenchDate, safeParseCalendarDate } from "../calendar/date.js"
import { periodYears } from "../calendar/period.js"
import type { ExplanationNode } from "../core/explanation.js"
import { requireOptions } from "../core/records.js"
import type { Convention } from "../conventions/convention.js"
import { type ResolvedConvention, checkedConvention, resolveConvention } from "../conventions/resolved.js"
import type { RuleTree } from "../eligibility/rule.js"
import type { Activity } from "./activity.js"
import { type ObjectiveStatus, type ObjectivesEvaluation, evaluateObjectives } from "./evaluate.js"

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

function listOfYears(years: ReadonlyArray<number>): string {
  return years.length === 1 ? String(years[0]) : `${years.slice(0, -1).join(", ")} et ${years.at(-1)}`
}

/**
 * Counts the objectives met every year that is over on `asOf`, and names the years that are not
 * (a year in progress with the objectives already met in it, the years not started).
 */
function synthesisSentence(
  years: ReadonlyArray<ObjectivesEvaluation>,
  count: number,
  failed: number,
  asOf: CalendarDate | undefined
): string {
  const covered = years.filter((evaluation) => evaluation.period !== undefined)
  const over = covered.filter((evaluation) => asOf === undefined || asOf > (evaluation.period?.end ?? asOf))
  const current = covered.filter(
    (evaluation) =>
      asOf !== undefined &&
      evaluation.period !== undefined &&
      asOf >= evaluation.period.start &&
      asOf <= evaluation.period.end
  )
  const notStarted = covered
    .filter((evaluation) => asOf !== undefined && evaluation.period !== undefined && asOf < evaluation.period.start)
    .map((evaluation) => evaluation.year)
  const day = asOf === undefined ? "" : ` au ${formatFrenchDate(asOf)}`
  const rest = [
    ...current.map(
      (evaluation) =>
        `en cours : ${evaluation.year} (${evaluation.results.filter((result) => result.status === "met").length} ${agreed(evaluation.results.filter((result) => result.status === "met").length, "objectif", "objectifs")} sur ${count} déjà ${agreed(evaluation.results.filter((result) => result.status === "met").length, "atteint", "atteints")})`
    ),
    ...(notStarted.length === 0
      ? []
      : [`pas encore commencée${notStarted.length > 1 ? "s" : ""} : ${listOfYears(notStarted)}`])
  ]
  const tail = rest.length === 0 ? "" : ` ; ${rest.join(" ; ")}`
  if (over.length === 0) return `Aucune année terminée${day}${tail}.`
  return `${count - failed} ${agreed(count - failed, "objectif", "objectifs")} sur ${count} ${agreed(count - failed, "atteint", "atteints")} chaque année terminée (${listOfYears(over.map((evaluation) => evaluation.year))})${day}${tail}.`
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
  activities: ReadonlyArray<Activity>,
  options: { readonly asOf?: CalendarDate | string; readonly rules?: RuleTree } = {}
): ConventionObjectives {
  const convention = checkedConvention(input)
  requireOptions(options, "objectives options")
  // Only the amendments signed by the day of the evaluation are known (a bad day is reported by evaluateObjectives).
  const day = options.asOf === undefined ? undefined : safeParseCalendarDate(options.asOf)
  const resolved = resolveConvention(convention, day?.success === true ? { knownOn: day.data } : {})
  const years = periodYears(resolved.period).map((year) =>
    evaluateObjectives(convention, activities, { ...options, year })
  )
  const ids = years[0]?.results.map((result) => [result.objectiveId, result.title] as const) ?? []
  const objectives = ids.map(([objectiveId, title]): ObjectiveAcrossYears => {
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
      notStarted: yearsWith("not-started")
    }
  })
  const asOf = years[0]?.asOf
  const failed = objectives.filter((objective) => objective.notMet.length > 0).length
  const explanation: ExplanationNode = {
    ruleId: "objectifs-convention",
    label: `Objectifs de la convention ${convention.id}`,
    outcome:
      failed > 0
        ? "fail"
        : objectives.some((objective) => objective.inProgress.length > 0 || objective.notStarted.length > 0)
          ? "not-applicable"
          : "pass",
    read: { years: years.map((evaluation) => evaluation.year) },
    sentence: synthesisSentence(years, objectives.length, failed, asOf),
    source: `Convention ${convention.id} : objectifs`,
    children: years.map((evaluation) => evaluation.explanation)
  }
  return frozenResult(
    { conventionId: convention.id, ...(asOf === undefined ? {} : { asOf }), years, objectives, explanation },
    input
  )
}
