/**
 * The one table of the sources the rules rest on: the legal texts (with their date and, where one
 * was found, their Légifrance or official address) and, for each rule, finding and threshold, the
 * references it cites (text and article) with the French citation the results print.
 *
 * Every `source` string of an eligibility rule, a compliance finding, a legal threshold, a budget
 * check or an explanation that rests on a legal text is read from {@link LEGAL_SOURCES}: a text
 * cited anywhere is cited here first.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import { InvalidArgumentError } from "../core/errors.js"

/**
 * The legal texts and forms the library cites.
 *
 * @example
 * ```ts
 * import type { LegalTextId } from "caf-conventions"
 * const law: LegalTextId = "loi-2000-321"
 * ```
 * @category sources
 */
export type LegalTextId =
  | "loi-2000-321"
  | "loi-2014-856"
  | "loi-2021-875"
  | "loi-2021-1109"
  | "decret-2001-495"
  | "decret-2017-779"
  | "decret-2021-1947"
  | "arrete-2006-10-11"
  | "arrete-2017-11-17"
  | "circulaire-5811-sg"
  | "code-de-commerce"
  | "cerfa-15059"

/**
 * A legal text: its French title, the short and dated forms it is cited by, the date it was
 * signed, the day it came into force when that differs from the day after its publication, and
 * its official address when one was found (Légifrance for laws and decrees).
 *
 * @example
 * ```ts
 * import { LEGAL_TEXTS } from "caf-conventions"
 * LEGAL_TEXTS["loi-2021-875"].dated //=> "loi n° 2021-875 du 1er juillet 2021"
 * ```
 * @category sources
 */
export interface LegalText {
  /** Stable id. */
  readonly id: LegalTextId
  /** The full official title, in French. */
  readonly title: string
  /** How it is cited with its date (`"loi n° 2000-321 du 12 avril 2000"`). */
  readonly dated: string
  /** How it is cited once its date is known (`"loi n° 2000-321"`). */
  readonly short: string
  /** The day it was signed (none for a code or a form). */
  readonly date?: CalendarDate
  /** The day it came into force, when the library applies that day. */
  readonly inForce?: CalendarDate
  /** Its address on Légifrance or another official site, when one was found. */
  readonly url?: string
}

const text = (row: LegalText): LegalText => row

/**
 * The legal texts, by id. The addresses were checked against the text's own page; a text
 * without `url` has no address the library could check.
 *
 * @example
 * ```ts
 * import { LEGAL_TEXTS } from "caf-conventions"
 * LEGAL_TEXTS["loi-2000-321"].url //=> "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000215117"
 * ```
 * @category sources
 */
