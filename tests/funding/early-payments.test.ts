import { describe, expect, it } from "vitest"
import { evaluateFundingUse, explanationLines, fundingLedger, parsePayments } from "caf-conventions"
import { evs, jeunesse, jeunesseData } from "../fixtures.js"

const plain = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

// Loiret: signed 15/06/2024, notified 20/06/2024, from 01/07/2024; 2024 advance 10 054,65 € paid 20/07/2024.
const loiret = jeunesse()
const paid = (extra: ReadonlyArray<Record<string, unknown>>) =>
  parsePayments([...jeunesseData("payments.json"), ...extra])

describe("a payment dated before the convention could be paid", () => {
  it("is counted, and remarked with its source: before the start, the notification or the signature", () => {
    const payments = paid([
      { id: "vj-2024-a", date: "2024-06-25", amount: "500.00", year: 2024, instalment: "advance" },
      { id: "vj-2024-b", date: "2024-06-18", amount: "300.00", year: 2024, instalment: "advance" },
      { id: "vj-2024-c", date: "2024-06-10", amount: "200.00", year: 2024, instalment: "advance" }
    ])
    const use = evaluateFundingUse(loiret, { year: 2024, payments, expenses: [], asOf: "2026-06-30" })
    // Received: 10 054,65 + 10 054,64 + 500 + 300 + 200 = 21 109,29 €, over the 20 109,29 € granted.
    expect(use.settlement.received.toString()).toBe("21109.29")
    expect(
      use.earlyPayments.map((payment) => [payment.id, payment.amount.toString(), payment.before, payment.day])
    ).toEqual([
      ["vj-2024-a", "500.00", "start", "2024-07-01"],
      ["vj-2024-b", "300.00", "notification", "2024-06-20"],
      ["vj-2024-c", "200.00", "signature", "2024-06-15"]
    ])
    expect(use.earlyPayments.map((payment) => [plain(payment.detail), payment.source])).toEqual([
      [
        "500,00 € versés le 25/06/2024 (vj-2024-a), avant le début de la convention (01/07/2024) : versement irrégulier, compté pour l'année mais à régulariser.",
        "Convention : période d'application, avenants et résiliation"
      ],
      [
        "300,00 € versés le 18/06/2024 (vj-2024-b), avant la notification de la convention (20/06/2024) : versement irrégulier, à régulariser.",
        expect.stringContaining("loi n° 2021-875 du 1er juillet 2021, art. 2")
      ],
      [
        "200,00 € versés le 10/06/2024 (vj-2024-c), avant la signature de la convention (15/06/2024) : aucune convention ne le fondait encore ; versement irrégulier, à régulariser.",
        "loi n° 2000-321, art. 10"
      ]
    ])
    const lines = explanationLines(use.explanation).map(plain)
    expect(lines.filter((line) => line.includes("Versement antérieur à la convention"))).toHaveLength(3)
    expect(lines.find((line) => line.includes("Versements :"))).toMatch(
      /^\s+✗ Versements : 21 109,29 € reçus pour 2024\./u
    )
  })

  it("shows in the ledger's year, and not for payments on or after the start", () => {
    const payments = paid([
      { id: "vj-2024-a", date: "2024-06-25", amount: "500.00", year: 2024, instalment: "advance" }
    ])
    const ledger = fundingLedger(loiret, { payments, expenses: [], asOf: "2026-06-30" })
    expect(ledger.years.map((year) => [year.year, year.earlyPayments.map((payment) => payment.id)])).toEqual([
      [2024, ["vj-2024-a"]],
      [2025, []],
      [2026, []],
      [2027, []]
    ])
    expect(evaluateFundingUse(loiret, { year: 2024, payments: paid([]), expenses: [] }).earlyPayments).toEqual([])
  })

  it("compares with the convention's start when it has no notification (Les Tilleuls, signed 18/12/2023, from 01/01/2024)", () => {
    const payments = parsePayments([
      { id: "v-2023", date: "2023-12-28", amount: "16800.00", year: 2024, instalment: "advance" }
    ])
    const use = evaluateFundingUse(evs(), { year: 2024, payments, expenses: [] })
    expect(use.earlyPayments.map((payment) => [payment.before, payment.day, payment.amount.toString()])).toEqual([
      ["start", "2024-01-01", "16800.00"]
    ])
  })
})
