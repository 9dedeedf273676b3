import { beforeEach, describe, expect, it } from "vitest"
import {
  type AnnualReport,
  annualReport,
  type Convention,
  type ConventionReport,
  conventionReport,
  DEFAULT_ELIGIBILITY_RULES,
  EMPLOYER_STRUCTURE_RULE,
  parsePortfolio,
  type Portfolio,
  renderReportHtml,
  renderReportMarkdown,
  type ReportInputs,
  withRule
} from "caf-conventions"
import { foundingPortfolioJson } from "../fixtures.js"
import { foundingReportInputs } from "./fixtures.js"

const plain = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let portfolio: Portfolio
let cpo: Convention
let inputs: ReportInputs
beforeEach(() => {
  const founding = foundingReportInputs()
  portfolio = founding.portfolio
  cpo = founding.cpo
  inputs = founding.inputs
})

describe("the yearly review", () => {
  let report: AnnualReport
  beforeEach(() => {
    report = annualReport(cpo, { ...inputs, year: 2024 })
  })

  it("gathers compliance, objectives, schedule and the use of the money", () => {
    expect(report.parties).toEqual({ funder: "Caisse d'allocations familiales de l'Essonne", partner: "France Active Seine-et-Marne Essonne" })
    expect(report.lineage.map((c) => c.id)).toEqual(["appui-technique-2018", "accord-cadre-2020-2022", "cpo-2023-2025"])
    expect(report.objectives.results.every((r) => r.status === "met")).toBe(true)
    expect(report.funding.settlement.toRepay.toString()).toBe("750.00")
    expect(report.status).toBe("in-force")
  })

  it("renders as French Markdown", () => {
    const markdown = plain(renderReportMarkdown(report))
    expect(markdown.split("\n")[0]).toBe(`# Bilan annuel 2024 — ${cpo.title}`)
    expect(markdown).toContain("| Soutenir individuellement au moins 3 structures par an, en difficulté et/ou en développement, dans les secteurs couverts | 3 | ≥ 3 | atteint | 100 % |")
    expect(markdown).toContain("| Avance | 15 000,00 € | 31/03/2024 | 30/05/2024 | 15 000,00 € | payé (3 jours avant l'échéance) |")
    expect(markdown).toContain("- Dépenses éligibles : 29 250,00 € (taux de consommation 97,5 %)")
    expect(markdown).toContain("- À reverser : 750,00 €")
  })

  it("in a year in progress, shows the money received and not yet justified, and nothing to repay yet", () => {
    const midYear = annualReport(cpo, { ...inputs, year: 2024, asOf: "2024-06-30" })
    expect([midYear.funding.settlement.received, midYear.funding.settlement.usedOnEligible, midYear.funding.settlement.awaitingUse, midYear.funding.settlement.toRepay].map(String)).toEqual([
      "15000.00",
      "8900.00",
      "6100.00",
      "0.00"
    ])
    const markdown = plain(renderReportMarkdown(midYear))
    expect(markdown).toContain("- À reverser : 0,00 €\n- Reçu et pas encore justifié : 6 100,00 € (l'année n'est pas terminée)")
    expect(plain(renderReportMarkdown(report))).not.toContain("pas encore justifié")
  })

  it("renders as one self-contained HTML page with a chart per objective and one for the money", () => {
    const html = renderReportHtml(report)
    expect(html.startsWith("<!doctype html>")).toBe(true)
    expect(html).not.toMatch(/<(link|script|img)\b/u)
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/u)
    const charts = [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">([\s\S]*?)<\/figure>/gu)].map((m) => [m[1], (m[2]!.match(/class="bar"/gu) ?? []).length])
    expect(charts).toEqual([
      ["objectif-suivi-coordonne", 1],
      ["objectif-accompagnement-individuel", 1],
      ["objectif-actions-collectives", 1],
      ["objectif-instances-partenariales", 1],
      ["financement", 4]
    ])
  })
})

