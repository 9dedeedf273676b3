import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import {
  type Convention,
  parseCalendarDate,
  parseConvention,
  resolveConvention,
  safeParseConvention,
  termsAsOf,
  termsTimeline
} from "caf-conventions"

// A CPO 2025–2027 of a parenting association (not the founding case): amendment n° 1, signed
// 2025-09-15, adds "at least 3 Reaap meetings a year" from 2025-10-01.
const document = JSON.parse(
  readFileSync(new URL("../../examples/data/reaap-amendment.json", import.meta.url), "utf8")
) as { conventions: Array<Record<string, unknown>> }
const json = () => structuredClone(document.conventions[0]) as Record<string, any>
const reaap = () => json().amendments[0].changes[0].objectives[0]
const d = parseCalendarDate

/** The issues of a document that does not decode: path, code, English and French. */
function issues(input: unknown): Array<[string, string | undefined, string, string | undefined]> {
  const result = safeParseConvention(input)
  if (result.success) return []
  return result.error.issues.map((issue) => [issue.path.join("."), issue.code, issue.message, issue.messages?.fr])
}

const removal = (number: number, effectiveDate: string, objectiveIds: Array<string>) => ({
  number,
  signatureDate: "2025-09-15",
  effectiveDate,
  reason: "Objectif abandonné",
  changes: [{ kind: "objectives-removed", objectiveIds }]
})

describe("an amendment that adds an objective", () => {
  const convention: Convention = parseConvention(json())

  it("leaves the objectives as signed before its effective date and adds the objective from it", () => {
    expect(termsAsOf(convention, d("2025-09-30")).terms.objectives.map((o) => o.id)).toEqual(["ateliers-parents"])
    const after = termsAsOf(convention, d("2025-10-01"))
    expect(after.terms.objectives.map((o) => o.id)).toEqual(["ateliers-parents", "reunions-reaap"])
    expect(after.terms.objectives[1]?.partialYear).toEqual({ prorate: true, rounding: "ceiling" })
    expect(after.objectives).toEqual([
      { objectiveId: "ateliers-parents", title: "Au moins 6 ateliers collectifs de soutien à la parentalité par an" },
      {
        objectiveId: "reunions-reaap",
        title: "Au moins 3 réunions du Reaap par an",
        added: { amendment: 1, from: "2025-10-01" }
      }
    ])
  })

  it("cuts the timeline at its effective date and is known only once signed", () => {
    expect(termsTimeline(convention).map((s) => [s.period.start, s.period.end, s.terms.objectives.length])).toEqual([
      ["2025-01-01", "2025-09-30", 1],
      ["2025-10-01", "2027-12-31", 2]
    ])
    expect(resolveConvention(convention).objectives.map((span) => span.added)).toEqual([
      undefined,
      { amendment: 1, from: "2025-10-01" }
    ])
    // On 2025-09-14 amendment n° 1 is not signed: the convention is known as signed.
    const before = resolveConvention(convention, { knownOn: "2025-09-14" })
    expect(before.objectives.map((span) => span.objectiveId)).toEqual(["ateliers-parents"])
    expect(before.terms.objectives.map((o) => o.id)).toEqual(["ateliers-parents"])
  })

  it("accepts a later amendment that changes the added objective's target or removes it", () => {
    const later = json()
    later.amendments.push(
      {
        number: 2,
        signatureDate: "2026-06-10",
        effectiveDate: "2027-01-01",
        reason: "Cible relevée pour 2027",
        changes: [{ kind: "target", objectiveId: "reunions-reaap", year: 2027, target: { atLeast: 4 } }]
      },
      removal(3, "2027-07-01", ["reunions-reaap", "ateliers-parents"])
    )
    later.amendments[2].signatureDate = "2027-06-01"
    const amended = parseConvention(later)
    expect(termsAsOf(amended, d("2027-01-01")).terms.objectives[1]?.targetsByYear).toEqual({ "2027": { atLeast: 4 } })
    const removed = termsAsOf(amended, d("2027-07-01"))
    expect(removed.terms.objectives).toEqual([])
    expect(removed.objectives.map((span) => [span.objectiveId, span.added?.amendment, span.removed])).toEqual([
      ["ateliers-parents", undefined, { amendment: 3, from: "2027-07-01" }],
      ["reunions-reaap", 1, { amendment: 3, from: "2027-07-01" }]
    ])
  })
})

