/**
 * A document with many faults is refused with the first MAX_LISTED_ISSUES issues and the count
 * of the others; objects whose fields are inherited are refused where they are.
 */
import { describe, expect, it } from "vitest"
import {
  MAX_LISTED_ISSUES,
  ValidationError,
  evaluateObjectives,
  parseConvention,
  safeParseActivities,
  safeParseCalendarDate,
  safeParsePartner,
  safeParsePeriod,
  safeParsePortfolio
} from "caf-conventions"
import { cpoJson, exampleData } from "../fixtures.js"

const failure = (result: { success: boolean; error?: ValidationError }) => {
  if (result.success || result.error === undefined) throw new Error("expected a failure")
  return result.error
}

describe("a document with many faults", () => {
  it("lists the first 100 issues, in document order, and counts the others", () => {
    const bad = Array.from({ length: 20_000 }, (_, i) => ({ id: `a-${i}`, bogus: 1 }))
    const error = failure(safeParseActivities(bad))
    expect(MAX_LISTED_ISSUES).toBe(100)
    expect(error.issues).toHaveLength(100)
    expect(error.omittedIssues).toBe(59_900)
    expect(error.issues.slice(0, 4).map((issue) => issue.path)).toEqual([
      [0, "bogus"],
      [0, "date"],
      [0, "kind"],
      [1, "bogus"]
    ])
    expect(error.issues[99]?.path).toEqual([33, "bogus"])
    const lines = error.message.split("\n")
    expect([lines.length, lines[0], lines[1], lines.at(-1)]).toEqual([
      102,
      "Invalid activities (60000 issues, the first 100 listed):",
      "  [0].bogus: Expected no excess property",
      "  … and 59900 more issues"
    ])
  })

  it("lists every issue, and counts none, up to the limit", () => {
    const error = failure(
      safeParseActivities(Array.from({ length: 50 }, (_, i) => ({ id: `a-${i}`, date: "2024-01-01" })))
    )
    expect([error.issues.length, error.omittedIssues]).toEqual([50, undefined])
    expect(error.message.split("\n")[0]).toBe("Invalid activities (50 issues):")
    const one = ValidationError.of("list", [], 1)
    expect([one.message, one.omittedIssues]).toEqual(["Invalid list (1 issue, none listed):\n  … and 1 more issue", 1])
  })

  it("bounds the issues of records an evaluator checks itself, with each record's index", () => {
    const convention = parseConvention(cpoJson())
    const records = Array.from({ length: 5_000 }, (_, i) => ({ id: `r-${i}` }))
    let caught: unknown
    try {
      evaluateObjectives(convention, records as never, { year: 2024 })
    } catch (error) {
      caught = error
    }
    const error = caught as ValidationError
    expect(error).toBeInstanceOf(ValidationError)
    expect([error.issues.length, error.omittedIssues, error.issues[0]?.path]).toEqual([100, 9_900, [0, "date"]])
    expect(error.message.split("\n").at(-1)).toBe("  … and 9900 more issues")
  })
})

describe("an object whose fields are inherited", () => {
  it("is refused, each inherited field named at its path", () => {
    expect(failure(safeParsePeriod(Object.create({ start: "2024-01-01", end: "2024-12-31" }))).issues).toMatchObject([
      { path: ["start"], message: "is inherited from the object's prototype, not a field of its own" },
      { path: ["end"], message: "is inherited from the object's prototype, not a field of its own" }
    ])
    const half = Object.create({ end: "2024-12-31" }) as Record<string, string>
    half["start"] = "2024-01-01"
    expect(failure(safeParsePeriod(half)).issues.map((issue) => issue.path)).toEqual([["end"]])
    const partner = (exampleData("portfolio.json") as { partners: Array<object> }).partners[1]!
    expect(failure(safeParsePartner(Object.create(partner))).issues[0]).toMatchObject({
      path: ["id"],
      message: "is inherited from the object's prototype, not a field of its own"
    })
  })

  it("is refused deep in a document, and so is a list that inherits its items", () => {
    const portfolio = exampleData("portfolio.json") as {
      partners: Array<object>
      conventions: Array<{ terms: { period: object } }>
    }
    portfolio.conventions[2]!.terms.period = Object.create(portfolio.conventions[2]!.terms.period)
    expect(failure(safeParsePortfolio(portfolio)).issues.map((issue) => issue.path)).toEqual([
      ["conventions", 2, "terms", "period", "start"],
      ["conventions", 2, "terms", "period", "end"]
    ])
    const list = Object.create(exampleData("activities.json")) as object
    expect(failure(safeParseActivities(list)).issues[0]).toMatchObject({
      path: [0],
      message: "is inherited from the object's prototype, not a field of its own"
    })
  })

  it("does not stop a document that refers to one object twice, or holds a cycle, from being read", () => {
    const period = { start: "2024-01-01", end: "2024-12-31" }
    expect(safeParsePeriod(period).success).toBe(true)
    const cyclic: Record<string, unknown> = { start: "2024-01-01", end: "2024-12-31" }
    cyclic["self"] = cyclic
    expect(failure(safeParsePeriod(cyclic)).issues.map((issue) => issue.path)).toEqual([["self"]])
    expect(safeParseCalendarDate(Object.create(null)).success).toBe(false)
  })
})
