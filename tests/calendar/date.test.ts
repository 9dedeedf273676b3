import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  InvalidArgumentError,
  InvalidDateError,
  ValidationError,
  addDays,
  addMonths,
  calendarDate,
  calendarYear,
  compareDates,
  daysBetween,
  daysInMonth,
  daysInYear,
  endOfMonth,
  endOfYear,
  isCalendarDate,
  isLeapYear,
  makePeriod,
  maxDate,
  minDate,
  parseCalendarDate,
  periodPartInYear,
  readCalendarDate,
  safeParseCalendarDate,
  startOfYear,
  yearFraction,
  yearOf
} from "caf-conventions"
import { runs } from "../runs.js"

const d = parseCalendarDate

describe("parsing calendar dates", () => {
  it.each(["2024-02-29", "2023-01-01", "2025-12-31", "1000-01-01", "9999-12-31"])("accepts %s", (text) => {
    expect(parseCalendarDate(text)).toBe(text)
  })

  it.each([
    ["2023-02-30", "2023-02-30 is not a calendar date: February 2023 has 28 days"],
    ["2023-02-29", "2023-02-29 is not a calendar date: February 2023 has 28 days"],
    ["2100-02-29", "2100-02-29 is not a calendar date: February 2100 has 28 days"],
    ["2024-04-31", "2024-04-31 is not a calendar date: April 2024 has 30 days"],
    ["2023-13-01", "2023-13-01 is not a calendar date: there is no month 13"],
    ["2023-00-10", "2023-00-10 is not a calendar date: there is no month 00"],
    ["2023-01-00", "2023-01-00 is not a calendar date: January 2023 has 31 days"],
    ["0999-12-31", "0999-12-31 is not a calendar date: years start at 1000"],
    ["23-1-1", '"23-1-1" is not a date written yyyy-MM-dd'],
    ["2023-1-01", '"2023-1-01" is not a date written yyyy-MM-dd'],
    ["2024-01-31T00:00:00Z", '"2024-01-31T00:00:00Z" is not a date written yyyy-MM-dd'],
    ["", '"" is not a date written yyyy-MM-dd']
  ])("rejects %j: %s", (text, message) => {
    const result = safeParseCalendarDate(text)
    expect(result.success).toBe(false)
    if (!result.success) {
      expect(result.error).toBeInstanceOf(ValidationError)
      expect(result.error.issues).toMatchObject([{ path: [], message }])
    }
  })

  it("rejects what is not a string", () => {
    expect(() => parseCalendarDate(20240101)).toThrow(ValidationError)
    expect([
      isCalendarDate(null),
      isCalendarDate(20240229),
      isCalendarDate("2024-02-29"),
      isCalendarDate("2023-02-29")
    ]).toEqual([false, false, true, false])
    // A pattern alone reads a list holding one date as that date's text.
    expect([isCalendarDate(["2024-02-29"]), isCalendarDate({ toString: () => "2024-02-29" })]).toEqual([false, false])
    try {
      readCalendarDate(20240229, ["date"])
      expect.unreachable()
    } catch (error) {
      expect([
        (error as InvalidDateError).message,
        (error as InvalidDateError).frenchMessage,
        (error as InvalidDateError).path
      ]).toEqual(["expected a yyyy-MM-dd string, got number", "une date s'écrit AAAA-MM-JJ", ["date"]])
    }
  })

  it("explains the problem in French for a form, with the field's path", () => {
    try {
      readCalendarDate("2023-02-30", ["signatureDate"])
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDateError)
      expect((error as InvalidDateError).frenchMessage).toBe(
        "2023-02-30 n'est pas une date : février 2023 compte 28 jours"
      )
      expect((error as InvalidDateError).path).toEqual(["signatureDate"])
    }
    expect(() => readCalendarDate(42)).toThrow(expect.objectContaining({ path: [], input: 42 }))
    const french = (input: unknown) => {
      try {
        readCalendarDate(input, ["date"])
      } catch (error) {
        return (error as InvalidDateError).frenchMessage
      }
      return undefined
    }
    expect(["31/12/2024", "0999-12-31", "2024-13-01", "2024-00-10", 42].map(french)).toEqual([
      "« 31/12/2024 » n'est pas une date au format AAAA-MM-JJ",
      "0999-12-31 n'est pas une date : l'année doit être au moins 1000",
      "2024-13-01 n'est pas une date : il n'y a pas de mois 13",
      "2024-00-10 n'est pas une date : il n'y a pas de mois 00",
      "une date s'écrit AAAA-MM-JJ"
    ])
  })

  it("builds a date from its parts, refusing days that do not exist", () => {
    expect(calendarDate(2025, 3, 31)).toBe("2025-03-31")
    expect(() => calendarDate(2025, 2, 29)).toThrow(InvalidDateError)
  })

  it("refuses a year before 1000 for what it is, the year padded to four digits", () => {
    expect(() => calendarDate(999, 12, 31)).toThrow("0999-12-31 is not a calendar date: years start at 1000")
    expect(() => addDays(calendarDate(1000, 1, 1), -1)).toThrow(
      "0999-12-31 is not a calendar date: years start at 1000"
    )
  })

  it("round-trips every valid date through its parts and its text (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          fc.pre(day <= daysInMonth(year, month))
          const date = calendarDate(year, month, day)
          expect(parseCalendarDate(date)).toBe(date)
          expect(parseCalendarDate(JSON.parse(JSON.stringify(date)))).toBe(date)
          expect(yearOf(date)).toBe(year)
        }
      ),
      runs(1000)
    )
  })
})

