/**
 * Reading records from spreadsheets: the rows of a CSV file or of a workbook's sheet, matched to
 * the columns of their kind, converted cell by cell, and decoded by the library's own decoders.
 * Every problem is reported at once with the sheet, the row and the column as the person sees
 * them; an empty row is reported as skipped.
 *
 * @module
 */
import { Readable } from "node:stream"
import * as Data from "effect/Data"
import { parse as parseCsvText } from "csv-parse/sync"
import ExcelJS from "exceljs"
import { InvalidArgumentError, type Issue, MAX_LISTED_ISSUES, type PathSegment } from "../core/errors.js"
import { type Inspect, type InspectOptions, inspectError } from "../core/inspect.js"
import { type RawCell, isEmptyCell, readCell, shownCell } from "./cells.js"
import {
  type ColumnSpec,
  type RecordTable,
  SPREADSHEET_KINDS,
  type SpreadsheetKind,
  columnNamed,
  keyedNamed,
  normalise
} from "./columns.js"
import type { Activity } from "../objectives/activity.js"
import type { Expense, Payment } from "../funding/records.js"
import type { FinancialReportDocument } from "../budget/financial-report.js"
import {
  cellErrorText,
  columnAbsentText,
  differsFromRowText,
  expectedText,
  fieldValueText,
  fileProblemsLines,
  listProblemText,
  mergedCellsText,
  missingHeadersText,
  missingSheetText,
  problemPlaceText,
  sameFieldText,
  unknownColumnText
} from "../vocabulary/spreadsheet.js"
import { EMPTY_HEADER } from "../vocabulary/spreadsheet.js"
import { REQUIRED_CELL_EMPTY } from "../vocabulary/spreadsheet.js"
import { NOT_UTF8 } from "../vocabulary/spreadsheet.js"
import { UNREADABLE_CSV } from "../vocabulary/spreadsheet.js"
import { FORMULA_ERROR } from "../vocabulary/spreadsheet.js"
import { FORMULA_WITHOUT_VALUE } from "../vocabulary/spreadsheet.js"
import { UNREADABLE_XLSX } from "../vocabulary/spreadsheet.js"

/**
 * One problem found in a spreadsheet: where (the file, the sheet for a workbook, the row, the
 * column's header as written in the file) and what, in French; `text` is the whole sentence
 * (`Dépenses, ligne 12, colonne « Montant » : « 1 200,505 » a plus de deux décimales`).
 *
 * @example
 * ```ts
 * import type { SpreadsheetProblem } from "caf-conventions/spreadsheet"
 * const problem: SpreadsheetProblem = { file: "depenses.csv", row: 12, column: "Montant", message: "« 1 200,505 » a plus de deux décimales", text: "ligne 12, colonne « Montant » : « 1 200,505 » a plus de deux décimales" }
 * ```
 * @category spreadsheets
 */
export interface SpreadsheetProblem {
  /** The file, as the caller named it. */
  readonly file: string
  /** The sheet of a workbook (absent for a CSV file). */
  readonly sheet?: string
  /** The row number, as the spreadsheet shows it (the headers are row 1). */
  readonly row?: number
  /** The column's header, as written in the file. */
  readonly column?: string
  /** What is wrong. */
  readonly message: string
  /** The whole sentence: sheet, row, column and message. */
  readonly text: string
}

/**
 * A spreadsheet that does not hold valid records: every problem found (the first
 * {@link MAX_LISTED_ISSUES} listed, the others counted), and the empty rows skipped. Its
 * `frenchMessage` lists them all, one per line.
 *
 * @example
 * ```ts
 * import { SpreadsheetError, readCsv } from "caf-conventions/spreadsheet"
 * try {
 *   readCsv("expenses", "Identifiant;Date;Montant;Catégorie\nd-1;14/03/2024;1 200,505;experts\n", { file: "depenses.csv" })
 * } catch (error) {
 *   if (error instanceof SpreadsheetError) error.problems[0]?.text //=> "ligne 2, colonne « Montant » : « 1 200,505 » a plus de deux décimales"
 * }
 * ```
 * @category spreadsheets
 */
