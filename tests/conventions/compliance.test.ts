import { describe, expect, it } from "vitest"
import {
  InvalidArgumentError,
  ValidationError,
  checkCompliance,
  parsePartner,
  type ComplianceFinding,
  type Convention,
  parsePortfolio
} from "caf-conventions"
import { cpo, finistereData } from "../fixtures.js"

/** The findings of one rule; the French no-break spaces in amounts are shown as plain spaces. */
function findings(convention: Convention, rule: string): Array<Pick<ComplianceFinding, "severity" | "message">> {
  return checkCompliance(convention)
    .filter((finding) => finding.rule === rule)
    .map(({ severity, message }) => ({ severity, message: message.replace(/[\u202f\u00a0]/gu, " ") }))
}

const all = [
  "objet",
  "montant",
  "modalites-versement",
  "conditions-utilisation",
  "controle-evaluation",
  "conservation-excedent"
]

describe("compliance: a written convention above 23 000 € a year (loi n° 2000-321, art. 10)", () => {
  it("requires object, amount, payment terms and conditions of use above 23 000 €", () => {
    const missing = cpo((json) => (json.terms.clauses = all.filter((clause) => clause !== "modalites-versement")))
    expect(findings(missing, "written-convention-clauses")).toEqual([
      {
        severity: "error",
        message:
          "Montant annuel de 30 000,00 €, au-dessus de 23 000,00 € : la clause « Modalités de versement » manque au texte signé."
      }
    ])
  })

  it("does not require them at 23 000 € exactly (the law says above)", () => {
    const at = cpo((json) => {
      json.terms.amounts.yearlyAmount = "23000"
      json.terms.clauses = []
    })
    expect(findings(at, "written-convention-clauses")).toEqual([
      {
        severity: "info",
        message:
          "Montant annuel de 23 000,00 €, pas au-dessus de 23 000,00 € : la convention écrite n'est pas obligatoire."
      }
    ])
    expect(findings(at, "control-and-unspent-clauses")).toEqual([])
  })

  it("applies the threshold to the highest yearly amount, amendments included", () => {
    const raised = cpo((json) => {
      json.terms.amounts.yearlyAmount = "20000"
      json.terms.clauses = []
      json.amendments = [
        {
          number: 1,
          signatureDate: "2024-06-01",
          effectiveDate: "2024-07-01",
          reason: "Hausse",
          changes: [{ kind: "yearly-amount", yearlyAmount: "25000" }]
        }
      ]
    })
    expect(findings(raised, "written-convention-clauses").map((finding) => finding.severity)).toEqual([
      "error",
      "error",
      "error",
      "error"
    ])
  })

  it("requires control, evaluation and unspent-money clauses for conventions signed from 3 July 2021 (loi n° 2021-875 du 1er juillet 2021, art. 1)", () => {
    const recent = cpo((json) => (json.terms.clauses = all.slice(0, 4)))
    expect(findings(recent, "control-and-unspent-clauses").map((finding) => finding.message)).toEqual([
      "Montant annuel de 30 000,00 €, au-dessus de 23 000,00 € : la clause « Modalités de contrôle et d'évaluation » manque au texte signé.",
      "Montant annuel de 30 000,00 €, au-dessus de 23 000,00 € : la clause « Conditions de conservation d'un excédent non dépensé » manque au texte signé."
    ])
    // Signed between 3 July and 25 August 2021: bound by loi n° 2021-875 (the code used to exempt them).
    const july = cpo((json) => {
      json.signatureDate = "2021-07-03"
      json.terms.clauses = all.slice(0, 4)
    })
    expect(findings(july, "control-and-unspent-clauses").map((finding) => finding.severity)).toEqual(["error", "error"])
    const older = cpo((json) => {
      json.signatureDate = "2021-07-02"
      json.terms.clauses = all.slice(0, 4)
    })
    expect(findings(older, "control-and-unspent-clauses")).toEqual([
      {
        severity: "info",
        message:
          "Convention signée le 02/07/2021, avant le 03/07/2021 : la mention des modalités de contrôle et d'évaluation et des conditions de conservation d'un excédent n'était pas encore exigée."
      }
    ])
  })

  it("reads the from day of every threshold row: open data for conventions signed from 1 August 2017, within three months", () => {
    const before = cpo((json) => (json.signatureDate = "2017-07-31"))
    expect(findings(before, "open-data-publication")).toEqual([
      {
        severity: "info",
        message:
          "Convention signée le 31/07/2017, avant le 01/08/2017 : la publication des données essentielles en données ouvertes n'était pas encore exigée."
      }
    ])
    const after = cpo((json) => (json.signatureDate = "2017-08-01"))
    expect(findings(after, "open-data-publication")).toEqual([
      {
        severity: "info",
        message:
          "Montant annuel au-dessus de 23 000,00 € : la publication des données essentielles de la convention en données ouvertes (format SCDL subventions) est due au plus tard le 01/11/2017, trois mois après sa signature."
      }
    ])
  })

  it("asks to verify the préfecture filing and audited accounts above 153 000 €", () => {
    expect(
      findings(
        cpo((json) => (json.terms.amounts.yearlyAmount = "153000.01")),
        "prefecture-filing"
      ).map((finding) => finding.severity)
    ).toEqual(["warning"])
    expect(
      findings(
        cpo((json) => (json.terms.amounts.yearlyAmount = "153000")),
        "prefecture-filing"
      )
    ).toEqual([])
  })

  it("warns when no amount is recorded", () => {
    expect(
      findings(
        cpo((json) => delete json.terms.amounts),
        "amounts-recorded"
      ).map((finding) => finding.severity)
    ).toEqual(["warning"])
  })
})

