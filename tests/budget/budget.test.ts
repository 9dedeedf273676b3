import { describe, expect, it } from "vitest"
import {
  InvalidArgumentError,
  ValidationError,
  annualReport,
  parseExpenses,
  checkBudgets,
  conventionReport,
  fundingLedger,
  checkEligibility,
  parseCandidate,
  screenEligibility,
  checkCompliance,
  compareFinancialReport,
  evaluateFundingUse,
  parseFinancialReport,
  parsePortfolio,
  partnerPublicFunding,
  renderReportHtml,
  renderReportMarkdown,
  safeParseFinancialReport,
  type Portfolio
} from "caf-conventions"
import { evs, evsData, exampleData, problems } from "../fixtures.js"

// An invented partner (not the founding case): Association Le Relais, two Caf conventions in 2025
// (90 000 € and 40 000 €) and a département grant of 30 000 € recorded in the first one's budget.
const relaisJson = () => exampleData("budget-portfolio.json")
const relais = (change: (json: any) => void = () => {}): Portfolio => {
  const json = relaisJson()
  change(json)
  return parsePortfolio(json)
}
/** Amounts are formatted with no-break spaces (U+202F, U+00A0): compared here as plain spaces. */
const plain = (text: string | undefined) => text?.replace(/[\u202f\u00a0]/gu, " ")
const cpoOf = (portfolio: Portfolio) => portfolio.conventions.find((c) => c.id === "cpo-relais-2025-2027")!

describe("the forecast budget", () => {
  it("adds up the cost, keeps contributions in kind apart, and prorates funding above the cost", () => {
    const [check] = checkBudgets(cpoOf(relais()), { year: 2025 })
    // 8 000 + 12 000 + 10 000 + 85 000 + 5 000 = 120 000 €; 86/87: 6 000 € each, outside.
    expect(check?.cost.toString()).toBe("120000.00")
    expect(check?.inKind.uses.toString()).toBe("6000.00")
    expect(check?.inKind.contributions.toString()).toBe("6000.00")
    // 90 000 + 30 000 + 10 000 (requested) + 5 000 (requested) = 135 000 €, 15 000 € above the cost.
    expect(check?.funding.toString()).toBe("135000.00")
    expect(check?.overfunding.toString()).toBe("15000.00")
    // Caf 90 000 × 120 000 / 135 000 = 80 000 €.
    expect(check?.proratedCaf.toString()).toBe("80000.00")
    // Caf share 90 000 / 120 000 = 75 %, within the 80 % cap (96 000 €).
    expect(check?.cafShare).toEqual({ numerator: 3, denominator: 4 })
    expect(check?.cafCapAmount?.toString()).toBe("96000.00")
    expect(check?.awardedCaf.toString()).toBe("80000.00")
    expect(check?.findings.map((f) => [f.rule, f.severity])).toEqual([["budget-overfunding", "warning"]])
    expect(plain(check?.explanation.children.find((c) => c.ruleId === "budget-caf-share")?.sentence)).toBe(
      "La Caf finance 90 000,00 € sur 120 000,00 €, soit 75 % du coût ; plafond 80 %, soit 96 000,00 € au plus : dans le plafond."
    )
  })

  it("reports a Caf share above the cap, with the highest amount allowed", () => {
    const [check] = checkBudgets(cpoOf(relais()), { year: 2025, cafShareCap: "0.7" })
    // 70 % of 120 000 € = 84 000 €; the Caf asks 90 000 €, 6 000 € above; awarded min(80 000, 84 000).
    expect(check?.cafCapAmount?.toString()).toBe("84000.00")
    expect(check?.awardedCaf.toString()).toBe("80000.00")
    const finding = check?.findings.find((f) => f.rule === "budget-caf-share")
    expect(finding?.severity).toBe("error")
    expect(plain(finding?.message)).toContain("6 000,00 € au-dessus du plafond")
  })

  it("has no cap unless one is given, and no prorating when funding stays within the cost", () => {
    const [check] = checkBudgets(
      cpoOf(
        relais((json) => {
          const budget = json.conventions[0].budgets[0]
          delete budget.cafShareCap
          budget.funders = budget.funders.slice(0, 2) // 90 000 + 30 000 = 120 000 €, the cost
        })
      )
    )
    expect(check?.cafShareCap).toBeUndefined()
    expect(check?.overfunding.toString()).toBe("0.00")
    expect(check?.awardedCaf.toString()).toBe("90000.00")
    expect(check?.findings).toEqual([])
  })

  it("flags a Caf line that differs from the convention's amount, and a year outside the convention", () => {
    const portfolio = relais((json) => {
      json.conventions[0].budgets[0].funders[0].granted = "95000"
      json.conventions[0].budgets.push({ year: 2028, charges: [{ account: "64", amount: "1000" }] })
    })
    const rules = checkBudgets(cpoOf(portfolio)).flatMap((check) =>
      check.findings.map((f) => `${f.rule}:${f.severity}`)
    )
    expect(rules).toContain("budget-caf-amount:warning")
    expect(rules).toContain("budget-year:error")
  })

  it("refuses a charge on a product account and in-kind on a charge line, with paths", () => {
    const json = relaisJson()
    json.conventions[0].budgets[0].charges[0].account = "74"
    json.conventions[0].budgets[0].inKind[0].account = "64"
    const messages = problems(parsePortfolioSafe(json))
    expect(messages.some((m) => m.startsWith("conventions.0.budgets.0.charges.0.account"))).toBe(true)
    expect(messages.some((m) => m.startsWith("conventions.0.budgets.0.inKind.0.account"))).toBe(true)
  })
})

