import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import {
  type Issue,
  MultilineTextSchema,
  TextSchema,
  ValidationError,
  formatIssues,
  issueMessage,
  makeCodec,
  safeParseConvention,
  periodDays,
  safeParseActivity,
  safeParseFinancialReport,
  safeParsePartner,
  safeParsePayment,
  safeParsePeriod,
  safeParsePortfolio
} from "caf-conventions"
import { editDistance, nearest } from "../../src/core/suggest.js"
import { uniqueOfDecoded } from "../../src/core/records.js"
import { EMPTY_LIST } from "../../src/vocabulary/validation.js"
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

  it("keep an issue made by hand in both languages with the code invalid, even when a check says the same", () => {
    expect(ValidationError.of("thing", [{ path: ["a"], message: "something new" }]).issues).toEqual([
      { path: ["a"], message: "something new", code: "invalid", messages: { fr: "something new", en: "something new" } }
    ])
    // No sentence is read back: the English of a check, given by hand, is not recognised.
    const english = "the notification 2023-02-01 is before the signature 2023-03-01"
    expect(ValidationError.of("thing", [{ path: ["a"], message: english }]).issues[0]).toMatchObject({
      code: "invalid",
      messages: { fr: english, en: english }
    })
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
      Array.from({ length: 102 }, (_, index) => ({
        path: [index],
        message: EMPTY_LIST.en,
        code: "list" as const,
        messages: EMPTY_LIST
      }))
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
  const amendment = (number: number, changes: ReadonlyArray<unknown>, effectiveDate = "2024-07-01") => ({
    number,
    signatureDate: "2024-06-15",
    effectiveDate,
    reason: "Avenant",
    changes
  })
  const issuesAt = (input: unknown) =>
    issuesOf(input).map((issue) => [issue.path.join("."), issue.code, issue.messages])

  it("words the amendment checks from their facts: a typed term, an amendment's number, a kind of change", () => {
    const target = { kind: "target", objectiveId: "accompagnement-individuel", year: 2025, target: { atLeast: 4 } }
    expect(
      issuesAt(
        founding(
          (json) => (json.amendments = [amendment(1, [target], "2025-01-01"), amendment(2, [target], "2025-01-01")])
        )
      )
    ).toEqual([
      [
        "amendments.1.changes.0",
        "rule",
        {
          fr: `l'avenant n° 1 change déjà la cible de accompagnement-individuel pour 2025 au 01/01/2025 : deux changements d'un même terme à la même date se contredisent (valeur trouvée : {"kind":"target","objectiveId":"accompagnement-individuel",…)`,
          en: `amendment n° 1 already changes the target of accompagnement-individuel in 2025 on 2025-01-01: two changes of one term on one date contradict each other (found {"kind":"target","objectiveId":"accompagnement-individuel",…)`
        }
      ]
    ])
    expect(
      issuesAt(
        founding((json) => (json.amendments = [amendment(1, [{ kind: "year-amount", year: 2024, amount: "1.00" }])]))
      )
    ).toEqual([
      [
        "amendments.0.changes.0",
        "rule",
        {
          fr: 'un changement « year-amount » s\'applique à une convention aux montants fixés par exercice : pour un montant annuel constant, utilisez « yearly-amount » (valeur trouvée : {"kind":"year-amount","year":2024,"amount":"1.00"})',
          en: 'a year-amount change needs a convention with per-year amounts (use yearly-amount) (found {"kind":"year-amount","year":2024,"amount":"1.00"})'
        }
      ]
    ])
  })

  it("says an amendment signed before the convention, with its path, the code rule and both messages", () => {
    const [issue] = issuesOf(
      founding((json) => {
        json.amendments = [
          { ...amendment(1, [{ kind: "yearly-amount", yearlyAmount: "32000.00" }]), signatureDate: "2022-12-15" }
        ]
      })
    )
    expect(issue).toEqual({
      path: ["amendments", 0, "signatureDate"],
      message: "the amendment is signed 2022-12-15, before the convention (2023-01-01)",
      code: "rule",
      found: '"2022-12-15"',
      messages: {
        fr: "l'avenant est signé le 15/12/2022, avant la convention (01/01/2023)",
        en: "the amendment is signed 2022-12-15, before the convention (2023-01-01)"
      }
    })
  })

  it("says a notification before the signature, a year outside the period and a date past the last day", () => {
    expect(
      issuesAt(
        founding((json) => {
          json.notificationDate = "2022-12-01"
          json.terms.amounts = { kind: "per-year", byYear: { "2023": "30000.00", "2026": "1.00" } }
        })
      )
    ).toEqual([
      [
        "notificationDate",
        "rule",
        {
          fr: "la notification du 01/12/2022 précède la signature du 01/01/2023",
          en: "the notification 2022-12-01 is before the signature 2023-01-01"
        }
      ],
      [
        "terms.amounts.byYear.2026",
        "rule",
        {
          fr: 'l\'année 2026 est hors de la période de la convention (du 01/01/2023 au 31/12/2025) (valeur trouvée : "1.00")',
          en: 'the year 2026 is outside the period 2023-01-01..2025-12-31 (found "1.00")'
        }
      ]
    ])
    const [late] = issuesOf(founding((json) => (json.terms.period.end = "9990-01-01")))
    expect(late).toMatchObject({ path: ["terms", "period", "end"], code: "range" })
    expect(late?.messages?.fr).toMatch(/^la date 01\/01\/9990 est postérieure au 31\/12\/9989, dernier jour/u)
    expect(late?.message).toMatch(/^the date 9990-01-01 is after 9989-12-31, the last day a convention may name/u)
  })

  it("says the objectives removed by amendments in both languages", () => {
    const removed = (number: number, date: string) =>
      amendment(number, [{ kind: "objectives-removed", objectiveIds: ["actions-collectives"] }], date)
    expect(
      issuesAt(founding((json) => (json.amendments = [removed(1, "2024-01-01"), removed(2, "2024-07-01")])))
    ).toEqual([
      [
        "amendments.1.changes.0.objectiveIds.0",
        "rule",
        {
          fr: "l'objectif actions-collectives est déjà supprimé par l'avenant n° 1 à partir du 01/01/2024",
          en: "the objective actions-collectives is already removed by amendment n° 1 from 2024-01-01"
        }
      ]
    ])
  })

  it("says a termination outside the period, and payment terms that no longer hold once a change applies", () => {
    expect(
      issuesAt(
        founding((json) => (json.termination = { date: "2026-03-01", reason: "Fin", requestedBy: "partenaire" }))
      )
    ).toEqual([
      [
        "termination.date",
        "rule",
        {
          fr: "la résiliation du 01/03/2026 est hors de la période du 01/01/2023 au 31/12/2025",
          en: "the termination date 2026-03-01 is outside the period 2023-01-01..2025-12-31"
        }
      ]
    ])
    const change = { kind: "payment-terms", instalments: [{ share: "0.6", due: "06-30" }] }
    expect(issuesAt(founding((json) => (json.amendments = [amendment(1, [change])])))).toEqual([
      [
        "amendments.0.changes.0",
        "rule",
        {
          fr: `une fois ce changement appliqué : l'avance et les versements dépassent le montant de l'année (0,5 + 0,6) (valeur trouvée : {"kind":"payment-terms","instalments":[{"share":"0.6","due"…)`,
          en: `once this change applies, the advance and the instalments add up to more than the year's amount (0.5 + 0.6) (found {"kind":"payment-terms","instalments":[{"share":"0.6","due"…)`
        }
      ]
    ])
  })

  it("says the breach of a withdrawal after its decision", () => {
    const withdrawal = { decidedOn: "2024-04-01", effectiveFrom: "2024-05-01", reason: "manquement" }
    expect(issuesAt(founding((json) => (json.withdrawal = withdrawal)))).toEqual([
      [
        "withdrawal.effectiveFrom",
        "rule",
        {
          fr: "le manquement du 01/05/2024 est postérieur à la décision du 01/04/2024 : un retrait se décide une fois le manquement établi",
          en: "the breach of 2024-05-01 is after the decision of 2024-04-01: a withdrawal is decided once the breach is established"
        }
      ]
    ])
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
    const portfolio = foundingPortfolioJson()
    portfolio.partners.push({ ...portfolio.partners[1] })
    const result = safeParsePortfolio(portfolio)
    expect(result.success ? [] : result.error.issues).toEqual([
      {
        path: ["partners", 6, "id"],
        message: "the id fase is already used by partners[1]",
        code: "rule",
        found: '"fase"',
        messages: {
          fr: "l'identifiant « fase » est déjà pris par partners[1]",
          en: "the id fase is already used by partners[1]"
        }
      }
    ])
  })
})