/** The error `run` throws, reduced to its tag, argument and message. */
function refusal(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    const { _tag, argument, message } = error as InvalidArgumentError
    return { _tag, argument, message, typed: error instanceof InvalidArgumentError }
  }
  throw new Error("expected an error")
}

describe("calendar arguments that are not whole numbers", () => {
  it("are refused by addDays and addMonths, which would write 0NaN-NaN-NaN or move by a fraction", () => {
    const day = d("2024-01-31")
    expect(refusal(() => addDays(day, Number.NaN))).toEqual({
      _tag: "InvalidArgument",
      argument: "days",
      message: "days must be a whole number, got NaN",
      typed: true
    })
    expect(refusal(() => addDays(day, 1.5))).toEqual({
      _tag: "InvalidArgument",
      argument: "days",
      message: "days must be a whole number, got 1.5",
      typed: true
    })
    expect(refusal(() => addDays(day, Number.POSITIVE_INFINITY))).toMatchObject({ argument: "days", typed: true })
    expect(refusal(() => addDays(day, "1" as never))).toEqual({
      _tag: "InvalidArgument",
      argument: "days",
      message: 'days must be a whole number, got "1"',
      typed: true
    })
    expect(refusal(() => addMonths(day, 0.5))).toEqual({
      _tag: "InvalidArgument",
      argument: "months",
      message: "months must be a whole number, got 0.5",
      typed: true
    })
    expect(refusal(() => addMonths(day, Number.NaN))).toMatchObject({ argument: "months", typed: true })
    expect([addDays(day, -31), addMonths(day, -1)]).toEqual(["2023-12-31", "2023-12-31"])
  })

  it("are refused by calendarDate, isLeapYear, daysInYear and daysInMonth", () => {
    expect(refusal(() => calendarDate(2024, 1.5, 1))).toEqual({
      _tag: "InvalidArgument",
      argument: "month",
      message: "month must be a whole number, got 1.5",
      typed: true
    })
    expect(refusal(() => calendarDate(Number.NaN, 1, 1))).toMatchObject({ argument: "year", typed: true })
    expect(refusal(() => calendarDate(2024, 1, 0.5))).toMatchObject({ argument: "day", typed: true })
    expect(refusal(() => isLeapYear(2024.5))).toMatchObject({ argument: "year", typed: true })
    expect(refusal(() => daysInYear(Number.NaN))).toMatchObject({ argument: "year", typed: true })
    expect(refusal(() => daysInMonth(2024, 13))).toEqual({
      _tag: "InvalidArgument",
      argument: "month",
      message: "month must be 1 to 12, got 13",
      typed: true
    })
    expect(refusal(() => daysInMonth(2024, 2.5))).toMatchObject({ argument: "month", typed: true })
    expect(refusal(() => daysInMonth(2024.5, 2))).toMatchObject({ argument: "year", typed: true })
  })

  it("are refused by the functions of periods that take a year", () => {
    const period = makePeriod(d("2024-07-01"), d("2025-06-30"))
    expect(refusal(() => calendarYear(2024.5))).toMatchObject({ argument: "year", typed: true })
    expect(refusal(() => periodPartInYear(period, Number.NaN))).toMatchObject({ argument: "year", typed: true })
    expect(refusal(() => yearFraction(period, 2024.5))).toMatchObject({ argument: "year", typed: true })
  })
})

