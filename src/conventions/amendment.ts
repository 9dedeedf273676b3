/**
 * Amendments (*avenants*): typed changes to a convention's terms from a given date.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { CalendarDateSchema } from "../calendar/date.js"
import { localizedIssue } from "../core/issues.js"
import { IdSchema, MultilineTextSchema, jsonSchemaHint, uniqueList } from "../core/schemas.js"
import { NonNegativeEurosFromString, RatioSchema } from "../money/schema.js"
import { AccompanimentKindSchema, SectorSchema } from "../referential/codes.js"
import { ObjectiveSchema, TargetSchema } from "./objective.js"
import { type AmendedTerm, NO_CHANGE } from "../vocabulary/consistency.js"
import { EMPTY_LIST } from "../vocabulary/validation.js"
import { InstalmentTermSchema, MonthDaySchema } from "./terms.js"

const Year = Schema.Int.check(Schema.isBetween({ minimum: 1000, maximum: 9999 }))

/**
 * Schema of one change an amendment makes, from its effective date:
 * - `yearly-amount`: a new constant yearly amount (the year it takes effect is split by days);
 * - `year-amount`: a new amount for one year (conventions with per-year amounts);
 * - `period-end`: the period extended or shortened to a new last day;
 * - `sectors-added`, `sectors-removed`, `accompaniment-kinds-added`, `accompaniment-kinds-removed`;
 * - `target`: an objective's target changed, for every year or (with `year`) for one year;
 * - `objectives-added`: objectives the partner commits to from the effective date, written as the
 *   convention's own (`id`, `title`, `indicator`, `target`…), their ids unused by the convention and
 *   by every amendment; in the year of the effective date an added objective is judged on the days
 *   from that date, its target prorated by those days as its `partialYear` rule says (see
 *   docs/objectives.md);
 * - `objectives-removed`: ids of objectives (of the signed text or added by an earlier amendment)
 *   dropped from the effective date: such an objective is no longer evaluated from that date's year;
 * - `payment-terms`: some of the payment terms changed (`advanceRate`, `advanceDue`,
 *   `instalments`, `balanceTrigger`, `balanceDue`, `paymentDeadlineDays`; the rounding mode is
 *   fixed by the signed text). A year is paid on the payment terms in force on its first day, so
 *   such a change applies from the first year that starts on or after its effective date.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ChangeSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ChangeSchema)({ kind: "yearly-amount", yearlyAmount: "36000" }).kind //=> "yearly-amount"
 * ```
 * @category conventions
 */
export const ChangeSchema = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("yearly-amount"), yearlyAmount: NonNegativeEurosFromString }),
  Schema.Struct({ kind: Schema.Literal("year-amount"), year: Year, amount: NonNegativeEurosFromString }),
  Schema.Struct({ kind: Schema.Literal("period-end"), end: CalendarDateSchema }),
  Schema.Struct({ kind: Schema.Literal("sectors-added"), sectors: uniqueList(SectorSchema, { nonEmpty: true }) }),
  Schema.Struct({ kind: Schema.Literal("sectors-removed"), sectors: uniqueList(SectorSchema, { nonEmpty: true }) }),
  Schema.Struct({
    kind: Schema.Literal("accompaniment-kinds-added"),
    accompanimentKinds: uniqueList(AccompanimentKindSchema, { nonEmpty: true })
  }),
  Schema.Struct({
    kind: Schema.Literal("accompaniment-kinds-removed"),
    accompanimentKinds: uniqueList(AccompanimentKindSchema, { nonEmpty: true })
  }),
  Schema.Struct({
    kind: Schema.Literal("target"),
    objectiveId: IdSchema,
    year: Schema.optionalKey(Year),
    target: TargetSchema
  }),
  Schema.Struct({
    kind: Schema.Literal("objectives-added"),
    objectives: Schema.Array(ObjectiveSchema).check(
      Schema.makeFilter(
        (objectives: ReadonlyArray<unknown>) =>
          objectives.length > 0 || localizedIssue(EMPTY_LIST.en, { code: "list", ...EMPTY_LIST }),
        jsonSchemaHint("A non-empty list of objectives, their ids unused by the convention and its amendments", {
          minItems: 1
        })
      )
    )
  }),
  Schema.Struct({
    kind: Schema.Literal("objectives-removed"),
    objectiveIds: uniqueList(IdSchema, { nonEmpty: true })
  }),
  Schema.Struct({
    kind: Schema.Literal("payment-terms"),
    advanceRate: Schema.optionalKey(RatioSchema),
    advanceDue: Schema.optionalKey(MonthDaySchema),
    instalments: Schema.optionalKey(Schema.Array(InstalmentTermSchema)),
    balanceTrigger: Schema.optionalKey(Schema.Literals(["reports-accepted", "fixed-date"])),
    balanceDue: Schema.optionalKey(MonthDaySchema),
    paymentDeadlineDays: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 366 })))
  })
])

