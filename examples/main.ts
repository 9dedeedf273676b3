// The main job (`npm start`): the founding convention's 2024 yearly review, from the example data,
// printed in French and written as an HTML page.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import {
  annualReport,
  checkCompliance,
  parseActivities,
  parseExpenses,
  parsePayments,
  parsePortfolio,
  renderReportHtml,
  renderReportMarkdown
} from "caf-conventions"

const read = (name: string) => JSON.parse(readFileSync(new URL(`data/${name}`, import.meta.url), "utf8"))
const portfolio = parsePortfolio(read("portfolio.json"))
const convention = portfolio.conventions.find((candidate) => candidate.id === "cpo-2023-2025")!

const report = annualReport(convention, {
  year: 2024,
  asOf: "2025-07-15",
  partners: portfolio.partners,
  conventions: portfolio.conventions,
  // Illustrative records (see examples/data/): dates, durations, amounts made up to show the computation.
  activities: parseActivities(read("activities.json")),
  payments: parsePayments(read("payments.json")),
  expenses: parseExpenses(read("expenses.json")),
  reportsAcceptedOn: { "2024": "2025-05-20" },
  financialReportReceivedOn: { "2024": "2025-04-30" }
})

console.log(renderReportMarkdown(report))
const outDir = fileURLToPath(new URL("../out/", import.meta.url))
mkdirSync(outDir, { recursive: true })
writeFileSync(`${outDir}bilan-2024.html`, renderReportHtml(report))
console.log("Rapport HTML écrit dans out/bilan-2024.html")

// The compliance findings that apply beyond one convention, on an invented association with two Caf
// conventions and a co-funded budget (examples/data/budget-portfolio.json; see examples/budget.ts):
// its public subsidies of 2025 add up above 153 000 €, and its 2025 budget is funded above its cost.
const relais = parsePortfolio(read("budget-portfolio.json"))
console.log("\n## Conformité d'un partenaire aux financements multiples (exemple illustratif)\n")
for (const convention of relais.conventions) {
  for (const finding of checkCompliance(convention, { portfolio: relais }).filter((f) => f.severity !== "info")) {
    console.log(
      `- ${convention.id} — ${finding.severity === "error" ? "Erreur" : "À vérifier"} : ${finding.message} (${finding.source})`
    )
  }
}
