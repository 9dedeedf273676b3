import { beforeEach, describe, expect, it } from "vitest"
import {
  type Convention,
  DEFAULT_ELIGIBILITY_RULES,
  EMPLOYER_STRUCTURE_RULE,
  INDIVIDUAL_SUPPORT_SITUATION_RULE,
  InvalidArgumentError,
  TERRITORY_RULE,
  ValidationError,
  allOf,
  anyOf,
  type Candidate,
  checkEligibility,
  compileEligibility,
  defineRule,
  not,
  removeRule,
  ruleIds,
  screenEligibility,
  withRule
} from "caf-conventions"
import { cpo } from "../fixtures.js"
import { on2024, viry } from "./fixtures.js"

const makeFounding = (): Convention => cpo()
const collective = { ...viry, accompanimentKind: "collectif" } as Candidate

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let founding: Convention
beforeEach(() => {
  founding = makeFounding()
})

describe("rule trees", () => {
  it("record what each rule read", () => {
    const reads = Object.fromEntries(
      checkEligibility(founding, viry, on2024).explanation.children.map((child) => [child.ruleId, child.read])
    )
    expect(reads).toEqual({
      "convention-in-force": { date: "2024-06-01", status: "in-force", period: "2023-01-01..2025-12-31" },
      "sector-covered": {
        sector: "jeunesse",
        covered: ["petite-enfance", "enfance", "jeunesse", "parentalite", "animation-vie-sociale"]
      },
      "accompaniment-covered": {
        accompanimentKind: "individuel",
        covered: ["individuel", "collectif", "instances-partenariales", "coordination-caf"]
      },
      "individual-support-situation": { accompanimentKind: "individuel", situation: "en-developpement" },
      territory: { departement: "91", territory: ["91"] },
      "legal-form": { legalForm: "association-loi-1901" },
      "not-the-partner": { structureId: "mjc-viry-chatillon", partnerId: "fase" },
      "no-double-funding": { otherFunding: [], excludedSchemes: ["fpt"], exercise: "2024" }
    })
    const employer = checkEligibility(founding, viry, { ...on2024, rules: EMPLOYER_STRUCTURE_RULE }).explanation
    expect([employer.read, employer.sentence]).toEqual([{ employer: true }, "La structure emploie des salariés."])
  })

  it("combine outcomes: a rule that does not apply is neutral, any needs one pass, not inverts", () => {
    const situationOnly = (rules: Parameters<typeof checkEligibility>[2]["rules"]) =>
      checkEligibility(founding, collective, { ...on2024, rules: rules as never }).explanation
    expect([
      situationOnly(allOf([INDIVIDUAL_SUPPORT_SITUATION_RULE])).outcome,
      situationOnly(allOf([INDIVIDUAL_SUPPORT_SITUATION_RULE])).sentence
    ]).toEqual(["not-applicable", "Aucune des conditions ne s'applique."])
    expect(situationOnly(anyOf([INDIVIDUAL_SUPPORT_SITUATION_RULE])).outcome).toBe("not-applicable")
    expect([
      situationOnly(not(INDIVIDUAL_SUPPORT_SITUATION_RULE)).outcome,
      situationOnly(not(INDIVIDUAL_SUPPORT_SITUATION_RULE)).sentence
    ]).toEqual(["not-applicable", "La condition ne s'applique pas."])
    const outside = { ...viry, departement: "77" } as Candidate
    const any = checkEligibility(founding, outside, {
      ...on2024,
      rules: anyOf([TERRITORY_RULE, INDIVIDUAL_SUPPORT_SITUATION_RULE])
    }).explanation
    expect([any.outcome, any.sentence]).toEqual(["pass", "Au moins une des conditions est remplie."])
    const none = checkEligibility(founding, { ...outside, situation: "ni-difficulte-ni-developpement" } as Candidate, {
      ...on2024,
      rules: anyOf([TERRITORY_RULE, INDIVIDUAL_SUPPORT_SITUATION_RULE])
    }).explanation
    expect([none.outcome, none.sentence]).toEqual(["fail", "Aucune des conditions n'est remplie."])
    const excluded = checkEligibility(founding, viry, { ...on2024, rules: not(TERRITORY_RULE, "Hors territoire") })
    expect([excluded.eligible, excluded.failedRules, excluded.explanation.sentence]).toEqual([
      false,
      ["not:territory"],
      "« Territoire de la convention » est remplie, alors qu'elle est exclue."
    ])
  })

  it("give the same verdicts on the fast path, whatever the combination", () => {
    const situation = INDIVIDUAL_SUPPORT_SITUATION_RULE
    const trees = [
      anyOf([situation]),
      allOf([situation]),
      not(situation),
      anyOf([TERRITORY_RULE, not(TERRITORY_RULE)]),
      // Under an exclusion, a combination that does not apply differs from one that holds.
      not(allOf([situation])),
      not(anyOf([situation])),
      not(allOf([situation, TERRITORY_RULE])),
      not(anyOf([situation, not(TERRITORY_RULE)]))
    ]
    for (const rules of trees) {
      for (const candidate of [viry, collective, { ...viry, departement: "77" } as Candidate]) {
        expect(compileEligibility(founding, { ...on2024, rules })(candidate)).toBe(
          checkEligibility(founding, candidate, { ...on2024, rules }).eligible
        )
      }
    }
  })

  it("remove a rule inside not, drop an emptied not, and add a rule to a tree that is not an all", () => {
    const tree = allOf([not(TERRITORY_RULE), EMPLOYER_STRUCTURE_RULE])
    expect(ruleIds(removeRule(tree, "territory"))).toEqual(["employer-structure"])
    expect(ruleIds(removeRule(allOf([not(allOf([TERRITORY_RULE, EMPLOYER_STRUCTURE_RULE]))]), "territory"))).toEqual([
      "employer-structure"
    ])
    const added = withRule(anyOf([TERRITORY_RULE]), EMPLOYER_STRUCTURE_RULE)
    expect(["kind" in added ? added.kind : "", ruleIds(added)]).toEqual(["all", ["territory", "employer-structure"]])
    expect(ruleIds(withRule(TERRITORY_RULE, EMPLOYER_STRUCTURE_RULE))).toEqual(["territory", "employer-structure"])
    expect(ruleIds(removeRule(TERRITORY_RULE, "territory"))).toEqual([])
    expect(ruleIds(not(TERRITORY_RULE))).toEqual(["territory"])
    expect(ruleIds(DEFAULT_ELIGIBILITY_RULES)).toHaveLength(8)
  })

  it("accept well-formed rule ids only", () => {
    const evaluate = () => ({ outcome: "pass" as const, read: {}, sentence: "." })
    expect(defineRule({ id: "local-2", label: "Locale", source: "—", evaluate }).id).toBe("local-2")
    for (const id of ["-local", "Local", "local rule", "local_rule", "any", ""]) {
      try {
        defineRule({ id, label: "Locale", source: "—", evaluate })
        expect.unreachable(id)
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError)
        expect((error as InvalidArgumentError).argument).toBe("rule.id")
      }
    }
  })

  it("name the batch and the index of an unreadable candidate", () => {
    const screening = screenEligibility(founding, [{ ...viry, sector: "sport" }], on2024)
    const line = screening.lines[0]
    expect(line?.status === "invalid" && [line.error.subject, line.error.issues[0]?.path]).toEqual([
      "candidates",
      [0, "sector"]
    ])
    try {
      checkEligibility(founding, { ...viry, sector: "sport" } as never, on2024)
      expect.unreachable()
    } catch (error) {
      expect((error as ValidationError).subject).toBe("candidate")
    }
  })
})
