/**
 * The French wording of the funding evaluators: every sentence of a schedule, of a year's use of
 * the money and of a ledger, built here from typed facts (codes, amounts, dates, counts), so that
 * the evaluators return facts and the wording lives in one place. The explanations keep their
 * sentences for readers; renderers read the typed fields, never a sentence.
 *
 * @module
 * @internal
 */
import { type CalendarDate, formatFrenchDate } from "../calendar/date.js"
import type { Fraction } from "../core/fraction.js"
import { counted } from "../core/plural.js"
import type {
  InstalmentFacts,
  InstalmentName,
  InstalmentTrigger,
  ModulationFacts,
  ScheduleFacts,
  UseFacts
} from "../funding/facts.js"
import { percentText, signedAmount, signedPercentText } from "./labels.js"
import { citation } from "./sources.js"
import type { Euros } from "../money/euros.js"

// ---------------------------------------------------------------------------------------------
// Sources

/** @internal The legal source of the payment terms and their deadline. */
export const PAYMENT_SOURCE = citation("payment-terms")

/** @internal The source of the year's amount and of the financial report's due date. */
export const SCHEDULE_SOURCE = citation("year-amount")

/** @internal The source of the clause on unspent money. */
export const UNSPENT_SOURCE = citation("unspent-clause")

/** @internal The source of the conditions of use of the grant. */
export const EXPENSES_SOURCE = citation("use-conditions")

/** @internal The source of the modulation clause. */
export const MODULATION_SOURCE = "Convention : clause de modulation"

/** @internal The source of the payments. */
export const PAYMENTS_SOURCE = "Convention : modalités de versement"

/** @internal The source of the year's balance. */
export const BALANCE_SOURCE = "Convention : modalités de versement et clause sur l'excédent"

/** @internal The source of a convention's own clauses. */
export function conventionSource(conventionId: string): string {
  return `Convention ${conventionId}`
}

/** @internal The source of a withdrawal of the subsidy: the republican commitment's law and decree, art. 4. */
export function withdrawalSource(): string {
  return citation("republican-withdrawal")
}

/** @internal The source of the financial report's due date. */
export const FINANCIAL_REPORT_SOURCE = citation("financial-report-deadline")

// ---------------------------------------------------------------------------------------------
// Small pieces

/** @internal A decimal share as a French percentage: "0.5" → "50 %". */
function percentOfShare(share: string): string {
  return percentText(share)
}

/** @internal "l'avenant n° 2", "les avenants n° 1 et 2", "les avenants n° 1, 2 et 3". */
export function amendmentsText(numbers: ReadonlyArray<number>): string {
  return numbers.length === 1
    ? `l'avenant n° ${numbers[0]}`
    : `les avenants n° ${numbers.slice(0, -1).join(", ")} et ${numbers.at(-1)}`
}

const ORDINALS = [
  "Premier",
  "Deuxième",
  "Troisième",
  "Quatrième",
  "Cinquième",
  "Sixième",
  "Septième",
  "Huitième",
  "Neuvième",
  "Dixième"
]

/** @internal An instalment's label: "Avance", "Deuxième versement", "Solde", "Complément (avenant n° 2)". */
export function instalmentLabel(fact: InstalmentName): string {
  switch (fact.kind) {
    case "advance":
      return "Avance"
    case "instalment":
      return `${ORDINALS[fact.rank - 1] ?? `${fact.rank}e`} versement`
    case "balance":
      return "Solde"
    case "complement":
      return `Complément (avenant n° ${fact.amendment})`
  }
}

/** @internal What makes an instalment payable, in French. */
export function triggerText(fact: InstalmentTrigger): string {
  switch (fact.kind) {
    case "advance":
      return `exigible le ${formatFrenchDate(fact.dueDate)} (${fact.advanceDue.split("-").reverse().join("/")}, ou la notification si elle est postérieure)`
    case "on-date":
      return `exigible le ${formatFrenchDate(fact.dueDate)}`
    case "reports-awaited":
      return `à l'acceptation des bilans ${fact.year}, attendus au plus tard le ${formatFrenchDate(fact.reportsDue)}`
    case "reports-accepted":
      return `bilans ${fact.year} acceptés le ${formatFrenchDate(fact.acceptedOn)}`
    case "amendment":
      return `avenant n° ${fact.amendment} signé le ${formatFrenchDate(fact.signedOn)}`
  }
}

