import { beforeEach, describe, expect, it } from "vitest"
import {
  type ObjectivesEvaluation,
  type Activity,
  type Convention,
  ValidationError,
  evaluateConventionObjectives,
  evaluateObjectives,
  explanationLines,
  parseActivities,
  parseActivity
} from "caf-conventions"
import { cpo, evs, evsData } from "../fixtures.js"
import { exampleActivities, session } from "./fixtures.js"

const makeFounding = (): Convention => cpo()
const makeActivities = (): ReadonlyArray<Activity> => exampleActivities()

function result(evaluation: ReturnType<typeof evaluateObjectives>, id: string) {
  const found = evaluation.results.find((candidate) => candidate.objectiveId === id)
  if (found === undefined) throw new Error(`no objective ${id}`)
  return found
}

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let founding: Convention
let activities: ReadonlyArray<Activity>
beforeEach(() => {
  founding = makeFounding()
  activities = makeActivities()
})

describe("the founding convention's 2024 evaluation", () => {
  let evaluation: ObjectivesEvaluation
  beforeEach(() => {
    evaluation = evaluateObjectives(founding, activities, { year: 2024 })
  })

  it("meets all four objectives, with their values and exact ratios", () => {
    expect(evaluation.results.map((r) => [r.objectiveId, r.status, r.value, r.target, r.ratio])).toEqual([
      ["suivi-coordonne", "met", { numerator: 2, denominator: 1 }, { atLeast: 1 }, { numerator: 2, denominator: 1 }],
      [
        "accompagnement-individuel",
        "met",
        { numerator: 3, denominator: 1 },
        { atLeast: 3 },
        { numerator: 1, denominator: 1 }
      ],
      [
        "actions-collectives",
        "met",
        { numerator: 3, denominator: 1 },
        { atLeast: 1 },
        { numerator: 3, denominator: 1 }
      ],
      [
        "instances-partenariales",
        "met",
        { numerator: 2, denominator: 1 },
        { atLeast: 1 },
        { numerator: 2, denominator: 1 }
      ]
    ])
  })

  it("counts three distinct structures supported individually, each session once per structure", () => {
    const individual = result(evaluation, "accompagnement-individuel")
    expect(individual.counted).toEqual([
      "2024-ind-partages-03",
      "2024-ind-sgdb-05",
      "2024-ind-viry-02",
      "2024-ind-viry-04"
    ])
    expect(individual.structures).toEqual([
      "maison-des-partages",
      "mjc-sainte-genevieve-des-bois",
      "mjc-viry-chatillon"
    ])
  })

  it("says why each other individual-support record did not count", () => {
    const individual = result(evaluation, "accompagnement-individuel")
    expect(individual.excluded.filter((e) => e.reason !== "other-kind").map((e) => [e.id, e.reason, e.detail])).toEqual(
      [
        ["2023-ind-viry-12", "outside-year", "daté du 12/12/2023, hors de la période 01/01/2024 – 31/12/2024"],
        [
          "2024-ind-corbeil-06",
          "funded-elsewhere",
          "financé par Fonds publics et territoires (FPT), que la convention exclut"
        ],
        [
          "2024-ind-exemple-77-10",
          "structure-not-eligible",
          "Centre social (exemple, 77) (accompagnement individuel) : territoire de la convention"
        ],
        [
          "2024-ind-exemple-logement-11",
          "sector-not-covered",
          "le secteur « Logement » n'est pas couvert par la convention à cette date"
        ],
        ["2024-ind-exemple-stable-09", "situation-not-targeted", "structure ni en difficulté ni en développement"]
      ]
    )
  })

  it("accounts for every record in every objective: counted or excluded, never dropped", () => {
    for (const r of evaluation.results) expect(r.counted.length + r.excluded.length).toBe(activities.length)
    expect(evaluation.records).toEqual({ given: 17, unique: 17 })
  })

  it("explains each objective in French", () => {
    const lines = explanationLines(evaluation.explanation)
    expect(lines[0]).toBe("✓ Objectifs 2024 : 4 objectifs atteints sur 4.")
    expect(lines).toContain(
      "  ✓ Soutenir individuellement au moins 3 structures par an, en difficulté et/ou en développement, dans les secteurs couverts : 3 structures distinctes en 2024 pour une cible d'au moins 3 : objectif atteint (100 %)."
    )
    expect(lines).toContain(
      "    ✓ Indicateur : 4 enregistrements retenus ; écartés : hors de l'année (1), autre type d'activité (8), financé par ailleurs (1), structure non éligible (1), secteur non couvert (1), situation non visée (1) → 3 structures distinctes. (source : Convention cpo-2023-2025 : objectif « accompagnement-individuel »)"
    )
  })

  it("leaves out records after the as-of day and reports targets not yet reached as in progress", () => {
    const april = evaluateObjectives(founding, activities, { year: 2024, asOf: "2024-04-30" })
    expect(april.results.map((r) => [r.objectiveId, r.status, r.value.numerator])).toEqual([
      ["suivi-coordonne", "met", 1],
      ["accompagnement-individuel", "in-progress", 2],
      ["actions-collectives", "met", 3],
      ["instances-partenariales", "in-progress", 0]
    ])
    expect(result(april, "instances-partenariales").excluded.find((e) => e.id === "2024-sdaf-05")).toEqual({
      id: "2024-sdaf-05",
      reason: "after-as-of",
      detail: "daté du 14/05/2024, après le 30/04/2024"
    })
    const yearEnd = evaluateObjectives(founding, [], { year: 2024, asOf: "2024-12-31" })
    expect(yearEnd.results.map((r) => r.status)).toEqual(["not-met", "not-met", "not-met", "not-met"])
  })

  it("is not applicable for a year the convention does not cover", () => {
    const later = evaluateObjectives(founding, activities, { year: 2026 })
    expect(later.results.map((r) => r.status)).toEqual([
      "not-applicable",
      "not-applicable",
      "not-applicable",
      "not-applicable"
    ])
    expect(later.results[0]?.excluded.every((e) => e.reason === "outside-year")).toBe(true)
    expect([
      later.explanation.outcome,
      later.explanation.sentence,
      later.results[0]?.explanation.outcome,
      later.results[0]?.explanation.sentence
    ]).toEqual([
      "not-applicable",
      "La convention ne s'applique pas en 2026.",
      "not-applicable",
      "La convention ne s'applique pas en 2026."
    ])
  })
})

