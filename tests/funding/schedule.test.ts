import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Euros, InvalidArgumentError, ROUNDING_MODES, ValidationError, paymentSchedule } from "caf-conventions"
import { cpo } from "../fixtures.js"
import { runs } from "../runs.js"

const rows = (schedule: ReturnType<typeof paymentSchedule>) =>
  schedule.instalments.map((instalment) => [
    instalment.key,
    instalment.share,
    instalment.amount.toString(),
    instalment.dueDate,
    instalment.deadline
  ])

describe("payment schedule", () => {
  it("gives the founding convention's 2024: 30 000 €, an advance of 50 % by 31 March, the balance on accepted reports", () => {
    const schedule = paymentSchedule(cpo(), { year: 2024 })
    expect(schedule.amount.toString()).toBe("30000.00")
    expect(rows(schedule)).toEqual([
      ["advance", "0.5", "15000.00", "2024-03-31", "2024-05-30"],
      ["balance", "0.5", "15000.00", undefined, undefined]
    ])
    expect(schedule.instalments[1]?.expectedDueDate).toBe("2025-06-30")
    expect(schedule.reports).toEqual({ activityReportDue: "2025-06-30", financialReportDue: "2025-06-30" })
  })

  it("makes the balance payable once the reports are accepted, within 60 days", () => {
    const balance = paymentSchedule(cpo(), { year: 2024, reportsAcceptedOn: "2025-05-20" }).instalments[1]
    expect([balance?.dueDate, balance?.deadline]).toEqual(["2025-05-20", "2025-07-19"])
  })

  it("pays 35 % + 35 % + 30 %, summing to the cent, with a raise on 1 July 2024 prorated by days and signed after the advance", () => {
    const convention = cpo((json) => {
      json.terms.payment = { advanceRate: "0.35", instalments: [{ share: "0.35", due: "07-31" }], rounding: "half-up" }
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
    const schedule = paymentSchedule(convention, { year: 2024 })
    // 30 000 × 182/366 + 36 000 × 184/366 = 33 016,39 €. The advance, due 31 March, is fixed on
    // the amount known then (the amendment is signed on 15 June): 35 % of 30 000 € = 10 500 €.
    // On 31 July the year is 33 016,39 €: 70 % = 23 111,473 → 23 111,47 €, so the second
    // instalment is 23 111,47 − 10 500 = 12 611,47 €; the balance takes the 30 % left, 9 904,92 €.
    expect(schedule.amount.toString()).toBe("33016.39")
    expect(rows(schedule)).toEqual([
      ["advance", "0.35", "10500.00", "2024-03-31", "2024-05-30"],
      ["instalment-1", "0.35", "12611.47", "2024-07-31", "2024-09-29"],
      ["balance", "0.3", "9904.92", undefined, undefined]
    ])
  })

  it("moves the advance to the notification when it is later than 31 March, and never before the start", () => {
    const notified = cpo((json) => (json.notificationDate = "2023-04-20"))
    expect(paymentSchedule(notified, { year: 2023 }).instalments[0]?.dueDate).toBe("2023-04-20")
    expect(paymentSchedule(notified, { year: 2024 }).instalments[0]?.dueDate).toBe("2024-03-31")
    const july = cpo((json) => (json.terms.period = { start: "2024-07-01", end: "2026-06-30" }))
    const first = paymentSchedule(july, { year: 2024 })
    // 30 000 × 184/366 = 15 081,967… → 15 081,97 €
    expect([first.amount.toString(), first.instalments[0]?.dueDate, first.instalments[0]?.amount.toString()]).toEqual([
      "15081.97",
      "2024-07-01",
      "7540.99"
    ])
  })

  it("pays a last year's instalments within the year's part, never after the convention ends", () => {
    const aprilToMarch = cpo((json) => {
      json.terms.period = { start: "2023-04-01", end: "2025-03-31" }
      json.terms.payment = { advanceRate: "0.4", instalments: [{ share: "0.3", due: "09-30" }] }
    })
    // 2025 is 1 January – 31 March: 30 000 × 90/365 = 7 397,26 €; the instalment of 30 September
    // falls on 31 March, the last day of the convention.
    const last = paymentSchedule(aprilToMarch, { year: 2025 })
    expect([last.amount.toString(), ...last.instalments.map((i) => [i.key, i.amount.toString(), i.dueDate])]).toEqual([
      "7397.26",
      ["advance", "2958.90", "2025-03-31"],
      ["instalment-1", "2219.18", "2025-03-31"],
      ["balance", "2219.18", undefined]
    ])
    expect(paymentSchedule(aprilToMarch, { year: 2024 }).instalments[1]?.dueDate).toBe("2024-09-30")
  })

  it("pays the balance on a fixed day of the next year when the convention says so", () => {
    const charente = cpo(
      (json) => (json.terms.payment = { advanceRate: "0.7", balanceTrigger: "fixed-date", balanceDue: "05-31" })
    )
    expect(rows(paymentSchedule(charente, { year: 2024 }))).toEqual([
      ["advance", "0.7", "21000.00", "2024-03-31", "2024-05-30"],
      ["balance", "0.3", "9000.00", "2025-05-31", "2025-07-30"]
    ])
  })

  it("prorates the last year of a terminated convention and cuts its reports", () => {
    const terminated = cpo(
      (json) => (json.termination = { date: "2024-09-30", reason: "Fin anticipée", requestedBy: "caf" })
    )
    const schedule = paymentSchedule(terminated, { year: 2024 })
    // Six months after 30 September: the last day of the six months that follow, 31 March.
    expect([
      schedule.amount.toString(),
      schedule.reports?.activityReportDue,
      schedule.reports?.financialReportDue
    ]).toEqual(["22459.02", "2025-03-31", "2025-03-31"])
    const shortReports = cpo((json) => {
      json.termination = { date: "2024-11-30", reason: "Fin anticipée", requestedBy: "caf" }
      json.terms.reporting = { activityReportMonths: 3, financialReportMonths: 2 }
    })
    const reports = paymentSchedule(shortReports, { year: 2024 }).reports
    expect([reports?.activityReportDue, reports?.financialReportDue]).toEqual(["2025-02-28", "2025-01-31"])
    expect(paymentSchedule(cpo(), { year: 2024 }).reports?.financialReportDue).toBe("2025-06-30")
    expect(paymentSchedule(terminated, { year: 2025 }).instalments).toEqual([])
  })

  it("is empty for a year the convention does not cover, and refuses a convention without amounts or an impossible year", () => {
    const none = paymentSchedule(cpo(), { year: 2026 })
    expect([none.amount.toString(), none.instalments.length, none.explanation.sentence]).toEqual([
      "0.00",
      0,
      "La convention ne s'applique pas en 2026 : rien n'est dû."
    ])
    expect(() =>
      paymentSchedule(
        cpo((json) => delete json.terms.amounts),
        { year: 2024 }
      )
    ).toThrow(InvalidArgumentError)
    expect(() => paymentSchedule(cpo(), { year: 2024.5 })).toThrow(ValidationError)
    expect(() => paymentSchedule(cpo(), { year: 2024, reportsAcceptedOn: "2025-02-30" })).toThrow(ValidationError)
  })

  it("always sums to the year's amount, to the cent (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.constantFrom("0", "0.35", "0.5", "0.7", "1", "0.333333"),
        fc.array(fc.constantFrom("0.1", "0.15", "0.2"), { maxLength: 2 }),
        fc.constantFrom(...ROUNDING_MODES),
        (cents, advanceRate, shares, rounding) => {
          fc.pre([advanceRate, ...shares].reduce((sum, share) => sum + Math.round(Number(share) * 1e6), 0) <= 1e6)
          const convention = cpo((json) => {
            json.terms.amounts.yearlyAmount = Euros.fromCents(cents).toString()
            json.terms.payment = {
              advanceRate,
              instalments: shares.map((share) => ({ share, due: "09-30" })),
              rounding
            }
          })
          const schedule = paymentSchedule(convention, { year: 2024 })
          expect(Euros.sum(schedule.instalments.map((instalment) => instalment.amount)).equals(schedule.amount)).toBe(
            true
          )
          expect(schedule.instalments.every((instalment) => !instalment.amount.isNegative())).toBe(true)
        }
      ),
      runs(1000)
    )
  })
})

