import fc from "fast-check"
import { beforeEach, describe, expect, it } from "vitest"
import {
  type Convention,
  Euros,
  evaluateFundingUse,
  evaluateObjectives,
  type Expense,
  EXPENSE_CATEGORIES,
  explanationLines,
  type FundingUse,
  type FundingUseOptions,
  InvalidArgumentError,
  parseExpense,
  parseExpenses,
  parsePayment,
  parsePayments,
  type Payment,
  ValidationError
} from "caf-conventions"
import { exampleData, cpo } from "../fixtures.js"
import { runs } from "../runs.js"

const makePayments = (): ReadonlyArray<Payment> => parsePayments(exampleData("payments.json"))
const makeExpenses = (): ReadonlyArray<Expense> => parseExpenses(exampleData("expenses.json"))
const makeFounding = (): Convention => cpo()
const makeYear2024 = (): FundingUseOptions => ({
  year: 2024,
  payments,
  expenses,
  asOf: "2025-07-15",
  reportsAcceptedOn: "2025-05-20",
  financialReportReceivedOn: "2025-04-30"
})

const pay = (id: string, date: string, amount: string, changes: Record<string, unknown> = {}) =>
  parsePayment({ id, date, amount, year: 2024, ...changes })
/** An expense with changes; a change to undefined removes the field. */
const spend = (id: string, amount: string, changes: Record<string, unknown> = {}) =>
  parseExpense(
    Object.fromEntries(
      Object.entries({ id, date: "2024-06-01", amount, category: "experts", document: `F-${id}`, ...changes }).filter(
        ([, value]) => value !== undefined
      )
    )
  )

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let payments: ReadonlyArray<Payment>
let expenses: ReadonlyArray<Expense>
let founding: Convention
let year2024: FundingUseOptions
beforeEach(() => {
  payments = makePayments()
  expenses = makeExpenses()
  founding = makeFounding()
  year2024 = makeYear2024()
})

describe("the founding convention's 2024 use of the money", () => {
  let use: FundingUse
  beforeEach(() => {
    use = evaluateFundingUse(founding, year2024)
  })

  it("has both instalments paid, on time", () => {
    expect(use.instalments.map((p) => [p.instalment.key, p.paid.toString(), p.status, p.paymentIds])).toEqual([
      ["advance", "15000.00", "paid", ["v-2024-avance"]],
      ["balance", "15000.00", "paid", ["v-2024-solde"]]
    ])
    expect(use.otherPayments).toEqual([
      { id: "v-2023-avance", amount: Euros.parse("15000"), detail: "versement au titre de 2023" }
    ])
  })

  it("counts 29 250 € of eligible expenses and says why the others are not", () => {
    expect(use.settlement.eligibleSpend.toString()).toBe("29250.00")
    expect(use.ineligibleExpenses.map((e) => [e.id, e.amount.toString(), e.reason])).toEqual([
      ["dep-2023-12-experts", "500.00", "outside-year"],
      ["dep-2024-experts-corbeil", "1200.00", "funded-elsewhere"],
      ["dep-2024-materiel", "300.00", "no-document"]
    ])
    expect(use.settlement.consumption).toEqual({ numerator: 39, denominator: 40 })
  })

  it("asks for 750 € to be repaid: unspent money is repaid by default", () => {
    const s = use.settlement
    expect(
      [
        s.granted,
        s.unspent,
        s.entitled,
        s.received,
        s.usedOnEligible,
        s.keptSurplus,
        s.offsetNextYear,
        s.toRepay,
        s.stillToPay
      ].map(String)
    ).toEqual(["30000.00", "750.00", "29250.00", "30000.00", "29250.00", "0.00", "0.00", "750.00", "0.00"])
    expect(use.final).toBe(true)
    expect(use.financialReport).toEqual({ dueDate: "2025-06-30", receivedOn: "2025-04-30", late: false })
  })

  it("explains each step in French with its source", () => {
    const lines = explanationLines(use.explanation)
    expect(lines[0]?.replace(/[\u202f\u00a0]/gu, " ")).toBe(
      "✗ Emploi des fonds 2024 : Convention cpo-2023-2025, 2024 au 15/07/2025 : 750,00 € à reverser."
    )
    expect(lines.some((line) => line.includes("circulaire n° 5811/SG du 29 septembre 2015, annexe 1"))).toBe(true)
  })
})

