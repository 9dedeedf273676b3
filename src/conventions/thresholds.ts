/**
 * Legal thresholds, as dated data with their sources: a rule that changes gets a new row, never
 * an `if` on the year in code.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import { Euros } from "../money/euros.js"

/**
 * A legal threshold on the yearly amount of a subsidy, in force from a date.
 *
 * @example
 * ```ts
 * import { LEGAL_THRESHOLDS, type LegalThreshold } from "caf-conventions"
 * const written: LegalThreshold | undefined = LEGAL_THRESHOLDS.find((t) => t.id === "written-convention")
 * written?.amount.format() //=> "23 000,00 €"
 * ```
 * @category compliance
 */
export interface LegalThreshold {
  /** Stable id. */
  readonly id: "written-convention" | "prefecture-filing" | "open-data-publication"
  /** The threshold: the rule applies when the yearly amount is strictly above it. */
  readonly amount: Euros
  /** First day the figure applies. */
  readonly from: CalendarDate
  /** What the rule requires, in French. */
  readonly requirement: string
  /** The legal text. */
  readonly source: string
}

/**
 * The thresholds the compliance check applies (all "strictly above the amount, per year"):
 * - 23 000 €: a written convention stating object, amount, payment terms and conditions of use
 *   (loi n° 2000-321, art. 10; décret n° 2001-495, art. 1), plus control and evaluation terms and
 *   the conditions for keeping an unspent part since loi n° 2021-875 (in force 26 August 2021);
 * - 153 000 €: filing the accounts at the préfecture and audited accounts (décret n° 2001-495,
 *   art. 2; code de commerce, art. L. 612-4);
 * - 23 000 €: publication of the award's essential data as open data (décret n° 2017-779), for
 *   conventions signed on or after 1 August 2017, at the latest three months after the signature.
 *
 * @example
 * ```ts
 * import { LEGAL_THRESHOLDS } from "caf-conventions"
 * LEGAL_THRESHOLDS.map((t) => t.id) //=> ["written-convention", "prefecture-filing", "open-data-publication"]
 * ```
 * @category compliance
 */
export const LEGAL_THRESHOLDS: ReadonlyArray<LegalThreshold> = [
  {
    id: "written-convention",
    amount: Euros.parse("23000"),
    from: "2001-06-06" as CalendarDate,
    requirement:
      "une convention écrite précisant l'objet, le montant, les modalités de versement et les conditions d'utilisation de la subvention",
    source: "loi n° 2000-321 du 12 avril 2000, art. 10 ; décret n° 2001-495 du 6 juin 2001, art. 1"
  },
  {
    id: "prefecture-filing",
    amount: Euros.parse("153000"),
    from: "2001-06-06" as CalendarDate,
    requirement:
      "le dépôt à la préfecture du budget, des comptes, de la convention et du compte rendu financier, et des comptes annuels certifiés par un commissaire aux comptes",
    source: "loi n° 2000-321, art. 10 ; décret n° 2001-495, art. 2 ; code de commerce, art. L. 612-4"
  },
  {
    id: "open-data-publication",
    amount: Euros.parse("23000"),
    // Décret n° 2017-779 (JORF du 7 mai 2017): it concerns subsidies whose convention is signed on or after 1 August 2017.
    from: "2017-08-01" as CalendarDate,
    requirement: "la publication des données essentielles de la convention en données ouvertes (format SCDL subventions)",
    source: "décret n° 2017-779 du 5 mai 2017 ; arrêté du 17 novembre 2017"
  }
]

/**
 * The day loi n° 2021-875 (*loi confortant le respect des principes de la République*) came into
 * force, from which a convention above 23 000 € must also state its control and evaluation terms
 * and the conditions under which an unspent part may be kept.
 *
 * @example
 * ```ts
 * import { CONTROL_CLAUSES_FROM } from "caf-conventions"
 * CONTROL_CLAUSES_FROM //=> "2021-08-26"
 * ```
 * @category compliance
 */
export const CONTROL_CLAUSES_FROM = "2021-08-26" as CalendarDate
