/**
 * Given a list of records this library decoded, an evaluation counts what counts and finds the
 * records left out again, with their reasons, when a result's `excluded` is first read. What it
 * finds must be what a tally listing them as it reads would have listed (the records streamed,
 * or plain objects of the exact shape, are listed as read): the same JSON byte for byte, on a
 * convention unlike the founding one (a partial first year, an objective added by an amendment
 * during the year, a share, copies, records out of the year and after the day of the evaluation).
 */
import { describe, expect, it } from "vitest"
import {
  type Activity,
  ValidationError,
  encodeActivities,
  evaluateConventionObjectives,
  evaluateObjectives,
  parseActivities,
  parseConvention,
  resolveConvention
} from "caf-conventions"
import { DEFAULT_ELIGIBILITY_RULES } from "../../src/eligibility/catalogue.js"
import { Exclusions } from "../../src/objectives/measure.js"
import { YearTally, planYear } from "../../src/objectives/plan.js"
import { feedList } from "../../src/objectives/records.js"

const unit = { singular: "famille", plural: "familles" }

/** A parenting convention of 1 March 2025 – 31 December 2026, amended from 1 October 2025. */
const convention = parseConvention({
  id: "cpo-parents-2025-2026",
  title: "Convention pluriannuelle d'objectifs 2025-2026 (exemple inventé)",
  kind: "convention-pluriannuelle-objectifs",
  funderId: "caf-91",
  partnerId: "parents-essonne",
  signatureDate: "2025-02-10",
  terms: {
    period: { start: "2025-03-01", end: "2026-12-31" },
    territory: ["91"],
    sectors: ["parentalite", "jeunesse"],
    accompanimentKinds: ["collectif", "instances-partenariales"],
    amounts: { kind: "constant", yearlyAmount: "18000" },
    objectives: [
      {
        id: "ateliers",
        title: "Au moins 4 ateliers de parentalité par an",
        indicator: {
          kind: "aggregate",
          aggregate: "count",
          filter: { activityKinds: ["action-collective"], sectors: ["parentalite"] },
          unit: { singular: "atelier", plural: "ateliers" }
        },
        target: { atLeast: 4 }
      },
      {
        id: "familles-qpv",
        title: "Au moins un tiers des familles venues des quartiers prioritaires",
        indicator: {
          kind: "share",
          part: {
            kind: "aggregate",
            aggregate: "sum",
            field: "familles-qpv",
            filter: { activityKinds: ["action-collective"] },
            unit
          },
          whole: {
            kind: "aggregate",
            aggregate: "sum",
            field: "familles",
            filter: { activityKinds: ["action-collective"] },
            unit
          }
        },
        target: { atLeast: 0.33 }
      }
    ],
    clauses: ["objet", "montant", "modalites-versement", "conditions-utilisation", "controle-evaluation"]
  },
  amendments: [
    {
      number: 1,
      signatureDate: "2025-09-15",
      effectiveDate: "2025-10-01",
      reason: "L'association rejoint le Reaap (exemple inventé)",
      changes: [
        {
          kind: "objectives-added",
          objectives: [
            {
              id: "reunions-reaap",
              title: "Au moins 3 réunions du Reaap par an",
              indicator: { kind: "count-meetings", filter: { activityKinds: ["reunion-instance"], bodies: ["reaap"] } },
              target: { atLeast: 3 }
            }
          ]
        }
      ]
    }
  ]
})

const workshop = (id: string, date: string, sector: string, familles?: number, qpv?: number) => ({
  id,
  date,
  kind: "action-collective",
  sector,
  days: 0.5,
  ...(familles === undefined ? {} : { measures: { familles, "familles-qpv": qpv ?? 0 } })
})

/** Records out of order, with a copy, records before the period, before the amendment and after the day evaluated. */
const json = [
  workshop("at-07", "2025-11-19", "parentalite", 10, 4),
  { id: "re-01", date: "2025-06-12", kind: "reunion-instance", sector: "parentalite", body: "reaap" },
  workshop("at-01", "2025-02-12", "parentalite", 9, 3),
  workshop("at-03", "2025-04-09", "parentalite", 12, 3),
  { id: "re-02", date: "2025-10-09", kind: "reunion-instance", sector: "parentalite", body: "reaap" },
  workshop("at-04", "2025-05-14", "jeunesse", 8, 5),
  workshop("at-05", "2025-06-25", "parentalite"),
  { id: "re-03", date: "2025-11-06", kind: "reunion-instance", sector: "parentalite", body: "sdaf" },
  workshop("at-06", "2025-09-17", "parentalite", 6, 2),
  { id: "re-04", date: "2025-12-04", kind: "reunion-instance", sector: "parentalite", body: "reaap" },
  workshop("at-03", "2025-04-09", "parentalite", 12, 3),
  workshop("at-08", "2026-01-21", "parentalite", 7, 1)
]

