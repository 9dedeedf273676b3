/**
 * A report's tables as an XLSX workbook, read back with exceljs: the founding convention's 2024
 * and its whole convention, every figure written out.
 */
import ExcelJS from "exceljs"
import { afterEach, describe, expect, it, vi } from "vitest"
import { InvalidArgumentError, annualReport, conventionReport, parsePortfolio } from "caf-conventions"
import { reportTablesWorkbook } from "caf-conventions/spreadsheet"
import { foundingPortfolioJson } from "../fixtures.js"
import { foundingReportInputs } from "../reports/fixtures.js"

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as never)
  return workbook
}

const HOSTILE = '=HYPERLINK("http://evil.example","x")'

describe("the report's tables as an XLSX workbook", () => {
  it("the founding 2024: a sheet per table, typed cells in euros, dates and percentages", async () => {
    const { cpo, inputs } = foundingReportInputs()
    const workbook = await read(await reportTablesWorkbook(annualReport(cpo, { ...inputs, year: 2024 })))
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Avenants",
      "Objectifs 2024",
      "Échéancier et versements 2024",
      "Dépenses non retenues",
      "Financement par année"
    ])
    const ledger = workbook.getWorksheet("Financement par année")!
    expect((ledger.getRow(1).values as Array<unknown>).slice(1, 6)).toEqual([
      "Année",
      "Accordé",
      "Reçu",
      "Report reçu",
      "Dépenses éligibles"
    ])
    expect(ledger.getRow(1).font?.bold).toBe(true)
    // 30 000 € granted, 29 250 € spent, 750 € to repay, demanded on 12 June 2025 (the balance's payment).
    expect(ledger.getCell("B2").value).toBe(30000)
    expect(ledger.getCell("E2").value).toBe(29250)
    expect(ledger.getCell("E2").numFmt).toBe('#,##0.00 "€"')
    expect(ledger.getCell("J2").value).toBe(750)
    expect(ledger.getCell("K2").value).toEqual(new Date("2025-06-12T00:00:00Z"))
    expect(ledger.getCell("K2").numFmt).toBe("dd/mm/yyyy")
    expect(ledger.rowCount).toBe(2)
    const schedule = workbook.getWorksheet("Échéancier et versements 2024")!
    expect(schedule.getCell("B2").value).toBe("Avance")
    expect(schedule.getCell("D2").value).toBe(15000)
    const due = schedule.getCell("G2").value
    expect(due).toBeInstanceOf(Date)
    expect((due as Date).toISOString()).toBe("2024-03-31T00:00:00.000Z")
    expect(schedule.getCell("K2").value).toEqual(new Date("2024-03-28T00:00:00Z"))
    // An empty cell of the report is an empty cell of the sheet.
    expect(schedule.getCell("E2").value).toBeNull()
    const objectives = workbook.getWorksheet("Objectifs 2024")!
    // 3 structures supported for a target of at least 3: met, 100 % (the number 1).
    expect(objectives.getCell("B3").value).toBe(3)
    expect(objectives.getCell("E3").value).toBe(1)
    expect(objectives.getCell("E3").numFmt).toBe("0.0 %")
    // 2 meetings for a target of at least 1: 200 %, the number 2.
    expect(objectives.getCell("B2").value).toBe(2)
    expect(objectives.getCell("E2").value).toBe(2)
    const notCounted = workbook.getWorksheet("Dépenses non retenues")!
    expect(notCounted.getCell("B2").value).toBe("dep-2024-experts-corbeil")
    expect(notCounted.getCell("E2").value).toBe(1200)
    expect(notCounted.getCell("E3").value).toBe(300)
  })

  it("the whole convention: a title over 31 characters gives the table's id", async () => {
    const { cpo, inputs } = foundingReportInputs()
    const workbook = await read(await reportTablesWorkbook(conventionReport(cpo, inputs)))
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Avenants",
      "versements",
      "Dépenses non retenues",
      "Financement par année"
    ])
    const ledger = workbook.getWorksheet("Financement par année")!
    expect(ledger.getCell(`A${ledger.rowCount}`).value).toBe("Total")
  })

  it("a title that starts like a formula stays text, as written, never a formula", async () => {
    const json = foundingPortfolioJson()
    json.conventions[2]!.terms.objectives[0].title = HOSTILE
    const portfolio = parsePortfolio(json)
    const { inputs } = foundingReportInputs()
    const report = annualReport(portfolio.conventions[2]!, {
      ...inputs,
      partners: portfolio.partners,
      conventions: portfolio.conventions,
      year: 2024
    })
    const bytes = await reportTablesWorkbook(report)
    const sheet = (await read(bytes)).getWorksheet("Objectifs 2024")!
    const cell = sheet.getCell("A2")
    expect(cell.value).toBe(HOSTILE)
    expect(cell.type).toBe(ExcelJS.ValueType.String)
    expect(cell.numFmt).toBe("@")
    expect(cell.formula).toBeUndefined()
  })

  it("what is not a report is refused, as a rejection", async () => {
    for (const wrong of [undefined, null, 12, {}, { kind: "annual" }])
      await expect(reportTablesWorkbook(wrong as never)).rejects.toBeInstanceOf(InvalidArgumentError)
  })
})