export class SpreadsheetError extends Data.TaggedError("SpreadsheetError")<{
  /** The file. */
  readonly file: string
  /** The problems, in row order. */
  readonly problems: ReadonlyArray<SpreadsheetProblem>
  /** How many more problems were found and not listed. */
  readonly omittedProblems: number
  /** The empty rows skipped (their numbers). */
  readonly skippedRows: ReadonlyArray<number>
  /** The problems, one per line, in French. */
  readonly frenchMessage: string
  /** The same text. */
  readonly message: string
}> {
  /**
   * How Node's `console.log` and `util.inspect` show the error: as any `Error`, its name, its
   * message and where it was thrown, then its fields.
   *
   * @example
   * ```ts
   * import { inspect } from "node:util"
   * import { readCsv } from "caf-conventions/spreadsheet"
   * const error = (() => { try { return readCsv("expenses", "Identifiant;Date;Montant;Catégorie\nd-1;14/03/2024;1 200,505;experts\n", { file: "depenses.csv" }) } catch (e) { return e } })()
   * inspect(error).startsWith("SpreadsheetError: ") //=> true
   * ```
   */
  [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: InspectOptions, inspect: Inspect): string {
    return inspectError(this, depth, options, inspect)
  }
}

/**
 * The record type of each kind.
 *
 * @example
 * ```ts
 * import type { SpreadsheetRecord } from "caf-conventions/spreadsheet"
 * type Row = SpreadsheetRecord<"expenses"> // Expense
 * ```
 * @category spreadsheets
 */
export type SpreadsheetRecord<K extends SpreadsheetKind> = {
  readonly activities: Activity
  readonly payments: Payment
  readonly expenses: Expense
  readonly "financial-reports": FinancialReportDocument
}[K]

/**
 * Records read from a spreadsheet: decoded by the library's decoders (deeply frozen), with the
 * sheet read and the empty rows skipped.
 *
 * @example
 * ```ts
 * import { readCsv } from "caf-conventions/spreadsheet"
 * const read = readCsv("payments", "Identifiant;Date;Montant;Année\nv-1;28/03/2024;15 000,00;2024\n\nv-2;12/06/2025;15000;2024\n")
 * read.records.map((payment) => payment.amount.toString()) //=> ["15000.00", "15000.00"]
 * read.skippedRows //=> [3]
 * ```
 * @category spreadsheets
 */
export interface SpreadsheetRecords<K extends SpreadsheetKind> {
  /** The kind of records. */
  readonly kind: K
  /** The records, in row order. */
  readonly records: ReadonlyArray<SpreadsheetRecord<K>>
  /** The sheet read, for a workbook. */
  readonly sheet?: string
  /** The numbers of the empty rows skipped between records. */
  readonly skippedRows: ReadonlyArray<number>
}

/**
 * Options of the readers.
 *
 * @example
 * ```ts
 * import type { ReadOptions } from "caf-conventions/spreadsheet"
 * const options: ReadOptions = { file: "depenses-2024.xlsx" }
 * ```
 * @category spreadsheets
 */
export interface ReadOptions {
  /** The file's name, for messages (default: `tableur`). */
  readonly file?: string
}

/** One row: its number as the spreadsheet shows it, and its cells from the first column. */
interface Row {
  readonly number: number
  readonly cells: ReadonlyArray<RawCell>
}

/** A record being assembled: its JSON, the row of each list item, the fields whose cell could not be read. */
interface Pending {
  readonly json: Record<string, unknown>
  readonly row: number
  readonly itemRows: Array<number>
  readonly failed: Set<string>
}

/** An issue told in French, as the person who filled the sheet reads it. */
const french = (issue: Issue): string => issue.messages?.fr ?? issue.message

/** A row of a grouped kind, read: the record's fields, its line's fields, the fields whose cell could not be read. */
interface LineRow {
  readonly row: number
  readonly own: Readonly<Record<string, unknown>>
  readonly line: Readonly<Record<string, unknown>>
  readonly failed: ReadonlySet<string>
}

