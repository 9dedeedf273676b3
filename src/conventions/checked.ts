/**
 * Arguments checked at the door: the convention, the list of conventions and the day an entry
 * point is given, decoded or refused with a {@link ValidationError} listing every problem with its
 * path, never a `TypeError` from deep inside.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { type CalendarDate, isCalendarDate, safeParseCalendarDate } from "../calendar/date.js"
import { type Issue, ValidationError } from "../core/errors.js"
import { describeValue } from "../core/describe.js"
import { type Convention, ConventionSchema, safeParseConvention } from "./convention.js"
import { decodedConventions, resolutions } from "./registry.js"

const checked = new WeakMap<object, Convention>()
const isConvention = Schema.is(ConventionSchema)

/**
 * @internal The convention an evaluator was given, checked at the door: a decoded convention (or
 * one of the decoded shape) is taken as it is, a resolved one gives its convention; JSON is
 * decoded; anything else throws a {@link ValidationError} listing every problem with its path.
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
 * @internal A list of conventions checked at the door: a list, each item checked as
 * {@link checkedConvention} does; every problem is reported at once, with the item's index.
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

/**
 * @internal A day given as an argument: a `yyyy-MM-dd` string naming a day that exists, or a
 * {@link ValidationError} at the argument's name.
 */
export function checkedDay(value: unknown, argument = "date", subject = argument): CalendarDate {
  if (isCalendarDate(value)) return value
  const parsed = safeParseCalendarDate(value)
  if (parsed.success) return parsed.data
  throw ValidationError.of(
    subject,
    parsed.error.issues.map((issue) => ({ ...issue, path: [argument, ...issue.path] }))
  )
}
