import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { describe, expect, it } from "vitest"
import { ValidationError, parseScenario, runScenario } from "caf-conventions"

const files = (base: string) => (path: string) => JSON.parse(readFileSync(join(base, path), "utf8"))

describe("scenario files", () => {
  it("pass for the founding case, one per question", () => {
    for (const name of ["eligibility", "objectives", "schedule", "funding-use", "compliance"]) {
      const path = join("examples", "scenarios", `${name}.json`)
      const result = runScenario(parseScenario(JSON.parse(readFileSync(path, "utf8"))), files(dirname(path)))
      expect(result, name).toMatchObject({ passed: true, differences: [] })
    }
  })

  it("say what differs, in French", () => {
    const scenario = parseScenario({
      name: "Objectifs faux",
      convention: { file: "portfolio.json", id: "cpo-2023-2025" },
      question: "objectives",
      year: 2024,
      activities: "activities.json",
      expected: { statuses: { "accompagnement-individuel": "not-met", inconnu: "met" }, values: { "actions-collectives": "4" } }
    })
    expect(runScenario(scenario, files("examples/data")).differences).toEqual([
      'statut « accompagnement-individuel » : attendu "not-met", obtenu "met"',
      'statut « inconnu » : attendu "met", obtenu rien',
      'valeur « actions-collectives » : attendu "4", obtenu "3"'
    ])
  })

  it("report a scenario that cannot run instead of throwing", () => {
    const noYear = parseScenario({ name: "Sans année", convention: { file: "portfolio.json", id: "cpo-2023-2025" }, question: "schedule", expected: {} })
    expect(runScenario(noYear, files("examples/data")).differences).toEqual(["le scénario ne peut pas être exécuté : la question « schedule » demande une année (year)"])
    const unknown = parseScenario({ name: "Convention inconnue", convention: { file: "portfolio.json", id: "cpo-2030" }, question: "compliance", expected: {} })
    expect(runScenario(unknown, files("examples/data")).differences).toEqual([
      "le scénario ne peut pas être exécuté : le portefeuille portfolio.json ne contient pas la convention cpo-2030"
    ])
    expect(() => parseScenario({ name: "x", convention: {}, question: "why", expected: {} })).toThrow(ValidationError)
  })
})
