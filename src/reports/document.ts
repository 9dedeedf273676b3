/**
 * The content of a report, independent of its format: sections of paragraphs, lists, tables and
 * charts, all text already in French. The Markdown and HTML renderers only lay it out.
 *
 * @module
 */
import { type CalendarDate, formatFrenchDate } from "../calendar/date.js"
import { type Fraction, formatDecimal, formatFraction } from "../core/fraction.js"
import type { ComplianceFinding } from "../conventions/compliance.js"
import type { Target } from "../conventions/objective.js"
import { instalmentStatusText } from "../funding/labels.js"
import type { LedgerTotals } from "../funding/ledger.js"
import type { YearRepayment } from "../funding/repayments.js"
import { EXPENSE_EXCLUSION_LABELS } from "../funding/expenses.js"
import { InvalidArgumentError } from "../core/errors.js"
import { Euros } from "../money/euros.js"
import { CONVENTION_KIND_LABELS } from "../referential/convention-codes.js"
import { SECTOR_LABELS } from "../referential/codes.js"
import type { ObjectiveResult, ObjectiveStatus } from "../objectives/evaluate.js"
import { ratioReference } from "../objectives/ratio.js"
import type { AnnualReport, ConventionReport } from "./report.js"
import { amendmentsSection, conventionPaymentsSection, otherExpensesLine } from "./content.js"

/** @internal A bar of a chart: its label, its height, and the figure printed on it. */
export interface Bar {
  readonly label: string
  readonly value: number
  readonly display: string
}

/** @internal A chart: groups of bars (a year, say), and an optional target line per group. */
export interface Chart {
  readonly id: string
  readonly title: string
  readonly groups: ReadonlyArray<{ readonly label: string; readonly bars: ReadonlyArray<Bar>; readonly target?: Bar }>
}

/** @internal */
export type Block =
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "list"; readonly items: ReadonlyArray<string> }
  | { readonly kind: "table"; readonly headers: ReadonlyArray<string>; readonly rows: ReadonlyArray<ReadonlyArray<string>>; readonly numeric: ReadonlyArray<boolean> }
  | { readonly kind: "chart"; readonly chart: Chart }

/** @internal */
export interface Section {
  readonly title: string
  readonly blocks: ReadonlyArray<Block>
}

/** @internal */
export interface ReportDocument {
  readonly title: string
  readonly subtitle: string
  readonly sections: ReadonlyArray<Section>
}

const OBJECTIVE_STATUS: Record<ObjectiveStatus, string> = { met: "atteint", "not-met": "non atteint", "in-progress": "en cours", "not-started": "année non commencée", "not-applicable": "sans objet" }
const SEVERITY: Record<ComplianceFinding["severity"], string> = { error: "Erreur", warning: "À vérifier", info: "Information" }
const STATUS_FR = { draft: "projet", signed: "signée, pas encore commencée", "in-force": "en vigueur", ended: "échue", terminated: "résiliée" } as const

const WHOLE_EUROS = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 })
const number = (fraction: Fraction) => formatFraction(fraction)
const toNumber = (fraction: Fraction) => fraction.numerator / fraction.denominator
const percent = (fraction: Fraction | undefined) => (fraction === undefined ? "—" : `${formatFraction({ numerator: fraction.numerator * 100, denominator: fraction.denominator }, 1)} %`)

function targetText(target: Target, share = false): string {
  // A share's target is a proportion: written in percent.
  const text = (value: number) => (share ? `${formatDecimal(value * 100)} %` : formatDecimal(value))
  if (target.atLeast !== undefined && target.atMost !== undefined) return `${text(target.atLeast)} à ${text(target.atMost)}`
  return target.atLeast !== undefined ? `≥ ${text(target.atLeast)}` : `≤ ${text(target.atMost as number)}`
}

