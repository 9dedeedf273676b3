import { describe, expect, it } from "vitest"
import { InvalidArgumentError, formatFraction } from "caf-conventions"
import { compareRational, rational, rationalOf, roundRational, toFraction } from "../../src/core/fraction.js"

const r = (n: number, d = 1) => rational(BigInt(n), BigInt(d))

describe("exact fractions (targets prorated by days, consumption ratios)", () => {
  it("are kept in lowest terms with a positive denominator", () => {
    expect([r(6, 4), r(-6, 4), r(6, -4), r(-6, -4), r(0, -5)]).toEqual([
      { n: 3n, d: 2n },
      { n: -3n, d: 2n },
      { n: -3n, d: 2n },
      { n: 3n, d: 2n },
      { n: 0n, d: 1n }
    ])
    expect(() => r(1, 0)).toThrow(InvalidArgumentError)
    expect([rationalOf(3.25), rationalOf(-0.5), rationalOf(1e-7)]).toEqual([{ n: 13n, d: 4n }, { n: -1n, d: 2n }, { n: 0n, d: 1n }])
    expect(() => rationalOf(Number.NaN)).toThrow(InvalidArgumentError)
    expect([compareRational(r(1, 3), r(2, 6)), compareRational(r(-1, 2), r(1, 3)), compareRational(r(2, 3), r(1, 2))]).toEqual([0, -1, 1])
  })

  it("round in each of the seven modes, on halves and otherwise, positive and negative", () => {
    const modes = ["half-up", "half-even", "half-down", "ceiling", "floor", "up", "down"]
    const values: ReadonlyArray<[number, number]> = [[5, 2], [7, 2], [-5, 2], [-7, 2], [7, 3], [-7, 3], [8, 3], [-8, 3], [4, 2], [-4, 2]]
    const table = Object.fromEntries(modes.map((mode) => [mode, values.map(([n, d]) => Number(roundRational(r(n, d), mode)))]))
    //          2.5  3.5  -2.5  -3.5  2.33  -2.33  2.67  -2.67  2  -2
    expect(table).toEqual({
      "half-up": [3, 4, -3, -4, 2, -2, 3, -3, 2, -2],
      "half-even": [2, 4, -2, -4, 2, -2, 3, -3, 2, -2],
      "half-down": [2, 3, -2, -3, 2, -2, 3, -3, 2, -2],
      ceiling: [3, 4, -2, -3, 3, -2, 3, -2, 2, -2],
      floor: [2, 3, -3, -4, 2, -3, 2, -3, 2, -2],
      up: [3, 4, -3, -4, 3, -3, 3, -3, 2, -2],
      down: [2, 3, -2, -3, 2, -2, 2, -2, 2, -2]
    })
  })

  it("are refused beyond what a number holds exactly, and printed the French way, negative ones too", () => {
    expect(toFraction(r(-3, 4))).toEqual({ numerator: -3, denominator: 4 })
    expect(() => toFraction(rational(2n ** 60n, 3n))).toThrow(InvalidArgumentError)
    expect(() => toFraction(rational(-(2n ** 60n), 3n))).toThrow(InvalidArgumentError)
    expect(() => toFraction(rational(1n, 2n ** 60n + 1n))).toThrow(InvalidArgumentError)
    expect([formatFraction({ numerator: -7, denominator: 4 }), formatFraction({ numerator: -1, denominator: 3 }, 1), formatFraction({ numerator: 1, denominator: 200 }, 2)]).toEqual(["-1,75", "-0,3", "0,01"])
  })
})
