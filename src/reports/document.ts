/**
 * The content of a report, independent of its format: sections of paragraphs, lists, tables and
 * charts, all text already in French. The Markdown and HTML renderers only lay it out.
 *
 * @module
 */
import { type CalendarDate, calendarDate, formatFrenchDate } from "../calendar/date.js"
import { type Fraction, formatDecimal, formatFraction } from "../core/fraction.js"
import type { ComplianceFinding } from "../conventions/finding.js"
import { readingReport, requireReport } from "./guard.js"
import { frozenResult } from "../core/freeze.js"
import { citation } from "../vocabulary/sources.js"
import {
  CONVENTION_STATUS_LABELS,
  OBJECTIVE_STATUS_LABELS,
  instalmentStatusText,
  percentText,
  signedAmount,
  signedPercentText
} from "../vocabulary/labels.js"
import type { Target } from "../conventions/objective.js"
import {
  comparisonLabel,
  comparisonLines,
  comparisonSentence,
  financialReportReceiptText as financialReportReceipt,
  instalmentLabel,
  instalmentSentence,
  modulationSentence,
  netRepaymentSentence,
  scheduleSentence,
  useSentence
} from "../vocabulary/funding.js"
import { indicatorSentence, yearFacts, yearSentence } from "../vocabulary/objectives.js"
import type { LedgerTotals } from "../funding/ledger.js"
import type { YearRepayment } from "../funding/repayments.js"
import { EXPENSE_EXCLUSION_LABELS } from "../funding/expenses.js"
import { Euros } from "../money/euros.js"
import { formatFrenchAmount } from "../money/format.js"
import { CONVENTION_KIND_LABELS } from "../referential/convention-codes.js"
import type { ObjectiveResult } from "../objectives/evaluate.js"
import { ratioReference } from "../objectives/ratio.js"
import type { AnnualReport, ConventionReport } from "./report.js"
import type { FinancialReportComparison } from "../budget/financial-report.js"
import { amendmentsSection, conventionPaymentsSection, otherExpensesLine, sectorsLine } from "./content.js"
import { objectiveTitle } from "./tables.js"
import type { ObjectiveSpan } from "../conventions/terms-as-of.js"
import { type Bar, type Block, type Chart, type ChartGroup, type ReportDocument, type Section } from "./shape.js"

const OBJECTIVE_STATUS = OBJECTIVE_STATUS_LABELS
const SEVERITY: Record<ComplianceFinding["severity"], string> = {
  error: "Erreur",
  warning: "À vérifier",
  info: "Information"
}

const number = (fraction: Fraction) => formatFraction(fraction)
const toNumber = (fraction: Fraction) => fraction.numerator / fraction.denominator
const percent = (fraction: Fraction | undefined) => (fraction === undefined ? "—" : percentText(fraction))

function targetText(target: Target, share = false): string {
  // A share's target is a proportion: written in percent.
  const text = (value: number) => (share ? percentText(value) : formatDecimal(value))
  if (target.atLeast !== undefined && target.atMost !== undefined)
    return `${text(target.atLeast)} à ${text(target.atMost)}`
  return target.atLeast !== undefined ? `≥ ${text(target.atLeast)}` : `≤ ${text(target.atMost as number)}`
}

/** The withdrawal of the subsidy, once decided on the day of the report: from when, why, what is to repay and by when. */
function withdrawalItems(report: AnnualReport | ConventionReport): Array<string> {
  const withdrawal = report.convention.withdrawal
  if (withdrawal === undefined || (report.asOf !== undefined && withdrawal.decidedOn > report.asOf)) return []
  const uses = report.kind === "annual" ? [report.funding] : report.years.map((year) => year.funding)
  const owed = uses.flatMap((use) => (use.repayment.withdrawal === undefined ? [] : [use.repayment.withdrawal]))
  const total = Euros.sum(owed.map((entry) => entry.amount))
  const due = owed.map((entry) => entry.dueDate).sort()[0]
  const repay =
    total.isPositive() && due !== undefined
      ? ` ; ${total.format()} versés pour la période postérieure au manquement, à restituer au plus tard le ${formatFrenchDate(due)}`
      : ""
  return [
    `Retrait de la subvention : décidé le ${formatFrenchDate(withdrawal.decidedOn)}, à compter du ${formatFrenchDate(withdrawal.effectiveFrom)}, pour manquement au contrat d'engagement républicain (« ${withdrawal.reason} »)${repay} (${citation("withdrawal-grounds")})`
  ]
}

