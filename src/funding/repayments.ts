/**
 * Repayments (*reversements*): money the partner pays back to the Caf, and where each year's
 * amount to repay stands.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { type CalendarDate, CalendarDateSchema, addDays } from "../calendar/date.js"
import { type RecordDecoder, makeCodec, recordDecoder } from "../core/codec.js"
import { makeMark } from "../core/mark.js"
import { IdSchema, TextSchema } from "../core/schemas.js"
import { NonNegativeEurosFromString } from "../money/schema.js"
import { Euros } from "../money/euros.js"

/**
 * Schema of a repayment received from the partner: its id, date, amount, the year whose money it
 * returns, the convention (when the partner has several), a reference (the Caf's *titre de
 * recettes*, say).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { RepaymentSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(RepaymentSchema)({ id: "r-1", date: "2025-09-15", amount: "750", year: 2024 }).amount.toString() //=> "750.00"
 * ```
 * @category funding
 */
export const RepaymentSchema = Schema.Struct({
  id: IdSchema,
  date: CalendarDateSchema,
  amount: NonNegativeEurosFromString,
  year: Schema.Int.check(Schema.isBetween({ minimum: 1000, maximum: 9999 })),
  conventionId: Schema.optionalKey(IdSchema),
  reference: Schema.optionalKey(TextSchema)
})

/**
 * A repayment received (see {@link RepaymentSchema}).
 *
 * @example
 * ```ts
 * import { parseRepayments, type Repayment } from "caf-conventions"
 * const [first]: ReadonlyArray<Repayment> = parseRepayments([{ id: "r-1", date: "2025-09-15", amount: "750", year: 2024 }])
 * ```
 * @category funding
 */
export interface Repayment extends Schema.Schema.Type<typeof RepaymentSchema> {}

/** @internal Repayments decoded by this module. */
export const decodedRepayments = makeMark()
/** @internal An exact check of a repayment's shape, for records not decoded here. */
export const isRepayment = Schema.is(RepaymentSchema)

const repaymentCodec = makeCodec(RepaymentSchema, "repayment", { registry: decodedRepayments })
const repaymentsCodec = makeCodec(Schema.Array(RepaymentSchema), "repayments", { registry: decodedRepayments })

/**
 * @internal Decodes one repayment read alone (a line of a JSON Lines file, a row of a stream): the
 * repayment decoded, deep-frozen and marked as decoded, exactly as `parseRepayments` decodes each of its items,
 * or a {@link ValidationError} of subject `"repayments"` whose issues' paths start with `path` (pass
 * the record's index, `[12]`: the same issues, codes, messages and paths as `parseRepayments` reports for
 * that item). Records the library decoded already are recognised by `decodedRepayments.has`.
 */
export const decodeRepaymentAt: RecordDecoder<Repayment> = recordDecoder(repaymentCodec.safeParse, "repayments")

/**
 * Reads a list of repayments, or throws a {@link ValidationError} naming every faulty field with
 * the record's index.
 *
 * @example
 * ```ts
 * import { parseRepayments } from "caf-conventions"
 * parseRepayments([{ id: "r-1", date: "2025-09-15", amount: "750", year: 2024 }]).length //=> 1
 * ```
 * @category funding
 */
export const parseRepayments: (input: unknown) => ReadonlyArray<Repayment> = repaymentsCodec.parse

/**
 * Like {@link parseRepayments}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseRepayments } from "caf-conventions"
 * safeParseRepayments([{ id: "r-1" }]).success //=> false
 * ```
 * @category funding
 */
export const safeParseRepayments = repaymentsCodec.safeParse

/** @internal */
export const safeParseRepayment = repaymentCodec.safeParse

/**
 * Where a year's amount to repay stands on the day of evaluation:
 * - `demanded`: the amount to repay once the year is settled (the settlement's `toRepay`);
 * - `demandedOn`: the day it is demanded, the day the year's reports were accepted (the Caf
 *   settles the year on them), when they were, or the day of the payment that made the partner
 *   receive more than the year leaves it, when that payment came later (a balance paid after the
 *   reports were accepted cannot have been demanded back before it was paid); `dueDate`: the day it must be repaid by, the
 *   convention's `payment.paymentDeadlineDays` (60) after the demand — the library applies to the
 *   partner the deadline the convention sets for the Caf, unless the Caf's demand says otherwise;
 * - `received`: the repayments received for the year by the day of evaluation (their ids in
 *   `repaymentIds`); `stillToRepay`: what is left; `overRepaid`: what was repaid beyond it;
 * - `late`: the due date has passed with money still to repay;
 * - `withdrawal`: when the subsidy was withdrawn for a breach of the *contrat d'engagement
 *   républicain*, the part of `demanded` that returns the sums paid beyond what the period before
 *   the breach earns, demanded on the decision and due on the day it sets, six months after it at
 *   most (repayments received go to it first); `demandedOn` and `dueDate` are then the
 *   withdrawal's when it makes up the whole amount.
 *
 * @example
 * ```ts
 * import type { YearRepayment } from "caf-conventions"
 * const settled = (repayment: YearRepayment) => repayment.stillToRepay.isZero()
 * ```
 * @category funding
 */
