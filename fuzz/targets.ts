/**
 * What the fuzzers feed: every public function of the package, each with the arguments a valid
 * world gives it (`tests/arbitraries.ts`: a portfolio, one of its conventions and its records),
 * the same with one argument broken, or arbitrary JSON in every position; what counts as its
 * normal path (a result, a successful `safeParse`, a predicate that holds); and the invariants its
 * results must keep. The list of names is checked against the package's exports by `fuzz/run.ts`.
 */
import fc from "fast-check"
import { Effect, Exit } from "effect"
import { marked } from "marked"
import * as library from "caf-conventions"
import { HOSTILE_MULTILINE, HOSTILE_TEXTS, anyJson, breakOne, world, type World } from "../tests/arbitraries.js"

const { Euros, InvalidAmountError, InvalidArgumentError, InvalidDateError, LineageError, ValidationError } = library
type Convention = library.Convention

/** The library's error classes: what a function may throw when it refuses an input. */
export const TYPED_ERRORS: ReadonlyArray<new (...args: never) => Error> = [
  ValidationError,
  InvalidAmountError,
  InvalidDateError,
  InvalidArgumentError,
  LineageError
]

/** A world decoded once: the portfolio, the convention under study and its records as the library reads them. */
export interface Decoded {
  readonly json: World
  readonly portfolio: library.Portfolio
  readonly convention: Convention
  readonly activities: ReadonlyArray<library.Activity>
  readonly payments: ReadonlyArray<library.Payment>
  readonly expenses: ReadonlyArray<library.Expense>
  readonly candidates: ReadonlyArray<library.Candidate>
  readonly financialReport: library.FinancialReportDocument
  /** What parsing the broken convention threw (or, when the break left it valid, what a convention without terms throws). */
  readonly validationError: library.ValidationError
}

const decodedWorlds = new WeakMap<World, Decoded>()
/** The world decoded (every world decodes: `tests/arbitraries.test.ts`). */
export function decode(json: World): Decoded {
  let found = decodedWorlds.get(json)
  if (found === undefined) {
    const portfolio = library.parsePortfolio(json.portfolio)
    found = {
      json,
      portfolio,
      convention: portfolio.conventions.find((convention) => convention.id === json.convention["id"]) as Convention,
      activities: library.parseActivities(json.activities),
      payments: library.parsePayments(json.payments),
      expenses: library.parseExpenses(json.expenses),
      candidates: library.parseCandidates(json.candidates),
      financialReport: library.parseFinancialReport(json.financialReport),
      validationError: validationErrorOf(json)
    }
    decodedWorlds.set(json, found)
  }
  return found
}

function validationErrorOf(json: World): library.ValidationError {
  for (const document of [json.brokenConvention, { ...json.convention, terms: undefined }]) {
    const parsed = library.safeParseConvention(document)
    if (!parsed.success) return parsed.error
  }
  throw new Error("unreachable: a convention without terms is refused")
}

/**
 * Records as a stream, read once: an async iterable over the JSON, as a JSON Lines file read line
 * by line gives them. Made anew at each call of `valid`, so each call reads its own stream.
 */
function streamOf(list: ReadonlyArray<unknown>): AsyncIterable<unknown> {
  return {
    async *[Symbol.asyncIterator]() {
      yield* list
    }
  }
}

/** An invariant a result broke, or undefined; `name` is what the run counts. */
export interface Invariant {
  readonly name: string
  readonly check: (args: ReadonlyArray<unknown>, result: unknown, world: Decoded) => string | undefined
}

/** A function under fuzzing. */
export interface FuzzTarget {
  readonly name: string
  /** Valid arguments drawn from a world. */
  readonly valid: (world: Decoded) => ReadonlyArray<unknown>
  /** Whether a call that returned reached the normal path (by default: it returned). */
  readonly reached?: (result: unknown) => boolean
  readonly invariants?: ReadonlyArray<Invariant>
  /** The function returns a promise: its result is awaited, what it rejects with is judged as what it throws. */
  readonly async?: true
}

/**
 * The worlds of a run, generated and decoded once from the seed and shared by every target
 * (generating a world costs more than most calls).
 */
const pools = new Map<string, ReadonlyArray<Decoded>>()
export function worldPool(size: number, seed: number): ReadonlyArray<Decoded> {
  const key = `${size} ${seed}`
  let pool = pools.get(key)
  if (pool === undefined) {
    pool = fc.sample(world, { numRuns: size, seed }).map(decode)
    pools.set(key, pool)
  }
  return pool
}

/** Inputs of a target: valid arguments (3 in 5), one argument broken (1 in 5), arbitrary JSON everywhere (1 in 5), over worlds of the pool. */
export function inputsOf(
  target: FuzzTarget,
  pool: ReadonlyArray<Decoded>
): fc.Arbitrary<{
  readonly args: ReadonlyArray<unknown>
  readonly world: Decoded
  readonly kind: "valid" | "broken" | "arbitrary"
}> {
  const worlds = fc.constantFrom(...pool).map(
    (decoded) => decoded,
    (value) => value as Decoded
  )
  return fc.oneof(
    {
      weight: 3,
      arbitrary: worlds.map((decoded) => ({ args: target.valid(decoded), world: decoded, kind: "valid" as const }))
    },
    {
      weight: 1,
      arbitrary: worlds.chain((decoded) => {
        const args = target.valid(decoded)
        if (args.length === 0) return fc.constant({ args, world: decoded, kind: "broken" as const })
        return fc.integer({ min: 0, max: args.length - 1 }).chain((position) =>
          breakOne(toJson(args[position])).map((broken) => ({
            args: args.map((arg, index) => (index === position ? broken : arg)),
            world: decoded,
            kind: "broken" as const
          }))
        )
      })
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(worlds, fc.array(anyJson, { minLength: 1, maxLength: 3 }))
        .map(([decoded, args]) => ({ args, world: decoded, kind: "arbitrary" as const }))
    }
  )
}

/** A value as JSON (an amount as its text, a function as nothing): what a caller may send instead of a decoded value. */
function toJson(value: unknown): unknown {
  if (typeof value === "function") return null
  try {
    return value === undefined ? null : JSON.parse(JSON.stringify(value))
  } catch {
    return null
  }
}

/** Calls a target, running the Effect of a `decode` function to its end (an error is an Effect too: it is returned). */
/**
 * The promises the async targets returned, each judged when it settles: undefined, or what went
 * wrong (a rejection with an error that is not one of the library's, a result unlike the sync
 * function's). The quick pass of tests/robustness.test.ts awaits them.
 */