function conventionSection(report: AnnualReport | ConventionReport): Section {
  const { convention } = report
  const period = convention.terms.period
  const items = [
    `Financeur : ${report.parties.funder}`,
    `Partenaire : ${report.parties.partner}`,
    `Nature : ${CONVENTION_KIND_LABELS[convention.kind]}`,
    `Période : du ${formatFrenchDate(period.start)} au ${formatFrenchDate(period.end)}${convention.termination === undefined ? "" : ` (résiliée au ${formatFrenchDate(convention.termination.date)})`}`,
    sectorsLine(report),
    ...withdrawalItems(report),
    ...(report.kind === "annual" ? [`Statut : ${CONVENTION_STATUS_LABELS[report.status]}`] : []),
    ...(report.asOf === undefined ? [] : [`Situation arrêtée au ${formatFrenchDate(report.asOf)}`])
  ]
  const lineage =
    report.lineage.length > 1
      ? [
          {
            kind: "list" as const,
            items: report.lineage.map(
              (step) =>
                `${step.terms.period.start.slice(0, 4)}–${step.terms.period.end.slice(0, 4)} : ${CONVENTION_KIND_LABELS[step.kind]} — ${step.title}`
            )
          }
        ]
      : []
  return {
    title: "Convention",
    blocks: [
      { kind: "list", items },
      ...(lineage.length > 0 ? [{ kind: "paragraph" as const, text: "Filiation :" }, ...lineage] : [])
    ]
  }
}

function complianceSection(findings: ReadonlyArray<ComplianceFinding>): Section {
  return {
    title: "Conformité",
    blocks: [
      {
        kind: "list",
        items: findings.map((finding) => `${SEVERITY[finding.severity]} : ${finding.message} (${finding.source})`)
      }
    ]
  }
}

/** An objective's row in the chart of its year: its value, its target, its status. */
function objectiveGroup(result: ObjectiveResult): ChartGroup {
  const share = result.share !== undefined
  const target = result.target
  const measured = result.status !== "not-started" && result.status !== "not-applicable"
  return {
    label: result.title,
    unit: share ? "percent" : "number",
    bars: [
      measured
        ? {
            label: "Valeur",
            value: toNumber(result.value),
            display: share ? percent(result.value) : number(result.value)
          }
        : { label: "Valeur", value: undefined, display: OBJECTIVE_STATUS[result.status] }
    ],
    ...(target.atLeast === undefined && target.atMost === undefined
      ? {}
      : {
          target: {
            ...(target.atLeast === undefined ? {} : { atLeast: target.atLeast }),
            ...(target.atMost === undefined ? {} : { atMost: target.atMost }),
            display: `cible ${targetText(target, share)}`
          }
        }),
    status: {
      ...(result.status === "met" ? { met: true } : result.status === "not-met" ? { met: false } : {}),
      text: OBJECTIVE_STATUS[result.status]
    }
  }
}

/** The chart of a year's objectives; none for a year without any. */
function objectivesChart(year: number, objectives: AnnualReport["objectives"]): ReadonlyArray<Block> {
  if (objectives.results.length === 0) return []
  return [
    {
      kind: "chart",
      chart: {
        id: `objectifs-${year}`,
        kind: "objectives",
        title: `Objectifs ${year} : valeurs et cibles`,
        groups: objectives.results.map(objectiveGroup)
      }
    }
  ]
}

