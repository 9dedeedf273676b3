/**
 * `npm run bench`: every benchmark, printed as one table. Benchmarks measure and report; they
 * never fail a build. Figures depend on the machine: docs/performance.md records the latest ones.
 */
import { cpus } from "node:os"
import { eligibilityBench } from "./eligibility.js"
import type { BenchRow } from "./support.js"

const rows: Array<BenchRow> = []
rows.push(...(await eligibilityBench()))

const columns = ["benchmark", "variant", "median", "throughput", "note"] as const
const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => row[column].length)))
const line = (cells: ReadonlyArray<string>) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`
console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}`)
console.log(line(columns))
console.log(line(widths.map((width) => "-".repeat(width))))
for (const row of rows) console.log(line(columns.map((column) => row[column])))
