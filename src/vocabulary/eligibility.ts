/**
 * The French sentences of the eligibility rules, of their combinations and of the contrat
 * d'engagement républicain: each function takes typed facts (codes, dates, ids, labels of the
 * rules) and returns the sentence, so that the rules assemble no French themselves.
 *
 * @module
 * @internal
 */
import { type CalendarDate, formatFrenchDate } from "../calendar/date.js"
import type { Outcome } from "../core/explanation.js"
import type { ConventionStatus } from "../conventions/terms-as-of.js"
import type { RepublicanCommitmentBasis } from "../partners/republican-commitment-schema.js"
import {
  ACCOMPANIMENT_KIND_LABELS,
  type AccompanimentKind,
  FUNDING_SCHEME_LABELS,
  type FundingScheme,
  LEGAL_FORM_LABELS,
  type LegalForm,
  SECTOR_LABELS,
  type Sector,
  SITUATION_LABELS,
  type Situation
} from "../referential/codes.js"
import { departementText } from "../referential/departements.js"
import { CONVENTION_STATUS_REASONS, REPUBLICAN_COMMITMENT_BASIS_LABELS } from "./labels.js"

const list = (labels: ReadonlyArray<string>) => labels.join(", ")

/** @internal The convention in force on the day, with its period. */
export const inForceText = (conventionId: string, date: CalendarDate, start: CalendarDate, end: CalendarDate): string =>
  `La convention ${conventionId} est en vigueur le ${formatFrenchDate(date)} (du ${formatFrenchDate(start)} au ${formatFrenchDate(end)}).`

/** @internal The convention not in force on the day, and why (its status). */
export const notInForceText = (conventionId: string, date: CalendarDate, status: ConventionStatus): string =>
  `La convention ${conventionId} n'est pas en vigueur le ${formatFrenchDate(date)} : ${CONVENTION_STATUS_REASONS[status]}.`

/** @internal The sector of the action, covered or not by the convention's sectors. */
export const sectorText = (sector: Sector, covered: ReadonlyArray<Sector>): string =>
  covered.includes(sector)
    ? `Le secteur « ${SECTOR_LABELS[sector]} » est couvert par la convention.`
    : `Le secteur « ${SECTOR_LABELS[sector]} » n'est pas couvert (secteurs couverts : ${list(covered.map((s) => SECTOR_LABELS[s]))}).`

/** @internal The kind of support asked for, provided or not among the convention's kinds. */
export const accompanimentText = (kind: AccompanimentKind, covered: ReadonlyArray<AccompanimentKind>): string =>
  covered.includes(kind)
    ? `L'accompagnement « ${ACCOMPANIMENT_KIND_LABELS[kind]} » est prévu par la convention.`
    : `L'accompagnement « ${ACCOMPANIMENT_KIND_LABELS[kind]} » n'est pas prévu (prévus : ${list(covered.map((k) => ACCOMPANIMENT_KIND_LABELS[k]))}).`

/** @internal A situation that opens individual support. */
export const supportedSituationText = (situation: Situation): string =>
  `La structure est ${SITUATION_LABELS[situation].toLowerCase()}, ce que l'accompagnement individuel requiert.`

/** @internal The structure's département, inside the convention's territory or not. */
export const territoryText = (departement: string, territory: ReadonlyArray<string>): string =>
  territory.includes(departement)
    ? `La structure est dans le territoire de la convention : ${departementText(departement)}.`
    : `Le département de la structure, ${departementText(departement)}, est hors du territoire de la convention (${list(territory.map(departementText))}).`

/** @internal The structure's legal form, admissible (a structure of the économie sociale et solidaire) or not. */
export const legalFormText = (legalForm: LegalForm, admissible: boolean): string =>
  admissible
    ? `${LEGAL_FORM_LABELS[legalForm]} : une structure de l'économie sociale et solidaire.`
    : `${LEGAL_FORM_LABELS[legalForm]} : la convention accompagne des associations et structures de l'économie sociale et solidaire.`

/** @internal What meets the obligation of the contrat d'engagement républicain (see `republicanCommitmentText`). */
export interface CommitmentFacts {
  /** The day it was subscribed, or since which the obligation is deemed met. */
  readonly subscribedOn: CalendarDate
  /** How it is met. */
  readonly basis: RepublicanCommitmentBasis
  /** The request it was subscribed with, when one is named. */
  readonly request?: string | undefined
}

/** @internal How a commitment meets the obligation: subscribed on a day, or deemed met since that day. */
export const commitmentText = ({ subscribedOn, basis, request }: CommitmentFacts): string => {
  const withRequest = request === undefined ? "" : `, avec la demande « ${request} »`
  return basis === "souscription"
    ? `contrat d'engagement républicain souscrit le ${formatFrenchDate(subscribedOn)}${withRequest}`
    : `obligation réputée satisfaite depuis le ${formatFrenchDate(subscribedOn)} : structure ${REPUBLICAN_COMMITMENT_BASIS_LABELS[basis]}${withRequest}`
}

