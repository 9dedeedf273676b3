/**
 * A CPO 2025–2027 of a parenting association (examples/data/reaap-amendment*.json, illustrative):
 * amendment n° 1, signed 2025-09-15, adds "au moins 3 réunions du Reaap par an" from 2025-10-01;
 * in one test, amendment n° 2, signed 2026-06-10, removes the workshops from 2026-07-01.
 */
import { describe, expect, it } from "vitest"
import {
  type Convention,
  annualReport,
  conventionReport,
  parseActivities,
  parseConvention,
  parsePortfolio,
  renderReportMarkdown,
  reportTables
} from "caf-conventions"
import { exampleData } from "../fixtures.js"

const portfolio = parsePortfolio(exampleData("reaap-amendment.json"))
const inputs = {
  activities: parseActivities(exampleData("reaap-amendment-activities.json")),
  payments: [],
  expenses: [],
  partners: portfolio.partners,
  conventions: portfolio.conventions
}
const convention = portfolio.conventions[0] as Convention
const added = "Au moins 3 réunions du Reaap par an (ajouté par l'avenant n° 1 à partir du 01/10/2025)"
const workshops = "Au moins 6 ateliers collectifs de soutien à la parentalité par an"

function withRemoval(): Convention {
  const json = structuredClone(exampleData("reaap-amendment.json").conventions[0])
  json.amendments.push({
    number: 2,
    signatureDate: "2026-06-10",
    effectiveDate: "2026-07-01",
    reason: "Les ateliers passent sous une convention de la commune",
    changes: [{ kind: "objectives-removed", objectiveIds: ["ateliers-parents"] }]
  })
  return parseConvention(json)
}

const cells = (row: ReadonlyArray<{ kind: string; text?: string }>) =>
  row.map((cell) => (cell.kind === "text" ? cell.text : cell.kind))

describe("a yearly report of a year in which an amendment adds an objective", () => {
  it("2025: the Reaap meetings with the amendment that adds them, 1 for a target of 1 (3 prorated over 92 days)", () => {
    const report = annualReport(convention, { ...inputs, year: 2025, asOf: "2026-03-31" })
    const table = reportTables(report).find((entry) => entry.id === "objectifs")
    expect(table?.rows.map(cells)).toEqual([
      [workshops, "number", "≥ 6", "atteint", "number"],
      [added, "number", "≥ 1", "atteint", "number"]
    ])
    const amendments = reportTables(report).find((entry) => entry.id === "avenants")
    expect(amendments?.rows.map((row) => cells(row)[4])).toEqual([
      "objectif ajouté : « Au moins 3 réunions du Reaap par an » (≥ 3)"
    ])
    const markdown = renderReportMarkdown(report)
    expect(markdown).toContain(`| ${added} | 1 | ≥ 1 | atteint | 100 % |`)
    expect(markdown).toContain(
      "- Avenant n° 1 : s'applique à 2025 à partir du 01/10/2025 (objectifs ajoutés ou supprimés : voir les objectifs de l'année)."
    )
  })

  it("2026: the first whole year, 2 meetings for 3, not met (66,7 %)", () => {
    const markdown = renderReportMarkdown(annualReport(convention, { ...inputs, year: 2026, asOf: "2027-03-31" }))
    expect(markdown).toContain(`| ${added} | 2 | ≥ 3 | non atteint | 66,7 % |`)
  })
})

describe("a report once an amendment removes an objective", () => {
  it("2026: the workshops are no longer evaluated and are listed as removed", () => {
    const report = annualReport(withRemoval(), { ...inputs, year: 2026, asOf: "2027-03-31" })
    expect(report.objectives.results.map((result) => result.objectiveId)).toEqual(["reunions-reaap"])
    const markdown = renderReportMarkdown(report)
    expect(markdown).toContain(
      `Objectif supprimé, qui n'est plus évalué en 2026 :\n\n- ${workshops} (supprimé par l'avenant n° 2 à partir du 01/07/2026)`
    )
    expect(markdown).not.toContain(`| ${workshops} |`)
  })

  it("the end-of-convention review: one row per objective, with the amendments that add and remove them", () => {
    const review = conventionReport(withRemoval(), { ...inputs, asOf: "2028-03-31" })
    const markdown = renderReportMarkdown(review)
    expect(markdown).toContain(
      [
        "| Objectif | 2025 | 2026 | 2027 |",
        "| --- | --- | --- | --- |",
        `| ${workshops} (supprimé par l'avenant n° 2 à partir du 01/07/2026) | atteint | sans objet | sans objet |`,
        `| ${added} | atteint | non atteint | non atteint |`
      ].join("\n")
    )
  })
})
