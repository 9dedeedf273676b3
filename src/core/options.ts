/**
 * Checking the options callers pass to evaluators: an object, a year, and dates.
 *
 * @module
 */
import { type CalendarDate, safeParseCalendarDate } from "../calendar/date.js"
import { describeValue } from "./describe.js"
import { type Issue, ValidationError } from "./errors.js"
import { textsIssue } from "./issues.js"
import { shorten } from "./messages.js"
import { yearOptionText } from "../vocabulary/validation.js"
import { requireOptions } from "./records.js"

/**
 * @internal Checks the year and an optional date option, reporting every problem at its path,
 * with the `others` an evaluator found in its own options (thrown together, in one error).
 */
export function checkedYearOptions<const Keys extends string>(
  subject: string,
  options: { readonly year: number } & Partial<Record<Keys, unknown>>,
  dateKeys: ReadonlyArray<Keys>,
  others: ReadonlyArray<Issue> = []
): { readonly year: number; readonly dates: Partial<Record<Keys, CalendarDate>> } {
  requireOptions(options, subject)
  const issues: Array<Issue> = []
  if (!Number.isInteger(options.year) || options.year < 1000 || options.year > 9999) {
    issues.push(textsIssue(["year"], "range", yearOptionText(describeValue(options.year), shorten(options.year))))
  }
  const dates: Partial<Record<Keys, CalendarDate>> = {}
  for (const key of dateKeys) {
    const value = options[key]
    if (value === undefined) continue
    const parsed = safeParseCalendarDate(value)
    if (parsed.success) dates[key] = parsed.data
    else issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })))
  }
  issues.push(...others)
  if (issues.length > 0) throw ValidationError.of(subject, issues)
  return { year: options.year, dates }
}
