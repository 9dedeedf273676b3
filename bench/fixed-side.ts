/**
 * The fixed cost of evaluateFundingUse, for comparing two checkouts side by side in one shell:
 * `npx tsx bench/fixed-side.ts /path/to/checkout` (its src/ is imported), run alternately on each.
 * Conventions with no records (the founding convention under 1 000 ids, decoded afresh each run),
 * CPU time of the process a convention (user + system), median of 7 runs, for: fresh conventions;
 * fresh with `asOf`; resolved beforehand (the evaluation is given the resolution); resolved
 * beforehand on the day of `asOf`; fresh with the explanation read (`JSON.stringify` of it); and
 * resolved beforehand with only the explanation's sentence read.
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"

const tree = resolve(process.argv[2] ?? ".")
const lib = (await import(pathToFileURL(`${tree}/src/index.ts`).href)) as typeof import("../src/index.js")
const COUNT = Number(process.env["BENCH_FIXED_CONVENTIONS"] ?? 1_000)
const RUNS = 7

const portfolioJson = JSON.parse(readFileSync(`${tree}/examples/data/portfolio.json`, "utf8")) as {
  readonly partners: unknown
}
const founding = lib
  .parsePortfolio(portfolioJson)
  .conventions.find((convention) => convention.id === "cpo-2023-2025") as import("../src/index.js").Convention
const { predecessorId: _none, ...json } = lib.encodeConvention(founding) as Record<string, unknown>
const fresh = () =>
  lib.parsePortfolio({
    partners: portfolioJson.partners,
    conventions: Array.from({ length: COUNT }, (_, i) => ({ ...json, id: `cpo-${i}` }))
  }).conventions
/** CPU µs a convention. */
const cpu = (task: () => void) => {
  const start = process.cpuUsage()
  task()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / COUNT
}
const median = (values: Array<number>) =>
  (values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number).toFixed(1)
const options = (asOf: boolean) => ({ year: 2024, payments: [], expenses: [], ...(asOf ? { asOf: "2025-07-15" } : {}) })

const rows: Record<string, Array<number>> = {
  fresh: [],
  "fresh, asOf": [],
  resolved: [],
  "resolved, asOf": [],
  "fresh, explanation as JSON": [],
  "resolved, explanation's sentence": []
}
for (let run = 0; run < RUNS; run++) {
  let conventions = fresh()
  rows["fresh"]?.push(cpu(() => conventions.forEach((c) => lib.evaluateFundingUse(c, options(false)))))
  conventions = fresh()
  rows["fresh, asOf"]?.push(cpu(() => conventions.forEach((c) => lib.evaluateFundingUse(c, options(true)))))
  let resolved = fresh().map((c) => lib.resolveConvention(c))
  rows["resolved"]?.push(cpu(() => resolved.forEach((r) => lib.evaluateFundingUse(r, options(false)))))
  resolved = fresh().map((c) => lib.resolveConvention(c, { knownOn: "2025-07-15" }))
  rows["resolved, asOf"]?.push(cpu(() => resolved.forEach((r) => lib.evaluateFundingUse(r, options(true)))))
  conventions = fresh()
  rows["fresh, explanation as JSON"]?.push(
    cpu(() => conventions.forEach((c) => JSON.stringify(lib.evaluateFundingUse(c, options(false)).explanation)))
  )
  resolved = fresh().map((c) => lib.resolveConvention(c))
  rows["resolved, explanation's sentence"]?.push(
    cpu(() => resolved.forEach((r) => lib.evaluateFundingUse(r, options(false)).explanation.sentence))
  )
}
console.log(
  `${tree}: ${Object.entries(rows)
    .map(([name, values]) => `${name} ${median(values)} µs`)
    .join(" | ")}`
)
