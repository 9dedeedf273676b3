import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Euros, ROUNDING_MODES, type RoundingMode } from "caf-conventions"
import { Dec } from "../../src/money/decimal.js"
import type { Decimal } from "decimal.js"
import { TO_DECIMAL_JS } from "./decimal-rounding.js"

const decimalRounding = (mode: RoundingMode): Decimal.Rounding => TO_DECIMAL_JS[mode]

/** What `times` computed before its integer path: the amount through the private decimal clone. */
function throughDecimal(cents: number, ratio: string, mode: RoundingMode): string {
  const product = new Dec(cents).times(ratio).div(100)
  return Euros.fromCents(product.times(100).toDecimalPlaces(0, decimalRounding(mode)).toNumber()).toString()
}

const ratioText = fc
  .tuple(fc.boolean(), fc.nat({ max: 999_999 }), fc.integer({ min: 0, max: 9 }), fc.nat())
  .map(([negative, whole, decimals, digits]) => {
    const fraction = decimals === 0 ? "" : `.${String(digits % 10 ** decimals).padStart(decimals, "0")}`
    return `${negative ? "-" : ""}${whole % 4}${fraction}`
  })

describe("Euros.times in whole cents", () => {
  it("gives the decimal path's cent for every rounding mode, on halves and near-halves too", () => {
    const cases: ReadonlyArray<readonly [number, string, RoundingMode, string]> = [
      [10001, "0.5", "half-up", "50.01"],
      [10001, "0.5", "half-even", "50.00"],
      [10001, "0.5", "half-down", "50.00"],
      [-10001, "0.5", "half-up", "-50.01"],
      [-10001, "0.5", "floor", "-50.01"],
      [-10001, "0.5", "ceiling", "-50.00"],
      [10001, "0.5", "up", "50.01"],
      [10001, "0.5", "down", "50.00"],
      [3000000, "0.35", "half-up", "10500.00"],
      [100, "0.333333333", "up", "0.34"],
      [100, "0.333333333", "down", "0.33"]
    ]
    for (const [cents, ratio, mode, expected] of cases) {
      expect(Euros.fromCents(cents).times(ratio, mode).toString()).toBe(expected)
      expect(throughDecimal(cents, ratio, mode)).toBe(expected)
    }
  })

  it("matches the decimal path on random amounts, ratios and modes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 13), max: 10 ** 13 }),
        ratioText,
        fc.constantFrom(...ROUNDING_MODES),
        (cents, ratio, mode) => {
          let expected: string
          try {
            expected = throughDecimal(cents, ratio, mode)
          } catch {
            expect(() => Euros.fromCents(cents).times(ratio, mode)).toThrow()
            return
          }
          expect(Euros.fromCents(cents).times(ratio, mode).toString()).toBe(expected)
        }
      ),
      { numRuns: 20_000 }
    )
  })

  it("keeps the decimal path's errors for texts it does not read and products past 2^52", () => {
    const max = Euros.fromCents(10 ** 15 - 1)
    expect(() => max.times("2")).toThrow(/not below 10\^13/)
    expect(max.times("0.5", "down").toString()).toBe("4999999999999.99")
    expect(Euros.parse("10").times("1e1").toString()).toBe("100.00")
    expect(() => Euros.parse("10").times("0x10")).toThrow(/decimal number/)
    expect(() => Euros.parse("10").times("0.5", "banana" as RoundingMode)).toThrow(/rounding mode/)
  })
})