/** The payment terms a `payment-terms` change may set. */
const AMENDABLE_PAYMENT_TERMS = [
  "advanceRate",
  "advanceDue",
  "instalments",
  "balanceTrigger",
  "balanceDue",
  "paymentDeadlineDays"
] as const

/**
 * One change of an amendment (see {@link ChangeSchema}).
 *
 * @example
 * ```ts
 * import { Euros, type Change } from "caf-conventions"
 * const raise: Change = { kind: "yearly-amount", yearlyAmount: Euros.parse("36000") }
 * ```
 * @category conventions
 */
export type Change = Schema.Schema.Type<typeof ChangeSchema>

/**
 * Schema of an amendment (*avenant*): its number (1, 2…), the day it was signed, the day its
 * changes take effect, the reason, and the changes.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { AmendmentSchema } from "caf-conventions"
 * const amendment = Schema.decodeUnknownSync(AmendmentSchema)({
 *   number: 1, signatureDate: "2024-06-15", effectiveDate: "2024-07-01",
 *   reason: "Extension de l'accompagnement", changes: [{ kind: "yearly-amount", yearlyAmount: "36000" }]
 * })
 * amendment.changes.length //=> 1
 * ```
 * @category conventions
 */
export const AmendmentSchema = Schema.Struct({
  number: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  signatureDate: CalendarDateSchema,
  effectiveDate: CalendarDateSchema,
  reason: MultilineTextSchema,
  changes: Schema.Array(ChangeSchema).check(
    Schema.makeFilter(
      (changes: ReadonlyArray<unknown>) =>
        changes.length > 0 || localizedIssue(NO_CHANGE.en, { code: "list", ...NO_CHANGE })
    )
  )
})

/**
 * An amendment (see {@link AmendmentSchema}).
 *
 * @example
 * ```ts
 * import type { Amendment } from "caf-conventions"
 * const label = (amendment: Amendment) => `Avenant n° ${amendment.number} du ${amendment.signatureDate}`
 * ```
 * @category conventions
 */
export interface Amendment extends Schema.Schema.Type<typeof AmendmentSchema> {}

/**
 * The terms a change touches, as typed values (worded by the vocabulary): two amendments that
 * change the same term on the same date contradict each other.
 *
 * @internal
 */
export function changedTerms(change: Change): ReadonlyArray<AmendedTerm> {
  switch (change.kind) {
    case "yearly-amount":
      return [{ term: "yearly-amount" }]
    case "year-amount":
      return [{ term: "year-amount", year: change.year }]
    case "period-end":
      return [{ term: "period-end" }]
    case "sectors-added":
    case "sectors-removed":
      return change.sectors.map((sector) => ({ term: "sector", sector }))
    case "accompaniment-kinds-added":
    case "accompaniment-kinds-removed":
      return change.accompanimentKinds.map((kind) => ({ term: "accompaniment-kind", kind }))
    case "objectives-added":
      return change.objectives.map((objective) => ({ term: "objective", id: objective.id }))
    case "objectives-removed":
      return change.objectiveIds.map((id) => ({ term: "objective", id }))
    case "target":
      return [
        change.year === undefined
          ? { term: "target", objectiveId: change.objectiveId }
          : { term: "target", objectiveId: change.objectiveId, year: change.year }
      ]
    case "payment-terms":
      return AMENDABLE_PAYMENT_TERMS.filter((key) => change[key] !== undefined).map((key) => ({
        term: "payment-term",
        key
      }))
  }
}
