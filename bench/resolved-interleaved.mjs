/**
 * What an evaluation of a resolved convention with no records costs, two builds in one process:
 * `node bench/resolved-interleaved.mjs <dist folder A> <dist folder B> [objectives|funding] [rounds]`.
 * Each build decodes 2 000 conventions once (the founding convention under fresh ids) and resolves
 * them; then, round after round (101 by default, the first 5 not counted), each build evaluates
 * them all for 2024 (`evaluateObjectives` with no records, or `evaluateFundingUse` with no payments
 * and no expense lines), A then B, then B then A. Prints the median and the first quartile of the
 * CPU µs a convention (user + system) of each build, and the ratio of the medians. Many short
 * rounds, with nothing decoded or resolved between them, give steadier medians on a shared machine
 * than bench/fixed-interleaved.mjs, which decodes afresh every round.
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"

const dirs = [resolve(process.argv[2]), resolve(process.argv[3])]
const which = process.argv[4] ?? "objectives"
const ROUNDS = Number(process.argv[5] ?? 101)
const COUNT = 2000
const portfolioJson = JSON.parse(readFileSync(new URL("../examples/data/portfolio.json", import.meta.url), "utf8"))
const builds = []
for (const dir of dirs) {
  const lib = await import(pathToFileURL(`${dir}/index.js`).href)
  const base = lib.parsePortfolio(portfolioJson).conventions.find((c) => c.id === "cpo-2023-2025")
  const { predecessorId: _none, ...json } = lib.encodeConvention(base)
  const conventions = lib.parsePortfolio({
    partners: portfolioJson.partners,
    conventions: Array.from({ length: COUNT }, (_, i) => ({ ...json, id: `cpo-${i}` }))
  }).conventions
  const resolved = conventions.map((c) => lib.resolveConvention(c))
  const evaluate =
    which === "funding"
      ? (r) => lib.evaluateFundingUse(r, { year: 2024, payments: [], expenses: [] })
      : (r) => lib.evaluateObjectives(r, [], { year: 2024 })
  builds.push({ dir, resolved, evaluate, times: [] })
}
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? builds : [...builds].reverse()
  for (const build of order) {
    const start = process.cpuUsage()
    for (const r of build.resolved) build.evaluate(r)
    const used = process.cpuUsage(start)
    if (round >= 5) build.times.push((used.user + used.system) / COUNT)
  }
}
const sorted = (values) => [...values].sort((a, b) => a - b)
const median = (values) => sorted(values)[Math.floor(values.length / 2)]
const quartile = (values) => sorted(values)[Math.floor(values.length / 4)]
for (const build of builds)
  console.log(
    `${build.dir.split("/").slice(-2).join("/")}: ${which}, resolved beforehand, CPU ${median(build.times).toFixed(2)} µs a convention (first quartile ${quartile(build.times).toFixed(2)})`
  )
console.log(`ratio of the medians, B / A: ${(median(builds[1].times) / median(builds[0].times)).toFixed(3)}`)
