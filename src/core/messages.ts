/**
 * The facts of validation issues that are not words: the value found, shortened, and an issue
 * made whole (its code and both messages). The words themselves live in the vocabulary
 * (src/vocabulary/validation.ts, src/vocabulary/consistency.ts): every check of the library gives
 * its issues their code and both messages.
 *
 * @internal
 * @module
 */
import type { Issue } from "./issue.js"

/** How long a value found may be, once written as JSON, before it is cut with `…`. */
const FOUND_LENGTH = 60

/** A value as JSON, cut at {@link FOUND_LENGTH} characters; never throws (a cycle, a getter that throws, a bigint). */
export function shorten(value: unknown): string {
  let text: string
  try {
    text =
      value === undefined
        ? "undefined"
        : typeof value === "bigint"
          ? `${value}n`
          : typeof value === "function"
            ? "function"
            : typeof value === "symbol"
              ? String(value)
              : typeof value === "number" && !Number.isFinite(value)
                ? String(value)
                : (JSON.stringify(value) ?? String(value))
  } catch {
    text = Array.isArray(value) ? "[…]" : "{…}"
  }
  return text.length <= FOUND_LENGTH ? text : `${text.slice(0, FOUND_LENGTH - 1)}…`
}

/**
 * An issue with its code and both messages: those it has, or, for an issue made elsewhere than
 * in the library's checks (by hand, `{ path, message }`), the code `invalid` and its English
 * message in French too.
 */
export function completeIssue(issue: Issue): Issue {
  if (issue.code !== undefined && issue.messages !== undefined) return issue
  return {
    ...issue,
    code: issue.code ?? "invalid",
    messages: issue.messages ?? { fr: issue.message, en: issue.message }
  }
}
