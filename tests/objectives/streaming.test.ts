import fc from "fast-check"
import { beforeEach, describe, expect, it } from "vitest"
import {
  type Activity,
  type Convention,
  ACTIVITY_KINDS,
  SECTORS,
  ValidationError,
  encodeActivities,
  evaluateConventionObjectives,
  evaluateConventionObjectivesAsync,
  evaluateObjectives,
  evaluateObjectivesAsync,
  parseActivities,
  resolveConvention
} from "caf-conventions"
import { lazyFieldsOf } from "../../src/core/lazy.js"
import { cpo, exampleData } from "../fixtures.js"
import { runs } from "../runs.js"

const pad = (n: number) => String(n).padStart(2, "0")

/** A record as JSON: valid most of the time, sometimes broken (a bad date, an unknown kind). */
const recordJson = fc
  .record({
    id: fc.integer({ min: 0, max: 40 }).map((n) => `r-${n}`),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.constantFrom(2023, 2024, 2025),
    kind: fc.constantFrom(...ACTIVITY_KINDS),
    sector: fc.constantFrom(...SECTORS.slice(0, 4)),
    hours: fc.integer({ min: 1, max: 9 }),
    structures: fc.subarray([
      { id: "s1", legalForm: "association-loi-1901", departement: "91", situation: "en-difficulte" },
      { id: "s2", legalForm: "scop", departement: "77", situation: "en-creation" }
    ]),
    broken: fc.integer({ min: 0, max: 60 }).map((n) => (n === 0 ? "date" : n === 1 ? "kind" : undefined))
  })
  .map(({ month, year, broken, ...rest }) => ({
    ...rest,
    date: broken === "date" ? `${year}-02-30` : `${year}-${pad(month)}-10`,
    ...(broken === "kind" ? { kind: "pique-nique" } : {})
  }))

/** Records, with copies of some of them (the same id and content: they count once). */
const recordsJson = fc
  .tuple(fc.array(recordJson, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 5 }))
  .map(([list, copies]) =>
    list.length === 0 ? list : [...list, ...copies.map((i) => structuredClone(list[i % list.length]))]
  )

/** A result's JSON, or the error's subject, issues and count, so that both paths can be compared. */
function outcome(call: () => unknown): string {
  try {
    return JSON.stringify(call())
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return JSON.stringify({ subject: error.subject, issues: error.issues, omitted: error.omittedIssues ?? 0 })
  }
}

async function outcomeAsync(call: () => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await call())
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return JSON.stringify({ subject: error.subject, issues: error.issues, omitted: error.omittedIssues ?? 0 })
  }
}

function* generated<T>(list: ReadonlyArray<T>): Generator<T> {
  yield* list
}

async function* streamed<T>(list: ReadonlyArray<T>): AsyncGenerator<T> {
  for (const item of list) {
    await Promise.resolve()
    yield item
  }
}

let founding: Convention
beforeEach(() => {
  founding = cpo()
})

