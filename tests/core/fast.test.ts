/**
 * The fast decoder compiled from each schema's AST (src/core/fast.ts) against effect's Schema
 * decoder: the same values (deep-equal, the same JSON, frozen, marked) on valid documents, and the
 * same ValidationError (subject, issues with their codes, messages and paths, count of omitted
 * issues, message) on broken ones.
 */
import fc from "fast-check"
import * as Schema from "effect/Schema"
import { isDeepStrictEqual } from "node:util"
import { describe, expect, it } from "vitest"
import { CandidateSchema, ConventionSchema, MultilineTextSchema, PortfolioSchema, TextSchema } from "caf-conventions"
import { AMOUNT, centsOf, isAmountText } from "../../src/money/amount-text.js"
import { Euros } from "../../src/money/euros.js"
import { isCalendarDate } from "../../src/calendar/date.js"
import { type Codec, buildCodec } from "../../src/core/codec.js"
import { INVALID, compileFastDecoder } from "../../src/core/fast.js"
import { ActivitySchema, decodeActivityAt, decodedActivities, parseActivities } from "../../src/objectives/activity.js"
import {
  ExpenseSchema,
  PaymentSchema,
  decodeExpenseAt,
  decodePaymentAt,
  decodedExpenses,
  decodedPayments,
  safeParseExpenses,
  safeParsePayments
} from "../../src/funding/records.js"
import {
  RepaymentSchema,
  decodeRepaymentAt,
  decodedRepayments,
  safeParseRepayments
} from "../../src/funding/repayments.js"
import { decodeCandidateAt, decodedCandidates, safeParseCandidates } from "../../src/eligibility/candidate.js"
import { safeParseConvention } from "../../src/conventions/convention.js"
import { safeParsePortfolio } from "../../src/portfolio/portfolio.js"
import { decodedConventions } from "../../src/core/registry.js"
import { safeParseActivities } from "../../src/objectives/activity.js"
import type { SafeParseResult } from "../../src/core/errors.js"
import { readFileSync } from "node:fs"
import type * as SchemaAST from "effect/SchemaAST"
import { makeCodec } from "../../src/core/codec.js"
import { REMOVE, anyJson, breakOne, pathsOf, replaced, world } from "../arbitraries.js"

const STRICT = { errors: "all", onExcessProperty: "error" } as const

/** The library's codecs (fast path first) and the same codecs with the Schema decoder alone, as before. */
const kinds = [
  {
    name: "activities",
    schema: Schema.Array(ActivitySchema),
    fast: safeParseActivities,
    mark: decodedActivities.has,
    of: (w: World) => w.activities
  },
  {
    name: "payments",
    schema: Schema.Array(PaymentSchema),
    fast: safeParsePayments,
    mark: decodedPayments.has,
    of: (w: World) => w.payments
  },
  {
    name: "expenses",
    schema: Schema.Array(ExpenseSchema),
    fast: safeParseExpenses,
    mark: decodedExpenses.has,
    of: (w: World) => w.expenses
  },
  {
    name: "repayments",
    schema: Schema.Array(RepaymentSchema),
    fast: safeParseRepayments,
    mark: decodedRepayments.has,
    of: (w: World) =>
      w.payments.map((payment, index) => ({
        id: `r-${index}`,
        date: payment["date"],
        amount: payment["amount"],
        year: payment["year"]
      }))
  },
  {
    name: "candidates",
    schema: Schema.Array(CandidateSchema),
    fast: safeParseCandidates,
    mark: decodedCandidates.has,
    of: (w: World) => w.candidates
  },
  {
    name: "convention",
    schema: ConventionSchema,
    fast: safeParseConvention,
    mark: undefined,
    of: (w: World) => w.convention
  },
  {
    name: "portfolio",
    schema: PortfolioSchema,
    fast: safeParsePortfolio,
    mark: undefined,
    of: (w: World) => w.portfolio
  }
] as const

type World = fc.Arbitrary<unknown> extends never ? never : typeof world extends fc.Arbitrary<infer W> ? W : never