describe("escaping", () => {
  it("prints every text as text, never as markup", () => {
    const json = foundingPortfolioJson()
    json.conventions[2]!.title = "Convention <script>alert(1)</script> & co"
    const hostile = parsePortfolio(json).conventions[2]!
    const html = renderReportHtml(annualReport(hostile, { ...inputs, conventions: undefined, year: 2024 } as never))
    expect(html).not.toContain("<script>")
    expect(html).toContain("Convention &lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
  })
})

describe("the end-of-convention review", () => {
  let report: ConventionReport
  beforeEach(() => {
    report = conventionReport(cpo, inputs)
  })

  it("covers every year, each objective across the years, and the totals", () => {
    expect(report.years.map((year) => year.year)).toEqual([2023, 2024, 2025])
    expect(report.objectives.map((o) => o.byYear.map((entry) => entry.status))).toEqual([
      ["not-met", "met", "in-progress"],
      ["not-met", "met", "in-progress"],
      ["not-met", "met", "in-progress"],
      ["not-met", "met", "in-progress"]
    ])
    expect([report.totals.granted, report.totals.received, report.totals.eligibleSpend].map(String)).toEqual(["90000.00", "45000.00", "29750.00"])
    // On 15 July 2025 the 2025 advance (15 000 €, due 31 March, deadline 30 May) is due and not paid.
    expect([report.totals.stillToPay, report.totals.toRepay, report.totals.awaitingUse].map(String)).toEqual(["15000.00", "15250.00", "0.00"])
    expect(report.years[2]?.funding.instalments[0]).toMatchObject({ status: "late", daysLate: 46 })
    // On 30 June 2024, 2023 is settled and 2024's money received beyond its spending is awaiting use.
    const midway = conventionReport(cpo, { ...inputs, asOf: "2024-06-30" })
    expect([midway.totals.toRepay, midway.totals.awaitingUse].map(String)).toEqual(["14500.00", "6100.00"])
  })

  it("draws a bar per year for each objective and four per year for the money", () => {
    const html = renderReportHtml(report)
    const bars = [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">([\s\S]*?)<\/figure>/gu)].map((m) => (m[2]!.match(/class="bar"/gu) ?? []).length)
    expect(bars).toEqual([3, 3, 3, 3, 12])
    // Année, accordé, reçu, report reçu, dépenses éligibles, employé, excédent conservé, reporté,
    // à reverser, en attente d'emploi, reste à verser: every column of the ledger, summed.
    expect(plain(renderReportMarkdown(report))).toContain("| Total | 90 000,00 € | 45 000,00 € | 0,00 € | 29 750,00 € | 29 750,00 € | 0,00 € | 0,00 € | 15 250,00 € | 0,00 € | 15 000,00 € |")
  })

  it("refuses an impossible as-of day", () => {
    expect(() => conventionReport(cpo, { ...inputs, asOf: "2025-02-30" })).toThrow(
      expect.objectContaining({ subject: "report options", issues: [expect.objectContaining({ path: ["asOf"], message: "2025-02-30 is not a calendar date: February 2025 has 28 days" })] })
    )
  })
})

describe("what a report is told", () => {
  it("names the parties by their id when the partners are not given or not found", () => {
    const { partners: _partners, ...withoutPartners } = inputs
    expect(annualReport(cpo, { ...withoutPartners, year: 2024 }).parties).toEqual({ funder: "caf-91", partner: "fase" })
    expect(annualReport(cpo, { ...inputs, partners: [inputs.partners![1]!], year: 2024 }).parties).toEqual({ funder: "caf-91", partner: "France Active Seine-et-Marne Essonne" })
  })

  it("traces the lineage through the conventions given, the convention itself included or not", () => {
    const ids = (report: AnnualReport) => report.lineage.map((convention) => convention.id)
    const { conventions: _conventions, ...withoutConventions } = inputs
    expect(ids(annualReport(cpo, { ...withoutConventions, year: 2024 }))).toEqual(["cpo-2023-2025"])
    expect(ids(annualReport(cpo, { ...inputs, conventions: portfolio.conventions.slice(0, 2), year: 2024 }))).toEqual(["appui-technique-2018", "accord-cadre-2020-2022", "cpo-2023-2025"])
    // A list that holds the convention but not its predecessor cannot trace its lineage.
    expect(() => annualReport(cpo, { ...inputs, conventions: [cpo], year: 2024 })).toThrow(expect.objectContaining({ _tag: "LineageError", problem: "missing-predecessor" }))
  })

  it("evaluates the objectives with the eligibility rules it is given", () => {
    const volunteers = [...inputs.activities].map((activity) => ({ ...activity, structures: activity.structures.map((structure) => ({ ...structure, employer: false })) }))
    const strict = { ...inputs, activities: volunteers, rules: withRule(DEFAULT_ELIGIBILITY_RULES, EMPLOYER_STRUCTURE_RULE) }
    const status = (report: AnnualReport) => report.objectives.results.find((result) => result.objectiveId === "accompagnement-individuel")?.status
    expect([status(annualReport(cpo, { ...inputs, activities: volunteers, year: 2024 })), status(annualReport(cpo, { ...strict, year: 2024 }))]).toEqual(["met", "not-met"])
    expect(conventionReport(cpo, strict).objectives.find((objective) => objective.objectiveId === "accompagnement-individuel")?.met).toEqual([])
  })
})

describe("a report read back from its JSON", () => {
  it("is refused by both renderers with an InvalidArgumentError, not a TypeError: its amounts are texts there", () => {
    const copy = JSON.parse(JSON.stringify(annualReport(cpo, { ...inputs, year: 2024 })))
    expect(() => renderReportHtml(copy)).toThrow(expect.objectContaining({ _tag: "InvalidArgument", argument: "report" }))
    expect(() => renderReportMarkdown(copy)).toThrow(expect.objectContaining({ _tag: "InvalidArgument", argument: "report" }))
    expect(renderReportMarkdown(annualReport(cpo, { ...inputs, year: 2024 }))).toMatch(/^# Bilan annuel 2024/u)
  })
})
