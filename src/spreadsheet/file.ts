/**
 * Reading a spreadsheet file by its name: `.csv` or `.xlsx`.
 *
 * @module
 */
import { readFile } from "node:fs/promises"
import { extname } from "node:path"
import { InvalidArgumentError } from "../core/errors.js"
import type { SpreadsheetKind } from "./columns.js"
import { type SpreadsheetRecords, readCsv, readWorkbook } from "./read.js"

/**
 * Whether a file name is a spreadsheet this entry point reads: `.csv` or `.xlsx`, in any case.
 *
 * @example
 * ```ts
 * import { isSpreadsheetFile } from "caf-conventions/spreadsheet"
 * isSpreadsheetFile("depenses.XLSX") //=> true
 * isSpreadsheetFile("depenses.json") //=> false
 * ```
 * @category spreadsheets
 */
export function isSpreadsheetFile(path: string): boolean {
  return typeof path === "string" && [".csv", ".xlsx"].includes(extname(path).toLowerCase())
}

/**
 * Reads records of one kind from a `.csv` or `.xlsx` file (a workbook is streamed), or throws a
 * {@link SpreadsheetError} listing every problem, the file named as given.
 *
 * @example
 * ```ts
 * import { readSpreadsheetFile } from "caf-conventions/spreadsheet"
 * const read = await readSpreadsheetFile("expenses", "tests/spreadsheet/fixtures/depenses-libreoffice.xlsx")
 * read.records.length //=> 3
 * ```
 * @category spreadsheets
 */
export async function readSpreadsheetFile<K extends SpreadsheetKind>(kind: K, path: string): Promise<SpreadsheetRecords<K>> {
  if (!isSpreadsheetFile(path)) throw new InvalidArgumentError({ argument: "path", message: `attendu un fichier .csv ou .xlsx, reçu ${String(path)}` })
  if (extname(path).toLowerCase() === ".csv") return readCsv(kind, await readFile(path), { file: path })
  return readWorkbook(kind, path, { file: path })
}
