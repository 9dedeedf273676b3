/**
 * The referential: every code a Caf application stores, with its French label, in one place.
 * Codes are stable lowercase strings (never renamed once published); labels are for people and
 * may be reworded.
 *
 * @module
 */
import * as Schema from "effect/Schema"

/**
 * Builds a code list: the codes in a stable order, their French labels, and the schema that
 * decodes them (an unknown code is an error that lists the valid ones).
 *
 * @internal
 */
export function codeList<const Code extends string>(labels: { readonly [K in Code]: string }, description: string) {
  const codes = Object.keys(labels) as Array<Code>
  const schema = Schema.Literals(codes).annotate({ description })
  return { codes: codes as ReadonlyArray<Code>, labels, schema }
}

const sectors = codeList(
  {
    "petite-enfance": "Petite enfance",
    enfance: "Enfance",
    jeunesse: "Jeunesse",
    parentalite: "Parentalité",
    "animation-vie-sociale": "Animation de la vie sociale",
    logement: "Logement",
    handicap: "Handicap",
    "acces-aux-droits": "Accès aux droits"
  },
  "A field of the Caf's family policy (secteur)"
)

/**
 * A field of the Caf's family policy (*secteur* or *champ*). The founding convention covers the
 * first five; the others exist in a Caf's action sociale and can be named, not covered.
 *
 * @example
 * ```ts
 * import { SECTOR_LABELS, type Sector } from "caf-conventions"
 * const sector: Sector = "animation-vie-sociale"
 * SECTOR_LABELS[sector] //=> "Animation de la vie sociale"
 * ```
 * @category referential
 */
export type Sector = (typeof SECTORS)[number]
/**
 * Every sector code, in a stable order.
 *
 * @example
 * ```ts
 * import { SECTORS } from "caf-conventions"
 * SECTORS.length //=> 8
 * ```
 * @category referential
 */
export const SECTORS = sectors.codes
/**
 * French labels of the sectors.
 *
 * @example
 * ```ts
 * import { SECTOR_LABELS } from "caf-conventions"
 * SECTOR_LABELS.parentalite //=> "Parentalité"
 * ```
 * @category referential
 */
export const SECTOR_LABELS = sectors.labels
/**
 * Schema of a sector code.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { SectorSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(SectorSchema)("jeunesse") //=> "jeunesse"
 * ```
 * @category referential
 */
export const SectorSchema = sectors.schema

const accompanimentKinds = codeList(
  {
    individuel: "Accompagnement individuel",
    collectif: "Accompagnement collectif",
    "instances-partenariales": "Participation aux instances partenariales",
    "coordination-caf": "Suivi coordonné avec les équipes de la Caf",
    "appui-technique": "Appui technique"
  },
  "A kind of support the convention funds"
)

/**
 * A kind of support a convention funds: individual support of a structure (targeted, co-built,
 * by experts), collective support (trainings, workshops for several structures), taking part in
 * partnership bodies, coordinated follow-up with the Caf's staff, technical support.
 *
 * @example
 * ```ts
 * import { ACCOMPANIMENT_KIND_LABELS, type AccompanimentKind } from "caf-conventions"
 * const kind: AccompanimentKind = "individuel"
 * ACCOMPANIMENT_KIND_LABELS[kind] //=> "Accompagnement individuel"
 * ```
 * @category referential
 */
export type AccompanimentKind = (typeof ACCOMPANIMENT_KINDS)[number]
/**
 * Every accompaniment kind, in a stable order.
 *
 * @example
 * ```ts
 * import { ACCOMPANIMENT_KINDS } from "caf-conventions"
 * ACCOMPANIMENT_KINDS[0] //=> "individuel"
 * ```
 * @category referential
 */
export const ACCOMPANIMENT_KINDS = accompanimentKinds.codes
/**
 * French labels of the accompaniment kinds.
 *
 * @example
 * ```ts
 * import { ACCOMPANIMENT_KIND_LABELS } from "caf-conventions"
 * ACCOMPANIMENT_KIND_LABELS.collectif //=> "Accompagnement collectif"
 * ```
 * @category referential
 */
export const ACCOMPANIMENT_KIND_LABELS = accompanimentKinds.labels
/**
 * Schema of an accompaniment kind.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { AccompanimentKindSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(AccompanimentKindSchema)("collectif") //=> "collectif"
 * ```
 * @category referential
 */
export const AccompanimentKindSchema = accompanimentKinds.schema

