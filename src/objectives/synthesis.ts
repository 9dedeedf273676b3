/**
 * The whole convention: its objectives evaluated for every year it covers.
 *
 * @module
 */
import { type CalendarDate, formatFrenchDate } from "../calendar/date.js"
import { periodYears } from "../calendar/period.js"
import type { ExplanationNode } from "../core/explanation.js"
import type { Convention } from "../conventions/convention.js"
import { effectivePeriod } from "../conventions/terms-as-of.js"
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

/**
 * Evaluates a convention's objectives for every calendar year of its effective period (see
 * {@link evaluateObjectives}), and sums them up per objective. Years after `asOf` are still
 * listed, their objectives `in-progress`.
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
  convention: Convention,
  activities: ReadonlyArray<Activity>,
  options: { readonly asOf?: CalendarDate | string; readonly rules?: RuleTree } = {}
): ConventionObjectives {
  const years = periodYears(effectivePeriod(convention)).map((year) => evaluateObjectives(convention, activities, { ...options, year }))
  const ids = years[0]?.results.map((result) => [result.objectiveId, result.title] as const) ?? []
  const objectives = ids.map(([objectiveId, title]): ObjectiveAcrossYears => {
    const byYear = years.map((evaluation) => ({
      year: evaluation.year,
      status: evaluation.results.find((result) => result.objectiveId === objectiveId)?.status ?? ("not-applicable" as const)
    }))
    const yearsWith = (status: ObjectiveStatus) => byYear.filter((entry) => entry.status === status).map((entry) => entry.year)
    return { objectiveId, title, byYear, met: yearsWith("met"), notMet: yearsWith("not-met"), inProgress: yearsWith("in-progress") }
  })
  const asOf = years[0]?.asOf
  const failed = objectives.filter((objective) => objective.notMet.length > 0).length
  const explanation: ExplanationNode = {
    ruleId: "objectifs-convention",
    label: `Objectifs de la convention ${convention.id}`,
    outcome: failed > 0 ? "fail" : objectives.some((objective) => objective.inProgress.length > 0) ? "not-applicable" : "pass",
    read: { years: years.map((evaluation) => evaluation.year) },
    sentence: `${objectives.length - failed} objectif(s) sur ${objectives.length} atteint(s) chaque année évaluée${asOf === undefined ? "" : ` au ${formatFrenchDate(asOf)}`}.`,
    source: `Convention ${convention.id} : objectifs`,
    children: years.map((evaluation) => evaluation.explanation)
  }
  return { conventionId: convention.id, ...(asOf === undefined ? {} : { asOf }), years, objectives, explanation }
}