describe("the workbook's bytes", () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  /** The MS-DOS dates of every local header and central directory record of a zip, as AAAA-MM-JJ hh:mm:ss. */
  function entryDates(bytes: Uint8Array): Array<string> {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const found: Array<string> = []
    const text = (time: number, date: number) =>
      `${(date >> 9) + 1980}-${String((date >> 5) & 15).padStart(2, "0")}-${String(date & 31).padStart(2, "0")} ${String(time >> 11).padStart(2, "0")}:${String((time >> 5) & 63).padStart(2, "0")}:${String((time & 31) * 2).padStart(2, "0")}`
    for (let at = 0; at + 46 <= bytes.length; at += 1) {
      const signature = view.getUint32(at, true)
      if (signature === 0x04034b50)
        found.push(`local ${text(view.getUint16(at + 10, true), view.getUint16(at + 12, true))}`)
      if (signature === 0x02014b50)
        found.push(`central ${text(view.getUint16(at + 12, true), view.getUint16(at + 14, true))}`)
    }
    return found
  }

  it("are the same whatever the moment it is written: dates are the report's day (15 July 2025, or the year's last day)", async () => {
    const { cpo, inputs } = foundingReportInputs()
    const report = annualReport(cpo, { ...inputs, year: 2024 })
    vi.useFakeTimers({ toFake: ["Date"] })
    vi.setSystemTime(new Date("2031-03-05T10:11:13Z"))
    const first = await reportTablesWorkbook(report)
    vi.setSystemTime(new Date("2033-11-27T23:59:58Z"))
    const second = await reportTablesWorkbook(report)
    vi.useRealTimers()
    expect(first.length).toBeGreaterThan(1000)
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true)
    const dates = new Set(entryDates(first))
    expect([...dates].sort()).toEqual(["central 2025-07-15 00:00:00", "local 2025-07-15 00:00:00"])
    // Every entry counted, in both its headers: a workbook has more than ten parts.
    expect(entryDates(first).length).toBeGreaterThan(20)
    const workbook = await read(first)
    expect([workbook.created.toISOString(), workbook.modified.toISOString()]).toEqual([
      "2025-07-15T00:00:00.000Z",
      "2025-07-15T00:00:00.000Z"
    ])
    const { asOf: _, ...undated } = inputs
    const yearEnd = await reportTablesWorkbook(annualReport(cpo, { ...undated, year: 2024 }))
    expect([...new Set(entryDates(yearEnd))].sort()).toEqual([
      "central 2024-12-31 00:00:00",
      "local 2024-12-31 00:00:00"
    ])
  })
})
