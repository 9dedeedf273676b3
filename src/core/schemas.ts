/**
 * Small schemas shared by every document: identifiers, non-empty text, lists without repeats.
 *
 * @module
 */
import { Schema } from "effect"

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
  Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, {
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
  Schema.makeFilter((text: string) => (text.trim().length > 0 && text.length <= 2000) || "expected a non-blank text of at most 2000 characters")
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
  return Schema.Array(item).check(
    Schema.makeFilter((items: ReadonlyArray<unknown>) => {
      if (options.nonEmpty === true && items.length === 0) return "expected at least one item"
      const seen = new Set<unknown>()
      for (const [index, value] of items.entries()) {
        if (seen.has(value)) return { path: [index], issue: `${JSON.stringify(value)} is listed twice` }
        seen.add(value)
      }
      return true
    })
  )
}
