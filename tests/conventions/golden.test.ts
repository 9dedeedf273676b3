/**
 * What the library reads in a convention — compliance findings, effective period, status on
 * given days, terms timeline and yearly amounts — for the founding portfolio and for variants
 * that reach every rule, compared with reviewed files in `golden/`. After a deliberate change,
 * run `npx vitest run -u tests/conventions/golden.test.ts`, read the diff, and commit it.
 */
import { describe, expect, it } from "vitest"
import {
  type Convention,
  checkCompliance,
  conventionStatus,
  effectivePeriod,
  parseCalendarDate,
  termsAsOf,
  termsTimeline,
  yearAmounts
} from "caf-conventions"
import { cpo, foundingPortfolio } from "../fixtures.js"

/** Everything read from one convention, on the given days. */
function reading(convention: Convention, days: ReadonlyArray<string>) {
  return {
    id: convention.id,
    compliance: checkCompliance(convention),
    effectivePeriod: effectivePeriod(convention),
    status: Object.fromEntries(days.map((day) => [day, conventionStatus(convention, parseCalendarDate(day))])),
    applied: Object.fromEntries(
      days.map((day) => {
        const asOf = termsAsOf(convention, parseCalendarDate(day))
        return [
          day,
          {
            amendments: asOf.applied.map((amendment) => amendment.number),
            terminated: asOf.terminated,
            period: asOf.terms.period,
            sectors: asOf.terms.sectors
          }
        ]
      })
    ),
    timeline: termsTimeline(convention).map((segment) => ({
      period: segment.period,
      amounts: segment.terms.amounts ?? null,
      sectors: segment.terms.sectors,
      kinds: segment.terms.accompanimentKinds
    })),
    yearAmounts: convention.terms.amounts === undefined ? null : yearAmounts(convention)
  }
}

const variants: ReadonlyArray<Convention> = [
  // per-year amounts that miss a year, name one the period no longer covers once shortened, and
  // do not add up; above 153 000 €
  cpo((json) => {
    json.id = "montants-par-annee"
    json.terms.amounts = { kind: "per-year", byYear: { "2024": "160000.50", "2025": "1000" }, totalAmount: "999" }
    json.amendments = [
      {
        number: 1,
        signatureDate: "2024-05-01",
        effectiveDate: "2024-06-01",
        reason: "Fin avancée",
        changes: [{ kind: "period-end", end: "2024-12-31" }]
      }
    ]
  }),
  // a draft of one year, funded by a scheme it excludes, with no objective
  cpo((json) => {
    json.id = "projet-court"
    delete json.signatureDate
    delete json.predecessorId
    json.terms.period = { start: "2024-01-01", end: "2024-12-30" }
    json.terms.fundingScheme = "fpt"
    json.terms.objectives = []
  }),
  // five years and a half, exactly 23 000 € a year, signed on 25 August 2021 (bound by loi n° 2021-875, in force 3 July 2021)
  cpo((json) => {
    json.id = "longue-23000"
    json.signatureDate = "2021-08-25"
    json.terms.period = { start: "2021-09-01", end: "2027-02-28" }
    json.terms.amounts = { kind: "constant", yearlyAmount: "23000" }
  }),
  // 23 000,01 € a year, signed on 26 August 2021, missing every clause but the object
  cpo((json) => {
    json.id = "juste-au-dessus"
    json.signatureDate = "2021-08-26"
    json.terms.period = { start: "2022-01-01", end: "2024-12-31" }
    json.terms.amounts = { kind: "constant", yearlyAmount: "23000.01" }
    json.terms.clauses = ["objet"]
  }),
  // every kind of change, then a termination
  cpo((json) => {
    json.id = "avenants-et-resiliation"
    json.notificationDate = "2023-01-20"
    json.amendments = [
      {
        number: 1,
        signatureDate: "2023-06-01",
        effectiveDate: "2023-07-01",
        reason: "Hausse",
        changes: [
          { kind: "yearly-amount", yearlyAmount: "36000" },
          { kind: "accompaniment-kinds-removed", accompanimentKinds: ["coordination-caf"] }
        ]
      },
      {
        number: 2,
        signatureDate: "2024-02-01",
        effectiveDate: "2024-03-01",
        reason: "Baisse",
        changes: [
          { kind: "yearly-amount", yearlyAmount: "33000" },
          { kind: "sectors-added", sectors: ["logement"] }
        ]
      },
      {
        number: 3,
        signatureDate: "2024-09-01",
        effectiveDate: "2024-10-01",
        reason: "Prolongation",
        changes: [
          { kind: "period-end", end: "2026-06-30" },
          { kind: "sectors-removed", sectors: ["petite-enfance"] },
          { kind: "accompaniment-kinds-added", accompanimentKinds: ["coordination-caf"] }
        ]
      }
    ]
    json.termination = { date: "2025-09-30", reason: "Fin anticipée", requestedBy: "caf" }
  }),
  // per-year amounts, one of them changed from 1 March 2024
  cpo((json) => {
    json.id = "montant-annuel-modifie"
    json.terms.amounts = {
      kind: "per-year",
      byYear: { "2023": "30000", "2024": "30000", "2025": "30000" },
      totalAmount: "93000"
    }
    json.amendments = [
      {
        number: 1,
        signatureDate: "2024-02-01",
        effectiveDate: "2024-03-01",
        reason: "Année 2024 revue",
        changes: [{ kind: "year-amount", year: 2024, amount: "33000" }]
      }
    ]
  })
]

describe("conventions, whole readings", () => {
  it("the founding portfolio", async () => {
    const days = ["2017-12-31", "2018-06-01", "2020-01-01", "2023-01-01", "2025-12-31", "2026-01-01"]
    const readings = foundingPortfolio().conventions.map((convention) => reading(convention, days))
    await expect(`${JSON.stringify(readings, null, 2)}\n`).toMatchFileSnapshot("golden/founding.json")
  })

  it("variants that reach every compliance rule, change kind and status", async () => {
    const days = [
      "2021-08-25",
      "2022-12-31",
      "2023-01-01",
      "2023-07-01",
      "2024-03-01",
      "2024-10-01",
      "2025-09-30",
      "2025-10-01",
      "2026-07-01"
    ]
    const readings = variants.map((convention) => reading(convention, days))
    await expect(`${JSON.stringify(readings, null, 2)}\n`).toMatchFileSnapshot("golden/variants.json")
  })
})
