/**
 * Three remarks from the reviews' readers: the end-of-convention money table gives the unspent
 * part as the yearly review does; the unspent part says it is measured against the granted
 * amount when less was received; a year is over on its last day.
 */
import { describe, expect, it } from "vitest"
import { annualReport, conventionReport, renderReportMarkdown, reportTablesCsv } from "caf-conventions"
import { foundingReportInputs } from "./fixtures.js"

/** The text with its amounts' thousands separators (narrow no-break spaces) read as spaces, to write them here. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, " ")
const lines = (markdown: string) => plain(markdown).split("\n")

describe("the end-of-convention review's money table", () => {
  it("has the « Non dépensé » column: each year ended and the total of those years, empty for a year not over", () => {
    const { cpo, inputs } = foundingReportInputs()
    const markdown = lines(renderReportMarkdown(conventionReport(cpo, inputs)))
    const header = markdown.find((line) => line.startsWith("| Année | Accordé"))
    expect(header).toBe(
      "| Année | Accordé | Reçu | Report reçu | Dépenses éligibles | Employé | Non dépensé | Excédent conservé | Reporté sur l'année suivante | À reverser | En attente d'emploi | Reste à verser |"
    )
    expect(markdown).toContain(
      "| 2023 | 30 000,00 € | 15 000,00 € | 0,00 € | 500,00 € | 500,00 € | 29 500,00 € | 0,00 € | 0,00 € | 14 500,00 € | 0,00 € | 0,00 € |"
    )
    expect(markdown).toContain(
      "| 2025 | 30 000,00 € | 0,00 € | 0,00 € | 0,00 € | 0,00 € |  | 0,00 € | 0,00 € | 0,00 € | 0,00 € | 15 000,00 € |"
    )
    expect(markdown).toContain(
      "| Total | 90 000,00 € | 45 000,00 € | 0,00 € | 29 750,00 € | 29 750,00 € | 30 250,00 € | 0,00 € | 0,00 € | 15 250,00 € | 0,00 € | 15 000,00 € |"
    )
  })

  it("says the same total as the spreadsheet table", () => {
    const { cpo, inputs } = foundingReportInputs()
    const csv = reportTablesCsv(conventionReport(cpo, inputs)).find((table) => table.id === "financement-par-annee")
    const total = csv?.csv.split("\r\n").find((line) => line.startsWith("Total;"))
    expect(total?.split(";")[6]).toBe("30250,00")
  })
})

describe("the unspent part of a year over", () => {
  it("is measured against the granted amount, and says what of it was never paid when less was received", () => {
    const { cpo, inputs } = foundingReportInputs()
    const markdown = plain(renderReportMarkdown(annualReport(cpo, { ...inputs, year: 2023 })))
    expect(markdown).toContain(
      "- Part non dépensée du montant accordé : 29 500,00 € (15 000,00 € non versés, 14 500,00 € reçus et non dépensés)"
    )
  })

  it("keeps its short wording when the whole grant was received", () => {
    const { cpo, inputs } = foundingReportInputs()
    const markdown = plain(renderReportMarkdown(annualReport(cpo, { ...inputs, year: 2024 })))
    expect(markdown).toContain("- Part non dépensée : 750,00 €\n")
  })
})

describe("a year is over on its last day", () => {
  it("on 31 December the yearly review gives the unspent part and no longer says « en cours »", () => {
    const { cpo, inputs } = foundingReportInputs()
    const report = annualReport(cpo, { ...inputs, year: 2024, asOf: "2024-12-31" })
    expect(report.funding.state).toBe("ended")
    const markdown = plain(renderReportMarkdown(report))
    // The balance of 2024 is paid in 2025: on 31/12/2024 only the advance was received.
    expect(markdown).toContain("- Part non dépensée du montant accordé : 750,00 € (750,00 € non versés)\n")
    expect(markdown).not.toContain("année en cours")
    expect(markdown).not.toContain("Part non dépensée : établie à la fin de l'année")
  })

  it("on 30 December the year is still in progress", () => {
    const { cpo, inputs } = foundingReportInputs()
    const report = annualReport(cpo, { ...inputs, year: 2024, asOf: "2024-12-30" })
    expect(report.funding.state).toBe("in-progress")
    expect(plain(renderReportMarkdown(report))).toContain(
      "- Part non dépensée : établie à la fin de l'année (année en cours)"
    )
  })
})
