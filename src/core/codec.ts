/**
 * The library-wide decoding convention, shared by every document type (`parseX`, `safeParseX`,
 * `decodeX`, `encodeX`). One implementation, so that every entry point reports problems the same way.
 *
 * @module
 */
import { Effect, Result, Schema } from "effect"
import type { SafeParseResult } from "./errors.js"
import { ValidationError } from "./errors.js"
import { inheritedIssues, issuesOf } from "./issues.js"

/**
 * Decoding options applied everywhere: report every problem, not only the first, and reject
 * properties the schema does not know (a misspelt field must not vanish silently).
 */
const STRICT = { errors: "all", onExcessProperty: "error" } as const

/** Remembers decoded values (or each value of a decoded list), so evaluators can skip re-checking them. */
function register(registry: WeakSet<object>, value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === "object") registry.add(item)
  } else if (value !== null && typeof value === "object") registry.add(value)
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
  /** Encodes a value back to its JSON form (amounts as strings, dates as `yyyy-MM-dd`). */
  readonly encode: (value: T) => E
}

/**
 * Builds the `parse` / `safeParse` / `decode` / `encode` quartet for a schema, with the library's
 * strict options (all errors, unknown properties rejected). Apps can use it for their own schemas
 * built from the library's (say, a file that wraps conventions with local metadata).
 *
 * @param schema - an Effect schema with no service requirements.
 * @param subject - what the schema describes, used in error messages (`"convention"`).
 * @param options - `registry`: a set that remembers every value the codec decodes (each item of a
 *   decoded list), so that evaluators can tell decoded records from hand-made ones cheaply;
 *   `onDecode`: called with each decoded value (a portfolio registers its conventions with it).
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
export function makeCodec<T, E>(schema: Schema.Codec<T, E>, subject: string, options: { readonly registry?: WeakSet<object>; readonly onDecode?: (value: T) => void } = {}): Codec<T, E> {
  const decodeResult = Schema.decodeUnknownResult(schema)
  const encodeSync = Schema.encodeSync(schema)
  const safeParse = (input: unknown): SafeParseResult<T> => {
    const inherited = inheritedIssues(input)
    if (inherited.listed.length > 0) return { success: false, error: ValidationError.of(subject, inherited.listed, inherited.omitted) }
    const result = decodeResult(input, STRICT)
    if (Result.isSuccess(result)) {
      if (options.registry !== undefined) register(options.registry, result.success)
      options.onDecode?.(result.success)
      return { success: true, data: result.success }
    }
    const issues = issuesOf(result.failure.issue)
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
    encode: (value) => encodeSync(value)
  }
}