export const settling: Array<Promise<string | undefined>> = []

function judgedRejection(error: unknown): string | undefined {
  if (TYPED_ERRORS.some((allowed) => error instanceof allowed)) return undefined
  return `rejected with ${error instanceof Error ? `${error.constructor.name}: ${error.message.split("\n")[0]}` : String(error)}`
}

export function callTarget(
  name: string,
  fn: (...args: Array<unknown>) => unknown,
  args: ReadonlyArray<unknown>
): unknown {
  const result = fn(...args)
  if (result instanceof Promise) settling.push(result.then(() => undefined, judgedRejection))
  if (name.startsWith("decode") && Effect.isEffect(result)) {
    const exit = Effect.runSyncExit(result as Effect.Effect<unknown, unknown>)
    if (Exit.isSuccess(exit)) return exit.value
    const error = (exit.cause as unknown as { reasons?: ReadonlyArray<{ error?: unknown }> }).reasons?.[0]?.error
    throw error ?? new Error(`the Effect failed: ${String(exit.cause)}`)
  }
  return result
}

// ---------------------------------------------------------------------------------------------
// Invariants

/**
 * An async function gives, once settled, the same JSON as its sync counterpart on the same
 * arguments, the records streamed one at a time (judged in {@link settling}).
 */
function sameAsSync(
  name: string,
  args: (world: Decoded) => ReadonlyArray<unknown>,
  sync: (...args: Array<never>) => unknown
): Invariant {
  return {
    name,
    check: (_args, result, world) => {
      const expected = JSON.stringify(sync(...(args(world) as Array<never>)))
      settling.push(
        (result as Promise<unknown>).then(
          (value) =>
            JSON.stringify(value) === expected ? undefined : `${name}: ${JSON.stringify(value).slice(0, 200)}`,
          judgedRejection
        )
      )
      return undefined
    }
  }
}

/** The same result, in JSON, whatever the order of the records. */
const reversed = <T>(list: ReadonlyArray<T>): ReadonlyArray<T> => [...list].reverse()
function sameUnderReorder(
  name: string,
  call: (world: Decoded, reorder: <T>(list: ReadonlyArray<T>) => ReadonlyArray<T>) => unknown
): Invariant {
  return {
    name,
    check: (_args, _result, world) => {
      const keep = JSON.stringify(call(world, (list) => list))
      const other = JSON.stringify(call(world, reversed))
      return keep === other
        ? undefined
        : `the result changed when the records were given in reverse order (${world.convention.id})`
    }
  }
}

/**
 * Every euro of a year placed once (src/funding/settlement.ts): what was received and carried in
 * is used on eligible costs, kept, offset, to repay, or awaiting use; the entitlement is the
 * spending within the grant plus the surplus kept; nothing negative.
 */
function yearPlaced(use: library.FundingUse): string | undefined {
  const s = use.settlement
  const placed = Euros.sum([s.usedOnEligible, s.keptSurplus, s.offsetNextYear, s.toRepay, s.awaitingUse])
  if (!placed.equals(s.received.plus(s.carriedIn)))
    return `${use.year}: ${placed.toString()} placed for ${s.received.plus(s.carriedIn).toString()} received and carried`
  if (!s.entitled.equals(Euros.min(s.eligibleSpend, s.granted).plus(s.keptSurplus)))
    return `${use.year}: entitled ${s.entitled.toString()} is not the spending within the grant plus the surplus kept`
  const negative = (Object.entries(s) as Array<[string, unknown]>).find(
    ([, value]) => Euros.isEuros(value) && value.isNegative()
  )
  return negative === undefined ? undefined : `${use.year}: ${negative[0]} is negative`
}

const yearConservation: Invariant = {
  name: "money conservation",
  check: (_args, result) => yearPlaced(result as library.FundingUse)
}

/** Every euro of each year placed once; offsets carried; totals the sums of the years. */
const ledgerConservation: Invariant = {
  name: "money conservation",
  check: (_args, result) => {
    const ledger = result as library.FundingLedger
    for (const [index, use] of ledger.years.entries()) {
      const problem = yearPlaced(use)
      if (problem !== undefined) return problem
      const s = use.settlement
      const next = ledger.years[index + 1]
      if (!s.offsetNextYear.equals(next?.settlement.carriedIn ?? Euros.zero))
        return `${use.year}: offset ${s.offsetNextYear.toString()} not carried into the next year`
    }
    for (const key of ["received", "toRepay", "stillToPay", "carriedIn"] as const) {
      if (!Euros.sum(ledger.years.map((use) => use.settlement[key])).equals(ledger.totals[key]))
        return `total ${key} is not the sum of the years`
    }
    return undefined
  }
}

/** The instalments sum to the year's amount plus the excess of a cut (the offset is deducted from one of them, not added). */
const scheduleSums: Invariant = {
  name: "instalments sum to the year",
  check: (_args, result) => {
    const schedule = result as library.PaymentSchedule
    const total = Euros.sum(
      schedule.instalments.map((instalment) => instalment.amount.plus(instalment.offset?.amount ?? Euros.zero))
    )
    const expected = schedule.amount.plus(schedule.excess)
    return total.equals(expected)
      ? undefined
      : `${schedule.year}: instalments ${total.toString()} for a year of ${schedule.amount.toString()} + excess ${schedule.excess.toString()}`
  }
}

