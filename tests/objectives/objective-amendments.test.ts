import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import {
  type Activity,
  type Convention,
  evaluateConventionObjectives,
  evaluateObjectives,
  parseActivities,
  parseConvention
} from "caf-conventions"

// A CPO 2025–2027 of a parenting association, not the founding case: at least 6 collective
// workshops a year; amendment n° 1, signed 2025-09-15, adds "at least 3 Reaap meetings a year"
// from 2025-10-01. Reaap meetings on 18/03, 12/06 and 20/11/2025, 10/02 and 16/06/2026;
// workshops: 7 in 2025, 5 in 2026.
const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../examples/data/${name}`, import.meta.url), "utf8")) as any
const document = read("reaap-amendment.json")
const convention: Convention = parseConvention(document.conventions[0])
const activities: ReadonlyArray<Activity> = parseActivities(read("reaap-amendment-activities.json"))

/** The convention with amendment n° 2, signed 2026-06-10, removing the workshops from 2026-07-01. */
function withRemoval(): Convention {
  const json = structuredClone(document.conventions[0])
  json.amendments.push({
    number: 2,
    signatureDate: "2026-06-10",
    effectiveDate: "2026-07-01",
    reason: "Les ateliers passent sous une convention de la commune",
    changes: [{ kind: "objectives-removed", objectiveIds: ["ateliers-parents"] }]
  })
  return parseConvention(json)
}

const fraction = (numerator: number, denominator = 1) => ({ numerator, denominator })

describe("an objective added part way through a year", () => {
  it("counts in 2025 only the meetings from 2025-10-01, against 3 × 92/365 rounded up: 1 of 1, met", () => {
    const evaluation = evaluateObjectives(convention, activities, { year: 2025 })
    expect(evaluation.results.map((r) => [r.objectiveId, r.status])).toEqual([
      ["ateliers-parents", "met"],
      ["reunions-reaap", "met"]
    ])
    const reaap = evaluation.results[1]
    expect(reaap?.added).toEqual({ amendment: 1, from: "2025-10-01" })
    expect(Object.isFrozen(reaap?.added)).toBe(true)
    expect(reaap?.value).toEqual(fraction(1))
    expect(reaap?.yearTarget).toEqual({ atLeast: 3 })
    expect(reaap?.proration).toEqual(fraction(92, 365))
    expect(reaap?.target).toEqual({ atLeast: 1 })
    expect(reaap?.ratio).toEqual(fraction(1))
    expect(reaap?.counted).toEqual(["pe-reaap-03"])
    expect(reaap?.excluded.filter((e) => e.id.startsWith("pe-reaap"))).toEqual([
      {
        id: "pe-reaap-01",
        reason: "objective-not-in-force",
        detail: "daté du 18/03/2025, avant l'ajout de l'objectif par l'avenant n° 1 à partir du 01/10/2025"
      },
      {
        id: "pe-reaap-02",
        reason: "objective-not-in-force",
        detail: "daté du 12/06/2025, avant l'ajout de l'objectif par l'avenant n° 1 à partir du 01/10/2025"
      },
      { id: "pe-reaap-04", reason: "outside-year", detail: expect.stringContaining("10/02/2026") },
      { id: "pe-reaap-05", reason: "outside-year", detail: expect.stringContaining("16/06/2026") }
    ])
    expect(reaap?.explanation.children[1]?.sentence).toBe(
      "Cible 2025 : au moins 3 ; prorata 92/365 de l'année, soit au moins 1."
    )
    // The workshops, of the signed text, are judged on the whole year as before: 7 for 6.
    expect(evaluation.results[0]?.added).toBeUndefined()
    expect(evaluation.results[0]?.value).toEqual(fraction(7))
    expect(evaluation.results[0]?.target).toEqual({ atLeast: 6 })
  })

  it("judges it on the whole of 2026, without proration: 2 meetings for 3, not met (2/3)", () => {
    const reaap = evaluateObjectives(convention, activities, { year: 2026 }).results[1]
    expect([reaap?.status, reaap?.value, reaap?.target, reaap?.proration, reaap?.ratio]).toEqual([
      "not-met",
      fraction(2),
      { atLeast: 3 },
      undefined,
      fraction(2, 3)
    ])
    expect(reaap?.counted).toEqual(["pe-reaap-04", "pe-reaap-05"])
  })

  it("is not started on 2025-09-20, once signed, and unknown before its signature", () => {
    const signed = evaluateObjectives(convention, activities, { year: 2025, asOf: "2025-09-20" })
    // 5 workshops by 2025-09-20, for 6: still in progress.
    expect(signed.results.map((r) => [r.objectiveId, r.status])).toEqual([
      ["ateliers-parents", "in-progress"],
      ["reunions-reaap", "not-started"]
    ])
    const unsigned = evaluateObjectives(convention, activities, { year: 2025, asOf: "2025-09-10" })
    expect(unsigned.results.map((r) => r.objectiveId)).toEqual(["ateliers-parents"])
  })

  it("is listed across the years with the amendment that adds it", () => {
    const review = evaluateConventionObjectives(convention, activities)
    expect(review.objectives.map((o) => [o.objectiveId, o.met, o.notMet, o.added])).toEqual([
      ["ateliers-parents", [2025], [2026, 2027], undefined],
      ["reunions-reaap", [2025], [2026, 2027], { amendment: 1, from: "2025-10-01" }]
    ])
  })
})

describe("an objective removed by an amendment", () => {
  it("is evaluated in 2025, and no longer from 2026, the year its removal takes effect", () => {
    const removed = withRemoval()
    expect(
      evaluateObjectives(removed, activities, { year: 2025 }).results.map((r) => [r.objectiveId, r.value])
    ).toEqual([
      ["ateliers-parents", fraction(7)],
      ["reunions-reaap", fraction(1)]
    ])
    const in2026 = evaluateObjectives(removed, activities, { year: 2026 })
    expect(in2026.results.map((r) => r.objectiveId)).toEqual(["reunions-reaap"])
    expect(Object.isFrozen(in2026.removedObjectives?.[0]?.removed)).toBe(true)
    expect(in2026.removedObjectives).toEqual([
      {
        objectiveId: "ateliers-parents",
        title: "Au moins 6 ateliers collectifs de soutien à la parentalité par an",
        removed: { amendment: 2, from: "2026-07-01" }
      }
    ])
    expect(evaluateObjectives(removed, activities, { year: 2025 }).removedObjectives).toBeUndefined()
    // Known on 2026-06-01, before amendment n° 2 is signed, the workshops are still evaluated in
    // 2026: 3 by then (21/01, 18/03, 20/05), and 1 Reaap meeting (10/02).
    const known = evaluateObjectives(removed, activities, { year: 2026, asOf: "2026-06-01" })
    expect(known.results.map((r) => [r.objectiveId, r.value])).toEqual([
      ["ateliers-parents", fraction(3)],
      ["reunions-reaap", fraction(1)]
    ])
  })

  it("is listed across the years as removed, not applicable from 2026", () => {
    const review = evaluateConventionObjectives(withRemoval(), activities)
    const workshops = review.objectives[0]
    expect(workshops?.byYear).toEqual([
      { year: 2025, status: "met" },
      { year: 2026, status: "not-applicable" },
      { year: 2027, status: "not-applicable" }
    ])
    expect(workshops?.removed).toEqual({ amendment: 2, from: "2026-07-01" })
    expect(workshops?.notMet).toEqual([])
  })
})