function conventionSection(report: AnnualReport | ConventionReport): Section {
  const { convention } = report
  const period = convention.terms.period
  const items = [
    `Financeur : ${report.parties.funder}`,
    `Partenaire : ${report.parties.partner}`,
    `Nature : ${CONVENTION_KIND_LABELS[convention.kind]}`,
    `Période : du ${formatFrenchDate(period.start)} au ${formatFrenchDate(period.end)}${convention.termination === undefined ? "" : ` (résiliée au ${formatFrenchDate(convention.termination.date)})`}`,
    `Secteurs : ${convention.terms.sectors.map((sector) => SECTOR_LABELS[sector]).join(", ")}`,
    ...(report.kind === "annual" ? [`Statut : ${STATUS_FR[report.status]}`] : []),
    ...(report.asOf === undefined ? [] : [`Situation arrêtée au ${formatFrenchDate(report.asOf)}`])
  ]
  const lineage = report.lineage.length > 1 ? [{ kind: "list" as const, items: report.lineage.map((step) => `${step.terms.period.start.slice(0, 4)}–${step.terms.period.end.slice(0, 4)} : ${CONVENTION_KIND_LABELS[step.kind]} — ${step.title}`) }] : []
  return { title: "Convention", blocks: [{ kind: "list", items }, ...(lineage.length > 0 ? [{ kind: "paragraph" as const, text: "Filiation :" }, ...lineage] : [])] }
}

function complianceSection(findings: ReadonlyArray<ComplianceFinding>): Section {
  return { title: "Conformité", blocks: [{ kind: "list", items: findings.map((finding) => `${SEVERITY[finding.severity]} : ${finding.message} (${finding.source})`) }] }
}

/** One year's bar for an objective, with its target as a line (a zero bar when the objective is absent that year). */
function objectiveGroup(year: number, result: ObjectiveResult | undefined): Chart["groups"][number] {
  const value = result?.value ?? { numerator: 0, denominator: 1 }
  const target = result?.target
  return {
    label: String(year),
    bars: [{ label: String(year), value: toNumber(value), display: number(value) }],
    ...(target === undefined || (target.atLeast === undefined && target.atMost === undefined)
      ? {}
      : { target: { label: "Cible", value: target.atLeast ?? target.atMost ?? 0, display: targetText(target) } })
  }
}

function objectivesSection(report: AnnualReport): Section {
  const { objectives } = report
  // A ratio to a maximum reads as a share of that maximum, as in the objective's sentence.
  const rate = (result: ObjectiveResult) => `${percent(result.ratio)}${result.ratio !== undefined && ratioReference(result.target)?.bound === "maximum" ? " du maximum" : ""}`
  const rows = objectives.results.map((result) => [
    result.title,
    result.share === undefined ? number(result.value) : percent(result.value),
    targetText(result.target, result.share !== undefined),
    OBJECTIVE_STATUS[result.status],
    rate(result)
  ])
  const charts = objectives.results.map(
    (result): Block => ({ kind: "chart", chart: { id: `objectif-${result.objectiveId}`, title: result.title, groups: [objectiveGroup(report.year, result)] } })
  )
  return {
    title: `Objectifs ${report.year}`,
    blocks: [
      { kind: "paragraph", text: objectives.explanation.sentence },
      { kind: "table", headers: ["Objectif", "Valeur", "Cible", "Statut", "Taux"], rows, numeric: [false, true, true, false, true] },
      { kind: "list", items: objectives.results.map((result) => `${result.title} : ${result.explanation.children[0]?.sentence ?? ""}`) },
      ...charts
    ]
  }
}

