/**
 * The tables of a report as typed cells (texts, amounts, dates, numbers): the amendments, the
 * objectives, the schedule and payments, the expenses not counted, the ledger by year. The
 * report's document writes them in French; {@link reportTablesCsv} writes them for spreadsheets.
 *
 * @module
 */
import { type CalendarDate, formatFrenchDate } from "../calendar/date.js"
import { InvalidArgumentError } from "../core/errors.js"
import { type Fraction, formatFraction } from "../core/fraction.js"
import { freeTextCell } from "../core/csv.js"
import type { Convention } from "../conventions/convention.js"
import { type AmendmentStep, amendmentHistory } from "../conventions/terms-as-of.js"
import { EXPENSE_EXCLUSION_LABELS, type IneligibleExpense } from "../funding/expenses.js"
import type { FundingUse } from "../funding/use.js"
import { OBJECTIVE_STATUS_LABELS, instalmentStatusText } from "../vocabulary/labels.js"
import { yearObjectivesLabel } from "../vocabulary/objectives.js"
import {
  amendmentNumberText,
  amountsText,
  changeText,
  objectiveTitleText,
  scheduleTableTitle,
  targetText
} from "../vocabulary/reports.js"
import { Euros } from "../money/euros.js"
import { readingReport, requireReport } from "./guard.js"
import type { AnnualReport, ConventionReport } from "./report.js"

/**
 * A cell of a report's table: a text, an amount in euros, a day, or a number (a count, a
 * percentage), so that a spreadsheet receives numbers as numbers and days as days. An empty
 * cell is a text `""`.
 *
 * @example
 * ```ts
 * import { Euros, type ReportCell } from "caf-conventions"
 * const cell: ReportCell = { kind: "amount", amount: Euros.parse("30000") }
 * ```
 * @category reports
 */
export type ReportCell =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "amount"; readonly amount: Euros }
  | { readonly kind: "date"; readonly date: CalendarDate }
  | { readonly kind: "number"; readonly value: Fraction; readonly percent?: boolean }

/**
 * The names of the tables a report gives: `avenants` (the amendments), `objectifs` (a yearly
 * report's objectives), `versements` (the schedule and payments), `depenses-non-retenues` (the
 * expenses not counted, other years' left out), `financement-par-annee` (the ledger by year).
 *
 * @example
 * ```ts
 * import { REPORT_TABLE_IDS } from "caf-conventions"
 * REPORT_TABLE_IDS[0] //=> "avenants"
 * ```
 * @category reports
 */
export const REPORT_TABLE_IDS = Object.freeze([
  "avenants",
  "objectifs",
  "versements",
  "depenses-non-retenues",
  "financement-par-annee"
] as const)

/**
 * The name of one of a report's tables (see {@link REPORT_TABLE_IDS}).
 *
 * @example
 * ```ts
 * import type { ReportTableId } from "caf-conventions"
 * const id: ReportTableId = "versements"
 * ```
 * @category reports
 */
export type ReportTableId = (typeof REPORT_TABLE_IDS)[number]

/**
 * One of a report's tables: its name, its French title, its headers and its rows of typed cells.
 *
 * @example
 * ```ts
 * import { reportTables, type ReportTable, type AnnualReport } from "caf-conventions"
 * declare const report: AnnualReport
 * const tables: ReadonlyArray<ReportTable> = reportTables(report)
 * ```
 * @category reports
 */
export interface ReportTable {
  /** The table's name. */
  readonly id: ReportTableId
  /** Its title, in French. */
  readonly title: string
  /** Its column headers, in French. */
  readonly headers: ReadonlyArray<string>
  /** Its rows, each a cell per header. */
  readonly rows: ReadonlyArray<ReadonlyArray<ReportCell>>
}

const OBJECTIVE_STATUS = OBJECTIVE_STATUS_LABELS

const text = (value: string): ReportCell => ({ kind: "text", text: value })
const amount = (value: Euros): ReportCell => ({ kind: "amount", amount: value })
const day = (value: CalendarDate | undefined): ReportCell =>
  value === undefined ? text("") : { kind: "date", date: value }
const EMPTY = text("")

/**
 * @internal The amendments a report knows of (signed on or before its day, every one without a
 * day), in the order they apply, each with the terms before and after it.
 */
export function knownAmendments(convention: Convention, asOf: CalendarDate | undefined): ReadonlyArray<AmendmentStep> {
  return amendmentHistory(convention, asOf === undefined ? {} : { asOf })
}

