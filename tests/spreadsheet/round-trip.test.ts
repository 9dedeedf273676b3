/**
 * The founding case's activities, payments and expenses written to CSV and to XLSX and read
 * back: the same records, and the same evaluation, byte for byte, as from the JSON files.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  encodeActivities,
  encodeExpenses,
  encodePayments,
  parseActivities,
  parseExpenses,
  parsePayments
} from "caf-conventions"
import { readCsv, readSpreadsheetFile, readWorkbook, writeCsv, writeWorkbook } from "caf-conventions/spreadsheet"
import { exampleData } from "../fixtures.js"
import { cli, cliAsync, data, scratchFolder } from "../cli/run.js"

const activities = parseActivities(exampleData("activities.json"))
const payments = parsePayments(exampleData("payments.json"))
const expenses = parseExpenses(exampleData("expenses.json"))
const centreSocial = parseActivities(exampleData("centre-social-activities.json"))

describe("the founding case through spreadsheets", () => {
  it("CSV: the records read back are the records written", () => {
    expect(encodeActivities(readCsv("activities", writeCsv("activities", centreSocial)).records)).toEqual(
      encodeActivities(centreSocial)
    )
    expect(writeCsv("activities", centreSocial).split("\r\n")[0]).toMatch(
      /;Mesure : familles;Mesure : familles-qpv;Bénéficiaires : familles$/u
    )
    expect(encodeActivities(readCsv("activities", writeCsv("activities", activities)).records)).toEqual(
      encodeActivities(activities)
    )
    expect(encodePayments(readCsv("payments", writeCsv("payments", payments)).records)).toEqual(
      encodePayments(payments)
    )
    expect(encodeExpenses(readCsv("expenses", writeCsv("expenses", expenses)).records)).toEqual(
      encodeExpenses(expenses)
    )
    expect(
      readCsv("expenses", writeCsv("expenses", expenses)).records.map((expense) => expense.amount.toString())
    ).toEqual(["500.00", "18000.00", "3500.00", "3000.00", "2400.00", "850.00", "1500.00", "1200.00", "300.00"])
  })

  it("XLSX: the records read back are the records written", async () => {
    expect(
      encodeActivities((await readWorkbook("activities", await writeWorkbook("activities", activities))).records)
    ).toEqual(encodeActivities(activities))
    expect(
      encodeActivities((await readWorkbook("activities", await writeWorkbook("activities", centreSocial))).records)
    ).toEqual(encodeActivities(centreSocial))
    expect(encodePayments((await readWorkbook("payments", await writeWorkbook("payments", payments))).records)).toEqual(
      encodePayments(payments)
    )
    expect(encodeExpenses((await readWorkbook("expenses", await writeWorkbook("expenses", expenses))).records)).toEqual(
      encodeExpenses(expenses)
    )
  })

  it("an activity of two structures takes two rows, the second repeating only the id, and reads back as one record", () => {
    const [record] = parseActivities([
      {
        id: "a-2",
        date: "2024-05-02",
        kind: "action-collective",
        sector: "jeunesse",
        structures: [
          {
            id: "s-1",
            legalForm: "association-loi-1901",
            departement: "91",
            situation: "en-developpement",
            employer: true
          },
          { id: "s-2", name: "Deux", legalForm: "association-loi-1901", departement: "2A", situation: "en-difficulte" }
        ]
      }
    ])
    const csv = writeCsv("activities", [record as never])
    const lines = csv.split("\r\n")
    expect(lines[1]).toBe(
      "a-2;02/05/2024;Action collective ou journée de formation;Jeunesse;;;;;;;;;s-1;;Association loi 1901;91;En développement;oui"
    )
    expect(lines[2]).toBe("a-2;;;;;;;;;;;;s-2;Deux;Association loi 1901;2A;En difficulté;")
    const read = readCsv("activities", csv).records
    expect(read).toHaveLength(1)
    expect(encodeActivities(read)).toEqual(encodeActivities([record as never]))
  })

  it("the report from CSV files and from XLSX files is the report from the JSON files, byte for byte", async () => {
    const folder = scratchFolder()
    const files: Record<string, string> = {}
    for (const [kind, records] of [
      ["activities", activities],
      ["payments", payments],
      ["expenses", expenses]
    ] as const) {
      files[`${kind}.csv`] = join(folder, `${kind}.csv`)
      writeFileSync(files[`${kind}.csv`] as string, writeCsv(kind, records as never))
      files[`${kind}.xlsx`] = join(folder, `${kind}.xlsx`)
      writeFileSync(files[`${kind}.xlsx`] as string, await writeWorkbook(kind, records as never))
    }
    for (const year of [["--year", "2024"], []]) {
      const common = [
        "report",
        data("portfolio.json"),
        ...year,
        "--as-of",
        "2025-07-15",
        "--reports-accepted",
        "2024=2025-05-20",
        "--format",
        "json"
      ]
      const json = cli(
        ...common,
        "--activities",
        data("activities.json"),
        "--payments",
        data("payments.json"),
        "--expenses",
        data("expenses.json")
      )
      expect(json.code).toBe(0)
      expect(json.out.length).toBeGreaterThan(10_000)
      for (const extension of ["csv", "xlsx"]) {
        const sheets = await cliAsync(
          ...common,
          ...["activities", "payments", "expenses"].flatMap((kind) => [
            `--${kind}`,
            files[`${kind}.${extension}`] as string
          ])
        )
        expect(sheets.err).toBe("")
        expect(sheets.code).toBe(0)
        expect(sheets.out).toBe(json.out)
      }
      // The Markdown report too.
      const markdown = cli(...common.slice(0, -2), "--expenses", data("expenses.json"))
      const fromSheet = await cliAsync(...common.slice(0, -2), "--expenses", files["expenses.xlsx"] as string)
      expect(fromSheet.out).toBe(markdown.out)
    }
  })

  it("readSpreadsheetFile reads either by its extension", async () => {
    const folder = scratchFolder()
    const csv = join(folder, "versements.CSV")
    writeFileSync(csv, writeCsv("payments", payments))
    const xlsx = join(folder, "versements.xlsx")
    writeFileSync(xlsx, await writeWorkbook("payments", payments))
    expect(encodePayments((await readSpreadsheetFile("payments", csv)).records)).toEqual(encodePayments(payments))
    expect(encodePayments((await readSpreadsheetFile("payments", xlsx)).records)).toEqual(encodePayments(payments))
  })
})
