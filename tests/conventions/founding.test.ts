import { beforeEach, describe, expect, it } from "vitest"
import {
  type Convention,
  type Portfolio,
  checkCompliance,
  conventionStatus,
  encodePortfolio,
  lineage,
  parseCalendarDate,
  parsePortfolio,
  termsAsOf,
  yearAmounts
} from "caf-conventions"
import { foundingPortfolio } from "../fixtures.js"

const makePortfolio = (): Portfolio => foundingPortfolio()
const makeCpo = (): Convention => portfolio.conventions.find((convention) => convention.id === "cpo-2023-2025")!

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let portfolio: Portfolio
let cpo: Convention
beforeEach(() => {
  portfolio = makePortfolio()
  cpo = makeCpo()
})

describe("the founding case: Caf de l'Essonne × France Active Seine-et-Marne Essonne", () => {
  it("decodes the partners and the three conventions", () => {
    expect(portfolio.partners.map((partner) => partner.id)).toEqual([
      "caf-91",
      "fase",
      "mjc-corbeil-essonnes",
      "mjc-sainte-genevieve-des-bois",
      "mjc-viry-chatillon",
      "maison-des-partages"
    ])
    expect(portfolio.conventions.map((convention) => convention.id)).toEqual([
      "appui-technique-2018",
      "accord-cadre-2020-2022",
      "cpo-2023-2025"
    ])
  })

  it("traces the lineage from the 2018 technical support to the 2023–2025 convention", () => {
    expect(lineage(portfolio.conventions, "cpo-2023-2025").map((convention) => convention.kind)).toEqual([
      "appui-technique",
      "accord-cadre",
      "convention-pluriannuelle-objectifs"
    ])
  })

  it("grants 30 000 € for each of 2023, 2024 and 2025, outside FPT, for the five sectors", () => {
    expect(yearAmounts(cpo).map((year) => [year.year, year.amount.toString(), year.prorated])).toEqual([
      [2023, "30000.00", false],
      [2024, "30000.00", false],
      [2025, "30000.00", false]
    ])
    const { terms } = termsAsOf(cpo, parseCalendarDate("2024-06-01"))
    expect(terms.excludedSchemes).toEqual(["fpt"])
    expect(terms.sectors).toEqual(["petite-enfance", "enfance", "jeunesse", "parentalite", "animation-vie-sociale"])
    expect(terms.objectives.find((objective) => objective.id === "accompagnement-individuel")?.target).toEqual({
      atLeast: 3
    })
  })

  it("uses the documented defaults where the text gives no figure", () => {
    expect(cpo.terms.payment).toEqual({
      advanceRate: "0.5",
      advanceDue: "03-31",
      instalments: [],
      balanceTrigger: "reports-accepted",
      paymentDeadlineDays: 60,
      rounding: "half-up"
    })
    expect(cpo.terms.reporting).toEqual({ activityReportMonths: 6, financialReportMonths: 6 })
    expect(cpo.terms.unspent).toEqual({ rule: "repay" })
  })

  it("is compliant: above 23 000 € a year with every required clause, lasting three years", () => {
    const fase = portfolio.partners.find((partner) => partner.id === "fase")!
    const findings = checkCompliance(cpo, { partner: fase })
    expect(findings.filter((finding) => finding.severity !== "info")).toEqual([])
    expect(findings.map((finding) => finding.rule)).toEqual([
      "written-convention-clauses",
      "control-and-unspent-clauses",
      "open-data-publication",
      "republican-commitment",
      "multi-year-duration"
    ])
    // Without the partner, its contrat d'engagement républicain cannot be checked: a warning says so.
    expect(
      checkCompliance(cpo)
        .filter((finding) => finding.severity !== "info")
        .map((finding) => [finding.rule, finding.severity])
    ).toEqual([["republican-commitment", "warning"]])
  })

  it("reports that the earlier conventions record no amount", () => {
    for (const convention of portfolio.conventions.slice(0, 2)) {
      // Signed in 2018 and 2020, on requests made before 1 January 2022: no contrat d'engagement républicain was required.
      expect(checkCompliance(convention).map((finding) => [finding.rule, finding.severity])).toEqual([
        ["amounts-recorded", "warning"],
        ["republican-commitment", "info"]
      ])
    }
  })

  it("is in force in 2024 and ended in 2026", () => {
    expect(conventionStatus(cpo, parseCalendarDate("2024-06-01"))).toBe("in-force")
    expect(conventionStatus(cpo, parseCalendarDate("2026-01-01"))).toBe("ended")
  })

  it("round-trips through JSON", () => {
    const again = parsePortfolio(JSON.parse(JSON.stringify(encodePortfolio(portfolio))))
    expect(encodePortfolio(again)).toEqual(encodePortfolio(portfolio))
  })
})
