/**
 * Errors are values: every failure the library reports is an instance of one of the tagged
 * classes below, carrying the path of the offending input and a message a developer can act on.
 *
 * @module
 */
import * as Data from "effect/Data"
import { type Inspect, type InspectOptions, inspectError } from "./inspect.js"
import { issuesHeading, moreIssuesLine, subjectFr } from "../vocabulary/validation.js"
import { completeIssue } from "./messages.js"
import type { Issue, PathSegment } from "./issue.js"

export type { Issue, IssueCode, PathSegment } from "./issue.js"

/**
 * The language of the messages meant for readers: `"fr"` (the default, as the people who read
 * them work at a Caf) or `"en"` (for developers).
 *
 * @example
 * ```ts
 * import type { Locale } from "caf-conventions"
 * const locale: Locale = "en"
 * ```
 * @category errors
 */
export type Locale = "fr" | "en"

/**
 * Renders a path the way JavaScript would access it: `conventions[0].period.end`. Anything but a
 * list of keys and indexes (whole numbers from 0: not `NaN`, `-1` or `1.5`) throws an {@link InvalidArgumentError}.
 *
 * @example
 * ```ts
 * import { formatPath } from "caf-conventions"
 * formatPath(["conventions", 0, "period", "end"]) //=> "conventions[0].period.end"
 * formatPath([]) //=> "(root)"
 * ```
 * @category errors
 */
