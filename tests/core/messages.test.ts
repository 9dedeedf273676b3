import { describe, expect, it } from "vitest"
import {
  MultilineTextSchema,
  TextSchema,
  ValidationError,
  formatIssues,
  issueMessage,
  makeCodec,
  safeParseConvention,
  safeParsePeriod
} from "caf-conventions"
import { editDistance, nearest } from "../../src/core/suggest.js"
import { uniqueOfDecoded } from "../../src/core/records.js"
import { translate } from "../../src/vocabulary/check-translations.js"
import { exampleData, foundingPortfolioJson } from "../fixtures.js"

/** The founding convention's JSON, with one change. */
function founding(change: (json: Record<string, any>) => void): unknown {
  const json = structuredClone(
    (exampleData("portfolio.json") as { conventions: Array<Record<string, any>> }).conventions[2]
  ) as Record<string, any>
  change(json)
  return json
}

function issuesOf(input: unknown) {
  const result = safeParseConvention(input)
  if (result.success) throw new Error("expected the convention to be refused")
  return result.error.issues
}

describe("suggestions", () => {
  it("count letters inserted, removed, replaced, or two neighbours swapped", () => {
    expect(editDistance("sprot", "sport")).toBe(1)
    expect(editDistance("jeunese", "jeunesse")).toBe(1)
    expect(editDistance("kitten", "sitting")).toBe(3)
    expect(editDistance("", "abc")).toBe(3)
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3)
  })

  it("offer the nearest codes, without accents or case, by initials, and none when all are far", () => {
    const sectors = ["petite-enfance", "enfance", "jeunesse", "parentalite", "animation-vie-sociale"]
    expect(nearest("Parentalité", sectors)).toEqual(["parentalite"])
    expect(nearest("enfence", sectors)).toEqual(["enfance"])
    expect(nearest("sector", ["period", "sectors", "territory"])).toEqual(["sectors"])
    expect(nearest("cpo", ["accord-cadre", "convention-pluriannuelle-objectifs"])).toEqual([
      "convention-pluriannuelle-objectifs"
    ])
    expect(nearest("logement-social-et-familial", sectors)).toEqual([])
    expect(nearest("", sectors)).toEqual([])
  })
})