describe("targets", () => {
  let starting: Convention
  beforeEach(() => {
    starting = cpo((json) => (json.terms.period = { start: "2024-07-01", end: "2026-06-30" }))
  })

  it("are prorated for a partial first year and rounded up by default: 3 × 184/366 → 2", () => {
    const individual = result(evaluateObjectives(starting, [], { year: 2024 }), "accompagnement-individuel")
    expect([individual.yearTarget, individual.target, individual.proration]).toEqual([
      { atLeast: 3 },
      { atLeast: 2 },
      { numerator: 92, denominator: 183 }
    ])
    expect(individual.explanation.children[1]?.sentence).toBe(
      "Cible 2024 : au moins 3 ; prorata 184/366 de l'année, soit au moins 2."
    )
  })

  it("keep only the bounds they have once prorated", () => {
    const bounded = cpo((json) => {
      json.terms.period = { start: "2024-07-01", end: "2026-06-30" }
      json.terms.objectives[1].target = { atMost: 6 }
      json.terms.objectives[2].target = { atLeast: 2, atMost: 4 }
    })
    const evaluation = evaluateObjectives(bounded, [], { year: 2024 })
    expect([
      result(evaluation, "suivi-coordonne").target,
      result(evaluation, "accompagnement-individuel").target,
      result(evaluation, "actions-collectives").target
    ]).toEqual([{ atLeast: 1 }, { atMost: 4 }, { atLeast: 2, atMost: 3 }])
    expect(Object.keys(result(evaluation, "suivi-coordonne").target)).toEqual(["atLeast"])
    expect(Object.keys(result(evaluation, "accompagnement-individuel").target)).toEqual(["atMost"])
  })

  it("stay whole when the convention says so, or round as it says", () => {
    const whole = cpo((json) => {
      json.terms.period = { start: "2024-07-01", end: "2026-06-30" }
      json.terms.objectives[1].partialYear = { prorate: false }
    })
    expect(result(evaluateObjectives(whole, [], { year: 2024 }), "accompagnement-individuel").target).toEqual({
      atLeast: 3
    })
    const down = cpo((json) => {
      json.terms.period = { start: "2024-07-01", end: "2026-06-30" }
      json.terms.objectives[1].partialYear = { rounding: "floor" }
    })
    expect(result(evaluateObjectives(down, [], { year: 2024 }), "accompagnement-individuel").target).toEqual({
      atLeast: 1
    })
  })

  it("follow an amendment that changes one year's target", () => {
    const raised = cpo((json) => {
      json.amendments = [
        {
          number: 1,
          signatureDate: "2024-12-01",
          effectiveDate: "2025-01-01",
          reason: "Cible relevée",
          changes: [{ kind: "target", objectiveId: "accompagnement-individuel", year: 2025, target: { atLeast: 4 } }]
        }
      ]
    })
    expect(result(evaluateObjectives(raised, [], { year: 2024 }), "accompagnement-individuel").target).toEqual({
      atLeast: 3
    })
    expect(result(evaluateObjectives(raised, [], { year: 2025 }), "accompagnement-individuel").target).toEqual({
      atLeast: 4
    })
  })

  it("can be a maximum or a range; exceeding a maximum is not met even in progress", () => {
    const capped = cpo((json) => (json.terms.objectives[0].target = { atMost: 1 }))
    const records = [
      session("k1", "2024-02-01", { kind: "reunion-coordination-caf", structures: [] }),
      session("k2", "2024-03-01", { kind: "reunion-coordination-caf", structures: [] })
    ]
    expect(
      result(evaluateObjectives(capped, records, { year: 2024, asOf: "2024-06-30" }), "suivi-coordonne").status
    ).toBe("not-met")
    const range = cpo((json) => (json.terms.objectives[0].target = { atLeast: 1, atMost: 3 }))
    const inRange = result(evaluateObjectives(range, records, { year: 2024 }), "suivi-coordonne")
    expect([inRange.status, inRange.ratio]).toEqual(["met", { numerator: 2, denominator: 1 }])
    // Within the range on 30 June, but the maximum may still be exceeded: not met before the year is over.
    const midYear = result(evaluateObjectives(range, records, { year: 2024, asOf: "2024-06-30" }), "suivi-coordonne")
    expect([midYear.status, midYear.explanation.sentence]).toEqual([
      "in-progress",
      "2 réunions en 2024 pour une cible comprise entre 1 et 3 : en cours (200 %)."
    ])
  })
})

