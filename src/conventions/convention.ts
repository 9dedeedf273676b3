/**
 * The convention document: who signs, when, the terms of the signed text, the amendments since,
 * and an early termination if any.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { makeCodec } from "../core/codec.js"
import { filterIssues } from "../core/issues.js"
import { conventionIssues } from "./consistency.js"
import { ConventionFields } from "./fields.js"
import { decodedConventions } from "../core/registry.js"

export { LAST_CONVENTION_DAY } from "./consistency.js"

/**
 * Schema of a convention as written in JSON. Besides each field's own checks, the document must
 * hold together: the partner is not the funder; the notification follows the signature;
 * per-year amounts and per-year targets fall inside the period; objective ids are unique;
 * amendments are numbered once each, take effect inside the period, name objectives that exist,
 * change amounts in the way the convention states them, and never change the same term on the
 * same date twice; a termination falls inside the period of a signed convention. Each broken
 * rule is reported with its path.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ConventionSchema } from "caf-conventions"
 * const decode = Schema.decodeUnknownSync(ConventionSchema)
 * ```
 * @category conventions
 */
export const ConventionSchema = ConventionFields.check(
  Schema.makeFilter((convention: Schema.Schema.Type<typeof ConventionFields>) => {
    const issues = conventionIssues(convention)
    return issues.length === 0 ? true : filterIssues(issues)
  })
)

/**
 * A partnership convention between a funder (the Caf) and a partner:
 * - `id`, `title`, `kind` (see {@link ConventionKind}), `funderId`, `partnerId`;
 * - `signatureDate` (absent while a draft), `notificationDate` (when the partner was notified
 *   of the decision);
 * - `predecessorId`: the convention it follows (see {@link lineage});
 * - `decisionReference`: the reference of the act that decided the award (the commission's
 *   deliberation, say), and `aidScheme`: the identifier of the aid scheme (*dispositif d'aide*)
 *   the convention names; both optional, published as `referenceDecision` and `dispositifAide`
 *   of the open-data table (see {@link toScdlCsv});
 * - `terms`: what the signed text says (see {@link Terms}); `amendments`: the *avenants* since
 *   (see {@link termsAsOf}); `termination`: an early end, if any; `note`: free text;
 * - `budgets`: the forecast budgets, by year and by action (see {@link Budget} and {@link checkBudgets}).
 *
 * Its status on a day (draft, signed, in force, ended, terminated) is derived by
 * {@link conventionStatus}, never stored.
 *
 * @example
 * ```ts
 * import { parseConvention, type Convention } from "caf-conventions"
 * declare const json: unknown
 * const convention: Convention = parseConvention(json)
 * ```
 * @category conventions
 */
export interface Convention extends Schema.Schema.Type<typeof ConventionSchema> {}

/**
 * A convention as written in JSON (what {@link encodeConvention} returns): amounts as strings,
 * dates as `yyyy-MM-dd`, every default written out.
 *
 * @example
 * ```ts
 * import { encodeConvention, type Convention, type ConventionJson } from "caf-conventions"
 * declare const convention: Convention
 * const json: ConventionJson = encodeConvention(convention)
 * ```
 * @category conventions
 */
export interface ConventionJson extends Schema.Codec.Encoded<typeof ConventionSchema> {}

const conventionCodec = makeCodec<Convention, ConventionJson>(ConventionSchema, "convention", {
  registry: decodedConventions
})

/**
 * Reads a convention from JSON, or throws a {@link ValidationError} listing **every** problem
 * with its JSON path (unknown codes with the valid ones, impossible dates, an end before the
 * start, amounts with 3 decimals or negative, missing fields, unknown fields, a year outside the
 * period, contradictory amendments…).
 *
 * @example
 * ```ts
 * import { parseConvention } from "caf-conventions"
 * const convention = parseConvention({
 *   id: "cpo-2023-2025", title: "CPO 2023-2025", kind: "convention-pluriannuelle-objectifs",
 *   funderId: "caf-91", partnerId: "fase", signatureDate: "2023-03-01",
 *   terms: {
 *     period: { start: "2023-01-01", end: "2025-12-31" }, territory: ["91"],
 *     sectors: ["jeunesse"], accompanimentKinds: ["individuel"],
 *     amounts: { kind: "constant", yearlyAmount: "30000" }, clauses: ["objet", "montant"]
 *   }
 * })
 * convention.terms.payment.advanceRate //=> "0.5"
 * ```
 * @category conventions
 */
export const parseConvention = conventionCodec.parse

/**
 * Like {@link parseConvention}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseConvention } from "caf-conventions"
 * const result = safeParseConvention({ id: "x" })
 * result.success //=> false
 * ```
 * @category conventions
 */
export const safeParseConvention = conventionCodec.safeParse

/**
 * Reads a convention as an `Effect` failing with a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { decodeConvention } from "caf-conventions"
 * declare const json: unknown
 * const program = decodeConvention(json).pipe(Effect.map((convention) => convention.title))
 * ```
 * @category conventions
 */
export const decodeConvention = conventionCodec.decode

/**
 * Writes a convention back to JSON; {@link parseConvention} reads it back to an equal convention.
 *
 * @example
 * ```ts
 * import { encodeConvention, parseConvention } from "caf-conventions"
 * declare const json: unknown
 * const again = parseConvention(encodeConvention(parseConvention(json))) // equal to the first
 * ```
 * @category conventions
 */
export const encodeConvention = conventionCodec.encode
