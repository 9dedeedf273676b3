/**
 * A convention's own consistency (dates, amendments, termination) at each boundary, and the terms
 * its amendments give on each date.
 */
import { describe, expect, it } from "vitest"
import {
  MonthDaySchema,
  TargetSchema,
  effectivePeriod,
  finalTerms,
  makeCodec,
  parseCalendarDate,
  safeParseConvention,
  termsAsOf,
  termsTimeline,
  yearAmounts
} from "caf-conventions"
import { cpo, cpoJson, problems } from "../fixtures.js"

const d = parseCalendarDate
const amendment = (number: number, effectiveDate: string, changes: ReadonlyArray<Record<string, unknown>>) => ({
  number,
  signatureDate: "2023-06-01",
  effectiveDate,
  reason: "Avenant",
  changes
})
/** The problems of the founding convention once `change` is applied to its JSON. */
const issues = (change: (json: Record<string, any>) => void) => {
  const json = cpoJson()
  change(json)
  return problems(safeParseConvention(json))
}

describe("the convention's own dates", () => {
  it("refuse a notification of a draft, and one before the signature, not one on the day of signature", () => {
    expect(issues((json) => ((json.notificationDate = "2023-01-05"), delete json.signatureDate))).toEqual([
      "notificationDate: a draft (no signatureDate) cannot have been notified"
    ])
    expect(issues((json) => (json.notificationDate = "2022-12-31"))).toEqual([
      "notificationDate: the notification 2022-12-31 is before the signature 2023-01-01"
    ])
    expect(issues((json) => (json.notificationDate = "2023-01-01"))).toEqual([])
  })

  it("accept per-year targets inside the period and refuse them outside it", () => {
    expect(
      issues((json) => (json.terms.objectives[1].targetsByYear = { "2023": { atLeast: 2 }, "2025": { atLeast: 4 } }))
    ).toEqual([])
    expect(issues((json) => (json.terms.objectives[1].targetsByYear = { "2026": { atLeast: 4 } }))).toEqual([
      "terms.objectives.1.targetsByYear.2026: the year 2026 is outside the period 2023-01-01..2025-12-31"
    ])
  })
})

