/**
 * A fast decoder compiled from a schema's AST: it reads a value the way effect's Schema decoder
 * does (the same literals, optional keys, defaults, checks and transformations, taken from the
 * AST itself, so that there is no second definition to drift), but builds the decoded value
 * directly, without the Effect machinery, and with no error reporting at all. On **any** doubt
 * (a value that breaks a rule, an object whose prototype is not a plain one, a check or a
 * transformation whose result is not known synchronously) it answers {@link INVALID}, and the
 * codec hands the input to the Schema decoder, which finds the same problem and reports it: the
 * errors stay those of the Schema by construction.
 *
 * What it supports: strings, numbers, booleans, literals, unions (any member, tried in order),
 * structs (required and optional keys, excess keys refused), records keyed by strings, lists and
 * fixed tuples, declarations (their own `run`, when it answers at once), suspended schemas, every
 * filter and group of filters, and transformations (their getters, run with the same options).
 * A schema with anything else (`Schema.Unknown`, a one-of union, a middleware…) gets no fast
 * decoder: {@link compileFastDecoder} returns `undefined` and the codec uses the Schema decoder
 * alone.
 *
 * @module
 */
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as SchemaAST from "effect/SchemaAST"

/** @internal What a fast decoder answers when it cannot vouch for the input. */
export const INVALID: unique symbol = Symbol("invalid")
/** A key absent from its object, as effect's parser carries it through optional keys and defaults. */
const MISSING: unique symbol = Symbol("missing")

type Step = (input: unknown) => unknown

/** What compiling reads: effect's parse options (given to checks and getters), and whether to generate code for structs. */
interface Context {
  readonly options: SchemaAST.ParseOptions
  readonly generate: boolean
  /**
   * Whether a struct or a list that its steps leave as they are may be answered as the input
   * itself rather than a copy: only for the encoded side of a transformation whose result a
   * struct or a list then copies (see {@link withEncoding}), never for a part of the result.
   */
  readonly share: boolean
  /**
   * Freezes a value deeply, given when what is decoded is frozen: a key's default, once decoded,
   * is then frozen and given again to every document that lacks the key (see {@link withEncoding}).
   */
  readonly freezeShared: ((value: object) => void) | undefined
  /** The steps compiled in this mode. */
  readonly cache: Map<SchemaAST.AST, Step>
  /** The same compilation in the sharing mode. */
  readonly sharing: Context | undefined
}

/**
 * @internal What a fast decoder made, for the codec to freeze without walking the value again:
 * `built`, every plain object and list it built (children before their parent), and `foreign`,
 * every object a declaration answered (an amount, say), to be frozen deeply.
 */
export interface Made {
  readonly built: Array<object>
  readonly foreign: Array<object>
}

/**
 * @internal A fast decoder: the decoded value (the same as the Schema decoder's), or {@link INVALID}.
 * Given `made`, it lists there what it built (see {@link Made}).
 */
export type FastDecoder = (input: unknown, made?: Made) => unknown

/** Where the decoding under way lists what it builds (none outside a decoding, or when not asked). */
const sink: { built: Array<object> | undefined; foreign: Array<object> | undefined } = {
  built: undefined,
  foreign: undefined
}

/**
 * A schema part the fast decoder does not handle: the whole schema is left to the Schema decoder.
 * Thrown with no message (what is not handled is written where it is thrown): nobody reads it.
 */
class Unsupported extends Error {}

/** The empty list every empty list decodes to when decoded values are frozen (see {@link arrays}). */
const EMPTY_LIST: ReadonlyArray<never> = Object.freeze([])

const objectPrototype = Object.prototype
const arrayPrototype = Array.prototype

/** Whether `new Function` works here (a page's content security policy may forbid it). */
const generated = (() => {
  try {
    return new Function("return true")() === true
  } catch {
    return false
  }
})()

/** The value of an effect that is already done (`Effect.succeed`, an eager map), or {@link INVALID}. */
function settled(effect: unknown): unknown {
  if (Exit.isExit(effect) && Exit.isSuccess(effect)) return effect.value
  return INVALID
}

