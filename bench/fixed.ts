/**
 * The fixed cost of a convention: conventions with no records at all, evaluated by
 * evaluateObjectives and evaluateFundingUse, each run on conventions decoded afresh (a batch
 * evaluates each convention once, so resolving it is part of the cost), against a hand-written
 * floor doing the same counts and amounts on no records. Also decoding records against
 * `JSON.parse` of the same text.
 */
import {
  EXPENSE_CATEGORIES,
  Euros,
  SECTORS,
  evaluateConventionObjectives,
  evaluateFundingUse,
  evaluateObjectives,
  parseExpenses,
  resolveConvention
} from "caf-conventions"
import { type BenchRow, decodedConventions, pick, seeded } from "./support.js"

const CONVENTIONS = Number(process.env["BENCH_FIXED_CONVENTIONS"] ?? 2_000)
const RUNS = 5

/** Median wall and CPU time (user + system, every thread) of `runs` runs, each on its own inputs. */
function timed<I>(
  runs: number,
  prepare: () => I,
  task: (input: I) => void
): { readonly wallMs: number; readonly cpuMs: number } {
  const wall: Array<number> = []
  const cpu: Array<number> = []
  for (let run = 0; run < runs; run++) {
    const input = prepare()
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    task(input)
    wall.push(performance.now() - start)
    const used = process.cpuUsage(cpuStart)
    cpu.push((used.user + used.system) / 1000)
  }
  const median = (values: Array<number>) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
  return { wallMs: median(wall), cpuMs: median(cpu) }
}

const perConvention = (ms: number) => `${((ms * 1000) / CONVENTIONS).toFixed(1)} µs`

export async function fixedBench(): Promise<ReadonlyArray<BenchRow>> {
  const rows: Array<BenchRow> = []
  const objectives = timed(
    RUNS,
    () => decodedConventions(CONVENTIONS),
    (conventions) => {
      for (const convention of conventions) evaluateObjectives(convention, [], { year: 2024 })
    }
  )
  // The same, each convention resolved beforehand (outside the timing), as a batch that resolves once and asks several questions.
  const objectivesResolved = timed(
    RUNS,
    () => decodedConventions(CONVENTIONS).map((convention) => resolveConvention(convention)),
    (conventions) => {
      for (const convention of conventions) evaluateObjectives(convention, [], { year: 2024 })
    }
  )
  const reviewResolved = timed(
    RUNS,
    () => decodedConventions(CONVENTIONS).map((convention) => resolveConvention(convention)),
    (conventions) => {
      for (const convention of conventions) evaluateConventionObjectives(convention, [])
    }
  )
  const funding = timed(
    RUNS,
    () => decodedConventions(CONVENTIONS),
    (conventions) => {
      for (const convention of conventions) evaluateFundingUse(convention, { year: 2024, payments: [], expenses: [] })
    }
  )
  // The floor: what a hand-written loop does for a convention with no records (a set of sectors, four zero counts, a zero sum).
  const floor = timed(
    RUNS,
    () => decodedConventions(CONVENTIONS),
    (conventions) => {
      let total = 0
      for (const convention of conventions) {
        const sectors = new Set<string>(convention.terms.sectors)
        total += sectors.size > 0 ? 0 : 1
      }
      if (total < 0) throw new Error("unreachable")
    }
  )
  for (const [name, figure] of [
    ["evaluateObjectives", objectives],
    ["evaluateObjectives on resolved conventions", objectivesResolved],
    ["evaluateConventionObjectives (3 years) on resolved conventions", reviewResolved],
    ["evaluateFundingUse", funding],
    ["hand-written floor", floor]
  ] as const) {
    rows.push({
      benchmark: "fixed",
      variant: `${name}, ${CONVENTIONS.toLocaleString("en-US")} conventions with no records (decoded afresh each run)`,
      median: `${figure.wallMs.toFixed(1)} ms`,
      throughput: `${perConvention(figure.wallMs)} a convention`,
      note: `CPU ${perConvention(figure.cpuMs)} a convention (median of ${RUNS})`
    })
  }

  // Decoding records against JSON.parse of the same text.
  const random = seeded(6)
  const text = JSON.stringify(
    Array.from({ length: 20_000 }, (_, line) => ({
      id: `d${line}`,
      date: `2024-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-10`,
      amount: Euros.fromCents(Math.floor(random() * 60_000)).toString(),
      category: pick(random, EXPENSE_CATEGORIES),
      sector: pick(random, SECTORS.slice(0, 5)),
      fundedBy: [],
      document: `F-${line}`
    }))
  )
  const parse = timed(
    RUNS,
    () => text,
    (json) => void JSON.parse(json)
  )
  const decode = timed(
    RUNS,
    () => text,
    (json) => void parseExpenses(JSON.parse(json))
  )
  rows.push({
    benchmark: "fixed",
    variant: "JSON.parse, 20,000 expense lines",
    median: `${parse.wallMs.toFixed(1)} ms`,
    throughput: "",
    note: `CPU ${parse.cpuMs.toFixed(1)} ms`
  })
  rows.push({
    benchmark: "fixed",
    variant: "JSON.parse + parseExpenses, 20,000 expense lines",
    median: `${decode.wallMs.toFixed(1)} ms`,
    throughput: "",
    note: `${(decode.wallMs / parse.wallMs).toFixed(1)}× JSON.parse (CPU ${(decode.cpuMs / parse.cpuMs).toFixed(1)}×)`
  })
  return rows
}
