/**
 * The funding workload of two builds in one process, interleaved: `npx tsx
 * bench/funding-interleaved.ts <dist folder A> <dist folder B> [conventions] [rounds]` (3 000
 * conventions and 9 rounds by default). Each build decodes its own copy of the workload of
 * bench/funding.ts (bench/funding-workload.ts: the same seeded payments and expense lines); each
 * round times `evaluateFundingUse` for 2024 over every convention with build A, then B, then the
 * hand-written floor (B then A in the next round), CPU time (user + system). Prints each build's
 * median CPU ms and ratio to the floor, and B / A: two builds measured under the same load.
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { fundingWorkload } from "./funding-workload.js"

type Lib = typeof import("../src/index.js")
type Convention = import("../src/index.js").Convention

const dirs = [resolve(process.argv[2] ?? "dist"), resolve(process.argv[3] ?? "dist")]
const N = Number(process.argv[4] ?? 3000)
const ROUNDS = Number(process.argv[5] ?? 9)
const portfolioJson = JSON.parse(readFileSync(new URL("../examples/data/portfolio.json", import.meta.url), "utf8")) as {
  readonly partners: unknown
}
const builds: Array<{
  dir: string
  workload: ReturnType<typeof fundingWorkload>
  times: Array<number>
  ratios: Array<number>
}> = []
for (const dir of dirs) {
  const lib = (await import(pathToFileURL(`${dir}/index.js`).href)) as Lib
  const founding = lib
    .parsePortfolio(portfolioJson)
    .conventions.find((convention) => convention.id === "cpo-2023-2025") as Convention
  builds.push({ dir, workload: fundingWorkload(lib, founding, N), times: [], ratios: [] })
}
const cpu = (task: () => Array<string>) => {
  const start = process.cpuUsage()
  const result = task()
  const used = process.cpuUsage(start)
  return { ms: (used.user + used.system) / 1000, result }
}
const all = (each: (i: number) => string) => () => Array.from({ length: N }, (_, i) => each(i))
const floorTimes: Array<number> = []
let agree = true
for (let round = 0; round < ROUNDS + 1; round++) {
  const order = round % 2 === 0 ? builds : [...builds].reverse()
  const measured = order.map((build) => ({ build, ...cpu(all(build.workload.run)) }))
  const first = builds[0] as (typeof builds)[number]
  const hand = cpu(all((i) => first.workload.floorOf(i, false)))
  if (round === 0) continue // warm-up
  floorTimes.push(hand.ms)
  for (const { build, ms, result } of measured) {
    build.times.push(ms)
    build.ratios.push(ms / hand.ms)
    agree &&= JSON.stringify(result) === JSON.stringify(hand.result)
  }
}
const median = (values: ReadonlyArray<number>) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
for (const build of builds)
  console.log(
    `${build.dir.split("/").slice(-2).join("/")}: ${median(build.times).toFixed(1)} ms CPU, ${median(build.ratios).toFixed(2)}× the floor (median of ${ROUNDS} rounds)`
  )
const [a, b] = builds as [(typeof builds)[number], (typeof builds)[number]]
console.log(
  `floor: ${median(floorTimes).toFixed(1)} ms CPU; B / A: ${(median(b.times) / median(a.times)).toFixed(3)}; ${agree ? "same amounts as the floor" : "AMOUNTS DIFFER FROM THE FLOOR"}`
)
