/**
 * The 60-day payment deadline runs from the notification of the decision (loi n° 2000-321,
 * art. 10, as amended by loi n° 2021-875 du 1er juillet 2021, art. 2) when the notification is
 * later than the convention's own date: the founding convention (30 000 € a year, advance 50 %
 * on 31 March) notified on 2 May 2024 for its 2024 year.
 */
import { describe, expect, it } from "vitest"
import { evaluateFundingUse, paymentSchedule, parsePayments } from "caf-conventions"
import { cpo } from "../fixtures.js"

const notified = cpo((json) => {
  json.signatureDate = "2024-04-15"
  json.notificationDate = "2024-05-02"
})

describe("the notification date starts the 60 days", () => {
  it("makes the advance payable on the notification, and late 60 days after it", () => {
    const [advance] = paymentSchedule(notified, { year: 2024 }).instalments
    expect([advance?.amount.toString(), advance?.dueDate, advance?.deadline]).toEqual([
      "15000.00",
      "2024-05-02",
      "2024-07-01"
    ])
    const onTime = evaluateFundingUse(notified, { year: 2024, payments: [], expenses: [], asOf: "2024-07-01" })
      .instalments[0]
    expect(onTime?.status).toBe("due")
    const late = evaluateFundingUse(notified, { year: 2024, payments: [], expenses: [], asOf: "2024-07-02" })
      .instalments[0]
    expect([late?.status, late?.daysLate]).toEqual(["late", 1])
    const paid = evaluateFundingUse(notified, {
      year: 2024,
      payments: parsePayments([{ id: "v-1", date: "2024-06-28", amount: "15000", year: 2024, instalment: "advance" }]),
      expenses: [],
      asOf: "2024-07-02"
    }).instalments[0]
    expect(paid?.status).toBe("paid")
  })

  it("leaves the convention's date when the notification is earlier: 31 March, late after 30 May", () => {
    const early = cpo((json) => {
      json.signatureDate = "2024-01-10"
      json.notificationDate = "2024-01-20"
    })
    const [advance] = paymentSchedule(early, { year: 2024 }).instalments
    expect([advance?.dueDate, advance?.deadline]).toEqual(["2024-03-31", "2024-05-30"])
  })
})
