/**
 * Shared helpers for the benchmarks: a seeded random generator (the same inputs on every run),
 * timing by median of several runs, and the founding convention.
 */
import { readFileSync } from "node:fs"
import { type Convention, encodeConvention, parsePortfolio } from "caf-conventions"

/** A small seeded generator (mulberry32): the same sequence on every run and machine. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Picks one item of a list with the generator. */
export function pick<T>(random: () => number, items: ReadonlyArray<T>): T {
  return items[Math.floor(random() * items.length)] as T
}

/** Runs `task` `runs` times and returns the median time in milliseconds, and the last result. */
export async function medianMs<T>(
  runs: number,
  task: () => T | Promise<T>
): Promise<{ readonly ms: number; readonly result: T }> {
  const times: Array<number> = []
  let result: T | undefined
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    result = await task()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)] as number, result: result as T }
}

/**
 * Two tasks run in turn, round after round (after one warm-up round of each), so that both see
 * the same machine and the same state of the JIT: the median of each, and the median of the
 * rounds' ratios `a / b`.
 */
export async function interleavedMedians<A, B>(
  rounds: number,
  a: () => A | Promise<A>,
  b: () => B | Promise<B>
): Promise<{
  readonly a: { readonly ms: number; readonly result: A }
  readonly b: { readonly ms: number; readonly result: B }
  readonly ratio: number
}> {
  const timesA: Array<number> = []
  const timesB: Array<number> = []
  let resultA = await a()
  let resultB = await b()
  for (let i = 0; i < rounds; i++) {
    let start = performance.now()
    resultA = await a()
    timesA.push(performance.now() - start)
    start = performance.now()
    resultB = await b()
    timesB.push(performance.now() - start)
  }
  const median = (values: ReadonlyArray<number>) =>
    [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number
  return {
    a: { ms: median(timesA), result: resultA },
    b: { ms: median(timesB), result: resultB },
    ratio: median(timesA.map((time, i) => time / (timesB[i] as number)))
  }
}

/** The founding 2023–2025 convention, from the example data. */
export function foundingConvention(): Convention {
  const portfolio = parsePortfolio(
    JSON.parse(readFileSync(new URL("../examples/data/portfolio.json", import.meta.url), "utf8"))
  )
  return portfolio.conventions.find((convention) => convention.id === "cpo-2023-2025") as Convention
}

/**
 * Conventions decoded as an application decodes them: the founding convention's JSON under
 * `count` fresh ids (`cpo-0`, `cpo-1`, …), decoded in one portfolio. Each is frozen and known to
 * the library as decoded; an object spread from a decoded convention is neither, and the
 * evaluators check it and walk it again at every call.
 */
export function decodedConventions(count: number): ReadonlyArray<Convention> {
  const { predecessorId: _none, ...json } = encodeConvention(foundingConvention()) as Record<string, unknown>
  const { partners } = JSON.parse(
    readFileSync(new URL("../examples/data/portfolio.json", import.meta.url), "utf8")
  ) as { readonly partners: unknown }
  return parsePortfolio({
    partners,
    conventions: Array.from({ length: count }, (_, i) => ({ ...json, id: `cpo-${i}` }))
  }).conventions
}

/** A row of the printed table. */
export interface BenchRow {
  readonly benchmark: string
  readonly variant: string
  readonly median: string
  readonly throughput: string
  readonly note: string
}

/** Formats a count per second with thin grouping. */
export function perSecond(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString("en-US")}/s`
}

/**
 * One size of a streamed benchmark, in its own process: `pass` over the first
 * `BENCH_STREAM_WARMUP` lines (default 100 000; 0 for none), untimed, so that the timed pass does
 * not count the compilation of the code as it first runs (a fixed cost that weighs on the smallest
 * size most), then `pass` over the first `count` lines, whose figures are printed as one JSON line
 * (the peak memory the larger of the two passes').
 */
export async function warmedUpPass(
  count: number,
  pass: (count: number) => Promise<{ readonly peakRssMiB: number } & Record<string, unknown>>
): Promise<void> {
  const warmup = Math.min(count, Number(process.env["BENCH_STREAM_WARMUP"] ?? 100_000))
  const before = warmup > 0 ? await pass(warmup) : undefined
  const figure = await pass(count)
  const peakRssMiB = Math.max(figure.peakRssMiB, before?.peakRssMiB ?? 0)
  console.log(JSON.stringify({ ...figure, peakRssMiB, warmup }))
}

/** The figures of one streamed pass started at `wallStart` and `cpuStart`, after `read` lines: times, and the peak memory (`peak`, the largest RSS sampled, or now's). */
export function passFigures(
  read: number,
  wallStart: number,
  cpuStart: NodeJS.CpuUsage,
  peak: number
): {
  readonly read: number
  readonly wallMs: number
  readonly cpuMs: number
  readonly peakRssMiB: number
  readonly maxRssMiB: number
} {
  const wallMs = performance.now() - wallStart
  const used = process.cpuUsage(cpuStart)
  return {
    read,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024)
  }
}
