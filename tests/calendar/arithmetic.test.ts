import { UTCDate } from "@date-fns/utc"
import { addDays as addDaysFns, differenceInCalendarDays } from "date-fns"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { InvalidDateError, addDays, calendarYear, daysBetween, daysInMonth, type CalendarDate } from "caf-conventions"

// Day counts are computed on day numbers, days added on UTC timestamps; date-fns, which computed both before, is the reference.
const date = fc
  .record({
    year: fc.integer({ min: 1000, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 })
  })
  .map(
    ({ year, month, day }) =>
      `${year}-${String(month).padStart(2, "0")}-${String(Math.min(day, daysInMonth(year, month))).padStart(2, "0")}` as CalendarDate
  )
const utc = (text: string) =>
  new UTCDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)))
const text = (value: Date) =>
  `${String(value.getUTCFullYear()).padStart(4, "0")}-${String(value.getUTCMonth() + 1).padStart(2, "0")}-${String(value.getUTCDate()).padStart(2, "0")}`

describe("day arithmetic on calendar dates", () => {
  it("counts the days between two dates as date-fns does (property)", () => {
    fc.assert(
      fc.property(date, date, (from, to) => daysBetween(from, to) === differenceInCalendarDays(utc(to), utc(from))),
      { numRuns: 2000 }
    )
  })

  it("adds days as date-fns does, and refuses a result outside the years 1000 to 9999 (property)", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -4_000_000, max: 4_000_000 }), (start, days) => {
        const expected = text(addDaysFns(utc(start), days))
        const year = Number(expected.slice(0, expected.indexOf("-", 1)))
        if (year >= 1000 && year <= 9999) return addDays(start, days) === expected
        expect(() => addDays(start, days)).toThrow(InvalidDateError)
        return true
      }),
      { numRuns: 2000 }
    )
  })

  it("gives the figures a reader checks by hand", () => {
    expect(daysBetween("2024-01-01" as CalendarDate, "2024-12-31" as CalendarDate)).toBe(365)
    expect(daysBetween("2024-07-01" as CalendarDate, "2024-06-30" as CalendarDate)).toBe(-1)
    expect(addDays("2024-02-28" as CalendarDate, 1)).toBe("2024-02-29")
    expect(addDays("2025-03-01" as CalendarDate, -1)).toBe("2025-02-28")
    expect(() => addDays("9999-12-31" as CalendarDate, 1)).toThrow(InvalidDateError)
  })

  it("gives each caller a calendar year of its own, and refuses a year that does not exist every time", () => {
    const first = calendarYear(2024) as { start: string; end: string }
    first.end = "2024-06-30" // the caller's own object: changing it changes no later answer
    expect(calendarYear(2024)).toEqual({ start: "2024-01-01", end: "2024-12-31" })
    expect(calendarYear(2024)).not.toBe(calendarYear(2024))
    for (let attempt = 0; attempt < 2; attempt++) expect(() => calendarYear(999)).toThrow(InvalidDateError)
  })
})
