/**
 * The facts of an objectives evaluation that its French wording is built from: where an
 * objective stands, and what its indicator measured. A leaf of the objectives folder: it imports
 * nothing but the shared base, so that the vocabulary (src/vocabulary/objectives.ts) can word
 * these facts without importing the evaluator that produces them.
 *
 * @module
 */
import type { Fraction } from "../core/fraction.js"
import type { ExclusionReason } from "./exclusion.js"

/**
 * Where an objective stands for the year: `met`, `not-met`, `in-progress` (the year is not over on
 * `asOf` and the target may still be reached), `not-started` (the year has not begun on `asOf`),
 * or `not-applicable` (the convention does not apply that year).
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
 * The French unit of an indicator's value, as the convention names it: the singular is used up
 * to 1 ("0,5 jour", "1 famille"), the plural above ("45 familles").
 *
 * @example
 * ```ts
 * import type { IndicatorUnit } from "caf-conventions"
 * const unit: IndicatorUnit = { singular: "famille", plural: "familles" }
 * ```
 * @category objectives
 */
export interface IndicatorUnit {
  readonly singular: string
  readonly plural: string
}

/**
 * What an objective's indicator measured: its value with its unit (`kind: "value"`), or for a
 * share (`kind: "share"`) the share, a fraction of 1, with the value and unit of its part and of
 * its whole.
 *
 * @example
 * ```ts
 * import type { IndicatorValue } from "caf-conventions"
 * const families: IndicatorValue = {
 *   kind: "value", unit: { singular: "famille", plural: "familles" }, value: { numerator: 45, denominator: 1 }
 * }
 * const unit = { singular: "famille", plural: "familles" }
 * const qpv: IndicatorValue = {
 *   kind: "share", value: { numerator: 3, denominator: 4 },
 *   part: { unit, value: { numerator: 30, denominator: 1 } },
 *   whole: { unit, value: { numerator: 40, denominator: 1 } }
 * }
 * ```
 * @category objectives
 */
export type IndicatorValue =
  | { readonly kind: "value"; readonly unit: IndicatorUnit; readonly value: Fraction }
  | {
      readonly kind: "share"
      readonly value: Fraction
      readonly part: { readonly unit: IndicatorUnit; readonly value: Fraction }
      readonly whole: { readonly unit: IndicatorUnit; readonly value: Fraction }
    }

/**
 * The facts of an objective's indicator for the year, as typed values: how many records counted,
 * how many were left out for each reason, and the value measured with its unit. The indicator's
 * sentence ("12 enregistrements retenus ; écartés : hors de l'année (3) → 45 familles.") is built
 * from them, by the explanation and by the reports alike; an application reads them rather than
 * the sentence.
 *
 * @example
 * ```ts
 * import { evaluateObjectives, type Activity, type Convention, type IndicatorFacts } from "caf-conventions"
 * declare const convention: Convention, activities: ReadonlyArray<Activity>
 * const facts: IndicatorFacts | undefined = evaluateObjectives(convention, activities, { year: 2024 }).results[0]?.indicatorFacts
 * facts?.excluded.map(({ reason, count }) => `${reason}: ${count}`)
 * //=> ["outside-year: 1", "other-kind: 14"]
 * ```
 * @category objectives
 */
export interface IndicatorFacts {
  /** The number of records that counted (the length of the result's `counted`). */
  readonly counted: number
  /**
   * The number of records left out for each reason: the reasons in the order they first appear
   * among the result's `excluded` (sorted by record id), the identical copies (`duplicate-id`) last.
   */
  readonly excluded: ReadonlyArray<{ readonly reason: ExclusionReason; readonly count: number }>
  /** What the indicator measured, with its unit. */
  readonly value: IndicatorValue
}
