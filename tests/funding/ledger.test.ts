import { beforeEach, describe, expect, it } from "vitest"
import {
  type Convention,
  type Expense,
  type Payment,
  Euros,
  ValidationError,
  annualReport,
  conventionReport,
  evaluateConventionObjectives,
  evaluateFundingUse,
  evaluateObjectives,
  fundingLedger,
  renderReportHtml,
  renderReportMarkdown,
  parseConvention,
  parseExpense,
  parseExpenses,
  parsePayments,
  parseRepayments,
  paymentSchedule,
  resolveConvention
} from "caf-conventions"
import { cpo, cpoJson, golden } from "../fixtures.js"

/** 2024-07-01 → 2027-06-30, 45 000 € a year, 60 % advance by 31 March; amendment n° 1 signed 2025-07-10 raising it to 50 000 € from 2025-09-01. */
export function raisedLate(change: (json: Record<string, any>) => void = () => {}): Convention {
  const json = cpoJson()
  json.signatureDate = "2024-06-01"
  delete json.notificationDate
  json.terms.period = { start: "2024-07-01", end: "2027-06-30" }
  json.terms.amounts = { kind: "constant", yearlyAmount: "45000" }
  json.terms.payment = { advanceRate: "0.6", advanceDue: "03-31" }
  json.amendments = [
    {
      number: 1,
      signatureDate: "2025-07-10",
      effectiveDate: "2025-09-01",
      reason: "Extension de l'accompagnement",
      changes: [{ kind: "yearly-amount", yearlyAmount: "50000" }]
    }
  ]
  change(json)
  return parseConvention(json)
}

const pay = (id: string, date: string, amount: string, year: number, instalment?: string) => ({
  id,
  date,
  amount,
  year,
  ...(instalment === undefined ? {} : { instalment })
})
const spend = (id: string, date: string, amount: string): Expense =>
  parseExpense({ id, date, amount, category: "personnel", document: `PJ-${id}` })

/** The founding convention with `offset`, its records: the 2024 balance not paid. */
export function offsetCase(): {
  readonly convention: Convention
  readonly payments: ReadonlyArray<Payment>
  readonly expenses: ReadonlyArray<Expense>
} {
  return {
    convention: cpo((json) => (json.terms.unspent = { rule: "offset" })),
    payments: parsePayments([
      pay("a-2023", "2023-03-30", "15000", 2023, "advance"),
      pay("s-2023", "2024-05-15", "15000", 2023, "balance"),
      pay("a-2024", "2024-03-28", "15000", 2024, "advance"),
      pay("a-2025", "2025-03-27", "15000", 2025, "advance"),
      pay("s-2025", "2026-05-20", "15000", 2025, "balance")
    ]),
    expenses: [
      spend("d-2023", "2023-12-31", "29000"),
      spend("d-2024", "2024-12-31", "30000"),
      spend("d-2025", "2025-12-31", "29250")
    ]
  }
}