import { safeParsePortfolio } from "caf-conventions"
const parsePortfolioSafe = (json: unknown) => safeParsePortfolio(json)

describe("all public subsidies of a partner", () => {
  it("adds the two Caf conventions and the département's grant: 160 000 € in 2025, above 153 000 €", () => {
    const [row] = partnerPublicFunding(relais(), { year: 2025 })
    expect(row?.partnerId).toBe("asso-le-relais")
    expect(row?.subsidies.map((s) => `${s.conventionId}:${s.amount.toString()}`)).toEqual([
      "cof-relais-parentalite-2025:40000.00",
      "cpo-relais-2025-2027:90000.00",
      "cpo-relais-2025-2027:30000.00"
    ])
    expect(row?.total.toString()).toBe("160000.00")
    expect(row?.aboveAuditorThreshold).toBe(true)
    // The commune's 10 000 € is requested, not granted: listed, not counted.
    expect(row?.notCounted.map((s) => `${s.funderName}:${s.amount.toString()}`)).toEqual([
      "Ville d'Évry-Courcouronnes:10000.00"
    ])
    const auditor = row?.findings.find((f) => f.rule === "public-subsidies-auditor")
    expect(auditor?.severity).toBe("warning")
    expect(plain(auditor?.message)).toContain(
      "40 000,00 € (convention cof-relais-parentalite-2025, Caisse d'allocations familiales de l'Essonne) + 90 000,00 € (convention cpo-relais-2025-2027, Caisse d'allocations familiales de l'Essonne) + 30 000,00 € (Département, Département de l'Essonne, budget de cpo-relais-2025-2027) = 160 000,00 €"
    )
    expect(auditor?.source).toContain("L. 612-4")
    expect(row?.findings.find((f) => f.rule === "prefecture-filing")?.source).toContain(
      "décret n° 2001-495 du 6 juin 2001, art. 2"
    )
    expect(plain(row?.findings.find((f) => f.rule === "written-convention-cofunder")?.message)).toContain("30 000,00 €")
  })

  it("stays below the threshold in 2026, when only the multi-year convention runs (90 000 €)", () => {
    const [row] = partnerPublicFunding(relais(), { year: 2026 })
    expect(row?.total.toString()).toBe("90000.00")
    expect(row?.aboveAuditorThreshold).toBe(false)
    expect(row?.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(["public-subsidies-auditor:info"])
  })

  it("does not count a draft's amount as received, and says so when nothing is", () => {
    // The 40 000 € convention of 2025 still a draft: not awarded, shown apart.
    const drafted = relais((json) => {
      const cof = json.conventions.find((c: { id: string }) => c.id === "cof-relais-parentalite-2025")
      delete cof.signatureDate
      delete cof.notificationDate
    })
    const [row] = partnerPublicFunding(drafted, { year: 2025 })
    expect(row?.total.toString()).toBe("120000.00")
    expect(row?.aboveAuditorThreshold).toBe(false)
    expect(row?.notCounted.map((s) => `${s.conventionId}:${s.amount.toString()}:${s.reason}`)).toContain(
      "cof-relais-parentalite-2025:40000.00:projet de convention non signé : la subvention n'est pas encore attribuée"
    )
    // A year with no subsidy at all reads as such, once.
    const [none] = partnerPublicFunding(relais(), { year: 2030 })
    expect(none?.findings.map((f) => f.message)).toEqual([
      "Association Le Relais (exemple illustratif) ne reçoit en 2030 aucune subvention publique : ni commissaire aux comptes ni dépôt à la préfecture au titre des subventions."
    ])
  })

  it("makes compliance test the partner's total instead of one convention's amount", () => {
    const portfolio = relais()
    const alone = checkCompliance(cpoOf(portfolio))
    expect(alone.some((f) => f.rule === "prefecture-filing")).toBe(false) // 90 000 € alone is below 153 000 €
    const together = checkCompliance(cpoOf(portfolio), { portfolio })
    const filing = together.filter((f) => f.rule === "prefecture-filing")
    expect(filing.map((f) => f.message.slice(0, 60))).toEqual([
      "Association Le Relais (exemple illustratif) reçoit en 2025 1"
    ])
    expect(plain(filing[0]?.message)).toContain("160 000,00 €")
    expect(together.some((f) => f.rule === "budget-overfunding")).toBe(true)
  })
})

describe("the financial report (compte rendu financier)", () => {
  const report = () => parseFinancialReport(exampleData("financial-report-2025.json"))

  it("compares each line with the budget: variance in euros and %, unexplained ones beyond 15 % are findings", () => {
    const comparison = compareFinancialReport(cpoOf(relais()), report())
    const personnel = comparison.lines.find((line) => line.account === "64")
    // 70 000 − 85 000 = −15 000 €, −15 000 / 85 000 = −3/17 (−17,6 %), beyond 15 %, not explained.
    expect(personnel?.forecast.toString()).toBe("85000.00")
    expect(personnel?.forecastFrom).toBe("budget")
    expect(personnel?.variance.toString()).toBe("-15000.00")
    expect(personnel?.varianceShare).toEqual({ numerator: -3, denominator: 17 })
    expect(personnel?.beyondTolerance).toBe(true)
    // 62: 13 000 − 10 000 = +3 000 € (+30 %), explained; 60: −400 € (−5 %), within.
    expect(comparison.lines.find((line) => line.account === "62")?.beyondTolerance).toBe(true)
    expect(comparison.lines.find((line) => line.account === "60")?.beyondTolerance).toBe(false)
    // Own resources 4 000 against 5 000 requested: −20 %, not explained.
    expect(comparison.findings.map((f) => f.path?.join("."))).toEqual([
      "charges.3.explanation",
      "products.3.explanation"
    ])
    expect(plain(comparison.findings[0]?.message)).toBe(
      "2025, Charges de personnel (compte 64) : prévu 85 000,00 €, réalisé 70 000,00 €, écart −15 000,00 € (−17,6 %), au-delà de la tolérance de 15 % fixée par la convention, sans explication."
    )
    // Totals: charges 7 600 + 12 000 + 13 000 + 70 000 + 5 000 = 107 600 €; other funding 30 000 + 0 + 4 000 = 34 000 €.
    expect(comparison.actualCost.toString()).toBe("107600.00")
    expect(comparison.otherFundingReceived.toString()).toBe("34000.00")
    expect(comparison.cafReceived.toString()).toBe("90000.00")
    expect(comparison.eligibleSpend.toString()).toBe("73600.00")
    expect(comparison.totals.inKind.actual.toString()).toBe("12000.00")
  })

  it("shows variances without requiring explanations when the convention sets no tolerance", () => {
    const portfolio = relais((json) => delete json.conventions[0].terms.reporting)
    const comparison = compareFinancialReport(cpoOf(portfolio), report())
    expect(comparison.tolerance).toBeUndefined()
    expect(comparison.findings.filter((f) => f.rule === "financial-report-variance")).toEqual([])
  })

  it("feeds the funding use when no expense is given: 73 600 € spent, 16 400 € of the 90 000 € to repay", () => {
    const use = evaluateFundingUse(cpoOf(relais()), {
      year: 2025,
      payments: [
        { id: "v1", date: "2025-03-20", year: 2025, amount: "45000" },
        { id: "v2", date: "2025-10-01", year: 2025, amount: "45000" }
      ] as never,
      expenses: [],
      asOf: "2026-06-30",
      financialReport: report()
    })
    expect(use.eligibleExpenses.map((e) => `${e.id}:${e.amount.toString()}`)).toEqual([
      "compte-rendu-financier-2025:73600.00"
    ])
    expect(use.settlement.eligibleSpend.toString()).toBe("73600.00")
    expect(use.settlement.toRepay.toString()).toBe("16400.00")
    expect(use.financialReport?.receivedOn).toBe("2026-05-12")
    expect(use.financialReport?.comparison?.eligibleSpend.toString()).toBe("73600.00")
    // An expense dated 2026 does not stop the report standing for 2025; one dated 2025 does.
    const expense = (date: string) =>
      parseExpenses([{ id: "e1", date, amount: "500", category: "experts", sector: "parentalite", document: "F-1" }])
    const withExpense = (date: string) =>
      evaluateFundingUse(cpoOf(relais()), {
        year: 2025,
        payments: [],
        expenses: expense(date),
        financialReport: report()
      }).settlement.eligibleSpend.toString()
    expect(withExpense("2026-02-01")).toBe("73600.00")
    expect(withExpense("2025-02-01")).toBe("500.00")
  })

  it("refuses a report with no charge, a bad account or an amount as a number, with paths", () => {
    const json = exampleData("financial-report-2025.json")
    json.charges[0].account = "86"
    json.products[0].actual = 90000
    expect(problems(safeParseFinancialReport(json)).map((m) => m.split(":")[0])).toEqual([
      "charges.0.account",
      "products.0.actual"
    ])
    expect(safeParseFinancialReport({ conventionId: "c", year: 2025, charges: [], products: [] }).success).toBe(false)
  })

  it("shows the table in the annual report, in Markdown and HTML, with the variances", () => {
    const portfolio = relais()
    const annual = annualReport(cpoOf(portfolio), {
      year: 2025,
      asOf: "2026-06-30",
      partners: portfolio.partners,
      conventions: portfolio.conventions,
      activities: [],
      payments: [],
      expenses: [],
      financialReports: [report()]
    })
    const markdown = plain(renderReportMarkdown(annual))
    expect(markdown).toContain(
      "| Charges | 64 Charges de personnel | 85 000,00 € | 70 000,00 € | −15 000,00 € | −17,6 % | écart à expliquer |"
    )
    expect(markdown).toContain("| Total | Charges (60 à 68) | 120 000,00 € | 107 600,00 € | −12 400,00 € |")
    expect(renderReportHtml(annual)).toContain("Hausse des frais de déplacement pour les sorties familiales.")
    expect(
      annual.compliance.some(
        (f) => f.rule === "prefecture-filing" && plain(f.message)?.includes("160 000,00 €") === true
      )
    ).toBe(true)
  })
})

describe("wrong arguments", () => {
  it("get the library's errors, with the argument named", () => {
    const cpo = cpoOf(relais())
    expect(() =>
      evaluateFundingUse(cpo, { year: 2025, payments: [], expenses: [], financialReport: "x" as never })
    ).toThrow(ValidationError)
    const other = parseFinancialReport({ ...exampleData("financial-report-2025.json"), year: 2026 })
    expect(() => evaluateFundingUse(cpo, { year: 2025, payments: [], expenses: [], financialReport: other })).toThrow(
      /for cpo-relais-2025-2027 in 2026, not cpo-relais-2025-2027 in 2025/u
    )
    expect(() => compareFinancialReport(relais().conventions[1]!, other)).toThrow(InvalidArgumentError)
    expect(() => checkBudgets(cpo, { cafShareCap: "80 %" })).toThrow(InvalidArgumentError)
    expect(() => checkCompliance(cpo, { portfolio: { conventions: "none" } as never })).toThrow(InvalidArgumentError)
    expect(() => partnerPublicFunding(relais(), { year: 25 })).toThrow(InvalidArgumentError)
    expect(() =>
      annualReport(cpo, { year: 2025, activities: [], payments: [], expenses: [], financialReports: "x" as never })
    ).toThrow(ValidationError)
  })

  it("a year that is an object without a prototype is refused with the library's error, not a TypeError", () => {
    const cpo = cpoOf(relais())
    const year = Object.create(null) as never
    expect(() => checkBudgets(cpo, { year })).toThrow(
      new InvalidArgumentError({ argument: "year", message: "expected a year between 1000 and 9999, got an object" })
    )
    expect(() => partnerPublicFunding(relais(), { year })).toThrow(
      new InvalidArgumentError({ argument: "year", message: "expected a year between 1000 and 9999, got an object" })
    )
  })
})

describe("no double funding reads the budget", () => {
  const withFptAction = (fpt: boolean) =>
    cpoOf(
      relais((json) => {
        json.conventions[0].terms.excludedSchemes = ["fpt"]
        json.conventions[0].budgets.push({
          year: 2025,
          actionId: "ateliers-parents-2025",
          charges: [{ account: "64", amount: "20000" }],
          funders: [
            { kind: "caf", name: "Caf de l'Essonne", requested: "12000", granted: "12000" },
            ...(fpt
              ? [{ kind: "caf-fpt", name: "Fonds publics et territoires", requested: "8000", granted: "8000" }]
              : [])
          ]
        })
      })
    )
  const candidate = parseCandidate({
    id: "ateliers-parents-2025",
    structureId: "mjc-viry-chatillon",
    legalForm: "association-loi-1901",
    departement: "91",
    situation: "en-developpement",
    sector: "parentalite",
    accompanimentKind: "collectif"
  })

  it("fails an action whose budget lists FPT, though the candidate declares no other funding", () => {
    const failing = checkEligibility(withFptAction(true), candidate, { date: "2025-06-01" })
    expect(failing.failedRules).toEqual(["no-double-funding"])
    const passing = checkEligibility(withFptAction(false), candidate, { date: "2025-06-01" })
    expect(passing.failedRules).toEqual([])
    // The same action in 2026: the 2025 budget does not count.
    expect(checkEligibility(withFptAction(true), candidate, { date: "2026-06-01" }).failedRules).toEqual([])
    // The batch path agrees with the explained one.
    const screening = screenEligibility(withFptAction(true), [candidate], { date: "2025-06-01" })
    expect([screening.eligible, screening.ineligible]).toEqual([0, 1])
  })
})

describe("the financial report across the convention's years", () => {
  it("feeds the ledger and the end-of-convention report for its year only", () => {
    const portfolio = relais()
    const cpo = cpoOf(portfolio)
    const report = parseFinancialReport(exampleData("financial-report-2025.json"))
    const ledger = fundingLedger(cpo, { payments: [], expenses: [], financialReports: [report] })
    expect(ledger.years.map((year) => `${year.year}:${year.settlement.eligibleSpend.toString()}`)).toEqual([
      "2025:73600.00",
      "2026:0.00",
      "2027:0.00"
    ])
    expect(() => fundingLedger(cpo, { payments: [], expenses: [], financialReports: [report, report] })).toThrow(
      /a second financial report for 2025/u
    )
    const whole = conventionReport(cpo, {
      activities: [],
      payments: [],
      expenses: [],
      conventions: portfolio.conventions,
      partners: portfolio.partners,
      financialReports: [report]
    })
    expect(plain(renderReportMarkdown(whole))).toContain("73 600,00 €")
  })

  it("keeps the table's text escaped: a pipe and markup in an explanation stay text", () => {
    const json = exampleData("financial-report-2025.json")
    json.charges[3].explanation = "Départ | non remplacé\n# <b>titre</b>"
    const portfolio = relais()
    const annual = annualReport(cpoOf(portfolio), {
      year: 2025,
      activities: [],
      payments: [],
      expenses: [],
      financialReports: [parseFinancialReport(json)]
    })
    const markdown = renderReportMarkdown(annual)
    expect(markdown).toContain("Départ \\| non remplacé")
    expect(markdown).not.toContain("<b>")
    expect(renderReportHtml(annual)).toContain("&lt;b&gt;titre&lt;/b&gt;")
  })
})

describe("lines without a label, on the second convention (Les Tilleuls, 2024)", () => {
  const plain = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

  it("name the account by the plan comptable, and keep its number apart from the amount", () => {
    const [budget] = checkBudgets(evs())
    const cost = budget?.explanation.children.find((node) => node.ruleId === "budget-cost")
    expect(plain(cost?.sentence ?? "")).toBe(
      "Charges prévues (comptes 60 à 68) : 5 000,00 € (60 Achats) + 6 000,00 € (61 Services extérieurs) + 32 000,00 € (64 Charges de personnel) + 2 000,00 € (65 Autres charges de gestion courante) = 45 000,00 €."
    )
  })

  it("give the compte rendu financier's line the account's name, or « compte 73 » where the library knows none", () => {
    const json = evsData("financial-report-2024.json")
    json.products.push({ account: "73", actual: "300" })
    const comparison = compareFinancialReport(evs(), parseFinancialReport(json))
    expect(comparison.lines.map((line) => [line.account, line.label])).toEqual([
      ["60", "Achats"],
      ["61", "Services extérieurs"],
      ["64", "Charges de personnel"],
      ["65", "Autres charges de gestion courante"],
      ["74", "Caf (Caf de la Sarthe)"],
      ["74", "Département (Département de la Sarthe)"],
      ["74", "Commune (Ville de Sablé-sur-Sarthe)"],
      ["70", "Ressources propres (Participations des familles)"],
      ["73", "compte 73"]
    ])
  })
})
