/**
 * Funding's fixed cost of two builds in one process, interleaved:
 * `node bench/funding-fixed-interleaved.mjs <dist folder A> <dist folder B> [rounds]`. Each round
 * decodes 2 000 conventions afresh with each build (the founding convention under fresh ids, no
 * records) and times `evaluateFundingUse` for 2024 on them (no payments, no expense lines), A then B, then B then A in the next
 * round: CPU µs a convention (user + system), median and range over the rounds. Separate processes
 * measured one after the other see the machine's load change between them; two builds interleaved
 * in one process see the same load.
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"

const dirs = [resolve(process.argv[2]), resolve(process.argv[3])]
const ROUNDS = Number(process.argv[4] ?? 11)
const COUNT = 2000
const OPTIONS = { year: 2024, payments: [], expenses: [] }
const portfolioJson = JSON.parse(readFileSync(new URL("../examples/data/portfolio.json", import.meta.url), "utf8"))
const builds = await Promise.all(
  dirs.map(async (dir) => {
    const lib = await import(pathToFileURL(`${dir}/index.js`).href)
    const base = lib.parsePortfolio(portfolioJson).conventions.find((c) => c.id === "cpo-2023-2025")
    const { predecessorId: _none, ...json } = lib.encodeConvention(base)
    const fresh = () =>
      lib.parsePortfolio({
        partners: portfolioJson.partners,
        conventions: Array.from({ length: COUNT }, (_, i) => ({ ...json, id: `cpo-${i}` }))
      }).conventions
    return { dir, lib, fresh, times: { fresh: [], resolved: [] } }
  })
)
const cpu = (task) => {
  const start = process.cpuUsage()
  task()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / COUNT
}
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? builds : [...builds].reverse()
  for (const build of order) {
    const conventions = build.fresh()
    build.times.fresh.push(cpu(() => conventions.forEach((c) => build.lib.evaluateFundingUse(c, OPTIONS))))
    const resolved = build.fresh().map((c) => build.lib.resolveConvention(c))
    build.times.resolved.push(cpu(() => resolved.forEach((r) => build.lib.evaluateFundingUse(r, OPTIONS))))
  }
}
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return `${sorted[Math.floor(sorted.length / 2)].toFixed(1)} µs (${sorted[0].toFixed(1)}–${sorted.at(-1).toFixed(1)})`
}
for (const build of builds)
  console.log(
    `${build.dir.split("/").slice(-2).join("/")}: fresh ${summary(build.times.fresh)}, resolved beforehand ${summary(build.times.resolved)}`
  )
