/**
 * The *contrat d'engagement républicain* (CER): what an association or a foundation asking an
 * administrative authority (a Caf among them) for a subsidy subscribes, and the day it is
 * required from.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import type { CalendarDate } from "../calendar/date.js"
import { makeCodec } from "../core/codec.js"
import type { LegalForm } from "../referential/codes.js"
import { citation } from "../vocabulary/sources.js"
import { commitmentText } from "../vocabulary/eligibility.js"
import { type RepublicanCommitment, RepublicanCommitmentSchema } from "./republican-commitment-schema.js"

export {
  type RepublicanCommitment,
  type RepublicanCommitmentBasis,
  RepublicanCommitmentSchema
} from "./republican-commitment-schema.js"

/**
 * The first day of a subsidy request for which the contract is required: 1 January 2022. The
 * décret n° 2021-1947 du 31 décembre 2021 (JORF n° 0001 du 1er janvier 2022) applies to the
 * requests presented from its entry into force; the government dates the scheme from 1 January
 * 2022 (see docs/eligibility.md, which records the sources and the secondary sources that give
 * 2 or 3 January).
 *
 * @example
 * ```ts
 * import { REPUBLICAN_COMMITMENT_FROM } from "caf-conventions"
 * REPUBLICAN_COMMITMENT_FROM //=> "2022-01-01"
 * ```
 * @category partners
 */
export const REPUBLICAN_COMMITMENT_FROM = "2022-01-01" as CalendarDate

/**
 * The legal source of the obligation and of the withdrawal for a breach.
 *
 * @example
 * ```ts
 * import { REPUBLICAN_COMMITMENT_SOURCE } from "caf-conventions"
 * REPUBLICAN_COMMITMENT_SOURCE.startsWith("loi n° 2000-321") //=> true
 * ```
 * @category partners
 */
export const REPUBLICAN_COMMITMENT_SOURCE: string = citation("republican-commitment")

/**
 * The legal forms the obligation binds: associations and foundations (loi n° 2000-321,
 * art. 10-1). The other forms of the referential (cooperatives, mutuals, ESUS companies, local
 * authorities, the Caf) are not bound.
 *
 * @example
 * ```ts
 * import { REPUBLICAN_COMMITMENT_LEGAL_FORMS } from "caf-conventions"
 * REPUBLICAN_COMMITMENT_LEGAL_FORMS.has("scic") //=> false
 * ```
 * @category partners
 */
export const REPUBLICAN_COMMITMENT_LEGAL_FORMS: ReadonlySet<LegalForm> = new Set(["association-loi-1901", "fondation"])

/**
 * The seven engagements of the contract, as the annex of décret n° 2021-1947 names them.
 *
 * @example
 * ```ts
 * import { REPUBLICAN_COMMITMENT_ENGAGEMENTS } from "caf-conventions"
 * REPUBLICAN_COMMITMENT_ENGAGEMENTS.length //=> 7
 * ```
 * @category partners
 */
export const REPUBLICAN_COMMITMENT_ENGAGEMENTS: ReadonlyArray<string> = [
  "Respect des lois de la République",
  "Liberté de conscience",
  "Liberté des membres de l'association",
  "Égalité et non-discrimination",
  "Fraternité et prévention de la violence",
  "Respect de la dignité de la personne humaine",
  "Respect des symboles de la République"
]

/**
 * How a partner's commitment meets the obligation of the contrat d'engagement républicain, as the
 * eligibility rule and the compliance finding write it: subscribed on a day, or deemed met since
 * that day by an approval or a recognition of public utility; with the request, when one is named.
 * Anything but a {@link RepublicanCommitment} throws a {@link ValidationError} with paths.
 *
 * @example
 * ```ts
 * import { republicanCommitmentText } from "caf-conventions"
 * republicanCommitmentText({ subscribedOn: "2022-11-14" } as never)
 * //=> "contrat d'engagement républicain souscrit le 14/11/2022"
 * ```
 * @category partners
 */
export function republicanCommitmentText(commitment: RepublicanCommitment): string {
  if (!isCommitment(commitment)) {
    const parsed = commitmentCodec.safeParse(commitment)
    if (!parsed.success) throw parsed.error
  }
  return commitmentText({
    subscribedOn: commitment.subscribedOn,
    basis: commitment.basis ?? "souscription",
    request: commitment.request
  })
}

const isCommitment = Schema.is(RepublicanCommitmentSchema)
const commitmentCodec = makeCodec(RepublicanCommitmentSchema, "republican commitment")
