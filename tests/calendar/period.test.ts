import { beforeEach, describe, expect, it } from "vitest"
import {
  type Period,
  calendarYear,
  makePeriod,
  parseCalendarDate,
  parsePeriod,
  periodContains,
  periodDays,
  periodIntersection,
  periodPartInYear,
  periodYears,
  periodsOverlap,
  safeParsePeriod,
  yearFraction
} from "caf-conventions"

const d = parseCalendarDate
const makeFounding = (): Period => parsePeriod({ start: "2023-01-01", end: "2025-12-31" })

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let founding: Period
beforeEach(() => {
  founding = makeFounding()
})

describe("periods", () => {
  it("reads a period and refuses an end before its start, at the path of the end", () => {
    expect(founding).toEqual({ start: "2023-01-01", end: "2025-12-31" })
    const result = safeParsePeriod({ start: "2025-01-01", end: "2024-12-31" })
    expect(result.success).toBe(false)
    if (!result.success) {
      expect(result.error.issues).toMatchObject([
        { path: ["end"], message: "the end 2024-12-31 is before the start 2025-01-01" }
      ])
    }
  })

  it("reports every bad date at once", () => {
    const result = safeParsePeriod({ start: "2025-02-30", end: "24-12-31", extra: true })
    expect(result.success).toBe(false)
    if (!result.success) {
      expect(result.error.issues.map((issue) => issue.path)).toEqual([["extra"], ["start"], ["end"]])
    }
  })

  it("accepts a one-day period and refuses a reversed one", () => {
    expect(periodDays(makePeriod(d("2024-03-31"), d("2024-03-31")))).toBe(1)
    expect(() => makePeriod(d("2024-04-01"), d("2024-03-31"))).toThrow(
      expect.objectContaining({
        _tag: "InvalidArgument",
        argument: "end",
        message: "the end 2024-03-31 is before the start 2024-04-01"
      })
    )
  })

  it("counts its days, both ends included", () => {
    expect(periodDays(founding)).toBe(1096)
    expect(periodDays(calendarYear(2024))).toBe(366)
    expect(periodDays(calendarYear(2023))).toBe(365)
  })

  it("lists the calendar years it touches", () => {
    expect(periodYears(founding)).toEqual([2023, 2024, 2025])
    expect(periodYears(makePeriod(d("2023-07-01"), d("2023-12-31")))).toEqual([2023])
  })

  it("gives its part in a year, or nothing", () => {
    const shifted = makePeriod(d("2024-07-01"), d("2026-06-30"))
    expect(periodPartInYear(shifted, 2024)).toEqual({ start: "2024-07-01", end: "2024-12-31" })
    expect(periodPartInYear(shifted, 2025)).toEqual({ start: "2025-01-01", end: "2025-12-31" })
    expect(periodPartInYear(shifted, 2026)).toEqual({ start: "2026-01-01", end: "2026-06-30" })
    expect(periodPartInYear(shifted, 2027)).toBeUndefined()
  })

  it("measures the share of a year by days over 365 or 366", () => {
    expect(yearFraction(makePeriod(d("2024-07-01"), d("2024-12-31")), 2024)).toEqual({
      numerator: 184,
      denominator: 366
    })
    expect(yearFraction(makePeriod(d("2023-07-01"), d("2023-12-31")), 2023)).toEqual({
      numerator: 184,
      denominator: 365
    })
    expect(yearFraction(founding, 2024)).toEqual({ numerator: 366, denominator: 366 })
    expect(yearFraction(founding, 2026)).toEqual({ numerator: 0, denominator: 365 })
  })

  it("tests membership, overlap and intersection", () => {
    expect(periodContains(founding, d("2025-12-31"))).toBe(true)
    expect([periodContains(founding, d("2023-01-01")), periodContains(founding, d("2022-12-31"))]).toEqual([
      true,
      false
    ])
    // Periods that share one day meet on that day.
    expect(periodIntersection(founding, makePeriod(d("2025-12-31"), d("2026-06-01")))).toEqual({
      start: "2025-12-31",
      end: "2025-12-31"
    })
    expect(periodContains(founding, d("2026-01-01"))).toBe(false)
    expect(periodsOverlap(calendarYear(2023), calendarYear(2024))).toBe(false)
    expect(periodsOverlap(founding, calendarYear(2025))).toBe(true)
    expect(periodIntersection(founding, makePeriod(d("2025-06-01"), d("2026-06-01")))).toEqual({
      start: "2025-06-01",
      end: "2025-12-31"
    })
  })
})
