/**
 * Partners: the Caf, the associations it funds, and the structures they support.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { makeCodec } from "../core/codec.js"
import { localizedIssue } from "../core/issues.js"
import { IdSchema, MultilineTextSchema, TextSchema, uniqueList } from "../core/schemas.js"
import { DepartementSchema, RnaSchema, SirenSchema, SiretSchema } from "../identifiers/identifiers.js"
import { LegalFormSchema, PartnerRoleSchema } from "../referential/codes.js"
import { siretOfAnotherSirenText } from "../vocabulary/consistency.js"
import { RepublicanCommitmentSchema } from "./republican-commitment-schema.js"

/**
 * Schema of a partner as written in JSON. Identifiers are optional (many records are created
 * before they are known) but checked when present; when both are given, the SIRET must belong
 * to the SIREN.
 *
 * ```json
 * { "id": "fase", "name": "France Active Seine-et-Marne Essonne", "legalForm": "association-loi-1901",
 *   "territory": ["77", "91"], "roles": ["operateur"], "employer": true, "networks": ["France Active"] }
 * ```
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PartnerSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(PartnerSchema)({ id: "caf-91", name: "Caf de l'Essonne", legalForm: "organisme-securite-sociale", territory: ["91"], roles: ["financeur"] }).name
 * //=> "Caf de l'Essonne"
 * ```
 * @category partners
 */
export const PartnerSchema = Schema.Struct({
  id: IdSchema,
  name: TextSchema,
  legalForm: LegalFormSchema,
  siren: Schema.optionalKey(SirenSchema),
  siret: Schema.optionalKey(SiretSchema),
  rna: Schema.optionalKey(RnaSchema),
  territory: uniqueList(DepartementSchema),
  roles: uniqueList(PartnerRoleSchema, { nonEmpty: true }),
  employer: Schema.optionalKey(Schema.Boolean),
  networks: Schema.optionalKey(uniqueList(TextSchema)),
  city: Schema.optionalKey(TextSchema),
  republicanCommitment: Schema.optionalKey(RepublicanCommitmentSchema),
  note: Schema.optionalKey(MultilineTextSchema)
}).check(
  Schema.makeFilter((partner: { readonly siren?: string; readonly siret?: string }) => {
    if (partner.siren === undefined || partner.siret === undefined || partner.siret.startsWith(partner.siren))
      return true
    const texts = siretOfAnotherSirenText(partner.siret, partner.siren)
    return { path: ["siret"], issue: localizedIssue(texts.en, { code: "identifier", ...texts }) }
  })
)

/**
 * A partner of the Caf: an association, a cooperative, a local authority, the Caf itself, or a
 * structure supported under a convention.
 *
 * - `id`: the application's identifier; `name`; `legalForm` (see {@link LegalForm});
 * - `siren`, `siret`, `rna`: optional, checked identifiers;
 * - `territory`: the départements where it works (empty when unknown);
 * - `roles`: funder, operator, supported structure (at least one);
 * - `employer`: whether it employs staff (the DLA serves employer structures);
 * - `networks`: networks it belongs to (`"France Active"`, `"Fédération des MJC"`…);
 * - `republicanCommitment`: for an association or a foundation, its *contrat d'engagement
 *   républicain* (the day it subscribed it, the request it came with; see
 *   {@link RepublicanCommitmentSchema}), required for a subsidy requested from 1 January 2022;
 * - `city`, `note`: free text.
 *
 * @example
 * ```ts
 * import { parsePartner, type Partner } from "caf-conventions"
 * const mjc: Partner = parsePartner({
 *   id: "mjc-viry", name: "MJC de Viry-Châtillon", legalForm: "association-loi-1901",
 *   territory: ["91"], roles: ["structure-accompagnee"], city: "Viry-Châtillon"
 * })
 * ```
 * @category partners
 */
export interface Partner extends Schema.Schema.Type<typeof PartnerSchema> {}

/**
 * A partner as written in JSON (what {@link encodePartner} returns).
 *
 * @example
 * ```ts
 * import type { PartnerJson } from "caf-conventions"
 * const json: PartnerJson = { id: "caf-91", name: "Caf de l'Essonne", legalForm: "organisme-securite-sociale", territory: ["91"], roles: ["financeur"] }
 * ```
 * @category partners
 */
export interface PartnerJson extends Schema.Codec.Encoded<typeof PartnerSchema> {}

const partnerCodec = makeCodec<Partner, PartnerJson>(PartnerSchema, "partner")

/**
 * Reads a partner from JSON, or throws a {@link ValidationError} listing every problem with its path.
 *
 * @example
 * ```ts
 * import { parsePartner } from "caf-conventions"
 * parsePartner({ id: "caf-91", name: "Caf de l'Essonne", legalForm: "organisme-securite-sociale", territory: ["91"], roles: ["financeur"] }).roles
 * //=> ["financeur"]
 * ```
 * @category partners
 */
export const parsePartner = partnerCodec.parse

/**
 * Like {@link parsePartner}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParsePartner } from "caf-conventions"
 * safeParsePartner({ id: "x", name: "X", legalForm: "sarl", territory: [], roles: [] }).success //=> false
 * ```
 * @category partners
 */
export const safeParsePartner = partnerCodec.safeParse

/**
 * Reads a partner as an `Effect` failing with a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { decodePartner } from "caf-conventions"
 * Effect.runSync(decodePartner({ id: "caf-91", name: "Caf de l'Essonne", legalForm: "organisme-securite-sociale", territory: ["91"], roles: ["financeur"] })).id
 * //=> "caf-91"
 * ```
 * @category partners
 */
export const decodePartner = partnerCodec.decode

/**
 * Writes a partner back to JSON; {@link parsePartner} reads it back to an equal partner.
 *
 * @example
 * ```ts
 * import { encodePartner, parsePartner } from "caf-conventions"
 * const json = { id: "caf-91", name: "Caf de l'Essonne", legalForm: "organisme-securite-sociale", territory: ["91"], roles: ["financeur"] }
 * encodePartner(parsePartner(json)) //=> json
 * ```
 * @category partners
 */
export const encodePartner = partnerCodec.encode
