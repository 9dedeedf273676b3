/**
 * What each money error says: its problem or argument, its message and the value at fault, so
 * that an application can show it, and log it, as it is.
 */
import { describe, expect, it } from "vitest"
import { Euros, InvalidAmountError, allocate, prorate } from "caf-conventions"

/** The error `run` throws, reduced to what a caller reads of it. */
function caught(run: () => unknown): Record<string, unknown> {
  try {
    run()
  } catch (error) {
    const { _tag, problem, argument, message, input, path } = error as Record<string, unknown>
    return Object.fromEntries(
      Object.entries({ _tag, problem, argument, message, input, path }).filter(([, value]) => value !== undefined)
    )
  }
  throw new Error("expected an error")
}

const max = () => Euros.parse("9999999999999.99")

describe("amounts refused", () => {
  it("when read from text", () => {
    expect(caught(() => Euros.parse(3 as never, ["amount"]))).toEqual({
      _tag: "InvalidAmount",
      problem: "malformed",
      message: "expected a decimal string, got number",
      input: 3,
      path: ["amount"]
    })
    expect(caught(() => Euros.parse(""))).toEqual({
      _tag: "InvalidAmount",
      problem: "empty",
      message: "amount is an empty string",
      input: "",
      path: []
    })
    expect(caught(() => Euros.parse("1.234"))).toMatchObject({
      problem: "too-many-decimals",
      message: 'amount "1.234" has more than 2 decimals'
    })
    expect(caught(() => Euros.parse("10000000000000", ["terms", 0]))).toEqual({
      _tag: "InvalidAmount",
      problem: "out-of-range",
      message: "amount 10000000000000 is not below 10^13 € in absolute value",
      input: "10000000000000",
      path: ["terms", 0]
    })
  })

  it("when made from cents or a number", () => {
    expect(caught(() => Euros.fromCents(1.5))).toEqual({
      _tag: "InvalidAmount",
      problem: "not-an-integer",
      message: "cents must be a safe integer, got 1.5",
      input: 1.5,
      path: []
    })
    expect(caught(() => Euros.fromCents(2n ** 53n + 1n))).toEqual({
      _tag: "InvalidAmount",
      problem: "out-of-range",
      message: "amount of 9007199254740993 cents is not below 10^13 € in absolute value",
      input: 2n ** 53n + 1n,
      path: []
    })
    expect(caught(() => Euros.fromCents(10n ** 15n))).toMatchObject({
      problem: "out-of-range",
      message: "amount 1000000000000000 is not below 10^13 € in absolute value"
    })
    expect(Euros.fromCents(10n ** 15n - 1n).toString()).toBe("9999999999999.99")
    expect(caught(() => Euros.fromNumber(Number.NaN))).toEqual({
      _tag: "InvalidAmount",
      problem: "not-finite",
      message: "amount must be a finite number, got NaN",
      input: Number.NaN,
      path: []
    })
    expect(caught(() => Euros.fromNumber(1.005))).toMatchObject({
      problem: "too-many-decimals",
      message: "amount 1.005 has more than 2 decimals",
      input: 1.005
    })
  })

  it("when a computation leaves the range", () => {
    const outOfRange = (input: string) => ({
      _tag: "InvalidAmount",
      problem: "out-of-range",
      message: `amount ${input} is not below 10^13 € in absolute value`,
      input,
      path: []
    })
    expect(caught(() => Euros.sum([max(), Euros.parse("0.01")]))).toEqual(outOfRange("sum"))
    expect(caught(() => max().plus(Euros.parse("0.01")))).toEqual(outOfRange("sum"))
    expect(caught(() => max().negated().minus(Euros.parse("0.01")))).toEqual(outOfRange("difference"))
    expect(caught(() => Euros.round("1e13"))).toEqual(outOfRange("1e13"))
    expect(caught(() => max().times("2"))).toEqual(outOfRange("2"))
  })

  it("when a ratio is not a decimal number", () => {
    expect(caught(() => Euros.round("x"))).toEqual({
      _tag: "InvalidArgument",
      argument: "value",
      message: 'value must be a decimal number such as "0.35", got "x"'
    })
    expect(caught(() => max().times(Number.POSITIVE_INFINITY))).toEqual({
      _tag: "InvalidArgument",
      argument: "ratio",
      message: "ratio must be finite, got Infinity"
    })
  })

  it("when a ratio is written in hexadecimal, binary or octal, which decimal.js would read", () => {
    expect(caught(() => Euros.round("0x10"))).toEqual({
      _tag: "InvalidArgument",
      argument: "value",
      message: 'value must be a decimal number such as "0.35", got "0x10"'
    })
    expect(caught(() => Euros.parse("1").times("0b11"))).toEqual({
      _tag: "InvalidArgument",
      argument: "ratio",
      message: 'ratio must be a decimal number such as "0.35", got "0b11"'
    })
    expect(caught(() => Euros.parse("1").times("0o7"))).toMatchObject({ _tag: "InvalidArgument", argument: "ratio" })
    expect(caught(() => Euros.parse("1").times(" 1"))).toMatchObject({ _tag: "InvalidArgument", argument: "ratio" })
    expect(caught(() => Euros.round(3n as never))).toEqual({
      _tag: "InvalidArgument",
      argument: "value",
      message: 'value must be a decimal number such as "0.35", got 3'
    })
    // Decimal text still reads, with a sign, a bare point or an exponent.
    expect(
      [
        Euros.round("+1.5"),
        Euros.round(".5"),
        Euros.round("5."),
        Euros.round("1e2"),
        Euros.parse("10").times("2.5E-1")
      ].map(String)
    ).toEqual(["1.50", "0.50", "5.00", "100.00", "2.50"])
  })

  it("round half up unless told otherwise", () => {
    expect(
      [
        Euros.round("0.125"),
        Euros.round("-0.125"),
        Euros.parse("0.05").times("0.5"),
        prorate(Euros.parse("0.05"), 1, 2)
      ].map(String)
    ).toEqual(["0.13", "-0.13", "0.03", "0.03"])
  })
})

