/**
 * The reasons a record is left out for one of its values (another convention, a body, a theme,
 * situations or départements not targeted, a missing measure) are written once per distinct value
 * and shared by the records left out alike: each record must still read its own reason, never
 * the one of a record left out for another value.
 */
import { describe, expect, it } from "vitest"
import { evaluateObjectives, parseActivities } from "caf-conventions"
import { cpo } from "../fixtures.js"

/** A convention of 2024–2025 whose objectives filter on bodies, themes, départements and a measure. */
const convention = () =>
  cpo((json) => {
    json.id = "cpo-filtres"
    delete json.predecessorId
    json.signatureDate = "2023-12-15"
    json.terms.period = { start: "2024-01-01", end: "2025-12-31" }
    json.terms.objectives = [
      {
        id: "sdaf",
        title: "Participer à 2 réunions du Sdaf ou de la CTG",
        indicator: { kind: "count-meetings", filter: { activityKinds: ["reunion-instance"], bodies: ["sdaf", "ctg"] } },
        target: { atLeast: 2 }
      },
      {
        id: "benevolat",
        title: "Animer 2 jours de formation sur le bénévolat",
        indicator: { kind: "sum-days", filter: { activityKinds: ["action-collective"], themes: ["bénévolat"] } },
        target: { atLeast: 2 }
      },
      {
        id: "essonne",
        title: "Accompagner 2 structures de l'Essonne, éligibles ou non",
        indicator: {
          kind: "distinct-structures",
          filter: { activityKinds: ["accompagnement-individuel"], departements: ["91"] },
          eligibleOnly: false
        },
        target: { atLeast: 2 }
      }
    ]
  })

const structure = (id: string, departement: string) => ({
  id,
  legalForm: "association-loi-1901",
  departement,
  situation: "en-difficulte"
})

const records = () =>
  parseActivities([
    { id: "m-1", date: "2024-02-06", kind: "reunion-instance", body: "sdaf" },
    { id: "m-2", date: "2024-03-12", kind: "reunion-instance", body: "reaap" },
    { id: "m-3", date: "2024-04-09", kind: "reunion-instance", body: "sdsf" },
    { id: "m-4", date: "2024-05-14", kind: "reunion-instance", body: "reaap" },
    { id: "m-5", date: "2024-06-11", kind: "reunion-instance" },
    { id: "m-6", date: "2024-09-17", kind: "reunion-instance", body: "ctg", conventionId: "cpo-voisine" },
    { id: "m-7", date: "2024-10-15", kind: "reunion-instance", body: "ctg", conventionId: "cpo-autre" },
    { id: "m-8", date: "2024-11-19", kind: "reunion-instance", body: "ctg", conventionId: "cpo-filtres" },
    { id: "f-1", date: "2024-03-05", kind: "action-collective", theme: "bénévolat", days: 1.5 },
    { id: "f-2", date: "2024-04-02", kind: "action-collective", theme: "numérique", days: 1 },
    { id: "f-3", date: "2024-05-07", kind: "action-collective", theme: "gouvernance", days: 1 },
    { id: "f-4", date: "2024-06-04", kind: "action-collective", days: 1 },
    { id: "f-5", date: "2024-06-25", kind: "action-collective", theme: "bénévolat" },
    { id: "f-6", date: "2024-07-02", kind: "action-collective", theme: "bénévolat", hours: 3.5 },
    { id: "s-1", date: "2024-02-20", kind: "accompagnement-individuel", structures: [structure("a", "91")] },
    { id: "s-2", date: "2024-03-19", kind: "accompagnement-individuel", structures: [structure("b", "77")] },
    { id: "s-3", date: "2024-04-16", kind: "accompagnement-individuel", structures: [structure("c", "78")] },
    {
      id: "s-4",
      date: "2024-05-21",
      kind: "accompagnement-individuel",
      structures: [structure("d", "77"), structure("e", "78")]
    },
    { id: "s-5", date: "2024-06-18", kind: "accompagnement-individuel", structures: [structure("f", "77")] }
  ])

const excludedOf = (objectiveId: string) => {
  const result = evaluateObjectives(convention(), records(), { year: 2024 }).results.find(
    (entry) => entry.objectiveId === objectiveId
  )
  if (result === undefined) throw new Error(`no result for ${objectiveId}`)
  return { result, excluded: result.excluded.map((entry) => [entry.id, entry.reason, entry.detail]) }
}

describe("reasons written from a record's values", () => {
  it("give each meeting its own body, and each other convention its own id", () => {
    const { result, excluded } = excludedOf("sdaf")
    expect(result.value).toEqual({ numerator: 2, denominator: 1 })
    expect(result.counted).toEqual(["m-1", "m-8"])
    expect(excluded.filter(([id]) => String(id).startsWith("m-"))).toEqual([
      ["m-2", "other-body", "instance reaap, l'objectif vise sdaf, ctg"],
      ["m-3", "other-body", "instance sdsf, l'objectif vise sdaf, ctg"],
      ["m-4", "other-body", "instance reaap, l'objectif vise sdaf, ctg"],
      ["m-5", "other-body", "instance non renseignée"],
      ["m-6", "funded-elsewhere", "déclaré au titre de la convention cpo-voisine"],
      ["m-7", "funded-elsewhere", "déclaré au titre de la convention cpo-autre"]
    ])
  })

  it("give each training its own theme, and a training without duration its reason", () => {
    const { result, excluded } = excludedOf("benevolat")
    // 1.5 days, and 3.5 hours at 7 hours a day: 2 days in all.
    expect(result.value).toEqual({ numerator: 2, denominator: 1 })
    expect(result.counted).toEqual(["f-1", "f-6"])
    expect(excluded.filter(([id]) => String(id).startsWith("f-"))).toEqual([
      ["f-2", "other-theme", "thème « numérique »"],
      ["f-3", "other-theme", "thème « gouvernance »"],
      ["f-4", "other-theme", "thème non renseigné"],
      ["f-5", "no-duration", "ni jours ni heures renseignés"]
    ])
  })

  it("give each structure outside the territory its own départements", () => {
    const { result, excluded } = excludedOf("essonne")
    expect(result.value).toEqual({ numerator: 1, denominator: 1 })
    expect(result.structures).toEqual(["a"])
    expect(excluded.filter(([id]) => String(id).startsWith("s-"))).toEqual([
      ["s-2", "territory-not-targeted", "structure du département Seine-et-Marne (77), l'indicateur vise Essonne (91)"],
      ["s-3", "territory-not-targeted", "structure du département Yvelines (78), l'indicateur vise Essonne (91)"],
      [
        "s-4",
        "territory-not-targeted",
        "structures des départements Seine-et-Marne (77), Yvelines (78), l'indicateur vise Essonne (91)"
      ],
      ["s-5", "territory-not-targeted", "structure du département Seine-et-Marne (77), l'indicateur vise Essonne (91)"]
    ])
  })
})
