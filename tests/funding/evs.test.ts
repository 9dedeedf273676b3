import { beforeEach, describe, expect, it } from "vitest"
import {
  type Activity,
  conventionReport,
  renderReportMarkdown,
  type Expense,
  evaluateFundingUse,
  evaluateObjectives,
  explanationLines,
  fundingLedger,
  parseFinancialReport,
  parseRepayments,
  parseActivities,
  parseExpenses,
  parsePayments,
  paymentSchedule,
  type Payment
} from "caf-conventions"
import { evs, evsData } from "../fixtures.js"

const plain = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

// The espace de vie sociale Les Tilleuls (Caf de la Sarthe), terminated on 30/09/2025: the 2025
// amount is 24 000 € × 273/365 = 17 950,68 €; 16 800 € advance paid, 15 000 € eligible spending.
let payments: ReadonlyArray<Payment>
let expenses: ReadonlyArray<Expense>
let activities: ReadonlyArray<Activity>
beforeEach(() => {
  payments = parsePayments(evsData("payments.json"))
  expenses = parseExpenses(evsData("expenses-2025.json"))
  activities = parseActivities(evsData("activities-2025.json"))
})

describe("the proportional modulation on a second convention", () => {
  it("takes off the shortfall beyond the tolerance, not the whole shortfall", () => {
    const convention = evs((json) => (json.terms.modulation = { rule: "proportional", tolerance: "0.1" }))
    const objectives = evaluateObjectives(convention, activities, { year: 2025 })
    expect(objectives.results.map((result) => result.status)).toEqual(["met", "met", "not-met"])
    const use = evaluateFundingUse(convention, { year: 2025, payments, expenses, asOf: "2026-06-30", objectives })
    // one Reaap meeting of 2: 50 % short, 40 % beyond the tolerance, one objective of three:
    // 17 950,68 € × 40 % / 3 = 2 393,42 €
    expect(use.modulation.reduction.toString()).toBe("2393.42")
    expect(plain(use.modulation.sentence)).toBe(
      "Réduction proportionnelle à l'écart sur 1 objectif manqué, au-delà de la tolérance de 10 % : 2 393,42 €."
    )
    expect(use.settlement.granted.toString()).toBe("15557.26")
    // 15 000 € eligible: 557,26 € unspent, 3 % × 15 557,26 € = 466,71 € kept; 16 800 − 15 000 − 466,71 = 1 333,29 €
    expect(use.settlement.keptSurplus.toString()).toBe("466.71")
    expect(use.settlement.toRepay.toString()).toBe("1333.29")
  })

  it("has no cliff at the tolerance: 88 % achieved loses 2 % of the amount, 90,67 % nothing", () => {
    const convention = evs((json) => {
      json.terms.modulation = { rule: "proportional", tolerance: "0.1" }
      json.terms.objectives = [{ ...json.terms.objectives[0], target: { atLeast: 100 } }]
    })
    const families = (count: number): Array<Record<string, unknown>> => [
      { id: "a", date: "2025-03-10", kind: "action-collective", sector: "parentalite", measures: { familles: count } }
    ]
    const reduction = (count: number) => {
      const objectives = evaluateObjectives(convention, parseActivities(families(count)), { year: 2025 })
      return evaluateFundingUse(convention, { year: 2025, payments, expenses, objectives }).modulation.reduction
    }
    // target 100 × 273/365 = 74,79 → at least 75 families; 66 of 75 is 88 %, 12 % short, 2 % beyond: 2 % of 17 950,68 € (the whole 12 % before)
    expect(reduction(66).toString()).toBe("359.01")
    // 68 of 75 is 90,67 %: within the tolerance
    expect(reduction(68).toString()).toBe("0.00")
  })
})

