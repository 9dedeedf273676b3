/**
 * Funding use: 1 000 000 expense lines over 10 000 conventions, evaluated by evaluateFundingUse and
 * by a plain hand-written loop computing the same eligible spending, amount to repay and list of
 * eligible lines in id order (the floor), at 100 000 and 1 000 000 lines.
 */
import {
  type Convention,
  EXPENSE_CATEGORIES,
  Euros,
  type Expense,
  type Payment,
  SECTORS,
  evaluateFundingUse,
  parseExpenses,
  parsePayments
} from "caf-conventions"
import { checkedConvention } from "../src/conventions/checked.js"
import { resolveConvention } from "../src/conventions/resolved.js"
import { checkedRecords, yearUse } from "../src/funding/use.js"
import { type BenchRow, foundingConvention, interleavedMedians, medianMs, pick, seeded } from "./support.js"

/** `BENCH_CONVENTIONS=2000` runs a reduced size (the ratios are what matter on a shared machine). */
const MAX_CONVENTIONS = Number(process.env["BENCH_CONVENTIONS"] ?? 10_000)

const LINES_PER_CONVENTION = 100

interface Workload {
  readonly conventions: ReadonlyArray<Convention>
  readonly payments: ReadonlyArray<ReadonlyArray<Payment>>
  readonly expenses: ReadonlyArray<ReadonlyArray<Expense>>
  /** The floor's own copy of each amount, as plain integer cents (what a hand-written program would hold). */
  readonly cents: ReadonlyArray<ReadonlyArray<number>>
  readonly paymentCents: ReadonlyArray<ReadonlyArray<number>>
}

function workload(conventionCount: number): Workload {
  const random = seeded(6)
  const base = foundingConvention()
  const conventions = Array.from({ length: conventionCount }, (_, i) => ({ ...base, id: `cpo-${i}` }))
  // Records are decoded as an application would decode its JSON files (outside the timings).
  const payments = conventions.map((convention) =>
    parsePayments([
      { id: `${convention.id}-avance`, date: "2024-03-28", amount: "15000", year: 2024, instalment: "advance" },
      { id: `${convention.id}-solde`, date: "2025-06-12", amount: "15000", year: 2024, instalment: "balance" }
    ])
  )
  const expenses = conventions.map((convention) =>
    parseExpenses(
      Array.from({ length: LINES_PER_CONVENTION }, (_, line) => {
        const month = 1 + Math.floor(random() * 12)
        return {
          id: `${convention.id}-d${line}`,
          date: `${random() < 0.95 ? 2024 : 2023}-${String(month).padStart(2, "0")}-10` as Expense["date"],
          amount: Euros.fromCents(Math.floor(random() * 60_000)).toString(),
          category: pick(random, EXPENSE_CATEGORIES),
          ...(random() < 0.9 ? { sector: pick(random, SECTORS.slice(0, 5)) } : { sector: pick(random, SECTORS) }),
          fundedBy: random() < 0.03 ? ["fpt"] : [],
          ...(random() < 0.97 ? { document: `F-${line}` } : {})
        }
      })
    )
  )
  const cents = expenses.map((lines) => lines.map((expense) => Number(expense.amount.toCents())))
  const paymentCents = payments.map((list) => list.map((payment) => Number(payment.amount.toCents())))
  return { conventions, payments, expenses, cents, paymentCents }
}

/**
 * The floor: what the result gives a user for the founding convention's default clauses, the
 * eligible spending, the amount to repay and the eligible lines listed in id order (sorted only
 * when they are not in order already, as the library does).
 */
function handWritten(
  convention: Convention,
  payments: ReadonlyArray<Payment>,
  expenses: ReadonlyArray<Expense>,
  cents: ReadonlyArray<number>,
  paymentCents: ReadonlyArray<number>
): string {
  // Plain integer cents (exact below 2^53, far above any convention's sums): the fastest honest floor.
  const sectors = new Set<string>(convention.terms.sectors)
  const listed: Array<{ readonly id: string; readonly cents: number }> = []
  let eligible = 0
  for (let index = 0; index < expenses.length; index++) {
    const expense = expenses[index] as Expense
    if (expense.date < "2024-01-01" || expense.date > "2024-12-31") continue
    if (expense.sector !== undefined && !sectors.has(expense.sector)) continue
    if (expense.fundedBy.includes("fpt") || expense.document === undefined) continue
    eligible += cents[index] as number
    listed.push({ id: expense.id, cents: cents[index] as number })
  }
  let ordered = true
  for (let index = 1; index < listed.length && ordered; index++)
    ordered = (listed[index - 1] as { id: string }).id < (listed[index] as { id: string }).id
  if (!ordered) listed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  let received = 0
  for (let index = 0; index < payments.length; index++)
    if ((payments[index] as Payment).year === 2024) received += paymentCents[index] as number
  const granted = 3_000_000
  const used = eligible < granted ? eligible : granted
  const toRepay = received > used ? received - used : 0
  return `${eligible}/${toRepay}/${listed.length}/${listed[0]?.id}/${listed.at(-1)?.id}`
}

