/**
 * What the fuzzers feed: every public parser and evaluator, with the errors each is documented to
 * throw, and generators of arbitrary JSON and of near-valid documents (a valid document with one
 * field broken: removed, replaced by arbitrary JSON, or an unknown field added).
 */
import { readFileSync } from "node:fs"
import fc from "fast-check"
import {
  Euros,
  InvalidAmountError,
  ValidationError,
  checkEligibility,
  evaluateFundingUse,
  evaluateObjectives,
  fundingLedger,
  parseActivities,
  parseCalendarDate,
  parseCandidates,
  parseConvention,
  parseExpenses,
  parsePartner,
  parsePayments,
  parsePeriod,
  parsePortfolio,
  parseScenario,
  paymentSchedule,
  screenEligibility,
  toScdlCsv
} from "caf-conventions"

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../examples/data/${name}`, import.meta.url), "utf8"))
const portfolioJson = read("portfolio.json") as { partners: Array<unknown>; conventions: Array<unknown> }
const founding = parsePortfolio(portfolioJson)
const cpo = founding.conventions.find((convention) => convention.id === "cpo-2023-2025")!

/** A convention with every money rule at work: money offset, an amendment signed after the advance, a termination. */
const ledgerJson = {
  convention: {
    ...(portfolioJson.conventions[2] as Record<string, unknown>),
    terms: { ...((portfolioJson.conventions[2] as { terms: Record<string, unknown> }).terms), unspent: { rule: "offset" }, payment: { advanceRate: "0.6" } },
    amendments: [{ number: 1, signatureDate: "2024-07-10", effectiveDate: "2024-09-01", reason: "Hausse", changes: [{ kind: "yearly-amount", yearlyAmount: "36000" }] }],
    termination: { date: "2025-09-30", reason: "Résiliation", requestedBy: "caf", decidedOn: "2025-05-01" }
  },
  payments: read("payments.json"),
  expenses: read("expenses.json"),
  asOf: "2026-01-15"
}

/** The ledger, and its invariant: every cent available in one place, offsets carried, totals summed. */
function checkedLedger(input: unknown): unknown {
  const { convention, payments, expenses, asOf } = (input ?? {}) as { convention?: unknown; payments?: unknown; expenses?: unknown; asOf?: unknown }
  const ledger = fundingLedger(parseConvention(convention), { payments: payments as never, expenses: expenses as never, ...(asOf === undefined ? {} : { asOf: asOf as never }) })
  ledger.years.forEach((use, index) => {
    const s = use.settlement
    if (!Euros.sum([s.usedOnEligible, s.keptSurplus, s.offsetNextYear, s.toRepay, s.awaitingUse]).equals(s.received.plus(s.carriedIn))) throw new Error(`invariant: money of ${use.year} not all placed`)
    if (!s.offsetNextYear.equals(ledger.years[index + 1]?.settlement.carriedIn ?? Euros.zero)) throw new Error(`invariant: offset of ${use.year} not carried`)
  })
  for (const key of ["received", "toRepay", "stillToPay", "carriedIn"] as const) {
    if (!Euros.sum(ledger.years.map((use) => use.settlement[key])).equals(ledger.totals[key])) throw new Error(`invariant: total ${key} is not the sum of the years`)
  }
  return ledger
}

/** A function under fuzzing: its name, the valid documents to break, what it does, and the errors it may throw. */
export interface FuzzTarget {
  readonly name: string
  readonly valid: unknown
  readonly call: (input: unknown) => unknown
  readonly allowed: ReadonlyArray<new (...args: never) => Error>
}

export const TARGETS: ReadonlyArray<FuzzTarget> = [
  { name: "parsePortfolio", valid: portfolioJson, call: parsePortfolio, allowed: [ValidationError] },
  { name: "parseConvention", valid: portfolioJson.conventions[2], call: parseConvention, allowed: [ValidationError] },
  { name: "parsePartner", valid: portfolioJson.partners[1], call: parsePartner, allowed: [ValidationError] },
  { name: "parseCandidates", valid: read("candidates.json"), call: parseCandidates, allowed: [ValidationError] },
  { name: "parseActivities", valid: read("activities.json"), call: parseActivities, allowed: [ValidationError] },
  { name: "parsePayments", valid: read("payments.json"), call: parsePayments, allowed: [ValidationError] },
  { name: "parseExpenses", valid: read("expenses.json"), call: parseExpenses, allowed: [ValidationError] },
  { name: "parseScenario", valid: JSON.parse(readFileSync(new URL("../examples/scenarios/eligibility.json", import.meta.url), "utf8")), call: parseScenario, allowed: [ValidationError] },
  { name: "parseCalendarDate", valid: "2024-02-29", call: parseCalendarDate, allowed: [ValidationError] },
  { name: "parsePeriod", valid: { start: "2023-01-01", end: "2025-12-31" }, call: parsePeriod, allowed: [ValidationError] },
  { name: "Euros.parse", valid: "30000.50", call: (input) => Euros.parse(input as string), allowed: [InvalidAmountError] },
  {
    name: "checkEligibility",
    valid: (read("candidates.json") as Array<unknown>)[0],
    call: (input) => checkEligibility(cpo, input as never, { date: "2024-06-01" }),
    allowed: [ValidationError]
  },
  { name: "screenEligibility", valid: read("candidates.json"), call: (input) => screenEligibility(cpo, input as never, { date: "2024-06-01" }), allowed: [ValidationError] },
  { name: "evaluateObjectives", valid: read("activities.json"), call: (input) => evaluateObjectives(cpo, input as never, { year: 2024 }), allowed: [ValidationError] },
  {
    name: "evaluateFundingUse",
    valid: { payments: read("payments.json"), expenses: read("expenses.json") },
    call: (input) => {
      const { payments, expenses } = (input ?? {}) as { payments?: unknown; expenses?: unknown }
      return evaluateFundingUse(cpo, { year: 2024, payments: (Array.isArray(payments) ? payments : [payments]) as never, expenses: (Array.isArray(expenses) ? expenses : [expenses]) as never })
    },
    allowed: [ValidationError]
  },
  { name: "fundingLedger", valid: ledgerJson, call: checkedLedger, allowed: [ValidationError] },
  { name: "paymentSchedule", valid: { year: 2024 }, call: (input) => paymentSchedule(cpo, input as never), allowed: [ValidationError] },
  {
    name: "toScdlCsv",
    valid: portfolioJson,
    call: (input) => {
      const portfolio = parsePortfolio(input)
      return toScdlCsv(portfolio.conventions, { partners: portfolio.partners })
    },
    allowed: [ValidationError]
  }
]

/** Paths to every value inside a JSON document. */
function pathsOf(value: unknown, prefix: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> {
  const here = [prefix]
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))]
  if (value !== null && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))]
  return here
}

/** A copy of `document` with the value at `path` replaced (or removed, when `replacement` is the REMOVE marker). */
const REMOVE = Symbol("remove")
function broken(document: unknown, path: ReadonlyArray<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement
  const copy: unknown = structuredClone(document)
  let parent = copy as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  if (replacement === REMOVE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1)
    else delete parent[last]
  } else parent[last] = replacement
  return copy
}

/** Arbitrary JSON values, strings that look like dates and amounts, and hostile keys. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom("2024-02-30", "2023-13-01", "-1", "1.001", "30000,50", "", "__proto__", "91", "fpt", "NaN", "9".repeat(40)),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "id", "kind"), fc.jsonValue({ maxDepth: 2 }))
)

/** Near-valid documents: the valid one with one field broken. */
export function nearValid(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid)
  return fc.tuple(fc.constantFrom(...paths), fc.oneof(fc.constant<unknown>(REMOVE), anyJson), fc.boolean()).map(([path, replacement, addUnknown]) => {
    const document = broken(valid, path, replacement)
    if (addUnknown && document !== null && typeof document === "object" && !Array.isArray(document)) return { ...document, champInconnu: 1 }
    return document
  })
}

/** What one call did wrong, if anything: an undocumented error, a mutated input, or a call slower than a second. */
export function misbehaviour(target: FuzzTarget, input: unknown): string | undefined {
  const before = JSON.stringify(input)
  const start = performance.now()
  try {
    target.call(input)
  } catch (error) {
    if (!target.allowed.some((allowed) => error instanceof allowed)) {
      return `threw ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)} for ${before?.slice(0, 300)}`
    }
  }
  if (performance.now() - start > 1000) return `took ${Math.round(performance.now() - start)} ms for ${before?.slice(0, 300)}`
  if (JSON.stringify(input) !== before) return `mutated its input ${before?.slice(0, 300)}`
  return undefined
}