/** The value an `Option` holds, or {@link MISSING} for `None`. */
const fromOption = (option: Option.Option<unknown>): unknown => (Option.isSome(option) ? option.value : MISSING)
const toOption = (value: unknown): Option.Option<unknown> => (value === MISSING ? Option.none() : Option.some(value))

/**
 * @internal Compiles a fast decoder from a schema's AST, decoding with the given parse options
 * (those the codec passes to effect), or `undefined` when the schema holds a part it does not
 * handle. `generate` (default: whether `new Function` works here) builds each struct's step as
 * generated code, several times faster than the generic loop that is used otherwise.
 * `freezeShared`, given when decoded values are deep-frozen, freezes a key's default once
 * decoded, so that the same frozen value is given to every document that lacks the key.
 */
export function compileFastDecoder(
  ast: SchemaAST.AST,
  options: SchemaAST.ParseOptions,
  generate: boolean = generated,
  freezeShared?: (value: object) => void
): FastDecoder | undefined {
  if (options.onExcessProperty !== "error") return undefined // the fast path refuses excess keys, as "error" does
  const copying: Context = { options, generate, share: false, freezeShared, cache: new Map(), sharing: undefined }
  const sharing: Context = { options, generate, share: true, freezeShared, cache: new Map(), sharing: undefined }
  ;(copying as { sharing: Context }).sharing = sharing
  ;(sharing as { sharing: Context }).sharing = sharing
  try {
    const step = compile(ast, copying)
    return (input, made) => {
      // A generated struct takes every key its `for…in` meets as the object's own: a key set on
      // Object.prototype (enumerable) would be met too, so that case is left to the Schema decoder.
      if (hasEnumerableKey(objectPrototype)) return INVALID
      // Saved and restored: a check may decode another document with another fast decoder.
      const outerBuilt = sink.built
      const outerForeign = sink.foreign
      sink.built = made?.built
      sink.foreign = made?.foreign
      try {
        const value = step(input)
        return value === MISSING ? INVALID : value
      } catch {
        return INVALID // a getter that throws, a transformation that refuses: the Schema decoder says why
      } finally {
        sink.built = outerBuilt
        sink.foreign = outerForeign
      }
    }
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
}

/** Whether `for…in` meets a key of the object (its own or inherited, enumerable). */
function hasEnumerableKey(object: object): boolean {
  for (const _ in object) return true
  return false
}

function compile(ast: SchemaAST.AST, context: Context): Step {
  const cache = context.cache
  const known = cache.get(ast)
  if (known !== undefined) return known
  // A suspended schema may refer to itself: the cache holds a forwarder until the step is built.
  let built: Step | undefined
  cache.set(ast, (input) => (built as Step)(input))
  built = withEncoding(ast, withChecks(ast, own(ast, context), context.options), context)
  cache.set(ast, built)
  return built
}

/** The node's own parser, as effect's `getParser`: its type, or its shape with every member decoded. */
function own(ast: SchemaAST.AST, context: Context): Step {
  if ("encodingChecks" in ast && ast.encodingChecks !== undefined) throw new Unsupported() // encoding checks
  switch (ast._tag) {
    case "String":
      return (input) => (input === MISSING || typeof input === "string" ? input : INVALID)
    case "Number":
      return (input) => (input === MISSING || typeof input === "number" ? input : INVALID)
    case "Boolean":
      return (input) => (input === MISSING || typeof input === "boolean" ? input : INVALID)
    case "Null":
      return (input) => (input === MISSING || input === null ? input : INVALID)
    case "Literal": {
      const literal = ast.literal
      return (input) => (input === MISSING || input === literal ? input : INVALID)
    }
    case "Union":
      return union(ast, context)
    case "Objects":
      return objects(ast, context)
    case "Arrays":
      return arrays(ast, context)
    case "Declaration": {
      const run = ast.run(ast.typeParameters)
      // Without an encoding, the declaration reads the input itself: an object of the input it
      // keeps as it is would be frozen with the decoded value, so that case is left to the Schema
      // decoder. With one, it reads what the transformation built.
      const raw = ast.encoding === undefined
      return (input) => {
        if (input === MISSING) return input
        const value = settledDeclaration(run(input, ast, context.options), input, raw)
        if (value !== null && typeof value === "object") sink.foreign?.push(value)
        return value
      }
    }
    case "Suspend": {
      let inner: Step | undefined
      return (input) => (inner ??= compile(ast.thunk(), context))(input)
    }
    default:
      throw new Unsupported() // any other kind of schema
  }
}

/**
 * A declaration's answer. Effect's parsers answer a shared success holding an internal symbol for
 * "the input, unchanged": a symbol answered for an input that is not that symbol is not trusted.
 */
function settledDeclaration(effect: unknown, input: unknown, raw: boolean): unknown {
  const value = settled(effect)
  if (typeof value === "symbol" && value !== input) return INVALID
  return raw && value === input && input !== null && typeof input === "object" ? INVALID : value
}

function union(ast: SchemaAST.Union, context: Context): Step {
  if (ast.options?.mode === "oneOf") throw new Unsupported() // oneOf union
  const plainLiterals = ast.types.every(
    (member) =>
      member._tag === "Literal" &&
      member.checks === undefined &&
      member.encoding === undefined &&
      member.context === undefined
  )
  if (plainLiterals) {
    const literals = new Set(ast.types.map((member) => (member as SchemaAST.Literal).literal))
    return (input) => (input === MISSING || literals.has(input as never) ? input : INVALID)
  }
  const members = ast.types.map((member) => compile(member, context))
  const tagged = discriminant(ast.types)
  if (tagged !== undefined) {
    // Only the member whose literal the input holds at that key can succeed: the others fail on it.
    const byTag = new Map<unknown, Step>(tagged.literals.map((literal, index) => [literal, members[index] as Step]))
    const key = tagged.key
    return (input) => {
      if (input === MISSING) return input
      if (input === null || typeof input !== "object" || !Object.hasOwn(input, key)) return INVALID
      const member = byTag.get((input as Record<string, unknown>)[key])
      if (member === undefined) return INVALID
      const value = member(input)
      return value === MISSING ? INVALID : value
    }
  }
  return (input) => {
    if (input === MISSING) return input
    for (const member of members) {
      const value = member(input)
      if (value !== INVALID && value !== MISSING) return value
    }
    return INVALID
  }
}

/**
 * A key every member of a union requires, each with a literal of its own (a tagged union's `kind`),
 * or `undefined`. Members must be structs read as they are (no encoding, no default).
 */
function discriminant(
  members: ReadonlyArray<SchemaAST.AST>
): { readonly key: string; readonly literals: ReadonlyArray<unknown> } | undefined {
  if (members.length < 2) return undefined
  const first = members[0] as SchemaAST.AST
  if (first._tag !== "Objects") return undefined
  for (const candidate of first.propertySignatures) {
    if (typeof candidate.name !== "string") continue
    const literals: Array<unknown> = []
    for (const member of members) {
      if (member._tag !== "Objects" || member.encoding !== undefined) return undefined
      const signature = member.propertySignatures.find((property) => property.name === candidate.name)
      const type = signature?.type
      if (
        type === undefined ||
        type._tag !== "Literal" ||
        type.checks !== undefined ||
        type.encoding !== undefined ||
        type.context !== undefined
      )
        break
      literals.push(type.literal)
    }
    if (literals.length === members.length && new Set(literals).size === literals.length)
      return { key: candidate.name, literals }
  }
  return undefined
}

interface Property {
  readonly name: string
  readonly step: Step
  readonly optional: boolean
  /** The key's schema, when it is a plain leaf the generated code tests itself (see {@link leafOf}). */
  readonly leaf: Leaf | undefined
}

/**
 * A leaf the generated code of a struct tests in place, without calling its step: a string, a
 * number, a boolean or a union of literals with no encoding, then its filters in order, each run
 * as {@link withChecks} runs it (the same filter objects, node and options).
 */
interface Leaf {
  readonly ast: SchemaAST.AST
  /** A JavaScript test of `raw` (its type, or the literals it may be). */
  readonly test: string
  readonly literals: ReadonlySet<unknown> | undefined
  readonly filters: ReadonlyArray<SchemaAST.Filter<unknown>>
}

const LEAF_TYPES: Readonly<Record<string, string>> = {
  String: 'typeof raw=="string"',
  Number: 'typeof raw=="number"',
  Boolean: 'typeof raw=="boolean"'
}

/** The key's schema as a {@link Leaf}, or `undefined` when its own step must read it. */
function leafOf(ast: SchemaAST.AST): Leaf | undefined {
  if (ast.encoding !== undefined || ("encodingChecks" in ast && ast.encodingChecks !== undefined)) return undefined
  const filters = ast.checks === undefined ? [] : filtersOf(ast.checks)
  const type = LEAF_TYPES[ast._tag]
  if (type !== undefined) return { ast, test: type, literals: undefined, filters }
  const members = ast._tag === "Union" ? ast.types : ast._tag === "Literal" ? [ast] : undefined
  if (members === undefined || (ast._tag === "Union" && ast.options?.mode === "oneOf")) return undefined
  const literals: Array<unknown> = []
  for (const member of members) {
    if (
      member._tag !== "Literal" ||
      (member !== ast && (member.checks !== undefined || member.encoding !== undefined || member.context !== undefined))
    )
      return undefined
    literals.push(member.literal)
  }
  // A few literals are compared one by one; more are looked up in a set.
  const written = literals.every(
    (literal) =>
      typeof literal === "string" ||
      typeof literal === "boolean" ||
      (typeof literal === "number" && Number.isFinite(literal) && !Object.is(literal, -0))
  )
  const test =
    written && literals.length <= 8
      ? literals.length === 0
        ? "false"
        : literals.map((literal) => `raw===${JSON.stringify(literal)}`).join("||")
      : "literals.has(raw)"
  return { ast, test, literals: new Set(literals), filters }
}

function objects(ast: SchemaAST.Objects, context: Context): Step {
  if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) throw new Unsupported() // empty struct
  const properties: Array<Property> = []
  for (const signature of ast.propertySignatures) {
    if (typeof signature.name !== "string" || signature.name === "__proto__") throw new Unsupported() // key
    properties.push({
      name: signature.name,
      step: compile(signature.type, context),
      optional: signature.type.context?.isOptional ?? false,
      leaf: leafOf(signature.type)
    })
  }
  const expected = new Set(properties.map((property) => property.name))
  const indexes = ast.indexSignatures.map((index) => {
    if (index.parameter._tag !== "String" || index.parameter.encoding !== undefined) throw new Unsupported() // index key
    if (index.type.context?.constructorDefault !== undefined) throw new Unsupported() // index default
    return { key: compile(index.parameter, context), value: compile(index.type, context) }
  })
  const share = context.share
  if (indexes.length === 0 && context.generate) {
    const made = generatedStruct(properties, share, context.options)
    if (made !== undefined) return made
  }
  return (input) => {
    if (input === MISSING) return input
    if (input === null || typeof input !== "object") return INVALID
    const prototype: unknown = Object.getPrototypeOf(input)
    if (prototype !== objectPrototype && prototype !== null) return INVALID
    const record = input as Record<string, unknown>
    if (indexes.length === 0) {
      for (const key in record) if (!expected.has(key)) return INVALID
    }
    if (Object.getOwnPropertySymbols(record).length > 0) return INVALID
    const out: Record<string, unknown> = {}
    let same = true
    for (const property of properties) {
      const name = property.name
      let value: unknown
      if (Object.hasOwn(record, name)) value = record[name]
      else if (name in record)
        return INVALID // inherited from Object.prototype (a key named "toString")
      else value = MISSING
      const decoded = property.step(value)
      if (decoded === INVALID) return INVALID
      if (decoded !== value) same = false
      if (decoded === MISSING) {
        if (!property.optional) return INVALID
      } else out[name] = decoded
    }
    for (const index of indexes) {
      for (const key of Object.keys(record)) {
        // JSON.parse makes "__proto__" an own key; writing it to `out` would set its prototype.
        if (key === "__proto__" || index.key(key) !== key) return INVALID
        const value = record[key]
        const decoded = index.value(value)
        if (decoded === INVALID || decoded === MISSING) return INVALID
        if (decoded !== value) same = false
        if (!expected.has(key)) out[key] = decoded
      }
    }
    if (share && same) return input
    sink.built?.push(out)
    return out
  }
}