describe("sums of days", () => {
  it("adds days and hours exactly, hours over 7 hours a day by default", () => {
    const training = cpo((json) => {
      json.terms.objectives[2].indicator = { kind: "sum-days", filter: { activityKinds: ["action-collective"] } }
      json.terms.objectives[2].target = { atLeast: 3 }
    })
    const records = [
      session("t1", "2024-03-14", { kind: "action-collective", structures: [], hours: undefined, days: 1.5 }),
      session("t2", "2024-03-21", { kind: "action-collective", structures: [], hours: 3.5 }),
      session("t3", "2024-03-28", { kind: "action-collective", structures: [], hours: undefined })
    ]
    const days = result(evaluateObjectives(training, records, { year: 2024 }), "actions-collectives")
    expect([days.value, days.status, days.ratio]).toEqual([
      { numerator: 2, denominator: 1 },
      "not-met",
      { numerator: 2, denominator: 3 }
    ])
    expect(days.excluded).toEqual([{ id: "t3", reason: "no-duration", detail: "ni jours ni heures renseignés" }])
  })
})

describe("quantities with two decimals", () => {
  it("are read whatever their binary rounding: 0.07 day, 1.1 hours and 0.29 of a measure decode, 0.001 does not", () => {
    // 0.07 * 100 is 7.000000000000001 in binary floating point: a check that multiplies refused them.
    const record = { id: "q1", date: "2024-03-14", kind: "action-collective", days: 0.07, measures: { familles: 0.29 } }
    expect(parseActivity(record).days).toBe(0.07)
    const { days: _days, ...withoutDays } = record
    expect(parseActivity({ ...withoutDays, hours: 1.1 }).hours).toBe(1.1)
    expect(parseActivity(record).measures).toEqual({ familles: 0.29 })
    expect(() => parseActivity({ ...record, days: 0.001 })).toThrow(
      "days: expected a number ≥ 0 with at most 2 decimals"
    )
    expect(() => parseActivity({ ...record, days: 1e-7 })).toThrow(
      "days: expected a number ≥ 0 with at most 2 decimals"
    )
    expect(parseActivity({ ...record, days: 1e21 }).days).toBe(1e21)
  })

  it("add up exactly: 0.07 + 0.14 day is 21 hundredths of a day", () => {
    const training = cpo((json) => {
      json.terms.objectives[2].indicator = { kind: "sum-days", filter: { activityKinds: ["action-collective"] } }
      json.terms.objectives[2].target = { atLeast: 3 }
    })
    const records = [
      session("t1", "2024-03-14", { kind: "action-collective", structures: [], hours: undefined, days: 0.07 }),
      session("t2", "2024-03-21", { kind: "action-collective", structures: [], hours: undefined, days: 0.14 })
    ]
    expect(result(evaluateObjectives(training, records, { year: 2024 }), "actions-collectives").value).toEqual({
      numerator: 21,
      denominator: 100
    })
  })
})

