// Objectives: the founding convention's 2024 evaluation from example activity records.
import { readFileSync } from "node:fs"
import {
  EXCLUSION_REASON_LABELS,
  evaluateConventionObjectives,
  evaluateObjectives,
  explanationLines,
  formatFraction,
  parseActivities,
  parsePortfolio
} from "caf-conventions"

const portfolio = parsePortfolio(JSON.parse(readFileSync(new URL("data/portfolio.json", import.meta.url), "utf8")))
const cpo = portfolio.conventions.find((convention) => convention.id === "cpo-2023-2025")!
// Illustrative records: dates, durations and situations are made up to show the computation.
const activities = parseActivities(JSON.parse(readFileSync(new URL("data/activities.json", import.meta.url), "utf8")))

const evaluation = evaluateObjectives(cpo, activities, { year: 2024 })
for (const line of explanationLines(evaluation.explanation)) console.log(line)

const individual = evaluation.results.find((result) => result.objectiveId === "accompagnement-individuel")!
console.log(`\nStructures comptées : ${individual.structures.join(", ")}`)
console.log(`Taux d'atteinte : ${individual.ratio === undefined ? "—" : formatFraction(individual.ratio)}`)
for (const excluded of individual.excluded.filter((e) => e.reason !== "other-kind")) {
  console.log(`- ${excluded.id} : ${EXCLUSION_REASON_LABELS[excluded.reason]} (${excluded.detail})`)
}

// Mid-year: what stands on 30 April 2024.
const april = evaluateObjectives(cpo, activities, { year: 2024, asOf: "2024-04-30" })
console.log(`\nAu 30/04/2024 : ${april.results.map((r) => `${r.objectiveId} ${r.status}`).join(", ")}`)

// The whole convention, year by year.
for (const objective of evaluateConventionObjectives(cpo, activities).objectives) {
  console.log(
    `${objective.objectiveId} : atteint en ${objective.met.join(", ") || "—"} ; non atteint en ${objective.notMet.join(", ") || "—"}`
  )
}
