/**
 * The French explanation of a year's use of the money.
 *
 * @module
 */
import { type CalendarDate, addDays, formatFrenchDate } from "../calendar/date.js"
import type { ExplanationNode, Outcome } from "../core/explanation.js"
import { formatFraction } from "../core/fraction.js"
import { counted } from "../core/plural.js"
import type { Convention } from "../conventions/convention.js"
import type { Terms } from "../conventions/terms.js"
import { Euros } from "../money/euros.js"
import { EXPENSE_EXCLUSION_LABELS, type ExpenseExclusionReason, type IneligibleExpense } from "./expenses.js"
import type { InstalmentPosition } from "./instalments.js"
import { financialReportReceipt, instalmentStatusText } from "./labels.js"
import type { PaymentSchedule } from "./schedule.js"
import type { Modulation, Settlement } from "./settlement.js"
import type { FinancialReport, FundingYearState } from "./state.js"
import type { YearRepayment } from "./repayments.js"
import { REPUBLICAN_COMMITMENT_SOURCE } from "../partners/republican-commitment.js"

/** @internal What the explanation of a year reads. */
export interface UseParts {
  readonly schedule: PaymentSchedule
  readonly instalments: ReadonlyArray<InstalmentPosition>
  readonly received: Euros
  readonly eligibleExpenses: ReadonlyArray<{ readonly id: string; readonly amount: Euros }>
  readonly ineligibleExpenses: ReadonlyArray<IneligibleExpense>
  readonly modulated: Modulation
  readonly settlement: Settlement
  readonly state: FundingYearState
  readonly lastYear: boolean
  readonly financialReport: FinancialReport | undefined
  readonly asOf: CalendarDate | undefined
  readonly terms: Terms
  readonly repayment?: YearRepayment
}

function node(
  ruleId: string,
  label: string,
  outcome: Outcome,
  sentence: string,
  source: string,
  read: Record<string, unknown> = {},
  children: ReadonlyArray<ExplanationNode> = []
): ExplanationNode {
  return { ruleId, label, outcome, read, sentence, source, children }
}

const UNSPENT_FR = {
  repay: "la part non dépensée est reversée",
  keep: "le partenaire conserve un excédent raisonnable, dans la limite prévue",
  offset: "la part non dépensée est déduite du solde de l'année suivante"
} as const

function instalmentNode(position: InstalmentPosition): ExplanationNode {
  const { instalment } = position
  const offset =
    instalment.offset === undefined
      ? ""
      : ` (après déduction de ${instalment.offset.amount.format()} reportés de ${instalment.offset.fromYear})`
  return node(
    instalment.key,
    instalment.label,
    position.status === "late" || position.status === "overpaid" || position.status === "paid-late"
      ? "fail"
      : position.status === "paid"
        ? "pass"
        : "not-applicable",
    `${instalment.amount.format()} prévus${offset}, ${position.paid.format()} versés : ${instalmentStatusText(position)}${instalment.deadline === undefined ? "" : ` (au plus tard le ${formatFrenchDate(instalment.deadline)})`}.`,
    "Convention : modalités de versement ; loi n° 2000-321, art. 10, modifiée par la loi n° 2021-875 du 1er juillet 2021, art. 2 (versement dans les 60 jours de la notification, sauf dates fixées par la convention)",
    {
      paid: position.paid,
      payments: position.paymentIds,
      status: position.status,
      ...(position.daysLate === undefined ? {} : { daysLate: position.daysLate })
    }
  )
}

function outcomeText(year: number, parts: UseParts): string {
  const { settlement } = parts
  if (parts.state === "not-started")
    return `l'année n'a pas commencé${settlement.stillToPay.isPositive() ? ` ; ${settlement.stillToPay.format()} exigibles et non versés` : ""}`
  const texts: Array<string> = []
  if (settlement.awaitingUse.isPositive())
    texts.push(`${settlement.awaitingUse.format()} reçus et pas encore justifiés par des dépenses éligibles`)
  if (settlement.toRepay.isPositive())
    texts.push(
      `${settlement.toRepay.format()} à reverser${parts.lastYear && parts.terms.unspent.rule === "offset" ? " (dernière année de la convention : rien ne peut être déduit d'une année suivante)" : ""}`
    )
  if (settlement.offsetNextYear.isPositive())
    texts.push(`${settlement.offsetNextYear.format()} à déduire du solde de ${year + 1}`)
  if (settlement.stillToPay.isPositive())
    texts.push(
      `${settlement.stillToPay.format()} ${parts.state === "in-progress" ? "exigibles et non versés" : "restant à verser"}`
    )
  return texts.length === 0 ? "rien à verser ni à reverser" : texts.join(" ; ")
}