/** The objectives amendments removed by the year's end, no longer evaluated; none when there is none. */
function removedObjectivesBlocks(year: number, removed: ReadonlyArray<ObjectiveSpan>): ReadonlyArray<Block> {
  if (removed.length === 0) return []
  return [
    {
      kind: "paragraph",
      text: `${removed.length > 1 ? "Objectifs supprimés, qui ne sont plus évalués" : "Objectif supprimé, qui n'est plus évalué"} en ${year} :`
    },
    { kind: "list", items: removed.map((span) => objectiveTitle(span)) }
  ]
}

function objectivesSection(report: AnnualReport): Section {
  const { objectives } = report
  // A ratio to a maximum reads as a share of that maximum, as in the objective's sentence.
  const rate = (result: ObjectiveResult) =>
    `${percent(result.ratio)}${result.ratio !== undefined && ratioReference(result.target)?.bound === "maximum" ? " du maximum" : ""}`
  const rows = objectives.results.map((result) => [
    objectiveTitle(result),
    result.share === undefined ? number(result.value) : percent(result.value),
    targetText(result.target, result.share !== undefined),
    OBJECTIVE_STATUS[result.status],
    rate(result)
  ])
  return {
    title: `Objectifs ${report.year}`,
    blocks: [
      // The year's sentence from the evaluation's typed fields, as its explanation words it.
      { kind: "paragraph", text: yearSentence(yearFacts(objectives)) },
      {
        kind: "table",
        headers: ["Objectif", "Valeur", "Cible", "Statut", "Taux"],
        rows,
        numeric: [false, true, true, false, true]
      },
      // Each indicator's sentence from the result's typed facts, as its explanation words it.
      {
        kind: "list",
        items: objectives.results.map((result) => `${result.title} : ${indicatorSentence(result.indicatorFacts)}`)
      },
      ...removedObjectivesBlocks(report.year, objectives.removedObjectives ?? []),
      ...objectivesChart(report.year, objectives)
    ]
  }
}

