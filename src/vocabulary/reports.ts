/**
 * The French wording of the reviews (*bilans*): every line a yearly or end-of-convention review
 * prints beside its tables is built here from typed facts (amounts, dates, counts, codes), so that
 * the report builders pass facts and the wording lives in one place. Where the same fact is
 * already worded for an explanation (src/vocabulary/funding.ts, src/vocabulary/objectives.ts), the
 * review reuses that wording.
 *
 * @module
 * @internal
 */
import { type CalendarDate, formatFrenchDate } from "../calendar/date.js"
import { type Fraction, formatDecimal } from "../core/fraction.js"
import { counted } from "../core/plural.js"
import type { Change } from "../conventions/amendment.js"
import type { ComplianceFinding } from "../conventions/finding.js"
import type { Target } from "../conventions/objective.js"
import type { Terms } from "../conventions/terms.js"
import type { InstalmentFacts, ModulationFacts } from "../funding/facts.js"
import type { FundingYearState } from "../funding/state.js"
import { Euros } from "../money/euros.js"
import type { IndicatorFacts } from "../objectives/facts.js"
import { ACCOMPANIMENT_KIND_LABELS, SECTOR_LABELS, type Sector } from "../referential/codes.js"
import { CONVENTION_KIND_LABELS, type ConventionKind } from "../referential/convention-codes.js"
import {
  type ComparisonTotalsFacts,
  comparisonLabel,
  comparisonSentence,
  financialReportReceiptText,
  instalmentLabel,
  instalmentSentence,
  modulationSentence,
  type ReceiptFacts
} from "./funding.js"
import { CONVENTION_STATUS_LABELS, percentText } from "./labels.js"
import { indicatorSentence } from "./objectives.js"
import { citation } from "./sources.js"
import { type IdentifierProblem, identifierProblemText } from "./validation.js"
import type { ConventionStatus } from "../conventions/terms-as-of.js"

// ---------------------------------------------------------------------------------------------
// The review's heading

/** @internal Which review: a year's, or the whole convention's. */
export type ReviewKind = { readonly kind: "annual"; readonly year: number } | { readonly kind: "convention" }

/** @internal "Bilan annuel 2024", "Bilan de fin de convention". */
function reviewName(review: ReviewKind): string {
  return review.kind === "annual" ? `Bilan annuel ${review.year}` : "Bilan de fin de convention"
}

/** @internal The review's title: "Bilan annuel 2024 — CPO centre social". */
export function reviewTitle(review: ReviewKind, conventionTitle: string): string {
  return `${reviewName(review)} — ${conventionTitle}`
}

/** @internal The line at the foot of each page: "Bilan annuel 2024 — situation au 31/12/2024". */
export function reviewRunningDate(review: ReviewKind, day: CalendarDate): string {
  return `${reviewName(review)} — situation au ${formatFrenchDate(day)}`
}

/** @internal The two parties: "Caf du Pas-de-Calais × Centre social Les Tilleuls". */
export function partiesText(funder: string, partner: string): string {
  return `${funder} × ${partner}`
}

// ---------------------------------------------------------------------------------------------
// The convention

/** @internal A sector an amendment adds or removes, from the day it takes effect. */
export interface SectorChangeFacts {
  readonly kind: "sectors-added" | "sectors-removed"
  readonly sectors: ReadonlyArray<Sector>
  readonly from: CalendarDate
  readonly amendment: number
}

/**
 * @internal The sectors the convention covers: those of the signed text, then each one an
 * amendment adds or removes (`Secteurs : Animation de la vie sociale, Parentalité ; Jeunesse à
 * partir du 01/09/2024 (avenant n° 1)`).
 */
export function sectorsLine(signed: ReadonlyArray<Sector>, changes: ReadonlyArray<SectorChangeFacts>): string {
  const names = (sectors: ReadonlyArray<Sector>) => sectors.map((sector) => SECTOR_LABELS[sector]).join(", ")
  const changed = changes.map((change) => {
    const when = `à partir du ${formatFrenchDate(change.from)} (avenant n° ${change.amendment})`
    return change.kind === "sectors-added"
      ? `${names(change.sectors)} ${when}`
      : `${names(change.sectors)} ${change.sectors.length > 1 ? "retirés" : "retiré"} ${when}`
  })
  return `Secteurs : ${[names(signed), ...changed].join(" ; ")}`
}