describe("amendments", () => {
  it("take effect from the first to the last day of the period, not outside it", () => {
    const at = (date: string) =>
      issues((json) => (json.amendments = [amendment(1, date, [{ kind: "sectors-added", sectors: ["logement"] }])]))
    expect([at("2023-01-01"), at("2025-12-31")]).toEqual([[], []])
    expect(at("2022-12-31")).toEqual([
      "amendments.0.effectiveDate: the amendment takes effect 2022-12-31, outside the period 2023-01-01..2025-12-31"
    ])
    expect(at("2026-01-01")).toEqual([
      "amendments.0.effectiveDate: the amendment takes effect 2026-01-01, outside the period 2023-01-01..2025-12-31"
    ])
  })

  it("do not take effect after an earlier amendment ended the period", () => {
    const shortening = amendment(1, "2024-03-01", [{ kind: "period-end", end: "2024-06-30" }])
    const later = (effectiveDate: string) =>
      amendment(2, effectiveDate, [{ kind: "sectors-added", sectors: ["logement"] }])
    expect(issues((json) => (json.amendments = [shortening, later("2024-06-30")]))).toEqual([])
    expect(issues((json) => (json.amendments = [shortening, later("2024-09-01")]))).toEqual([
      "amendments.1.effectiveDate: the amendment takes effect 2024-09-01, outside the period 2023-01-01..2024-06-30"
    ])
    // Even when it would extend the period again: the convention had ended.
    const revival = amendment(2, "2024-09-01", [{ kind: "period-end", end: "2025-12-31" }])
    expect(issues((json) => (json.amendments = [shortening, revival]))).toEqual([
      "amendments.1.effectiveDate: the amendment takes effect 2024-09-01, outside the period 2023-01-01..2024-06-30"
    ])
  })

  it("may take effect during an extension agreed by an earlier amendment, not after it", () => {
    const extension = amendment(1, "2025-06-01", [{ kind: "period-end", end: "2026-06-30" }])
    const raise = (effectiveDate: string) => ({
      ...amendment(2, effectiveDate, [{ kind: "yearly-amount", yearlyAmount: "36000" }]),
      signatureDate: "2026-02-15"
    })
    expect(issues((json) => (json.amendments = [extension, raise("2026-03-01")]))).toEqual([])
    expect(issues((json) => (json.amendments = [extension, raise("2026-07-01")]))).toEqual([
      "amendments.1.effectiveDate: the amendment takes effect 2026-07-01, outside the period 2023-01-01..2026-06-30"
    ])
    // Whatever the order in the file; but an extension that takes effect later covers nothing before it.
    expect(
      issues(
        (json) =>
          (json.amendments = [
            raise("2026-03-01"),
            amendment(3, "2025-11-01", [{ kind: "sectors-added", sectors: ["logement"] }]),
            extension
          ])
      )
    ).toEqual([])
    expect(
      issues(
        (json) => (json.amendments = [raise("2026-03-01"), { ...extension, effectiveDate: "2026-04-01", number: 3 }])
      )
    ).toEqual([
      "amendments.0.effectiveDate: the amendment takes effect 2026-03-01, outside the period 2023-01-01..2025-12-31",
      "amendments.1.effectiveDate: the amendment takes effect 2026-04-01, outside the period 2023-01-01..2025-12-31"
    ])
    const amended = cpo((json) => (json.amendments = [extension, raise("2026-03-01")]))
    expect(
      termsTimeline(amended).map((segment) => [
        segment.period.start,
        segment.period.end,
        segment.applied.map((applied) => applied.number)
      ])
    ).toEqual([
      ["2023-01-01", "2025-05-31", []],
      ["2025-06-01", "2026-02-28", [1]],
      ["2026-03-01", "2026-06-30", [1, 2]]
    ])
    // 2026: 30 000 € × 59/365 + 36 000 € × 122/365 = 4 849,315… + 12 032,876… = 16 882,19 € (rounded once).
    expect(yearAmounts(amended).map((year) => [year.year, year.amount.toString()])).toEqual([
      [2023, "30000.00"],
      [2024, "30000.00"],
      [2025, "30000.00"],
      [2026, "16882.19"]
    ])
  })

  it("change at least one term, of a kind the convention's amounts allow, and end the period after its start", () => {
    expect(issues((json) => (json.amendments = [amendment(1, "2024-01-01", [])]))).toEqual([
      "amendments.0.changes: an amendment changes at least one term"
    ])
    expect(
      issues((json) => {
        json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000", "2024": "30000", "2025": "30000" } }
        json.amendments = [
          amendment(1, "2024-01-01", [
            { kind: "yearly-amount", yearlyAmount: "36000" },
            { kind: "year-amount", year: 2024, amount: "36000" }
          ])
        ]
      })
    ).toEqual([
      "amendments.0.changes.0: a yearly-amount change needs a convention with a constant yearly amount (use year-amount)"
    ])
    expect(
      issues((json) => (json.amendments = [amendment(1, "2024-01-01", [{ kind: "period-end", end: "2022-12-31" }])]))
    ).toEqual(["amendments.0.changes.0.end: the new end 2022-12-31 is before the start 2023-01-01"])
    // Ending on the first day is a one-day period: allowed.
    expect(
      issues((json) => (json.amendments = [amendment(1, "2023-01-01", [{ kind: "period-end", end: "2023-01-01" }])]))
    ).toEqual([])
  })

  it("sets a year's amount or target only for a year of the period, its extensions counted", () => {
    const perYear = (changes: ReadonlyArray<Record<string, unknown>>) =>
      issues((json) => {
        json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000", "2024": "30000", "2025": "30000" } }
        json.amendments = [amendment(1, "2024-07-01", changes)]
      })
    expect(perYear([{ kind: "year-amount", year: 2028, amount: "30000" }])).toEqual([
      "amendments.0.changes.0.year: the year 2028 is outside the period 2023-01-01..2025-12-31"
    ])
    expect(perYear([{ kind: "target", objectiveId: "suivi-coordonne", year: 2022, target: { atLeast: 2 } }])).toEqual([
      "amendments.0.changes.0.year: the year 2022 is outside the period 2023-01-01..2025-12-31"
    ])
    // Extended to the end of 2026 by the same amendment: 2026 is a year of the period.
    expect(
      perYear([
        { kind: "period-end", end: "2026-12-31" },
        { kind: "year-amount", year: 2026, amount: "30000" }
      ])
    ).toEqual([])
    // And in French, as the conseiller reads it.
    const json = cpoJson()
    json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000", "2024": "30000", "2025": "30000" } }
    json.amendments = [amendment(1, "2024-07-01", [{ kind: "year-amount", year: 2028, amount: "30000" }])]
    const result = safeParseConvention(json)
    expect(result.success ? undefined : result.error.issues[0]?.messages?.fr).toBe(
      "l'année 2028 est hors de la période de la convention (du 01/01/2023 au 31/12/2025)"
    )
  })

  it("cannot change one term twice on one date, whichever the kind of term", () => {
    const twice = (first: Record<string, unknown>, second: Record<string, unknown>) =>
      issues((json) => {
        json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000", "2024": "30000", "2025": "30000" } }
        json.amendments = [amendment(1, "2024-07-01", [first]), amendment(2, "2024-07-01", [second])]
      })
    const clash = (term: string) => [
      `amendments.1.changes.0: amendment n° 1 already changes the ${term} on 2024-07-01: two changes of one term on one date contradict each other`
    ]
    expect(
      twice({ kind: "year-amount", year: 2024, amount: "1" }, { kind: "year-amount", year: 2024, amount: "2" })
    ).toEqual(clash("amount of 2024"))
    expect(
      twice({ kind: "year-amount", year: 2024, amount: "1" }, { kind: "year-amount", year: 2025, amount: "2" })
    ).toEqual([])
    expect(twice({ kind: "period-end", end: "2026-06-30" }, { kind: "period-end", end: "2026-12-31" })).toEqual(
      clash("end of the period")
    )
    expect(
      twice(
        { kind: "sectors-added", sectors: ["logement", "handicap"] },
        { kind: "sectors-removed", sectors: ["handicap"] }
      )
    ).toEqual(clash("sector handicap"))
    expect(
      twice({ kind: "sectors-added", sectors: ["logement"] }, { kind: "sectors-removed", sectors: ["jeunesse"] })
    ).toEqual([])
    expect(
      twice(
        { kind: "accompaniment-kinds-added", accompanimentKinds: ["appui-technique"] },
        { kind: "accompaniment-kinds-removed", accompanimentKinds: ["appui-technique"] }
      )
    ).toEqual(clash("accompaniment kind appui-technique"))
    const target = (year?: number) => ({
      kind: "target",
      objectiveId: "accompagnement-individuel",
      target: { atLeast: 4 },
      ...(year === undefined ? {} : { year })
    })
    expect(twice(target(), target())).toEqual(clash("target of accompagnement-individuel"))
    expect(twice(target(2024), target(2024))).toEqual(clash("target of accompagnement-individuel in 2024"))
    expect(twice(target(), target(2024))).toEqual([])
    expect(twice(target(2024), target(2025))).toEqual([])
  })
})

