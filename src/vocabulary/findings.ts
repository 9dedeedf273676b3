/**
 * The French sentences of compliance findings: each function takes typed values (amounts as
 * {@link Euros}, dates as {@link CalendarDate}, years, codes) and returns the sentence, so that
 * the evaluators assemble no French themselves.
 *
 * @module
 */
import { type CalendarDate, formatFrenchDate } from "../calendar/date.js"
import type { Euros } from "../money/euros.js"
import { LEGAL_FORM_LABELS, type LegalForm } from "../referential/codes.js"
import { CLAUSE_LABELS, type Clause } from "../referential/convention-codes.js"
import { amendmentsText } from "./funding.js"

/** A dated rule that did not yet bind the convention when it was signed. */
export const notYetRequiredText = (signedOn: CalendarDate, from: CalendarDate, what: string): string =>
  `Convention signée le ${formatFrenchDate(signedOn)}, avant le ${formatFrenchDate(from)} : ${what} n'était pas encore exigée.`

/** How an early end cuts the agreed period, or "" when it does not. */
export const earlyEndText = (end: CalendarDate, terminated: boolean): string =>
  ` Elle prend fin plus tôt, le ${formatFrenchDate(end)} (${terminated ? "résiliation" : "retrait de la subvention"}) : la durée s'apprécie sur la période convenue.`

/** A multi-year objectives convention shorter than two years. */
export const durationTooShortText = (start: CalendarDate, end: CalendarDate, cut: string): string =>
  `Une convention pluriannuelle d'objectifs dure au moins deux ans ; celle-ci va du ${formatFrenchDate(start)} au ${formatFrenchDate(end)}.${cut}`

/** A multi-year objectives convention longer than four years. */
export const durationTooLongText = (start: CalendarDate, end: CalendarDate, cut: string): string =>
  `La convention va du ${formatFrenchDate(start)} au ${formatFrenchDate(end)}, plus de quatre ans : la circulaire recommande une durée d'au plus quatre ans.${cut}`

/** A multi-year objectives convention of two to four years. */
export const durationWithinText = (start: CalendarDate, end: CalendarDate, cut: string): string =>
  `${cut === "" ? "Durée" : "Durée convenue"} du ${formatFrenchDate(start)} au ${formatFrenchDate(end)} : entre deux et quatre ans, comme recommandé.${cut}`

/** A year of the period without an amount. */
export const yearWithoutAmountText = (year: number): string =>
  `Aucun montant n'est prévu pour l'exercice ${year}, compris dans la période.`

/** An amount for a year outside the period. */
export const amountOutsidePeriodText = (year: string, start: CalendarDate, end: CalendarDate): string =>
  `Un montant est prévu pour ${year}, hors de la période du ${formatFrenchDate(start)} au ${formatFrenchDate(end)}.`

/** The per-year amounts against the stated total. */
export const perYearTotalText = (sum: Euros, total: Euros): string =>
  sum.equals(total)
    ? `Les montants par exercice totalisent ${sum.format()}, le montant total prévu.`
    : `Les montants par exercice totalisent ${sum.format()}, mais le montant total prévu est de ${total.format()}.`

/** The signed text's per-year amounts match its total, and amendments, a termination or a withdrawal changed the years since. */
export const perYearTotalChangedText = (
  signed: Euros,
  now: Euros,
  changes: { readonly amendments: ReadonlyArray<number>; readonly cut: "termination" | "withdrawal" | undefined }
): string => {
  const { amendments, cut } = changes
  const causes = [
    ...(amendments.length === 0 ? [] : [amendmentsText(amendments)]),
    ...(cut === "termination" ? ["la résiliation"] : cut === "withdrawal" ? ["le retrait de la subvention"] : [])
  ]
  return `Les montants par exercice du texte signé totalisent ${signed.format()}, le montant total prévu ; après ${causes.join(" et ")}, ils totalisent ${now.format()}.`
}

/** The threshold a yearly amount is compared with, as the findings open: "Montant annuel de …, au-dessus de …". */
export const yearlyAmountAboveText = (highest: Euros, threshold: Euros): string =>
  `Montant annuel de ${highest.format()}, au-dessus de ${threshold.format()}`

/** A yearly amount at or under the threshold of the written convention. */
export const writtenConventionNotRequiredText = (highest: Euros, threshold: Euros): string =>
  `Montant annuel de ${highest.format()}, pas au-dessus de ${threshold.format()} : la convention écrite n'est pas obligatoire.`

/** Every clause a threshold requires is in the signed text (`why` says which threshold). */
export const clausesPresentText = (why: string, required: ReadonlyArray<Clause>): string =>
  `${why} : les clauses requises sont présentes (${required.map((c) => CLAUSE_LABELS[c].toLowerCase()).join(", ")}).`