const columnLetters = (index: number): string => {
  let letters = ""
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/** The position of a column from its letters (`A` → 0). */
const lettersIndex = (letters: string): number =>
  [...letters].reduce((n, char) => n * 26 + char.charCodeAt(0) - 64, 0) - 1

/** Rows to records, for one kind: headers first, then one row at a time, problems collected. */
class Assembler {
  readonly problems: Array<SpreadsheetProblem> = []
  /** Each problem's place, for sorting: its row, then its column's position in the file. */
  private readonly places: Array<readonly [number, number]> = []
  omitted = 0
  readonly records: Array<unknown> = []
  readonly skipped: Array<number> = []
  /** The column of each position: its spec, the header as written, and the key of a keyed column (`measures` `familles`). */
  private columns: Array<{ readonly spec: ColumnSpec; readonly header: string; readonly key?: string } | undefined> = []
  private pending: Pending | undefined
  /** The rows of a grouped kind, gathered into records once all are read. */
  private readonly lineRows: Array<LineRow> = []
  private emptyRun: Array<number> = []
  /** Whether the first row held no headers: the rows cannot be read then, and are not. */
  private headless = false

  constructor(
    readonly table: RecordTable,
    readonly file: string,
    readonly sheet: string | undefined
  ) {}

  /** Records a problem; `letter` when the column has no header and is named by its letter (`B`). */
  problem(row: number | undefined, column: string | undefined, message: string, letter = false): void {
    if (this.problems.length >= MAX_LISTED_ISSUES) {
      this.omitted++
      return
    }
    const position =
      column === undefined ? -1 : letter ? lettersIndex(column) : this.columns.findIndex((c) => c?.header === column)
    this.places.push([row ?? 0, position])
    this.problems.push({
      file: this.file,
      ...(this.sheet === undefined ? {} : { sheet: this.sheet }),
      ...(row === undefined ? {} : { row }),
      ...(column === undefined ? {} : { column }),
      message,
      text: problemPlaceText({ sheet: this.sheet, row, column, letter }, message)
    })
  }

  headers(row: Row | undefined): void {
    if (row === undefined || row.cells.every(isEmptyCell)) {
      this.headless = true
      this.problem(1, undefined, missingHeadersText(this.table.columns.map((c) => c.header)))
      return
    }
    const seen = new Map<string, string>()
    const last = row.cells.reduce<number>((end, cell, index) => (isEmptyCell(cell) ? end : index), -1)
    this.columns = row.cells.map((cell, index) => {
      if (isEmptyCell(cell)) {
        if (index < last) this.problem(1, columnLetters(index), EMPTY_HEADER, true)
        return undefined
      }
      const header = (typeof cell === "string" ? cell : shownCell(cell)).trim()
      const keyed = columnNamed(this.table, header) === undefined ? keyedNamed(this.table, header) : undefined
      if (keyed !== undefined) {
        const field = `${keyed.keyed.field}:${keyed.key}`
        const before = seen.get(field)
        if (before !== undefined) {
          this.problem(1, header, sameFieldText(before))
          return undefined
        }
        seen.set(field, header)
        return {
          spec: { field: keyed.keyed.field, header, aliases: [], type: keyed.keyed.type, example: "" },
          header,
          key: keyed.key
        }
      }
      const spec = columnNamed(this.table, header)
      if (spec === undefined) {
        this.problem(1, header, unknownColumnText(this.table.columns.map((c) => c.header)))
        return undefined
      }
      const before = seen.get(spec.field)
      if (before !== undefined) {
        this.problem(1, header, sameFieldText(before, spec.header))
        return undefined
      }
      seen.set(spec.field, header)
      return { spec, header }
    })
  }

  row(row: Row): void {
    if (this.headless) return
    if (row.cells.every(isEmptyCell)) {
      this.emptyRun.push(row.number)
      return
    }
    // Empty rows count as skipped only when a record follows them (not the sheet's blank tail).
    this.skipped.push(...this.emptyRun)
    this.emptyRun = []
    const own: Record<string, unknown> = {}
    const item: Record<string, unknown> = {}
    const failed = new Set<string>()
    let itemCells = 0
    let ownCells = 0
    row.cells.forEach((raw, index) => {
      const column = this.columns[index]
      if (column === undefined) {
        if (!isEmptyCell(raw) && index >= this.columns.length)
          this.problem(row.number, columnLetters(index), "valeur sans en-tête de colonne", true)
        return
      }
      const read = readCell(column.spec.type, raw)
      if (read === undefined) return
      if (column.key !== undefined) {
        ownCells++
        if ("error" in read) {
          this.problem(row.number, column.header, read.error)
          failed.add(`${column.spec.field}:${column.key}`)
        } else ((own[column.spec.field] ??= {}) as Record<string, unknown>)[column.key] = read.value
        return
      }
      const [list, field] = column.spec.field.split(".") as [string, string | undefined]
      const key = field === undefined ? list : field
      if (field === undefined) {
        if (list !== "id") ownCells++
      } else itemCells++
      const target = field === undefined ? own : item
      if ("error" in read) {
        this.problem(row.number, column.header, read.error)
        failed.add(field === undefined ? key : `${list}.${key}`)
      } else target[key] = read.value
    })
    if (this.table.grouped !== undefined) {
      this.lineRows.push({ row: row.number, own, line: item, failed })
      return
    }
    const list = this.table.rowList
    const pending = this.pending
    if (
      list !== undefined &&
      pending !== undefined &&
      ownCells === 0 &&
      itemCells > 0 &&
      own["id"] === pending.json["id"] &&
      own["id"] !== undefined
    ) {
      // A row that repeats the record's id and fills only the item columns adds one item.
      ;(pending.json[list] as Array<unknown>).push(item)
      pending.itemRows.push(row.number)
      for (const name of failed) pending.failed.add(name)
      return
    }
    this.flush()
    if (list !== undefined)
      own[list] = itemCells > 0 || [...failed].some((name) => name.startsWith(`${list}.`)) ? [item] : []
    this.pending = { json: own, row: row.number, itemRows: itemCells > 0 ? [row.number] : [], failed }
  }

  /** Decodes the record being assembled, reporting each problem at its row and column. */
  flush(): void {
    const pending = this.pending
    if (pending === undefined) return
    this.pending = undefined
    const list = this.table.rowList
    if (list !== undefined && Array.isArray(pending.json[list]) && (pending.json[list] as Array<unknown>).length === 0)
      delete pending.json[list]
    const result = this.table.decode(pending.json)
    if (result.success) {
      if (pending.failed.size === 0) this.records.push(result.data)
      return
    }
    for (const issue of result.error.issues) {
      const { row, field } = this.locate(pending, issue.path)
      if (pending.failed.has(field)) continue // already reported as unreadable
      const column = this.columns.find(
        (c) => (c?.key === undefined ? c?.spec.field : `${c.spec.field}:${c.key}`) === field
      )
      const spec = this.table.columns.find((c) => c.field === field)
      const message =
        column === undefined && spec !== undefined ? columnAbsentText(french(issue), spec.header) : french(issue)
      this.problem(row, column?.header ?? spec?.header, message)
    }
    this.omitted += result.error.omittedIssues ?? 0
  }

  private locate(pending: Pending, path: ReadonlyArray<PathSegment>): { readonly row: number; readonly field: string } {
    const [first, second, third] = path
    const list = this.table.rowList
    if (list !== undefined && first === list && typeof second === "number") {
      return {
        row: pending.itemRows[second] ?? pending.row,
        field: typeof third === "string" ? `${list}.${third}` : list
      }
    }
    if (
      typeof first === "string" &&
      typeof second === "string" &&
      this.table.keyed?.some((keyed) => keyed.field === first) === true
    )
      return { row: pending.row, field: `${first}:${second}` }
    return { row: pending.row, field: typeof first === "string" ? first : "" }
  }

  finish(): void {
    this.flush()
    this.gather()
  }

  /**
   * The records of a grouped kind: the rows with the same `by` values make one record, in the order
   * of their first row; each is decoded, and each problem reported at the row and column it comes from.
   */
  private gather(): void {
    const grouped = this.table.grouped
    if (grouped === undefined) return
    const groups = new Map<string, Array<LineRow>>()
    for (const lineRow of this.lineRows) {
      const key = JSON.stringify(grouped.by.map((field) => lineRow.own[field] ?? null))
      const group = groups.get(key)
      if (group === undefined) groups.set(key, [lineRow])
      else group.push(lineRow)
    }
    for (const rows of groups.values()) {
      const first = rows[0] as LineRow
      const json: Record<string, unknown> = {}
      const from = new Map<string, LineRow>()
      const failed = new Set<string>()
      let disagree = false
      for (const lineRow of rows) {
        for (const name of lineRow.failed) if (!name.includes(".")) failed.add(name)
        for (const [field, value] of Object.entries(lineRow.own)) {
          const before = from.get(field)
          if (before === undefined) {
            json[field] = value
            from.set(field, lineRow)
          } else if (JSON.stringify(json[field]) !== JSON.stringify(value)) {
            disagree = true
            const header = this.columns.find((c) => c?.spec.field === field)?.header ?? field
            this.problem(lineRow.row, header, differsFromRowText(before.row, this.table.singular))
          }
        }
      }
      const itemRows = new Map<string, Array<LineRow>>()
      for (const { name } of grouped.lists) {
        json[name] = []
        itemRows.set(name, [])
      }
      for (const lineRow of rows) {
        const name = grouped.listOf(lineRow.line)
        ;(json[name] as Array<unknown>).push(lineRow.line)
        itemRows.get(name)?.push(lineRow)
      }
      for (const { name, keptEmpty } of grouped.lists)
        if (!keptEmpty && (json[name] as Array<unknown>).length === 0) delete json[name]
      const result = this.table.decode(json)
      const lineFailed = rows.some((lineRow) => [...lineRow.failed].some((name) => name.includes(".")))
      if (result.success) {
        if (failed.size === 0 && !lineFailed && !disagree) this.records.push(result.data)
        continue
      }
      for (const issue of result.error.issues) {
        const [list, index, field] = issue.path
        const lineRow = typeof list === "string" && typeof index === "number" ? itemRows.get(list)?.[index] : undefined
        if (lineRow !== undefined) {
          const name = `${grouped.line}.${typeof field === "string" ? field : ""}`
          if (lineRow.failed.has(name)) continue
          const column = this.columns.find((c) => c?.spec.field === name)
          const spec = this.table.columns.find((c) => c.field === name)
          const told =
            (typeof field === "string" ? grouped.lineMessage?.(field, lineRow.line, list as string) : undefined) ??
            (issue.code === "missing-key" && column !== undefined ? REQUIRED_CELL_EMPTY : french(issue))
          const message = column === undefined && spec !== undefined ? columnAbsentText(told, spec.header) : told
          this.problem(lineRow.row, column?.header ?? spec?.header, message)
          continue
        }
        const name = typeof list === "string" ? list : ""
        if (failed.has(name)) continue
        const named = grouped.lists.find((l) => l.name === name)
        if (named !== undefined) {
          const empty = Array.isArray(json[name]) && (json[name] as Array<unknown>).length === 0
          const namedBy = grouped.by
            .filter((field) => json[field] !== undefined)
            .map((field) =>
              fieldValueText(this.table.columns.find((c) => c.field === field)?.header ?? field, String(json[field]))
            )
            .join(", ")
          this.problem(
            first.row,
            undefined,
            listProblemText(named.label, empty ? { empty, namedBy } : { empty, message: french(issue) })
          )
          continue
        }
        const at = from.get(name) ?? first
        const column = this.columns.find((c) => c?.spec.field === name)
        const spec = this.table.columns.find((c) => c.field === name)
        const message =
          column === undefined && spec !== undefined ? columnAbsentText(french(issue), spec.header) : french(issue)
        this.problem(at.row, column?.header ?? spec?.header, message)
      }
      this.omitted += result.error.omittedIssues ?? 0
    }
  }

  result<K extends SpreadsheetKind>(kind: K): SpreadsheetRecords<K> {
    if (this.problems.length > 0 || this.omitted > 0) {
      const order = this.problems
        .map((_, index) => index)
        .sort((a, b) => {
          const [rowA, columnA] = this.places[a] as readonly [number, number]
          const [rowB, columnB] = this.places[b] as readonly [number, number]
          return rowA - rowB || columnA - columnB
        })
      throw spreadsheetError(
        this.file,
        order.map((index) => this.problems[index] as SpreadsheetProblem),
        this.omitted,
        this.skipped
      )
    }
    // The records are deeply frozen by their decoder; the lists and the result are frozen here.
    return Object.freeze({
      kind,
      records: Object.freeze(this.records) as ReadonlyArray<SpreadsheetRecord<K>>,
      ...(this.sheet === undefined ? {} : { sheet: this.sheet }),
      skippedRows: Object.freeze(this.skipped)
    })
  }
}

function spreadsheetError(
  file: string,
  problems: ReadonlyArray<SpreadsheetProblem>,
  omitted: number,
  skipped: ReadonlyArray<number>
): SpreadsheetError {
  const lines = fileProblemsLines(
    file,
    problems.map((problem) => problem.text),
    omitted,
    skipped
  )
  const text = lines.join("\n")
  return new SpreadsheetError({
    file,
    problems,
    omittedProblems: omitted,
    skippedRows: skipped,
    frenchMessage: text,
    message: text
  })
}

/** @internal The table of a kind, or an {@link InvalidArgumentError}. */
export function tableOf(kind: SpreadsheetKind, argument: string): RecordTable {
  if (typeof kind === "string" && Object.hasOwn(SPREADSHEET_KINDS, kind)) return SPREADSHEET_KINDS[kind]
  throw new InvalidArgumentError({
    argument,
    message: expectedText(Object.keys(SPREADSHEET_KINDS).join(", "), String(kind))
  })
}

const fileOf = (options: ReadOptions | undefined): string =>
  typeof options?.file === "string" ? options.file : "tableur"

/** The separator a CSV file uses: the most frequent of `;`, `,` and tab on its first line, outside quotes. */
function separatorOf(text: string): string {
  const counts = new Map<string, number>([
    [";", 0],
    [",", 0],
    ["\t", 0]
  ])
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === "\n" || char === "\r")) break
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1)
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [",", 0])[0]
}

