/// <reference lib="dom" />
// The browser page's module (examples/browser/index.html; `npm run build:browser` compiles it to
// main.js beside the library's bundle, `npm run browser` serves the page). It fetches the example
// data from the page's own origin, decodes it, screens the candidates on 1 June 2024 and renders the
// founding convention's 2024 yearly review, all in the page.
import {
  type ExplanationNode,
  ValidationError,
  annualReport,
  formatFrenchDate,
  parseActivities,
  parseExpenses,
  parsePayments,
  parsePortfolio,
  renderReportHtml,
  screenEligibility
} from "caf-conventions"

const element = (id: string): HTMLElement => {
  const found = document.getElementById(id)
  if (found === null) throw new Error(`the page has no #${id}`)
  return found
}

/** A data file of examples/data/, as JSON. */
async function data(name: string): Promise<unknown> {
  const response = await fetch(new URL(`../data/${name}`, import.meta.url))
  if (!response.ok) throw new Error(`${name} : réponse ${response.status}`)
  return response.json()
}

/** The first rule that failed, deepest first: the reason a candidate is not eligible. */
function failedRule(node: ExplanationNode): ExplanationNode | undefined {
  if (node.outcome !== "fail") return undefined
  for (const child of node.children) {
    const found = failedRule(child)
    if (found !== undefined) return found
  }
  return node
}

function cell(row: HTMLTableRowElement, text: string, className?: string): void {
  const td = row.insertCell()
  td.textContent = text
  if (className !== undefined) td.className = className
}

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`

async function main(): Promise<void> {
  const [portfolioJson, candidatesJson, activitiesJson, paymentsJson, expensesJson] = await Promise.all(
    ["portfolio.json", "candidates.json", "activities.json", "payments.json", "expenses.json"].map(data)
  )
  const portfolio = parsePortfolio(portfolioJson)
  const convention = portfolio.conventions.find((candidate) => candidate.id === "cpo-2023-2025")
  if (convention === undefined) throw new Error("le portefeuille n'a pas de convention cpo-2023-2025")

  // Each candidate is decoded on its own: one that cannot be read gets its line and its error.
  const candidates = Array.isArray(candidatesJson) ? candidatesJson : []
  const screening = screenEligibility(convention, candidates, { date: "2024-06-01" })
  element("titre-eligibilite").textContent =
    `Éligibilité des candidats au ${formatFrenchDate(screening.date)} (convention ${convention.id})`
  element("synthese").textContent =
    `${plural(screening.lines.length, "candidat", "candidats")} : ${plural(screening.eligible, "éligible", "éligibles")}, ` +
    `${plural(screening.ineligible, "non éligible", "non éligibles")}, ${plural(screening.invalid, "illisible", "illisibles")}.`
  const body = element("candidats") as HTMLTableSectionElement
  for (const line of screening.lines) {
    const row = body.insertRow()
    const raw = candidates[line.index] as { readonly id?: unknown; readonly structureName?: unknown } | undefined
    if (line.status === "invalid") {
      cell(row, typeof raw?.id === "string" ? raw.id : `n° ${line.index + 1}`)
      cell(row, typeof raw?.structureName === "string" ? raw.structureName : "")
      cell(row, "illisible", "ineligible")
      cell(row, line.error.message)
      continue
    }
    cell(row, line.result.candidateId)
    cell(row, typeof raw?.structureName === "string" ? raw.structureName : "")
    cell(row, line.result.eligible ? "éligible" : "non éligible", line.status)
    const failed = failedRule(line.result.explanation)
    cell(row, failed === undefined ? "" : `${failed.label} : ${failed.sentence}`)
  }

  const report = annualReport(convention, {
    year: 2024,
    asOf: "2025-07-15",
    partners: portfolio.partners,
    conventions: portfolio.conventions,
    // Illustrative records (examples/data/), the same as `npm start` reads.
    activities: parseActivities(activitiesJson),
    payments: parsePayments(paymentsJson),
    expenses: parseExpenses(expensesJson),
    reportsAcceptedOn: { "2024": "2025-05-20" },
    financialReportReceivedOn: { "2024": "2025-04-30" }
  })
  element("titre-bilan").textContent = `Bilan annuel ${report.year}`
  // The report is a whole HTML document with its own style: a sandboxed frame keeps it apart from the page.
  const frame = element("bilan") as HTMLIFrameElement
  frame.title = `Bilan annuel ${report.year} de la convention ${convention.id}`
  frame.srcdoc = renderReportHtml(report)
  element("etat").textContent =
    `Calculé dans la page : éligibilité au ${formatFrenchDate(screening.date)}, bilan arrêté au 15/07/2025.`
}

main().catch((error: unknown) => {
  element("etat").textContent = "Échec."
  // A ValidationError lists every problem with its path.
  element("erreur").textContent =
    error instanceof ValidationError
      ? error.message
      : error instanceof Error
        ? `${error.name} : ${error.message}`
        : String(error)
  throw error
})