function fundingSection(report: AnnualReport): Section {
  const { funding } = report
  const s = funding.settlement
  const instalmentRows = funding.instalments.map((position) => [
    position.instalment.label,
    `${position.instalment.amount.format()}${position.instalment.offset === undefined ? "" : ` (après déduction de ${position.instalment.offset.amount.format()} de ${position.instalment.offset.fromYear})`}`,
    position.instalment.dueDate === undefined
      ? position.instalment.expectedDueDate === undefined
        ? "—"
        : `bilans attendus le ${formatFrenchDate(position.instalment.expectedDueDate)}`
      : formatFrenchDate(position.instalment.dueDate),
    position.instalment.deadline === undefined ? "—" : formatFrenchDate(position.instalment.deadline),
    position.paid.format(),
    instalmentStatusText(position)
  ])
  // Expenses of other years belong to those years' reviews: counted here, not listed as refused.
  const otherYears = otherExpensesLine(report)
  const ineligible = funding.ineligibleExpenses
    .filter((expense) => expense.reason !== "outside-year")
    .map((expense) => [
      expense.label === undefined ? expense.id : `${expense.label} (${expense.id})`,
      expense.date === undefined ? "—" : formatFrenchDate(expense.date),
      expense.amount.format(),
      EXPENSE_EXCLUSION_LABELS[expense.reason],
      expense.detail
    ])
  // An instalment fixed on other terms than the year's final amount says how it was computed.
  const scheduleFacts = funding.schedule.facts
  const computed = (scheduleFacts.covered ? scheduleFacts.instalments : [])
    .filter((facts) => !facts.basis.yearAmount.equals(funding.schedule.amount) || facts.kind === "complement")
    .map((facts) => `${instalmentLabel(facts.name)} : ${instalmentSentence(facts)}`)
  const chart: Chart = {
    id: "financement",
    kind: "money",
    title: `Financement ${report.year} : accordé, reçu, employé, non dépensé`,
    groups: [moneyGroup(report)]
  }
  return {
    title: `Échéancier et emploi des fonds ${report.year}`,
    blocks: [
      { kind: "paragraph", text: scheduleSentence(scheduleFacts) },
      {
        kind: "table",
        headers: ["Versement", "Montant", "Exigible le", "Au plus tard le", "Versé", "Statut"],
        rows: instalmentRows,
        numeric: [false, true, false, false, true, false]
      },
      ...(computed.length === 0 ? [] : [{ kind: "list" as const, items: computed }]),
      {
        kind: "list",
        items: [
          `Montant accordé : ${s.granted.format()}${funding.modulation.reduction.isZero() ? "" : ` (après une réduction de ${funding.modulation.reduction.format()} : ${modulationSentence(funding.modulation.facts)})`}`,
          `Reçu : ${s.received.format()}${s.carriedIn.isPositive() ? ` (et ${s.carriedIn.format()} non dépensés en ${report.year - 1}, déduits du solde)` : ""}`,
          `Dépenses éligibles : ${s.eligibleSpend.format()} (taux de consommation ${percent(s.consumption)})`,
          funding.final
            ? `Part non dépensée : ${s.unspent.format()}${s.keepable.isPositive() ? `, dont ${s.keepable.format()} conservables` : ""}`
            : `Part non dépensée : établie à la fin de l'année (${funding.state === "not-started" ? "année non commencée" : "année en cours"})`,
          `Reste à verser : ${s.stillToPay.format()}${funding.final ? "" : " (exigible à ce jour)"}`,
          `À reverser : ${s.toRepay.format()}${repaymentText(funding.repayment)}`,
          ...(s.offsetNextYear.isPositive()
            ? [`À déduire du solde de ${report.year + 1} : ${s.offsetNextYear.format()}`]
            : []),
          ...(s.awaitingUse.isPositive()
            ? [`Reçu et pas encore justifié : ${s.awaitingUse.format()} (l'année n'est pas terminée)`]
            : []),
          ...(funding.financialReport === undefined
            ? []
            : [
                `Compte rendu financier : attendu au plus tard le ${formatFrenchDate(funding.financialReport.dueDate)}${financialReportReceipt(funding.financialReport)}${funding.financialReport.late ? " — en retard" : ""}`
              ])
        ]
      },
      ...(ineligible.length === 0
        ? []
        : [
            {
              kind: "table" as const,
              headers: ["Dépense non retenue", "Date", "Montant", "Motif", "Détail"],
              rows: ineligible,
              numeric: [false, false, true, false, false]
            }
          ]),
      ...(otherYears === undefined ? [] : [{ kind: "paragraph" as const, text: otherYears }]),
      ...financialReportBlocks(funding.financialReport?.comparison),
      { kind: "paragraph", text: useSentence(funding.facts) },
      { kind: "chart", chart }
    ]
  }
}

const SIDE_FR = { charge: "Charges", product: "Produits", "in-kind": "Contributions en nature" } as const

/** The financial report's table: forecast, actual, variance in euros and in %, and the explanations. */
function financialReportBlocks(comparison: FinancialReportComparison | undefined): ReadonlyArray<Block> {
  if (comparison === undefined) return []
  const rows = comparison.lines.map((line) => [
    SIDE_FR[line.side],
    `${line.account} ${line.label}`,
    line.forecast.format(),
    line.actual.format(),
    signedAmount(line.variance),
    line.varianceShare === undefined ? "—" : signedPercentText(line.varianceShare),
    line.explanation ?? (line.beyondTolerance ? "écart à expliquer" : "")
  ])
  const { charges, products } = comparison.totals
  rows.push([
    "Total",
    "Charges (60 à 68)",
    charges.forecast.format(),
    charges.actual.format(),
    signedAmount(charges.actual.minus(charges.forecast)),
    "",
    ""
  ])
  rows.push([
    "Total",
    "Produits (70 à 79)",
    products.forecast.format(),
    products.actual.format(),
    signedAmount(products.actual.minus(products.forecast)),
    "",
    ""
  ])
  return [
    { kind: "paragraph", text: `${comparisonLabel(comparison.year)} : ${comparisonSentence(comparison)}` },
    {
      kind: "table",
      headers: ["Rubrique", "Compte", "Prévu", "Réalisé", "Écart", "Écart en %", "Explication"],
      rows,
      numeric: [false, false, true, true, true, true, false]
    },
    { kind: "list", items: comparisonLines(comparison) }
  ]
}

