/**
 * Every public function of the package, called with wrong arguments: whatever it throws must be
 * one of the library's error classes, never a `TypeError` from deep inside. Functions of modules
 * not yet checked at the door are listed in `knownGaps` with the reason; the test fails when one
 * of them is fixed (remove it from the list) or when a new function fails.
 */
import { describe, expect, it } from "vitest"
import * as library from "caf-conventions"
import { exampleData, foundingPortfolioJson } from "./fixtures.js"

const { InvalidAmountError, InvalidArgumentError, InvalidDateError, LineageError, ValidationError } = library

/** The library's error classes: those of src/core/errors.ts, and LineageError (documented with them). */
const LIBRARY_ERRORS: ReadonlyArray<new (...args: never) => Error> = [
  ValidationError,
  InvalidAmountError,
  InvalidDateError,
  InvalidArgumentError,
  LineageError
]

const portfolioJson = foundingPortfolioJson()
const portfolio = library.parsePortfolio(foundingPortfolioJson())
const cpo = portfolio.conventions.find((convention) => convention.id === "cpo-2023-2025") as library.Convention
const date = library.parseCalendarDate("2024-06-01")
const period = library.parsePeriod({ start: "2024-01-01", end: "2024-12-31" })
const amount = library.Euros.parse("100")
const activities = library.parseActivities(exampleData("activities.json"))
const payments = library.parsePayments(exampleData("payments.json"))
const expenses = library.parseExpenses(exampleData("expenses.json"))
const candidate = library.parseCandidate(exampleData("candidates.json")[0])
const result = library.checkEligibility(cpo, candidate, { date })
const report = library.annualReport(cpo, {
  year: 2024,
  partners: portfolio.partners,
  conventions: portfolio.conventions,
  activities,
  payments,
  expenses
})
const objective = cpo.terms.objectives[0] as library.Objective
const rule = library.TERRITORY_RULE
const relais = library.parsePortfolio(exampleData("budget-portfolio.json"))
const relaisCpo = relais.conventions[0] as library.Convention
const financialReport = library.parseFinancialReport(exampleData("financial-report-2025.json"))
const scenario = library.parseScenario({ ...(exampleData("../scenarios/compliance.json") as object) })

/**
 * Valid arguments for each function, so that each argument in turn can be replaced by a wrong
 * one while the others stay right. A function missing from this table is called with wrong
 * arguments only (every position the same), and named by the test below so that it gets an entry.
 */
