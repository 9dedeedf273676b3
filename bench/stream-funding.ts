/**
 * Funding streamed: expense lines read from a JSON Lines file one line at a time, 100 lines a
 * convention on consecutive lines (as an export sorted by convention gives them), each
 * convention's lines handed as an async iterable to `evaluateFundingUseAsync` (year 2024, with
 * the convention's two payments) or to `fundingLedgerAsync` (every year), and the result reduced
 * to its amounts: memory must stay bounded by one convention's records and result, not by the
 * file. Each size runs in its own process, its heap capped by `--max-old-space-size=1024`, and
 * reports its CPU time a line and its peak resident memory (the largest
 * `process.memoryUsage().rss` sampled every 50 000 lines, and the process's `maxRSS`).
 *
 * - `BENCH_STREAM_SIZES=100000,1000000,10000000` sets the sizes (default: 100 000 and 1 000 000);
 * - `BENCH_STREAM_WARMUP`: the lines of the untimed pass each process makes first (default 100 000,
 *   `0` for none), so that the compilation of the code as it first runs is not counted;
 * - `BENCH_STREAM_EVALUATOR=ledger` times `fundingLedgerAsync` (default `use`, `evaluateFundingUseAsync`);
 * - `BENCH_LIB=<folder>` imports the package from a built folder (a copy of another checkout's
 *   `dist/`, to compare two builds side by side) instead of `caf-conventions`.
 *
 * The file of the largest size is written once to the system's temporary folder and reused.
 */
import { execFileSync } from "node:child_process"
import { createReadStream, createWriteStream, existsSync, renameSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { createInterface } from "node:readline"
import { pathToFileURL } from "node:url"
import { EXPENSE_CATEGORIES, SECTORS } from "caf-conventions"
import { type BenchRow, pick, passFigures, seeded, warmedUpPass } from "./support.js"

type Lib = typeof import("../src/index.js")

const LINES_PER_CONVENTION = 100
const SIZES = (process.env["BENCH_STREAM_SIZES"] ?? "100000,1000000").split(",").map(Number)
const EVALUATOR = process.env["BENCH_STREAM_EVALUATOR"] === "ledger" ? "ledger" : "use"

/** Writes `count` expense lines (100 a convention, conventions `cpo-0`, `cpo-1`…) as JSON Lines, unless the file exists. */
async function linesFile(count: number): Promise<string> {
  const path = join(tmpdir(), `caf-conventions-bench-expenses-${count}.jsonl`)
  if (existsSync(path)) return path
  const random = seeded(8)
  const partial = `${path}.partial`
  const out = createWriteStream(partial)
  for (let i = 0; i < count; i++) {
    const c = Math.floor(i / LINES_PER_CONVENTION)
    const line = i % LINES_PER_CONVENTION
    const record = {
      id: `cpo-${c}-d${line}`,
      date: `${random() < 0.95 ? 2024 : 2023}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-10`,
      amount: (Math.floor(random() * 60_000) / 100).toFixed(2),
      category: pick(random, EXPENSE_CATEGORIES),
      sector: random() < 0.9 ? pick(random, SECTORS.slice(0, 5)) : pick(random, SECTORS),
      fundedBy: random() < 0.03 ? ["fpt"] : [],
      conventionId: `cpo-${c}`,
      ...(random() < 0.97 ? { document: `F-${line}` } : {})
    }
    if (!out.write(`${JSON.stringify(record)}\n`))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()))
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  renameSync(partial, path)
  return path
}