function amendmentsTable(report: AnnualReport | ConventionReport): ReportTable {
  const rows = knownAmendments(report.convention, report.asOf).map(({ amendment, before, after }) => [
    text(amendmentNumberText(amendment.number)),
    day(amendment.signatureDate),
    day(amendment.effectiveDate),
    text(amendment.reason),
    text(amendment.changes.map((change) => changeText(change, before.objectives)).join(" ; ")),
    text(amountsText(before.amounts)),
    text(amountsText(after.amounts))
  ])
  return {
    id: "avenants",
    title: "Avenants",
    headers: ["Avenant", "Signé le", "Effet au", "Objet", "Modifications", "Montant avant", "Montant après"],
    rows
  }
}

/**
 * @internal An objective's title with what amendments did to it, as the reports show a sector an
 * amendment adds: `Au moins 3 réunions du Reaap par an (ajouté par l'avenant n° 1 à partir du
 * 01/10/2025)`, `… (supprimé par l'avenant n° 2 à partir du 01/01/2027)`.
 */
function objectivesTable(report: AnnualReport): ReportTable {
  const rows = report.objectives.results.map((result) => {
    const share = result.share !== undefined
    const value: ReportCell = share
      ? {
          kind: "number",
          value: { numerator: result.value.numerator * 100, denominator: result.value.denominator },
          percent: true
        }
      : { kind: "number", value: result.value }
    const rate: ReportCell =
      result.ratio === undefined
        ? EMPTY
        : {
            kind: "number",
            value: { numerator: result.ratio.numerator * 100, denominator: result.ratio.denominator },
            percent: true
          }
    return [
      text(objectiveTitleText(result)),
      value,
      text(targetText(result.target, share)),
      text(OBJECTIVE_STATUS[result.status]),
      rate
    ]
  })
  return {
    id: "objectifs",
    title: yearObjectivesLabel(report.year),
    headers: ["Objectif", "Valeur", "Cible", "Statut", "Taux (%)"],
    rows
  }
}

const INSTALMENT_KIND = {
  advance: "avance",
  instalment: "versement intermédiaire",
  balance: "solde",
  complement: "régularisation"
} as const

function instalmentRows(funding: FundingUse): Array<ReadonlyArray<ReportCell>> {
  return funding.instalments.map((position) => {
    const { instalment } = position
    return [
      text(String(funding.year)),
      text(instalment.label),
      text(INSTALMENT_KIND[instalment.kind]),
      amount(instalment.amount),
      instalment.offset === undefined ? EMPTY : amount(instalment.offset.amount),
      instalment.offset === undefined ? EMPTY : text(String(instalment.offset.fromYear)),
      day(instalment.dueDate),
      day(instalment.dueDate === undefined ? instalment.expectedDueDate : undefined),
      day(instalment.deadline),
      amount(position.paid),
      day(position.completedOn),
      text(instalmentStatusText(position))
    ]
  })
}

function schedule(years: ReadonlyArray<FundingUse>, title: string): ReportTable {
  return {
    id: "versements",
    title,
    headers: [
      "Année",
      "Versement",
      "Nature",
      "Montant",
      "Déduction",
      "Déduite de l'année",
      "Exigible le",
      "Bilans attendus le",
      "Au plus tard le",
      "Versé",
      "Payé le",
      "Statut"
    ],
    rows: years.flatMap(instalmentRows)
  }
}

/** @internal An expense another year's that counts in no year of the convention: dated outside its effective period. */
export function outsideConvention(
  period: { readonly start: CalendarDate; readonly end: CalendarDate },
  expense: IneligibleExpense
): boolean {
  return (
    expense.reason === "outside-year" &&
    expense.date !== undefined &&
    (expense.date < period.start || expense.date > period.end)
  )
}

function notCounted(years: ReadonlyArray<FundingUse>): ReportTable {
  // Another year's expense belongs to that year's review: only the year's own are listed.
  const rows = years.flatMap((funding) =>
    funding.ineligibleExpenses
      .filter((expense) => expense.reason !== "outside-year")
      .map((expense) => [
        text(String(funding.year)),
        text(expense.id),
        text(expense.label ?? ""),
        day(expense.date),
        amount(expense.amount),
        text(EXPENSE_EXCLUSION_LABELS[expense.reason]),
        text(expense.detail)
      ])
  )
  return {
    id: "depenses-non-retenues",
    title: "Dépenses non retenues",
    headers: ["Année", "Dépense", "Libellé", "Date", "Montant", "Motif", "Détail"],
    rows
  }
}

