import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  ACCOMPANIMENT_KINDS,
  CLAUSES,
  CONVENTION_KINDS,
  ROUNDING_MODES,
  SECTORS,
  encodeConvention,
  parseConvention,
  safeParseConvention,
  termsAsOf
} from "caf-conventions"
import { runs } from "../runs.js"

const pad = (value: number) => String(value).padStart(2, "0")
const amount = fc.integer({ min: 0, max: 99_999_999 }).map((cents) => (cents / 100).toFixed(2).replace(/\.00$/, ""))

/** Valid convention documents: random periods, codes, amounts, payment terms and amendments. */
const conventionJson = fc
  .record({
    startYear: fc.integer({ min: 2000, max: 2030 }),
    years: fc.integer({ min: 1, max: 5 }),
    startMonth: fc.integer({ min: 1, max: 12 }),
    kind: fc.constantFrom(...CONVENTION_KINDS),
    sectors: fc.subarray([...SECTORS], { minLength: 1 }),
    kinds: fc.subarray([...ACCOMPANIMENT_KINDS], { minLength: 1 }),
    clauses: fc.subarray([...CLAUSES]),
    perYear: fc.boolean(),
    amounts: fc.array(amount, { minLength: 6, maxLength: 6 }),
    advanceRate: fc.constantFrom("0.5", "0.7", "0.35", "1", "0"),
    rounding: fc.constantFrom(...ROUNDING_MODES),
    raise: fc.option(amount, { nil: undefined }),
    target: fc.integer({ min: 0, max: 20 })
  })
  .map((g) => {
    const start = `${g.startYear}-${pad(g.startMonth)}-01`
    const end = `${g.startYear + g.years}-${pad(g.startMonth)}-01`
    const years = Array.from({ length: g.years + 1 }, (_, i) => g.startYear + i)
    const byYear = Object.fromEntries(years.map((year, i) => [String(year), g.amounts[i] ?? "0"]))
    return {
      id: "c-1",
      title: "Convention générée",
      kind: g.kind,
      funderId: "caf",
      partnerId: "asso",
      signatureDate: start,
      terms: {
        period: { start, end },
        territory: ["91"],
        sectors: g.sectors,
        accompanimentKinds: g.kinds,
        amounts: g.perYear ? { kind: "per-year", byYear } : { kind: "constant", yearlyAmount: g.amounts[0] },
        payment: { advanceRate: g.advanceRate, rounding: g.rounding },
        clauses: g.clauses,
        objectives: [
          {
            id: "o",
            title: "Objectif",
            indicator: { kind: "count-actions", filter: { activityKinds: ["action-collective"] } },
            target: { atLeast: g.target }
          }
        ]
      },
      amendments:
        g.raise === undefined
          ? []
          : [
              {
                number: 1,
                signatureDate: start,
                effectiveDate: start,
                reason: "Avenant",
                changes: [
                  g.perYear
                    ? { kind: "year-amount", year: g.startYear, amount: g.raise }
                    : { kind: "yearly-amount", yearlyAmount: g.raise }
                ]
              }
            ]
    }
  })

describe("convention documents round-trip", () => {
  it("parse(encode(parse(json))) equals parse(json), and never mutates the input (property)", () => {
    fc.assert(
      fc.property(conventionJson, (json) => {
        const frozen = JSON.stringify(json)
        const result = safeParseConvention(json)
        expect(result.success ? [] : result.error.issues).toEqual([])
        if (!result.success) return
        const encoded = encodeConvention(result.data)
        const again = parseConvention(JSON.parse(JSON.stringify(encoded)))
        expect(encodeConvention(again)).toEqual(encoded)
        expect(termsAsOf(again, again.terms.period.end).terms.amounts).toEqual(
          termsAsOf(result.data, result.data.terms.period.end).terms.amounts
        )
        expect(JSON.stringify(json)).toBe(frozen)
      }),
      runs(1000)
    )
  })
})