// ---------------------------------------------------------------------------------------------
// The schedule

/** @internal The label of a year's schedule. */
export function scheduleLabel(year: number): string {
  return `Échéancier ${year}`
}

/**
 * @internal The schedule's sentence: "Montant 2024 : 30 000,00 € (montant prévu pour 2024) ; compte
 * rendu financier attendu au plus tard le …", or, for a year the convention does not cover, "La
 * convention ne s'applique pas en 2026 : rien n'est dû.".
 */
export function scheduleSentence(facts: ScheduleFacts): string {
  if (!facts.covered) return `La convention ne s'applique pas en ${facts.year} : rien n'est dû.`
  const basis =
    facts.yearAmount.basis === "per-year"
      ? `montant prévu pour ${facts.yearAmount.year}${facts.yearAmount.proratedDays === undefined ? "" : `, réduit au prorata de ${facts.yearAmount.proratedDays} jours`}`
      : facts.yearAmount.segments
          .map((segment) => `${segment.yearlyAmount.format()} × ${segment.days}/${segment.daysInYear}`)
          .join(" + ")
  const amended =
    facts.amended === undefined
      ? ""
      : `, après ${amendmentsText(facts.amended.amendments)} ; prévu initialement : ${facts.amended.initialAmount.format()}`
  const cut =
    facts.cut === undefined
      ? ""
      : facts.cut.kind === "withdrawal"
        ? ` ; subvention retirée à compter du ${formatFrenchDate(facts.cut.effectiveFrom)} pour manquement au contrat d'engagement républicain`
        : ` ; convention résiliée au ${formatFrenchDate(facts.cut.date)}`
  const unknown =
    facts.unknownAmendments.length === 0 ? "" : ` ; non connu à cette date : ${amendmentsText(facts.unknownAmendments)}`
  const excess = facts.excess.isPositive()
    ? ` ; les versements déjà exigibles dépassent ce montant de ${facts.excess.format()}, à reverser`
    : ""
  return `Montant ${facts.year} : ${facts.amount.format()} (${basis}${amended}${cut})${unknown}${excess} ; compte rendu financier attendu au plus tard le ${formatFrenchDate(facts.financialReportDue)}.`
}

/** What an instalment's basis did not know, as its sentence says it: ", avant l'avenant n° 2 et la résiliation au 30/09/2025". */
function unknownThenText(unknown: InstalmentFacts["unknownThen"]): string {
  if (unknown === undefined) return ""
  const changes = [
    ...(unknown.amendments.length === 0 ? [] : [amendmentsText(unknown.amendments)]),
    ...(unknown.cut === undefined
      ? []
      : [
          unknown.cut.kind === "withdrawal"
            ? `le retrait de la subvention à compter du ${formatFrenchDate(unknown.cut.effectiveFrom)}`
            : `la résiliation au ${formatFrenchDate(unknown.cut.date)}`
        ])
  ]
  return changes.length === 0 ? "" : `, avant ${changes.join(" et ")}`
}

/** @internal One instalment of a schedule, in a sentence. */
export function instalmentSentence(facts: InstalmentFacts): string {
  const { basis } = facts
  const catchUp =
    facts.catchUp === undefined
      ? ""
      : ` (${percentOfShare(facts.catchUp.cumulativeShare)} de ${basis.yearAmount.format()} moins ${facts.catchUp.before.format()} déjà prévus)`
  const known =
    facts.earlierBasis === undefined
      ? ""
      : ` (calculé sur ${basis.yearAmount.format()}, le montant connu à l'échéance${facts.earlierBasis.length === 0 ? "" : `, après ${amendmentsText(facts.earlierBasis)}`}${unknownThenText(facts.unknownThen)})`
  const what =
    facts.kind === "complement"
      ? `${facts.amount.format()}, complément après ${amendmentsText(basis.amendments.filter((n) => n === facts.amendment))} (montant de l'année porté à ${basis.yearAmount.format()})`
      : facts.kind === "balance" && facts.rest
        ? `le reste de ${basis.yearAmount.format()}, soit ${facts.planned.format()}${known}`
        : `${percentOfShare(facts.share)}${catchUp} soit ${facts.planned.format()}${known}`
  const offset =
    facts.offset === undefined
      ? ""
      : `, moins ${facts.offset.amount.format()} non dépensés en ${facts.offset.fromYear} et déduits (clause de report) : ${facts.amount.format()} à verser`
  // Nothing to pay (an instalment the cut of the year left empty, a balance after an advance of
  // 100 %): no day on which it falls due, no deadline.
  if (facts.amount.isZero()) return `${what}${offset} : rien à verser.`
  return `${what}${offset}, ${triggerText(facts.trigger)}${facts.deadline === undefined ? "" : ` ; à payer au plus tard le ${formatFrenchDate(facts.deadline)}`}.`
}