describe("validation issues", () => {
  it("name an unknown code, repeat it, and suggest the nearest, in French and in English", () => {
    const [issue] = issuesOf(founding((json) => (json.terms.sectors = ["jeunese"])))
    expect(issue).toMatchObject({
      path: ["terms", "sectors", 0],
      code: "enum",
      found: '"jeunese"',
      suggestions: ["jeunesse"]
    })
    expect(issue?.expected).toContain('"jeunesse"')
    expect(issueMessage(issue!)).toBe(
      "« jeunese » n'est pas un code accepté ici : vouliez-vous dire « jeunesse » ? Codes acceptés : petite-enfance, enfance, jeunesse, parentalite, animation-vie-sociale, logement, handicap, acces-aux-droits"
    )
    expect(issueMessage(issue!, "en")).toBe(
      '"jeunese" is not an accepted code here: did you mean "jeunesse"? Accepted codes: petite-enfance, enfance, jeunesse, parentalite, animation-vie-sociale, logement, handicap, acces-aux-droits'
    )
    // the developer's message of earlier versions is kept as it was
    expect(issue?.message).toBe(
      'Expected "petite-enfance" | "enfance" | "jeunesse" | "parentalite" | "animation-vie-sociale" | "logement" | "handicap" | "acces-aux-droits"'
    )
  })

  it("suggest the nearest key of the object for a misspelt field, and say which field is missing", () => {
    const issues = issuesOf(founding((json) => (json.terms.sector = json.terms.sectors)))
    expect(issues).toMatchObject([
      {
        path: ["terms", "sector"],
        code: "unknown-key",
        suggestions: ["sectors"],
        message: "Expected no excess property"
      }
    ])
    const missing = issuesOf(founding((json) => delete json.title))
    expect(missing).toMatchObject([
      {
        path: ["title"],
        code: "missing-key",
        messages: { fr: "le champ obligatoire « title » manque", en: 'the required field "title" is missing' }
      }
    ])
    expect(missing[0]?.found).toBeUndefined()
  })

  it("give the string to write for a number where an amount is expected, or none when it has more than two decimals", () => {
    expect(issuesOf(founding((json) => (json.terms.amounts.yearlyAmount = 45000)))).toMatchObject([
      {
        code: "amount",
        found: "45000",
        suggestions: ["45000.00"],
        messages: {
          fr: 'un montant s\'écrit entre guillemets, avec un point avant les centimes : écrivez "45000.00" au lieu de 45000'
        }
      }
    ])
    const [precise] = issuesOf(founding((json) => (json.terms.amounts.yearlyAmount = 0.125)))
    expect(precise).toMatchObject({ code: "amount", found: "0.125" })
    expect(precise?.suggestions).toBeUndefined()
    expect(issuesOf(founding((json) => (json.terms.amounts.yearlyAmount = "30 000,50")))).toMatchObject([
      {
        code: "amount",
        suggestions: ["30000.50"],
        messages: {
          fr: "le montant doit s'écrire avec des chiffres et un point décimal, par exemple 30000.50 : écrivez « 30000.50 »"
        }
      }
    ])
  })

  it("reorder a date written day first, and say an impossible one in French", () => {
    expect(issuesOf(founding((json) => (json.signatureDate = "1/2/2023")))).toMatchObject([
      { path: ["signatureDate"], code: "date", suggestions: ["2023-02-01"] }
    ])
    expect(issuesOf(founding((json) => (json.signatureDate = "31/02/2023")))[0]?.suggestions).toBeUndefined()
    expect(issuesOf(founding((json) => (json.signatureDate = "2023-02-30")))).toMatchObject([
      { code: "date", messages: { fr: "2023-02-30 n'est pas une date : février 2023 compte 28 jours" } }
    ])
    expect(issuesOf(founding((json) => (json.signatureDate = 20230101)))).toMatchObject([
      { code: "date", found: "20230101" }
    ])
  })

  it("give a wrong JSON type the expected form, numbers out of range their bounds, and rules between fields a French sentence", () => {
    expect(issuesOf(founding((json) => (json.title = 5)))).toMatchObject([
      {
        code: "type",
        expected: "a string",
        suggestions: ['"5"'],
        messages: { fr: 'attendu : un texte entre guillemets ; trouvé : un nombre : écrivez "5"' }
      }
    ])
    expect(issuesOf(founding((json) => (json.terms.payment = { paymentDeadlineDays: 400 })))).toMatchObject([
      { code: "range", found: "400", messages: { fr: "attendu : un nombre de 0 à 366 (valeur trouvée : 400)" } }
    ])
    expect(issuesOf(founding((json) => (json.partnerId = json.funderId)))).toMatchObject([
      { path: ["partnerId"], code: "rule", messages: { fr: "le partenaire ne peut pas être le financeur (caf-91)" } }
    ])
  })

  it("shorten a long value found", () => {
    const [issue] = issuesOf(founding((json) => (json.kind = "x".repeat(500))))
    expect(issue?.found).toHaveLength(60)
    expect(issue?.found?.endsWith("…")).toBe(true)
  })

  it("translate the messages of the library's checks, and keep an unknown one in both languages with the code invalid", () => {
    expect(translate("the notification 2023-02-01 is before the signature 2023-03-01")).toEqual({
      code: "rule",
      fr: "la notification du 01/02/2023 précède la signature du 01/03/2023"
    })
    expect(translate("something new")).toBeUndefined()
    expect(ValidationError.of("thing", [{ path: ["a"], message: "something new" }]).issues).toEqual([
      { path: ["a"], message: "something new", code: "invalid", messages: { fr: "something new", en: "something new" } }
    ])
  })
})

describe("the French of texts and amounts, as a conseiller·ère reads it", () => {
  it("counts a character from 1, as a reader does", () => {
    const text = makeCodec(TextSchema, "text").safeParse("Association\nBis")
    const note = makeCodec(MultilineTextSchema, "text").safeParse("Note\u0007")
    if (text.success || note.success) throw new Error("expected both texts to be refused")
    expect(text.error.issues[0]).toMatchObject({
      code: "text",
      message: "expected a one-line text without control characters, found U+000A at index 11",
      messages: {
        fr: 'ce texte tient sur une ligne, sans caractère de contrôle : U+000A trouvé au caractère n° 12 (valeur trouvée : "Association\\nBis")'
      }
    })
    expect(note.error.issues[0]?.messages?.fr).toBe(
      'le texte contient un caractère de contrôle, U+0007, au caractère n° 5 : retirez-le (valeur trouvée : "Note\\u0007")'
    )
  })

  it("says a negative amount the French way, with its thousands", () => {
    const [issue] = issuesOf(founding((json) => (json.terms.amounts.yearlyAmount = "-30000")))
    expect(issue).toMatchObject({
      code: "amount",
      message: "amount -30000.00 must not be negative",
      messages: { fr: "le montant -30\u202f000,00\u00a0€ est négatif : il doit être positif ou nul" }
    })
  })

  it("says no problem in the singular", () => {
    expect(formatIssues(ValidationError.of("convention", []))).toEqual(["convention : 0 problème"])
  })
})

