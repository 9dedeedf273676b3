/**
 * What makes payment terms impossible, checked on the signed text and after each amendment.
 *
 * @module
 */
import { BALANCE_DUE_MISSING, sharesOverYearText } from "../vocabulary/consistency.js"
import type { Texts } from "../vocabulary/validation.js"

/** @internal The fields of payment terms the check reads. */
export interface PaymentTermsShape {
  readonly advanceRate: string
  readonly instalments: ReadonlyArray<{ readonly share: string }>
  readonly balanceTrigger: string
  readonly balanceDue?: string
}

/**
 * @internal What makes payment terms impossible, if anything: the advance and the instalments
 * exceeding the year's amount, or a fixed-date balance without its day; with the field at fault
 * and both texts.
 */
export function paymentTermsProblem(
  terms: PaymentTermsShape
): { readonly field: string; readonly texts: Texts } | undefined {
  // Encoding runs this check on the value as given, before its own checks of each field: a list of
  // instalments may be missing there.
  const instalments = Array.isArray(terms.instalments) ? terms.instalments : []
  const shares = [terms.advanceRate, ...instalments.map((instalment) => instalment?.share)]
  const totalMillionths = shares.reduce((sum, share) => sum + Math.round(Number(share) * 1_000_000), 0)
  if (totalMillionths > 1_000_000) {
    return { field: "instalments", texts: sharesOverYearText(shares) }
  }
  if (terms.balanceTrigger === "fixed-date" && terms.balanceDue === undefined) {
    return { field: "balanceDue", texts: BALANCE_DUE_MISSING }
  }
  return undefined
}