describe("an early termination", () => {
  const ended = (date: string, amendments: ReadonlyArray<unknown> = []) =>
    issues((json) => {
      json.termination = { date, reason: "Résiliation", requestedBy: "caf" }
      json.amendments = amendments
    })

  it("falls on a day of the period, as extended by its amendments", () => {
    expect([ended("2023-01-01"), ended("2025-12-31")]).toEqual([[], []])
    expect(ended("2022-12-31")).toEqual([
      "termination.date: the termination date 2022-12-31 is outside the period 2023-01-01..2025-12-31"
    ])
    expect(ended("2026-03-31")).toEqual([
      "termination.date: the termination date 2026-03-31 is outside the period 2023-01-01..2025-12-31"
    ])
    const extended = [
      amendment(1, "2025-06-01", [{ kind: "period-end", end: "2026-06-30" }]),
      amendment(2, "2025-07-01", [{ kind: "period-end", end: "2026-03-31" }])
    ]
    expect(ended("2026-06-30", extended)).toEqual([])
    expect(ended("2026-07-01", extended)).toEqual([
      "termination.date: the termination date 2026-07-01 is outside the period 2023-01-01..2026-06-30"
    ])
  })

  it("on the last day of the period leaves the convention not terminated", () => {
    const lastDay = cpo(
      (json) => (json.termination = { date: "2025-12-31", reason: "Résiliation", requestedBy: "caf" })
    )
    expect(termsAsOf(lastDay, d("2024-01-01")).terminated).toBe(false)
    const dayBefore = cpo(
      (json) => (json.termination = { date: "2025-12-30", reason: "Résiliation", requestedBy: "caf" })
    )
    expect(termsAsOf(dayBefore, d("2024-01-01")).terminated).toBe(true)
    expect(effectivePeriod(dayBefore)).toEqual({ start: "2023-01-01", end: "2025-12-30" })
  })
})

