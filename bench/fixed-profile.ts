/**
 * A script to profile the fixed cost of a convention: `npx esbuild bench/fixed-profile.ts --bundle
 * --platform=node --format=esm --packages=external --outfile=scratch/fixed-profile.mjs` (the
 * library's `src/` bundled in, so that a profile's lines are the code's), then `node --cpu-prof
 * --cpu-prof-dir=scratch/prof scratch/fixed-profile.mjs [objectives|funding] [fresh|resolved]`.
 * Evaluates 10 000 conventions with no records (the founding convention under fresh ids, decoded
 * in one portfolio) for 2024, 4 times, and prints the CPU µs a convention of each run.
 */
import { evaluateFundingUse, evaluateObjectives, resolveConvention } from "caf-conventions"
import { decodedConventions } from "./support.js"

const evaluator = process.argv[2] ?? "objectives"
const resolved = process.argv[3] === "resolved"
const COUNT = Number(process.env["BENCH_FIXED_CONVENTIONS"] ?? 10_000)
const options = { year: 2024, payments: [], expenses: [] }
for (let run = 0; run < 4; run++) {
  const conventions = decodedConventions(COUNT)
  const inputs = resolved ? conventions.map((convention) => resolveConvention(convention)) : conventions
  const start = process.cpuUsage()
  for (const input of inputs)
    if (evaluator === "funding") evaluateFundingUse(input, options)
    else evaluateObjectives(input, [], { year: 2024 })
  const used = process.cpuUsage(start)
  console.log(
    `${evaluator}, ${resolved ? "resolved beforehand" : "fresh"}: ${((used.user + used.system) / COUNT).toFixed(1)} µs a convention`
  )
}
