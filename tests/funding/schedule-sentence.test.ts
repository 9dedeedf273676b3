/**
 * The schedule's sentence counts the year by days only where the yearly amount changes: an
 * amendment that changes only the payment terms leaves the year under one amount, said once.
 */
import { describe, expect, it } from "vitest"
import { paymentSchedule } from "caf-conventions"
import { cpo } from "../fixtures.js"

const nbsp = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

describe("the schedule's sentence", () => {
  it("says the year's amount once when an amendment changed only the payment terms", () => {
    const amended = cpo((json) => {
      json.amendments = [
        {
          number: 1,
          signatureDate: "2024-06-20",
          effectiveDate: "2024-07-01",
          reason: "Délai de paiement",
          changes: [{ kind: "payment-terms", paymentDeadlineDays: 30 }]
        }
      ]
    })
    const schedule = paymentSchedule(amended, { year: 2024 })
    expect(schedule.amount.toString()).toBe("30000.00")
    expect(schedule.facts.covered && schedule.facts.yearAmount).toEqual({
      basis: "segments",
      segments: [{ yearlyAmount: schedule.amount, days: 366, daysInYear: 366 }]
    })
    expect(nbsp(schedule.explanation.sentence)).toBe(
      "Montant 2024 : 30 000,00 € (30 000,00 € × 366/366) ; compte rendu financier attendu au plus tard le 30/06/2025."
    )
  })

  it("still counts by days when the yearly amount changed", () => {
    const amended = cpo((json) => {
      json.amendments = [
        {
          number: 1,
          signatureDate: "2024-06-20",
          effectiveDate: "2024-07-01",
          reason: "Hausse",
          changes: [
            { kind: "payment-terms", paymentDeadlineDays: 30 },
            { kind: "yearly-amount", yearlyAmount: "36000" }
          ]
        }
      ]
    })
    const schedule = paymentSchedule(amended, { year: 2024 })
    expect(schedule.amount.toString()).toBe("33016.39")
    expect(nbsp(schedule.explanation.sentence)).toBe(
      "Montant 2024 : 33 016,39 € (30 000,00 € × 182/366 + 36 000,00 € × 184/366, après l'avenant n° 1 ; prévu initialement : 30 000,00 €) ; compte rendu financier attendu au plus tard le 30/06/2025."
    )
  })
})