const VALID: Readonly<Record<string, ReadonlyArray<unknown>>> = {
  "Euros.parse": ["1.00"],
  "Euros.safeParse": ["1.00"],
  "Euros.fromCents": [100],
  "Euros.fromNumber": [1],
  "Euros.round": ["1.005", "half-up"],
  "Euros.sum": [[amount, amount]],
  "Euros.min": [amount, amount],
  "Euros.max": [amount, amount],
  "Euros.isEuros": [amount],
  "ValidationError.of": ["thing", [{ path: ["a"], message: "is wrong" }]],
  addDays: [date, 1],
  addMonths: [date, 1],
  allOf: [[rule], "label"],
  allocate: [amount, ["0.5", "0.5"]],
  annualReport: [cpo, { year: 2024, activities, payments, expenses }],
  anyOf: [[rule], "label"],
  calendarDate: [2024, 6, 1],
  checkBudgets: [relaisCpo, { year: 2025, cafShareCap: "0.8" }],
  checkedConvention: [cpo],
  checkedConventions: [[cpo, relaisCpo]],
  checkedFinancialReport: [financialReport],
  compareFinancialReport: [relaisCpo, financialReport],
  encodeFinancialReport: [financialReport],
  partnerPublicFunding: [relais, { year: 2025 }],
  calendarYear: [2024],
  checkCompliance: [cpo, { partner: portfolio.partners.find((partner) => partner.id === "fase"), portfolio }],
  checkEligibility: [cpo, candidate, { date }],
  compareDates: [date, date],
  compileEligibility: [cpo, { date }],
  conventionJsonSchema: [],
  conventionReport: [cpo, { activities, payments, expenses }],
  conventionStatus: [cpo, date],
  daysBetween: [date, date],
  daysInMonth: [2024, 2],
  daysInYear: [2024],
  defineRule: [rule],
  effectivePeriod: [cpo],
  eligibilityContext: [cpo, date],
  encodeActivities: [activities],
  encodeCandidate: [candidate],
  encodeConvention: [cpo],
  encodeExpenses: [expenses],
  encodePartner: [portfolio.partners[0]],
  encodePayments: [payments],
  encodePortfolio: [portfolio],
  endOfMonth: [date],
  endOfYear: [date],
  evaluateConventionObjectives: [cpo, activities, {}],
  evaluateConventionObjectivesAsync: [cpo, activities, {}],
  evaluateFundingUse: [cpo, { year: 2024, payments, expenses }],
  evaluateFundingUseAsync: [cpo, { year: 2024, payments, expenses }],
  evaluateObjectives: [cpo, activities, { year: 2024 }],
  evaluateObjectivesAsync: [cpo, activities, { year: 2024 }],
  explain: [result],
  explanationLines: [result.explanation, 0],
  finalTerms: [cpo],
  formatFraction: [{ numerator: 1, denominator: 2 }, 2],
  formatFrenchDate: [date],
  formatPath: [["a", 0]],
  formatIssues: [library.ValidationError.of("thing", [{ path: ["a"], message: "is wrong" }]), { locale: "en" }],
  issueMessage: [{ path: ["a"], message: "is wrong", messages: { fr: "est faux", en: "is wrong" } }, "en"],
  fundingLedger: [cpo, { payments, expenses }],
  fundingLedgerAsync: [cpo, { payments, expenses }],
  defineIndicator: [
    {
      kind: "aggregate",
      aggregate: "count",
      filter: { activityKinds: ["action-collective"] },
      unit: { singular: "atelier", plural: "ateliers" }
    }
  ],
  indicatorDefinition: [{ kind: "count-actions", filter: { activityKinds: ["action-collective"] } }],
  isCalendarDate: [date],
  isDepartement: ["91"],
  isLeapYear: [2024],
  isResolvedConvention: [cpo],
  isRna: ["W912345678"],
  isSiren: ["732829320"],
  isSiret: ["73282932000074"],
  lineage: [portfolio.conventions, "cpo-2023-2025"],
  luhnValid: ["732829320"],
  makeCodec: [library.PeriodSchema, "period"],
  makePeriod: [date, date],
  maxDate: [date, date],
  minDate: [date, date],
  not: [rule, "label"],
  paymentSchedule: [cpo, { year: 2024 }],
  periodContains: [period, date],
  periodDays: [period],
  periodIntersection: [period, period],
  periodPartInYear: [period, 2024],
  periodYears: [period],
  periodsOverlap: [period, period],
  portfolioJsonSchema: [],
  prorate: [amount, 1, 2, "half-up"],
  prorateSum: [[{ amount, part: 1, whole: 2 }], "half-up"],
  readCalendarDate: ["2024-06-01", ["date"]],
  removeRule: [library.DEFAULT_ELIGIBILITY_RULES, "territory"],
  renderReportHtml: [report],
  renderReportMarkdown: [report],
  reportDocument: [report],
  reportTables: [report],
  reportTablesCsv: [report, { separator: ";", decimal: ",", bom: true }],
  departementText: ["62"],
  citation: ["signature"],
  ruleFailureLabel: [{ ruleId: "territory", label: "Territoire couvert", excluded: false }],
  unmetConditions: [[{ ruleId: "territory", label: "Territoire couvert", excluded: false }]],
  quantityText: [12, library.UNIT_LABELS.day],
  percentText: ["0.025", 1],
  instalmentStatusText: [{ status: "late", daysLate: 12 }],
  signedAmount: [amount],
  signedPercentText: [{ numerator: -3, denominator: 17 }],
  ratioReference: [{ atLeast: 3 }],
  amendmentHistory: [cpo, {}],
  replaceRule: [library.DEFAULT_ELIGIBILITY_RULES, rule],
  resolveConvention: [cpo, {}],
  resolveKnowledge: [cpo, {}],
  resolvedYear: [library.resolveConvention(cpo), 2024],
  republicanCommitmentText: [{ subscribedOn: "2022-11-14", basis: "agrement" }],
  ruleIds: [library.DEFAULT_ELIGIBILITY_RULES],
  runScenario: [scenario, () => portfolioJson],
  scdlColumns: ["2.1.1"],
  screenEligibility: [cpo, [candidate], { date }],
  sirenOf: ["73282932000074"],
  startOfYear: [date],
  targetForYear: [objective, 2024],
  termsAsOf: [cpo, date],
  termsTimeline: [cpo],
  toScdlCsv: [portfolio.conventions, { partners: portfolio.partners }],
  uniqueList: [library.SectorSchema],
  withRule: [library.DEFAULT_ELIGIBILITY_RULES, rule],
  withdrawalRepaymentDue: [{ decidedOn: "2025-06-15" }],
  termsInForceOn: [library.resolveConvention(cpo), date],
  yearAmounts: [cpo],
  yearFraction: [period, 2024],
  yearOf: [date]
}

