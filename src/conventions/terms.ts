/**
 * The terms of a convention: what its signed text says and what an amendment can change.
 * Every figure that varies from one Caf to another is a field here, with the common value as
 * its default (see docs/conventions.md for each default and its source).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { localizedIssue } from "../core/issues.js"
import { YearKeySchema, jsonSchemaHint, uniqueList } from "../core/schemas.js"
import { DepartementSchema } from "../identifiers/identifiers.js"
import { PeriodSchema } from "../calendar/period.js"
import { NonNegativeEurosFromString, RatioSchema, RoundingModeSchema } from "../money/schema.js"
import { AccompanimentKindSchema, FundingSchemeSchema, SectorSchema } from "../referential/codes.js"
import { ClauseSchema, ExpenseCategorySchema } from "../referential/convention-codes.js"
import { ObjectiveSchema } from "./objective.js"
import { type MonthDayProblem, monthDayText } from "../vocabulary/consistency.js"
import { type PaymentTermsShape, paymentTermsProblem } from "./payment-terms-check.js"

/** Why a month and a day written `MM` and `DD` are not a day of every year, or undefined when they are. */
function monthDayProblem(month: string, day: string): MonthDayProblem | undefined {
  const last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(month) - 1]
  if (last === undefined) return { problem: "month", month }
  if (Number(day) === 29 && Number(month) === 2) return { problem: "february-29" }
  if (Number(day) < 1) return { problem: "day", day }
  if (Number(day) > last) return { problem: "days", month, days: last }
  return undefined
}

/**
 * Schema of a day of the year written `MM-DD` (`"03-31"`), for due dates that recur every year.
 * `02-29` is refused: a yearly due date must exist every year.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { MonthDaySchema } from "caf-conventions"
 * Schema.decodeUnknownSync(MonthDaySchema)("03-31") //=> "03-31"
 * ```
 * @category conventions
 */
export const MonthDaySchema = Schema.String.check(
  Schema.makeFilter(
    (text: string) => {
      const match = /^(\d{2})-(\d{2})$/.exec(text)
      const problem =
        match === null ? { problem: "form" as const } : monthDayProblem(match[1] as string, match[2] as string)
      if (problem === undefined) return true
      const texts = monthDayText(text, problem)
      return localizedIssue(texts.en, { code: "date", ...texts })
    },
    jsonSchemaHint("A day of the year written MM-DD", { pattern: "^[0-9]{2}-[0-9]{2}$" })
  )
)

/**
 * Schema of the amounts a convention grants: either the same amount each year
 * (`{ "kind": "constant", "yearlyAmount": "30000" }`), prorated by days in a partial first or
 * last year, or explicit amounts per year (`{ "kind": "per-year", "byYear": { "2023": "30000" } }`),
 * taken as they are. `totalAmount`, when the text states one, is checked against the years.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { AmountsSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(AmountsSchema)({ kind: "constant", yearlyAmount: "30000" }).kind //=> "constant"
 * ```
 * @category conventions
 */
export const AmountsSchema = Schema.Union([
  Schema.Struct({
    kind: Schema.Literal("constant"),
    yearlyAmount: NonNegativeEurosFromString,
    totalAmount: Schema.optionalKey(NonNegativeEurosFromString)
  }),
  Schema.Struct({
    kind: Schema.Literal("per-year"),
    byYear: Schema.Record(YearKeySchema, NonNegativeEurosFromString),
    totalAmount: Schema.optionalKey(NonNegativeEurosFromString)
  })
])

/**
 * The amounts a convention grants (see {@link AmountsSchema}).
 *
 * @example
 * ```ts
 * import { Euros, type Amounts } from "caf-conventions"
 * const amounts: Amounts = { kind: "constant", yearlyAmount: Euros.parse("30000") }
 * ```
 * @category conventions
 */
export type Amounts = Schema.Schema.Type<typeof AmountsSchema>

/**
 * Schema of a further instalment paid between the advance and the balance: its share of the
 * year's amount and its due day in the year.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { InstalmentTermSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(InstalmentTermSchema)({ share: "0.35", due: "07-31" }).share //=> "0.35"
 * ```
 * @category conventions
 */
export const InstalmentTermSchema = Schema.Struct({ share: RatioSchema, due: MonthDaySchema })

