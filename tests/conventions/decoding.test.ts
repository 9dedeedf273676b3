import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  ValidationError,
  decodeConvention,
  encodeConvention,
  parseConvention,
  safeParseConvention
} from "caf-conventions"
import { cpoJson, problems } from "../fixtures.js"

function withChange(change: (json: Record<string, any>) => void): Record<string, any> {
  const json = cpoJson()
  change(json)
  return json
}

describe("decoding a convention: bad input gets every problem with its path", () => {
  it("lists the valid codes when a code is unknown", () => {
    const result = safeParseConvention(withChange((json) => (json.terms.sectors = ["jeunesse", "sport"])))
    expect(problems(result)).toEqual([
      'terms.sectors.1: Expected "petite-enfance" | "enfance" | "jeunesse" | "parentalite" | "animation-vie-sociale" | "logement" | "handicap" | "acces-aux-droits"'
    ])
  })

  it("refuses impossible dates and an end before the start", () => {
    expect(problems(safeParseConvention(withChange((json) => (json.signatureDate = "2023-02-30"))))).toEqual([
      "signatureDate: 2023-02-30 is not a calendar date: February 2023 has 28 days"
    ])
    expect(
      problems(
        safeParseConvention(withChange((json) => (json.terms.period = { start: "2025-01-01", end: "2023-12-31" })))
      )
    ).toEqual(["terms.period.end: the end 2023-12-31 is before the start 2025-01-01"])
  })

  it("refuses amounts with 3 decimals, negative amounts and amounts written as JSON numbers", () => {
    expect(
      problems(safeParseConvention(withChange((json) => (json.terms.amounts.yearlyAmount = "30000.001"))))
    ).toEqual(['terms.amounts.yearlyAmount: amount "30000.001" has more than 2 decimals'])
    expect(problems(safeParseConvention(withChange((json) => (json.terms.amounts.yearlyAmount = "-30000"))))).toEqual([
      "terms.amounts.yearlyAmount: amount -30000.00 must not be negative"
    ])
    expect(problems(safeParseConvention(withChange((json) => (json.terms.amounts.yearlyAmount = 30000))))).toEqual([
      "terms.amounts.yearlyAmount: Expected string"
    ])
  })

  it("names every missing field at once", () => {
    const result = safeParseConvention(
      withChange((json) => {
        delete json.title
        delete json.terms.period
        delete json.terms.clauses
      })
    )
    expect(problems(result)).toEqual(["title: Missing key", "terms.period: Missing key", "terms.clauses: Missing key"])
  })

  it("refuses unknown fields rather than dropping them", () => {
    expect(problems(safeParseConvention(withChange((json) => (json.terms.yearlyAmount = "30000"))))).toEqual([
      "terms.yearlyAmount: Expected no excess property"
    ])
  })

  it("refuses a per-year amount or a per-year target outside the period", () => {
    const result = safeParseConvention(
      withChange((json) => {
        json.terms.amounts = {
          kind: "per-year",
          byYear: { "2023": "30000", "2024": "30000", "2025": "30000", "2026": "30000" }
        }
        json.terms.objectives[1].targetsByYear = { "2022": { atLeast: 2 } }
      })
    )
    expect(problems(result)).toEqual([
      "terms.amounts.byYear.2026: the year 2026 is outside the period 2023-01-01..2025-12-31",
      "terms.objectives.1.targetsByYear.2022: the year 2022 is outside the period 2023-01-01..2025-12-31"
    ])
  })

  it("refuses a partner that is the funder, a notification before the signature, a repeated objective id", () => {
    const result = safeParseConvention(
      withChange((json) => {
        json.partnerId = "caf-91"
        json.notificationDate = "2022-12-01"
        json.terms.objectives[2].id = "suivi-coordonne"
      })
    )
    expect(problems(result)).toEqual([
      "partnerId: the partner cannot be the funder (caf-91)",
      "notificationDate: the notification 2022-12-01 is before the signature 2023-01-01",
      "terms.objectives.2.id: the objective id suivi-coordonne is already used by objectives[0]"
    ])
  })

  it("refuses payment terms whose shares exceed the year, and a fixed-date balance without its date", () => {
    expect(
      problems(
        safeParseConvention(
          withChange(
            (json) => (json.terms.payment = { advanceRate: "0.7", instalments: [{ share: "0.35", due: "07-31" }] })
          )
        )
      )
    ).toEqual([
      "terms.payment.instalments: the advance and the instalments add up to more than the year's amount (0.7 + 0.35)"
    ])
    expect(
      problems(safeParseConvention(withChange((json) => (json.terms.payment = { balanceTrigger: "fixed-date" }))))
    ).toEqual(["terms.payment.balanceDue: a balance paid on a fixed date needs balanceDue (MM-DD of the next year)"])
  })

  it("refuses __proto__ and constructor keys without polluting any prototype", () => {
    const text = JSON.stringify(cpoJson()).replace(
      '"terms":{',
      '"terms":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},'
    )
    const input = JSON.parse(text)
    const result = safeParseConvention(input)
    expect(problems(result)).toEqual([
      "terms.__proto__: Expected no excess property",
      "terms.constructor: Expected no excess property"
    ])
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
    expect((Object.prototype as Record<string, unknown>)["polluted"]).toBeUndefined()
    const byYear = JSON.parse('{"__proto__": "30000"}')
    const perYear = safeParseConvention(withChange((json) => (json.terms.amounts = { kind: "per-year", byYear })))
    expect(problems(perYear)).toEqual(["terms.amounts.byYear.__proto__: Expected no excess property"])
  })

  it("answers a deeply nested document with an error, not a crash", () => {
    let deep: unknown = "x"
    for (let i = 0; i < 10_000; i++) deep = { note: deep }
    const result = safeParseConvention(withChange((json) => (json.note = deep)))
    expect(result.success).toBe(false)
    expect(problems(result)[0]).toMatch(/^note: Expected string/)
  })

  it("answers a 10 MB document with an error, and lists the first 100 bad items of a long list and counts the others", () => {
    const huge = withChange((json) => (json.note = "x".repeat(10 * 1024 * 1024)))
    expect(problems(safeParseConvention(huge))).toEqual(["note: expected a non-blank text of at most 2000 characters"])
    const long = withChange(
      (json) => (json.terms.territory = Array.from({ length: 100_000 }, (_, i) => (i % 2 === 0 ? "9x" : "91")))
    )
    const result = safeParseConvention(long)
    const listed = problems(result)
    expect(listed).toHaveLength(100)
    expect(listed[0]).toBe('terms.territory.0: "9x" is not a valid département code (01–95, 2A, 2B, 971–976)')
    expect(listed[99]).toBe('terms.territory.198: "9x" is not a valid département code (01–95, 2A, 2B, 971–976)')
    expect(result.success ? undefined : result.error.omittedIssues).toBe(49_900)
    expect(
      result.success ? [] : result.error.message.split("\n").filter((_line, i, all) => i === 0 || i === all.length - 1)
    ).toEqual(["Invalid convention (50000 issues, the first 100 listed):", "  … and 49900 more issues"])
  })

  it("never mutates its input", () => {
    const input = cpoJson()
    const copy = structuredClone(input)
    parseConvention(input)
    safeParseConvention({ ...input, id: "" })
    expect(input).toEqual(copy)
  })

  it("throws a ValidationError from parse and fails the Effect from decode", () => {
    expect(() => parseConvention({ id: "x" })).toThrow(ValidationError)
    const error = Effect.runSync(Effect.flip(decodeConvention({ id: "x" })))
    expect(error.subject).toBe("convention")
    expect(error.issues.map((issue) => issue.path[0])).toEqual(["title", "kind", "funderId", "partnerId", "terms"])
  })

  it("encodes back to JSON that parses to an equal convention, defaults written out", () => {
    const convention = parseConvention(cpoJson())
    const json = encodeConvention(convention)
    expect(json.terms.payment).toEqual({
      advanceRate: "0.5",
      advanceDue: "03-31",
      instalments: [],
      balanceTrigger: "reports-accepted",
      paymentDeadlineDays: 60,
      rounding: "half-up"
    })
    expect(json.terms.amounts).toEqual({ kind: "constant", yearlyAmount: "30000.00" })
    expect(encodeConvention(parseConvention(JSON.parse(JSON.stringify(json))))).toEqual(json)
  })
})
