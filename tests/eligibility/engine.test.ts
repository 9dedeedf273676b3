import fc from "fast-check"
import { beforeEach, describe, expect, it } from "vitest"
import {
  type Convention,
  ACCOMPANIMENT_KINDS,
  DEFAULT_ELIGIBILITY_RULES,
  EMPLOYER_STRUCTURE_RULE,
  FUNDING_SCHEMES,
  LEGAL_FORMS,
  SECTORS,
  SITUATIONS,
  TERRITORY_RULE,
  ValidationError,
  allOf,
  anyOf,
  type Candidate,
  type RuleCombination,
  checkEligibility,
  compileEligibility,
  defineRule,
  not,
  removeRule,
  replaceRule,
  ruleIds,
  screenEligibility,
  withRule
} from "caf-conventions"
import { cpo } from "../fixtures.js"
import { on2024, viry } from "./fixtures.js"
import { runs } from "../runs.js"

const makeFounding = (): Convention => cpo()

const essonneOrSeineEtMarne = defineRule({
  id: "territory",
  label: "Territoire élargi",
  source: "Règlement d'intervention local (exemple)",
  evaluate: (candidate) => ({
    outcome: ["77", "91"].includes(candidate.departement) ? "pass" : "fail",
    read: { departement: candidate.departement },
    sentence: `Département ${candidate.departement}.`
  })
})

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let founding: Convention
beforeEach(() => {
  founding = makeFounding()
})

