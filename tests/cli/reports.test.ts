/**
 * The command line's reports for three cases, compared with reviewed files in `golden/`: a yearly
 * review after an amendment signed once the advance was due, the amended centre social's 2024
 * review, and the end-of-convention review of money offset from one year to the next. After a deliberate change, run
 * `npx vitest run -u tests/cli/reports.test.ts` and read the diff of the files.
 */
import { describe, expect, it } from "vitest"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { cli, data, scratchFolder } from "./run.js"

/** Without the narrow spaces of French number formatting, to read the figures. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

describe("the command line's reports, whole", () => {
  it("a year justified by its compte rendu financier alone: --financial-reports gives its spending", () => {
    // Les Tilleuls, 2024: 42 000 € of charges less 19 200 € of other funding = 22 800 € spent;
    // 24 000 € received, 3 % kept (720 €): 480 € to repay. Without the report, nothing is spent.
    const evs = (name: string) => join("tests", "data", "evs", name)
    const review = (...more: Array<string>) =>
      cli(
        "report",
        evs("portfolio.json"),
        "--year",
        "2024",
        "--payments",
        evs("payments.json"),
        "--as-of",
        "2026-06-30",
        ...more
      )
    const withReport = review("--financial-reports", evs("financial-report-2024.json"))
    expect([withReport.code, withReport.err]).toEqual([0, ""])
    expect(plain(withReport.out)).toContain("Dépenses éligibles : 22 800,00 €")
    expect(plain(withReport.out)).toContain("À reverser : 480,00 €")
    const without = review()
    expect(plain(without.out)).toContain("Dépenses éligibles : 0,00 €")
    const broken = review("--financial-reports", evs("payments.json"))
    expect(broken.code).toBe(1)
    expect(broken.err).toContain("payments.json : 21 problèmes")
    expect(broken.err).toContain("[0].charges : le champ obligatoire « charges » manque")
  })

  it("the 2025 review of a convention raised by an amendment signed after the advance: advance and balance paid", async () => {
    const result = cli(
      "report",
      data("amendment-after-advance.json"),
      "--year",
      "2025",
      "--payments",
      data("payments-amendment-after-advance.json"),
      "--expenses",
      data("expenses-amendment-after-advance.json"),
      "--as-of",
      "2026-07-01",
      "--reports-accepted",
      "2025=2026-05-15",
      "--financial-report-received",
      "2025=2026-04-30",
      "--format",
      "md"
    )
    expect([result.code, result.err]).toEqual([0, ""])
    await expect(`${result.out}\n`).toMatchFileSnapshot("golden/bilan-2025-avenant-apres-avance.md")
    const lines = plain(result.out).split("\n")
    // The advance keeps 60 % of the 45 000 € known on 31 March 2025; the balance takes the rest of 46 671,23 €.
    expect(lines).toContain(
      "| Avance | 27 000,00 € | 31/03/2025 | 30/05/2025 | 27 000,00 € | payé (3 jours avant l'échéance) |"
    )
    expect(lines).toContain("| Solde | 19 671,23 € | 15/05/2026 | 14/07/2026 | 19 671,23 € | payé |")
    expect(lines).toEqual(
      expect.arrayContaining(["- Montant accordé : 46 671,23 €", "- Reste à verser : 0,00 €", "- À reverser : 0,00 €"])
    )
  })

  it("the amended centre social's 2024 review: the same page as the library's golden file, every figure from the files", async () => {
    const result = cli(
      "report",
      data("centre-social.json"),
      "--year",
      "2024",
      "--activities",
      data("centre-social-activities.json"),
      "--payments",
      data("payments-centre-social.json"),
      "--expenses",
      data("expenses-centre-social.json"),
      "--as-of",
      "2025-06-30",
      "--reports-accepted",
      "2024=2025-05-20",
      "--financial-report-received",
      "2024=2025-04-28"
    )
    expect([result.code, result.err]).toEqual([0, ""])
    await expect(`${result.out}\n`).toMatchFileSnapshot("golden/bilan-centre-social-2024.md")
    expect(`${result.out}\n`).toBe(
      readFileSync(join("tests", "reports", "golden", "bilan-centre-social-2024.md"), "utf8")
    )
    const lines = plain(result.out).split("\n")
    expect(lines).toEqual(
      expect.arrayContaining([
        "| Avance | 10 000,00 € | 31/03/2024 | 30/05/2024 | 10 000,00 € | payé (5 jours avant l'échéance) |",
        "| Solde | 10 666,67 € | 20/05/2025 | 19/07/2025 | 10 666,67 € | payé |",
        "- Dépenses éligibles : 20 270,00 € (taux de consommation 98,1 %)",
        "- Part non dépensée : 396,67 €"
      ])
    )
  })

  it("the end-of-convention review of the founding convention with unspent money offset: 1 000 € from 2023 on the 2024 balance, 750 € to repay in 2025", async () => {
    const result = cli(
      "report",
      data("portfolio-offset.json"),
      "--convention",
      "cpo-2023-2025",
      "--activities",
      data("activities.json"),
      "--payments",
      data("payments-offset.json"),
      "--expenses",
      data("expenses-offset.json"),
      "--as-of",
      "2026-12-31",
      "--reports-accepted",
      "2023=2024-05-10,2025=2026-05-15"
    )
    expect([result.code, result.err]).toEqual([0, ""])
    await expect(`${result.out}\n`).toMatchFileSnapshot("golden/bilan-convention-offset.md")
    const lines = plain(result.out).split("\n")
    expect(lines).toContain(
      "| Année | Accordé | Reçu | Report reçu | Dépenses éligibles | Employé | Non dépensé | Excédent conservé | Reporté sur l'année suivante | À reverser | En attente d'emploi | Reste à verser |"
    )
    expect(lines).toEqual(
      expect.arrayContaining([
        "| 2023 | 30 000,00 € | 30 000,00 € | 0,00 € | 29 000,00 € | 29 000,00 € | 1 000,00 € | 0,00 € | 1 000,00 € | 0,00 € | 0,00 € | 0,00 € |",
        "| 2024 | 30 000,00 € | 15 000,00 € | 1 000,00 € | 30 000,00 € | 16 000,00 € | 0,00 € | 0,00 € | 0,00 € | 0,00 € | 0,00 € | 14 000,00 € |",
        "| 2025 | 30 000,00 € | 30 000,00 € | 0,00 € | 29 250,00 € | 29 250,00 € | 750,00 € | 0,00 € | 0,00 € | 750,00 € | 0,00 € | 0,00 € |",
        "| Total | 90 000,00 € | 75 000,00 € | 1 000,00 € | 88 250,00 € | 74 250,00 € | 1 750,00 € | 0,00 € | 1 000,00 € | 750,00 € | 0,00 € | 14 000,00 € |"
      ])
    )
  })

  it("the 2026 review's tables as CSV: one table with --table, a decimal point, a byte order mark; 2026 in progress leaves 'Non dépensé' empty", () => {
    const yearly = [
      "report",
      data("amendment-after-advance.json"),
      "--year",
      "2026",
      "--payments",
      data("payments-amendment-after-advance.json"),
      "--expenses",
      data("expenses-amendment-after-advance.json"),
      "--as-of",
      "2026-07-01"
    ]
    const ledger = cli(...yearly, "--format", "csv", "--table", "financement-par-annee", "--decimal", ".", "--bom")
    expect([ledger.code, ledger.err]).toEqual([0, ""])
    expect(ledger.out.split("\r\n")).toEqual([
      "\uFEFFAnnée;Accordé;Reçu;Report reçu;Dépenses éligibles;Employé;Non dépensé;Excédent conservé;Reporté sur l'année suivante;À reverser;Reversement demandé le;À reverser au plus tard le;Reversé;Reste à reverser;En attente d'emploi;Reste à verser;Retard",
      "2026;50000.00;0.00;0.00;0.00;0.00;;0.00;0.00;0.00;;;0.00;0.00;0.00;30000.00;oui"
    ])
    const all = cli(...yearly, "--format", "csv")
    expect(
      all.out
        .split("\r\n")
        .filter((line) =>
          [
            "Avenants",
            "Objectifs 2026",
            "Échéancier et versements 2026",
            "Dépenses non retenues",
            "Financement par année"
          ].includes(line)
        )
    ).toHaveLength(5)
    expect(all.out).toContain("n° 1;2025-07-10;2025-09-01;Extension de l'accompagnement;\"montant annuel porté à 50")
    expect(cli(...yearly, "--format", "csv", "--separator", ",", "--decimal", ",")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--decimal , ne va pas avec --separator ,")
    })
    const whole = ["report", data("amendment-after-advance.json"), "--format", "csv", "--table", "objectifs"]
    expect(cli(...whole)).toMatchObject({
      code: 2,
      err: expect.stringContaining("le bilan de fin de convention n'a pas de table objectifs")
    })
  })

  it("refuses the CSV's options (--table, --decimal, --separator, --bom) with md, html, json and pdf, exit code 2, nothing written", () => {
    const yearly = ["report", data("portfolio.json"), "--year", "2024", "--convention", "cpo-2023-2025"]
    const runs = [
      ["md", "--table", "versements"],
      ["html", "--decimal", "."],
      ["json", "--separator", ","],
      ["md", "--bom"],
      ["pdf", "--table", "objectifs", "--out", "bilan.pdf"]
    ].map(([format, ...rest]) => {
      const run = cli(...yearly, "--format", format!, ...rest)
      return [run.code, run.out, run.err.trim()]
    })
    expect(runs).toEqual(
      [
        ["table", "md"],
        ["decimal", "html"],
        ["separator", "json"],
        ["bom", "md"],
        ["table", "pdf"]
      ].map(([name, format]) => [
        2,
        "",
        expect.stringContaining(
          `--${name} ne va qu'avec --format csv : --format ${format} écrit le rapport entier, sans choix de table ni de séparateurs`
        )
      ])
    )
    // Without --format, the report is Markdown: refused as well.
    expect(cli(...yearly, "--bom")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--format md écrit le rapport entier")
    })
  })

  it("names the parties from --partners, a list of partners", () => {
    const folder = scratchFolder()
    const partners = (
      JSON.parse(readFileSync(data("amendment-after-advance.json"), "utf8")) as {
        partners: Array<{ id: string; name: string }>
      }
    ).partners
    const file = join(folder, "partenaires.json")
    writeFileSync(file, JSON.stringify(partners.map((partner) => ({ ...partner, name: `${partner.name} (renommé)` }))))
    const result = cli("report", data("amendment-after-advance.json"), "--year", "2025", "--partners", file)
    expect(result.code).toBe(0)
    expect(result.out).toContain("- Financeur : Caisse d'allocations familiales de l'Essonne (renommé)")
    writeFileSync(file, JSON.stringify([{ id: "x" }]))
    expect(cli("report", data("amendment-after-advance.json"), "--year", "2025", "--partners", file)).toMatchObject({
      code: 1,
      err: expect.stringContaining(file)
    })
  })
})
