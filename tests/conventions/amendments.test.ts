import { beforeEach, describe, expect, it } from "vitest"
import {
  type Convention,
  conventionStatus,
  effectivePeriod,
  finalTerms,
  parseCalendarDate,
  safeParseConvention,
  termsAsOf,
  termsTimeline,
  resolveConvention,
  yearAmounts
} from "caf-conventions"
import { cpo, cpoJson, problems } from "../fixtures.js"

const d = parseCalendarDate
const raise = {
  number: 1,
  signatureDate: "2024-06-15",
  effectiveDate: "2024-07-01",
  reason: "Extension de l'accompagnement collectif",
  changes: [{ kind: "yearly-amount", yearlyAmount: "36000" }]
}

describe("terms in force on a date", () => {
  let amended: Convention
  beforeEach(() => {
    amended = cpo((json) => {
      json.amendments = [
        raise,
        {
          number: 2,
          signatureDate: "2024-11-20",
          effectiveDate: "2025-01-01",
          reason: "Objectif relevé et secteur logement ajouté",
          changes: [
            { kind: "target", objectiveId: "accompagnement-individuel", year: 2025, target: { atLeast: 4 } },
            { kind: "sectors-added", sectors: ["logement"] },
            { kind: "sectors-removed", sectors: ["petite-enfance"] },
            { kind: "period-end", end: "2026-06-30" }
          ]
        }
      ]
    })
  })

  it("is the base text before the first amendment takes effect", () => {
    const asOf = termsAsOf(amended, d("2024-06-30"))
    expect(asOf.applied).toEqual([])
    expect(asOf.terms.amounts).toEqual(amended.terms.amounts)
  })

  it("applies each amendment from its effective date, in order", () => {
    const july = termsAsOf(amended, d("2024-07-01"))
    expect(july.applied.map((amendment) => amendment.number)).toEqual([1])
    expect(july.terms.amounts?.kind === "constant" && july.terms.amounts.yearlyAmount.toString()).toBe("36000.00")
    const next = termsAsOf(amended, d("2025-01-01"))
    expect(next.applied.map((amendment) => amendment.number)).toEqual([1, 2])
    expect(next.terms.sectors).toEqual(["enfance", "jeunesse", "parentalite", "animation-vie-sociale", "logement"])
    expect(next.terms.period).toEqual({ start: "2023-01-01", end: "2026-06-30" })
    const individual = next.terms.objectives.find((objective) => objective.id === "accompagnement-individuel")
    expect(individual?.target).toEqual({ atLeast: 3 })
    expect(individual?.targetsByYear).toEqual({ "2025": { atLeast: 4 } })
  })

  it("never changes the convention itself", () => {
    const before = JSON.stringify(amended)
    termsAsOf(amended, d("2025-06-01"))
    yearAmounts(amended)
    expect(JSON.stringify(amended)).toBe(before)
  })

  it("cuts the timeline at each effective date", () => {
    expect(
      termsTimeline(amended).map((segment) => [segment.period.start, segment.period.end, segment.applied.length])
    ).toEqual([
      ["2023-01-01", "2024-06-30", 0],
      ["2024-07-01", "2024-12-31", 1],
      ["2025-01-01", "2026-06-30", 2]
    ])
    expect(effectivePeriod(amended)).toEqual({ start: "2023-01-01", end: "2026-06-30" })
  })

  it("prorates a raise on 1 July by days in the leap year 2024, and the extended half-year 2026", () => {
    const years = yearAmounts(amended)
    expect(years.map((year) => [year.year, year.amount.toString()])).toEqual([
      [2023, "30000.00"],
      // 30 000 × 182/366 + 36 000 × 184/366 = 12 084 000 / 366 = 33 016,393… → 33 016,39 €
      [2024, "33016.39"],
      [2025, "36000.00"],
      // 36 000 × 181/365 = 17 852,054… → 17 852,05 €
      [2026, "17852.05"]
    ])
    expect(
      years[1]?.segments.map((segment) => [segment.yearlyAmount.toString(), segment.days, segment.daysInYear])
    ).toEqual([
      ["30000.00", 182, 366],
      ["36000.00", 184, 366]
    ])
  })
})