/**
 * Reads records of one kind from a CSV text or file content: UTF-8 with or without a byte-order
 * mark, `;`, `,` or tab as separator (found on the header line), decimal comma or point, dates
 * `JJ/MM/AAAA` or `AAAA-MM-JJ`. The headers are on the first line (see `SPREADSHEET_KINDS`). Throws a
 * {@link SpreadsheetError} listing every problem, or returns the records decoded by the library's
 * decoders.
 *
 * @example
 * ```ts
 * import { readCsv } from "caf-conventions/spreadsheet"
 * const read = readCsv("expenses", "\uFEFFRéférence;Date;Montant;Catégorie;Pièce justificative\nd-1;14/03/2024;1 200,50;Experts;FAC-031\n")
 * read.records[0]?.amount.toString() //=> "1200.50"
 * read.records[0]?.category //=> "experts"
 * ```
 * @category spreadsheets
 */
export function readCsv<K extends SpreadsheetKind>(
  kind: K,
  input: string | Uint8Array,
  options?: ReadOptions
): SpreadsheetRecords<K> {
  const table = tableOf(kind, "kind")
  const file = fileOf(options)
  const assembler = new Assembler(table, file, undefined)
  let text: string
  if (typeof input === "string") text = input
  else if (input instanceof Uint8Array) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input)
    } catch {
      assembler.problem(undefined, undefined, NOT_UTF8)
      return assembler.result(kind)
    }
  } else
    throw new InvalidArgumentError({
      argument: "input",
      message: expectedText("un texte ou des octets", typeof input)
    })
  if (text.startsWith("\uFEFF")) text = text.slice(1)
  let rows: Array<Array<string>>
  try {
    rows = parseCsvText(text, {
      delimiter: separatorOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ["\r\n", "\n", "\r"]
    }) as Array<Array<string>>
  } catch (error) {
    const line = (error as { readonly lines?: unknown }).lines
    assembler.problem(typeof line === "number" ? line : undefined, undefined, UNREADABLE_CSV)
    return assembler.result(kind)
  }
  assembler.headers(rows[0] === undefined ? undefined : { number: 1, cells: rows[0] })
  for (let index = 1; index < rows.length; index++)
    assembler.row({ number: index + 1, cells: rows[index] as Array<string> })
  assembler.finish()
  return assembler.result(kind)
}