describe("compliance: length of a multi-year objectives convention (circulaire n° 5811/SG, 2015)", () => {
  it("is an error below two years", () => {
    const short = cpo((json) => (json.terms.period = { start: "2023-01-01", end: "2024-12-30" }))
    expect(findings(short, "multi-year-duration")).toEqual([
      {
        severity: "error",
        message:
          "Une convention pluriannuelle d'objectifs dure au moins deux ans ; celle-ci va du 01/01/2023 au 30/12/2024."
      }
    ])
    expect(
      findings(
        cpo((json) => (json.terms.period = { start: "2023-01-01", end: "2024-12-31" })),
        "multi-year-duration"
      )[0]?.severity
    ).toBe("info")
  })

  it("is a warning beyond four years, counting extensions", () => {
    const long = cpo((json) => {
      json.amendments = [
        {
          number: 1,
          signatureDate: "2025-06-01",
          effectiveDate: "2025-07-01",
          reason: "Prolongation",
          changes: [{ kind: "period-end", end: "2027-01-31" }]
        }
      ]
    })
    expect(findings(long, "multi-year-duration")).toEqual([
      {
        severity: "warning",
        message:
          "La convention va du 01/01/2023 au 31/01/2027, plus de quatre ans : la circulaire recommande une durée d'au plus quatre ans."
      }
    ])
    expect(
      findings(
        cpo((json) => (json.terms.period = { start: "2023-01-01", end: "2026-12-31" })),
        "multi-year-duration"
      )[0]?.severity
    ).toBe("info")
    // Four years and one day is beyond.
    expect(
      findings(
        cpo((json) => (json.terms.period = { start: "2023-01-01", end: "2027-01-01" })),
        "multi-year-duration"
      )[0]?.severity
    ).toBe("warning")
  })

  it("reads the period agreed on, not the one a termination cut short", () => {
    // Concluded for three years, terminated after twenty months: it was a multi-year convention.
    const terminated = cpo(
      (json) =>
        (json.termination = {
          date: "2024-08-31",
          reason: "Dissolution de l'association",
          requestedBy: "partenaire",
          decidedOn: "2024-07-15"
        })
    )
    expect(findings(terminated, "multi-year-duration")).toEqual([
      {
        severity: "info",
        message:
          "Durée convenue du 01/01/2023 au 31/12/2025 : entre deux et quatre ans, comme recommandé. Elle prend fin plus tôt, le 31/08/2024 (résiliation) : la durée s'apprécie sur la période convenue."
      }
    ])
    // Signed for twenty months, it is still too short, terminated or not.
    const short = cpo((json) => {
      json.terms.period = { start: "2023-01-01", end: "2024-08-31" }
      json.termination = { date: "2024-06-30", reason: "Fin anticipée", requestedBy: "commun-accord" }
    })
    expect(findings(short, "multi-year-duration")[0]?.message).toBe(
      "Une convention pluriannuelle d'objectifs dure au moins deux ans ; celle-ci va du 01/01/2023 au 31/08/2024. Elle prend fin plus tôt, le 30/06/2024 (résiliation) : la durée s'apprécie sur la période convenue."
    )
  })

  it("does not apply to other kinds of conventions", () => {
    expect(
      findings(
        cpo((json) => (json.kind = "accord-cadre")),
        "multi-year-duration"
      )
    ).toEqual([])
  })
})

