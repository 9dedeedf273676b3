/**
 * Small schemas shared by every document: identifiers, non-empty text, lists without repeats.
 *
 * @module
 */
import { Schema } from "effect"
import { InvalidArgumentError } from "./errors.js"

/**
 * Filter annotations that describe, for the exported JSON Schema, what a custom check accepts.
 * The fragment is declared a looser approximation: the library's own check (a date that exists,
 * a Luhn key) stays stricter than any pattern.
 *
 * @internal
 */
export function jsonSchemaHint(description: string, fragment: Record<string, unknown> = {}): Schema.Annotations.Filter {
  return {
    description,
    toJsonSchema: () => [{ description, ...fragment }, true] as const
  } as Schema.Annotations.Filter
}

/**
 * Schema of a record identifier chosen by the application (`"caf-91"`, `"cpo-2023-2025"`): 1 to
 * 100 characters, letters, digits, `.`, `_`, `:` and `-`, starting with a letter or a digit.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { IdSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(IdSchema)("cpo-2023-2025") //=> "cpo-2023-2025"
 * ```
 * @category decoding
 */
export const IdSchema = Schema.String.check(
  Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/u, {
    message: "an id is 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or a digit"
  })
)

/**
 * Schema of a text that is not blank, at most 2 000 characters.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { TextSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(TextSchema)("France Active Seine-et-Marne Essonne") //=> "France Active Seine-et-Marne Essonne"
 * ```
 * @category decoding
 */
export const TextSchema = Schema.String.check(
  Schema.makeFilter(
    (text: string) => (text.trim().length > 0 && text.length <= 2000) || "expected a non-blank text of at most 2000 characters",
    jsonSchemaHint("A non-blank text of at most 2000 characters", { minLength: 1, maxLength: 2000 })
  )
)

/**
 * A list schema that refuses repeated items (a sector listed twice is a typing mistake), and,
 * with `nonEmpty`, an empty list.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { SectorSchema, uniqueList } from "caf-conventions"
 * Schema.decodeUnknownSync(uniqueList(SectorSchema, { nonEmpty: true }))(["jeunesse", "enfance"]) //=> ["jeunesse", "enfance"]
 * ```
 * @category decoding
 */
export function uniqueList<S extends Schema.Top>(item: S, options: { readonly nonEmpty?: boolean } = {}) {
  if (!Schema.isSchema(item)) throw new InvalidArgumentError({ argument: "item", message: "expected the Effect schema of the list's items" })
  if (options === null || typeof options !== "object") throw new InvalidArgumentError({ argument: "options", message: "expected an options object such as { nonEmpty: true }" })
  return Schema.Array(item).check(
    Schema.makeFilter((items: ReadonlyArray<unknown>) => {
      if (options.nonEmpty === true && items.length === 0) return "expected at least one item"
      const seen = new Set<unknown>()
      for (const [index, value] of items.entries()) {
        if (seen.has(value)) return { path: [index], issue: `${JSON.stringify(value)} is listed twice` }
        seen.add(value)
      }
      return true
    }, jsonSchemaHint(options.nonEmpty === true ? "A non-empty list without repeated items" : "A list without repeated items", {
      uniqueItems: true,
      ...(options.nonEmpty === true ? { minItems: 1 } : {})
    }))
  )
}

/**
 * Schema of a year used as an object key in JSON (`"2024"`), as in per-year amounts and targets.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { YearKeySchema } from "caf-conventions"
 * Schema.decodeUnknownSync(YearKeySchema)("2024") //=> "2024"
 * ```
 * @category decoding
 */
export const YearKeySchema = Schema.String.check(Schema.isPattern(/^[0-9]{4}$/u, { message: "a year is written with 4 digits" }))
