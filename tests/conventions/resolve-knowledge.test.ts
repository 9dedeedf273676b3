import { describe, expect, it } from "vitest"
import {
  InvalidArgumentError,
  ValidationError,
  resolveConvention,
  resolveKnowledge,
  resolvedYear
} from "caf-conventions"
import { evs, jeunesse } from "../fixtures.js"

const amountOf = (resolved: ReturnType<typeof resolveKnowledge>, year: number) =>
  resolvedYear(resolved, year)?.amount?.amount.toString()

describe("resolveKnowledge: one resolution for every day with the same knowledge", () => {
  // Loiret: amendment n° 1 signed 15/05/2025, effective 01/07/2025, 40 000 € a year raised to 48 000 €.
  it("gives the same value from one signature to the next, with the first day asked as its knownOn", () => {
    const loiret = jeunesse()
    const march = resolveKnowledge(loiret, { knownOn: "2025-03-31" })
    expect(resolveKnowledge(loiret, { knownOn: "2025-05-14" })).toBe(march)
    expect(march.knownOn).toBe("2025-03-31")
    expect([amountOf(march, 2025), march.amendments.length]).toEqual(["40000.00", 0])
    const signed = resolveKnowledge(loiret, { knownOn: "2025-05-15" })
    expect(signed).not.toBe(march)
    expect([amountOf(signed, 2025), signed.amendments.map((a) => a.number)]).toEqual(["44032.88", [1]])
    expect(resolveKnowledge(loiret, { knownOn: "2026-01-31" })).toBe(signed)
  })

  it("reads what resolveConvention reads on the day asked, and shares its cache", () => {
    const loiret = jeunesse()
    const day = resolveConvention(loiret, { knownOn: "2025-04-30" })
    const shared = resolveKnowledge(loiret, { knownOn: "2025-05-01" })
    // The first resolution of that knowledge is the one asked on 30/04/2025.
    expect(shared).toBe(day)
    expect(resolveConvention(loiret, { knownOn: "2025-05-01" })).not.toBe(shared)
    expect(resolveConvention(loiret, { knownOn: "2025-05-01" }).knownOn).toBe("2025-05-01")
    expect(resolveConvention(loiret, { knownOn: "2025-05-01" }).years).toBe(shared.years)
    // With everything known: the resolution of every amendment.
    expect(amountOf(resolveKnowledge(loiret), 2025)).toBe(amountOf(resolveConvention(loiret), 2025))
  })

  it("changes value on the day a termination is decided (Les Tilleuls: ended 30/09/2025, decided 10/07/2025)", () => {
    const tilleuls = evs()
    const before = resolveKnowledge(tilleuls, { knownOn: "2025-07-09" })
    const after = resolveKnowledge(tilleuls, { knownOn: "2025-07-10" })
    expect([before.period.end, before.terminated]).toEqual(["2026-12-31", false])
    expect([after.period.end, after.terminated]).toEqual(["2025-09-30", true])
    expect(resolveKnowledge(tilleuls, { knownOn: "2025-12-31" })).toBe(after)
  })

  it("checks its arguments at the door, as resolveConvention does", () => {
    expect(() => resolveKnowledge(jeunesse(), "2025-01-01" as never)).toThrow(InvalidArgumentError)
    expect(() => resolveKnowledge({ id: "x" })).toThrow(ValidationError)
    const refused = (() => {
      try {
        resolveKnowledge(jeunesse(), { knownOn: "2025-02-30" })
        return undefined
      } catch (error) {
        return error
      }
    })()
    expect(refused).toBeInstanceOf(ValidationError)
    expect((refused as ValidationError).issues.map((issue) => issue.path)).toEqual([["knownOn"]])
  })
})