export const LEGAL_TEXTS: Readonly<Record<LegalTextId, LegalText>> = {
  "loi-2000-321": text({
    id: "loi-2000-321",
    title:
      "Loi n° 2000-321 du 12 avril 2000 relative aux droits des citoyens dans leurs relations avec les administrations",
    dated: "loi n° 2000-321 du 12 avril 2000",
    short: "loi n° 2000-321",
    date: "2000-04-12" as CalendarDate,
    url: "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000215117"
  }),
  "loi-2014-856": text({
    id: "loi-2014-856",
    title: "Loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire",
    dated: "loi n° 2014-856 du 31 juillet 2014",
    short: "loi n° 2014-856",
    date: "2014-07-31" as CalendarDate,
    inForce: "2014-08-02" as CalendarDate,
    url: "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296"
  }),
  "loi-2021-875": text({
    id: "loi-2021-875",
    title: "Loi n° 2021-875 du 1er juillet 2021 visant à améliorer la trésorerie des associations",
    dated: "loi n° 2021-875 du 1er juillet 2021",
    short: "loi n° 2021-875",
    date: "2021-07-01" as CalendarDate,
    inForce: "2021-07-03" as CalendarDate,
    url: "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000043741543"
  }),
  "loi-2021-1109": text({
    id: "loi-2021-1109",
    title: "Loi n° 2021-1109 du 24 août 2021 confortant le respect des principes de la République",
    dated: "loi n° 2021-1109 du 24 août 2021",
    short: "loi n° 2021-1109",
    date: "2021-08-24" as CalendarDate,
    url: "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000043964778"
  }),
  "decret-2001-495": text({
    id: "decret-2001-495",
    title:
      "Décret n° 2001-495 du 6 juin 2001 pris pour l'application de l'article 10 de la loi n° 2000-321 du 12 avril 2000 et relatif à la transparence financière des aides octroyées par les personnes publiques",
    dated: "décret n° 2001-495 du 6 juin 2001",
    short: "décret n° 2001-495",
    date: "2001-06-06" as CalendarDate
  }),
  "decret-2017-779": text({
    id: "decret-2017-779",
    title:
      "Décret n° 2017-779 du 5 mai 2017 relatif à l'accès sous forme électronique aux données essentielles des conventions de subvention",
    dated: "décret n° 2017-779 du 5 mai 2017",
    short: "décret n° 2017-779",
    date: "2017-05-05" as CalendarDate,
    url: "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000034600552"
  }),
  "decret-2021-1947": text({
    id: "decret-2021-1947",
    title:
      "Décret n° 2021-1947 du 31 décembre 2021 pris pour l'application de l'article 10-1 de la loi n° 2000-321 du 12 avril 2000 et approuvant le contrat d'engagement républicain des associations et fondations bénéficiant de subventions publiques ou d'un agrément de l'État",
    dated: "décret n° 2021-1947 du 31 décembre 2021",
    short: "décret n° 2021-1947",
    date: "2021-12-31" as CalendarDate,
    url: "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000044806609"
  }),
  "arrete-2006-10-11": text({
    id: "arrete-2006-10-11",
    title:
      "Arrêté du 11 octobre 2006 relatif au compte rendu financier prévu par l'article 10 de la loi du 12 avril 2000 relative aux droits des citoyens dans leurs relations avec les administrations",
    dated: "arrêté du 11 octobre 2006",
    short: "arrêté du 11 octobre 2006",
    date: "2006-10-11" as CalendarDate
  }),
  "arrete-2017-11-17": text({
    id: "arrete-2017-11-17",
    title:
      "Arrêté du 17 novembre 2017 relatif aux conditions de mises à disposition des données essentielles des conventions de subvention",
    dated: "arrêté du 17 novembre 2017",
    short: "arrêté du 17 novembre 2017",
    date: "2017-11-17" as CalendarDate,
    inForce: "2017-11-20" as CalendarDate,
    url: "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000036040528"
  }),
  "circulaire-5811-sg": text({
    id: "circulaire-5811-sg",
    title:
      "Circulaire n° 5811/SG du 29 septembre 2015 relative aux nouvelles relations entre les pouvoirs publics et les associations",
    dated: "circulaire n° 5811/SG du 29 septembre 2015",
    short: "circulaire n° 5811/SG",
    date: "2015-09-29" as CalendarDate,
    url: "http://www.associations.gouv.fr/la-circulaire-du-premier-ministre-les-nouvelles-relations-entre-les-pouvoirs-publics-et-les-associations.html"
  }),
  "code-de-commerce": text({
    id: "code-de-commerce",
    title: "Code de commerce",
    dated: "code de commerce",
    short: "code de commerce"
  }),
  "cerfa-15059": text({
    id: "cerfa-15059",
    title: "Formulaire Cerfa n° 15059 : compte rendu financier de subvention",
    dated: "Cerfa n° 15059",
    short: "Cerfa n° 15059"
  })
}

/**
 * One reference: a legal text and, when the citation points into it, the article (`"10"`,
 * `"10-1"`, `"L. 612-4"`, `"annexe 1"`).
 *
 * @example
 * ```ts
 * import type { LegalReference } from "caf-conventions"
 * const written: LegalReference = { text: "loi-2000-321", article: "10" }
 * ```
 * @category sources
 */
export interface LegalReference {
  /** The text. */
  readonly text: LegalTextId
  /** The article or part of the text, when the citation names one. */
  readonly article?: string
}

/**
 * The ids of the sources: one per rule, finding, threshold or explanation line that rests on a
 * text (legal or the convention's own).
 *
 * @example
 * ```ts
 * import type { LegalSourceId } from "caf-conventions"
 * const id: LegalSourceId = "written-convention"
 * ```
 * @category sources
 */
export type LegalSourceId =
  | "written-convention"
  | "control-and-unspent-clauses"
  | "prefecture-filing"
  | "open-data-publication"
  | "signature"
  | "multi-year-duration"
  | "republican-commitment"
  | "republican-withdrawal"
  | "withdrawal-repayment"
  | "withdrawal-grounds"
  | "ess-legal-forms"
  | "local-support-scheme"
  | "auditor"
  | "public-funding-filing"
  | "public-funding-written"
  | "budget-in-kind"
  | "financial-report"
  | "financial-report-deadline"
  | "payment-terms"
  | "unspent-clause"
  | "year-amount"
  | "use-conditions"
  | "convention-text"
  | "convention-amounts"
  | "convention-year-amount"
  | "convention-period"
  | "convention-sectors"
  | "convention-accompaniment"
  | "convention-individual-support"
  | "convention-territory"
  | "convention-third-parties"
  | "convention-no-double-funding"
  | "caf-share-cap"
  | "overfunding"

