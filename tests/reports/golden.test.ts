/**
 * Whole reports (Markdown and HTML), open-data rows and scenario answers, compared with reviewed
 * files in `golden/`. After a deliberate change, run `npx vitest run -u tests/reports/golden.test.ts`,
 * read the diff of the files (open the HTML ones in a browser), and commit them with the change.
 */
import { readFileSync, readdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import {
  annualReport,
  type Convention,
  conventionReport,
  parsePortfolio,
  parseScenario,
  type Portfolio,
  renderReportHtml,
  renderReportMarkdown,
  type ReportInputs,
  runScenario,
  SCDL_VERSIONS,
  toScdlCsv
} from "caf-conventions"
import { foundingPortfolioJson } from "../fixtures.js"
import { foundingReportInputs, reportCases, troubledPortfolio } from "./fixtures.js"

const file = (name: string) => `golden/${name}`

const makeTroubled = troubledPortfolio

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let cpo: Convention
let inputs: ReportInputs
let troubled: Portfolio
beforeEach(() => {
  const founding = foundingReportInputs()
  cpo = founding.cpo
  inputs = { ...founding.inputs, financialReportReceivedOn: { "2024": "2025-04-30" } }
  troubled = makeTroubled()
})

describe("reports, whole", () => {
  it("the founding convention's 2024 review, in Markdown and HTML", async () => {
    const report = annualReport(cpo, { ...inputs, year: 2024 })
    await expect(renderReportMarkdown(report)).toMatchFileSnapshot(file("bilan-2024.md"))
    await expect(renderReportHtml(report)).toMatchFileSnapshot(file("bilan-2024.html"))
  })

  it("the founding convention's end-of-convention review, in Markdown and HTML", async () => {
    const report = conventionReport(cpo, inputs)
    await expect(renderReportMarkdown(report)).toMatchFileSnapshot(file("bilan-convention.md"))
    await expect(renderReportHtml(report)).toMatchFileSnapshot(file("bilan-convention.html"))
  })

  it("a year in progress, with no input but the convention", async () => {
    const report = annualReport(cpo, { activities: [], payments: [], expenses: [], year: 2025, asOf: "2025-03-01" })
    await expect(renderReportMarkdown(report)).toMatchFileSnapshot(file("bilan-2025-en-cours.md"))
  })

  it("a terminated convention with missed objectives, a modulation and compliance findings", async () => {
    const convention = troubled.conventions[2]!
    const few = inputs.activities.filter((activity) => activity.kind !== "action-collective")
    const options = {
      ...inputs,
      activities: few,
      partners: troubled.partners,
      conventions: troubled.conventions,
      asOf: "2025-12-01"
    }
    await expect(renderReportMarkdown(annualReport(convention, { ...options, year: 2024 }))).toMatchFileSnapshot(
      file("bilan-2024-difficile.md")
    )
    const whole = conventionReport(convention, options)
    await expect(renderReportMarkdown(whole)).toMatchFileSnapshot(file("bilan-convention-difficile.md"))
    await expect(renderReportHtml(whole)).toMatchFileSnapshot(file("bilan-convention-difficile.html"))
  })

  it("bounded targets, a zero target, money offset against the next year, a financial report received late", async () => {
    const json = foundingPortfolioJson()
    const convention = json.conventions[2]!
    convention.terms.unspent = { rule: "offset" }
    convention.terms.objectives[0].target = { atLeast: 1, atMost: 3 }
    convention.terms.objectives[1].target = { atMost: 2 }
    convention.terms.objectives[2].target = { atLeast: 0 }
    const bounded = parsePortfolio(json).conventions[2]!
    const report = annualReport(bounded, { ...inputs, financialReportReceivedOn: { "2024": "2025-07-10" }, year: 2024 })
    await expect(renderReportMarkdown(report)).toMatchFileSnapshot(file("bilan-2024-cibles-bornees.md"))
  })

  it("the open-data table of a portfolio where some conventions can be exported and some cannot", async () => {
    const json = foundingPortfolioJson()
    json.partners[0]!["siret"] = "73282932000074"
    json.partners[1]!["siret"] = "35600000049837"
    json.conventions[1]!.terms.amounts = {
      kind: "per-year",
      byYear: { "2020": "12000", "2021": "12500.50", "2022": "13000" }
    }
    const exported = toScdlCsv(parsePortfolio(json).conventions, { partners: parsePortfolio(json).partners })
    await expect(
      `${exported.csv}\n${JSON.stringify({ rows: exported.rows, problems: exported.problems }, null, 2)}\n`
    ).toMatchFileSnapshot(file("scdl.txt"))
  })

  it("the open-data table of the founding portfolio as it is, in versions 2.1.1 and 2.0", async () => {
    const founding = parsePortfolio(foundingPortfolioJson())
    const text = SCDL_VERSIONS.map((version) => {
      const exported = toScdlCsv(founding.conventions, { partners: founding.partners, version })
      return `# ${version}\n${exported.csv}\n${JSON.stringify(exported.problems, null, 2)}\n`
    }).join("\n")
    await expect(text).toMatchFileSnapshot(file("scdl-founding.txt"))
  })
})

describe("reports in Markdown and HTML, whole: the cases the browser test opens", () => {
  // The founding 2024 and whole-convention reviews and the terminated one have their files above.
  it.each([
    "bilan-centre-social-2024",
    "bilan-centre-social-convention",
    "bilan-2025-report",
    "bilan-convention-report"
  ])("%s", async (name) => {
    const found = reportCases().find((entry) => entry.name === name)!
    await expect(renderReportMarkdown(found.report)).toMatchFileSnapshot(file(`${name}.md`))
    await expect(renderReportHtml(found.report)).toMatchFileSnapshot(file(`${name}.html`))
  })

  it("every case the browser test opens has its files", () => {
    const written = new Set(readdirSync(join(import.meta.dirname, "golden")))
    const missing = reportCases().flatMap((entry) =>
      [`${entry.name}.md`, `${entry.name}.html`].filter((name) => !written.has(name))
    )
    expect(missing).toEqual([])
  })
})

describe("scenario answers, whole", () => {
  const files = (base: string) => (path: string) => JSON.parse(readFileSync(join(base, path), "utf8"))
  /** Every expected value replaced by a wrong one, so that each computed value is printed. */
  const wrong = (value: unknown): unknown =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries([...Object.entries(value).map(([key, inner]) => [key, wrong(inner)]), ["inconnu", "faux"]])
      : "faux"

  it("print what each example scenario's question computes", async () => {
    const names = readdirSync(join("examples", "scenarios"))
      .filter((name) => name.endsWith(".json"))
      .sort()
    const lines = names.flatMap((name) => {
      const path = join("examples", "scenarios", name)
      const json = JSON.parse(readFileSync(path, "utf8"))
      const result = runScenario(parseScenario({ ...json, expected: wrong(json.expected) }), files(dirname(path)))
      return [`## ${result.name} (${result.passed ? "réussi" : "échoué"})`, ...result.differences]
    })
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot(file("scenarios.txt"))
  })

  it("print what each question computes on other data: a non-compliant convention, a day of evaluation, an accepted report, an invalid candidate", async () => {
    const bare = foundingPortfolioJson().conventions[2]!
    bare.terms.clauses = ["objet"]
    const scenarios = [
      {
        name: "Conformité d'une convention incomplète",
        convention: bare,
        question: "compliance",
        expected: { errors: 0, rules: { "written-convention-clauses": "info" } }
      },
      {
        name: "Objectifs 2025 au 15 juillet",
        convention: { file: "portfolio.json", id: "cpo-2023-2025" },
        question: "objectives",
        year: 2025,
        asOf: "2025-07-15",
        activities: "activities.json",
        expected: { statuses: { "suivi-coordonne": "met" }, values: { "suivi-coordonne": "1" } }
      },
      {
        name: "Échéancier 2024, bilans acceptés",
        convention: { file: "portfolio.json", id: "cpo-2023-2025" },
        question: "schedule",
        year: 2024,
        reportsAcceptedOn: "2025-05-20",
        expected: { instalments: { balance: { amount: "15000.00", dueDate: null } } }
      },
      {
        name: "Emploi des fonds 2024 au 30 juin",
        convention: { file: "portfolio.json", id: "cpo-2023-2025" },
        question: "funding-use",
        year: 2024,
        asOf: "2024-06-30",
        reportsAcceptedOn: "2025-05-20",
        payments: "payments.json",
        expenses: "expenses.json",
        expected: { toRepay: "0.00", awaitingUse: "6000.00" }
      },
      {
        name: "Un candidat illisible",
        convention: { file: "portfolio.json", id: "cpo-2023-2025" },
        question: "eligibility",
        date: "2024-03-01",
        candidates: [{ id: "x" }],
        expected: { verdicts: { x: { eligible: true, failedRules: [] } } }
      }
    ]
    const lines = scenarios.map((scenario) => {
      const result = runScenario(parseScenario(scenario), files("examples/data"))
      return [`## ${result.name} (${result.passed ? "réussi" : "échoué"})`, ...result.differences].join("\n")
    })
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot(file("scenarios-other-data.txt"))
  })

  it("report each way a scenario can be wrong", async () => {
    const inline = foundingPortfolioJson().conventions[2]!
    const scenarios = [
      {
        name: "Sans date",
        convention: { file: "portfolio.json", id: "cpo-2023-2025" },
        question: "eligibility",
        candidates: "candidates.json",
        expected: {}
      },
      {
        name: "Sans année",
        convention: { file: "portfolio.json", id: "cpo-2023-2025" },
        question: "funding-use",
        expected: {}
      },
      {
        name: "Attendu mal formé",
        convention: inline,
        question: "eligibility",
        date: "2024-03-01",
        candidates: [],
        expected: { verdicts: [1] }
      },
      {
        name: "Enregistrements invalides",
        convention: inline,
        question: "objectives",
        year: 2024,
        activities: [{ id: "x" }],
        expected: {}
      },
      {
        name: "Convention sans identifiant de portefeuille",
        convention: { file: "portfolio.json" },
        question: "compliance",
        expected: { errors: 0 }
      },
      {
        name: "Une règle juste, une absente",
        convention: inline,
        question: "compliance",
        expected: { errors: 0, rules: { "open-data-publication": "info", signature: "info" } }
      },
      {
        name: "Attendus qui ne sont pas des objets",
        convention: inline,
        question: "objectives",
        year: 2024,
        expected: { statuses: "met", values: 3 }
      },
      {
        name: "Versements attendus en liste",
        convention: inline,
        question: "schedule",
        year: 2024,
        expected: { instalments: [] }
      },
      { name: "Règles attendues nulles", convention: inline, question: "compliance", expected: { rules: null } },
      {
        name: "Valeurs seules",
        convention: inline,
        question: "objectives",
        year: 2024,
        activities: "activities.json",
        expected: { values: { "accompagnement-individuel": "3" } }
      },
      { name: "Montant seul", convention: inline, question: "schedule", year: 2024, expected: { amount: "30000.00" } },
      {
        name: "Règles seules",
        convention: inline,
        question: "compliance",
        expected: { rules: { "multi-year-duration": "info" } }
      }
    ]
    const lines = scenarios.map((scenario) => {
      const result = runScenario(parseScenario(scenario), files("examples/data"))
      return [`## ${result.name} (${result.passed ? "réussi" : "échoué"})`, ...result.differences].join("\n")
    })
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot(file("scenarios-wrong.txt"))
  })
})
