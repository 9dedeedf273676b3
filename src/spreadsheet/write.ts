/**
 * Writing records to spreadsheets, and blank templates: the same columns as the readers, so that
 * what is written reads back to the same records.
 *
 * @module
 */
import ExcelJS from "exceljs"
import { csvCell, workbookCell } from "./cells.js"
import { InvalidArgumentError } from "../core/errors.js"
import type { ColumnSpec, GroupedRows, RecordTable, SpreadsheetKind } from "./columns.js"
import { LISTS_SHEET, type SpreadsheetRecord, tableOf } from "./read.js"
import { chooseFromListText, expectedText, fieldsWithoutColumnText, listOfText } from "../vocabulary/spreadsheet.js"

/** The value a column holds in one JSON record (and item of its row list), or undefined. */
function valueOf(
  spec: ColumnSpec,
  record: Readonly<Record<string, unknown>>,
  item: Readonly<Record<string, unknown>> | undefined
): unknown {
  const [list, field] = spec.field.split(".") as [string, string | undefined]
  const value = field === undefined ? record[list] : item?.[field]
  return Array.isArray(value) && value.length === 0 ? undefined : value
}

/** A column of a written sheet: a fixed one, or one key of a keyed field (`Mesure : familles`). */
type WrittenColumn = { readonly spec: ColumnSpec; readonly key?: string }

/**
 * The columns and rows of records, as JSON values per column: one row per record, or one per item
 * of its row list (`structures`), the next ones repeating only the id; keyed fields get one column
 * per key found (`Mesure : familles`). A field no column holds is refused (it would be lost), with
 * the record's id.
 */
function sheetOf(
  table: RecordTable,
  records: ReadonlyArray<unknown>
): { readonly columns: ReadonlyArray<WrittenColumn>; readonly rows: Array<Array<unknown>> } {
  if (!Array.isArray(records))
    throw new InvalidArgumentError({
      argument: "records",
      message: expectedText(listOfText(table.plural), typeof records)
    })
  const json = table.encode(records as unknown as ReadonlyArray<never>) as ReadonlyArray<
    Readonly<Record<string, unknown>>
  >
  const grouped = table.grouped
  if (grouped !== undefined) return groupedSheetOf(table, grouped, json)
  const keyed = table.keyed ?? []
  const held = new Set([...table.columns.map((spec) => spec.field.split(".")[0]), ...keyed.map((spec) => spec.field)])
  const heldInItems = new Set(
    table.columns.filter((spec) => spec.field.includes(".")).map((spec) => spec.field.split(".")[1])
  )
  const columns: Array<WrittenColumn> = table.columns.map((spec) => ({ spec }))
  for (const spec of keyed) {
    const keys = [
      ...new Set(
        json.flatMap((record) =>
          Object.keys((record[spec.field] as Readonly<Record<string, unknown>> | undefined) ?? {})
        )
      )
    ]
    for (const key of keys)
      columns.push({
        spec: { field: spec.field, header: `${spec.prefix} : ${key}`, aliases: [], type: spec.type, example: "" },
        key
      })
  }
  const cell = (
    column: WrittenColumn,
    record: Readonly<Record<string, unknown>>,
    item: Readonly<Record<string, unknown>> | undefined
  ): unknown =>
    column.key === undefined
      ? valueOf(column.spec, record, item)
      : (record[column.spec.field] as Readonly<Record<string, unknown>> | undefined)?.[column.key]
  const rows: Array<Array<unknown>> = []
  for (const record of json) {
    const lost = Object.keys(record).filter(
      (key) => !held.has(key) && !(Array.isArray(record[key]) && (record[key] as Array<unknown>).length === 0)
    )
    const items =
      table.rowList === undefined
        ? []
        : ((record[table.rowList] as ReadonlyArray<Readonly<Record<string, unknown>>> | undefined) ?? [])
    for (const item of items)
      lost.push(
        ...Object.keys(item)
          .filter((key) => !heldInItems.has(key))
          .map((key) => `${table.rowList}.${key}`)
      )
    if (lost.length > 0) {
      throw new InvalidArgumentError({
        argument: "records",
        message: fieldsWithoutColumnText(table.singular, String(record["id"]), lost, table.plural)
      })
    }
    rows.push(columns.map((column) => cell(column, record, items[0])))
    for (const item of items.slice(1))
      rows.push(
        columns.map((column) =>
          column.spec.field === "id"
            ? record["id"]
            : column.spec.field.includes(".")
              ? valueOf(column.spec, record, item)
              : undefined
        )
      )
  }
  return { columns, rows }
}

