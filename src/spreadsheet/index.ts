/**
 * `caf-conventions/spreadsheet`: activity records, payments and expenses read from CSV files and
 * XLSX workbooks, written back, and blank templates. An entry point of its own, so that the core
 * stays light and runs in a browser without the spreadsheet libraries (csv-parse, exceljs).
 * The rows go through the same decoders as JSON records.
 *
 * @module caf-conventions/spreadsheet
 */
export {
  SPREADSHEET_KINDS,
  type CellType,
  type ColumnSpec,
  type GroupedRows,
  type KeyedColumns,
  type RecordTable,
  type SpreadsheetKind
} from "./columns.js"
export {
  SpreadsheetError,
  readCsv,
  readWorkbook,
  type ReadOptions,
  type SpreadsheetProblem,
  type SpreadsheetRecord,
  type SpreadsheetRecords,
  type WorkbookInput
} from "./read.js"
export { spreadsheetTemplate, writeCsv, writeWorkbook, type WorkbookOptions } from "./write.js"
export { isSpreadsheetFile, readSpreadsheetFile } from "./file.js"
export { reportTablesWorkbook } from "./tables.js"