describe("objective changes that do not hold together", () => {
  it("refuses an id the convention already uses, or another amendment adds", () => {
    const clash = json()
    clash.amendments[0].changes[0].objectives.push({ ...reaap(), id: "ateliers-parents" })
    clash.amendments.push({
      number: 2,
      signatureDate: "2026-01-10",
      effectiveDate: "2026-02-01",
      reason: "Doublon",
      changes: [{ kind: "objectives-added", objectives: [reaap()] }]
    })
    expect(issues(clash)).toEqual([
      [
        "amendments.0.changes.0.objectives.1.id",
        "rule",
        "the objective id ateliers-parents is already used by terms.objectives[0]",
        "l'identifiant d'objectif ateliers-parents est déjà pris par terms.objectives[0]"
      ],
      [
        "amendments.1.changes.0.objectives.0.id",
        "rule",
        "the objective id reunions-reaap is already used by amendments[0].changes[0].objectives[0]",
        "l'identifiant d'objectif reunions-reaap est déjà pris par amendments[0].changes[0].objectives[0]"
      ]
    ])
  })

  it("refuses to remove an id nobody defines, one already removed, and one an amendment adds later", () => {
    const bad = json()
    bad.amendments.push(
      removal(2, "2025-06-01", ["reunions-reaap", "inconnu"]),
      removal(3, "2026-01-01", ["ateliers-parents"]),
      removal(4, "2026-03-01", ["ateliers-parents"])
    )
    expect(issues(bad)).toEqual([
      [
        "amendments.1.changes.0.objectiveIds.0",
        "rule",
        "the objective reunions-reaap is removed from 2025-06-01, before amendment n° 1 adds it from 2025-10-01",
        "l'objectif reunions-reaap est supprimé à partir du 01/06/2025, avant que l'avenant n° 1 ne l'ajoute à partir du 01/10/2025 : un avenant ne supprime qu'un objectif déjà en vigueur"
      ],
      [
        "amendments.1.changes.0.objectiveIds.1",
        "rule",
        "there is no objective inconnu to remove",
        "il n'y a pas d'objectif inconnu à supprimer : ni la convention ni aucun avenant ne le définit"
      ],
      [
        "amendments.3.changes.0.objectiveIds.0",
        "rule",
        "the objective ateliers-parents is already removed by amendment n° 3 from 2026-01-01",
        "l'objectif ateliers-parents est déjà supprimé par l'avenant n° 3 à partir du 01/01/2026"
      ]
    ])
  })

  it("refuses an objective added after the end of the period an earlier amendment shortened", () => {
    const late = json()
    late.amendments = [
      {
        number: 1,
        signatureDate: "2025-09-15",
        effectiveDate: "2025-10-01",
        reason: "Fin avancée",
        changes: [{ kind: "period-end", end: "2026-06-30" }]
      },
      { ...json().amendments[0], number: 2, effectiveDate: "2026-09-01" }
    ]
    expect(issues(late)).toEqual([
      // The amendment itself takes effect once the convention has ended.
      [
        "amendments.1.effectiveDate",
        "rule",
        "the amendment takes effect 2026-09-01, outside the period 2025-01-01..2026-06-30",
        "l'avenant prend effet le 01/09/2026, hors de la période du 01/01/2025 au 30/06/2026"
      ],
      [
        "amendments.1.changes.0.objectives.0",
        "rule",
        "the objective reunions-reaap is added from 2026-09-01, after the end of the period (2026-06-30)",
        // The value found at the path, the objective, is quoted cut short.
        `l'objectif reunions-reaap est ajouté à partir du 01/09/2026, après la fin de la période (30/06/2026) (valeur trouvée : {"id":"reunions-reaap","title":"Au moins 3 réunions du Reaa…)`
      ]
    ])
  })

  it("refuses a target set on an objective before the amendment that adds it applies, and two changes of one objective on one day", () => {
    const early = json()
    early.amendments.push({
      number: 2,
      signatureDate: "2025-03-01",
      effectiveDate: "2025-04-01",
      reason: "Cible anticipée",
      changes: [{ kind: "target", objectiveId: "reunions-reaap", target: { atLeast: 2 } }]
    })
    early.amendments.push({ ...removal(3, "2025-10-01", ["reunions-reaap"]) })
    expect(issues(early)).toEqual([
      [
        "amendments.2.changes.0",
        "rule",
        "amendment n° 1 already changes the objective reunions-reaap on 2025-10-01: two changes of one term on one date contradict each other",
        `l'avenant n° 1 change déjà l'objectif reunions-reaap au 01/10/2025 : deux changements d'un même terme à la même date se contredisent (valeur trouvée : {"kind":"objectives-removed","objectiveIds":["reunions-reaa…)`
      ],
      [
        "amendments.1.changes.0.objectiveId",
        "rule",
        "the objective reunions-reaap is not in force on 2025-04-01",
        "l'objectif reunions-reaap n'est pas en vigueur le 01/04/2025 : il est ajouté par un avenant qui prend effet plus tard, ou déjà supprimé"
      ]
    ])
  })

  it("refuses an empty list of objectives added or removed", () => {
    const empty = json()
    empty.amendments[0].changes = [{ kind: "objectives-added", objectives: [] }]
    expect(issues(empty).map(([path, code]) => [path, code])).toEqual([["amendments.0.changes.0.objectives", "list"]])
    empty.amendments[0].changes = [{ kind: "objectives-removed", objectiveIds: [] }]
    expect(issues(empty).map(([path]) => path)).toEqual(["amendments.0.changes.0.objectiveIds"])
  })
})
