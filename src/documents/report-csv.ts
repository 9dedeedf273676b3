/**
 * A report's tables as one CSV text, as the command line's `report --format csv` writes them and
 * the HTTP service's `/report` answers them with `format: "csv"`: the one table named, or every
 * table after a line with its title, separated by an empty line. Shared by the two doors so that
 * they choose the tables, the separators and the refusals the same way.
 *
 * @module
 * @internal
 */
import type { AnnualReport, ConventionReport } from "../reports/report.js"
import { type ReportTableId, reportTablesCsv } from "../reports/tables.js"

/** @internal What the CSV is asked for with: the table, the separators, a byte order mark. */
export interface ReportCsvOptions {
  readonly table?: ReportTableId | undefined
  readonly separator?: ";" | "," | undefined
  readonly decimal?: "," | "." | undefined
  readonly bom?: boolean | undefined
}

/**
 * @internal Why the CSV could not be written: a decimal comma with the comma as the separator, or
 * a table the report does not have (with the tables it has).
 */
export type ReportCsvRefusal =
  | { readonly refused: "decimal-comma" }
  | {
      readonly refused: "missing-table"
      readonly report: "annual" | "convention"
      readonly table: ReportTableId
      readonly tables: ReadonlyArray<ReportTableId>
    }

/**
 * @internal The CSV of `report`'s tables: `;` and a decimal comma by default, a decimal point with
 * the separator `,` unless `decimal` says otherwise; or why it cannot be written.
 */
export function reportCsvText(
  report: AnnualReport | ConventionReport,
  options: ReportCsvOptions
): { readonly csv: string } | ReportCsvRefusal {
  const separator = options.separator ?? ";"
  const decimal = options.decimal ?? (separator === "," ? "." : ",")
  if (separator === "," && decimal === ",") return { refused: "decimal-comma" }
  const tables = reportTablesCsv(report, { separator, decimal, bom: false })
  const wanted = options.table
  const chosen = wanted === undefined ? tables : tables.filter((table) => table.id === wanted)
  if (wanted !== undefined && chosen.length === 0)
    return { refused: "missing-table", report: report.kind, table: wanted, tables: tables.map((table) => table.id) }
  const body =
    wanted === undefined
      ? chosen.map((table) => `${table.title}\r\n${table.csv}`).join("\r\n")
      : chosen.map((table) => table.csv).join("")
  return { csv: `${options.bom === true ? "\uFEFF" : ""}${body}` }
}
