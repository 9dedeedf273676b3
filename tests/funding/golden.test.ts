/**
 * Whole results of the funding evaluations, compared with reviewed files in `golden/`.
 *
 * Each case is a situation a Caf meets (a year in progress, a clause on unspent money, a
 * modulation, a termination, payments that do not count…). The file holds the complete result
 * as JSON: every amount, status, list and French sentence of the explanation. A change to any of
 * them fails the test; after a deliberate change, run `npx vitest run -u tests/funding/golden.test.ts`,
 * read the diff of the files, and commit them with the change.
 */
import { beforeEach, describe, expect, it } from "vitest"
import {
  type Convention,
  type Expense,
  type Payment,
  type Activity,
  evaluateFundingUse,
  evaluateObjectives,
  parseActivities,
  parseExpense,
  parseExpenses,
  parsePayment,
  parsePayments,
  paymentSchedule
} from "caf-conventions"
import { exampleData, cpo, golden } from "../fixtures.js"

const makePayments = (): ReadonlyArray<Payment> => parsePayments(exampleData("payments.json"))
const makeExpenses = (): ReadonlyArray<Expense> => parseExpenses(exampleData("expenses.json"))
const makeActivities = (): ReadonlyArray<Activity> => parseActivities(exampleData("activities.json"))
const makeFounding = (): Convention => cpo()

const pay = (id: string, date: string, amount: string, changes: Record<string, unknown> = {}) =>
  parsePayment({ id, date, amount, year: 2024, ...changes })
const spend = (id: string, date: string, amount: string, changes: Record<string, unknown> = {}) =>
  parseExpense({ id, date, amount, category: "experts", document: `F-${id}`, ...changes })

const file = (name: string) => `golden/${name}.txt`

// Built before each test, not while the file loads: mutation testing activates a mutant, and
// records which tests reach which code, only while a test runs (see docs/testing.md).
let payments: ReadonlyArray<Payment>
let expenses: ReadonlyArray<Expense>
let activities: ReadonlyArray<Activity>
let founding: Convention
beforeEach(() => {
  payments = makePayments()
  expenses = makeExpenses()
  activities = makeActivities()
  founding = makeFounding()
})