describe("amendments count from the day they are signed", () => {
  let convention: Convention
  beforeEach(() => {
    convention = raisedLate()
  })

  it("keeps the 2025 advance at 60 % of 45 000 €, known on 31 March, and puts the raise in the balance", () => {
    // 2025: 45 000 × 243/365 + 50 000 × 122/365 = 29 958,90… + 16 712,32… = 46 671,23 €.
    const schedule = paymentSchedule(convention, { year: 2025, reportsAcceptedOn: "2026-05-15" })
    expect(schedule.amount.toString()).toBe("46671.23")
    expect(schedule.initialAmount?.toString()).toBe("45000.00")
    expect(
      schedule.instalments.map((i) => [
        i.key,
        i.amount.toString(),
        i.dueDate,
        i.basis.yearAmount.toString(),
        i.basis.amendments
      ])
    ).toEqual([
      ["advance", "27000.00", "2025-03-31", "45000.00", []],
      ["balance", "19671.23", "2026-05-15", "46671.23", [1]]
    ])
    expect(schedule.explanation.children[0]?.sentence.replace(/[\u202f\u00a0]/gu, " ")).toBe(
      "60 % soit 27 000,00 € (calculé sur 45 000,00 €, le montant connu à l'échéance, avant l'avenant n° 1), exigible le 31/03/2025 (31/03, ou la notification si elle est postérieure) ; à payer au plus tard le 30/05/2025."
    )
  })

  it("finds both payments paid, and nothing owed either way", () => {
    const payments = parsePayments([pay("a", "2025-03-28", "27000", 2025), pay("b", "2026-06-01", "19671.23", 2025)])
    const use = evaluateFundingUse(convention, {
      year: 2025,
      payments,
      expenses: [spend("d", "2025-12-31", "46671.23")],
      asOf: "2026-07-01",
      reportsAcceptedOn: "2026-05-15"
    })
    expect(use.instalments.map((p) => [p.instalment.key, p.paid.toString(), p.status])).toEqual([
      ["advance", "27000.00", "paid"],
      ["balance", "19671.23", "paid"]
    ])
    expect([use.settlement.stillToPay, use.settlement.toRepay].map(String)).toEqual(["0.00", "0.00"])
  })

  it("does not know on 1 June 2025 an amendment signed on 10 July", () => {
    const before = paymentSchedule(convention, { year: 2025, asOf: "2025-06-01" })
    expect([before.amount.toString(), before.instalments.map((i) => i.amount.toString())]).toEqual([
      "45000.00",
      ["27000.00", "18000.00"]
    ])
    expect(before.explanation.sentence).toContain("non connu à cette date : l'avenant n° 1")
    expect(resolveConvention(convention, { knownOn: "2025-06-01" }).unknownAmendments.map((a) => a.number)).toEqual([1])
  })

  it("pays a raise signed after the balance as a complement due on the signature, and a cut as an amount to repay", () => {
    const late = raisedLate((json) => (json.amendments[0].signatureDate = "2026-09-01"))
    const schedule = paymentSchedule(late, { year: 2025, reportsAcceptedOn: "2026-05-15" })
    // On 15 May 2026 the year was 45 000 €: the balance was 18 000 €; the raise adds 1 671,23 €.
    expect(schedule.instalments.map((i) => [i.key, i.label, i.amount.toString(), i.dueDate, i.deadline])).toEqual([
      ["advance", "Avance", "27000.00", "2025-03-31", "2025-05-30"],
      ["balance", "Solde", "18000.00", "2026-05-15", "2026-07-14"],
      ["complement-1", "Complément (avenant n° 1)", "1671.23", "2026-09-01", "2026-10-31"]
    ])
    const payments = parsePayments([
      pay("a", "2025-03-28", "27000", 2025),
      pay("b", "2026-06-01", "18000", 2025),
      pay("c", "2026-09-20", "1671.23", 2025, "complement-1")
    ])
    const use = evaluateFundingUse(late, {
      year: 2025,
      payments,
      expenses: [spend("d", "2025-12-31", "46671.23")],
      asOf: "2026-12-31",
      reportsAcceptedOn: "2026-05-15"
    })
    expect(use.instalments.map((p) => p.status)).toEqual(["paid", "paid", "paid"])
    expect([use.settlement.stillToPay, use.settlement.toRepay].map(String)).toEqual(["0.00", "0.00"])

    const cut = raisedLate((json) => {
      json.amendments[0].signatureDate = "2026-09-01"
      json.amendments[0].changes = [{ kind: "yearly-amount", yearlyAmount: "30000" }]
    })
    // 45 000 × 243/365 + 30 000 × 122/365 = 39 986,30 €; 45 000 € were already due.
    const cutSchedule = paymentSchedule(cut, { year: 2025, reportsAcceptedOn: "2026-05-15" })
    expect([cutSchedule.amount.toString(), cutSchedule.excess.toString(), cutSchedule.instalments.length]).toEqual([
      "39986.30",
      "5013.70",
      2
    ])
    const cutUse = evaluateFundingUse(cut, {
      year: 2025,
      payments: parsePayments([pay("a", "2025-03-28", "27000", 2025), pay("b", "2026-06-01", "18000", 2025)]),
      expenses: [spend("d", "2025-12-31", "45000")],
      asOf: "2026-12-31",
      reportsAcceptedOn: "2026-05-15"
    })
    expect(cutUse.settlement.toRepay.toString()).toBe("5013.70")
  })

  it("changes the payment terms from the first year that starts after an amendment", () => {
    const terms = raisedLate((json) => {
      json.amendments = [
        {
          number: 1,
          signatureDate: "2025-11-15",
          effectiveDate: "2026-01-01",
          reason: "Avance portée à 70 %",
          changes: [{ kind: "payment-terms", advanceRate: "0.7", advanceDue: "02-28" }]
        }
      ]
    })
    expect(paymentSchedule(terms, { year: 2025 }).instalments.map((i) => i.amount.toString())).toEqual([
      "27000.00",
      "18000.00"
    ])
    expect(paymentSchedule(terms, { year: 2026 }).instalments.map((i) => [i.amount.toString(), i.dueDate])).toEqual([
      ["31500.00", "2026-02-28"],
      ["13500.00", undefined]
    ])
    expect(() =>
      raisedLate(
        (json) =>
          (json.amendments = [
            {
              number: 1,
              signatureDate: "2025-11-15",
              effectiveDate: "2026-01-01",
              reason: "x",
              changes: [{ kind: "payment-terms", advanceRate: "0.7", instalments: [{ share: "0.4", due: "06-30" }] }]
            }
          ])
      )
    ).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            path: ["amendments", 0, "changes", 0],
            message:
              "once this change applies, the advance and the instalments add up to more than the year's amount (0.7 + 0.4)"
          })
        ]
      })
    )
  })
})

