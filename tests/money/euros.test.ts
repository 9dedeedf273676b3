import { inspect } from "node:util"
import { Decimal } from "decimal.js"
import { beforeEach, describe, expect, it } from "vitest"
import { Euros, InvalidAmountError, InvalidArgumentError, ROUNDING_MODES } from "caf-conventions"

function problemOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof InvalidAmountError) return error.problem
    throw error
  }
  throw new Error("expected an InvalidAmountError")
}

describe("Euros.parse", () => {
  it.each([
    ["30000", "30000.00"],
    ["30000.5", "30000.50"],
    ["30000.50", "30000.50"],
    ["0", "0.00"],
    ["-12.05", "-12.05"],
    ["-0", "0.00"],
    ["9999999999999.99", "9999999999999.99"]
  ])("reads %s as %s", (input, expected) => {
    expect(Euros.parse(input).toString()).toBe(expected)
  })

  it.each([
    ["", "empty"],
    ["30 000", "malformed"],
    ["30000,50", "malformed"],
    ["1e3", "malformed"],
    [".5", "malformed"],
    ["5.", "malformed"],
    ["+5", "malformed"],
    ["007", "malformed"],
    [" 5", "malformed"],
    ["NaN", "malformed"],
    ["Infinity", "malformed"],
    ["1.001", "too-many-decimals"],
    ["-0.125", "too-many-decimals"],
    ["10000000000000", "out-of-range"]
  ])("rejects %j (%s)", (input, problem) => {
    expect(problemOf(() => Euros.parse(input))).toBe(problem)
  })

  it("says in French what was wrong and where", () => {
    try {
      Euros.parse("30000,50", ["conventions", 0, "yearlyAmount"])
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidAmountError)
      const amountError = error as InvalidAmountError
      expect(amountError._tag).toBe("InvalidAmount")
      expect(amountError.path).toEqual(["conventions", 0, "yearlyAmount"])
      expect(amountError.message).toBe(
        'amount "30000,50" is not a decimal number written with digits and a dot, such as "30000.50"'
      )
      expect(amountError.frenchMessage).toBe(
        "le montant doit s'écrire avec des chiffres et un point décimal, par exemple 30000.50"
      )
    }
  })

  it("rejects a value that is not a string, even when TypeScript is bypassed", () => {
    expect(problemOf(() => Euros.parse(30000 as unknown as string))).toBe("malformed")
  })

  it("has a safe variant that returns the error", () => {
    const ok = Euros.safeParse("12.3")
    expect(ok.success && ok.data.toString()).toBe("12.30")
    const ko = Euros.safeParse("12.345")
    expect(!ko.success && ko.error.problem).toBe("too-many-decimals")
  })
})

describe("Euros from cents and from numbers", () => {
  it("reads integer cents, as numbers or bigints", () => {
    expect(Euros.fromCents(3_000_050).toString()).toBe("30000.50")
    expect(Euros.fromCents(-1n).toString()).toBe("-0.01")
    expect(Euros.fromCents(0).toString()).toBe("0.00")
  })

  it("refuses fractional or unsafe cents", () => {
    expect(problemOf(() => Euros.fromCents(1.5))).toBe("not-an-integer")
    expect(problemOf(() => Euros.fromCents(2 ** 53))).toBe("not-an-integer")
  })

  it("reads a finite number with at most two decimals", () => {
    expect(Euros.fromNumber(1234.5).toString()).toBe("1234.50")
    expect(Euros.fromNumber(-0.07).toString()).toBe("-0.07")
    expect(Euros.fromNumber(30000).toString()).toBe("30000.00")
  })

  it("refuses NaN, infinities and numbers with more than two decimals", () => {
    expect(problemOf(() => Euros.fromNumber(Number.NaN))).toBe("not-finite")
    expect(problemOf(() => Euros.fromNumber(Number.POSITIVE_INFINITY))).toBe("not-finite")
    expect(problemOf(() => Euros.fromNumber(Number.NEGATIVE_INFINITY))).toBe("not-finite")
    expect(problemOf(() => Euros.fromNumber(0.1 + 0.2))).toBe("too-many-decimals")
    expect(problemOf(() => Euros.fromNumber(1.005))).toBe("too-many-decimals")
  })
})

