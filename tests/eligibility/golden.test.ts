/**
 * Whole eligibility screenings — every verdict, failed rule, value read and French sentence —
 * for candidates that each break one rule (or none), on days before, during and after the
 * convention, with the default rules and with custom trees; compared with reviewed files in
 * `golden/`. After a deliberate change, run `npx vitest run -u tests/eligibility/golden.test.ts`,
 * read the diff, and commit it.
 */
import { beforeEach, describe, expect, it } from "vitest"
import {
  type Convention,
  DEFAULT_ELIGIBILITY_RULES,
  EMPLOYER_STRUCTURE_RULE,
  type RuleTree,
  TERRITORY_RULE,
  allOf,
  anyOf,
  compileEligibility,
  explain,
  not,
  parseCandidate,
  removeRule,
  screenEligibility,
  withRule
} from "caf-conventions"
import { cpo } from "../fixtures.js"

const makeFounding = (): Convention => cpo()
const base = {
  employer: true,
  structureId: "mjc-viry-chatillon",
  structureName: "MJC de Viry-Châtillon",
  legalForm: "association-loi-1901",
  departement: "91",
  situation: "en-developpement",
  sector: "jeunesse",
  accompanimentKind: "individuel"
}
const candidates: ReadonlyArray<unknown> = [
  { id: "ok", ...base, employer: true },
  { id: "hors-territoire-sans-salarie", ...base, departement: "77", employer: false },
  { id: "employeur-inconnu", ...Object.fromEntries(Object.entries(base).filter(([key]) => key !== "employer")) },
  { id: "secteur", ...base, sector: "logement" },
  { id: "accompagnement", ...base, accompanimentKind: "appui-technique" },
  { id: "situation", ...base, situation: "ni-difficulte-ni-developpement" },
  { id: "collectif-stable", ...base, situation: "ni-difficulte-ni-developpement", accompanimentKind: "collectif" },
  { id: "territoire", ...base, departement: "77" },
  { id: "forme", ...base, legalForm: "autre" },
  { id: "partenaire", ...base, structureId: "fase" },
  { id: "fpt", ...base, otherFunding: [{ scheme: "fpt" }] },
  {
    id: "autre-convention",
    ...base,
    otherFunding: [
      { scheme: "action-sociale-caf", conventionId: "cpo-autre" },
      { scheme: "fpt", period: { start: "2022-01-01", end: "2022-12-31" } }
    ]
  },
  {
    id: "plusieurs",
    ...base,
    sector: "logement",
    departement: "2A",
    otherFunding: [{ scheme: "fpt", period: { start: "2024-06-01", end: "2025-05-31" } }]
  },
  { id: "invalide", ...base, departement: "999" },
  { ...base }
]

const screen = (date: string, rules: RuleTree = DEFAULT_ELIGIBILITY_RULES) => {
  const screening = screenEligibility(founding, candidates, { date, rules })
  const lines = screening.lines.map((line) =>
    line.status === "invalid" ? line.error.message : explain(line.result).join("\n")
  )
  return `${lines.join("\n\n")}\n\n${JSON.stringify(screening, null, 2)}\n`
}

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let founding: Convention
beforeEach(() => {
  founding = makeFounding()
})

describe("eligibility screenings, whole", () => {
  it("the default rules on a day the convention is in force", async () => {
    await expect(screen("2024-03-01")).toMatchFileSnapshot("golden/in-force.txt")
  })

  it("the default rules before the signature and after the end", async () => {
    await expect(`${screen("2022-12-31")}\n${screen("2026-01-01")}`).toMatchFileSnapshot("golden/out-of-force.txt")
  })

  it("custom trees: the territory rule replaced by an alternative with an exclusion; the employer rule added", async () => {
    const local = allOf(
      [
        removeRule(DEFAULT_ELIGIBILITY_RULES, TERRITORY_RULE.id),
        anyOf(
          [TERRITORY_RULE, not(EMPLOYER_STRUCTURE_RULE, "Structure sans salarié")],
          "Dans le territoire, ou sans salarié"
        )
      ],
      "Règles locales"
    )
    const employers = withRule(DEFAULT_ELIGIBILITY_RULES, EMPLOYER_STRUCTURE_RULE)
    await expect(`${screen("2024-03-01", local)}\n${screen("2024-03-01", employers)}`).toMatchFileSnapshot(
      "golden/custom-tree.txt"
    )
  })

  it("the compiled verdicts equal the explained ones, for each candidate and each tree", () => {
    const local = allOf([
      removeRule(DEFAULT_ELIGIBILITY_RULES, TERRITORY_RULE.id),
      anyOf([TERRITORY_RULE, not(EMPLOYER_STRUCTURE_RULE)])
    ])
    for (const rules of [
      DEFAULT_ELIGIBILITY_RULES,
      local,
      withRule(DEFAULT_ELIGIBILITY_RULES, EMPLOYER_STRUCTURE_RULE)
    ]) {
      for (const date of ["2022-12-31", "2024-03-01", "2026-01-01"]) {
        const compiled = compileEligibility(founding, { date, rules })
        const lines = screenEligibility(founding, candidates, { date, rules }).lines.flatMap((line) =>
          line.status === "invalid" ? [] : [line]
        )
        expect(lines.length).toBe(13)
        for (const line of lines)
          expect(compiled(parseCandidate(candidates[line.index])), `${line.result.candidateId} on ${date}`).toBe(
            line.result.eligible
          )
      }
    }
  })
})