describe("instalments and payments", () => {
  it("fill unnamed payments in date order, and show what is overpaid", () => {
    const use = evaluateFundingUse(founding, {
      year: 2024,
      payments: [pay("b", "2024-09-01", "20000"), pay("a", "2024-03-15", "12000")],
      expenses: []
    })
    // The advance is completed by the payment of 1 September, 94 days after its deadline (30 May).
    expect(
      use.instalments.map((p) => [
        p.instalment.key,
        p.paid.toString(),
        p.status,
        p.paymentIds,
        p.completedOn,
        p.daysLate
      ])
    ).toEqual([
      ["advance", "15000.00", "paid-late", ["a", "b"], "2024-09-01", 94],
      ["balance", "17000.00", "overpaid", ["b"], "2024-09-01", undefined]
    ])
  })

  it("say how many days ahead an instalment was paid", () => {
    // The founding advance, due 31 March 2024, paid on 28 March: 3 days ahead.
    const use = evaluateFundingUse(founding, {
      year: 2024,
      payments: [pay("a", "2024-03-28", "15000", { instalment: "advance" })],
      expenses: []
    })
    expect([use.instalments[0]?.status, use.instalments[0]?.daysEarly, use.instalments[0]?.daysLate]).toEqual([
      "paid",
      3,
      undefined
    ])
  })

  it("tell when an instalment is not yet due, due, or late", () => {
    const at = (asOf: string) =>
      evaluateFundingUse(founding, { year: 2024, payments: [], expenses: [], asOf }).instalments[0]?.status
    expect([at("2024-03-30"), at("2024-03-31"), at("2024-05-30"), at("2024-05-31")]).toEqual([
      "not-yet-due",
      "due",
      "due",
      "late"
    ])
    const partly = evaluateFundingUse(founding, {
      year: 2024,
      payments: [pay("a", "2024-03-15", "5000", { instalment: "advance" })],
      expenses: []
    })
    expect(partly.instalments[0]?.status).toBe("partly-paid")
  })

  it("leave out payments after the as-of day, of other conventions, and identical copies, listing them", () => {
    const use = evaluateFundingUse(founding, {
      year: 2024,
      payments: [
        pay("a", "2024-03-15", "15000"),
        pay("a", "2024-03-15", "15000"),
        pay("x", "2024-04-01", "1000", { conventionId: "cpo-ville" }),
        pay("late", "2024-12-20", "15000")
      ],
      expenses: [],
      asOf: "2024-12-01"
    })
    expect(use.settlement.received.toString()).toBe("15000.00")
    expect(use.otherPayments.map((p) => [p.id, p.detail])).toEqual([
      ["a", "copie identique d'un autre versement, comptée une fois"],
      ["late", "versé le 20/12/2024, après le 01/12/2024"],
      ["x", "versement au titre de la convention cpo-ville"]
    ])
  })
})

describe("expenses", () => {
  it("are judged with the conditions of use: excluded categories, supporting documents, sectors, other funding", () => {
    const strict = cpo((json) => (json.terms.expenses = { excludedCategories: ["materiel"] }))
    const use = evaluateFundingUse(strict, {
      year: 2024,
      payments: [],
      expenses: [
        spend("ok", "100"),
        spend("kit", "100", { category: "materiel" }),
        spend("logement", "100", { sector: "logement" }),
        spend("other", "100", { conventionId: "cpo-ville" }),
        spend("nodoc", "100", { document: undefined }),
        spend("after", "100", { date: "2024-12-15" })
      ],
      asOf: "2024-12-01"
    })
    expect(use.ineligibleExpenses.map((e) => [e.id, e.reason, e.detail])).toEqual([
      ["after", "after-as-of", "datée du 15/12/2024, après le 01/12/2024"],
      ["kit", "category-excluded", "Matériel : catégorie que la convention ne finance pas"],
      ["logement", "sector-not-covered", "secteur « Logement » non couvert par la convention à cette date"],
      ["nodoc", "no-document", "aucune référence de pièce justificative"],
      ["other", "funded-elsewhere", "imputée à la convention cpo-ville"]
    ])
    expect(use.eligibleExpenses.map((e) => e.id)).toEqual(["ok"])
    const relaxed = cpo((json) => (json.terms.expenses = { requireSupportingDocument: false }))
    expect(
      evaluateFundingUse(relaxed, {
        year: 2024,
        payments: [],
        expenses: [parseExpense({ id: "n", date: "2024-06-01", amount: "10", category: "autre" })]
      }).eligibleExpenses
    ).toHaveLength(1)
  })

  it("refuse two different expenses with one id", () => {
    expect(() =>
      evaluateFundingUse(founding, { year: 2024, payments: [], expenses: [spend("a", "1"), spend("a", "2")] })
    ).toThrow(ValidationError)
  })
})

