/**
 * Funding use: 1 000 000 expense lines over 10 000 conventions, evaluated by evaluateFundingUse and
 * by a plain hand-written loop computing the same eligible spending and amount to repay (the
 * floor), at 100 000 and 1 000 000 lines.
 */
import { type Convention, EXPENSE_CATEGORIES, Euros, type Expense, type Payment, SECTORS, evaluateFundingUse, parseExpenses, parsePayments } from "caf-conventions"
import { checkedConvention } from "../src/conventions/checked.js"
import { checkedRecords, yearUse } from "../src/funding/use.js"
import { type BenchRow, foundingConvention, medianMs, pick, seeded } from "./support.js"

const LINES_PER_CONVENTION = 100

interface Workload {
  readonly conventions: ReadonlyArray<Convention>
  readonly payments: ReadonlyArray<ReadonlyArray<Payment>>
  readonly expenses: ReadonlyArray<ReadonlyArray<Expense>>
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
    parseExpenses(Array.from({ length: LINES_PER_CONVENTION }, (_, line) => {
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
    }))
  )
  return { conventions, payments, expenses }
}

/** The floor: eligible spending and the amount to repay for the founding convention's default clauses. */
function handWritten(convention: Convention, payments: ReadonlyArray<Payment>, expenses: ReadonlyArray<Expense>): string {
  const sectors = new Set<string>(convention.terms.sectors)
  let eligible = 0n
  for (const expense of expenses) {
    if (expense.date < "2024-01-01" || expense.date > "2024-12-31") continue
    if (expense.sector !== undefined && !sectors.has(expense.sector)) continue
    if (expense.fundedBy.includes("fpt") || expense.document === undefined) continue
    eligible += expense.amount.toCents()
  }
  let received = 0n
  for (const payment of payments) if (payment.year === 2024) received += payment.amount.toCents()
  const granted = 3_000_000n
  const used = eligible < granted ? eligible : granted
  const toRepay = received > used ? received - used : 0n
  return `${eligible}/${toRepay}`
}

export async function fundingBench(): Promise<ReadonlyArray<BenchRow>> {
  const data = workload(10_000)
  const rows: Array<BenchRow> = []
  for (const conventions of [1_000, 10_000]) {
    const lines = conventions * LINES_PER_CONVENTION
    const lib = await medianMs(3, () => {
      const out: Array<string> = []
      for (let i = 0; i < conventions; i++) {
        const use = evaluateFundingUse(data.conventions[i] as Convention, { year: 2024, payments: data.payments[i] as ReadonlyArray<Payment>, expenses: data.expenses[i] as ReadonlyArray<Expense> })
        out.push(`${use.settlement.eligibleSpend.toCents()}/${use.settlement.toRepay.toCents()}`)
      }
      return out
    })
    const hand = await medianMs(3, () => {
      const out: Array<string> = []
      for (let i = 0; i < conventions; i++) out.push(handWritten(data.conventions[i] as Convention, data.payments[i] as ReadonlyArray<Payment>, data.expenses[i] as ReadonlyArray<Expense>))
      return out
    })
    const agree = JSON.stringify(lib.result) === JSON.stringify(hand.result)
    rows.push({
      benchmark: "funding",
      variant: `evaluateFundingUse, ${lines.toLocaleString("en-US")} expense lines / ${conventions.toLocaleString("en-US")} conventions`,
      median: `${lib.ms.toFixed(1)} ms`,
      throughput: `${Math.round((lines / lib.ms) * 1000).toLocaleString("en-US")} lines/s`,
      note: `${(lib.ms / hand.ms).toFixed(1)}× the floor; ${agree ? "same amounts as the floor" : "AMOUNTS DIFFER FROM THE FLOOR"}`
    })
    rows.push({ benchmark: "funding", variant: `hand-written floor, ${lines.toLocaleString("en-US")} lines`, median: `${hand.ms.toFixed(1)} ms`, throughput: `${Math.round((lines / hand.ms) * 1000).toLocaleString("en-US")} lines/s`, note: "" })
    // What freezing the results costs: the same evaluation through the internal path that returns
    // the result before it is frozen, measured right after the public one.
    const unfrozen = await medianMs(3, () => {
      const out: Array<string> = []
      for (let i = 0; i < conventions; i++) {
        const convention = checkedConvention(data.conventions[i])
        const use = yearUse(convention, checkedRecords(data.payments[i], data.expenses[i]), { year: 2024, asOf: undefined, objectives: undefined, reportsAcceptedOn: undefined, financialReportReceivedOn: undefined, carriedIn: undefined, offsetRoom: undefined })
        out.push(`${use.settlement.eligibleSpend.toCents()}/${use.settlement.toRepay.toCents()}`)
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