describe("records as given", () => {
  it("count identical copies once, listing the copies", () => {
    const individual = result(
      evaluateObjectives(founding, [...activities, ...activities.slice(2, 4)], { year: 2024 }),
      "accompagnement-individuel"
    )
    expect(individual.structures).toHaveLength(3)
    expect(individual.excluded.filter((e) => e.reason === "duplicate-id").map((e) => e.id)).toEqual([
      "2024-ind-partages-03",
      "2024-ind-viry-02"
    ])
  })

  it("refuse two different records with the same id", () => {
    const conflicting = [...activities, { ...activities[2]!, date: "2024-02-07" }]
    try {
      evaluateObjectives(founding, conflicting as never, { year: 2024 })
      expect.unreachable()
    } catch (error) {
      expect((error as ValidationError).issues).toMatchObject([
        { path: [17, "id"], message: "the id 2024-ind-viry-02 is already used by record [2] with different content" }
      ])
    }
  })

  it("read records still in JSON form, and refuse what is not a record with its index", () => {
    const json = { id: "j1", date: "2024-02-01", kind: "reunion-coordination-caf" }
    expect(result(evaluateObjectives(founding, [json] as never, { year: 2024 }), "suivi-coordonne").counted).toEqual([
      "j1"
    ])
    expect(() =>
      evaluateObjectives(founding, [{ id: "j1", date: "2024-02-30", kind: "diagnostic" }] as never, { year: 2024 })
    ).toThrow(ValidationError)
    try {
      evaluateObjectives(founding, [json, { ...json, id: "j2", kind: "visite" }] as never, { year: 2024 })
      expect.unreachable()
    } catch (error) {
      expect((error as ValidationError).issues[0]?.path).toEqual([1, "kind"])
    }
  })

  it("judge a copy of a record left out for another reason as the record, a copy of a counted one as a copy", () => {
    const outside = session("hors-annee", "2023-11-15")
    const counted = session("compte", "2024-03-12")
    const evaluation = evaluateObjectives(founding, [outside, { ...outside }, counted, { ...counted }], { year: 2024 })
    const objective = result(evaluation, "accompagnement-individuel")
    expect(objective.excluded.map((record) => [record.id, record.reason, record.detail])).toEqual([
      ["compte", "duplicate-id", "copie identique d'un autre enregistrement, comptée une fois"],
      ["hors-annee", "outside-year", "daté du 15/11/2023, hors de la période 01/01/2024 – 31/12/2024"],
      ["hors-annee", "outside-year", "daté du 15/11/2023, hors de la période 01/01/2024 – 31/12/2024"]
    ])
    expect(objective.counted).toEqual(["compte"])
    // In 2023, the year it is dated, the copy of the same record is a copy counted once.
    const before = result(
      evaluateObjectives(founding, [outside, { ...outside }], { year: 2023 }),
      "accompagnement-individuel"
    )
    expect(before.excluded.map((record) => [record.id, record.reason])).toEqual([["hors-annee", "duplicate-id"]])
  })

  it("say a half day in the singular", () => {
    const halfDay = cpo(
      (json) =>
        (json.terms.objectives = [
          {
            id: "jours",
            title: "Jours de formation",
            indicator: { kind: "sum-days", filter: { activityKinds: ["action-collective"] } },
            target: { atLeast: 1 }
          }
        ])
    )
    const training = parseActivity({
      id: "f",
      date: "2024-03-01",
      kind: "action-collective",
      sector: "jeunesse",
      hours: 3.5
    })
    expect(result(evaluateObjectives(halfDay, [training], { year: 2024 }), "jours").explanation.sentence).toBe(
      "0,5 jour en 2024 pour une cible d'au moins 1 : objectif non atteint (50 %)."
    )
  })

  it("refuse impossible options", () => {
    const refused = (options: { year: number; asOf?: string }) => {
      try {
        evaluateObjectives(founding, [], options)
      } catch (error) {
        if (error instanceof ValidationError) return error.message
        throw error
      }
      return "accepted"
    }
    expect(refused({ year: 24 })).toBe(
      "Invalid objectives options (1 issue):\n  year: expected a year between 1000 and 9999, got 24"
    )
    expect(refused({ year: 2024, asOf: "2024-02-30" })).toBe(
      "Invalid objectives options (1 issue):\n  asOf: 2024-02-30 is not a calendar date: February 2024 has 29 days"
    )
    expect(() => evaluateObjectives(founding, {} as never, { year: 2024 })).toThrow(
      expect.objectContaining({ subject: "activities" })
    )
  })

  it("report a record under another convention as funded elsewhere, and a different body", () => {
    const other = result(
      evaluateObjectives(founding, [session("x", "2024-02-01", { conventionId: "cpo-ville" })], { year: 2024 }),
      "accompagnement-individuel"
    )
    expect(other.excluded).toEqual([
      { id: "x", reason: "funded-elsewhere", detail: "déclaré au titre de la convention cpo-ville" }
    ])
    const noStructure = result(
      evaluateObjectives(founding, [session("y", "2024-02-01", { structures: [] })], { year: 2024 }),
      "accompagnement-individuel"
    )
    expect(noStructure.excluded.map((e) => e.reason)).toEqual(["no-structure"])
  })

  it("judge each record with the terms of its day", () => {
    const amended = cpo((json) => {
      json.amendments = [
        {
          number: 1,
          signatureDate: "2024-06-01",
          effectiveDate: "2024-07-01",
          reason: "Secteur logement",
          changes: [{ kind: "sectors-added", sectors: ["logement"] }]
        }
      ]
      json.terms.objectives[1].indicator.filter.sectors.push("logement")
    })
    const records = [
      session("june", "2024-06-30", { sector: "logement" }),
      session("july", "2024-07-01", { sector: "logement" })
    ]
    const individual = result(evaluateObjectives(amended, records, { year: 2024 }), "accompagnement-individuel")
    expect([individual.counted, individual.excluded.map((e) => [e.id, e.reason])]).toEqual([
      ["july"],
      [["june", "sector-not-covered"]]
    ])
  })

  it("never mutate the records", () => {
    const copy = structuredClone(activities)
    evaluateObjectives(founding, activities, { year: 2024 })
    expect(activities).toEqual(copy)
  })
})

