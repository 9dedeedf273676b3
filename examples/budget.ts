// The forecast budget and its co-funders, the compte rendu financier, and all the public subsidies
// of a partner, on an invented association (examples/data/budget-portfolio.json): two Caf
// conventions in 2025 (90 000 € and 40 000 €) and a département grant of 30 000 €.
import { readFileSync } from "node:fs"
import {
  checkBudgets,
  compareFinancialReport,
  evaluateFundingUse,
  explanationLines,
  parseFinancialReport,
  parsePayments,
  parsePortfolio,
  partnerPublicFunding
} from "caf-conventions"

const read = (name: string) => JSON.parse(readFileSync(new URL(`data/${name}`, import.meta.url), "utf8"))
const portfolio = parsePortfolio(read("budget-portfolio.json"))
const cpo = portfolio.conventions.find((convention) => convention.id === "cpo-relais-2025-2027")!

// 1. The 2025 budget: cost, Caf share within its 80 % cap, funding above the cost prorated.
const [budget] = checkBudgets(cpo, { year: 2025 })
console.log(explanationLines(budget!.explanation).join("\n"))

// 2. The same budget under a 70 % cap: the Caf's share passes it.
for (const finding of checkBudgets(cpo, { year: 2025, cafShareCap: "0.7" })[0]!.findings)
  console.log(`[${finding.severity}] ${finding.message}`)

// 3. The compte rendu financier 2025 against the budget, with the convention's 15 % tolerance.
const report = parseFinancialReport(read("financial-report-2025.json"))
const comparison = compareFinancialReport(cpo, report)
for (const line of comparison.lines)
  console.log(
    `${line.account} ${line.label} : prévu ${line.forecast.format()}, réalisé ${line.actual.format()}, écart ${line.variance.format()}${line.beyondTolerance ? (line.explanation === undefined ? " — à expliquer" : " — expliqué") : ""}`
  )
for (const finding of comparison.findings) console.log(`[${finding.severity}] ${finding.message}`)

// 4. The funding use reads the report's totals when no expense is given.
const use = evaluateFundingUse(cpo, {
  year: 2025,
  asOf: "2026-06-30",
  payments: parsePayments([
    { id: "relais-2025-avance", date: "2025-03-20", year: 2025, amount: "45000" },
    { id: "relais-2025-solde", date: "2025-10-01", year: 2025, amount: "45000" }
  ]),
  expenses: [],
  financialReport: report
})
console.log(
  `Dépenses couvertes par la Caf : ${use.settlement.eligibleSpend.format()} ; à reverser : ${use.settlement.toRepay.format()}`
)

// 5. All public subsidies of the partner in 2025, and what they trigger.
for (const row of partnerPublicFunding(portfolio, { year: 2025 })) {
  console.log(explanationLines(row.explanation).join("\n"))
  for (const finding of row.findings.filter((f) => f.severity !== "info"))
    console.log(`[${finding.severity}] ${finding.message} (${finding.source})`)
}
