import { beforeEach, describe, expect, it } from "vitest"
import {
  reportTables,
  reportTablesCsv,
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
import { LONG_WORD, foundingReportInputs, longWordReport } from "./fixtures.js"

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
    expect(report.parties).toEqual({
      funder: "Caisse d'allocations familiales de l'Essonne",
      partner: "France Active Seine-et-Marne Essonne"
    })
    expect(report.lineage.map((c) => c.id)).toEqual(["appui-technique-2018", "accord-cadre-2020-2022", "cpo-2023-2025"])
    expect(report.objectives.results.every((r) => r.status === "met")).toBe(true)
    expect(report.funding.settlement.toRepay.toString()).toBe("750.00")
    expect(report.status).toBe("in-force")
  })

  it("renders as French Markdown", () => {
    const markdown = plain(renderReportMarkdown(report))
    expect(markdown.split("\n")[0]).toBe(`# Bilan annuel 2024 — ${cpo.title}`)
    expect(markdown).toContain(
      "| Soutenir individuellement au moins 3 structures par an, en difficulté et/ou en développement, dans les secteurs couverts | 3 | ≥ 3 | atteint | 100 % |"
    )
    expect(markdown).toContain(
      "| Avance | 15 000,00 € | 31/03/2024 | 30/05/2024 | 15 000,00 € | payé (3 jours avant l'échéance) |"
    )
    expect(markdown).toContain("- Dépenses éligibles : 29 250,00 € (taux de consommation 97,5 %)")
    expect(markdown).toContain("- À reverser : 750,00 €")
  })

  it("in a year in progress, shows the money received and not yet justified, and nothing to repay yet", () => {
    const midYear = annualReport(cpo, { ...inputs, year: 2024, asOf: "2024-06-30" })
    expect(
      [
        midYear.funding.settlement.received,
        midYear.funding.settlement.usedOnEligible,
        midYear.funding.settlement.awaitingUse,
        midYear.funding.settlement.toRepay
      ].map(String)
    ).toEqual(["15000.00", "8900.00", "6100.00", "0.00"])
    const markdown = plain(renderReportMarkdown(midYear))
    expect(markdown).toContain(
      "- À reverser : 0,00 €\n- Reçu et pas encore justifié : 6 100,00 € (l'année n'est pas terminée)"
    )
    expect(plain(renderReportMarkdown(report))).not.toContain("pas encore justifié")
  })

  it("renders as one self-contained HTML page with a chart of the year's objectives and one of the money", () => {
    const html = renderReportHtml(report)
    expect(html.startsWith("<!doctype html>")).toBe(true)
    expect(html).not.toMatch(/<(link|script|img)\b/u)
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/u)
    const charts = [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">([\s\S]*?)<\/figure>/gu)].map((m) => [
      m[1],
      (m[2]!.match(/class="bar[ "]/gu) ?? []).length
    ])
    expect(charts).toEqual([
      ["objectifs-2024", 4],
      ["financement", 4]
    ])
  })

  it("writes on the objectives' chart each target, each value and each status, and graduates its axes the French way", () => {
    const html = renderReportHtml(report)
    const chart = /data-chart="objectifs-2024">([\s\S]*?)<\/figure>/u.exec(html)![1]!
    const texts = (kind: string) =>
      [...chart.matchAll(new RegExp(`<text [^>]*class="${kind}"[^>]*>([^<]*)</text>`, "gu"))].map((m) => m[1])
    expect(texts("target-label")).toEqual(["cible ≥ 1", "cible ≥ 3", "cible ≥ 1", "cible ≥ 1"])
    expect(texts("figure")).toEqual(["2", "3", "3", "2"])
    expect(texts("status")).toEqual(["atteint", "atteint", "atteint", "atteint"])
    expect(chart.match(/<line class="target"/gu)).toHaveLength(4)
    expect(chart.match(/<path class="mark met"/gu)).toHaveLength(4)
    // A count is graduated in whole units, from 0 to the largest of its value and its target.
    expect(texts("tick-label").slice(0, 3)).toEqual(["0", "1", "2"])
    expect(chart).toContain('<title id="objectifs-2024-titre">Objectifs 2024 : valeurs et cibles</title>')
    expect(chart).toContain(
      "Maintenir la participation aux instances partenariales, notamment le Sdaf : 2 (cible ≥ 1) — atteint.</desc>"
    )
    const money = /data-chart="financement">([\s\S]*?)<\/figure>/u.exec(html)![1]!
    const moneyTexts = (kind: string) =>
      [...money.matchAll(new RegExp(`<text [^>]*class="${kind}"[^>]*>([^<]*)</text>`, "gu"))].map((m) => m[1])
    expect(moneyTexts("bar-label")).toEqual(["Accordé", "Reçu", "Employé", "Non dépensé"])
    expect(moneyTexts("figure")).toEqual([
      "30\u202f000\u00a0€",
      "30\u202f000\u00a0€",
      "29\u202f250\u00a0€",
      "750\u00a0€"
    ])
    expect(moneyTexts("tick-label")).toEqual([
      "0\u00a0€",
      "5\u202f000\u00a0€",
      "10\u202f000\u00a0€",
      "15\u202f000\u00a0€",
      "20\u202f000\u00a0€",
      "25\u202f000\u00a0€",
      "30\u202f000\u00a0€"
    ])
  })
})

