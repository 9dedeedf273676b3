import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Ajv2020 } from "ajv/dist/2020.js"
import { describe, expect, it } from "vitest"
import { conventionJsonSchema, financialReportJsonSchema, portfolioJsonSchema } from "caf-conventions"
import { cpoJson, exampleData, foundingPortfolioJson } from "../fixtures.js"

const shipped = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../schema/${name}`, import.meta.url)), "utf8"))

describe("JSON Schemas for other languages", () => {
  it("ship in schema/ exactly as generated (run `npm run schemas` after a change)", () => {
    expect(shipped("convention.schema.json")).toEqual(conventionJsonSchema())
    expect(shipped("portfolio.schema.json")).toEqual(portfolioJsonSchema())
    expect(shipped("financial-report.schema.json")).toEqual(financialReportJsonSchema())
  })

  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })
  const validConvention = ajv.compile(conventionJsonSchema())
  const validPortfolio = ajv.compile(portfolioJsonSchema())

  it("accept the example portfolio with budgets and its financial report, and refuse a charge on a product account", () => {
    expect(validPortfolio(exampleData("budget-portfolio.json"))).toBe(true)
    const validReport = ajv.compile(financialReportJsonSchema())
    const report = exampleData("financial-report-2025.json")
    expect(validReport(report)).toBe(true)
    report.charges[0].account = "74"
    expect(validReport(report)).toBe(false)
  })

  it("accept the founding portfolio and its convention, as a standard validator reads them", () => {
    expect(validPortfolio(foundingPortfolioJson())).toBe(true)
    expect(validConvention(cpoJson())).toBe(true)
  })

  it("refuse what the patterns and lists can express: unknown codes and fields, amounts as numbers, bad dates", () => {
    const bad = cpoJson()
    bad.terms.sectors = ["sport"]
    bad.terms.amounts.yearlyAmount = 30000
    bad.signatureDate = "2023-1-1"
    bad.extra = true
    expect(validConvention(bad)).toBe(false)
    const paths = (validConvention.errors ?? []).map(
      (error) => error.instancePath || error.params["additionalProperty"]
    )
    expect(paths).toEqual(
      expect.arrayContaining(["/terms/sectors/0", "/terms/amounts/yearlyAmount", "/signatureDate", "extra"])
    )
  })
})