/** Where the unspent part of the grant went: kept, deducted from the next balance, to repay, or never paid. */
function whereUnspentGoes(parts: UseParts): string {
  const { settlement } = parts
  // Money received beyond the grant is repaid too, but it is not part of the unspent grant.
  const overGrant = Euros.max(Euros.zero, settlement.received.plus(settlement.carriedIn).minus(settlement.granted))
  const unusedOfGrant = Euros.sum([settlement.keptSurplus, settlement.offsetNextYear, settlement.toRepay]).minus(
    overGrant
  )
  const notPaid = Euros.max(Euros.zero, settlement.unspent.minus(unusedOfGrant))
  const places = [
    ...(settlement.keptSurplus.isPositive() ? [`${settlement.keptSurplus.format()} conservés par le partenaire`] : []),
    ...(settlement.offsetNextYear.isPositive()
      ? [`${settlement.offsetNextYear.format()} déduits du solde de ${parts.schedule.year + 1}`]
      : []),
    ...(settlement.toRepay.isPositive()
      ? [
          `${settlement.toRepay.format()} à reverser${overGrant.isPositive() ? `, dont ${overGrant.format()} versés au-delà du montant accordé` : ""}`
        ]
      : []),
    ...(notPaid.isPositive() ? [`${notPaid.format()} non versés`] : [])
  ]
  return places.join(", ")
}

function unspentNode(parts: UseParts): ExplanationNode {
  const { settlement } = parts
  const source =
    "Convention : clause sur l'excédent ; circulaire n° 5811/SG du 29 septembre 2015, annexe 1 ; loi n° 2000-321, art. 10"
  const read = { unspent: settlement.unspent, keepable: settlement.keepable }
  if (parts.state === "not-started" || parts.state === "in-progress") {
    const sentence =
      parts.state === "not-started"
        ? "L'année n'a pas commencé : rien n'est encore employé."
        : `Année en cours : ${settlement.eligibleSpend.format()} de dépenses éligibles à ce jour ; la part non dépensée sera établie à la fin de l'année.`
    return node("excedent", "Part non dépensée", "not-applicable", sentence, source, read)
  }
  const sentence = settlement.granted.isZero()
    ? "Aucune subvention accordée pour l'année : rien à employer."
    : settlement.unspent.isZero()
      ? "Toute la subvention accordée a été employée à des dépenses éligibles."
      : `${settlement.unspent.format()} non dépensés : ${whereUnspentGoes(parts)} (${parts.lastYear && parts.terms.unspent.rule === "offset" ? "dernière année de la convention : la part non dépensée ne peut être déduite d'une année suivante, elle est reversée" : UNSPENT_FR[parts.terms.unspent.rule]}${settlement.keepable.isPositive() ? `, ${settlement.keepable.format()} conservables` : ""}).`
  return node(
    "excedent",
    "Part non dépensée",
    settlement.unspent.isZero() && settlement.granted.isPositive() ? "pass" : "not-applicable",
    sentence,
    source,
    read
  )
}

/** The withdrawal of the subsidy, in the year the breach cuts: what is to repay, by when. */
function withdrawalNodes(convention: Convention, parts: UseParts): ReadonlyArray<ExplanationNode> {
  const withdrawal = convention.withdrawal
  const part = parts.schedule.period
  if (withdrawal === undefined || part === undefined || parts.repayment === undefined) return []
  const known = parts.asOf === undefined || withdrawal.decidedOn <= parts.asOf
  if (!known || part.end !== addDays(withdrawal.effectiveFrom, -1)) return []
  const owed = parts.repayment.withdrawal
  const from = formatFrenchDate(withdrawal.effectiveFrom)
  const decided = `Subvention retirée par décision du ${formatFrenchDate(withdrawal.decidedOn)}${withdrawal.notifiedOn === undefined ? "" : `, notifiée le ${formatFrenchDate(withdrawal.notifiedOn)}`}, pour manquement au contrat d'engagement républicain (« ${withdrawal.reason} ») à compter du ${from} : le montant de ${parts.schedule.year} est réduit au prorata des jours du ${formatFrenchDate(part.start)} au ${formatFrenchDate(part.end)} (${parts.schedule.amount.format()})`
  const sentence =
    owed === undefined
      ? `${decided} ; rien n'a été versé au-delà pour la période postérieure au manquement.`
      : `${decided} ; ${owed.amount.format()} versés pour la période postérieure au manquement sont à restituer au plus tard le ${formatFrenchDate(owed.dueDate)}${owed.late ? " : en retard" : ""}.`
  return [
    node(
      "retrait",
      "Retrait de la subvention",
      owed === undefined ? "not-applicable" : "fail",
      sentence,
      `${REPUBLICAN_COMMITMENT_SOURCE}, art. 4 (retrait au prorata de la période restant à courir à la date du manquement)`,
      {
        effectiveFrom: withdrawal.effectiveFrom,
        decidedOn: withdrawal.decidedOn,
        toRestore: owed?.amount ?? Euros.zero,
        dueDate: owed?.dueDate
      }
    )
  ]
}

