/**
 * The compte rendu financier (Cerfa n° 15059) through spreadsheets: one row per line, the rows of
 * one convention, year and action gathered into one report, decoded by `safeParseFinancialReport`
 * as in JSON; problems at their row and column.
 */
import { join } from "node:path"
import { writeFileSync } from "node:fs"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { encodeFinancialReport, parseFinancialReport } from "caf-conventions"
import {
  SpreadsheetError,
  readCsv,
  readWorkbook,
  spreadsheetTemplate,
  writeCsv,
  writeWorkbook
} from "caf-conventions/spreadsheet"
import { exampleData } from "../fixtures.js"
import { cliAsync, scratchFolder } from "../cli/run.js"

const report = parseFinancialReport(exampleData("financial-report-2025.json"))
const HEADERS =
  "Convention;Année;Action;Reçu le;Compte;Libellé;Financeur;Nom du financeur;Prévu;Réalisé;Explication de l'écart"

/** The problems' texts of a read that must fail. */
function problemsOf(read: () => unknown): ReadonlyArray<string> {
  try {
    read()
  } catch (error) {
    if (error instanceof SpreadsheetError) return error.problems.map((problem) => problem.text)
    throw error
  }
  throw new Error("the sheet was read without a problem")
}

describe("the founding case's financial report through a spreadsheet", () => {
  it("written to CSV, one row per line, and read back to the same report", () => {
    const csv = writeCsv("financial-reports", [report])
    const lines = csv.slice(1).split("\r\n")
    expect(lines[0]).toBe(HEADERS)
    expect(lines[4]).toBe("cpo-relais-2025-2027;2025;;12/05/2026;64;Charges de personnel;;;;70000,00;")
    expect(lines[6]).toBe("cpo-relais-2025-2027;2025;;12/05/2026;74;;Caf;Caf de l'Essonne;;90000,00;")
    expect(lines[11]).toBe("cpo-relais-2025-2027;2025;;12/05/2026;87;Prêt de locaux par la commune;;;;6000,00;")
    expect(lines).toHaveLength(13) // the headers, 5 charges, 4 products, 2 in kind, the final line end
    const read = readCsv("financial-reports", csv)
    expect(read.records.map((r) => encodeFinancialReport(r))).toEqual([encodeFinancialReport(report)])
    expect(read.records[0]?.products[1]?.actual.toString()).toBe("30000.00")
    expect(Object.isFrozen(read.records[0]?.charges[0])).toBe(true)
  })

  it("written to XLSX and read back to the same report", async () => {
    const bytes = await writeWorkbook("financial-reports", [report])
    const read = await readWorkbook("financial-reports", bytes, { file: "crf.xlsx" })
    expect(read.sheet).toBe("Compte rendu financier")
    expect(read.records.map((r) => encodeFinancialReport(r))).toEqual([encodeFinancialReport(report)])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet("Compte rendu financier")
    expect(sheet?.getCell("E2").value).toBe("60")
    expect(sheet?.getCell("J5").value).toBe(70000)
  })
})

