/**
 * The content of a report, independent of its format: sections of paragraphs, lists, tables and
 * charts, all text already in French. The Markdown and HTML renderers only lay it out.
 *
 * @module
 */
import { calendarDate, formatFrenchDate } from "../calendar/date.js"
import { type Fraction, formatFraction } from "../core/fraction.js"
import type { ComplianceFinding } from "../conventions/finding.js"
import { readingReport, requireReport } from "./guard.js"
import { frozenResult } from "../core/freeze.js"
import { OBJECTIVE_STATUS_LABELS, instalmentStatusText, signedAmount, signedPercentText } from "../vocabulary/labels.js"
import { comparisonLines, netRepaymentSentence, scheduleSentence, useSentence } from "../vocabulary/funding.js"
import { yearFacts, yearObjectivesLabel, yearSentence } from "../vocabulary/objectives.js"
import {
  chartTargetText,
  comparisonParagraph,
  computedInstalmentLine,
  conventionSummaryLines,
  findingLine,
  fundingSectionTitle,
  indicatorLine,
  instalmentAmountText,
  lineageLine,
  moneyChartTitle,
  moneyLines,
  objectiveTitleText,
  objectivesChartId,
  objectivesChartTitle,
  partiesText,
  ratioText,
  removedObjectivesIntro,
  reportsExpectedText,
  reviewRunningDate,
  reviewTitle,
  targetText,
  unspentPendingText,
  withdrawalLine
} from "../vocabulary/reports.js"
import type { LedgerTotals } from "../funding/ledger.js"
import { EXPENSE_EXCLUSION_LABELS } from "../funding/expenses.js"
import { Euros } from "../money/euros.js"
import { formatFrenchAmount } from "../money/format.js"
import type { ObjectiveResult } from "../objectives/evaluate.js"
import type { AnnualReport, ConventionReport } from "./report.js"
import type { FinancialReportComparison } from "../budget/financial-report.js"
import { amendmentsSection, conventionPaymentsSection, otherExpensesLine, sectorsLine } from "./content.js"
import type { ObjectiveSpan } from "../conventions/terms-as-of.js"
import { type Bar, type Block, type Chart, type ChartGroup, type ReportDocument, type Section } from "./shape.js"

const OBJECTIVE_STATUS = OBJECTIVE_STATUS_LABELS

const number = (fraction: Fraction) => formatFraction(fraction)
const toNumber = (fraction: Fraction) => fraction.numerator / fraction.denominator
const percent = (fraction: Fraction | undefined) => ratioText(fraction, false)

/** The withdrawal of the subsidy, once decided on the day of the report: from when, why, what is to repay and by when. */
function withdrawalItem(report: AnnualReport | ConventionReport): string | undefined {
  const withdrawal = report.convention.withdrawal
  if (withdrawal === undefined || (report.asOf !== undefined && withdrawal.decidedOn > report.asOf)) return undefined
  const uses = report.kind === "annual" ? [report.funding] : report.years.map((year) => year.funding)
  const owed = uses.flatMap((use) => (use.repayment.withdrawal === undefined ? [] : [use.repayment.withdrawal]))
  const total = Euros.sum(owed.map((entry) => entry.amount))
  const due = owed.map((entry) => entry.dueDate).sort()[0]
  return withdrawalLine({
    decidedOn: withdrawal.decidedOn,
    effectiveFrom: withdrawal.effectiveFrom,
    reason: withdrawal.reason,
    owed: total.isPositive() && due !== undefined ? { amount: total, dueDate: due } : undefined
  })
}