const situations = codeList(
  {
    "en-difficulte": "En difficulté",
    "en-developpement": "En développement",
    "en-difficulte-et-en-developpement": "En difficulté et en développement",
    "ni-difficulte-ni-developpement": "Ni en difficulté ni en développement"
  },
  "The situation of an accompanied structure"
)

/**
 * The situation of an accompanied structure. The founding convention supports structures
 * *en difficulté et/ou en développement*, so both at once is a situation of its own.
 *
 * @example
 * ```ts
 * import { SITUATION_LABELS, type Situation } from "caf-conventions"
 * const situation: Situation = "en-developpement"
 * SITUATION_LABELS[situation] //=> "En développement"
 * ```
 * @category referential
 */
export type Situation = (typeof SITUATIONS)[number]
/**
 * Every situation code, in a stable order.
 *
 * @example
 * ```ts
 * import { SITUATIONS } from "caf-conventions"
 * SITUATIONS.includes("en-difficulte") //=> true
 * ```
 * @category referential
 */
export const SITUATIONS = situations.codes
/**
 * French labels of the situations.
 *
 * @example
 * ```ts
 * import { SITUATION_LABELS } from "caf-conventions"
 * SITUATION_LABELS["en-difficulte"] //=> "En difficulté"
 * ```
 * @category referential
 */
export const SITUATION_LABELS = situations.labels
/**
 * Schema of a situation code.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { SituationSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(SituationSchema)("en-difficulte") //=> "en-difficulte"
 * ```
 * @category referential
 */
export const SituationSchema = situations.schema

const bodies = codeList(
  {
    sdaf: "Schéma départemental d'accompagnement des familles (Sdaf)",
    sdsf: "Schéma départemental des services aux familles (SDSF)",
    ctg: "Convention territoriale globale (comité de pilotage)",
    reaap: "Réseau d'écoute, d'appui et d'accompagnement des parents (Reaap)",
    "autre-instance": "Autre instance partenariale"
  },
  "A partnership body (instance partenariale)"
)

/**
 * A partnership body (*instance partenariale*) whose meetings a partner may be expected to
 * attend, such as the Sdaf in Essonne.
 *
 * @example
 * ```ts
 * import { PARTNERSHIP_BODY_LABELS, type PartnershipBody } from "caf-conventions"
 * const body: PartnershipBody = "sdaf"
 * PARTNERSHIP_BODY_LABELS[body] //=> "Schéma départemental d'accompagnement des familles (Sdaf)"
 * ```
 * @category referential
 */
export type PartnershipBody = (typeof PARTNERSHIP_BODIES)[number]
/**
 * Every partnership body code, in a stable order.
 *
 * @example
 * ```ts
 * import { PARTNERSHIP_BODIES } from "caf-conventions"
 * PARTNERSHIP_BODIES[0] //=> "sdaf"
 * ```
 * @category referential
 */
export const PARTNERSHIP_BODIES = bodies.codes
/**
 * French labels of the partnership bodies.
 *
 * @example
 * ```ts
 * import { PARTNERSHIP_BODY_LABELS } from "caf-conventions"
 * PARTNERSHIP_BODY_LABELS.ctg //=> "Convention territoriale globale (comité de pilotage)"
 * ```
 * @category referential
 */
export const PARTNERSHIP_BODY_LABELS = bodies.labels
/**
 * Schema of a partnership body code.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PartnershipBodySchema } from "caf-conventions"
 * Schema.decodeUnknownSync(PartnershipBodySchema)("sdaf") //=> "sdaf"
 * ```
 * @category referential
 */
export const PartnershipBodySchema = bodies.schema

const schemes = codeList(
  {
    "action-sociale-caf": "Fonds propres d'action sociale de la Caf",
    fpt: "Fonds publics et territoires (FPT)",
    "prestation-de-service": "Prestation de service",
    dla: "Dispositif local d'accompagnement (DLA)",
    "autre-financement": "Autre financement"
  },
  "A funding scheme"
)

/**
 * A funding scheme: the Caf's own *action sociale* funds, the national *Fonds publics et
 * territoires* (FPT), a *prestation de service*, the DLA (State and Banque des Territoires), or
 * another source. Conventions name the schemes they exclude, so that no action is funded twice.
 *
 * @example
 * ```ts
 * import { FUNDING_SCHEME_LABELS, type FundingScheme } from "caf-conventions"
 * const scheme: FundingScheme = "fpt"
 * FUNDING_SCHEME_LABELS[scheme] //=> "Fonds publics et territoires (FPT)"
 * ```
 * @category referential
 */
