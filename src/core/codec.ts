/**
 * The library-wide decoding convention, shared by every document type (`parseX`, `safeParseX`,
 * `decodeX`, `encodeX`). One implementation, so that every entry point reports problems the same way.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describeValue } from "./describe.js"
import type { PathSegment, SafeParseResult } from "./errors.js"
import { InvalidArgumentError, MAX_LISTED_ISSUES, ValidationError } from "./errors.js"
import { type FastDecoder, INVALID, type Made, compileFastDecoder } from "./fast.js"
import { deepFreeze, objectsOf } from "./freeze.js"
import { inheritedIssues, issuesOf } from "./issues.js"

/**
 * Decoding options applied everywhere: report every problem, not only the first, and reject
 * properties the schema does not know (a misspelt field must not vanish silently).
 */
const STRICT = { errors: "all", onExcessProperty: "error" } as const

/** Remembers decoded values (or each value of a decoded list), so evaluators can skip re-checking them. */
function register(registry: { readonly add: (value: object) => unknown }, value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === "object") registry.add(item)
  } else if (value !== null && typeof value === "object") registry.add(value)
}

/** AST tags of schemas that hand a part of the input through as it is (no copy). */
const PASSTHROUGH = new Set(["Unknown", "Any", "ObjectKeyword"])

/** Whether a schema may hand objects of its input through unchanged (`Schema.Unknown` and the like). */
function passesInputThrough(ast: unknown): boolean {
  const seen = new Set<object>()
  const stack: Array<unknown> = [ast]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node === null || typeof node !== "object" || seen.has(node)) continue
    seen.add(node)
    if (PASSTHROUGH.has((node as { readonly _tag?: unknown })._tag as string)) return true
    for (const [key, value] of Object.entries(node)) if (key !== "annotations") stack.push(value)
  }
  return false
}

/**
 * The four functions every document type exposes.
 *
 * @example
 * ```ts
 * import { CalendarDateSchema, makeCodec } from "caf-conventions"
 * const dates = makeCodec(CalendarDateSchema, "calendar date")
 * dates.parse("2024-02-29") //=> "2024-02-29"
 * dates.safeParse("2023-02-29").success //=> false
 * ```
 * @category decoding
 */
export interface Codec<T, E> {
  /** Decodes or throws a {@link ValidationError} listing every problem with its path. */
  readonly parse: (input: unknown) => T
  /** Decodes without throwing: `{ success: true, data }` or `{ success: false, error }`. */
  readonly safeParse: (input: unknown) => SafeParseResult<T>
  /** Decodes as an `Effect` failing with a {@link ValidationError}, for Effect users. */
  readonly decode: (input: unknown) => Effect.Effect<T, ValidationError>
  /** Encodes a value back to its JSON form (amounts as strings, dates as `yyyy-MM-dd`); throws a {@link ValidationError} with paths for a value that is not of the schema's type. */
  readonly encode: (value: T) => E
}

/**
 * Builds the `parse` / `safeParse` / `decode` / `encode` quartet for a schema, with the library's
 * strict options (all errors, unknown properties rejected). Apps can use it for their own schemas
 * built from the library's (say, a file that wraps conventions with local metadata).
 *
 * @param schema - an Effect schema with no service requirements.
 * @param subject - what the schema describes, used in error messages (`"convention"`).
 * @param options - `registry`: a set (a `WeakSet`, or anything with an `add` method) that
 *   remembers every value the codec decodes (each item of a decoded list), so that evaluators can
 *   tell decoded records from hand-made ones cheaply;
 *   `onDecode`: called with each decoded value (a portfolio registers its conventions with it);
 *   `freeze`: whether to deep-freeze what is decoded (default `true`; `false` only to measure
 *   what freezing costs). An option of another type (a `registry` without `add`, an `onDecode`
 *   that is not a function, a `freeze` that is not a boolean) throws an {@link InvalidArgumentError}
 *   when the codec is made, not a `TypeError` at the first decoding.
 *
 * What a codec decodes is **deeply frozen**: every object and list of the decoded value, so that
 * a value the library trusted once cannot be changed afterwards (in strict mode, an assignment
 * throws a `TypeError`). The input is never changed: decoding builds a new value, and parts of
 * the input a schema hands through as they are (`Schema.Unknown`) are left unfrozen.
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { EurosFromString, makeCodec } from "caf-conventions"
 * const grant = makeCodec(Schema.Struct({ amount: EurosFromString }), "grant")
 * grant.parse({ amount: "30000" }).amount.toString() //=> "30000.00"
 * grant.encode(grant.parse({ amount: "30000" })) //=> { amount: "30000.00" }
 * ```
 * @category decoding
 */
export function makeCodec<T, E>(
  schema: Schema.Codec<T, E>,
  subject: string,
  options: {
    readonly registry?: { readonly add: (value: object) => unknown }
    readonly onDecode?: (value: T) => void
    readonly freeze?: boolean
  } = {}
): Codec<T, E> {
  return buildCodec(schema, subject, options, true)
}

/**
 * @internal {@link makeCodec}, with or without the fast decoder compiled from the schema
 * (src/core/fast.ts). Without it (`fast: false`), every input goes through effect's Schema
 * decoder: the reference the tests compare the fast path with.
 */