describe("terms as amended", () => {
  it("add a sector or a kind of support once, even when the amendment repeats one already there", () => {
    const amended = cpo(
      (json) =>
        (json.amendments = [
          amendment(1, "2024-01-01", [
            { kind: "sectors-added", sectors: ["jeunesse", "logement"] },
            { kind: "accompaniment-kinds-added", accompanimentKinds: ["individuel", "appui-technique"] }
          ])
        ])
    )
    const terms = termsAsOf(amended, d("2024-01-01")).terms
    expect(terms.sectors).toEqual([
      "petite-enfance",
      "enfance",
      "jeunesse",
      "parentalite",
      "animation-vie-sociale",
      "logement"
    ])
    expect(terms.accompanimentKinds).toEqual([
      "individuel",
      "collectif",
      "instances-partenariales",
      "coordination-caf",
      "appui-technique"
    ])
  })

  it("replace a target for every year, or add one for a single year", () => {
    const amended = cpo(
      (json) =>
        (json.amendments = [
          amendment(1, "2024-01-01", [
            { kind: "target", objectiveId: "accompagnement-individuel", target: { atLeast: 5 } }
          ]),
          amendment(2, "2024-01-01", [
            { kind: "target", objectiveId: "actions-collectives", year: 2025, target: { atLeast: 2 } }
          ])
        ])
    )
    const objectives = termsAsOf(amended, d("2024-01-01")).terms.objectives
    const individual = objectives.find((objective) => objective.id === "accompagnement-individuel")
    const collective = objectives.find((objective) => objective.id === "actions-collectives")
    expect([individual?.target, individual?.targetsByYear]).toEqual([{ atLeast: 5 }, undefined])
    expect([collective?.target, collective?.targetsByYear]).toEqual([{ atLeast: 1 }, { "2025": { atLeast: 2 } }])
    // The other objectives are the same objects as in the text.
    expect(objectives[0]).toBe(amended.terms.objectives[0])
  })

  it("apply amendments of one date in the order of their numbers, whatever their order in the file", () => {
    const amended = cpo(
      (json) =>
        (json.amendments = [
          amendment(3, "2024-07-01", [{ kind: "sectors-added", sectors: ["handicap"] }]),
          amendment(1, "2024-01-01", [{ kind: "sectors-added", sectors: ["logement"] }]),
          amendment(2, "2024-07-01", [{ kind: "sectors-added", sectors: ["acces-aux-droits"] }])
        ])
    )
    const asOf = termsAsOf(amended, d("2024-07-01"))
    expect(asOf.applied.map((applied) => applied.number)).toEqual([1, 2, 3])
    expect(asOf.terms.sectors.slice(-3)).toEqual(["logement", "acces-aux-droits", "handicap"])
    expect(termsAsOf(amended, d("2024-06-30")).applied.map((applied) => applied.number)).toEqual([1])
    expect(
      termsTimeline(amended).map((segment) => [
        segment.period.start,
        segment.period.end,
        segment.applied.map((applied) => applied.number)
      ])
    ).toEqual([
      ["2023-01-01", "2023-12-31", []],
      ["2024-01-01", "2024-06-30", [1]],
      ["2024-07-01", "2025-12-31", [1, 2, 3]]
    ])
  })

  it("apply amendments by effective date before number: a later number may take effect earlier", () => {
    const amended = cpo(
      (json) =>
        (json.amendments = [
          amendment(1, "2025-01-01", [{ kind: "yearly-amount", yearlyAmount: "40000" }]),
          amendment(2, "2024-07-01", [{ kind: "yearly-amount", yearlyAmount: "36000" }])
        ])
    )
    expect(termsAsOf(amended, d("2025-01-01")).applied.map((applied) => applied.number)).toEqual([2, 1])
    const amount = termsAsOf(amended, d("2025-06-01")).terms.amounts
    expect(amount?.kind === "constant" ? amount.yearlyAmount.toString() : undefined).toBe("40000.00")
    expect(finalTerms(amended).amounts).toEqual(amount)
  })

  it("end with every amendment applied, the last one during an extension included", () => {
    const amended = cpo(
      (json) =>
        (json.amendments = [
          amendment(1, "2025-06-01", [{ kind: "period-end", end: "2026-12-31" }]),
          amendment(2, "2025-07-01", [{ kind: "sectors-added", sectors: ["handicap"] }]),
          {
            ...amendment(3, "2026-09-01", [{ kind: "sectors-added", sectors: ["logement"] }]),
            signatureDate: "2026-08-01"
          }
        ])
    )
    expect(finalTerms(amended).sectors.slice(-2)).toEqual(["handicap", "logement"])
    expect(termsTimeline(amended).at(-1)?.period).toEqual({ start: "2026-09-01", end: "2026-12-31" })
  })

  it("cut the timeline at an amendment taking effect on the day of a termination, and not after it", () => {
    const cut = (effectiveDate: string) =>
      termsTimeline(
        cpo((json) => {
          json.amendments = [amendment(1, effectiveDate, [{ kind: "sectors-added", sectors: ["logement"] }])]
          json.termination = { date: "2024-09-30", reason: "Résiliation", requestedBy: "caf" }
        })
      ).map((segment) => [segment.period.start, segment.period.end, segment.applied.length])
    expect(cut("2024-09-30")).toEqual([
      ["2023-01-01", "2024-09-29", 0],
      ["2024-09-30", "2024-09-30", 1]
    ])
    expect(cut("2024-10-01")).toEqual([["2023-01-01", "2024-09-30", 0]])
  })

  it("end with the last amendment's terms, even one taking effect on the first day", () => {
    const first = cpo(
      (json) => (json.amendments = [amendment(1, "2023-01-01", [{ kind: "period-end", end: "2024-12-31" }])])
    )
    expect(finalTerms(first).period).toEqual({ start: "2023-01-01", end: "2024-12-31" })
    expect(
      termsTimeline(first).map((segment) => [segment.period.start, segment.period.end, segment.applied.length])
    ).toEqual([["2023-01-01", "2024-12-31", 1]])
    const extended = cpo(
      (json) =>
        (json.amendments = [
          amendment(2, "2025-12-31", [{ kind: "period-end", end: "2026-12-31" }]),
          amendment(1, "2025-06-01", [{ kind: "sectors-added", sectors: ["logement"] }])
        ])
    )
    expect(finalTerms(extended).period.end).toBe("2026-12-31")
    expect(finalTerms(extended).sectors).toContain("logement")
    expect(termsTimeline(extended).map((segment) => [segment.period.start, segment.period.end])).toEqual([
      ["2023-01-01", "2025-05-31"],
      ["2025-06-01", "2025-12-30"],
      ["2025-12-31", "2026-12-31"]
    ])
  })
})

