/**
 * The shape of a convention's objectives: what is counted (the indicator), and what is expected
 * each year (the target). Evaluating them against activity records is the objectives module's work.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { describeValue } from "../core/describe.js"
import { ValidationError } from "../core/errors.js"
import { localizedCheck, localizedIssue } from "../core/issues.js"
import { IdSchema, MultilineTextSchema, TextSchema, YearKeySchema, uniqueList } from "../core/schemas.js"
import { RoundingModeSchema } from "../money/schema.js"
import { DepartementSchema } from "../identifiers/identifiers.js"
import { AccompanimentKindSchema, PartnershipBodySchema, SectorSchema, SituationSchema } from "../referential/codes.js"
import { ActivityKindSchema } from "../referential/convention-codes.js"
import {
  type IndicatorFieldProblem,
  MEASURE_NAME_FORM,
  NON_NEGATIVE_NUMBER,
  SHARE_TARGET,
  TARGET_WITHOUT_BOUND,
  indicatorFieldText,
  targetBoundsText
} from "../vocabulary/consistency.js"

const NonNegative = Schema.Number.check(
  Schema.makeFilter(
    (n: number) =>
      (Number.isFinite(n) && n >= 0) ||
      localizedIssue(NON_NEGATIVE_NUMBER.en, { code: "range", ...NON_NEGATIVE_NUMBER })
  )
)

/**
 * Schema of the filter an indicator applies to activity records: only records of these kinds,
 * in these sectors, of these kinds of support (`accompanimentKinds`: an individual support or a
 * diagnostic is `individuel`, a collective action `collectif`, a meeting of a body
 * `instances-partenariales`), concerning structures in these situations or these départements
 * (`departements`), for these partnership bodies, on these themes. An omitted list does not
 * filter.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ActivityFilterSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ActivityFilterSchema)({ activityKinds: ["reunion-instance"], bodies: ["sdaf"] }).bodies //=> ["sdaf"]
 * ```
 * @category objectives
 */
export const ActivityFilterSchema = Schema.Struct({
  activityKinds: uniqueList(ActivityKindSchema, { nonEmpty: true }),
  sectors: Schema.optionalKey(uniqueList(SectorSchema, { nonEmpty: true })),
  accompanimentKinds: Schema.optionalKey(uniqueList(AccompanimentKindSchema, { nonEmpty: true })),
  departements: Schema.optionalKey(uniqueList(DepartementSchema, { nonEmpty: true })),
  situations: Schema.optionalKey(uniqueList(SituationSchema, { nonEmpty: true })),
  bodies: Schema.optionalKey(uniqueList(PartnershipBodySchema, { nonEmpty: true })),
  themes: Schema.optionalKey(uniqueList(TextSchema, { nonEmpty: true }))
})

/**
 * Which activity records an indicator reads (see {@link ActivityFilterSchema}).
 *
 * @example
 * ```ts
 * import type { ActivityFilter } from "caf-conventions"
 * const sdafMeetings: ActivityFilter = { activityKinds: ["reunion-instance"], bodies: ["sdaf"] }
 * ```
 * @category objectives
 */
export interface ActivityFilter extends Schema.Schema.Type<typeof ActivityFilterSchema> {}

/**
 * Schema of a name a record gives a measure or a list of beneficiaries (`familles`,
 * `heures-animation`): lower-case letters, digits and hyphens.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { MeasureNameSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(MeasureNameSchema)("familles") //=> "familles"
 * ```
 * @category objectives
 */
export const MeasureNameSchema = Schema.String.check(
  Schema.isPattern(/^[a-z][a-z0-9-]{0,39}$/u, localizedCheck({ code: "pattern", ...MEASURE_NAME_FORM }))
)

/**
 * Schema of the French unit of an indicator's value, singular and plural (`{ "singular":
 * "famille", "plural": "familles" }`): "1 famille", "45 familles".
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { UnitSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(UnitSchema)({ singular: "famille", plural: "familles" }).plural //=> "familles"
 * ```
 * @category objectives
 */
