/**
 * The amended centre social (examples/data/centre-social*.json, illustrative): amendment n° 1,
 * signed on 4 July 2024 after the 2024 advance was paid, adds the sector *jeunesse* and raises the
 * yearly amount from 20 000 € to 22 000 € from 1 September 2024. Every figure is written out.
 * Then the financial report's receipt when its day is not given (docs/reports.md).
 */
import { describe, expect, it } from "vitest"
import {
  annualReport,
  conventionReport,
  evaluateFundingUse,
  parseFinancialReport,
  parsePortfolio,
  renderReportMarkdown,
  reportTables
} from "caf-conventions"
import { exampleData } from "../fixtures.js"
import { centreSocialReportInputs, foundingReportInputs } from "./fixtures.js"

const plain = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

describe("the amended centre social", () => {
  it("2024: 20 000 € until 31 August, 22 000 € a year from 1 September, 20 666,67 € for the year", () => {
    const { portfolio, inputs } = centreSocialReportInputs()
    const report = annualReport(portfolio.conventions[0]!, { ...inputs, year: 2024 })
    const schedule = report.funding.schedule
    expect([schedule.amount.toString(), schedule.initialAmount?.toString()]).toEqual(["20666.67", "20000.00"])
    const table = reportTables(report).find((entry) => entry.id === "avenants")!
    expect(
      table.rows.map((row) =>
        row.map((cell) => plain(cell.kind === "text" ? cell.text : cell.kind === "date" ? cell.date : String(cell)))
      )
    ).toEqual([
      [
        "n° 1",
        "2024-07-04",
        "2024-09-01",
        "Ouverture d'un accueil de jeunes de 11 à 17 ans le mercredi et pendant les vacances scolaires, à partir de la rentrée de septembre 2024 (exemple illustratif)",
        "secteur ajouté : Jeunesse ; montant annuel porté à 22 000,00 €",
        "20 000,00 € par an",
        "22 000,00 € par an"
      ]
    ])
  })

  it("2024: the advance of 10 000,00 € (known on 31 March, before the amendment), the balance of 10 666,67 € on the acceptance of the reports", () => {
    const { portfolio, inputs } = centreSocialReportInputs()
    const { funding } = annualReport(portfolio.conventions[0]!, { ...inputs, year: 2024 })
    expect(
      funding.instalments.map((position) => [
        position.instalment.kind,
        position.instalment.amount.toString(),
        position.instalment.dueDate,
        position.instalment.deadline,
        position.paid.toString(),
        position.completedOn,
        position.status
      ])
    ).toEqual([
      ["advance", "10000.00", "2024-03-31", "2024-05-30", "10000.00", "2024-03-26", "paid"],
      ["balance", "10666.67", "2025-05-20", "2025-07-19", "10666.67", "2025-06-12", "paid"]
    ])
  })

  it("2024 settled: 20 270,00 € of eligible spending, 396,67 € unspent and to repay; the furniture bought before the amendment left out", () => {
    const { portfolio, inputs } = centreSocialReportInputs()
    const { funding } = annualReport(portfolio.conventions[0]!, { ...inputs, year: 2024 })
    const s = funding.settlement
    expect(
      [s.granted, s.received, s.eligibleSpend, s.usedOnEligible, s.unspent, s.toRepay, s.stillToPay].map(String)
    ).toEqual(["20666.67", "20666.67", "20270.00", "20270.00", "396.67", "396.67", "0.00"])
    expect([funding.repayment.demanded.toString(), funding.repayment.demandedOn, funding.repayment.dueDate]).toEqual([
      "396.67",
      // demanded on the day the balance was paid (12/06/2025), after the reports were accepted
      "2025-06-12",
      "2025-08-11"
    ])
    expect(
      funding.ineligibleExpenses.map((expense) => [expense.id, expense.amount.toString(), expense.reason])
    ).toEqual([["cs-dep-2024-mobilier-jeunes", "850.00", "sector-not-covered"]])
    // The youth worker's pay, dated 31 December, is in the sector the amendment added: counted.
    expect(funding.eligibleExpenses.map((expense) => expense.id)).toContain("cs-dep-2024-animateur-jeunes")
  })

  it("the whole convention: 64 666,67 € granted (20 666,67 + 22 000 + 22 000), 31 666,67 € received, the 2025 advance of 11 000,00 €", () => {
    const { portfolio, inputs } = centreSocialReportInputs()
    const report = conventionReport(portfolio.conventions[0]!, inputs)
    expect(report.years.map((year) => year.funding.schedule.amount.toString())).toEqual([
      "20666.67",
      "22000.00",
      "22000.00"
    ])
    expect(report.years[1]!.funding.instalments.map((position) => position.instalment.amount.toString())).toEqual([
      "11000.00",
      "11000.00"
    ])
    expect(
      [report.totals.granted, report.totals.received, report.totals.toRepay, report.totals.awaitingUse].map(String)
    ).toEqual(["64666.67", "31666.67", "396.67", "11000.00"])
  })

  it("the reviews write the amendment, the sector it adds and the year's amount", () => {
    const { portfolio, inputs } = centreSocialReportInputs()
    const text = plain(renderReportMarkdown(annualReport(portfolio.conventions[0]!, { ...inputs, year: 2024 })))
    expect(text).toContain(
      "- Secteurs : Animation de la vie sociale, Parentalité ; Jeunesse à partir du 01/09/2024 (avenant n° 1)"
    )
    expect(text).toContain(
      "| n° 1 | 04/07/2024 | 01/09/2024 | Ouverture d'un accueil de jeunes de 11 à 17 ans le mercredi et pendant les vacances scolaires, à partir de la rentrée de septembre 2024 (exemple illustratif) | secteur ajouté : Jeunesse ; montant annuel porté à 22 000,00 € | 20 000,00 € par an | 22 000,00 € par an |"
    )
    expect(text).toContain(
      "Montant 2024 : 20 666,67 € (20 000,00 € × 244/366 + 22 000,00 € × 122/366, après l'avenant n° 1 ; prévu initialement : 20 000,00 €)"
    )
    expect(text).toContain("- À reverser : 396,67 € ; demandé le 12/06/2025, à reverser au plus tard le 11/08/2025")
    // Before its signature, the review knows neither the amendment nor the sector.
    const before = plain(
      renderReportMarkdown(annualReport(portfolio.conventions[0]!, { ...inputs, year: 2024, asOf: "2024-07-03" }))
    )
    expect([
      before.includes("Avenant"),
      before.includes("- Secteurs : Animation de la vie sociale, Parentalité\n")
    ]).toEqual([false, true])
  })
})

