/**
 * The yearly review of a year over says what is still to pay against the schedule when they
 * differ. Les P'tits Loups 2026 (tests/data/finistere): 32 000 € granted after amendment n° 1,
 * 21 000 € received, 1 500 € of 2025 deducted from the balance, so the schedule's balance is
 * 32 000 − 21 000 − 1 500 = 9 500 €; 30 000 € of eligible spending entitle the partner to
 * 30 000 − 22 500 = 7 500 €.
 */
import { annualReport, parseExpenses, parsePayments, parsePortfolio, renderReportMarkdown } from "caf-conventions"
import { describe, expect, it } from "vitest"
import { finistereData } from "../fixtures.js"

describe("the yearly review's « Reste à verser »", () => {
  it("gives 7 500,00 € on the eligible spending and the 9 500,00 € the schedule still plans", () => {
    const portfolio = parsePortfolio(finistereData("portfolio.json"))
    const convention = portfolio.conventions.find((c) => c.id === "cpo-ptits-loups-2025-2027")
    if (convention === undefined) throw new Error("no convention")
    const review = renderReportMarkdown(
      annualReport(convention, {
        year: 2026,
        asOf: "2026-12-31",
        activities: [],
        payments: parsePayments(finistereData("c-payments.json")),
        expenses: parseExpenses(finistereData("c-expenses.json"))
      })
    ).replace(/[\u00a0\u202f]/gu, " ")
    expect(review).toContain("| Solde | 9 500,00 € (après déduction de 1 500,00 € de 2025) | 30/04/2027 |")
    expect(review).toContain(
      "- Reste à verser : 7 500,00 € au vu des dépenses éligibles (l'échéancier, calculé sur le montant accordé, prévoit encore 9 500,00 €)"
    )
  })
})
