/**
 * The objectives' figures of one build, for comparing two builds side by side on a shared machine:
 * `node bench/objectives-side.mjs <dist folder> [conventions] [parts]`, run alternately on each
 * build (e.g. a copy of main's dist/ and this checkout's, after `npx tsup`). Parts, comma-separated
 * (default `records,fixed,e2e`):
 * - `records`: the objectives benchmark's workload (100 records a convention, decoded outside the
 *   timing, as are the conventions; `OBJECTIVES_SPREAD=1` makes the conventions unfrozen spreads of
 *   one decoded convention, as the benchmarks did before), `evaluateObjectives` against the hand-written floor, 5 runs each alternating, medians of
 *   wall and CPU time (user + system) and their ratios;
 * - `e2e`: JSON text → `JSON.parse` → `parseActivities` → `evaluateObjectives`, against `JSON.parse`
 *   + the floor (at most 1 000 conventions), medians of 5 wall times;
 * - `fixed`: 2 000 conventions with no records, decoded afresh each run: CPU µs a convention
 *   evaluated fresh, resolved beforehand, and `evaluateConventionObjectives` (3 years) resolved
 *   beforehand, medians of 5;
 * - `lib`, `fixedprof`, `e2eprof`: the library's part alone, repeated, for `node --cpu-prof`
 *   (`e2eprof`: JSON text → `JSON.parse` → `parseActivities` → `evaluateObjectives`, 10 rounds).
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { objectivesWorkload } from "./objectives-workload.mjs"
const dir = resolve(process.argv[2])
const N = Number(process.argv[3] ?? 1000)
const what = (process.argv[4] ?? "records,fixed,e2e").split(",")
const lib = await import(pathToFileURL(`${dir}/index.js`).href)
const { evaluateObjectives, parseActivities, parsePortfolio, encodeConvention, resolveConvention } = lib
const portfolioJson = JSON.parse(readFileSync(new URL("../examples/data/portfolio.json", import.meta.url), "utf8"))
const base = parsePortfolio(portfolioJson).conventions.find((c) => c.id === "cpo-2023-2025")
const cpu = (task) => {
  const s = process.cpuUsage()
  const w = performance.now()
  const r = task()
  const u = process.cpuUsage(s)
  return { cpu: (u.user + u.system) / 1000, wall: performance.now() - w, r }
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]
const out = {}
if (what.includes("records") || what.includes("e2e") || what.includes("lib") || what.includes("e2eprof")) {
  const { conventions, records, texts, hand } = objectivesWorkload(lib, N)
  const libRun = () => {
    const o = []
    for (let i = 0; i < N; i++)
      o.push(evaluateObjectives(conventions[i], records[i], { year: 2024 }).results.map((r) => r.value.numerator))
    return o
  }
  const floorRun = () => {
    const o = []
    for (let i = 0; i < N; i++) o.push(hand(conventions[i], records[i]))
    return o
  }
  if (what.includes("lib")) {
    for (let run = 0; run < 10; run++) libRun()
    out.lib = true
  }
  if (what.includes("e2eprof")) {
    for (let run = 0; run < 10; run++)
      for (let i = 0; i < N; i++)
        evaluateObjectives(conventions[i], parseActivities(JSON.parse(texts[i])), { year: 2024 })
    out.e2eprof = true
  }
  if (what.includes("records")) {
    const L = [],
      F = [],
      LW = [],
      FW = []
    let agree = true
    for (let run = 0; run < 5; run++) {
      const l = cpu(libRun)
      const f = cpu(floorRun)
      L.push(l.cpu)
      F.push(f.cpu)
      LW.push(l.wall)
      FW.push(f.wall)
      agree &&= JSON.stringify(l.r) === JSON.stringify(f.r)
    }
    out.records = {
      libWall: median(LW).toFixed(1),
      floorWall: median(FW).toFixed(1),
      ratioWall: (median(LW) / median(FW)).toFixed(2),
      libCpu: median(L).toFixed(1),
      floorCpu: median(F).toFixed(1),
      ratioCpu: (median(L) / median(F)).toFixed(2),
      agree
    }
  }
  if (what.includes("e2e")) {
    const n = Math.min(N, 1000)
    const E = [],
      P = []
    for (let run = 0; run < 5; run++) {
      E.push(
        cpu(() => {
          for (let i = 0; i < n; i++)
            evaluateObjectives(conventions[i], parseActivities(JSON.parse(texts[i])), { year: 2024 }).results.map(
              (r) => r.value.numerator
            )
        }).wall
      )
      P.push(
        cpu(() => {
          for (let i = 0; i < n; i++) hand(conventions[i], JSON.parse(texts[i]))
        }).wall
      )
    }
    out.e2e = { lib: median(E).toFixed(1), floor: median(P).toFixed(1), ratio: (median(E) / median(P)).toFixed(2) }
  }
}
if (what.includes("fixedprof")) {
  const { predecessorId: _none, ...json } = encodeConvention(base)
  const cs = parsePortfolio({
    partners: portfolioJson.partners,
    conventions: Array.from({ length: 10000 }, (_, i) => ({ ...json, id: `cpo-${i}` }))
  }).conventions.map((c) => resolveConvention(c))
  const T = []
  for (let run = 0; run < 20; run++)
    T.push(
      cpu(function fixedRun() {
        for (const c of cs) evaluateObjectives(c, [], { year: 2024 })
      }).cpu / 10
    )
  out.fixedprof = median(T).toFixed(2)
}
if (what.includes("fixed")) {
  const { predecessorId: _none, ...json } = encodeConvention(base)
  const fresh = () =>
    parsePortfolio({
      partners: portfolioJson.partners,
      conventions: Array.from({ length: 2000 }, (_, i) => ({ ...json, id: `cpo-${i}` }))
    }).conventions
  const A = [],
    B = [],
    C = []
  for (let run = 0; run < 5; run++) {
    let cs = fresh()
    A.push(
      cpu(() => {
        for (const c of cs) evaluateObjectives(c, [], { year: 2024 })
      }).cpu / 2
    )
    cs = fresh().map((c) => resolveConvention(c))
    B.push(
      cpu(() => {
        for (const c of cs) evaluateObjectives(c, [], { year: 2024 })
      }).cpu / 2
    )
    cs = fresh().map((c) => resolveConvention(c))
    C.push(
      cpu(() => {
        for (const c of cs) lib.evaluateConventionObjectives(c, [])
      }).cpu / 2
    )
  }
  out.fixed = { freshUs: median(A).toFixed(1), resolvedUs: median(B).toFixed(1), reviewUs: median(C).toFixed(1) }
}
console.log(dir.split("/").slice(-2).join("/"), JSON.stringify(out))
