import { describe, expect, it } from "vitest"
import { ValidationError, evaluateObjectives, fundingLedger } from "caf-conventions"
import { cpo } from "../fixtures.js"

describe("the ledger's objectives evaluations", () => {
  it("refuses an evaluation whose year is not a whole number instead of leaving it unused", () => {
    const convention = cpo()
    const evaluation = evaluateObjectives(convention, [], { year: 2024 })
    let error: unknown
    try {
      fundingLedger(convention, { payments: [], expenses: [], objectives: [{ ...evaluation, year: "2024" as never }] })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["objectives", 0], `expected an objectives evaluation of ${convention.id}`]
    ])
  })
})