function repaymentText(repayment: YearRepayment): string {
  if (!repayment.demanded.isPositive() && !repayment.received.isPositive()) return ""
  const demanded =
    repayment.demandedOn === undefined
      ? ""
      : ` ; demandé le ${formatFrenchDate(repayment.demandedOn)}, à reverser au plus tard le ${formatFrenchDate(repayment.dueDate as CalendarDate)}`
  const received = repayment.received.isPositive() ? ` ; reversé : ${repayment.received.format()}` : ""
  const over = repayment.overRepaid.isPositive() ? ` ; trop reversé : ${repayment.overRepaid.format()}` : ""
  return `${demanded}${received} ; reste à reverser : ${repayment.stillToRepay.format()}${repayment.late ? " — en retard" : ""}${over}`
}

/**
 * A year's money in the chart: granted, received (with what the previous year carried in), used on
 * eligible costs, and unspent, which exists only once the year is over (written, not drawn, before).
 */
function moneyGroup(report: AnnualReport): ChartGroup {
  const { funding } = report
  const s = funding.settlement
  // Charts show whole euros (the tables give the cents), rounded half up.
  const bar = (label: string, amount: Euros): Bar => {
    const cents = amount.toCents()
    const whole = (cents < 0n ? cents - 50n : cents + 50n) / 100n
    return { label, value: Number(cents) / 100, display: formatFrenchAmount(`${whole}.00`, false) }
  }
  const unspent: Bar = funding.final
    ? bar("Non dépensé", s.unspent)
    : {
        label: "Non dépensé",
        value: undefined,
        display: `établi à la fin de l'année (${funding.state === "not-started" ? "année non commencée" : "année en cours"})`
      }
  return {
    label: String(report.year),
    unit: "euros",
    bars: [
      bar("Accordé", s.granted),
      bar(s.carriedIn.isPositive() ? "Reçu et reporté" : "Reçu", s.received.plus(s.carriedIn)),
      bar("Employé", s.usedOnEligible),
      unspent
    ]
  }
}

function conventionObjectivesSection(report: ConventionReport): Section {
  const years = report.years.map((year) => year.year)
  const rows = report.objectives.map((objective) => [
    objectiveTitle(objective),
    ...objective.byYear.map((entry) => OBJECTIVE_STATUS[entry.status])
  ])
  // One chart a year: each objective's value against its target that year.
  const charts = report.years.flatMap((year) => objectivesChart(year.year, year.objectives))
  return {
    title: "Objectifs par année",
    blocks: [
      { kind: "table", headers: ["Objectif", ...years.map(String)], rows, numeric: [false, ...years.map(() => false)] },
      ...charts
    ]
  }
}