/**
 * A source as the results cite it: its references (none when it is a clause of the convention
 * only) and the French citation printed in the `source` field of rules, findings, thresholds and
 * explanations. tests/vocabulary/sources.test.ts checks that each citation names every text and
 * article of its references.
 *
 * @example
 * ```ts
 * import { LEGAL_SOURCES, type LegalSource } from "caf-conventions"
 * const written: LegalSource = LEGAL_SOURCES["written-convention"]
 * written.references.map((reference) => reference.text) //=> ["loi-2000-321", "decret-2001-495"]
 * ```
 * @category sources
 */
export interface LegalSource {
  /** Stable id. */
  readonly id: LegalSourceId
  /** The texts and articles cited, in the order of the citation. */
  readonly references: ReadonlyArray<LegalReference>
  /** The citation, in French, as the results print it. */
  readonly citation: string
}

const ref = (textId: LegalTextId, article?: string): LegalReference =>
  article === undefined ? { text: textId } : { text: textId, article }

/**
 * Every source the library cites, by id.
 *
 * @example
 * ```ts
 * import { LEGAL_SOURCES } from "caf-conventions"
 * LEGAL_SOURCES["ess-legal-forms"].citation
 * //=> "loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire, art. 1"
 * ```
 * @category sources
 */
export const LEGAL_SOURCES: Readonly<Record<LegalSourceId, LegalSource>> = sources({
  "written-convention": [
    [ref("loi-2000-321", "10"), ref("decret-2001-495", "1")],
    "loi n° 2000-321 du 12 avril 2000, art. 10 ; décret n° 2001-495 du 6 juin 2001, art. 1"
  ],
  "control-and-unspent-clauses": [
    [ref("loi-2000-321", "10"), ref("loi-2021-875", "1")],
    "loi n° 2000-321, art. 10, modifié par la loi n° 2021-875 du 1er juillet 2021 visant à améliorer la trésorerie des associations, art. 1, en vigueur le 3 juillet 2021"
  ],
  "prefecture-filing": [
    [ref("loi-2000-321", "10"), ref("decret-2001-495", "2"), ref("code-de-commerce", "L. 612-4")],
    "loi n° 2000-321, art. 10 ; décret n° 2001-495, art. 2 ; code de commerce, art. L. 612-4"
  ],
  "open-data-publication": [
    [ref("decret-2017-779"), ref("arrete-2017-11-17")],
    "décret n° 2017-779 du 5 mai 2017, pour les conventions signées à compter du 1er août 2017 ; arrêté du 17 novembre 2017"
  ],
  signature: [[ref("loi-2000-321", "10")], "loi n° 2000-321, art. 10"],
  "multi-year-duration": [[ref("circulaire-5811-sg")], "circulaire n° 5811/SG du 29 septembre 2015"],
  "republican-commitment": [
    [ref("loi-2000-321", "10-1"), ref("loi-2021-1109", "12"), ref("decret-2021-1947")],
    "loi n° 2000-321 du 12 avril 2000, art. 10-1, créé par la loi n° 2021-1109 du 24 août 2021, art. 12 ; décret n° 2021-1947 du 31 décembre 2021"
  ],
  "republican-withdrawal": [
    [ref("loi-2000-321", "10-1"), ref("loi-2021-1109", "12"), ref("decret-2021-1947", "4")],
    "loi n° 2000-321 du 12 avril 2000, art. 10-1, créé par la loi n° 2021-1109 du 24 août 2021, art. 12 ; décret n° 2021-1947 du 31 décembre 2021, art. 4 (retrait au prorata de la période restant à courir à la date du manquement)"
  ],
  "withdrawal-repayment": [[ref("loi-2000-321", "10-1")], "loi n° 2000-321, art. 10-1"],
  "withdrawal-grounds": [
    [ref("loi-2000-321", "10-1"), ref("decret-2021-1947", "4")],
    "loi n° 2000-321, art. 10-1 ; décret n° 2021-1947, art. 4"
  ],
  "ess-legal-forms": [
    [ref("loi-2014-856", "1")],
    "loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire, art. 1"
  ],
  "local-support-scheme": [
    [ref("loi-2014-856", "61")],
    "loi n° 2014-856 du 31 juillet 2014, art. 61 (dispositif local d'accompagnement des structures employeuses)"
  ],
  auditor: [
    [ref("code-de-commerce", "L. 612-4"), ref("code-de-commerce", "D. 612-5")],
    "code de commerce, art. L. 612-4 (subventions en numéraire reçues des autorités administratives) et art. D. 612-5 (seuil de 153 000 €)"
  ],
  "public-funding-filing": [
    [ref("loi-2000-321", "10"), ref("decret-2001-495", "2")],
    "loi n° 2000-321 du 12 avril 2000, art. 10 (subventions reçues de l'ensemble des autorités administratives) ; décret n° 2001-495 du 6 juin 2001, art. 2 (seuil de 153 000 €)"
  ],
  "public-funding-written": [
    [ref("loi-2000-321", "10"), ref("decret-2001-495", "1")],
    "loi n° 2000-321 du 12 avril 2000, art. 10 ; décret n° 2001-495 du 6 juin 2001, art. 1 (seuil de 23 000 € par subvention)"
  ],
  "budget-in-kind": [
    [ref("cerfa-15059"), ref("code-de-commerce", "L. 612-4")],
    "Cerfa n° 15059 : les contributions volontaires en nature (comptes 86 et 87) figurent à part des charges et des produits ; code de commerce, art. L. 612-4 : seules les subventions en numéraire comptent"
  ],
  "financial-report": [
    [ref("arrete-2006-10-11", "2"), ref("arrete-2006-10-11", "3"), ref("cerfa-15059")],
    "arrêté du 11 octobre 2006 relatif au compte rendu financier, art. 2 et 3 ; Cerfa n° 15059"
  ],
  "financial-report-deadline": [
    [ref("loi-2000-321", "10"), ref("cerfa-15059")],
    "loi n° 2000-321, art. 10 (six mois après la fin de l'exercice) ; Cerfa n° 15059"
  ],
  "payment-terms": [
    [ref("loi-2000-321", "10"), ref("loi-2021-875", "2")],
    "Convention : modalités de versement ; loi n° 2000-321, art. 10, modifiée par la loi n° 2021-875 du 1er juillet 2021, art. 2 (versement dans les 60 jours de la notification, sauf dates fixées par la convention)"
  ],
  "unspent-clause": [
    [ref("circulaire-5811-sg", "annexe 1"), ref("loi-2000-321", "10")],
    "Convention : clause sur l'excédent ; circulaire n° 5811/SG du 29 septembre 2015, annexe 1 ; loi n° 2000-321, art. 10"
  ],
  "year-amount": [[ref("loi-2000-321", "10")], "Convention : montant de la subvention ; loi n° 2000-321, art. 10"],
  "use-conditions": [
    [ref("cerfa-15059")],
    "Convention : conditions d'utilisation de la subvention ; compte rendu financier (Cerfa n° 15059)"
  ],
  "convention-text": [[], "texte de la convention"],
  "convention-amounts": [[], "texte de la convention (montants par exercice)"],
  "convention-year-amount": [[], "texte de la convention (montant de l'exercice)"],
  "convention-period": [[], "Convention : période d'application, avenants et résiliation"],
  "convention-sectors": [[], "Convention : secteurs de la politique familiale couverts"],
  "convention-accompaniment": [[], "Convention : types d'accompagnement financés"],
  "convention-individual-support": [
    [],
    "Convention : objectif d'accompagnement individuel des structures en difficulté et/ou en développement"
  ],
  "convention-territory": [[], "Convention : territoire d'intervention"],
  "convention-third-parties": [[], "Convention : le partenaire accompagne des structures tierces"],
  "convention-no-double-funding": [
    [],
    "Convention : financement hors dispositifs exclus (Fonds publics et territoires) ; une même action n'est pas financée deux fois"
  ],
  "caf-share-cap": [
    [],
    "appel à projets ou convention de la Caf : plafond de la part de la Caf dans le coût de l'action (paramètre cafShareCap)"
  ],
  overfunding: [
    [],
    "pratique des appels à projets des Caf : les financements ne dépassent pas le coût de l'action, la participation est proratisée au-delà de 100 %"
  ]
})

function sources(
  rows: Record<LegalSourceId, readonly [ReadonlyArray<LegalReference>, string]>
): Readonly<Record<LegalSourceId, LegalSource>> {
  const table = {} as Record<LegalSourceId, LegalSource>
  for (const id of Object.keys(rows) as Array<LegalSourceId>) {
    const [references, citation] = rows[id]
    table[id] = { id, references, citation }
  }
  return table
}

/**
 * The French citation of a source, as the results print it.
 *
 * @example
 * ```ts
 * import { citation } from "caf-conventions"
 * citation("signature") //=> "loi n° 2000-321, art. 10"
 * ```
 * @category sources
 */
export function citation(id: LegalSourceId): string {
  if (typeof id !== "string" || !Object.hasOwn(LEGAL_SOURCES, id)) {
    throw new InvalidArgumentError({ argument: "id", message: 'expected the id of a source, such as "signature"' })
  }
  return LEGAL_SOURCES[id].citation
}