const references = new Map<string, Codec<unknown, unknown>>(
  kinds.map((kind) => [kind.name, buildCodec(kind.schema as Schema.Codec<unknown, unknown>, kind.name, {}, false)])
)

/** Every object and list of a value is frozen. */
function deeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true
  if (!Object.isFrozen(value)) return false
  return Object.values(value).every(deeplyFrozen)
}

/** The same outcome: equal values, or the same error in every field the library reports. */
function expectSame(fast: SafeParseResult<unknown>, slow: SafeParseResult<unknown>): void {
  expect(fast.success).toBe(slow.success)
  if (fast.success && slow.success) {
    expect(isDeepStrictEqual(fast.data, slow.data)).toBe(true)
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(slow.data))
    expect(deeplyFrozen(fast.data)).toBe(true)
  } else if (!fast.success && !slow.success) {
    expect(fast.error.subject).toBe(slow.error.subject)
    expect(fast.error.issues).toEqual(slow.error.issues)
    expect(fast.error.omittedIssues).toBe(slow.error.omittedIssues)
    expect(fast.error.message).toBe(slow.error.message)
  }
}

describe("the fast decoder", () => {
  it("is compiled for every record and document schema (a part it does not know would leave the schema to the slow path)", () => {
    for (const kind of kinds) {
      expect(compileFastDecoder(kind.schema.ast, STRICT), kind.name).toBeTypeOf("function")
      expect(compileFastDecoder(kind.schema.ast, STRICT, false), kind.name).toBeTypeOf("function")
    }
    // Parts it does not handle: the schema is left to effect's decoder.
    expect(compileFastDecoder(Schema.Struct({ x: Schema.Unknown }).ast, STRICT)).toBeUndefined()
    expect(compileFastDecoder(ActivitySchema.ast, { errors: "all" })).toBeUndefined()
  })

  it("gives the Schema decoder's values on valid worlds, frozen and marked, and vouches for them itself (property)", () => {
    fc.assert(
      fc.property(world, (w) => {
        for (const kind of kinds) {
          const input = kind.of(w)
          const before = JSON.stringify(input)
          const fast = kind.fast(input)
          const slow = (references.get(kind.name) as Codec<unknown, unknown>).safeParse(input)
          expect(fast.success, kind.name).toBe(true)
          expectSame(fast, slow)
          // Neither the generated nor the generic fast path fell back to effect's decoder.
          for (const generate of [true, false]) {
            const decoded = (compileFastDecoder(kind.schema.ast, STRICT, generate) as (input: unknown) => unknown)(
              input
            )
            expect(decoded, `${kind.name}, generated code: ${generate}`).not.toBe(INVALID)
            expect(isDeepStrictEqual(decoded, slow.success ? slow.data : undefined)).toBe(true)
          }
          if (fast.success && kind.mark !== undefined)
            for (const record of fast.data as ReadonlyArray<object>) expect(kind.mark(record)).toBe(true)
          if (fast.success && kind.name === "portfolio")
            for (const convention of (fast.data as { conventions: ReadonlyArray<object> }).conventions)
              expect(decodedConventions.has(convention)).toBe(true)
          expect(JSON.stringify(input)).toBe(before) // the input is not changed, nor frozen
          expect(Object.isFrozen(input)).toBe(false)
        }
      }),
      { numRuns: 60 }
    )
  })

  it("gives the Schema decoder's ValidationError, issue for issue, on documents with one thing broken (property)", () => {
    const broken = world.chain((w) =>
      fc.constantFrom(...kinds).chain((kind) => breakOne(kind.of(w)).map((input) => ({ kind, input })))
    )
    fc.assert(
      fc.property(broken, ({ kind, input }) => {
        expectSame(kind.fast(input), (references.get(kind.name) as Codec<unknown, unknown>).safeParse(input))
      }),
      { numRuns: 400 }
    )
  })

  it("leaves to the Schema decoder what JSON cannot write: prototypes, symbols, holes, inherited and hidden fields, class instances", () => {
    const record = { id: "d-1", date: "2024-03-14", amount: "1200", category: "experts" }
    const inherited = Object.create(record) as object
    const withSymbol = { ...record, [Symbol("x")]: 1 }
    const hidden = Object.defineProperty({ ...record }, "note", { value: "x", enumerable: false })
    class Line {
      id = "d-1"
      date = "2024-03-14"
      amount = "1200"
      category = "experts"
    }
    const holes = [record, , record] // eslint-disable-line no-sparse-arrays
    const subclassed = Object.setPrototypeOf([record], class extends Array {}.prototype) as unknown
    const nullPrototype = Object.assign(Object.create(null) as object, record)
    const amountObject = { ...record, amount: Euros.parse("1200") }
    const polluted = { ...record, toString: "x" }
    const inputs: ReadonlyArray<unknown> = [
      [inherited],
      [withSymbol],
      [hidden],
      [new Line()],
      holes,
      subclassed,
      [nullPrototype],
      [amountObject],
      [polluted],
      [{ ...record, fundedBy: undefined }],
      [{ ...record, amount: "1200.001" }],
      [{ ...record, amount: "-5" }],
      [{ ...record, date: "2024-02-30" }]
    ]
    const reference = references.get("expenses") as Codec<unknown, unknown>
    for (const input of inputs) expectSame(safeParseExpenses(input), reference.safeParse(input))
    // A key "__proto__" that JSON.parse makes an own key, in a struct and in a record of measures.
    const activities = references.get("activities") as Codec<unknown, unknown>
    for (const text of [
      '[{"id":"a-1","date":"2024-01-10","kind":"diagnostic","__proto__":{"x":1}}]',
      '[{"id":"a-1","date":"2024-01-10","kind":"diagnostic","measures":{"__proto__":3}}]',
      '[{"id":"a-1","date":"2024-01-10","kind":"diagnostic","measures":{"__proto__":{"familles":1}}}]',
      '[{"id":"a-1","date":"2024-01-10","kind":"diagnostic","measures":{"familles":2,"toString":1}}]'
    ])
      expectSame(safeParseActivities(JSON.parse(text)), activities.safeParse(JSON.parse(text)))
    // A record whose prototype is null decodes (the Schema decoder reads it as a plain object).
    expect(safeParseExpenses([nullPrototype]).success).toBe(true)
    expect(safeParseExpenses([inherited]).success).toBe(false)
  })

  it("reads a key only where the object holds it as its own: not enumerable, or set on Object.prototype, it is left to the Schema decoder", () => {
    const { category, ...rest } = { id: "d-1", date: "2024-03-14", amount: "1200", category: "experts" }
    const fast = compileFastDecoder(ExpenseSchema.ast, STRICT) as NonNullable<ReturnType<typeof compileFastDecoder>>
    const generic = compileFastDecoder(ExpenseSchema.ast, STRICT, false) as typeof fast
    const reference = references.get("expenses") as Codec<unknown, unknown>
    // An own key the `for…in` does not meet: the generated struct does not read it, the Schema decoder does.
    const hidden = Object.defineProperty({ ...rest }, "category", { value: category, enumerable: false })
    expect(fast(hidden)).toBe(INVALID)
    expectSame(safeParseExpenses([hidden]), reference.safeParse([hidden]))
    // A key inherited from Object.prototype, enumerable: met by `for…in` though not the record's own.
    const prototype = Object.prototype as Record<string, unknown>
    for (const key of ["category", "note"]) {
      prototype[key] = "experts"
      try {
        for (const input of [{ ...rest }, { ...rest, category }]) {
          expect(fast(input)).toBe(INVALID)
          expect(generic(input)).toBe(INVALID)
          expectSame(safeParseExpenses([input]), reference.safeParse([input]))
        }
      } finally {
        delete prototype[key]
      }
    }
    // Once Object.prototype is clean again, the same records decode on the fast path.
    expect(fast({ ...rest, category })).not.toBe(INVALID)
    expect(safeParseExpenses([{ ...rest }]).success).toBe(false)
  })

  it("reads amounts, dates and texts as the regular expressions and the slow checks do (property)", () => {
    const amountText = fc.oneof(
      fc.stringMatching(/^-?(0|[1-9]\d{0,16})(\.\d{0,3})?$/),
      fc.string({ unit: fc.constantFrom("0", "1", "9", ".", "-", "+", "e", " ", "٣") })
    )
    fc.assert(
      fc.property(amountText, (text) => {
        const cents = centsOf(text)
        expect(cents !== undefined).toBe(AMOUNT.test(text))
        if (cents !== undefined) {
          const [whole = "0", decimals = ""] = text.replace("-", "").split(".")
          const expected = Number(whole) * 100 + Number(decimals.padEnd(2, "0"))
          expect(Math.abs(cents)).toBe(expected)
          expect(isAmountText(text)).toBe(expected < 1e15)
        }
      }),
      { numRuns: 3000 }
    )
    expect(centsOf("30000.5")).toBe(3_000_050)
    expect(centsOf("-12.05")).toBe(-1205)
    expect(centsOf("0.07")).toBe(7)
    expect(centsOf("01")).toBeUndefined()
    expect(centsOf("1.")).toBeUndefined()
    expect(isAmountText("9999999999999.99")).toBe(true)
    expect(isAmountText("10000000000000")).toBe(false)
    const dateText = fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 10_999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(
          ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
        ),
      fc.string({ unit: fc.constantFrom("0", "1", "2", "9", "-", "/", "٣"), maxLength: 11 })
    )
    const real = (text: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
      if (match === null) return false
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
      if (year < 1000 || month < 1 || month > 12 || day < 1) return false
      return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
    }
    fc.assert(
      fc.property(dateText, (text) => {
        expect(isCalendarDate(text)).toBe(real(text))
      }),
      { numRuns: 3000 }
    )
    // Texts: the character-by-character reading answers as the regular expressions do.
    const LINE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u
    const TEXT_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]|\r(?!\n)/u
    const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}]/u
    const fine = (text: string, controls: RegExp) =>
      text.length <= 2000 && VISIBLE.test(text) && !/\p{Cs}/u.test(text) && !controls.test(text)
    const units = [
      "a",
      "Z",
      "0",
      " ",
      "\u00a0",
      "\u00ad",
      "é",
      "«",
      "»",
      "’",
      "…",
      "€",
      "ÿ",
      "\u0100",
      "\u024f",
      "\u0250"
    ]
    const odd = [
      "\t",
      "\n",
      "\r",
      "\u200b",
      "\ufeff",
      "\ud800",
      "\udc00",
      "\u0085",
      "\u009f",
      "\u2028",
      "\u0000",
      "\u007f",
      "😀"
    ]
    const textOf = fc.oneof(
      fc.string({ unit: fc.constantFrom(...units, ...odd), maxLength: 12 }),
      fc.string({ unit: fc.constantFrom(...units), minLength: 1995, maxLength: 2005 })
    )
    const isText = Schema.is(TextSchema)
    const isMultiline = Schema.is(MultilineTextSchema)
    fc.assert(
      fc.property(textOf, (text) => {
        expect(isText(text)).toBe(fine(text, LINE_CONTROLS))
        expect(isMultiline(text)).toBe(fine(text, TEXT_CONTROLS))
      }),
      { numRuns: 3000 }
    )
    expect(isCalendarDate("2024-02-29")).toBe(true)
    expect(isCalendarDate("2100-02-29")).toBe(false)
    expect(isCalendarDate("2000-02-29")).toBe(true)
  })
})