describe("every check of the library's schemas speaks French", () => {
  /** The source files of src/, with their text. */
  const sources = (): ReadonlyArray<readonly [string, string]> => {
    const root = fileURLToPath(new URL("../../src/", import.meta.url))
    return readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => [file, readFileSync(join(root, file), "utf8")] as const)
  }
  /** The text of each call of `name(` in a source, up to its closing parenthesis. */
  const calls = (text: string, name: string): Array<string> => {
    const found: Array<string> = []
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      let depth = 0
      let end = at + name.length - 1
      for (; end < text.length; end++) {
        if (text[end] === "(") depth++
        else if (text[end] === ")" && --depth === 0) break
      }
      found.push(text.slice(at, end + 1))
    }
    return found
  }

  it("no filter returns an English sentence, and no pattern has an English message only", () => {
    const english: Array<string> = []
    for (const [file, text] of sources()) {
      for (const call of calls(text, "Schema.makeFilter(")) {
        // A string returned, or given as a problem's issue, is a sentence only Effect would read.
        const bare = /(\|\||\breturn|\bissue:|\?)\s*["'`][^"'`]*[a-z ]{6}/u.exec(
          call.replace(/jsonSchemaHint\([^)]*\)/gu, "")
        )
        if (bare !== null) english.push(`${file}: ${bare[0]}`)
        // An English message passed on as the problem, without its French.
        const passed = /\bissue:\s*[\w.]+\.message\b/u.exec(call)
        if (passed !== null) english.push(`${file}: ${passed[0]}`)
      }
      for (const call of calls(text, "Schema.isPattern("))
        if (/\{\s*message:/u.test(call)) english.push(`${file}: ${call.slice(0, 80)}`)
    }
    expect(english).toEqual([])
  })

  const convention = () => structuredClone(foundingPortfolioJson().conventions[2]) as Record<string, any>
  const activity = () => structuredClone(exampleData("activities.json")[0]) as Record<string, any>
  const objective = () => structuredClone(convention().terms.objectives[1]) as Record<string, any>
  const amended = (changes: ReadonlyArray<unknown>) => ({
    ...convention(),
    amendments: [{ number: 1, signatureDate: "2024-06-15", effectiveDate: "2024-07-01", reason: "Avenant", changes }]
  })
  const withObjective = (change: (objective: Record<string, any>) => void) => {
    const json = convention()
    const added = objective()
    added.id = "nouvel-objectif"
    change(added)
    json.terms.objectives.push(added)
    return json
  }
  const portfolio = (change: (json: ReturnType<typeof foundingPortfolioJson>) => void) => {
    const json = foundingPortfolioJson()
    change(json)
    return json
  }
  const refused = (result: { success: boolean; error?: ValidationError }) => {
    if (result.success || result.error === undefined) throw new Error("expected the input to be refused")
    return result.error.issues
  }

  const aggregate = (fields: Record<string, unknown>) => ({
    kind: "aggregate",
    aggregate: "count",
    filter: { activityKinds: ["action-collective"] },
    unit: { singular: "famille", plural: "familles" },
    ...fields
  })
  const indicator = (fields: Record<string, unknown>) =>
    refused(safeParseConvention(withObjective((o) => (o.indicator = aggregate(fields)))))

  // One broken input for each check of the founding documents' schemas and rules, and the
  // English of the check it must reach (so that a case hitting another check first is seen).
  const cases: ReadonlyArray<readonly [string, string, () => ReadonlyArray<Issue>]> = [
    [
      "a target's negative bound",
      "expected a finite number ≥ 0",
      () => refused(safeParseConvention(withObjective((o) => (o.target = { atLeast: -1 }))))
    ],
    [
      "a target without bound",
      "a target needs atLeast",
      () => refused(safeParseConvention(withObjective((o) => (o.target = {}))))
    ],
    [
      "a target's maximum below its minimum",
      "atMost (2.5) is below atLeast (3)",
      () => refused(safeParseConvention(withObjective((o) => (o.target = { atLeast: 3, atMost: 2.5 }))))
    ],
    [
      "a share's target above 1",
      "the target of a share is a proportion",
      () =>
        refused(
          safeParseConvention(
            withObjective((o) => {
              o.indicator = { kind: "share", part: aggregate({}), whole: aggregate({}) }
              o.target = { atLeast: 60 }
            })
          )
        )
    ],
    ["a count given a field", "a count of records reads no field", () => indicator({ field: "familles" })],
    ["a sum without field", "a sum needs the field it reads", () => indicator({ aggregate: "sum" })],
    ["a number counted without repeats", "days is a number", () => indicator({ aggregate: "distinct", field: "days" })],
    ["structures added up", "structures are counted", () => indicator({ aggregate: "sum", field: "structures" })],
    ["a measure name in capitals", "expected a name of lower-case", () => indicator({ field: "Familles" })],
    [
      "a quantity with three decimals",
      "expected a number ≥ 0 with at most 2 decimals",
      () => refused(safeParseActivity({ ...activity(), measures: { familles: 1.125 } }))
    ],
    [
      "a duration in days and hours",
      "give the duration in days or in hours",
      () => refused(safeParseActivity({ ...activity(), days: 1 }))
    ],
    [
      "a payment's instalment",
      "expected advance, balance",
      () => refused(safeParsePayment({ ...exampleData("payments.json")[0], instalment: "avance" }))
    ],
    [
      "an amendment without change",
      "an amendment changes at least one term",
      () => refused(safeParseConvention(amended([])))
    ],
    [
      "objectives added, none",
      "expected at least one item",
      () => refused(safeParseConvention(amended([{ kind: "objectives-added", objectives: [] }])))
    ],
    [
      "a due day of the year",
      "is not a day of the year written MM-DD",
      () =>
        refused(
          safeParseConvention({ ...convention(), terms: { ...convention().terms, payment: { advanceDue: "3-31" } } })
        )
    ],
    [
      "a fixed-date balance without its day",
      "a balance paid on a fixed date needs balanceDue",
      () =>
        refused(
          safeParseConvention({
            ...convention(),
            terms: { ...convention().terms, payment: { balanceTrigger: "fixed-date" } }
          })
        )
    ],
    [
      "the accounts of a financial report",
      "is not a charge account",
      () => {
        const report = exampleData("financial-report-2025.json")
        report.charges[0].account = "55"
        report.products[0].account = "64"
        report.inKind[0].account = "85"
        return refused(safeParseFinancialReport(report))
      }
    ],
    [
      "a SIRET of another SIREN",
      "does not belong to the SIREN",
      () =>
        refused(
          safeParsePartner({ ...foundingPortfolioJson().partners[1], siren: "732829320", siret: "55208131766522" })
        )
    ],
    [
      "a portfolio's partners, roles and predecessors",
      "the lineage loops",
      () =>
        refused(
          safeParsePortfolio(
            portfolio((json) => {
              json.conventions[2]!.funderId = "fase"
              json.conventions[2]!.partnerId = "caf-91"
              json.conventions[1]!.partnerId = "inconnu"
              json.conventions[0]!.predecessorId = "cpo-2023-2025"
            })
          )
        )
    ],
    [
      "a predecessor missing",
      "there is no convention absente",
      () => refused(safeParsePortfolio(portfolio((json) => (json.conventions[1]!.predecessorId = "absente"))))
    ],
    [
      "the rules of a convention",
      "a draft (no signatureDate)",
      () => {
        const { signatureDate: _, ...draft } = convention()
        return refused(
          safeParseConvention({
            ...draft,
            partnerId: "caf-91",
            notificationDate: "2023-02-01",
            termination: { date: "2024-01-01", reason: "Fin", requestedBy: "partenaire" },
            withdrawal: { decidedOn: "2024-04-01", effectiveFrom: "2024-05-01", reason: "manquement" },
            amendments: [
              {
                number: 1,
                signatureDate: "2024-06-15",
                effectiveDate: "2024-07-01",
                reason: "Avenant",
                changes: [{ kind: "objectives-removed", objectiveIds: ["absent"] }]
              }
            ]
          })
        )
      }
    ],
    [
      "a period given as an argument",
      "the end 2024-12-31 is before the start 2025-01-01",
      () => {
        try {
          periodDays({ start: "2025-01-01", end: "2024-12-31" } as never)
        } catch (error) {
          if (error instanceof ValidationError) return error.issues
        }
        return []
      }
    ]
  ]

  it.each(cases)("%s: each issue has its code and a French of its own", (_, english, issuesOfCase) => {
    const issues = issuesOfCase()
    expect(issues.map((issue) => issue.message).join("\n")).toContain(english)
    for (const issue of issues) {
      expect(issue.code, issue.message).not.toBe("invalid")
      expect(issue.messages?.fr, issue.message).not.toBe(issue.messages?.en)
    }
  })

  it("words the schemas' checks from their facts, in French and in English", () => {
    const texts = (issues: ReadonlyArray<Issue>) =>
      issues.map((issue) => [issue.path.join("."), issue.code, issue.messages])
    const byName = new Map(cases.map(([name, , issuesOfCase]) => [name, issuesOfCase]))
    expect(texts(byName.get("a target's maximum below its minimum")!())).toEqual([
      [
        "terms.objectives.4.target.atMost",
        "rule",
        {
          fr: "le maximum (atMost : 2,5) est inférieur au minimum (atLeast : 3)",
          en: "atMost (2.5) is below atLeast (3)"
        }
      ]
    ])
    expect(texts(byName.get("the accounts of a financial report")!())).toEqual([
      [
        "charges.0.account",
        "pattern",
        {
          fr: "« 55 » n'est pas un compte de charges : de 60 à 68 (2 à 6 chiffres, 64 ou 6411)",
          en: '"55" is not a charge account from 60 to 68 (2 to 6 digits)'
        }
      ],
      [
        "products.0.account",
        "pattern",
        {
          fr: "« 64 » n'est pas un compte de produits : de 70 à 79 (2 à 6 chiffres, 74 ou 7411)",
          en: '"64" is not a product account from 70 to 79 (2 to 6 digits)'
        }
      ],
      [
        "inKind.0.account",
        "pattern",
        {
          fr: "« 85 » n'est pas un compte de contributions en nature : 86 ou 87 (2 à 6 chiffres)",
          en: '"85" is not an account of contributions in kind, 86 or 87 (2 to 6 digits)'
        }
      ]
    ])
    expect(texts(byName.get("a sum without field")!())).toEqual([
      [
        "terms.objectives.4.indicator.field",
        "rule",
        {
          fr: "une somme (« sum ») a besoin du champ qu'elle additionne : indiquez « field »",
          en: "a sum needs the field it reads"
        }
      ]
    ])
    expect(texts(byName.get("a duration in days and hours")!())).toEqual([
      [
        "hours",
        "rule",
        {
          fr: "indiquez la durée en jours ou en heures, pas les deux (valeur trouvée : 3)",
          en: "give the duration in days or in hours, not both (found 3)"
        }
      ]
    ])
    expect(texts(byName.get("a portfolio's partners, roles and predecessors")!())).toEqual(
      expect.arrayContaining([
        [
          "conventions.0.predecessorId",
          "rule",
          {
            fr: "la filiation des conventions revient sur elle-même : appui-technique-2018 → cpo-2023-2025 → accord-cadre-2020-2022 → appui-technique-2018",
            en: "the lineage loops: appui-technique-2018 → cpo-2023-2025 → accord-cadre-2020-2022 → appui-technique-2018"
          }
        ],
        [
          "conventions.1.partnerId",
          "rule",
          {
            fr: "il n'y a pas de partenaire inconnu dans le portefeuille",
            en: "there is no partner inconnu"
          }
        ],
        [
          "conventions.2.funderId",
          "rule",
          {
            fr: "le partenaire fase n'a pas le rôle « financeur »",
            en: 'the partner fase does not have the role "financeur"'
          }
        ],
        [
          "conventions.2.partnerId",
          "rule",
          {
            fr: "le partenaire caf-91 n'a pas le rôle « operateur »",
            en: 'the partner caf-91 does not have the role "operateur"'
          }
        ]
      ])
    )
    expect(texts(byName.get("a period given as an argument")!())).toEqual([
      [
        "period.end",
        "period",
        {
          fr: "la fin, le 31/12/2024, précède le début, le 01/01/2025",
          en: "the end 2024-12-31 is before the start 2025-01-01"
        }
      ]
    ])
  })
})