describe("compliance: per-year amounts", () => {
  it("checks that the years add up to the stated total", () => {
    const wrong = cpo(
      (json) =>
        (json.terms.amounts = {
          kind: "per-year",
          byYear: { "2023": "30000", "2024": "30000", "2025": "30000" },
          totalAmount: "95000"
        })
    )
    expect(findings(wrong, "per-year-total")).toEqual([
      {
        severity: "error",
        message: "Les montants par exercice totalisent 90 000,00 €, mais le montant total prévu est de 95 000,00 €."
      }
    ])
    const right = cpo(
      (json) =>
        (json.terms.amounts = {
          kind: "per-year",
          byYear: { "2023": "30000", "2024": "30000", "2025": "30000" },
          totalAmount: "90000"
        })
    )
    expect(findings(right, "per-year-total")[0]?.severity).toBe("info")
  })

  it("reports a year of the period without an amount, and a year left outside by a shortening", () => {
    const gap = cpo((json) => (json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000", "2025": "30000" } }))
    expect(findings(gap, "years-in-period")).toEqual([
      { severity: "error", message: "Aucun montant n'est prévu pour l'exercice 2024, compris dans la période." }
    ])
    const shortened = cpo((json) => {
      json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000", "2024": "30000", "2025": "30000" } }
      json.amendments = [
        {
          number: 1,
          signatureDate: "2024-03-01",
          effectiveDate: "2024-03-01",
          reason: "Raccourcissement",
          changes: [{ kind: "period-end", end: "2024-12-31" }]
        }
      ]
    })
    expect(findings(shortened, "years-in-period")).toEqual([
      { severity: "error", message: "Un montant est prévu pour 2025, hors de la période du 01/01/2023 au 31/12/2024." }
    ])
  })
})

describe("compliance: other rules", () => {
  it("reports a draft", () => {
    expect(
      findings(
        cpo((json) => delete json.signatureDate),
        "signature"
      )
    ).toEqual([{ severity: "info", message: "Projet de convention : il n'est pas encore signé." }])
  })

  it("reports a convention funded by a scheme it excludes", () => {
    expect(
      findings(
        cpo((json) => (json.terms.fundingScheme = "fpt")),
        "funding-scheme-exclusion"
      ).map((finding) => finding.severity)
    ).toEqual(["error"])
  })

  it("warns about a convention of objectives without objectives", () => {
    expect(
      findings(
        cpo((json) => (json.terms.objectives = [])),
        "objectives-stated"
      ).map((finding) => finding.severity)
    ).toEqual(["warning"])
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
    for (const finding of checkCompliance(cpo((json) => (json.terms.clauses = []))))
      expect(finding.source.length).toBeGreaterThan(10)
  })
})

describe("compliance: the partner's contrat d'engagement républicain (loi n° 2000-321, art. 10-1; décret n° 2021-1947)", () => {
  const fase = parsePartner({
    id: "fase",
    name: "France Active Seine-et-Marne Essonne",
    legalForm: "association-loi-1901",
    territory: ["77", "91"],
    roles: ["operateur"]
  })
  const cer = (convention: Convention, partner: unknown) =>
    checkCompliance(convention, { partner: partner as never })
      .filter((finding) => finding.rule === "republican-commitment")
      .map(({ severity, message }) => ({ severity, message }))

  it("is an error for an association without one, on a convention signed from 1 January 2022", () => {
    expect(cer(cpo(), fase)).toEqual([
      {
        severity: "error",
        message:
          "France Active Seine-et-Marne Essonne n'a pas souscrit le contrat d'engagement républicain, exigé de toute association ou fondation qui demande une subvention depuis le 01/01/2022 (si la demande de subvention a été déposée avant cette date, il n'était pas exigé)."
      }
    ])
    expect(
      checkCompliance(cpo(), { partner: fase }).find((finding) => finding.rule === "republican-commitment")?.path
    ).toEqual(["partnerId"])
  })

  it("records the subscription, and warns when it came after the signature", () => {
    const subscribed = { ...fase, republicanCommitment: { subscribedOn: "2022-11-14", request: "Demande 2023-2025" } }
    expect(cer(cpo(), subscribed)).toEqual([
      {
        severity: "info",
        message:
          "France Active Seine-et-Marne Essonne : contrat d'engagement républicain souscrit le 14/11/2022, avec la demande « Demande 2023-2025 »."
      }
    ])
    const late = { ...fase, republicanCommitment: { subscribedOn: "2023-01-02" } }
    expect(cer(cpo(), late)).toEqual([
      {
        severity: "warning",
        message:
          "France Active Seine-et-Marne Essonne : contrat d'engagement républicain souscrit le 02/01/2023, après la signature de la convention le 01/01/2023 : la demande de subvention devait en être accompagnée."
      }
    ])
  })

  it("is deemed met for an association recognised of public utility; binds neither a cooperative nor a convention signed before 2022", () => {
    const rup = {
      ...fase,
      republicanCommitment: { subscribedOn: "1998-05-12", basis: "reconnaissance-utilite-publique" }
    }
    expect(cer(cpo(), rup)).toEqual([
      {
        severity: "info",
        message:
          "France Active Seine-et-Marne Essonne : obligation réputée satisfaite depuis le 12/05/1998 : structure reconnue d'utilité publique."
      }
    ])
    expect(cer(cpo(), { ...fase, legalForm: "scic" })).toEqual([
      {
        severity: "info",
        message:
          "Société coopérative d'intérêt collectif (SCIC) : ni association ni fondation, le partenaire n'a pas à souscrire le contrat d'engagement républicain."
      }
    ])
    expect(
      cer(
        cpo((json) => (json.signatureDate = "2021-12-31")),
        fase
      )
    ).toEqual([
      {
        severity: "info",
        message:
          "Convention signée le 31/12/2021, sur une demande antérieure au 01/01/2022 : le contrat d'engagement républicain n'était pas exigé."
      }
    ])
  })

  it("refuses a partner that is not the convention's, or not a partner", () => {
    expect(() => checkCompliance(cpo(), { partner: { ...fase, id: "autre" } })).toThrow(InvalidArgumentError)
    expect(() => checkCompliance(cpo(), { partner: { id: "fase" } as never })).toThrow(ValidationError)
    expect(() => checkCompliance(cpo(), null as never)).toThrow(InvalidArgumentError)
  })
})

describe("compliance: the stated total after an amendment (Les P'tits Loups, tests/data/finistere)", () => {
  const portfolio = parsePortfolio(finistereData("portfolio.json"))
  const ptitsLoups = portfolio.conventions.find((c) => c.id === "cpo-ptits-loups-2025-2027") as Convention

  it("tells the 97 000,00 € after amendment n° 1 as information, the signed years adding up to 100 000,00 €", () => {
    expect(
      checkCompliance(ptitsLoups, { portfolio })
        .filter((finding) => finding.rule === "per-year-total")
        .map((finding) => [finding.severity, finding.message.replace(/[\u00a0\u202f]/gu, " ")])
    ).toEqual([
      [
        "info",
        "Les montants par exercice du texte signé totalisent 100 000,00 €, le montant total prévu ; après l'avenant n° 1, ils totalisent 97 000,00 €."
      ]
    ])
  })

  it("still reports a signed text whose years do not add up to its total, amendment or not", () => {
    const json = finistereData("portfolio.json")
    json.conventions[0].terms.amounts.totalAmount = "99000"
    const wrong = parsePortfolio(json)
    const convention = wrong.conventions.find((c) => c.id === "cpo-ptits-loups-2025-2027") as Convention
    expect(
      checkCompliance(convention, { portfolio: wrong })
        .filter((finding) => finding.rule === "per-year-total")
        .map((finding) => [finding.severity, finding.message.replace(/[\u00a0\u202f]/gu, " ")])
    ).toEqual([
      ["error", "Les montants par exercice totalisent 97 000,00 €, mais le montant total prévu est de 99 000,00 €."]
    ])
  })

  it("tells the total after a termination, with the amendment", () => {
    const json = finistereData("portfolio.json")
    json.conventions[0].termination = {
      date: "2026-12-31",
      reason: "Dissolution de l'association",
      requestedBy: "partenaire",
      decidedOn: "2026-10-15"
    }
    const cut = parsePortfolio(json)
    const convention = cut.conventions.find((c) => c.id === "cpo-ptits-loups-2025-2027") as Convention
    expect(
      checkCompliance(convention, { portfolio: cut })
        .filter((finding) => finding.rule === "per-year-total")
        .map((finding) => [finding.severity, finding.message.replace(/[\u00a0\u202f]/gu, " ")])
    ).toEqual([
      [
        "info",
        "Les montants par exercice du texte signé totalisent 100 000,00 €, le montant total prévu ; après l'avenant n° 1 et la résiliation, ils totalisent 62 000,00 €."
      ]
    ])
  })
})