export const UnitSchema = Schema.Struct({ singular: TextSchema, plural: TextSchema })

/** Why an indicator's field does not suit its aggregate, or undefined when it does. */
function indicatorFieldProblem(indicator: {
  readonly aggregate: string
  readonly field?: string
}): IndicatorFieldProblem | undefined {
  if (indicator.aggregate === "count")
    return indicator.field === undefined ? undefined : { problem: "count-with-field" }
  if (indicator.aggregate !== "distinct" && indicator.aggregate !== "sum") return undefined
  if (indicator.field === undefined) return { problem: "no-field", aggregate: indicator.aggregate }
  if (
    indicator.aggregate === "distinct" &&
    (indicator.field === "days" || indicator.field === "hours" || indicator.field === "participants")
  )
    return { problem: "number-counted", field: indicator.field }
  if (indicator.aggregate === "sum" && indicator.field === "structures") return { problem: "structures-added" }
  return undefined
}

/**
 * Schema of an indicator written in the document itself:
 * - `aggregate`: `count` (the matching records), `distinct` (the different values of `field`
 *   over the matching records: `structures`, or a list of beneficiaries the records name, such
 *   as `familles`), or `sum` (`field` added up: `days` — a record in hours counts
 *   `hours / hoursPerDay` days —, `hours`, `participants`, or a measure the records carry, such as
 *   `familles`);
 * - `filter`: which records it reads (see {@link ActivityFilterSchema});
 * - `unit`: its French unit, singular and plural;
 * - `eligibleOnly` (default `true`): for distinct structures, only structures eligible under the
 *   convention count;
 * - `hoursPerDay` (default 7): for a sum of days.
 *
 * A record that lacks the field an aggregate reads is excluded with the reason `no-measure`,
 * never counted as zero.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { AggregateIndicatorSchema } from "caf-conventions"
 * const families = Schema.decodeUnknownSync(AggregateIndicatorSchema)({
 *   kind: "aggregate", aggregate: "sum", field: "familles",
 *   filter: { activityKinds: ["action-collective"] }, unit: { singular: "famille", plural: "familles" }
 * })
 * families.eligibleOnly //=> true
 * ```
 * @category objectives
 */
export const AggregateIndicatorSchema = Schema.Struct({
  kind: Schema.Literal("aggregate"),
  aggregate: Schema.Literals(["count", "distinct", "sum"]),
  field: Schema.optionalKey(MeasureNameSchema),
  filter: ActivityFilterSchema,
  unit: UnitSchema,
  eligibleOnly: Schema.Boolean.pipe(Schema.withDecodingDefaultKey(Effect.succeed(true))),
  hoursPerDay: Schema.Number.check(Schema.isBetween({ minimum: 1, maximum: 24 })).pipe(
    Schema.withDecodingDefaultKey(Effect.succeed(7))
  )
}).check(
  Schema.makeFilter((indicator: { readonly aggregate: string; readonly field?: string }) => {
    const problem = indicatorFieldProblem(indicator)
    if (problem === undefined) return true
    const texts = indicatorFieldText(problem)
    return { path: ["field"], issue: localizedIssue(texts.en, { code: "rule", ...texts }) }
  })
)

/**
 * An indicator written in the document (see {@link AggregateIndicatorSchema}).
 *
 * @example
 * ```ts
 * import type { AggregateIndicator } from "caf-conventions"
 * const workshops: AggregateIndicator = {
 *   kind: "aggregate", aggregate: "count", filter: { activityKinds: ["action-collective"] },
 *   unit: { singular: "atelier", plural: "ateliers" }, eligibleOnly: true, hoursPerDay: 7
 * }
 * ```
 * @category objectives
 */
export type AggregateIndicator = Schema.Schema.Type<typeof AggregateIndicatorSchema>