// ---------------------------------------------------------------------------------------------
// A year's use of the money

/** @internal The labels of the parts of a year's explanation. */
export const USE_LABELS = {
  amount: "Montant de l'année",
  modulation: "Modulation selon les objectifs",
  payments: "Versements",
  expenses: "Dépenses",
  unspent: "Part non dépensée",
  balance: "Solde de l'année",
  withdrawal: "Retrait de la subvention",
  financialReport: "Compte rendu financier"
} as const

/** @internal The label of a year's use. */
export function useLabel(year: number): string {
  return `Emploi des fonds ${year}`
}

/** @internal The facts of one instalment's line in a year's use. */
interface InstalmentPositionFacts {
  readonly amount: Euros
  readonly offset: { readonly amount: Euros; readonly fromYear: number } | undefined
  readonly paid: Euros
  /** The status in French, with its days ("en retard (12 jours)"). */
  readonly status: string
  readonly deadline: CalendarDate | undefined
}

/** @internal "15 000,00 € prévus, 15 000,00 € versés : payé (au plus tard le …)." */
export function instalmentPositionSentence(facts: InstalmentPositionFacts): string {
  const offset =
    facts.offset === undefined
      ? ""
      : ` (après déduction de ${facts.offset.amount.format()} reportés de ${facts.offset.fromYear})`
  return `${facts.amount.format()} prévus${offset}, ${facts.paid.format()} versés : ${facts.status}${facts.deadline === undefined ? "" : ` (au plus tard le ${formatFrenchDate(facts.deadline)})`}.`
}

/** @internal "rien à verser ni à reverser", "1 200,00 € à reverser ; …". */
export function useOutcomeText(facts: UseFacts): string {
  if (facts.state === "not-started")
    return `l'année n'a pas commencé${facts.stillToPay.isPositive() ? ` ; ${facts.stillToPay.format()} exigibles et non versés` : ""}`
  const texts: Array<string> = []
  if (facts.awaitingUse.isPositive())
    texts.push(`${facts.awaitingUse.format()} reçus et pas encore justifiés par des dépenses éligibles`)
  if (facts.toRepay.isPositive())
    texts.push(
      `${facts.toRepay.format()} à reverser${facts.lastYearOfOffset ? " (dernière année de la convention : rien ne peut être déduit d'une année suivante)" : ""}${repaidText(facts)}`
    )
  else if (facts.repaid.isPositive()) texts.push(`${facts.repaid.format()} reversés alors que rien n'est à reverser`)
  if (facts.offsetNextYear.isPositive())
    texts.push(`${facts.offsetNextYear.format()} à déduire du solde de ${facts.year + 1}`)
  if (facts.stillToPay.isPositive())
    texts.push(
      `${facts.stillToPay.format()} ${facts.state === "in-progress" ? "exigibles et non versés" : "restant à verser"}`
    )
  return texts.length === 0 ? "rien à verser ni à reverser" : texts.join(" ; ")
}

/** @internal ", dont 500,00 € reversés : reste 761,48 €", ", 2 000,00 € reversés : 738,52 € trop reversés", ", reversés". */
function repaidText(facts: UseFacts): string {
  if (!facts.repaid.isPositive()) return ""
  if (facts.overRepaid.isPositive())
    return `, ${facts.repaid.format()} reversés : ${facts.overRepaid.format()} trop reversés`
  if (facts.stillToRepay.isPositive())
    return `, dont ${facts.repaid.format()} reversés : reste ${facts.stillToRepay.format()}`
  return ", reversés en totalité"
}

/** @internal " (provisoire : l'année n'est pas terminée)" while a year is not over. */
function provisionalText(final: boolean): string {
  return final ? "" : " (provisoire : l'année n'est pas terminée)"
}

/** @internal " ; 1 000,00 € non dépensés l'année précédente, déduits du solde", when money was carried in. */
function carriedInText(carriedIn: Euros): string {
  return carriedIn.isPositive() ? ` ; ${carriedIn.format()} non dépensés l'année précédente, déduits du solde` : ""
}