describe("the decoders of one record at its path", () => {
  const decoders = [
    { decode: decodeActivityAt, list: safeParseActivities, of: (w: World) => w.activities },
    { decode: decodePaymentAt, list: safeParsePayments, of: (w: World) => w.payments },
    { decode: decodeExpenseAt, list: safeParseExpenses, of: (w: World) => w.expenses },
    {
      decode: decodeRepaymentAt,
      list: safeParseRepayments,
      of: (w: World) =>
        w.payments.map((p, i) => ({ id: `r-${i}`, date: p["date"], amount: p["amount"], year: p["year"] }))
    },
    { decode: decodeCandidateAt, list: safeParseCandidates, of: (w: World) => w.candidates }
  ] as const

  it("give each record as its list's decoder gives it, and its issues at the record's index (property)", () => {
    const cases = world.chain((w) =>
      fc.constantFrom(...decoders).chain((decoder) => {
        const records = decoder.of(w)
        if (records.length === 0) return fc.constant({ decoder, records, index: 0, broken: [] as unknown })
        return fc
          .nat({ max: records.length - 1 })
          .chain((index) => breakOne(records[index]).map((broken) => ({ decoder, records, index, broken })))
      })
    )
    fc.assert(
      fc.property(cases, ({ decoder, records, index, broken }) => {
        const list = decoder.list(records)
        expect(list.success).toBe(true)
        records.forEach((record, at) => {
          const one = decoder.decode(record, [at])
          expect(one.success).toBe(true)
          if (one.success && list.success) expect(one.data).toEqual((list.data as ReadonlyArray<unknown>)[at])
        })
        if (records.length === 0) return
        const alone = decoder.decode(broken, [index])
        const within = decoder.list(records.map((record, at) => (at === index ? broken : record)))
        expect(alone.success).toBe(within.success)
        if (!alone.success && !within.success) {
          expect(alone.error.subject).toBe(within.error.subject)
          expect(alone.error.issues).toEqual(within.error.issues)
          expect(alone.error.message).toBe(within.error.message)
        }
      }),
      { numRuns: 200 }
    )
  })

  it("report a faulty activity at its index, with the list's subject: a real case", () => {
    const result = decodeActivityAt({ id: "a-1", date: "2024-02-30", kind: "diagnostic", bogus: 1 }, [12])
    expect(result.success).toBe(false)
    if (result.success) return
    expect(result.error.subject).toBe("activities")
    expect(result.error.issues.map((issue) => [issue.path, issue.code])).toEqual([
      [[12, "bogus"], "unknown-key"],
      [[12, "date"], "date"]
    ])
    expect(result.error.issues[1]?.message).toBe("2024-02-30 is not a calendar date: February 2024 has 29 days")
    const decoded = decodeActivityAt({ id: "a-1", date: "2024-02-29", kind: "diagnostic" }, [0])
    expect(decoded.success && decodedActivities.has(decoded.data)).toBe(true)
    expect(decoded.success && Object.isFrozen(decoded.data) && decoded.data.fundedBy).toEqual([])
    expect(parseActivities([{ id: "a-1", date: "2024-02-29", kind: "diagnostic" }])[0]?.structures).toEqual([])
  })
})