/**
 * A struct's step as generated code, the same steps as the loop above with each key written out.
 * The keys are read as the `for…in` that refuses unknown keys meets them (one read each, no
 * `Object.hasOwn`: a key it meets is the object's own, its prototype being a plain one whose
 * keys {@link compileFastDecoder} checked are none enumerable), and the value is built as an object
 * literal of its first keys, those always present (one allocation of the right shape, where
 * adding keys one by one to `{}` reallocates its store past the fourth), then the rest in order.
 * A key the loop did not meet is missing, unless the object holds it otherwise (inherited, or
 * not enumerable): the Schema decoder decides then. `undefined` when the code cannot be built.
 */
function generatedStruct(
  properties: ReadonlyArray<Property>,
  share: boolean,
  options: SchemaAST.ParseOptions
): Step | undefined {
  const names = properties.map((property) => JSON.stringify(property.name))
  const head: Array<string> = []
  // The generated code's names are one letter (its text is shipped as written): `i` the input,
  // `M` MISSING, `X` INVALID, `P` Object.prototype, `G` Object.getPrototypeOf, `S`
  // Object.getOwnPropertySymbols, `p` the input's prototype; `raw` and `literals` are a leaf's
  // (see LEAF_TYPES).
  const lines: Array<string> = [
    "return function(i){",
    "if(i===M)return i",
    'if(i===null||typeof i!=="object")return X',
    "const p=G(i)",
    "if(p!==P&&p!==null)return X",
    `let ${names.map((_, index) => `r${index}=M`).join(",")}`,
    "for(const k in i)switch(k){",
    ...names.map((name, index) => `case ${name}:r${index}=i[${name}];break`),
    "default:return X}",
    "if(S(i).length>0)return X"
  ]
  // Whether a key may be left out of the value (an optional key missing), from its index on.
  let always = properties.length
  const same: Array<string> = []
  properties.forEach((property, index) => {
    const name = names[index] as string
    const raw = `r${index}`
    const leaf = property.leaf
    if (property.optional && always === properties.length) always = index
    if (leaf !== undefined) {
      // The leaf's own step and checks, written out: a missing key stays missing, any other
      // value passes its test and every filter, or the struct is invalid.
      head.push(`const l${index}=leaves[${index}]`)
      lines.push(
        property.optional ? `if(${raw}===M){if(${name} in i)return X}else{` : `if(${raw}===M)return X;{`,
        `const raw=${raw}`,
        ...(leaf.test.includes("literals") ? [`const literals=l${index}.literals`] : []),
        `if(!(${leaf.test}))return X`,
        ...leaf.filters.map((_, filter) => {
          head.push(`const f${index}_${filter}=l${index}.filters[${filter}]`)
          return `if(f${index}_${filter}.run(raw,l${index}.ast,options)!==undefined)return X`
        }),
        "}",
        `const v${index}=${raw}`
      )
      return
    }
    head.push(`const s${index}=steps[${index}]`)
    lines.push(
      `if(${raw}===M&&${name} in i)return X`,
      `const v${index}=s${index}(${raw})`,
      `if(v${index}===X${property.optional ? "" : `||v${index}===M`})return X`
    )
    same.push(`v${index}===${raw}`)
  })
  if (share && same.length > 0) lines.push(`if(${same.join("&&")})return i`)
  else if (share) lines.push("return i")
  const literal = (count: number) =>
    `{${names
      .slice(0, count)
      .map((name, index) => `${name}:v${index}`)
      .join(",")}}`
  lines.push(`const out=${literal(always)}`)
  for (let index = always; index < properties.length; index++)
    lines.push(
      (properties[index] as Property).optional
        ? `if(v${index}!==M)out[${names[index]}]=v${index}`
        : `out[${names[index]}]=v${index}`
    )
  lines.push("const built=sink.built", "if(built!==undefined)built.push(out)", "return out}")
  try {
    const make = new Function(
      "M",
      "X",
      "P",
      "G",
      "S",
      "steps",
      "leaves",
      "options",
      "sink",
      [...head, ...lines].join("\n")
    ) as (...args: ReadonlyArray<unknown>) => Step
    return make(
      MISSING,
      INVALID,
      objectPrototype,
      Object.getPrototypeOf,
      Object.getOwnPropertySymbols,
      properties.map((property) => property.step),
      properties.map((property) => property.leaf),
      options,
      sink
    )
  } catch {
    return undefined
  }
}