/** @internal A withdrawal of the subsidy decided by the review's day, and what it demands back. */
export interface WithdrawalLineFacts {
  readonly decidedOn: CalendarDate
  readonly effectiveFrom: CalendarDate
  readonly reason: string
  /** What was paid for the period after the breach and the first day it is due; undefined when nothing. */
  readonly owed: { readonly amount: Euros; readonly dueDate: CalendarDate } | undefined
}

/** @internal "Retrait de la subvention : décidé le …, à compter du …, pour manquement au contrat d'engagement républicain (« … ») …". */
export function withdrawalLine(facts: WithdrawalLineFacts): string {
  const repay =
    facts.owed === undefined
      ? ""
      : ` ; ${facts.owed.amount.format()} versés pour la période postérieure au manquement, à restituer au plus tard le ${formatFrenchDate(facts.owed.dueDate)}`
  return `Retrait de la subvention : décidé le ${formatFrenchDate(facts.decidedOn)}, à compter du ${formatFrenchDate(facts.effectiveFrom)}, pour manquement au contrat d'engagement républicain (« ${facts.reason} »)${repay} (${citation("withdrawal-grounds")})`
}

/** @internal What the review's first section says of the convention. */
export interface ConventionSummaryFacts {
  readonly funder: string
  readonly partner: string
  readonly kind: ConventionKind
  readonly period: { readonly start: CalendarDate; readonly end: CalendarDate }
  readonly terminatedOn: CalendarDate | undefined
  /** The sectors' line ({@link sectorsLine}). */
  readonly sectors: string
  /** The withdrawal's line, when one was decided ({@link withdrawalLine}). */
  readonly withdrawal: string | undefined
  /** The convention's status, in a yearly review. */
  readonly status: ConventionStatus | undefined
  readonly asOf: CalendarDate | undefined
}

/** @internal The list of the review's first section: parties, kind, period, sectors, withdrawal, status, day. */
export function conventionSummaryLines(facts: ConventionSummaryFacts): ReadonlyArray<string> {
  const terminated = facts.terminatedOn === undefined ? "" : ` (résiliée au ${formatFrenchDate(facts.terminatedOn)})`
  return [
    `Financeur : ${facts.funder}`,
    `Partenaire : ${facts.partner}`,
    `Nature : ${CONVENTION_KIND_LABELS[facts.kind]}`,
    `Période : du ${formatFrenchDate(facts.period.start)} au ${formatFrenchDate(facts.period.end)}${terminated}`,
    facts.sectors,
    ...(facts.withdrawal === undefined ? [] : [facts.withdrawal]),
    ...(facts.status === undefined ? [] : [`Statut : ${CONVENTION_STATUS_LABELS[facts.status]}`]),
    ...(facts.asOf === undefined ? [] : [`Situation arrêtée au ${formatFrenchDate(facts.asOf)}`])
  ]
}

/** @internal One step of the convention's lineage: "2021–2023 : Convention pluriannuelle d'objectifs — CPO 2021". */
export function lineageLine(step: {
  readonly start: CalendarDate
  readonly end: CalendarDate
  readonly kind: ConventionKind
  readonly title: string
}): string {
  return `${step.start.slice(0, 4)}–${step.end.slice(0, 4)} : ${CONVENTION_KIND_LABELS[step.kind]} — ${step.title}`
}

/** @internal The severity of a compliance finding, as a review prints it. */
export const FINDING_SEVERITY_LABELS: Readonly<Record<ComplianceFinding["severity"], string>> = {
  error: "Erreur",
  warning: "À vérifier",
  info: "Information"
}

/** @internal "À vérifier : … (source)". */
export function findingLine(finding: Pick<ComplianceFinding, "severity" | "message" | "source">): string {
  return `${FINDING_SEVERITY_LABELS[finding.severity]} : ${finding.message} (${finding.source})`
}

// ---------------------------------------------------------------------------------------------
// Amendments