/** @internal "30 000,00 € reçus pour 2024." */
export function paymentsSentence(facts: {
  readonly year: number
  readonly received: Euros
  readonly carriedIn: Euros
}): string {
  return `${facts.received.format()} reçus pour ${facts.year}${carriedInText(facts.carriedIn)}.`
}

/** @internal The facts of a year's expenses. */
interface ExpensesFacts {
  readonly eligibleCount: number
  readonly eligibleSpend: Euros
  /** The amounts left out, by reason, in the order the reasons are checked (the reason's label). */
  readonly ineligible: ReadonlyArray<{ readonly label: string; readonly amount: Euros }>
  /** Eligible spending over the granted amount. */
  readonly consumption: Fraction | undefined
}

/** @internal "9 dépenses éligibles pour 31 000,00 € ; non retenues : … ; taux de consommation 103,3 %." */
export function expensesSentence(facts: ExpensesFacts): string {
  const ineligible = facts.ineligible.map((line) => `${line.amount.format()} ${line.label}`).join(", ")
  const consumption = facts.consumption === undefined ? "" : ` ; taux de consommation ${percentText(facts.consumption)}`
  return `${counted(facts.eligibleCount, "dépense éligible", "dépenses éligibles")} pour ${facts.eligibleSpend.format()}${ineligible === "" ? "" : ` ; non retenues : ${ineligible}`}${consumption}.`
}

const UNSPENT_RULES = {
  repay: "la part non dépensée est reversée",
  keep: "le partenaire conserve un excédent raisonnable, dans la limite prévue",
  offset: "la part non dépensée est déduite du solde de l'année suivante"
} as const

/** @internal The facts of the unspent part of a year's grant. */
export interface UnspentFacts {
  readonly year: number
  readonly state: "not-covered" | "not-started" | "in-progress" | "ended"
  readonly rule: keyof typeof UNSPENT_RULES
  readonly lastYearOfOffset: boolean
  readonly granted: Euros
  readonly eligibleSpend: Euros
  readonly unspent: Euros
  readonly keepable: Euros
  /** Where the unspent part went. */
  readonly keptSurplus: Euros
  readonly offsetNextYear: Euros
  readonly toRepay: Euros
  /** Of what is to repay, what was received beyond the grant. */
  readonly overGrant: Euros
  /** Of the unspent part, what was never paid. */
  readonly notPaid: Euros
}

/** Where the unspent part of the grant went: kept, deducted from the next balance, to repay, or never paid. */
function whereUnspentGoes(facts: UnspentFacts): string {
  const places = [
    ...(facts.keptSurplus.isPositive() ? [`${facts.keptSurplus.format()} conservés par le partenaire`] : []),
    ...(facts.offsetNextYear.isPositive()
      ? [`${facts.offsetNextYear.format()} déduits du solde de ${facts.year + 1}`]
      : []),
    ...(facts.toRepay.isPositive()
      ? [
          `${facts.toRepay.format()} à reverser${facts.overGrant.isPositive() ? `, dont ${facts.overGrant.format()} versés au-delà du montant accordé` : ""}`
        ]
      : []),
    ...(facts.notPaid.isPositive() ? [`${facts.notPaid.format()} non versés`] : [])
  ]
  return places.join(", ")
}

/** @internal The sentence on the unspent part of the grant. */
export function unspentSentence(facts: UnspentFacts): string {
  if (facts.state === "not-started") return "L'année n'a pas commencé : rien n'est encore employé."
  if (facts.state === "in-progress")
    return `Année en cours : ${facts.eligibleSpend.format()} de dépenses éligibles à ce jour ; la part non dépensée sera établie à la fin de l'année.`
  if (facts.granted.isZero()) return "Aucune subvention accordée pour l'année : rien à employer."
  if (facts.unspent.isZero()) return "Toute la subvention accordée a été employée à des dépenses éligibles."
  const rule = facts.lastYearOfOffset
    ? "dernière année de la convention : la part non dépensée ne peut être déduite d'une année suivante, elle est reversée"
    : UNSPENT_RULES[facts.rule]
  return `${facts.unspent.format()} non dépensés : ${whereUnspentGoes(facts)} (${rule}${facts.keepable.isPositive() ? `, ${facts.keepable.format()} conservables` : ""}).`
}