export interface YearRepayment {
  /** The amount to repay. */
  readonly demanded: Euros
  /** The day it is demanded, when the year's reports were accepted. */
  readonly demandedOn?: CalendarDate
  /** The day it must be repaid by. */
  readonly dueDate?: CalendarDate
  /** Repayments received for the year. */
  readonly received: Euros
  /** Their ids, in date order. */
  readonly repaymentIds: ReadonlyArray<string>
  /** What is still to repay. */
  readonly stillToRepay: Euros
  /** What was repaid beyond the amount demanded (the Caf owes it back). */
  readonly overRepaid: Euros
  /** Whether the due date has passed with money still to repay. */
  readonly late: boolean
  /**
   * The part of `demanded` that returns the sums paid for the period after a breach of the
   * *contrat d'engagement républicain*, once the subsidy was withdrawn: demanded on the decision,
   * due within six months of it (loi n° 2000-321, art. 10-1; décret n° 2021-1947, art. 4).
   */
  readonly withdrawal?: {
    readonly amount: Euros
    readonly decidedOn: CalendarDate
    readonly dueDate: CalendarDate
    readonly late: boolean
  }
}

/** @internal Where a year's amount to repay stands, from the repayments of that year. */
export function yearRepayment(
  toRepay: Euros,
  repayments: ReadonlyArray<Repayment>,
  context: {
    readonly acceptedOn: CalendarDate | undefined
    /** The day the payments of the year went beyond what it leaves the partner, if after the first. */
    readonly overpaidOn?: CalendarDate | undefined
    readonly deadlineDays: number
    readonly asOf: CalendarDate | undefined
    /** The part of `toRepay` a withdrawal demands, with its decision and due day. */
    readonly withdrawal?:
      | { readonly amount: Euros; readonly decidedOn: CalendarDate; readonly dueDate: CalendarDate }
      | undefined
  }
): YearRepayment {
  const ordered = [...repayments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))
  const received = Euros.sum(ordered.map((repayment) => repayment.amount))
  const withdrawn =
    context.withdrawal !== undefined && context.withdrawal.amount.isPositive() ? context.withdrawal : undefined
  // What the withdrawal does not cover (unspent money, say) is demanded when the year is settled.
  const rest = withdrawn === undefined ? toRepay : Euros.max(Euros.zero, toRepay.minus(withdrawn.amount))
  // Demanded when the year is settled, and not before the money to repay was paid.
  const settledOn =
    context.acceptedOn !== undefined && context.overpaidOn !== undefined && context.overpaidOn > context.acceptedOn
      ? context.overpaidOn
      : context.acceptedOn
  const demandedOn = rest.isPositive() ? settledOn : withdrawn?.decidedOn
  const dueDate = rest.isPositive()
    ? demandedOn === undefined
      ? undefined
      : addDays(demandedOn, context.deadlineDays)
    : withdrawn?.dueDate
  const stillToRepay = Euros.max(Euros.zero, toRepay.minus(received))
  // Repayments go first to the withdrawal, demanded first.
  const withdrawalLate =
    withdrawn !== undefined &&
    context.asOf !== undefined &&
    context.asOf > withdrawn.dueDate &&
    received.lessThan(withdrawn.amount)
  return {
    demanded: toRepay,
    ...(demandedOn === undefined ? {} : { demandedOn }),
    ...(dueDate === undefined ? {} : { dueDate }),
    received,
    repaymentIds: ordered.map((repayment) => repayment.id),
    stillToRepay,
    overRepaid: Euros.max(Euros.zero, received.minus(toRepay)),
    late:
      withdrawalLate ||
      (dueDate !== undefined && context.asOf !== undefined && context.asOf > dueDate && stillToRepay.isPositive()),
    ...(withdrawn === undefined
      ? {}
      : {
          withdrawal: {
            amount: withdrawn.amount,
            decidedOn: withdrawn.decidedOn,
            dueDate: withdrawn.dueDate,
            late: withdrawalLate
          }
        })
  }
}
