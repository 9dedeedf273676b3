/**
 * A termination or a withdrawal decided after the day it ends the convention: an instalment whose
 * own day falls after the decision is computed on the shortened year, not on the amount known on
 * the end's day, when nobody knew of the cut yet (docs/funding.md, « Instalments that fell due
 * before the decision keep their amount »).
 *
 * La Passerelle (tests/data/finistere): 48 000 € a year, advance 50 % on 31/03, 25 % on 30/09, the
 * balance on the accepted reports; the subsidy withdrawn from 15/05/2025 by a decision of
 * 20/06/2025. 2025 is funded 134 days of 365: 48 000 × 134 / 365 = 17 621,92 €. Only the advance
 * (24 000 €, due 31/03) fell due before the decision; the instalment of 30/09 falls after it: 75 %
 * of 17 621,92 € is 13 216,44 €, less the 24 000 € of the advance, so 0,00 €. What fell due exceeds
 * the year by 24 000 − 17 621,92 = 6 378,08 €.
 *
 * Les P'tits Loups (same file, without its amendment), terminated on 31/05/2026 by a decision of
 * 15/06/2026: 35 000 × 151 / 365 = 14 479,45 €; the advance of 30 % (10 500 €, 31/03) keeps its
 * amount; the instalment of 30/06 falls after the decision: 0,00 €; the balance takes
 * 14 479,45 − 10 500 = 3 979,45 €; nothing exceeds the year.
 */
import {
  type Convention,
  annualReport,
  explanationLines,
  fundingLedger,
  parseConvention,
  parseExpenses,
  parsePayments,
  parsePortfolio,
  parseRepayments,
  paymentSchedule,
  renderReportMarkdown
} from "caf-conventions"
import { type RunningServer, startServer } from "caf-conventions/server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { finistereData } from "../fixtures.js"

const portfolioJson = finistereData("portfolio.json")
const portfolio = parsePortfolio(portfolioJson)
const passerelle = portfolio.conventions.find((c) => c.id === "cpo-cs-passerelle-2024-2027") as Convention

const rows = (schedule: ReturnType<typeof paymentSchedule>) =>
  schedule.instalments.map((i) => [i.key, i.amount.toString(), i.dueDate, i.deadline])

/** Les P'tits Loups without its amendment, terminated on 31/05/2026 by a decision of `decidedOn`. */
function terminated(decidedOn: string): Convention {
  const json = finistereData("portfolio.json").conventions[0]
  json.amendments = []
  json.termination = {
    date: "2026-05-31",
    reason: "Dissolution de l'association",
    requestedBy: "partenaire",
    decidedOn
  }
  return parseConvention(json)
}