/** @internal The facts of a withdrawal of the subsidy, in the year it cuts. */
interface WithdrawalFacts {
  readonly year: number
  readonly decidedOn: CalendarDate
  readonly notifiedOn: CalendarDate | undefined
  readonly reason: string
  readonly effectiveFrom: CalendarDate
  readonly part: { readonly start: CalendarDate; readonly end: CalendarDate }
  readonly amount: Euros
  /** What was paid for the period after the breach, to restore, and by when. */
  readonly owed: { readonly amount: Euros; readonly dueDate: CalendarDate; readonly late: boolean } | undefined
}

/** @internal "Subvention retirée par décision du … ; … à restituer au plus tard le …." */
export function withdrawalSentence(facts: WithdrawalFacts): string {
  const decided = `Subvention retirée par décision du ${formatFrenchDate(facts.decidedOn)}${facts.notifiedOn === undefined ? "" : `, notifiée le ${formatFrenchDate(facts.notifiedOn)}`}, pour manquement au contrat d'engagement républicain (« ${facts.reason} ») à compter du ${formatFrenchDate(facts.effectiveFrom)} : le montant de ${facts.year} est réduit au prorata des jours du ${formatFrenchDate(facts.part.start)} au ${formatFrenchDate(facts.part.end)} (${facts.amount.format()})`
  return facts.owed === undefined
    ? `${decided} ; rien n'a été versé au-delà pour la période postérieure au manquement.`
    : `${decided} ; ${facts.owed.amount.format()} versés pour la période postérieure au manquement sont à restituer au plus tard le ${formatFrenchDate(facts.owed.dueDate)}${facts.owed.late ? " : en retard" : ""}.`
}

/** @internal "Droit au titre de 2024 : … ; reçu : … ; rien à verser ni à reverser." */
export function balanceSentence(facts: {
  readonly year: number
  readonly entitled: Euros
  readonly received: Euros
  readonly carriedIn: Euros
  readonly outcome: string
  readonly final: boolean
}): string {
  return `Droit au titre de ${facts.year} : ${facts.entitled.format()} ; reçu : ${facts.received.format()}${carriedInText(facts.carriedIn)} ; ${facts.outcome}${provisionalText(facts.final)}.`
}

/** @internal When the financial report was received: on a day, or on a day not given, with what shows it. */
export interface ReceiptFacts {
  readonly receivedOn?: CalendarDate | undefined
  readonly receivedUndated?:
    | { readonly evidence: "reports-accepted"; readonly by: CalendarDate }
    | { readonly evidence: "document" }
    | undefined
}

/**
 * @internal Whether and when the financial report was received, after its due day:
 * `, reçu le 30/04/2025`, `, reçu (date de réception non renseignée ; bilans acceptés le
 * 20/05/2025)`, or nothing when it was not received.
 */
export function financialReportReceiptText(facts: ReceiptFacts): string {
  if (facts.receivedOn !== undefined) return `, reçu le ${formatFrenchDate(facts.receivedOn)}`
  const undated = facts.receivedUndated
  if (undated === undefined) return ""
  return undated.evidence === "reports-accepted"
    ? `, reçu (date de réception non renseignée ; bilans acceptés le ${formatFrenchDate(undated.by)})`
    : ", reçu (date de réception non renseignée)"
}

/** @internal "Attendu au plus tard le 30/06/2025, reçu le … : en retard." */
export function financialReportSentence(
  facts: ReceiptFacts & { readonly dueDate: CalendarDate; readonly late: boolean }
): string {
  return `Attendu au plus tard le ${formatFrenchDate(facts.dueDate)}${financialReportReceiptText(facts)}${facts.late ? " : en retard" : ""}.`
}

/** @internal The year's sentence: "Convention cpo-1, 2024 au 15/07/2025 : rien à verser ni à reverser." */
export function useSentence(facts: UseFacts): string {
  return `Convention ${facts.conventionId}, ${facts.year}${facts.asOf === undefined ? "" : ` au ${formatFrenchDate(facts.asOf)}`} : ${useOutcomeText(facts)}${provisionalText(facts.final)}${facts.carriedIn.isPositive() ? ` (${facts.carriedIn.format()} non dépensés en ${facts.year - 1} déduits du solde)` : ""}.`
}