describe("the whole convention", () => {
  it("evaluates every year and sums up each objective", () => {
    const review = evaluateConventionObjectives(founding, [
      ...activities,
      parseActivity({ id: "2025-sdaf", date: "2025-05-13", kind: "reunion-instance", body: "sdaf" })
    ])
    expect(review.years.map((year) => year.year)).toEqual([2023, 2024, 2025])
    expect(review.objectives.map((o) => [o.objectiveId, o.met, o.notMet])).toEqual([
      ["suivi-coordonne", [2024], [2023, 2025]],
      ["accompagnement-individuel", [2024], [2023, 2025]],
      ["actions-collectives", [2024], [2023, 2025]],
      ["instances-partenariales", [2024, 2025], [2023]]
    ])
    expect(review.explanation.sentence).toBe("0 objectif sur 4 atteint chaque année terminée (2023, 2024 et 2025).")
    expect(review.explanation.outcome).toBe("fail")
  })

  it("is undecided while a year is in progress and none is missed, and met once every year is", () => {
    const twoYears = cpo((json) => (json.terms.period = { start: "2024-01-01", end: "2025-12-31" }))
    const midway = evaluateConventionObjectives(twoYears, activities, { asOf: "2024-06-30" })
    // On 30 June 2024 the objectives of 2024 are already met, and 2025 has not started.
    expect(midway.objectives.map((o) => [o.met, o.inProgress, o.notStarted])).toEqual(
      Array.from({ length: 4 }, () => [[2024], [], [2025]])
    )
    expect(midway.years[1]?.results.map((r) => r.status)).toEqual([
      "not-started",
      "not-started",
      "not-started",
      "not-started"
    ])
    expect([midway.asOf, midway.explanation.outcome, midway.explanation.sentence]).toEqual([
      "2024-06-30",
      "not-applicable",
      "Aucune année terminée au 30/06/2024 ; en cours : 2024 (4 objectifs sur 4 déjà atteints) ; pas encore commencée : 2025."
    ])
    const later = evaluateConventionObjectives(twoYears, activities, { asOf: "2025-03-01" })
    expect(later.explanation.sentence).toBe(
      "4 objectifs sur 4 atteints chaque année terminée (2024) au 01/03/2025 ; en cours : 2025 (0 objectif sur 4 déjà atteint)."
    )
    const oneYear = cpo((json) => (json.terms.period = { start: "2024-01-01", end: "2024-12-31" }))
    const done = evaluateConventionObjectives(oneYear, activities)
    expect([done.asOf, done.explanation.outcome]).toEqual([undefined, "pass"])
  })
})