/**
 * Schema of the payment terms, every field optional with a default:
 * - `advanceRate` `"0.5"` and `advanceDue` `"03-31"`: an advance (*avance*, *acompte*) of half
 *   the year's amount, paid before 31 March of the year, or on the notification date when that is
 *   later: the figures of the circulaire du 24 décembre 2002 relative aux subventions de l'État aux
 *   associations, recalled by the circulaire n° 5193/SG du 16 janvier 2007 (both abrogated by the
 *   circulaire n° 5811/SG du 29 septembre 2015, which leaves the terms to the convention); some
 *   Caf pay 70 %, or two advances of 35 %;
 * - `instalments` `[]`: further instalments, each a share and a due day;
 * - `balanceTrigger` `"reports-accepted"`: the balance (*solde*), whatever remains, is paid once
 *   the year's reports are accepted; `"fixed-date"` pays it on `balanceDue` of the next year
 *   (`"05-31"`, as the Caf de la Charente does);
 * - `paymentDeadlineDays` `60`: days to pay once an instalment is payable. Loi n° 2000-321,
 *   art. 10, as amended by loi n° 2021-875 du 1er juillet 2021 (art. 2), has a subsidy paid
 *   within 60 days of the notification of the decision, unless the convention sets other dates
 *   or an event; the library counts the days from the day an instalment becomes payable: the
 *   convention's date, or the notification (`notificationDate`) when that is later;
 * - `rounding` `"half-up"`: how instalments are rounded to the cent (they always sum to the year).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PaymentTermsSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(PaymentTermsSchema)({}).advanceRate //=> "0.5"
 * ```
 * @category conventions
 */
export const PaymentTermsSchema = Schema.Struct({
  advanceRate: RatioSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed("0.5"))),
  advanceDue: MonthDaySchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed("03-31"))),
  instalments: Schema.Array(InstalmentTermSchema).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  balanceTrigger: Schema.Literals(["reports-accepted", "fixed-date"]).pipe(
    Schema.withDecodingDefaultKey(Effect.succeed("reports-accepted" as const))
  ),
  balanceDue: Schema.optionalKey(MonthDaySchema),
  paymentDeadlineDays: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 366 })).pipe(
    Schema.withDecodingDefaultKey(Effect.succeed(60))
  ),
  rounding: RoundingModeSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed("half-up" as const)))
}).check(
  Schema.makeFilter((terms: PaymentTermsShape) => {
    const problem = paymentTermsProblem(terms)
    return problem === undefined
      ? true
      : { path: [problem.field], issue: localizedIssue(problem.texts.en, { code: "rule", ...problem.texts }) }
  })
)

/**
 * The payment terms (see {@link PaymentTermsSchema}).
 *
 * @example
 * ```ts
 * import type { PaymentTerms } from "caf-conventions"
 * const advance = (terms: PaymentTerms) => terms.advanceRate //=> "0.5" by default
 * ```
 * @category conventions
 */
export type PaymentTerms = Schema.Schema.Type<typeof PaymentTermsSchema>

/**
 * Schema of the reporting terms: the financial report (*compte rendu financier*, Cerfa n° 15059)
 * is due within `financialReportMonths` months after the end of each funded year, 6 by default:
 * the law's deadline (loi n° 2000-321, art. 10: *dans les six mois suivant la fin de l'exercice
 * pour lequel elle a été attribuée*). The activity report (*bilan d'activité*) has no legal
 * deadline: `activityReportMonths` is the convention's own term, 6 by default so that both
 * reports come together. `varianceTolerance`, when the
 * convention sets one (`"0.15"`), is the variance between forecast and actual on a line of the
 * financial report beyond which the partner must explain it (see {@link compareFinancialReport});
 * none by default: the variances are then shown, none is required to be explained.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ReportingTermsSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ReportingTermsSchema)({}) //=> { activityReportMonths: 6, financialReportMonths: 6 }
 * ```
 * @category conventions
 */
export const ReportingTermsSchema = Schema.Struct({
  activityReportMonths: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 24 })).pipe(
    Schema.withDecodingDefaultKey(Effect.succeed(6))
  ),
  financialReportMonths: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 24 })).pipe(
    Schema.withDecodingDefaultKey(Effect.succeed(6))
  ),
  varianceTolerance: Schema.optionalKey(RatioSchema)
})

/**
 * Schema of the conditions of use of the money (*conditions d'utilisation*) that the evaluation of
 * expenses applies: categories of expense the convention does not fund (default none), and
 * whether each expense needs a supporting document reference (default yes: a Caf controls on
 * supporting documents).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ExpenseTermsSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ExpenseTermsSchema)({}) //=> { excludedCategories: [], requireSupportingDocument: true }
 * ```
 * @category conventions
 */
export const ExpenseTermsSchema = Schema.Struct({
  excludedCategories: uniqueList(ExpenseCategorySchema).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  requireSupportingDocument: Schema.Boolean.pipe(Schema.withDecodingDefaultKey(Effect.succeed(true)))
})