/** @internal "1 avenant à la convention au 15/07/2025." */
export function amendmentsIntro(count: number, asOf: CalendarDate | undefined): string {
  return `${counted(count, "avenant", "avenants")} à la convention${asOf === undefined ? "" : ` au ${formatFrenchDate(asOf)}`}.`
}

/** @internal What an amendment does to a yearly review's year. */
export type AmendmentYearFacts =
  | { readonly number: number; readonly year: number; readonly applies: "whole-year" }
  | {
      readonly number: number
      readonly year: number
      readonly applies: "from"
      readonly from: CalendarDate
      /** Whether it only adds or removes objectives (it changes no amount). */
      readonly onlyObjectives: boolean
    }
  | { readonly number: number; readonly year: number; readonly applies: "later"; readonly from: CalendarDate }

/** @internal "Avenant n° 1 : s'applique à toute l'année 2024.", "… à partir du …", "… sans effet sur 2024 …". */
export function amendmentYearLine(facts: AmendmentYearFacts): string {
  const name = `Avenant n° ${facts.number}`
  switch (facts.applies) {
    case "whole-year":
      return `${name} : s'applique à toute l'année ${facts.year}.`
    case "from":
      return `${name} : s'applique à ${facts.year} à partir du ${formatFrenchDate(facts.from)} (${facts.onlyObjectives ? "objectifs ajoutés ou supprimés : voir les objectifs de l'année" : "montant de l'année au prorata des jours, voir l'échéancier"}).`
    case "later":
      return `${name} : sans effet sur ${facts.year} (il prend effet le ${formatFrenchDate(facts.from)}).`
  }
}

/** @internal An amendment's number in its table: "n° 2". */
export function amendmentNumberText(number: number): string {
  return `n° ${number}`
}

/** @internal The amounts a convention's terms grant: "30 000,00 € par an", "2024 : …, 2025 : …", "non fixé". */
export function amountsText(amounts: Terms["amounts"]): string {
  if (amounts === undefined) return "non fixé"
  if (amounts.kind === "constant") return `${amounts.yearlyAmount.format()} par an`
  return Object.entries(amounts.byYear)
    .map(([year, value]) => `${year} : ${value.format()}`)
    .join(", ")
}

/** @internal A target in a table: "≥ 40", "≤ 12", "10 à 20", a share's in percent ("≥ 60 %"); "—" without a bound. */
export function targetText(target: Target, share: boolean): string {
  const write = (value: number) => (share ? percentText(value) : formatDecimal(value))
  if (target.atLeast !== undefined && target.atMost !== undefined)
    return `${write(target.atLeast)} à ${write(target.atMost)}`
  if (target.atLeast !== undefined) return `≥ ${write(target.atLeast)}`
  return target.atMost === undefined ? "—" : `≤ ${write(target.atMost)}`
}

/** @internal The objectives a change may name: their id, their title, whether their indicator is a share. */
export interface NamedObjective {
  readonly id: string
  readonly title: string
  readonly indicator: { readonly kind: string }
}

/** @internal "2 dates de versement" and the like: the singular for one, the plural above. */
const several = (count: number, one: string, many: string) => (count > 1 ? many : one)

/** A day of the year written "31/03" (a `MM-DD` of the payment terms). */
const monthDay = (value: string) => value.split("-").reverse().join("/")

/** The payment terms an amendment changes, in words. */
function paymentTermsText(change: Extract<Change, { kind: "payment-terms" }>): string {
  const parts = [
    ...(change.advanceRate === undefined ? [] : [`avance de ${percentText(change.advanceRate)}`]),
    ...(change.advanceDue === undefined ? [] : [`avance exigible le ${monthDay(change.advanceDue)}`]),
    ...(change.instalments === undefined
      ? []
      : [
          `${several(change.instalments.length, "versement intermédiaire", "versements intermédiaires")} : ${change.instalments.map((term) => `${percentText(term.share)} le ${monthDay(term.due)}`).join(", ")}`
        ]),
    ...(change.balanceTrigger === undefined
      ? []
      : [change.balanceTrigger === "reports-accepted" ? "solde à l'acceptation des bilans" : "solde à date fixe"]),
    ...(change.balanceDue === undefined ? [] : [`solde exigible le ${monthDay(change.balanceDue)}`]),
    ...(change.paymentDeadlineDays === undefined ? [] : [`délai de paiement de ${change.paymentDeadlineDays} jours`])
  ]
  return `modalités de versement : ${parts.join(", ")}`
}

