/**
 * The fixed cost of two builds in one process, interleaved, for one evaluation (used by
 * bench/objectives-fixed-interleaved.mjs and bench/funding-fixed-interleaved.mjs). Each round
 * decodes 2 000 conventions afresh with each build (the founding convention under fresh ids, no
 * records) and times `evaluate` on them, A then B, then B then A in the next round: CPU µs a
 * convention (user + system), median and range over the rounds, fresh, resolved beforehand, and
 * "again": the same resolved conventions evaluated a second time in the round, nothing decoded
 * or resolved in between (the steadiest of the three on a shared machine).
 * Separate processes measured one after the other see the machine's load change between them;
 * two builds interleaved in one process see the same load.
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"

/** Times `evaluate(lib, convention)` for the builds of `dirs`, `ROUNDS` rounds, and prints the medians. */
export async function interleaveFixed(dirs, ROUNDS, evaluate) {
  const COUNT = 2000
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
      return { dir, lib, fresh, times: { fresh: [], resolved: [], again: [] } }
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
      build.times.fresh.push(cpu(() => conventions.forEach((c) => evaluate(build.lib, c))))
      const resolved = build.fresh().map((c) => build.lib.resolveConvention(c))
      build.times.resolved.push(cpu(() => resolved.forEach((r) => evaluate(build.lib, r))))
      build.times.again.push(cpu(() => resolved.forEach((r) => evaluate(build.lib, r))))
    }
  }
  const summary = (values) => {
    const sorted = [...values].sort((a, b) => a - b)
    return `${sorted[Math.floor(sorted.length / 2)].toFixed(1)} µs (${sorted[0].toFixed(1)}–${sorted.at(-1).toFixed(1)})`
  }
  for (const build of builds)
    console.log(
      `${build.dir.split("/").slice(-2).join("/")}: fresh ${summary(build.times.fresh)}, resolved beforehand ${summary(build.times.resolved)}, again ${summary(build.times.again)}`
    )
}