/**
 * Schema of the clause on unspent money (see circulaire of 2015, annex 1):
 * - `{ "rule": "repay" }` (default): the unspent part is repaid (*reversement*);
 * - `{ "rule": "keep", "capRate": "0.1" }`: the partner keeps a reasonable surplus, up to a share
 *   of the year's amount (`capRate`) or a fixed amount (`capAmount`), and repays the rest;
 * - `{ "rule": "offset" }`: the unspent part is deducted from the next year's balance.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { UnspentClauseSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(UnspentClauseSchema)({ rule: "keep", capRate: "0.1" }).rule //=> "keep"
 * ```
 * @category conventions
 */
export const UnspentClauseSchema = Schema.Union([
  Schema.Struct({ rule: Schema.Literal("repay") }),
  Schema.Struct({
    rule: Schema.Literal("keep"),
    capRate: Schema.optionalKey(RatioSchema),
    capAmount: Schema.optionalKey(NonNegativeEurosFromString)
  }),
  Schema.Struct({ rule: Schema.Literal("offset") })
])

/**
 * Schema of the clause on missed objectives (modulation):
 * - `{ "rule": "none" }` (default): a missed objective does not change the amount;
 * - `{ "rule": "proportional", "tolerance": "0.1" }`: the year's amount is reduced in proportion
 *   to the shortfall on each missed objective, beyond a tolerance (a share of the target);
 * - `{ "rule": "fixed-reduction", "ratePerMissedObjective": "0.1" }`: each missed objective takes
 *   a fixed share off the year's amount.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ModulationClauseSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ModulationClauseSchema)({ rule: "none" }).rule //=> "none"
 * ```
 * @category conventions
 */
export const ModulationClauseSchema = Schema.Union([
  Schema.Struct({ rule: Schema.Literal("none") }),
  Schema.Struct({
    rule: Schema.Literal("proportional"),
    tolerance: RatioSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed("0")))
  }),
  Schema.Struct({ rule: Schema.Literal("fixed-reduction"), ratePerMissedObjective: RatioSchema })
])

/**
 * Schema of a convention's terms: everything its signed text fixes and an amendment may change.
 * - `period`: first and last day; `territory`: départements; `sectors` and `accompanimentKinds`
 *   covered (at least one of each);
 * - `fundingScheme`: where the money comes from (default the Caf's own *action sociale* funds)
 *   and `excludedSchemes`: schemes that must not fund the same action (the founding convention
 *   excludes FPT);
 * - `amounts` (absent when the amount is not recorded, as for old conventions), `payment`,
 *   `reporting`, `expenses` (conditions of use), `objectives`, `unspent`, `modulation`;
 * - `clauses`: the clauses present in the signed text (see {@link Clause}).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { TermsSchema } from "caf-conventions"
 * const terms = Schema.decodeUnknownSync(TermsSchema)({
 *   period: { start: "2023-01-01", end: "2025-12-31" }, territory: ["91"],
 *   sectors: ["jeunesse"], accompanimentKinds: ["individuel"],
 *   amounts: { kind: "constant", yearlyAmount: "30000" }, clauses: ["objet", "montant"]
 * })
 * terms.payment.advanceRate //=> "0.5"
 * ```
 * @category conventions
 */
export const TermsSchema = Schema.Struct({
  period: PeriodSchema,
  territory: uniqueList(DepartementSchema, { nonEmpty: true }),
  sectors: uniqueList(SectorSchema, { nonEmpty: true }),
  accompanimentKinds: uniqueList(AccompanimentKindSchema, { nonEmpty: true }),
  fundingScheme: FundingSchemeSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed("action-sociale-caf" as const))),
  excludedSchemes: uniqueList(FundingSchemeSchema).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  amounts: Schema.optionalKey(AmountsSchema),
  payment: PaymentTermsSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed({}))),
  reporting: ReportingTermsSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed({}))),
  expenses: ExpenseTermsSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed({}))),
  objectives: Schema.Array(ObjectiveSchema).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  unspent: UnspentClauseSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed({ rule: "repay" as const }))),
  modulation: ModulationClauseSchema.pipe(Schema.withDecodingDefaultKey(Effect.succeed({ rule: "none" as const }))),
  clauses: uniqueList(ClauseSchema)
})

/**
 * The terms of a convention on a given day (see {@link TermsSchema} and {@link termsAsOf}).
 *
 * @example
 * ```ts
 * import type { Terms } from "caf-conventions"
 * const coversYouth = (terms: Terms) => terms.sectors.includes("jeunesse")
 * ```
 * @category conventions
 */
export interface Terms extends Schema.Schema.Type<typeof TermsSchema> {}
