import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Euros, fundingLedger, parseConvention, parseExpenses, parsePayments, parseRepayments } from "caf-conventions"
import { cpoJson } from "../fixtures.js"
import { runs } from "../runs.js"

const pad = (n: number) => String(n).padStart(2, "0")
const day = fc
  .record({
    year: fc.integer({ min: 2023, max: 2027 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 })
  })
  .map((d) => `${d.year}-${pad(d.month)}-${pad(d.day)}`)
const cents = (max: number) => fc.integer({ min: 0, max }).map((value) => Euros.fromCents(value).toString())
const clause = fc.constantFrom(
  { rule: "repay" },
  { rule: "offset" },
  { rule: "keep", capRate: "0.1" },
  { rule: "keep" }
)

/** A random multi-year history: a convention (partial years, amendments signed at any time, a termination), payments and expenses. */
const history = fc.record({
  start: fc.constantFrom("2023-01-01", "2023-04-15", "2023-07-01"),
  end: fc.constantFrom("2024-12-31", "2025-06-30", "2025-12-31"),
  yearly: cents(6_000_000),
  advanceRate: fc.constantFrom("0", "0.5", "0.6", "1"),
  unspent: clause,
  amendments: fc.array(
    fc.record({
      signed: day,
      effective: fc.constantFrom("2023-09-01", "2024-01-01", "2024-07-01", "2025-03-01"),
      amount: cents(6_000_000)
    }),
    { maxLength: 2 }
  ),
  termination: fc.option(
    fc.record({
      date: fc.constantFrom("2024-03-31", "2024-09-30", "2025-02-28"),
      decidedOn: fc.option(day, { nil: undefined })
    }),
    { nil: undefined }
  ),
  payments: fc.array(
    fc.record({
      date: day,
      amount: cents(3_000_000),
      year: fc.integer({ min: 2022, max: 2026 }),
      named: fc.constantFrom(undefined, "advance", "balance", "complement-1")
    }),
    { maxLength: 8 }
  ),
  expenses: fc.array(fc.record({ date: day, amount: cents(3_000_000) }), { maxLength: 8 }),
  repayments: fc.array(fc.record({ date: day, amount: cents(1_000_000), year: fc.integer({ min: 2023, max: 2025 }) }), {
    maxLength: 3
  }),
  asOf: fc.option(day, { nil: undefined }),
  accepted: fc.option(fc.record({ year: fc.integer({ min: 2023, max: 2025 }), on: day }), { nil: undefined })
})

type History = typeof history extends fc.Arbitrary<infer T> ? T : never

function build(h: History) {
  const json = cpoJson()
  json.signatureDate = "2023-01-01"
  json.terms.period = { start: h.start, end: h.end }
  json.terms.amounts = { kind: "constant", yearlyAmount: h.yearly }
  json.terms.payment = { advanceRate: h.advanceRate }
  json.terms.unspent = h.unspent
  // Amendments take effect inside the period and never twice on one day.
  const effective = new Set<string>()
  json.amendments = h.amendments
    .filter((a) => a.effective <= h.end && !effective.has(a.effective) && effective.add(a.effective))
    .map((a, index) => ({
      number: index + 1,
      signatureDate: a.signed,
      effectiveDate: a.effective,
      reason: "Avenant",
      changes: [{ kind: "yearly-amount", yearlyAmount: a.amount }]
    }))
  if (h.termination !== undefined && h.termination.date >= h.start && h.termination.date <= h.end) {
    json.termination = {
      date: h.termination.date,
      reason: "Résiliation",
      requestedBy: "caf",
      ...(h.termination.decidedOn === undefined ? {} : { decidedOn: h.termination.decidedOn })
    }
  }
  const convention = parseConvention(json)
  const payments = parsePayments(
    h.payments.map((p, i) => ({
      id: `p${i}`,
      date: p.date,
      amount: p.amount,
      year: p.year,
      ...(p.named === undefined ? {} : { instalment: p.named })
    }))
  )
  const expenses = parseExpenses(
    h.expenses.map((e, i) => ({
      id: `e${i}`,
      date: e.date,
      amount: e.amount,
      category: "personnel",
      document: `F${i}`
    }))
  )
  const repayments = parseRepayments(
    h.repayments.map((r, i) => ({ id: `r${i}`, date: r.date, amount: r.amount, year: r.year }))
  )
  return { convention, payments, expenses, repayments }
}

describe("the ledger: invariants over random multi-year histories (properties)", () => {
  it("puts every cent received in one place, carries offsets to the next year, and sums the years into the totals", () => {
    fc.assert(
      fc.property(history, (h) => {
        const { convention, payments, expenses, repayments } = build(h)
        const options = {
          payments,
          expenses,
          repayments,
          ...(h.asOf === undefined ? {} : { asOf: h.asOf }),
          ...(h.accepted === undefined ? {} : { reportsAcceptedOn: { [String(h.accepted.year)]: h.accepted.on } })
        }
        const ledger = fundingLedger(convention, options)
        ledger.years.forEach((use, index) => {
          const s = use.settlement
          const placed = Euros.sum([s.usedOnEligible, s.keptSurplus, s.offsetNextYear, s.toRepay, s.awaitingUse])
          expect(placed.equals(s.received.plus(s.carriedIn))).toBe(true)
          for (const part of [
            s.received,
            s.carriedIn,
            s.usedOnEligible,
            s.keptSurplus,
            s.offsetNextYear,
            s.toRepay,
            s.awaitingUse,
            s.stillToPay,
            s.unspent
          ])
            expect(part.isNegative()).toBe(false)
          // What a year offsets is what the next one carries in; the last year offsets nothing.
          const next = ledger.years[index + 1]
          expect(s.offsetNextYear.equals(next?.settlement.carriedIn ?? Euros.zero)).toBe(true)
          if (!use.final)
            expect([s.unspent, s.keptSurplus, s.offsetNextYear, s.toRepay].every((part) => part.isZero())).toBe(true)
          // What is repaid and still to repay make what is demanded, less anything repaid beyond it.
          const r = use.repayment
          expect(
            r.demanded.equals(s.toRepay) && r.received.minus(r.overRepaid).plus(r.stillToRepay).equals(r.demanded)
          ).toBe(true)
          // Each instalment is never negative; with the deducted offset and the excess, they make the year.
          const planned = Euros.sum(use.schedule.instalments.map((i) => i.amount.plus(i.offset?.amount ?? Euros.zero)))
          expect(planned.equals(use.schedule.amount.plus(use.schedule.excess))).toBe(true)
        })
        const keys = [
          "granted",
          "received",
          "carriedIn",
          "eligibleSpend",
          "usedOnEligible",
          "keptSurplus",
          "offsetNextYear",
          "toRepay",
          "awaitingUse",
          "stillToPay"
        ] as const
        for (const key of keys)
          expect(Euros.sum(ledger.years.map((use) => use.settlement[key])).equals(ledger.totals[key])).toBe(true)
        // Payments of the years it covers, made by the day of evaluation, are all received.
        const covered = new Set(ledger.years.map((use) => use.year))
        const counted = payments.filter((p) => covered.has(p.year) && (h.asOf === undefined || p.date <= h.asOf))
        expect(Euros.sum(counted.map((p) => p.amount)).equals(ledger.totals.received)).toBe(true)
        // The order of the records does not matter.
        const reversed = fundingLedger(convention, {
          ...options,
          payments: [...payments].reverse(),
          expenses: [...expenses].reverse(),
          repayments: [...repayments].reverse()
        })
        expect(JSON.stringify(reversed)).toBe(JSON.stringify(ledger))
      }),
      runs(300)
    )
  })
})
