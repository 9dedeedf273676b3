/**
 * `Euros` computes its products and roundings on BigInts (src/money/exact.ts) instead of the
 * private decimal.js clone, and reads its text without it: the same results and the same errors,
 * checked here against what the decimal.js code computed (copied below as it was), on generated
 * amounts, ratios and modes, valid or not.
 */
import { Decimal } from "decimal.js"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Euros, InvalidAmountError, InvalidArgumentError, ROUNDING_MODES, type RoundingMode } from "caf-conventions"
import { Dec, decimalOf } from "../../src/money/decimal.js"
import { runs } from "../runs.js"
import { TO_DECIMAL_JS } from "./decimal-rounding.js"

const RUNS = runs(3000)
const LIMIT = 1e15

/** What an operation gave: whole cents, or an error by its tag and message. */
type Outcome = { readonly cents: string } | { readonly error: string; readonly message: string }

function outcome(run: () => Euros | bigint | number | string): Outcome {
  try {
    return { cents: String(run()) }
  } catch (error) {
    if (error instanceof InvalidAmountError || error instanceof InvalidArgumentError)
      return { error: error._tag, message: error.message }
    throw error
  }
}

/** An error of the old code, by its tag and message. */
class OldError extends Error {
  constructor(
    readonly tag: string,
    message: string
  ) {
    super(message)
  }
}
const fail = (tag: string, message: string): never => {
  throw new OldError(tag, message)
}

// The decimal.js code that `Euros` ran before, step for step (src/money/euros.ts and rounding.ts).
function oldRatio(ratio: unknown, argument: string): Dec {
  if (typeof ratio === "number" && !Number.isFinite(ratio))
    fail("InvalidArgument", `${argument} must be finite, got ${ratio}`)
  const value = decimalOf(ratio)
  if (value !== undefined) return value
  const shown = typeof ratio === "string" ? JSON.stringify(ratio) : String(ratio)
  return fail("InvalidArgument", `${argument} must be a decimal number such as "0.35", got ${shown}`)
}
function oldMode(mode: unknown): Decimal.Rounding {
  if (typeof mode !== "string" || !Object.hasOwn(TO_DECIMAL_JS, mode))
    fail("InvalidArgument", `expected a rounding mode (${ROUNDING_MODES.join(", ")}), got ${described(mode)}`)
  return TO_DECIMAL_JS[mode as RoundingMode]
}
function oldFromDecimal(euros: Dec, mode: unknown, input: unknown): bigint {
  const cents = euros.times(100).toDecimalPlaces(0, oldMode(mode))
  // The one difference, on purpose: zero times a ratio past 10^(9·10^15) was NaN cents; it is zero.
  if (cents.isNaN()) return 0n
  if (cents.abs().gte(LIMIT)) fail("InvalidAmount", `amount ${String(input)} is not below 10^13 € in absolute value`)
  return BigInt(cents.toNumber())
}
const oldTimes = (cents: number, ratio: unknown, mode: unknown) =>
  oldFromDecimal(new Dec(cents).times(oldRatio(ratio, "ratio")).div(100), mode, ratio)
const oldRound = (value: unknown, mode: unknown) => oldFromDecimal(oldRatio(value, "value"), mode, value)
function oldFromNumber(value: number): bigint {
  if (!Number.isFinite(value)) fail("InvalidAmount", `amount must be a finite number, got ${String(value)}`)
  if (new Dec(value).decimalPlaces() > 2) fail("InvalidAmount", `amount ${value} has more than 2 decimals`)
  const cents = Math.round(value * 100)
  if (!(Math.abs(cents) < LIMIT))
    fail("InvalidAmount", `amount ${String(value)} is not below 10^13 € in absolute value`)
  return BigInt(cents)
}
/** `Euros.parse` read with decimal.js: the shape of an amount, then its value times 100. */
function oldParse(text: string): bigint {
  if (/^-?(0|[1-9]\d*)(\.\d{1,2})?$/.test(text)) {
    const cents = new Dec(text).times(100)
    if (cents.abs().gte(LIMIT)) fail("InvalidAmount", `amount ${text} is not below 10^13 € in absolute value`)
    return BigInt(cents.toFixed(0))
  }
  if (text === "") fail("InvalidAmount", "amount is an empty string")
  if (/^-?(0|[1-9]\d*)\.\d{3,}$/.test(text))
    fail("InvalidAmount", `amount ${JSON.stringify(text)} has more than 2 decimals`)
  return fail(
    "InvalidAmount",
    `amount ${JSON.stringify(text)} is not a decimal number written with digits and a dot, such as "30000.50"`
  )
}
function described(value: unknown): string {
  // What describeValue prints for the values generated below (texts, numbers, undefined).
  return typeof value === "string" ? JSON.stringify(value) : String(value)
}
const old = (run: () => bigint): Outcome => {
  try {
    return { cents: String(run()) }
  } catch (error) {
    if (error instanceof OldError) return { error: error.tag, message: error.message }
    throw error
  }
}