describe("calendar arithmetic, in UTC whatever TZ is", () => {
  it("knows leap years and the length of months and years", () => {
    expect([isLeapYear(2024), isLeapYear(2023), isLeapYear(2000), isLeapYear(2100)]).toEqual([true, false, true, false])
    expect([daysInYear(2024), daysInYear(2025)]).toEqual([366, 365])
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2024, 4), daysInMonth(2024, 12)]).toEqual([
      29, 28, 30, 31
    ])
  })

  it("shifts by days across month, year and daylight-saving boundaries", () => {
    expect(addDays(d("2024-02-28"), 1)).toBe("2024-02-29")
    expect(addDays(d("2024-12-31"), 1)).toBe("2025-01-01")
    expect(addDays(d("2024-03-01"), 60)).toBe("2024-04-30")
    expect(addDays(d("2024-03-30"), 1)).toBe("2024-03-31")
    expect(addDays(d("2024-03-31"), 1)).toBe("2024-04-01")
    expect(addDays(d("2024-10-27"), 1)).toBe("2024-10-28")
    expect(addDays(d("2024-01-01"), -1)).toBe("2023-12-31")
  })

  it("shifts by months, clamping to the month's last day", () => {
    expect(addMonths(d("2024-01-31"), 1)).toBe("2024-02-29")
    expect(addMonths(d("2023-01-31"), 1)).toBe("2023-02-28")
    expect(addMonths(d("2024-12-31"), 6)).toBe("2025-06-30")
    expect(addMonths(d("2024-03-31"), -1)).toBe("2024-02-29")
  })

  it("finds the ends of months and years", () => {
    expect(endOfMonth(d("2024-02-10"))).toBe("2024-02-29")
    expect(endOfMonth(d("2023-02-10"))).toBe("2023-02-28")
    expect(startOfYear(d("2024-07-01"))).toBe("2024-01-01")
    expect(endOfYear(d("2024-07-01"))).toBe("2024-12-31")
  })

  it("counts days between dates", () => {
    expect(daysBetween(d("2024-01-01"), d("2024-12-31"))).toBe(365)
    expect(daysBetween(d("2023-01-01"), d("2023-12-31"))).toBe(364)
    expect(daysBetween(d("2024-03-31"), d("2024-03-30"))).toBe(-1)
    expect(daysBetween(d("2023-01-01"), d("2025-12-31"))).toBe(1095)
  })

  it("compares, and picks the earlier or later date", () => {
    expect(compareDates(d("2023-12-31"), d("2024-01-01"))).toBe(-1)
    expect(compareDates(d("2024-01-01"), d("2024-01-01"))).toBe(0)
    expect(compareDates(d("2024-01-02"), d("2024-01-01"))).toBe(1)
    expect(minDate(d("2025-03-31"), d("2025-04-15"))).toBe("2025-03-31")
    expect(maxDate(d("2025-03-31"), d("2025-04-15"))).toBe("2025-04-15")
  })

  it("adds then subtracts days back to the same date, and counts them (property)", () => {
    const dates = fc
      .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([year, month, day]) => calendarDate(year, month, day))
    fc.assert(
      fc.property(dates, fc.integer({ min: -20000, max: 20000 }), (date, days) => {
        const shifted = addDays(date, days)
        expect(addDays(shifted, -days)).toBe(date)
        expect(daysBetween(date, shifted)).toBe(days)
        expect(compareDates(date, shifted)).toBe(Math.sign(-days) === 0 ? 0 : days > 0 ? -1 : 1)
      }),
      runs(1000)
    )
  })
})
