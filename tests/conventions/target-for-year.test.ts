import { describe, expect, it } from "vitest"
import { ValidationError, targetForYear } from "caf-conventions"

const call = (objective: unknown, year: number) => targetForYear(objective as never, year)

const problems = (objective: unknown, year: number) => {
  try {
    call(objective, year)
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => [issue.path, issue.message])
    throw error
  }
  return []
}

describe("targetForYear", () => {
  const objective = { id: "jeunes", target: { atLeast: 3 }, targetsByYear: { "2025": { atLeast: 4 } } }

  it("gives the year's own target, or the every-year target", () => {
    expect(call(objective, 2025)).toEqual({ atLeast: 4 })
    expect(call(objective, 2024)).toEqual({ atLeast: 3 })
    expect(
      call({ ...objective, targetsByYear: Object.assign(Object.create(null), { "2025": { atMost: 2 } }) }, 2025)
    ).toEqual({ atMost: 2 })
  })

  it("refuses targets by year that are a text or a list instead of reading a character or an item as a target", () => {
    // Before the check, "abc" gave the target "a" for year 0, and [{ atLeast: 9 }] gave { atLeast: 9 }.
    expect(problems({ ...objective, targetsByYear: "abc" }, 0)).toEqual([
      [["objective", "targetsByYear"], 'expected targets keyed by year, got "abc"']
    ])
    expect(problems({ ...objective, targetsByYear: [{ atLeast: 9 }] }, 0)).toEqual([
      [["objective", "targetsByYear"], "expected targets keyed by year, got a list"]
    ])
  })

  it("refuses a year that is not a whole number, even one that cannot become a text, with its path", () => {
    // An object without a prototype has no text form: looking it up as a key used to throw a TypeError.
    expect(problems(objective, Object.create(null) as number)).toEqual([[["year"], "expected a year, got an object"]])
    expect(problems(objective, 2024.5)).toEqual([[["year"], "expected a year, got 2024.5"]])
  })

  it("refuses a year's target that is not a target", () => {
    expect(problems({ ...objective, targetsByYear: { "2025": "four" } }, 2025)).toEqual([
      [["objective", "targetsByYear", "2025"], 'expected a target, got "four"']
    ])
  })
})