describe("records that are not payments or expenses", () => {
  it("are refused with their path, whether broken JSON or another kind of record", () => {
    const refused = (options: { payments: ReadonlyArray<unknown>; expenses: ReadonlyArray<unknown> }) => {
      try {
        evaluateFundingUse(founding, {
          year: 2024,
          ...(options as { payments: Array<Payment>; expenses: Array<Expense> })
        })
        return expect.unreachable()
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError)
        return (error as ValidationError).issues.map((issue) => issue.path.join("."))
      }
    }
    expect(refused({ payments: [payments[0], { id: "x", amount: "10" }], expenses: [] })).toEqual(["1.date", "1.year"])
    const subject = (options: unknown) => {
      try {
        evaluateFundingUse(founding, options as Parameters<typeof evaluateFundingUse>[1])
        return expect.unreachable()
      } catch (error) {
        return (error as ValidationError).subject
      }
    }
    expect([
      subject({ year: 2024, payments: [{}], expenses: [] }),
      subject({ year: 2024, payments: [], expenses: [{}] }),
      subject({ year: "2024", payments: [], expenses: [] })
    ]).toEqual(["payments", "expenses", "funding use options"])
    expect(
      refused({
        payments: [],
        expenses: [null, expenses[0], { date: "2024-06-01", amount: "10", category: "experts", document: "F" }]
      })
    ).toEqual(["0", "2.id"])
    // a payment is not an expense, nor the reverse
    expect(refused({ payments: [expenses[0]], expenses: [] }).length).toBeGreaterThan(0)
    expect(refused({ payments: [], expenses: [payments[0]] }).length).toBeGreaterThan(0)
  })
})

