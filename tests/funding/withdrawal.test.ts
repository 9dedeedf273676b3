/**
 * The withdrawal of a subsidy for a breach of the contrat d'engagement républicain (loi
 * n° 2000-321, art. 10-1; décret n° 2021-1947, art. 4), on a case computed by hand:
 * a convention from 1 January 2024 to 31 December 2026, 30 000 € a year, advance 50 % on
 * 31 March; 2024 paid in full (15 000 € + 15 000 €); the 2025 advance of 15 000 € paid on
 * 28 March 2025; a breach on 15 June 2025, the withdrawal decided that day.
 *
 * 2025 is funded from 1 January to 14 June: 31 + 28 + 31 + 30 + 31 + 14 = 165 days of 365,
 * 30 000 × 165 / 365 = 13 561,643… → 13 561,64 €. The advance paid 15 000 €, so
 * 15 000 − 13 561,64 = 1 438,36 € were paid for the period after the breach, to repay by
 * 15 December 2025 (six months after the decision). 2026 is withdrawn whole: nothing is due.
 */
import { describe, expect, it } from "vitest"
import {
  ValidationError,
  annualReport,
  conventionStatus,
  fundingLedger,
  paymentSchedule,
  parseCalendarDate,
  parseConvention,
  parseExpenses,
  parsePayments,
  parseRepayments,
  renderReportMarkdown,
  resolveConvention,
  safeParseConvention,
  withdrawalRepaymentDue
} from "caf-conventions"

const json = (
  withdrawal: Record<string, unknown> = {
    decidedOn: "2025-06-15",
    effectiveFrom: "2025-06-15",
    reason: "Manquement à l'engagement n° 5, fraternité et prévention de la violence"
  }
) => ({
  id: "cpo-retrait",
  title: "CPO 2024-2026",
  kind: "convention-pluriannuelle-objectifs",
  funderId: "caf-91",
  partnerId: "asso",
  signatureDate: "2023-12-01",
  terms: {
    period: { start: "2024-01-01", end: "2026-12-31" },
    territory: ["91"],
    sectors: ["jeunesse"],
    accompanimentKinds: ["individuel"],
    amounts: { kind: "constant", yearlyAmount: "30000" },
    clauses: [
      "objet",
      "montant",
      "modalites-versement",
      "conditions-utilisation",
      "controle-evaluation",
      "conservation-excedent"
    ]
  },
  withdrawal
})

const convention = parseConvention(json())
const payments = parsePayments([
  { id: "v-2024-a", date: "2024-03-28", amount: "15000", year: 2024, instalment: "advance" },
  { id: "v-2024-s", date: "2025-05-30", amount: "15000", year: 2024, instalment: "balance" },
  { id: "v-2025-a", date: "2025-03-28", amount: "15000", year: 2025, instalment: "advance" }
])
const expenses = (spent2025: string) =>
  parseExpenses([
    { id: "d-2024", date: "2024-06-30", amount: "30000", category: "personnel", document: "F-2024" },
    { id: "d-2025", date: "2025-05-31", amount: spent2025, category: "personnel", document: "F-2025" }
  ])
const accepted = { "2024": "2025-05-20" }
/** French amounts use narrow no-break spaces: shown as plain spaces here. */
const plain = (text: string | undefined) => text?.replace(/[\u202f\u00a0]/gu, " ")

