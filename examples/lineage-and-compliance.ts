// lineage() and checkCompliance(): where a convention comes from, and whether it is lawful.
import { readFileSync } from "node:fs"
import { LineageError, checkCompliance, lineage, parseConvention, parsePortfolio } from "caf-conventions"

const json = JSON.parse(readFileSync(new URL("data/portfolio.json", import.meta.url), "utf8"))
const { conventions, partners } = parsePortfolio(json)
console.log(
  lineage(conventions, "cpo-2023-2025")
    .map((convention) => convention.id)
    .join(" → ")
)

try {
  lineage(conventions.slice(1), "cpo-2023-2025")
} catch (error) {
  if (error instanceof LineageError) console.log(`${error.problem} : ${error.message}`)
}

// The same convention with the control clause missing and a four-and-a-half-year period.
const flawed = parseConvention({
  ...json.conventions[2],
  terms: {
    ...json.conventions[2].terms,
    period: { start: "2023-01-01", end: "2027-06-30" },
    clauses: ["objet", "montant", "modalites-versement", "conditions-utilisation", "conservation-excedent"]
  }
})
for (const finding of checkCompliance(flawed, { partner: partners.find((partner) => partner.id === "fase")! }).filter(
  (f) => f.severity !== "info"
)) {
  console.log(`[${finding.severity}] ${finding.message}`)
}
