/**
 * The shape of a partner's *contrat d'engagement républicain* as a document gives it: its schema
 * and its type, apart from the wording and the legal sources of src/partners/republican-commitment.ts,
 * so that decoding a partner or a portfolio does not bundle the table of sources.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { CalendarDateSchema } from "../calendar/date.js"
import { TextSchema } from "../core/schemas.js"

/**
 * How a partner meets the obligation of loi n° 2000-321, art. 10-1: it subscribed the contract
 * (`souscription`, the common case, on the subsidy request form), or the obligation is deemed met
 * because it holds an agrément under art. 25-1 of the same law (`agrement`) or is recognised of
 * public utility (`reconnaissance-utilite-publique`).
 *
 * @example
 * ```ts
 * import type { RepublicanCommitmentBasis } from "caf-conventions"
 * const basis: RepublicanCommitmentBasis = "souscription"
 * ```
 * @category partners
 */
export type RepublicanCommitmentBasis = "souscription" | "agrement" | "reconnaissance-utilite-publique"

/**
 * Schema of a partner's republican commitment:
 * - `subscribedOn`: the day it subscribed the contract (for `basis` `agrement` or
 *   `reconnaissance-utilite-publique`, the day of the agrément or of the recognition, from which
 *   the obligation is deemed met);
 * - `request`: the subsidy request it was attached to (free text: the Cerfa n° 12156 file, its
 *   reference…);
 * - `basis`: how the obligation is met, `souscription` when absent.
 *
 * ```json
 * { "subscribedOn": "2022-11-14", "request": "Demande de subvention pluriannuelle 2023-2025 (Cerfa n° 12156)" }
 * ```
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { RepublicanCommitmentSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(RepublicanCommitmentSchema)({ subscribedOn: "2022-11-14" }).subscribedOn //=> "2022-11-14"
 * ```
 * @category partners
 */
export const RepublicanCommitmentSchema = Schema.Struct({
  subscribedOn: CalendarDateSchema,
  request: Schema.optionalKey(TextSchema),
  basis: Schema.optionalKey(Schema.Literals(["souscription", "agrement", "reconnaissance-utilite-publique"]))
})

/**
 * A partner's republican commitment (see {@link RepublicanCommitmentSchema}).
 *
 * @example
 * ```ts
 * import type { RepublicanCommitment } from "caf-conventions"
 * const subscribed = (commitment: RepublicanCommitment | undefined) => commitment !== undefined
 * ```
 * @category partners
 */
export interface RepublicanCommitment extends Schema.Schema.Type<typeof RepublicanCommitmentSchema> {}
