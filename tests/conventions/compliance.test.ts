import { describe, expect, it } from "vitest"
import { checkCompliance, type ComplianceFinding, type Convention } from "caf-conventions"
import { cpo } from "../fixtures.js"

/** The findings of one rule; the French no-break spaces in amounts are shown as plain spaces. */
function findings(convention: Convention, rule: string): Array<Pick<ComplianceFinding, "severity" | "message">> {
  return checkCompliance(convention)
    .filter((finding) => finding.rule === rule)
    .map(({ severity, message }) => ({ severity, message: message.replace(/[\u202f\u00a0]/gu, " ") }))
}

const all = ["objet", "montant", "modalites-versement", "conditions-utilisation", "controle-evaluation", "conservation-excedent"]

describe("compliance: a written convention above 23 000 € a year (loi n° 2000-321, art. 10)", () => {
  it("requires object, amount, payment terms and conditions of use above 23 000 €", () => {
    const missing = cpo((json) => (json.terms.clauses = all.filter((clause) => clause !== "modalites-versement")))
    expect(findings(missing, "written-convention-clauses")).toEqual([
      { severity: "error", message: "Montant annuel de 30 000,00 €, au-dessus de 23 000,00 € : la clause « Modalités de versement » manque au texte signé." }
    ])
  })

  it("does not require them at 23 000 € exactly (the law says above)", () => {
    const at = cpo((json) => {
      json.terms.amounts.yearlyAmount = "23000"
      json.terms.clauses = []
    })
    expect(findings(at, "written-convention-clauses")).toEqual([
      { severity: "info", message: "Montant annuel de 23 000,00 €, pas au-dessus de 23 000,00 € : la convention écrite n'est pas obligatoire." }
    ])
    expect(findings(at, "control-and-unspent-clauses")).toEqual([])
  })

  it("applies the threshold to the highest yearly amount, amendments included", () => {
    const raised = cpo((json) => {
      json.terms.amounts.yearlyAmount = "20000"
      json.terms.clauses = []
      json.amendments = [{ number: 1, signatureDate: "2024-06-01", effectiveDate: "2024-07-01", reason: "Hausse", changes: [{ kind: "yearly-amount", yearlyAmount: "25000" }] }]
    })
    expect(findings(raised, "written-convention-clauses").map((finding) => finding.severity)).toEqual(["error", "error", "error", "error"])
  })

  it("requires control, evaluation and unspent-money clauses for conventions signed from 26 August 2021 (loi n° 2021-875)", () => {
    const recent = cpo((json) => (json.terms.clauses = all.slice(0, 4)))
    expect(findings(recent, "control-and-unspent-clauses").map((finding) => finding.message)).toEqual([
      "Montant annuel de 30 000,00 €, au-dessus de 23 000,00 € : la clause « Modalités de contrôle et d'évaluation » manque au texte signé.",
      "Montant annuel de 30 000,00 €, au-dessus de 23 000,00 € : la clause « Conditions de conservation d'un excédent non dépensé » manque au texte signé."
    ])
    const older = cpo((json) => {
      json.signatureDate = "2021-08-25"
      json.terms.clauses = all.slice(0, 4)
    })
    expect(findings(older, "control-and-unspent-clauses")).toEqual([
      {
        severity: "info",
        message:
          "Convention signée le 25/08/2021, avant le 26/08/2021 : les clauses de contrôle, d'évaluation et de conservation d'un excédent n'étaient pas encore exigées."
      }
    ])
  })

  it("asks to verify the préfecture filing and audited accounts above 153 000 €", () => {
    expect(findings(cpo((json) => (json.terms.amounts.yearlyAmount = "153000.01")), "prefecture-filing").map((finding) => finding.severity)).toEqual(["warning"])
    expect(findings(cpo((json) => (json.terms.amounts.yearlyAmount = "153000")), "prefecture-filing")).toEqual([])
  })

  it("warns when no amount is recorded", () => {
    expect(findings(cpo((json) => delete json.terms.amounts), "amounts-recorded").map((finding) => finding.severity)).toEqual(["warning"])
  })
})

