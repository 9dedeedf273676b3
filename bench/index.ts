/**
 * `npm run bench`: every benchmark, each in its own process (so that its peak memory is its
 * own), printed as one table. Benchmarks measure and report; they never fail a build. Figures
 * depend on the machine: docs/performance.md records the latest ones.
 */
import { execFileSync } from "node:child_process"
import { cpus } from "node:os"
import type { BenchRow } from "./support.js"

// `--dist`: run against the built package (dist/, after `npx tsup`), what users import, instead of src/.
const dist = process.argv.includes("--dist")
const given = process.argv.slice(2).filter((name) => name !== "--dist")

const names =
  given.length > 0
    ? given
    : ["eligibility", "objectives", "funding", "fixed", "decoding", "stream", "stream-funding", "package", "server"]
const env = dist ? { ...process.env, BENCH_TARGET: "dist", TSX_TSCONFIG_PATH: "bench/tsconfig.dist.json" } : process.env
const rows: Array<BenchRow> = []
for (const name of names) {
  try {
    const output = execFileSync(process.execPath, ["--import", "tsx", "bench/run-one.ts", name], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env
    })
    const { rows: benchRows, peakMiB } = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as {
      rows: Array<BenchRow>
      peakMiB: number
    }
    rows.push(...benchRows, {
      benchmark: name,
      variant: "peak memory of the process (RSS)",
      median: "",
      throughput: "",
      note: `${peakMiB} MiB`
    })
  } catch (error) {
    rows.push({
      benchmark: name,
      variant: "did not complete",
      median: "",
      throughput: "",
      note: String(error).split("\n")[0] ?? ""
    })
  }
}

const columns = ["benchmark", "variant", "median", "throughput", "note"] as const
const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => row[column].length)))
const line = (cells: ReadonlyArray<string>) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`
console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${dist ? "the built package (dist/)" : "the sources (src/, through tsx)"}`
)
console.log(line(columns))
console.log(line(widths.map((width) => "-".repeat(width))))
for (const row of rows) console.log(line(columns.map((column) => row[column])))