/** The rows of a grouped kind: one per line of each record, the record's fields repeated on each. */
function groupedSheetOf(
  table: RecordTable,
  grouped: GroupedRows,
  json: ReadonlyArray<Readonly<Record<string, unknown>>>
): { readonly columns: ReadonlyArray<WrittenColumn>; readonly rows: Array<Array<unknown>> } {
  const prefix = `${grouped.line}.`
  const own = new Set(table.columns.filter((spec) => !spec.field.startsWith(prefix)).map((spec) => spec.field))
  const inLines = new Set(
    table.columns.filter((spec) => spec.field.startsWith(prefix)).map((spec) => spec.field.slice(prefix.length))
  )
  const lists = new Set(grouped.lists.map((list) => list.name))
  const columns: Array<WrittenColumn> = table.columns.map((spec) => ({ spec }))
  const rows: Array<Array<unknown>> = []
  for (const record of json) {
    const lost = Object.keys(record).filter((key) => !own.has(key) && !lists.has(key))
    for (const list of grouped.lists)
      for (const line of (record[list.name] as ReadonlyArray<Readonly<Record<string, unknown>>> | undefined) ?? [])
        lost.push(
          ...Object.keys(line)
            .filter((key) => !inLines.has(key))
            .map((key) => `${list.name}.${key}`)
        )
    if (lost.length > 0)
      throw new InvalidArgumentError({
        argument: "records",
        message: fieldsWithoutColumnText(
          table.singular,
          grouped.by.map((field) => String(record[field] ?? "")).join(" "),
          [...new Set(lost)],
          table.plural
        )
      })
    for (const list of grouped.lists)
      for (const line of (record[list.name] as ReadonlyArray<Readonly<Record<string, unknown>>> | undefined) ?? [])
        rows.push(
          columns.map(({ spec }) =>
            spec.field.startsWith(prefix) ? line[spec.field.slice(prefix.length)] : record[spec.field]
          )
        )
  }
  return { columns, rows }
}

const QUOTE = '"'
/** A CSV field, quoted when it holds the separator, a quote or a line break. */
const csvField = (text: string): string =>
  text.includes(QUOTE) || /[;\r\n]/u.test(text) ? `${QUOTE}${text.replaceAll(QUOTE, QUOTE + QUOTE)}${QUOTE}` : text

/**
 * Writes records as a CSV text the French way: a byte-order mark (so that Excel reads UTF-8),
 * `;` between fields, CRLF line ends, dates `JJ/MM/AAAA`, decimal commas, French labels for
 * codes. {@link readCsv} reads it back to the same records.
 *
 * @example
 * ```ts
 * import { parsePayments } from "caf-conventions"
 * import { writeCsv } from "caf-conventions/spreadsheet"
 * writeCsv("payments", parsePayments([{ id: "v-1", date: "2024-03-28", amount: "15000", year: 2024, instalment: "advance" }])).split("\r\n")[1]
 * //=> "v-1;28/03/2024;15000,00;2024;Avance;;"
 * ```
 * @category spreadsheets
 */
export function writeCsv<K extends SpreadsheetKind>(kind: K, records: ReadonlyArray<SpreadsheetRecord<K>>): string {
  const table = tableOf(kind, "kind")
  const { columns, rows } = sheetOf(table, records)
  const lines = [columns.map((column) => csvField(column.spec.header)).join(";")]
  for (const row of rows)
    lines.push(
      row.map((value, index) => csvField(csvCell((columns[index] as WrittenColumn).spec.type, value))).join(";")
    )
  return `\uFEFF${lines.join("\r\n")}\r\n`
}

/** How many rows a template's lists and formats cover. */
const TEMPLATE_ROWS = 1000

/**
 * Options of {@link writeWorkbook}.
 *
 * @example
 * ```ts
 * import type { WorkbookOptions } from "caf-conventions/spreadsheet"
 * const options: WorkbookOptions = { example: true }
 * ```
 * @category spreadsheets
 */