/** @internal What a change does, in French; `objectives` are those in force before it (for the titles it names). */
export function changeText(change: Change, objectives: ReadonlyArray<NamedObjective>): string {
  const sectors = (list: ReadonlyArray<Sector>) => list.map((sector) => SECTOR_LABELS[sector]).join(", ")
  switch (change.kind) {
    case "yearly-amount":
      return `montant annuel porté à ${change.yearlyAmount.format()}`
    case "year-amount":
      return `montant de ${change.year} porté à ${change.amount.format()}`
    case "period-end":
      return `fin de la période portée au ${formatFrenchDate(change.end)}`
    case "sectors-added":
      return `${several(change.sectors.length, "secteur ajouté", "secteurs ajoutés")} : ${sectors(change.sectors)}`
    case "sectors-removed":
      return `${several(change.sectors.length, "secteur retiré", "secteurs retirés")} : ${sectors(change.sectors)}`
    case "accompaniment-kinds-added":
      return `${several(change.accompanimentKinds.length, "accompagnement ajouté", "accompagnements ajoutés")} : ${change.accompanimentKinds.map((kind) => ACCOMPANIMENT_KIND_LABELS[kind]).join(", ")}`
    case "accompaniment-kinds-removed":
      return `${several(change.accompanimentKinds.length, "accompagnement retiré", "accompagnements retirés")} : ${change.accompanimentKinds.map((kind) => ACCOMPANIMENT_KIND_LABELS[kind]).join(", ")}`
    case "target": {
      const objective = objectives.find((candidate) => candidate.id === change.objectiveId)
      const share = objective?.indicator.kind === "share"
      return `cible de l'objectif « ${objective?.title ?? change.objectiveId} »${change.year === undefined ? "" : ` en ${change.year}`} : ${targetText(change.target, share)}`
    }
    case "objectives-added":
      return `${several(change.objectives.length, "objectif ajouté", "objectifs ajoutés")} : ${change.objectives.map((objective) => `« ${objective.title} » (${targetText(objective.target, objective.indicator.kind === "share")})`).join(", ")}`
    case "objectives-removed":
      return `${several(change.objectiveIds.length, "objectif supprimé", "objectifs supprimés")} : ${change.objectiveIds.map((id) => `« ${objectives.find((objective) => objective.id === id)?.title ?? id} »`).join(", ")}`
    case "payment-terms":
      return paymentTermsText(change)
  }
}

// ---------------------------------------------------------------------------------------------
// Objectives

/**
 * @internal An objective's title with what amendments did to it: `Au moins 3 réunions du Reaap
 * par an (ajouté par l'avenant n° 1 à partir du 01/10/2025)`, `… (supprimé par l'avenant n° 2 à
 * partir du 01/01/2027)`.
 */
export function objectiveTitleText(objective: {
  readonly title: string
  readonly added?: { readonly amendment: number; readonly from: CalendarDate }
  readonly removed?: { readonly amendment: number; readonly from: CalendarDate }
}): string {
  const notes = [
    ...(objective.added === undefined
      ? []
      : [`ajouté par l'avenant n° ${objective.added.amendment} à partir du ${formatFrenchDate(objective.added.from)}`]),
    ...(objective.removed === undefined
      ? []
      : [
          `supprimé par l'avenant n° ${objective.removed.amendment} à partir du ${formatFrenchDate(objective.removed.from)}`
        ])
  ]
  return notes.length === 0 ? objective.title : `${objective.title} (${notes.join(", ")})`
}

/** @internal A target beside a chart's bar: "cible ≥ 40". */
export function chartTargetText(target: Target, share: boolean): string {
  return `cible ${targetText(target, share)}`
}

/** @internal The title of a year's chart of objectives: "Objectifs 2024 : valeurs et cibles". */
export function objectivesChartTitle(year: number): string {
  return `Objectifs ${year} : valeurs et cibles`
}