function fundingSection(report: AnnualReport): Section {
  const { funding } = report
  const s = funding.settlement
  const instalmentRows = funding.instalments.map((position) => [
    position.instalment.label,
    `${position.instalment.amount.format()}${position.instalment.offset === undefined ? "" : ` (après déduction de ${position.instalment.offset.amount.format()} de ${position.instalment.offset.fromYear})`}`,
    position.instalment.dueDate === undefined ? (position.instalment.expectedDueDate === undefined ? "—" : `bilans attendus le ${formatFrenchDate(position.instalment.expectedDueDate)}`) : formatFrenchDate(position.instalment.dueDate),
    position.instalment.deadline === undefined ? "—" : formatFrenchDate(position.instalment.deadline),
    position.paid.format(),
    instalmentStatusText(position)
  ])
  // Expenses of other years belong to those years' reviews: counted here, not listed as refused.
  const otherYears = otherExpensesLine(report)
  const ineligible = funding.ineligibleExpenses
    .filter((expense) => expense.reason !== "outside-year")
    .map((expense) => [expense.label === undefined ? expense.id : `${expense.label} (${expense.id})`, expense.date === undefined ? "—" : formatFrenchDate(expense.date), expense.amount.format(), EXPENSE_EXCLUSION_LABELS[expense.reason], expense.detail])
  // An instalment fixed on other terms than the year's final amount says how it was computed.
  const computed = funding.schedule.explanation.children
    .filter((_child, index) => !(funding.schedule.instalments[index]?.basis.yearAmount.equals(funding.schedule.amount) ?? true) || funding.schedule.instalments[index]?.kind === "complement")
    .map((child) => `${child.label} : ${child.sentence}`)
  const chart: Chart = {
    id: "financement",
    title: `Financement ${report.year}`,
    groups: [{ label: String(report.year), bars: fundingBars(report) }]
  }
  return {
    title: `Échéancier et emploi des fonds ${report.year}`,
    blocks: [
      { kind: "paragraph", text: funding.schedule.explanation.sentence },
      { kind: "table", headers: ["Versement", "Montant", "Exigible le", "Au plus tard le", "Versé", "Statut"], rows: instalmentRows, numeric: [false, true, false, false, true, false] },
      ...(computed.length === 0 ? [] : [{ kind: "list" as const, items: computed }]),
      {
        kind: "list",
        items: [
          `Montant accordé : ${s.granted.format()}${funding.modulation.reduction.isZero() ? "" : ` (après une réduction de ${funding.modulation.reduction.format()} : ${funding.modulation.sentence})`}`,
          `Reçu : ${s.received.format()}${s.carriedIn.isPositive() ? ` (et ${s.carriedIn.format()} non dépensés en ${report.year - 1}, déduits du solde)` : ""}`,
          `Dépenses éligibles : ${s.eligibleSpend.format()} (taux de consommation ${percent(s.consumption)})`,
          funding.final
            ? `Part non dépensée : ${s.unspent.format()}${s.keepable.isPositive() ? `, dont ${s.keepable.format()} conservables` : ""}`
            : `Part non dépensée : établie à la fin de l'année (${funding.state === "not-started" ? "année non commencée" : "année en cours"})`,
          `Reste à verser : ${s.stillToPay.format()}${funding.final ? "" : " (exigible à ce jour)"}`,
          `À reverser : ${s.toRepay.format()}${repaymentText(funding.repayment)}`,
          ...(s.offsetNextYear.isPositive() ? [`À déduire du solde de ${report.year + 1} : ${s.offsetNextYear.format()}`] : []),
          ...(s.awaitingUse.isPositive() ? [`Reçu et pas encore justifié : ${s.awaitingUse.format()} (l'année n'est pas terminée)`] : []),
          ...(funding.financialReport === undefined
            ? []
            : [`Compte rendu financier : attendu au plus tard le ${formatFrenchDate(funding.financialReport.dueDate)}${funding.financialReport.receivedOn === undefined ? "" : `, reçu le ${formatFrenchDate(funding.financialReport.receivedOn)}`}${funding.financialReport.late ? " — en retard" : ""}`])
        ]
      },
      ...(ineligible.length === 0 ? [] : [{ kind: "table" as const, headers: ["Dépense non retenue", "Date", "Montant", "Motif", "Détail"], rows: ineligible, numeric: [false, false, true, false, false] }]),
      ...(otherYears === undefined ? [] : [{ kind: "paragraph" as const, text: otherYears }]),
      { kind: "paragraph", text: funding.explanation.sentence },
      { kind: "chart", chart }
    ]
  }
}

function repaymentText(repayment: YearRepayment): string {
  if (!repayment.demanded.isPositive() && !repayment.received.isPositive()) return ""
  const demanded = repayment.demandedOn === undefined ? "" : ` ; demandé le ${formatFrenchDate(repayment.demandedOn)}, à reverser au plus tard le ${formatFrenchDate(repayment.dueDate as CalendarDate)}`
  const received = repayment.received.isPositive() ? ` ; reversé : ${repayment.received.format()}` : ""
  const over = repayment.overRepaid.isPositive() ? ` ; trop reversé : ${repayment.overRepaid.format()}` : ""
  return `${demanded}${received} ; reste à reverser : ${repayment.stillToRepay.format()}${repayment.late ? " — en retard" : ""}${over}`
}

