/**
 * Errors a person can act on: each problem names the file, the sheet, the row and the column as
 * the spreadsheet shows them, in French; all problems at once; nothing skipped silently.
 */
import { Readable } from "node:stream"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { InvalidArgumentError } from "caf-conventions"
import { SpreadsheetError, readCsv, readWorkbook } from "caf-conventions/spreadsheet"

/** The error a reader throws (or rejects with), checked to be a SpreadsheetError. */
async function failure(read: () => unknown): Promise<SpreadsheetError> {
  try {
    await read()
  } catch (error) {
    expect(error).toBeInstanceOf(SpreadsheetError)
    return error as SpreadsheetError
  }
  throw new Error("expected the spreadsheet to be refused")
}
const texts = (error: SpreadsheetError): Array<string> => error.problems.map((problem) => problem.text)

/** A workbook of one sheet with these rows (row 1 the headers), and merged ranges. */
async function workbook(
  sheet: string,
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  merges: ReadonlyArray<string> = []
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const page = book.addWorksheet(sheet)
  rows.forEach((row, index) => {
    if (row.length > 0) page.getRow(index + 1).values = [...row] as Array<ExcelJS.CellValue>
  })
  for (const range of merges) page.mergeCells(range)
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer)
}

const EXPENSE_HEADERS = ["Identifiant", "Date", "Montant", "Catégorie", "Pièce justificative"]
const expenseRow = (id: string, amount: unknown = 100): Array<unknown> => [
  id,
  new Date("2024-03-14T00:00:00Z"),
  amount,
  "Frais généraux",
  `P-${id}`
]