function arrays(ast: SchemaAST.Arrays, context: Context): Step {
  if (ast.rest.length > 1) throw new Unsupported() // rest followed by elements
  if (ast.elements.some((element) => element.context?.isOptional === true)) throw new Unsupported() // optional element
  const elements = ast.elements.map((element) => compile(element, context))
  const rest = ast.rest.length === 1 ? compile(ast.rest[0] as SchemaAST.AST, context) : undefined
  const fixed = elements.length
  const share = context.share
  // When what is decoded is frozen, every empty list decoded is one frozen empty list, shared: a
  // list of records often holds many (`"fundedBy": []`), each an object to make and to freeze.
  const empty = context.freezeShared !== undefined && !share
  return (input) => {
    if (input === MISSING) return input
    if (!Array.isArray(input) || Object.getPrototypeOf(input) !== arrayPrototype) return INVALID
    const length = input.length
    if (length < fixed || (rest === undefined && length > fixed)) return INVALID
    if (empty && length === 0) return EMPTY_LIST
    const out = new Array<unknown>(length)
    let same = true
    for (let index = 0; index < length; index++) {
      if (!(index in input)) return INVALID // a hole
      const value: unknown = input[index]
      const decoded = (index < fixed ? (elements[index] as Step) : (rest as Step))(value)
      if (decoded === INVALID || decoded === MISSING) return INVALID
      if (decoded !== value) same = false
      out[index] = decoded
    }
    if (share && same) return input
    sink.built?.push(out)
    return out
  }
}