/** A cell of a workbook as exceljs gives it, reduced to a plain value. */
function plainCell(value: unknown): RawCell {
  if (value === null || value === undefined) return undefined
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date)
    return value
  if (typeof value === "object") {
    const cell = value as {
      readonly richText?: ReadonlyArray<{ readonly text: string }>
      readonly text?: unknown
      readonly result?: unknown
      readonly formula?: unknown
      readonly error?: unknown
      readonly sharedFormula?: unknown
    }
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join("")
    if ("error" in cell && cell.error !== undefined) return { unreadable: cellErrorText(String(cell.error), false) }
    if ("formula" in cell || "sharedFormula" in cell) {
      // The stream reader reads an error result (#DIV/0!) as a number: NaN.
      if (typeof cell.result === "number" && Number.isNaN(cell.result)) return { unreadable: FORMULA_ERROR }
      // It also drops an error result (#DIV/0!) altogether: both are a formula without a value.
      if (cell.result === undefined)
        return {
          unreadable: FORMULA_WITHOUT_VALUE
        }
      if (typeof cell.result === "object" && cell.result !== null && "error" in cell.result)
        return {
          unreadable: cellErrorText(String((cell.result as { error: unknown }).error), true)
        }
      return plainCell(cell.result)
    }
    if (typeof cell.text === "string") return cell.text
  }
  return { unreadable: "contenu de cellule non reconnu" }
}

