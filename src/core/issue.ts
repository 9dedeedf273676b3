/**
 * The shape of one problem found in an input ({@link Issue}), its place ({@link PathSegment}) and
 * its code ({@link IssueCode}): types only, read by the errors and by the words of their messages.
 *
 * @module
 */

/**
 * A step in the path to a value inside a decoded document: an object key or an array index.
 *
 * @example
 * ```ts
 * import type { PathSegment } from "caf-conventions"
 * const path: ReadonlyArray<PathSegment> = ["conventions", 0, "yearlyAmount"]
 * ```
 * @category errors
 */
export type PathSegment = string | number

/**
 * One problem found in an input: where it is and what is wrong.
 *
 * @example
 * ```ts
 * import type { Issue } from "caf-conventions"
 * const issue: Issue = { path: ["period", "end"], message: "must not be before the start" }
 * ```
 * @category errors
 */
export interface Issue {
  /** Keys and indexes from the root of the input down to the faulty value (empty for the root). */
  readonly path: ReadonlyArray<PathSegment>
  /** What is wrong, in English, for the developer (the wording of earlier versions, kept as it was). */
  readonly message: string
  /**
   * What kind of problem it is, a stable code to test in a program (`"enum"`, `"missing-key"`…:
   * see {@link IssueCode}). Every issue of a {@link ValidationError} has one.
   */
  readonly code?: IssueCode
  /** The value found, shortened to at most 60 characters as JSON (`"sprot"`, `45000`); absent when nothing was there. */
  readonly found?: string
  /** What was expected, in English (`one of "petite-enfance", "enfance"…`, `a string such as "45000.00"`). */
  readonly expected?: string
  /** The nearest valid values or keys, nearest first (`["sectors"]` for `sector`, `["45000.00"]` for `45000`). */
  readonly suggestions?: ReadonlyArray<string>
  /**
   * The problem told to the person who wrote the document, in French and in English, with the
   * value found and the suggestions. Every issue of a {@link ValidationError} has them; read one
   * with {@link issueMessage}.
   */
  readonly messages?: { readonly fr: string; readonly en: string }
}

/**
 * The stable codes of validation issues, listed with their meaning in docs/decoding-and-errors.md:
 * a wrong JSON type (`type`), a value outside a list of codes (`enum`), a field missing
 * (`missing-key`), unknown (`unknown-key`) or inherited (`inherited-key`), an amount, a date, a
 * period, an identifier, a text, a pattern or a number out of range that is not valid, a list
 * empty or with repeats (`list`), a value matching no alternative (`union`), a file that is not
 * JSON (`json-syntax`), a rule between fields (`rule`), anything else (`invalid`).
 *
 * @example
 * ```ts
 * import { type IssueCode, parsePeriod, ValidationError } from "caf-conventions"
 * let code: IssueCode | undefined
 * try { parsePeriod({ start: "2024-01-01", end: "31/12/2024" }) } catch (e) { if (e instanceof ValidationError) code = e.issues[0]?.code }
 * code //=> "date"
 * ```
 * @category errors
 */
export type IssueCode =
  | "type"
  | "enum"
  | "missing-key"
  | "unknown-key"
  | "inherited-key"
  | "amount"
  | "date"
  | "period"
  | "identifier"
  | "text"
  | "pattern"
  | "range"
  | "list"
  | "union"
  | "json-syntax"
  | "rule"
  | "invalid"