describe("targets and days of the year", () => {
  it("a target has a minimum, a maximum or both, finite, not negative, the maximum not below the minimum", () => {
    const targets = makeCodec(TargetSchema, "target")
    expect([
      targets.parse({ atLeast: 3 }),
      targets.parse({ atMost: 0 }),
      targets.parse({ atLeast: 2, atMost: 2 }),
      targets.parse({ atLeast: 0.5, atMost: 4 })
    ]).toEqual([{ atLeast: 3 }, { atMost: 0 }, { atLeast: 2, atMost: 2 }, { atLeast: 0.5, atMost: 4 }])
    const refused = [
      {},
      { atLeast: 3, atMost: 2 },
      { atLeast: -1 },
      { atMost: Number.POSITIVE_INFINITY },
      { atLeast: Number.NaN }
    ].map((target) => problems(targets.safeParse(target)))
    expect(refused).toEqual([
      [": a target needs atLeast, atMost, or both"],
      ["atMost: atMost (2) is below atLeast (3)"],
      ["atLeast: expected a finite number ≥ 0"],
      ["atMost: expected a finite number ≥ 0"],
      ["atLeast: expected a finite number ≥ 0"]
    ])
  })

  it("a due day is written MM-DD and exists every year", () => {
    const days = makeCodec(MonthDaySchema, "day")
    expect(["01-01", "02-28", "03-31", "04-30", "12-31"].map((day) => days.parse(day))).toEqual([
      "01-01",
      "02-28",
      "03-31",
      "04-30",
      "12-31"
    ])
    const refused = ["02-29", "04-31", "00-10", "13-01", "03-00", "3-31", "x03-31", "03-31x", "2024-03-31"].map((day) =>
      problems(days.safeParse(day))
    )
    expect(refused).toEqual([
      [": 02-29 is not a day that exists every year"],
      [": 04-31: month 04 has 30 days"],
      [": 00-10: there is no month 00"],
      [": 13-01: there is no month 13"],
      [": 03-00: there is no day 00"],
      [': "3-31" is not a day of the year written MM-DD'],
      [': "x03-31" is not a day of the year written MM-DD'],
      [': "03-31x" is not a day of the year written MM-DD'],
      [': "2024-03-31" is not a day of the year written MM-DD']
    ])
  })
})
