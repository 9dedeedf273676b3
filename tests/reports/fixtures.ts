import { type Convention, type Portfolio, type ReportInputs, parseActivities, parseExpenses, parsePayments, parsePortfolio } from "caf-conventions"
import { exampleData } from "../fixtures.js"

/** The founding portfolio, its 2023–2025 convention, and the example records as report inputs on 15 July 2025. */
export function foundingReportInputs(): { readonly portfolio: Portfolio; readonly cpo: Convention; readonly inputs: ReportInputs } {
  const portfolio = parsePortfolio(exampleData("portfolio.json"))
  return {
    portfolio,
    cpo: portfolio.conventions[2]!,
    inputs: {
      activities: parseActivities(exampleData("activities.json")),
      payments: parsePayments(exampleData("payments.json")),
      expenses: parseExpenses(exampleData("expenses.json")),
      partners: portfolio.partners,
      conventions: portfolio.conventions,
      asOf: "2025-07-15",
      reportsAcceptedOn: { "2024": "2025-05-20" }
    }
  }
}