describe("custom rules", () => {
  it("replace a rule of the catalogue without forking the library", () => {
    const tree = replaceRule(DEFAULT_ELIGIBILITY_RULES, essonneOrSeineEtMarne)
    const candidate = { ...viry, departement: "77" as Candidate["departement"] }
    expect(checkEligibility(founding, candidate, on2024).eligible).toBe(false)
    const result = checkEligibility(founding, candidate, { ...on2024, rules: tree })
    expect(result.eligible).toBe(true)
    expect(result.explanation.children.find((child) => child.ruleId === "territory")?.source).toBe(
      "Règlement d'intervention local (exemple)"
    )
  })

  it("add the optional employer rule, or remove a rule", () => {
    const dla = withRule(DEFAULT_ELIGIBILITY_RULES, EMPLOYER_STRUCTURE_RULE)
    expect(ruleIds(dla)).toHaveLength(9)
    expect(checkEligibility(founding, viry, { ...on2024, rules: dla }).eligible).toBe(true)
    const volunteersOnly = { ...viry, employer: false }
    expect(checkEligibility(founding, volunteersOnly, { ...on2024, rules: dla }).failedRules).toEqual([
      "employer-structure"
    ])
    const { employer: _unknown, ...unknownEmployer } = viry
    const unknown = checkEligibility(founding, unknownEmployer, { ...on2024, rules: dla })
    expect(unknown.explanation.children.at(-1)?.sentence).toBe(
      "Le caractère employeur de la structure n'est pas renseigné."
    )
    expect(ruleIds(removeRule(DEFAULT_ELIGIBILITY_RULES, "territory"))).not.toContain("territory")
  })

  it("refuse to replace or remove a rule that is not there, and a malformed id", () => {
    const refused = (argument: string, message: string) =>
      expect.objectContaining({ _tag: "InvalidArgument", argument, message })
    expect(() => replaceRule(DEFAULT_ELIGIBILITY_RULES, { ...essonneOrSeineEtMarne, id: "teritory" })).toThrow(
      refused("rule", "the tree has no rule teritory to replace")
    )
    expect(() => removeRule(DEFAULT_ELIGIBILITY_RULES, "teritory")).toThrow(
      refused("id", "the tree has no rule teritory to remove")
    )
    expect(() => defineRule({ ...essonneOrSeineEtMarne, id: "Territory 2" })).toThrow(
      refused("rule.id", `a rule id is lowercase letters, digits and '-', not all/any/not; got "Territory 2"`)
    )
    for (const id of ["all", "any", "not"])
      expect(() => defineRule({ ...essonneOrSeineEtMarne, id })).toThrow(
        refused("rule.id", `a rule id is lowercase letters, digits and '-', not all/any/not; got "${id}"`)
      )
    expect(defineRule({ ...essonneOrSeineEtMarne, id: "nota" }).id).toBe("nota")
  })

  it("replace a rule wherever it sits, under an exclusion too, and name combinations by default", () => {
    const tree = allOf([not(TERRITORY_RULE), anyOf([EMPLOYER_STRUCTURE_RULE])])
    const [excluded, any] = tree.kind === "all" ? tree.children : []
    expect([tree.label, (excluded as RuleCombination).label, (any as RuleCombination).label]).toEqual([
      "Toutes les conditions",
      "Condition exclue",
      "Au moins une condition"
    ])
    const replaced = replaceRule(tree, essonneOrSeineEtMarne)
    const [replacedExclusion] = "kind" in replaced && replaced.kind === "all" ? replaced.children : []
    expect(
      replacedExclusion !== undefined && "kind" in replacedExclusion && replacedExclusion.kind === "not"
        ? replacedExclusion.child
        : undefined
    ).toBe(essonneOrSeineEtMarne)
    expect(excluded !== undefined && "kind" in excluded && excluded.kind === "not" ? excluded.child : undefined).toBe(
      TERRITORY_RULE
    )
    expect(ruleIds(removeRule(tree, "territory"))).toEqual(["employer-structure"])
  })

  it("name the options or the list at fault", () => {
    const problemsOf = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        if (error instanceof ValidationError)
          return [error.subject, ...error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)]
        throw error
      }
      return []
    }
    expect(problemsOf(() => checkEligibility(founding, viry, null as never))).toEqual([
      "eligibility options",
      ": expected an options object, got null"
    ])
    expect(problemsOf(() => checkEligibility(founding, viry, { date: "2024-02-30" }))).toEqual([
      "eligibility options",
      "date: 2024-02-30 is not a calendar date: February 2024 has 29 days"
    ])
    expect(problemsOf(() => screenEligibility(founding, [viry], [] as never))).toEqual([
      "eligibility options",
      ": expected an options object, got a list"
    ])
    expect(problemsOf(() => screenEligibility(founding, "viry" as never, on2024))).toEqual([
      "candidates",
      "candidates: expected a list, got string"
    ])
    expect(problemsOf(() => compileEligibility(founding, 3 as never))).toEqual([
      "eligibility options",
      ": expected an options object, got number"
    ])
    expect(problemsOf(() => checkEligibility(founding, { ...viry, sector: "sport" as never }, on2024))[0]).toBe(
      "candidate"
    )
    const screening = screenEligibility(founding, [{ ...viry, sector: "sport" }], on2024)
    expect(
      screening.lines[0]?.status === "invalid"
        ? [screening.lines[0].error.subject, screening.lines[0].error.issues[0]?.path]
        : []
    ).toEqual(["candidates", [0, "sector"]])
  })

  it("compose with any and not, explained at every level", () => {
    const tree = allOf(
      [
        anyOf([TERRITORY_RULE, essonneOrSeineEtMarne], "Un des territoires"),
        not(EMPLOYER_STRUCTURE_RULE, "Structure bénévole")
      ],
      "Règle locale"
    )
    const result = checkEligibility(
      founding,
      { ...viry, departement: "77" as Candidate["departement"], employer: false },
      { ...on2024, rules: tree }
    )
    expect(result.eligible).toBe(true)
    expect(result.explanation.children.map((child) => [child.label, child.outcome, child.sentence])).toEqual([
      ["Un des territoires", "pass", "Au moins une des conditions est remplie."],
      ["Structure bénévole", "pass", "« Structure employeuse » n'est pas remplie, comme requis."]
    ])
    const employer = checkEligibility(
      founding,
      { ...viry, departement: "75" as Candidate["departement"] },
      { ...on2024, rules: tree }
    )
    expect(employer.failedRules).toEqual(["territory", "territory", "not:employer-structure"])
  })
})

describe("bad input never gets a verdict", () => {
  it("a candidate with an unknown sector or a missing field throws a ValidationError naming it", () => {
    expect(() => checkEligibility(founding, { ...viry, sector: "sport" } as never, on2024)).toThrow(ValidationError)
    try {
      const { situation: _missing, ...withoutSituation } = viry
      checkEligibility(founding, withoutSituation as never, on2024)
      expect.unreachable()
    } catch (error) {
      expect((error as ValidationError).issues).toMatchObject([{ path: ["situation"], message: "Missing key" }])
    }
  })

  it("an impossible date throws a ValidationError at the path date", () => {
    try {
      checkEligibility(founding, viry, { date: "2024-02-30" })
      expect.unreachable()
    } catch (error) {
      expect((error as ValidationError).issues).toMatchObject([
        { path: ["date"], message: "2024-02-30 is not a calendar date: February 2024 has 29 days" }
      ])
    }
    expect(() => compileEligibility(founding, { date: "2024-13-01" })).toThrow(ValidationError)
  })

  it("the compiled check decodes a candidate it was not given decoded, and refuses a broken one with its path", () => {
    const isEligible = compileEligibility(founding, { date: "2024-06-01" })
    const problemsOf = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        if (error instanceof ValidationError)
          return [error.subject, ...error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)]
        throw error
      }
      return []
    }
    const { otherFunding: _none, ...json } = viry
    expect(isEligible(json as never)).toBe(checkEligibility(founding, viry, { date: "2024-06-01" }).eligible)
    expect(problemsOf(() => isEligible({ ...json, sectors: 3 } as never))[0]).toBe("candidate")
    expect(
      problemsOf(() => isEligible({ ...json, sectors: 3 } as never))
        .slice(1)
        .some((line) => line.startsWith("sectors"))
    ).toBe(true)
    expect(problemsOf(() => isEligible(null as never))[0]).toBe("candidate")
  })

  it("a candidate in JSON form, without the defaulted otherFunding, is read", () => {
    const { otherFunding: _none, ...json } = viry
    expect(checkEligibility(founding, json as never, on2024).eligible).toBe(true)
  })
})