/** The sheet-name key of a table: its sheet and its plural, normalised. */
const sheetKeys = (table: RecordTable): ReadonlyArray<string> => [
  normalise(table.sheet),
  normalise(table.plural),
  normalise(table.kind)
]
/** The sheet a template adds for the lists of the coded fields. */
export const LISTS_SHEET = "Listes"

/** The merged ranges a sheet's XML declares, found as its bytes pass to exceljs (whose stream reader ignores them). */
async function* scanningMerges(iterator: AsyncIterable<unknown>, merges: Set<string>): AsyncGenerator<unknown> {
  let tail = ""
  for await (const chunk of iterator) {
    const text = tail + (typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("latin1"))
    for (const match of text.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"/gu))
      merges.add(match[1] as string)
    tail = text.slice(-256)
    yield chunk
  }
}

/** The rows a merged range spans (`A1:C2` → 1 and 2). */
function mergeRows(range: string): readonly [number, number] {
  const [start, end] = range.split(":").map((ref) => Number(/[0-9]+$/u.exec(ref)?.[0]))
  return [start ?? 0, end ?? 0]
}

/**
 * What a workbook is read from: a file's path, its bytes, or a readable stream.
 *
 * @example
 * ```ts
 * import type { WorkbookInput } from "caf-conventions/spreadsheet"
 * const input: WorkbookInput = "depenses-2024.xlsx"
 * ```
 * @category spreadsheets
 */
export type WorkbookInput = string | Uint8Array | Readable

/**
 * Reads records of one kind from an XLSX workbook (a path, its bytes, or a stream), streaming its
 * rows so that memory stays bounded by the records, not the file. Reads the sheet named after the
 * kind (`Dépenses`, `Versements`, `Activités`, `Compte rendu financier`), or else the only sheet (besides a template's
 * `Listes`). Cells typed as numbers, dates and text are read as such; merged cells are refused
 * with a message that names them. Throws a {@link SpreadsheetError} listing every problem.
 *
 * @example
 * ```ts
 * import { readWorkbook, spreadsheetTemplate } from "caf-conventions/spreadsheet"
 * const template = await spreadsheetTemplate("expenses")
 * const read = await readWorkbook("expenses", template, { file: "modele.xlsx" })
 * read.records[0]?.amount.toString() //=> "1200.00"
 * ```
 * @category spreadsheets
 */
export async function readWorkbook<K extends SpreadsheetKind>(
  kind: K,
  input: WorkbookInput,
  options?: ReadOptions
): Promise<SpreadsheetRecords<K>> {
  const table = tableOf(kind, "kind")
  const file = fileOf(options)
  if (typeof input !== "string" && !(input instanceof Uint8Array) && !(input instanceof Readable))
    throw new InvalidArgumentError({
      argument: "input",
      message: expectedText("un chemin, des octets ou un flux", typeof input)
    })
  // exceljs's stream reader reads the archive in one pass and, now and then, parses a sheet before
  // the workbook's own entries (exceljs issues #683 and #3064: an intermittent TypeError, or shared
  // strings unresolved). A file or bytes can be read again: a read that fails for a reason other
  // than the sheet's content is tried up to three times before the workbook is called unreadable.
  // A stream cannot be replayed: it is read once.
  const attempts = input instanceof Readable ? 1 : 3
  for (let attempt = 1; ; attempt++) {
    try {
      return await readWorkbookOnce(kind, table, file, input)
    } catch (error) {
      if (!(error instanceof UnreadableArchive)) throw error
      if (attempt >= attempts) throw error.error
    }
  }
}

/** The archive could not be read (not the sheet's content): the error to give if no later attempt reads it. */
class UnreadableArchive {
  constructor(readonly error: SpreadsheetError) {}
}

/** One reading of a workbook; an UnreadableArchive when the archive itself could not be read. */
async function readWorkbookOnce<K extends SpreadsheetKind>(
  kind: K,
  table: RecordTable,
  file: string,
  input: WorkbookInput
): Promise<SpreadsheetRecords<K>> {
  const source =
    input instanceof Uint8Array ? Readable.from([Buffer.from(input.buffer, input.byteOffset, input.byteLength)]) : input
  const merges = new Set<string>()
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    entries: "ignore"
  })
  const internal = reader as unknown as {
    _parseWorksheet: (iterator: AsyncIterable<unknown>, sheetNo: string) => Generator<unknown>
  }
  const parseWorksheet = internal._parseWorksheet.bind(reader)
  internal._parseWorksheet = (iterator, sheetNo) => parseWorksheet(scanningMerges(iterator, merges), sheetNo)
  let assembler: Assembler | undefined
  const names: Array<string> = []
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { readonly name: string }).name
      names.push(name)
      const model = (
        reader as unknown as { readonly model?: { readonly sheets?: ReadonlyArray<{ readonly name: string }> } }
      ).model
      const all = (model?.sheets ?? []).map((sheet) => sheet.name).filter((sheet) => sheet !== LISTS_SHEET)
      const named = all.find((sheet) => sheetKeys(table).includes(normalise(sheet)))
      const wanted =
        assembler === undefined && name !== LISTS_SHEET && (named === undefined ? all.length <= 1 : named === name)
      if (!wanted) {
        for await (const _ of worksheet) void _ // drained, unread
        continue
      }
      merges.clear()
      const sheetAssembler = new Assembler(table, file, name)
      assembler = sheetAssembler
      let header = true
      let expected = 1
      for await (const row of worksheet) {
        const number = row.number
        const values = row.values as ReadonlyArray<unknown>
        const cells: Array<RawCell> = []
        for (let column = 1; column < values.length; column++) cells.push(plainCell(values[column]))
        if (header) {
          header = false
          sheetAssembler.headers(number === 1 ? { number, cells } : undefined)
          if (number === 1) {
            expected = 2
            continue
          }
        }
        // Rows a workbook leaves out entirely are empty rows too.
        for (; expected < number; expected++) sheetAssembler.row({ number: expected, cells: [] })
        expected = number + 1
        sheetAssembler.row({ number, cells })
      }
      if (header) sheetAssembler.headers(undefined)
      sheetAssembler.finish()
      for (const range of merges) {
        const [first] = mergeRows(range)
        sheetAssembler.problem(first, undefined, mergedCellsText(range, first === 1))
      }
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error
    const reason = (error as { readonly code?: unknown }).code === "ENOENT" ? "fichier introuvable" : UNREADABLE_XLSX
    const refused = spreadsheetError(file, [{ file, message: reason, text: reason }], 0, [])
    throw reason === "fichier introuvable" ? refused : new UnreadableArchive(refused)
  }
  if (assembler === undefined) {
    const message = missingSheetText(table.sheet, names)
    throw spreadsheetError(file, [{ file, message, text: message }], 0, [])
  }
  return assembler.result(kind)
}
