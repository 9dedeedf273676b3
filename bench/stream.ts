/**
 * Streaming: activity records read from a JSON Lines file one line at a time and evaluated by
 * `evaluateObjectivesAsync`, 100 records a convention, the records of a convention on consecutive
 * lines (as an export sorted by convention gives them), each convention's evaluation reduced to its
 * statuses: memory must stay bounded by one convention's result, not by the file. Each size runs in
 * its own process, its heap capped by `--max-old-space-size=1024`, and reports its peak resident
 * memory (the largest `process.memoryUsage().rss` sampled, and the process's `maxRSS`) and its CPU
 * time a record.
 *
 * `BENCH_STREAM_SIZES=100000,1000000,10000000` sets the sizes (default: 100 000 and 1 000 000);
 * `BENCH_STREAM_WARMUP` the lines of the untimed pass each process makes first (default 100 000,
 * `0` for none), so that the compilation of the code as it first runs, a fixed cost that weighs
 * on the smallest size most, is not counted.
 * The file of the largest size is written once to the system's temporary folder and reused.
 */
import { execFileSync } from "node:child_process"
import { createReadStream, createWriteStream, existsSync, renameSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { ACTIVITY_KINDS, type Convention, SECTORS, SITUATIONS, evaluateObjectivesAsync } from "caf-conventions"
import { type BenchRow, foundingConvention, pick, passFigures, seeded, warmedUpPass } from "./support.js"

const RECORDS_PER_CONVENTION = 100
const SIZES = (process.env["BENCH_STREAM_SIZES"] ?? "100000,1000000").split(",").map(Number)

/** Writes `count` records (100 a convention, conventions `cpo-0`, `cpo-1`…) as JSON Lines, unless the file exists. */
async function recordsFile(count: number): Promise<string> {
  const path = join(tmpdir(), `caf-conventions-bench-${count}.jsonl`)
  if (existsSync(path)) return path
  const random = seeded(7)
  const partial = `${path}.partial`
  const out = createWriteStream(partial)
  const bodies = ["sdaf", "sdaf", "ctg"] as const
  for (let i = 0; i < count; i++) {
    const c = Math.floor(i / RECORDS_PER_CONVENTION)
    const kind = pick(random, ACTIVITY_KINDS)
    const record = {
      id: `cpo-${c}-r${i % RECORDS_PER_CONVENTION}`,
      date: `${random() < 0.9 ? 2024 : 2023}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-15`,
      kind,
      structures:
        kind === "accompagnement-individuel" || kind === "diagnostic"
          ? [
              {
                id: `s-${c}-${Math.floor(random() * 12)}`,
                legalForm: random() < 0.9 ? "association-loi-1901" : "collectivite",
                departement: random() < 0.9 ? "91" : "77",
                situation: pick(random, SITUATIONS)
              }
            ]
          : [],
      sector: pick(random, SECTORS.slice(0, 5)),
      ...(kind === "reunion-instance" ? { body: pick(random, bodies) } : {}),
      hours: 2,
      conventionId: `cpo-${c}`
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
  const base = foundingConvention()
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity })
  const iterator = lines[Symbol.asyncIterator]()
  let read = 0
  let peak = process.memoryUsage().rss
  const statuses = new Map<string, number>()
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
    // The records of one convention, handed on as they are read: none is kept once evaluated.
    async function* group(): AsyncGenerator<unknown> {
      while (pending !== undefined && pending.id === id) {
        const { record } = pending
        pending = await next()
        yield record
      }
    }
    const convention: Convention = { ...base, id }
    const evaluation = await evaluateObjectivesAsync(convention, group(), { year: 2024 })
    for (const result of evaluation.results) statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1)
  }
  const figures = passFigures(read, start, cpu, peak)
  lines.close()
  return { ...figures, statuses: Object.fromEntries(statuses) }
}

export async function streamBench(): Promise<ReadonlyArray<BenchRow>> {
  const largest = Math.max(...SIZES)
  const path = await recordsFile(largest)
  const rows: Array<BenchRow> = []
  let first: number | undefined
  for (const size of SIZES) {
    const output = execFileSync(
      process.execPath,
      ["--max-old-space-size=1024", "--import", "tsx", "bench/stream.ts", path, String(size)],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: process.env, maxBuffer: 1 << 20 }
    )
    const figure = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as {
      read: number
      wallMs: number
      cpuMs: number
      peakRssMiB: number
      maxRssMiB: number
      warmup: number
      statuses: Record<string, number>
    }
    const perRecord = (figure.cpuMs * 1000) / figure.read
    first ??= perRecord
    rows.push({
      benchmark: "stream",
      variant: `evaluateObjectivesAsync from a .jsonl file, ${figure.read.toLocaleString("en-US")} records / ${(figure.read / RECORDS_PER_CONVENTION).toLocaleString("en-US")} conventions`,
      median: `${(figure.wallMs / 1000).toFixed(1)} s`,
      throughput: `CPU ${perRecord.toFixed(2)} µs a record (${(perRecord / first).toFixed(2)}× the first size)`,
      note: `${figure.warmup > 0 ? `after an untimed pass of ${figure.warmup.toLocaleString("en-US")} lines; ` : ""}peak RSS ${figure.peakRssMiB} MiB (maxRSS ${figure.maxRssMiB} MiB, heap capped at 1 GiB); statuses ${JSON.stringify(figure.statuses)}`
    })
  }
  return rows
}

// Run as a child process by streamBench: `bench/stream.ts <file> <count>`.
if (process.argv[1]?.endsWith("stream.ts") === true && process.argv.length === 4)
  await warmedUpPass(Number(process.argv[3]), (count) => pass(process.argv[2] as string, count))