describe("unspent money and modulation", () => {
  let received: ReadonlyArray<Payment>
  beforeEach(() => {
    received = [pay("a", "2024-03-15", "15000"), pay("b", "2025-06-01", "15000")]
  })
  let spent: ReadonlyArray<Expense>
  beforeEach(() => {
    spent = [spend("s", "27000")]
  })

  it("keeps a surplus up to the convention's cap and repays the rest", () => {
    const keep = cpo((json) => (json.terms.unspent = { rule: "keep", capRate: "0.05" }))
    const s = evaluateFundingUse(keep, { year: 2024, payments: received, expenses: spent }).settlement
    // 3 000 € unspent; the cap is 5 % of 30 000 € = 1 500 €
    expect([s.unspent, s.keepable, s.keptSurplus, s.toRepay, s.entitled].map(String)).toEqual([
      "3000.00",
      "1500.00",
      "1500.00",
      "1500.00",
      "28500.00"
    ])
  })

  it("keeps a surplus up to a cap in euros, alone or lower than the cap in percent", () => {
    const capped = (unspent: Record<string, string>) =>
      evaluateFundingUse(
        cpo((json) => (json.terms.unspent = { rule: "keep", ...unspent })),
        { year: 2024, payments: received, expenses: spent }
      ).settlement
    const amountOnly = capped({ capAmount: "1000" })
    expect([amountOnly.keepable, amountOnly.keptSurplus, amountOnly.toRepay].map(String)).toEqual([
      "1000.00",
      "1000.00",
      "2000.00"
    ])
    const both = capped({ capRate: "0.05", capAmount: "1200" })
    expect([both.keepable, both.toRepay].map(String)).toEqual(["1200.00", "1800.00"])
  })

  it("keeps a surplus only out of money received: the Caf never pays a surplus out", () => {
    const keep = cpo((json) => (json.terms.unspent = { rule: "keep", capRate: "0.1" }))
    // Half received, 20 000 € spent: the Caf owes the 5 000 € spent beyond what it paid, not the 3 000 € cap on top.
    const short = evaluateFundingUse(keep, {
      year: 2024,
      payments: [received[0]!],
      expenses: [spend("s", "20000")]
    }).settlement
    expect(
      [short.unspent, short.keepable, short.keptSurplus, short.entitled, short.stillToPay, short.toRepay].map(String)
    ).toEqual(["10000.00", "3000.00", "0.00", "20000.00", "5000.00", "0.00"])
    // 17 000 € received for 15 000 € spent: 2 000 € kept, below the cap; nothing to pay or repay.
    const some = evaluateFundingUse(keep, {
      year: 2024,
      payments: [received[0]!, pay("c", "2024-09-01", "2000")],
      expenses: [spend("s", "15000")]
    }).settlement
    expect([some.keptSurplus, some.entitled, some.stillToPay, some.toRepay].map(String)).toEqual([
      "2000.00",
      "17000.00",
      "0.00",
      "0.00"
    ])
  })

  it("rounds the cap down to the cent: a partner never keeps a fraction of a cent more than the clause allows", () => {
    // 33 016,39 € granted (the 1 July 2024 raise to 36 000 €): 10 % is 3 301,639 €, capped at 3 301,63 €
    const raised = cpo((json) => {
      json.terms.unspent = { rule: "keep", capRate: "0.1" }
      json.amendments = [
        {
          number: 1,
          signatureDate: "2024-06-15",
          effectiveDate: "2024-07-01",
          reason: "Hausse",
          changes: [{ kind: "yearly-amount", yearlyAmount: "36000" }]
        }
      ]
    })
    const s = evaluateFundingUse(raised, {
      year: 2024,
      payments: [pay("a", "2024-03-15", "30000")],
      expenses: [spend("s", "20000")]
    }).settlement
    expect([s.granted, s.keepable, s.keptSurplus, s.toRepay].map(String)).toEqual([
      "33016.39",
      "3301.63",
      "3301.63",
      "6698.37"
    ])
  })

  it("takes a missed objective with no ratio (a target of at most 0) as not achieved at all", () => {
    const strict = cpo((json) => {
      json.terms.modulation = { rule: "proportional", tolerance: "0" }
      json.terms.objectives = [
        {
          id: "aucun-doublon",
          title: "Aucune action financée deux fois",
          indicator: { kind: "count-actions", filter: { activityKinds: ["action-collective"] } },
          target: { atMost: 0 }
        },
        {
          id: "sdaf",
          title: "Réunions du Sdaf",
          indicator: { kind: "count-meetings", filter: { activityKinds: ["reunion-instance"] } },
          target: { atLeast: 1 }
        }
      ]
    })
    const objectives = evaluateObjectives(
      strict,
      [bareActivity("a", "action-collective"), bareActivity("m", "reunion-instance")],
      { year: 2024 }
    )
    expect(objectives.results.map((r) => [r.objectiveId, r.status, r.ratio])).toEqual([
      ["aucun-doublon", "not-met", undefined],
      ["sdaf", "met", { numerator: 1, denominator: 1 }]
    ])
    // one objective of two missed with nothing achieved: half of 30 000 €
    expect(
      evaluateFundingUse(strict, { year: 2024, payments: [], expenses: [], objectives }).modulation.reduction.toString()
    ).toBe("15000.00")
  })

  it("refuses an objectives evaluation of another convention or year, saying which", () => {
    const other = evaluateObjectives(founding, [], { year: 2023 })
    try {
      evaluateFundingUse(founding, { year: 2024, payments: [], expenses: [], objectives: other })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError)
      expect([(error as InvalidArgumentError).argument, (error as InvalidArgumentError).message]).toEqual([
        "objectives",
        "the objectives evaluation is for cpo-2023-2025 in 2023, not cpo-2023-2025 in 2024"
      ])
    }
    const otherConvention = evaluateObjectives(
      cpo((json) => (json.id = "cpo-autre")),
      [],
      { year: 2024 }
    )
    expect(() =>
      evaluateFundingUse(founding, { year: 2024, payments: [], expenses: [], objectives: otherConvention })
    ).toThrow(
      expect.objectContaining({
        argument: "objectives",
        message: "the objectives evaluation is for cpo-autre in 2024, not cpo-2023-2025 in 2024"
      })
    )
  })

  it("judges an expense with the terms of its year when an amendment took effect in an earlier year", () => {
    const amended = cpo((json) => {
      json.amendments = [
        {
          number: 1,
          signatureDate: "2024-06-15",
          effectiveDate: "2024-07-01",
          reason: "Logement",
          changes: [{ kind: "sectors-added", sectors: ["logement"] }]
        }
      ]
    })
    const use = evaluateFundingUse(amended, {
      year: 2025,
      payments: [],
      expenses: [spend("e", "400", { date: "2025-03-01", sector: "logement" })]
    })
    expect([use.eligibleExpenses.map((expense) => expense.id), use.settlement.eligibleSpend.toString()]).toEqual([
      ["e"],
      "400.00"
    ])
  })

  it("answers for a year the convention does not cover: nothing due, every record outside the year", () => {
    const use = evaluateFundingUse(founding, {
      year: 2026,
      payments: [pay("p", "2026-03-01", "100", { year: 2026 })],
      expenses: [spend("e", "50", { date: "2026-02-01" })]
    })
    expect(
      [use.schedule.amount, use.settlement.granted, use.settlement.received, use.settlement.toRepay].map(String)
    ).toEqual(["0.00", "0.00", "100.00", "100.00"])
    expect(use.ineligibleExpenses.map((expense) => [expense.id, expense.reason])).toEqual([["e", "outside-year"]])
  })

  it("offsets the unspent money against the next year's balance", () => {
    const offset = cpo((json) => (json.terms.unspent = { rule: "offset" }))
    const s = evaluateFundingUse(offset, { year: 2024, payments: received, expenses: spent }).settlement
    expect([s.offsetNextYear, s.toRepay].map(String)).toEqual(["3000.00", "0.00"])
  })

  it("leaves the balance to pay when the partner spent more than it received", () => {
    const s = evaluateFundingUse(founding, {
      year: 2024,
      payments: [received[0]!],
      expenses: [spend("s", "31000")]
    }).settlement
    expect([s.entitled, s.usedOnEligible, s.stillToPay, s.toRepay].map(String)).toEqual([
      "30000.00",
      "15000.00",
      "15000.00",
      "0.00"
    ])
  })

  it("reduces the amount for missed objectives when the convention says so", () => {
    const fixed = cpo((json) => (json.terms.modulation = { rule: "fixed-reduction", ratePerMissedObjective: "0.1" }))
    const objectives = evaluateObjectives(fixed, [], { year: 2024 })
    const use = evaluateFundingUse(fixed, {
      year: 2024,
      payments: received,
      expenses: [spend("s", "30000")],
      objectives
    })
    expect([
      use.modulation.missedObjectives.length,
      use.modulation.reduction.toString(),
      use.settlement.granted.toString(),
      use.settlement.toRepay.toString()
    ]).toEqual([4, "12000.00", "18000.00", "12000.00"])
    const proportional = cpo((json) => (json.terms.modulation = { rule: "proportional", tolerance: "0.2" }))
    const some = evaluateObjectives(proportional, [bareActivity("k", "reunion-coordination-caf")], { year: 2024 })
    const reduced = evaluateFundingUse(proportional, { year: 2024, payments: [], expenses: [], objectives: some })
    // three objectives of four at 0 %: each loses its shortfall beyond the tolerance, 100 % − 20 %,
    // of a quarter of 30 000 € → 3 × 80 % × 7 500 € = 18 000 €
    expect(reduced.modulation.reduction.toString()).toBe("18000.00")
    expect(() => evaluateFundingUse(founding, { year: 2025, payments: [], expenses: [], objectives })).toThrow(
      InvalidArgumentError
    )
    const without = evaluateFundingUse(fixed, { year: 2024, payments: [], expenses: [] })
    expect(without.modulation.sentence).toBe(
      "La convention module le montant selon les objectifs, mais aucune évaluation des objectifs n'a été fournie : aucune réduction n'est appliquée."
    )
  })

  it("asks an early-terminated partner to repay what was paid beyond the termination", () => {
    const terminated = cpo(
      (json) => (json.termination = { date: "2024-09-30", reason: "Fin anticipée", requestedBy: "commun-accord" })
    )
    const s = evaluateFundingUse(terminated, {
      year: 2024,
      payments: received,
      expenses: [spend("s", "25000")]
    }).settlement
    // entitled 22 459,02 € (274/366 of 30 000 €); received 30 000 € → 7 540,98 € to repay
    expect([s.granted, s.entitled, s.toRepay].map(String)).toEqual(["22459.02", "22459.02", "7540.98"])
  })

  it("flags a financial report that is late", () => {
    const late = evaluateFundingUse(founding, {
      year: 2024,
      payments: [],
      expenses: [],
      asOf: "2025-07-01"
    }).financialReport
    expect(late).toEqual({ dueDate: "2025-06-30", late: true })
  })
})