/** @internal The name of a year's chart of objectives: "objectifs-2024". */
export function objectivesChartId(year: number): string {
  return `objectifs-${year}`
}

/** @internal "Objectif supprimé, qui n'est plus évalué en 2027 :", or in the plural. */
export function removedObjectivesIntro(count: number, year: number): string {
  return `${count > 1 ? "Objectifs supprimés, qui ne sont plus évalués" : "Objectif supprimé, qui n'est plus évalué"} en ${year} :`
}

/** @internal An objective's rate in its table: "81,3 %", "75 % du maximum" (a ratio to a maximum); "—" when none. */
export function ratioText(ratio: Fraction | undefined, ofMaximum: boolean): string {
  if (ratio === undefined) return "—"
  return `${percentText(ratio)}${ofMaximum ? " du maximum" : ""}`
}

/** @internal An objective's indicator line: "Familles accompagnées : 12 enregistrements retenus … → 45 familles." */
export function indicatorLine(title: string, facts: IndicatorFacts): string {
  return `${title} : ${indicatorSentence(facts)}`
}

// ---------------------------------------------------------------------------------------------
// The schedule and the use of the money

/** @internal The title of a yearly review's funding section: "Échéancier et emploi des fonds 2024". */
export function fundingSectionTitle(year: number): string {
  return `Échéancier et emploi des fonds ${year}`
}

/** @internal The title of the table of instalments: "Échéancier et versements 2024", or "… par année". */
export function scheduleTableTitle(year: number | undefined): string {
  return `Échéancier et versements ${year === undefined ? "par année" : year}`
}

/** @internal The title of the money chart: "Financement 2024 : accordé, reçu, employé, non dépensé", or "… par année …". */
export function moneyChartTitle(year: number | undefined): string {
  return `Financement ${year === undefined ? "par année" : year} : accordé, reçu, employé, non dépensé`
}

/** @internal An instalment's amount, with what was deducted from it: "7 500,00 € (après déduction de 750,00 € de 2024)". */
export function instalmentAmountText(
  amount: Euros,
  offset: { readonly amount: Euros; readonly fromYear: number } | undefined
): string {
  return `${amount.format()}${offset === undefined ? "" : ` (après déduction de ${offset.amount.format()} de ${offset.fromYear})`}`
}

/** @internal The due day of an instalment paid on the reports: "bilans attendus le 30/06/2025". */
export function reportsExpectedText(date: CalendarDate): string {
  return `bilans attendus le ${formatFrenchDate(date)}`
}

/** @internal How an instalment fixed on other terms than the year's final amount was computed: "Solde : …". */
export function computedInstalmentLine(facts: InstalmentFacts): string {
  return `${instalmentLabel(facts.name)} : ${instalmentSentence(facts)}`
}

/** Why a year's unspent part is not known yet: the year has not started, or is not over. */
const pendingReason = (state: FundingYearState) => (state === "not-started" ? "année non commencée" : "année en cours")

/** @internal Why the unspent part is not drawn yet, beside the chart's "Non dépensé": "établi à la fin de l'année (année en cours)". */
export function unspentPendingText(state: FundingYearState): string {
  return `établi à la fin de l'année (${pendingReason(state)})`
}

/** @internal A year's repayment, as a review writes it after "À reverser : …". */
export interface RepaymentFacts {
  readonly demanded: Euros
  readonly demandedOn?: CalendarDate | undefined
  readonly dueDate?: CalendarDate | undefined
  readonly received: Euros
  readonly stillToRepay: Euros
  readonly overRepaid: Euros
  readonly late: boolean
}

/** @internal " ; demandé le …, à reverser au plus tard le … ; reversé : … ; reste à reverser : …", or nothing. */
export function repaymentText(repayment: RepaymentFacts): string {
  if (!repayment.demanded.isPositive() && !repayment.received.isPositive()) return ""
  const demanded =
    repayment.demandedOn === undefined
      ? ""
      : ` ; demandé le ${formatFrenchDate(repayment.demandedOn)}, à reverser au plus tard le ${repayment.dueDate === undefined ? "" : formatFrenchDate(repayment.dueDate)}`
  const received = repayment.received.isPositive() ? ` ; reversé : ${repayment.received.format()}` : ""
  const over = repayment.overRepaid.isPositive() ? ` ; trop reversé : ${repayment.overRepaid.format()}` : ""
  return `${demanded}${received} ; reste à reverser : ${repayment.stillToRepay.format()}${repayment.late ? " — en retard" : ""}${over}`
}

