/**
 * The typed facts of the funding results (`PaymentSchedule.facts`, `Modulation.facts`,
 * `FundingUse.facts`): their figures on conventions other than the founding one (an amendment
 * signed after the advance, a termination, money offset against the next year), the sentences
 * worded from them, and their place in the result (deeply frozen, out of the JSON form).
 */
import { describe, expect, it } from "vitest"
import {
  type Convention,
  type Expense,
  type ObjectivesEvaluation,
  type PaymentSchedule,
  evaluateFundingUse,
  fundingLedger,
  parseConvention,
  parseExpense,
  parsePayments,
  paymentSchedule
} from "caf-conventions"
import { modulation } from "../../src/funding/settlement.js"
import {
  instalmentLabel,
  instalmentSentence,
  modulationSentence,
  scheduleSentence,
  triggerText,
  useSentence
} from "../../src/vocabulary/funding.js"
import { cpo, cpoJson } from "../fixtures.js"

/** 2024-07-01 → 2027-06-30, 45 000 € a year, 60 % advance by 31 March; amendment n° 1 signed 2025-07-10 raising it to 50 000 € from 2025-09-01. */
function raisedLate(): Convention {
  const json = cpoJson()
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
  return parseConvention(json)
}

const spend = (id: string, date: string, amount: string): Expense =>
  parseExpense({ id, date, amount, category: "personnel", document: `PJ-${id}` })

const plain = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

/** The facts of a covered year, or a failure. */
function covered(schedule: PaymentSchedule) {
  const { facts } = schedule
  if (!facts.covered) throw new Error(`${schedule.year} is not covered`)
  return facts
}

/** Every sentence of a schedule worded from its facts is the one its explanation prints, and so are the labels and triggers. */
function wordedAlike(schedule: PaymentSchedule): void {
  expect(scheduleSentence(schedule.facts)).toBe(schedule.explanation.sentence)
  const facts = schedule.facts.covered ? schedule.facts.instalments : []
  expect(facts.map((fact) => fact.key)).toEqual(schedule.instalments.map((instalment) => instalment.key))
  expect(facts.map((fact) => instalmentLabel(fact.name))).toEqual(schedule.instalments.map((i) => i.label))
  expect(facts.map((fact) => triggerText(fact.trigger))).toEqual(schedule.instalments.map((i) => i.trigger))
  expect(facts.map(instalmentSentence)).toEqual(schedule.explanation.children.map((child) => child.sentence))
}

describe("the facts of a schedule raised by an amendment signed after the advance", () => {
  it("keep the advance at 60 % of the 45 000,00 € known on 31 March 2025, and the balance takes the rest of 46 671,23 €", () => {
    const schedule = paymentSchedule(raisedLate(), { year: 2025, reportsAcceptedOn: "2026-05-15" })
    const facts = covered(schedule)
    expect(facts.amount.toString()).toBe("46671.23")
    expect(facts.yearAmount).toEqual({
      basis: "segments",
      segments: [
        { yearlyAmount: expect.objectContaining({}), days: 243, daysInYear: 365 },
        { yearlyAmount: expect.objectContaining({}), days: 122, daysInYear: 365 }
      ]
    })
    expect(
      facts.yearAmount.basis === "segments" ? facts.yearAmount.segments.map((s) => s.yearlyAmount.toString()) : []
    ).toEqual(["45000.00", "50000.00"])
    expect(facts.amended?.amendments).toEqual([1])
    expect(facts.amended?.initialAmount.toString()).toBe("45000.00")
    expect([facts.cut, facts.unknownAmendments, facts.excess.toString(), facts.financialReportDue]).toEqual([
      undefined,
      [],
      "0.00",
      "2026-06-30"
    ])
    const [advance, balance] = facts.instalments
    expect(advance?.name).toEqual({ kind: "advance" })
    expect([advance?.share, advance?.amount.toString(), advance?.planned.toString()]).toEqual([
      "0.6",
      "27000.00",
      "27000.00"
    ])
    expect([advance?.basis.yearAmount.toString(), advance?.basis.amendments, advance?.earlierBasis]).toEqual([
      "45000.00",
      [],
      []
    ])
    expect(advance?.trigger).toEqual({ kind: "advance", dueDate: "2025-03-31", advanceDue: "03-31" })
    expect(advance?.deadline).toBe("2025-05-30")
    expect([balance?.kind, balance?.amount.toString(), balance?.rest, balance?.earlierBasis]).toEqual([
      "balance",
      "19671.23",
      true,
      undefined
    ])
    expect([balance?.basis.yearAmount.toString(), balance?.basis.amendments]).toEqual(["46671.23", [1]])
    expect(balance?.trigger).toEqual({ kind: "reports-accepted", year: 2025, acceptedOn: "2026-05-15" })
    expect(plain(instalmentSentence(advance!))).toBe(
      "60 % soit 27 000,00 € (calculé sur 45 000,00 €, le montant connu à l'échéance, avant l'avenant n° 1), exigible le 31/03/2025 (31/03, ou la notification si elle est postérieure) ; à payer au plus tard le 30/05/2025."
    )
    wordedAlike(schedule)
  })

  it("name the amendment as not known on a day before its signature", () => {
    const schedule = paymentSchedule(raisedLate(), { year: 2025, asOf: "2025-07-01" })
    const facts = covered(schedule)
    expect([facts.amount.toString(), facts.amended, facts.unknownAmendments]).toEqual(["45000.00", undefined, [1]])
    expect(facts.instalments.map((fact) => [fact.key, fact.amount.toString()])).toEqual([
      ["advance", "27000.00"],
      ["balance", "18000.00"]
    ])
    expect(facts.instalments[1]?.trigger).toEqual({ kind: "reports-awaited", year: 2025, reportsDue: "2026-06-30" })
    expect(plain(scheduleSentence(facts))).toBe(
      "Montant 2025 : 45 000,00 € (45 000,00 € × 365/365) ; non connu à cette date : l'avenant n° 1 ; compte rendu financier attendu au plus tard le 30/06/2026."
    )
    wordedAlike(schedule)
  })
})

