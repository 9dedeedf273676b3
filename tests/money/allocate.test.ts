import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Euros, InvalidArgumentError, ROUNDING_MODES, allocate, prorate } from "caf-conventions"
import { runs } from "../runs.js"

const RUNS = runs(1000)
const cents = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n })
const amount = cents.map((value) => Euros.fromCents(value))

describe("allocate", () => {
  it("splits 100 € in three, the leftover cent to the first part", () => {
    expect(allocate(Euros.parse("100"), [1, 1, 1]).map(String)).toEqual(["33.34", "33.33", "33.33"])
  })

  it("splits a yearly amount into instalments of 35 %, 35 % and 30 %", () => {
    expect(allocate(Euros.parse("30000"), ["0.35", "0.35", "0.30"]).map(String)).toEqual([
      "10500.00",
      "10500.00",
      "9000.00"
    ])
    expect(allocate(Euros.parse("15081.97"), [35, 35, 30]).map(String)).toEqual(["5278.69", "5278.69", "4524.59"])
  })

  it("gives leftover cents to the largest remainders, not merely the first parts", () => {
    // Exact shares: 0.0333…, 0.0666… → the second part has the larger remainder.
    expect(allocate(Euros.parse("0.10"), [1, 2]).map(String)).toEqual(["0.03", "0.07"])
  })

  it("splits negative amounts symmetrically", () => {
    expect(allocate(Euros.parse("-100"), [1, 1, 1]).map(String)).toEqual(["-33.34", "-33.33", "-33.33"])
  })

  it("gives nothing to a zero ratio", () => {
    expect(allocate(Euros.parse("10"), [0, 1]).map(String)).toEqual(["0.00", "10.00"])
  })

  it("refuses empty, negative or all-zero ratios", () => {
    expect(() => allocate(Euros.parse("10"), [])).toThrow(InvalidArgumentError)
    expect(() => allocate(Euros.parse("10"), [1, -1])).toThrow(InvalidArgumentError)
    expect(() => allocate(Euros.parse("10"), [0, 0])).toThrow(InvalidArgumentError)
    expect(() => allocate(Euros.parse("10"), ["x"])).toThrow(InvalidArgumentError)
  })

  it("always sums to the whole, each part within a cent of its exact share (property)", () => {
    fc.assert(
      fc.property(
        cents,
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 0))
          const parts = allocate(Euros.fromCents(total), weights)
          expect(parts).toHaveLength(weights.length)
          expect(parts.reduce((sum, part) => sum + part.toCents(), 0n)).toBe(total)
          const weightSum = BigInt(weights.reduce((sum, weight) => sum + weight, 0))
          parts.forEach((part, index) => {
            // |part − total × w / W| < 1 cent  ⇔  |part × W − total × w| < W
            const gap = part.toCents() * weightSum - total * BigInt(weights[index] ?? 0)
            expect(gap < 0n ? -gap : gap).toBeLessThan(weightSum)
          })
        }
      ),
      RUNS
    )
  })
})

describe("prorate", () => {
  it("gives the yearly amount for 184 days of the leap year 2024", () => {
    expect(prorate(Euros.parse("30000"), 184, 366).toString()).toBe("15081.97")
    expect(prorate(Euros.parse("30000"), 184, 366, "down").toString()).toBe("15081.96")
  })

  it("gives the whole amount for the whole and zero for nothing", () => {
    expect(prorate(Euros.parse("30000"), 365, 365).toString()).toBe("30000.00")
    expect(prorate(Euros.parse("30000"), 0, 365).toString()).toBe("0.00")
  })

  it("refuses a part above the whole, a negative part or a zero whole", () => {
    expect(() => prorate(Euros.parse("1"), 5, 4)).toThrow(InvalidArgumentError)
    expect(() => prorate(Euros.parse("1"), -1, 4)).toThrow(InvalidArgumentError)
    expect(() => prorate(Euros.parse("1"), 0, 0)).toThrow(InvalidArgumentError)
    expect(() => prorate(Euros.parse("1"), Number.NaN, 4)).toThrow(InvalidArgumentError)
  })

  it("is monotone in the part and bounded by zero and the amount (property)", () => {
    fc.assert(
      fc.property(
        amount,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...ROUNDING_MODES),
        (value, whole, p, q, mode) => {
          const [low, high] = [Math.min(p, q, whole), Math.min(Math.max(p, q), whole)]
          const a = prorate(value, low, whole, mode)
          const b = prorate(value, high, whole, mode)
          const [floor, ceiling] = value.isNegative() ? [value, Euros.zero] : [Euros.zero, value]
          for (const share of [a, b]) {
            expect(share.greaterThanOrEqual(floor) && share.lessThanOrEqual(ceiling)).toBe(true)
          }
          if (value.isNegative()) expect(b.lessThanOrEqual(a)).toBe(true)
          else expect(a.lessThanOrEqual(b)).toBe(true)
        }
      ),
      RUNS
    )
  })
})
