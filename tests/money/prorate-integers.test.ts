import fc from "fast-check"
import { Decimal } from "decimal.js"
import { describe, expect, it } from "vitest"
import { Euros, ROUNDING_MODES, type RoundingMode, prorate, prorateSum } from "caf-conventions"
import { TO_DECIMAL_JS } from "./decimal-rounding.js"

/** The decimal computation prorate and prorateSum made before they computed whole days in integers. */
const Reference = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 })

function reference(shares: ReadonlyArray<{ amount: Euros; part: number; whole: number }>, mode: RoundingMode): string {
  let sum = new Reference(0)
  for (const share of shares) sum = sum.plus(new Reference(share.amount.toString()).times(share.part).div(share.whole))
  return sum.toDecimalPlaces(2, TO_DECIMAL_JS[mode]).toFixed(2)
}

const cents = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
  fc.constantFrom(0, 1, -1, 4_500_000, 3_000_000, 50, -50)
)

describe("prorate and prorateSum on whole days", () => {
  it("give what the decimal computation gives, for every mode, ties included (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(365, 366, 2, 4, 12, 1000, 999_999, 1_000_000),
        fc.array(fc.tuple(cents, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...ROUNDING_MODES),
        (whole, raw, mode) => {
          const shares = raw.map(([c, f]) => ({ amount: Euros.fromCents(c), part: Math.round(f * whole), whole }))
          expect(prorateSum(shares, mode).toString()).toBe(reference(shares, mode))
          const [first] = shares as [(typeof shares)[number]]
          expect(prorate(first.amount, first.part, whole, mode).toString()).toBe(reference([first], mode))
        }
      ),
      { numRuns: 3000 }
    )
  })

  it("round a half cent as each mode says, on either side of zero", () => {
    // 1 cent × 1/2: exactly half a cent.
    const half = (c: number, mode: RoundingMode) => prorate(Euros.fromCents(c), 1, 2, mode).toString()
    expect(
      ["half-up", "half-down", "half-even", "up", "down", "ceiling", "floor"].map((m) => half(1, m as RoundingMode))
    ).toEqual(["0.01", "0.00", "0.00", "0.01", "0.00", "0.01", "0.00"])
    expect(
      ["half-up", "half-down", "half-even", "up", "down", "ceiling", "floor"].map((m) => half(-3, m as RoundingMode))
    ).toEqual(["-0.02", "-0.01", "-0.02", "-0.02", "-0.01", "-0.01", "-0.02"])
    // A share that rounds to zero from below is zero, not minus zero.
    expect(prorate(Euros.fromCents(-1), 1, 3).toString()).toBe("0.00")
    expect(Object.is(prorate(Euros.fromCents(-1), 1, 3).toCents(), 0n)).toBe(true)
  })

  it("leave the rest to the decimal computation: days over different wholes, fractions of days, large sums", () => {
    const year = [
      { amount: Euros.parse("30000"), part: 182, whole: 366 },
      { amount: Euros.parse("36000"), part: 100, whole: 365 }
    ]
    expect(prorateSum(year).toString()).toBe("24781.05")
    expect(prorate(Euros.parse("100"), 0.5, 3).toString()).toBe("16.67")
    const big = Euros.parse("9999999999999.99")
    expect(prorateSum([{ amount: big, part: 1000, whole: 1001 }]).toString()).toBe("9990009990009.98")
  })
})