/** An activity record with only what an objective needs: no structure, no funding. */
function bareActivity(id: string, kind: string) {
  return { id, date: "2024-02-01", kind, structures: [], fundedBy: [] } as never
}

const cents = fc.integer({ min: 0, max: 4_000_000 }).map((value) => Euros.fromCents(value).toString())
const generatedPayments = fc.array(
  fc.record({
    amount: cents,
    month: fc.integer({ min: 1, max: 12 }),
    named: fc.constantFrom(undefined, "advance", "balance")
  }),
  { maxLength: 5 }
)
const generatedExpenses = fc.array(
  fc.record({
    amount: cents,
    month: fc.integer({ min: 1, max: 12 }),
    category: fc.constantFrom(...EXPENSE_CATEGORIES),
    document: fc.boolean(),
    fpt: fc.boolean(),
    year: fc.constantFrom(2023, 2024)
  }),
  { maxLength: 12 }
)
const clauses = fc.constantFrom(
  { rule: "repay" },
  { rule: "offset" },
  { rule: "keep", capRate: "0.1" },
  { rule: "keep", capAmount: "500" },
  { rule: "keep" }
)

function build(
  p: ReadonlyArray<{ amount: string; month: number; named: string | undefined }>,
  e: ReadonlyArray<{ amount: string; month: number; category: string; document: boolean; fpt: boolean; year: number }>
) {
  const pad = (n: number) => String(n).padStart(2, "0")
  const payments: Array<Payment> = p.map((g, i) =>
    pay(`p${i}`, `2024-${pad(g.month)}-10`, g.amount, g.named === undefined ? {} : { instalment: g.named })
  )
  const expenses: Array<Expense> = e.map((g, i) =>
    parseExpense({
      id: `e${i}`,
      date: `${g.year}-${pad(g.month)}-10`,
      amount: g.amount,
      category: g.category,
      ...(g.document ? { document: `F${i}` } : {}),
      ...(g.fpt ? { fundedBy: ["fpt"] } : {})
    })
  )
  return { payments, expenses }
}

