import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  MultilineTextSchema,
  SectorSchema,
  TextSchema,
  explanationLines,
  InvalidArgumentError,
  makeCodec,
  uniqueList,
  type ExplanationNode
} from "caf-conventions"

// Codecs are built inside each test, so that mutation testing sees their code run inside a test.
const item = Schema.Struct({ id: Schema.String })

describe("a codec's registry of decoded values", () => {
  it("remembers each object of a decoded list, and nothing else", () => {
    const registry = new WeakSet<object>()
    const codec = makeCodec(Schema.Array(Schema.NullOr(item)), "items", { registry })
    const input = [{ id: "a" }, null, { id: "b" }]
    const decoded = codec.parse(input)
    expect(decoded).toEqual([{ id: "a" }, null, { id: "b" }])
    expect(registry.has(decoded[0] as object)).toBe(true)
    expect(registry.has(decoded[2] as object)).toBe(true)
    // The list itself is not a record, and the caller's input objects are not the decoded ones.
    expect(registry.has(decoded)).toBe(false)
    expect(registry.has(input[0] as object)).toBe(false)
  })

  it("remembers a decoded object, only in its own registry; a failed decoding gives no value to remember", () => {
    const registry = new WeakSet<object>()
    const codec = makeCodec(item, "item", { registry })
    const decoded = codec.parse({ id: "a" })
    expect(registry.has(decoded)).toBe(true)
    const failed = codec.safeParse({ id: 3 })
    expect(failed.success).toBe(false)
    const withoutRegistry = makeCodec(item, "item").parse({ id: "a" })
    expect(registry.has(withoutRegistry)).toBe(false)
  })

  it("skips scalars and nulls, which a WeakSet refuses (adding one would throw)", () => {
    const registry = new WeakSet<object>()
    expect(makeCodec(Schema.NullOr(item), "item or nothing", { registry }).parse(null)).toBeNull()
    const codec = makeCodec(Schema.String, "text", { registry })
    expect(codec.parse("x")).toBe("x")
    expect(makeCodec(Schema.Array(Schema.String), "texts", { registry }).parse(["x", "y"])).toEqual(["x", "y"])
  })
})

describe("paths of issues", () => {
  it("give a symbol key by its description", () => {
    const key = Symbol.for("note")
    const result = makeCodec(Schema.Struct({ [key]: Schema.String }), "noted").safeParse({ [key]: 3 })
    expect(result.success ? [] : result.error.issues).toMatchObject([
      { path: ["Symbol(note)"], message: "Expected string" }
    ])
  })

  it("keep list indexes as numbers and keys as strings", () => {
    const result = makeCodec(Schema.Struct({ items: Schema.Array(item) }), "holder").safeParse({
      items: [{ id: "a" }, { id: 1 }]
    })
    expect(result.success ? [] : result.error.issues).toMatchObject([
      { path: ["items", 1, "id"], message: "Expected string" }
    ])
  })
})

