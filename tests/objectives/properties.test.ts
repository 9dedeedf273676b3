import fc from "fast-check"
import { beforeEach, describe, expect, it } from "vitest"
import {
  type Convention,
  ACTIVITY_KINDS,
  type Activity,
  PARTNERSHIP_BODIES,
  SECTORS,
  SITUATIONS,
  evaluateObjectives,
  parseActivity
} from "caf-conventions"
import { cpo } from "../fixtures.js"
import { runs } from "../runs.js"

const makeFounding = (): Convention => cpo()
const pad = (n: number) => String(n).padStart(2, "0")

const structure = fc.record({
  id: fc.constantFrom("s1", "s2", "s3", "s4", "s5", "fase"),
  legalForm: fc.constantFrom("association-loi-1901", "scop", "collectivite"),
  departement: fc.constantFrom("91", "77"),
  situation: fc.constantFrom(...SITUATIONS)
})

const record = (id: string) =>
  fc
    .record(
      {
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        year: fc.constantFrom(2023, 2024, 2024, 2024, 2025),
        kind: fc.constantFrom(...ACTIVITY_KINDS),
        structures: fc.array(structure, { maxLength: 3 }),
        sector: fc.constantFrom(...SECTORS),
        body: fc.constantFrom(...PARTNERSHIP_BODIES),
        hours: fc.integer({ min: 1, max: 16 }),
        fundedBy: fc.subarray(["fpt", "dla"])
      },
      { requiredKeys: ["month", "day", "year", "kind", "structures", "fundedBy"] }
    )
    .map((g): Activity => {
      const seen = new Set<string>()
      const structures = g.structures.filter((s) => !seen.has(s.id) && seen.add(s.id))
      const { month, day, year, ...rest } = g
      return parseActivity({ ...rest, structures, id, date: `${year}-${pad(month)}-${pad(day)}` })
    })

const records = fc
  .integer({ min: 0, max: 40 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => record(`r${i}`))))
const asOf = fc.constantFrom(undefined, "2024-06-30", "2024-12-31")

const snapshot = (list: ReadonlyArray<Activity>, date?: string) =>
  JSON.stringify(evaluateObjectives(founding, list, { year: 2024, ...(date === undefined ? {} : { asOf: date }) }))

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let founding: Convention
beforeEach(() => {
  founding = makeFounding()
})

describe("objectives: invariants (properties)", () => {
  it("do not depend on the order of the records", () => {
    fc.assert(
      fc.property(records, asOf, fc.integer(), (list, date, seed) => {
        const shuffled = [...list].sort(
          (a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 5) || (a.id < b.id ? 1 : -1)
        )
        expect(snapshot(shuffled, date)).toBe(snapshot(list, date))
      }),
      runs(300)
    )
  })

  it("count a duplicated record once", () => {
    fc.assert(
      fc.property(records, fc.nat(), (list, index) => {
        fc.pre(list.length > 0)
        const copy = list[index % list.length] as Activity
        const before = evaluateObjectives(founding, list, { year: 2024 })
        const after = evaluateObjectives(founding, [...list, structuredClone(copy)], { year: 2024 })
        expect(after.results.map((r) => [r.value, r.counted])).toEqual(before.results.map((r) => [r.value, r.counted]))
      }),
      runs(300)
    )
  })

  it("never lower a count or a number of distinct structures when a record is added", () => {
    fc.assert(
      fc.property(records, record("added"), (list, added) => {
        const before = evaluateObjectives(founding, list, { year: 2024 })
        const after = evaluateObjectives(founding, [...list, added], { year: 2024 })
        after.results.forEach((result, i) => {
          const previous = before.results[i]!
          expect(result.value.numerator * previous.value.denominator).toBeGreaterThanOrEqual(
            previous.value.numerator * result.value.denominator
          )
        })
      }),
      runs(300)
    )
  })

  it("account for every record: each is counted or excluded with a reason, for every objective", () => {
    fc.assert(
      fc.property(records, asOf, (list, date) => {
        const evaluation = evaluateObjectives(founding, list, {
          year: 2024,
          ...(date === undefined ? {} : { asOf: date })
        })
        for (const result of evaluation.results) {
          const ids = [...result.counted, ...result.excluded.map((e) => e.id)].sort()
          expect(ids).toEqual(list.map((r) => r.id).sort())
          expect(result.excluded.every((e) => e.detail.length > 0)).toBe(true)
        }
      }),
      runs(300)
    )
  })
})
