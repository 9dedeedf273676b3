/**
 * The command line's reports for two cases, compared with reviewed files in `golden/`: a yearly
 * review after an amendment signed once the advance was due, and the end-of-convention review of
 * money offset from one year to the next. After a deliberate change, run
 * `npx vitest run -u tests/cli/reports.test.ts` and read the diff of the files.
 */
import { describe, expect, it } from "vitest"
import { cli, data } from "./run.js"

/** Without the narrow spaces of French number formatting, to read the figures. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

describe("the command line's reports, whole", () => {
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
    expect(lines).toContain("| Avance | 27 000,00 € | 31/03/2025 | 30/05/2025 | 27 000,00 € | payé (3 jours avant l'échéance) |")
    expect(lines).toContain("| Solde | 19 671,23 € | 15/05/2026 | 14/07/2026 | 19 671,23 € | payé |")
    expect(lines).toEqual(expect.arrayContaining(["- Montant accordé : 46 671,23 €", "- Reste à verser : 0,00 €", "- À reverser : 0,00 €"]))
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
      "| Année | Accordé | Reçu | Report reçu | Dépenses éligibles | Employé | Excédent conservé | Reporté sur l'année suivante | À reverser | En attente d'emploi | Reste à verser |"
    )
    expect(lines).toEqual(
      expect.arrayContaining([
        "| 2023 | 30 000,00 € | 30 000,00 € | 0,00 € | 29 000,00 € | 29 000,00 € | 0,00 € | 1 000,00 € | 0,00 € | 0,00 € | 0,00 € |",
        "| 2024 | 30 000,00 € | 15 000,00 € | 1 000,00 € | 30 000,00 € | 16 000,00 € | 0,00 € | 0,00 € | 0,00 € | 0,00 € | 14 000,00 € |",
        "| 2025 | 30 000,00 € | 30 000,00 € | 0,00 € | 29 250,00 € | 29 250,00 € | 0,00 € | 0,00 € | 750,00 € | 0,00 € | 0,00 € |",
        "| Total | 90 000,00 € | 75 000,00 € | 1 000,00 € | 88 250,00 € | 74 250,00 € | 0,00 € | 1 000,00 € | 750,00 € | 0,00 € | 14 000,00 € |"
      ])
    )
  })
})