describe("the ledger", () => {
  it("deducts 2023's unspent 1 000 € from the 2024 balance and makes 2025's 750 € an amount to repay", () => {
    const { convention, payments, expenses } = offsetCase()
    const ledger = fundingLedger(convention, { payments, expenses, asOf: "2026-12-31" })
    const rows = ledger.years.map((use) => {
      const s = use.settlement
      return [use.year, s.received, s.carriedIn, s.usedOnEligible, s.offsetNextYear, s.toRepay, s.stillToPay].map(
        String
      )
    })
    expect(rows).toEqual([
      ["2023", "30000.00", "0.00", "29000.00", "1000.00", "0.00", "0.00"],
      ["2024", "15000.00", "1000.00", "16000.00", "0.00", "0.00", "14000.00"],
      ["2025", "30000.00", "0.00", "29250.00", "0.00", "750.00", "0.00"]
    ])
    const balance2024 = ledger.years[1]?.instalments[1]
    expect([
      balance2024?.instalment.amount.toString(),
      balance2024?.instalment.offset?.amount.toString(),
      balance2024?.instalment.offset?.fromYear,
      balance2024?.status
    ]).toEqual(["14000.00", "1000.00", 2023, "not-yet-due"])
    expect(ledger.years[2]?.explanation.sentence.replace(/[\u202f\u00a0]/gu, " ")).toBe(
      "Convention cpo-2023-2025, 2025 au 31/12/2026 : 750,00 € à reverser (dernière année de la convention : rien ne peut être déduit d'une année suivante)."
    )
    const t = ledger.totals
    expect(
      [
        t.granted,
        t.received,
        t.carriedIn,
        t.eligibleSpend,
        t.usedOnEligible,
        t.keptSurplus,
        t.offsetNextYear,
        t.toRepay,
        t.awaitingUse,
        t.stillToPay
      ].map(String)
    ).toEqual([
      "90000.00",
      "75000.00",
      "1000.00",
      "88250.00",
      "74250.00",
      "0.00",
      "1000.00",
      "750.00",
      "0.00",
      "14000.00"
    ])
    // The single-year evaluation reads the earlier years for the money they carry in.
    expect(
      evaluateFundingUse(convention, {
        year: 2024,
        payments,
        expenses,
        asOf: "2026-12-31"
      }).settlement.stillToPay.toString()
    ).toBe("14000.00")
  })

  it("follows the 750 € to repay: demanded when the 2025 reports are accepted, due 60 days later, 500 € repaid, 250 € late", () => {
    const { convention, payments, expenses } = offsetCase()
    const repayments = parseRepayments([
      { id: "r-2025", date: "2026-09-01", amount: "500", year: 2025, reference: "Titre de recettes n° 42" }
    ])
    const ledger = fundingLedger(convention, {
      payments,
      expenses,
      repayments,
      asOf: "2026-12-31",
      reportsAcceptedOn: { "2025": "2026-05-20" }
    })
    const r = ledger.years[2]!.repayment
    expect([r.demanded, r.received, r.stillToRepay, r.overRepaid].map(String)).toEqual([
      "750.00",
      "500.00",
      "250.00",
      "0.00"
    ])
    expect([r.demandedOn, r.dueDate, r.late, r.repaymentIds]).toEqual(["2026-05-20", "2026-07-19", true, ["r-2025"]])
    expect([ledger.totals.repaid, ledger.totals.stillToRepay].map(String)).toEqual(["500.00", "250.00"])
    // Before the repayment is made, and before the reports are accepted, nothing is demanded on a date.
    const earlier = fundingLedger(convention, { payments, expenses, repayments, asOf: "2026-08-01" }).years[2]!
      .repayment
    expect([earlier.received.toString(), earlier.demandedOn, earlier.late]).toEqual(["0.00", undefined, false])
    expect(() => fundingLedger(convention, { payments, expenses, repayments: [{ id: "r" }] as never })).toThrow(
      expect.objectContaining({ subject: "repayments" })
    )
  })

  it("demands back a balance paid after the reports were accepted from the day it was paid, not before", () => {
    // 2024 of the founding CPO: 30 000,00 € granted, 28 765,44 € spent on eligible lines,
    // 1 234,56 € to repay. The reports are accepted on 20/05/2025, but the balance is paid on
    // 01/08/2025: before that day the partner had received 15 000,00 €, less than it spent.
    const convention = cpo()
    const expenses = parseExpenses([
      {
        id: "d-1",
        date: "2024-06-30",
        amount: "20000.00",
        category: "personnel",
        sector: "jeunesse",
        document: "PAIE-06"
      },
      {
        id: "d-2",
        date: "2024-11-30",
        amount: "8765.44",
        category: "personnel",
        sector: "enfance",
        document: "PAIE-11"
      }
    ])
    const paid = (balanceOn: string) =>
      parsePayments([
        { id: "v-2024-avance", date: "2024-03-28", amount: "15000.00", year: 2024, instalment: "advance" },
        { id: "v-2024-solde", date: balanceOn, amount: "15000.00", year: 2024, instalment: "balance" }
      ])
    const repaymentOn = (balanceOn: string, asOf: string) =>
      evaluateFundingUse(convention, {
        year: 2024,
        payments: paid(balanceOn),
        expenses,
        asOf,
        reportsAcceptedOn: "2025-05-20"
      }).repayment
    const late = repaymentOn("2025-08-01", "2025-09-30")
    expect([late.demanded.toString(), late.demandedOn, late.dueDate, late.late]).toEqual([
      "1234.56",
      "2025-08-01",
      "2025-09-30",
      false
    ])
    expect(repaymentOn("2025-08-01", "2025-10-01").late).toBe(true)
    // A balance paid before the reports were accepted: demanded on the acceptance, as before.
    const early = repaymentOn("2025-05-12", "2025-07-20")
    expect([early.demanded.toString(), early.demandedOn, early.dueDate, early.late]).toEqual([
      "1234.56",
      "2025-05-20",
      "2025-07-19",
      true
    ])
  })

  it("repays what the next balance cannot absorb", () => {
    const { convention, payments } = offsetCase()
    // 2023: 10 000 € spent, 20 000 € left; the 2024 balance is 15 000 €: 5 000 € are repaid.
    const ledger = fundingLedger(convention, { payments, expenses: [spend("d-2023", "2023-12-31", "10000")] })
    const s = ledger.years[0]!.settlement
    expect([s.offsetNextYear, s.toRepay].map(String)).toEqual(["15000.00", "5000.00"])
  })

  it("writes the ledger as a golden file", async () => {
    const { convention, payments, expenses } = offsetCase()
    const ledger = fundingLedger(convention, { payments, expenses, asOf: "2026-12-31" })
    await expect(golden(ledger)).toMatchFileSnapshot("golden/ledger-offset.txt")
  })

  it("refuses options it cannot read, with their path", () => {
    const { convention } = offsetCase()
    expect(() =>
      fundingLedger(convention, { payments: [], expenses: [], reportsAcceptedOn: { "2024": "2025-02-30" } })
    ).toThrow(ValidationError)
    expect(() => fundingLedger(convention, { payments: [], expenses: [], objectives: "x" as never })).toThrow(
      expect.objectContaining({
        subject: "ledger options",
        issues: [
          expect.objectContaining({ path: ["objectives"], message: "expected a list of objectives evaluations" })
        ]
      })
    )
  })
})

