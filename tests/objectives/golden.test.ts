/**
 * Whole results of the objective evaluations, compared with reviewed files in `golden/`: every
 * value, target, ratio, counted and excluded record and French sentence. After a deliberate
 * change, run `npx vitest run -u tests/objectives/golden.test.ts`, read the diff, commit it.
 */
import { beforeEach, describe, expect, it } from "vitest"
import {
  type Convention,
  type Activity,
  DEFAULT_ELIGIBILITY_RULES,
  EMPLOYER_STRUCTURE_RULE,
  ValidationError,
  evaluateConventionObjectives,
  evaluateObjectives,
  parseActivity,
  safeParseActivity,
  withRule
} from "caf-conventions"
import { cpo, golden } from "../fixtures.js"
import { exampleActivities, session } from "./fixtures.js"

const file = (name: string) => `golden/${name}.txt`
const makeFounding = (): Convention => cpo()
const makeActivities = (): ReadonlyArray<Activity> => exampleActivities()

/**
 * A convention running from 1 April 2024 to 31 March 2026 (two partial years), with one
 * objective per indicator kind, upper bounds, a per-year target, and an amendment that changes
 * a target for 2025.
 */
const makeMixed = (): Convention =>
  cpo((json) => {
    json.id = "cpo-mixte"
    json.signatureDate = "2024-03-15"
    delete json.predecessorId
    json.terms.period = { start: "2024-04-01", end: "2026-03-31" }
    json.terms.objectives = [
      {
        id: "jours-formation",
        title: "Animer au moins 3 jours de formation sur le bénévolat",
        indicator: { kind: "sum-days", filter: { activityKinds: ["action-collective"], themes: ["bénévolat"] } },
        target: { atLeast: 3 }
      },
      {
        id: "sdaf",
        title: "Participer à 2 à 4 réunions du Sdaf",
        indicator: { kind: "count-meetings", filter: { activityKinds: ["reunion-instance"], bodies: ["sdaf"] } },
        target: { atLeast: 2, atMost: 4 },
        partialYear: { prorate: false }
      },
      {
        id: "structures",
        title: "Accompagner au moins 4 structures, éligibles ou non",
        indicator: {
          kind: "distinct-structures",
          filter: { activityKinds: ["accompagnement-individuel"], situations: ["en-difficulte"] },
          eligibleOnly: false
        },
        target: { atLeast: 4 },
        targetsByYear: { "2026": { atLeast: 1 } },
        partialYear: { prorate: true, rounding: "floor" }
      },
      {
        id: "plafond-actions",
        title: "Pas plus de 2 actions collectives hors formation",
        indicator: { kind: "count-actions", filter: { activityKinds: ["action-collective"], sectors: ["jeunesse"] } },
        target: { atMost: 2 }
      }
    ]
    json.amendments = [
      {
        number: 1,
        signatureDate: "2024-12-10",
        effectiveDate: "2025-01-01",
        reason: "Cible revue",
        changes: [{ kind: "target", objectiveId: "jours-formation", year: 2025, target: { atLeast: 5 } }]
      }
    ]
  })

const makeRecords = (): ReadonlyArray<Activity> => [
  parseActivity({
    id: "f-1",
    date: "2024-05-10",
    kind: "action-collective",
    theme: "bénévolat",
    sector: "animation-vie-sociale",
    days: 1
  }),
  parseActivity({
    id: "f-2",
    date: "2024-06-10",
    kind: "action-collective",
    theme: "bénévolat",
    sector: "jeunesse",
    hours: 10.5
  }),
  parseActivity({
    id: "f-3",
    date: "2024-07-10",
    kind: "action-collective",
    theme: "gestion",
    sector: "jeunesse",
    days: 2
  }),
  parseActivity({ id: "f-4", date: "2024-08-10", kind: "action-collective", theme: "bénévolat", sector: "jeunesse" }),
  parseActivity({ id: "f-5", date: "2024-03-10", kind: "action-collective", theme: "bénévolat", days: 4 }),
  parseActivity({
    id: "f-6",
    date: "2025-02-10",
    kind: "action-collective",
    theme: "bénévolat",
    sector: "enfance",
    days: 4.5
  }),
  parseActivity({ id: "s-1", date: "2024-05-14", kind: "reunion-instance", body: "sdaf" }),
  parseActivity({ id: "s-2", date: "2024-09-14", kind: "reunion-instance", body: "sdaf" }),
  parseActivity({ id: "s-3", date: "2024-10-14", kind: "reunion-instance", body: "reaap" }),
  parseActivity({ id: "s-4", date: "2025-01-14", kind: "reunion-instance", body: "sdaf" }),
  session("i-1", "2024-04-02"),
  session("i-2", "2024-04-03", {
    structures: [{ id: "hors-91", legalForm: "association-loi-1901", departement: "77", situation: "en-difficulte" }]
  }),
  session("i-3", "2024-04-04", { structures: [] }),
  session("i-4", "2024-04-05", {
    structures: [{ id: "dev", legalForm: "association-loi-1901", departement: "91", situation: "en-developpement" }]
  }),
  session("i-5", "2024-11-05", { fundedBy: ["fpt"] }),
  session("i-6", "2024-11-06", { conventionId: "autre" }),
  session("i-1", "2024-04-02"),
  session("i-7", "2025-03-01"),
  session("i-8", "2026-02-01"),
  session("i-9", "2026-03-01", { sector: "logement" })
]

