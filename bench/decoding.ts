/**
 * Decoding against `JSON.parse` of the same text, for each kind of record and for a portfolio:
 * `JSON.parse` alone, `JSON.parse` + the library's decoder (its fast decoder compiled from the
 * schema, src/core/fast.ts), and `JSON.parse` + effect's Schema decoder alone (the decoding of
 * before, through the same codec without its fast path), run interleaved round after round so
 * that all three see the same machine. Each ratio is the median of the rounds' ratios, of wall
 * time and of the process's CPU time (every thread, the garbage collector's included).
 */
import { readFileSync } from "node:fs"
import * as Schema from "effect/Schema"
import {
  ACCOMPANIMENT_KINDS,
  ACTIVITY_KINDS,
  ActivitySchema,
  CandidateSchema,
  EXPENSE_CATEGORIES,
  Euros,
  ExpenseSchema,
  FUNDING_SCHEMES,
  LEGAL_FORMS,
  PaymentSchema,
  PortfolioSchema,
  RepaymentSchema,
  SECTORS,
  SITUATIONS,
  parseActivities,
  parseCandidates,
  parseExpenses,
  parsePayments,
  parsePortfolio,
  parseRepayments
} from "caf-conventions"
import { buildCodec } from "../src/core/codec.js"
import { type BenchRow, pick, seeded } from "./support.js"

const RECORDS = Number(process.env["BENCH_DECODING_RECORDS"] ?? 20_000)
const CONVENTIONS = Number(process.env["BENCH_DECODING_CONVENTIONS"] ?? 1_000)
const ROUNDS = 9

const date = (random: () => number, year = 2024) =>
  `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`
const amount = (random: () => number) => Euros.fromCents(Math.floor(random() * 60_000_00)).toString()

function activities(count: number): Array<unknown> {
  const random = seeded(11)
  return Array.from({ length: count }, (_, r) => {
    const kind = pick(random, ACTIVITY_KINDS)
    const structure = {
      id: `s-${Math.floor(random() * 400)}`,
      legalForm: pick(random, LEGAL_FORMS),
      departement: random() < 0.9 ? "91" : "2A",
      situation: pick(random, SITUATIONS)
    }
    return {
      id: `a-${r}`,
      date: date(random),
      kind,
      structures: kind === "accompagnement-individuel" || kind === "diagnostic" ? [structure] : [],
      sector: pick(random, SECTORS),
      ...(kind === "reunion-instance" ? { body: "sdaf" } : { theme: "Soutien à la parentalité" }),
      ...(random() < 0.5 ? { hours: 2 } : { days: 0.5 }),
      participants: Math.floor(random() * 30),
      fundedBy: random() < 0.05 ? ["fpt"] : []
    }
  })
}

function payments(count: number): Array<unknown> {
  const random = seeded(12)
  return Array.from({ length: count }, (_, r) => ({
    id: `v-${r}`,
    date: date(random),
    amount: amount(random),
    year: 2024,
    ...(random() < 0.5 ? { instalment: "advance" } : {}),
    conventionId: `cpo-${r % 100}`,
    reference: `VIR-${r}`
  }))
}

function expenses(count: number): Array<unknown> {
  const random = seeded(13)
  return Array.from({ length: count }, (_, r) => ({
    id: `d-${r}`,
    date: date(random),
    amount: amount(random),
    category: pick(random, EXPENSE_CATEGORIES),
    sector: pick(random, SECTORS),
    fundedBy: random() < 0.03 ? ["fpt"] : [],
    conventionId: `cpo-${r % 100}`,
    document: `FAC-2024-${r}`
  }))
}

function repayments(count: number): Array<unknown> {
  const random = seeded(14)
  return Array.from({ length: count }, (_, r) => ({
    id: `r-${r}`,
    date: date(random, 2025),
    amount: amount(random),
    year: 2024,
    conventionId: `cpo-${r % 100}`
  }))
}

function candidates(count: number): Array<unknown> {
  const random = seeded(15)
  return Array.from({ length: count }, (_, r) => ({
    id: `c-${r}`,
    structureId: `s-${r}`,
    structureName: "Association des familles",
    legalForm: pick(random, LEGAL_FORMS),
    departement: "91",
    situation: pick(random, SITUATIONS),
    employer: random() < 0.5,
    sector: pick(random, SECTORS),
    accompanimentKind: pick(random, ACCOMPANIMENT_KINDS),
    ...(random() < 0.1 ? { otherFunding: [{ scheme: pick(random, FUNDING_SCHEMES) }] } : {})
  }))
}