/** Wrong arguments: nothing, null, a number, a text, lists, an object, a convention's JSON not decoded, a list holding null. */
const WRONG: ReadonlyArray<readonly [string, unknown]> = [
  ["undefined", undefined],
  ["null", null],
  ["5", 5],
  ['"x"', "x"],
  ["[]", []],
  ["{}", {}],
  ["a convention's JSON", portfolioJson.conventions[2]],
  ["[null]", [null]]
]

/**
 * Functions of the modules this part of the work did not cover (src/funding, src/objectives,
 * src/reports, src/scenarios), which still throw something else than the library's errors for
 * some wrong argument, with the reason. Remove a name once its function is checked at the door.
 */
const knownGaps: Readonly<Record<string, string>> = {}

/** Every public function, and every static method of a public class. */
function publicFunctions(): ReadonlyArray<readonly [string, (...args: Array<unknown>) => unknown]> {
  const found: Array<readonly [string, (...args: Array<unknown>) => unknown]> = []
  for (const [name, value] of Object.entries(library)) {
    // Schemas are callable objects too; they are not functions of the API.
    if (typeof value !== "function" || "ast" in value) continue
    const isClass = /^[A-Z]/u.test(name)
    for (const key of Object.getOwnPropertyNames(value)) {
      const member = (value as unknown as Record<string, unknown>)[key]
      if (!["length", "name", "prototype"].includes(key) && typeof member === "function")
        found.push([`${name}.${key}`, (member as (...args: Array<unknown>) => unknown).bind(value)])
    }
    if (!isClass) found.push([name, value as (...args: Array<unknown>) => unknown])
  }
  return found
}

/** Functions that return a promise (named `…Async`): what they reject with is checked as what the others throw. */
const isAsync = (name: string) => /Async$/u.test(name)

/** An error when it is not one of the library's errors, or undefined. */
function notLibraryError(error: unknown): string | undefined {
  if (LIBRARY_ERRORS.some((errorClass) => error instanceof errorClass)) return undefined
  return `${(error as Error)?.constructor?.name ?? typeof error}: ${String((error as Error)?.message ?? error).split("\n")[0]}`
}

/** What a call throws when it is not one of the library's errors, or undefined. A promise it returns is left to {@link misfireAsync}. */
function misfire(call: () => unknown): string | undefined {
  try {
    const result = call()
    if (result instanceof Promise) result.catch(() => undefined)
    return undefined
  } catch (error) {
    return notLibraryError(error)
  }
}