describe("compliance: length of a multi-year objectives convention (circulaire n° 5811/SG, 2015)", () => {
  it("is an error below two years", () => {
    const short = cpo((json) => (json.terms.period = { start: "2023-01-01", end: "2024-12-30" }))
    expect(findings(short, "multi-year-duration")).toEqual([
      { severity: "error", message: "Une convention pluriannuelle d'objectifs dure au moins deux ans ; celle-ci va du 01/01/2023 au 30/12/2024." }
    ])
    expect(findings(cpo((json) => (json.terms.period = { start: "2023-01-01", end: "2024-12-31" })), "multi-year-duration")[0]?.severity).toBe("info")
  })

  it("is a warning beyond four years, counting extensions", () => {
    const long = cpo((json) => {
      json.amendments = [{ number: 1, signatureDate: "2025-06-01", effectiveDate: "2025-07-01", reason: "Prolongation", changes: [{ kind: "period-end", end: "2027-01-31" }] }]
    })
    expect(findings(long, "multi-year-duration")).toEqual([
      {
        severity: "warning",
        message: "La convention va du 01/01/2023 au 31/01/2027, plus de quatre ans : la circulaire recommande une durée d'au plus quatre ans."
      }
    ])
    expect(findings(cpo((json) => (json.terms.period = { start: "2023-01-01", end: "2026-12-31" })), "multi-year-duration")[0]?.severity).toBe("info")
    // Four years and one day is beyond.
    expect(findings(cpo((json) => (json.terms.period = { start: "2023-01-01", end: "2027-01-01" })), "multi-year-duration")[0]?.severity).toBe("warning")
  })

  it("does not apply to other kinds of conventions", () => {
    expect(findings(cpo((json) => (json.kind = "accord-cadre")), "multi-year-duration")).toEqual([])
  })
})

describe("compliance: per-year amounts", () => {
  it("checks that the years add up to the stated total", () => {
    const wrong = cpo((json) => (json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000", "2024": "30000", "2025": "30000" }, totalAmount: "95000" }))
    expect(findings(wrong, "per-year-total")).toEqual([
      { severity: "error", message: "Les montants par exercice totalisent 90 000,00 €, mais le montant total prévu est de 95 000,00 €." }
    ])
    const right = cpo((json) => (json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000", "2024": "30000", "2025": "30000" }, totalAmount: "90000" }))
    expect(findings(right, "per-year-total")[0]?.severity).toBe("info")
  })

  it("reports a year of the period without an amount, and a year left outside by a shortening", () => {
    const gap = cpo((json) => (json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000", "2025": "30000" } }))
    expect(findings(gap, "years-in-period")).toEqual([{ severity: "error", message: "Aucun montant n'est prévu pour l'exercice 2024, compris dans la période." }])
    const shortened = cpo((json) => {
      json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000", "2024": "30000", "2025": "30000" } }
      json.amendments = [{ number: 1, signatureDate: "2024-03-01", effectiveDate: "2024-03-01", reason: "Raccourcissement", changes: [{ kind: "period-end", end: "2024-12-31" }] }]
    })
    expect(findings(shortened, "years-in-period")).toEqual([
      { severity: "error", message: "Un montant est prévu pour 2025, hors de la période du 01/01/2023 au 31/12/2024." }
    ])
  })
})

describe("compliance: other rules", () => {
  it("reports a draft", () => {
    expect(findings(cpo((json) => delete json.signatureDate), "signature")).toEqual([{ severity: "info", message: "Projet de convention : il n'est pas encore signé." }])
  })

  it("reports a convention funded by a scheme it excludes", () => {
    expect(findings(cpo((json) => (json.terms.fundingScheme = "fpt")), "funding-scheme-exclusion").map((finding) => finding.severity)).toEqual(["error"])
  })

  it("warns about a convention of objectives without objectives", () => {
    expect(findings(cpo((json) => (json.terms.objectives = [])), "objectives-stated").map((finding) => finding.severity)).toEqual(["warning"])
    const funding = (objectives: Array<unknown> | undefined) =>
      cpo((json) => {
        json.kind = "convention-objectifs-financement"
        if (objectives !== undefined) json.terms.objectives = objectives
      })
    expect(findings(funding([]), "objectives-stated").map((finding) => finding.severity)).toEqual(["warning"])
    expect(findings(funding(undefined), "objectives-stated")).toEqual([])
    expect(findings(cpo(), "objectives-stated")).toEqual([])
  })

  it("cites a legal source for every finding", () => {
    for (const finding of checkCompliance(cpo((json) => (json.terms.clauses = [])))) expect(finding.source.length).toBeGreaterThan(10)
  })
})
