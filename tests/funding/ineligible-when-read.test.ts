/**
 * The ineligible expenses of a funding evaluation are listed, with their French details, when the
 * list is first read, for expenses this library decoded (frozen); plain objects of the exact
 * shape (which could change after the call) are listed at once. Both must give the same JSON,
 * on a convention other than the founding one: the centre social's 2024, amended on 1 September
 * (a sector added), evaluated as of 15 November, with a copy, a line of 2025, a line charged to
 * another convention and one without a supporting document, and a copy of an eligible line and
 * of a line left out.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { type Expense, evaluateFundingUse, parseExpenses, parsePortfolio } from "caf-conventions"

const convention = parsePortfolio(JSON.parse(readFileSync("examples/data/centre-social.json", "utf8")))
  .conventions[0] as NonNullable<ReturnType<typeof parsePortfolio>["conventions"][number]>
const base = JSON.parse(readFileSync("examples/data/expenses-centre-social.json", "utf8")) as Array<
  Record<string, unknown>
>
const line = (id: string, date: string, amount: string, extra: Record<string, unknown>) => ({
  id,
  date,
  amount,
  category: "materiel",
  sector: "parentalite",
  document: `F-${id}`,
  ...extra
})
const json = [
  ...base,
  line("cs-dep-2025-loyer", "2025-01-15", "700.00", { category: "frais-generaux" }),
  line("cs-dep-2024-voisine", "2024-04-03", "300.00", { conventionId: "cpo-voisine" }),
  { ...line("cs-dep-2024-sans-piece", "2024-08-22", "95.50", { category: "deplacements" }), document: undefined },
  line("cs-dep-2024-novembre", "2024-11-20", "210.00", { sector: "jeunesse" }),
  base[4],
  line("cs-dep-2025-loyer", "2025-01-15", "700.00", { category: "frais-generaux" })
].map((entry) => JSON.parse(JSON.stringify(entry)) as Record<string, unknown>)

const options = (expenses: ReadonlyArray<Expense>, asOf?: string) => ({
  year: 2024,
  ...(asOf === undefined ? {} : { asOf }),
  payments: [],
  expenses
})

describe("ineligible expenses, listed when read", () => {
  it("read the same, byte for byte, as the expenses listed at once", () => {
    for (const asOf of [undefined, "2024-11-15"]) {
      const decoded = parseExpenses(json)
      // Spreads of decoded expenses: the exact shape, not known as decoded, so listed at once.
      const plain = decoded.map((expense) => ({ ...expense }))
      expect(JSON.stringify(evaluateFundingUse(convention, options(decoded, asOf)))).toBe(
        JSON.stringify(evaluateFundingUse(convention, options(plain, asOf)))
      )
    }
  })

  it("give each expense its reason and detail, in id order", () => {
    const use = evaluateFundingUse(convention, options(parseExpenses(json), "2024-11-15"))
    expect(use.settlement.eligibleSpend.toString()).toBe("2770.00")
    expect(use.eligibleExpenses.map((expense) => expense.id)).toEqual([
      "cs-dep-2024-ateliers",
      "cs-dep-2024-formation-benevoles",
      "cs-dep-2024-sortie-familles"
    ])
    expect(
      use.ineligibleExpenses.map((expense) => [expense.id, expense.amount.toString(), expense.reason, expense.detail])
    ).toEqual([
      ["cs-dep-2024-animateur-jeunes", "3600.00", "after-as-of", "datée du 31/12/2024, après le 15/11/2024"],
      ["cs-dep-2024-frais-structure", "1500.00", "after-as-of", "datée du 31/12/2024, après le 15/11/2024"],
      [
        "cs-dep-2024-mobilier-jeunes",
        "850.00",
        "sector-not-covered",
        "secteur « Jeunesse » non couvert par la convention à cette date"
      ],
      ["cs-dep-2024-novembre", "210.00", "after-as-of", "datée du 20/11/2024, après le 15/11/2024"],
      ["cs-dep-2024-referente-familles", "12400.00", "after-as-of", "datée du 31/12/2024, après le 15/11/2024"],
      ["cs-dep-2024-sans-piece", "95.50", "no-document", "aucune référence de pièce justificative"],
      [
        "cs-dep-2024-sortie-familles",
        "980.00",
        "duplicate-id",
        "copie identique d'une autre dépense, comptée une fois"
      ],
      ["cs-dep-2024-voisine", "300.00", "funded-elsewhere", "imputée à la convention cpo-voisine"],
      // The copy of a line left out is left out for the line's own reason, not as a copy counted once.
      ["cs-dep-2025-loyer", "700.00", "outside-year", "datée du 15/01/2025, hors de la période"],
      ["cs-dep-2025-loyer", "700.00", "outside-year", "datée du 15/01/2025, hors de la période"]
    ])
    expect(use.ineligibleExpenses).toBe(use.ineligibleExpenses)
    expect(Object.isFrozen(use.ineligibleExpenses)).toBe(true)
    expect(Object.isFrozen(use.ineligibleExpenses[0])).toBe(true)
  })

  it("list plain expenses at once: changing them after the call changes nothing", () => {
    const plain = parseExpenses(json).map((expense) => ({ ...expense }))
    const use = evaluateFundingUse(convention, options(plain))
    const target = plain.find((expense) => expense.id === "cs-dep-2025-loyer") as { description?: string; date: string }
    target.description = "changée après l'évaluation"
    target.date = "2025-02-01"
    expect(use.ineligibleExpenses.find((expense) => expense.id === "cs-dep-2025-loyer")).toMatchObject({
      label: "Frais généraux",
      date: "2025-01-15",
      detail: "datée du 15/01/2025, hors de la période"
    })
  })
})