describe("the objectives' chart, with bounded targets", () => {
  it("draws both markers of a target between two bounds, one for a ceiling, and hatches and crosses a missed objective", () => {
    const json = foundingPortfolioJson()
    json.conventions[2]!.terms.objectives[0].target = { atLeast: 1, atMost: 3 }
    json.conventions[2]!.terms.objectives[1].target = { atMost: 2 }
    const bounded = parsePortfolio(json).conventions[2]!
    const { inputs } = foundingReportInputs()
    const html = renderReportHtml(annualReport(bounded, { ...inputs, year: 2024 }))
    const chart = /data-chart="objectifs-2024">([\s\S]*?)<\/figure>/u.exec(html)![1]!
    const texts = (kind: string) =>
      [...chart.matchAll(new RegExp(`<text [^>]*class="${kind}(?: [^"]*)?"[^>]*>([^<]*)</text>`, "gu"))].map(
        (m) => m[1]
      )
    expect(texts("target-label")).toEqual(["cible 1 à 3", "cible ≤ 2", "cible ≥ 1", "cible ≥ 1"])
    // 3 structures supported against a ceiling of 2: missed.
    expect(texts("status")).toEqual(["atteint", "non atteint", "atteint", "atteint"])
    expect(chart.match(/<line class="target"/gu)).toHaveLength(5)
    expect(chart.match(/<rect class="bar not-met"[^>]*fill="url\(#objectifs-2024-hachures\)"/gu)).toHaveLength(1)
    expect(chart.match(/<path class="mark not-met"/gu)).toHaveLength(1)
    expect(chart).toContain(
      "Soutenir individuellement au moins 3 structures par an, en difficulté et/ou en développement, dans les secteurs couverts : 3 (cible ≤ 2) — non atteint."
    )
  })
})

describe("the objectives' chart, with a title holding a word wider than the chart", () => {
  it("cuts the word into pieces that fit a line (91 characters and a hyphen), so that no label leaves the chart", () => {
    const html = renderReportHtml(longWordReport())
    const chart = /data-chart="objectifs-2024">([\s\S]*?)<\/figure>/u.exec(html)![1]!
    const lines = [...chart.matchAll(/<text [^>]*class="group-label"[^>]*>([^<]*)<\/text>/gu)].map((m) => m[1]!)
    const word = LONG_WORD
    expect(lines.slice(2, 5)).toEqual([
      "Soutenir au moins 3 structures par an (fiche",
      `${word.slice(0, 91)}-`,
      `${word.slice(91)})`
    ])
    // The chart's width less its margins, 664 px, holds 92 characters at the layout's 0.65 em of 11 px.
    expect(Math.max(...lines.map((line) => line.length))).toBe(92)
    // The description keeps the title whole, for a screen reader.
    expect(chart).toContain(`Soutenir au moins 3 structures par an (fiche ${word}) : 3 (cible ≥ 3) — atteint.`)
  })
})