function ledgerRow(label: string, funding: ReadonlyArray<FundingUse>): ReadonlyArray<ReportCell> {
  const sum = (pick: (use: FundingUse) => Euros) => amount(Euros.sum(funding.map(pick)))
  const final = funding.filter((use) => use.final)
  const late = funding
    .filter(
      (use) =>
        use.repayment.late ||
        use.instalments.some((position) => position.status === "late" || position.status === "paid-late")
    )
    .map((use) => String(use.year))
  return [
    text(label),
    sum((use) => use.settlement.granted),
    sum((use) => use.settlement.received),
    sum((use) => use.settlement.carriedIn),
    sum((use) => use.settlement.eligibleSpend),
    sum((use) => use.settlement.usedOnEligible),
    // Unspent money is known once a year is over: a year not ended leaves the cell empty.
    final.length === 0 ? EMPTY : amount(Euros.sum(final.map((use) => use.settlement.unspent))),
    sum((use) => use.settlement.keptSurplus),
    sum((use) => use.settlement.offsetNextYear),
    sum((use) => use.settlement.toRepay),
    funding.length === 1 ? day(funding[0]?.repayment.demandedOn) : EMPTY,
    funding.length === 1 ? day(funding[0]?.repayment.dueDate) : EMPTY,
    sum((use) => use.repayment.received),
    sum((use) => use.repayment.stillToRepay),
    sum((use) => use.settlement.awaitingUse),
    sum((use) => use.settlement.stillToPay),
    text(funding.length === 1 ? (late.length === 0 ? "non" : "oui") : late.join(", "))
  ]
}

function ledger(years: ReadonlyArray<FundingUse>, withTotal: boolean): ReportTable {
  const rows = years.map((funding) => ledgerRow(String(funding.year), [funding]))
  return {
    id: "financement-par-annee",
    title: "Financement par année",
    headers: [
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
      "Reversement demandé le",
      "À reverser au plus tard le",
      "Reversé",
      "Reste à reverser",
      "En attente d'emploi",
      "Reste à verser",
      "Retard"
    ],
    rows: withTotal ? [...rows, ledgerRow("Total", years)] : rows
  }
}

/**
 * The tables of a yearly or end-of-convention review, as typed cells: the amendments known on
 * the report's day, a yearly review's objectives, the schedule and payments (every year's for the
 * whole convention, with offsets deducted and regularisations), the expenses not counted (the
 * year's own: another year's expense belongs to that year's review), and the ledger by year
 * (granted, received, carried, spent, unspent for the years ended only, kept, to repay,
 * repayments demanded and received, awaiting use, still to pay, late years), with a total for
 * the whole convention.
 *
 * @example
 * ```ts
 * import { annualReport, reportTables, type Convention } from "caf-conventions"
 * declare const cpo: Convention
 * reportTables(annualReport(cpo, { year: 2024, activities: [], payments: [], expenses: [] })).map((table) => table.id)
 * //=> ["avenants", "objectifs", "versements", "depenses-non-retenues", "financement-par-annee"]
 * ```
 * @category reports
 */
export function reportTables(report: AnnualReport | ConventionReport): ReadonlyArray<ReportTable> {
  requireReport(report)
  return readingReport(() => tablesOf(report))
}

function tablesOf(report: AnnualReport | ConventionReport): ReadonlyArray<ReportTable> {
  if (report.kind === "annual") {
    return Object.freeze([
      amendmentsTable(report),
      objectivesTable(report),
      schedule([report.funding], scheduleTableTitle(report.year)),
      notCounted([report.funding]),
      ledger([report.funding], false)
    ])
  }
  const years = report.years.map((year) => year.funding)
  return Object.freeze([
    amendmentsTable(report),
    schedule(years, scheduleTableTitle(undefined)),
    notCounted(years),
    ledger(years, true)
  ])
}

/** @internal A table as a block of the report's document: its cells written the French way, a column numeric when it holds amounts or numbers. */
export function tableBlock(table: ReportTable): {
  readonly kind: "table"
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
  readonly numeric: ReadonlyArray<boolean>
} {
  const numeric = table.headers.map((_header, index) =>
    table.rows.some((row) => row[index]?.kind === "amount" || row[index]?.kind === "number")
  )
  return { kind: "table", headers: table.headers, rows: table.rows.map((row) => row.map(cellText)), numeric }
}

