/**
 * JSON Schemas of the documents, so that applications in other languages can validate the same
 * files. The library's own decoders stay stricter: a pattern cannot tell that 2023-02-30 does not
 * exist, or check a Luhn key, or relate one field to another.
 *
 * @module
 */
import { type JsonSchemaDocument, jsonSchemaDocument as document } from "../core/json-schema.js"
import { PortfolioSchema } from "../portfolio/portfolio.js"
import { ConventionSchema } from "./convention.js"
import { FinancialReportDocumentSchema } from "../budget/financial-report.js"

export type { JsonSchemaDocument } from "../core/json-schema.js"

let conventionDocument: JsonSchemaDocument | undefined
let portfolioDocument: JsonSchemaDocument | undefined

/**
 * The JSON Schema of a convention document, generated from the same Effect schema that
 * {@link parseConvention} uses (amounts as strings, dates as `yyyy-MM-dd`, unknown properties
 * refused). The package ships it as `caf-conventions/schema/convention.schema.json`, kept in sync
 * by a test.
 *
 * @example
 * ```ts
 * import { conventionJsonSchema } from "caf-conventions"
 * conventionJsonSchema().required //=> ["id", "title", "kind", "funderId", "partnerId", "terms"]
 * ```
 * @category decoding
 */
export function conventionJsonSchema(): JsonSchemaDocument {
  conventionDocument ??= document(ConventionSchema, "Convention de partenariat d'une Caf (caf-conventions)")
  return conventionDocument
}

/**
 * The JSON Schema of a portfolio document (partners and conventions), shipped as
 * `caf-conventions/schema/portfolio.schema.json`.
 *
 * @example
 * ```ts
 * import { portfolioJsonSchema } from "caf-conventions"
 * portfolioJsonSchema().required //=> ["partners", "conventions"]
 * ```
 * @category decoding
 */
export function portfolioJsonSchema(): JsonSchemaDocument {
  portfolioDocument ??= document(PortfolioSchema, "Portefeuille de conventions d'une Caf (caf-conventions)")
  return portfolioDocument
}

let financialReportDocument: JsonSchemaDocument | undefined

/**
 * The JSON Schema (draft 2020-12) of a financial report file (*compte rendu financier*, see
 * {@link parseFinancialReport}), shipped as `schema/financial-report.schema.json`.
 *
 * @example
 * ```ts
 * import { financialReportJsonSchema } from "caf-conventions"
 * financialReportJsonSchema().required //=> ["conventionId", "year", "charges", "products"]
 * ```
 * @category decoding
 */
export function financialReportJsonSchema(): JsonSchemaDocument {
  financialReportDocument ??= document(
    FinancialReportDocumentSchema,
    "Compte rendu financier d'une action subventionnée (caf-conventions)"
  )
  return financialReportDocument
}
