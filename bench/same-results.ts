/**
 * Whether two checkouts give the same resolutions and funding evaluations, byte for byte: `npx tsx
 * bench/same-results.ts <checkout A> <checkout B>` (each a folder with `src/`, e.g. main unpacked
 * with `git archive main src | tar -x -C scratch/main`, and this checkout, `.`). A change meant to
 * be faster and nothing else is checked by it before it is measured.
 *
 * The conventions: every convention of the example portfolios, and six invented from
 * examples/data/amendment-after-advance.json (payment terms amended in the middle of a year;
 * payment terms then the amount amended; a termination decided before it takes effect; an
 * extension with new payment terms then a termination; a start on 1 April; per-year amounts
 * amended then a termination). Each is resolved as known on five days (everything, 2023-06-30,
 * 2024-07-15, 2025-09-30, 2026-03-01), and each year of each resolution is evaluated by
 * `evaluateFundingUse` on four days (no `asOf`, 2025-04-15, 2025-10-15, 2026-06-30) with the
 * example's payments and expense lines. Prints the number of lines each gave and whether they agree;
 * exits with 1 when they do not, after writing both to the system's temporary folder.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { pathToFileURL } from "node:url"

const data = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../examples/data/${file}`, import.meta.url), "utf8"))

const PORTFOLIOS = [
  "portfolio.json",
  "amendment-after-advance.json",
  "centre-social.json",
  "reaap-amendment.json",
  "portfolio-offset.json",
  "budget-portfolio.json"
]

type Json = { conventions: Array<Record<string, unknown> & { id: string; terms: Record<string, unknown> }> }

function variant(edit: (convention: Json["conventions"][number]) => void): unknown {
  const portfolio = structuredClone(data("amendment-after-advance.json")) as Json
  const convention = portfolio.conventions[0] as Json["conventions"][number]
  edit(convention)
  convention.id += "-v"
  return portfolio
}

const amendment = (number: number, signed: string, effective: string, changes: ReadonlyArray<unknown>) => ({
  number,
  signatureDate: signed,
  effectiveDate: effective,
  reason: "Exemple inventé",
  changes
})

const INVENTED = [
  variant((c) => {
    c["amendments"] = [
      amendment(1, "2025-05-10", "2025-06-15", [{ kind: "payment-terms", advanceRate: "0.5", advanceDue: "07-15" }])
    ]
  }),
  variant((c) => {
    c["amendments"] = [
      amendment(1, "2024-12-10", "2025-01-01", [{ kind: "payment-terms", advanceRate: "0.8" }]),
      amendment(2, "2025-05-01", "2025-05-20", [{ kind: "yearly-amount", yearlyAmount: "52000.00" }])
    ]
  }),
  variant((c) => {
    c["termination"] = { date: "2025-08-31", reason: "Fin anticipée", requestedBy: "caf", decidedOn: "2025-06-20" }
  }),
  variant((c) => {
    c["amendments"] = [
      amendment(1, "2026-01-10", "2026-02-01", [
        { kind: "period-end", end: "2027-12-31" },
        { kind: "payment-terms", advanceRate: "0.7" }
      ])
    ]
    c["termination"] = { date: "2027-04-30", reason: "Fin anticipée", requestedBy: "partenaire" }
  }),
  variant((c) => {
    ;(c.terms["period"] as Record<string, string>)["start"] = "2024-04-01"
    c["signatureDate"] = "2024-03-01"
  }),
  variant((c) => {
    c.terms["amounts"] = {
      kind: "per-year",
      byYear: { "2024": "20000.00", "2025": "41000.00", "2026": "42000.00", "2027": "21000.00" }
    }
    c["amendments"] = [
      amendment(1, "2025-02-01", "2025-03-01", [{ kind: "year-amount", year: 2025, amount: "43000.00" }])
    ]
    c["termination"] = { date: "2026-09-30", reason: "Fin anticipée", requestedBy: "caf" }
  })
]

async function linesOf(checkout: string): Promise<ReadonlyArray<string>> {
  const lib = await import(pathToFileURL(join(resolve(checkout), "src/index.ts")).href)
  const payments = lib.parsePayments(data("payments-amendment-after-advance.json"))
  const expenses = lib.parseExpenses(data("expenses-amendment-after-advance.json"))
  const lines: Array<string> = []
  for (const json of [...PORTFOLIOS.map(data), ...INVENTED]) {
    for (const convention of lib.parsePortfolio(json).conventions) {
      for (const knownOn of [undefined, "2023-06-30", "2024-07-15", "2025-09-30", "2026-03-01"]) {
        const resolved = lib.resolveConvention(convention, knownOn === undefined ? {} : { knownOn })
        lines.push(JSON.stringify({ id: convention.id, knownOn, resolved: { ...resolved, convention: undefined } }))
        if (convention.terms.amounts === undefined) continue
        for (const { year } of resolved.years)
          for (const asOf of [undefined, "2025-04-15", "2025-10-15", "2026-06-30"]) {
            const use = lib.evaluateFundingUse(resolved, {
              year,
              payments,
              expenses,
              ...(asOf === undefined ? {} : { asOf })
            })
            lines.push(JSON.stringify({ id: convention.id, knownOn, year, asOf, use }))
          }
      }
    }
  }
  return lines
}

const [a, b] = [process.argv[2], process.argv[3]]
if (a === undefined || b === undefined) {
  console.error("usage: npx tsx bench/same-results.ts <checkout A> <checkout B>")
  process.exit(2)
}
const [left, right] = [await linesOf(a), await linesOf(b)]
const same = left.length === right.length && left.every((line, index) => line === right[index])
console.log(
  `${a}: ${left.length} lines; ${b}: ${right.length} lines; ${same ? "the same, byte for byte" : "they differ"}`
)
if (!same) {
  writeFileSync(join(tmpdir(), "same-results-a.txt"), left.join("\n"))
  writeFileSync(join(tmpdir(), "same-results-b.txt"), right.join("\n"))
  console.log(`written to ${join(tmpdir(), "same-results-a.txt")} and same-results-b.txt`)
  process.exit(1)
}
