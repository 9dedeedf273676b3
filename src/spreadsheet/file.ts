/**
 * Reading a spreadsheet file by its name: `.csv` or `.xlsx`.
 *
 * @module
 */
import { readFile } from "node:fs/promises"
import { extname } from "node:path"
import { InvalidArgumentError } from "../core/errors.js"
import type { SpreadsheetKind } from "./columns.js"
import { SpreadsheetError, type SpreadsheetRecords, readCsv, readWorkbook, tableOf } from "./read.js"
import { expectedText, fileProblemText } from "../vocabulary/spreadsheet.js"
import { FILE_UNREADABLE } from "../vocabulary/spreadsheet.js"

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
 * {@link SpreadsheetError} listing every problem, the file named as given (a file that cannot be
 * read too, with the reason).
 *
 * @example
 * ```ts
 * import { readSpreadsheetFile } from "caf-conventions/spreadsheet"
 * const read = await readSpreadsheetFile("expenses", "tests/spreadsheet/fixtures/depenses-libreoffice.xlsx")
 * read.records.length //=> 3
 * ```
 * @category spreadsheets
 */
export async function readSpreadsheetFile<K extends SpreadsheetKind>(
  kind: K,
  path: string
): Promise<SpreadsheetRecords<K>> {
  tableOf(kind, "kind")
  if (!isSpreadsheetFile(path))
    throw new InvalidArgumentError({
      argument: "path",
      message: expectedText("un fichier .csv ou .xlsx", String(path))
    })
  if (extname(path).toLowerCase() !== ".csv") return readWorkbook(kind, path, { file: path })
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as { readonly code?: unknown }).code
    const message =
      code === "ENOENT"
        ? "fichier introuvable"
        : code === "EISDIR"
          ? "c'est un dossier"
          : code === "EACCES"
            ? "permission refusée"
            : FILE_UNREADABLE
    throw new SpreadsheetError({
      file: path,
      problems: [{ file: path, message, text: message }],
      omittedProblems: 0,
      skippedRows: [],
      frenchMessage: fileProblemText(path, message),
      message: fileProblemText(path, message)
    })
  }
  return readCsv(kind, bytes, { file: path })
}
