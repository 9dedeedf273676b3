/**
 * Periods: inclusive spans of calendar days, the unit of every convention, year and schedule.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { describeValue } from "../core/describe.js"
import { InvalidArgumentError, ValidationError } from "../core/errors.js"
import type { Fraction } from "../core/fraction.js"
import { makeCodec } from "../core/codec.js"
import {
  type CalendarDate,
  CalendarDateSchema,
  calendarDate,
  dateArgument,
  isDateArgument,
  dayCount,
  daysInYear,
  yearOf
} from "./date.js"
import type { Issue } from "../core/issue.js"
import { localizedIssue, textsIssue } from "../core/issues.js"
import { endBeforeStartText } from "../vocabulary/validation.js"

/**
 * An inclusive span of days, `start` to `end`, whose end is never before its start
 * (`2023-01-01`–`2025-12-31` is a three-year convention; a one-day period has `start === end`).
 * Build one with {@link makePeriod} or {@link parsePeriod}: the brand guarantees it was checked.
 *
 * @example
 * ```ts
 * import { makePeriod, parseCalendarDate, type Period } from "caf-conventions"
 * const convention: Period = makePeriod(parseCalendarDate("2023-01-01"), parseCalendarDate("2025-12-31"))
 * ```
 * @category calendar
 */
export type Period = {
  /** First day, included. */
  readonly start: CalendarDate
  /** Last day, included. */
  readonly end: CalendarDate
} & {
  /** Brand: marks a checked period. */
  readonly Period: unique symbol
}

/**
 * A period as written in JSON: two `yyyy-MM-dd` strings.
 *
 * @example
 * ```ts
 * import type { PeriodJson } from "caf-conventions"
 * const json: PeriodJson = { start: "2023-01-01", end: "2025-12-31" }
 * ```
 * @category calendar
 */
export interface PeriodJson {
  /** First day, included, `yyyy-MM-dd`. */
  readonly start: string
  /** Last day, included, `yyyy-MM-dd`. */
  readonly end: string
}

/**
 * Schema of a period in a JSON document: `{ "start": "2023-01-01", "end": "2025-12-31" }`,
 * refusing an end before the start (reported at the path `end`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PeriodSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(PeriodSchema)({ start: "2023-01-01", end: "2025-12-31" }).end //=> "2025-12-31"
 * ```
 * @category calendar
 */
export const PeriodSchema: Schema.Codec<Period, PeriodJson> = Schema.Struct({
  start: CalendarDateSchema,
  end: CalendarDateSchema
}).check(
  Schema.makeFilter((period: { readonly start: CalendarDate; readonly end: CalendarDate }) =>
    period.end >= period.start
      ? true
      : {
          path: ["end"],
          issue: endBeforeStart(period.start, period.end)
        }
  )
) as unknown as Schema.Codec<Period, PeriodJson>

/** The issue of a period whose end is before its start. */
function endBeforeStart(start: CalendarDate, end: CalendarDate) {
  const texts = endBeforeStartText(start, end)
  return localizedIssue(texts.en, { code: "period", expected: `a day on or after the start, ${start}`, ...texts })
}

const periodCodec = makeCodec(PeriodSchema, "period")

/**
 * Reads a period from JSON (`{ start, end }`), or throws a {@link ValidationError} listing every
 * problem (an impossible date, an end before the start).
 *
 * @example
 * ```ts
 * import { parsePeriod } from "caf-conventions"
 * parsePeriod({ start: "2023-01-01", end: "2025-12-31" }).start //=> "2023-01-01"
 * parsePeriod({ start: "2025-01-01", end: "2024-12-31" }) // throws: end is before the start
 * ```
 * @category calendar
 */
export const parsePeriod: (input: unknown) => Period = periodCodec.parse

/**
 * Like {@link parsePeriod}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParsePeriod } from "caf-conventions"
 * safeParsePeriod({ start: "2025-01-01", end: "2024-12-31" }).success //=> false
 * ```
 * @category calendar
 */
export const safeParsePeriod = periodCodec.safeParse

/**
 * The period from `start` to `end`, both included; throws an {@link InvalidArgumentError} if
 * `end` is before `start`.
 *
 * @example
 * ```ts
 * import { makePeriod, parseCalendarDate } from "caf-conventions"
 * makePeriod(parseCalendarDate("2024-07-01"), parseCalendarDate("2024-12-31")).end //=> "2024-12-31"
 * ```
 * @category calendar
 */
export function makePeriod(start: CalendarDate, end: CalendarDate): Period {
  dateArgument(start, "start", "period")
  dateArgument(end, "end", "period")
  if (end < start) {
    throw new InvalidArgumentError({ argument: "end", message: `the end ${end} is before the start ${start}` })
  }
  return { start, end } as Period
}

/**
 * The whole calendar year `year`, 1 January to 31 December.
 *
 * @example
 * ```ts
 * import { calendarYear } from "caf-conventions"
 * calendarYear(2024) //=> { start: "2024-01-01", end: "2024-12-31" }
 * ```
 * @category calendar
 */
export function calendarYear(year: number): Period {
  integerArgument(year, "year")
  // Evaluators ask for the same few years for every convention: their checked bounds are kept
  // (a year that does not exist throws before it is kept), and each call gets a period of its own.
  let bounds = yearBounds.get(year)
  if (bounds === undefined) {
    bounds = [calendarDate(year, 1, 1), calendarDate(year, 12, 31)]
    yearBounds.set(year, bounds)
  }
  return periodOf(bounds[0], bounds[1])
}

/** The first and last days of the years asked for (at most the 9 000 years a date can have). */
const yearBounds = new Map<number, readonly [CalendarDate, CalendarDate]>()

