/**
 * The withdrawal of a subsidy for a breach of the *contrat d'engagement républicain*: the day the
 * sums paid for the withdrawn period are due.
 *
 * @module
 */
import { type CalendarDate, addMonths, parseCalendarDate } from "../calendar/date.js"
import { InvalidArgumentError } from "../core/errors.js"

/**
 * The longest time the partner may be given to repay, in months from the withdrawal decision
 * (loi n° 2000-321, art. 10-1: *dans un délai ne pouvant excéder six mois à compter de la
 * décision de retrait*).
 *
 * @example
 * ```ts
 * import { WITHDRAWAL_REPAYMENT_MONTHS } from "caf-conventions"
 * WITHDRAWAL_REPAYMENT_MONTHS //=> 6
 * ```
 * @category conventions
 */
export const WITHDRAWAL_REPAYMENT_MONTHS = 6

/**
 * The day the sums paid for the withdrawn period must be repaid by: the day the decision sets
 * (`repaymentDueDate`), or six months after the decision, the same day of the month (the last
 * day of the month when that day does not exist: a decision of 31 August is due on 28 or 29
 * February).
 *
 * @example
 * ```ts
 * import { withdrawalRepaymentDue } from "caf-conventions"
 * withdrawalRepaymentDue({ decidedOn: "2025-06-15" as never }) //=> "2025-12-15"
 * ```
 * @category conventions
 */
export function withdrawalRepaymentDue(withdrawal: {
  readonly decidedOn: CalendarDate | string
  readonly repaymentDueDate?: CalendarDate | string
}): CalendarDate {
  if (withdrawal === null || typeof withdrawal !== "object")
    throw new InvalidArgumentError({
      argument: "withdrawal",
      message: 'expected a withdrawal such as { decidedOn: "2025-06-15" }'
    })
  if (withdrawal.repaymentDueDate !== undefined) return parseCalendarDate(withdrawal.repaymentDueDate)
  return addMonths(parseCalendarDate(withdrawal.decidedOn), WITHDRAWAL_REPAYMENT_MONTHS)
}