/** @internal Why a payment does not count for the year. */
export type NotCountedFact =
  | { readonly kind: "copy" }
  | { readonly kind: "other-year"; readonly year: number }
  | { readonly kind: "other-convention"; readonly conventionId: string }
  | { readonly kind: "after-as-of"; readonly date: CalendarDate; readonly asOf: CalendarDate }

/** @internal Why a payment does not count for the year, in French. */
export function notCountedText(fact: NotCountedFact): string {
  switch (fact.kind) {
    case "copy":
      return "copie identique d'un autre versement, comptée une fois"
    case "other-year":
      return `versement au titre de ${fact.year}`
    case "other-convention":
      return `versement au titre de la convention ${fact.conventionId}`
    case "after-as-of":
      return `versé le ${formatFrenchDate(fact.date)}, après le ${formatFrenchDate(fact.asOf)}`
  }
}

/** @internal The detail of an expense that copies another. */
export const COPIED_EXPENSE_TEXT = "copie identique d'une autre dépense, comptée une fois"

// ---------------------------------------------------------------------------------------------
// Expenses left out

/** @internal Why an expense is left out, with what the sentence names. */
export type ExpenseExclusionFact =
  | { readonly kind: "not-covered-year" }
  | { readonly kind: "outside-period"; readonly date: CalendarDate }
  | { readonly kind: "after-as-of"; readonly date: CalendarDate; readonly asOf: CalendarDate }
  | { readonly kind: "sector-not-covered"; readonly sector: string }
  | { readonly kind: "excluded-scheme"; readonly scheme: string }
  | { readonly kind: "other-convention"; readonly conventionId: string }
  | { readonly kind: "category-excluded"; readonly category: string }
  | { readonly kind: "no-document" }

/** @internal The detail of an expense left out, in French (`sector`, `scheme`, `category`: their French labels). */
export function exclusionDetail(fact: ExpenseExclusionFact): string {
  switch (fact.kind) {
    case "not-covered-year":
      return "la convention ne s'applique pas cette année"
    case "outside-period":
      return `datée du ${formatFrenchDate(fact.date)}, hors de la période`
    case "after-as-of":
      return `datée du ${formatFrenchDate(fact.date)}, après le ${formatFrenchDate(fact.asOf)}`
    case "sector-not-covered":
      return `secteur « ${fact.sector} » non couvert par la convention à cette date`
    case "excluded-scheme":
      return `financée par ${fact.scheme}, que la convention exclut`
    case "other-convention":
      return `imputée à la convention ${fact.conventionId}`
    case "category-excluded":
      return `${fact.category} : catégorie que la convention ne finance pas`
    case "no-document":
      return "aucune référence de pièce justificative"
  }
}

// ---------------------------------------------------------------------------------------------
// Modulation

/** A decimal rate as a French percentage, as every percentage is written: "0.025" → "2,5 %". */
function rateInPercent(rate: string): string {
  return percentText(rate)
}

/** @internal The modulation's sentence. */
export function modulationSentence(fact: ModulationFacts): string {
  switch (fact.kind) {
    case "no-clause":
      return "La convention ne module pas le montant selon les objectifs."
    case "no-evaluation":
      return "La convention module le montant selon les objectifs, mais aucune évaluation des objectifs n'a été fournie : aucune réduction n'est appliquée."
    case "none-missed":
      return "Aucun objectif manqué : pas de réduction."
    case "fixed":
      return `${counted(fact.missed, "objectif manqué", "objectifs manqués")} × ${rateInPercent(fact.ratePerMissed)} : réduction de ${fact.reduction.format()}.`
    case "within-tolerance":
      return `${fact.missed > 1 ? "Objectifs manqués" : "Objectif manqué"} dans la tolérance de ${rateInPercent(fact.tolerance)} : pas de réduction.`
    case "proportional":
      return `Réduction proportionnelle à l'écart sur ${counted(fact.missed, "objectif manqué", "objectifs manqués")}, au-delà de la tolérance de ${rateInPercent(fact.tolerance)} : ${fact.reduction.format()}.`
  }
}

// ---------------------------------------------------------------------------------------------
// The financial report compared with its forecast

/** @internal The totals a financial report's sentence names (a `FinancialReportComparison` has them). */
export interface ComparisonTotalsFacts {
  readonly totals: {
    readonly charges: { readonly forecast: Euros; readonly actual: Euros }
    readonly products: { readonly forecast: Euros; readonly actual: Euros }
  }
  readonly actualCost: Euros
  readonly result: Euros
}

