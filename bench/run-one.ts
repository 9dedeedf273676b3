/** Runs one benchmark in its own process and prints its rows as JSON, with the process's peak memory. */
import { resourceUsage } from "node:process"
import { decodingBench } from "./decoding.js"
import { eligibilityBench } from "./eligibility.js"
import { fixedBench } from "./fixed.js"
import { fundingBench } from "./funding.js"
import { objectivesBench } from "./objectives.js"
import { packageBench } from "./package.js"
import { streamBench } from "./stream.js"
import { streamFundingBench } from "./stream-funding.js"
import { serverBench } from "./server.js"
import type { BenchRow } from "./support.js"

const benches: Record<string, () => Promise<ReadonlyArray<BenchRow>>> = {
  eligibility: () => eligibilityBench(Number(process.env["BENCH_CANDIDATES"] ?? 100_000)),
  objectives: () => objectivesBench(),
  fixed: () => fixedBench(),
  decoding: () => decodingBench(),
  funding: () => fundingBench(),
  package: () => packageBench(),
  stream: () => streamBench(),
  "stream-funding": () => streamFundingBench(),
  server: () => serverBench()
}
const name = process.argv[2] ?? ""
const bench = benches[name]
if (bench === undefined) {
  console.error(`unknown benchmark ${name}; known: ${Object.keys(benches).join(", ")}`)
  process.exit(2)
}
const rows = await bench()
const peakMiB = Math.round(resourceUsage().maxRSS / 1024)
console.log(JSON.stringify({ rows, peakMiB }))