describe("objectives over any iterable, and streamed", () => {
  it("give the same result, or the same error, as over a list", async () => {
    const outcomes = new Set<string>()
    await fc.assert(
      fc.asyncProperty(recordsJson, fc.constantFrom(undefined, "2024-06-30"), async (list, asOf) => {
        const options = { year: 2024, ...(asOf === undefined ? {} : { asOf }) }
        const expected = outcome(() => evaluateObjectives(founding, list, options))
        expect(outcome(() => evaluateObjectives(founding, generated(list), options))).toBe(expected)
        expect(outcome(() => evaluateObjectives(founding, new Set(list), options))).toBe(expected)
        expect(await outcomeAsync(() => evaluateObjectivesAsync(founding, streamed(list), options))).toBe(expected)
        const review = outcome(() => evaluateConventionObjectives(founding, list, asOf === undefined ? {} : { asOf }))
        expect(
          await outcomeAsync(() =>
            evaluateConventionObjectivesAsync(founding, streamed(list), asOf === undefined ? {} : { asOf })
          )
        ).toBe(review)
        expect(outcome(() => evaluateConventionObjectives(founding, generated(list), {}))).toBe(
          outcome(() => evaluateConventionObjectives(founding, list, {}))
        )
        outcomes.add(expected.startsWith('{"subject"') ? "refused" : "evaluated")
      }),
      runs(150)
    )
    // Both paths were compared on records evaluated and on records refused.
    expect([...outcomes].sort()).toEqual(["evaluated", "refused"])
  })

  it("count the example records as the list does: 2024's figures, streamed", async () => {
    const activities = exampleData("activities.json") as ReadonlyArray<unknown>
    const listed = evaluateObjectives(founding, parseActivities(activities), { year: 2024 })
    const read = await evaluateObjectivesAsync(founding, streamed(activities), { year: 2024 })
    expect(read.records).toEqual(listed.records)
    expect(read.results.map((r) => [r.objectiveId, r.status, `${r.value.numerator}/${r.value.denominator}`])).toEqual(
      listed.results.map((r) => [r.objectiveId, r.status, `${r.value.numerator}/${r.value.denominator}`])
    )
    expect(JSON.stringify(read)).toBe(JSON.stringify(listed))
    expect(Object.isFrozen(read.results[0]?.explanation)).toBe(true)
  })

  it("name a bad record read from a stream by its index, once every record is read", async () => {
    const records = [
      { id: "a-1", date: "2024-03-12", kind: "diagnostic" },
      { id: "a-2", date: "2024-02-30", kind: "diagnostic" },
      { id: "a-1", date: "2024-03-13", kind: "diagnostic" }
    ]
    const error = await evaluateObjectivesAsync(founding, streamed(records), { year: 2024 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((issue) => [issue.path, issue.message])).toEqual([
      [[1, "date"], "2024-02-30 is not a calendar date: February 2024 has 29 days"],
      [[2, "id"], "the id a-1 is already used by record [0] with different content"]
    ])
  })

  it("list the same first 100 problems, and count the others, when there are more", async () => {
    // 150 records with a bad date; 140 reusing the id twin-1 with other content (from [21] on), interleaved.
    const records = Array.from({ length: 300 }, (_, i) =>
      i % 2 === 0
        ? { id: `bad-${i}`, date: "2024-02-30", kind: "diagnostic" }
        : { id: i < 20 ? `twin-${i}` : "twin-1", date: "2024-03-10", kind: "diagnostic", theme: `t${i}` }
    )
    const listed = outcome(() => evaluateObjectives(founding, records, { year: 2024 }))
    expect(JSON.parse(listed).issues).toHaveLength(100)
    expect(JSON.parse(listed).omitted).toBe(150 + 140 - 100)
    expect(await outcomeAsync(() => evaluateObjectivesAsync(founding, streamed(records), { year: 2024 }))).toBe(listed)
  })

  it("refuse what is not a list nor an iterable, at the call", () => {
    for (const wrong of ["a-1", 5, null, { id: "a-1" }]) {
      expect(() => evaluateObjectives(founding, wrong as never, { year: 2024 })).toThrow(ValidationError)
      expect(() => evaluateObjectivesAsync(founding, wrong as never, { year: 2024 })).toThrow(ValidationError)
      expect(() => evaluateConventionObjectivesAsync(founding, wrong as never)).toThrow(ValidationError)
    }
    expect(() => evaluateObjectivesAsync(founding, [], { year: 20245 })).toThrow(/year/u)
  })

  it("read a generator once, keeping none of its records: 20 000 records counted in one pass, sorted by id", () => {
    let made = 0
    function* many(): Generator<unknown> {
      for (let i = 0; i < 20_000; i++) {
        made++
        yield {
          id: `r-${i}`,
          date: `2024-${pad(1 + (i % 12))}-10`,
          kind: "action-collective",
          sector: "animation-vie-sociale"
        }
      }
    }
    const evaluation = evaluateObjectives(founding, many(), { year: 2024 })
    expect(made).toBe(20_000)
    expect(evaluation.records).toEqual({ given: 20_000, unique: 20_000 })
    const actions = evaluation.results.find((r) => r.indicator === "count-actions")
    expect(actions?.counted.length).toBe(20_000)
    expect(actions?.counted[0]).toBe("r-0")
    expect(actions?.counted[1]).toBe("r-1")
    expect(actions?.counted[2]).toBe("r-10")
  })
})

describe("explanations built when first read", () => {
  const computed = (value: object) => lazyFieldsOf(value)?.fields.get("explanation")?.computed

  it("an evaluation's results leave their explanation unbuilt until it is read", () => {
    const evaluation = evaluateObjectives(founding, parseActivities(exampleData("activities.json")), { year: 2024 })
    expect(computed(evaluation)).toBe(false)
    expect(evaluation.results.map(computed)).toEqual([false, false, false, false])
    expect(evaluation.results[0]?.explanation.children).toHaveLength(2)
    expect(evaluation.results.map(computed)).toEqual([true, false, false, false])
    expect(evaluation.explanation.children).toHaveLength(4)
    expect(evaluation.results.map(computed)).toEqual([true, true, true, true])
    expect(Object.isFrozen(evaluation.results[3]?.explanation.children[0])).toBe(true)
  })

  it("a convention's review does not build its years' explanations until its own is read", () => {
    const review = evaluateConventionObjectives(resolveConvention(founding), [])
    expect(review.years.map(computed)).toEqual([false, false, false])
    expect(computed(review)).toBe(false)
    expect(review.explanation.sentence).toBe("0 objectif sur 4 atteint chaque année terminée (2023, 2024 et 2025).")
    expect(review.years.map(computed)).toEqual([true, true, true])
  })

  it("a resolved convention gives the same evaluation as the plain one, byte for byte", () => {
    const activities = parseActivities(exampleData("activities.json")) as ReadonlyArray<Activity>
    expect(JSON.stringify(evaluateObjectives(resolveConvention(founding), activities, { year: 2024 }))).toBe(
      JSON.stringify(evaluateObjectives(founding, activities, { year: 2024 }))
    )
    const known = resolveConvention(founding, { knownOn: "2024-06-30" })
    expect(JSON.stringify(evaluateObjectives(known, activities, { year: 2024, asOf: "2024-06-30" }))).toBe(
      JSON.stringify(evaluateObjectives(founding, activities, { year: 2024, asOf: "2024-06-30" }))
    )
    expect(JSON.stringify(evaluateConventionObjectives(known, activities, { asOf: "2024-06-30" }))).toBe(
      JSON.stringify(evaluateConventionObjectives(founding, encodeActivities(activities), { asOf: "2024-06-30" }))
    )
  })
})

describe("the words come from typed facts", () => {
  it("the indicator's and the year's sentences are rebuilt from the result's typed fields, as a renderer would", async () => {
    const { yearFacts } = await import("../../src/objectives/year.js")
    const { indicatorSentence, yearSentence } = await import("../../src/vocabulary/objectives.js")
    const activities = parseActivities(exampleData("activities.json"))
    for (const asOf of [undefined, "2024-06-30"]) {
      const evaluation = evaluateObjectives(founding, activities, {
        year: 2024,
        ...(asOf === undefined ? {} : { asOf })
      })
      expect(yearSentence(yearFacts(evaluation))).toBe(evaluation.explanation.sentence)
      for (const result of evaluation.results)
        expect(indicatorSentence(result.indicatorFacts)).toBe(result.explanation.children[0]?.sentence)
    }
    const first = evaluateObjectives(founding, activities, { year: 2024 }).results[0]
    expect(first?.indicatorFacts).toEqual({
      counted: 2,
      excluded: [
        { reason: "outside-year", count: 1 },
        { reason: "other-kind", count: 14 }
      ],
      value: {
        kind: "value",
        unit: { singular: "réunion", plural: "réunions" },
        value: { numerator: 2, denominator: 1 }
      }
    })
    expect(indicatorSentence(first?.indicatorFacts as never)).toBe(
      "2 enregistrements retenus ; écartés : hors de l'année (1), autre type d'activité (14) → 2 réunions."
    )
  })
})