describe("withdrawal of the subsidy for a breach of the contrat d'engagement républicain", () => {
  it("has the year's reports due at the end of the six months that follow the part's last day, in mid-month", () => {
    // 2025 ends on 14 June: the six months that follow run from 15 June to 14 December 2025.
    expect(paymentSchedule(convention, { year: 2025 }).reports).toEqual({
      activityReportDue: "2025-12-14",
      financialReportDue: "2025-12-14"
    })
    // 2024 ends on 31 December: due on 30 June 2025, the last day of June.
    expect(paymentSchedule(convention, { year: 2024 }).reports?.financialReportDue).toBe("2025-06-30")
  })

  it("cuts the funded period the day before the breach, once decided", () => {
    const resolved = resolveConvention(convention)
    expect(resolved.period).toEqual({ start: "2024-01-01", end: "2025-06-14" })
    expect([resolved.terminated, resolved.withdrawn]).toEqual([true, true])
    expect(resolved.years.map((year) => [year.year, year.amount?.amount.toString()])).toEqual([
      [2024, "30000.00"],
      [2025, "13561.64"]
    ])
    expect(resolved.years[1]?.amount?.segments.map((segment) => [segment.days, segment.daysInYear])).toEqual([
      [165, 365]
    ])
    // Before the decision, the convention runs whole.
    const before = resolveConvention(convention, { knownOn: "2025-06-14" })
    expect([before.period.end, before.withdrawn, before.years.length]).toEqual(["2026-12-31", false, 3])
    expect(conventionStatus(convention, parseCalendarDate("2025-06-14"))).toBe("in-force")
    expect(conventionStatus(convention, parseCalendarDate("2025-06-15"))).toBe("withdrawn")
  })

  it("keeps the advance paid before the decision and shows what it exceeds", () => {
    const schedule = paymentSchedule(convention, { year: 2025, asOf: "2025-07-01" })
    expect(schedule.instalments.map((instalment) => [instalment.key, instalment.amount.toString()])).toEqual([
      ["advance", "15000.00"],
      ["balance", "0.00"]
    ])
    expect(schedule.amount.toString()).toBe("13561.64")
    expect(schedule.excess.toString()).toBe("1438.36")
    expect(plain(schedule.explanation.sentence)).toContain(
      "30 000,00 € × 165/365 ; subvention retirée à compter du 15/06/2025 pour manquement au contrat d'engagement républicain"
    )
    expect(paymentSchedule(convention, { year: 2026 }).instalments).toEqual([])
  })

  it("demands back the 1 438,36 € paid for the period after the breach, due six months after the decision", () => {
    const ledger = fundingLedger(convention, {
      payments,
      expenses: expenses("14000"),
      asOf: "2025-07-01",
      reportsAcceptedOn: accepted
    })
    expect(ledger.years.map((use) => use.year)).toEqual([2024, 2025])
    const [, year2025] = ledger.years
    expect(year2025?.settlement.granted.toString()).toBe("13561.64")
    expect(year2025?.settlement.usedOnEligible.toString()).toBe("13561.64")
    expect(year2025?.settlement.toRepay.toString()).toBe("1438.36")
    expect(year2025?.repayment).toMatchObject({ demandedOn: "2025-06-15", dueDate: "2025-12-15", late: false })
    expect(year2025?.repayment.withdrawal?.amount.toString()).toBe("1438.36")
    expect([
      ledger.totals.granted.toString(),
      ledger.totals.received.toString(),
      ledger.totals.toRepay.toString(),
      ledger.totals.stillToPay.toString()
    ]).toEqual(["43561.64", "45000.00", "1438.36", "0.00"])
    const withdrawal = year2025?.explanation.children.find((child) => child.ruleId === "withdrawal")
    expect(plain(withdrawal?.sentence)).toBe(
      "Subvention retirée par décision du 15/06/2025, pour manquement au contrat d'engagement républicain (« Manquement à l'engagement n° 5, fraternité et prévention de la violence ») à compter du 15/06/2025 : le montant de 2025 est réduit au prorata des jours du 01/01/2025 au 14/06/2025 (13 561,64 €) ; 1 438,36 € versés pour la période postérieure au manquement sont à restituer au plus tard le 15/12/2025."
    )
    expect(plain(ledger.explanation.sentence)).toContain(
      "à reverser 1 438,36 €, dont 1 438,36 € à restituer après le retrait de la subvention (contrat d'engagement républicain), au plus tard le 15/12/2025"
    )
  })

  it("is late after the due day until repaid", () => {
    const late = fundingLedger(convention, {
      payments,
      expenses: expenses("14000"),
      asOf: "2025-12-16",
      reportsAcceptedOn: accepted
    }).years[1]
    expect([late?.repayment.late, late?.repayment.withdrawal?.late, late?.repayment.stillToRepay.toString()]).toEqual([
      true,
      true,
      "1438.36"
    ])
    const repayments = parseRepayments([{ id: "r-1", date: "2025-11-30", amount: "1438.36", year: 2025 }])
    const repaid = fundingLedger(convention, {
      payments,
      expenses: expenses("14000"),
      repayments,
      asOf: "2025-12-16",
      reportsAcceptedOn: accepted
    }).years[1]
    expect([repaid?.repayment.late, repaid?.repayment.stillToRepay.toString()]).toEqual([false, "0.00"])
  })

  it("keeps apart the unspent money, demanded when the year is settled", () => {
    // 10 000 € spent before the breach: 15 000 − 10 000 = 5 000 € to repay, of which 1 438,36 € for the withdrawal
    // and 3 561,64 € unspent, demanded on the reports' acceptance (2025-12-20), due 60 days later.
    const year = fundingLedger(convention, {
      payments,
      expenses: expenses("10000"),
      asOf: "2026-01-10",
      reportsAcceptedOn: { ...accepted, "2025": "2025-12-20" }
    }).years[1]
    expect(year?.settlement.toRepay.toString()).toBe("5000.00")
    expect(year?.repayment.withdrawal).toMatchObject({ decidedOn: "2025-06-15", dueDate: "2025-12-15", late: true })
    expect(year?.repayment.withdrawal?.amount.toString()).toBe("1438.36")
    expect(year?.repayment).toMatchObject({ demandedOn: "2025-12-20", dueDate: "2026-02-18", late: true })
  })

  it("uses the repayment day the decision sets, within six months; refuses what the law does not allow", () => {
    const set = parseConvention(
      json({
        decidedOn: "2025-06-15",
        effectiveFrom: "2025-06-01",
        reason: "Manquement",
        repaymentDueDate: "2025-09-30"
      })
    )
    expect(
      fundingLedger(set, { payments, expenses: expenses("14000"), asOf: "2025-07-01", reportsAcceptedOn: accepted })
        .years[1]?.repayment.dueDate
    ).toBe("2025-09-30")
    expect(withdrawalRepaymentDue({ decidedOn: "2025-08-31" })).toBe("2026-02-28")
    const problems = (withdrawal: Record<string, unknown>) => {
      const result = safeParseConvention(json(withdrawal))
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."))
    }
    expect(problems({ decidedOn: "2025-06-15", effectiveFrom: "2025-06-16", reason: "x" })).toEqual([
      "withdrawal.effectiveFrom"
    ])
    expect(problems({ decidedOn: "2025-06-15", effectiveFrom: "2024-01-01", reason: "x" })).toEqual([
      "withdrawal.effectiveFrom"
    ])
    expect(
      problems({ decidedOn: "2025-06-15", effectiveFrom: "2025-06-15", reason: "x", repaymentDueDate: "2025-12-16" })
    ).toEqual(["withdrawal.repaymentDueDate"])
    expect(() => parseConvention(json({ decidedOn: "2025-06-15", reason: "x" }))).toThrow(ValidationError)
  })

  it("is said in the yearly review", () => {
    const markdown = plain(
      renderReportMarkdown(
        annualReport(convention, {
          year: 2025,
          asOf: "2025-07-01",
          activities: [],
          payments,
          expenses: expenses("14000"),
          reportsAcceptedOn: accepted
        })
      )
    )
    expect(markdown).toContain(
      "Retrait de la subvention : décidé le 15/06/2025, à compter du 15/06/2025, pour manquement au contrat d'engagement républicain (« Manquement à l'engagement n° 5, fraternité et prévention de la violence ») ; 1 438,36 € versés pour la période postérieure au manquement, à restituer au plus tard le 15/12/2025 (loi n° 2000-321, art. 10-1 ; décret n° 2021-1947, art. 4)"
    )
    expect(markdown).toContain("Statut : subvention retirée")
  })
})
