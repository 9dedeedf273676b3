/**
 * The objectives' workload of two builds in one process, interleaved:
 * `node bench/objectives-interleaved.mjs <dist folder A> <dist folder B> [conventions] [rounds] [e2e]`
 * (3 000 conventions of 100 records each and 9 rounds by default; with `e2e`, each timing starts
 * from the records' JSON text: `JSON.parse` + `parseActivities` + `evaluateObjectives`, against
 * `JSON.parse` + the floor; with `excluded`, every result's list of records left out is read too,
 * what an application that shows them pays; with `json`, each evaluation is written with
 * `JSON.stringify`, explanations included, as a report or the HTTP service does;
 * `BENCH_EXCLUSIONS=as-read` passes that option to the evaluations). Each build decodes its own copy
 * of the workload (bench/objectives-workload.mjs: the same seeded records); each round times
 * `evaluateObjectives` for 2024 over every convention with build A, then B, then the hand-written
 * floor (B then A in the next round), CPU time (user + system). Prints the median CPU ms of each
 * and each build's ratio to the floor, the medians of the rounds' ratios: two builds and their
 * floor measured under the same load, where separate processes run one after the other measured
 * the same build at 4.7× and 6.3× the floor within minutes on a shared machine.
 */
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { objectivesWorkload } from "./objectives-workload.mjs"

const dirs = [resolve(process.argv[2]), resolve(process.argv[3])]
const N = Number(process.argv[4] ?? 3000)
const ROUNDS = Number(process.argv[5] ?? 9)
const fromText = process.argv[6] === "e2e"
const readExcluded = process.argv[6] === "excluded"
const readAll = process.argv[6] === "json"
// `BENCH_EXCLUSIONS=as-read`: the records left out listed as read (for builds since 2026-12-03; older ones ignore it).
const options =
  process.env.BENCH_EXCLUSIONS === undefined ? { year: 2024 } : { year: 2024, exclusions: process.env.BENCH_EXCLUSIONS }
const builds = []
for (const dir of dirs) {
  const lib = await import(pathToFileURL(`${dir}/index.js`).href)
  const { conventions, records, texts, hand } = objectivesWorkload(lib, N)
  builds.push({ dir, lib, conventions, records, texts, hand, times: [], ratios: [] })
}
const cpu = (task) => {
  const start = process.cpuUsage()
  const result = task()
  const used = process.cpuUsage(start)
  return { ms: (used.user + used.system) / 1000, result }
}
const run = (build) => {
  const out = []
  for (let i = 0; i < N; i++)
    if (readAll)
      out.push(JSON.stringify(build.lib.evaluateObjectives(build.conventions[i], build.records[i], options)).length)
    else
      out.push(
        build.lib
          .evaluateObjectives(
            build.conventions[i],
            fromText ? build.lib.parseActivities(JSON.parse(build.texts[i])) : build.records[i],
            options
          )
          .results.map((r) => (readExcluded ? r.value.numerator + r.excluded.length * 1e6 : r.value.numerator))
      )
  return out
}
const floor = (build) => {
  const out = []
  for (let i = 0; i < N; i++)
    out.push(build.hand(build.conventions[i], fromText ? JSON.parse(build.texts[i]) : build.records[i]))
  return out
}
const floorTimes = []
let agree = true
for (let round = 0; round < ROUNDS + 1; round++) {
  const order = round % 2 === 0 ? builds : [...builds].reverse()
  const measured = order.map((build) => ({ build, ...cpu(() => run(build)) }))
  const hand = cpu(() => floor(builds[0]))
  if (round === 0) continue // warm-up
  floorTimes.push(hand.ms)
  for (const { build, ms, result } of measured) {
    build.times.push(ms)
    build.ratios.push(ms / hand.ms)
    agree &&= readExcluded || readAll || JSON.stringify(result) === JSON.stringify(hand.result)
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
for (const build of builds)
  console.log(
    `${build.dir.split("/").slice(-2).join("/")}: ${median(build.times).toFixed(1)} ms CPU, ${median(build.ratios).toFixed(2)}× the floor${fromText ? " (from JSON text)" : readExcluded ? " (every excluded list read)" : readAll ? " (JSON.stringify of each evaluation)" : ""} (median of ${ROUNDS} rounds)`
  )
console.log(
  `floor: ${median(floorTimes).toFixed(1)} ms CPU; B / A: ${(median(builds[1].times) / median(builds[0].times)).toFixed(3)}; ${agree ? "same counts as the floor" : "COUNTS DIFFER FROM THE FLOOR"}`
)
