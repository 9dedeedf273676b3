/**
 * Arguments checked at the door: the convention and the list of conventions an entry point is
 * given, decoded or refused with a {@link ValidationError} listing every problem with its path,
 * never a `TypeError` from deep inside. The day is checked by `checkedDay` (src/calendar/date.ts).
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { type Issue, ValidationError } from "../core/errors.js"
import { describeValue } from "../core/describe.js"
import { type Convention, ConventionSchema, safeParseConvention } from "./convention.js"
import { decodedConventions, resolutions } from "../core/registry.js"

const checked = new WeakMap<object, Convention>()
const isConvention = Schema.is(ConventionSchema)

/**
 * The convention a function was given, checked at the door as every evaluator of the library
 * checks it: a decoded convention (or one of the decoded shape) is taken as it is, a resolved one
 * gives its convention, JSON is decoded; anything else throws a {@link ValidationError} listing
 * every problem with its path, under `subject`. For an application that writes its own rule or
 * evaluator over conventions.
 *
 * @example
 * ```ts
 * import { checkedConvention, resolveConvention, type Convention } from "caf-conventions"
 * declare const convention: Convention
 * checkedConvention(convention) === convention //=> true
 * checkedConvention(resolveConvention(convention)) === convention //=> true
 * ```
 * @category conventions
 */
export function checkedConvention(value: unknown, subject = "convention"): Convention {
  if (resolutions.has(value)) return (value as { readonly convention: Convention }).convention
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw ValidationError.of(subject, [
      {
        path: [],
        message: `expected a convention (an object, decoded with parseConvention), got ${describeValue(value)}`
      }
    ])
  }
  if (decodedConventions.has(value)) return value as Convention
  const known = checked.get(value)
  if (known !== undefined) return known
  if (isConvention(value)) {
    checked.set(value, value)
    return value
  }
  const parsed = safeParseConvention(value)
  if (!parsed.success) throw ValidationError.of(subject, parsed.error.issues)
  checked.set(value, parsed.data)
  return parsed.data
}

/**
 * A list of conventions checked at the door: a list, each item checked as
 * {@link checkedConvention} does; every problem is reported at once in one
 * {@link ValidationError}, each path starting with the item's index.
 *
 * @example
 * ```ts
 * import { checkedConventions, type Convention } from "caf-conventions"
 * declare const conventions: ReadonlyArray<Convention>
 * checkedConventions(conventions).length === conventions.length //=> true
 * ```
 * @category conventions
 */
export function checkedConventions(value: unknown, subject = "conventions"): ReadonlyArray<Convention> {
  if (!Array.isArray(value))
    throw ValidationError.of(subject, [
      { path: [], message: `expected a list of conventions, got ${describeValue(value)}` }
    ])
  const issues: Array<Issue> = []
  const conventions = value.map((item: unknown, index) => {
    try {
      return checkedConvention(item)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      issues.push(...error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })))
      return undefined as unknown as Convention
    }
  })
  if (issues.length > 0) throw ValidationError.of(subject, issues)
  return conventions
}