/** The node's filters, run as effect runs them after its own parser, each answering nothing when it passes. */
function withChecks(ast: SchemaAST.AST, step: Step, options: SchemaAST.ParseOptions): Step {
  const checks = ast.checks
  if (checks === undefined) return step
  const filters = filtersOf(checks)
  return (input) => {
    const value = step(input)
    if (value === INVALID || value === MISSING) return value
    for (const filter of filters) if (filter.run(value, ast, options) !== undefined) return INVALID
    return value
  }
}

/**
 * The node's encoding chain, decoded as effect decodes it: the input read by the last link's
 * schema, each transformation's getter applied in turn (from the last link to the first), then
 * the node's own parser and checks.
 */
function withEncoding(ast: SchemaAST.AST, local: Step, context: Context): Step {
  const links = ast.encoding
  if (links === undefined) return local
  const transformations = links.map((link) => getter(link.transformation, context.options))
  // A struct or a list copies what its encoded side read: that side may answer the input itself
  // (no copy made only to be copied again). Any other node reads it in the copying mode.
  const encoded = ast._tag === "Objects" || ast._tag === "Arrays" ? (context.sharing as Context) : context
  const last = links.length - 1
  const lastGetter = transformations[last] as Step
  const implied = readsItsOwnEncoding(ast)
  let parsers: Array<Step> | undefined
  const full = (input: unknown): unknown => {
    parsers ??= links.map((link) => compile(link.to, encoded))
    let current = (parsers[last] as Step)(input)
    for (let index = last; index >= 0; index--) {
      if (current === INVALID) return INVALID
      current = (transformations[index] as Step)(current)
      if (current === INVALID) return INVALID
      if (index !== 0) current = (parsers[index - 1] as Step)(current)
    }
    return local(current)
  }
  if (!implied) return full
  // A key with a default (`withDecodingDefaultKey`): its encoded side is the node's own encoded
  // form, made optional, so the node's own decoding reads the same value again with every check
  // the encoded side has (see readsItsOwnEncoding). A value present that the default's getter
  // leaves as it is is read once, by the node itself; a missing key gets its default as before.
  const rest = links.length > 1 ? withEncoding(withoutLastLink(ast), local, context) : local
  // A missing key's default, decoded: the same every time (the default is an effect already
  // done, its getter and the node's steps give the same for the same), so it is decoded once and
  // frozen, and then shared by every document lacking the key, when decoded values are frozen.
  const freezeShared = context.freezeShared
  let decodedDefault: unknown = MISSING
  return (input) => {
    if (input === MISSING) {
      if (decodedDefault !== MISSING) return decodedDefault
      const value = full(input)
      if (freezeShared !== undefined && value !== INVALID && value !== MISSING) {
        if (value !== null && typeof value === "object") freezeShared(value)
        decodedDefault = value
      }
      return value
    }
    const kept = lastGetter(input)
    return kept === input ? rest(input) : full(input)
  }
}

