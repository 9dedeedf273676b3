/**
 * Calendar dates: a day, with no time of day and no time zone, computed in UTC whatever the
 * host's `TZ` is.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { InvalidArgumentError, InvalidDateError, type PathSegment, ValidationError } from "../core/errors.js"
import { describeValue } from "../core/describe.js"
import { makeCodec } from "../core/codec.js"
import { jsonSchemaHint } from "../core/schemas.js"
import { ISSUE_KIND, localizedIssue } from "../core/issues.js"
import { type DateProblem, invalidDateReason, invalidDateText } from "../vocabulary/validation.js"
import { DATE_FORM_FR } from "../vocabulary/validation.js"

/** Dates already checked, at most CHECKED_DATES_LIMIT of them (then the set starts over). */
const checkedDates = new Set<string>()
const CHECKED_DATES_LIMIT = 100_000

/**
 * A calendar date written `yyyy-MM-dd` (`"2024-02-29"`), year 1000 to 9999, checked to exist.
 * It is a branded string: it serialises as itself, and two dates compare with `<` and `===`
 * exactly as they compare in time. Build one with {@link parseCalendarDate} or
 * {@link calendarDate}; a bare string is not accepted where a `CalendarDate` is expected.
 *
 * @example
 * ```ts
 * import { parseCalendarDate, type CalendarDate } from "caf-conventions"
 * const signed: CalendarDate = parseCalendarDate("2023-01-15")
 * signed < parseCalendarDate("2023-03-31") //=> true
 * ```
 * @category calendar
 */
export type CalendarDate = string & {
  /** Brand: marks a checked calendar date. */
  readonly CalendarDate: unique symbol
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Refuses a count of days, months or years that is not a whole number (`1.5`, `NaN`, `"1"`). */
function whole(value: number, argument: string): number {
  if (Number.isInteger(value)) return value
  const text =
    typeof value === "string" ? JSON.stringify(value) : typeof value === "number" ? String(value) : typeof value
  throw new InvalidArgumentError({ argument, message: `${argument} must be a whole number, got ${text}` })
}

/**
 * Whether `year` is a leap year in the Gregorian calendar; throws an {@link InvalidArgumentError}
 * when `year` is not a whole number.
 *
 * @example
 * ```ts
 * import { isLeapYear } from "caf-conventions"
 * isLeapYear(2024) //=> true
 * isLeapYear(2100) //=> false
 * ```
 * @category calendar
 */
export function isLeapYear(year: number): boolean {
  whole(year, "year")
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/**
 * The number of days in a calendar year: 366 in a leap year, otherwise 365.
 *
 * @example
 * ```ts
 * import { daysInYear } from "caf-conventions"
 * daysInYear(2024) //=> 366
 * daysInYear(2023) //=> 365
 * ```
 * @category calendar
 */
export function daysInYear(year: number): 365 | 366 {
  return isLeapYear(year) ? 366 : 365
}

/**
 * The number of days in a month (`month` from 1 to 12); throws an {@link InvalidArgumentError}
 * for another month or a year that is not a whole number.
 *
 * @example
 * ```ts
 * import { daysInMonth } from "caf-conventions"
 * daysInMonth(2024, 2) //=> 29
 * daysInMonth(2023, 2) //=> 28
 * ```
 * @category calendar
 */
export function daysInMonth(year: number, month: number): number {
  whole(year, "year")
  if (whole(month, "month") < 1 || month > 12)
    throw new InvalidArgumentError({ argument: "month", message: `month must be 1 to 12, got ${month}` })
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * A date written day first (`31/12/2024`, `1-2-2024`, `31.12.2024`) or with slashes
 * (`2024/12/31`), as it should be written (`2024-12-31`), when that day exists.
 */
function reordered(text: string): string | undefined {
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(text.trim())
  const yearFirst = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/u.exec(text.trim())
  const parts =
    dayFirst !== null
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : yearFirst !== null
        ? [yearFirst[1], yearFirst[2], yearFirst[3]]
        : undefined
  if (parts === undefined) return undefined
  const written = `${parts[0]}-${(parts[1] as string).padStart(2, "0")}-${(parts[2] as string).padStart(2, "0")}`
  return problemOf(written) === undefined ? written : undefined
}

/** The number an ASCII digit stands for, or -1 for any other character. */
function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48
  return code >= 0 && code <= 9 ? code : -1
}

/**
 * Whether a text is a real date, read character by character: the same rules as
 * {@link problemOf} (the shape {@link SHAPE}, a year from 1000, a month 1 to 12, a day of that
 * month) without a regular expression's match, since every decoded date goes through it. Only
 * its "yes" is trusted; any other text is read again by {@link problemOf}, which says why.
 */
function isRealDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false
  const y0 = digitAt(text, 0)
  const y1 = digitAt(text, 1)
  const y2 = digitAt(text, 2)
  const y3 = digitAt(text, 3)
  const m0 = digitAt(text, 5)
  const m1 = digitAt(text, 6)
  const d0 = digitAt(text, 8)
  const d1 = digitAt(text, 9)
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return false
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
  const month = m0 * 10 + m1
  const day = d0 * 10 + d1
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const last = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  return day <= last
}

/** Returns undefined when the text is a real date, or why it is not. */
function problemOf(text: string): DateProblem | undefined {
  if (isRealDate(text)) return undefined
  const match = SHAPE.exec(text)
  if (match === null) return { problem: "form" }
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < 1000) return { problem: "year" }
  if (month < 1 || month > 12) return { problem: "month", month: match[2] as string }
  const last = daysInMonth(year, month)
  if (day < 1 || day > last) return { problem: "day", year, month, days: last }
  return undefined
}