/**
 * Schema of the indicators that measure records by themselves:
 * - `distinct-structures`: the number of different structures concerned by matching records
 *   (the founding case's "at least 3 structures a year"); with `eligibleOnly` (default `true`),
 *   only structures eligible under the convention count;
 * - `count-actions`: the number of matching records;
 * - `sum-days`: the days of matching records added up (a collective training of 3 days); a
 *   record given in hours counts `hours / hoursPerDay` days (7 by default: the legal 35-hour week
 *   over 5 days);
 * - `count-meetings`: the number of matching meetings (of the Sdaf, say);
 * - `aggregate`: any other figure, written in the document (see {@link AggregateIndicatorSchema}):
 *   a count of records, a count of distinct values (structures, families, people), or a sum of a
 *   measure (participants, families, hours, days), with its French unit.
 *
 * The four named kinds are shorthands for aggregates (see docs/objectives.md).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { BaseIndicatorSchema } from "caf-conventions"
 * const indicator = Schema.decodeUnknownSync(BaseIndicatorSchema)({
 *   kind: "distinct-structures",
 *   filter: { activityKinds: ["accompagnement-individuel"], situations: ["en-difficulte", "en-developpement"] }
 * })
 * indicator.kind //=> "distinct-structures"
 * ```
 * @category objectives
 */
export const BaseIndicatorSchema = Schema.Union([
  Schema.Struct({
    kind: Schema.Literal("distinct-structures"),
    filter: ActivityFilterSchema,
    eligibleOnly: Schema.Boolean.pipe(Schema.withDecodingDefaultKey(Effect.succeed(true)))
  }),
  Schema.Struct({ kind: Schema.Literal("count-actions"), filter: ActivityFilterSchema }),
  Schema.Struct({
    kind: Schema.Literal("sum-days"),
    filter: ActivityFilterSchema,
    hoursPerDay: Schema.Number.check(Schema.isBetween({ minimum: 1, maximum: 24 })).pipe(
      Schema.withDecodingDefaultKey(Effect.succeed(7))
    )
  }),
  Schema.Struct({ kind: Schema.Literal("count-meetings"), filter: ActivityFilterSchema }),
  AggregateIndicatorSchema
])

/**
 * An indicator that measures records by itself: a named kind or an aggregate (every indicator but
 * a share).
 *
 * @example
 * ```ts
 * import type { BaseIndicator } from "caf-conventions"
 * const meetings: BaseIndicator = { kind: "count-meetings", filter: { activityKinds: ["reunion-instance"] } }
 * ```
 * @category objectives
 */
export type BaseIndicator = Schema.Schema.Type<typeof BaseIndicatorSchema>

/**
 * Schema of a share: one indicator (`part`) over another (`whole`), for a target such as "at least
 * 60 % of the families supported live in a QPV" (`{ "atLeast": 0.6 }`). The share is exact (a
 * fraction), compared with the target without rounding, and shown to the nearest 0,1 %; a share
 * of a whole of zero is 0. Its target is a share between 0 and 1, never prorated in a partial year.
 * The part reads only the records the whole counts: a share is never more than its whole.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ShareIndicatorSchema } from "caf-conventions"
 * const unit = { singular: "famille", plural: "familles" }
 * const qpv = Schema.decodeUnknownSync(ShareIndicatorSchema)({
 *   kind: "share",
 *   part: { kind: "aggregate", aggregate: "sum", field: "familles-qpv", filter: { activityKinds: ["action-collective"] }, unit },
 *   whole: { kind: "aggregate", aggregate: "sum", field: "familles", filter: { activityKinds: ["action-collective"] }, unit }
 * })
 * qpv.kind //=> "share"
 * ```
 * @category objectives
 */
export const ShareIndicatorSchema = Schema.Struct({
  kind: Schema.Literal("share"),
  part: BaseIndicatorSchema,
  whole: BaseIndicatorSchema
})