/** HTML free of the markup that the documents' names hold. */
const htmlInert: Invariant = {
  name: "no injected markup (HTML)",
  check: (_args, result) => {
    const html = result as string
    // Text that reads "javascript:" is harmless, and so is a quoted attribute's value (escapeHtml
    // escapes the quotes); a tag or an attribute is not.
    const raw = [/<script/iu, /<img/iu, /<[^>]*\s(?:href|src)\s*=\s*["']?javascript:/iu, /<[^>]*\son\w+\s*=/iu].find(
      (pattern) => pattern.test(html.replace(/<style>[\s\S]*?<\/style>/u, "").replace(/="[^"]*"/gu, '=""'))
    )
    return raw === undefined ? undefined : `the HTML holds ${String(raw)}`
  }
}

/** Markdown that, rendered, holds none of the markup, links, headings or table cells that the names hold. */
const markdownInert: Invariant = {
  name: "no injected markup (Markdown)",
  check: (args, result) => {
    const markdown = result as string
    const html = marked.parse(markdown, { async: false }) as string
    for (const pattern of [
      /<script/iu,
      /<img/iu,
      /href="javascript:/iu,
      /href="http:\/\/exemple/iu,
      /href="https:\/\/exemple/iu,
      /href="http:\/\/www\.exemple/iu
    ]) {
      if (pattern.test(html)) return `the rendered Markdown holds ${String(pattern)}`
    }
    // A heading of the library's own may hold a name (escaped); a name must never start one.
    if (/<h[1-6][^>]*>Titre injecté/u.test(html)) return "a name became a heading"
    if (/<li>(?:liste|\[x\]\(javascript)|<ol[^>]*>\s*<li>liste numérotée/u.test(html))
      return "a name became a list item"
    if (/<strong>gras<\/strong>|<em>penché<\/em>|<code>code<\/code>/u.test(html))
      return "a name became emphasis or code"
    // Every row of a table has as many cells as its header.
    const tokens = marked.lexer(markdown)
    for (const token of tokens) {
      if (token.type === "table") {
        const width = (token as { header: Array<unknown> }).header.length
        const rows = (token as { rows: Array<Array<unknown>> }).rows
        if (rows.some((row) => row.length !== width)) return "a table row has more cells than its header"
      }
    }
    void args
    return undefined
  }
}

/** Cells of a CSV text (RFC 4180). */
export function csvCells(csv: string): Array<string> {
  const cells: Array<string> = []
  let index = 0
  while (index < csv.length) {
    if (csv[index] === '"') {
      let value = ""
      index++
      while (index < csv.length) {
        if (csv[index] === '"' && csv[index + 1] === '"') {
          value += '"'
          index += 2
        } else if (csv[index] === '"') {
          index++
          break
        } else value += csv[index++]
      }
      cells.push(value)
    } else {
      let end = index
      while (end < csv.length && csv[end] !== "," && csv[end] !== "\r") end++
      cells.push(csv.slice(index, end))
      index = end
    }
    if (csv[index] === ",") index++
    else if (csv[index] === "\r" && csv[index + 1] === "\n") index += 2
  }
  return cells
}

const csvFormulaFree: Invariant = {
  name: "CSV cells free of formulas",
  check: (_args, result) => {
    const cell = csvCells((result as library.ScdlExport).csv).find((value) => /^[=+\-@\t\r]/u.test(value))
    return cell === undefined ? undefined : `a CSV cell starts like a formula: ${JSON.stringify(cell)}`
  }
}

const tablesFormulaFree: Invariant = {
  name: "report tables' CSV cells free of formulas (a negative amount is a number, not a formula)",
  check: (_args, result) => {
    const tables = result as ReturnType<typeof library.reportTablesCsv>
    const cell = tables
      .flatMap((table) => csvCells(table.csv))
      .find((value) => /^[=+\-@\t\r]/u.test(value) && !/^-\d+(\.\d+)?$/u.test(value))
    return cell === undefined ? undefined : `a CSV cell starts like a formula: ${JSON.stringify(cell)}`
  }
}

const tablesMatchCsv: Invariant = {
  name: "the CSV has one line per row of each table, and the header",
  check: (args, result) => {
    const tables = library.reportTables(args[0] as never)
    const csv = result as ReturnType<typeof library.reportTablesCsv>
    if (tables.length !== csv.length) return `${tables.length} tables, ${csv.length} CSV texts`
    const wrong = tables.find((table, index) => (csv[index]?.csv.match(/\r\n/gu)?.length ?? 0) < table.rows.length + 1)
    return wrong === undefined ? undefined : `table ${wrong.id} has fewer CSV lines than rows`
  }
}

/** Decoding the encoded value gives the value again. */
function roundTrip(parse: (input: unknown) => unknown): Invariant {
  return {
    name: "encode then parse gives the value",
    check: (args, result) =>
      JSON.stringify(parse(result)) === JSON.stringify(args[0]) ? undefined : "the value changed through its JSON"
  }
}

/** Each line's variance is its actual minus its forecast; the totals are the sums of the lines; the spending covered is the cost less the other funding, not below zero. */
const varianceSums: Invariant = {
  name: "variance = actual − forecast, totals the sums of the lines",
  check: (_args, result) => {
    const comparison = result as library.FinancialReportComparison
    const wrong = comparison.lines.find((line) => !line.variance.equals(line.actual.minus(line.forecast)))
    if (wrong !== undefined)
      return `${wrong.account}: variance ${wrong.variance.toString()} for ${wrong.actual.toString()} − ${wrong.forecast.toString()}`
    for (const [key, side] of [
      ["charges", "charge"],
      ["products", "product"],
      ["inKind", "in-kind"]
    ] as const) {
      const lines = comparison.lines.filter((line) => line.side === side)
      if (
        !Euros.sum(lines.map((line) => line.actual)).equals(comparison.totals[key].actual) ||
        !Euros.sum(lines.map((line) => line.forecast)).equals(comparison.totals[key].forecast)
      )
        return `the ${key} totals are not the sums of their lines`
    }
    if (!comparison.cafReceived.plus(comparison.otherFundingReceived).equals(comparison.totals.products.actual))
      return "the Caf's and the other funding do not make the products"
    if (
      !comparison.eligibleSpend.equals(
        Euros.max(Euros.zero, comparison.actualCost.minus(comparison.otherFundingReceived))
      )
    )
      return `eligible spend ${comparison.eligibleSpend.toString()} is not the cost less the other funding`
    return undefined
  }
}

/** Each partner's total is the sum of its subsidies counted; above 153 000 € exactly when it says so. */
const publicFundingSums: Invariant = {
  name: "total = sum of the subsidies",
  check: (_args, result) => {
    for (const row of result as ReadonlyArray<library.PartnerPublicFunding>) {
      if (!row.total.equals(Euros.sum(row.subsidies.map((subsidy) => subsidy.amount))))
        return `${row.partnerId}: total ${row.total.toString()} is not the sum of its subsidies`
      if (row.aboveAuditorThreshold !== row.total.greaterThan(Euros.parse("153000")))
        return `${row.partnerId}: aboveAuditorThreshold wrong for ${row.total.toString()}`
      if (row.subsidies.some((subsidy) => !subsidy.amount.isPositive()))
        return `${row.partnerId}: a subsidy counted is not positive`
    }
    return undefined
  }
}

/** One check per budget, in order; a budget's cost is the sum of its charges; nothing negative. */
const budgetSums: Invariant = {
  name: "one check per budget, its cost the sum of its charges",
  check: (args, result) => {
    const convention = args[0] as Convention
    const year = (args[1] as library.BudgetCheckOptions).year
    // One check per budget of the year asked (or of every year), in the budgets' order, twins included.
    const budgets = (convention.budgets ?? []).filter((candidate) => year === undefined || candidate.year === year)
    const checks = result as ReadonlyArray<library.BudgetCheck>
    if (checks.length !== budgets.length) return `${checks.length} checks for ${budgets.length} budgets`
    for (const [index, check] of checks.entries()) {
      const budget = budgets[index] as library.Budget
      if (budget.year !== check.year || budget.actionId !== check.actionId)
        return `check ${index} is not the budget's (${budget.year} ${budget.actionId ?? ""})`
      if (!check.cost.equals(Euros.sum(budget.charges.map((line) => line.amount))))
        return `${check.year}: cost ${check.cost.toString()} is not the sum of the charges`
      if (check.cost.isNegative() || check.caf.isNegative() || check.awardedCaf.isNegative())
        return `${check.year}: a negative amount`
    }
    return undefined
  }
}

/** The repayment is due on or after the decision, and at most six months after it. */
const repaymentWithinSixMonths: Invariant = {
  name: "due between the decision and six months after",
  check: (args, result) => {
    const withdrawal = args[0] as { decidedOn: string }
    const due = result as string
    return due >= withdrawal.decidedOn && due <= library.addMonths(withdrawal.decidedOn as library.CalendarDate, 6)
      ? undefined
      : `due ${due} for a decision of ${withdrawal.decidedOn}`
  }
}

/** One line per issue after the heading (and one for those not listed), each naming its path. */
/** A resolution shared by every day of one knowledge reads as the resolution of the day asked: the same years, amounts and period. */
const sameAsTheDay: Invariant = {
  name: "the same years, amounts and period as resolveConvention on the day asked",
  check: (args, result) => {
    const [convention, options] = args as [library.Convention, { readonly knownOn: string }]
    const shared = result as library.ResolvedConvention
    const day = library.resolveConvention(convention, options)
    const text = (resolved: library.ResolvedConvention) =>
      JSON.stringify([resolved.period, resolved.years, resolved.amendments.map((a) => a.number), resolved.terminated])
    return text(shared) === text(day) ? undefined : `on ${options.knownOn}: ${text(shared)} against ${text(day)}`
  }
}

const issuesListed: Invariant = {
  name: "one line per issue, with its path",
  check: (args, result) => {
    const error = args[0] as library.ValidationError
    const lines = result as ReadonlyArray<string>
    const expected = 1 + error.issues.length + ((error.omittedIssues ?? 0) === 0 ? 0 : 1)
    if (lines.length !== expected) return `${lines.length} lines for ${error.issues.length} issues`
    const missing = error.issues.findIndex(
      (issue, index) => !(lines[index + 1] ?? "").includes(library.formatPath(issue.path))
    )
    return missing === -1 ? undefined : `line ${missing + 1} does not name its path`
  }
}

// ---------------------------------------------------------------------------------------------
// The targets

const date = (world: Decoded) => world.json.date
const period = (world: Decoded) => library.effectivePeriod(world.convention) ?? world.convention.terms.period
const amountOf = (world: Decoded) =>
  world.convention.terms.amounts?.kind === "constant"
    ? world.convention.terms.amounts.yearlyAmount
    : Euros.fromCents(123456)
const reportInputs = (world: Decoded) => ({
  partners: world.portfolio.partners,
  conventions: world.portfolio.conventions,
  activities: world.activities,
  payments: world.payments,
  expenses: world.expenses
})
const siret = (world: Decoded) =>
  world.portfolio.partners.map((partner) => partner.siret).find((value) => value !== undefined) ?? "73282932000074"
const rna = (world: Decoded) =>
  `W${(world.json.year % 9) + 1}${"0123456789AB"[world.json.year % 12]}${String(world.json.date.replace(/-/gu, "")).slice(1)}`
const anyObjective = () =>
  library.parseConvention({
    id: "c",
    title: "t",
    kind: "convention-pluriannuelle-objectifs",
    funderId: "f",
    partnerId: "p",
    terms: {
      period: { start: "2024-01-01", end: "2024-12-31" },
      territory: ["91"],
      sectors: ["jeunesse"],
      accompanimentKinds: ["individuel"],
      clauses: [],
      objectives: [
        {
          id: "o",
          title: "Objectif",
          indicator: { kind: "count-actions", filter: { activityKinds: ["action-collective"] } },
          target: { atLeast: 2 }
        }
      ]
    }
  }).terms.objectives[0] as library.Objective
const objective = (world: Decoded) => world.convention.terms.objectives[0] ?? anyObjective()
const scenarioOf = (world: Decoded) => {
  const questions = ["eligibility", "objectives", "schedule", "funding-use", "ledger", "compliance"] as const
  const question = questions[world.json.year % questions.length] as (typeof questions)[number]
  return library.parseScenario({
    name: `Scénario ${question}`,
    convention: { file: "portfolio.json", id: world.convention.id },
    question,
    ...(question === "eligibility" ? { date: world.json.date, candidates: world.json.candidates } : {}),
    ...(question === "objectives" ? { year: world.json.year, activities: world.json.activities } : {}),
    ...(question === "schedule" ? { year: world.json.year } : {}),
    ...(question === "funding-use"
      ? { year: world.json.year, payments: world.json.payments, expenses: world.json.expenses }
      : {}),
    ...(question === "ledger" ? { payments: world.json.payments, expenses: world.json.expenses } : {}),
    expected: {}
  })
}
const annual = (world: Decoded) =>
  library.annualReport(world.convention, { year: world.json.year, ...reportInputs(world) })
const whole = (world: Decoded) => library.conventionReport(world.convention, reportInputs(world))
const rule = library.TERRITORY_RULE

/** A safeParse reached its normal path when it succeeded. */
const succeeded = (result: unknown) => (result as { success?: unknown }).success === true
/** A predicate reached it when it held. */
const held = (result: unknown) => result === true

export const TARGETS: ReadonlyArray<FuzzTarget> = [
  // money
  { name: "Euros.parse", valid: (w) => [amountOf(w).toString()] },
  { name: "Euros.safeParse", valid: (w) => [amountOf(w).toString()], reached: succeeded },
  { name: "Euros.fromCents", valid: (w) => [Number(amountOf(w).toString().replace(".", ""))] },
  { name: "Euros.fromNumber", valid: (w) => [Number(amountOf(w).toString())] },
  {
    name: "Euros.round",
    valid: (w) => [
      `${amountOf(w).toString()}${w.json.year % 10}`,
      library.ROUNDING_MODES[w.json.year % library.ROUNDING_MODES.length]
    ]
  },
  { name: "Euros.sum", valid: (w) => [w.payments.map((payment) => payment.amount)] },
  { name: "Euros.min", valid: (w) => [amountOf(w), w.payments[0]?.amount ?? Euros.zero] },
  { name: "Euros.max", valid: (w) => [amountOf(w), w.payments[0]?.amount ?? Euros.zero] },
  { name: "Euros.isEuros", valid: (w) => [amountOf(w)], reached: held },
  { name: "allocate", valid: (w) => [amountOf(w), ["0.5", "0.3", "0.2"].slice(0, (w.json.year % 3) + 1)] },
  {
    name: "prorate",
    valid: (w) => [
      amountOf(w),
      library.periodDays(period(w)) % 366,
      366,
      library.ROUNDING_MODES[w.json.year % library.ROUNDING_MODES.length]
    ]
  },
  {
    name: "prorateSum",
    valid: (w) => [
      [
        { amount: amountOf(w), part: library.periodDays(period(w)) % 366, whole: 366 },
        { amount: w.payments[0]?.amount ?? Euros.zero, part: 1, whole: 365 }
      ],
      library.ROUNDING_MODES[w.json.year % library.ROUNDING_MODES.length]
    ]
  },
  {
    name: "ValidationError.of",
    valid: (w) => ["convention", [{ path: ["terms", "period"], message: `fin ${w.json.date}` }]]
  },
  // calendar
  { name: "addDays", valid: (w) => [date(w), w.json.year % 400] },
  { name: "addMonths", valid: (w) => [date(w), w.json.year % 30] },
  {
    name: "calendarDate",
    valid: (w) => [Number(date(w).slice(0, 4)), Number(date(w).slice(5, 7)), Number(date(w).slice(8))]
  },
  { name: "calendarYear", valid: (w) => [w.json.year] },
  { name: "compareDates", valid: (w) => [date(w), w.convention.terms.period.start] },
  { name: "daysBetween", valid: (w) => [w.convention.terms.period.start, date(w)] },
  { name: "daysInMonth", valid: (w) => [w.json.year, (w.json.year % 12) + 1] },
  { name: "daysInYear", valid: (w) => [w.json.year] },
  { name: "endOfMonth", valid: (w) => [date(w)] },
  { name: "endOfYear", valid: (w) => [date(w)] },
  { name: "startOfYear", valid: (w) => [date(w)] },
  { name: "yearOf", valid: (w) => [date(w)] },
  { name: "formatFrenchDate", valid: (w) => [date(w)] },
  { name: "isCalendarDate", valid: (w) => [date(w)], reached: held },
  { name: "isLeapYear", valid: (w) => [w.json.year] },
  { name: "maxDate", valid: (w) => [date(w), w.convention.terms.period.end] },
  { name: "minDate", valid: (w) => [date(w), w.convention.terms.period.end] },
  { name: "makePeriod", valid: (w) => [w.convention.terms.period.start, w.convention.terms.period.end] },
  { name: "parseCalendarDate", valid: (w) => [date(w)] },
  { name: "safeParseCalendarDate", valid: (w) => [date(w)], reached: succeeded },
  { name: "readCalendarDate", valid: (w) => [date(w), ["date"]] },
  { name: "parsePeriod", valid: (w) => [(w.json.convention["terms"] as { period: unknown }).period] },
  {
    name: "safeParsePeriod",
    valid: (w) => [(w.json.convention["terms"] as { period: unknown }).period],
    reached: succeeded
  },
  { name: "periodContains", valid: (w) => [period(w), date(w)] },
  { name: "periodDays", valid: (w) => [period(w)] },
  {
    name: "periodIntersection",
    valid: (w) => [period(w), library.makePeriod(library.startOfYear(date(w)), library.endOfYear(date(w)))]
  },
  { name: "periodPartInYear", valid: (w) => [period(w), w.json.year] },
  { name: "periodYears", valid: (w) => [period(w)] },
  { name: "periodsOverlap", valid: (w) => [period(w), w.portfolio.conventions[0]?.terms.period ?? period(w)] },
  { name: "yearFraction", valid: (w) => [period(w), w.json.year] },
  // identifiers
  { name: "luhnValid", valid: (w) => [siret(w)], reached: held },
  { name: "isSiren", valid: (w) => [siret(w).slice(0, 9)], reached: held },
  { name: "isSiret", valid: (w) => [siret(w)], reached: held },
  { name: "isRna", valid: (w) => [rna(w)], reached: held },
  { name: "isDepartement", valid: (w) => [w.convention.terms.territory[0]], reached: held },
  {
    name: "departementText",
    valid: (w) => [w.convention.terms.territory[0]],
    reached: (result) => /\(\d[\dAB]\d?\)$/u.test(result as string)
  },
  // the vocabulary
  { name: "citation", valid: () => ["signature"], reached: (result) => result === "loi n° 2000-321, art. 10" },
  {
    name: "ruleFailureLabel",
    valid: () => [{ ruleId: "territory", label: "Territoire couvert", excluded: true }],
    reached: (result) => result === "non : Territoire couvert"
  },
  {
    name: "unmetConditions",
    valid: () => [[{ ruleId: "territory", label: "Territoire couvert", excluded: false }]],
    reached: (result) => result === "condition non remplie : Territoire couvert"
  },
  { name: "quantityText", valid: () => [12, library.UNIT_LABELS.day], reached: (result) => result === "12 jours" },
  { name: "percentText", valid: () => ["0.025"], reached: (result) => result === "2,5 %" },
  {
    name: "instalmentStatusText",
    valid: () => [{ status: "late", daysLate: 12 }],
    reached: (result) => result === "en retard (12 jours)"
  },
  { name: "signedAmount", valid: () => [Euros.parse("-15000")], reached: (result) => String(result).startsWith("−15") },
  {
    name: "signedPercentText",
    valid: () => [{ numerator: -3, denominator: 17 }],
    reached: (result) => result === "−17,6 %"
  },
  {
    name: "ratioReference",
    valid: () => [{ atMost: 2 }],
    reached: (result) => (result as { bound?: string })?.bound === "maximum"
  },
  {
    name: "amendmentHistory",
    valid: (w) => [w.convention, {}],
    reached: (result) => Array.isArray(result)
  },
  { name: "sirenOf", valid: (w) => [siret(w)] },
  { name: "parseSiren", valid: (w) => [siret(w).slice(0, 9)] },
  { name: "parseSiret", valid: (w) => [siret(w)] },
  { name: "parseRna", valid: (w) => [rna(w)] },
  { name: "parseDepartement", valid: (w) => [w.convention.terms.territory[0]] },
  // decoding and encoding
  { name: "parsePortfolio", valid: (w) => [w.json.portfolio] },
  { name: "safeParsePortfolio", valid: (w) => [w.json.portfolio], reached: succeeded },
  { name: "decodePortfolio", valid: (w) => [w.json.portfolio] },
  { name: "encodePortfolio", valid: (w) => [w.portfolio], invariants: [roundTrip(library.parsePortfolio)] },
  { name: "parseConvention", valid: (w) => [w.json.convention] },
  { name: "safeParseConvention", valid: (w) => [w.json.convention], reached: succeeded },
  { name: "decodeConvention", valid: (w) => [w.json.convention] },
  { name: "encodeConvention", valid: (w) => [w.convention], invariants: [roundTrip(library.parseConvention)] },
  { name: "parsePartner", valid: (w) => [w.json.portfolio.partners[1]] },
  { name: "safeParsePartner", valid: (w) => [w.json.portfolio.partners[1]], reached: succeeded },
  { name: "decodePartner", valid: (w) => [w.json.portfolio.partners[1]] },
  { name: "encodePartner", valid: (w) => [w.portfolio.partners[1]], invariants: [roundTrip(library.parsePartner)] },
  { name: "parseActivities", valid: (w) => [w.json.activities] },
  { name: "safeParseActivities", valid: (w) => [w.json.activities], reached: succeeded },
  { name: "decodeActivities", valid: (w) => [w.json.activities] },
  { name: "encodeActivities", valid: (w) => [w.activities], invariants: [roundTrip(library.parseActivities)] },
  {
    name: "parseActivity",
    valid: (w) => [w.json.activities[0] ?? { id: "a", date: w.json.date, kind: "action-collective" }]
  },
  {
    name: "safeParseActivity",
    valid: (w) => [w.json.activities[0] ?? { id: "a", date: w.json.date, kind: "action-collective" }],
    reached: succeeded
  },
  {
    name: "decodeActivity",
    valid: (w) => [w.json.activities[0] ?? { id: "a", date: w.json.date, kind: "action-collective" }]
  },
  { name: "parsePayments", valid: (w) => [w.json.payments] },
  { name: "safeParsePayments", valid: (w) => [w.json.payments], reached: succeeded },
  { name: "decodePayments", valid: (w) => [w.json.payments] },
  { name: "encodePayments", valid: (w) => [w.payments], invariants: [roundTrip(library.parsePayments)] },
  {
    name: "parsePayment",
    valid: (w) => [w.json.payments[0] ?? { id: "p", date: w.json.date, amount: "1.00", year: w.json.year }]
  },
  {
    name: "safeParsePayment",
    valid: (w) => [w.json.payments[0] ?? { id: "p", date: w.json.date, amount: "1.00", year: w.json.year }],
    reached: succeeded
  },
  { name: "parseExpenses", valid: (w) => [w.json.expenses] },
  { name: "safeParseExpenses", valid: (w) => [w.json.expenses], reached: succeeded },
  { name: "decodeExpenses", valid: (w) => [w.json.expenses] },
  { name: "encodeExpenses", valid: (w) => [w.expenses], invariants: [roundTrip(library.parseExpenses)] },
  {
    name: "parseExpense",
    valid: (w) => [w.json.expenses[0] ?? { id: "e", date: w.json.date, amount: "1.00", category: "personnel" }]
  },
  {
    name: "safeParseExpense",
    valid: (w) => [w.json.expenses[0] ?? { id: "e", date: w.json.date, amount: "1.00", category: "personnel" }],
    reached: succeeded
  },
  { name: "parseCandidates", valid: (w) => [w.json.candidates] },
  { name: "safeParseCandidates", valid: (w) => [w.json.candidates], reached: succeeded },
  {
    name: "parseCandidate",
    valid: (w) => [
      w.json.candidates[0] ?? {
        id: "c",
        structureId: "s",
        legalForm: "association-loi-1901",
        departement: "91",
        situation: "en-difficulte",
        sector: "jeunesse",
        accompanimentKind: "individuel"
      }
    ]
  },
  {
    name: "safeParseCandidate",
    valid: (w) => [
      w.json.candidates[0] ?? {
        id: "c",
        structureId: "s",
        legalForm: "association-loi-1901",
        departement: "91",
        situation: "en-difficulte",
        sector: "jeunesse",
        accompanimentKind: "individuel"
      }
    ],
    reached: succeeded
  },
  {
    name: "decodeCandidate",
    valid: (w) => [
      w.json.candidates[0] ?? {
        id: "c",
        structureId: "s",
        legalForm: "association-loi-1901",
        departement: "91",
        situation: "en-difficulte",
        sector: "jeunesse",
        accompanimentKind: "individuel"
      }
    ]
  },
  {
    name: "encodeCandidate",
    valid: (w) => [
      w.candidates[0] ??
        library.parseCandidate({
          id: "c",
          structureId: "s",
          legalForm: "association-loi-1901",
          departement: "91",
          situation: "en-difficulte",
          sector: "jeunesse",
          accompanimentKind: "individuel"
        })
    ]
  },
  {
    name: "parseRepayments",
    valid: (w) => [w.json.payments.map(({ instalment: _instalment, ...payment }) => payment)]
  },
  {
    name: "safeParseRepayments",
    valid: (w) => [w.json.payments.map(({ instalment: _instalment, ...payment }) => payment)],
    reached: succeeded
  },
  { name: "parseScenario", valid: (w) => [{ ...scenarioOf(w) }] },
  { name: "safeParseScenario", valid: (w) => [{ ...scenarioOf(w) }], reached: succeeded },
  { name: "makeCodec", valid: () => [library.PeriodSchema, "period"] },
  { name: "uniqueList", valid: () => [library.SectorSchema] },
  { name: "conventionJsonSchema", valid: () => [] },
  { name: "portfolioJsonSchema", valid: () => [] },
  { name: "parseFinancialReport", valid: (w) => [w.json.financialReport] },
  { name: "safeParseFinancialReport", valid: (w) => [w.json.financialReport], reached: succeeded },
  {
    name: "encodeFinancialReport",
    valid: (w) => [w.financialReport],
    invariants: [roundTrip(library.parseFinancialReport)]
  },
  { name: "financialReportJsonSchema", valid: () => [] },
  {
    name: "issueMessage",
    valid: (w) => [
      w.validationError.issues[w.json.year % w.validationError.issues.length],
      w.json.year % 2 === 0 ? "fr" : "en"
    ],
    reached: (result) => typeof result === "string" && result.length > 0
  },
  {
    name: "formatIssues",
    valid: (w) => [
      w.validationError,
      { locale: w.json.year % 2 === 0 ? "fr" : "en", ...(w.json.year % 3 === 0 ? { title: w.convention.title } : {}) }
    ],
    invariants: [issuesListed]
  },
  { name: "formatPath", valid: (w) => [["conventions", w.json.year % 3, "terms", "period"]] },
  { name: "formatFraction", valid: (w) => [{ numerator: w.json.year, denominator: 7 }, 2] },
  // conventions
  { name: "checkCompliance", valid: (w) => [w.convention] },
  { name: "conventionStatus", valid: (w) => [w.convention, date(w)] },
  { name: "effectivePeriod", valid: (w) => [w.convention] },
  { name: "finalTerms", valid: (w) => [w.convention] },
  { name: "termsAsOf", valid: (w) => [w.convention, date(w)] },
  { name: "termsTimeline", valid: (w) => [w.convention] },
  { name: "resolveConvention", valid: (w) => [w.convention, {}] },
  { name: "resolveKnowledge", valid: (w) => [w.convention, { knownOn: date(w) }], invariants: [sameAsTheDay] },
  { name: "isResolvedConvention", valid: (w) => [library.resolveConvention(w.convention, {})], reached: held },
  { name: "yearAmounts", valid: (w) => [w.convention] },
  { name: "resolvedYear", valid: (w) => [library.resolveConvention(w.convention, {}), w.json.year] },
  { name: "termsInForceOn", valid: (w) => [library.resolveConvention(w.convention, {}), date(w)] },
  { name: "checkedConvention", valid: (w) => [w.convention] },
  { name: "checkedConventions", valid: (w) => [w.portfolio.conventions] },
  {
    name: "withdrawalRepaymentDue",
    valid: (w) => [
      w.convention.withdrawal ??
        w.portfolio.conventions.find((convention) => convention.withdrawal !== undefined)?.withdrawal ?? {
          decidedOn: date(w)
        }
    ],
    invariants: [repaymentWithinSixMonths]
  },
  { name: "lineage", valid: (w) => [w.portfolio.conventions, w.convention.id] },
  {
    name: "republicanCommitmentText",
    valid: (w) => [
      w.portfolio.partners.find((partner) => partner.republicanCommitment !== undefined)?.republicanCommitment ?? {
        subscribedOn: date(w)
      }
    ]
  },
  { name: "targetForYear", valid: (w) => [objective(w), w.json.year] },
  // eligibility
  { name: "allOf", valid: () => [[rule, library.SECTOR_COVERED_RULE], "règles"] },
  { name: "anyOf", valid: () => [[rule, library.SECTOR_COVERED_RULE], "règles"] },
  { name: "not", valid: () => [rule, "hors territoire"] },
  { name: "defineRule", valid: () => [rule] },
  { name: "removeRule", valid: () => [library.DEFAULT_ELIGIBILITY_RULES, "territory"] },
  { name: "replaceRule", valid: () => [library.DEFAULT_ELIGIBILITY_RULES, rule] },
  { name: "withRule", valid: () => [library.DEFAULT_ELIGIBILITY_RULES, rule] },
  { name: "ruleIds", valid: () => [library.DEFAULT_ELIGIBILITY_RULES] },
  { name: "eligibilityContext", valid: (w) => [w.convention, date(w)] },
  {
    name: "checkEligibility",
    valid: (w) => [
      w.convention,
      w.candidates[0] ??
        library.parseCandidate({
          id: "c",
          structureId: "s",
          legalForm: "association-loi-1901",
          departement: "91",
          situation: "en-difficulte",
          sector: "jeunesse",
          accompanimentKind: "individuel"
        }),
      { date: date(w) }
    ]
  },
  {
    name: "screenEligibility",
    valid: (w) => [w.convention, w.candidates, { date: date(w) }],
    invariants: [
      sameUnderReorder("same verdicts in any order", (w, reorder) =>
        library
          .screenEligibility(w.convention, reorder(w.candidates), { date: date(w) })
          .lines.map(({ index: _index, ...line }) => JSON.stringify(line))
          .sort()
      )
    ]
  },
  {
    name: "compileEligibility",
    valid: (w) => [w.convention, { date: date(w) }],
    invariants: [
      {
        name: "compiled verdicts equal checkEligibility's",
        check: (args, result, w) => {
          const compiled = result as (candidate: library.Candidate) => boolean
          const differs = w.candidates.find(
            (candidate) =>
              compiled(candidate) !==
              library.checkEligibility(args[0] as Convention, candidate, args[1] as library.EligibilityOptions).eligible
          )
          return differs === undefined ? undefined : `the compiled check and checkEligibility disagree on ${differs.id}`
        }
      }
    ]
  },
  {
    name: "explain",
    valid: (w) => [
      library.checkEligibility(
        w.convention,
        w.candidates[0] ??
          library.parseCandidate({
            id: "c",
            structureId: "s",
            legalForm: "association-loi-1901",
            departement: "91",
            situation: "en-difficulte",
            sector: "jeunesse",
            accompanimentKind: "individuel"
          }),
        { date: date(w) }
      )
    ]
  },
  {
    name: "explanationLines",
    valid: (w) => [
      library.evaluateObjectives(w.convention, w.activities, { year: w.json.year }).explanation,
      w.json.year % 3
    ]
  },
  // budget
  {
    name: "checkBudgets",
    valid: (w) => [
      w.convention,
      {
        ...(w.json.year % 2 === 0 ? { year: w.json.year } : {}),
        ...(w.json.year % 3 === 0 ? { cafShareCap: "0.8" } : {})
      }
    ],
    invariants: [budgetSums]
  },
  { name: "compareFinancialReport", valid: (w) => [w.convention, w.financialReport], invariants: [varianceSums] },
  { name: "checkedFinancialReport", valid: (w) => [w.financialReport] },
  {
    name: "partnerPublicFunding",
    valid: (w) => [w.portfolio, { year: w.json.year, ...(w.json.year % 3 === 0 ? { partnerId: "operateur-1" } : {}) }],
    invariants: [publicFundingSums]
  },
  // objectives
  {
    name: "defineIndicator",
    valid: () => [
      {
        kind: "aggregate",
        aggregate: "count",
        filter: { activityKinds: ["action-collective"] },
        unit: { singular: "atelier", plural: "ateliers" }
      }
    ]
  },
  {
    name: "indicatorDefinition",
    valid: (w) => [((indicator) => (indicator.kind === "share" ? indicator.part : indicator))(objective(w).indicator)]
  },
  {
    name: "evaluateObjectives",
    valid: (w) => [w.convention, w.activities, { year: w.json.year }],
    invariants: [
      sameUnderReorder("same result in any record order", (w, reorder) =>
        library.evaluateObjectives(w.convention, reorder(w.activities), { year: w.json.year })
      )
    ]
  },
  {
    name: "evaluateConventionObjectives",
    valid: (w) => [w.convention, w.activities, {}],
    invariants: [
      sameUnderReorder("same result in any record order", (w, reorder) =>
        library.evaluateConventionObjectives(w.convention, reorder(w.activities), {})
      )
    ]
  },
  {
    name: "evaluateObjectivesAsync",
    valid: (w) => [w.convention, w.activities, { year: w.json.year }],
    invariants: [
      sameAsSync(
        "same result as evaluateObjectives",
        (w) => [w.convention, w.activities, { year: w.json.year }],
        library.evaluateObjectives
      )
    ]
  },
  {
    name: "evaluateConventionObjectivesAsync",
    valid: (w) => [w.convention, w.activities, {}],
    invariants: [
      sameAsSync(
        "same result as evaluateConventionObjectives",
        (w) => [w.convention, w.activities, {}],
        library.evaluateConventionObjectives
      )
    ]
  },
  // funding
  {
    name: "paymentSchedule",
    valid: (w) => [w.convention, { year: w.json.year, ...(w.json.year % 2 === 0 ? { asOf: date(w) } : {}) }],
    invariants: [scheduleSums]
  },
  {
    name: "evaluateFundingUse",
    valid: (w) => [
      w.convention,
      {
        year: w.json.year,
        payments: w.payments,
        expenses: w.expenses,
        ...(w.json.year % 2 === 0 ? { asOf: date(w) } : {})
      }
    ],
    invariants: [
      sameUnderReorder("same result in any record order", (w, reorder) =>
        library.evaluateFundingUse(w.convention, {
          year: w.json.year,
          payments: reorder(w.payments),
          expenses: reorder(w.expenses),
          ...(w.json.year % 2 === 0 ? { asOf: date(w) } : {})
        })
      ),
      yearConservation
    ]
  },
  {
    name: "fundingLedger",
    valid: (w) => [
      w.convention,
      { payments: w.payments, expenses: w.expenses, ...(w.json.year % 2 === 0 ? { asOf: date(w) } : {}) }
    ],
    invariants: [
      ledgerConservation,
      sameUnderReorder("same result in any record order", (w, reorder) =>
        library.fundingLedger(w.convention, {
          payments: reorder(w.payments),
          expenses: reorder(w.expenses),
          ...(w.json.year % 2 === 0 ? { asOf: date(w) } : {})
        })
      )
    ]
  },
  {
    name: "evaluateFundingUseAsync",
    async: true,
    valid: (w) => [
      w.convention,
      {
        year: w.json.year,
        payments: streamOf(w.json.payments),
        expenses: streamOf(w.json.expenses),
        ...(w.json.year % 2 === 0 ? { asOf: date(w) } : {})
      }
    ],
    invariants: [
      {
        name: "the same result as evaluateFundingUse on the same records in lists",
        check: (_args, result, w) => {
          const listed = library.evaluateFundingUse(w.convention, {
            year: w.json.year,
            payments: w.payments,
            expenses: w.expenses,
            ...(w.json.year % 2 === 0 ? { asOf: date(w) } : {})
          })
          return JSON.stringify(result) === JSON.stringify(listed)
            ? undefined
            : `the streamed records gave another result (${w.convention.id})`
        }
      },
      yearConservation
    ]
  },
  {
    name: "fundingLedgerAsync",
    async: true,
    valid: (w) => [
      w.convention,
      {
        payments: streamOf(w.json.payments),
        expenses: streamOf(w.json.expenses),
        ...(w.json.year % 2 === 0 ? { asOf: date(w) } : {})
      }
    ],
    invariants: [
      ledgerConservation,
      {
        name: "the same ledger as fundingLedger on the same records in lists",
        check: (_args, result, w) => {
          const listed = library.fundingLedger(w.convention, {
            payments: w.payments,
            expenses: w.expenses,
            ...(w.json.year % 2 === 0 ? { asOf: date(w) } : {})
          })
          return JSON.stringify(result) === JSON.stringify(listed)
            ? undefined
            : `the streamed records gave another ledger (${w.convention.id})`
        }
      }
    ]
  },
  // reports
  {
    name: "annualReport",
    valid: (w) => [w.convention, { year: w.json.year, ...reportInputs(w) }],
    invariants: [
      sameUnderReorder("same report in any record order", (w, reorder) =>
        library.renderReportMarkdown(
          library.annualReport(w.convention, {
            year: w.json.year,
            ...reportInputs(w),
            activities: reorder(w.activities),
            payments: reorder(w.payments),
            expenses: reorder(w.expenses)
          })
        )
      )
    ]
  },
  { name: "conventionReport", valid: (w) => [w.convention, reportInputs(w)] },
  { name: "renderReportHtml", valid: (w) => [w.json.year % 2 === 0 ? annual(w) : whole(w)], invariants: [htmlInert] },
  {
    name: "renderReportMarkdown",
    valid: (w) => [w.json.year % 2 === 0 ? annual(w) : whole(w)],
    invariants: [markdownInert]
  },
  { name: "reportTables", valid: (w) => [w.json.year % 2 === 0 ? annual(w) : whole(w)] },
  { name: "reportDocument", valid: (w) => [w.json.year % 2 === 0 ? annual(w) : whole(w)] },
  {
    name: "reportTablesCsv",
    valid: (w) => [
      w.json.year % 2 === 0 ? annual(w) : whole(w),
      { separator: ",", decimal: ".", bom: w.json.year % 3 === 0 }
    ],
    invariants: [tablesFormulaFree, tablesMatchCsv]
  },
  { name: "scdlColumns", valid: (w) => [library.SCDL_VERSIONS[w.json.year % library.SCDL_VERSIONS.length]] },
  {
    name: "toScdlCsv",
    valid: (w) => [w.portfolio.conventions, { partners: w.portfolio.partners }],
    invariants: [csvFormulaFree],
    reached: (result) => (result as library.ScdlExport).rows.length > 0
  },
  // scenarios
  { name: "runScenario", valid: (w) => [scenarioOf(w), () => w.json.portfolio] }
]

/** The hostile texts, for the run's summary. */
export const HOSTILE = [...HOSTILE_TEXTS, ...HOSTILE_MULTILINE]