describe("a convention without objectives", () => {
  it("draws no chart of objectives, and the money by year", () => {
    const json = foundingPortfolioJson()
    delete json.conventions[2]!.terms.objectives
    const portfolio = parsePortfolio(json)
    const html = renderReportHtml(
      conventionReport(portfolio.conventions[2]!, { ...inputs, conventions: portfolio.conventions })
    )
    expect([...html.matchAll(/<figure class="chart" data-chart="([^"]+)">/gu)].map((m) => m[1])).toEqual([
      "financement"
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

  it("writes the parties into the print stylesheet's page margins as a CSS string that nothing can end", () => {
    const json = foundingPortfolioJson()
    json.partners[1]!["name"] = 'Asso"; } </style><script>alert(1)</script> \\ é'
    const portfolio = parsePortfolio(json)
    const html = renderReportHtml(
      annualReport(portfolio.conventions[2]!, { ...inputs, partners: portfolio.partners, year: 2024 })
    )
    expect(html.match(/<\/style>/gu)).toHaveLength(1)
    expect(html).not.toContain("<script>")
    expect(html).toContain(
      '@top-left { content: "Caisse d\\27 allocations familiales de l\\27 Essonne \\d7  Asso\\22 \\3b  \\7d  \\3c \\2f style\\3e \\3c script\\3e alert\\28 1\\29 \\3c \\2f script\\3e  \\5c  é";'
    )
    expect(html).toContain('@bottom-right { content: "page " counter(page) " / " counter(pages);')
    expect(html).toContain('@bottom-left { content: "Bilan annuel 2024 \\2014  situation au 15\\2f 07\\2f 2025";')
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
    expect([report.totals.granted, report.totals.received, report.totals.eligibleSpend].map(String)).toEqual([
      "90000.00",
      "45000.00",
      "29750.00"
    ])
    // On 15 July 2025 the 2025 advance (15 000 €, due 31 March, deadline 30 May) is due and not paid.
    expect([report.totals.stillToPay, report.totals.toRepay, report.totals.awaitingUse].map(String)).toEqual([
      "15000.00",
      "15250.00",
      "0.00"
    ])
    expect(report.years[2]?.funding.instalments[0]).toMatchObject({ status: "late", daysLate: 46 })
    // On 30 June 2024, 2023 is settled and 2024's money received beyond its spending is awaiting use.
    const midway = conventionReport(cpo, { ...inputs, asOf: "2024-06-30" })
    expect([midway.totals.toRepay, midway.totals.awaitingUse].map(String)).toEqual(["14500.00", "6100.00"])
  })

  it("draws a chart of the objectives a year, a missed one hatched, and the money by year, nothing unspent for a year not over", () => {
    const html = renderReportHtml(report)
    const charts = [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">([\s\S]*?)<\/figure>/gu)]
    expect(
      charts.map((m) => [
        m[1],
        (m[2]!.match(/class="bar[ "]/gu) ?? []).length,
        (m[2]!.match(/class="bar not-met"/gu) ?? []).length
      ])
    ).toEqual([
      ["objectifs-2023", 4, 4],
      ["objectifs-2024", 4, 0],
      ["objectifs-2025", 4, 0],
      // 2025 is in progress on 15 July 2025: its unspent part is written, not drawn.
      ["financement", 11, 0]
    ])
    expect(charts[0]![2]!.match(/<path class="mark not-met"/gu)).toHaveLength(4)
    expect(charts[2]![2]!).not.toMatch(/<path class="mark/u)
    expect(charts[3]![2]!).toContain(">établi à la fin de l&#39;année (année en cours)</text>".replace("&#39;", "'"))
    // Année, accordé, reçu, report reçu, dépenses éligibles, employé, excédent conservé, reporté,
    // à reverser, en attente d'emploi, reste à verser: every column of the ledger, summed.
    expect(plain(renderReportMarkdown(report))).toContain(
      "| Total | 90 000,00 € | 45 000,00 € | 0,00 € | 29 750,00 € | 29 750,00 € | 30 250,00 € | 0,00 € | 0,00 € | 15 250,00 € | 0,00 € | 15 000,00 € |"
    )
  })

  it("refuses an impossible as-of day", () => {
    expect(() => conventionReport(cpo, { ...inputs, asOf: "2025-02-30" })).toThrow(
      expect.objectContaining({
        subject: "report options",
        issues: [
          expect.objectContaining({
            path: ["asOf"],
            message: "2025-02-30 is not a calendar date: February 2025 has 28 days"
          })
        ]
      })
    )
  })
})

describe("what a report is told", () => {
  it("names the parties by their id when the partners are not given or not found", () => {
    const { partners: _partners, ...withoutPartners } = inputs
    expect(annualReport(cpo, { ...withoutPartners, year: 2024 }).parties).toEqual({ funder: "caf-91", partner: "fase" })
    expect(annualReport(cpo, { ...inputs, partners: [inputs.partners![1]!], year: 2024 }).parties).toEqual({
      funder: "caf-91",
      partner: "France Active Seine-et-Marne Essonne"
    })
  })

  it("traces the lineage through the conventions given, the convention itself included or not", () => {
    const ids = (report: AnnualReport) => report.lineage.map((convention) => convention.id)
    const { conventions: _conventions, ...withoutConventions } = inputs
    expect(ids(annualReport(cpo, { ...withoutConventions, year: 2024 }))).toEqual(["cpo-2023-2025"])
    expect(ids(annualReport(cpo, { ...inputs, conventions: portfolio.conventions.slice(0, 2), year: 2024 }))).toEqual([
      "appui-technique-2018",
      "accord-cadre-2020-2022",
      "cpo-2023-2025"
    ])
    // A list that holds the convention but not its predecessor cannot trace its lineage.
    expect(() => annualReport(cpo, { ...inputs, conventions: [cpo], year: 2024 })).toThrow(
      expect.objectContaining({ _tag: "LineageError", problem: "missing-predecessor" })
    )
  })

  it("evaluates the objectives with the eligibility rules it is given", () => {
    const volunteers = [...inputs.activities].map((activity) => ({
      ...activity,
      structures: activity.structures.map((structure) => ({ ...structure, employer: false }))
    }))
    const strict = {
      ...inputs,
      activities: volunteers,
      rules: withRule(DEFAULT_ELIGIBILITY_RULES, EMPLOYER_STRUCTURE_RULE)
    }
    const status = (report: AnnualReport) =>
      report.objectives.results.find((result) => result.objectiveId === "accompagnement-individuel")?.status
    expect([
      status(annualReport(cpo, { ...inputs, activities: volunteers, year: 2024 })),
      status(annualReport(cpo, { ...strict, year: 2024 }))
    ]).toEqual(["met", "not-met"])
    expect(
      conventionReport(cpo, strict).objectives.find(
        (objective) => objective.objectiveId === "accompagnement-individuel"
      )?.met
    ).toEqual([])
  })
})

describe("a report read back from its JSON", () => {
  it("is refused by both renderers with an InvalidArgumentError, not a TypeError: its amounts are texts there", () => {
    const copy = JSON.parse(JSON.stringify(annualReport(cpo, { ...inputs, year: 2024 })))
    expect(() => renderReportHtml(copy)).toThrow(
      expect.objectContaining({ _tag: "InvalidArgument", argument: "report" })
    )
    expect(() => renderReportMarkdown(copy)).toThrow(
      expect.objectContaining({ _tag: "InvalidArgument", argument: "report" })
    )
    // The tables too: the fuzz run found reportTables and reportTablesCsv throwing "value.format is not a function".
    expect(() => reportTables(copy)).toThrow(expect.objectContaining({ _tag: "InvalidArgument", argument: "report" }))
    expect(() => reportTablesCsv(copy)).toThrow(
      expect.objectContaining({ _tag: "InvalidArgument", argument: "report" })
    )
    expect(renderReportMarkdown(annualReport(cpo, { ...inputs, year: 2024 }))).toMatch(/^# Bilan annuel 2024/u)
  })
})
