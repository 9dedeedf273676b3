import { isDeepStrictEqual } from "node:util"
import { describe, expect, it } from "vitest"
import { Euros } from "caf-conventions"

describe("deep equality of amounts", () => {
  it("sees different amounts as different and equal amounts as equal, however written", () => {
    expect(Euros.parse("1")).not.toEqual(Euros.parse("2"))
    expect({ amount: Euros.parse("30000") }).toEqual({ amount: Euros.parse("30000.00") })
    expect(Euros.fromCents(3_000_000)).toEqual(Euros.parse("30000"))
    expect(Euros.parse("-0")).toEqual(Euros.zero)
    expect(isDeepStrictEqual(Euros.parse("0.10").plus(Euros.parse("0.20")), Euros.parse("0.3"))).toBe(true)
    expect(isDeepStrictEqual(Euros.parse("0.31"), Euros.parse("0.3"))).toBe(false)
  })
})