/** @internal A year's repayment in the whole convention's review: "2024 : 750,00 € à reverser, demandé le … ; reversé : … ; reste à reverser : ….". */
export function repaymentLine(year: number, repayment: RepaymentFacts): string {
  const demanded =
    repayment.demandedOn === undefined
      ? ""
      : `, demandé le ${formatFrenchDate(repayment.demandedOn)}${repayment.dueDate === undefined ? "" : ` pour le ${formatFrenchDate(repayment.dueDate)} au plus tard`}`
  return `${year} : ${repayment.demanded.format()} à reverser${demanded} ; reversé : ${repayment.received.format()} ; reste à reverser : ${repayment.stillToRepay.format()}${repayment.late ? " — en retard" : ""}${repayment.overRepaid.isPositive() ? ` ; trop reversé : ${repayment.overRepaid.format()}` : ""}.`
}

/** @internal The money of a year, as the settlement holds it (a `Settlement` has these fields). */
export interface MoneyFacts {
  readonly granted: Euros
  readonly received: Euros
  readonly carriedIn: Euros
  readonly eligibleSpend: Euros
  readonly consumption?: Fraction | undefined
  readonly unspent: Euros
  readonly keepable: Euros
  readonly keptSurplus: Euros
  readonly stillToPay: Euros
  readonly toRepay: Euros
  readonly offsetNextYear: Euros
  readonly awaitingUse: Euros
}

/**
 * @internal Of the unspent part of the grant (the granted amount less the eligible spending), what
 * was received and not spent, and what was never paid. The unspent part is measured against the
 * grant, paid or not: when less than the grant was received, part of it was never paid.
 */
export function unspentSplit(money: MoneyFacts): { readonly received: Euros; readonly notPaid: Euros } {
  const receivedOfGrant = Euros.min(money.received.plus(money.carriedIn), money.granted)
  const received = Euros.min(Euros.max(Euros.zero, receivedOfGrant.minus(money.eligibleSpend)), money.unspent)
  return { received, notPaid: money.unspent.minus(received) }
}

/**
 * @internal The unspent line of a year over: "Part non dépensée : 750,00 €, dont 500,00 €
 * conservables"; when part of it was never paid, it says so: "Part non dépensée du montant
 * accordé : 10 000,00 € (8 000,00 € non versés, 2 000,00 € reçus et non dépensés)".
 */
export function unspentLine(money: MoneyFacts): string {
  const { received, notPaid } = unspentSplit(money)
  if (!notPaid.isPositive())
    return `Part non dépensée : ${money.unspent.format()}${money.keepable.isPositive() ? `, dont ${money.keepable.format()} conservables` : ""}`
  const kept = money.keptSurplus.isPositive() ? `, dont ${money.keptSurplus.format()} conservables` : ""
  const held = received.isPositive() ? `, ${received.format()} reçus et non dépensés${kept}` : ""
  return `Part non dépensée du montant accordé : ${money.unspent.format()} (${notPaid.format()} non versés${held})`
}

/** @internal The financial report's line of a yearly review: due day, receipt, delay. */
export interface FinancialReportLineFacts extends ReceiptFacts {
  readonly dueDate: CalendarDate
  readonly late: boolean
}

/** @internal What a yearly review lists of the year's money. */
export interface MoneyLinesFacts {
  readonly year: number
  readonly money: MoneyFacts
  /** Whether the year is over (the settlement is final). */
  readonly final: boolean
  readonly state: FundingYearState
  readonly modulation: { readonly reduction: Euros; readonly facts: ModulationFacts }
  readonly repayment: RepaymentFacts
  readonly financialReport: FinancialReportLineFacts | undefined
  /** What the schedule's instalments still leave to pay (their amounts less what was paid on each). */
  readonly scheduled?: Euros | undefined
}