const decoded = (): ReadonlyArray<Activity> => parseActivities(json)

function* oneByOne<T>(list: ReadonlyArray<T>): Generator<T> {
  yield* list
}

const cases = [{ year: 2025 }, { year: 2025, asOf: "2025-11-30" }, { year: 2026 }, { year: 2024 }] as const

describe("records left out, found again when read", () => {
  it("read the same, byte for byte, as records listed as they are read", () => {
    for (const options of cases) {
      const kept = JSON.stringify(evaluateObjectives(convention, decoded(), options))
      expect(kept).toBe(JSON.stringify(evaluateObjectives(convention, oneByOne(decoded()), options)))
      // Plain objects of the exact shape (as encodeActivities gives them back) are listed as read too.
      expect(kept).toBe(JSON.stringify(evaluateObjectives(convention, encodeActivities(decoded()), options)))
    }
    const whole = JSON.stringify(evaluateConventionObjectives(convention, decoded(), { asOf: "2025-11-30" }))
    expect(whole).toBe(
      JSON.stringify(evaluateConventionObjectives(convention, oneByOne(decoded()), { asOf: "2025-11-30" }))
    )
  })

  it("give every record left out its reason, the copy, the days before the period and before the amendment", () => {
    const evaluation = evaluateObjectives(convention, decoded(), { year: 2025, asOf: "2025-11-30" })
    const [ateliers, qpv, reaap] = evaluation.results
    // Read the last objective first: each result finds its own records, whichever is read first.
    expect(reaap?.excluded.map((entry) => [entry.id, entry.reason, entry.detail])).toEqual([
      ["at-01", "outside-year", "daté du 12/02/2025, hors de la période 01/03/2025 – 31/12/2025"],
      [
        "at-03",
        "objective-not-in-force",
        "daté du 09/04/2025, avant l'ajout de l'objectif par l'avenant n° 1 à partir du 01/10/2025"
      ],
      // The copy of a record this objective leaves out is left out for the record's own reason.
      [
        "at-03",
        "objective-not-in-force",
        "daté du 09/04/2025, avant l'ajout de l'objectif par l'avenant n° 1 à partir du 01/10/2025"
      ],
      [
        "at-04",
        "objective-not-in-force",
        "daté du 14/05/2025, avant l'ajout de l'objectif par l'avenant n° 1 à partir du 01/10/2025"
      ],
      [
        "at-05",
        "objective-not-in-force",
        "daté du 25/06/2025, avant l'ajout de l'objectif par l'avenant n° 1 à partir du 01/10/2025"
      ],
      [
        "at-06",
        "objective-not-in-force",
        "daté du 17/09/2025, avant l'ajout de l'objectif par l'avenant n° 1 à partir du 01/10/2025"
      ],
      [
        "at-07",
        "other-kind",
        "Action collective ou journée de formation : type d'activité que l'indicateur ne compte pas"
      ],
      ["at-08", "outside-year", "daté du 21/01/2026, hors de la période 01/03/2025 – 31/12/2025"],
      [
        "re-01",
        "objective-not-in-force",
        "daté du 12/06/2025, avant l'ajout de l'objectif par l'avenant n° 1 à partir du 01/10/2025"
      ],
      ["re-03", "other-body", "instance sdaf, l'objectif vise reaap"],
      ["re-04", "after-as-of", "daté du 04/12/2025, après le 30/11/2025"]
    ])
    expect(reaap?.counted).toEqual(["re-02"])
    expect(ateliers?.counted).toEqual(["at-03", "at-05", "at-06", "at-07"])
    expect(ateliers?.excluded.map((entry) => [entry.id, entry.reason])).toEqual([
      ["at-01", "outside-year"],
      ["at-03", "duplicate-id"],
      ["at-04", "sector-not-targeted"],
      ["at-08", "outside-year"],
      ["re-01", "other-kind"],
      ["re-02", "other-kind"],
      ["re-03", "other-kind"],
      ["re-04", "after-as-of"]
    ])
    // 3 + 5 + 2 + 4 = 14 families from priority areas out of 12 + 8 + 6 + 10 = 36; the workshop of 25 June gives none.
    expect(qpv?.value).toEqual({ numerator: 7, denominator: 18 })
    expect(qpv?.share).toEqual({ part: { numerator: 14, denominator: 1 }, whole: { numerator: 36, denominator: 1 } })
    expect(qpv?.excluded.map((entry) => [entry.id, entry.reason])).toEqual([
      ["at-01", "outside-year"],
      ["at-03", "duplicate-id"],
      ["at-05", "no-measure"],
      ["at-08", "outside-year"],
      ["re-01", "other-kind"],
      ["re-02", "other-kind"],
      ["re-03", "other-kind"],
      ["re-04", "after-as-of"]
    ])
    expect(qpv?.indicatorFacts.excluded).toEqual([
      { reason: "outside-year", count: 2 },
      { reason: "no-measure", count: 1 },
      { reason: "other-kind", count: 3 },
      { reason: "after-as-of", count: 1 },
      { reason: "duplicate-id", count: 1 }
    ])
  })

  it("count in a share's part only the records its whole counts: never more than the whole", () => {
    // A workshop that gives the families from priority areas but not the families in all.
    const partOnly = { ...workshop("at-09", "2025-08-20", "parentalite"), measures: { "familles-qpv": 5 } }
    for (const listed of [parseActivities([...json, partOnly]), oneByOne(parseActivities([...json, partOnly]))]) {
      const qpv = evaluateObjectives(convention, listed, { year: 2025 }).results[1]
      expect(qpv?.share).toEqual({ part: { numerator: 14, denominator: 1 }, whole: { numerator: 36, denominator: 1 } })
      expect(qpv?.value).toEqual({ numerator: 7, denominator: 18 })
      expect(qpv?.excluded.find((entry) => entry.id === "at-09")?.reason).toBe("no-measure")
    }
  })

  it("keep the list read the first time: the same objects when read again, frozen", () => {
    const [ateliers] = evaluateObjectives(convention, decoded(), { year: 2025 }).results
    const first = ateliers?.excluded
    expect(ateliers?.excluded).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(Object.isFrozen(first?.[0])).toBe(true)
  })

  it('are listed as read with exclusions: "as-read", with the same JSON', () => {
    for (const options of cases) {
      const whenRead = JSON.stringify(evaluateObjectives(convention, decoded(), options))
      expect(JSON.stringify(evaluateObjectives(convention, decoded(), { ...options, exclusions: "as-read" }))).toBe(
        whenRead
      )
    }
    expect(
      JSON.stringify(evaluateConventionObjectives(convention, decoded(), { asOf: "2025-11-30", exclusions: "as-read" }))
    ).toBe(JSON.stringify(evaluateConventionObjectives(convention, decoded(), { asOf: "2025-11-30" })))
    // What each way holds before the lists are read: the reasons themselves, or only how many.
    const plan = planYear(resolveConvention(convention), 2025, undefined, DEFAULT_ELIGIBILITY_RULES)
    const asRead = new YearTally(plan, true)
    const whenRead = new YearTally(plan)
    feedList(decoded(), [asRead, whenRead])
    expect(asRead.measures().map((measure) => measure.excluded instanceof Exclusions)).toEqual([true, true, true])
    expect(whenRead.measures().map((measure) => measure.excluded instanceof Exclusions)).toEqual([false, false, false])
    expect(whenRead.measures().map((measure) => measure.excluded.count)).toEqual([8, 8, 10])
  })

  it("refuse another value of exclusions, at its path", () => {
    const call = () =>
      evaluateObjectives(convention, decoded(), { year: 2025, exclusions: "later" as unknown as "as-read" })
    expect(call).toThrow(ValidationError)
    try {
      call()
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        {
          path: ["exclusions"],
          message: '"later" is not an accepted code here; accepted codes: when-read, as-read',
          code: "enum",
          found: '"later"',
          expected: 'one of "when-read", "as-read"',
          messages: {
            fr: "« later » n'est pas un code accepté ici ; codes acceptés : when-read, as-read",
            en: '"later" is not an accepted code here; accepted codes: when-read, as-read'
          }
        }
      ])
    }
    // Every problem of the options at once, each in both languages.
    try {
      evaluateObjectives(convention, decoded(), {
        year: "2025" as unknown as number,
        asOf: "2025-13-01",
        exclusions: "later" as unknown as "as-read"
      })
      expect.unreachable()
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => [issue.path, issue.code, issue.messages?.fr])).toEqual([
        [["year"], "range", 'attendu : une année entre 1000 et 9999 ; trouvé : "2025"'],
        [["asOf"], "date", "2025-13-01 n'est pas une date : il n'y a pas de mois 13"],
        [["exclusions"], "enum", "« later » n'est pas un code accepté ici ; codes acceptés : when-read, as-read"]
      ])
    }
    // The nearest code is suggested, as for a code in a document.
    expect(() =>
      evaluateConventionObjectives(convention, decoded(), { exclusions: "As-Read" as unknown as "as-read" })
    ).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ suggestions: ["as-read"] })] }))
  })
})
