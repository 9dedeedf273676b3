import { describe, expect, it } from "vitest"
import { Euros, InvalidArgumentError, prorate, prorateSum } from "caf-conventions"

describe("prorateSum", () => {
  it("rounds the sum of the shares once, keeping the cent each rounding would lose", () => {
    const third = { amount: Euros.parse("100"), part: 1, whole: 3 }
    expect(prorateSum([third, third, third]).toString()).toBe("100.00")
    expect(Euros.sum([third, third, third].map((s) => prorate(s.amount, s.part, s.whole))).toString()).toBe("99.99")
    // A yearly amount raised from 30 000 € to 36 000 € on 1 July of a leap year.
    const raised = [
      { amount: Euros.parse("30000"), part: 182, whole: 366 },
      { amount: Euros.parse("36000"), part: 184, whole: 366 }
    ]
    expect(prorateSum(raised).toString()).toBe("33016.39")
    expect(prorateSum(raised, "down").toString()).toBe("33016.39")
    expect(prorateSum([]).toString()).toBe("0.00")
  })

  it("refuses a share out of bounds with the path of the share", () => {
    expect(() => prorateSum([{ amount: Euros.parse("1"), part: 3, whole: 2 }])).toThrow(InvalidArgumentError)
    const refused = (() => {
      try {
        prorateSum([
          { amount: Euros.parse("1"), part: 1, whole: 2 },
          { amount: Euros.parse("1"), part: 1, whole: 0 }
        ])
        return undefined
      } catch (error) {
        return error
      }
    })()
    expect(refused).toBeInstanceOf(InvalidArgumentError)
    expect((refused as InvalidArgumentError).argument).toBe("shares[1].whole")
    expect(() => prorateSum("shares" as never)).toThrow(InvalidArgumentError)
  })
})