describe("the financial report received on a day not given", () => {
  const founding = () => foundingReportInputs()
  const use = (options: Record<string, unknown>) =>
    evaluateFundingUse(founding().cpo, {
      year: 2024,
      payments: founding().inputs.payments,
      expenses: founding().inputs.expenses,
      asOf: "2025-07-15",
      ...options
    }).financialReport!

  it("is held received by the day the year's reports were accepted: not late, and said so", () => {
    const report = use({ reportsAcceptedOn: "2025-05-20" })
    expect([report.late, report.receivedOn, report.receivedUndated]).toEqual([
      false,
      undefined,
      { evidence: "reports-accepted", by: "2025-05-20" }
    ])
    const { cpo, inputs } = founding()
    const text = plain(renderReportMarkdown(annualReport(cpo, { ...inputs, year: 2024 })))
    expect(text).toContain(
      "- Compte rendu financier : attendu au plus tard le 30/06/2025, reçu (date de réception non renseignée ; bilans acceptés le 20/05/2025)\n"
    )
  })

  it("is late once its due day is past when nothing shows it was received, or the acceptance is after the report's day", () => {
    expect([use({}).late, use({}).receivedUndated]).toEqual([true, undefined])
    const later = use({ reportsAcceptedOn: "2025-08-01" })
    expect([later.late, later.receivedUndated]).toEqual([true, undefined])
    expect(use({ asOf: "2025-06-30" }).late).toBe(false)
  })

  it("a day given decides: received after its due day is late, even when the reports were accepted", () => {
    const report = use({ reportsAcceptedOn: "2025-07-10", financialReportReceivedOn: "2025-07-02" })
    expect([report.late, report.receivedOn, report.receivedUndated]).toEqual([true, "2025-07-02", undefined])
  })

  it("is received when the report itself is given without its day", () => {
    const document = parseFinancialReport({
      conventionId: "cpo-2023-2025",
      year: 2024,
      charges: [{ account: "64", forecast: "20000", actual: "18000" }],
      products: []
    })
    const report = use({ financialReport: document })
    expect([report.late, report.receivedUndated]).toEqual([false, { evidence: "document" }])
  })
})

it("the example data decodes: the centre social's amendment is known to the portfolio", () => {
  const convention = parsePortfolio(exampleData("centre-social.json")).conventions[0]!
  expect(
    convention.amendments.map((amendment) => [amendment.number, amendment.signatureDate, amendment.effectiveDate])
  ).toEqual([[1, "2024-07-04", "2024-09-01"]])
})