/** @internal What the spending the Caf covers is computed from (a `FinancialReportComparison` has it). */
interface CoveredSpendFacts {
  readonly actualCost: Euros
  readonly otherFundingReceived: Euros
  readonly eligibleSpend: Euros
  readonly cafReceived: Euros
}

/** @internal The tolerance on a line's variance and the lines (a `FinancialReportComparison` has them). */
interface VarianceFacts {
  readonly tolerance?: string | undefined
  readonly lines: ReadonlyArray<{
    readonly label: string
    readonly variance: Euros
    readonly varianceShare?: Fraction | undefined
    readonly beyondTolerance: boolean
    readonly explanation?: string | undefined
  }>
}

/** @internal The labels of the financial report's two lines. */
export const COMPARISON_LABELS = {
  coveredSpend: "Dépenses couvertes par la Caf",
  variances: "Écarts entre prévu et réalisé"
} as const

/** @internal The label of a year's financial report. */
export function comparisonLabel(year: number): string {
  return `Compte rendu financier ${year}`
}

/** @internal "Charges prévues …, réalisées … ; produits prévus …, réalisés … ; résultat de l'action +…." */
export function comparisonSentence(facts: ComparisonTotalsFacts): string {
  const { charges, products } = facts.totals
  return `Charges prévues ${charges.forecast.format()}, réalisées ${facts.actualCost.format()} ; produits prévus ${products.forecast.format()}, réalisés ${products.actual.format()} ; résultat de l'action ${signedAmount(facts.result)}.`
}

/** @internal "Charges réalisées (comptes 60 à 68) … − autres financements reçus … = … couverts par la subvention de la Caf (…)." */
export function coveredSpendSentence(facts: CoveredSpendFacts): string {
  return `Charges réalisées (comptes 60 à 68) ${facts.actualCost.format()} − autres financements reçus ${facts.otherFundingReceived.format()} = ${facts.eligibleSpend.format()} couverts par la subvention de la Caf (reçu de la Caf selon le compte rendu : ${facts.cafReceived.format()}).`
}

/** @internal The variances beyond the convention's tolerance, explained or not; or that it sets none. */
export function varianceSentence(facts: VarianceFacts): string {
  const { tolerance } = facts
  if (tolerance === undefined)
    return "La convention ne fixe pas de tolérance sur les écarts : ils sont montrés, aucune explication n'est exigée."
  const beyond = facts.lines.filter((line) => line.beyondTolerance)
  if (beyond.length === 0) return `Aucun écart au-delà de la tolérance de ${percentText(tolerance, 1)}.`
  const lines = beyond.map(
    (line) =>
      `${line.label} ${signedAmount(line.variance)}${line.varianceShare === undefined ? "" : ` (${signedPercentText(line.varianceShare)})`}${line.explanation === undefined ? ", sans explication" : ", expliqué"}`
  )
  return `${beyond.length === 1 ? "Un écart passe" : `${beyond.length} écarts passent`} la tolérance de ${percentText(tolerance, 1)} : ${lines.join(" ; ")}.`
}

/** @internal The financial report's two lines, as a report lists them: "Dépenses couvertes par la Caf : …". */
export function comparisonLines(facts: CoveredSpendFacts & VarianceFacts): ReadonlyArray<string> {
  return [
    `${COMPARISON_LABELS.coveredSpend} : ${coveredSpendSentence(facts)}`,
    `${COMPARISON_LABELS.variances} : ${varianceSentence(facts)}`
  ]
}

// ---------------------------------------------------------------------------------------------
// The ledger

/** @internal The label of a convention's ledger. */
export function ledgerLabel(conventionId: string): string {
  return `Suivi financier de la convention ${conventionId}`
}

/** @internal The sums of a ledger, and what a withdrawal demands back. */
interface LedgerFacts {
  readonly conventionId: string
  readonly asOf: CalendarDate | undefined
  readonly granted: Euros
  readonly received: Euros
  readonly carriedIn: Euros
  readonly usedOnEligible: Euros
  readonly keptSurplus: Euros
  readonly toRepay: Euros
  readonly repaid: Euros
  readonly stillToRepay: Euros
  readonly overRepaid: Euros
  /** `stillToRepay` − `overRepaid`: negative when the partner repaid more than it owes. */
  readonly netToRepay: Euros
  readonly awaitingUse: Euros
  readonly stillToPay: Euros
  /** What a withdrawal of the subsidy demands back, and the first day it is due. */
  readonly withdrawal: { readonly amount: Euros; readonly dueDate: CalendarDate } | undefined
}