describe("a compte rendu financier received after the day of the review", () => {
  // The 2024 report of Les Tilleuls is due by 30/06/2025 and came in on 15/09/2025.
  const reportOn = (asOf: string) =>
    evaluateFundingUse(evs(), { year: 2024, payments, expenses: [], asOf, financialReportReceivedOn: "2025-09-15" })
  const reportLine = (asOf: string) =>
    explanationLines(reportOn(asOf).explanation)
      .filter((line) => line.includes("Compte rendu financier :"))
      .map((line) => plain(line.replace(/ \(source.*$/u, "")))

  it("is not yet received, nor late, before its due date", () => {
    expect(reportOn("2025-03-01").financialReport).toEqual({ dueDate: "2025-06-30", late: false })
    expect(reportLine("2025-03-01")).toEqual(["  ✓ Compte rendu financier : Attendu au plus tard le 30/06/2025."])
  })

  it("is not yet received, and late, once its due date has passed", () => {
    expect(reportOn("2025-07-15").financialReport).toEqual({ dueDate: "2025-06-30", late: true })
    expect(reportLine("2025-07-15")).toEqual([
      "  ✗ Compte rendu financier : Attendu au plus tard le 30/06/2025 : en retard."
    ])
  })

  it("is received late once the review's day reaches the receipt", () => {
    expect(reportOn("2025-09-15").financialReport).toEqual({
      dueDate: "2025-06-30",
      receivedOn: "2025-09-15",
      late: true
    })
    expect(reportLine("2026-06-30")).toEqual([
      "  ✗ Compte rendu financier : Attendu au plus tard le 30/06/2025, reçu le 15/09/2025 : en retard."
    ])
  })
})

describe("a compte rendu financier given with the review, received after its day", () => {
  // The 2024 report (received 15/09/2025) justifies 22 800 € of 2024's spending: 42 000 € of
  // charges less 19 200 € of other funding; 24 000 € granted and received, 3 % kept (720 €).
  const use = (asOf: string) =>
    evaluateFundingUse(evs(), {
      year: 2024,
      payments,
      expenses: [],
      asOf,
      financialReport: parseFinancialReport(evsData("financial-report-2024.json"))
    })

  it("justifies nothing before it is received, and the year's spending once it is", () => {
    const before = use("2025-09-14")
    expect(before.financialReport).toEqual({ dueDate: "2025-06-30", late: true })
    expect(before.settlement.eligibleSpend.toString()).toBe("0.00")
    const after = use("2025-09-15")
    expect(after.financialReport?.receivedOn).toBe("2025-09-15")
    expect(after.settlement.eligibleSpend.toString()).toBe("22800.00")
    expect(after.settlement.toRepay.toString()).toBe("480.00")
  })
})

describe("repayments netted over the convention", () => {
  // 2024 justified by its compte rendu financier: 480 € to repay, 300 € repaid; 2025: 1 261,48 €
  // to repay, 2 000 € repaid. Demanded 1 741,48 €, received 2 300 €: 558,52 € over-repaid on the whole.
  const inputs = () => ({
    payments,
    expenses,
    financialReports: [parseFinancialReport(evsData("financial-report-2024.json"))],
    repayments: parseRepayments([
      { id: "r1", date: "2025-10-15", amount: "300.00", year: 2024 },
      { id: "r2", date: "2026-06-15", amount: "2000.00", year: 2025 }
    ]),
    asOf: "2026-06-30",
    reportsAcceptedOn: { "2024": "2025-09-20", "2025": "2026-04-30" }
  })
  const ledgerOn = () => fundingLedger(evs(), inputs())

  it("gives the totals the over-repaid amount and the net position", () => {
    const { totals } = ledgerOn()
    expect(totals.toRepay.toString()).toBe("1741.48")
    expect(totals.repaid.toString()).toBe("2300.00")
    expect(totals.stillToRepay.toString()).toBe("180.00")
    expect(totals.overRepaid.toString()).toBe("738.52")
    expect(totals.netToRepay.toString()).toBe("-558.52")
  })

  it("says in each year line what is left after a repayment, and the net position in the totals", () => {
    const lines = explanationLines(ledgerOn().explanation).map((line) => plain(line.replace(/ \(source.*$/u, "")))
    expect(lines.slice(1)).toEqual([
      "  ✗ Emploi des fonds 2024 : Convention cpo-evs-2024-2026, 2024 au 30/06/2026 : 480,00 € à reverser, dont 300,00 € reversés : reste 180,00 €.",
      "  ✗ Emploi des fonds 2025 : Convention cpo-evs-2024-2026, 2025 au 30/06/2026 : 1 261,48 € à reverser, 2 000,00 € reversés : 738,52 € trop reversés."
    ])
    expect(lines[0]).toContain(
      "reversé 2 300,00 € ; reste à reverser 180,00 € ; trop reversé 738,52 € ; solde net des reversements : 558,52 € trop reversés, à rembourser au partenaire ; reste à verser 0,00 €."
    )
  })

  it("shows the over-repayment and the net position in the end-of-convention review", () => {
    const markdown = plain(renderReportMarkdown(conventionReport(evs(), { ...inputs(), activities: [] })))
    expect(markdown).toContain("| Reversé | Reste à reverser | Trop reversé |")
    expect(markdown).toMatch(/\| Total \|.*\| 2 300,00 € \| 180,00 € \| 738,52 € \|/u)
    expect(markdown).toContain(
      "Solde net des reversements sur la convention : 558,52 € trop reversés, à rembourser au partenaire (738,52 € trop reversés, 180,00 € restant à reverser)."
    )
  })
})

describe("an instalment fixed before the termination was decided", () => {
  // The 2025 advance fell due on 31/03/2025, on 24 000 €; the termination, decided on 10/07/2025,
  // brings the year down to 17 950,68 €. Nothing was amended: the advance says what it did not know.
  it("says it was computed before the termination, not « avant tout avenant »", () => {
    const schedule = paymentSchedule(evs(), { year: 2025 })
    expect(schedule.instalments.map((instalment) => [instalment.key, instalment.amount.toString()])).toEqual([
      ["advance", "16800.00"],
      ["balance", "1150.68"]
    ])
    const advance = schedule.facts.covered ? schedule.facts.instalments[0] : undefined
    expect([advance?.earlierBasis, advance?.unknownThen]).toEqual([
      [],
      { amendments: [], cut: { kind: "termination", date: "2025-09-30" } }
    ])
    expect(plain(schedule.explanation.children[0]?.sentence ?? "")).toBe(
      "70 % soit 16 800,00 € (calculé sur 24 000,00 €, le montant connu à l'échéance, avant la résiliation au 30/09/2025), exigible le 31/03/2025 (31/03, ou la notification si elle est postérieure) ; à payer au plus tard le 30/05/2025."
    )
  })

  it("says nothing of it on a day before the termination was decided", () => {
    const schedule = paymentSchedule(evs(), { year: 2025, asOf: "2025-07-01" })
    const advance = schedule.facts.covered ? schedule.facts.instalments[0] : undefined
    expect([advance?.earlierBasis, advance?.unknownThen]).toEqual([undefined, undefined])
    expect(plain(schedule.explanation.children[0]?.sentence ?? "")).toBe(
      "70 % soit 16 800,00 €, exigible le 31/03/2025 (31/03, ou la notification si elle est postérieure) ; à payer au plus tard le 30/05/2025."
    )
  })
})