/**
 * A share of one indicator in another (see {@link ShareIndicatorSchema}).
 *
 * @example
 * ```ts
 * import type { ShareIndicator } from "caf-conventions"
 * const inQpv = (share: ShareIndicator) => share.part
 * ```
 * @category objectives
 */
export type ShareIndicator = Schema.Schema.Type<typeof ShareIndicatorSchema>

/**
 * Schema of an indicator, the figure an objective is measured by: a named kind, an aggregate
 * written in the document, or a share of one in another (see {@link ShareIndicatorSchema}).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { IndicatorSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(IndicatorSchema)({ kind: "count-actions", filter: { activityKinds: ["action-collective"] } }).kind //=> "count-actions"
 * ```
 * @category objectives
 */
export const IndicatorSchema = Schema.Union([BaseIndicatorSchema, ShareIndicatorSchema])

/**
 * An indicator (see {@link IndicatorSchema}).
 *
 * @example
 * ```ts
 * import type { Indicator } from "caf-conventions"
 * const trainingDays: Indicator = { kind: "sum-days", filter: { activityKinds: ["action-collective"] }, hoursPerDay: 7 }
 * ```
 * @category objectives
 */
export type Indicator = Schema.Schema.Type<typeof IndicatorSchema>

/**
 * Schema of a yearly target: `{ "atLeast": 3 }`, `{ "atMost": 10 }`, or both for a range
 * (`atLeast` ≤ `atMost`). Values are counts or days, finite and ≥ 0.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { TargetSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(TargetSchema)({ atLeast: 3 }) //=> { atLeast: 3 }
 * ```
 * @category objectives
 */
export const TargetSchema = Schema.Struct({
  atLeast: Schema.optionalKey(NonNegative),
  atMost: Schema.optionalKey(NonNegative)
}).check(
  Schema.makeFilter((target: { readonly atLeast?: number; readonly atMost?: number }) => {
    if (target.atLeast === undefined && target.atMost === undefined)
      return localizedIssue(TARGET_WITHOUT_BOUND.en, { code: "rule", ...TARGET_WITHOUT_BOUND })
    if (target.atLeast !== undefined && target.atMost !== undefined && target.atLeast > target.atMost) {
      const texts = targetBoundsText(target.atMost, target.atLeast)
      return { path: ["atMost"], issue: localizedIssue(texts.en, { code: "rule", ...texts }) }
    }
    return true
  })
)

/**
 * A yearly target (see {@link TargetSchema}).
 *
 * @example
 * ```ts
 * import type { Target } from "caf-conventions"
 * const atLeastThree: Target = { atLeast: 3 }
 * ```
 * @category objectives
 */
export type Target = Schema.Schema.Type<typeof TargetSchema>

/**
 * Schema of what happens to a target in a partial first or last year. By default the target is
 * **prorated** by the share of the year the convention covers (days over 365 or 366) and rounded
 * **up** (`ceiling`) to a whole number, so that a commitment of 3 structures a year becomes 2 for
 * a convention starting on 1 July (3 × 184/366 = 1.51 → 2); `{ "prorate": false }` keeps the
 * full target. A target given for that very year (`targetsByYear`, or an amendment's target for
 * one year) is never prorated: the parties wrote it knowing the year was partial.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PartialYearRuleSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(PartialYearRuleSchema)({}) //=> { prorate: true, rounding: "ceiling" }
 * ```
 * @category objectives
 */
export const PartialYearRuleSchema = Schema.Struct({
  prorate: Schema.Boolean.pipe(Schema.withDecodingDefaultKey(Effect.succeed(true))),
  rounding: RoundingModeSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed("ceiling" as const)))
})

/**
 * Schema of an objective the partner commits to: an id, a French title, the indicator, the
 * target for every year, targets that differ for given years (`targetsByYear`, keyed by
 * `"2024"`…), and the partial-year rule.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ObjectiveSchema } from "caf-conventions"
 * const objective = Schema.decodeUnknownSync(ObjectiveSchema)({
 *   id: "sdaf", title: "Participer au Sdaf",
 *   indicator: { kind: "count-meetings", filter: { activityKinds: ["reunion-instance"], bodies: ["sdaf"] } },
 *   target: { atLeast: 1 }
 * })
 * objective.partialYear //=> { prorate: true, rounding: "ceiling" }
 * ```
 * @category objectives
 */
