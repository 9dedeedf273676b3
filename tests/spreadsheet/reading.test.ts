/**
 * What the readers accept: headers matched with tolerance, the French ways of writing numbers
 * and dates, separators and byte-order marks, labels for codes; a workbook saved by LibreOffice;
 * templates that read back to records.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { encodeExpenses } from "caf-conventions"
import {
  SPREADSHEET_KINDS,
  readCsv,
  readSpreadsheetFile,
  readWorkbook,
  spreadsheetTemplate
} from "caf-conventions/spreadsheet"
import { normalise } from "../../src/spreadsheet/columns.js"
import { cliAsync, data, scratchFolder } from "../cli/run.js"

const fixture = (name: string): string => join("tests", "spreadsheet", "fixtures", name)

describe("headers matched with tolerance", () => {
  it("case, accents, spacing and punctuation aside, and the other accepted names", () => {
    const csv =
      "  n° ;DATE DE FACTURE;Montant  TTC;categorie;PIECE-JUSTIFICATIVE;secteur\nd-1;14/03/2024;1 200,50;experts;F-1;jeunesse\n"
    const [expense] = readCsv("expenses", csv).records
    expect(expense === undefined ? undefined : encodeExpenses([expense])[0]).toEqual({
      id: "d-1",
      date: "2024-03-14",
      amount: "1200.50",
      category: "experts",
      sector: "jeunesse",
      fundedBy: [],
      document: "F-1"
    })
  })

  it("no two columns of a kind share a name once normalised, so that a header names one field", () => {
    for (const table of Object.values(SPREADSHEET_KINDS)) {
      const names = table.columns.flatMap((column) => [column.header, ...column.aliases].map(normalise))
      expect(new Set(names).size, table.kind).toBe(names.length)
    }
  })
})

describe("the ways people write values", () => {
  const header = "Identifiant;Date;Montant;Catégorie;Cofinancements"
  it("decimal comma or point, spaces (no-break, narrow, thin) in thousands, a euro sign; dates JJ/MM/AAAA or AAAA-MM-JJ; labels or codes", () => {
    const rows = [
      "d-1;14/03/2024;1 200,50;Intervenants et experts extérieurs;",
      "d-2;2024-03-15;1\u00a0200.5;experts;FPT",
      "d-3;1/4/2024;12\u202f000,00 €;FRAIS GENERAUX;Fonds publics et territoires, dla",
      "d-4;02/04/2024;0,07;deplacements;"
    ]
    const read = readCsv("expenses", `${header}\n${rows.join("\n")}\n`)
    expect(read.records.map((e) => [e.date, e.amount.toString(), e.category, e.fundedBy])).toEqual([
      ["2024-03-14", "1200.50", "experts", []],
      ["2024-03-15", "1200.50", "experts", ["fpt"]],
      ["2024-04-01", "12000.00", "frais-generaux", ["fpt", "dla"]],
      ["2024-04-02", "0.07", "deplacements", []]
    ])
  })

  it("`;`, `,` or tab as separator, with or without a byte-order mark, CRLF or LF", () => {
    const expected = [["v-1", "15000.50", 2024]]
    const shapes = [
      "Identifiant;Date;Montant;Année\r\nv-1;28/03/2024;15 000,50;2024\r\n",
      '\uFEFFIdentifiant,Date,Montant,Année\nv-1,28/03/2024,"15 000,50",2024\n',
      "Identifiant\tDate\tMontant\tAnnée\nv-1\t2024-03-28\t15000.50\t2024"
    ]
    for (const csv of shapes)
      expect(
        readCsv("payments", csv).records.map((p) => [p.id, p.amount.toString(), p.year]),
        csv
      ).toEqual(expected)
    const read = readCsv("payments", shapes[0] as string)
    expect([
      Object.isFrozen(read),
      Object.isFrozen(read.records),
      Object.isFrozen(read.records[0]),
      Object.isFrozen(read.skippedRows)
    ]).toEqual([true, true, true, true])
    expect(
      readCsv("payments", new TextEncoder().encode(`\uFEFF${shapes[0]}`)).records.map((p) => [
        p.id,
        p.amount.toString(),
        p.year
      ])
    ).toEqual(expected)
  })

  it("instalments in French, and what the decoder refuses refused", () => {
    const csv =
      "Identifiant;Date;Montant;Année;Échéance\nv-1;28/03/2024;1;2024;Avance\nv-2;28/03/2024;1;2024;acompte 2\nv-3;28/03/2024;1;2024;Solde\nv-4;28/03/2024;1;2024;Complément 1\n"
    expect(readCsv("payments", csv).records.map((p) => p.instalment)).toEqual([
      "advance",
      "instalment-2",
      "balance",
      "complement-1"
    ])
    expect(() =>
      readCsv("payments", "Identifiant;Date;Montant;Année;Échéance\nv-1;28/03/2024;1;2024;reliquat\n")
    ).toThrow(/ligne 2, colonne « Échéance »/u)
  })
})

describe("a workbook saved by LibreOffice", () => {
  it("is read: typed dates and numbers, French labels", async () => {
    // tests/spreadsheet/fixtures/depenses-libreoffice.xlsx was converted from the CSV next to it
    // by LibreOffice Calc 7.4 (see docs/spreadsheets.md for the command).
    const read = await readSpreadsheetFile("expenses", fixture("depenses-libreoffice.xlsx"))
    expect(read.sheet).toBe("depenses-libreoffice")
    expect(encodeExpenses(read.records)).toEqual([
      {
        id: "dep-lo-1",
        date: "2024-03-14",
        amount: "1200.50",
        category: "experts",
        sector: "jeunesse",
        fundedBy: [],
        document: "FAC-2024-031",
        description: "Atelier"
      },
      {
        id: "dep-lo-2",
        date: "2024-04-02",
        amount: "350.00",
        category: "deplacements",
        sector: "parentalite",
        fundedBy: [],
        document: "NDF-2024-12",
        description: "Trajets"
      },
      {
        id: "dep-lo-3",
        date: "2024-06-30",
        amount: "18000.00",
        category: "personnel",
        fundedBy: [],
        document: "PAIE-2024-06",
        description: "Salaires"
      }
    ])
    // The CSV it came from gives the same records.
    expect(encodeExpenses(readCsv("expenses", readFileSync(fixture("depenses-libreoffice.csv"))).records)).toEqual(
      encodeExpenses(read.records)
    )
  })
})

describe("templates", () => {
  it("each kind's template reads back to one valid record, its example", async () => {
    const activities = await readWorkbook("activities", await spreadsheetTemplate("activities"))
    expect(
      activities.records.map((a) => [
        a.id,
        a.date,
        a.kind,
        a.sector,
        a.hours,
        a.structures.map((s) => [s.id, s.legalForm, s.situation, s.employer])
      ])
    ).toEqual([
      [
        "2024-ind-01",
        "2024-02-06",
        "accompagnement-individuel",
        "jeunesse",
        3,
        [["mjc-viry-chatillon", "association-loi-1901", "en-developpement", false]]
      ]
    ])
    const payments = await readWorkbook("payments", await spreadsheetTemplate("payments"))
    expect(payments.records.map((p) => [p.id, p.date, p.amount.toString(), p.year, p.instalment])).toEqual([
      ["v-2024-avance", "2024-03-28", "15000.00", 2024, "advance"]
    ])
    const expenses = await readWorkbook("expenses", await spreadsheetTemplate("expenses"))
    expect(expenses.records.map((e) => [e.id, e.amount.toString(), e.category, e.document])).toEqual([
      ["dep-2024-001", "1200.00", "experts", "FAC-2024-031"]
    ])
  })

  it("has the headers, drop-down lists for the coded fields, and the date and amount formats", async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await spreadsheetTemplate("expenses")) as never)
    const sheet = book.getWorksheet("Dépenses") as ExcelJS.Worksheet
    expect((sheet.getRow(1).values as Array<unknown>).slice(1)).toEqual(
      SPREADSHEET_KINDS.expenses.columns.map((column) => column.header)
    )
    const validations = (
      sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: Array<string> }> } }
    ).dataValidations.model
    const lists = Object.values(validations).map((rule) => rule.formulae[0])
    expect(lists).toContain("Listes!$A$2:$A$8") // Catégorie: the 7 categories
    expect(lists).toContain("Listes!$B$2:$B$9") // Secteur: the 8 sectors
    const listSheet = book.getWorksheet("Listes") as ExcelJS.Worksheet
    expect(listSheet.state).toBe("hidden")
    expect(listSheet.getColumn(2).values.slice(1)).toEqual([
      "Secteur",
      "Petite enfance",
      "Enfance",
      "Jeunesse",
      "Parentalité",
      "Animation de la vie sociale",
      "Logement",
      "Handicap",
      "Accès aux droits"
    ])
    expect(sheet.getCell("B500").numFmt).toBe("dd/mm/yyyy")
    expect(sheet.getCell("C500").numFmt).toBe("#,##0.00")
    expect(sheet.getCell("B2").value).toEqual(new Date("2024-03-14T00:00:00Z"))
    expect(sheet.getCell("C2").value).toBe(1200)
  })
})

describe("the command line", () => {
  it("import converts a CSV or XLSX file to the JSON records, or validates it", async () => {
    const converted = await cliAsync("import", fixture("depenses-libreoffice.xlsx"), "--kind", "expenses")
    expect(converted.code, converted.err).toBe(0)
    expect(JSON.parse(converted.out).map((e: { amount: string }) => e.amount)).toEqual([
      "1200.50",
      "350.00",
      "18000.00"
    ])
    const checked = await cliAsync("import", fixture("depenses-libreoffice.csv"), "--kind", "expenses", "--validate")
    expect(checked).toEqual({ code: 0, out: `✓ ${fixture("depenses-libreoffice.csv")} : 3 dépenses, valides`, err: "" })
  })

  it("import lists every problem and exits 1; says which empty rows it skipped", async () => {
    const folder = scratchFolder()
    const file = join(folder, "versements.csv")
    writeFileSync(file, "Identifiant;Date;Montant;Année\nv-1;28/03/2024;15 000,001;2024\n\nv-2;hier;1;2024\n")
    const refused = await cliAsync("import", file, "--kind", "payments")
    expect(refused.code).toBe(1)
    expect(refused.err).toBe(
      [
        `✗ ${file} : 2 problèmes`,
        "  ligne 2, colonne « Montant » : « 15 000,001 » a plus de deux décimales",
        "  ligne 4, colonne « Date » : « hier » n'est pas une date (écrivez JJ/MM/AAAA ou AAAA-MM-JJ)",
        "  ligne vide ignorée : 3"
      ].join("\n")
    )
    writeFileSync(file, "Identifiant;Date;Montant;Année\nv-1;28/03/2024;15 000;2024\n\nv-2;12/06/2025;1;2024\n")
    const out = join(folder, "versements.json")
    const written = await cliAsync("import", file, "--kind", "payments", "--out", out)
    expect(written).toEqual({
      code: 0,
      out: "",
      err: `${file} : ligne vide ignorée : 3\n2 versements écrits dans ${out}`
    })
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual([
      { id: "v-1", date: "2024-03-28", amount: "15000.00", year: 2024 },
      { id: "v-2", date: "2025-06-12", amount: "1.00", year: 2024 }
    ])
  })

  it("usage errors: no --kind, an unknown kind, a file that is not a spreadsheet, a missing file", async () => {
    expect((await cliAsync("import", fixture("depenses-libreoffice.csv"))).err).toMatch(
      /^caf-conventions : l'option --kind est obligatoire/u
    )
    expect((await cliAsync("import", fixture("depenses-libreoffice.csv"), "--kind", "budgets")).code).toBe(2)
    expect((await cliAsync("import", data("expenses.json"), "--kind", "expenses")).err).toMatch(
      /^caf-conventions : import lit un fichier \.csv ou \.xlsx, pas /u
    )
    const missing = await cliAsync("import", "absent.xlsx", "--kind", "expenses")
    expect([missing.code, missing.err.split("\n")[0]]).toEqual([
      2,
      "caf-conventions : impossible de lire le fichier absent.xlsx (fichier introuvable)"
    ])
    expect((await cliAsync("template", "--kind", "expenses")).err).toMatch(
      /^caf-conventions : l'option --out est obligatoire/u
    )
    expect((await cliAsync("template", "--kind", "expenses", "--out", "modele.csv")).code).toBe(2)
    expect((await cliAsync("report", data("portfolio.json"), "--repayments", "r.csv")).err).toMatch(
      /^caf-conventions : --repayments : les reversements se lisent en JSON/u
    )
  })

  it("template writes a blank workbook that import reads back", async () => {
    const out = join(scratchFolder(), "modele.xlsx")
    expect(await cliAsync("template", "--kind", "activities", "--out", out)).toEqual({
      code: 0,
      out: "",
      err: `modèle d'activités écrit dans ${out}`
    })
    const back = await cliAsync("import", out, "--kind", "activities", "--validate")
    expect(back.out).toBe(`✓ ${out} : 1 activité, valide`)
  })

  it("check runs a scenario whose records are spreadsheet files; a faulty one fails the scenario with its problems", async () => {
    const folder = scratchFolder()
    writeFileSync(join(folder, "depenses.csv"), readFileSync(fixture("depenses-libreoffice.csv")))
    writeFileSync(join(folder, "portfolio.json"), readFileSync(data("portfolio.json")))
    const scenario = JSON.parse(readFileSync(join("examples", "scenarios", "funding-use.json"), "utf8"))
    const json = join(folder, "scenario.json")
    writeFileSync(
      json,
      JSON.stringify({
        ...scenario,
        convention: { ...scenario.convention, file: "portfolio.json" },
        payments: [],
        expenses: "depenses.csv",
        expected: {}
      })
    )
    const passed = await cliAsync("check", json)
    expect(passed.out.split("\n").at(-1)).toBe("1 scénario : 1 conforme, 0 en échec")
    writeFileSync(join(folder, "depenses.csv"), "Identifiant;Date;Montant;Catégorie\nd-1;14/03/2024;1,001;experts\n")
    const failed = await cliAsync("check", json)
    expect(failed.code).toBe(1)
    expect(failed.out).toContain("ligne 2, colonne « Montant » : « 1,001 » a plus de deux décimales")
  })
})
