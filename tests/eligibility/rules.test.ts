import { beforeEach, describe, expect, it } from "vitest"
import {
  type Convention,
  type Candidate,
  DEFAULT_ELIGIBILITY_RULES,
  REPUBLICAN_COMMITMENT_RULE,
  checkEligibility,
  compileEligibility,
  explain,
  withRule
} from "caf-conventions"
import { cpo } from "../fixtures.js"
import { on2024, viry } from "./fixtures.js"

const makeFounding = (): Convention => cpo()

/** The outcome and sentence of one rule for a candidate on a day. */
function rule(id: string, candidate: Candidate, date: string = on2024.date, convention = founding) {
  const node = checkEligibility(convention, candidate, { date }).explanation.children.find(
    (child) => child.ruleId === id
  )
  if (node === undefined) throw new Error(`no rule ${id}`)
  return { outcome: node.outcome, sentence: node.sentence, read: node.read }
}

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let founding: Convention
beforeEach(() => {
  founding = makeFounding()
})

describe("the seed's cases", () => {
  it("an MJC of Viry-Châtillon, developing, youth, individual support in 2024: eligible, every rule explained", () => {
    const result = checkEligibility(founding, viry, on2024)
    expect(result.eligible).toBe(true)
    expect(result.failedRules).toEqual([])
    expect(result.explanation.children.map((child) => [child.ruleId, child.outcome])).toEqual([
      ["convention-in-force", "pass"],
      ["sector-covered", "pass"],
      ["accompaniment-covered", "pass"],
      ["individual-support-situation", "pass"],
      ["territory", "pass"],
      ["legal-form", "pass"],
      ["not-the-partner", "pass"],
      ["no-double-funding", "pass"]
    ])
    expect(explain(result)[0]).toBe("Candidat viry-2024-individuel : éligible au 01/06/2024.")
  })

  it("the same action already funded by FPT: ineligible, citing the exclusion", () => {
    const result = checkEligibility(founding, { ...viry, otherFunding: [{ scheme: "fpt" }] }, on2024)
    expect(result.eligible).toBe(false)
    expect(result.failedRules).toEqual(["no-double-funding"])
    const node = result.explanation.children.at(-1)!
    expect(node.sentence).toBe(
      "L'action est déjà financée par Fonds publics et territoires (FPT) sur l'exercice 2024 : double financement exclu."
    )
    expect(node.source).toBe(
      "Convention : financement hors dispositifs exclus (Fonds publics et territoires) ; une même action n'est pas financée deux fois"
    )
    expect(explain(result)).toContain(
      "  ✗ Pas de double financement : L'action est déjà financée par Fonds publics et territoires (FPT) sur l'exercice 2024 : double financement exclu. (source : Convention : financement hors dispositifs exclus (Fonds publics et territoires) ; une même action n'est pas financée deux fois)"
    )
  })
})

