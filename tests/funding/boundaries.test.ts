import { beforeEach, describe, expect, it } from "vitest"
import { type Convention, evaluateFundingUse, parseExpense, parsePayment } from "caf-conventions"
import { cpo } from "../fixtures.js"

const makeFounding = (): Convention => cpo()
const pay = (id: string, date: string, amount: string, changes: Record<string, unknown> = {}) =>
  parsePayment({ id, date, amount, year: 2024, ...changes })

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let founding: Convention
beforeEach(() => {
  founding = makeFounding()
})

describe("instalment statuses at their boundaries", () => {
  const advance = (asOf: string, paid: string | undefined) =>
    evaluateFundingUse(founding, {
      year: 2024,
      payments: paid === undefined ? [] : [pay("a", "2024-03-01", paid, { instalment: "advance" })],
      expenses: [],
      asOf
    }).instalments[0]?.status

  it("is not yet due the day before it is payable, due on that day and up to the deadline, late the day after", () => {
    expect([
      advance("2024-03-30", undefined),
      advance("2024-03-31", undefined),
      advance("2024-05-30", undefined),
      advance("2024-05-31", undefined)
    ]).toEqual(["not-yet-due", "due", "due", "late"])
  })

  it("is judged on what was paid: exactly, in part, or too much", () => {
    expect([
      advance("2024-06-30", "15000"),
      advance("2024-06-30", "14999.99"),
      advance("2024-06-30", "15000.01")
    ]).toEqual(["paid", "late", "overpaid"])
    const noDate = (paid: string) =>
      evaluateFundingUse(founding, {
        year: 2024,
        payments: [pay("a", "2024-03-01", paid, { instalment: "advance" })],
        expenses: []
      }).instalments[0]?.status
    expect([noDate("0"), noDate("1")]).toEqual(["unpaid", "partly-paid"])
  })

  it("fills instalments in date order, then id order, whatever the input order", () => {
    const payments = [pay("b", "2024-03-01", "10000"), pay("a", "2024-03-01", "10000"), pay("c", "2024-02-01", "1000")]
    const positions = evaluateFundingUse(founding, { year: 2024, payments, expenses: [] }).instalments
    expect(positions.map((p) => [p.instalment.key, p.paid.toString(), p.paymentIds])).toEqual([
      ["advance", "15000.00", ["c", "a", "b"]],
      ["balance", "6000.00", ["b"]]
    ])
    const named = evaluateFundingUse(founding, {
      year: 2024,
      payments: [pay("x", "2024-01-15", "500", { instalment: "instalment-7" })],
      expenses: []
    }).instalments
    expect(named.map((p) => [p.instalment.key, p.paid.toString()])).toEqual([
      ["advance", "500.00"],
      ["balance", "0.00"]
    ])
  })
})

describe("the explanation's outcomes", () => {
  it("fails on a late instalment, passes when everything is paid and spent, and stays open before the year ends", () => {
    const outcomes = (use: ReturnType<typeof evaluateFundingUse>) =>
      Object.fromEntries(use.explanation.children.map((child) => [child.ruleId, child.outcome]))
    const late = evaluateFundingUse(founding, { year: 2024, payments: [], expenses: [], asOf: "2024-06-01" })
    expect([late.explanation.outcome, outcomes(late)["payments"], outcomes(late)["year-balance"]]).toEqual([
      "fail",
      "fail",
      "not-applicable"
    ])
    const spent = parseExpense({ id: "s", date: "2024-06-01", amount: "30000", category: "personnel", document: "P" })
    const done = evaluateFundingUse(founding, {
      year: 2024,
      payments: [
        pay("a", "2024-03-15", "15000", { instalment: "advance" }),
        pay("b", "2025-06-01", "15000", { instalment: "balance" })
      ],
      expenses: [spent],
      asOf: "2025-07-01",
      reportsAcceptedOn: "2025-05-20",
      financialReportReceivedOn: "2025-05-02"
    })
    expect([done.explanation.outcome, done.final, outcomes(done)]).toEqual([
      "pass",
      true,
      {
        amount: "pass",
        modulation: "pass",
        payments: "pass",
        expenses: "pass",
        surplus: "pass",
        "year-balance": "pass",
        "financial-report": "pass"
      }
    ])
    expect(
      done.explanation.children
        .find((child) => child.ruleId === "year-balance")
        ?.sentence.replace(/[\u202f\u00a0]/gu, " ")
    ).toBe("Droit au titre de 2024 : 30 000,00 € ; reçu : 30 000,00 € ; rien à verser ni à reverser.")
  })
})