/** @internal A structure that is neither an association nor a foundation. */
export const republicanNotConcernedRuleText = (legalForm: LegalForm): string =>
  `${LEGAL_FORM_LABELS[legalForm]} : ni association ni fondation, la structure n'a pas à souscrire le contrat d'engagement républicain.`

/** @internal A subsidy requested before the contrat d'engagement républicain was required (`from`). */
export const requestedBeforeCommitmentText = (requested: CalendarDate, from: CalendarDate): string =>
  `Subvention demandée le ${formatFrenchDate(requested)}, avant le ${formatFrenchDate(from)} : le contrat d'engagement républicain n'était pas exigé.`

/** @internal A subsidy requested without a contrat d'engagement républicain. */
export const requestedWithoutCommitmentText = (requested: CalendarDate): string =>
  `Subvention demandée le ${formatFrenchDate(requested)} sans contrat d'engagement républicain souscrit : une association ou une fondation qui n'y souscrit pas ne peut recevoir de subvention.`

/** @internal A commitment that meets the obligation, as a sentence. */
export const commitmentSentence = (commitment: CommitmentFacts): string => {
  const text = commitmentText(commitment)
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`
}

/** @internal A contrat d'engagement républicain subscribed after the day asked about. */
export const commitmentAfterText = (subscribedOn: CalendarDate, date: CalendarDate): string =>
  `Contrat d'engagement républicain souscrit le ${formatFrenchDate(subscribedOn)}, après le ${formatFrenchDate(date)} : il ne l'était pas encore ce jour-là.`

/** @internal What already funds the action: another convention, or an excluded scheme. */
export type OtherFunder =
  | { readonly kind: "convention"; readonly conventionId: string }
  | { readonly kind: "scheme"; readonly scheme: FundingScheme }

/** @internal The action already funded on the exercise by an excluded scheme or another convention. */
export const doubleFundingText = (funders: ReadonlyArray<OtherFunder>, exercise: string): string => {
  const names = funders.map((funder) =>
    funder.kind === "convention" ? `la convention ${funder.conventionId}` : FUNDING_SCHEME_LABELS[funder.scheme]
  )
  return `L'action est déjà financée par ${list(names)} sur l'exercice ${exercise} : double financement exclu.`
}

/** @internal The verdict of a candidate on a day, the first line of `explain`. */
export const verdictText = (candidateId: string, eligible: boolean, date: CalendarDate): string =>
  `Candidat ${candidateId} : ${eligible ? "éligible" : "non éligible"} au ${formatFrenchDate(date)}.`

/**
 * @internal The sentence of a combination of rules (`all`, `any`, `not`): its outcome, from the
 * labels of the rules that failed (`all`) or of the rule it excludes (`not`).
 */
export const combinationText = (
  kind: "all" | "any" | "not",
  outcome: Outcome,
  labels: { readonly excluded: string; readonly failed: ReadonlyArray<string> }
): string => {
  if (kind === "not") {
    return outcome === "pass"
      ? `« ${labels.excluded} » n'est pas remplie, comme requis.`
      : outcome === "fail"
        ? `« ${labels.excluded} » est remplie, alors qu'elle est exclue.`
        : "La condition ne s'applique pas."
  }
  if (outcome === "not-applicable") return "Aucune des conditions ne s'applique."
  if (kind === "all") {
    if (outcome === "pass") return "Toutes les conditions sont remplies."
    const failed = labels.failed
    return `${failed.length > 1 ? "Conditions non remplies" : "Condition non remplie"} : ${failed.join(", ")}.`
  }
  return outcome === "pass" ? "Au moins une des conditions est remplie." : "Aucune des conditions n'est remplie."
}

/**
 * The rules' constant sentences, one per outcome that reads no value: the situation rule for a
 * collective action, the employer rule, the third-party rule, the double funding's pass.
 */
export const RULE_SENTENCES = {
  situationNotApplicable: "Cette condition ne concerne que l'accompagnement individuel.",
  situationUnsupported:
    "La structure n'est ni en difficulté ni en développement : l'accompagnement individuel lui est fermé.",
  employerUnknown: "Le caractère employeur de la structure n'est pas renseigné.",
  employer: "La structure emploie des salariés.",
  notEmployer: "La structure n'emploie pas de salariés : le dispositif est réservé aux structures employeuses.",
  thirdParty: "La structure accompagnée n'est pas le partenaire de la convention.",
  partnerItself: "La structure est le partenaire de la convention lui-même : il ne peut s'accompagner.",
  noDoubleFunding: "L'action n'est pas financée par un dispositif exclu ni par une autre convention sur l'exercice."
} as const