/** Objectives whose filters meet records missing the field they filter on, and exact boundaries. */
const makeFields = (): Convention =>
  cpo((json) => {
    json.id = "cpo-champs"
    json.terms.objectives = [
      {
        id: "actions",
        title: "Actions jeunesse sur le bénévolat",
        indicator: {
          kind: "count-actions",
          filter: { activityKinds: ["action-collective"], sectors: ["jeunesse"], themes: ["bénévolat"] }
        },
        target: { atMost: 2 }
      },
      {
        id: "sdaf",
        title: "Réunions du Sdaf",
        indicator: { kind: "count-meetings", filter: { activityKinds: ["reunion-instance"], bodies: ["sdaf"] } },
        target: { atLeast: 1 }
      },
      {
        id: "structures",
        title: "Structures éligibles",
        indicator: { kind: "distinct-structures", filter: { activityKinds: ["accompagnement-individuel"] } },
        target: { atLeast: 2 }
      },
      {
        id: "jours",
        title: "Jours de formation",
        indicator: { kind: "sum-days", filter: { activityKinds: ["action-collective"] }, hoursPerDay: 7.5 },
        target: { atLeast: 3.25 }
      }
    ]
  })
const makeFieldRecords = (): ReadonlyArray<Activity> => [
  parseActivity({
    id: "a-first-day",
    date: "2024-01-01",
    kind: "action-collective",
    sector: "jeunesse",
    theme: "bénévolat",
    hours: 15
  }),
  parseActivity({
    id: "a-last-day",
    date: "2024-12-31",
    kind: "action-collective",
    sector: "jeunesse",
    theme: "bénévolat",
    days: 1.25,
    fundedBy: ["action-sociale-caf"]
  }),
  parseActivity({ id: "a-no-sector", date: "2024-05-01", kind: "action-collective", theme: "bénévolat" }),
  parseActivity({ id: "a-no-theme", date: "2024-05-01", kind: "action-collective", sector: "jeunesse" }),
  parseActivity({
    id: "a-this-convention",
    date: "2024-05-01",
    kind: "action-collective",
    sector: "enfance",
    conventionId: "cpo-champs"
  }),
  parseActivity({ id: "m-no-body", date: "2024-05-01", kind: "reunion-instance" }),
  parseActivity({ id: "m-sdaf", date: "2024-06-30", kind: "reunion-instance", body: "sdaf" }),
  session("i-no-sector", "2024-05-01", { sector: undefined }),
  session("i-employer", "2024-05-02", {
    structures: [
      {
        id: "employeuse",
        legalForm: "association-loi-1901",
        departement: "91",
        situation: "en-difficulte",
        employer: true
      }
    ]
  }),
  session("i-volunteers", "2024-05-03", {
    structures: [
      {
        id: "benevole",
        legalForm: "association-loi-1901",
        departement: "91",
        situation: "en-difficulte",
        employer: false
      }
    ]
  }),
  session("i-two", "2024-05-04", {
    fundedBy: ["action-sociale-caf"],
    structures: [
      { id: "s-a", legalForm: "association-loi-1901", departement: "91", situation: "en-difficulte" },
      { id: "s-b", legalForm: "scic", departement: "91", situation: "en-developpement" }
    ]
  })
]

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let founding: Convention
let activities: ReadonlyArray<Activity>
let mixed: Convention
let records: ReadonlyArray<Activity>
let fields: Convention
let fieldRecords: ReadonlyArray<Activity>
beforeEach(() => {
  founding = makeFounding()
  activities = makeActivities()
  mixed = makeMixed()
  records = makeRecords()
  fields = makeFields()
  fieldRecords = makeFieldRecords()
})