describe("a termination", () => {
  it("is not decided before the convention is signed", () => {
    expect(() =>
      cpo(
        (json) =>
          (json.termination = {
            date: "2024-09-30",
            reason: "Résiliation",
            requestedBy: "caf",
            decidedOn: "2022-12-31"
          })
      )
    ).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            path: ["termination", "decidedOn"],
            message: "the termination is decided 2022-12-31, before the convention was signed (2023-01-01)"
          })
        ]
      })
    )
  })
})

describe("a settled year", () => {
  it("does not call late a balance the partner is not owed: it spent less than the grant", () => {
    // Founding 2024 settled on 2025-07-15: 15 000 € advance paid, 12 000 € spent, the balance not paid.
    const use = evaluateFundingUse(cpo(), {
      year: 2024,
      payments: parsePayments([pay("a", "2024-03-28", "15000", 2024, "advance")]),
      expenses: [spend("d", "2024-12-31", "12000")],
      asOf: "2025-07-15",
      reportsAcceptedOn: "2025-03-01"
    })
    expect([
      use.settlement.stillToPay.toString(),
      use.settlement.toRepay.toString(),
      use.instalments.map((p) => p.status),
      use.instalments[1]?.daysLate
    ]).toEqual(["0.00", "3000.00", ["paid", "not-owed"], undefined])
  })
})