describe("amendments that contradict each other", () => {
  it("refuses two amendments changing the same term on the same date", () => {
    const result = safeParseConvention({
      ...cpoJson(),
      amendments: [raise, { ...raise, number: 2, changes: [{ kind: "yearly-amount", yearlyAmount: "40000" }] }]
    })
    expect(problems(result)).toEqual([
      "amendments.1.changes.0: amendment n° 1 already changes the yearly amount on 2024-07-01: two changes of one term on one date contradict each other"
    ])
  })

  it("accepts the same term changed on different dates", () => {
    const result = safeParseConvention({
      ...cpoJson(),
      amendments: [
        raise,
        {
          ...raise,
          number: 2,
          effectiveDate: "2025-01-01",
          changes: [{ kind: "yearly-amount", yearlyAmount: "40000" }]
        }
      ]
    })
    expect(result.success).toBe(true)
  })

  it("refuses repeated numbers, unknown objectives, effective dates outside the period, and the wrong kind of amount change", () => {
    const result = safeParseConvention({
      ...cpoJson(),
      amendments: [
        raise,
        {
          ...raise,
          effectiveDate: "2026-03-01",
          changes: [
            { kind: "target", objectiveId: "inconnu", target: { atLeast: 1 } },
            { kind: "year-amount", year: 2024, amount: "1000" }
          ]
        }
      ]
    })
    expect(problems(result)).toEqual([
      "amendments.1.number: amendment n° 1 is already amendments[0]",
      "amendments.1.effectiveDate: the amendment takes effect 2026-03-01, outside the period 2023-01-01..2025-12-31",
      "amendments.1.changes.0.objectiveId: there is no objective inconnu",
      "amendments.1.changes.1: a year-amount change needs a convention with per-year amounts (use yearly-amount)"
    ])
  })

  it("refuses amendments to a draft and amendments signed before the convention", () => {
    const draft = cpoJson()
    delete draft.signatureDate
    expect(problems(safeParseConvention({ ...draft, amendments: [raise] }))).toEqual([
      "amendments.0.signatureDate: a draft (no signatureDate) cannot have amendments"
    ])
    expect(
      problems(safeParseConvention({ ...cpoJson(), amendments: [{ ...raise, signatureDate: "2022-12-01" }] }))
    ).toEqual(["amendments.0.signatureDate: the amendment is signed 2022-12-01, before the convention (2023-01-01)"])
  })
})

describe("early termination (résiliation)", () => {
  let terminated: Convention
  beforeEach(() => {
    terminated = cpo((json) => {
      json.termination = { date: "2024-09-30", reason: "Cessation d'activité du partenaire", requestedBy: "partenaire" }
    })
  })

  it("cuts the period short for every computation", () => {
    expect(effectivePeriod(terminated)).toEqual({ start: "2023-01-01", end: "2024-09-30" })
    expect(finalTerms(terminated).period.end).toBe("2024-09-30")
    expect(termsAsOf(terminated, d("2024-01-01")).terminated).toBe(true)
  })

  it("prorates the last year to the termination date and drops the years after it", () => {
    // 30 000 × 274/366 = 22 459,016… → 22 459,02 €
    expect(yearAmounts(terminated).map((year) => [year.year, year.amount.toString(), year.prorated])).toEqual([
      [2023, "30000.00", false],
      [2024, "22459.02", true]
    ])
  })

  it("prorates a per-year amount the same way", () => {
    const perYear = cpo((json) => {
      json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000", "2024": "36600", "2025": "30000" } }
      json.termination = { date: "2024-06-30", reason: "Résiliation amiable", requestedBy: "commun-accord" }
    })
    // 36 600 × 182/366 = 18 200,00 €
    expect(yearAmounts(perYear).map((year) => [year.year, year.amount.toString()])).toEqual([
      [2023, "30000.00"],
      [2024, "18200.00"]
    ])
  })

  it("derives the status on each date", () => {
    expect(conventionStatus(terminated, d("2022-12-31"))).toBe("draft")
    expect(conventionStatus(terminated, d("2024-09-30"))).toBe("in-force")
    expect(conventionStatus(terminated, d("2024-10-01"))).toBe("terminated")
    const signedEarly = cpo((json) => (json.signatureDate = "2022-11-15"))
    expect(conventionStatus(signedEarly, d("2022-12-01"))).toBe("signed")
  })

  it("refuses a termination outside the period or of a draft", () => {
    expect(
      problems(
        safeParseConvention({ ...cpoJson(), termination: { date: "2026-02-01", reason: "x", requestedBy: "caf" } })
      )
    ).toEqual(["termination.date: the termination date 2026-02-01 is outside the period 2023-01-01..2025-12-31"])
    const draft = cpoJson()
    delete draft.signatureDate
    expect(
      problems(safeParseConvention({ ...draft, termination: { date: "2024-02-01", reason: "x", requestedBy: "caf" } }))
    ).toEqual(["termination: a draft (no signatureDate) cannot be terminated: it was never in force"])
  })
})

