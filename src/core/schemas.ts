/**
 * Small schemas shared by every document: identifiers, non-empty text, lists without repeats.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import {
  BLANK_TEXT,
  EMPTY_LIST,
  ID_FORM,
  YEAR_KEY_FORM,
  controlCharacterText,
  listedTwiceText,
  loneSurrogateText
} from "../vocabulary/validation.js"
import { InvalidArgumentError } from "./errors.js"
import { localizedCheck, localizedIssue } from "./issues.js"

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
  Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/u, localizedCheck({ code: "pattern", ...ID_FORM }))
)

/** Characters a one-line text refuses: C0 controls (tab and line breaks included), DEL, C1 controls, Unicode's line and paragraph separators. */
const LINE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u
/** Characters a multi-line text refuses: the same but tab, line feed, and a carriage return followed by a line feed. */
const TEXT_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]|\r(?!\n)/u
/** A UTF-16 surrogate not paired with another: no character at all, and invalid UTF-8 once written. */
const LONE_SURROGATE = /\p{Cs}/u
/** A character that shows: not a blank, nor a zero-width or other default-ignorable character (U+200B, U+2060, U+FEFF…). */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}]/u

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`

/**
 * Whether a text is plainly fine, by two regular expressions much simpler than those below: at
 * most 2 000 characters, each a printable ASCII character, a letter or sign of Latin-1
 * and Latin Extended-A and B (U+00A0 to U+024F: no control, no surrogate), or one of the
 * typographic signs French texts use (’ “ ” « » – — … €), and at least one of them visible
 * (ASCII but the space, or U+00C0 to U+024F). Only its "yes" is trusted: any other text (a tab, a
 * line end, an emoji, a rarer script) is read by the regular expressions, which say what is wrong.
 */
function plainlyFine(text: string): boolean {
  // Two regular expressions over UTF-16 code units (no `u` flag, as `charCodeAt` reads them): a
  // tight loop of the engine's, faster than one written here.
  return text.length <= 2000 && PLAIN_CHARACTERS.test(text) && PLAINLY_VISIBLE.test(text)
}

/** Only the characters {@link plainlyFine} accepts at once (U+00AD, the soft hyphen, is not one). */
const PLAIN_CHARACTERS = /^[\x20-\x7e\xa0-\xac\xae-\u024f\u2019\u201c\u201d\u2013\u2014\u2026\u20ac]*$/
/** One character {@link plainlyFine} counts as visible: printable ASCII but the space, or U+00C0 to U+024F. */
const PLAINLY_VISIBLE = /[\x21-\x7e\xc0-\u024f]/

/** What is wrong with a text, or `true`: blank or invisible, too long, a lone surrogate, a control character. */
function textCheck(controls: RegExp, oneLine: boolean) {
  return (text: string) => {
    if (plainlyFine(text)) return true
    if (text.length > 2000 || !VISIBLE.test(text)) return localizedIssue(BLANK_TEXT.en, { code: "text", ...BLANK_TEXT })
    const surrogate = LONE_SURROGATE.exec(text)
    if (surrogate !== null) {
      const texts = loneSurrogateText(codePoint(surrogate[0]), surrogate.index)
      return localizedIssue(texts.en, { code: "text", ...texts })
    }
    const control = controls.exec(text)
    if (control !== null) {
      const texts = controlCharacterText(codePoint(control[0]), control.index, oneLine)
      return localizedIssue(texts.en, { code: "text", ...texts })
    }
    return true
  }
}

/**
 * Schema of a one-line text (a name, a title, a theme, a city, a reference): at most 2 000
 * characters, at least one of them visible (a text of blanks or zero-width characters alone is
 * refused), well-formed Unicode (no lone surrogate), and no control character: no C0 control
 * (tab, line feed and carriage return included, and NUL), no DEL, no C1 control, no U+2028 or
 * U+2029. Each refusal names the character and its index.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { TextSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(TextSchema)("France Active Seine-et-Marne Essonne") //=> "France Active Seine-et-Marne Essonne"
 * Schema.decodeUnknownSync(TextSchema)("Association\nBis") // throws: "… found U+000A at index 11"
 * ```
 * @category decoding
 */
export const TextSchema = Schema.String.check(
  Schema.makeFilter(
    textCheck(LINE_CONTROLS, true),
    jsonSchemaHint("A non-blank text of at most 2000 characters, on one line, without control characters", {
      minLength: 1,
      maxLength: 2000,
      pattern: "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"
    })
  )
)

/**
 * Schema of a text that may run over several lines (a note, a description, a reason): as
 * {@link TextSchema}, but a tab, a line feed, and a carriage return followed by a line feed
 * (Windows line ends) are accepted.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { MultilineTextSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(MultilineTextSchema)("Avenant signé.\r\nVoir le courrier du 3 mai.") //=> "Avenant signé.\r\nVoir le courrier du 3 mai."
 * ```
 * @category decoding
 */
export const MultilineTextSchema = Schema.String.check(
  Schema.makeFilter(
    textCheck(TEXT_CONTROLS, false),
    jsonSchemaHint("A non-blank text of at most 2000 characters, without control characters but tab and line ends", {
      minLength: 1,
      maxLength: 2000,
      pattern: "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"
    })
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
  if (!Schema.isSchema(item))
    throw new InvalidArgumentError({ argument: "item", message: "expected the Effect schema of the list's items" })
  if (options === null || typeof options !== "object")
    throw new InvalidArgumentError({
      argument: "options",
      message: "expected an options object such as { nonEmpty: true }"
    })
  return Schema.Array(item).check(
    Schema.makeFilter(
      (items: ReadonlyArray<unknown>) => {
        if (options.nonEmpty === true && items.length === 0)
          return localizedIssue(EMPTY_LIST.en, { code: "list", ...EMPTY_LIST })
        if (items.length < 2) return true
        if (items.length <= 16) {
          // A short list (the usual one) is compared item by item, without building a set; the
          // same equality as a set's (NaN equals NaN), the same first repeated index.
          for (let index = 1; index < items.length; index++) {
            const value = items[index]
            for (let before = 0; before < index; before++) {
              const other = items[before]
              if (other === value || (other !== other && value !== value)) return listedTwice(index, value)
            }
          }
          return true
        }
        const seen = new Set<unknown>()
        for (let index = 0; index < items.length; index++) {
          const value = items[index]
          if (seen.has(value)) return listedTwice(index, value)
          seen.add(value)
        }
        return true
      },
      jsonSchemaHint(
        options.nonEmpty === true ? "A non-empty list without repeated items" : "A list without repeated items",
        {
          uniqueItems: true,
          ...(options.nonEmpty === true ? { minItems: 1 } : {})
        }
      )
    )
  )
}

/** The issue of an item that an earlier item of the list repeats. */
function listedTwice(index: number, value: unknown) {
  const texts = listedTwiceText(String(JSON.stringify(value)))
  return { path: [index], issue: localizedIssue(texts.en, { code: "list", ...texts }) }
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
export const YearKeySchema = Schema.String.check(
  Schema.isPattern(/^[0-9]{4}$/u, localizedCheck({ code: "pattern", ...YEAR_KEY_FORM }))
)
