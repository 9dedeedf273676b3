/**
 * `npm run fuzz`: feeds every public function of the package generated inputs (`fuzz/targets.ts`:
 * valid worlds of `tests/arbitraries.ts`, the same with one argument broken, arbitrary JSON), and
 * prints, per function, the inputs tried, how many reached the normal path, how many were refused
 * with a typed error, the invariants checked and the failures. A failure is an untyped throw, a
 * mutated input, a call over a second, or a broken invariant; a function that never reaches its
 * normal path, or whose valid arguments are refused, fails the run too, as does an export without
 * a target. `FUZZ_RUNS=2000 npm run fuzz` for more inputs (300 by default), `npm run fuzz -- name…`
 * for some functions, `FUZZ_SEED=n` for another seed.
 */
import { publicFunctions, runTarget, runTargetAsync } from "./harness.js"
import { TARGETS } from "./targets.js"

const runs = Number(process.env["FUZZ_RUNS"] ?? 300)
const seed = Number(process.env["FUZZ_SEED"] ?? 20241127)
const only = process.argv.slice(2)

const functions = publicFunctions()
const missing = [...functions.keys()].filter((name) => !TARGETS.some((target) => target.name === name))
const unknown = TARGETS.filter((target) => !functions.has(target.name)).map((target) => target.name)
let failedTotal = 0
let short = 0
const started = performance.now()
console.log(
  `${functions.size} public functions, ${runs} inputs each (seed ${seed}): 3 in 5 valid, 1 in 5 with one argument broken, 1 in 5 arbitrary JSON`
)
console.log("")
console.log("| function | inputs | reached | refused | invariant checks | failures | seconds |")
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for (const target of TARGETS.filter((candidate) => only.length === 0 || only.includes(candidate.name))) {
  const fn = functions.get(target.name)
  if (fn === undefined) continue
  const start = performance.now()
  const tally = target.async === true ? await runTargetAsync(target, fn, runs, seed) : runTarget(target, fn, runs, seed)
  if (tally.reached === 0) tally.failures.push("never reached its normal path")
  if (tally.reached * 2 < tally.tried) short++
  failedTotal += tally.failed + (tally.reached === 0 ? 1 : 0)
  console.log(
    `| ${target.name} | ${tally.tried} | ${tally.reached} | ${tally.refused} | ${tally.checks} | ${tally.failed + (tally.reached === 0 ? 1 : 0)} | ${((performance.now() - start) / 1000).toFixed(1)} |`
  )
  for (const failure of tally.failures) console.error(`  ✗ ${target.name}: ${failure}`)
}
for (const name of missing)
  console.error(`  ✗ ${name}: a public function without a fuzz target (add it to fuzz/targets.ts)`)
for (const name of unknown) console.error(`  ✗ ${name}: a fuzz target that is not a public function`)
failedTotal += only.length === 0 ? missing.length + unknown.length : 0
console.log("")
console.log(
  `${short} function${short === 1 ? "" : "s"} reached the normal path on fewer than half of the inputs; ${((performance.now() - started) / 1000).toFixed(0)} s`
)
console.log(failedTotal === 0 ? "no failure" : `${failedTotal} failure${failedTotal === 1 ? "" : "s"}`)
process.exitCode = failedTotal === 0 ? 0 : 1