/**
 * Two functions effect's SchemaAST module exports without declaring them (marked internal):
 * used only to recognise a default, and if a later version drops them, defaults are read as
 * any other link is (twice), nothing else changes.
 */
const internals = SchemaAST as unknown as {
  readonly replaceEncoding?: (ast: SchemaAST.AST, encoding: SchemaAST.Encoding | undefined) => SchemaAST.AST
  readonly optionalKey?: (ast: SchemaAST.AST) => SchemaAST.AST
}

/** The node with its last link removed: what a default (`withDecodingDefaultKey`) was added to. */
function withoutLastLink(ast: SchemaAST.AST): SchemaAST.AST {
  const links = ast.encoding as SchemaAST.Encoding
  const rest = links.length > 1 ? (links.slice(0, -1) as unknown as SchemaAST.Encoding) : undefined
  return (internals.replaceEncoding as NonNullable<typeof internals.replaceEncoding>)(ast, rest)
}

/**
 * Whether the node's last link reads, as its encoded side, the node's own encoded form made
 * optional (what `Schema.withDecodingDefaultKey` and `Schema.withDecodingDefault`'s key variant
 * build: `optionalKey(toEncoded(self)).pipe(decodeTo(self, …))`), and every check that encoded
 * form runs is one the node's own decoding runs on the same part of the input. Then a value that
 * the node decodes passed the encoded side too, and reading it there first only repeats the work.
 *
 * Checked on the AST: the link's `to` is, field for field, `optionalKey(toEncoded(node without
 * the link))` (effect builds it so); each check in it is found, by identity, where the node's
 * decoding reads the input as it is (before any transformation); none sits on a struct unless
 * the node transforms nothing inside (a struct's checks judge it after its defaults are added);
 * and it holds no suspended schema.
 */