export interface WorkbookOptions {
  /** Write the example row of each column first (what a template does); default `false`. */
  readonly example?: boolean
}

/**
 * Writes records as an XLSX workbook: a sheet named after the kind (`Dépenses`), the headers on
 * the first row, typed cells (dates, numbers with two decimals, French labels for codes), drop-down
 * lists for the coded fields (from a `Listes` sheet), and the date and amount formats on the
 * empty rows below. {@link readWorkbook} reads it back to the same records.
 *
 * @example
 * ```ts
 * import { parseExpenses } from "caf-conventions"
 * import { readWorkbook, writeWorkbook } from "caf-conventions/spreadsheet"
 * const bytes = await writeWorkbook("expenses", parseExpenses([{ id: "d-1", date: "2024-03-14", amount: "1200.5", category: "experts" }]))
 * (await readWorkbook("expenses", bytes)).records[0]?.amount.toString() //=> "1200.50"
 * ```
 * @category spreadsheets
 */
export async function writeWorkbook<K extends SpreadsheetKind>(
  kind: K,
  records: ReadonlyArray<SpreadsheetRecord<K>>,
  options: WorkbookOptions = {}
): Promise<Uint8Array> {
  const table = tableOf(kind, "kind")
  if (options === null || typeof options !== "object")
    throw new InvalidArgumentError({ argument: "options", message: "attendu un objet d'options" })
  const { columns, rows } = sheetOf(table, records)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 1 }] })
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" })
  sheet.columns = columns.map(({ spec }) => ({ header: spec.header, width: Math.max(12, spec.header.length + 4) }))
  sheet.getRow(1).font = { bold: true }
  if (options.example === true)
    rows.unshift(columns.map(({ spec }) => (spec.example === "" ? undefined : spec.example)))
  for (const row of rows)
    sheet.addRow(row.map((value, index) => workbookCell((columns[index] as WrittenColumn).spec.type, value)))
  const last = Math.max(TEMPLATE_ROWS, rows.length + 1)
  let listColumn = 0
  columns.forEach(({ spec }, index) => {
    const column = sheet.getColumn(index + 1)
    const letter = column.letter
    if (spec.type.kind === "date") column.numFmt = "dd/mm/yyyy"
    if (spec.type.kind === "money") column.numFmt = "#,##0.00"
    if (spec.type.kind === "code" || spec.type.kind === "boolean" || spec.type.kind === "instalment") {
      const values =
        spec.type.kind === "code"
          ? Object.values(spec.type.labels)
          : spec.type.kind === "boolean"
            ? ["oui", "non"]
            : ["Avance", "Acompte 1", "Acompte 2", "Solde"]
      listColumn++
      const listLetter = lists.getColumn(listColumn).letter
      lists.getCell(`${listLetter}1`).value = spec.header
      values.forEach((value, at) => {
        lists.getCell(`${listLetter}${at + 2}`).value = value
      })
      const range = `${letter}2:${letter}${last}`
      // An instalment may also be « Acompte 3 » or « Complément 1 »: the list only suggests.
      ;(
        sheet as unknown as { readonly dataValidations: { add: (range: string, rule: object) => void } }
      ).dataValidations.add(range, {
        type: "list",
        allowBlank: true,
        formulae: [`${LISTS_SHEET}!$${listLetter}$2:$${listLetter}$${values.length + 1}`],
        showErrorMessage: spec.type.kind !== "instalment",
        errorTitle: spec.header,
        error: chooseFromListText(spec.header)
      })
    }
  })
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/**
 * A blank workbook for one kind of record: the headers, one example row (read back, it gives a
 * valid record), drop-down lists for the coded fields (sectors, categories, kinds of activity…),
 * and the date and amount formats, so that a partner fills in the right shape.
 *
 * @example
 * ```ts
 * import { readWorkbook, spreadsheetTemplate } from "caf-conventions/spreadsheet"
 * const read = await readWorkbook("activities", await spreadsheetTemplate("activities"))
 * read.records[0]?.structures[0]?.id //=> "mjc-viry-chatillon"
 * ```
 * @category spreadsheets
 */
export function spreadsheetTemplate(kind: SpreadsheetKind): Promise<Uint8Array> {
  return writeWorkbook(kind, [], { example: true })
}