describe("the facts of a convention terminated on 30 September 2024", () => {
  const ended = () =>
    cpo(
      (json) =>
        (json.termination = { date: "2024-09-30", reason: "Dissolution de l'association", requestedBy: "partenaire" })
    )

  it("say what cut the year short, the prorated amount, and the 5 000,00 € to repay", () => {
    const use = evaluateFundingUse(ended(), {
      year: 2024,
      payments: parsePayments([
        { id: "p-a", date: "2024-03-29", amount: "15000", year: 2024 },
        { id: "p-b", date: "2024-09-01", amount: "10000", year: 2024 }
      ]),
      expenses: [spend("e", "2024-05-01", "20000")],
      asOf: "2024-12-31"
    })
    const facts = covered(use.schedule)
    expect(facts.cut).toEqual({ kind: "termination", date: "2024-09-30" })
    expect(facts.amount.toString()).toBe("22459.02")
    expect(facts.yearAmount.basis === "segments" ? facts.yearAmount.segments.map((s) => s.days) : []).toEqual([274])
    expect(facts.financialReportDue).toBe("2025-03-31")
    expect(facts.instalments.map((fact) => [fact.key, fact.amount.toString()])).toEqual([
      ["advance", "15000.00"],
      ["balance", "7459.02"]
    ])
    const { facts: year } = use
    expect([year.state, year.final, year.lastYearOfOffset]).toEqual(["ended", true, false])
    expect([year.toRepay, year.stillToPay, year.awaitingUse, year.offsetNextYear, year.carriedIn].map(String)).toEqual([
      "5000.00",
      "0.00",
      "0.00",
      "0.00",
      "0.00"
    ])
    expect(plain(useSentence(year))).toBe("Convention cpo-2023-2025, 2024 au 31/12/2024 : 5 000,00 € à reverser.")
    expect(useSentence(year)).toBe(use.explanation.sentence)
    wordedAlike(use.schedule)
  })

  it("give a year after the termination as not covered", () => {
    const schedule = paymentSchedule(ended(), { year: 2025 })
    expect(schedule.facts).toEqual({ covered: false, year: 2025 })
    expect(plain(scheduleSentence(schedule.facts))).toBe("La convention ne s'applique pas en 2025 : rien n'est dû.")
    wordedAlike(schedule)
  })
})

describe("the facts of money offset against the next year", () => {
  it("carry the 1 000,00 € of 2023 into the 2024 balance, and leave the last year nothing to offset", () => {
    const convention = cpo((json) => (json.terms.unspent = { rule: "offset" }))
    const ledger = fundingLedger(convention, {
      payments: parsePayments([
        { id: "a-2023", date: "2023-03-30", amount: "15000", year: 2023, instalment: "advance" },
        { id: "s-2023", date: "2024-05-15", amount: "15000", year: 2023, instalment: "balance" },
        { id: "a-2024", date: "2024-03-28", amount: "15000", year: 2024, instalment: "advance" },
        { id: "a-2025", date: "2025-03-27", amount: "15000", year: 2025, instalment: "advance" },
        { id: "s-2025", date: "2026-05-20", amount: "15000", year: 2025, instalment: "balance" }
      ]),
      expenses: [
        spend("d-2023", "2023-12-31", "29000"),
        spend("d-2024", "2024-12-31", "30000"),
        spend("d-2025", "2025-12-31", "29250")
      ],
      asOf: "2026-12-31"
    })
    const [y2023, y2024, y2025] = ledger.years
    expect([y2023!.facts.offsetNextYear, y2023!.facts.toRepay].map(String)).toEqual(["1000.00", "0.00"])
    expect([y2024!.facts.carriedIn, y2024!.facts.stillToPay].map(String)).toEqual(["1000.00", "14000.00"])
    const balance = covered(y2024!.schedule).instalments.find((fact) => fact.kind === "balance")
    expect(balance?.offset?.fromYear).toBe(2023)
    expect([balance?.offset?.amount, balance?.planned, balance?.amount].map(String)).toEqual([
      "1000.00",
      "15000.00",
      "14000.00"
    ])
    expect(plain(instalmentSentence(balance!))).toBe(
      "50 % soit 15 000,00 €, moins 1 000,00 € non dépensés en 2023 et déduits (clause de report) : 14 000,00 € à verser, à l'acceptation des bilans 2024, attendus au plus tard le 30/06/2025."
    )
    expect([y2025!.facts.lastYearOfOffset, String(y2025!.facts.toRepay)]).toEqual([true, "750.00"])
    for (const year of ledger.years) {
      expect(useSentence(year.facts)).toBe(year.explanation.sentence)
      wordedAlike(year.schedule)
    }
  })
})

