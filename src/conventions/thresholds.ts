/**
 * Legal thresholds, as dated data with their sources: a rule that changes gets a new row, never
 * an `if` on the year in code.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import { Euros } from "../money/euros.js"
import { type LegalSourceId, citation } from "../vocabulary/sources.js"
import { THRESHOLD_REQUIREMENTS } from "../vocabulary/findings.js"

/**
 * A legal threshold on the yearly amount of a subsidy, in force from a date: the compliance check
 * applies a row to the conventions signed on or after `from` (and to drafts), never to those signed
 * before.
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
  readonly id: "written-convention" | "control-and-unspent-clauses" | "prefecture-filing" | "open-data-publication"
  /** The threshold: the rule applies when the yearly amount is strictly above it. */
  readonly amount: Euros
  /** First day of signature the rule applies to: conventions signed earlier are not bound by it. */
  readonly from: CalendarDate
  /** What the rule requires, in French. */
  readonly requirement: string
  /** The legal text, as printed. */
  readonly source: string
  /** The row of {@link LEGAL_SOURCES} the source is read from. */
  readonly legalSource: LegalSourceId
}

/**
 * The thresholds the compliance check applies (all "strictly above the amount, per year"), each
 * read with its `from` day:
 * - 23 000 €: a written convention stating object, amount, payment terms and conditions of use
 *   (loi n° 2000-321, art. 10; décret n° 2001-495, art. 1);
 * - 23 000 €, for conventions signed from **3 July 2021**: also the control and evaluation terms
 *   and the conditions under which an unspent part may be kept (loi n° 2021-875 du 1er juillet
 *   2021 visant à améliorer la trésorerie des associations, art. 1, in force on 3 July 2021);
 * - 153 000 €: filing the accounts at the préfecture and audited accounts (décret n° 2001-495,
 *   art. 2; code de commerce, art. L. 612-4);
 * - 23 000 €, for conventions signed from **1 August 2017**: publication of the award's essential
 *   data as open data, at the latest three months after the signature (décret n° 2017-779 du
 *   5 mai 2017; arrêté du 17 novembre 2017 for the format).
 *
 * @example
 * ```ts
 * import { LEGAL_THRESHOLDS } from "caf-conventions"
 * LEGAL_THRESHOLDS.map((t) => [t.id, t.from])
 * //=> [["written-convention", "2001-06-06"], ["control-and-unspent-clauses", "2021-07-03"], ["prefecture-filing", "2001-06-06"], ["open-data-publication", "2017-08-01"]]
 * ```
 * @category compliance
 */
export const LEGAL_THRESHOLDS: ReadonlyArray<LegalThreshold> = [
  {
    id: "written-convention",
    amount: Euros.parse("23000"),
    from: "2001-06-06" as CalendarDate,
    requirement: THRESHOLD_REQUIREMENTS["written-convention"],
    source: citation("written-convention"),
    legalSource: "written-convention"
  },
  {
    id: "control-and-unspent-clauses",
    amount: Euros.parse("23000"),
    from: "2021-07-03" as CalendarDate,
    requirement: THRESHOLD_REQUIREMENTS["control-and-unspent-clauses"],
    source: citation("control-and-unspent-clauses"),
    legalSource: "control-and-unspent-clauses"
  },
  {
    id: "prefecture-filing",
    amount: Euros.parse("153000"),
    from: "2001-06-06" as CalendarDate,
    requirement: THRESHOLD_REQUIREMENTS["prefecture-filing"],
    source: citation("prefecture-filing"),
    legalSource: "prefecture-filing"
  },
  {
    id: "open-data-publication",
    amount: Euros.parse("23000"),
    from: "2017-08-01" as CalendarDate,
    requirement: THRESHOLD_REQUIREMENTS["open-data-publication"],
    source: citation("open-data-publication"),
    legalSource: "open-data-publication"
  }
]

/**
 * The first day of signature from which a convention above 23 000 € must also state its control
 * and evaluation terms and the conditions under which an unspent part may be kept: the day loi
 * n° 2021-875 du 1er juillet 2021 *visant à améliorer la trésorerie des associations* came into
 * force (its art. 1 amended art. 10 of loi n° 2000-321). It is the `from` of the
 * `control-and-unspent-clauses` row of {@link LEGAL_THRESHOLDS}, which the check reads.
 *
 * @example
 * ```ts
 * import { CONTROL_CLAUSES_FROM } from "caf-conventions"
 * CONTROL_CLAUSES_FROM //=> "2021-07-03"
 * ```
 * @category compliance
 */
export const CONTROL_CLAUSES_FROM: CalendarDate = (
  LEGAL_THRESHOLDS.find((row) => row.id === "control-and-unspent-clauses") as LegalThreshold
).from
