import { beforeEach, describe, expect, it } from "vitest"
import { Euros, InvalidAmountError, InvalidArgumentError } from "caf-conventions"

function caught(run: () => unknown): InvalidAmountError | InvalidArgumentError {
  try {
    run()
  } catch (error) {
    if (error instanceof InvalidAmountError || error instanceof InvalidArgumentError) return error
    throw error
  }
  throw new Error("expected an error")
}

const makeMax = (): Euros => Euros.parse("9999999999999.99")

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let max: Euros
beforeEach(() => {
  max = makeMax()
})

describe("amounts at the edges", () => {
  it("refuse every way out of range, with the problem and the root path", () => {
    for (const run of [
      () => Euros.parse("10000000000000"),
      () => Euros.parse(`1${"0".repeat(400)}`),
      () => Euros.fromCents(10n ** 20n),
      () => Euros.fromNumber(1e13),
      () => Euros.fromNumber(-1e13),
      () => Euros.sum([max, Euros.parse("0.01")]),
      () => Euros.sum([max, max, max]),
      () => max.plus(Euros.parse("0.01")),
      () => max.negated().minus(Euros.parse("0.01")),
      () => max.times(2),
      () => Euros.round("1e13")
    ]) {
      const error = caught(run) as InvalidAmountError
      expect([error.problem, error.path]).toEqual(["out-of-range", []])
    }
    expect(Euros.fromNumber(9999999999999.98).toString()).toBe("9999999999999.98")
    expect(Euros.sum([max, max.negated(), max]).toString()).toBe("9999999999999.99")
  })

  it("say what was wrong with a number, and where", () => {
    expect(
      [caught(() => Euros.fromCents(1.5)) as InvalidAmountError].map((e) => [e.problem, e.path, e.message])
    ).toEqual([["not-an-integer", [], "cents must be a safe integer, got 1.5"]])
    expect((caught(() => Euros.fromNumber(Number.NaN)) as InvalidAmountError).message).toBe(
      "amount must be a finite number, got NaN"
    )
    expect((caught(() => Euros.fromNumber("5" as unknown as number)) as InvalidAmountError).problem).toBe("not-finite")
    expect((caught(() => Euros.fromNumber(1.001)) as InvalidAmountError).path).toEqual([])
    expect(caught(() => Euros.parse("1").times(Number.POSITIVE_INFINITY)).message).toBe(
      "ratio must be finite, got Infinity"
    )
    expect(caught(() => Euros.parse("1").times("x")).message).toBe(
      'ratio must be a decimal number such as "0.35", got "x"'
    )
  })

  it("compare both ways", () => {
    const one = Euros.parse("1")
    const two = Euros.parse("2")
    expect([one.lessThan(two), two.lessThan(one), one.lessThanOrEqual(two), two.lessThanOrEqual(one)]).toEqual([
      true,
      false,
      true,
      false
    ])
    expect([
      two.greaterThan(one),
      one.greaterThan(two),
      two.greaterThanOrEqual(one),
      one.greaterThanOrEqual(two)
    ]).toEqual([true, false, true, false])
    expect([Euros.parse("12.5").abs().toString(), Euros.zero.abs().toString()]).toEqual(["12.50", "0.00"])
    expect([Euros.min(two, one).toString(), Euros.max(one, two).toString()]).toEqual(["1.00", "2.00"])
  })
})