describe("formatIssues", () => {
  it("counts problems with proper plurals, in French by default and in English", () => {
    const one = safeParsePeriod({ start: "2025-01-01", end: "2024-12-31" })
    const two = safeParsePeriod({ start: "2025-02-30", end: "24-12-31" })
    if (one.success || two.success) throw new Error("expected both periods to be refused")
    expect(formatIssues(one.error)).toEqual([
      "période : 1 problème",
      "  end : la fin, le 31/12/2024, précède le début, le 01/01/2025"
    ])
    expect(formatIssues(two.error)[0]).toBe("période : 2 problèmes")
    expect(formatIssues(two.error, { locale: "en", title: "p.json" })).toEqual([
      "p.json: 2 issues",
      "  start: 2025-02-30 is not a calendar date: February 2025 has 28 days",
      '  end: "24-12-31" is not a date written yyyy-MM-dd'
    ])
  })

  it("counts the issues not listed", () => {
    const error = ValidationError.of(
      "activities",
      Array.from({ length: 102 }, (_, index) => ({ path: [index], message: "expected at least one item" }))
    )
    const lines = formatIssues(error)
    expect(lines[0]).toBe("activités : 102 problèmes, dont 2 non listés")
    expect(lines.at(-1)).toBe("  … et 2 autres problèmes")
    expect(lines[1]).toBe("  [0] : la liste est vide : elle doit compter au moins un élément")
  })
})

describe("the French of the withdrawal's and the budget's checks", () => {
  const founding = () => structuredClone(foundingPortfolioJson().conventions[2]) as Record<string, unknown>
  const frenchOf = (json: unknown) => {
    const decoded = safeParseConvention(json)
    if (decoded.success) throw new Error("expected the convention to be refused")
    return decoded.error.issues.map((issue) => [issue.path.join("."), issue.code, issue.messages?.fr])
  }

  it("say in French when a withdrawal falls outside the period, before the signature, or is repaid too late", () => {
    const early = {
      ...founding(),
      withdrawal: { decidedOn: "2022-06-01", effectiveFrom: "2022-06-01", reason: "manquement" }
    }
    expect(frenchOf(early)).toEqual([
      [
        "withdrawal.effectiveFrom",
        "rule",
        "le retrait prend effet le 01/06/2022 : il doit tomber après le premier jour et dans la période du 01/01/2023 au 31/12/2025 (un manquement dès le premier jour retire tout : enregistrez le reversement de chaque somme versée)"
      ],
      [
        "withdrawal.decidedOn",
        "rule",
        "le retrait est décidé le 01/06/2022, avant la signature de la convention (01/01/2023)"
      ]
    ])
    const late = {
      ...founding(),
      withdrawal: {
        decidedOn: "2024-06-01",
        effectiveFrom: "2024-06-01",
        reason: "manquement",
        repaymentDueDate: "2025-12-31"
      }
    }
    expect(frenchOf(late)).toEqual([
      [
        "withdrawal.repaymentDueDate",
        "rule",
        "le reversement est dû le 31/12/2025 : il doit tomber entre la décision (01/06/2024) et six mois après elle (01/12/2024)"
      ]
    ])
  })

  it("say in French which accounts a budget line may use", () => {
    const budget = {
      ...founding(),
      budgets: [{ year: 2024, charges: [{ account: "55", amount: "100.00" }], funders: [] }]
    }
    expect(frenchOf(budget)).toEqual([
      [
        "budgets.0.charges.0.account",
        "pattern",
        "« 55 » n'est pas un compte de charges : de 60 à 68 (2 à 6 chiffres, 64 ou 6411)"
      ]
    ])
  })
})

describe("consistency messages in French", () => {
  it("translates the amendment, withdrawal, indicator and date checks", () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      [
        "amendment n° 1 already changes the yearly amount on 2024-07-01: two changes of one term on one date contradict each other",
        "l'avenant n° 1 change déjà le montant annuel au 01/07/2024 : deux changements d'un même terme à la même date se contredisent"
      ],
      [
        "amendment n° 2 already changes the target of individuel in 2025 on 2025-01-01: two changes of one term on one date contradict each other",
        "l'avenant n° 2 change déjà la cible de individuel pour 2025 au 01/01/2025 : deux changements d'un même terme à la même date se contredisent"
      ],
      [
        "a year-amount change needs a convention with per-year amounts (use yearly-amount)",
        "un changement « year-amount » s'applique à une convention aux montants fixés par exercice : pour un montant annuel constant, utilisez « yearly-amount »"
      ],
      [
        "the breach of 2024-05-01 is after the decision of 2024-04-01: a withdrawal is decided once the breach is established",
        "le manquement du 01/05/2024 est postérieur à la décision du 01/04/2024 : un retrait se décide une fois le manquement établi"
      ],
      [
        "the decision is notified 2024-03-01, before it was taken (2024-04-01)",
        "la décision est notifiée le 01/03/2024, avant d'avoir été prise (01/04/2024)"
      ],
      [
        "a sum needs the field it reads",
        "une somme (« sum ») a besoin du champ qu'elle additionne : indiquez « field »"
      ],
      ['days is a number: add it up with "sum"', "« days » est un nombre : additionnez-le avec « sum »"],
      ["atMost (2.5) is below atLeast (3)", "le maximum (atMost : 2,5) est inférieur au minimum (atLeast : 3)"],
      ["give the duration in days or in hours, not both", "indiquez la durée en jours ou en heures, pas les deux"]
    ]
    for (const [english, french] of cases) expect(translate(english)?.fr, english).toBe(french)
  })

  it("gives an amendment conflict of a real convention its French message", () => {
    const change = { kind: "yearly-amount", yearlyAmount: "32000.00" }
    const amendment = (number: number) => ({
      number,
      signatureDate: "2024-06-15",
      effectiveDate: "2024-07-01",
      reason: "Hausse du montant",
      changes: [change]
    })
    const issues = issuesOf(founding((json) => (json.amendments = [amendment(1), amendment(2)])))
    expect(issues.map((issue) => [issue.code, issue.messages?.fr])).toContainEqual([
      "rule",
      'l\'avenant n° 1 change déjà le montant annuel au 01/07/2024 : deux changements d\'un même terme à la même date se contredisent (valeur trouvée : {"kind":"yearly-amount","yearlyAmount":"32000.00"})'
    ])
  })
})