export type FundingScheme = (typeof FUNDING_SCHEMES)[number]
/**
 * Every funding scheme code, in a stable order.
 *
 * @example
 * ```ts
 * import { FUNDING_SCHEMES } from "caf-conventions"
 * FUNDING_SCHEMES.includes("fpt") //=> true
 * ```
 * @category referential
 */
export const FUNDING_SCHEMES = schemes.codes
/**
 * French labels of the funding schemes.
 *
 * @example
 * ```ts
 * import { FUNDING_SCHEME_LABELS } from "caf-conventions"
 * FUNDING_SCHEME_LABELS["action-sociale-caf"] //=> "Fonds propres d'action sociale de la Caf"
 * ```
 * @category referential
 */
export const FUNDING_SCHEME_LABELS = schemes.labels
/**
 * Schema of a funding scheme code.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { FundingSchemeSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(FundingSchemeSchema)("fpt") //=> "fpt"
 * ```
 * @category referential
 */
export const FundingSchemeSchema = schemes.schema

const legalForms = codeList(
  {
    "association-loi-1901": "Association loi 1901",
    "organisme-securite-sociale": "Organisme de sécurité sociale (Caf…)",
    collectivite: "Collectivité territoriale",
    scic: "Société coopérative d'intérêt collectif (SCIC)",
    scop: "Société coopérative et participative (SCOP)",
    fondation: "Fondation",
    mutuelle: "Mutuelle",
    "entreprise-esus": "Entreprise solidaire d'utilité sociale (ESUS)",
    autre: "Autre forme juridique"
  },
  "The legal form of a partner"
)

/**
 * The legal form of a partner. Associations, cooperatives (SCIC, SCOP), foundations, mutuals and
 * ESUS companies make up the *économie sociale et solidaire* (ESS).
 *
 * @example
 * ```ts
 * import { LEGAL_FORM_LABELS, type LegalForm } from "caf-conventions"
 * const form: LegalForm = "association-loi-1901"
 * LEGAL_FORM_LABELS[form] //=> "Association loi 1901"
 * ```
 * @category referential
 */
export type LegalForm = (typeof LEGAL_FORMS)[number]
/**
 * Every legal form code, in a stable order.
 *
 * @example
 * ```ts
 * import { LEGAL_FORMS } from "caf-conventions"
 * LEGAL_FORMS[0] //=> "association-loi-1901"
 * ```
 * @category referential
 */
export const LEGAL_FORMS = legalForms.codes
/**
 * French labels of the legal forms.
 *
 * @example
 * ```ts
 * import { LEGAL_FORM_LABELS } from "caf-conventions"
 * LEGAL_FORM_LABELS.scic //=> "Société coopérative d'intérêt collectif (SCIC)"
 * ```
 * @category referential
 */
export const LEGAL_FORM_LABELS = legalForms.labels
/**
 * Schema of a legal form code.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { LegalFormSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(LegalFormSchema)("scop") //=> "scop"
 * ```
 * @category referential
 */
export const LegalFormSchema = legalForms.schema

const roles = codeList(
  {
    financeur: "Financeur",
    operateur: "Partenaire opérateur",
    "structure-accompagnee": "Structure accompagnée"
  },
  "The role of a partner"
)

/**
 * The role a partner plays: the funder (the Caf), the operator that signs and carries out the
 * convention (France Active Seine-et-Marne Essonne), or a structure it supports.
 *
 * @example
 * ```ts
 * import { PARTNER_ROLE_LABELS, type PartnerRole } from "caf-conventions"
 * const role: PartnerRole = "operateur"
 * PARTNER_ROLE_LABELS[role] //=> "Partenaire opérateur"
 * ```
 * @category referential
 */
export type PartnerRole = (typeof PARTNER_ROLES)[number]
/**
 * Every partner role code, in a stable order.
 *
 * @example
 * ```ts
 * import { PARTNER_ROLES } from "caf-conventions"
 * PARTNER_ROLES.length //=> 3
 * ```
 * @category referential
 */
export const PARTNER_ROLES = roles.codes
/**
 * French labels of the partner roles.
 *
 * @example
 * ```ts
 * import { PARTNER_ROLE_LABELS } from "caf-conventions"
 * PARTNER_ROLE_LABELS.financeur //=> "Financeur"
 * ```
 * @category referential
 */
export const PARTNER_ROLE_LABELS = roles.labels
/**
 * Schema of a partner role code.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PartnerRoleSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(PartnerRoleSchema)("financeur") //=> "financeur"
 * ```
 * @category referential
 */
export const PartnerRoleSchema = roles.schema