describe("objectives, whole results", () => {
  it("records missing the field a filter reads, the first and last days, the day of the evaluation, an employer rule", async () => {
    const results = [
      evaluateObjectives(fields, fieldRecords, { year: 2024, asOf: "2024-06-30" }),
      evaluateObjectives(fields, fieldRecords, {
        year: 2024,
        rules: withRule(DEFAULT_ELIGIBILITY_RULES, EMPLOYER_STRUCTURE_RULE)
      })
    ]
    await expect(results.map(golden).join("\n")).toMatchFileSnapshot(file("fields"))
  })

  it("refuses a duration that is negative, finer than a hundredth, or given both in days and in hours", () => {
    const base = { id: "x", date: "2024-05-01", kind: "action-collective" }
    const issues = (json: Record<string, unknown>) => {
      const result = safeParseActivity(json)
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)
    }
    expect(issues({ ...base, days: -1 })).toHaveLength(1)
    expect(issues({ ...base, hours: 1.005 })).toHaveLength(1)
    expect(issues({ ...base, days: Number.POSITIVE_INFINITY })).toHaveLength(1)
    expect(issues({ ...base, days: 0, hours: 0.25 })).toEqual([
      "hours: give the duration in days or in hours, not both"
    ])
    expect([issues({ ...base, days: 0 }), issues({ ...base, hours: 1.25 })]).toEqual([[], []])
    expect(() => parseActivity({ ...base, days: -1 })).toThrow(ValidationError)
  })

  it("the founding convention's 2023, 2024 and 2025 (as of 15 July 2025)", async () => {
    const years = [
      evaluateObjectives(founding, activities, { year: 2023 }),
      evaluateObjectives(founding, activities, { year: 2024 }),
      evaluateObjectives(founding, activities, { year: 2025, asOf: "2025-07-15" })
    ]
    await expect(years.map(golden).join("\n")).toMatchFileSnapshot(file("founding"))
  })

  it("one objective per indicator kind, over two partial years and an amended target", async () => {
    const years = [2024, 2025, 2026].map((year) =>
      evaluateObjectives(mixed, records, { year, ...(year === 2026 ? { asOf: "2026-02-15" } : {}) })
    )
    await expect(years.map(golden).join("\n")).toMatchFileSnapshot(file("mixed"))
  })

  it("the synthesis over the whole convention", async () => {
    const synthesis = [
      evaluateConventionObjectives(founding, activities, { asOf: "2025-07-15" }),
      evaluateConventionObjectives(mixed, records)
    ]
    await expect(synthesis.map((result) => JSON.stringify(result, null, 2)).join("\n")).toMatchFileSnapshot(
      file("synthesis")
    )
  })
})

describe("the indicator's facts, typed, on a convention of two partial years with an amended target", () => {
  const days = { singular: "jour", plural: "jours" }

  it("2024, from 1 April: 2 records counted of 20, 2,5 days, each reason counted in the order met, the copy of a session with its kind", () => {
    const result = evaluateObjectives(mixed, records, { year: 2024 }).results[0]
    expect([result?.objectiveId, result?.yearTarget, result?.proration]).toEqual([
      "jours-formation",
      { atLeast: 3 },
      { numerator: 275, denominator: 366 }
    ])
    expect(result?.indicatorFacts).toEqual({
      counted: 2,
      excluded: [
        { reason: "other-theme", count: 1 },
        { reason: "no-duration", count: 1 },
        { reason: "outside-year", count: 6 },
        // The copy of a session, which this objective does not count, is left out as its record is.
        { reason: "other-kind", count: 10 }
      ],
      value: { kind: "value", unit: days, value: { numerator: 5, denominator: 2 } }
    })
    // Every record given is counted or left out: 2 + 1 + 1 + 6 + 10 = 20.
    const facts = result?.indicatorFacts
    expect((facts?.counted ?? 0) + (facts?.excluded ?? []).reduce((sum, { count }) => sum + count, 0)).toBe(
      evaluateObjectives(mixed, records, { year: 2024 }).records.given
    )
    expect(Object.isFrozen(facts) && Object.isFrozen(facts?.excluded) && Object.isFrozen(facts?.value)).toBe(true)
  })

  it("2025, the target amended to 5: 1 record counted, 4,5 days, and the sentence written from the facts is the explanation's", () => {
    const [training, sdaf] = evaluateObjectives(mixed, records, { year: 2025 }).results
    expect([training?.target, training?.indicatorFacts]).toEqual([
      { atLeast: 5 },
      {
        counted: 1,
        excluded: [
          { reason: "outside-year", count: 17 },
          { reason: "other-kind", count: 2 }
        ],
        value: { kind: "value", unit: days, value: { numerator: 9, denominator: 2 } }
      }
    ])
    expect(sdaf?.indicatorFacts.value).toEqual({
      kind: "value",
      unit: { singular: "réunion", plural: "réunions" },
      value: { numerator: 1, denominator: 1 }
    })
    const indicator = training?.explanation.children.find((node) => node.ruleId === "jours-formation:indicator")
    expect([indicator?.sentence, indicator?.read]).toEqual([
      "1 enregistrement retenu ; écartés : hors de l'année (17), autre type d'activité (2) → 4,5 jours.",
      { counted: 1, excluded: { "outside-year": 17, "other-kind": 2 } }
    ])
  })
})
