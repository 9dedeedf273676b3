/**
 * `npm run fuzz`: feeds every public parser and evaluator 100 000 generated inputs (half arbitrary
 * JSON, half near-valid documents with one field broken), and prints, per function, the inputs
 * tried and the failures (an undocumented error, a mutated input, a call over a second).
 * `FUZZ_RUNS=1000 npm run fuzz` for a shorter pass.
 */
import fc from "fast-check"
import { TARGETS, anyJson, misbehaviour, nearValid } from "./targets.js"

const runs = Number(process.env["FUZZ_RUNS"] ?? 100_000)
const only = process.argv[2]
let failedTotal = 0
console.log(`| function | inputs tried | failures | seconds |`)
console.log(`| --- | ---: | ---: | ---: |`)
for (const target of TARGETS.filter((candidate) => only === undefined || candidate.name === only)) {
  const start = performance.now()
  const failures: Array<string> = []
  let tried = 0
  const inputs = fc.oneof(anyJson, nearValid(target.valid))
  fc.assert(
    fc.property(inputs, (input) => {
      tried++
      const problem = misbehaviour(target, input)
      if (problem !== undefined && failures.length < 5) failures.push(problem)
      if (problem !== undefined) failedTotal++
      return true
    }),
    { numRuns: runs, seed: 20241127 }
  )
  console.log(`| ${target.name} | ${tried} | ${failures.length === 0 ? 0 : `${failures.length}+`} | ${((performance.now() - start) / 1000).toFixed(1)} |`)
  for (const failure of failures) console.error(`  ✗ ${target.name}: ${failure}`)
}
console.log(failedTotal === 0 ? "no failure" : `${failedTotal} failure(s)`)
process.exitCode = failedTotal === 0 ? 0 : 1
