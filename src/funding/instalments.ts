/**
 * Matching payments to the year's instalments, and where each instalment stands.
 *
 * @module
 */
import { type CalendarDate, daysBetween } from "../calendar/date.js"
import { Euros } from "../money/euros.js"
import { compareIds } from "../core/records.js"
import type { Payment } from "./records.js"
import type { Instalment } from "./schedule.js"
import type { InstalmentStatus, NotOwedReason } from "./facts.js"

export type { InstalmentStatus } from "./facts.js"

/**
 * One instalment of the schedule with the payments matched to it.
 *
 * @example
 * ```ts
 * import type { InstalmentPosition } from "caf-conventions"
 * const remaining = (position: InstalmentPosition) => position.instalment.amount.minus(position.paid)
 * ```
 * @category funding
 */
export interface InstalmentPosition {
  /** The planned instalment. */
  readonly instalment: Instalment
  /** Ids of the payments matched to it, in date order. */
  readonly paymentIds: ReadonlyArray<string>
  /** What was paid towards it. */
  readonly paid: Euros
  /** Where it stands. */
  readonly status: InstalmentStatus
  /** Why it is not owed, when its status is `not-owed`. */
  readonly notOwed?: NotOwedReason
  /** The day the payments matched to it reached its amount, when they did. */
  readonly completedOn?: CalendarDate
  /** Days past the deadline: when it was completed (`paid-late`), or on `asOf` while it is `late`. */
  readonly daysLate?: number
  /** Days before its due date that it was completed, when paid ahead (an advance paid before it was payable). */
  readonly daysEarly?: number
}

function statusOf(
  instalment: Instalment,
  paid: Euros,
  completedOn: CalendarDate | undefined,
  asOf: CalendarDate | undefined,
  zero: NotOwedReason
): Pick<InstalmentPosition, "status" | "notOwed" | "daysLate" | "daysEarly"> {
  // Nothing to pay and nothing paid: not owed, rather than paid.
  if (instalment.amount.isZero() && paid.isZero())
    return { status: "not-owed", notOwed: instalment.offset === undefined ? zero : "offset" }
  const comparison = paid.compare(instalment.amount)
  const deadline = instalment.deadline
  if (comparison === 0) {
    if (completedOn !== undefined && deadline !== undefined && completedOn > deadline)
      return { status: "paid-late", daysLate: daysBetween(deadline, completedOn) }
    return completedOn !== undefined && instalment.dueDate !== undefined && completedOn < instalment.dueDate
      ? { status: "paid", daysEarly: daysBetween(completedOn, instalment.dueDate) }
      : { status: "paid" }
  }
  if (comparison > 0) return { status: "overpaid" }
  if (asOf !== undefined) {
    if (deadline !== undefined && asOf > deadline) return { status: "late", daysLate: daysBetween(deadline, asOf) }
    if (instalment.dueDate !== undefined && asOf >= instalment.dueDate) return { status: "due" }
    return { status: "not-yet-due" }
  }
  return { status: paid.isZero() ? "unpaid" : "partly-paid" }
}

/** The day the credits, taken in date order, first reach the amount. */
function completion(
  credits: ReadonlyArray<{ readonly date: CalendarDate; readonly amount: Euros }>,
  amount: Euros
): CalendarDate | undefined {
  let total = Euros.zero
  for (const credit of [...credits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    total = total.plus(credit.amount)
    if (total.greaterThanOrEqual(amount)) return credit.date
  }
  return undefined
}

/**
 * Matches the year's payments to the instalments: a payment naming an instalment goes to it;
 * the others, in date order, fill the instalments in order, and what exceeds the last one goes
 * to the balance (which then shows as overpaid). A payment naming an instalment the schedule does
 * not have is treated as unnamed. Payments are sorted by date then id first, so the result does
 * not depend on their order. An instalment of 0,00 € with nothing paid is `not-owed`, for the
 * reason `zero` (`offset` when money of the previous year was deducted from it).
 *
 * @internal
 */
export function matchPayments(
  instalments: ReadonlyArray<Instalment>,
  payments: ReadonlyArray<Payment>,
  asOf: CalendarDate | undefined,
  zero: NotOwedReason = "entitlement-reached"
): ReadonlyArray<InstalmentPosition> {
  const keys = new Set(instalments.map((instalment) => instalment.key))
  const paid = new Map<string, Euros>(instalments.map((instalment) => [instalment.key, Euros.zero]))
  const ids = new Map<string, Array<string>>(instalments.map((instalment) => [instalment.key, []]))
  const credits = new Map<string, Array<{ date: CalendarDate; amount: Euros }>>(
    instalments.map((instalment) => [instalment.key, []])
  )
  const credit = (key: string, payment: Payment, amount: Euros) => {
    paid.set(key, (paid.get(key) ?? Euros.zero).plus(amount))
    credits.get(key)?.push({ date: payment.date, amount })
    const list = ids.get(key) as Array<string>
    if (!list.includes(payment.id)) list.push(payment.id)
  }
  const ordered = [...payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a, b)))
  const unnamed: Array<Payment> = []
  for (const payment of ordered) {
    if (payment.instalment !== undefined && keys.has(payment.instalment))
      credit(payment.instalment, payment, payment.amount)
    else unnamed.push(payment)
  }
  for (const payment of unnamed) {
    let left = payment.amount
    for (const instalment of instalments) {
      if (!left.isPositive()) break
      const room = instalment.amount.minus(paid.get(instalment.key) ?? Euros.zero)
      if (!room.isPositive()) continue
      const part = Euros.min(room, left)
      credit(instalment.key, payment, part)
      left = left.minus(part)
    }
    const last = instalments[instalments.length - 1]
    if (left.isPositive() && last !== undefined) credit(last.key, payment, left)
  }
  return instalments.map((instalment) => {
    const total = paid.get(instalment.key) ?? Euros.zero
    const completedOn = instalment.amount.isPositive()
      ? completion(credits.get(instalment.key) ?? [], instalment.amount)
      : undefined
    return {
      instalment,
      paymentIds: ids.get(instalment.key) ?? [],
      paid: total,
      ...(completedOn === undefined ? {} : { completedOn }),
      ...statusOf(instalment, total, completedOn, asOf, zero)
    }
  })
}