describe("shared schemas", () => {
  it("a list without repeats names the first repeated item at its index", () => {
    const sectors = makeCodec(uniqueList(SectorSchema, { nonEmpty: true }), "sectors")
    expect(sectors.parse(["jeunesse", "enfance"])).toEqual(["jeunesse", "enfance"])
    const repeated = sectors.safeParse(["jeunesse", "enfance", "jeunesse", "enfance"])
    expect(repeated.success ? [] : repeated.error.issues).toMatchObject([
      { path: [2], message: '"jeunesse" is listed twice' }
    ])
    const empty = sectors.safeParse([])
    expect(empty.success ? [] : empty.error.issues).toMatchObject([{ path: [], message: "expected at least one item" }])
    expect(makeCodec(uniqueList(SectorSchema), "sectors").parse([])).toEqual([])
  })

  it("describe themselves in the exported JSON Schema", () => {
    const schemaOf = (schema: Schema.Top) => {
      const { type, description, uniqueItems, minItems, minLength, maxLength } = Schema.toJsonSchemaDocument(schema)
        .schema as Record<string, unknown>
      return { type, description, uniqueItems, minItems, minLength, maxLength }
    }
    expect(schemaOf(uniqueList(SectorSchema, { nonEmpty: true }))).toEqual({
      type: "array",
      description: "A non-empty list without repeated items",
      uniqueItems: true,
      minItems: 1,
      minLength: undefined,
      maxLength: undefined
    })
    expect(schemaOf(uniqueList(SectorSchema))).toEqual({
      type: "array",
      description: "A list without repeated items",
      uniqueItems: true,
      minItems: undefined,
      minLength: undefined,
      maxLength: undefined
    })
    expect(schemaOf(TextSchema)).toEqual({
      type: "string",
      description: "A non-blank text of at most 2000 characters, on one line, without control characters",
      uniqueItems: undefined,
      minItems: undefined,
      minLength: 1,
      maxLength: 2000
    })
    expect(schemaOf(MultilineTextSchema)).toMatchObject({
      description: "A non-blank text of at most 2000 characters, without control characters but tab and line ends",
      minLength: 1,
      maxLength: 2000
    })
    const pattern = (schema: Schema.Top) =>
      new RegExp((Schema.toJsonSchemaDocument(schema).schema as { pattern: string }).pattern, "u")
    expect(["a", "a\tb", "a\nb", "a\u0000", "a\u009f"].map((text) => pattern(TextSchema).test(text))).toEqual([
      true,
      false,
      false,
      false,
      false
    ])
    expect(
      ["a", "a\tb", "a\r\nb", "a\u0000", "a\u007f"].map((text) => pattern(MultilineTextSchema).test(text))
    ).toEqual([true, true, true, false, false])
  })

  it("a text holds 1 to 2000 characters and is not blank", () => {
    const text = makeCodec(TextSchema, "text")
    expect(text.parse("x".repeat(2000))).toHaveLength(2000)
    for (const bad of ["x".repeat(2001), "", "   "]) {
      const result = text.safeParse(bad)
      expect(result.success ? [] : result.error.issues).toMatchObject([
        { path: [], message: "expected a non-blank text of at most 2000 characters" }
      ])
    }
  })
})

describe("explanation lines", () => {
  const leaf = (source: string): ExplanationNode => ({
    ruleId: "r",
    label: "Règle",
    outcome: "pass",
    read: {},
    sentence: "elle tient.",
    source,
    children: []
  })

  it("cite the source of a rule, and only when it has one", () => {
    expect(explanationLines(leaf("CASF, art. L. 263-1"))).toEqual([
      "✓ Règle : elle tient. (source : CASF, art. L. 263-1)"
    ])
    expect(explanationLines(leaf(""))).toEqual(["✓ Règle : elle tient."])
  })

  it("indent children under their combination, which cites no source of its own", () => {
    const tree: ExplanationNode = {
      ...leaf("ignored"),
      ruleId: "all",
      label: "Toutes",
      outcome: "fail",
      children: [leaf("a"), { ...leaf("b"), outcome: "not-applicable" }]
    }
    expect(explanationLines(tree)).toEqual([
      "✗ Toutes : elle tient.",
      "  ✓ Règle : elle tient. (source : a)",
      "  – Règle : elle tient. (source : b)"
    ])
  })
})

describe("makeCodec's options", () => {
  const Thing = Schema.Struct({ a: Schema.String })
  const made = (options: unknown) => () => makeCodec(Thing, "thing", options as never)

  it("refuses options of another type when the codec is made, not with a TypeError when it decodes", () => {
    // Before the checks, onDecode "x" and a registry {} threw "options.onDecode is not a function"
    // and "registry.add is not a function" at the first parse; freeze "false" froze, freeze 0 did not.
    for (const [options, argument, message] of [
      [{ onDecode: "x" }, "onDecode", 'expected a function, got "x"'],
      [{ registry: {} }, "registry", "expected an object with an add function (a WeakSet), got an object"],
      [{ freeze: "false" }, "freeze", 'expected true or false, got "false"'],
      [{ freeze: 0 }, "freeze", "expected true or false, got 0"]
    ] as const) {
      expect(made(options)).toThrow(InvalidArgumentError)
      expect(made(options)).toThrow(expect.objectContaining({ argument, message }))
    }
  })

  it("still takes a WeakSet, a function and a boolean", () => {
    const registry = new WeakSet<object>()
    const seen: Array<unknown> = []
    const codec = makeCodec(Thing, "thing", { registry, onDecode: (value) => seen.push(value), freeze: false })
    const value = codec.parse({ a: "b" })
    expect([registry.has(value), seen, Object.isFrozen(value)]).toEqual([true, [{ a: "b" }], false])
  })
})
