/**
 * The funding benchmark's workload for one build of the package (bench/funding-side.ts and
 * bench/funding-interleaved.ts): `count` conventions (unfrozen spreads of the founding convention
 * under fresh ids, as bench/funding.ts builds them), 2 payments and 100 expense lines each
 * (seeded: the same for every build), decoded by the build, and the hand-written floor in plain
 * integer cents.
 */
import { pick, seeded } from "./support.js"

type Lib = typeof import("../src/index.js")
type Convention = import("../src/index.js").Convention
type Expense = import("../src/index.js").Expense
type Payment = import("../src/index.js").Payment

/** The workload for the build `lib`, from its decoded founding convention. */
export function fundingWorkload(lib: Lib, founding: Convention, CONVENTIONS: number) {
  // The workload of bench/funding.ts: the same generator, seed and records.
  const random = seeded(6)
  const conventions = Array.from({ length: CONVENTIONS }, (_, i) => ({ ...founding, id: `cpo-${i}` }))
  const payments = conventions.map((convention) =>
    lib.parsePayments([
      { id: `${convention.id}-avance`, date: "2024-03-28", amount: "15000", year: 2024, instalment: "advance" },
      { id: `${convention.id}-solde`, date: "2025-06-12", amount: "15000", year: 2024, instalment: "balance" }
    ])
  )
  const expenses = conventions.map((convention) =>
    lib.parseExpenses(
      Array.from({ length: 100 }, (_, line) => {
        const month = 1 + Math.floor(random() * 12)
        return {
          id: `${convention.id}-d${line}`,
          date: `${random() < 0.95 ? 2024 : 2023}-${String(month).padStart(2, "0")}-10`,
          amount: lib.Euros.fromCents(Math.floor(random() * 60_000)).toString(),
          category: pick(random, lib.EXPENSE_CATEGORIES),
          ...(random() < 0.9
            ? { sector: pick(random, lib.SECTORS.slice(0, 5)) }
            : { sector: pick(random, lib.SECTORS) }),
          fundedBy: random() < 0.03 ? ["fpt"] : [],
          ...(random() < 0.97 ? { document: `F-${line}` } : {})
        }
      })
    )
  )
  const cents = expenses.map((lines) => lines.map((expense) => Number(expense.amount.toCents())))
  const paymentCents = payments.map((list) => list.map((payment) => Number(payment.amount.toCents())))
  // The floor gives what the result gives a user: the totals, and the eligible lines listed in
  // id order (sorted only when they are not in order already, as the library does), in plain
  // integer cents. `totalsOnly` is the former floor, the totals alone, kept to compare with it.
  const floorOf = (i: number, totalsOnly: boolean): string => {
    const convention = conventions[i] as Convention
    const lines = expenses[i] as ReadonlyArray<Expense>
    const amounts = cents[i] as ReadonlyArray<number>
    const sectors = new Set<string>(convention.terms.sectors)
    const listed: Array<{ readonly id: string; readonly cents: number }> = []
    let eligible = 0
    for (let index = 0; index < lines.length; index++) {
      const expense = lines[index] as Expense
      if (expense.date < "2024-01-01" || expense.date > "2024-12-31") continue
      if (expense.sector !== undefined && !sectors.has(expense.sector)) continue
      if (expense.fundedBy.includes("fpt") || expense.document === undefined) continue
      eligible += amounts[index] as number
      if (!totalsOnly) listed.push({ id: expense.id, cents: amounts[index] as number })
    }
    let ordered = true
    for (let index = 1; index < listed.length && ordered; index++)
      ordered = (listed[index - 1] as { id: string }).id < (listed[index] as { id: string }).id
    if (!ordered) listed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    let received = 0
    const list = payments[i] as ReadonlyArray<Payment>
    for (let index = 0; index < list.length; index++)
      if ((list[index] as Payment).year === 2024)
        received += (paymentCents[i] as ReadonlyArray<number>)[index] as number
    const used = eligible < 3_000_000 ? eligible : 3_000_000
    const totals = `${eligible}/${received > used ? received - used : 0}`
    return totalsOnly ? totals : `${totals}/${listed.length}/${listed[0]?.id}/${listed.at(-1)?.id}`
  }
  const run = (i: number): string => {
    const result = lib.evaluateFundingUse(conventions[i] as Convention, {
      year: 2024,
      payments: payments[i] as ReadonlyArray<Payment>,
      expenses: expenses[i] as ReadonlyArray<Expense>
    })
    const listed = result.eligibleExpenses
    return `${result.settlement.eligibleSpend.toCents()}/${result.settlement.toRepay.toCents()}/${listed.length}/${listed[0]?.id}/${listed.at(-1)?.id}`
  }
  return { conventions, payments, expenses, floorOf, run }
}
