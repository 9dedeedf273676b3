/**
 * The report's tables as typed cells and as CSV for spreadsheets, on the example cases: the
 * founding convention's 2024, the amendment signed after the advance, money offset from one year
 * to the next. Every figure is written out.
 */
import { describe, expect, it } from "vitest"
import {
  InvalidArgumentError,
  annualReport,
  conventionReport,
  parseExpenses,
  parsePayments,
  parsePortfolio,
  renderReportMarkdown,
  reportTables,
  reportTablesCsv
} from "caf-conventions"
import { exampleData, foundingPortfolioJson } from "../fixtures.js"
import { foundingReportInputs } from "./fixtures.js"

const plain = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")
const csvOf = (tables: ReturnType<typeof reportTablesCsv>, id: string) =>
  tables.find((table) => table.id === id)?.csv.split("\r\n") ?? []

function amended(asOf: string) {
  const portfolio = parsePortfolio(exampleData("amendment-after-advance.json"))
  const inputs = {
    activities: [],
    payments: parsePayments(exampleData("payments-amendment-after-advance.json")),
    expenses: parseExpenses(exampleData("expenses-amendment-after-advance.json")),
    partners: portfolio.partners,
    asOf
  }
  return { convention: portfolio.conventions[0]!, inputs }
}

describe("the tables of a report, for spreadsheets", () => {
  it("the founding 2024: ';' between fields, a decimal comma, days as AAAA-MM-JJ, the expenses by description", () => {
    const { cpo, inputs } = foundingReportInputs()
    const tables = reportTablesCsv(annualReport(cpo, { ...inputs, year: 2024 }))
    expect(tables.map((table) => table.id)).toEqual([
      "avenants",
      "objectifs",
      "versements",
      "depenses-non-retenues",
      "financement-par-annee"
    ])
    expect(csvOf(tables, "versements")).toEqual([
      "Année;Versement;Nature;Montant;Déduction;Déduite de l'année;Exigible le;Bilans attendus le;Au plus tard le;Versé;Payé le;Statut",
      "2024;Avance;avance;15000,00;;;2024-03-31;;2024-05-30;15000,00;2024-03-28;payé (3 jours avant l'échéance)",
      "2024;Solde;solde;15000,00;;;2025-05-20;;2025-07-19;15000,00;2025-06-12;payé",
      ""
    ])
    expect(csvOf(tables, "depenses-non-retenues").slice(1)).toEqual([
      '2024;dep-2024-experts-corbeil;Exemple illustratif : action financée par le FPT;2024-06-04;1200,00;financée par ailleurs;"financée par Fonds publics et territoires (FPT), que la convention exclut"',
      "2024;dep-2024-materiel;Exemple illustratif : sans pièce justificative;2024-09-20;300,00;sans pièce justificative;aucune référence de pièce justificative",
      ""
    ])
    // 30 000 € granted and received, 29 250 € spent, 750 € unspent and to repay, demanded on 20 May 2025.
    expect(csvOf(tables, "financement-par-annee")[1]).toBe(
      "2024;30000,00;30000,00;0,00;29250,00;29250,00;750,00;0,00;0,00;750,00;2025-06-12;2025-08-11;0,00;750,00;0,00;0,00;non"
    )
    expect(csvOf(tables, "objectifs")[2]).toBe(
      '"Soutenir individuellement au moins 3 structures par an, en difficulté et/ou en développement, dans les secteurs couverts";3;≥ 3;atteint;100'
    )
    expect(tables[0]?.csv.startsWith("\uFEFF")).toBe(false)
  })

  it("a decimal point and ',' between fields, or a byte order mark, on request; a decimal comma with ',' is refused", () => {
    const { cpo, inputs } = foundingReportInputs()
    const report = annualReport(cpo, { ...inputs, year: 2024 })
    const tables = reportTablesCsv(report, { separator: ",", decimal: "." })
    expect(csvOf(tables, "financement-par-annee")[1]).toBe(
      "2024,30000.00,30000.00,0.00,29250.00,29250.00,750.00,0.00,0.00,750.00,2025-06-12,2025-08-11,0.00,750.00,0.00,0.00,non"
    )
    expect(csvOf(tables, "depenses-non-retenues")[1]).toBe(
      '2024,dep-2024-experts-corbeil,Exemple illustratif : action financée par le FPT,2024-06-04,1200.00,financée par ailleurs,"financée par Fonds publics et territoires (FPT), que la convention exclut"'
    )
    expect(reportTablesCsv(report, { bom: true })[0]?.csv.startsWith("\uFEFFAvenant;Signé le;Effet au;")).toBe(true)
    expect(() => reportTablesCsv(report, { separator: ",", decimal: "," })).toThrow(InvalidArgumentError)
    expect(() => reportTablesCsv(report, { decimal: "·" as "," })).toThrow(InvalidArgumentError)
  })

  it("neutralises a text that starts like a formula, as the SCDL export does", () => {
    const { cpo, inputs } = foundingReportInputs()
    const expenses = parseExpenses([
      {
        id: "x-formula",
        date: "2024-06-01",
        amount: "10.00",
        category: "materiel",
        description: '=HYPERLINK("http://x";"y")'
      }
    ])
    const csv = csvOf(reportTablesCsv(annualReport(cpo, { ...inputs, expenses, year: 2024 })), "depenses-non-retenues")
    expect(csv[1]).toBe(
      `2024;x-formula;"'=HYPERLINK(""http://x"";""y"")";2024-06-01;10,00;sans pièce justificative;aucune référence de pièce justificative`
    )
  })

  it("the amendment signed after the advance: number, days, what changed, the amounts before and after", () => {
    const { convention, inputs } = amended("2026-07-01")
    const report = annualReport(convention, { ...inputs, year: 2026 })
    const [amendments] = reportTables(report)
    const cells = amendments?.rows.map((row) =>
      row.map((cell) =>
        cell.kind === "text" ? plain(cell.text) : cell.kind === "date" ? cell.date : "not a text or a day"
      )
    )
    expect(cells).toEqual([
      [
        "n° 1",
        "2025-07-10",
        "2025-09-01",
        "Extension de l'accompagnement",
        "montant annuel porté à 50 000,00 €",
        "45 000,00 € par an",
        "50 000,00 € par an"
      ]
    ])
    const markdown = plain(renderReportMarkdown(report))
    expect(markdown).toContain(
      "| n° 1 | 10/07/2025 | 01/09/2025 | Extension de l'accompagnement | montant annuel porté à 50 000,00 € | 45 000,00 € par an | 50 000,00 € par an |"
    )
    expect(markdown).toContain("- Avenant n° 1 : s'applique à toute l'année 2026.")
    // The 2026 review lists none of the earlier years' expenses: it counts them in one line.
    expect(markdown).toContain(
      "2 dépenses d'autres années de la convention (46 671,23 €) relèvent du bilan de leur année : elles ne sont pas détaillées ici."
    )
    expect(markdown).not.toContain("| Dépense non retenue |")
    const csv = reportTablesCsv(report)
    expect(csvOf(csv, "depenses-non-retenues")).toEqual(["Année;Dépense;Libellé;Date;Montant;Motif;Détail", ""])
    // 2026 is in progress on 1 July 2026: nothing unspent is written for it.
    expect(csvOf(csv, "financement-par-annee")[1]).toBe(
      "2026;50000,00;0,00;0,00;0,00;0,00;;0,00;0,00;0,00;;;0,00;0,00;0,00;30000,00;oui"
    )
    // An amendment signed after the report's day is not known yet.
    expect(reportTables(annualReport(convention, { ...amended("2025-07-01").inputs, year: 2025 }))[0]?.rows).toEqual([])
  })

  it("the whole convention with an offset: every year's instalments, the offset where deducted, the total", () => {
    const portfolio = parsePortfolio(exampleData("portfolio-offset.json"))
    const cpo = portfolio.conventions.find((convention) => convention.id === "cpo-2023-2025")!
    const report = conventionReport(cpo, {
      activities: [],
      payments: parsePayments(exampleData("payments-offset.json")),
      expenses: parseExpenses(exampleData("expenses-offset.json")),
      partners: portfolio.partners,
      asOf: "2026-12-31",
      reportsAcceptedOn: { "2023": "2024-05-10", "2025": "2026-05-15" }
    })
    const csv = reportTablesCsv(report, { decimal: "." })
    expect(csv.map((table) => table.id)).toEqual([
      "avenants",
      "versements",
      "depenses-non-retenues",
      "financement-par-annee"
    ])
    expect(csvOf(csv, "versements")).toContain(
      "2024;Solde;solde;14000.00;1000.00;2023;;2025-06-30;;0.00;;pas encore exigible"
    )
    expect(csvOf(csv, "financement-par-annee").slice(1)).toEqual([
      "2023;30000.00;30000.00;0.00;29000.00;29000.00;1000.00;0.00;1000.00;0.00;;;0.00;0.00;0.00;0.00;non",
      "2024;30000.00;15000.00;1000.00;30000.00;16000.00;0.00;0.00;0.00;0.00;;;0.00;0.00;0.00;14000.00;non",
      "2025;30000.00;30000.00;0.00;29250.00;29250.00;750.00;0.00;0.00;750.00;2026-05-20;2026-07-19;0.00;750.00;0.00;0.00;oui",
      // The total: 90 000 € granted, 75 000 € received, 1 750 € unspent over the three years ended, 750 € still to repay, 2025 late.
      "Total;90000.00;75000.00;1000.00;88250.00;74250.00;1750.00;0.00;1000.00;750.00;;;0.00;750.00;0.00;14000.00;2025",
      ""
    ])
    const markdown = plain(renderReportMarkdown(report))
    expect(markdown).toContain(
      "- 2025 : 750,00 € à reverser, demandé le 20/05/2026 pour le 19/07/2026 au plus tard ; reversé : 0,00 € ; reste à reverser : 750,00 € — en retard."
    )
  })

  it("counts apart an expense dated outside the convention, which no year takes", () => {
    const { cpo, inputs } = foundingReportInputs()
    const expenses = parseExpenses([
      ...(exampleData("expenses.json") as Array<unknown>),
      { id: "x-2019", date: "2019-03-01", amount: "99.99", category: "materiel", document: "F-1" }
    ])
    const markdown = plain(renderReportMarkdown(annualReport(cpo, { ...inputs, expenses, year: 2024 })))
    expect(markdown).toContain(
      "1 dépense d'une autre année de la convention (500,00 €) relève du bilan de son année ; 1 dépense datée hors de la période de la convention (99,99 €) ne compte dans aucune année : elles ne sont pas détaillées ici."
    )
  })

  it("refuses what is not a report", () => {
    expect(() => reportTables({} as never)).toThrow(InvalidArgumentError)
    expect(() => reportTablesCsv(null as never)).toThrow(InvalidArgumentError)
  })

  it("says in French what each kind of change does, percentages exact", () => {
    const json = foundingPortfolioJson()
    const cpoJson = json.conventions[2]!
    cpoJson.amendments = [
      {
        number: 1,
        signatureDate: "2024-03-01",
        effectiveDate: "2024-07-01",
        reason: "Avenant d'essai",
        changes: [
          { kind: "payment-terms", advanceRate: "0.57", paymentDeadlineDays: 45 },
          { kind: "sectors-removed", sectors: ["jeunesse"] },
          { kind: "target", objectiveId: "accompagnement-individuel", year: 2025, target: { atLeast: 4 } },
          { kind: "yearly-amount", yearlyAmount: "32000.50" }
        ]
      }
    ]
    const portfolio = parsePortfolio(json)
    const cpo = portfolio.conventions[2]!
    const { inputs } = foundingReportInputs()
    const markdown = plain(
      renderReportMarkdown(annualReport(cpo, { ...inputs, conventions: portfolio.conventions, year: 2024 }))
    )
    expect(markdown).toContain(
      "| n° 1 | 01/03/2024 | 01/07/2024 | Avenant d'essai | modalités de versement : avance de 57 %, délai de paiement de 45 jours ; secteur retiré : Jeunesse ; cible de l'objectif « Soutenir individuellement au moins 3 structures par an, en difficulté et/ou en développement, dans les secteurs couverts » en 2025 : ≥ 4 ; montant annuel porté à 32 000,50 € | 30 000,00 € par an | 32 000,50 € par an |"
    )
    expect(markdown).toContain(
      "- Avenant n° 1 : s'applique à 2024 à partir du 01/07/2024 (montant de l'année au prorata des jours, voir l'échéancier)."
    )
    expect(markdown.indexOf("## Avenants")).toBeLessThan(markdown.indexOf("## Conformité"))
  })
})