/**
 * Whether a value is a valid `yyyy-MM-dd` calendar date (a type guard).
 *
 * @example
 * ```ts
 * import { isCalendarDate } from "caf-conventions"
 * isCalendarDate("2024-02-29") //=> true
 * isCalendarDate("2023-02-29") //=> false
 * ```
 * @category calendar
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === "string" && problemOf(value) === undefined
}

/**
 * Schema of a calendar date in a JSON document: a `yyyy-MM-dd` string naming a day that exists.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CalendarDateSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(CalendarDateSchema)("2024-02-29") //=> "2024-02-29"
 * ```
 * @category calendar
 */
export const CalendarDateSchema: Schema.Codec<CalendarDate, string> = Schema.String.check(
  Schema.makeFilter(
    (text: string) => {
      const problem = problemOf(text)
      if (problem === undefined) return true
      const written = reordered(text)
      return localizedIssue(invalidDateReason(text, problem).en, {
        code: "date",
        expected: 'a date written yyyy-MM-dd, such as "2024-01-31"',
        ...(written === undefined ? {} : { suggestions: [written] }),
        ...invalidDateText(text, problem, written)
      })
    },
    {
      ...jsonSchemaHint("A calendar date written yyyy-MM-dd", {
        format: "date",
        pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
      }),
      [ISSUE_KIND]: "date"
    }
  )
) as unknown as Schema.Codec<CalendarDate, string>

const dateCodec = makeCodec(CalendarDateSchema, "calendar date")

/**
 * Reads a `yyyy-MM-dd` date, or throws a {@link ValidationError} saying why it is not one
 * (`2023-02-30`, `2023-13-01` and `23-1-1` are all refused).
 *
 * @example
 * ```ts
 * import { parseCalendarDate } from "caf-conventions"
 * parseCalendarDate("2024-02-29") //=> "2024-02-29"
 * parseCalendarDate("2023-02-30") // throws ValidationError: "February 2023 has 28 days"
 * ```
 * @category calendar
 */
export const parseCalendarDate: (input: unknown) => CalendarDate = dateCodec.parse

/**
 * Like {@link parseCalendarDate}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseCalendarDate } from "caf-conventions"
 * safeParseCalendarDate("2023-13-01").success //=> false
 * ```
 * @category calendar
 */
export const safeParseCalendarDate = dateCodec.safeParse

/**
 * Reads a date for a form: throws an {@link InvalidDateError} carrying a French message for the
 * person who typed it, and the path where the text was.
 *
 * @example
 * ```ts
 * import { readCalendarDate } from "caf-conventions"
 * try { readCalendarDate("2023-02-30", ["signatureDate"]) } catch (e) { (e as { frenchMessage: string }).frenchMessage }
 * //=> "2023-02-30 n'est pas une date : février 2023 compte 28 jours"
 * ```
 * @category calendar
 */
