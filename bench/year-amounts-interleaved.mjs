/**
 * `yearAmounts` and `termsTimeline` of two builds in one process, interleaved:
 * `node bench/year-amounts-interleaved.mjs <dist folder A> <dist folder B>`. Each build decodes
 * the convention of examples/data/amendment-after-advance.json (2024-07-01 to 2027-06-30, raised
 * from 45 000 € to 50 000 € a year on 2025-09-01: every year prorated by days), then each
 * function runs 100 000 times per round, 9 rounds, A then B, then B then A: median µs a call and
 * the ratio B / A.
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
const libs = await Promise.all(process.argv.slice(2, 4).map((d) => import(resolve(d, "index.js"))))
const json = JSON.parse(readFileSync("examples/data/amendment-after-advance.json", "utf8"))
const convs = libs.map((lib) => lib.parsePortfolio(json).conventions[0])
const N = 100_000
const fns = { yearAmounts: (lib, c) => lib.yearAmounts(c), termsTimeline: (lib, c) => lib.termsTimeline(c) }
for (const [name, fn] of Object.entries(fns)) {
  const times = [[], []]
  for (let round = 0; round < 9; round++)
    for (const i of round % 2 ? [1, 0] : [0, 1]) {
      const t = process.hrtime.bigint()
      for (let k = 0; k < N; k++) fn(libs[i], convs[i])
      times[i].push(Number(process.hrtime.bigint() - t) / N / 1000)
    }
  const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]
  console.log(
    name,
    times
      .map(med)
      .map((x) => x.toFixed(2) + " µs")
      .join(" vs "),
    (med(times[1]) / med(times[0])).toFixed(2) + "×"
  )
}
