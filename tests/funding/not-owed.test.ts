/**
 * An instalment left with nothing to pay is `not-owed`, with the reason: a termination, a
 * withdrawal, money of the previous year deducted from it, or the year's right reached; it is
 * never `paid` when nothing was paid.
 */
import { describe, expect, it } from "vitest"
import {
  annualReport,
  evaluateFundingUse,
  instalmentStatusText,
  parseExpense,
  parsePayment,
  renderReportMarkdown
} from "caf-conventions"
import { cpo } from "../fixtures.js"

const pay = (id: string, date: string, amount: string) => parsePayment({ id, date, amount, year: 2024 })
const spend = (id: string, date: string, amount: string) =>
  parseExpense({ id, date, amount, category: "experts", document: `F-${id}` })

const nbsp = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

describe("an instalment with nothing left to pay", () => {
  it("after a termination on 30 April 2024: the balance of 0,00 € is not owed, because of the termination", () => {
    // 30 000 € a year, 50 % advance on 31 March (fixed before the termination was known), the
    // convention terminated on 30 April: 2024 is worth 30 000 × 121/366 = 9 918,03 €, which the
    // advance of 15 000 € already exceeds, so the balance is 0,00 €.
    const ended = cpo(
      (json) =>
        (json.termination = { date: "2024-04-30", reason: "Dissolution de l'association", requestedBy: "partenaire" })
    )
    const use = evaluateFundingUse(ended, {
      year: 2024,
      payments: [pay("p-a", "2024-03-29", "15000")],
      expenses: [spend("e", "2024-04-15", "9000")],
      asOf: "2024-12-31"
    })
    expect(use.schedule.amount.toString()).toBe("9918.03")
    expect(
      use.instalments.map((position) => [
        position.instalment.key,
        position.instalment.amount.toString(),
        position.paid.toString(),
        position.status,
        position.notOwed,
        instalmentStatusText(position)
      ])
    ).toEqual([
      ["advance", "15000.00", "15000.00", "paid", undefined, "payé (2 jours avant l'échéance)"],
      ["balance", "0.00", "0.00", "not-owed", "termination", "non dû (convention résiliée)"]
    ])
    const payments = use.explanation.children.find((child) => child.ruleId === "payments")
    expect(nbsp(payments?.children[1]?.sentence ?? "")).toBe(
      "0,00 € prévus, 0,00 € versés : non dû (convention résiliée)."
    )
    // The annual report shows it in the table of instalments.
    const report = annualReport(ended, {
      year: 2024,
      activities: [],
      payments: [pay("p-a", "2024-03-29", "15000")],
      expenses: [spend("e", "2024-04-15", "9000")],
      asOf: "2024-12-31"
    })
    const balanceLine = renderReportMarkdown(report)
      .split("\n")
      .find((line) => line.startsWith("| Solde"))
    expect(nbsp(balanceLine ?? "")).toMatch(/^\| Solde .*\| 0,00 € \|.*\| non dû \(convention résiliée\) \|$/u)
  })

  it("without a termination, an unpaid instalment of a settled year is not owed because the year's right is reached", () => {
    const use = evaluateFundingUse(cpo(), {
      year: 2024,
      payments: [pay("p-a", "2024-03-29", "15000")],
      expenses: [spend("e", "2024-05-01", "12000")],
      reportsAcceptedOn: "2025-05-15",
      asOf: "2025-12-31"
    })
    expect(use.settlement.stillToPay.toString()).toBe("0.00")
    expect(
      use.instalments.map((position) => [position.status, position.notOwed, instalmentStatusText(position)])
    ).toEqual([
      ["paid", undefined, "payé (2 jours avant l'échéance)"],
      ["not-owed", "entitlement-reached", "non dû (droit de l'année atteint)"]
    ])
  })

  it("says why in words for each reason", () => {
    expect(
      (["termination", "withdrawal", "offset", "entitlement-reached"] as const).map((notOwed) =>
        instalmentStatusText({ status: "not-owed", notOwed })
      )
    ).toEqual([
      "non dû (convention résiliée)",
      "non dû (subvention retirée)",
      "non dû (réglé par le reliquat de l'année précédente)",
      "non dû (droit de l'année atteint)"
    ])
  })
})
