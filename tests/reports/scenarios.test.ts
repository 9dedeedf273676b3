import { readFileSync, readdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { describe, expect, it } from "vitest"
import { ValidationError, parseScenario, runScenario } from "caf-conventions"

const files = (base: string) => (path: string) => JSON.parse(readFileSync(join(base, path), "utf8"))

describe("scenario files", () => {
  it("pass for the founding case, one per question, and for the cases of an amendment signed after the advance and of money offset across years", () => {
    const names = readdirSync(join("examples", "scenarios")).filter((name) => name.endsWith(".json"))
    expect(names).toEqual(
      expect.arrayContaining([
        "funding-use-amendment-after-advance.json",
        "schedule-amendment-not-yet-signed.json",
        "ledger-offset.json"
      ])
    )
    for (const name of names) {
      const path = join("examples", "scenarios", name)
      const result = runScenario(parseScenario(JSON.parse(readFileSync(path, "utf8"))), files(dirname(path)))
      expect(result, name).toMatchObject({ passed: true, differences: [] })
    }
  })

  it("say what differs, in French", () => {
    const scenario = parseScenario({
      name: "Objectifs faux",
      convention: { file: "portfolio.json", id: "cpo-2023-2025" },
      question: "objectives",
      year: 2024,
      activities: "activities.json",
      expected: {
        statuses: { "accompagnement-individuel": "not-met", inconnu: "met" },
        values: { "actions-collectives": "4" }
      }
    })
    expect(runScenario(scenario, files("examples/data")).differences).toEqual([
      'statut « accompagnement-individuel » : attendu "not-met", obtenu "met"',
      'statut « inconnu » : attendu "met", obtenu rien',
      'valeur « actions-collectives » : attendu "4", obtenu "3"'
    ])
  })

  it("read the partner's comptes rendus financiers, for one year and for the ledger", () => {
    // Les Tilleuls, 2024 justified by its report alone: 22 800 € spent, 480 € to repay.
    const base = {
      name: "Compte rendu financier",
      convention: { file: "portfolio.json", id: "cpo-evs-2024-2026" },
      asOf: "2026-06-30",
      payments: "payments.json",
      financialReports: "financial-report-2024.json"
    }
    const year = parseScenario({
      ...base,
      question: "funding-use",
      year: 2024,
      expected: { eligibleSpend: "22800.00", toRepay: "480.00" }
    })
    expect(runScenario(year, files("tests/data/evs")).differences).toEqual([])
    const ledger = parseScenario({
      ...base,
      question: "ledger",
      expected: { years: { "2024": { eligibleSpend: "22800.00", toRepay: "480.00" } } }
    })
    expect(runScenario(ledger, files("tests/data/evs")).differences).toEqual([])
    const { financialReports: _none, ...withoutReports } = year
    const without = parseScenario(withoutReports)
    expect(runScenario(without, files("tests/data/evs")).differences).toContain(
      'montant « dépenses éligibles » (eligibleSpend) : attendu "22800.00", obtenu "0.00"'
    )
  })

  it("report a scenario that cannot run instead of throwing", () => {
    const noYear = parseScenario({
      name: "Sans année",
      convention: { file: "portfolio.json", id: "cpo-2023-2025" },
      question: "schedule",
      expected: {}
    })
    expect(runScenario(noYear, files("examples/data")).differences).toEqual([
      "le scénario ne peut pas être exécuté : la question « schedule » demande une année (year)"
    ])
    const unknown = parseScenario({
      name: "Convention inconnue",
      convention: { file: "portfolio.json", id: "cpo-2030" },
      question: "compliance",
      expected: {}
    })
    expect(runScenario(unknown, files("examples/data")).differences).toEqual([
      "le scénario ne peut pas être exécuté : le portefeuille portfolio.json ne contient pas la convention cpo-2030"
    ])
    expect(() => parseScenario({ name: "x", convention: {}, question: "why", expected: {} })).toThrow(ValidationError)
  })

  const ledgerOffset = (expected: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    parseScenario({
      name: "Suivi financier",
      convention: { file: "portfolio-offset.json", id: "cpo-2023-2025" },
      question: "ledger",
      asOf: "2026-12-31",
      payments: "payments-offset.json",
      expenses: "expenses-offset.json",
      ...extra,
      expected
    })

  it("compare a ledger's figures year by year, instalment by instalment, and its totals", () => {
    const scenario = ledgerOffset({
      years: {
        "2023": { offsetNextYear: "1000.00", toRepay: "1000.00" },
        "2024": {
          stillToPay: "15000.00",
          instalments: {
            balance: { amount: "15000.00", offset: "1000.00", status: "late", dueDate: "2025-06-30" },
            "complement-1": { amount: "1.00" }
          }
        },
        "2026": { stillToPay: "0.00" }
      },
      totals: { toRepay: "0.00", stillToPay: "14000.00", unknown: "1.00" }
    })
    expect(runScenario(scenario, files("examples/data")).differences).toEqual([
      'année « 2023 », montant « à reverser » (toRepay) : attendu "1000.00", obtenu "0.00"',
      'année « 2024 », montant « reste à verser » (stillToPay) : attendu "15000.00", obtenu "14000.00"',
      'année « 2024 », versement « balance », champ « amount » : attendu "15000.00", obtenu "14000.00"',
      'année « 2024 », versement « balance », champ « status » : attendu "late", obtenu "not-yet-due"',
      'année « 2024 », versement « balance », champ « dueDate » : attendu "2025-06-30", obtenu rien',
      'année « 2024 », versement « complement-1 » : attendu {"amount":"1.00"}, obtenu rien',
      'année « 2026 » : attendu {"stillToPay":"0.00"}, obtenu rien',
      'total « toRepay » : attendu "0.00", obtenu "750.00"',
      'total « unknown » : attendu "1.00", obtenu rien'
    ])
  })

  it("take the days reports were accepted and financial reports received year by year for a ledger", () => {
    // The 2024 reports accepted on 20 May 2025: the 14 000 € balance is due, and late on 31 December 2026.
    const accepted = ledgerOffset(
      {
        years: {
          "2024": {
            stillToPay: "14000.00",
            instalments: {
              balance: {
                amount: "14000.00",
                dueDate: "2025-05-20",
                deadline: "2025-07-19",
                status: "late",
                daysLate: 530
              }
            }
          }
        }
      },
      { reportsAcceptedOn: { "2024": "2025-05-20" }, financialReportReceivedOn: { "2024": "2025-04-30" } }
    )
    expect(runScenario(accepted, files("examples/data"))).toMatchObject({ passed: true, differences: [] })
    const oneDate = ledgerOffset({}, { reportsAcceptedOn: "2025-05-20" })
    expect(runScenario(oneDate, files("examples/data")).differences).toEqual([
      'le scénario ne peut pas être exécuté : pour la question « ledger », reportsAcceptedOn donne une date par année ({ "2024": "2025-05-20" }), pas une seule date'
    ])
    expect(runScenario(ledgerOffset({}, { year: 2024 }), files("examples/data")).differences).toEqual([
      "le scénario ne peut pas être exécuté : la question « ledger » porte sur toutes les années de la convention : indiquez les années dans expected.years, pas dans year"
    ])
    const byYear = parseScenario({
      name: "Échéancier",
      convention: { file: "portfolio.json", id: "cpo-2023-2025" },
      question: "schedule",
      year: 2024,
      reportsAcceptedOn: { "2024": "2025-05-20" },
      expected: {}
    })
    expect(runScenario(byYear, files("examples/data")).differences).toEqual([
      'le scénario ne peut pas être exécuté : pour la question « schedule », reportsAcceptedOn est une date ("2025-05-20"), pas une date par année'
    ])
  })

  it("say where a ledger's expected answer is malformed, and which keys are unknown", () => {
    expect(runScenario(ledgerOffset({ years: [], total: {} }), files("examples/data")).differences).toEqual([
      "« expected.total » : clé inconnue ; clés possibles : years, totals",
      "« expected.years » doit être un objet"
    ])
    expect(
      runScenario(
        ledgerOffset({ years: { "2023": "1000.00", "2024": { instalments: { balance: "14000.00" } } } }),
        files("examples/data")
      ).differences
    ).toEqual([
      "« expected.years.2023 » doit être un objet",
      "« expected.years.2024.instalments.balance » doit être un objet"
    ])
  })

  it("take asOf for a schedule, and compare an instalment's fields one by one", () => {
    const scenario = (asOf: string | undefined) =>
      parseScenario({
        name: "Avenant signé après l'avance",
        convention: { file: "amendment-after-advance.json", id: "cpo-2024-2027" },
        question: "schedule",
        year: 2025,
        ...(asOf === undefined ? {} : { asOf }),
        expected: {
          amount: "45000.00",
          instalments: {
            advance: { amount: "27000.00", basis: "45000.00" },
            balance: { amount: "18000.00", basis: "45000.00" }
          }
        }
      })
    expect(runScenario(scenario("2025-06-01"), files("examples/data"))).toMatchObject({ passed: true })
    // Once amendment n° 1 is known (signed 10 July 2025), the year is 46 671,23 € and the balance takes the raise.
    expect(runScenario(scenario(undefined), files("examples/data")).differences).toEqual([
      'échéancier « amount » : attendu "45000.00", obtenu "46671.23"',
      'versement « balance », champ « amount » : attendu "18000.00", obtenu "19671.23"',
      'versement « balance », champ « basis » : attendu "45000.00", obtenu "46671.23"'
    ])
  })

  it("compare a funding use's instalments, with their status, and the consumption as printed", () => {
    const scenario = parseScenario({
      name: "Emploi des fonds 2025",
      convention: { file: "amendment-after-advance.json", id: "cpo-2024-2027" },
      question: "funding-use",
      year: 2025,
      asOf: "2025-06-01",
      payments: [],
      expenses: [],
      expected: {
        stillToPay: "27000.00",
        consumption: "0",
        instalments: {
          advance: { status: "late", daysLate: 2, completedOn: null },
          balance: { status: "not-yet-due" }
        },
        instalment: {}
      }
    })
    // Nothing paid on 1 June 2025: the 27 000 € advance, due on 31 March, was to be paid by 30 May.
    expect(runScenario(scenario, files("examples/data")).differences).toEqual([
      "montant « instalment » : attendu {}, obtenu rien"
    ])
  })
})