/**
 * The number of days in the period, both ends included.
 *
 * @example
 * ```ts
 * import { calendarYear, periodDays } from "caf-conventions"
 * periodDays(calendarYear(2024)) //=> 366
 * ```
 * @category calendar
 */
export function periodDays(period: Period): number {
  return daysOfPeriod(periodArgument(period))
}

/** @internal {@link periodDays} for a period already checked (the library's own). */
export function daysOfPeriod(period: Period): number {
  return dayCount(period.start, period.end) + 1
}

/**
 * Whether the date falls inside the period (ends included).
 *
 * @example
 * ```ts
 * import { calendarYear, parseCalendarDate, periodContains } from "caf-conventions"
 * periodContains(calendarYear(2024), parseCalendarDate("2024-12-31")) //=> true
 * ```
 * @category calendar
 */
export function periodContains(period: Period, date: CalendarDate): boolean {
  periodArgument(period)
  dateArgument(date)
  return period.start <= date && date <= period.end
}

/**
 * The days two periods share, or `undefined` when they share none.
 *
 * @example
 * ```ts
 * import { calendarYear, makePeriod, parseCalendarDate, periodIntersection } from "caf-conventions"
 * const p = makePeriod(parseCalendarDate("2023-07-01"), parseCalendarDate("2025-06-30"))
 * periodIntersection(p, calendarYear(2023)) //=> { start: "2023-07-01", end: "2023-12-31" }
 * periodIntersection(p, calendarYear(2026)) //=> undefined
 * ```
 * @category calendar
 */
export function periodIntersection(a: Period, b: Period): Period | undefined {
  return intersectionOfPeriods(periodArgument(a, "a"), periodArgument(b, "b"))
}

/** @internal {@link periodIntersection} for periods already checked (the library's own). */
export function intersectionOfPeriods(a: Period, b: Period): Period | undefined {
  const start = a.start >= b.start ? a.start : b.start
  const end = a.end <= b.end ? a.end : b.end
  return start <= end ? periodOf(start, end) : undefined
}

/**
 * Whether two periods share at least one day.
 *
 * @example
 * ```ts
 * import { calendarYear, periodsOverlap } from "caf-conventions"
 * periodsOverlap(calendarYear(2023), calendarYear(2024)) //=> false
 * ```
 * @category calendar
 */
export function periodsOverlap(a: Period, b: Period): boolean {
  return periodIntersection(a, b) !== undefined
}

/**
 * The calendar years the period touches, in order.
 *
 * @example
 * ```ts
 * import { makePeriod, parseCalendarDate, periodYears } from "caf-conventions"
 * periodYears(makePeriod(parseCalendarDate("2023-07-01"), parseCalendarDate("2025-06-30"))) //=> [2023, 2024, 2025]
 * ```
 * @category calendar
 */
export function periodYears(period: Period): ReadonlyArray<number> {
  periodArgument(period)
  const years: Array<number> = []
  const last = yearOf(period.end)
  for (let year = yearOf(period.start); year <= last; year++) years.push(year)
  return years
}

/**
 * The part of the period that lies in calendar year `year`, or `undefined` if none does.
 *
 * @example
 * ```ts
 * import { makePeriod, parseCalendarDate, periodPartInYear } from "caf-conventions"
 * const p = makePeriod(parseCalendarDate("2024-07-01"), parseCalendarDate("2026-06-30"))
 * periodPartInYear(p, 2026) //=> { start: "2026-01-01", end: "2026-06-30" }
 * ```
 * @category calendar
 */
export function periodPartInYear(period: Period, year: number): Period | undefined {
  return partOfYear(periodArgument(period), year)
}

/** @internal {@link periodPartInYear} for a period already checked (the library's own). */
export function partOfYear(period: Period, year: number): Period | undefined {
  return intersectionOfPeriods(period, calendarYear(year))
}

/**
 * The share of calendar year `year` that the period covers, **counted in days over the days of
 * that year (365, or 366 in a leap year)**: 2024-07-01..2024-12-31 is 184/366. The fraction is
 * left unreduced, so both day counts can be shown as they are; it is 0/365 (or 0/366) when the
 * period does not touch the year.
 *
 * @example
 * ```ts
 * import { makePeriod, parseCalendarDate, yearFraction } from "caf-conventions"
 * yearFraction(makePeriod(parseCalendarDate("2024-07-01"), parseCalendarDate("2024-12-31")), 2024)
 * //=> { numerator: 184, denominator: 366 }
 * ```
 * @category calendar
 */
export function yearFraction(period: Period, year: number): Fraction {
  const part = periodPartInYear(period, year)
  return { numerator: part === undefined ? 0 : periodDays(part), denominator: daysInYear(year) }
}

/** A period from dates already checked, the end not before the start. */
function periodOf(start: CalendarDate, end: CalendarDate): Period {
  return { start, end } as Period
}

/**
 * @internal A whole number given as an argument (days, months, a year), or an
 * {@link InvalidArgumentError} naming it, as the calendar's other counts are refused.
 */
function integerArgument(value: unknown, argument: string): number {
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
function periodArgument(value: unknown, argument = "period"): Period {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw ValidationError.of("period", [
      { path: [argument], message: `expected a period { start, end }, got ${describeValue(value)}` }
    ])
  }
  const { start, end } = value as { readonly start?: unknown; readonly end?: unknown }
  // The usual case, without building anything: two checked dates in order.
  if (isDateArgument(start) && isDateArgument(end)) {
    if (start <= end) return value as Period
    throw ValidationError.of("period", [textsIssue([argument, "end"], "period", endBeforeStartText(start, end))])
  }
  const issues: Array<Issue> = []
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
  throw ValidationError.of("period", issues)
}