function conventionSection(report: AnnualReport | ConventionReport): Section {
  const { convention } = report
  const period = convention.terms.period
  const items = conventionSummaryLines({
    funder: report.parties.funder,
    partner: report.parties.partner,
    kind: convention.kind,
    period,
    terminatedOn: convention.termination?.date,
    sectors: sectorsLine(report),
    withdrawal: withdrawalItem(report),
    status: report.kind === "annual" ? report.status : undefined,
    asOf: report.asOf
  })
  const lineage =
    report.lineage.length > 1
      ? [
          {
            kind: "list" as const,
            items: report.lineage.map((step) =>
              lineageLine({
                start: step.terms.period.start,
                end: step.terms.period.end,
                kind: step.kind,
                title: step.title
              })
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
        items: findings.map(findingLine)
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
            display: chartTargetText(target, share)
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
        id: objectivesChartId(year),
        kind: "objectives",
        title: objectivesChartTitle(year),
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
      text: removedObjectivesIntro(removed.length, year)
    },
    { kind: "list", items: removed.map((span) => objectiveTitleText(span)) }
  ]
}

function objectivesSection(report: AnnualReport): Section {
  const { objectives } = report
  // A ratio to a maximum reads as a share of that maximum, as in the objective's sentence.
  const rate = (result: ObjectiveResult) => ratioText(result.ratio, result.ratioBound === "maximum")
  const rows = objectives.results.map((result) => [
    objectiveTitleText(result),
    result.share === undefined ? number(result.value) : percent(result.value),
    targetText(result.target, result.share !== undefined),
    OBJECTIVE_STATUS[result.status],
    rate(result)
  ])
  return {
    title: yearObjectivesLabel(report.year),
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
        items: objectives.results.map((result) => indicatorLine(result.title, result.indicatorFacts))
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
    instalmentAmountText(position.instalment.amount, position.instalment.offset),
    position.instalment.dueDate === undefined
      ? position.instalment.expectedDueDate === undefined
        ? "—"
        : reportsExpectedText(position.instalment.expectedDueDate)
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
    .map(computedInstalmentLine)
  const chart: Chart = {
    id: "financement",
    kind: "money",
    title: moneyChartTitle(report.year),
    groups: [moneyGroup(report)]
  }
  return {
    title: fundingSectionTitle(report.year),
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
        items: moneyLines({
          year: report.year,
          money: s,
          final: funding.final,
          state: funding.state,
          modulation: funding.modulation,
          repayment: funding.repayment,
          financialReport: funding.financialReport,
          scheduled: Euros.sum(
            funding.instalments.map((position) =>
              Euros.max(Euros.zero, position.instalment.amount.minus(position.paid))
            )
          )
        })
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
    { kind: "paragraph", text: comparisonParagraph(comparison) },
    {
      kind: "table",
      headers: ["Rubrique", "Compte", "Prévu", "Réalisé", "Écart", "Écart en %", "Explication"],
      rows,
      numeric: [false, false, true, true, true, true, false]
    },
    { kind: "list", items: comparisonLines(comparison) }
  ]
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
        display: unspentPendingText(funding.state)
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
    objectiveTitleText(objective),
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
  // Unspent money is known once a year is over, as in the yearly review and the spreadsheet
  // table: a year not ended leaves its cell empty, and the total adds the years ended. An
  // over-repayment gets its column, netted in the sentence under the table.
  const over = report.totals.overRepaid.isPositive()
  const ended = report.years.filter((year) => year.funding.final)
  const unspentTotal =
    ended.length === 0 ? "" : Euros.sum(ended.map((year) => year.funding.settlement.unspent)).format()
  const columns = (s: Omit<LedgerTotals, "netToRepay">, unspent: string) => [
    ...[s.granted, s.received, s.carriedIn, s.eligibleSpend, s.usedOnEligible].map((amount) => amount.format()),
    unspent,
    ...[
      s.keptSurplus,
      s.offsetNextYear,
      s.toRepay,
      ...(repaid ? [s.repaid, s.stillToRepay] : []),
      ...(over ? [s.overRepaid] : []),
      s.awaitingUse,
      s.stillToPay
    ].map((amount) => amount.format())
  ]
  const rows = report.years.map((year) => [
    String(year.year),
    ...columns(
      {
        ...year.funding.settlement,
        repaid: year.funding.repayment.received,
        stillToRepay: year.funding.repayment.stillToRepay,
        overRepaid: year.funding.repayment.overRepaid
      },
      year.funding.final ? year.funding.settlement.unspent.format() : ""
    )
  ])
  rows.push(["Total", ...columns(report.totals, unspentTotal)])
  const headers = [
    "Année",
    "Accordé",
    "Reçu",
    "Report reçu",
    "Dépenses éligibles",
    "Employé",
    "Non dépensé",
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
          title: moneyChartTitle(undefined),
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
  const review =
    report.kind === "annual" ? { kind: "annual" as const, year: report.year } : { kind: "convention" as const }
  const runningDate = reviewRunningDate(review, day)
  const subtitle = partiesText(report.parties.funder, report.parties.partner)
  if (report.kind === "annual") {
    return {
      title: reviewTitle(review, convention.title),
      subtitle,
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
    title: reviewTitle(review, convention.title),
    subtitle,
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
