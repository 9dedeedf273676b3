/**
 * Which expenses the convention's money may pay for.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import type { Period } from "../calendar/period.js"
import type { Terms } from "../conventions/terms.js"
import { FUNDING_SCHEME_LABELS, SECTOR_LABELS } from "../referential/codes.js"
import { EXPENSE_CATEGORY_LABELS } from "../referential/convention-codes.js"
import type { Expense } from "./records.js"
import type { ExpenseExclusionFact } from "../vocabulary/funding.js"

/**
 * Why an expense does not count as an eligible use of the money, checked in this order:
 * `duplicate-id` (an identical copy of an eligible expense: it counts once; a copy of an
 * expense left out is left out for the same reason as the expense), `outside-year`,
 * `after-as-of`, `sector-not-covered`, `funded-elsewhere` (by a scheme the convention excludes,
 * or charged to another convention), `category-excluded` (by the convention's conditions of
 * use), `no-document` (no supporting document when the convention requires one).
 *
 * @example
 * ```ts
 * import { EXPENSE_EXCLUSION_LABELS, type ExpenseExclusionReason } from "caf-conventions"
 * const reason: ExpenseExclusionReason = "no-document"
 * EXPENSE_EXCLUSION_LABELS[reason] //=> "sans pièce justificative"
 * ```
 * @category funding
 */
export type ExpenseExclusionReason =
  | "duplicate-id"
  | "outside-year"
  | "after-as-of"
  | "sector-not-covered"
  | "funded-elsewhere"
  | "category-excluded"
  | "no-document"

/**
 * French labels of the reasons an expense is not eligible.
 *
 * @example
 * ```ts
 * import { EXPENSE_EXCLUSION_LABELS } from "caf-conventions"
 * EXPENSE_EXCLUSION_LABELS["category-excluded"] //=> "catégorie exclue"
 * ```
 * @category funding
 */
export const EXPENSE_EXCLUSION_LABELS: Readonly<Record<ExpenseExclusionReason, string>> = {
  "duplicate-id": "doublon",
  "outside-year": "hors de l'année",
  "after-as-of": "postérieure à la date d'arrêté",
  "sector-not-covered": "secteur non couvert",
  "funded-elsewhere": "financée par ailleurs",
  "category-excluded": "catégorie exclue",
  "no-document": "sans pièce justificative"
}

/**
 * An expense that is not an eligible use of the money, and why.
 *
 * @example
 * ```ts
 * import { Euros, type IneligibleExpense } from "caf-conventions"
 * const line: IneligibleExpense = { id: "d-9", amount: Euros.parse("250"), reason: "no-document", detail: "aucune référence de pièce justificative" }
 * ```
 * @category funding
 */
export interface IneligibleExpense {
  /** The expense's id. */
  readonly id: string
  /** Its amount. */
  readonly amount: Expense["amount"]
  /** Why it is not eligible. */
  readonly reason: ExpenseExclusionReason
  /** The particulars, in French. */
  readonly detail: string
  /** The expense's date, when known (the evaluation always gives it). */
  readonly date?: CalendarDate
  /** What the expense is, for a reader: its description, or its category's label (the evaluation always gives it). */
  readonly label?: string
}

/** @internal What an expense is, for a reader: its description, or its category's label. */
export function expenseLabel(expense: Expense): string {
  return expense.description ?? EXPENSE_CATEGORY_LABELS[expense.category]
}

/**
 * @internal Why an expense is not eligible: the reason, and the facts its French detail is worded
 * from (`exclusionDetail` of src/vocabulary/funding.ts), only when the list of ineligible expenses
 * is read.
 */
export interface ExpenseWhy {
  readonly reason: ExpenseExclusionReason
  readonly fact: ExpenseExclusionFact
}

const NOT_COVERED_YEAR: ExpenseWhy = { reason: "outside-year", fact: { kind: "not-covered-year" } }
const NO_DOCUMENT: ExpenseWhy = { reason: "no-document", fact: { kind: "no-document" } }

/**
 * Why an expense is not eligible, or undefined when it is.
 *
 * @internal
 */
export function expenseExclusion(
  expense: Expense,
  part: Period | undefined,
  asOf: CalendarDate | undefined,
  terms: Terms,
  conventionId: string
): ExpenseWhy | undefined {
  if (part === undefined) return NOT_COVERED_YEAR
  if (expense.date < part.start || expense.date > part.end)
    return { reason: "outside-year", fact: { kind: "outside-period", date: expense.date } }
  if (asOf !== undefined && expense.date > asOf)
    return { reason: "after-as-of", fact: { kind: "after-as-of", date: expense.date, asOf } }
  if (expense.sector !== undefined && !terms.sectors.includes(expense.sector))
    return { reason: "sector-not-covered", fact: { kind: "sector-not-covered", sector: SECTOR_LABELS[expense.sector] } }
  const excluded = expense.fundedBy.find((scheme) => terms.excludedSchemes.includes(scheme))
  if (excluded !== undefined)
    return {
      reason: "funded-elsewhere",
      fact: { kind: "excluded-scheme", scheme: FUNDING_SCHEME_LABELS[excluded] }
    }
  if (expense.conventionId !== undefined && expense.conventionId !== conventionId)
    return { reason: "funded-elsewhere", fact: { kind: "other-convention", conventionId: expense.conventionId } }
  if (terms.expenses.excludedCategories.includes(expense.category))
    return {
      reason: "category-excluded",
      fact: { kind: "category-excluded", category: EXPENSE_CATEGORY_LABELS[expense.category] }
    }
  if (terms.expenses.requireSupportingDocument && expense.document === undefined) return NO_DOCUMENT
  return undefined
}
