import { beforeEach, describe, expect, it } from "vitest"
import { type Convention, LineageError, lineage, parseConvention } from "caf-conventions"
import { cpoJson, foundingPortfolio } from "../fixtures.js"

const makeConventions = (): ReadonlyArray<Convention> => foundingPortfolio().conventions

function lineageError(run: () => unknown): LineageError {
  try {
    run()
  } catch (error) {
    if (error instanceof LineageError) return error
    throw error
  }
  throw new Error("expected a LineageError")
}

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let conventions: ReadonlyArray<Convention>
beforeEach(() => {
  conventions = makeConventions()
})

describe("lineage", () => {
  it("runs from the oldest predecessor to the convention asked for", () => {
    expect(lineage(conventions, "cpo-2023-2025").map((convention) => convention.id)).toEqual([
      "appui-technique-2018",
      "accord-cadre-2020-2022",
      "cpo-2023-2025"
    ])
    expect(lineage(conventions, "appui-technique-2018").map((convention) => convention.id)).toEqual([
      "appui-technique-2018"
    ])
  })

  it("does not depend on the order of the list", () => {
    expect(lineage([...conventions].reverse(), "cpo-2023-2025").map((convention) => convention.id)).toEqual([
      "appui-technique-2018",
      "accord-cadre-2020-2022",
      "cpo-2023-2025"
    ])
  })

  it("reports an unknown convention", () => {
    const error = lineageError(() => lineage(conventions, "cpo-2026-2029"))
    expect([error._tag, error.problem, error.ids, error.message]).toEqual([
      "LineageError",
      "unknown-convention",
      ["cpo-2026-2029"],
      "there is no convention cpo-2026-2029"
    ])
    expect(error.frenchMessage).toBe("il n'y a pas de convention cpo-2026-2029")
  })

  it("reports a missing predecessor", () => {
    const error = lineageError(() => lineage(conventions.slice(1), "cpo-2023-2025"))
    expect(error.problem).toBe("missing-predecessor")
    expect(error.ids).toEqual(["cpo-2023-2025", "accord-cadre-2020-2022", "appui-technique-2018"])
    expect(error.message).toBe("accord-cadre-2020-2022 follows appui-technique-2018, which is not in the list")
    expect(error.frenchMessage).toBe(
      "accord-cadre-2020-2022 fait suite à appui-technique-2018, qui ne figure pas dans la liste"
    )
    const next = lineageError(() => lineage([conventions[2]!], "cpo-2023-2025"))
    expect([next.ids, next.message]).toEqual([
      ["cpo-2023-2025", "accord-cadre-2020-2022"],
      "cpo-2023-2025 follows accord-cadre-2020-2022, which is not in the list"
    ])
  })

  it("reports a cycle", () => {
    const a = parseConvention({ ...cpoJson(), id: "a", predecessorId: "b" })
    const b = parseConvention({ ...cpoJson(), id: "b", predecessorId: "a" })
    const error = lineageError(() => lineage([a, b], "a"))
    expect(error.problem).toBe("cycle")
    expect(error.message).toBe("the lineage of a loops: a → b → a")
  })
})