/** @internal */
export function explainUse(convention: Convention, year: number, parts: UseParts): ExplanationNode {
  const { settlement, instalments } = parts
  const paymentNodes = instalments.map(instalmentNode)
  // The amounts left out, by reason, in the order the reasons are checked.
  const ineligibleText = (Object.keys(EXPENSE_EXCLUSION_LABELS) as Array<ExpenseExclusionReason>)
    .flatMap((reason) => {
      const lines = parts.ineligibleExpenses.filter((expense) => expense.reason === reason)
      return lines.length === 0
        ? []
        : [`${Euros.sum(lines.map((expense) => expense.amount)).format()} ${EXPENSE_EXCLUSION_LABELS[reason]}`]
    })
    .join(", ")
  const consumption =
    settlement.consumption === undefined
      ? ""
      : ` ; taux de consommation ${formatFraction({ numerator: settlement.consumption.numerator * 100, denominator: settlement.consumption.denominator }, 1)} %`
  const final = parts.state === "ended" || parts.state === "not-covered"
  const provisional = final ? "" : " (provisoire : l'année n'est pas terminée)"
  const outcome = outcomeText(year, parts)
  const carried = settlement.carriedIn.isPositive()
    ? ` ; ${settlement.carriedIn.format()} non dépensés l'année précédente, déduits du solde`
    : ""
  const children = [
    node(
      "montant",
      "Montant de l'année",
      parts.schedule.explanation.outcome,
      parts.schedule.explanation.sentence,
      parts.schedule.explanation.source,
      { amount: parts.schedule.amount }
    ),
    node(
      "modulation",
      "Modulation selon les objectifs",
      parts.modulated.reduction.isZero() ? "pass" : "fail",
      parts.modulated.sentence,
      "Convention : clause de modulation",
      { reduction: parts.modulated.reduction, missed: parts.modulated.missedObjectives }
    ),
    node(
      "versements",
      "Versements",
      paymentNodes.some((child) => child.outcome === "fail") ? "fail" : "pass",
      `${parts.received.format()} reçus pour ${year}${carried}.`,
      "Convention : modalités de versement",
      { received: parts.received, carriedIn: settlement.carriedIn },
      paymentNodes
    ),
    node(
      "depenses",
      "Dépenses",
      "pass",
      `${counted(parts.eligibleExpenses.length, "dépense éligible", "dépenses éligibles")} pour ${settlement.eligibleSpend.format()}${ineligibleText === "" ? "" : ` ; non retenues : ${ineligibleText}`}${consumption}.`,
      "Convention : conditions d'utilisation de la subvention ; compte rendu financier (Cerfa n° 15059)",
      { eligibleSpend: settlement.eligibleSpend, ineligible: parts.ineligibleExpenses.length }
    ),
    unspentNode(parts),
    node(
      "solde",
      "Solde de l'année",
      !final ? "not-applicable" : settlement.toRepay.isPositive() ? "fail" : "pass",
      `Droit au titre de ${year} : ${settlement.entitled.format()} ; reçu : ${settlement.received.format()}${carried} ; ${outcome}${provisional}.`,
      "Convention : modalités de versement et clause sur l'excédent",
      {
        entitled: settlement.entitled,
        received: settlement.received,
        carriedIn: settlement.carriedIn,
        stillToPay: settlement.stillToPay,
        toRepay: settlement.toRepay,
        offsetNextYear: settlement.offsetNextYear,
        awaitingUse: settlement.awaitingUse
      }
    ),
    ...withdrawalNodes(convention, parts),
    ...(parts.financialReport === undefined
      ? []
      : [
          node(
            "compte-rendu",
            "Compte rendu financier",
            parts.financialReport.late ? "fail" : "pass",
            `Attendu au plus tard le ${formatFrenchDate(parts.financialReport.dueDate)}${financialReportReceipt(parts.financialReport)}${parts.financialReport.late ? " : en retard" : ""}.`,
            "loi n° 2000-321, art. 10 (six mois après la fin de l'exercice) ; Cerfa n° 15059",
            {
              dueDate: parts.financialReport.dueDate,
              receivedOn: parts.financialReport.receivedOn,
              ...(parts.financialReport.receivedUndated === undefined
                ? {}
                : { receivedUndated: parts.financialReport.receivedUndated }),
              late: parts.financialReport.late
            }
          )
        ])
  ]
  return node(
    "emploi-des-fonds",
    `Emploi des fonds ${year}`,
    children.some((child) => child.outcome === "fail") ? "fail" : "pass",
    `Convention ${convention.id}, ${year}${parts.asOf === undefined ? "" : ` au ${formatFrenchDate(parts.asOf)}`} : ${outcome}${provisional}${settlement.carriedIn.isPositive() ? ` (${settlement.carriedIn.format()} non dépensés en ${year - 1} déduits du solde)` : ""}.`,
    `Convention ${convention.id}`,
    {},
    children
  )
}
