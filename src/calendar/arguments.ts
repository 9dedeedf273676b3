/**
 * Calendar arguments checked at the door: a date, a whole number, a period, each refused with a
 * {@link ValidationError} at the argument's name.
 *
 * @module
 */
import { describeValue } from "../core/describe.js"
import { InvalidArgumentError, ValidationError } from "../core/errors.js"
import { type CalendarDate, isCalendarDate, safeParseCalendarDate } from "./date.js"
import type { Period } from "./period.js"

/** Dates already checked, at most CHECKED_DATES_LIMIT of them (then the set starts over). */
const checkedDates = new Set<string>()
const CHECKED_DATES_LIMIT = 100_000

/**
 * @internal A date given as an argument: a `yyyy-MM-dd` string naming a day that exists, or a
 * {@link ValidationError} at the argument's name.
 */
export function dateArgument(value: unknown, argument = "date", subject = "date"): CalendarDate {
  // Evaluators pass the same few dates again and again: a set lookup (the string's hash is cached)
  // is several times cheaper than checking the text each time.
  if (typeof value === "string" && checkedDates.has(value)) return value as CalendarDate
  if (isCalendarDate(value)) {
    if (checkedDates.size >= CHECKED_DATES_LIMIT) checkedDates.clear()
    checkedDates.add(value)
    return value
  }
  const message =
    typeof value === "string"
      ? (safeParseCalendarDate(value) as { readonly error?: ValidationError }).error?.issues[0]?.message
      : undefined
  throw ValidationError.of(subject, [
    { path: [argument], message: message ?? `expected a yyyy-MM-dd date, got ${describeValue(value)}` }
  ])
}

/**
 * @internal A whole number given as an argument (days, months, a year), or an
 * {@link InvalidArgumentError} naming it, as the calendar's other counts are refused.
 */
export function integerArgument(value: unknown, argument: string): number {
  if (Number.isSafeInteger(value)) return value as number
  throw new InvalidArgumentError({
    argument,
    message: `${argument} must be a whole number, got ${describeValue(value)}`
  })
}

/**
 * @internal A period given as an argument, checked at the door: an object whose `start` and `end`
 * are dates, the end not before the start; or a {@link ValidationError} with the paths.
 */
export function periodArgument(value: unknown, argument = "period"): Period {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw ValidationError.of("period", [
      { path: [argument], message: `expected a period { start, end }, got ${describeValue(value)}` }
    ])
  }
  const { start, end } = value as { readonly start?: unknown; readonly end?: unknown }
  const issues: Array<{ readonly path: ReadonlyArray<string>; readonly message: string }> = []
  for (const [key, date] of [
    ["start", start],
    ["end", end]
  ] as const) {
    try {
      dateArgument(date, key)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      issues.push(...error.issues.map((issue) => ({ ...issue, path: [argument, ...issue.path.map(String)] })))
    }
  }
  if (issues.length === 0 && (end as string) < (start as string))
    issues.push({ path: [argument, "end"], message: `the end ${String(end)} is before the start ${String(start)}` })
  if (issues.length > 0) throw ValidationError.of("period", issues)
  return value as Period
}