describe("the facts of a modulation", () => {
  const missed = (ratios: ReadonlyArray<readonly [number, number] | undefined>) =>
    ({
      results: ratios.map((ratio, index) => ({
        objectiveId: `o-${index}`,
        status: ratio === undefined ? "met" : "not-met",
        ...(ratio === undefined ? {} : { ratio: { numerator: ratio[0], denominator: ratio[1] } })
      }))
    }) as unknown as ObjectivesEvaluation
  const terms = (clause: Record<string, unknown>) => {
    const convention = cpo((json) => (json.terms.modulation = clause))
    return convention.terms
  }

  it("give the rate per missed objective and the reduction: 2 × 5 % of 30 000,00 € is 3 000,00 €", () => {
    const modulated = modulation(
      paymentSchedule(cpo(), { year: 2024 }).amount,
      terms({ rule: "fixed-reduction", ratePerMissedObjective: "0.05" }),
      missed([[1, 2], [3, 4], undefined])
    )
    expect(modulated.facts).toEqual({ kind: "fixed", missed: 2, ratePerMissed: "0.05", reduction: modulated.reduction })
    expect(modulated.reduction.toString()).toBe("3000.00")
    expect(plain(modulationSentence(modulated.facts))).toBe("2 objectifs manqués × 5 % : réduction de 3 000,00 €.")
    expect(modulationSentence(modulated.facts)).toBe(modulated.sentence)
  })

  it("give the tolerance when the shortfall stays within it, and the count of missed objectives", () => {
    const amount = paymentSchedule(cpo(), { year: 2024 }).amount
    const modulated = modulation(amount, terms({ rule: "proportional", tolerance: "0.025" }), missed([[39, 40]]))
    expect(modulated.facts).toEqual({ kind: "within-tolerance", missed: 1, tolerance: "0.025" })
    expect(plain(modulated.sentence)).toBe("Objectif manqué dans la tolérance de 2,5 % : pas de réduction.")
    // 1 − 3/4 = 25 % of shortfall, 22,5 % beyond the tolerance, on one objective of two: 11,25 % of 30 000,00 €.
    const cut = modulation(amount, terms({ rule: "proportional", tolerance: "0.025" }), missed([[3, 4], undefined]))
    expect(cut.facts).toEqual({ kind: "proportional", missed: 1, tolerance: "0.025", reduction: cut.reduction })
    expect(cut.reduction.toString()).toBe("3375.00")
  })
})

describe("the facts in the result", () => {
  it("are deeply frozen, computed once, and left out of the JSON form and of Object.keys", () => {
    const use = evaluateFundingUse(raisedLate(), { year: 2025, payments: [], expenses: [], asOf: "2025-08-01" })
    const json = JSON.stringify(use)
    expect(Object.keys(use)).not.toContain("facts")
    expect(Object.keys(use.schedule)).not.toContain("facts")
    expect(Object.keys(use.modulation)).not.toContain("facts")
    expect(json).not.toContain('"facts"')
    expect(use.facts).toBe(use.facts)
    const schedule = covered(use.schedule)
    expect([Object.isFrozen(use.facts), Object.isFrozen(schedule), Object.isFrozen(schedule.instalments[0])]).toEqual([
      true,
      true,
      true
    ])
    expect(Object.isFrozen(schedule.instalments[0]?.basis.amendments)).toBe(true)
    expect(Object.isFrozen(use.modulation.facts)).toBe(true)
    // Read after freezing, they change nothing of the JSON form.
    expect(JSON.stringify(use)).toBe(json)
    expect([use.facts.state, use.facts.final, String(use.facts.stillToPay)]).toEqual(["in-progress", false, "27000.00"])
  })
})