describe("each rule, both ways", () => {
  it("convention in force", () => {
    expect(rule("convention-in-force", viry).sentence).toBe(
      "La convention cpo-2023-2025 est en vigueur le 01/06/2024 (du 01/01/2023 au 31/12/2025)."
    )
    expect(rule("convention-in-force", viry, "2026-01-15")).toMatchObject({
      outcome: "fail",
      sentence: "La convention cpo-2023-2025 n'est pas en vigueur le 15/01/2026 : échue."
    })
    const terminated = cpo(
      (json) => (json.termination = { date: "2024-03-31", reason: "Fin anticipée", requestedBy: "caf" })
    )
    expect(rule("convention-in-force", viry, "2024-06-01", terminated).sentence).toBe(
      "La convention cpo-2023-2025 n'est pas en vigueur le 01/06/2024 : résiliée."
    )
  })

  it("sector covered", () => {
    expect(rule("sector-covered", viry).outcome).toBe("pass")
    expect(rule("sector-covered", { ...viry, sector: "logement" })).toMatchObject({
      outcome: "fail",
      sentence:
        "Le secteur « Logement » n'est pas couvert (secteurs couverts : Petite enfance, Enfance, Jeunesse, Parentalité, Animation de la vie sociale)."
    })
  })

  it("sector covered as amended on the day", () => {
    const amended = cpo((json) => {
      json.amendments = [
        {
          number: 1,
          signatureDate: "2024-06-01",
          effectiveDate: "2024-07-01",
          reason: "Logement",
          changes: [{ kind: "sectors-added", sectors: ["logement"] }]
        }
      ]
    })
    expect(rule("sector-covered", { ...viry, sector: "logement" }, "2024-06-30", amended).outcome).toBe("fail")
    expect(rule("sector-covered", { ...viry, sector: "logement" }, "2024-07-01", amended).outcome).toBe("pass")
  })

  it("accompaniment kind provided for", () => {
    expect(rule("accompaniment-covered", { ...viry, accompanimentKind: "collectif" }).outcome).toBe("pass")
    expect(rule("accompaniment-covered", { ...viry, accompanimentKind: "appui-technique" })).toMatchObject({
      outcome: "fail",
      sentence:
        "L'accompagnement « Appui technique » n'est pas prévu (prévus : Accompagnement individuel, Accompagnement collectif, Participation aux instances partenariales, Suivi coordonné avec les équipes de la Caf)."
    })
  })

  it("situation, for individual support only", () => {
    expect(rule("individual-support-situation", { ...viry, situation: "en-difficulte" }).outcome).toBe("pass")
    expect(
      rule("individual-support-situation", { ...viry, situation: "en-difficulte-et-en-developpement" }).outcome
    ).toBe("pass")
    expect(
      rule("individual-support-situation", { ...viry, situation: "ni-difficulte-ni-developpement" })
    ).toMatchObject({
      outcome: "fail",
      sentence: "La structure n'est ni en difficulté ni en développement : l'accompagnement individuel lui est fermé."
    })
    const collective = { ...viry, situation: "ni-difficulte-ni-developpement", accompanimentKind: "collectif" } as const
    expect(rule("individual-support-situation", collective).outcome).toBe("not-applicable")
    expect(checkEligibility(founding, collective, on2024).eligible).toBe(true)
  })

  it("territory", () => {
    expect(rule("territory", { ...viry, departement: "77" as Candidate["departement"] })).toMatchObject({
      outcome: "fail",
      sentence:
        "Le département de la structure, Seine-et-Marne (77), est hors du territoire de la convention (Essonne (91))."
    })
  })

  it("legal form", () => {
    for (const legalForm of ["scic", "scop", "fondation", "mutuelle", "entreprise-esus"] as const) {
      expect(rule("legal-form", { ...viry, legalForm }).outcome).toBe("pass")
    }
    for (const legalForm of ["collectivite", "organisme-securite-sociale", "autre"] as const) {
      expect(rule("legal-form", { ...viry, legalForm }).outcome).toBe("fail")
    }
    expect(rule("legal-form", { ...viry, legalForm: "collectivite" }).sentence).toBe(
      "Collectivité territoriale : la convention accompagne des associations et structures de l'économie sociale et solidaire."
    )
  })

  it("not the partner itself", () => {
    expect(rule("not-the-partner", { ...viry, structureId: "fase" })).toMatchObject({
      outcome: "fail",
      sentence: "La structure est le partenaire de la convention lui-même : il ne peut s'accompagner."
    })
  })

  it("no double funding: excluded schemes and other conventions for the same exercise only", () => {
    const funding = (otherFunding: Candidate["otherFunding"]) =>
      rule("no-double-funding", { ...viry, otherFunding }).outcome
    expect(funding([{ scheme: "fpt", period: { start: "2021-01-01", end: "2021-12-31" } as never }])).toBe("pass")
    expect(funding([{ scheme: "fpt", period: { start: "2023-07-01", end: "2024-01-31" } as never }])).toBe("fail")
    expect(funding([{ scheme: "action-sociale-caf", conventionId: "cpo-2023-2025" }])).toBe("pass")
    expect(funding([{ scheme: "action-sociale-caf", conventionId: "cpo-ville-2024" }])).toBe("fail")
    expect(funding([{ scheme: "dla" }])).toBe("pass")
    expect(
      rule("no-double-funding", {
        ...viry,
        otherFunding: [{ scheme: "action-sociale-caf", conventionId: "cpo-ville-2024" }]
      }).sentence
    ).toBe(
      "L'action est déjà financée par la convention cpo-ville-2024 sur l'exercice 2024 : double financement exclu."
    )
  })

  it("lists every failed rule and says so at the root", () => {
    const result = checkEligibility(
      founding,
      { ...viry, departement: "77" as Candidate["departement"], sector: "logement", legalForm: "collectivite" },
      { date: "2026-02-01" }
    )
    expect(result.failedRules).toEqual(["convention-in-force", "sector-covered", "territory", "legal-form"])
    expect(result.explanation.sentence).toBe(
      "Conditions non remplies : Convention en vigueur, Secteur couvert, Territoire de la convention, Forme juridique admissible."
    )
  })
})