function conventionFundingSection(report: ConventionReport): Section {
  // Repayments get their columns once one is received.
  const repaid = report.totals.repaid.isPositive()
  // and an over-repayment its column, netted in the sentence under the table.
  const over = report.totals.overRepaid.isPositive()
  const columns = (s: Omit<LedgerTotals, "netToRepay">) =>
    [
      s.granted,
      s.received,
      s.carriedIn,
      s.eligibleSpend,
      s.usedOnEligible,
      s.keptSurplus,
      s.offsetNextYear,
      s.toRepay,
      ...(repaid ? [s.repaid, s.stillToRepay] : []),
      ...(over ? [s.overRepaid] : []),
      s.awaitingUse,
      s.stillToPay
    ].map((amount) => amount.format())
  const rows = report.years.map((year) => [
    String(year.year),
    ...columns({
      ...year.funding.settlement,
      repaid: year.funding.repayment.received,
      stillToRepay: year.funding.repayment.stillToRepay,
      overRepaid: year.funding.repayment.overRepaid
    })
  ])
  rows.push(["Total", ...columns(report.totals)])
  const headers = [
    "Année",
    "Accordé",
    "Reçu",
    "Report reçu",
    "Dépenses éligibles",
    "Employé",
    "Excédent conservé",
    "Reporté sur l'année suivante",
    "À reverser",
    ...(repaid ? ["Reversé", "Reste à reverser"] : []),
    ...(over ? ["Trop reversé"] : []),
    "En attente d'emploi",
    "Reste à verser"
  ]
  return {
    title: "Financement par année",
    blocks: [
      { kind: "table", headers, rows, numeric: headers.map((_, index) => index > 0) },
      // What each year's money came to, in the ledger's words (an offset, the last year's repayment).
      {
        kind: "list",
        items: [
          ...report.years.map((year) => useSentence(year.funding.facts)),
          ...(over ? [netRepaymentSentence(report.totals)] : [])
        ]
      },
      {
        kind: "chart",
        chart: {
          id: "financement",
          kind: "money",
          title: "Financement par année : accordé, reçu, employé, non dépensé",
          groups: report.years.map(moneyGroup)
        }
      }
    ]
  }
}

/**
 * @internal Renders a report: what `render` makes of its content; a report that is not one is an
 * InvalidArgumentError naming it (see guard.ts).
 */
export function renderedReport(
  report: AnnualReport | ConventionReport,
  render: (document: ReportDocument) => string
): string {
  return readingReport(() => render(documentOf(report)))
}

/** A section when there is one. */
const optional = (section: Section | undefined): ReadonlyArray<Section> => (section === undefined ? [] : [section])

/**
 * The content of a yearly or end-of-convention review, before any format: its title, and its
 * sections of paragraphs, lists, tables and charts, in French, as the Markdown and HTML renderers
 * write them. An application writes its own renderer (a word-processor file, a page of its own)
 * from it. A value that is not a report is an InvalidArgumentError naming it.
 *
 * @example
 * ```ts
 * import { annualReport, reportDocument, type Convention } from "caf-conventions"
 * declare const cpo: Convention
 * reportDocument(annualReport(cpo, { year: 2024, activities: [], payments: [], expenses: [] })).sections.map((s) => s.title)[0]
 * //=> "Convention"
 * ```
 * @category reports
 */
export function reportDocument(report: AnnualReport | ConventionReport): ReportDocument {
  return frozenResult(
    readingReport(() => documentOf(report)),
    report
  )
}

/** Builds the content of a report. */
function documentOf(report: AnnualReport | ConventionReport): ReportDocument {
  requireReport(report)
  const { convention } = report
  // The day the report stands at: the day given, or else the end of what it covers.
  const end = convention.termination?.date ?? convention.terms.period.end
  const day = report.asOf ?? (report.kind === "annual" ? calendarDate(report.year, 12, 31) : end)
  const runningDate = `${report.kind === "annual" ? `Bilan annuel ${report.year}` : "Bilan de fin de convention"} — situation au ${formatFrenchDate(day)}`
  if (report.kind === "annual") {
    return {
      title: `Bilan annuel ${report.year} — ${convention.title}`,
      subtitle: `${report.parties.funder} × ${report.parties.partner}`,
      runningDate,
      sections: [
        conventionSection(report),
        ...optional(amendmentsSection(report)),
        complianceSection(report.compliance),
        objectivesSection(report),
        fundingSection(report)
      ]
    }
  }
  return {
    title: `Bilan de fin de convention — ${convention.title}`,
    subtitle: `${report.parties.funder} × ${report.parties.partner}`,
    runningDate,
    sections: [
      conventionSection(report),
      ...optional(amendmentsSection(report)),
      complianceSection(report.compliance),
      conventionObjectivesSection(report),
      conventionFundingSection(report),
      conventionPaymentsSection(report)
    ]
  }
}