/** The keys of a schema that have a decoding default (`withDecodingDefaultKey`), read from its AST. */
function defaultedKeys(ast: SchemaAST.AST): Set<string> {
  const keys = new Set<string>()
  const seen = new Set<SchemaAST.AST>()
  const visit = (node: SchemaAST.AST): void => {
    if (seen.has(node)) return
    seen.add(node)
    if (node._tag === "Objects")
      for (const signature of node.propertySignatures) {
        const links = signature.type.encoding
        const last = links?.[links.length - 1]
        if (last !== undefined && last.to.context?.isOptional === true && typeof signature.name === "string")
          keys.add(signature.name)
        visit(signature.type)
      }
    if (node._tag === "Arrays") for (const element of [...node.elements, ...node.rest]) visit(element)
    if (node._tag === "Union") for (const member of node.types) visit(member)
    for (const link of node.encoding ?? []) visit(link.to)
  }
  visit(ast)
  return keys
}

describe("the fast decoder on keys with a default (read once) and on what they hold", () => {
  const defaulted = defaultedKeys(PortfolioSchema.ast)
  const fastPortfolio = [true, false].map(
    (generate) => compileFastDecoder(PortfolioSchema.ast, STRICT, generate) as (input: unknown) => unknown
  )
  const portfolioReference = references.get("portfolio") as Codec<unknown, unknown>
  const conventionReference = references.get("convention") as Codec<unknown, unknown>

  /** The fast decoders vouch for a document exactly when the Schema decoder accepts it, with its value. */
  function expectFastAgrees(input: unknown, reference: SafeParseResult<unknown>): void {
    for (const decode of fastPortfolio) {
      const value = decode(input)
      expect(value === INVALID).toBe(!reference.success)
      if (reference.success) expect(isDeepStrictEqual(value, reference.data)).toBe(true)
    }
  }

  it("finds the defaults on the schema's AST: the lists and the groups of terms a document may leave out", () => {
    for (const key of ["amendments", "objectives", "instalments", "excludedSchemes", "payment", "unspent"])
      expect(defaulted.has(key), key).toBe(true)
    expect(defaulted.has("clauses")).toBe(false)
    expect(defaulted.has("id")).toBe(false)
  })

  it("gives the Schema decoder's value or ValidationError when a defaulted key is left out, replaced, or holds a broken item, an excess key, a bad amount or date (property)", () => {
    const change = fc.constantFrom("remove", "replace", "break-inside", "excess-inside")
    const cases = world.chain((w) =>
      fc
        .tuple(fc.constant(w.portfolio as unknown), change, anyJson, fc.nat(), fc.nat())
        .chain(([portfolio, how, replacement, pick, inner]) => {
          const paths = pathsOf(portfolio)
          // A defaulted key itself, and every path inside what such a key holds.
          const at = paths.filter((path) =>
            path.some((segment) => typeof segment === "string" && defaulted.has(segment))
          )
          const keys = at.filter((path) => {
            const last = path[path.length - 1]
            return typeof last === "string" && defaulted.has(last)
          })
          if (at.length === 0) return fc.constant(portfolio)
          if (how === "remove" || how === "replace") {
            const path = keys[pick % keys.length] ?? (at[pick % at.length] as ReadonlyArray<string | number>)
            return fc.constant(replaced(portfolio, path, how === "remove" ? REMOVE : replacement))
          }
          const path = at[inner % at.length] as ReadonlyArray<string | number>
          if (how === "excess-inside") {
            // The nearest object on the path gets a key its schema does not know.
            let object: ReadonlyArray<string | number> = path
            let value = valueAt(portfolio, object)
            while (object.length > 0 && (value === null || typeof value !== "object" || Array.isArray(value))) {
              object = object.slice(0, -1)
              value = valueAt(portfolio, object)
            }
            return fc.constant(replaced(portfolio, object, { ...(value as object), champInconnu: replacement }))
          }
          return breakOne(valueAt(portfolio, path)).map((broken) => replaced(portfolio, path, broken))
        })
    )
    fc.assert(
      fc.property(cases, (input) => {
        const reference = portfolioReference.safeParse(input)
        expectSame(safeParsePortfolio(input), reference)
        expectFastAgrees(input, reference)
        const convention = (input as { conventions?: ReadonlyArray<unknown> }).conventions?.[0]
        if (convention !== undefined)
          expectSame(safeParseConvention(convention), conventionReference.safeParse(convention))
      }),
      { numRuns: 300 }
    )
  })

  it("gives the same on real cases: the founding convention without its objectives, with a wrong objective, with an unknown key in one, with a wrong amount", () => {
    const base = JSON.parse(readFileSync("examples/data/portfolio.json", "utf8")) as {
      partners: Array<unknown>
      conventions: Array<Record<string, unknown>>
    }
    const { predecessorId: _none, ...cpo } = base.conventions[2] as Record<string, unknown>
    const terms = cpo["terms"] as Record<string, unknown>
    const objectives = terms["objectives"] as Array<Record<string, unknown>>
    const variants: ReadonlyArray<Record<string, unknown>> = [
      cpo,
      { ...cpo, terms: { ...terms, objectives: undefined } },
      { ...cpo, terms: Object.fromEntries(Object.entries(terms).filter(([key]) => key !== "objectives")) },
      { ...cpo, terms: { ...terms, objectives: [...objectives, 12] } },
      { ...cpo, terms: { ...terms, objectives: [{ ...objectives[0], champInconnu: 1 }, ...objectives.slice(1)] } },
      { ...cpo, terms: { ...terms, objectives: [{ ...objectives[0], id: "" }, ...objectives.slice(1)] } },
      { ...cpo, terms: { ...terms, excludedSchemes: ["fpt", "fpt"] } },
      { ...cpo, terms: { ...terms, payment: { advanceRate: "1.5" } } },
      { ...cpo, amendments: [] },
      { ...cpo, amendments: [{ champInconnu: 1 }] },
      { ...cpo, terms: { ...terms, amounts: { ...(terms["amounts"] as object), yearlyAmount: "12.345" } } }
    ]
    const outcomes = variants.map((convention) => {
      const input = { partners: base.partners, conventions: [convention] }
      const reference = portfolioReference.safeParse(input)
      expectSame(safeParsePortfolio(input), reference)
      expectFastAgrees(input, reference)
      return reference.success ? "ok" : reference.error.issues.map((issue) => issue.path.join(".")).join(" ")
    })
    expect(outcomes).toEqual([
      "ok",
      "conventions.0.terms.objectives",
      "ok",
      "conventions.0.terms.objectives.4",
      "conventions.0.terms.objectives.0.champInconnu",
      "conventions.0.terms.objectives.0.id",
      "conventions.0.terms.excludedSchemes.1",
      "conventions.0.terms.payment.advanceRate",
      "ok",
      expect.stringContaining("conventions.0.amendments.0"),
      expect.stringContaining("conventions.0.terms.amounts")
    ])
  })

  it("decodes a missing key's default once, frozen, even when the document that first needed it was refused", () => {
    const base = JSON.parse(readFileSync("examples/data/portfolio.json", "utf8")) as {
      conventions: Array<Record<string, unknown>>
    }
    const { predecessorId: _none, ...cpo } = base.conventions[2] as Record<string, unknown>
    for (const freeze of [true, false]) {
      const codec = makeCodec(ConventionSchema, "convention", { freeze })
      // `amendments` (left out: its default is decoded) comes before `note`, which is refused.
      expect(codec.safeParse({ ...cpo, note: "" }).success).toBe(false)
      const first = codec.parse(cpo)
      const second = codec.parse({ ...cpo, id: "cpo-2" })
      expect(first.amendments).toEqual([])
      expect(deeplyFrozen(first)).toBe(freeze)
      expect(Object.isFrozen(first.amendments)).toBe(freeze)
      expect(Object.isFrozen(first.terms.payment)).toBe(freeze)
      // Frozen, the default is shared; not frozen, each document has its own.
      expect(first.amendments === second.amendments).toBe(freeze)
      expect(first.terms.payment === second.terms.payment).toBe(freeze)
      expect(isDeepStrictEqual(first.terms.payment, second.terms.payment)).toBe(true)
    }
  })
})