function fundingBars(report: AnnualReport): ReadonlyArray<Bar> {
  const s = report.funding.settlement
  // Charts show whole euros (the tables give the cents), so that figures fit above their bars.
  const bar = (label: string, amount: Euros): Bar => {
    const euros = Number(amount.toCents()) / 100
    return { label, value: euros, display: `${WHOLE_EUROS.format(Math.round(euros))}\u00a0€` }
  }
  // Money carried in from the previous year counts as received.
  return [bar("Dû", s.granted), bar(s.carriedIn.isPositive() ? "Reçu et reporté" : "Reçu", s.received.plus(s.carriedIn)), bar("Dépensé éligible", s.eligibleSpend), bar("Non dépensé", s.unspent)]
}

function conventionObjectivesSection(report: ConventionReport): Section {
  const years = report.years.map((year) => year.year)
  const rows = report.objectives.map((objective) => [objective.title, ...objective.byYear.map((entry) => OBJECTIVE_STATUS[entry.status])])
  const charts = report.objectives.map(
    (objective): Block => ({
      kind: "chart",
      chart: {
        id: `objectif-${objective.objectiveId}`,
        title: objective.title,
        groups: report.years.map((year) => objectiveGroup(year.year, year.objectives.results.find((result) => result.objectiveId === objective.objectiveId)))
      }
    })
  )
  return { title: "Objectifs par année", blocks: [{ kind: "table", headers: ["Objectif", ...years.map(String)], rows, numeric: [false, ...years.map(() => false)] }, ...charts] }
}

function conventionFundingSection(report: ConventionReport): Section {
  // Repayments get their columns once one is received.
  const repaid = report.totals.repaid.isPositive()
  const columns = (s: LedgerTotals) =>
    [s.granted, s.received, s.carriedIn, s.eligibleSpend, s.usedOnEligible, s.keptSurplus, s.offsetNextYear, s.toRepay, ...(repaid ? [s.repaid, s.stillToRepay] : []), s.awaitingUse, s.stillToPay].map((amount) => amount.format())
  const rows = report.years.map((year) => [String(year.year), ...columns({ ...year.funding.settlement, repaid: year.funding.repayment.received, stillToRepay: year.funding.repayment.stillToRepay })])
  rows.push(["Total", ...columns(report.totals)])
  const headers = ["Année", "Accordé", "Reçu", "Report reçu", "Dépenses éligibles", "Employé", "Excédent conservé", "Reporté sur l'année suivante", "À reverser", ...(repaid ? ["Reversé", "Reste à reverser"] : []), "En attente d'emploi", "Reste à verser"]
  return {
    title: "Financement par année",
    blocks: [
      { kind: "table", headers, rows, numeric: headers.map((_, index) => index > 0) },
      // What each year's money came to, in the ledger's words (an offset, the last year's repayment).
      { kind: "list", items: report.years.map((year) => year.funding.explanation.sentence) },
      { kind: "chart", chart: { id: "financement", title: "Financement par année", groups: report.years.map((year) => ({ label: String(year.year), bars: fundingBars(year) })) } }
    ]
  }
}

/** A section when there is one. */
const optional = (section: Section | undefined): ReadonlyArray<Section> => (section === undefined ? [] : [section])

/** @internal Builds the content of a report. */
export function reportDocument(report: AnnualReport | ConventionReport): ReportDocument {
  // A renderer is given what annualReport or conventionReport built, nothing else.
  if (report === null || typeof report !== "object" || (report.kind !== "annual" && report.kind !== "convention") || report.convention === undefined) {
    throw new InvalidArgumentError({ argument: "report", message: "expected a report built by annualReport or conventionReport" })
  }
  const { convention } = report
  if (report.kind === "annual") {
    return {
      title: `Bilan annuel ${report.year} — ${convention.title}`,
      subtitle: `${report.parties.funder} × ${report.parties.partner}`,
      sections: [conventionSection(report), ...optional(amendmentsSection(report)), complianceSection(report.compliance), objectivesSection(report), fundingSection(report)]
    }
  }
  return {
    title: `Bilan de fin de convention — ${convention.title}`,
    subtitle: `${report.parties.funder} × ${report.parties.partner}`,
    sections: [conventionSection(report), ...optional(amendmentsSection(report)), complianceSection(report.compliance), conventionObjectivesSection(report), conventionFundingSection(report), conventionPaymentsSection(report)]
  }
}