/** A clause a threshold requires is missing from the signed text. */
export const clauseMissingText = (why: string, clause: Clause): string =>
  `${why} : la clause « ${CLAUSE_LABELS[clause]} » manque au texte signé.`

/** A yearly amount above a threshold that requires a filing or a check (`requirement`, from the table of thresholds). */
export const aboveThresholdCheckText = (threshold: Euros, requirement: string): string =>
  `Montant annuel au-dessus de ${threshold.format()} : vérifier ${requirement}.`

/** The open-data publication: due three months after the signature, or once signed for a draft. */
export const openDataDueText = (threshold: Euros, due: CalendarDate | undefined): string =>
  due === undefined
    ? `Montant annuel au-dessus de ${threshold.format()} : la publication des données essentielles de la convention en données ouvertes (format SCDL subventions) sera due au plus tard trois mois après sa signature.`
    : `Montant annuel au-dessus de ${threshold.format()} : la publication des données essentielles de la convention en données ouvertes (format SCDL subventions) est due au plus tard le ${formatFrenchDate(due)}, trois mois après sa signature.`

/** A convention signed before the contrat d'engagement républicain was required (`from`). */
export const republicanNotYetRequiredText = (signedOn: CalendarDate, from: CalendarDate): string =>
  `Convention signée le ${formatFrenchDate(signedOn)}, sur une demande antérieure au ${formatFrenchDate(from)} : le contrat d'engagement républicain n'était pas exigé.`

/** The check of the contrat d'engagement républicain without the partner. */
export const republicanPartnerMissingText = (partnerId: string): string =>
  `Le partenaire ${partnerId} n'est pas fourni : vérifier que, s'il est une association ou une fondation, il a souscrit le contrat d'engagement républicain.`

/** A partner that is neither an association nor a foundation. */
export const republicanNotConcernedText = (legalForm: LegalForm): string =>
  `${LEGAL_FORM_LABELS[legalForm]} : ni association ni fondation, le partenaire n'a pas à souscrire le contrat d'engagement républicain.`

/** An association or a foundation that has not subscribed the contrat d'engagement républicain, required from `from`. */
export const republicanMissingText = (partnerName: string, from: CalendarDate): string =>
  `${partnerName} n'a pas souscrit le contrat d'engagement républicain, exigé de toute association ou fondation qui demande une subvention depuis le ${formatFrenchDate(from)} (si la demande de subvention a été déposée avant cette date, il n'était pas exigé).`

/** A contrat d'engagement républicain subscribed after the signature (`commitment`: as `republicanCommitmentText` writes it). */
export const republicanLateText = (partnerName: string, commitment: string, signedOn: CalendarDate): string =>
  `${partnerName} : ${commitment}, après la signature de la convention le ${formatFrenchDate(signedOn)} : la demande de subvention devait en être accompagnée.`

/** A contrat d'engagement républicain in order (`commitment`: as `republicanCommitmentText` writes it). */
export const republicanSubscribedText = (partnerName: string, commitment: string): string =>
  `${partnerName} : ${commitment}.`

/** No amount recorded: the legal thresholds cannot be checked. */
export const AMOUNTS_NOT_RECORDED_TEXT =
  "Le montant de la subvention n'est pas renseigné : les seuils légaux (23 000 € et 153 000 € par an) ne peuvent pas être vérifiés."

/** A draft: the convention is not signed yet. */
export const NOT_SIGNED_TEXT = "Projet de convention : il n'est pas encore signé."

/** The scheme that funds the convention is among the schemes it excludes. */
export const EXCLUDED_SCHEME_TEXT = "Le dispositif qui finance la convention figure parmi les financements exclus."

/** An objectives convention with no objective. */
export const NO_OBJECTIVE_TEXT = "Une convention d'objectifs sans objectif : rien ne pourra être évalué."

/** What each legal threshold requires of a convention above its amount, by the threshold's id. */
export const THRESHOLD_REQUIREMENTS = {
  "written-convention":
    "une convention écrite précisant l'objet, le montant, les modalités de versement et les conditions d'utilisation de la subvention",
  "control-and-unspent-clauses":
    "les modalités de contrôle et d'évaluation et les conditions de conservation d'une partie non dépensée de la subvention",
  "prefecture-filing":
    "le dépôt à la préfecture du budget, des comptes, de la convention et du compte rendu financier, et des comptes annuels certifiés par un commissaire aux comptes",
  "open-data-publication":
    "la publication des données essentielles de la convention en données ouvertes (format SCDL subventions), au plus tard trois mois après sa signature"
} as const