describe("a year in progress or to come", () => {
  it("counts a late advance in what is still to pay, and nothing as unspent", () => {
    const use = evaluateFundingUse(cpo(), { year: 2024, payments: [], expenses: [], asOf: "2024-06-30" })
    expect([
      use.state,
      use.instalments[0]?.status,
      use.instalments[0]?.daysLate,
      use.settlement.stillToPay.toString(),
      use.settlement.unspent.toString()
    ]).toEqual(["in-progress", "late", 31, "15000.00", "0.00"])
  })

  it("calls a year not started 'not-started'", () => {
    const use = evaluateFundingUse(cpo(), { year: 2025, payments: [], expenses: [], asOf: "2024-06-30" })
    expect([use.state, use.final, use.settlement.stillToPay.toString(), use.explanation.sentence]).toEqual([
      "not-started",
      false,
      "0.00",
      "Convention cpo-2023-2025, 2025 au 30/06/2024 : l'année n'a pas commencé (provisoire : l'année n'est pas terminée)."
    ])
  })
})

describe("arguments checked at the door", () => {
  it("decodes a convention given as JSON, and refuses what is not one with paths", () => {
    expect(paymentSchedule(cpoJson() as never, { year: 2024 }).amount.toString()).toBe("30000.00")
    expect(() => paymentSchedule(null as never, { year: 2024 })).toThrow(
      expect.objectContaining({ _tag: "ValidationError", subject: "convention" })
    )
    expect(() => evaluateFundingUse({ id: "x" } as never, { year: 2024, payments: [], expenses: [] })).toThrow(
      ValidationError
    )
    expect(() => fundingLedger(cpo(), { payments: "x" as never, expenses: [] })).toThrow(ValidationError)
    expect(Euros.isEuros(resolveConvention(cpo()).years[0]?.amount?.amount)).toBe(true)
    expect(() =>
      evaluateFundingUse(cpo(), { year: 2024, payments: [], expenses: [], objectives: null as never })
    ).toThrow(
      expect.objectContaining({
        subject: "funding use options",
        issues: [
          expect.objectContaining({
            path: ["objectives"],
            message: "expected an objectives evaluation (see evaluateObjectives)"
          })
        ]
      })
    )
    expect(() => evaluateObjectives(cpo(), [], { year: 2024, rules: 5 as never })).toThrow(
      expect.objectContaining({
        subject: "objectives options",
        issues: [
          expect.objectContaining({
            path: ["rules"],
            message: "expected a rule tree (see defineRule, allOf, anyOf, not)"
          })
        ]
      })
    )
    expect(() => evaluateConventionObjectives(cpo(), [], null as never)).toThrow(ValidationError)
  })

  it("checks a report's inputs, every problem at its path, and renders only reports", () => {
    const inputs = {
      activities: [],
      payments: [],
      expenses: [],
      year: 2024,
      partners: [null],
      conventions: 5,
      reportsAcceptedOn: { "2024": "2025-02-30" },
      rules: 5
    }
    expect(() => annualReport(cpo(), inputs as never)).toThrow(
      expect.objectContaining({
        subject: "report options",
        issues: [
          expect.objectContaining({ path: ["partners", 0], message: "expected a partner (see parsePartner)" }),
          expect.objectContaining({ path: ["conventions"], message: "expected a list" }),
          expect.objectContaining({
            path: ["reportsAcceptedOn", "2024"],
            message: "2025-02-30 is not a calendar date: February 2025 has 28 days"
          }),
          expect.objectContaining({
            path: ["rules"],
            message: "expected a rule tree (see defineRule, allOf, anyOf, not)"
          })
        ]
      })
    )
    expect(() => conventionReport(cpo(), undefined as never)).toThrow(ValidationError)
    expect(() => renderReportMarkdown({} as never)).toThrow(
      expect.objectContaining({ _tag: "InvalidArgument", argument: "report" })
    )
    expect(() => renderReportHtml(null as never)).toThrow(expect.objectContaining({ _tag: "InvalidArgument" }))
  })
})