/** What an async call throws or rejects with when it is not one of the library's errors, or undefined. */
async function misfireAsync(call: () => unknown): Promise<string | undefined> {
  try {
    await call()
    return undefined
  } catch (error) {
    return notLibraryError(error)
  }
}

/** For one async function, the wrong calls that reject with something else than the library's errors. */
async function misfiresAsync(name: string, fn: (...args: Array<unknown>) => unknown): Promise<ReadonlyArray<string>> {
  const valid = VALID[name] ?? []
  const arity = Math.max(fn.length, valid.length, 1)
  const found: Array<string> = []
  for (const [label, wrong] of WRONG) {
    const calls: Array<ReadonlyArray<unknown>> = [Array.from({ length: arity }, () => wrong)]
    for (let position = 0; position < arity; position++)
      calls.push(Array.from({ length: arity }, (_, index) => (index === position ? wrong : valid[index])))
    for (const args of calls) {
      const failure = await misfireAsync(() => fn(...args))
      if (failure !== undefined)
        found.push(`(${args.map((arg) => (arg === wrong ? label : "…")).join(", ")}) → ${failure}`)
    }
  }
  return found
}

/** For one function, the wrong calls that throw something else than the library's errors. */
function misfires(name: string, fn: (...args: Array<unknown>) => unknown): ReadonlyArray<string> {
  const valid = VALID[name] ?? []
  const arity = Math.max(fn.length, valid.length, 1)
  const found: Array<string> = []
  for (const [label, wrong] of WRONG) {
    const calls: Array<ReadonlyArray<unknown>> = [Array.from({ length: arity }, () => wrong)]
    for (let position = 0; position < arity; position++)
      calls.push(Array.from({ length: arity }, (_, index) => (index === position ? wrong : valid[index])))
    for (const args of calls) {
      const failure = misfire(() => fn(...args))
      if (failure !== undefined)
        found.push(`(${args.map((arg) => (arg === wrong ? label : "…")).join(", ")}) → ${failure}`)
    }
  }
  return found
}

describe("every public function checks its arguments at the door", () => {
  const functions = publicFunctions()

  it("finds the whole API, each function with valid arguments to vary", () => {
    expect(functions.length).toBeGreaterThan(120)
    const takesArguments = functions.filter(([name, fn]) => fn.length > 0 && !/^(parse|safeParse|decode)/u.test(name))
    expect(takesArguments.map(([name]) => name).filter((name) => VALID[name] === undefined)).toEqual([])
  })

  it("the valid arguments are valid: no call with them throws", () => {
    for (const [name, fn] of functions) {
      const valid = VALID[name]
      if (valid !== undefined) expect(() => fn(...valid), name).not.toThrow()
    }
  })

  it("the valid arguments of the async functions are valid: no call with them rejects", async () => {
    const asyncFunctions = functions.filter(([name]) => isAsync(name))
    expect(asyncFunctions.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "evaluateFundingUseAsync",
        "fundingLedgerAsync",
        "evaluateObjectivesAsync",
        "evaluateConventionObjectivesAsync"
      ])
    )
    for (const [name, fn] of asyncFunctions) {
      const valid = VALID[name]
      if (valid !== undefined) await expect(fn(...valid), name).resolves.toBeDefined()
    }
  })

  for (const [name, fn] of publicFunctions()) {
    if (knownGaps[name] !== undefined) continue
    if (isAsync(name)) {
      it(`${name} rejects only with the library's errors for wrong arguments`, async () => {
        expect(await misfiresAsync(name, fn)).toEqual([])
      })
      continue
    }
    it(`${name} throws only the library's errors for wrong arguments`, () => {
      const found = misfires(name, fn)
      if (process.env.DOOR_DEBUG !== undefined && found.length > 0) console.log(name, "\n  " + found.join("\n  "))
      expect(found).toEqual([])
    })
  }

  it("the known gaps are exactly the functions that still misfire", () => {
    const failing = functions.filter(([name, fn]) => misfires(name, fn).length > 0).map(([name]) => name)
    expect(failing.sort()).toEqual(Object.keys(knownGaps).sort())
  })
})