describe("the contrat d'engagement républicain of a subsidy applicant (optional rule)", () => {
  const rules = withRule(DEFAULT_ELIGIBILITY_RULES, REPUBLICAN_COMMITMENT_RULE)
  const node = (candidate: Candidate, date: string = on2024.date) => {
    const result = checkEligibility(founding, candidate, { date, rules })
    const found = result.explanation.children.find((child) => child.ruleId === "republican-commitment")!
    // The fast path gives the same verdict as the explanation.
    expect(compileEligibility(founding, { date, rules })(candidate)).toBe(result.eligible)
    return { eligible: result.eligible, outcome: found.outcome, sentence: found.sentence }
  }

  it("an association asking on or after 1 January 2022 without one is not eligible", () => {
    expect(node({ ...viry, subsidyRequestedOn: "2024-02-10" as never })).toEqual({
      eligible: false,
      outcome: "fail",
      sentence:
        "Subvention demandée le 10/02/2024 sans contrat d'engagement républicain souscrit : une association ou une fondation qui n'y souscrit pas ne peut recevoir de subvention."
    })
    // Without a request date, the day asked about is the request.
    expect(node(viry).outcome).toBe("fail")
  })

  it("subscribed by the day asked about, or deemed met, it passes; subscribed later, it fails", () => {
    const subscribed = {
      ...viry,
      subsidyRequestedOn: "2024-02-10" as never,
      republicanCommitment: { subscribedOn: "2024-02-10" as never, request: "Appel à projets 2024" }
    }
    expect(node(subscribed)).toEqual({
      eligible: true,
      outcome: "pass",
      sentence: "Contrat d'engagement républicain souscrit le 10/02/2024, avec la demande « Appel à projets 2024 »."
    })
    expect(node(subscribed, "2024-02-09")).toMatchObject({
      outcome: "fail",
      sentence:
        "Contrat d'engagement républicain souscrit le 10/02/2024, après le 09/02/2024 : il ne l'était pas encore ce jour-là."
    })
    const rup = {
      ...viry,
      republicanCommitment: { subscribedOn: "1985-03-01" as never, basis: "reconnaissance-utilite-publique" as const }
    }
    expect(node(rup)).toMatchObject({
      outcome: "pass",
      sentence: "Obligation réputée satisfaite depuis le 01/03/1985 : structure reconnue d'utilité publique."
    })
  })

  it("does not concern a request made before 1 January 2022, nor a cooperative", () => {
    expect(node({ ...viry, subsidyRequestedOn: "2021-12-31" as never })).toEqual({
      eligible: true,
      outcome: "not-applicable",
      sentence:
        "Subvention demandée le 31/12/2021, avant le 01/01/2022 : le contrat d'engagement républicain n'était pas exigé."
    })
    expect(node({ ...viry, legalForm: "scic" })).toMatchObject({
      outcome: "not-applicable",
      sentence:
        "Société coopérative d'intérêt collectif (SCIC) : ni association ni fondation, la structure n'a pas à souscrire le contrat d'engagement républicain."
    })
  })
})