describe("splits refused", () => {
  const hundred = () => Euros.parse("100")

  it("name the ratio at fault", () => {
    expect(caught(() => allocate(hundred(), []))).toEqual({
      _tag: "InvalidArgument",
      argument: "ratios",
      message: "ratios must not be empty"
    })
    expect(caught(() => allocate(hundred(), ["1", "a"]))).toEqual({
      _tag: "InvalidArgument",
      argument: "ratios[1]",
      message: 'ratios[1] must be a decimal number, got "a"'
    })
    expect(caught(() => allocate(hundred(), ["1", "2", "-1"]))).toEqual({
      _tag: "InvalidArgument",
      argument: "ratios[2]",
      message: "ratios[2] must be a finite number ≥ 0, got -1"
    })
    expect(caught(() => allocate(hundred(), ["0", 0]))).toEqual({
      _tag: "InvalidArgument",
      argument: "ratios",
      message: "at least one ratio must be positive"
    })
  })

  it("name a ratio written in hexadecimal or binary", () => {
    expect(caught(() => allocate(hundred(), ["0x10", "1"]))).toEqual({
      _tag: "InvalidArgument",
      argument: "ratios[0]",
      message: 'ratios[0] must be a decimal number, got "0x10"'
    })
    expect(caught(() => allocate(hundred(), ["1", "0b11"]))).toEqual({
      _tag: "InvalidArgument",
      argument: "ratios[1]",
      message: 'ratios[1] must be a decimal number, got "0b11"'
    })
    expect(caught(() => allocate(hundred(), [1, Number.NaN]))).toEqual({
      _tag: "InvalidArgument",
      argument: "ratios[1]",
      message: "ratios[1] must be a finite number ≥ 0, got NaN"
    })
    expect(caught(() => allocate(hundred(), [1, Object.create(null) as never]))).toEqual({
      _tag: "InvalidArgument",
      argument: "ratios[1]",
      message: "ratios[1] must be a decimal number, got object"
    })
  })

  it("name the part or the whole at fault", () => {
    expect(caught(() => prorate(hundred(), 1, 0))).toEqual({
      _tag: "InvalidArgument",
      argument: "whole",
      message: "whole must be positive"
    })
    expect(caught(() => prorate(hundred(), 1, Number.NaN))).toEqual({
      _tag: "InvalidArgument",
      argument: "whole",
      message: "whole must be a finite number ≥ 0, got NaN"
    })
    expect(caught(() => prorate(hundred(), 2, 1))).toEqual({
      _tag: "InvalidArgument",
      argument: "part",
      message: "part (2) must not exceed whole (1)"
    })
    expect(caught(() => prorate(hundred(), -1, 2))).toEqual({
      _tag: "InvalidArgument",
      argument: "part",
      message: "part must be a finite number ≥ 0, got -1"
    })
  })

  it("give tied leftover cents to the first parts, however many parts there are", () => {
    const parts = allocate(
      Euros.fromCents(50),
      Array.from({ length: 100 }, () => 1)
    )
    expect(parts.map((part) => part.toCents())).toEqual(
      Array.from({ length: 100 }, (_, index) => (index < 50 ? 1n : 0n))
    )
    expect(allocate(Euros.fromCents(-2), [1, 1, 1]).map(String)).toEqual(["-0.01", "-0.01", "0.00"])
  })
})

describe("arguments the fuzzer found mishandled", () => {
  const bare = () => Object.create(null) as never

  it("a rounding mode that is not one is refused, even a key every object has", () => {
    for (const mode of ["x", "__proto__", "constructor", "toString"]) {
      expect(() => Euros.round("1.005", mode as never), mode).toThrow(
        expect.objectContaining({ _tag: "InvalidArgument", argument: "mode" })
      )
      expect(() => Euros.parse("10").times("0.3333", mode as never), mode).toThrow(
        expect.objectContaining({ _tag: "InvalidArgument", argument: "mode" })
      )
      expect(() => prorate(Euros.parse("10"), 1, 3, mode as never), mode).toThrow(
        expect.objectContaining({ _tag: "InvalidArgument", argument: "mode" })
      )
    }
    expect(Euros.round("1.005", "half-up").toString()).toBe("1.01")
    expect(Euros.round("1.005", "down").toString()).toBe("1.00")
  })

  it("an object without a prototype is refused with the amount's error, not a TypeError", () => {
    expect(() => Euros.fromCents(bare())).toThrow(InvalidAmountError)
    expect(() => Euros.fromNumber(bare())).toThrow(InvalidAmountError)
    expect(() => Euros.fromCents("100" as never)).toThrow(InvalidAmountError)
  })
})