describe("messages found by a Caf's developer on a convention of their own", () => {
  it("name an amendment's unknown kind of change and suggest the nearest, not 'no shape matches'", () => {
    const amendment = (kind: string) => ({
      number: 1,
      signatureDate: "2024-06-15",
      effectiveDate: "2024-07-01",
      reason: "Hausse du montant",
      changes: [{ kind, yearlyAmount: "32000.00" }]
    })
    const [misspelt] = issuesOf(founding((json) => (json.amendments = [amendment("yearly-amont")])))
    expect(misspelt).toMatchObject({
      path: ["amendments", 0, "changes", 0, "kind"],
      code: "enum",
      suggestions: ["yearly-amount", "year-amount"]
    })
    expect(issueMessage(misspelt!)).toBe(
      "« yearly-amont » n'est pas un code accepté ici : vouliez-vous dire « yearly-amount » ou « year-amount » ? Codes acceptés : yearly-amount, year-amount, period-end, sectors-added, sectors-removed, accompaniment-kinds-added, accompaniment-kinds-removed, target, objectives-added, objectives-removed, payment-terms"
    )
    const [unknown] = issuesOf(founding((json) => (json.amendments = [amendment("budget-raised")])))
    expect(issueMessage(unknown!)).toBe(
      "« budget-raised » n'est pas un code accepté ici ; codes acceptés : yearly-amount, year-amount, period-end, sectors-added, sectors-removed, accompaniment-kinds-added, accompaniment-kinds-removed, target, objectives-added, objectives-removed, payment-terms"
    )
  })

  it("say why a due day does not exist: a month of 30 days, no month 13, 29 February", () => {
    const due = (day: string) =>
      issuesOf(founding((json) => (json.terms.payment = { advanceRate: "0.5", advanceDue: day })))
        .map((issue) => issueMessage(issue))
        .join(" | ")
    expect(due("09-31")).toBe("« 09-31 » n'est pas un jour de l'année : septembre compte 30 jours")
    expect(due("13-01")).toBe(
      "« 13-01 » n'est pas un jour de l'année : il n'y a pas de mois 13 (les mois vont de 01 à 12)"
    )
    expect(due("03-00")).toBe(
      "« 03-00 » n'est pas un jour de l'année : il n'y a pas de jour 00 (les jours commencent à 01)"
    )
    expect(due("02-29")).toBe(
      "le 29 février n'existe pas chaque année : choisissez par exemple le 28 février ou le 1er mars"
    )
  })

  it("say in French that two records, or two items of a portfolio, share an id", () => {
    const record = { id: "2023-ind-viry-12", participants: 1 }
    const refused = (() => {
      try {
        uniqueOfDecoded({ decoded: [record, { ...record, participants: 2 }], issues: [], omitted: 0 }, "activities")
      } catch (error) {
        if (error instanceof ValidationError) return error.issues
      }
      return []
    })()
    expect(refused).toEqual([
      {
        path: [1, "id"],
        message: "the id 2023-ind-viry-12 is already used by record [0] with different content",
        code: "rule",
        messages: {
          fr: "l'identifiant « 2023-ind-viry-12 » est déjà pris par l'enregistrement [0], dont le contenu diffère : un même identifiant ne peut désigner que des copies identiques",
          en: "the id 2023-ind-viry-12 is already used by record [0] with different content"
        }
      }
    ])
    expect(translate("the id asso-a is already used by partners[2]")?.fr).toBe(
      "l'identifiant « asso-a » est déjà pris par partners[2]"
    )
  })
})