describe("a withdrawal decided after the breach (La Passerelle, 2025)", () => {
  it("owes nothing on the instalment of 30/09/2025, after the decision: 6 378,08 € exceed the year", () => {
    for (const asOf of [undefined, "2025-07-01"] as const) {
      const schedule = paymentSchedule(passerelle, { year: 2025, ...(asOf === undefined ? {} : { asOf }) })
      expect(schedule.amount.toString()).toBe("17621.92")
      expect(rows(schedule)).toEqual([
        ["advance", "24000.00", "2025-03-31", "2025-05-30"],
        ["instalment-1", "0.00", "2025-06-20", "2025-08-19"],
        ["balance", "0.00", undefined, undefined]
      ])
      expect(schedule.excess.toString()).toBe("6378.08")
    }
    // The French amounts are written with non-breaking spaces.
    const text = explanationLines(paymentSchedule(passerelle, { year: 2025, asOf: "2025-07-01" }).explanation)
      .join("\n")
      .replace(/[\u00a0\u202f]/gu, " ")
    expect(text).toContain("dépassent ce montant de 6 378,08 €")
    expect(text).toContain(
      "Deuxième versement : 25 % (75 % de 17 621,92 € moins 24 000,00 € déjà prévus) soit 0,00 € : rien à verser."
    )
  })

  it("before the decision, the instalment of 30/09/2025 is 12 000,00 € on the 48 000,00 € then known", () => {
    const schedule = paymentSchedule(passerelle, { year: 2025, asOf: "2025-06-01" })
    expect(schedule.amount.toString()).toBe("48000.00")
    expect(rows(schedule)).toEqual([
      ["advance", "24000.00", "2025-03-31", "2025-05-30"],
      ["instalment-1", "12000.00", "2025-09-30", "2025-11-29"],
      ["balance", "12000.00", undefined, undefined]
    ])
    expect(schedule.excess.toString()).toBe("0.00")
  })

  it("keeps the day and the amount of an instalment that fell due between the breach and the decision", () => {
    const json = finistereData("portfolio.json").conventions[1]
    json.terms.payment = { instalments: [{ share: "0.25", due: "06-01" }] }
    const schedule = paymentSchedule(parseConvention(json), { year: 2025 })
    // Due on 01/06/2025, before the decision of 20/06/2025: 25 % of the 48 000 € known then.
    expect(rows(schedule)).toEqual([
      ["advance", "24000.00", "2025-03-31", "2025-05-30"],
      ["instalment-1", "12000.00", "2025-06-01", "2025-07-31"],
      ["balance", "0.00", undefined, undefined]
    ])
    expect(schedule.excess.toString()).toBe("18378.08")
  })

  it("lists the instalment as not owed because of the withdrawal, and demands back 2 378,08 € of the 20 000,00 € received", () => {
    const ledger = fundingLedger(passerelle, {
      payments: parsePayments(finistereData("d-payments.json")),
      expenses: parseExpenses(finistereData("d-expenses-2025.json")),
      repayments: parseRepayments(finistereData("d-repayments.json")),
      asOf: "2025-07-01"
    })
    const year = ledger.years.find((y) => y.year === 2025)
    expect(
      year?.instalments.map((i) => [i.instalment.key, i.instalment.amount.toString(), i.status, i.notOwed])
    ).toEqual([
      ["advance", "24000.00", "not-owed", "entitlement-reached"],
      ["instalment-1", "0.00", "not-owed", "withdrawal"],
      ["balance", "0.00", "not-owed", "withdrawal"]
    ])
    expect(year?.settlement.received.toString()).toBe("20000.00")
    expect(year?.repayment.withdrawal?.amount.toString()).toBe("2378.08")
    expect(String(year?.repayment.withdrawal?.dueDate)).toBe("2025-12-20")
  })

  it("says the same in the yearly review: 0,00 €, « non dû (subvention retirée) »", () => {
    const review = renderReportMarkdown(
      annualReport(passerelle, {
        year: 2025,
        asOf: "2025-07-01",
        activities: [],
        payments: parsePayments(finistereData("d-payments.json")),
        expenses: parseExpenses(finistereData("d-expenses-2025.json"))
      })
    ).replace(/[\u00a0\u202f]/gu, " ")
    expect(review).toContain(
      "| Deuxième versement | 0,00 € | 20/06/2025 | 19/08/2025 | 0,00 € | non dû (subvention retirée) |"
    )
    expect(review).toContain("dépassent ce montant de 6 378,08 €")
  })

  describe("POST /schedule", () => {
    let server: RunningServer
    beforeAll(async () => {
      server = await startServer({ port: 0 })
    })
    afterAll(async () => {
      await server.close()
    })
    it("answers the same 0,00 € and 6 378,08 € as the library", async () => {
      const response = await fetch(`${server.url}/schedule`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          portfolio: portfolioJson,
          conventionId: "cpo-cs-passerelle-2024-2027",
          year: 2025,
          asOf: "2025-07-01"
        })
      })
      expect(response.status).toBe(200)
      const body = await response.json()
      expect(body.excess).toBe("6378.08")
      expect(body.instalments.map((i: { key: string; amount: string }) => [i.key, i.amount])).toEqual([
        ["advance", "24000.00"],
        ["instalment-1", "0.00"],
        ["balance", "0.00"]
      ])
    })
  })
})

describe("a termination decided after its date (Les P'tits Loups, 2026)", () => {
  it("owes nothing on the instalment of 30/06/2026, decided on 15/06/2026: the balance takes 3 979,45 €", () => {
    const schedule = paymentSchedule(terminated("2026-06-15"), { year: 2026, asOf: "2026-08-01" })
    expect(schedule.amount.toString()).toBe("14479.45")
    expect(rows(schedule)).toEqual([
      ["advance", "10500.00", "2026-03-31", "2026-05-30"],
      ["instalment-1", "0.00", "2026-06-15", "2026-08-14"],
      ["balance", "3979.45", "2027-04-30", "2027-06-29"]
    ])
    expect(schedule.excess.toString()).toBe("0.00")
  })

  it("keeps the 10 500,00 € of the instalment of 30/06/2026 when the termination is decided on 15/07/2026", () => {
    const schedule = paymentSchedule(terminated("2026-07-15"), { year: 2026, asOf: "2026-08-01" })
    expect(rows(schedule)).toEqual([
      ["advance", "10500.00", "2026-03-31", "2026-05-30"],
      ["instalment-1", "10500.00", "2026-06-30", "2026-08-29"],
      ["balance", "0.00", "2027-04-30", "2027-06-29"]
    ])
    // 21 000 − 14 479,45
    expect(schedule.excess.toString()).toBe("6520.55")
  })

  it("never shows that instalment late in the ledger: not owed, 3 500,00 € still to pay", () => {
    const ledger = fundingLedger(terminated("2026-06-15"), {
      payments: parsePayments([{ id: "a", date: "2026-03-30", amount: "10500", year: 2026, instalment: "advance" }]),
      expenses: parseExpenses([{ id: "x", date: "2026-05-15", amount: "14000", category: "personnel", document: "P" }]),
      asOf: "2026-08-01"
    })
    const year = ledger.years.find((y) => y.year === 2026)
    expect(year?.instalments.map((i) => [i.instalment.key, i.status, i.notOwed])).toEqual([
      ["advance", "paid", undefined],
      ["instalment-1", "not-owed", "termination"],
      ["balance", "not-yet-due", undefined]
    ])
    // 14 000 € eligible, 10 500 € received.
    expect(year?.settlement.stillToPay.toString()).toBe("3500.00")
  })
})