describe("the second convention (Les Tilleuls, 2024–2026, terminated on 30/09/2025)", () => {
  const withDays = () =>
    evs((json) =>
      json.terms.objectives.push({
        id: "jours",
        title: "Au moins 5 jours d'ateliers",
        indicator: { kind: "sum-days", filter: { activityKinds: ["action-collective"] } },
        target: { atLeast: 5, atMost: 12 }
      })
    )
  const records = () => parseActivities(evsData("activities-2025.json"))

  it("words a range target « comprise entre », and a quantity below 2 in the singular", () => {
    const convention = withDays()
    const year = result(evaluateObjectives(convention, records(), { year: 2025 }), "jours")
    expect(year.explanation.sentence).toBe(
      "3,43 jours en 2025 pour une cible comprise entre 4 et 9 : objectif non atteint (86 %)."
    )
    const spring = result(evaluateObjectives(convention, records(), { year: 2025, asOf: "2025-05-01" }), "jours")
    expect(spring.explanation.sentence).toBe(
      "1,71 jour en 2025 pour une cible comprise entre 5 et 12 : en cours (34 %)."
    )
  })

  it("counts a 2025 copy as outside 2024, and as a copy in 2025 where its record counts", () => {
    const convention = withDays()
    const reasons = (year: number) =>
      result(evaluateObjectives(convention, records(), { year }), "ateliers").indicatorFacts.excluded
    expect(reasons(2024).map(({ reason }) => reason)).toEqual(["outside-year"])
    expect(reasons(2025).find(({ reason }) => reason === "duplicate-id")).toEqual({ reason: "duplicate-id", count: 1 })
  })
})
