/**
 * The public functions of `caf-conventions/spreadsheet`, called with wrong arguments: each throws
 * (or rejects with) an InvalidArgumentError naming the argument, never a TypeError from inside.
 */
import { describe, expect, it } from "vitest"
import { InvalidArgumentError, ValidationError, parsePayments } from "caf-conventions"
import * as spreadsheet from "caf-conventions/spreadsheet"

const WRONG: ReadonlyArray<unknown> = [undefined, null, 12, "budgets", {}, [], Symbol("x")]
const payments = parsePayments([{ id: "v-1", date: "2024-03-28", amount: "15000", year: 2024 }])

/** Calls, expecting an InvalidArgumentError at `argument`, thrown or as a rejection. */
async function refused(call: () => unknown, argument: string): Promise<void> {
  let caught: unknown
  try {
    await call()
  } catch (error) {
    caught = error
  }
  expect(caught, argument).toBeInstanceOf(InvalidArgumentError)
  expect((caught as InvalidArgumentError).argument).toBe(argument)
}

describe("caf-conventions/spreadsheet checks its arguments at the door", () => {
  it("finds every function of the entry point here", () => {
    const functions = Object.entries(spreadsheet).filter(
      ([, value]) => typeof value === "function" && !/^[A-Z]/u.test(String((value as { name?: string }).name ?? ""))
    )
    expect(functions.map(([name]) => name).sort()).toEqual([
      "isSpreadsheetFile",
      "readCsv",
      "readSpreadsheetFile",
      "readWorkbook",
      "reportTablesWorkbook",
      "spreadsheetTemplate",
      "writeCsv",
      "writeWorkbook"
    ])
  })

  it("a kind that is not one", async () => {
    for (const kind of WRONG) {
      await refused(() => spreadsheet.readCsv(kind as never, "Identifiant\n"), "kind")
      await refused(() => spreadsheet.readWorkbook(kind as never, new Uint8Array()), "kind")
      await refused(() => spreadsheet.writeCsv(kind as never, []), "kind")
      await refused(() => spreadsheet.writeWorkbook(kind as never, []), "kind")
      await refused(() => spreadsheet.spreadsheetTemplate(kind as never), "kind")
      await refused(() => spreadsheet.readSpreadsheetFile(kind as never, "a.csv"), "kind")
    }
  })

  it("inputs, records, options and paths that are not ones", async () => {
    for (const input of [undefined, null, 12, {}, []]) {
      await refused(() => spreadsheet.readCsv("payments", input as never), "input")
      await refused(() => spreadsheet.readWorkbook("payments", input as never), "input")
    }
    for (const records of [undefined, null, 12, "x", {}]) {
      await refused(() => spreadsheet.writeCsv("payments", records as never), "records")
      await refused(() => spreadsheet.writeWorkbook("payments", records as never), "records")
    }
    // Records that are not of the kind are refused by its encoder, with their paths.
    expect(() => spreadsheet.writeCsv("payments", [{ id: "v-1" }] as never)).toThrow(ValidationError)
    await expect(spreadsheet.readSpreadsheetFile("payments", "absent.csv")).rejects.toThrow(
      "absent.csv : fichier introuvable"
    )
    await refused(() => spreadsheet.writeWorkbook("payments", payments, null as never), "options")
    for (const path of [undefined, null, 12, "versements.json"])
      await refused(() => spreadsheet.readSpreadsheetFile("payments", path as never), "path")
    expect(spreadsheet.isSpreadsheetFile(12 as never)).toBe(false)
    for (const report of [...WRONG, { kind: "annual" }, { kind: "convention", convention: 1 }])
      await refused(() => spreadsheet.reportTablesWorkbook(report as never), "report")
  })
})