describe("results are deeply frozen, the caller's values never", () => {
  it("freezes schedules, uses, ledgers, objectives and reports, and leaves a hand-built convention as it was", () => {
    const decoded = cpo()
    // A convention of the decoded shape, built by hand: evaluators read it, never freeze it.
    const handMade = { ...decoded, terms: { ...decoded.terms, payment: { ...decoded.terms.payment } } }
    const schedule = paymentSchedule(handMade, { year: 2024 })
    const use = evaluateFundingUse(handMade, { year: 2024, payments: [], expenses: [] })
    const ledger = fundingLedger(handMade, { payments: [], expenses: [] })
    const objectives = evaluateObjectives(handMade, [], { year: 2024 })
    const report = annualReport(handMade, { year: 2024, activities: [], payments: [], expenses: [] })
    for (const frozen of [
      schedule,
      schedule.instalments,
      schedule.instalments[0],
      schedule.instalments[0]?.basis,
      use.settlement,
      use.instalments,
      ledger.totals,
      ledger.years,
      objectives.results,
      report.funding,
      resolveConvention(handMade).years
    ]) {
      expect(Object.isFrozen(frozen)).toBe(true)
    }
    expect(() => {
      ;(use.settlement as { toRepay: unknown }).toRepay = Euros.zero
    }).toThrow(TypeError)
    expect([
      Object.isFrozen(handMade),
      Object.isFrozen(handMade.terms),
      Object.isFrozen(handMade.terms.payment)
    ]).toEqual([false, false, false])
    expect(report.convention).toBe(handMade)
  })
})