describe("funding use, whole results", () => {
  it("the founding convention's 2024, settled in July 2025 (750 € to repay)", async () => {
    const use = evaluateFundingUse(founding, {
      year: 2024,
      payments,
      expenses,
      asOf: "2025-07-15",
      reportsAcceptedOn: "2025-05-20",
      financialReportReceivedOn: "2025-04-30"
    })
    await expect(golden(use)).toMatchFileSnapshot(file("use-founding-2024"))
  })

  it("a year in progress: the advance paid late and in part, money received and not yet justified", async () => {
    const use = evaluateFundingUse(founding, {
      year: 2024,
      payments: [pay("p-1", "2024-06-10", "10000", { instalment: "advance" })],
      expenses: [
        spend("e-1", "2024-04-02", "2500"),
        spend("e-2", "2024-07-01", "400"),
        spend("e-3", "2024-06-30", "1000", { sector: "enfance" })
      ],
      asOf: "2024-06-30"
    })
    await expect(golden(use)).toMatchFileSnapshot(file("use-in-progress"))
  })

  it("payments that do not count for the year, listed with their reason and sorted by id", async () => {
    const use = evaluateFundingUse(founding, {
      year: 2024,
      payments: [
        pay("z-after", "2025-08-01", "100"),
        pay("a-2023", "2024-01-10", "200", { year: 2023 }),
        pay("m-other", "2024-04-01", "300", { conventionId: "autre-convention" }),
        pay("b-ok", "2024-04-01", "15000"),
        pay("b-ok", "2024-04-01", "15000"),
        pay("c-this", "2024-05-02", "250", { conventionId: "cpo-2023-2025" })
      ],
      expenses: [spend("e", "2024-05-01", "29000")],
      asOf: "2025-07-31"
    })
    await expect(golden(use)).toMatchFileSnapshot(file("use-other-payments"))
  })

  it("every reason an expense is left out, sorted by id, with a copy counted once", async () => {
    const fenced = cpo((json) => {
      json.terms.expenses = { excludedCategories: ["materiel"] }
      json.terms.sectors = ["jeunesse", "parentalite"]
    })
    const use = evaluateFundingUse(fenced, {
      year: 2024,
      payments: [pay("p-a", "2024-03-29", "15000", { instalment: "advance" })],
      expenses: [
        spend("x-outside", "2023-12-31", "10"),
        spend("x-after", "2024-12-01", "20"),
        spend("x-sector", "2024-05-01", "30", { sector: "petite-enfance" }),
        spend("x-fpt", "2024-05-01", "40", { fundedBy: ["fpt"] }),
        spend("x-elsewhere", "2024-05-01", "50", { conventionId: "autre" }),
        spend("x-material", "2024-05-01", "60", { category: "materiel" }),
        parseExpense({ id: "x-nodoc", date: "2024-05-01", amount: "70", category: "experts" }),
        spend("ok", "2024-05-01", "8000.50", { sector: "jeunesse" }),
        spend("ok", "2024-05-01", "8000.50", { sector: "jeunesse" }),
        spend("first-day", "2024-01-01", "1", { conventionId: "cpo-2023-2025" }),
        spend("zz-copy", "2024-11-30", "2"),
        spend("zz-copy", "2024-11-30", "2")
      ],
      asOf: "2024-11-30"
    })
    await expect(golden(use)).toMatchFileSnapshot(file("use-expense-reasons"))
  })

  it("unspent money kept up to 10 % of the year's amount, the rest repaid", async () => {
    const keep = cpo((json) => (json.terms.unspent = { rule: "keep", capRate: "0.1" }))
    const use = evaluateFundingUse(keep, {
      year: 2024,
      payments: [
        pay("p-a", "2024-03-29", "15000", { instalment: "advance" }),
        pay("p-b", "2025-06-20", "15000", { instalment: "balance" })
      ],
      expenses: [spend("e", "2024-05-01", "25000")],
      asOf: "2025-08-01",
      reportsAcceptedOn: "2025-06-01"
    })
    await expect(golden(use)).toMatchFileSnapshot(file("use-keep"))
  })

  it("unspent money offset against the next year's balance, the financial report late", async () => {
    const offset = cpo((json) => (json.terms.unspent = { rule: "offset" }))
    const use = evaluateFundingUse(offset, {
      year: 2024,
      payments: [pay("p-a", "2024-03-29", "15000"), pay("p-b", "2025-06-20", "15000")],
      expenses: [spend("e", "2024-05-01", "26000")],
      asOf: "2025-08-01",
      financialReportReceivedOn: "2025-07-01"
    })
    await expect(golden(use)).toMatchFileSnapshot(file("use-offset"))
  })

  it("the balance still to pay; the financial report, whose day of receipt is not given, received by the acceptance of the reports", async () => {
    const use = evaluateFundingUse(founding, {
      year: 2024,
      payments: [pay("p-a", "2024-03-29", "15000")],
      expenses: [spend("e", "2024-05-01", "31000.01")],
      asOf: "2025-09-01",
      reportsAcceptedOn: "2025-06-01"
    })
    await expect(golden(use)).toMatchFileSnapshot(file("use-still-to-pay"))
  })

  it("an overpaid advance, with no day of evaluation", async () => {
    const use = evaluateFundingUse(founding, {
      year: 2024,
      payments: [pay("p-a", "2024-03-29", "16000", { instalment: "advance" })],
      expenses: []
    })
    await expect(golden(use)).toMatchFileSnapshot(file("use-overpaid"))
  })

  it("amounts reduced for missed objectives: fixed rate and proportional with a tolerance", async () => {
    const fixed = cpo((json) => (json.terms.modulation = { rule: "fixed-reduction", ratePerMissedObjective: "0.05" }))
    const proportional = cpo((json) => (json.terms.modulation = { rule: "proportional", tolerance: "0.25" }))
    const some = activities.filter(
      (activity) => activity.id.startsWith("2024-ind") || activity.kind === "reunion-coordination-caf"
    )
    const results = [fixed, proportional].map((convention) =>
      evaluateFundingUse(convention, {
        year: 2024,
        payments: [pay("p-a", "2024-03-29", "15000")],
        expenses: [spend("e", "2024-05-01", "30000")],
        objectives: evaluateObjectives(convention, some, { year: 2024 }),
        asOf: "2025-01-15"
      })
    )
    await expect(results.map(golden).join("\n")).toMatchFileSnapshot(file("use-modulation"))
  })

  it("no reduction: every objective met, or missed within the tolerance", async () => {
    const fixed = cpo((json) => (json.terms.modulation = { rule: "fixed-reduction", ratePerMissedObjective: "0.05" }))
    const tolerant = cpo((json) => (json.terms.modulation = { rule: "proportional", tolerance: "0.9" }))
    // one structure supported out of three: a shortfall of 67 %, within the 90 % tolerance
    const few = activities.filter(
      (activity) => activity.kind !== "accompagnement-individuel" || activity.id.startsWith("2024-ind-viry")
    )
    const results = [
      evaluateFundingUse(fixed, {
        year: 2024,
        payments: [],
        expenses: [],
        objectives: evaluateObjectives(fixed, activities, { year: 2024 })
      }),
      evaluateFundingUse(tolerant, {
        year: 2024,
        payments: [],
        expenses: [],
        objectives: evaluateObjectives(tolerant, few, { year: 2024 })
      }),
      evaluateFundingUse(tolerant, { year: 2024, payments: [], expenses: [] })
    ]
    await expect(results.map(golden).join("\n")).toMatchFileSnapshot(file("use-no-reduction"))
  })

  it("a surplus kept under the lower of two caps, or whole when the clause states none", async () => {
    const twoCaps = cpo((json) => (json.terms.unspent = { rule: "keep", capRate: "0.05", capAmount: "2000.50" }))
    const noCap = cpo((json) => (json.terms.unspent = { rule: "keep" }))
    const options = {
      year: 2024,
      payments: [pay("p-a", "2024-03-29", "15000"), pay("p-b", "2024-10-01", "15000")],
      expenses: [spend("e", "2024-05-01", "25000")]
    }
    await expect(
      [golden(evaluateFundingUse(twoCaps, options)), golden(evaluateFundingUse(noCap, options))].join("\n")
    ).toMatchFileSnapshot(file("use-keep-caps"))
  })

  it("the boundary days: a payment on the day of the evaluation, the report received on its due day, the last day of the year", async () => {
    const onTheDay = evaluateFundingUse(founding, {
      year: 2024,
      payments: [pay("p-a", "2024-03-29", "15000"), pay("p-b", "2024-12-31", "5000")],
      expenses: [spend("e", "2024-12-31", "19000")],
      asOf: "2024-12-31"
    })
    const reportOnTime = evaluateFundingUse(founding, {
      year: 2024,
      payments: [],
      expenses: [],
      asOf: "2025-06-30",
      financialReportReceivedOn: "2025-06-30"
    })
    const dueToday = evaluateFundingUse(founding, { year: 2024, payments: [], expenses: [], asOf: "2025-06-30" })
    await expect([onTheDay, reportOnTime, dueToday].map(golden).join("\n")).toMatchFileSnapshot(
      file("use-boundary-days")
    )
  })

  it("leaves out of the result what it does not know, rather than writing it as undefined", () => {
    const bare = evaluateFundingUse(founding, { year: 2024, payments: [], expenses: [] })
    expect(Object.keys(bare)).not.toContain("asOf")
    expect(Object.keys(bare.financialReport ?? {})).toEqual(["dueDate", "late"])
    const outside = evaluateFundingUse(founding, { year: 2030, payments: [], expenses: [] })
    expect(Object.keys(outside)).not.toContain("financialReport")
    expect(outside.explanation.children.map((child) => child.ruleId)).toEqual([
      "amount",
      "modulation",
      "payments",
      "expenses",
      "surplus",
      "year-balance"
    ])
  })

  it("schedules: no advance and eleven instalments, a balance on a fixed date, per-year amounts cut by a termination", async () => {
    const many = cpo(
      (json) =>
        (json.terms.payment = {
          advanceRate: "0",
          instalments: Array.from({ length: 11 }, (_, i) => ({
            share: "0.09",
            due: `${String(i + 1).padStart(2, "0")}-15`
          }))
        })
    )
    const fixed = cpo(
      (json) => (json.terms.payment = { advanceRate: "0.625", balanceTrigger: "fixed-date", balanceDue: "04-30" })
    )
    const perYear = cpo((json) => {
      json.terms.amounts = { kind: "per-year", byYear: { "2023": "28000", "2024": "30000", "2025": "32000" } }
      json.termination = { date: "2025-04-30", reason: "Fin anticipée", requestedBy: "commun-accord" }
    })
    const schedules = [
      paymentSchedule(many, { year: 2024 }),
      paymentSchedule(fixed, { year: 2024 }),
      paymentSchedule(perYear, { year: 2025 }),
      paymentSchedule(perYear, { year: 2026 })
    ]
    await expect(schedules.map(golden).join("\n")).toMatchFileSnapshot(file("schedules"))
  })

  it("a convention terminated on 30 September 2024: the year prorated, the overpayment repaid, 2025 not applicable", async () => {
    const ended = cpo(
      (json) =>
        (json.termination = { date: "2024-09-30", reason: "Dissolution de l'association", requestedBy: "partenaire" })
    )
    const options = {
      payments: [pay("p-a", "2024-03-29", "15000"), pay("p-b", "2024-09-01", "10000")],
      expenses: [spend("e", "2024-05-01", "20000"), spend("late", "2024-10-15", "500")]
    }
    const year2024 = evaluateFundingUse(ended, { year: 2024, ...options, asOf: "2024-12-31" })
    const year2025 = evaluateFundingUse(ended, {
      year: 2025,
      payments: [pay("p-2025", "2025-01-20", "500", { year: 2025 })],
      expenses: [spend("f", "2025-02-01", "100")],
      asOf: "2025-03-01"
    })
    await expect([golden(year2024), golden(year2025)].join("\n")).toMatchFileSnapshot(file("use-termination"))
  })

  it("an amendment removing a sector on 1 July 2024: each expense judged with the terms of its day", async () => {
    const amended = cpo((json) => {
      json.amendments = [
        {
          number: 1,
          signatureDate: "2024-06-20",
          effectiveDate: "2024-07-01",
          reason: "Recentrage",
          changes: [
            { kind: "sectors-removed", sectors: ["petite-enfance"] },
            { kind: "yearly-amount", yearlyAmount: "24000" }
          ]
        },
        {
          number: 2,
          signatureDate: "2024-12-01",
          effectiveDate: "2025-01-01",
          reason: "Élargissement",
          changes: [{ kind: "sectors-added", sectors: ["petite-enfance"] }]
        }
      ]
    })
    const use = evaluateFundingUse(amended, {
      year: 2024,
      payments: [pay("p-a", "2024-04-15", "15000")],
      expenses: [
        spend("before", "2024-06-30", "1000", { sector: "petite-enfance" }),
        spend("after", "2024-07-01", "1000", { sector: "petite-enfance" }),
        spend("other", "2024-07-01", "2000", { sector: "jeunesse" })
      ],
      asOf: "2025-02-01"
    })
    const schedule = paymentSchedule(amended, { year: 2024, reportsAcceptedOn: "2025-03-10" })
    await expect(`${golden(use)}\n${golden(schedule)}`).toMatchFileSnapshot(file("use-amendment"))
  })
})