describe("a convention that records no amounts", () => {
  it("cannot be scheduled, in its period or outside it", () => {
    const noAmounts = cpo((json) => delete json.terms.amounts)
    for (const year of [2024, 2030]) {
      try {
        paymentSchedule(noAmounts, { year })
        expect.unreachable()
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError)
        expect([(error as InvalidArgumentError).argument, (error as InvalidArgumentError).message]).toEqual([
          "convention",
          "the convention cpo-2023-2025 records no amounts"
        ])
      }
    }
  })
})

describe("schedule options", () => {
  it("are refused as schedule options when the year cannot be read", () => {
    try {
      paymentSchedule(cpo(), { year: "2024" as unknown as number })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).subject).toBe("schedule options")
    }
  })
})

describe("per-year amounts", () => {
  it("say the amount planned for a whole year, and its reduction for a part of one", () => {
    const perYear = cpo((json) => {
      json.terms.amounts = { kind: "per-year", byYear: { "2023": "28000", "2024": "30000", "2025": "32000" } }
      json.termination = { date: "2025-06-30", reason: "Résiliation", requestedBy: "caf" }
    })
    const sentence = (year: number) =>
      paymentSchedule(perYear, { year }).explanation.sentence.replace(/[\u202f\u00a0]/gu, " ")
    expect(sentence(2024)).toBe(
      "Montant 2024 : 30 000,00 € (montant prévu pour 2024) ; compte rendu financier attendu au plus tard le 30/06/2025."
    )
    // 32 000 € × 181/365 = 15 868,49 €. The advance was due on 31 March, before the termination
    // (known from its date, 30 June): 50 % of 32 000 € = 16 000 €, 131,51 € more than the year.
    expect(sentence(2025)).toBe(
      "Montant 2025 : 15 868,49 € (montant prévu pour 2025, réduit au prorata de 181 jours ; convention résiliée au 30/06/2025) ; les versements déjà exigibles dépassent ce montant de 131,51 €, à reverser ; compte rendu financier attendu au plus tard le 31/12/2025."
    )
    const schedule = paymentSchedule(perYear, { year: 2025 })
    expect([schedule.instalments.map((i) => i.amount.toString()), schedule.excess.toString()]).toEqual([
      ["16000.00", "0.00"],
      "131.51"
    ])
    // Decided on 1 March, before the advance was due, the termination halves the year's advance.
    const decided = cpo((json) => {
      json.terms.amounts = { kind: "per-year", byYear: { "2023": "28000", "2024": "30000", "2025": "32000" } }
      json.termination = { date: "2025-06-30", reason: "Résiliation", requestedBy: "caf", decidedOn: "2025-03-01" }
    })
    expect(paymentSchedule(decided, { year: 2025 }).instalments.map((i) => i.amount.toString())).toEqual([
      "7934.25",
      "7934.24"
    ])
  })
})
