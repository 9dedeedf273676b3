/**
 * Payments received and expenses reported: the records the use of the money is evaluated from.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { CalendarDateSchema } from "../calendar/date.js"
import { type RecordDecoder, makeCodec, recordDecoder } from "../core/codec.js"
import { localizedCheck } from "../core/issues.js"
import { makeMark } from "../core/mark.js"
import { IdSchema, MultilineTextSchema, TextSchema, uniqueList } from "../core/schemas.js"
import { NonNegativeEurosFromString } from "../money/schema.js"
import { FundingSchemeSchema, SectorSchema } from "../referential/codes.js"
import { ExpenseCategorySchema } from "../referential/convention-codes.js"
import { INSTALMENT_FORM } from "../vocabulary/consistency.js"

/**
 * Schema of a payment received by the partner: its id, date, amount, the year it funds, the
 * instalment it pays (`advance`, `instalment-1`…, `balance`, `complement-N` after amendment n° N; when absent, payments fill the
 * year's instalments in date order), the convention (when the Caf pays several), a reference.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PaymentSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(PaymentSchema)({ id: "v-1", date: "2024-03-28", amount: "15000", year: 2024, instalment: "advance" }).amount.toString()
 * //=> "15000.00"
 * ```
 * @category funding
 */
export const PaymentSchema = Schema.Struct({
  id: IdSchema,
  date: CalendarDateSchema,
  amount: NonNegativeEurosFromString,
  year: Schema.Int.check(Schema.isBetween({ minimum: 1000, maximum: 9999 })),
  instalment: Schema.optionalKey(
    Schema.String.check(
      Schema.isPattern(
        /^(advance|balance|instalment-[1-9][0-9]?|complement-[1-9][0-9]{0,2})$/u,
        localizedCheck({ code: "pattern", ...INSTALMENT_FORM })
      )
    )
  ),
  conventionId: Schema.optionalKey(IdSchema),
  reference: Schema.optionalKey(TextSchema)
})

/**
 * A payment received (see {@link PaymentSchema}).
 *
 * @example
 * ```ts
 * import { parsePayments, type Payment } from "caf-conventions"
 * const [advance]: ReadonlyArray<Payment> = parsePayments([{ id: "v-1", date: "2024-03-28", amount: "15000", year: 2024, instalment: "advance" }])
 * ```
 * @category funding
 */
export interface Payment extends Schema.Schema.Type<typeof PaymentSchema> {}

/**
 * Schema of an expense the partner reports: its id, date, amount, category, sector, the activity
 * it served, other schemes funding it, the convention it is charged to, the reference of its
 * supporting document (*pièce justificative*), and a description.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ExpenseSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ExpenseSchema)({ id: "d-1", date: "2024-03-14", amount: "1200", category: "experts", document: "FAC-2024-031" }).fundedBy
 * //=> []
 * ```
 * @category funding
 */
export const ExpenseSchema = Schema.Struct({
  id: IdSchema,
  date: CalendarDateSchema,
  amount: NonNegativeEurosFromString,
  category: ExpenseCategorySchema,
  sector: Schema.optionalKey(SectorSchema),
  activityId: Schema.optionalKey(IdSchema),
  fundedBy: uniqueList(FundingSchemeSchema).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  conventionId: Schema.optionalKey(IdSchema),
  document: Schema.optionalKey(TextSchema),
  description: Schema.optionalKey(MultilineTextSchema)
})

/**
 * An expense (see {@link ExpenseSchema}).
 *
 * @example
 * ```ts
 * import { parseExpenses, type Expense } from "caf-conventions"
 * const [expense]: ReadonlyArray<Expense> = parseExpenses([{ id: "d-1", date: "2024-03-14", amount: "1200", category: "experts" }])
 * ```
 * @category funding
 */
export interface Expense extends Schema.Schema.Type<typeof ExpenseSchema> {}

/**
 * @internal Payments decoded by this module: evaluators trust them without checking again. Kept
 * apart from expenses, so that a decoded expense is never taken for a payment, nor the reverse.
 */
export const decodedPayments = makeMark()
/** @internal Expenses decoded by this module (see {@link decodedPayments}). */
export const decodedExpenses = makeMark()
/** @internal Exact checks of the shapes, for records not decoded here. */
export const isPayment = Schema.is(PaymentSchema)
/** @internal */
export const isExpense = Schema.is(ExpenseSchema)

const paymentCodec = makeCodec(PaymentSchema, "payment", { registry: decodedPayments })
const paymentsCodec = makeCodec(Schema.Array(PaymentSchema), "payments", { registry: decodedPayments })
const expenseCodec = makeCodec(ExpenseSchema, "expense", { registry: decodedExpenses })
const expensesCodec = makeCodec(Schema.Array(ExpenseSchema), "expenses", { registry: decodedExpenses })