export function readCalendarDate(input: unknown, path: ReadonlyArray<PathSegment> = []): CalendarDate {
  if (typeof input !== "string") {
    throw new InvalidDateError({
      input,
      path,
      message: `expected a yyyy-MM-dd string, got ${typeof input}`,
      frenchMessage: DATE_FORM_FR
    })
  }
  const problem = problemOf(input)
  if (problem === undefined) return input as CalendarDate
  const reason = invalidDateReason(input, problem)
  throw new InvalidDateError({ input, path, message: reason.en, frenchMessage: reason.fr })
}

function fromUtc(date: Date): CalendarDate {
  const year = date.getUTCFullYear()
  const text = `${String(year).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`
  return readCalendarDate(text)
}

/**
 * The date of a given year, month (1–12) and day; throws an {@link InvalidDateError} if that
 * day does not exist, and an {@link InvalidArgumentError} if a part is not a whole number.
 *
 * @example
 * ```ts
 * import { calendarDate } from "caf-conventions"
 * calendarDate(2025, 3, 31) //=> "2025-03-31"
 * ```
 * @category calendar
 */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  const pad = (value: number, argument: string, width: number) => String(whole(value, argument)).padStart(width, "0")
  return readCalendarDate(`${pad(year, "year", 4)}-${pad(month, "month", 2)}-${pad(day, "day", 2)}`)
}

/**
 * The year of a date.
 *
 * @example
 * ```ts
 * import { parseCalendarDate, yearOf } from "caf-conventions"
 * yearOf(parseCalendarDate("2024-07-01")) //=> 2024
 * ```
 * @category calendar
 */
export function yearOf(date: CalendarDate): number {
  return Number(dateArgument(date).slice(0, 4))
}

/**
 * -1, 0 or 1 as `a` is before, the same day as, or after `b` (a comparator for `sort`).
 *
 * @example
 * ```ts
 * import { compareDates, parseCalendarDate } from "caf-conventions"
 * compareDates(parseCalendarDate("2023-12-31"), parseCalendarDate("2024-01-01")) //=> -1
 * ```
 * @category calendar
 */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  dateArgument(a, "a")
  dateArgument(b, "b")
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The earlier of two dates.
 *
 * @example
 * ```ts
 * import { minDate, parseCalendarDate } from "caf-conventions"
 * minDate(parseCalendarDate("2025-03-31"), parseCalendarDate("2025-04-15")) //=> "2025-03-31"
 * ```
 * @category calendar
 */
export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  dateArgument(a, "a")
  dateArgument(b, "b")
  return a <= b ? a : b
}

/**
 * The later of two dates: the advance is due on 31 March, or on the notification date if later.
 *
 * @example
 * ```ts
 * import { maxDate, parseCalendarDate } from "caf-conventions"
 * maxDate(parseCalendarDate("2025-03-31"), parseCalendarDate("2025-04-15")) //=> "2025-04-15"
 * ```
 * @category calendar
 */
export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  dateArgument(a, "a")
  dateArgument(b, "b")
  return a >= b ? a : b
}

/**
 * The date `days` days later (or earlier, when negative); throws an {@link InvalidArgumentError}
 * when `days` is not a whole number, and an {@link InvalidDateError} past the year 9999.
 *
 * @example
 * ```ts
 * import { addDays, parseCalendarDate } from "caf-conventions"
 * addDays(parseCalendarDate("2024-02-28"), 1) //=> "2024-02-29"
 * addDays(parseCalendarDate("2024-03-01"), 60) //=> "2024-04-30"
 * ```
 * @category calendar
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  // A UTC day is always 86 400 000 ms long: the same day as date-fns' addDays gives, without its Date objects.
  // The day number times the milliseconds of a day: the timestamp of the date's UTC midnight.
  return fromUtc(new Date((dayNumber(dateArgument(date)) + whole(days, "days")) * MS_PER_DAY))
}

/**
 * The same day `months` months later (or earlier), clamped to the month's last day when that
 * day does not exist (31 January + 1 month = 29 February in a leap year); throws an
 * {@link InvalidArgumentError} when `months` is not a whole number.
 *
 * @example
 * ```ts
 * import { addMonths, parseCalendarDate } from "caf-conventions"
 * addMonths(parseCalendarDate("2024-01-31"), 1) //=> "2024-02-29"
 * addMonths(parseCalendarDate("2024-12-31"), 6) //=> "2025-06-30"
 * ```
 * @category calendar
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const day = dateArgument(date)
  // Months counted from year 0, then the day clamped to the target month's length: what date-fns'
  // addMonths gives, without its Date objects.
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + whole(months, "months")
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  const length =
    month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(Number(day.slice(8, 10)), length)).padStart(2, "0")}`
  return readCalendarDate(text)
}

/**
 * The last day of the date's month.
 *
 * @example
 * ```ts
 * import { endOfMonth, parseCalendarDate } from "caf-conventions"
 * endOfMonth(parseCalendarDate("2024-02-10")) //=> "2024-02-29"
 * ```
 * @category calendar
 */
