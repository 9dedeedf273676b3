import { describe, expect, it } from "vitest"
import {
  ValidationError,
  compileEligibility,
  evaluateFundingUse,
  parseCandidates,
  parseActivities,
  parseExpenses,
  parsePortfolio,
  evaluateObjectives,
  isResolvedConvention,
  resolveConvention
} from "caf-conventions"
import { makeMark } from "../../src/core/mark.js"
import { decodedActivities } from "../../src/objectives/activity.js"
import { decodedCandidates } from "../../src/eligibility/candidate.js"
import { decodedExpenses, decodedPayments } from "../../src/funding/records.js"
import { decodedConventions } from "../../src/core/registry.js"
import { exampleData } from "../fixtures.js"

const activityJson = { id: "a-1", date: "2024-05-14", kind: "reunion-instance", body: "sdaf" } as const

describe("a mark on the values the library decoded", () => {
  it("is on the decoded record only: not on a copy, a spread, a clone, a JSON round trip, an heir or a proxy", () => {
    const [record] = parseActivities([activityJson])
    expect(decodedActivities.has(record)).toBe(true)
    expect(Object.isFrozen(record)).toBe(true)
    const lookalikes: ReadonlyArray<unknown> = [
      { ...record },
      Object.assign({}, record),
      structuredClone(record),
      JSON.parse(JSON.stringify(record)),
      Object.create(record as object),
      new Proxy(record as object, {}),
      activityJson
    ]
    for (const lookalike of lookalikes) expect(decodedActivities.has(lookalike)).toBe(false)
    // Invisible to every reflection a caller or a serialisation uses.
    expect(Object.getOwnPropertySymbols(record)).toEqual([])
    expect(Reflect.ownKeys(record as object)).toEqual(Object.keys(record as object))
    expect(JSON.stringify(record)).toBe(JSON.stringify(parseActivities([activityJson])[0]))
  })

  it("answers false for what is not an object, and marks of different kinds are distinct", () => {
    for (const value of [null, undefined, 3, "a-1", true, Symbol("x")]) expect(decodedActivities.has(value)).toBe(false)
    const [expense] = parseExpenses([{ id: "d-1", date: "2024-03-14", amount: "1200", category: "experts" }])
    expect(decodedExpenses.has(expense)).toBe(true)
    expect(decodedPayments.has(expense)).toBe(false)
    expect(decodedActivities.has(expense)).toBe(false)
    const one = makeMark()
    const other = makeMark()
    const value = {}
    one.add(value)
    one.add(value) // a second stamp changes nothing, and does not throw
    expect([one.has(value), other.has(value)]).toEqual([true, false])
  })

  it("marks the conventions of a decoded portfolio and the resolutions, not their copies", () => {
    const portfolio = parsePortfolio(exampleData("portfolio.json"))
    const convention = portfolio.conventions[0]
    expect(decodedConventions.has(convention)).toBe(true)
    expect(decodedConventions.has({ ...convention })).toBe(false)
    const resolved = resolveConvention(convention as never)
    expect(isResolvedConvention(resolved)).toBe(true)
    expect(Object.isFrozen(resolved)).toBe(true)
    expect(isResolvedConvention({ ...resolved })).toBe(false)
    // The cached resolution is the same value the second time.
    expect(resolveConvention(convention as never)).toBe(resolved)
  })

  it("lets no lookalike of a decoded record through unchecked: a spread copy with a wrong field is refused with its path", () => {
    const portfolio = parsePortfolio(exampleData("portfolio.json"))
    const convention = portfolio.conventions.find((item) => item.id === "cpo-2023-2025")
    const [record] = parseActivities([activityJson])
    const forged = { ...record, date: "2024-02-30" } as never
    expect(() => evaluateObjectives(convention as never, [forged], { year: 2024 })).toThrow(ValidationError)
    try {
      evaluateObjectives(convention as never, [forged], { year: 2024 })
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => issue.path.join("."))).toEqual(["0.date"])
    }
    const [expense] = parseExpenses([{ id: "d-1", date: "2024-03-14", amount: "1200", category: "experts" }])
    expect(() =>
      evaluateFundingUse(convention as never, {
        year: 2024,
        payments: [],
        expenses: [{ ...expense, amount: "-5" } as never]
      })
    ).toThrow(ValidationError)
  })

  it("marks decoded candidates: screening trusts them, and still checks a lookalike with a wrong field", () => {
    const portfolio = parsePortfolio(exampleData("portfolio.json"))
    const convention = portfolio.conventions.find((item) => item.id === "cpo-2023-2025")
    const [candidate] = parseCandidates(exampleData("candidates.json"))
    expect(decodedCandidates.has(candidate)).toBe(true)
    expect(decodedCandidates.has({ ...candidate })).toBe(false)
    const isEligible = compileEligibility(convention as never, { date: "2024-06-01" })
    expect(isEligible(candidate as never)).toBe(isEligible({ ...candidate } as never))
    try {
      isEligible({ ...candidate, sector: "sport" } as never)
      expect.unreachable("a candidate with an unknown sector must be refused")
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).issues.map((issue) => issue.path.join("."))).toEqual(["sector"])
    }
  })
})