describe("a problem names the file, the sheet, the row and the column", () => {
  it("Dépenses, ligne 12, colonne « Montant » : « 1 200,505 » a plus de deux décimales", async () => {
    const rows = [
      EXPENSE_HEADERS,
      ...Array.from({ length: 10 }, (_, i) => expenseRow(`d-${i + 2}`)),
      expenseRow("d-12", "1 200,505")
    ]
    const bytes = await workbook("Dépenses", rows)
    // From a stream, as from bytes.
    const refused = await failure(() =>
      readWorkbook("expenses", Readable.from([Buffer.from(bytes)]), { file: "depenses.xlsx" })
    )
    expect(refused.problems).toEqual([
      {
        file: "depenses.xlsx",
        sheet: "Dépenses",
        row: 12,
        column: "Montant",
        message: "« 1 200,505 » a plus de deux décimales",
        text: "Dépenses, ligne 12, colonne « Montant » : « 1 200,505 » a plus de deux décimales"
      }
    ])
    expect(refused.frenchMessage).toBe(
      "depenses.xlsx : 1 problème\n  Dépenses, ligne 12, colonne « Montant » : « 1 200,505 » a plus de deux décimales"
    )
  })

  it("a CSV problem names the row and the column (a CSV has no sheet)", async () => {
    const error = await failure(() =>
      readCsv("expenses", "Identifiant;Date;Montant;Catégorie\nd-1;14/03/2024;1 200,505;experts\n", {
        file: "depenses.csv"
      })
    )
    expect(error.problems).toEqual([
      {
        file: "depenses.csv",
        row: 2,
        column: "Montant",
        message: "« 1 200,505 » a plus de deux décimales",
        text: "ligne 2, colonne « Montant » : « 1 200,505 » a plus de deux décimales"
      }
    ])
  })

  it("the column is named as the file writes it, not as the library does", async () => {
    const error = await failure(() => readCsv("expenses", "N°;DATE;montant ttc;Poste\nd-1;14/03/2024;douze;experts\n"))
    expect(texts(error)).toEqual([
      "ligne 2, colonne « montant ttc » : « douze » n'est pas un montant (écrivez par exemple 1 200,50)"
    ])
    expect(error.problems[0]?.file).toBe("tableur")
  })

  it("a number cell is read at the 15 significant digits a spreadsheet shows: two decimals at most", async () => {
    const bytes = await workbook("Dépenses", [
      EXPENSE_HEADERS,
      expenseRow("d-1", 1200.505),
      expenseRow("d-2", 0.001),
      expenseRow("d-3", 1.005)
    ])
    const error = await failure(() => readWorkbook("expenses", bytes))
    expect(texts(error)).toEqual([
      "Dépenses, ligne 2, colonne « Montant » : « 1200,505 » a plus de deux décimales",
      "Dépenses, ligne 3, colonne « Montant » : « 0,001 » a plus de deux décimales",
      "Dépenses, ligne 4, colonne « Montant » : « 1,005 » a plus de deux décimales"
    ])
    // 0.1 + 0.2 is stored as 0.30000000000000004 and 127.27 + 1 as 128.26999999999998: shown, and read, as 0,30 and 128,27.
    const fine = await readWorkbook(
      "expenses",
      await workbook("Dépenses", [
        EXPENSE_HEADERS,
        expenseRow("d-1", 1200.5),
        expenseRow("d-2", 0.07),
        expenseRow("d-3", 0.1 + 0.2),
        expenseRow("d-4", 127.27 + 1),
        expenseRow("d-5", 9_999_999_999_999.99)
      ])
    )
    expect(fine.records.map((expense) => expense.amount.toString())).toEqual([
      "1200.50",
      "0.07",
      "0.30",
      "128.27",
      "9999999999999.99"
    ])
  })

  it("the decoders' own rules apply, at the row and column of the value", async () => {
    const error = await failure(() =>
      readCsv("expenses", "Identifiant;Date;Montant;Catégorie\nd 1;31/02/2024;-3;experts\n")
    )
    expect(error.problems.map((problem) => [problem.row, problem.column])).toEqual([
      [2, "Identifiant"],
      [2, "Date"],
      [2, "Montant"]
    ])
    // The impossible day is quoted as the cell shows it, not as the date it would have become.
    expect(error.problems[1]?.message).toBe("« 31/02/2024 » n'est pas une date : ce mois compte 29 jours")
    // The decoders' French messages, as for JSON.
    expect(error.problems[2]?.message).toBe("le montant -3,00\u00a0€ est négatif : il doit être positif ou nul")
  })

  it("a field with no column is named by the header it would take", async () => {
    const error = await failure(() => readCsv("payments", "Identifiant;Date;Montant\nv-1;28/03/2024;15000\n"))
    expect(error.problems).toHaveLength(1)
    expect(error.problems[0]).toMatchObject({ row: 2, column: "Année" })
    expect(error.problems[0]?.message).toBe("le champ obligatoire « year » manque (colonne « Année » absente ou vide)")
  })

  it("a day or a month that does not exist, written JJ/MM/AAAA, is told as written", async () => {
    const error = await failure(() =>
      readCsv("payments", "Identifiant;Année;Date;Montant\nv-1;2025;31/04/2025;100\nv-2;2025;12/13/2025;100\n")
    )
    expect(error.problems.map((problem) => [problem.row, problem.column, problem.message])).toEqual([
      [2, "Date", "« 31/04/2025 » n'est pas une date : ce mois compte 30 jours"],
      [3, "Date", "« 12/13/2025 » n'est pas une date : il n'y a pas de mois 13 (écrivez JJ/MM/AAAA)"]
    ])
  })

  it("a structure's problem is reported at the row of that structure", async () => {
    const csv =
      "Identifiant;Date;Nature;Structure;Forme juridique;Département;Situation\na-1;02/05/2024;Action collective;s-1;Association loi 1901;91;En difficulté\na-1;;;s-2;Association loi 1901;999;En difficulté\n"
    const error = await failure(() => readCsv("activities", csv))
    expect(error.problems.map((problem) => [problem.row, problem.column])).toEqual([[3, "Département"]])
  })
})