/**
 * What a year over still owes, said against the schedule when they differ: the instalments are
 * fixed on the amount granted, what is still to pay on the eligible spending.
 */
function stillToPayAgainstSchedule(stillToPay: Euros, scheduled: Euros | undefined): string {
  if (scheduled === undefined || scheduled.equals(stillToPay)) return ""
  return ` au vu des dépenses éligibles (l'échéancier, calculé sur le montant accordé, prévoit encore ${scheduled.format()})`
}

/** @internal The list of a yearly review's money: granted, received, spent, unspent, still to pay, to repay, offset, awaiting use, the financial report. */
export function moneyLines(facts: MoneyLinesFacts): ReadonlyArray<string> {
  const s = facts.money
  const consumption = s.consumption === undefined ? "—" : percentText(s.consumption)
  const report = facts.financialReport
  return [
    `Montant accordé : ${s.granted.format()}${facts.modulation.reduction.isZero() ? "" : ` (après une réduction de ${facts.modulation.reduction.format()} : ${modulationSentence(facts.modulation.facts)})`}`,
    `Reçu : ${s.received.format()}${s.carriedIn.isPositive() ? ` (et ${s.carriedIn.format()} non dépensés en ${facts.year - 1}, déduits du solde)` : ""}`,
    `Dépenses éligibles : ${s.eligibleSpend.format()} (taux de consommation ${consumption})`,
    facts.final ? unspentLine(s) : `Part non dépensée : établie à la fin de l'année (${pendingReason(facts.state)})`,
    `Reste à verser : ${s.stillToPay.format()}${facts.final ? stillToPayAgainstSchedule(s.stillToPay, facts.scheduled) : " (exigible à ce jour)"}`,
    `À reverser : ${s.toRepay.format()}${repaymentText(facts.repayment)}`,
    ...(s.offsetNextYear.isPositive()
      ? [`À déduire du solde de ${facts.year + 1} : ${s.offsetNextYear.format()}`]
      : []),
    ...(s.awaitingUse.isPositive()
      ? [`Reçu et pas encore justifié : ${s.awaitingUse.format()} (l'année n'est pas terminée)`]
      : []),
    ...(report === undefined
      ? []
      : [
          `Compte rendu financier : attendu au plus tard le ${formatFrenchDate(report.dueDate)}${financialReportReceiptText(report)}${report.late ? " — en retard" : ""}`
        ])
  ]
}

/** @internal The financial report's paragraph in a review: "Compte rendu financier 2024 : Charges prévues …". */
export function comparisonParagraph(facts: ComparisonTotalsFacts & { readonly year: number }): string {
  return `${comparisonLabel(facts.year)} : ${comparisonSentence(facts)}`
}

/** @internal An instalment late in the whole convention's review: "2024 : avance en retard (12 jours)". */
export function lateInstalmentText(facts: {
  readonly year: number
  readonly label: string
  readonly paid: boolean
  readonly daysLate: number | undefined
}): string {
  return `${facts.year} : ${facts.label.toLowerCase()} ${facts.paid ? "payé en retard" : "en retard"}${facts.daysLate === undefined ? "" : ` (${counted(facts.daysLate, "jour", "jours")})`}`
}

/** @internal "Aucun versement en retard.", or "Versements en retard : … ; …." */
export function lateInstalmentsParagraph(late: ReadonlyArray<string>): string {
  return late.length === 0 ? "Aucun versement en retard." : `Versements en retard : ${late.join(" ; ")}.`
}

/** @internal Expenses of a yearly review counted elsewhere: of other years of the convention, and dated outside it. */
export interface OtherExpensesFacts {
  readonly otherYears: { readonly count: number; readonly total: Euros }
  readonly outsideConvention: { readonly count: number; readonly total: Euros }
}

/**
 * @internal "2 dépenses d'autres années de la convention (46 671,23 €) relèvent du bilan de leur
 * année : elles ne sont pas détaillées ici."; undefined when there is none.
 */