describe("empty lists", () => {
  it("decode to one frozen empty list when decoded values are frozen, each its own otherwise", () => {
    const json = [
      { id: "a-1", date: "2024-03-05", kind: "action-collective", structures: [], fundedBy: [] },
      { id: "a-2", date: "2024-04-02", kind: "diagnostic", structures: [], fundedBy: [] }
    ]
    const [first, second] = parseActivities(json)
    expect(first?.fundedBy).toEqual([])
    expect(Object.isFrozen(first?.fundedBy)).toBe(true)
    expect(first?.fundedBy).toBe(second?.structures)
    // A list with an item is its own list, frozen; a check on a list still refuses the empty one.
    const [funded] = parseActivities([{ ...json[0], fundedBy: ["fpt"] }])
    expect(funded?.fundedBy).toEqual(["fpt"])
    expect(funded?.fundedBy).not.toBe(first?.fundedBy)
    expect(Object.isFrozen(funded?.fundedBy)).toBe(true)
    const nonEmpty = makeCodec(Schema.Array(Schema.String).check(Schema.isMinLength(1)), "list")
    expect(nonEmpty.safeParse([]).success).toBe(false)
    const unfrozen = makeCodec(ActivitySchema, "activity", { freeze: false })
    const mine = unfrozen.parse(json[0])
    const yours = unfrozen.parse(json[1])
    expect(Object.isFrozen(mine.fundedBy)).toBe(false)
    expect(mine.fundedBy).not.toBe(yours.fundedBy)
    expect(mine.fundedBy).not.toBe(mine.structures)
  })
})

function valueAt(document: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = document
  for (const segment of path) value = (value as Record<string | number, unknown>)[segment]
  return value
}
