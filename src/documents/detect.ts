/**
 * Recognising a JSON document: a portfolio, a convention, a partner, a scenario, a compte rendu
 * financier, or a list of records (activities, payments or repayments, expenses, candidates,
 * comptes rendus financiers), and checking it as what it is. Read by
 * the command line's `validate` and the HTTP service's `/validate`, so that neither reaches into
 * the other.
 *
 * @module
 * @internal
 */
import { type Issue, ValidationError } from "../core/errors.js"
import { safeParseFinancialReport } from "../budget/financial-report.js"
import { uniqueOfDecoded } from "../core/records.js"
import { safeParseConvention } from "../conventions/convention.js"
import { safeParseCandidates } from "../eligibility/candidate.js"
import { safeParseExpenses, safeParsePayments } from "../funding/records.js"
import { safeParseActivities } from "../objectives/activity.js"
import { safeParsePartner } from "../partners/partner.js"
import { type Portfolio, safeParsePortfolio } from "../portfolio/portfolio.js"
import { safeParseScenario } from "../scenarios/scenario.js"
import {
  ANY_DOCUMENT,
  financialReportSummary,
  portfolioSummary,
  recordsSummary,
  wrongShapeText
} from "../vocabulary/validation.js"

/** @internal Whether a JSON value is an object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** @internal A validation error for a file whose JSON is not of the shape expected, in French and English. */
export function wrongShape(file: string, expected: { readonly fr: string; readonly en: string }): ValidationError {
  const texts = wrongShapeText(expected)
  const error = ValidationError.of(file, [{ path: [], message: texts.fr, code: "type", messages: texts }])
  return new ValidationError({ subject: file, issues: error.issues, message: `${file} : ${texts.fr}` })
}

/** @internal What a document was recognised as (its kind and a summary, in French), or its problems. */
type Detected = { readonly kind: string; readonly summary: string } | { readonly error: ValidationError }

function detectList(
  file: string,
  list: ReadonlyArray<unknown>,
  describe: <T>(
    result: { success: true; data: T } | { success: false; error: ValidationError },
    kind: string,
    summary: (data: T) => string
  ) => Detected
): Detected {
  const first = isRecord(list[0]) ? list[0] : {}
  // Records with an id are checked as the evaluators read them: two with one id must be copies.
  const records = <T extends { readonly id: string }>(
    result: { success: true; data: ReadonlyArray<T> } | { success: false; error: ValidationError },
    kind: string,
    summary: (data: ReadonlyArray<T>) => string
  ): Detected => {
    if (!result.success) return describe(result, kind, summary)
    try {
      uniqueOfDecoded({ decoded: [...result.data], issues: [], omitted: 0 }, file)
    } catch (error) {
      if (error instanceof ValidationError) return { error }
      throw error
    }
    return describe(result, kind, summary)
  }
  if ("accompanimentKind" in first)
    return describe(safeParseCandidates(list), "candidats", (found) => recordsSummary(found.length, "candidate"))
  if ("category" in first)
    return records(safeParseExpenses(list), "dépenses", (found) => recordsSummary(found.length, "expense"))
  if ("charges" in first || "products" in first) return financialReports(file, list)
  if ("year" in first && "amount" in first) {
    // A reversement has the fields of a versement but its instalment code: without one, the list
    // may be either, and is said to be so.
    const payments = list.some((record) => isRecord(record) && "instalment" in record)
    return records(safeParsePayments(list), payments ? "versements" : "versements ou reversements", (found) =>
      recordsSummary(found.length, payments ? "payment" : "payment-or-repayment")
    )
  }
  return records(safeParseActivities(list), "activités", (found) => recordsSummary(found.length, "activity"))
}

/** A list of comptes rendus financiers: each checked, its problems under its index. */
function financialReports(file: string, list: ReadonlyArray<unknown>): Detected {
  const issues: Array<Issue> = []
  list.forEach((report, index) => {
    const result = safeParseFinancialReport(report)
    if (!result.success)
      issues.push(...result.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })))
  })
  if (issues.length > 0) return { error: ValidationError.of(file, issues) }
  return { kind: "comptes rendus financiers", summary: recordsSummary(list.length, "financial-report") }
}

/** @internal Recognises a document, as `validate` does (the HTTP service's `/validate` too), and checks it. */
export function detect(file: string, json: unknown): Detected {
  const describe = <T>(
    result: { success: true; data: T } | { success: false; error: ValidationError },
    kind: string,
    summary: (data: T) => string
  ): Detected => (result.success ? { kind, summary: summary(result.data) } : { error: result.error })
  if (Array.isArray(json)) return detectList(file, json, describe)
  if (!isRecord(json)) return { error: wrongShape(file, ANY_DOCUMENT) }
  if ("partners" in json || "conventions" in json)
    return describe(safeParsePortfolio(json), "portefeuille", (p: Portfolio) =>
      portfolioSummary(p.partners.length, p.conventions.length)
    )
  if ("question" in json) return describe(safeParseScenario(json), "scénario", (s: { readonly name: string }) => s.name)
  if ("terms" in json) return describe(safeParseConvention(json), "convention", (c) => c.title)
  if ("charges" in json || "products" in json)
    return describe(safeParseFinancialReport(json), "compte rendu financier", (r) =>
      financialReportSummary(r.conventionId, r.year)
    )
  return describe(safeParsePartner(json), "partenaire", (p) => p.name)
}
