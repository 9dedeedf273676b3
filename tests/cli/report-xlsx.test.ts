/** `report --format xlsx`: the report's tables as a workbook written to `--out`, read back with exceljs. */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { cli, cliAsync, data, scratchFolder } from "./run.js"

const FOUNDING_2024 = [
  data("portfolio.json"),
  "--year",
  "2024",
  "--activities",
  data("activities.json"),
  "--payments",
  data("payments.json"),
  "--expenses",
  data("expenses.json"),
  "--as-of",
  "2025-07-15",
  "--reports-accepted",
  "2024=2025-05-20",
  "--convention",
  "cpo-2023-2025"
]

describe("report --format xlsx", () => {
  it("asks for --out, and a .xlsx one; refuses the CSV's options", () => {
    const none = cli("report", data("portfolio.json"), "--year", "2024", "--format", "xlsx")
    expect(none.code).toBe(2)
    expect(none.err).toContain("--format xlsx écrit un fichier : indiquez --out <fichier.xlsx>")
    const csv = cli("report", data("portfolio.json"), "--year", "2024", "--format", "xlsx", "--out", "bilan.csv")
    expect(csv.code).toBe(2)
    expect(csv.err).toContain("--out : les tables du rapport s'écrivent dans un classeur .xlsx, pas bilan.csv")
    const table = cli(
      "report",
      data("portfolio.json"),
      "--year",
      "2024",
      "--format",
      "xlsx",
      "--out",
      "b.xlsx",
      "--table",
      "versements"
    )
    expect(table.code).toBe(2)
    expect(table.err).toContain(
      "--table ne va qu'avec --format csv : le classeur donne toutes les tables, une feuille chacune"
    )
    expect(existsSync("b.xlsx")).toBe(false)
  })

  it("writes the founding 2024's tables, a sheet each, amounts as numbers in euros", async () => {
    const out = join(scratchFolder(), "bilan-2024.xlsx")
    const result = await cliAsync("report", ...FOUNDING_2024, "--format", "xlsx", "--out", out)
    expect(result.err).toContain(`tables du rapport écrites dans ${out}`)
    expect(result.code).toBe(0)
    expect(existsSync(out)).toBe(true)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(readFileSync(out) as never)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Avenants",
      "Objectifs 2024",
      "Échéancier et versements 2024",
      "Dépenses non retenues",
      "Financement par année"
    ])
    expect(workbook.getWorksheet("Financement par année")!.getCell("E2").value).toBe(29250)
  })

  it("writes the same bytes twice, seconds apart (the workbook's dates are the report's day)", async () => {
    const folder = scratchFolder()
    const first = join(folder, "a.xlsx")
    const second = join(folder, "b.xlsx")
    expect((await cliAsync("report", ...FOUNDING_2024, "--format", "xlsx", "--out", first)).code).toBe(0)
    // The zip's times are counted in two seconds: wait past the next step.
    await new Promise((resolve) => setTimeout(resolve, 2100))
    expect((await cliAsync("report", ...FOUNDING_2024, "--format", "xlsx", "--out", second)).code).toBe(0)
    expect(readFileSync(first).length).toBeGreaterThan(1000)
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true)
  })
})