describe("Euros arithmetic", () => {
  let a: Euros
  beforeEach(() => {
    a = Euros.parse("0.10")
  })
  let b: Euros
  beforeEach(() => {
    b = Euros.parse("0.20")
  })

  it("adds and subtracts exactly, where floats would not", () => {
    expect(a.plus(b).toString()).toBe("0.30")
    expect(a.plus(b).equals(Euros.parse("0.3"))).toBe(true)
    expect(Euros.parse("15000").minus(Euros.parse("15000.01")).toString()).toBe("-0.01")
  })

  it("sums a list, zero for none", () => {
    expect(Euros.sum([Euros.parse("10500"), Euros.parse("10500"), Euros.parse("9000")]).toString()).toBe("30000.00")
    expect(Euros.sum([]).toString()).toBe("0.00")
  })

  it("multiplies by a ratio given as a string or a number, half-up by default", () => {
    expect(Euros.parse("30000").times("0.35").toString()).toBe("10500.00")
    expect(Euros.parse("30000").times(0.7).toString()).toBe("21000.00")
    expect(Euros.parse("100.01").times("0.5").toString()).toBe("50.01")
    expect(Euros.parse("-100.01").times("0.5").toString()).toBe("-50.01")
  })

  it("rounds with every named mode", () => {
    const results = ROUNDING_MODES.map((mode) => [
      mode,
      Euros.round("2.345", mode).toString(),
      Euros.round("-2.345", mode).toString()
    ])
    expect(results).toEqual([
      ["half-up", "2.35", "-2.35"],
      ["half-even", "2.34", "-2.34"],
      ["half-down", "2.34", "-2.34"],
      ["up", "2.35", "-2.35"],
      ["down", "2.34", "-2.34"],
      ["ceiling", "2.35", "-2.34"],
      ["floor", "2.34", "-2.35"]
    ])
    expect(Euros.round("2.355", "half-even").toString()).toBe("2.36")
    expect(Euros.round("2.3449999", "half-up").toString()).toBe("2.34")
  })

  it("refuses a ratio that is not a finite decimal", () => {
    expect(() => Euros.parse("1").times(Number.NaN)).toThrow(InvalidArgumentError)
    expect(() => Euros.parse("1").times("abc")).toThrow(InvalidArgumentError)
    expect(() => Euros.round("Infinity")).toThrow(InvalidArgumentError)
  })

  it("negates, takes absolute values and compares", () => {
    expect(Euros.parse("12.5").negated().toString()).toBe("-12.50")
    expect(Euros.parse("-12.5").abs().toString()).toBe("12.50")
    expect(Euros.parse("2").compare(Euros.parse("10"))).toBe(-1)
    expect(Euros.parse("10").compare(Euros.parse("10.00"))).toBe(0)
    expect(Euros.parse("10.01").compare(Euros.parse("10"))).toBe(1)
    expect(Euros.parse("23000.01").greaterThan(Euros.parse("23000"))).toBe(true)
    expect(Euros.parse("23000").greaterThanOrEqual(Euros.parse("23000"))).toBe(true)
    expect(Euros.parse("23000").lessThan(Euros.parse("23000"))).toBe(false)
    expect(Euros.parse("23000").lessThanOrEqual(Euros.parse("23000"))).toBe(true)
    expect(Euros.min(Euros.parse("3"), Euros.parse("2")).toString()).toBe("2.00")
    expect(Euros.max(Euros.parse("3"), Euros.parse("2")).toString()).toBe("3.00")
    expect([Euros.parse("0").isZero(), Euros.parse("-0.01").isNegative(), Euros.parse("0.01").isPositive()]).toEqual([
      true,
      true,
      true
    ])
    expect([Euros.zero.isNegative(), Euros.zero.isPositive()]).toEqual([false, false])
  })

  it("converts to cents", () => {
    expect(Euros.parse("30000.50").toCents()).toBe(3_000_050n)
    expect(Euros.parse("-0.07").toCents()).toBe(-7n)
  })

  it("refuses to leave the supported range", () => {
    const big = Euros.parse("9999999999999.99")
    expect(problemOf(() => big.plus(Euros.parse("0.01")))).toBe("out-of-range")
  })

  it("never changes the host application's global Decimal configuration", () => {
    const before = { precision: Decimal.precision, rounding: Decimal.rounding }
    Euros.parse("1.05").times("0.333333")
    expect({ precision: Decimal.precision, rounding: Decimal.rounding }).toEqual(before)
  })

  it("is unaffected by a host application's global Decimal configuration", () => {
    const saved = { precision: Decimal.precision, rounding: Decimal.rounding }
    Decimal.set({ precision: 3, rounding: Decimal.ROUND_FLOOR })
    try {
      expect(Euros.parse("30000.57").times("0.5").toString()).toBe("15000.29")
    } finally {
      Decimal.set(saved)
    }
  })
})

describe("Euros formatting", () => {
  it("prints the French way with Intl's fr-FR separators", () => {
    const intl = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" })
    expect(Euros.parse("30000").format()).toBe(intl.format(30000))
    expect(Euros.parse("-1234.5").format()).toBe(intl.format(-1234.5))
    // Negative amounts whose digits fill whole groups of three, or less than one.
    for (const value of ["-123.45", "-0.05", "-999999.99"])
      expect(Euros.parse(value).format()).toBe(intl.format(Number(value)))
    expect(Euros.parse("0.07").format()).toBe(intl.format(0.07))
    expect(Euros.parse("30000").format().replace(/\s/gu, " ")).toBe("30 000,00 €")
  })

  it("stays exact beyond what a float can hold", () => {
    expect(Euros.parse("9999999999999.99").format().replace(/\s/gu, " ")).toBe("9 999 999 999 999,99 €")
  })

  it("travels in JSON as a string with two decimals, never as a float", () => {
    expect(JSON.stringify({ amount: Euros.parse("30000") })).toBe('{"amount":"30000.00"}')
  })
})

describe("Euros in a log", () => {
  it("shows its decimal text to util.inspect, not its cents", () => {
    expect(inspect(Euros.parse("50000"))).toBe("Euros(50000.00)")
    expect(inspect({ granted: Euros.parse("-1234.5") })).toBe("{ granted: Euros(-1234.50) }")
  })
})