/** Reads the file's first `count` lines, convention by convention; its time, peak memory and results. */
async function pass(path: string, count: number): Promise<{ readonly peakRssMiB: number } & Record<string, unknown>> {
  const lib: Lib =
    process.env["BENCH_LIB"] === undefined
      ? ((await import("caf-conventions")) as unknown as Lib)
      : ((await import(pathToFileURL(`${resolve(process.env["BENCH_LIB"])}/index.js`).href)) as Lib)
  const { readFileSync } = await import("node:fs")
  const base = lib
    .parsePortfolio(JSON.parse(readFileSync(new URL("../examples/data/portfolio.json", import.meta.url), "utf8")))
    .conventions.find((convention) => convention.id === "cpo-2023-2025")
  if (base === undefined) throw new Error("the founding convention is missing from examples/data/portfolio.json")
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity })
  const iterator = lines[Symbol.asyncIterator]()
  let read = 0
  let peak = process.memoryUsage().rss
  let eligibleCents = 0
  let toRepayCents = 0
  const next = async (): Promise<{ readonly id: string; readonly record: unknown } | undefined> => {
    if (read >= count) return undefined
    const line = await iterator.next()
    if (line.done === true) return undefined
    read++
    if (read % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().rss)
    const record = JSON.parse(line.value) as { readonly conventionId: string }
    return { id: record.conventionId, record }
  }
  const cpu = process.cpuUsage()
  const start = performance.now()
  let pending = await next()
  while (pending !== undefined) {
    const id = pending.id
    // The lines of one convention, handed on as they are read: none is kept once evaluated.
    async function* group(): AsyncGenerator<unknown> {
      while (pending !== undefined && pending.id === id) {
        const { record } = pending
        pending = await next()
        yield record
      }
    }
    const convention = { ...base, id }
    const payments = [
      { id: `${id}-avance`, date: "2024-03-28", amount: "15000", year: 2024, instalment: "advance" },
      { id: `${id}-solde`, date: "2025-06-12", amount: "15000", year: 2024, instalment: "balance" }
    ]
    if (EVALUATOR === "use") {
      const use = await lib.evaluateFundingUseAsync(convention, { year: 2024, payments, expenses: group() })
      eligibleCents += Number(use.settlement.eligibleSpend.toCents())
      toRepayCents += Number(use.settlement.toRepay.toCents())
    } else {
      const ledger = await lib.fundingLedgerAsync(convention, { payments, expenses: group() })
      eligibleCents += Number(ledger.totals.eligibleSpend.toCents())
      toRepayCents += Number(ledger.totals.toRepay.toCents())
    }
  }
  const figures = passFigures(read, start, cpu, peak)
  lines.close()
  return { ...figures, eligibleCents, toRepayCents }
}

export async function streamFundingBench(): Promise<ReadonlyArray<BenchRow>> {
  const path = await linesFile(Math.max(...SIZES))
  const rows: Array<BenchRow> = []
  let first: number | undefined
  for (const size of SIZES) {
    const output = execFileSync(
      process.execPath,
      ["--max-old-space-size=1024", "--import", "tsx", "bench/stream-funding.ts", path, String(size)],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: process.env, maxBuffer: 1 << 20 }
    )
    const figure = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as {
      read: number
      wallMs: number
      cpuMs: number
      peakRssMiB: number
      maxRssMiB: number
      warmup: number
      eligibleCents: number
      toRepayCents: number
    }
    const perLine = (figure.cpuMs * 1000) / figure.read
    first ??= perLine
    rows.push({
      benchmark: "stream-funding",
      variant: `${EVALUATOR === "use" ? "evaluateFundingUseAsync" : "fundingLedgerAsync"} from a .jsonl file, ${figure.read.toLocaleString("en-US")} expense lines / ${(figure.read / LINES_PER_CONVENTION).toLocaleString("en-US")} conventions`,
      median: `${(figure.wallMs / 1000).toFixed(1)} s`,
      throughput: `CPU ${perLine.toFixed(2)} µs a line (${(perLine / first).toFixed(2)}× the first size)`,
      note: `${figure.warmup > 0 ? `after an untimed pass of ${figure.warmup.toLocaleString("en-US")} lines; ` : ""}peak RSS ${figure.peakRssMiB} MiB (maxRSS ${figure.maxRssMiB} MiB, heap capped at 1 GiB); eligible ${figure.eligibleCents} cents, to repay ${figure.toRepayCents} cents`
    })
  }
  return rows
}

// Run as a child process by streamFundingBench: `bench/stream-funding.ts <file> <count>`.
if (
  process.argv[1]?.endsWith("stream-funding.ts") === true &&
  process.argv.length === 4 &&
  process.argv[2] !== "--write"
)
  await warmedUpPass(Number(process.argv[3]), (count) => pass(process.argv[2] as string, count))
// `bench/stream-funding.ts --write <count>` writes the file of that size ahead of a run.
if (process.argv[1]?.endsWith("stream-funding.ts") === true && process.argv[2] === "--write")
  console.log(await linesFile(Number(process.argv[3])))