describe("funding use: invariants (properties)", () => {
  it("accounts for every euro received exactly once", () => {
    fc.assert(
      fc.property(
        generatedPayments,
        generatedExpenses,
        clauses,
        fc.constantFrom(undefined, "2024-06-30", "2025-07-15"),
        (p, e, unspent, asOf) => {
          const convention = cpo((json) => (json.terms.unspent = unspent))
          const { payments, expenses } = build(p, e)
          const use = evaluateFundingUse(convention, {
            year: 2024,
            payments,
            expenses,
            ...(asOf === undefined ? {} : { asOf })
          })
          const s = use.settlement
          expect(
            Euros.sum([s.usedOnEligible, s.keptSurplus, s.offsetNextYear, s.toRepay, s.awaitingUse]).equals(s.received)
          ).toBe(true)
          // Every payment of the year is received, but those made after the day of the evaluation.
          const receivedBy = payments.filter((x) => asOf === undefined || x.date <= asOf)
          expect(Euros.sum(receivedBy.map((x) => x.amount)).equals(s.received)).toBe(true)
          for (const part of [
            s.usedOnEligible,
            s.keptSurplus,
            s.offsetNextYear,
            s.toRepay,
            s.awaitingUse,
            s.stillToPay
          ])
            expect(part.isNegative()).toBe(false)
          // Until the year is over nothing is kept, offset or repaid; once it is, nothing is left waiting.
          if (use.final) expect(s.awaitingUse.isZero()).toBe(true)
          else expect([s.keptSurplus, s.offsetNextYear, s.toRepay].every((part) => part.isZero())).toBe(true)
          expect(s.entitled.lessThanOrEqual(s.granted)).toBe(true)
        }
      ),
      runs(1000)
    )
  })

  it("puts every expense in exactly one list, and every payment in an instalment or the other payments", () => {
    fc.assert(
      fc.property(generatedPayments, generatedExpenses, (p, e) => {
        const { payments, expenses } = build(p, e)
        const use = evaluateFundingUse(founding, { year: 2024, payments, expenses })
        expect([...use.eligibleExpenses.map((x) => x.id), ...use.ineligibleExpenses.map((x) => x.id)].sort()).toEqual(
          expenses.map((x) => x.id).sort()
        )
        expect(Euros.sum(use.instalments.map((x) => x.paid)).equals(use.settlement.received)).toBe(true)
      }),
      runs(500)
    )
  })

  it("does not depend on the order of the records", () => {
    fc.assert(
      fc.property(generatedPayments, generatedExpenses, (p, e) => {
        const { payments, expenses } = build(p, e)
        const forward = evaluateFundingUse(founding, { year: 2024, payments, expenses, asOf: "2024-10-01" })
        const backward = evaluateFundingUse(founding, {
          year: 2024,
          payments: [...payments].reverse(),
          expenses: [...expenses].reverse(),
          asOf: "2024-10-01"
        })
        expect(JSON.stringify(backward)).toBe(JSON.stringify(forward))
      }),
      runs(500)
    )
  })
})