describe("screening a batch", () => {
  it("answers every candidate, invalid ones with their errors, and counts them", () => {
    const screening = screenEligibility(
      founding,
      [viry, { ...viry, id: "fpt", otherFunding: [{ scheme: "fpt" }] }, { ...viry, id: "bad", sector: "sport" }, 42],
      on2024
    )
    expect(screening.lines.map((line) => [line.index, line.status])).toEqual([
      [0, "eligible"],
      [1, "ineligible"],
      [2, "invalid"],
      [3, "invalid"]
    ])
    expect([screening.eligible, screening.ineligible, screening.invalid]).toEqual([1, 1, 2])
    const bad = screening.lines[2]
    expect(bad?.status === "invalid" && bad.error.issues.map((issue) => issue.path)).toEqual([[2, "sector"]])
  })

  it("never mutates the candidates", () => {
    const batch = [structuredClone(viry)]
    const copy = structuredClone(batch)
    screenEligibility(founding, batch, on2024)
    expect(batch).toEqual(copy)
  })
})

const dates = fc.constantFrom("2022-12-31", "2023-01-01", "2024-06-01", "2025-12-31", "2026-01-01")
const candidates: fc.Arbitrary<Candidate> = fc.record({
  id: fc.constantFrom("a", "b"),
  structureId: fc.constantFrom("fase", "mjc-viry-chatillon", "maison-des-partages"),
  legalForm: fc.constantFrom(...LEGAL_FORMS),
  departement: fc.constantFrom("91", "77", "75") as fc.Arbitrary<Candidate["departement"]>,
  situation: fc.constantFrom(...SITUATIONS),
  employer: fc.boolean(),
  sector: fc.constantFrom(...SECTORS),
  accompanimentKind: fc.constantFrom(...ACCOMPANIMENT_KINDS),
  otherFunding: fc.array(
    fc.record(
      {
        scheme: fc.constantFrom(...FUNDING_SCHEMES),
        conventionId: fc.constantFrom("cpo-2023-2025", "autre-convention"),
        period: fc.constantFrom(
          { start: "2021-01-01", end: "2021-12-31" },
          { start: "2024-03-01", end: "2025-02-28" }
        ) as fc.Arbitrary<never>
      },
      { requiredKeys: ["scheme"] }
    ),
    { maxLength: 3 }
  )
})

describe("explanations in a batch", () => {
  it("are the same as checking each candidate alone, though nodes are shared (property)", () => {
    fc.assert(
      fc.property(fc.array(candidates, { minLength: 1, maxLength: 20 }), dates, (batch, date) => {
        const screened = screenEligibility(founding, batch, { date })
        screened.lines.forEach((line, index) => {
          const alone = checkEligibility(founding, batch[index] as Candidate, { date })
          expect(line.status === "invalid" ? undefined : line.result).toEqual(alone)
        })
      }),
      runs(300)
    )
  })

  it("share one node between candidates whose rule reads the same values", () => {
    const screening = screenEligibility(founding, [viry, { ...viry, id: "other" }], on2024)
    const [first, second] = screening.lines.map((line) =>
      line.status === "invalid" ? undefined : line.result.explanation.children[1]
    )
    expect(first).toBe(second)
  })
})

describe("the verdict-only path", () => {
  it("gives the same verdict as the explained path, for every candidate and day (property)", () => {
    const trees = [
      DEFAULT_ELIGIBILITY_RULES,
      withRule(DEFAULT_ELIGIBILITY_RULES, EMPLOYER_STRUCTURE_RULE),
      allOf([anyOf([TERRITORY_RULE, essonneOrSeineEtMarne]), not(EMPLOYER_STRUCTURE_RULE)])
    ]
    fc.assert(
      fc.property(candidates, dates, fc.constantFrom(...trees), (candidate, date, rules) => {
        const explained = checkEligibility(founding, candidate, { date, rules }).eligible
        expect(compileEligibility(founding, { date, rules })(candidate)).toBe(explained)
      }),
      runs(2000)
    )
  })
})