/**
 * @internal Decodes one payment read alone (a line of a JSON Lines file, a row of a stream): the
 * payment decoded, deep-frozen and marked as decoded, exactly as `parsePayments` decodes each of its items,
 * or a {@link ValidationError} of subject `"payments"` whose issues' paths start with `path` (pass
 * the record's index, `[12]`: the same issues, codes, messages and paths as `parsePayments` reports for
 * that item). Records the library decoded already are recognised by `decodedPayments.has`.
 */
export const decodePaymentAt: RecordDecoder<Payment> = recordDecoder(paymentCodec.safeParse, "payments")

/**
 * @internal Decodes one expense read alone (a line of a JSON Lines file, a row of a stream): the
 * expense decoded, deep-frozen and marked as decoded, exactly as `parseExpenses` decodes each of its items,
 * or a {@link ValidationError} of subject `"expenses"` whose issues' paths start with `path` (pass
 * the record's index, `[12]`: the same issues, codes, messages and paths as `parseExpenses` reports for
 * that item). Records the library decoded already are recognised by `decodedExpenses.has`.
 */
export const decodeExpenseAt: RecordDecoder<Expense> = recordDecoder(expenseCodec.safeParse, "expenses")

/**
 * Reads one payment, or throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { parsePayment } from "caf-conventions"
 * parsePayment({ id: "v-1", date: "2024-03-28", amount: "15000", year: 2024 }).year //=> 2024
 * ```
 * @category funding
 */
export const parsePayment: (input: unknown) => Payment = paymentCodec.parse

/**
 * Reads a file of payments (a JSON array), or throws a {@link ValidationError} naming every faulty
 * field with the payment's index.
 *
 * @example
 * ```ts
 * import { parsePayments } from "caf-conventions"
 * parsePayments([]) //=> []
 * ```
 * @category funding
 */
export const parsePayments: (input: unknown) => ReadonlyArray<Payment> = paymentsCodec.parse

/**
 * Like {@link parsePayments}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParsePayments } from "caf-conventions"
 * safeParsePayments([{ id: "v-1", amount: 15000 }]).success //=> false
 * ```
 * @category funding
 */
export const safeParsePayments = paymentsCodec.safeParse

/**
 * Reads a file of payments as an `Effect` failing with a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { decodePayments } from "caf-conventions"
 * Effect.runSync(decodePayments([])) //=> []
 * ```
 * @category funding
 */
export const decodePayments = paymentsCodec.decode

/**
 * Like {@link parsePayment}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParsePayment } from "caf-conventions"
 * safeParsePayment({ id: "v-1" }).success //=> false
 * ```
 * @category funding
 */
export const safeParsePayment = paymentCodec.safeParse

/**
 * Reads one expense, or throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { parseExpense } from "caf-conventions"
 * parseExpense({ id: "d-1", date: "2024-03-14", amount: "1200", category: "experts" }).category //=> "experts"
 * ```
 * @category funding
 */
export const parseExpense: (input: unknown) => Expense = expenseCodec.parse

/**
 * Like {@link parseExpense}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseExpense } from "caf-conventions"
 * safeParseExpense({ id: "d-1", amount: "1.001" }).success //=> false
 * ```
 * @category funding
 */
export const safeParseExpense = expenseCodec.safeParse

/**
 * Reads a file of expenses (a JSON array), or throws a {@link ValidationError} naming every faulty
 * field with the expense's index.
 *
 * @example
 * ```ts
 * import { parseExpenses } from "caf-conventions"
 * parseExpenses([]) //=> []
 * ```
 * @category funding
 */
export const parseExpenses: (input: unknown) => ReadonlyArray<Expense> = expensesCodec.parse

/**
 * Like {@link parseExpenses}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseExpenses } from "caf-conventions"
 * safeParseExpenses([{ id: "d-1", category: "cadeaux" }]).success //=> false
 * ```
 * @category funding
 */
export const safeParseExpenses = expensesCodec.safeParse

/**
 * Reads a file of expenses as an `Effect` failing with a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { decodeExpenses } from "caf-conventions"
 * Effect.runSync(decodeExpenses([])) //=> []
 * ```
 * @category funding
 */
export const decodeExpenses = expensesCodec.decode

/**
 * Writes payments back to JSON (amounts as strings).
 *
 * @example
 * ```ts
 * import { encodePayments, parsePayments } from "caf-conventions"
 * encodePayments(parsePayments([{ id: "v-1", date: "2024-03-28", amount: "15000", year: 2024 }]))[0]?.amount //=> "15000.00"
 * ```
 * @category funding
 */
export const encodePayments = paymentsCodec.encode

/**
 * Writes expenses back to JSON (amounts as strings).
 *
 * @example
 * ```ts
 * import { encodeExpenses, parseExpenses } from "caf-conventions"
 * encodeExpenses(parseExpenses([{ id: "d-1", date: "2024-03-14", amount: "1200", category: "experts" }]))[0]?.amount //=> "1200.00"
 * ```
 * @category funding
 */
export const encodeExpenses = expensesCodec.encode
