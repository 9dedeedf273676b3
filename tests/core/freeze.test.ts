import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  Euros,
  EurosFromString,
  evaluateFundingUse,
  makeCodec,
  parseActivities,
  parseCandidate,
  parseConvention,
  parseExpenses,
  parsePartner,
  parsePayments,
  parsePortfolio,
  parseScenario
} from "caf-conventions"
import { cpoJson, exampleData, foundingPortfolioJson } from "../fixtures.js"

/** Every object and list inside a value, with its path. */
function objects(value: unknown, path = "(root)"): Array<[string, object]> {
  if (value === null || typeof value !== "object") return []
  const own = Object.entries(value).flatMap(([key, inner]) => objects(inner, `${path}.${key}`))
  return [[path, value], ...own]
}

describe("decoded values are deeply frozen", () => {
  const decoded: ReadonlyArray<readonly [string, () => unknown]> = [
    ["a convention", () => parseConvention(cpoJson())],
    ["a portfolio", () => parsePortfolio(foundingPortfolioJson())],
    ["a partner", () => parsePartner(foundingPortfolioJson().partners[1])],
    ["payments", () => parsePayments(exampleData("payments.json"))],
    ["expenses", () => parseExpenses(exampleData("expenses.json"))],
    ["activities", () => parseActivities(exampleData("activities.json"))],
    ["a candidate", () => parseCandidate(exampleData("candidates.json")[0])]
  ]
  for (const [name, decode] of decoded) {
    it(`${name}: every object and list inside is frozen, and assigning throws in strict mode`, () => {
      const value = decode()
      const all = objects(value)
      expect(all.length).toBeGreaterThan(1)
      for (const [path, inner] of all) expect(Object.isFrozen(inner), path).toBe(true)
      const before = JSON.stringify(value)
      for (const [path, inner] of all) {
        if (Array.isArray(inner)) {
          expect(() => (inner as Array<unknown>).push(1), path).toThrow(TypeError)
          continue
        }
        const key = Object.keys(inner)[0] ?? "extra"
        expect(() => {
          ;(inner as Record<string, unknown>)[key] = "changed"
        }, path).toThrow(TypeError)
        expect(() => {
          ;(inner as Record<string, unknown>).added = 1
        }, path).toThrow(TypeError)
      }
      expect(JSON.stringify(value)).toBe(before)
    })
  }

  it("a payment's amount cannot be changed to a negative amount after decoding, so the evaluation stays right", () => {
    const payments = parsePayments(exampleData("payments.json"))
    const expenses = parseExpenses(exampleData("expenses.json"))
    const convention = parsePortfolio(foundingPortfolioJson()).conventions.find((c) => c.id === "cpo-2023-2025")!
    const before = evaluateFundingUse(convention, { year: 2024, payments, expenses })
    const payment = payments[1] as { amount: Euros }
    expect(() => {
      payment.amount = Euros.parse("-15000")
    }).toThrow(TypeError)
    expect(() => {
      ;(payment.amount as unknown as { cents: number }).cents = -1_500_000
    }).toThrow(TypeError)
    expect(payment.amount.toString()).toBe("15000.00")
    expect(evaluateFundingUse(convention, { year: 2024, payments, expenses })).toEqual(before)
  })

  it("decoded amounts are frozen, wherever they are in the decoded value", () => {
    const decoded = [
      parsePortfolio(foundingPortfolioJson()),
      parsePayments(exampleData("payments.json")),
      parseExpenses(exampleData("expenses.json"))
    ]
    const amounts = decoded.flatMap((value) => objects(value)).filter(([, inner]) => Euros.isEuros(inner))
    expect(amounts.length).toBeGreaterThan(3)
    for (const [path, amount] of amounts) expect(Object.isFrozen(amount), path).toBe(true)
  })

  it("never freezes nor changes what the caller passed in, even the parts a schema hands through", () => {
    const json = foundingPortfolioJson()
    const copy = structuredClone(json)
    parsePortfolio(json)
    expect(json).toEqual(copy)
    for (const [path, inner] of objects(json)) expect(Object.isFrozen(inner), path).toBe(false)

    const scenario = JSON.parse(
      readFileSync(new URL("../../examples/scenarios/eligibility.json", import.meta.url), "utf8")
    )
    const decodedScenario = parseScenario(scenario)
    for (const [path, inner] of objects(scenario)) expect(Object.isFrozen(inner), path).toBe(false)
    expect(Object.isFrozen(decodedScenario)).toBe(true)
  })

  it("an application's own codec freezes too, unless asked not to (to measure the cost)", () => {
    const schema = Schema.Struct({ amounts: Schema.Array(EurosFromString) })
    expect(Object.isFrozen(makeCodec(schema, "grant").parse({ amounts: ["1"] }).amounts)).toBe(true)
    expect(Object.isFrozen(makeCodec(schema, "grant", { freeze: false }).parse({ amounts: ["1"] }).amounts)).toBe(false)
  })
})
