/**
 * The shape of a convention's objectives: what is counted (the indicator), and what is expected
 * each year (the target). Evaluating them against activity records is the objectives module's work.
 *
 * @module
 */
import { Effect, Schema } from "effect"
import { describeValue } from "../core/describe.js"
import { ValidationError } from "../core/errors.js"
import { IdSchema, TextSchema, YearKeySchema, uniqueList } from "../core/schemas.js"
import { RoundingModeSchema } from "../money/schema.js"
import { PartnershipBodySchema, SectorSchema, SituationSchema } from "../referential/codes.js"
import { ActivityKindSchema } from "../referential/convention-codes.js"

const NonNegative = Schema.Number.check(
  Schema.makeFilter((n: number) => (Number.isFinite(n) && n >= 0) || "expected a finite number ≥ 0")
)

/**
 * Schema of the filter an indicator applies to activity records: only records of these kinds,
 * in these sectors, concerning structures in these situations, for these partnership bodies,
 * on these themes. An omitted list does not filter.
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
 * Schema of an indicator, the figure an objective is measured by:
 * - `distinct-structures`: the number of different structures concerned by matching records
 *   (the founding case's "at least 3 structures a year"); with `eligibleOnly` (default `true`),
 *   only structures eligible under the convention count;
 * - `count-actions`: the number of matching records;
 * - `sum-days`: the days of matching records added up (a collective training of 3 days); a
 *   record given in hours counts `hours / hoursPerDay` days (7 by default: the legal 35-hour week
 *   over 5 days);
 * - `count-meetings`: the number of matching meetings (of the Sdaf, say).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { IndicatorSchema } from "caf-conventions"
 * const indicator = Schema.decodeUnknownSync(IndicatorSchema)({
 *   kind: "distinct-structures",
 *   filter: { activityKinds: ["accompagnement-individuel"], situations: ["en-difficulte", "en-developpement"] }
 * })
 * indicator.kind //=> "distinct-structures"
 * ```
 * @category objectives
 */
export const IndicatorSchema = Schema.Union([
  Schema.Struct({
    kind: Schema.Literal("distinct-structures"),
    filter: ActivityFilterSchema,
    eligibleOnly: Schema.Boolean.pipe(Schema.withDecodingDefaultKey(Effect.succeed(true)))
  }),
  Schema.Struct({ kind: Schema.Literal("count-actions"), filter: ActivityFilterSchema }),
  Schema.Struct({
    kind: Schema.Literal("sum-days"),
    filter: ActivityFilterSchema,
    hoursPerDay: Schema.Number.check(Schema.isBetween({ minimum: 1, maximum: 24 })).pipe(Schema.withDecodingDefaultKey(Effect.succeed(7)))
  }),
  Schema.Struct({ kind: Schema.Literal("count-meetings"), filter: ActivityFilterSchema })
])

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
    if (target.atLeast === undefined && target.atMost === undefined) return "a target needs atLeast, atMost, or both"
    if (target.atLeast !== undefined && target.atMost !== undefined && target.atLeast > target.atMost) {
      return { path: ["atMost"], issue: `atMost (${target.atMost}) is below atLeast (${target.atLeast})` }
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
  description: Schema.optionalKey(TextSchema),
  indicator: IndicatorSchema,
  target: TargetSchema,
  targetsByYear: Schema.optionalKey(Schema.Record(YearKeySchema, TargetSchema)),
  partialYear: PartialYearRuleSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed({})))
})

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
 * target or a year that is not a whole number throws a {@link ValidationError}.
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
  if (objective === null || typeof objective !== "object" || objective.target === null || typeof objective.target !== "object") {
    issues.push({ path: ["objective"], message: `expected an objective with a target, got ${describeValue(objective)}` })
  }
  if (!Number.isSafeInteger(year)) issues.push({ path: ["year"], message: `expected a year, got ${describeValue(year)}` })
  if (issues.length > 0) throw ValidationError.of("target arguments", issues)
  return objective.targetsByYear?.[String(year)] ?? objective.target
}