/** @internal "180,00 € à reverser", "558,52 € à rembourser au partenaire", "rien à reverser": the net position of the repayments. */
export function netRepaymentText(net: Euros): string {
  if (net.isPositive()) return `${net.format()} à reverser par le partenaire`
  if (net.isNegative()) return `${net.negated().format()} trop reversés, à rembourser au partenaire`
  return "rien à reverser"
}

/**
 * @internal "Solde net des reversements : 558,52 € trop reversés, à rembourser au partenaire
 * (738,52 € trop reversés, 180,00 € restant à reverser)."
 */
export function netRepaymentSentence(facts: {
  readonly stillToRepay: Euros
  readonly overRepaid: Euros
  readonly netToRepay: Euros
}): string {
  return `Solde net des reversements sur la convention : ${netRepaymentText(facts.netToRepay)} (${facts.overRepaid.format()} trop reversés, ${facts.stillToRepay.format()} restant à reverser).`
}

/** @internal "Convention cpo-1 au 31/12/2026 : accordé … ; reçu … ; … ; reste à verser …." */
export function ledgerSentence(facts: LedgerFacts): string {
  const withdrawal =
    facts.withdrawal === undefined
      ? ""
      : `, dont ${facts.withdrawal.amount.format()} à restituer après le retrait de la subvention (contrat d'engagement républicain), au plus tard le ${formatFrenchDate(facts.withdrawal.dueDate)}`
  const parts = [
    `accordé ${facts.granted.format()}`,
    `reçu ${facts.received.format()}`,
    ...(facts.carriedIn.isPositive() ? [`reporté d'une année sur la suivante ${facts.carriedIn.format()}`] : []),
    `employé ${facts.usedOnEligible.format()}`,
    ...(facts.keptSurplus.isPositive() ? [`excédent conservé ${facts.keptSurplus.format()}`] : []),
    `à reverser ${facts.toRepay.format()}${withdrawal}`,
    ...(facts.repaid.isPositive()
      ? [`reversé ${facts.repaid.format()}`, `reste à reverser ${facts.stillToRepay.format()}`]
      : []),
    ...(facts.overRepaid.isPositive()
      ? [
          `trop reversé ${facts.overRepaid.format()}`,
          `solde net des reversements : ${netRepaymentText(facts.netToRepay)}`
        ]
      : []),
    ...(facts.awaitingUse.isPositive() ? [`en attente d'emploi ${facts.awaitingUse.format()}`] : []),
    `reste à verser ${facts.stillToPay.format()}`
  ]
  return `Convention ${facts.conventionId}${facts.asOf === undefined ? "" : ` au ${formatFrenchDate(facts.asOf)}`} : ${parts.join(" ; ")}.`
}

/** @internal What a payment is dated before: the convention's signature, its notification, or its first day. */
export type EarlyPaymentFact = {
  readonly before: "signature" | "notification" | "start"
  readonly id: string
  readonly amount: Euros
  readonly date: CalendarDate
  /** The day of the signature, the notification or the start. */
  readonly day: CalendarDate
}

/** @internal The label of the remark on a payment dated before the convention could be paid. */
export const EARLY_PAYMENT_LABEL = "Versement antérieur à la convention"

/** @internal Why a payment dated before the convention is irregular, in French. */
export function earlyPaymentText(fact: EarlyPaymentFact): string {
  // Read after the label « Versement antérieur à la convention », so it does not begin with « Versement ».
  const paid = `${fact.amount.format()} versés le ${formatFrenchDate(fact.date)} (${fact.id})`
  switch (fact.before) {
    case "signature":
      return `${paid}, avant la signature de la convention (${formatFrenchDate(fact.day)}) : aucune convention ne le fondait encore ; versement irrégulier, à régulariser.`
    case "notification":
      return `${paid}, avant la notification de la convention (${formatFrenchDate(fact.day)}) : versement irrégulier, à régulariser.`
    case "start":
      return `${paid}, avant le début de la convention (${formatFrenchDate(fact.day)}) : versement irrégulier, compté pour l'année mais à régulariser.`
  }
}
