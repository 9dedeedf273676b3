/**
 * A convention near the end of the calendar: whatever decodes, every evaluator can compute (its
 * reports, balance and duration check name days that exist), and what cannot be computed is
 * refused at decoding, at its path.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  LAST_CONVENTION_DAY,
  annualReport,
  checkCompliance,
  conventionReport,
  parseConvention,
  parsePortfolio,
  paymentSchedule,
  safeParseConvention,
  toScdlCsv
} from "caf-conventions"
import { cpoJson, foundingPortfolioJson, problems } from "../fixtures.js"
import { runs } from "../runs.js"

/** The founding convention moved to start on `start` and end on `end`, signed on its first day. */
function moved(start: string, end: string): Record<string, any> {
  const json = cpoJson()
  json.terms.period = { start, end }
  json.signatureDate = start
  json.notificationDate = start
  json.terms.amounts = { kind: "constant", yearlyAmount: "30000" }
  delete json.terms.objectives
  json.terms.objectives = []
  return json
}

const message = (date: string) =>
  `the date ${date} is after ${LAST_CONVENTION_DAY}, the last day a convention may name: the days computed from it (reports due up to 24 months after the end, a balance paid the next year and its deadline, the four-year duration check) must exist, and the calendar ends in 9999`

describe("a convention near the end of the calendar", () => {
  it("ends on 31 December 9989 at the latest", () => {
    expect(LAST_CONVENTION_DAY).toBe("9989-12-31")
    expect(problems(safeParseConvention(moved("9998-01-01", "9999-12-31")))).toEqual([
      `signatureDate: ${message("9998-01-01")}`,
      `notificationDate: ${message("9998-01-01")}`,
      `terms.period.start: ${message("9998-01-01")}`,
      `terms.period.end: ${message("9999-12-31")}`
    ])
    expect(problems(safeParseConvention(moved("9989-01-01", "9990-01-01")))).toEqual([
      `terms.period.end: ${message("9990-01-01")}`
    ])
  })

  it("refuses an amendment, an extension or a termination after that day, at its path", () => {
    const json = moved("9987-01-01", "9989-12-31")
    json.amendments = [
      {
        number: 1,
        signatureDate: "9990-01-02",
        effectiveDate: "9990-01-02",
        reason: "Prolongation",
        changes: [{ kind: "period-end", end: "9990-06-30" }]
      }
    ]
    json.termination = { date: "9990-03-31", reason: "Dissolution", requestedBy: "partenaire" }
    expect(problems(safeParseConvention(json)).filter((line) => line.includes("is after"))).toEqual([
      `amendments.0.signatureDate: ${message("9990-01-02")}`,
      `amendments.0.effectiveDate: ${message("9990-01-02")}`,
      `amendments.0.changes.0.end: ${message("9990-06-30")}`,
      `termination.date: ${message("9990-03-31")}`
    ])
  })

  it("computes everything for a convention that ends on that day: schedule, compliance, reports, open data", () => {
    const json = moved("9986-01-01", "9989-12-31")
    json.terms.reporting = { activityReportMonths: 24, financialReportMonths: 24 }
    json.terms.payment = { ...json.terms.payment, paymentDeadlineDays: 366 }
    const convention = parseConvention(json)
    const schedule = paymentSchedule(convention, { year: 9989 })
    expect(schedule.reports).toEqual({ activityReportDue: "9991-12-31", financialReportDue: "9991-12-31" })
    const balance = schedule.instalments.at(-1)
    expect([balance?.key, balance?.expectedDueDate]).toEqual(["balance", "9991-12-31"])
    expect(
      checkCompliance(convention)
        .filter((finding) => finding.rule === "multi-year-duration")
        .map((finding) => finding.severity)
    ).toEqual(["info"])
    const inputs = { activities: [], payments: [], expenses: [] }
    expect(annualReport(convention, { ...inputs, year: 9989 }).year).toBe(9989)
    expect(conventionReport(convention, inputs).years.map((year) => year.year)).toEqual([9986, 9987, 9988, 9989])
    const portfolio = foundingPortfolioJson()
    portfolio.partners[0]!["siret"] = "73282932000074"
    portfolio.partners[1]!["siret"] = "35600000049837"
    delete json.predecessorId
    portfolio.conventions = [json]
    const exported = parsePortfolio(portfolio)
    expect(toScdlCsv(exported.conventions, { partners: exported.partners }).rows[0]?.datesPeriodeVersement).toBe(
      "9986-03-31/9991-12-31"
    )
  })

  it("never throws after a successful decoding, whatever the period, reporting delays and deadline near that day (property)", () => {
    const day = fc
      .record({
        year: fc.integer({ min: 9983, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 })
      })
      .map(({ year, month, day }) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`)
    fc.assert(
      fc.property(
        day,
        day,
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 366 }),
        fc.boolean(),
        (a, b, reportMonths, deadline, fixedDate) => {
          const [start, end] = a <= b ? [a, b] : [b, a]
          const json = moved(start, end)
          json.terms.reporting = { activityReportMonths: reportMonths, financialReportMonths: reportMonths }
          json.terms.payment = {
            ...json.terms.payment,
            paymentDeadlineDays: deadline,
            ...(fixedDate ? { balanceTrigger: "fixed-date", balanceDue: "12-31" } : {})
          }
          const decoded = safeParseConvention(json)
          if (!decoded.success) {
            expect(end > LAST_CONVENTION_DAY).toBe(true)
            return
          }
          const convention = decoded.data
          checkCompliance(convention)
          conventionReport(convention, { activities: [], payments: [], expenses: [] })
          for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++)
            paymentSchedule(convention, { year })
          toScdlCsv([convention], { partners: [] })
        }
      ),
      runs(300)
    )
  })
})
