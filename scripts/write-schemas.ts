/**
 * Writes the JSON Schemas shipped in `schema/` from the library's schemas. Run it after changing a
 * document's shape (`npm run schemas`); a test fails while the files are out of date.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { conventionJsonSchema, financialReportJsonSchema, portfolioJsonSchema } from "caf-conventions"

mkdirSync("schema", { recursive: true })
writeFileSync("schema/convention.schema.json", `${JSON.stringify(conventionJsonSchema(), null, 2)}\n`)
writeFileSync("schema/portfolio.schema.json", `${JSON.stringify(portfolioJsonSchema(), null, 2)}\n`)
writeFileSync("schema/financial-report.schema.json", `${JSON.stringify(financialReportJsonSchema(), null, 2)}\n`)
console.log("wrote schema/convention.schema.json, schema/portfolio.schema.json and schema/financial-report.schema.json")