export function otherExpensesText(facts: OtherExpensesFacts): string | undefined {
  const { otherYears: inside, outsideConvention: outside } = facts
  const count = inside.count + outside.count
  if (count === 0) return undefined
  const parts = [
    ...(inside.count === 0
      ? []
      : [
          `${counted(inside.count, "dépense d'une autre année", "dépenses d'autres années")} de la convention (${inside.total.format()}) ${inside.count > 1 ? "relèvent du bilan de leur année" : "relève du bilan de son année"}`
        ]),
    ...(outside.count === 0
      ? []
      : [
          `${counted(outside.count, "dépense datée", "dépenses datées")} hors de la période de la convention (${outside.total.format()}) ${outside.count > 1 ? "ne comptent" : "ne compte"} dans aucune année`
        ])
  ]
  return `${parts.join(" ; ")} : ${count > 1 ? "elles ne sont pas détaillées" : "elle n'est pas détaillée"} ici.`
}

// ---------------------------------------------------------------------------------------------
// The open-data export (SCDL)

/** @internal A value that does not have its column's form: "valeur « … » non conforme au schéma". */
export function scdlMalformedText(value: string): string {
  return `valeur « ${value} » non conforme au schéma`
}

/**
 * @internal "SIRET du financeur 73282932000075 invalide : la clé de contrôle des 14 chiffres est
 * fausse", or its first nine digits are not a SIREN.
 */
export function scdlSiretKeyText(whose: "funder" | "beneficiary", siret: string, problem: IdentifierProblem): string {
  return `SIRET ${whose === "funder" ? "du financeur" : "du bénéficiaire"} ${siret} invalide : ${identifierProblemText("siret", problem).fr}`
}

/** @internal What the SCDL export says when a required column is empty, by column. */
export const SCDL_MISSING: Readonly<Record<string, string>> = {
  idAttribuant: "SIRET du financeur non renseigné",
  dateConvention: "convention non signée : pas de date de convention",
  datesPeriodeVersement: "période de versement inconnue"
}

/** @internal What the SCDL export says when a value does not have its column's form, by column. */
export const SCDL_MALFORMED: Readonly<Record<string, string>> = {
  idAttribuant: "SIRET du financeur invalide (14 chiffres attendus)",
  idBeneficiaire: "SIRET du bénéficiaire invalide (14 chiffres attendus)",
  rnaBeneficiaire: "numéro RNA du bénéficiaire hors du motif du schéma (W suivi de 9 chiffres)",
  objet: "objet de plus de 256 caractères (une fois publié)"
}

/** @internal The SCDL export's other problems of a row. */
export const SCDL_TEXTS = {
  beneficiarySiretMissingWithRna:
    "SIRET du bénéficiaire non renseigné : la version 2.0 du schéma n'a pas de colonne pour le numéro RNA (la version 2.1.1 l'accepte)",
  beneficiarySiretMissing: "SIRET du bénéficiaire non renseigné",
  requiredMissing: "valeur obligatoire non renseignée",
  neitherSiretNorRna:
    "bénéficiaire sans SIRET ni numéro RNA : le schéma demande l'un des deux (idBeneficiaire ou rnaBeneficiaire)",
  amountMissing: "montant de la subvention non renseigné"
} as const

/** @internal The SCDL export's refusal of partners that are not what it reads. */
export const SCDL_PARTNER_TEXTS = {
  partner: "un partenaire est attendu, avec son identifiant",
  id: "l'identifiant du partenaire doit être un texte",
  name: "le nom du partenaire doit être un texte",
  siret: "le SIRET du partenaire doit être un texte",
  rna: "le numéro RNA du partenaire doit être un texte"
} as const

/** @internal "financeur caf-62 introuvable parmi les partenaires", "bénéficiaire … introuvable …". */
export function scdlUnknownPartnerText(whose: "funder" | "beneficiary", partnerId: string): string {
  return `${whose === "funder" ? "financeur" : "bénéficiaire"} ${partnerId} introuvable parmi les partenaires`
}

// ---------------------------------------------------------------------------------------------
// Charts in text

/** @internal A chart's caption where it is written as text (Markdown): "Graphique : Objectifs 2024 : valeurs et cibles". */
export function chartCaption(title: string): string {
  return `Graphique : ${title}`
}

/** @internal A review with no repayment asked or received. */
export const NO_REPAYMENT_TEXT = "Aucun reversement demandé ni reçu."