describe("what the door says", () => {
  /** The issues of the ValidationError a call throws, as `path: message` lines. */
  const issues = (call: () => unknown): Array<string> => {
    try {
      call()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      return (error as InstanceType<typeof ValidationError>).issues.map(
        (issue) => `${library.formatPath(issue.path)}: ${issue.message}`
      )
    }
    throw new Error("expected a ValidationError")
  }

  it("a date argument that is not a date is refused at its name, with the reason", () => {
    expect(issues(() => library.addDays("2023-02-29" as never, 1))).toEqual([
      "date: 2023-02-29 is not a calendar date: February 2023 has 28 days"
    ])
    expect(issues(() => library.addDays(20240601 as never, 1))).toEqual([
      "date: expected a yyyy-MM-dd date, got 20240601"
    ])
    expect(() => library.addDays(date, 1.5)).toThrow(
      expect.objectContaining({
        _tag: "InvalidArgument",
        argument: "days",
        message: "days must be a whole number, got 1.5"
      })
    )
    expect(issues(() => library.daysBetween(date, "x" as never))).toEqual(['to: "x" is not a date written yyyy-MM-dd'])
    expect(issues(() => library.makePeriod("2024-01-01" as never, "2024-13-01" as never))).toEqual([
      "end: 2024-13-01 is not a calendar date: there is no month 13"
    ])
  })

  it("a period argument that is not one lists every problem with its path", () => {
    expect(issues(() => library.periodDays({ start: "2024-02-30", end: 5 } as never))).toEqual([
      "period.start: 2024-02-30 is not a calendar date: February 2024 has 29 days",
      "period.end: expected a yyyy-MM-dd date, got 5"
    ])
    expect(
      issues(() => library.periodIntersection(period, { start: "2024-02-01", end: "2024-01-01" } as never))
    ).toEqual(["b.end: the end 2024-01-01 is before the start 2024-02-01"])
  })

  it("an amount that is not one is refused with an InvalidArgumentError naming it", () => {
    expect(() => library.Euros.sum([amount, "1.00" as never])).toThrow(
      expect.objectContaining({ _tag: "InvalidArgument", argument: "amounts[1]" })
    )
    expect(() => library.Euros.max(amount, null as never)).toThrow(
      expect.objectContaining({ _tag: "InvalidArgument", argument: "b" })
    )
    expect(() => library.allocate(amount, "0.5" as never)).toThrow(
      expect.objectContaining({ _tag: "InvalidArgument", argument: "ratios" })
    )
  })

  it("encoding a convention whose payment terms are an empty object writes them as given, and decoding gives the defaults back", () => {
    // The check that the advance and the instalments stay within the year read the instalments of
    // {} and threw "Result adapter can only return schema issues" instead.
    const json = library.encodeConvention({ ...cpo, terms: { ...cpo.terms, payment: {} } } as never)
    expect(json.terms.payment).toEqual({})
    expect(library.parseConvention(json).terms.payment).toMatchObject({
      advanceRate: "0.5",
      advanceDue: "03-31",
      instalments: [],
      balanceTrigger: "reports-accepted"
    })
    expect(
      library.encodePortfolio({
        ...portfolio,
        conventions: portfolio.conventions.map((convention) =>
          convention.id === cpo.id ? { ...cpo, terms: { ...cpo.terms, payment: { advanceRate: "0.6" } } } : convention
        )
      } as never).conventions[2]?.terms.payment
    ).toEqual({ advanceRate: "0.6" })
  })

  it("encoding a value that is not of the schema's type is a ValidationError with paths, not Effect's SchemaError", () => {
    expect(
      issues(() =>
        library.encodeConvention({ ...cpo, terms: { ...cpo.terms, period: { start: "2023-01-01" } } } as never)
      ).join("\n")
    ).toMatch(/^terms\.period\.end: /mu)
  })
})