/** What the floor returns, read from a result. */
function summary(use: ReturnType<typeof evaluateFundingUse>): string {
  const listed = use.eligibleExpenses
  return `${use.settlement.eligibleSpend.toCents()}/${use.settlement.toRepay.toCents()}/${listed.length}/${listed[0]?.id}/${listed.at(-1)?.id}`
}

export async function fundingBench(): Promise<ReadonlyArray<BenchRow>> {
  const data = workload(MAX_CONVENTIONS)
  const rows: Array<BenchRow> = []
  for (const conventions of [MAX_CONVENTIONS / 10, MAX_CONVENTIONS]) {
    const lines = conventions * LINES_PER_CONVENTION
    // The evaluation and its floor run in turn, round after round (the same machine, the same JIT).
    const side = await interleavedMedians(
      3,
      () => {
        const out: Array<string> = []
        for (let i = 0; i < conventions; i++) {
          const use = evaluateFundingUse(data.conventions[i] as Convention, {
            year: 2024,
            payments: data.payments[i] as ReadonlyArray<Payment>,
            expenses: data.expenses[i] as ReadonlyArray<Expense>
          })
          out.push(summary(use))
        }
        return out
      },
      () => {
        const out: Array<string> = []
        for (let i = 0; i < conventions; i++)
          out.push(
            handWritten(
              data.conventions[i] as Convention,
              data.payments[i] as ReadonlyArray<Payment>,
              data.expenses[i] as ReadonlyArray<Expense>,
              data.cents[i] as ReadonlyArray<number>,
              data.paymentCents[i] as ReadonlyArray<number>
            )
          )
        return out
      }
    )
    const lib = side.a
    const hand = side.b
    const agree = JSON.stringify(lib.result) === JSON.stringify(hand.result)
    rows.push({
      benchmark: "funding",
      variant: `evaluateFundingUse, ${lines.toLocaleString("en-US")} expense lines / ${conventions.toLocaleString("en-US")} conventions`,
      median: `${lib.ms.toFixed(1)} ms`,
      throughput: `${Math.round((lines / lib.ms) * 1000).toLocaleString("en-US")} lines/s`,
      note: `${side.ratio.toFixed(1)}× the floor (median of 3 interleaved rounds); ${agree ? "same amounts as the floor" : "AMOUNTS DIFFER FROM THE FLOOR"}`
    })
    rows.push({
      benchmark: "funding",
      variant: `hand-written floor, ${lines.toLocaleString("en-US")} lines`,
      median: `${hand.ms.toFixed(1)} ms`,
      throughput: `${Math.round((lines / hand.ms) * 1000).toLocaleString("en-US")} lines/s`,
      note: ""
    })
    // What freezing the results costs: the same evaluation through the internal path that returns
    // the result before it is frozen, measured right after the public one. Against dist/ the
    // internal path (from src/) does not know the package's decoded records: not measured there.
    if (process.env["BENCH_TARGET"] === "dist") continue
    const unfrozen = await medianMs(3, () => {
      const out: Array<string> = []
      for (let i = 0; i < conventions; i++) {
        const convention = resolveConvention(checkedConvention(data.conventions[i]))
        const use = yearUse(convention, checkedRecords(data.payments[i], data.expenses[i]), {
          year: 2024,
          asOf: undefined,
          objectives: undefined,
          reportsAcceptedOn: undefined,
          financialReportReceivedOn: undefined,
          carriedIn: undefined,
          offsetRoom: undefined
        })
        out.push(summary(use))
      }
      return out
    })
    rows.push({
      benchmark: "funding",
      variant: `the same, result not frozen (internal path), ${lines.toLocaleString("en-US")} lines`,
      median: `${unfrozen.ms.toFixed(1)} ms`,
      throughput: `${Math.round((lines / unfrozen.ms) * 1000).toLocaleString("en-US")} lines/s`,
      note: `freezing the results: ${(((lib.ms - unfrozen.ms) / unfrozen.ms) * 100).toFixed(1)} %`
    })
  }
  return rows
}
