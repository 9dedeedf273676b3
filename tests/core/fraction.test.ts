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
    expect(() => r(1, 0)).toThrow(
      expect.objectContaining({
        _tag: "InvalidArgument",
        argument: "denominator",
        message: "a fraction's denominator cannot be zero"
      })
    )
    expect(() => rationalOf(Number.NaN)).toThrow(
      expect.objectContaining({ argument: "value", message: "expected a finite number, got NaN" })
    )
    expect(() => rationalOf(Number.NEGATIVE_INFINITY)).toThrow(
      expect.objectContaining({ argument: "value", message: "expected a finite number, got -Infinity" })
    )
  })

  it("read a number exactly through its shortest decimal form, exponent forms included", () => {
    expect([rationalOf(3.25), rationalOf(-0.5), rationalOf(0), rationalOf(12), rationalOf(0.1234567)]).toEqual([
      { n: 13n, d: 4n },
      { n: -1n, d: 2n },
      { n: 0n, d: 1n },
      { n: 12n, d: 1n },
      { n: 1234567n, d: 10000000n }
    ])
    // JavaScript writes these with an exponent: 1e-7, -2.5e-7, 1e+21, 1.5e+22.
    expect([rationalOf(1e-7), rationalOf(-2.5e-7), rationalOf(1e21), rationalOf(1.5e22)]).toEqual([
      { n: 1n, d: 10000000n },
      { n: -1n, d: 4000000n },
      { n: 10n ** 21n, d: 1n },
      { n: 15n * 10n ** 21n, d: 1n }
    ])
    expect([
      compareRational(r(1, 3), r(2, 6)),
      compareRational(r(-1, 2), r(1, 3)),
      compareRational(r(2, 3), r(1, 2))
    ]).toEqual([0, -1, 1])
  })

  it("round in each of the seven modes, on halves and otherwise, positive and negative", () => {
    const modes = ["half-up", "half-even", "half-down", "ceiling", "floor", "up", "down"]
    const values: ReadonlyArray<[number, number]> = [
      [5, 2],
      [7, 2],
      [-5, 2],
      [-7, 2],
      [7, 3],
      [-7, 3],
      [8, 3],
      [-8, 3],
      [4, 2],
      [-4, 2]
    ]
    const table = Object.fromEntries(
      modes.map((mode) => [mode, values.map(([n, d]) => Number(roundRational(r(n, d), mode)))])
    )
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
    expect(() => toFraction(rational(1n, 2n ** 60n + 1n))).toThrow(
      expect.objectContaining({ argument: "value", message: "the fraction is too large to be represented exactly" })
    )
    // Up to the largest safe integer, exactly.
    const max = BigInt(Number.MAX_SAFE_INTEGER)
    expect([toFraction(rational(max)), toFraction(rational(-max)), toFraction(rational(1n, max))]).toEqual([
      { numerator: Number.MAX_SAFE_INTEGER, denominator: 1 },
      { numerator: -Number.MAX_SAFE_INTEGER, denominator: 1 },
      { numerator: 1, denominator: Number.MAX_SAFE_INTEGER }
    ])
    for (const tooLarge of [rational(max + 1n), rational(-max - 1n), rational(1n, max + 1n)])
      expect(() => toFraction(tooLarge)).toThrow(InvalidArgumentError)
    expect([
      formatFraction({ numerator: -7, denominator: 4 }),
      formatFraction({ numerator: -1, denominator: 3 }, 1),
      formatFraction({ numerator: 1, denominator: 200 }, 2)
    ]).toEqual(["-1,75", "-0,3", "0,01"])
    // Trailing zeros go, a negative value that rounds to zero prints as 0, whole numbers as they are.
    expect([
      formatFraction({ numerator: 3, denominator: 2 }, 3),
      formatFraction({ numerator: 10, denominator: 4 }, 4),
      formatFraction({ numerator: -1, denominator: 1000 }),
      formatFraction({ numerator: -4, denominator: 1 }),
      formatFraction({ numerator: 7, denominator: 1 }, 0),
      formatFraction({ numerator: 1, denominator: 8 }),
      formatFraction({ numerator: -1, denominator: 8 })
    ]).toEqual(["1,5", "2,5", "0", "-4", "7", "0,13", "-0,13"])
  })
})
