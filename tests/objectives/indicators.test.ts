import { beforeEach, describe, expect, it } from "vitest"
import {
  type Activity,
  type BaseIndicator,
  type Convention,
  ValidationError,
  annualReport,
  defineIndicator,
  evaluateObjectives,
  indicatorDefinition,
  parseActivities,
  parseConvention,
  parsePortfolio,
  renderReportMarkdown
} from "caf-conventions"
import { cli } from "../cli/run.js"
import { exampleData } from "../fixtures.js"

/** The centre social of examples/data/centre-social.json and its 2024 records (illustrative). */
function centreSocial(change: (json: Record<string, any>) => void = () => {}): {
  readonly convention: Convention
  readonly json: Record<string, any>
} {
  const json = exampleData("centre-social.json").conventions[0]
  change(json)
  return { convention: parseConvention(json), json }
}

const plain = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

describe("indicators written in the convention", () => {
  let activities: ReadonlyArray<Activity>
  beforeEach(() => {
    activities = parseActivities(exampleData("centre-social-activities.json"))
  })

  it("add up the families the records give: 12 + 15 + 18 = 45, met; a record without the figure is left out with its reason", () => {
    const { convention } = centreSocial()
    const [families, workshops] = evaluateObjectives(convention, activities, { year: 2024 }).results
    expect([families?.value, families?.status, families?.counted, families?.excluded]).toEqual([
      { numerator: 45, denominator: 1 },
      "met",
      ["cs-2024-atelier-01", "cs-2024-atelier-02", "cs-2024-atelier-03"],
      [{ id: "cs-2024-atelier-04", reason: "no-measure", detail: "« familles » non renseigné" }]
    ])
    expect(plain(families?.explanation.sentence ?? "")).toBe(
      "45 familles en 2024 pour une cible d'au moins 40 : objectif atteint (113 %)."
    )
    expect([workshops?.value.numerator, workshops?.status, plain(workshops?.explanation.sentence ?? "")]).toEqual([
      4,
      "not-met",
      "4 ateliers en 2024 pour une cible d'au moins 10 : objectif non atteint (40 %)."
    ])
  })

  it("give the same result when the indicator is defined in code", () => {
    const { json } = centreSocial()
    const inCode = defineIndicator({
      kind: "aggregate",
      aggregate: "sum",
      field: "familles",
      filter: { activityKinds: ["action-collective"] },
      unit: { singular: "famille", plural: "familles" }
    })
    expect(inCode).toEqual({
      kind: "aggregate",
      aggregate: "sum",
      field: "familles",
      filter: { activityKinds: ["action-collective"] },
      unit: { singular: "famille", plural: "familles" },
      eligibleOnly: true,
      hoursPerDay: 7
    })
    const fromJson = evaluateObjectives(parseConvention(json), activities, { year: 2024 }).results[0]
    const decoded = parseConvention(json)
    const built: Convention = {
      ...decoded,
      terms: { ...decoded.terms, objectives: [{ ...decoded.terms.objectives[0]!, indicator: inCode }] }
    }
    const fromCode = evaluateObjectives(built, activities, { year: 2024 }).results[0]
    expect(fromCode).toEqual(fromJson)
  })

  it("measure a share of one indicator in another: 29 families of 45 in a priority district, 64,4 %, met at 60 %", () => {
    const { convention } = centreSocial()
    const qpv = evaluateObjectives(convention, activities, { year: 2024 }).results[2]
    // 8 + 9 + 12 = 29 over 12 + 15 + 18 = 45: exactly 29/45, compared with 0,6 without rounding.
    expect([qpv?.value, qpv?.share, qpv?.status]).toEqual([
      { numerator: 29, denominator: 45 },
      { part: { numerator: 29, denominator: 1 }, whole: { numerator: 45, denominator: 1 } },
      "met"
    ])
    expect(plain(qpv?.explanation.sentence ?? "")).toBe(
      "64,4 % (29 familles sur 45 familles) en 2024 pour une cible d'au moins 60 % : objectif atteint (107 %)."
    )
    const families = { singular: "famille", plural: "familles" }
    expect(qpv?.indicatorFacts).toEqual({
      counted: 3,
      excluded: [{ reason: "no-measure", count: 1 }],
      value: {
        kind: "share",
        value: { numerator: 29, denominator: 45 },
        part: { unit: families, value: { numerator: 29, denominator: 1 } },
        whole: { unit: families, value: { numerator: 45, denominator: 1 } }
      }
    })
    // A share is never prorated, and its target is a proportion.
    const partial = centreSocial((json) => (json.terms.period = { start: "2024-07-01", end: "2026-12-31" })).convention
    expect(evaluateObjectives(partial, activities, { year: 2024 }).results[2]?.target).toEqual({ atLeast: 0.6 })
    expect(() => centreSocial((json) => (json.terms.objectives[2].target = { atLeast: 60 }))).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            path: ["terms", "objectives", 2, "target"],
            message: "the target of a share is a proportion between 0 and 1, such as 0.6 for 60 %"
          })
        ]
      })
    )
    expect(() =>
      centreSocial(
        (json) =>
          (json.amendments = [
            {
              number: 1,
              signatureDate: "2024-06-01",
              effectiveDate: "2024-07-01",
              reason: "Cible",
              changes: [{ kind: "target", objectiveId: "familles-qpv", target: { atLeast: 70 } }]
            }
          ])
      )
    ).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            path: ["amendments", 0, "changes", 0, "target"],
            message: "the target of a share is a proportion between 0 and 1, such as 0.6 for 60 %"
          })
        ]
      })
    )
    const portfolio = parsePortfolio(exampleData("centre-social.json"))
    const report = annualReport(portfolio.conventions[0]!, { year: 2024, activities, payments: [], expenses: [] })
    expect(plain(renderReportMarkdown(report))).toContain(
      "| Au moins 60 % des familles accompagnées habitant un quartier prioritaire | 64,4 % | ≥ 60 % | atteint | 107,4 % |"
    )
    // The report's indicator line, written from the result's facts.
    expect(plain(renderReportMarkdown(report))).toContain(
      "- Au moins 60 % des familles accompagnées habitant un quartier prioritaire : 3 enregistrements retenus ; écartés : mesure non renseignée (1) → 64,4 % (29 familles sur 45 familles)."
    )
  })

  it("count distinct families across records (32), sum participants (61), or count the hours", () => {
    const { convention } = centreSocial((json) => {
      json.terms.objectives = [
        {
          id: "distinctes",
          title: "Au moins 30 familles différentes",
          indicator: {
            kind: "aggregate",
            aggregate: "distinct",
            field: "familles",
            filter: { activityKinds: ["action-collective"] },
            unit: { singular: "famille", plural: "familles" }
          },
          target: { atLeast: 30 }
        },
        {
          id: "participants",
          title: "Au moins 60 participants",
          indicator: {
            kind: "aggregate",
            aggregate: "sum",
            field: "participants",
            filter: { activityKinds: ["action-collective"] },
            unit: { singular: "participant", plural: "participants" }
          },
          target: { atLeast: 60 }
        },
        {
          id: "jours",
          title: "Au moins 2 jours d'ateliers de parentalité",
          indicator: {
            kind: "aggregate",
            aggregate: "sum",
            field: "days",
            filter: { activityKinds: ["action-collective"], sectors: ["parentalite"] },
            unit: { singular: "jour", plural: "jours" }
          },
          target: { atLeast: 2 }
        }
      ]
    })
    const results = evaluateObjectives(convention, activities, { year: 2024 }).results
    expect(
      results.map((r) => [
        r.objectiveId,
        r.value.numerator,
        r.value.denominator,
        r.status,
        r.excluded.map((e) => e.reason)
      ])
    ).toEqual([
      ["distinctes", 32, 1, "met", ["no-measure"]],
      ["participants", 61, 1, "met", []],
      // 0,5 + 0,5 day of parentalité; the two others are in another sector.
      ["jours", 1, 1, "not-met", ["sector-not-targeted", "sector-not-targeted"]]
    ])
  })

  it("filter on the kind of support and on the départements of the structures", () => {
    const founding = parsePortfolio(exampleData("portfolio.json")).conventions[2]!
    const records = parseActivities(exampleData("activities.json"))
    const objective = (filter: Record<string, unknown>) => ({
      id: "o",
      title: "Structures",
      indicator: {
        kind: "aggregate",
        aggregate: "distinct",
        field: "structures",
        filter,
        unit: { singular: "structure", plural: "structures" }
      },
      target: { atLeast: 1 }
    })
    const json = exampleData("portfolio.json").conventions[2]
    json.terms.objectives = [
      objective({ activityKinds: ["accompagnement-individuel", "diagnostic"], departements: ["77"] }),
      objective({ activityKinds: ["accompagnement-individuel", "diagnostic"], accompanimentKinds: ["collectif"] })
    ]
    json.terms.objectives[1].id = "p"
    const [essonneOnly, collective] = evaluateObjectives(parseConvention(json), records, { year: 2024 }).results
    // The founding structures are all in the Essonne (91): none is in Seine-et-Marne (77).
    expect(essonneOnly?.value.numerator).toBe(0)
    expect(new Set(essonneOnly?.excluded.map((e) => e.reason))).toContain("territory-not-targeted")
    expect(collective?.counted).toEqual([])
    // The named kind and its aggregate give the same structures.
    const named = evaluateObjectives(founding, records, { year: 2024 }).results.find(
      (r) => r.objectiveId === "accompagnement-individuel"
    )
    const indicator = founding.terms.objectives.find((o) => o.id === "accompagnement-individuel")!.indicator
    expect(indicatorDefinition(indicator as BaseIndicator)).toMatchObject({
      aggregate: "distinct",
      field: "structures",
      eligibleOnly: true
    })
    expect(named?.structures.length).toBeGreaterThan(0)
  })

  it("are refused with their path when they cannot be read", () => {
    const bad = (indicator: Record<string, unknown>) => () =>
      centreSocial(
        (json) =>
          (json.terms.objectives[0].indicator = {
            filter: { activityKinds: ["action-collective"] },
            unit: { singular: "x", plural: "x" },
            kind: "aggregate",
            ...indicator
          })
      )
    const path = ["terms", "objectives", 0, "indicator", "field"]
    expect(bad({ aggregate: "count", field: "familles" })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path, message: "a count of records reads no field" })]
      })
    )
    expect(bad({ aggregate: "sum" })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path, message: "a sum needs the field it reads" })]
      })
    )
    expect(bad({ aggregate: "sum", field: "structures" })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path, message: 'structures are counted with "distinct", not added up' })]
      })
    )
    expect(bad({ aggregate: "distinct", field: "Familles" })).toThrow(ValidationError)
    expect(bad({ aggregate: "average", field: "familles" })).toThrow(ValidationError)
    expect(() =>
      defineIndicator({
        kind: "aggregate",
        aggregate: "sum",
        filter: { activityKinds: ["action-collective"] },
        unit: { singular: "x", plural: "x" }
      })
    ).toThrow(
      expect.objectContaining({
        subject: "indicator",
        issues: [expect.objectContaining({ path: ["field"], message: "a sum needs the field it reads" })]
      })
    )
    expect(() =>
      parseActivities([{ id: "a", date: "2024-01-01", kind: "action-collective", measures: { familles: -1 } }])
    ).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: [0, "measures", "familles"] })] }))
  })

  it("read the same in the yearly report and the command line", () => {
    const portfolio = parsePortfolio(exampleData("centre-social.json"))
    const report = annualReport(portfolio.conventions[0]!, {
      year: 2024,
      activities: parseActivities(exampleData("centre-social-activities.json")),
      payments: [],
      expenses: [],
      partners: portfolio.partners
    })
    expect(plain(renderReportMarkdown(report))).toContain(
      "| Accompagner au moins 40 familles par an | 45 | ≥ 40 | atteint | 112,5 % |"
    )
    const run = cli(
      "report",
      "examples/data/centre-social.json",
      "--year",
      "2024",
      "--activities",
      "examples/data/centre-social-activities.json",
      "--format",
      "md"
    )
    expect([
      run.code,
      plain(run.out).includes("| Accompagner au moins 40 familles par an | 45 | ≥ 40 | atteint | 112,5 % |")
    ]).toEqual([0, true])
  })
})