describe("reading a sheet filled by hand", () => {
  it("gathers the rows of each convention, year and action, wherever they are, and skips an empty row", () => {
    const csv = [
      "Convention;Année;Action;Compte;Financeur;Nom du financeur;Prévu;Réalisé",
      "cpo-a;2025;;64;;;85 000;70 000,50",
      "cpo-b;2025;accueil;60;;;;1 200",
      "",
      "cpo-a;2025;;74;Caf – Fonds publics et territoires;Caf de l'Essonne;;12 000",
      "cpo-a;2025;;86;;;;500",
      "cpo-b;2025;accueil;74;departement;Département;;800"
    ].join("\n")
    const read = readCsv("financial-reports", csv)
    expect(read.skippedRows).toEqual([4])
    expect(read.records.map((r) => encodeFinancialReport(r))).toEqual([
      {
        conventionId: "cpo-a",
        year: 2025,
        charges: [{ account: "64", forecast: "85000.00", actual: "70000.50" }],
        products: [{ account: "74", funderKind: "caf-fpt", funderName: "Caf de l'Essonne", actual: "12000.00" }],
        inKind: [{ account: "86", actual: "500.00" }]
      },
      {
        conventionId: "cpo-b",
        year: 2025,
        actionId: "accueil",
        charges: [{ account: "60", actual: "1200.00" }],
        products: [{ account: "74", funderKind: "departement", funderName: "Département", actual: "800.00" }]
      }
    ])
  })

  it("points each problem at its row and column, the decoder's ones included", () => {
    const csv = [
      "Convention;Année;Compte;Financeur;Réalisé",
      "cpo-a;2025;64;;100",
      "cpo-a;2025;64;caf;abc",
      "",
      "cpo-a;2025;55;;10",
      "cpo-a;2025;74;Caf;",
      "cpo-c;2025;74;caf;5",
      "cpo-a;2025;74;mairie;5"
    ].join("\n")
    expect(problemsOf(() => readCsv("financial-reports", csv))).toEqual([
      "ligne 3, colonne « Financeur » : un financeur ne se donne que sur une ligne de produits (comptes 70 à 79)",
      "ligne 3, colonne « Réalisé » : « abc » n'est pas un montant (écrivez par exemple 1 200,50)",
      "ligne 5, colonne « Compte » : « 55 » n'est pas un compte du compte rendu financier : charges de 60 à 68, produits de 70 à 79, contributions en nature 86 ou 87 (2 à 6 chiffres)",
      "ligne 6, colonne « Réalisé » : cellule vide ; cette colonne est obligatoire",
      "ligne 7 : lignes de charges (comptes 60 à 68) : aucune pour convention cpo-c, année 2025 ; il en faut au moins une",
      expect.stringMatching(/^ligne 8, colonne « Financeur » : « mairie » n'est pas dans la liste : /u)
    ])
  })

  it("refuses two receipt dates for one report", () => {
    const csv = [
      "Convention;Année;Reçu le;Compte;Réalisé",
      "cpo-a;2025;12/05/2026;64;100",
      "cpo-a;2025;13/05/2026;60;5"
    ]
    expect(problemsOf(() => readCsv("financial-reports", csv.join("\n")))).toEqual([
      "ligne 3, colonne « Reçu le » : diffère de la ligne 2 du même compte rendu financier ; une valeur par compte rendu financier"
    ])
  })

  it("a template holds one example row that reads back, and a drop-down of the funders", async () => {
    const template = await spreadsheetTemplate("financial-reports")
    const read = await readWorkbook("financial-reports", template)
    expect(read.records.map((r) => encodeFinancialReport(r))).toEqual([
      {
        conventionId: "cpo-relais-2025-2027",
        year: 2025,
        charges: [
          {
            account: "64",
            label: "Charges de personnel",
            forecast: "85000.00",
            actual: "70000.00",
            explanation: "Poste d'animateur vacant de mars à juin."
          }
        ],
        products: []
      }
    ])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(template as unknown as ArrayBuffer)
    const lists = workbook.getWorksheet("Listes")
    expect(lists?.getCell("A1").value).toBe("Financeur")
    expect(lists?.getCell("A3").value).toBe("Caf – Fonds publics et territoires")
    const sheet = workbook.getWorksheet("Compte rendu financier")
    // The 11 kinds of funder, from G2 down to G1000; no other column has a list.
    expect(sheet?.getCell("G2").dataValidation.formulae).toEqual(["Listes!$A$2:$A$12"])
    expect(sheet?.getCell("G1000").dataValidation.formulae).toEqual(["Listes!$A$2:$A$12"])
    expect(lists?.getCell("A12").value).toBe("Ressources propres")
    expect(lists?.getCell("A13").value).toBe(null)
    expect(sheet?.getCell("E2").dataValidation).toBeUndefined()
  })
})

describe("the command line", () => {
  it("import --kind financial-reports writes the reports as JSON; template --kind financial-reports writes a workbook", async () => {
    const folder = scratchFolder()
    const file = join(folder, "crf.csv")
    writeFileSync(file, writeCsv("financial-reports", [report]))
    const checked = await cliAsync("import", file, "--kind", "financial-reports", "--validate")
    expect(checked).toEqual({ code: 0, out: `✓ ${file} : 1 compte rendu financier, valide`, err: "" })
    const converted = await cliAsync("import", file, "--kind", "financial-reports")
    expect(converted.code, converted.err).toBe(0)
    expect(JSON.parse(converted.out)).toEqual([encodeFinancialReport(report)])
    const out = join(folder, "modele.xlsx")
    const written = await cliAsync("template", "--kind", "financial-reports", "--out", out)
    expect(written).toEqual({ code: 0, out: "", err: `modèle de compte rendu financier écrit dans ${out}` })
    expect((await readWorkbook("financial-reports", out)).records[0]?.charges[0]?.actual.toString()).toBe("70000.00")
  })
})