export function formatPath(path: ReadonlyArray<PathSegment>): string {
  if (
    !Array.isArray(path) ||
    !path.every((segment) => typeof segment === "string" || (Number.isSafeInteger(segment) && (segment as number) >= 0))
  ) {
    throw new InvalidArgumentError({
      argument: "path",
      message: "expected a list of keys (strings) and indexes (whole numbers from 0)"
    })
  }
  if (path.length === 0) return "(root)"
  let out = ""
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === "" ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

/**
 * How many issues a {@link ValidationError} lists at most: the others are only counted
 * (`omittedIssues`, and the last line of the message), so that a document with a million faults
 * is refused in the time it takes to read it, with a message of a readable size.
 *
 * @example
 * ```ts
 * import { MAX_LISTED_ISSUES } from "caf-conventions"
 * MAX_LISTED_ISSUES //=> 100
 * ```
 * @category errors
 */
export const MAX_LISTED_ISSUES = 100

/**
 * Thrown by every `parseX` function (and returned by `safeParseX` and `decodeX`) when an input
 * does not describe a valid value. It lists **every** problem found, each with its path.
 *
 * @example
 * ```ts
 * import { parseCalendarDate, ValidationError } from "caf-conventions"
 * try {
 *   parseCalendarDate("2023-02-30")
 * } catch (error) {
 *   if (error instanceof ValidationError) error.issues[0]?.message //=> "2023-02-30 is not a calendar date: February 2023 has 28 days"
 * }
 * ```
 * @category errors
 */
export class ValidationError extends Data.TaggedError("ValidationError")<{
  /** What was being decoded, e.g. `"convention"`. */
  readonly subject: string
  /** The problems found, in document order: all of them, or the first {@link MAX_LISTED_ISSUES}. */
  readonly issues: ReadonlyArray<Issue>
  /** How many more problems were found and not listed (absent or 0 when `issues` lists them all). */
  readonly omittedIssues?: number
  /** A summary listing every listed issue with its path, one per line, and the count of the others. */
  readonly message: string
}> {
  /**
   * Builds the error, its message listing each issue as `path: message`. Each issue gets a
   * `code` and `messages` in French and English when it has none (the library's checks give
   * theirs; an issue made by hand gets the code `invalid` and its message in both). Past
   * {@link MAX_LISTED_ISSUES}, issues are counted in `omittedIssues` (with `omitted`, those the
   * caller already left out), and the message ends with their number. Arguments that are not a
   * subject and a list of issues throw an {@link InvalidArgumentError}.
   *
   * @example
   * ```ts
   * import { ValidationError } from "caf-conventions"
   * const error = ValidationError.of("amount", [{ path: [], message: "is empty" }])
   * error.message //=> "Invalid amount (1 issue):\n  (root): is empty"
   * ValidationError.of("list", [], 5).message //=> "Invalid list (5 issues, none listed):\n  … and 5 more issues"
   * ```
   */
  static of(subject: string, issues: ReadonlyArray<Issue>, omitted = 0): ValidationError {
    if (typeof subject !== "string")
      throw new InvalidArgumentError({ argument: "subject", message: "expected what was being decoded, as a string" })
    if (
      !Array.isArray(issues) ||
      !issues.every(
        (issue: unknown) => issue !== null && typeof issue === "object" && typeof (issue as Issue).message === "string"
      )
    ) {
      throw new InvalidArgumentError({
        argument: "issues",
        message: "expected a list of issues, each { path, message }"
      })
    }
    if (!Number.isSafeInteger(omitted) || omitted < 0)
      throw new InvalidArgumentError({
        argument: "omitted",
        message: "expected a whole number of issues left out, 0 or more"
      })
    const listed = (issues.length > MAX_LISTED_ISSUES ? issues.slice(0, MAX_LISTED_ISSUES) : issues).map(completeIssue)
    const omittedIssues = omitted + issues.length - listed.length
    const total = listed.length + omittedIssues
    const count = `${total} issue${total === 1 ? "" : "s"}${omittedIssues === 0 ? "" : listed.length === 0 ? ", none listed" : `, the first ${listed.length} listed`}`
    const lines = listed.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`)
    const more = omittedIssues === 0 ? [] : [`  … and ${omittedIssues} more issue${omittedIssues === 1 ? "" : "s"}`]
    return new ValidationError({
      subject,
      issues: listed,
      ...(omittedIssues === 0 ? {} : { omittedIssues }),
      message: [`Invalid ${subject} (${count}):`, ...lines, ...more].join("\n")
    })
  }

  /**
   * How Node's `console.log` and `util.inspect` show the error: as any `Error`, its name, its
   * message and where it was thrown, then its fields.
   *
   * @example
   * ```ts
   * import { inspect } from "node:util"
   * import { ValidationError } from "caf-conventions"
   * inspect(ValidationError.of("amount", [{ path: [], message: "is empty" }])).split("\n").slice(0, 2)
   * //=> ["ValidationError: Invalid amount (1 issue):", "  (root): is empty"]
   * ```
   */
  [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: InspectOptions, inspect: Inspect): string {
    return inspectError(this, depth, options, inspect)
  }
}

/**
 * An issue's message for a reader, in French (the default) or in English, with the value found
 * and the suggestions; the issue's `message` when it has no `messages` (an issue made by hand).
 *
 * @example
 * ```ts
 * import { issueMessage, safeParsePeriod } from "caf-conventions"
 * const result = safeParsePeriod({ start: "2024-01-01", end: "31/12/2024" })
 * if (!result.success) {
 *   const issue = result.error.issues[0]!
 *   issueMessage(issue) //=> "« 31/12/2024 » n'est pas une date au format AAAA-MM-JJ : écrivez « 2024-12-31 »"
 *   issueMessage(issue, "en") //=> "\"31/12/2024\" is not a date written yyyy-MM-dd: write \"2024-12-31\""
 * }
 * ```
 * @category errors
 */
export function issueMessage(issue: Issue, locale: Locale = "fr"): string {
  if (issue === null || typeof issue !== "object" || typeof issue.message !== "string")
    throw new InvalidArgumentError({ argument: "issue", message: "expected an issue { path, message }" })
  if (locale !== "fr" && locale !== "en")
    throw new InvalidArgumentError({
      argument: "locale",
      message: `expected "fr" or "en", got ${JSON.stringify(locale) ?? String(locale)}`
    })
  const messages = issue.messages
  return messages !== null && typeof messages === "object" && typeof messages[locale] === "string"
    ? messages[locale]
    : issue.message
}

/**
 * The lines that tell a reader what is wrong in a document: a first line naming it with the
 * count of problems (`bad.json : 3 problèmes`, `bad.json: 3 issues`), then one line per issue,
 * `path : message` with the value found and the suggestions, and the count of those not listed.
 * French by default; `{ locale: "en" }` for developers.
 *
 * @example
 * ```ts
 * import { formatIssues, safeParsePeriod } from "caf-conventions"
 * const result = safeParsePeriod({ start: "2025-01-01", end: "2024-12-31" })
 * if (!result.success) {
 *   formatIssues(result.error) //=> ["période : 1 problème", "  end : la fin, le 31/12/2024, précède le début, le 01/01/2025"]
 *   formatIssues(result.error, { locale: "en", title: "period.json" })[0] //=> "period.json: 1 issue"
 * }
 * ```
 * @category errors
 */
export function formatIssues(
  error: ValidationError,
  options: { readonly locale?: Locale; readonly title?: string } = {}
): Array<string> {
  if (!(error instanceof ValidationError))
    throw new InvalidArgumentError({ argument: "error", message: "expected a ValidationError" })
  if (options === null || typeof options !== "object")
    throw new InvalidArgumentError({
      argument: "options",
      message: 'expected an options object such as { locale: "en" }'
    })
  const locale = options.locale ?? "fr"
  if (locale !== "fr" && locale !== "en")
    throw new InvalidArgumentError({
      argument: "locale",
      message: `expected "fr" or "en", got ${JSON.stringify(locale) ?? String(locale)}`
    })
  if (options.title !== undefined && typeof options.title !== "string")
    throw new InvalidArgumentError({ argument: "title", message: "expected a string" })
  const omitted = error.omittedIssues ?? 0
  const total = error.issues.length + omitted
  const heading = issuesHeading(
    options.title === undefined
      ? { fr: subjectFr(error.subject), en: error.subject }
      : { fr: options.title, en: options.title },
    total,
    omitted
  )
  const separator = locale === "fr" ? " : " : ": "
  const lines = error.issues.map((issue) => `  ${formatPath(issue.path)}${separator}${issueMessage(issue, locale)}`)
  const more = omitted === 0 ? [] : [`  ${moreIssuesLine(omitted)[locale]}`]
  return [heading[locale], ...lines, ...more]
}

/**
 * The outcome of a `safeParseX` function, shaped like zod's `safeParse`: test `success`, then read
 * `data` or `error`. It never throws.
 *
 * @example
 * ```ts
 * import { safeParseCalendarDate } from "caf-conventions"
 * const result = safeParseCalendarDate("2024-02-29")
 * if (result.success) result.data //=> "2024-02-29"
 * else result.error.issues
 * ```
 * @category errors
 */
export type SafeParseResult<T, E = ValidationError> =
  | {
      /** The input was valid. */
      readonly success: true
      /** The decoded value. */
      readonly data: T
    }
  | {
      /** The input was not valid. */
      readonly success: false
      /** Every problem found, with its path. */
      readonly error: E
    }

/**
 * Why a text or number is not an amount in euros.
 *
 * @example
 * ```ts
 * import type { AmountProblem } from "caf-conventions"
 * const problem: AmountProblem = "too-many-decimals"
 * ```
 * @category errors
 */
export type AmountProblem =
  | "empty"
  | "malformed"
  | "too-many-decimals"
  | "not-finite"
  | "not-an-integer"
  | "out-of-range"
  | "negative"

/**
 * An input that is not an amount in euros (`"30000,50"`, `"1.001"`, `NaN`…). `problem` says what
 * was wrong; `message` says it in English for developers, `frenchMessage` in French for the people
 * who typed the amount.
 *
 * @example
 * ```ts
 * import { Euros, InvalidAmountError } from "caf-conventions"
 * try {
 *   Euros.parse("1.001")
 * } catch (error) {
 *   if (error instanceof InvalidAmountError) error.problem //=> "too-many-decimals"
 * }
 * ```
 * @category errors
 */
export class InvalidAmountError extends Data.TaggedError("InvalidAmount")<{
  /** The rejected input, as given. */
  readonly input: unknown
  /** What was wrong. */
  readonly problem: AmountProblem
  /** Where the input was, when it came from a document. */
  readonly path: ReadonlyArray<PathSegment>
  /** What was wrong, in English. */
  readonly message: string
  /** What was wrong, in French. */
  readonly frenchMessage: string
}> {
  static {
    // Its name as imported (`InvalidAmountError: …` in a log), while its `_tag` stays what Effect's `catchTag` matches.
    Object.defineProperty(this.prototype, "name", { value: "InvalidAmountError", writable: true, configurable: true })
  }

  /**
   * How Node's `console.log` and `util.inspect` show the error: as any `Error`, its name, its
   * message and where it was thrown, then its fields.
   *
   * @example
   * ```ts
   * import { inspect } from "node:util"
   * import { Euros } from "caf-conventions"
   * const error = (() => { try { return Euros.parse("1.001") } catch (e) { return e } })()
   * inspect(error).split("\n")[0] //=> "InvalidAmountError: amount \"1.001\" has more than 2 decimals"
   * ```
   */
  [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: InspectOptions, inspect: Inspect): string {
    return inspectError(this, depth, options, inspect)
  }
}

/**
 * A text that is not a calendar date `yyyy-MM-dd` (`"2023-02-30"`, `"23-1-1"`…).
 *
 * @example
 * ```ts
 * import { parseCalendarDate, ValidationError } from "caf-conventions"
 * const result = (() => { try { return parseCalendarDate("2023-13-01") } catch (e) { return e } })()
 * result instanceof ValidationError //=> true
 * ```
 * @category errors
 */
export class InvalidDateError extends Data.TaggedError("InvalidDate")<{
  /** The rejected input, as given. */
  readonly input: unknown
  /** Where the input was, when it came from a document. */
  readonly path: ReadonlyArray<PathSegment>
  /** What was wrong, in English. */
  readonly message: string
  /** What was wrong, in French. */
  readonly frenchMessage: string
}> {
  static {
    // Its name as imported (`InvalidDateError: …` in a log), while its `_tag` stays what Effect's `catchTag` matches.
    Object.defineProperty(this.prototype, "name", { value: "InvalidDateError", writable: true, configurable: true })
  }

  /**
   * How Node's `console.log` and `util.inspect` show the error: as any `Error`, its name, its
   * message and where it was thrown, then its fields.
   *
   * @example
   * ```ts
   * import { inspect } from "node:util"
   * import { InvalidDateError } from "caf-conventions"
   * const error = new InvalidDateError({ input: "2023-02-30", path: [], message: "2023-02-30 is not a calendar date", frenchMessage: "le 30 février n'existe pas" })
   * inspect(error).split("\n")[0] //=> "InvalidDateError: 2023-02-30 is not a calendar date"
   * ```
   */
  [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: InspectOptions, inspect: Inspect): string {
    return inspectError(this, depth, options, inspect)
  }
}

/**
 * A function was called with an argument outside its domain: a negative ratio, a part larger than
 * its whole, a period whose end is before its start. This is a programming error in the caller,
 * reported as a typed value rather than a bare `RangeError`.
 *
 * @example
 * ```ts
 * import { Euros, InvalidArgumentError, prorate } from "caf-conventions"
 * try {
 *   prorate(Euros.parse("100"), 5, 4)
 * } catch (error) {
 *   if (error instanceof InvalidArgumentError) error.argument //=> "part"
 * }
 * ```
 * @category errors
 */
export class InvalidArgumentError extends Data.TaggedError("InvalidArgument")<{
  /** The name of the faulty argument. */
  readonly argument: string
  /** What was wrong, in English. */
  readonly message: string
}> {
  static {
    // Its name as imported (`InvalidArgumentError: …` in a log), while its `_tag` stays what Effect's `catchTag` matches.
    Object.defineProperty(this.prototype, "name", { value: "InvalidArgumentError", writable: true, configurable: true })
  }

  /**
   * How Node's `console.log` and `util.inspect` show the error: as any `Error`, its name, its
   * message and where it was thrown, then its fields.
   *
   * @example
   * ```ts
   * import { inspect } from "node:util"
   * import { Euros, prorate } from "caf-conventions"
   * const error = (() => { try { return prorate(Euros.parse("100"), 5, 4) } catch (e) { return e } })()
   * inspect(error).startsWith("InvalidArgumentError: ") //=> true
   * ```
   */
  [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: InspectOptions, inspect: Inspect): string {
    return inspectError(this, depth, options, inspect)
  }
}