describe("per-year amounts", () => {
  it("gives each year the amount the text gives it, as amended", () => {
    const perYear = cpo((json) => {
      json.terms.amounts = {
        kind: "per-year",
        byYear: { "2023": "28000", "2024": "30000", "2025": "32000" },
        totalAmount: "90000"
      }
      json.amendments = [{ ...raise, changes: [{ kind: "year-amount", year: 2025, amount: "33000" }] }]
    })
    expect(yearAmounts(perYear).map((year) => [year.year, year.amount.toString(), year.basis])).toEqual([
      [2023, "28000.00", "per-year"],
      [2024, "30000.00", "per-year"],
      [2025, "33000.00", "per-year"]
    ])
  })

  it("gives a year its whole amount on a day when the extension it runs into is not yet signed", () => {
    // Amendment 1 (signed 20/04/2024) extends the period to the end of 2024; amendment 2, signed
    // earlier (01/03/2024), takes effect on 01/09/2024, during that extension, and ends the period
    // on 15/08/2024. On 15/03/2024 only amendment 2 is known: 2024 runs to 15/08/2024, and no
    // termination cuts it short.
    const perYear = cpo((json) => {
      json.terms.period = { start: "2023-01-01", end: "2024-06-30" }
      json.terms.amounts = { kind: "per-year", byYear: { "2023": "28000", "2024": "30000" } }
      json.amendments = [
        {
          ...raise,
          number: 1,
          signatureDate: "2024-04-20",
          effectiveDate: "2024-05-01",
          changes: [{ kind: "period-end", end: "2024-12-31" }]
        },
        {
          ...raise,
          number: 2,
          signatureDate: "2024-03-01",
          effectiveDate: "2024-09-01",
          changes: [{ kind: "period-end", end: "2024-08-15" }]
        }
      ]
    })
    const known = resolveConvention(perYear, { knownOn: "2024-03-15" })
    expect(known.years.map((year) => [year.year, year.period.end, year.amount?.amount.toString()])).toEqual([
      [2023, "2023-12-31", "28000.00"],
      [2024, "2024-08-15", "30000.00"]
    ])
    expect(yearAmounts(perYear).map((year) => [year.year, year.period.end, year.amount.toString()])).toEqual([
      [2023, "2023-12-31", "28000.00"],
      [2024, "2024-08-15", "30000.00"]
    ])
  })

  it("refuses to compute amounts for a convention that records none", () => {
    expect(() => yearAmounts(cpo((json) => delete json.terms.amounts))).toThrow(
      expect.objectContaining({
        _tag: "InvalidArgument",
        argument: "convention",
        message: "the convention cpo-2023-2025 records no amounts"
      })
    )
  })
})
