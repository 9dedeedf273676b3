/**
 * The fields of a convention document, before the checks that relate them to each other.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
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

/**
 * Schema of the withdrawal of the subsidy (*retrait*) for a breach of the *contrat d'engagement
 * républicain* (loi n° 2000-321, art. 10-1; décret n° 2021-1947, art. 4):
 * - `decidedOn`: the day of the motivated decision, taken after the partner could present its
 *   observations; the withdrawal counts in computations made from that day;
 * - `effectiveFrom`: the day of the breach (*date du manquement*): the subsidy is withdrawn for
 *   the part of the period still to run from that day (this day included), so the funded period
 *   ends the day before; it is on or before the decision, and after the period's first day;
 * - `reason`: the breach, in French; `notifiedOn`: the day the partner was notified, if known;
 * - `repaymentDueDate`: the day the decision sets for repaying the sums paid for the withdrawn
 *   period; at most six months after the decision, which is the default.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { WithdrawalSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(WithdrawalSchema)({ decidedOn: "2025-06-15", effectiveFrom: "2025-06-15", reason: "Manquement à l'engagement n° 5" }).effectiveFrom
 * //=> "2025-06-15"
 * ```
 * @category conventions
 */
export const WithdrawalSchema = Schema.Struct({
  decidedOn: CalendarDateSchema,
  effectiveFrom: CalendarDateSchema,
  reason: MultilineTextSchema,
  notifiedOn: Schema.optionalKey(CalendarDateSchema),
  repaymentDueDate: Schema.optionalKey(CalendarDateSchema)
})

/**
 * The withdrawal of a subsidy (see {@link WithdrawalSchema}).
 *
 * @example
 * ```ts
 * import type { Withdrawal } from "caf-conventions"
 * const label = (withdrawal: Withdrawal) => `Retrait décidé le ${withdrawal.decidedOn}`
 * ```
 * @category conventions
 */
export interface Withdrawal extends Schema.Schema.Type<typeof WithdrawalSchema> {}

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
  withdrawal: Schema.optionalKey(WithdrawalSchema),
  note: Schema.optionalKey(MultilineTextSchema),
  budgets: Schema.optionalKey(Schema.Array(BudgetSchema))
})