describe("every problem at once, nothing skipped silently", () => {
  it("lists the problems of every row and column, in row then column order", async () => {
    const csv =
      "Identifiant;Date;Montant;Catégorie;Couleur\nd-1;14/03/2024;1 200,505;experts;bleu\n\nd-2;hier;12;cadeaux;\nd-3;2024-01-01;5;experts;\n"
    const error = await failure(() => readCsv("expenses", csv, { file: "d.csv" }))
    expect(texts(error)).toEqual([
      "ligne 1, colonne « Couleur » : colonne inconnue ; colonnes acceptées : Identifiant, Date, Montant, Catégorie, Secteur, Activité, Cofinancements, Convention, Pièce justificative, Description (voir docs/spreadsheets.md)",
      "ligne 2, colonne « Montant » : « 1 200,505 » a plus de deux décimales",
      "ligne 4, colonne « Date » : « hier » n'est pas une date (écrivez JJ/MM/AAAA ou AAAA-MM-JJ)",
      "ligne 4, colonne « Catégorie » : « cadeaux » n'est pas dans la liste : Frais de personnel, Intervenants et experts extérieurs, Formation, Déplacements, Frais généraux, Matériel, Autres dépenses"
    ])
    expect(error.skippedRows).toEqual([3])
    expect(error.frenchMessage.split("\n").at(-1)).toBe("  ligne vide ignorée : 3")
  })

  it("an empty row between records is reported as skipped, with its number; the blank tail is not", async () => {
    const read = readCsv(
      "payments",
      "Identifiant;Date;Montant;Année\nv-1;28/03/2024;15000;2024\n;;;\n\nv-2;12/06/2025;15000;2024\n\n\n"
    )
    expect(read.records.map((payment) => payment.id)).toEqual(["v-1", "v-2"])
    expect(read.skippedRows).toEqual([3, 4])
    const book = await readWorkbook(
      "payments",
      await workbook("Versements", [
        ["Identifiant", "Date", "Montant", "Année"],
        ["v-1", "28/03/2024", 15000, 2024],
        [],
        [],
        ["v-2", "2025-06-12", "15 000,00", 2024]
      ])
    )
    expect(book.skippedRows).toEqual([3, 4])
    expect(book.records.map((payment) => payment.amount.toString())).toEqual(["15000.00", "15000.00"])
  })

  it("lists the first 100 problems and counts the others", async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `d-${i};14/03/2024;1,001;experts`).join("\n")
    const error = await failure(() => readCsv("expenses", `Identifiant;Date;Montant;Catégorie\n${rows}\n`))
    expect(error.problems).toHaveLength(100)
    expect(error.omittedProblems).toBe(50)
    expect(error.frenchMessage.split("\n").at(-1)).toBe("  … et 50 autres problèmes")
  })

  it("a value in a column without a header is reported", async () => {
    const error = await failure(() =>
      readCsv("payments", "Identifiant;Date;Montant;Année\nv-1;28/03/2024;15000;2024;oublié\n")
    )
    expect(texts(error)).toEqual(["ligne 2, colonne E : valeur sans en-tête de colonne"])
  })
})

describe("headers", () => {
  it("an unknown column is reported, not ignored", async () => {
    const error = await failure(() =>
      readCsv("payments", "Identifiant;Date;Montant;Année;SIRET\nv-1;28/03/2024;15000;2024;\n")
    )
    expect(error.problems[0]).toMatchObject({ row: 1, column: "SIRET" })
    expect(error.problems[0]?.message).toMatch(
      /^colonne inconnue ; colonnes acceptées : Identifiant, Date, Montant, Année, Échéance, Convention, Libellé/u
    )
  })

  it("two columns for one field are refused", async () => {
    const error = await failure(() =>
      readCsv("payments", "Identifiant;Référence;Date;Montant;Année\nv-1;v-1;28/03/2024;15000;2024\n")
    )
    expect(texts(error)).toEqual([
      "ligne 1, colonne « Référence » : même champ que la colonne « Identifiant » (Identifiant) ; gardez-en une"
    ])
  })

  it("an empty first line is refused: the headers are on the first line", async () => {
    const error = await failure(() =>
      readCsv("payments", "\nIdentifiant;Date;Montant;Année\nv-1;28/03/2024;15000;2024\n")
    )
    expect(texts(error)).toHaveLength(1)
    expect(texts(error)[0]).toBe(
      "ligne 1 : la première ligne doit porter les en-têtes des colonnes (Identifiant, Date, Montant, Année, Échéance, Convention, Libellé)"
    )
  })

  it("merged headers are refused with a message that names them", async () => {
    const bytes = await workbook(
      "Dépenses",
      [
        ["Dépense", "", "Montant", "Catégorie"],
        ["d-1", "14/03/2024", 10, "experts"]
      ],
      ["A1:B1"]
    )
    const error = await failure(() => readWorkbook("expenses", bytes, { file: "fusion.xlsx" }))
    expect(texts(error)).toContain(
      "Dépenses, ligne 1 : en-têtes fusionnés (A1:B1) : chaque colonne doit avoir son propre en-tête, sur la première ligne ; défusionnez les cellules"
    )
    expect(texts(error)).toContain(
      "Dépenses, ligne 1, colonne B : en-tête vide (une cellule fusionnée ?) ; chaque colonne a son propre en-tête sur la première ligne"
    )
  })

  it("merged data cells are refused too: each row carries its own values", async () => {
    const bytes = await workbook("Dépenses", [EXPENSE_HEADERS, expenseRow("d-1"), expenseRow("d-2")], ["D2:D3"])
    const error = await failure(() => readWorkbook("expenses", bytes))
    expect(texts(error)).toContain(
      "Dépenses, ligne 2 : cellules fusionnées (D2:D3) : chaque ligne doit porter ses propres valeurs ; défusionnez les cellules"
    )
  })
})

