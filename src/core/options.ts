/**
 * Checking the options callers pass to evaluators: an object, a year, and dates.
 *
 * @module
 */
import { type CalendarDate, safeParseCalendarDate } from "../calendar/date.js"
import { describeValue } from "./describe.js"
import { ValidationError } from "./errors.js"
import { requireOptions } from "./records.js"

/** @internal Checks the year and an optional date option, reporting every problem at its path. */
export function checkedYearOptions<const Keys extends string>(
  subject: string,
  options: { readonly year: number } & Partial<Record<Keys, unknown>>,
  dateKeys: ReadonlyArray<Keys>
): { readonly year: number; readonly dates: Partial<Record<Keys, CalendarDate>> } {
  requireOptions(options, subject)
  const issues: Array<{ path: Array<string | number>; message: string }> = []
  if (!Number.isInteger(options.year) || options.year < 1000 || options.year > 9999) {
    issues.push({
      path: ["year"],
      message: `expected a year between 1000 and 9999, got ${describeValue(options.year)}`
    })
  }
  const dates: Partial<Record<Keys, CalendarDate>> = {}
  for (const key of dateKeys) {
    const value = options[key]
    if (value === undefined) continue
    const parsed = safeParseCalendarDate(value)
    if (parsed.success) dates[key] = parsed.data
    else issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })))
  }
  if (issues.length > 0) throw ValidationError.of(subject, issues)
  return { year: options.year, dates }
}