export const ObjectiveSchema = Schema.Struct({
  id: IdSchema,
  title: TextSchema,
  description: Schema.optionalKey(MultilineTextSchema),
  indicator: IndicatorSchema,
  target: TargetSchema,
  targetsByYear: Schema.optionalKey(Schema.Record(YearKeySchema, TargetSchema)),
  partialYear: PartialYearRuleSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed({})))
}).check(
  Schema.makeFilter(
    (objective: {
      readonly indicator: { readonly kind: string }
      readonly target: Target
      readonly targetsByYear?: Readonly<Record<string, Target>>
    }) => {
      if (objective.indicator.kind !== "share") return true
      // A share's target is a proportion: between 0 and 1.
      const targets: Array<[ReadonlyArray<string>, Target]> = [
        [["target"], objective.target],
        ...Object.entries(objective.targetsByYear ?? {}).map(([year, target]): [ReadonlyArray<string>, Target] => [
          ["targetsByYear", year],
          target
        ])
      ]
      const over = targets.find(([, target]) => (target.atLeast ?? 0) > 1 || (target.atMost ?? 0) > 1)
      return over === undefined
        ? true
        : { path: [...over[0]], issue: localizedIssue(SHARE_TARGET.en, { code: "rule", ...SHARE_TARGET }) }
    }
  )
)

/**
 * An objective of a convention (see {@link ObjectiveSchema}).
 *
 * @example
 * ```ts
 * import type { Objective } from "caf-conventions"
 * const hasTarget = (objective: Objective) => objective.target.atLeast !== undefined
 * ```
 * @category objectives
 */
export interface Objective extends Schema.Schema.Type<typeof ObjectiveSchema> {}

/**
 * The target of an objective for a year, before any partial-year proration: the year's own
 * target if `targetsByYear` has one, otherwise the every-year target. An objective without a
 * target, targets by year that are not an object of targets, or a year that is not a whole number
 * throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { targetForYear, type Objective } from "caf-conventions"
 * declare const objective: Objective // target { atLeast: 3 }, targetsByYear { "2025": { atLeast: 4 } }
 * targetForYear(objective, 2025) //=> { atLeast: 4 }
 * ```
 * @category objectives
 */
export function targetForYear(objective: Objective, year: number): Target {
  const issues: Array<{ readonly path: ReadonlyArray<string>; readonly message: string }> = []
  if (
    objective === null ||
    typeof objective !== "object" ||
    objective.target === null ||
    typeof objective.target !== "object"
  ) {
    issues.push({
      path: ["objective"],
      message: `expected an objective with a target, got ${describeValue(objective)}`
    })
  }
  const byYear: unknown = issues.length === 0 ? objective.targetsByYear : undefined
  // A year that is not a whole number has no key to look up (an object may not even become a text).
  const key = Number.isSafeInteger(year) ? String(year) : undefined
  const own = key !== undefined && isPlainObject(byYear) && Object.hasOwn(byYear, key) ? byYear[key] : undefined
  if (byYear !== undefined && !isPlainObject(byYear))
    issues.push({
      path: ["objective", "targetsByYear"],
      message: `expected targets keyed by year, got ${describeValue(byYear)}`
    })
  else if (own !== undefined && !isPlainObject(own))
    issues.push({
      path: ["objective", "targetsByYear", key as string],
      message: `expected a target, got ${describeValue(own)}`
    })
  if (!Number.isSafeInteger(year))
    issues.push({ path: ["year"], message: `expected a year, got ${describeValue(year)}` })
  if (issues.length > 0) throw ValidationError.of("target arguments", issues)
  return (own as Target | undefined) ?? objective.target
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)