function readsItsOwnEncoding(ast: SchemaAST.AST): boolean {
  const links = ast.encoding
  if (links === undefined || internals.replaceEncoding === undefined || internals.optionalKey === undefined)
    return false
  const link = links[links.length - 1] as SchemaAST.Link
  if (link.to.context?.isOptional !== true) return false
  const self = withoutLastLink(ast)
  const expected = internals.optionalKey(SchemaAST.toEncoded(self)) as unknown as Record<string, unknown>
  const actual = link.to as unknown as Record<string, unknown>
  if (expected !== actual) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)])
    for (const key of keys) if (key !== "context" && expected[key] !== actual[key]) return false
  }
  const onInput = checksOnInput(self)
  if (onInput === undefined) return false
  let safe = true
  visitNodes(link.to, (node) => {
    if (node._tag === "Suspend" || node.encoding !== undefined) safe = false
    else if (node.checks !== undefined) {
      for (const filter of filtersOf(node.checks)) {
        const owner = onInput.get(filter)
        // A struct's check judges the struct the node builds: the same object as the input's
        // only if nothing inside it is transformed (no default added, no amount read).
        if (owner === undefined || (node._tag === "Objects" && transformsInside(owner))) safe = false
      }
    }
  })
  return safe
}

/** Whether a node or a schema it is made of has an encoding (a transformation, a default). */
function transformsInside(ast: SchemaAST.AST): boolean {
  let found = false
  visitNodes(ast, (node) => {
    if (node.encoding !== undefined || node._tag === "Suspend") found = true
  })
  return found
}