/** @internal A cell written for a reader, the French way. */
function cellText(cell: ReportCell): string {
  switch (cell.kind) {
    case "text":
      return cell.text
    case "amount":
      return cell.amount.format()
    case "date":
      return formatFrenchDate(cell.date)
    case "number":
      return `${formatFraction(cell.value, 2)}${cell.percent === true ? " %" : ""}`
  }
}

/**
 * How {@link reportTablesCsv} writes: `separator` `;` (the default, as French spreadsheets
 * expect) or `,`; `decimal` `,` (the default) or `.`; `bom` to start the text with a byte order
 * mark, which some spreadsheets need to read UTF-8 (off by default).
 *
 * @example
 * ```ts
 * import type { CsvOptions } from "caf-conventions"
 * const options: CsvOptions = { separator: ";", decimal: ",", bom: true }
 * ```
 * @category reports
 */
export interface CsvOptions {
  /** The field separator: `;` (default) or `,`. */
  readonly separator?: ";" | ","
  /** The decimal separator of numbers: `,` (default) or `.`. */
  readonly decimal?: "," | "."
  /** Whether the text starts with a UTF-8 byte order mark (U+FEFF). */
  readonly bom?: boolean
}

function checkedCsvOptions(options: unknown): Required<CsvOptions> {
  if (options !== undefined && (options === null || typeof options !== "object" || Array.isArray(options))) {
    throw new InvalidArgumentError({ argument: "options", message: "expected { separator?, decimal?, bom? }" })
  }
  const { separator = ";", decimal = ",", bom = false } = (options ?? {}) as CsvOptions
  if (separator !== ";" && separator !== ",")
    throw new InvalidArgumentError({
      argument: "options.separator",
      message: `expected ";" or ",", got ${JSON.stringify(separator) ?? String(separator)}`
    })
  if (decimal !== "," && decimal !== ".")
    throw new InvalidArgumentError({
      argument: "options.decimal",
      message: `expected "," or ".", got ${JSON.stringify(decimal) ?? String(decimal)}`
    })
  if (separator === "," && decimal === ",")
    throw new InvalidArgumentError({ argument: "options.decimal", message: 'a decimal comma needs the separator ";"' })
  if (typeof bom !== "boolean")
    throw new InvalidArgumentError({ argument: "options.bom", message: "expected true or false" })
  return { separator, decimal, bom }
}

/** A cell of the CSV: a number with the decimal separator asked for, a day as AAAA-MM-JJ, a text neutralised and quoted when needed. */
function csvCell(cell: ReportCell, decimal: "," | "."): string {
  switch (cell.kind) {
    case "text":
      return freeTextCell(cell.text)
    case "amount":
      return cell.amount.toString().replace(".", decimal)
    case "date":
      return cell.date
    case "number":
      return formatFraction(cell.value, 2).replace(",", decimal)
  }
}

/**
 * A report's tables as CSV, one text per table (see {@link reportTables}), for spreadsheets:
 * UTF-8, a header line, `;` between fields (or `,`), CRLF line ends, fields quoted when they
 * hold the separator, a quote or a line break (RFC 4180); amounts as plain numbers in euros
 * with two decimals and a decimal comma (or point), no thousands separator and no `€`; days as
 * `AAAA-MM-JJ`, which spreadsheets read as dates; every text that starts like a formula (`=`,
 * `+`, `-`, `@`, a tab, a carriage return) after a single quote, as the SCDL export does.
 *
 * @example
 * ```ts
 * import { annualReport, reportTablesCsv, type Convention } from "caf-conventions"
 * declare const cpo: Convention
 * const [amendments] = reportTablesCsv(annualReport(cpo, { year: 2024, activities: [], payments: [], expenses: [] }), { bom: true })
 * amendments?.csv.startsWith("\uFEFFAvenant;Signé le;") //=> true
 * ```
 * @category reports
 */
export function reportTablesCsv(
  report: AnnualReport | ConventionReport,
  options?: CsvOptions
): ReadonlyArray<{ readonly id: ReportTableId; readonly title: string; readonly csv: string }> {
  const { separator, decimal, bom } = checkedCsvOptions(options)
  return Object.freeze(
    reportTables(report).map((table) => {
      const lines = [
        table.headers.map(freeTextCell).join(separator),
        ...table.rows.map((row) => row.map((cell) => csvCell(cell, decimal)).join(separator))
      ]
      return Object.freeze({ id: table.id, title: table.title, csv: `${bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n` })
    })
  )
}