/** The package benchmark's portfolio: the founding CPO under `count` ids. */
function portfolio(count: number): unknown {
  const base = JSON.parse(readFileSync("examples/data/portfolio.json", "utf8")) as {
    partners: Array<unknown>
    conventions: Array<Record<string, unknown>>
  }
  const { predecessorId: _none, ...cpo } = base.conventions[2] as Record<string, unknown>
  return { partners: base.partners, conventions: Array.from({ length: count }, (_, i) => ({ ...cpo, id: `cpo-${i}` })) }
}

const median = (values: ReadonlyArray<number>) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

export async function decodingBench(): Promise<ReadonlyArray<BenchRow>> {
  const cases = [
    {
      name: "activity records",
      count: RECORDS,
      document: activities(RECORDS),
      fast: parseActivities,
      schema: Schema.Array(ActivitySchema)
    },
    {
      name: "payments",
      count: RECORDS,
      document: payments(RECORDS),
      fast: parsePayments,
      schema: Schema.Array(PaymentSchema)
    },
    {
      name: "expense lines",
      count: RECORDS,
      document: expenses(RECORDS),
      fast: parseExpenses,
      schema: Schema.Array(ExpenseSchema)
    },
    {
      name: "repayments",
      count: RECORDS,
      document: repayments(RECORDS),
      fast: parseRepayments,
      schema: Schema.Array(RepaymentSchema)
    },
    {
      name: "candidates",
      count: RECORDS,
      document: candidates(RECORDS),
      fast: parseCandidates,
      schema: Schema.Array(CandidateSchema)
    },
    {
      name: "conventions in a portfolio",
      count: CONVENTIONS,
      document: portfolio(CONVENTIONS),
      fast: parsePortfolio,
      schema: PortfolioSchema
    }
  ] as const
  const rows: Array<BenchRow> = []
  for (const kind of cases) {
    const text = JSON.stringify(kind.document)
    // The decoding of before: the same codec (checks for inherited fields, deep freeze), Schema decoder only.
    const before = buildCodec(kind.schema as Schema.Codec<unknown, unknown>, kind.name, {}, false).parse
    const decode = kind.fast as (input: unknown) => unknown
    const times = { parse: [] as Array<number>, fast: [] as Array<number>, before: [] as Array<number> }
    const ratios = { fast: [] as Array<number>, before: [] as Array<number> }
    const cpuRatios = { fast: [] as Array<number>, before: [] as Array<number> }
    /** Wall and CPU time (user + system, every thread: the collector's included) of one task. */
    const timed = (task: () => unknown): { readonly wall: number; readonly cpu: number } => {
      const cpu = process.cpuUsage()
      const start = performance.now()
      task()
      const wall = performance.now() - start
      const used = process.cpuUsage(cpu)
      return { wall, cpu: (used.user + used.system) / 1000 }
    }
    for (let round = 0; round < ROUNDS + 2; round++) {
      const parse = timed(() => JSON.parse(text))
      const fast = timed(() => decode(JSON.parse(text)))
      const slow = timed(() => before(JSON.parse(text)))
      if (round < 2) continue // warm-up
      times.parse.push(parse.wall)
      times.fast.push(fast.wall)
      times.before.push(slow.wall)
      ratios.fast.push(fast.wall / parse.wall)
      ratios.before.push(slow.wall / parse.wall)
      cpuRatios.fast.push(fast.cpu / parse.cpu)
      cpuRatios.before.push(slow.cpu / parse.cpu)
    }
    const count = kind.count.toLocaleString("en-US")
    const perItem = (ms: number) => `${((ms * 1000) / kind.count).toFixed(2)} µs each`
    const mib = (text.length / 1024 / 1024).toFixed(1)
    rows.push(
      {
        benchmark: "decoding",
        variant: `JSON.parse, ${count} ${kind.name} (${mib} MiB)`,
        median: `${median(times.parse).toFixed(1)} ms`,
        throughput: perItem(median(times.parse)),
        note: ""
      },
      {
        benchmark: "decoding",
        variant: `JSON.parse + the library's decoder (fast path), ${count} ${kind.name}`,
        median: `${median(times.fast).toFixed(1)} ms`,
        throughput: perItem(median(times.fast)),
        note: `${median(ratios.fast).toFixed(2)}× JSON.parse (CPU ${median(cpuRatios.fast).toFixed(2)}×)`
      },
      {
        benchmark: "decoding",
        variant: `JSON.parse + the Schema decoder alone (before), ${count} ${kind.name}`,
        median: `${median(times.before).toFixed(1)} ms`,
        throughput: perItem(median(times.before)),
        note: `${median(ratios.before).toFixed(2)}× JSON.parse (CPU ${median(cpuRatios.before).toFixed(2)}×)`
      }
    )
  }
  return rows
}
