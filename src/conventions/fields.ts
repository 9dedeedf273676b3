/**
 * The fields of a convention document, before the checks that relate them to each other.
 *
 * @module
 */
import { Effect, Schema } from "effect"
import { CalendarDateSchema } from "../calendar/date.js"
import { IdSchema, MultilineTextSchema, TextSchema } from "../core/schemas.js"
import { ConventionKindSchema, TerminationRequesterSchema } from "../referential/convention-codes.js"
import { BudgetSchema } from "../budget/budget.js"
import { AmendmentSchema } from "./amendment.js"
import { TermsSchema } from "./terms.js"

/**
 * Schema of an early termination (*résiliation*): the last day the convention applies, the
 * reason, who asked for it, and the day it was decided (`decidedOn`; when absent, the
 * termination is taken as known from its date). It cuts the period short for every computation
 * made on or after the day it was decided: an instalment due earlier keeps its amount.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { TerminationSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(TerminationSchema)({ date: "2024-09-30", reason: "Dissolution de l'association", requestedBy: "partenaire" }).date
 * //=> "2024-09-30"
 * ```
 * @category conventions
 */
export const TerminationSchema = Schema.Struct({
  date: CalendarDateSchema,
  reason: MultilineTextSchema,
  requestedBy: TerminationRequesterSchema,
  decidedOn: Schema.optionalKey(CalendarDateSchema)
})

/** @internal The convention's fields, before the checks that relate them. */
export const ConventionFields = Schema.Struct({
  id: IdSchema,
  title: TextSchema,
  kind: ConventionKindSchema,
  funderId: IdSchema,
  partnerId: IdSchema,
  signatureDate: Schema.optionalKey(CalendarDateSchema),
  notificationDate: Schema.optionalKey(CalendarDateSchema),
  predecessorId: Schema.optionalKey(IdSchema),
  decisionReference: Schema.optionalKey(TextSchema),
  aidScheme: Schema.optionalKey(TextSchema),
  terms: TermsSchema,
  amendments: Schema.Array(AmendmentSchema).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  termination: Schema.optionalKey(TerminationSchema),
  note: Schema.optionalKey(MultilineTextSchema),
  budgets: Schema.optionalKey(Schema.Array(BudgetSchema))
})