describe("files that are not what they claim", () => {
  it("a CSV file that is not UTF-8 (Windows-1252) is refused with the way out", async () => {
    const latin1 = Buffer.from("Identifiant;Date;Montant;Catégorie\n", "latin1")
    const error = await failure(() => readCsv("expenses", latin1, { file: "export.csv" }))
    expect(texts(error)).toEqual(["le fichier n'est pas encodé en UTF-8 ; enregistrez-le au format « CSV UTF-8 »"])
  })

  it("a CSV quote left open is refused", async () => {
    const error = await failure(() =>
      readCsv("payments", 'Identifiant;Date;Montant;Année\n"v-1;28/03/2024;15000;2024\n')
    )
    expect(error.problems[0]?.message).toBe("le fichier n'est pas un CSV lisible (un guillemet non refermé ?)")
  })

  it("bytes that are not a workbook are refused", async () => {
    const error = await failure(() =>
      readWorkbook("payments", new TextEncoder().encode("Identifiant;Date\n"), { file: "faux.xlsx" })
    )
    expect(texts(error)).toEqual(["ce n'est pas un classeur XLSX lisible (un fichier .xls, .ods ou abîmé ?)"])
  })

  it("a workbook without the kind's sheet, of several sheets, is refused with the names of its sheets", async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet("Budget").getCell("A1").value = "x"
    book.addWorksheet("Notes").getCell("A1").value = "y"
    const error = await failure(async () =>
      readWorkbook("expenses", new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer))
    )
    expect(texts(error)).toEqual([
      "aucune feuille « Dépenses » parmi « Budget », « Notes » ; nommez la feuille « Dépenses » ou n'en gardez qu'une"
    ])
  })

  it("a date cell with a time, a number in a date column, a formula error are refused", async () => {
    const bytes = await workbook("Dépenses", [
      EXPENSE_HEADERS,
      ["d-1", new Date("2024-03-14T10:30:00Z"), 1, "experts"],
      ["d-2", 45365, 1, "experts"],
      ["d-3", "14/03/2024", { formula: "1/0", result: { error: "#DIV/0!" } }, "experts"]
    ])
    const error = await failure(() => readWorkbook("expenses", bytes))
    expect(texts(error)).toEqual([
      "Dépenses, ligne 2, colonne « Date » : « 14/03/2024 » porte une heure ; attendu une date seule",
      "Dépenses, ligne 3, colonne « Date » : « 45365 » est un nombre, pas une date (mettez la cellule au format date, ou écrivez JJ/MM/AAAA)",
      "Dépenses, ligne 4, colonne « Montant » : la formule n'a pas de valeur (une erreur comme #DIV/0!, ou un classeur jamais recalculé) ; corrigez-la ou remplacez-la par sa valeur"
    ])
  })

  it("wrong arguments are InvalidArgumentErrors", async () => {
    expect(() => readCsv("budgets" as never, "")).toThrow(InvalidArgumentError)
    expect(() => readCsv("payments", 12 as never)).toThrow(InvalidArgumentError)
    await expect(readWorkbook("payments", 12 as never)).rejects.toBeInstanceOf(InvalidArgumentError)
    await expect(readWorkbook(null as never, new Uint8Array())).rejects.toBeInstanceOf(InvalidArgumentError)
  })
})
