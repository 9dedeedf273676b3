import { Effect, Exit, Schema } from "effect"
import { beforeEach, describe, expect, it } from "vitest"
import {
  EurosFromString,
  NonNegativeEurosFromString,
  PeriodSchema,
  SirenSchema,
  ValidationError,
  formatIssues,
  formatPath,
  makeCodec
} from "caf-conventions"

const makeGrant = () =>
  makeCodec(
    Schema.Struct({
      amount: NonNegativeEurosFromString,
      period: PeriodSchema,
      note: Schema.optionalKey(Schema.String)
    }),
    "grant"
  )
// Built before each test, not at load, so that mutation testing sees the codec's code run inside a test.
let grant = makeGrant()
beforeEach(() => {
  grant = makeGrant()
})

describe("paths", () => {
  it("renders keys and indexes as JavaScript would access them", () => {
    expect(formatPath(["conventions", 0, "period", "end"])).toBe("conventions[0].period.end")
    expect(formatPath(["amounts", "2024"])).toBe('amounts["2024"]')
    expect(formatPath([])).toBe("(root)")
  })

  it("quotes a key that is not an identifier, wherever the identifier-like part of it is", () => {
    expect(formatPath(["partners", 1, "1abc", "a-b", "$ok", "_x9"])).toBe('partners[1]["1abc"]["a-b"].$ok._x9')
    expect(formatPath([0, "name"])).toBe("[0].name")
    expect(formatPath(["2024"])).toBe('["2024"]')
  })

  it("refuses a number that is not an index instead of writing it as a key or a bracket", () => {
    // Without this check, NaN and Infinity came out as "amounts[NaN]" (and as "amounts.NaN"
    // once the number branch is skipped), -1 and 1.5 as "amounts[-1]" and "amounts[1.5]".
    for (const segment of [Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5]) {
      expect(() => formatPath(["amounts", segment])).toThrow(
        "expected a list of keys (strings) and indexes (whole numbers from 0)"
      )
    }
    expect(formatPath(["amounts", 0, "2024"])).toBe('amounts[0]["2024"]')
  })
})

describe("the parse / safeParse / decode / encode convention", () => {
  const good = { amount: "30000", period: { start: "2023-01-01", end: "2025-12-31" } }
  const bad = { amount: "-1.005", period: { start: "2025-01-01", end: "2024-12-31" }, amout: "3" }

  it("parse returns the decoded value", () => {
    const value = grant.parse(good)
    expect(value.amount.toString()).toBe("30000.00")
    expect(value.period.end).toBe("2025-12-31")
  })

  it("parse throws one ValidationError listing every problem with its path", () => {
    try {
      grant.parse(bad)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      const validation = error as ValidationError
      expect(validation._tag).toBe("ValidationError")
      expect(validation.subject).toBe("grant")
      expect(validation.issues).toMatchObject([
        { path: ["amout"], message: "Expected no excess property" },
        { path: ["amount"], message: 'amount "-1.005" has more than 2 decimals' },
        { path: ["period", "end"], message: "the end 2024-12-31 is before the start 2025-01-01" }
      ])
      expect(validation.message).toBe(
        [
          "Invalid grant (3 issues):",
          "  amout: Expected no excess property",
          '  amount: amount "-1.005" has more than 2 decimals',
          "  period.end: the end 2024-12-31 is before the start 2025-01-01"
        ].join("\n")
      )
    }
  })

  it("safeParse never throws", () => {
    expect(grant.safeParse(good).success).toBe(true)
    const result = grant.safeParse(bad)
    expect(result.success ? [] : result.error.issues.length).toBe(3)
    expect(grant.safeParse(null).success).toBe(false)
    expect(grant.safeParse(undefined).success).toBe(false)
  })

  it("decode is an Effect that fails with the same error", () => {
    const exit = Effect.runSyncExit(grant.decode(bad))
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Effect.runSync(Effect.flip(grant.decode(bad)))
    expect(error).toBeInstanceOf(ValidationError)
    expect(Effect.runSync(grant.decode(good)).amount.toString()).toBe("30000.00")
  })

  it("encode gives JSON back, amounts as strings with two decimals", () => {
    expect(grant.encode(grant.parse(good))).toEqual({
      amount: "30000.00",
      period: { start: "2023-01-01", end: "2025-12-31" }
    })
  })

  it("refuses negative amounts where the schema says so, and JSON numbers for amounts", () => {
    const result = makeCodec(Schema.Struct({ a: NonNegativeEurosFromString, b: EurosFromString }), "pair").safeParse({
      a: "-1",
      b: 3
    })
    expect(result.success ? [] : result.error.issues).toMatchObject([
      { path: ["a"], message: "amount -1.00 must not be negative" },
      { path: ["b"], message: "Expected string" }
    ])
  })

  it("does not mutate its input", () => {
    const input = structuredClone(bad)
    grant.safeParse(input)
    expect(input).toEqual(bad)
  })
})

describe("names read from the library's own tables, never from Object.prototype", () => {
  it("keeps a subject such as constructor or __proto__ as it is in the French title", () => {
    for (const subject of ["constructor", "__proto__", "toString"]) {
      expect(formatIssues(ValidationError.of(subject, [{ path: ["a"], message: "is wrong" }]))).toEqual([
        `${subject} : 1 problème`,
        "  a : is wrong"
      ])
    }
    expect(formatIssues(ValidationError.of("portfolio", [{ path: ["a"], message: "is wrong" }]))[0]).toBe(
      "portefeuille : 1 problème"
    )
  })

  it("says an identifier such as constructor is not a SIREN, from the check's own words", () => {
    const result = makeCodec(SirenSchema, "SIREN").safeParse("constructor")
    expect(result.success ? undefined : result.error.issues[0]).toMatchObject({
      code: "identifier",
      message: '"constructor" is not a valid SIREN (9 digits with a Luhn key)',
      messages: {
        fr: "« constructor » n'est pas un numéro SIREN valide (9 chiffres dont une clé de contrôle)",
        en: '"constructor" is not a valid SIREN (9 digits with a Luhn key)'
      }
    })
    // an English message no check gives keeps its English in French too, whatever it names
    const [issue] = ValidationError.of("thing", [{ path: ["a"], message: '"x" is not a valid constructor' }]).issues
    expect(issue).toMatchObject({ code: "invalid", messages: { fr: '"x" is not a valid constructor' } })
  })
})