const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{0,${max}}$`))
/** Cents of an amount, from a cent to the limit, zero and both signs. */
const cents = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }).map(Number),
  fc.constantFrom(0, 1, -1, 999_999_999_999_999, -999_999_999_999_999)
)
/** Decimal text: signs, leading and trailing zeros, many digits, exponents small and near decimal.js's limits. */
const decimalText = fc
  .record({
    sign: fc.constantFrom("", "-", "+"),
    whole: fc.oneof(digits(3), digits(20), digits(80)),
    point: fc.boolean(),
    fraction: fc.oneof(digits(3), digits(20), digits(90)),
    exponent: fc.option(
      fc.record({
        letter: fc.constantFrom("e", "E"),
        sign: fc.constantFrom("", "-", "+"),
        value: fc.oneof(
          fc.integer({ min: 0, max: 40 }),
          fc.integer({ min: 0, max: 400 }),
          fc.constantFrom(8_999_999_999_999_990, 8_999_999_999_999_999, 9_000_000_000_000_000, 9_000_000_000_000_001),
          fc.integer({ min: 8_999_999_999_999_950, max: 9_000_000_000_000_050 })
        )
      })
    )
  })
  .map(
    ({ sign, whole, point, fraction, exponent }) =>
      `${sign}${whole}${point ? "." : ""}${point ? fraction : ""}${exponent === null ? "" : `${exponent.letter}${exponent.sign}${exponent.value}`}`
  )
/** Ratios as given: decimal text (valid or not), JS numbers of every kind, anything else. */
const ratio: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: decimalText },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer().map((n) => n / 1000) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "0.35",
      "0.5",
      "1",
      "2.5E-1",
      ".5",
      "5.",
      "0x10",
      "0b11",
      "Infinity",
      " 1",
      "",
      "-",
      "e5",
      "1e",
      "1e+",
      "NaN"
    )
  },
  { weight: 1, arbitrary: fc.string() }
)
const mode: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...ROUNDING_MODES) },
  { weight: 1, arbitrary: fc.constantFrom("x", "__proto__", "HALF_UP", undefined, 3) }
)

describe("Euros computed without decimal.js", () => {
  it("times: the same cents or the same error as the decimal.js code, on generated amounts, ratios and modes", () => {
    fc.assert(
      fc.property(cents, ratio, mode, (amount, factor, rounding) => {
        const expected = old(() => oldTimes(amount, factor, rounding ?? "half-up"))
        expect(
          outcome(() =>
            Euros.fromCents(amount)
              .times(factor as never, rounding as never)
              .toCents()
          )
        ).toEqual(expected)
      }),
      RUNS
    )
  })

  it("round: the same cents or the same error as the decimal.js code, on generated values and modes", () => {
    fc.assert(
      fc.property(ratio, mode, (value, rounding) => {
        const expected = old(() => oldRound(value, rounding ?? "half-up"))
        expect(outcome(() => Euros.round(value as never, rounding as never).toCents())).toEqual(expected)
      }),
      RUNS
    )
  })

  it("round: ties, and values a hair either side of a tie, in every mode", () => {
    const near = fc
      .record({
        cents: fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        tail: fc.constantFrom(
          "5",
          "50",
          "49",
          "51",
          "4999999999999999999999999999999999999999999999999999999999999999",
          "5000000000000000000000000000000000000000000000000000000000000001",
          "0000000000000000000000000000000000000000000000000000000000000001",
          "9"
        )
      })
      .map(({ cents: whole, tail }) => {
        const magnitude = whole < 0n ? -whole : whole
        const text = `${magnitude / 100n}.${String(magnitude % 100n).padStart(2, "0")}${tail}`
        return whole < 0n ? `-${text}` : text
      })
    fc.assert(
      fc.property(near, fc.constantFrom(...ROUNDING_MODES), (value, rounding) => {
        expect(outcome(() => Euros.round(value, rounding).toCents())).toEqual(old(() => oldRound(value, rounding)))
      }),
      RUNS
    )
  })

  it("fromNumber: the same cents or the same error, on numbers with two decimals or more, negative, tiny or huge", () => {
    const numbers = fc.oneof(
      fc.double(),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
      fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }).map((n) => Number(n) / 100),
      fc.constantFrom(0.1 + 0.2, -0, 5e-324, 1e21, 1.5e-7, 9999999999999.99, 1e13, -1e13)
    )
    fc.assert(
      fc.property(numbers, (value) => {
        expect(outcome(() => Euros.fromNumber(value).toCents())).toEqual(old(() => oldFromNumber(value)))
      }),
      RUNS
    )
  })

  it("parse: the same cents as decimal.js reads, or the same error, on valid and invalid amount texts", () => {
    const amountText = fc.oneof(
      fc
        .record({
          sign: fc.constantFrom("", "-", "-", "+"),
          whole: fc.oneof(fc.stringMatching(/^[1-9][0-9]{0,15}$/), fc.constantFrom("0", "00", "007", ""), digits(20)),
          point: fc.constantFrom("", ".", ".", ","),
          fraction: fc.oneof(digits(2), digits(6), digits(30))
        })
        .map(({ sign, whole, point, fraction }) => `${sign}${whole}${point}${point === "" ? "" : fraction}`),
      fc.constantFrom(
        "30 000",
        "30000,50",
        "1e3",
        " 5",
        "5 ",
        "NaN",
        "Infinity",
        "-0",
        "-",
        "9999999999999.99",
        "10000000000000",
        "-10000000000000.00"
      ),
      fc.string()
    )
    fc.assert(
      fc.property(amountText, (text) => {
        expect(outcome(() => Euros.parse(text).toCents())).toEqual(old(() => oldParse(text)))
      }),
      RUNS
    )
  })

  it("rounds to 60 significant digits before rounding to the cent, as the decimal clone did", () => {
    const nines = (count: number) => "9".repeat(count)
    // 0.4999… cent with 61 significant digits: 60 of them make half a cent, which rounds up.
    expect(Euros.round(`0.004${nines(60)}`).toString()).toBe("0.01")
    expect(
      Euros.fromCents(1)
        .times(`0.4${nines(60)}`)
        .toString()
    ).toBe("0.01")
    // With a last digit below 5, the 60 digits stay 0.4999…: below half a cent.
    expect(Euros.round(`0.004${nines(59)}4`).toString()).toBe("0.00")
    expect(
      Euros.fromCents(1)
        .times(`0.4${nines(59)}4`)
        .toString()
    ).toBe("0.00")
    // 1 234,56 € and 0.4999… cent: 61 significant digits in cents.
    expect(Euros.round(`1234.564${nines(54)}`).toString()).toBe("1234.57")
    expect(Euros.round(`1234.564${nines(53)}4`).toString()).toBe("1234.56")
    expect(Euros.round(`-1234.564${nines(54)}`, "half-down").toString()).toBe("-1234.56")
    for (const value of [`0.004${nines(60)}`, `0.004${nines(59)}4`, `1234.564${nines(54)}`, `1234.564${nines(53)}4`])
      for (const rounding of ROUNDING_MODES)
        expect(outcome(() => Euros.round(value, rounding).toCents())).toEqual(old(() => oldRound(value, rounding)))
  })

  it("gives the decimal.js results at its exponent limits, and zero for zero times a ratio past them", () => {
    const cases: ReadonlyArray<readonly [number, string]> = [
      [1, "1e-8999999999999999"],
      [100, "1e-9000000000000000"],
      [1, "1e-9000000000000001"],
      [1, "1e9000000000000000"],
      [1, "0.00000000000000000000000000000000000000000000000000000000000000000000000000000001"]
    ]
    for (const [amount, factor] of cases)
      for (const rounding of ROUNDING_MODES)
        expect(
          outcome(() => Euros.fromCents(amount).times(factor, rounding).toCents()),
          `${amount} × ${factor} ${rounding}`
        ).toEqual(old(() => oldTimes(amount, factor, rounding)))
    // Written out: a product past decimal.js's smallest exponent became zero, even rounded up.
    expect(Euros.fromCents(1).times("1e-8999999999999999", "up").toString()).toBe("0.00")
    expect(Euros.fromCents(1).times("1e-8999999999999990", "up").toString()).toBe("0.01")
    expect(Euros.round("1e-9000000000000001", "up").toString()).toBe("0.00")
    expect(() => Euros.round("1e9000000000000000")).toThrow(
      "amount 1e9000000000000000 is not below 10^13 € in absolute value"
    )
    // decimal.js made 0 × 10^(9·10^15 + 1) NaN, and the amount NaN cents; it is now zero.
    expect(Euros.zero.times("1e9000000000000001").toString()).toBe("0.00")
    expect(Euros.zero.times("1e9000000000000001").equals(Euros.zero)).toBe(true)
  })
})
