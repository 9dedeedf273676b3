/**
 * A 200 000-row expenses workbook read with bounded memory: `npx tsx bench/spreadsheet.ts [rows]`
 * writes the workbook (and the same rows as CSV) in a child process, then reads each in a fresh
 * process and prints the time and the peak memory (RSS) of the reading process; then, for
 * comparison, the peak memory of exceljs loading the whole workbook. Not part of `npm run bench`:
 * run it on its own (a few minutes).
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { resourceUsage } from "node:process"
import { fileURLToPath } from "node:url"
import ExcelJS from "exceljs"

const CATEGORIES = [
  "Frais de personnel",
  "Intervenants et experts extérieurs",
  "Formation",
  "Déplacements",
  "Frais généraux",
  "Matériel"
]
const SECTORS = ["Jeunesse", "Parentalité", "Enfance", "Animation de la vie sociale"]
const HEADERS = ["Identifiant", "Date", "Montant", "Catégorie", "Secteur", "Pièce justificative", "Description"]

/** Row `i`: a date in 2024, an amount with cents, labels as people write them. */
function row(i: number): Array<string | number | Date> {
  const day = new Date(Date.UTC(2024, 0, 1 + (i % 366)))
  return [
    `dep-${String(i).padStart(6, "0")}`,
    day,
    ((i * 7919) % 500_000) / 100 + 1,
    CATEGORIES[i % CATEGORIES.length] as string,
    SECTORS[i % SECTORS.length] as string,
    `FAC-${i}`,
    `Dépense n° ${i}`
  ]
}

async function generate(rows: number, folder: string): Promise<void> {
  // The streaming writer, so that generating does not hold the sheet in memory either.
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: join(folder, "depenses.xlsx"),
    useSharedStrings: true
  })
  const sheet = writer.addWorksheet("Dépenses")
  sheet.addRow(HEADERS).commit()
  for (let i = 1; i <= rows; i++) sheet.addRow(row(i)).commit()
  sheet.commit()
  await writer.commit()
  const lines = [HEADERS.join(";")]
  for (let i = 1; i <= rows; i++) {
    const [id, date, amount, ...rest] = row(i)
    const d = date as Date
    lines.push(
      [
        id,
        `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`,
        (amount as number).toFixed(2).replace(".", ","),
        ...rest
      ].join(";")
    )
  }
  writeFileSync(join(folder, "depenses.csv"), `${lines.join("\n")}\n`)
}

async function read(file: string): Promise<void> {
  const { readSpreadsheetFile } = await import("../src/spreadsheet/index.js")
  const start = performance.now()
  const result = await readSpreadsheetFile("expenses", file)
  const ms = performance.now() - start
  let cents = 0n
  for (const expense of result.records) cents += expense.amount.toCents()
  console.log(
    JSON.stringify({
      records: result.records.length,
      totalCents: String(cents),
      ms: Math.round(ms),
      peakMiB: Math.round(resourceUsage().maxRSS / 1024)
    })
  )
}

/** For comparison: exceljs loading the whole workbook in memory, as a non-streaming reader does. */
async function whole(file: string): Promise<void> {
  const start = performance.now()
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  const rows = book.worksheets[0]?.rowCount ?? 0
  console.log(
    JSON.stringify({
      rows,
      ms: Math.round(performance.now() - start),
      peakMiB: Math.round(resourceUsage().maxRSS / 1024)
    })
  )
}

const [mode = "all", argument] = process.argv.slice(2)
if (mode === "generate") await generate(Number(argument), process.argv[4] as string)
else if (mode === "read") await read(argument as string)
else if (mode === "whole") await whole(argument as string)
else {
  const rows = Number(mode === "all" ? 200_000 : mode)
  const folder = mkdtempSync(join(tmpdir(), "caf-spreadsheet-bench-"))
  const self = fileURLToPath(import.meta.url)
  const tsx = ["--import", "tsx", self]
  let start = performance.now()
  execFileSync(process.execPath, [...tsx, "generate", String(rows), folder], { stdio: "inherit" })
  console.log(
    `generated ${rows} rows in ${Math.round(performance.now() - start)} ms: depenses.xlsx ${(statSync(join(folder, "depenses.xlsx")).size / 2 ** 20).toFixed(1)} MiB, depenses.csv ${(statSync(join(folder, "depenses.csv")).size / 2 ** 20).toFixed(1)} MiB`
  )
  for (const [reading, name] of [
    ["read", "depenses.xlsx"],
    ["read", "depenses.csv"],
    ["whole", "depenses.xlsx"]
  ] as const) {
    start = performance.now()
    const out = execFileSync(process.execPath, [...tsx, reading, join(folder, name)], { encoding: "utf8" })
    console.log(
      `${reading === "read" ? "readSpreadsheetFile" : "exceljs Workbook.xlsx.readFile, for comparison"}, ${name}: ${out.trim()} (process ${Math.round(performance.now() - start)} ms)`
    )
  }
}
