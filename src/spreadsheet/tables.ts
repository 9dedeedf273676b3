/**
 * A report's tables as an XLSX workbook: one sheet per table, typed cells (amounts in euros,
 * days, numbers, percentages), so that a spreadsheet computes on them without reading text.
 *
 * @module
 */
import ExcelJS from "exceljs"
import type { CalendarDate } from "../calendar/date.js"
import { type ReportCell, type ReportTable, reportTables } from "../reports/tables.js"
import type { AnnualReport, ConventionReport } from "../reports/report.js"

/** The number formats of the cells: amounts in euros, days, whole numbers, decimals, percentages, texts. */
const FORMATS = {
  amount: '#,##0.00 "€"',
  date: "dd/mm/yyyy",
  integer: "0",
  decimal: "0.00",
  percent: "0.0 %",
  text: "@"
} as const

/** A sheet's name: the table's French title when a spreadsheet accepts it (31 characters at most, none of `\ / ? * [ ] :`), its id otherwise. */
function sheetName(table: ReportTable): string {
  return table.title.length <= 31 && !/[\\/?*[\]:]/u.test(table.title) && !table.title.startsWith("'")
    ? table.title
    : table.id
}

/** A cell's value and number format in a workbook. */
function written(cell: ReportCell): { readonly value: string | number | Date | null; readonly numFmt?: string } {
  switch (cell.kind) {
    case "text":
      // A string cell is never a formula, and the text format keeps it one when a person edits it.
      return cell.text === "" ? { value: null } : { value: cell.text, numFmt: FORMATS.text }
    case "amount":
      // Two decimals at most: the float holds the amount exactly enough to read back.
      return { value: Number(cell.amount.toString()), numFmt: FORMATS.amount }
    case "date":
      return { value: new Date(`${cell.date}T00:00:00Z`), numFmt: FORMATS.date }
    case "number": {
      const { numerator, denominator } = cell.value
      // The report's percentages are counted in hundredths (57,5 for 57,5 %): the cell holds the fraction.
      if (cell.percent === true) return { value: numerator / denominator / 100, numFmt: FORMATS.percent }
      const value = numerator / denominator
      return { value, numFmt: Number.isInteger(value) ? FORMATS.integer : FORMATS.decimal }
    }
  }
}

/**
 * A report's tables (see `reportTables` in `caf-conventions`) as an XLSX workbook: one sheet
 * per table, named after its French title (its id when the title is over 31 characters, such as
 * `versements` for the end-of-convention schedule), the headers in bold on the first row, kept in
 * view; amounts as numbers formatted in euros (`#,##0.00 "€"`), days as dates (`dd/mm/yyyy`),
 * counts as numbers, percentages as fractions formatted `0.0 %` (100 % is the number 1), texts as
 * text cells with the text format `@`: a text that starts like a formula (`=`, `+`, `-`, `@`) is
 * written as it is, without the CSV's leading quote, because a string cell is never run, and the
 * text format keeps it text when a person edits it.
 *
 * @example
 * ```ts
 * import { annualReport, type Convention } from "caf-conventions"
 * import { reportTablesWorkbook } from "caf-conventions/spreadsheet"
 * declare const cpo: Convention
 * const bytes = await reportTablesWorkbook(annualReport(cpo, { year: 2024, activities: [], payments: [], expenses: [] }))
 * bytes.length > 0 //=> true
 * ```
 * @category spreadsheets
 */
export async function reportTablesWorkbook(report: AnnualReport | ConventionReport): Promise<Uint8Array> {
  const tables = reportTables(report)
  const workbook = new ExcelJS.Workbook()
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table), { views: [{ state: "frozen", ySplit: 1 }] })
    const header = sheet.addRow([...table.headers])
    header.font = { bold: true }
    header.eachCell((cell) => {
      cell.numFmt = FORMATS.text
    })
    for (const row of table.rows) {
      const cells = row.map(written)
      const added = sheet.addRow(cells.map((cell) => cell.value))
      cells.forEach((cell, index) => {
        if (cell.numFmt !== undefined) added.getCell(index + 1).numFmt = cell.numFmt
      })
    }
    table.headers.forEach((title, index) => {
      const longest = Math.max(
        title.length,
        ...table.rows.map((row) => {
          const cell = row[index]
          return cell?.kind === "text" ? cell.text.length : 12
        })
      )
      sheet.getColumn(index + 1).width = Math.min(60, Math.max(10, longest + 2))
    })
  }
  // The same report gives the same bytes: the properties' dates and the zip entries' dates are
  // the report's day, not the moment of writing (exceljs and its zip library stamp "now").
  const day = reportDay(report)
  workbook.created = new Date(`${day}T00:00:00Z`)
  workbook.modified = new Date(`${day}T00:00:00Z`)
  const buffer = await workbook.xlsx.writeBuffer()
  return withEntryDates(new Uint8Array(buffer as ArrayBuffer), day)
}

/** The day a report stands at, as its printed pages say: the day given, or else the end of what it covers. */
function reportDay(report: AnnualReport | ConventionReport): CalendarDate {
  if (report.asOf !== undefined) return report.asOf
  if (report.kind === "annual") return `${report.year}-12-31` as CalendarDate
  return report.convention.termination?.date ?? report.convention.terms.period.end
}

/**
 * A zip file (the workbook) with every entry's modification time set to midnight of `day`: the
 * MS-DOS time and date fields of each local header and of its central directory record, found
 * from the end of central directory record (APPNOTE.TXT, sections 4.3.7, 4.3.12, 4.3.16). The
 * zip library writes no extra field holding another time.
 */
function withEntryDates(zip: Uint8Array, day: CalendarDate): Uint8Array {
  const bytes = zip.slice()
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const [year, month, date] = day.split("-").map(Number) as [number, number, number]
  const dosDate = ((year - 1980) << 9) | (month << 5) | date
  let end = bytes.length - 22
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1
  if (end < 0) throw new Error("the workbook written is not a zip file")
  const entries = view.getUint16(end + 10, true)
  let record = view.getUint32(end + 16, true)
  for (let index = 0; index < entries; index += 1) {
    if (view.getUint32(record, true) !== 0x02014b50) throw new Error("the workbook's zip directory is not readable")
    view.setUint16(record + 12, 0, true)
    view.setUint16(record + 14, dosDate, true)
    const local = view.getUint32(record + 42, true)
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error("the workbook's zip entry is not readable")
    view.setUint16(local + 10, 0, true)
    view.setUint16(local + 12, dosDate, true)
    record +=
      46 + view.getUint16(record + 28, true) + view.getUint16(record + 30, true) + view.getUint16(record + 32, true)
  }
  return bytes
}
