/**
 * Funding, for comparing two builds side by side in one shell: `npx tsx bench/funding-side.ts
 * <dist folder>` (a `dist/` built by `npx tsup`, e.g. a copy of main's), run alternately on each.
 * Prints one JSON line of CPU times of the process (user + system), medians of `RUNS` runs:
 * - `fixedFresh`, `fixedResolved`: µs a convention, `evaluateFundingUse` for 2024 on conventions
 *   with no records (the founding convention under `BENCH_FIXED_CONVENTIONS` ids, 2 000 by
 *   default, decoded afresh each run), resolved in the timing or beforehand;
 * - `fixedJson`: the same fresh, with `JSON.stringify` of the whole result (explanation included);
 * - `use`, `floor`, `ratio`: ms for `evaluateFundingUse` on 100 expense lines and 2 payments a
 *   convention over `BENCH_CONVENTIONS` conventions (10 000 by default), the workload of
 *   bench/funding.ts, against its hand-written floor in plain integer cents (the totals and the
 *   eligible lines listed in id order, as the result gives them), and their ratio;
 *   `floorTotals`, `ratioTotals`: the same against the former floor, the totals alone.
 * `BENCH_ONLY=fixed` or `BENCH_ONLY=use` runs one half.
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { fundingWorkload } from "./funding-workload.js"

type Lib = typeof import("../src/index.js")
type Convention = import("../src/index.js").Convention

const folder = resolve(process.argv[2] ?? "dist")
const lib = (await import(pathToFileURL(`${folder}/index.js`).href)) as Lib
const FIXED = Number(process.env["BENCH_FIXED_CONVENTIONS"] ?? 2_000)
const CONVENTIONS = Number(process.env["BENCH_CONVENTIONS"] ?? 10_000)
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5)
const only = process.env["BENCH_ONLY"]

const portfolioJson = JSON.parse(readFileSync(new URL("../examples/data/portfolio.json", import.meta.url), "utf8")) as {
  readonly partners: unknown
}
const founding = lib
  .parsePortfolio(portfolioJson)
  .conventions.find((convention) => convention.id === "cpo-2023-2025") as Convention
const { predecessorId: _none, ...json } = lib.encodeConvention(founding) as Record<string, unknown>
const fresh = (count: number) =>
  lib.parsePortfolio({
    partners: portfolioJson.partners,
    conventions: Array.from({ length: count }, (_, i) => ({ ...json, id: `cpo-${i}` }))
  }).conventions

/** CPU ms of a task. */
function cpuMs(task: () => void): number {
  const start = process.cpuUsage()
  task()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
const median = (values: Array<number>) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

const out: Record<string, number | string> = { folder }
if (only === undefined || only === "fixed") {
  const fixedFresh: Array<number> = []
  const fixedResolved: Array<number> = []
  const fixedJson: Array<number> = []
  const options = { year: 2024, payments: [], expenses: [] }
  for (let run = 0; run < RUNS; run++) {
    let conventions = fresh(FIXED)
    fixedFresh.push(cpuMs(() => conventions.forEach((c) => lib.evaluateFundingUse(c, options))))
    const resolved = fresh(FIXED).map((c) => lib.resolveConvention(c))
    fixedResolved.push(cpuMs(() => resolved.forEach((r) => lib.evaluateFundingUse(r, options))))
    conventions = fresh(FIXED)
    fixedJson.push(cpuMs(() => conventions.forEach((c) => JSON.stringify(lib.evaluateFundingUse(c, options)))))
  }
  const perConvention = (ms: number) => Number(((ms * 1000) / FIXED).toFixed(1))
  out["fixedFresh"] = perConvention(median(fixedFresh))
  out["fixedResolved"] = perConvention(median(fixedResolved))
  out["fixedJson"] = perConvention(median(fixedJson))
}

if (only === undefined || only === "use") {
  const { floorOf, run: evaluate } = fundingWorkload(lib, founding, CONVENTIONS)
  const use: Array<number> = []
  const floor: Array<number> = []
  const floorTotals: Array<number> = []
  const ratios: Array<number> = []
  const ratiosTotals: Array<number> = []
  let agree = true
  for (let run = 0; run < RUNS; run++) {
    let a: Array<string> = []
    let b: Array<string> = []
    let c: Array<string> = []
    const u = cpuMs(() => {
      for (let i = 0; i < CONVENTIONS; i++) a.push(evaluate(i))
    })
    const f = cpuMs(() => {
      for (let i = 0; i < CONVENTIONS; i++) b.push(floorOf(i, false))
    })
    const t = cpuMs(() => {
      for (let i = 0; i < CONVENTIONS; i++) c.push(floorOf(i, true))
    })
    agree &&=
      JSON.stringify(a) === JSON.stringify(b) &&
      JSON.stringify(a.map((line) => line.split("/").slice(0, 2).join("/"))) === JSON.stringify(c)
    a = []
    b = []
    c = []
    use.push(u)
    floor.push(f)
    floorTotals.push(t)
    ratios.push(u / f)
    ratiosTotals.push(u / t)
  }
  out["use"] = Number(median(use).toFixed(1))
  out["floor"] = Number(median(floor).toFixed(1))
  out["ratio"] = Number(median(ratios).toFixed(2))
  out["floorTotals"] = Number(median(floorTotals).toFixed(1))
  out["ratioTotals"] = Number(median(ratiosTotals).toFixed(2))
  out["agree"] = String(agree)
}
console.log(JSON.stringify(out))
