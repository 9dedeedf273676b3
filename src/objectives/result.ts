/**
 * What an objectives evaluation returns, and the options it takes: the result of one objective
 * for a year, and the evaluation of a year. Types only, apart from the evaluator
 * (src/objectives/evaluate.ts) and its steps (src/objectives/year.ts), which both read them.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import type { Period } from "../calendar/period.js"
import type { ExplanationNode } from "../core/explanation.js"
import type { Fraction } from "../core/fraction.js"
import type { Indicator, Target } from "../conventions/objective.js"
import type { ObjectiveSpan } from "../conventions/terms-as-of.js"
import type { RuleTree } from "../eligibility/rule.js"
import type { ExcludedRecord } from "./exclusion.js"
import type { IndicatorFacts, ObjectiveStatus } from "./facts.js"

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
  /**
   * When the records left out are listed, for a list of records this library decoded:
   * `"when-read"` (the default), the first time a result's `excluded` (or its facts, or an
   * explanation) is read, the records kept until then; `"as-read"`, as the records are read, as
   * for records streamed. The results are the same, byte for byte: `"as-read"` is cheaper for
   * an application that reads every list (a report, a service answering with whole results),
   * `"when-read"` for one that reads the values and statuses (see docs/objectives.md).
   */
  readonly exclusions?: ExclusionsListed
}

/**
 * When an objectives evaluation lists the records left out (see {@link ObjectivesOptions.exclusions}).
 *
 * @example
 * ```ts
 * import type { ExclusionsListed } from "caf-conventions"
 * const forAReport: ExclusionsListed = "as-read"
 * ```
 * @category objectives
 */
export type ExclusionsListed = "when-read" | "as-read"

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
  /**
   * The bound `ratio` is taken to, with it: `minimum` (value / minimum) or `maximum` (value /
   * maximum, which a report writes as a share of the maximum, "80,0 % du maximum").
   */
  readonly ratioBound?: "minimum" | "maximum"
  /** Ids of the records that counted, sorted. */
  readonly counted: ReadonlyArray<string>
  /** For a count of structures: the structures that counted, sorted. */
  readonly structures: ReadonlyArray<string>
  /** Every record that did not count, with the reason, sorted by id; built when first read. */
  readonly excluded: ReadonlyArray<ExcludedRecord>
  /**
   * For an objective an amendment adds (`objectives-added`): the amendment's number and the day the
   * objective applies from. In the year of that day, records before it do not count
   * (`objective-not-in-force`) and the target is prorated by the days from it to the year's end.
   */
  readonly added?: { readonly amendment: number; readonly from: CalendarDate }
  /**
   * What the indicator measured, as facts: the records counted, those left out by reason, the
   * value with its unit; its sentence in the explanation is written from them. Computed when first
   * read, and left out of the result's JSON form (as the funding results' `facts`): a copy made with
   * the spread operator must give it again.
   */
  readonly indicatorFacts: IndicatorFacts
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