export function buildCodec<T, E>(
  schema: Schema.Codec<T, E>,
  subject: string,
  options: NonNullable<Parameters<typeof makeCodec<T, E>>[2]>,
  fast: boolean
): Codec<T, E> {
  if (!Schema.isSchema(schema))
    throw new InvalidArgumentError({
      argument: "schema",
      message: `expected an Effect schema, got ${describeValue(schema)}`
    })
  if (typeof subject !== "string")
    throw new InvalidArgumentError({
      argument: "subject",
      message: `expected what the schema describes, as a string, got ${describeValue(subject)}`
    })
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new InvalidArgumentError({
      argument: "options",
      message: `expected an options object, got ${describeValue(options)}`
    })
  }
  if (options.freeze !== undefined && typeof options.freeze !== "boolean")
    throw new InvalidArgumentError({
      argument: "freeze",
      message: `expected true or false, got ${describeValue(options.freeze)}`
    })
  if (options.onDecode !== undefined && typeof options.onDecode !== "function")
    throw new InvalidArgumentError({
      argument: "onDecode",
      message: `expected a function, got ${describeValue(options.onDecode)}`
    })
  if (
    options.registry !== undefined &&
    (options.registry === null || typeof options.registry !== "object" || typeof options.registry.add !== "function")
  )
    throw new InvalidArgumentError({
      argument: "registry",
      message: `expected an object with an add function (a WeakSet), got ${describeValue(options.registry)}`
    })
  const decodeResult = Schema.decodeUnknownResult(schema)
  const encodeResult = Schema.encodeUnknownResult(schema)
  const freeze = options.freeze ?? true
  const passthrough = freeze && passesInputThrough(schema.ast)
  // Compiled at the first decoding, so that importing the library stays cheap.
  let fastDecoder: FastDecoder | undefined | null = fast ? null : undefined
  /** A value of the fast decoder: registered, then frozen object by object as it listed them (no walk). */
  const acceptMade = (value: T, made: Made | undefined): SafeParseResult<T> => {
    // Registered before they are frozen: the library's marks are fields stamped on the object,
    // and a WeakSet's lookup stays fast for an object that got its identity hash in place.
    if (options.registry !== undefined) register(options.registry, value)
    options.onDecode?.(value)
    if (made !== undefined) {
      for (const object of made.built) Object.freeze(object)
      for (const object of made.foreign) deepFreeze(object, undefined)
    }
    return { success: true, data: value }
  }
  // The lists of what the fast decoder made, kept for the next decoding (a small document pays
  // no new lists); a decoding started while one is under way (from a check) takes new ones.
  let spare: Made | undefined = freeze ? { built: [], foreign: [] } : undefined
  const release = (made: Made | undefined): void => {
    if (made === undefined) return
    made.built.length = 0
    made.foreign.length = 0
    spare = made
  }
  const safeParse = (input: unknown): SafeParseResult<T> => {
    if (fastDecoder === null)
      fastDecoder = compileFastDecoder(
        schema.ast,
        STRICT,
        undefined,
        freeze ? (value) => deepFreeze(value, undefined) : undefined
      )
    if (fastDecoder !== undefined) {
      // The fast decoder builds a new value from plain objects and lists only (nothing of the
      // input is kept), or answers INVALID; the Schema decoder then reports what is wrong.
      // It lists every object it builds, so that freezing them needs no walk of the value.
      let made: Made | undefined
      if (freeze) {
        made = spare ?? { built: [], foreign: [] }
        spare = undefined
      }
      try {
        const value = fastDecoder(input, made)
        if (value !== INVALID) return acceptMade(value as T, made)
      } finally {
        release(made)
      }
    }
    const inherited = inheritedIssues(input)
    if (inherited.listed.length > 0)
      return { success: false, error: ValidationError.of(subject, inherited.listed, inherited.omitted) }
    const result = decodeResult(input, STRICT)
    if (Result.isSuccess(result)) {
      if (options.registry !== undefined) register(options.registry, result.success)
      options.onDecode?.(result.success)
      if (freeze) deepFreeze(result.success, passthrough ? objectsOf(input) : undefined)
      return { success: true, data: result.success }
    }
    const issues = issuesOf(result.failure.issue, input)
    return { success: false, error: ValidationError.of(subject, issues.listed, issues.omitted) }
  }
  return {
    safeParse,
    parse: (input) => {
      const result = safeParse(input)
      if (result.success) return result.data
      throw result.error
    },
    decode: (input) =>
      Effect.suspend(() => {
        const result = safeParse(input)
        return result.success ? Effect.succeed(result.data) : Effect.fail(result.error)
      }),
    encode: (value) => {
      // A value that is not of the schema's type is refused like bad input, with paths.
      const result = encodeResult(value, { errors: "all" })
      if (Result.isSuccess(result)) return result.success
      const issues = issuesOf(result.failure.issue, value)
      throw ValidationError.of(subject, issues.listed, issues.omitted)
    }
  }
}

/**
 * @internal Decodes one record of a list read one at a time (a stream, a JSON Lines file):
 * the record decoded, deep-frozen and marked as its list's codec does, or a
 * {@link ValidationError} of the list's subject (`"activities"`) whose issues' paths start with
 * `path` (the record's index, `[12]`), as the list's decoder would report them. The same fast
 * path as the list's codec, and the same issues, codes and messages.
 */
export type RecordDecoder<T> = (input: unknown, path: ReadonlyArray<PathSegment>) => SafeParseResult<T>

/** @internal A {@link RecordDecoder} from a record's `safeParse` and its list's subject. */
export function recordDecoder<T>(safeParse: (input: unknown) => SafeParseResult<T>, subject: string): RecordDecoder<T> {
  return (input, path) => {
    const result = safeParse(input)
    if (result.success) return result
    const issues = result.error.issues
    const listed = issues.length > MAX_LISTED_ISSUES ? issues.slice(0, MAX_LISTED_ISSUES) : issues
    return {
      success: false,
      error: ValidationError.of(
        subject,
        listed.map((issue) => ({ ...issue, path: [...path, ...issue.path] })),
        (result.error.omittedIssues ?? 0) + issues.length - listed.length
      )
    }
  }
}
