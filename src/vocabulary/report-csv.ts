/**
 * What the two doors (the command line's `report --format csv` and the HTTP service's
 * `/report` with `format: "csv"`) say when the tables of a report cannot be written as asked: one
 * sentence each, the options named the way the door names them (`--table` on the command line,
 * `« table »` in a request body).
 *
 * @module
 * @internal
 */
import type { ReportTableId } from "../reports/tables.js"

/** @internal Which door speaks: the command line (`--table`) or the HTTP service (`« table »`). */
export type Door = "cli" | "http"

/** @internal A sentence in French and in English. */
export interface Bilingual {
  readonly fr: string
  readonly en: string
}

/** An option as the door names it, with a value when one is given. */
const optionFr = (door: Door, name: string, value?: string): string =>
  door === "cli"
    ? `--${name}${value === undefined ? "" : ` ${value}`}`
    : `« ${name} »${value === undefined ? "" : ` "${value}"`}`
const optionEn = (door: Door, name: string, value?: string): string =>
  door === "cli"
    ? `--${name}${value === undefined ? "" : ` ${value}`}`
    : `"${name}"${value === undefined ? "" : ` "${value}"`}`
const formatFr = (door: Door, format: string): string =>
  door === "cli" ? `--format ${format}` : `le format "${format}"`
const formatEn = (door: Door, format: string): string => (door === "cli" ? `--format ${format}` : `format "${format}"`)

/**
 * @internal An option of the CSV (`table`, `decimal`, `separator`, `bom`) given with another
 * format, which writes the whole report.
 */
export function csvOnlyOptionText(door: Door, option: string, format: string): Bilingual {
  return {
    fr: `${optionFr(door, option)} ne va qu'avec ${formatFr(door, "csv")} : ${formatFr(door, format)} écrit le rapport entier, sans choix de table ni de séparateurs`,
    en: `${optionEn(door, option)} goes only with ${formatEn(door, "csv")}: ${formatEn(door, format)} writes the whole report, with no choice of table or separators`
  }
}

/** @internal A decimal comma asked for with the comma as the separator. */
export function decimalCommaText(door: Door): Bilingual {
  return {
    fr: `${optionFr(door, "decimal", ",")} ne va pas avec ${optionFr(door, "separator", ",")} : les montants se liraient comme deux champs`,
    en: `${optionEn(door, "decimal", ",")} does not go with ${optionEn(door, "separator", ",")}: the amounts would read as two fields`
  }
}

/** @internal A table the report does not have (the end-of-convention report has no objectives table), with those it has. */
export function missingTableText(
  report: "annual" | "convention",
  table: ReportTableId,
  tables: ReadonlyArray<ReportTableId>
): Bilingual {
  return {
    fr: `le bilan ${report === "annual" ? "annuel" : "de fin de convention"} n'a pas de table ${table} (tables : ${tables.join(", ")})`,
    en: `the ${report === "annual" ? "yearly" : "end-of-convention"} review has no table ${table} (tables: ${tables.join(", ")})`
  }
}