/**
 * Every filter a node's decoding runs on the input as it is (before any transformation), with the
 * node that holds it, or `undefined` for a suspended schema.
 */
function checksOnInput(ast: SchemaAST.AST): Map<SchemaAST.Filter<unknown>, SchemaAST.AST> | undefined {
  const found = new Map<SchemaAST.Filter<unknown>, SchemaAST.AST>()
  let ok = true
  const visit = (node: SchemaAST.AST): void => {
    if (node._tag === "Suspend") {
      ok = false
      return
    }
    const links = node.encoding
    if (links !== undefined) {
      // Its encoded side reads the input; what the transformations make is another value.
      visit((links[links.length - 1] as SchemaAST.Link).to)
      return
    }
    if (node.checks !== undefined) for (const filter of filtersOf(node.checks)) found.set(filter, node)
    for (const child of childrenOf(node)) visit(child)
  }
  visit(ast)
  return ok ? found : undefined
}

function filtersOf(checks: ReadonlyArray<SchemaAST.Check<unknown>>): Array<SchemaAST.Filter<unknown>> {
  const filters: Array<SchemaAST.Filter<unknown>> = []
  const collect = (check: SchemaAST.Check<unknown>): void => {
    if (check._tag === "Filter") filters.push(check)
    else for (const inner of check.checks) collect(inner)
  }
  for (const check of checks) collect(check)
  return filters
}

/** The schemas a node is made of (members, fields, elements, type parameters), not its encoding. */
function childrenOf(node: SchemaAST.AST): ReadonlyArray<SchemaAST.AST> {
  switch (node._tag) {
    case "Union":
      return node.types
    case "Objects":
      return [
        ...node.propertySignatures.map((signature) => signature.type),
        ...node.indexSignatures.flatMap((index) => [index.parameter, index.type])
      ]
    case "Arrays":
      return [...node.elements, ...node.rest]
    case "Declaration":
      return node.typeParameters
    default:
      return []
  }
}

/** Visits a node and every schema it is made of, each once (a suspended schema is not entered). */
function visitNodes(ast: SchemaAST.AST, visit: (node: SchemaAST.AST) => void): void {
  const seen = new Set<SchemaAST.AST>()
  const stack = [ast]
  while (stack.length > 0) {
    const node = stack.pop() as SchemaAST.AST
    if (seen.has(node)) continue
    seen.add(node)
    visit(node)
    stack.push(...childrenOf(node))
    for (const link of node.encoding ?? []) stack.push(link.to)
  }
}

type Getter = {
  readonly _tag: string
  readonly transform?: (value: unknown, options?: SchemaAST.ParseOptions) => unknown
}

/** A transformation's decoding getter, run on a value or on {@link MISSING}. */
function getter(transformation: SchemaAST.Link["transformation"], options: SchemaAST.ParseOptions): Step {
  if (transformation._tag !== "Transformation") throw new Unsupported() // middleware
  const decode = transformation.decode as unknown as Getter
  const transform = decode.transform
  switch (decode._tag) {
    case "Passthrough":
      return (value) => value
    case "Transform":
      if (transform === undefined) throw new Unsupported() // getter
      return (value) => (value === MISSING ? value : transform(value))
    case "TransformOptional":
      if (transform === undefined) throw new Unsupported() // getter
      return (value) => fromOption(transform(toOption(value)) as Option.Option<unknown>)
    case "TransformEffect":
      if (transform === undefined) throw new Unsupported() // getter
      return (value) => (value === MISSING ? value : settled(transform(value, options)))
    case "TransformOptionalEffect":
      if (transform === undefined) throw new Unsupported() // getter
      return (value) => {
        const option = settled(transform(toOption(value), options))
        return option === INVALID ? INVALID : fromOption(option as Option.Option<unknown>)
      }
    default:
      throw new Unsupported() // any other getter
  }
}
