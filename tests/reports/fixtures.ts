import {
  type AnnualReport,
  type Convention,
  type ConventionReport,
  type Portfolio,
  type ReportInputs,
  annualReport,
  conventionReport,
  parseActivities,
  parseExpenses,
  parsePayments,
  parsePortfolio
} from "caf-conventions"
import { exampleData, foundingPortfolioJson } from "../fixtures.js"

/** The founding portfolio, its 2023–2025 convention, and the example records as report inputs on 15 July 2025. */
export function foundingReportInputs(): {
  readonly portfolio: Portfolio
  readonly cpo: Convention
  readonly inputs: ReportInputs
} {
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

/**
 * The centre social of examples/data/centre-social*.json (illustrative), whose amendment n° 1,
 * signed on 4 July 2024 after the 2024 advance was paid, adds the sector *jeunesse* and raises
 * the yearly amount from 20 000 € to 22 000 € from 1 September 2024; its records, payments and
 * expenses on 30 June 2025, the 2024 reports accepted on 20 May 2025 and the financial report
 * received on 28 April 2025.
 */
export function centreSocialReportInputs(): { readonly portfolio: Portfolio; readonly inputs: ReportInputs } {
  const portfolio = parsePortfolio(exampleData("centre-social.json"))
  return {
    portfolio,
    inputs: {
      activities: parseActivities(exampleData("centre-social-activities.json")),
      payments: parsePayments(exampleData("payments-centre-social.json")),
      expenses: parseExpenses(exampleData("expenses-centre-social.json")),
      partners: portfolio.partners,
      conventions: portfolio.conventions,
      asOf: "2025-06-30",
      reportsAcceptedOn: { "2024": "2025-05-20" },
      financialReportReceivedOn: { "2024": "2025-04-28" }
    }
  }
}

/**
 * The founding convention as it would be with a fixed-rate modulation, a clause keeping 10 %
 * of unspent money, no control clauses, and a termination on 30 June 2025.
 */
export function troubledPortfolio(): Portfolio {
  const json = foundingPortfolioJson()
  const convention = json.conventions[2]!
  convention.terms.modulation = { rule: "fixed-reduction", ratePerMissedObjective: "0.1" }
  convention.terms.unspent = { rule: "keep", capRate: "0.1" }
  convention.terms.clauses = ["objet", "montant"]
  convention.termination = {
    date: "2025-06-30",
    reason: "Fin anticipée d'un commun accord",
    requestedBy: "commun-accord"
  }
  return parsePortfolio(json)
}

/**
 * The reports whose HTML is reviewed as a whole (golden files) and opened in Chromium (the
 * browser test): the founding case's 2024 and whole-convention reviews, the amended centre
 * social's 2024 and whole-convention reviews (see {@link centreSocialReportInputs}), the terminated convention's review, and the founding convention under the clause
 * `offset` in its last year (2025, on 31 December 2026) and as a whole.
 */
export function reportCases(): ReadonlyArray<{
  readonly name: string
  readonly report: AnnualReport | ConventionReport
}> {
  const { cpo, inputs } = foundingReportInputs()
  const founding = { ...inputs, financialReportReceivedOn: { "2024": "2025-04-30" } }
  const troubled = troubledPortfolio()
  const few = inputs.activities.filter((activity) => activity.kind !== "action-collective")
  const troubledInputs = {
    ...founding,
    activities: few,
    partners: troubled.partners,
    conventions: troubled.conventions,
    asOf: "2025-12-01"
  }
  const { portfolio: centre, inputs: centreInputs } = centreSocialReportInputs()
  const offset = parsePortfolio(exampleData("portfolio-offset.json"))
  const offsetInputs: ReportInputs = {
    activities: inputs.activities,
    payments: parsePayments(exampleData("payments-offset.json")),
    expenses: parseExpenses(exampleData("expenses-offset.json")),
    partners: offset.partners,
    conventions: offset.conventions,
    asOf: "2026-12-31",
    reportsAcceptedOn: { "2023": "2024-05-10", "2025": "2026-05-15" }
  }
  const offsetCpo = offset.conventions.find((convention) => convention.id === "cpo-2023-2025")!
  return [
    { name: "bilan-2024", report: annualReport(cpo, { ...founding, year: 2024 }) },
    { name: "bilan-convention", report: conventionReport(cpo, founding) },
    { name: "bilan-centre-social-2024", report: annualReport(centre.conventions[0]!, { ...centreInputs, year: 2024 }) },
    { name: "bilan-centre-social-convention", report: conventionReport(centre.conventions[0]!, centreInputs) },
    { name: "bilan-convention-difficile", report: conventionReport(troubled.conventions[2]!, troubledInputs) },
    { name: "bilan-2025-report", report: annualReport(offsetCpo, { ...offsetInputs, year: 2025 }) },
    { name: "bilan-convention-report", report: conventionReport(offsetCpo, offsetInputs) }
  ]
}

/**
 * A word wider than a chart: a reference address written, without a space, in an objective's
 * title (119 characters; a line of the objectives chart holds about 92).
 */
export const LONG_WORD =
  "https://www.caf.fr/partenaires/caf-de-l-essonne/partenaires-locaux/conventions-pluriannuelles/accompagnement-individuel"

/** The founding convention's 2024 review, with its second objective's title holding {@link LONG_WORD}. */
export function longWordReport(): AnnualReport {
  const json = foundingPortfolioJson()
  json.conventions[2]!.terms.objectives[1].title = `Soutenir au moins 3 structures par an (fiche ${LONG_WORD})`
  const portfolio = parsePortfolio(json)
  const { inputs } = foundingReportInputs()
  return annualReport(portfolio.conventions[2]!, {
    ...inputs,
    partners: portfolio.partners,
    conventions: portfolio.conventions,
    year: 2024
  })
}