export function endOfMonth(date: CalendarDate): CalendarDate {
  const year = yearOf(date)
  const month = Number((date as string).slice(5, 7))
  return calendarDate(year, month, daysInMonth(year, month))
}

/**
 * 1 January of the date's year.
 *
 * @example
 * ```ts
 * import { parseCalendarDate, startOfYear } from "caf-conventions"
 * startOfYear(parseCalendarDate("2024-07-01")) //=> "2024-01-01"
 * ```
 * @category calendar
 */
export function startOfYear(date: CalendarDate): CalendarDate {
  return calendarDate(yearOf(date), 1, 1)
}

/**
 * 31 December of the date's year.
 *
 * @example
 * ```ts
 * import { endOfYear, parseCalendarDate } from "caf-conventions"
 * endOfYear(parseCalendarDate("2024-07-01")) //=> "2024-12-31"
 * ```
 * @category calendar
 */
export function endOfYear(date: CalendarDate): CalendarDate {
  return calendarDate(yearOf(date), 12, 31)
}

/**
 * The number of days from `from` to `to` (negative when `to` is earlier); a day to itself is 0.
 *
 * @example
 * ```ts
 * import { daysBetween, parseCalendarDate } from "caf-conventions"
 * daysBetween(parseCalendarDate("2024-01-01"), parseCalendarDate("2024-12-31")) //=> 365
 * ```
 * @category calendar
 */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const last = dateArgument(to, "to")
  return dayCount(dateArgument(from, "from"), last)
}

/**
 * @internal {@link daysBetween} for dates already checked: the difference of their day numbers
 * (what date-fns' differenceInCalendarDays gives for two UTC midnights).
 */
export function dayCount(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from)
}

/**
 * The number of the day counted from 1970-01-01: its UTC midnight's timestamp over a day's
 * milliseconds, read from the text's character codes (three slices and three numbers per date
 * showed in a profile); years are at least 1000 (see {@link isCalendarDate}).
 */
function dayNumber(date: CalendarDate): number {
  const digit = (index: number) => date.charCodeAt(index) - 48
  return (
    Date.UTC(
      digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
      digit(5) * 10 + digit(6) - 1,
      digit(8) * 10 + digit(9)
    ) / MS_PER_DAY
  )
}

const MS_PER_DAY = 86_400_000

/**
 * A date the French way, for sentences: `01/06/2024`.
 *
 * @example
 * ```ts
 * import { formatFrenchDate, parseCalendarDate } from "caf-conventions"
 * formatFrenchDate(parseCalendarDate("2024-06-01")) //=> "01/06/2024"
 * ```
 * @category calendar
 */
export function formatFrenchDate(date: CalendarDate): string {
  dateArgument(date)
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`
}

/**
 * @internal Whether a value is a `yyyy-MM-dd` string naming a day that exists, as
 * {@link dateArgument} accepts it, without building an error when it is not.
 */
export function isDateArgument(value: unknown): value is CalendarDate {
  // Evaluators pass the same few dates again and again: a set lookup (the string's hash is cached)
  // is several times cheaper than checking the text each time.
  if (typeof value === "string" && checkedDates.has(value)) return true
  if (!isCalendarDate(value)) return false
  if (checkedDates.size >= CHECKED_DATES_LIMIT) checkedDates.clear()
  checkedDates.add(value)
  return true
}

/**
 * @internal A date given as an argument: a `yyyy-MM-dd` string naming a day that exists, or a
 * {@link ValidationError} at the argument's name.
 */
export function dateArgument(value: unknown, argument = "date", subject = "date"): CalendarDate {
  if (isDateArgument(value)) return value
  const message =
    typeof value === "string"
      ? (safeParseCalendarDate(value) as { readonly error?: ValidationError }).error?.issues[0]?.message
      : undefined
  throw ValidationError.of(subject, [
    { path: [argument], message: message ?? `expected a yyyy-MM-dd date, got ${describeValue(value)}` }
  ])
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
