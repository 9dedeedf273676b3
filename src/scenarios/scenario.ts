/**
 * Scenario files that advisers can write: a convention, records, a question and the expected
 * answer; running one says, in French, whether the library agrees.
 *
 * @module
 */
import * as Data from "effect/Data"
import * as Schema from "effect/Schema"
import { type FinancialReportDocument, parseFinancialReport } from "../budget/financial-report.js"
import { formatFraction } from "../core/fraction.js"
import { makeCodec } from "../core/codec.js"
import { InvalidArgumentError } from "../core/errors.js"
import { IdSchema, MultilineTextSchema, TextSchema } from "../core/schemas.js"
import { checkCompliance } from "../conventions/compliance.js"
import { type Convention, parseConvention } from "../conventions/convention.js"
import { resolveConvention } from "../conventions/resolved.js"
import { parseCandidates } from "../eligibility/candidate.js"
import { screenEligibility } from "../eligibility/check.js"
import type { InstalmentPosition } from "../funding/instalments.js"
import { fundingLedger } from "../funding/ledger.js"
import { LEDGER_TOTAL_KEYS, SETTLEMENT_AMOUNT_KEYS } from "../funding/amounts.js"
import { parseExpenses, parsePayments } from "../funding/records.js"
import { type Instalment, paymentSchedule } from "../funding/schedule.js"
import type { Settlement } from "../funding/settlement.js"
import { type FundingUse, evaluateFundingUse } from "../funding/use.js"
import { parseActivities } from "../objectives/activity.js"
import { evaluateObjectives } from "../objectives/evaluate.js"
import { parsePortfolio } from "../portfolio/portfolio.js"
import type { Partner } from "../partners/partner.js"
import {
  cannotRunText,
  conventionNotInPortfolioText,
  datesByYearExpectedText,
  differenceText,
  labelledKey,
  quotedKey,
  fieldDifferenceText,
  instalmentFieldWhere,
  notAnObjectText,
  oneDateExpectedText,
  unknownFieldText,
  unknownKeyText,
  yearPrefix,
  yearRequiredText,
  dateRequiredText,
  ledgerYearRefusedText
} from "../vocabulary/scenarios.js"

const JsonValue = Schema.Unknown
const FileOrInline = Schema.Union([TextSchema, Schema.Array(JsonValue)])
/** One date (a one-year question), or one date per year (`ledger`). */
const DateOrByYear = Schema.Union([Schema.String, Schema.Record(Schema.String, Schema.String)])

/**
 * Schema of a scenario file:
 * - `name`, `description`;
 * - `convention`: the convention inline, or `{ "file": "portfolio.json", "id": "cpo-2023-2025" }`
 *   (a convention file, or a portfolio and the convention's id; paths are relative to the
 *   scenario file);
 * - `question`: `eligibility`, `objectives`, `schedule`, `funding-use`, `ledger` (every year of
 *   the convention, see {@link fundingLedger}) or `compliance`;
 * - `date` (eligibility), `year`, `asOf`; `reportsAcceptedOn` and `financialReportReceivedOn`:
 *   a date for `schedule` and `funding-use`, an object of dates by year for `ledger`
 *   (`{ "2024": "2025-05-20" }`);
 * - `candidates`, `activities`, `payments`, `expenses`: the records, inline or as a file path
 *   (with `activities`, `funding-use` and `ledger` evaluate the objectives, for a modulation);
 * - `financialReports`: the partner's comptes rendus financiers, a list inline or a file holding
 *   one or a list (`funding-use` reads the year's, `ledger` each year's);
 * - `expected`: the answer, in the question's terms (see docs/scenarios.md).
 *
 * @example
 * ```ts
 * import { parseScenario } from "caf-conventions"
 * parseScenario({ name: "Conformité", convention: { file: "portfolio.json", id: "cpo-2023-2025" }, question: "compliance", expected: { errors: 0 } }).question
 * //=> "compliance"
 * parseScenario({
 *   name: "Suivi financier",
 *   convention: { file: "portfolio.json", id: "cpo-2023-2025" },
 *   question: "ledger",
 *   asOf: "2026-12-31",
 *   reportsAcceptedOn: { "2023": "2024-05-15" },
 *   expected: { years: { "2024": { stillToPay: "14000.00", instalments: { balance: { amount: "14000.00", status: "not-yet-due" } } } }, totals: { toRepay: "750.00" } }
 * }).reportsAcceptedOn
 * //=> { "2023": "2024-05-15" }
 * ```
 * @category scenarios
 */
export const ScenarioSchema = Schema.Struct({
  name: TextSchema,
  description: Schema.optionalKey(MultilineTextSchema),
  convention: Schema.Union([
    Schema.Struct({ file: TextSchema, id: Schema.optionalKey(IdSchema) }),
    Schema.Record(Schema.String, JsonValue)
  ]),
  question: Schema.Literals(["eligibility", "objectives", "schedule", "funding-use", "ledger", "compliance"]),
  date: Schema.optionalKey(Schema.String),
  year: Schema.optionalKey(Schema.Int),
  asOf: Schema.optionalKey(Schema.String),
  reportsAcceptedOn: Schema.optionalKey(DateOrByYear),
  financialReportReceivedOn: Schema.optionalKey(DateOrByYear),
  candidates: Schema.optionalKey(FileOrInline),
  activities: Schema.optionalKey(FileOrInline),
  payments: Schema.optionalKey(FileOrInline),
  expenses: Schema.optionalKey(FileOrInline),
  financialReports: Schema.optionalKey(FileOrInline),
  expected: Schema.Record(Schema.String, JsonValue)
})

/**
 * A scenario as written (see {@link ScenarioSchema}).
 *
 * @example
 * ```ts
 * import type { Scenario } from "caf-conventions"
 * const question = (scenario: Scenario) => scenario.question
 * ```
 * @category scenarios
 */
export type Scenario = Schema.Schema.Type<typeof ScenarioSchema>

const scenarioCodec = makeCodec(ScenarioSchema, "scenario")

/**
 * Reads a scenario file's JSON, or throws a {@link ValidationError} naming every faulty field.
 *
 * @example
 * ```ts
 * import { parseScenario } from "caf-conventions"
 * parseScenario({ name: "x", convention: {}, question: "why", expected: {} }) // throws: question
 * ```
 * @category scenarios
 */
export const parseScenario: (input: unknown) => Scenario = scenarioCodec.parse

/**
 * Like {@link parseScenario}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseScenario } from "caf-conventions"
 * safeParseScenario({ name: "x" }).success //=> false
 * ```
 * @category scenarios
 */
export const safeParseScenario = scenarioCodec.safeParse

/**
 * Reads file references. A scenario's `convention.file` and record paths are given to the runner
 * through this function, so that the library itself reads no file. A scenario may come from
 * someone else: the function decides what may be read (the `caf-conventions check` command reads
 * only under the scenario's folder, or the folder `--root` names) and should not quote a file's
 * content in its errors, which the runner reports as differences.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs"
 * import type { ScenarioFiles } from "caf-conventions"
 * const files: ScenarioFiles = (path) => JSON.parse(readFileSync(path, "utf8"))
 * ```
 * @category scenarios
 */
export type ScenarioFiles = (path: string) => unknown

/**
 * The outcome of a scenario: passed, or the differences between the expected and the computed
 * answer, in French.
 *
 * @example
 * ```ts
 * import type { ScenarioResult } from "caf-conventions"
 * const line = (r: ScenarioResult) => (r.passed ? `✓ ${r.name}` : `✗ ${r.name}\n  ${r.differences.join("\n  ")}`)
 * ```
 * @category scenarios
 */
export interface ScenarioResult {
  /** The scenario's name. */
  readonly name: string
  /** Whether every expected value matched. */
  readonly passed: boolean
  /** One French sentence per difference. */
  readonly differences: ReadonlyArray<string>
}

/**
 * A question the scenario cannot ask as it is written: the field of the scenario at fault and why,
 * in French. `runScenario` catches it and gives the scenario as not run, with that reason.
 */
class ScenarioQuestionError extends Data.TaggedError("ScenarioQuestion")<{
  readonly path: ReadonlyArray<string>
  readonly message: string
}> {}

function conventionOf(scenario: Scenario, files: ScenarioFiles): Convention {
  const reference = scenario.convention
  if (typeof reference["file"] !== "string") return parseConvention(reference)
  const content = files(reference["file"])
  const id = reference["id"]
  if (typeof id !== "string") return parseConvention(content)
  const portfolio = parsePortfolio(content)
  const found = portfolio.conventions.find((convention) => convention.id === id)
  if (found === undefined)
    throw new ScenarioQuestionError({
      path: ["convention", "id"],
      message: conventionNotInPortfolioText(reference["file"], id)
    })
  return found
}

/** The convention's partner, when the scenario names a portfolio that holds it. */
function partnerOf(scenario: Scenario, files: ScenarioFiles, convention: Convention): Partner | undefined {
  const reference = scenario.convention
  if (typeof reference["file"] !== "string" || typeof reference["id"] !== "string") return undefined
  return parsePortfolio(files(reference["file"])).partners.find((partner) => partner.id === convention.partnerId)
}

function records(value: string | ReadonlyArray<unknown> | undefined, files: ScenarioFiles): unknown {
  if (value === undefined) return []
  return typeof value === "string" ? files(value) : value
}

/** The comptes rendus financiers of a scenario: a list inline, or a file holding one or a list. */
function reportsOf(scenario: Scenario, files: ScenarioFiles): ReadonlyArray<FinancialReportDocument> {
  const json = records(scenario.financialReports, files)
  return (Array.isArray(json) ? json : [json]).map((item) => parseFinancialReport(item))
}

/** The report of `year` among `reports`, as `evaluateFundingUse` takes it (the whole convention's, not an action's). */
function yearReport(
  reports: ReadonlyArray<FinancialReportDocument>,
  year: number
): { readonly financialReport?: FinancialReportDocument } {
  const found = reports.find((report) => report.year === year && report.actionId === undefined)
  return found === undefined ? {} : { financialReport: found }
}

/** Whether a JSON value is an object (not a list, not null). */
function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
}

/**
 * Compares expected entries with computed ones; `computed` maps each key to its value as a string.
 * `what` names an entry in the differences, `field` the expected object in the scenario file, and
 * `prefix` the entry it lies in (`année « 2024 », `).
 */
function compare(
  what: string,
  field: string,
  expected: unknown,
  computed: (key: string) => unknown,
  prefix = "",
  label: (key: string) => string = quotedKey
): Array<string> {
  if (!isObject(expected)) return [notAnObjectText(field)]
  const differences: Array<string> = []
  for (const [key, value] of Object.entries(expected)) {
    const actual = computed(key)
    if (JSON.stringify(actual) !== JSON.stringify(value))
      differences.push(differenceText(prefix, what, label(key), value, actual))
  }
  return differences
}

/** The keys of `expected` a question does not know, each an error with its path. */
function unknownKeys(expected: Record<string, unknown>, known: ReadonlyArray<string>): Array<string> {
  return Object.keys(expected)
    .filter((key) => !known.includes(key))
    .map((key) => unknownKeyText(key, known))
}

/** What can be stated of a planned instalment (`schedule`). */
const INSTALMENT_FIELDS = ["amount", "dueDate", "expectedDueDate", "deadline", "basis", "offset"] as const
/** What can be stated of an instalment with its payments (`funding-use`, `ledger`). */
const POSITION_FIELDS = [...INSTALMENT_FIELDS, "paid", "status", "completedOn", "daysLate"] as const

function instalmentField(instalment: Instalment, field: string): unknown {
  switch (field) {
    case "amount":
      return instalment.amount.toString()
    case "dueDate":
      return instalment.dueDate
    case "expectedDueDate":
      return instalment.expectedDueDate
    case "deadline":
      return instalment.deadline
    case "basis":
      return instalment.basis.yearAmount.toString()
    case "offset":
      return instalment.offset?.amount.toString()
    default:
      return undefined
  }
}

function positionField(position: InstalmentPosition, field: string): unknown {
  switch (field) {
    case "paid":
      return position.paid.toString()
    case "status":
      return position.status
    case "completedOn":
      return position.completedOn
    case "daysLate":
      return position.daysLate
    default:
      return instalmentField(position.instalment, field)
  }
}

/**
 * Compares expected instalments, field by field: a field not written is not compared, `null`
 * states that the instalment has no such value (a balance without a due date), and a field the
 * question does not know is an error.
 */
function compareInstalments<T>(
  expected: unknown,
  field: string,
  prefix: string,
  find: (key: string) => T | undefined,
  fields: ReadonlyArray<string>,
  valueOf: (found: T, field: string) => unknown
): Array<string> {
  if (!isObject(expected)) return [notAnObjectText(field)]
  return Object.entries(expected).flatMap(([key, value]) => {
    const found = find(key)
    if (found === undefined) return [differenceText(prefix, "versement", quotedKey(key), value, undefined)]
    if (!isObject(value)) return [notAnObjectText(`${field}.${key}`)]
    return Object.entries(value).flatMap(([name, wanted]) => {
      const where = instalmentFieldWhere(prefix, key, name)
      if (!fields.includes(name)) return [unknownFieldText(where, fields)]
      const actual = valueOf(found, name)
      const same = wanted === null ? actual === undefined : JSON.stringify(actual) === JSON.stringify(wanted)
      return same ? [] : [fieldDifferenceText(where, wanted, actual)]
    })
  })
}

const SETTLEMENT_AMOUNTS = SETTLEMENT_AMOUNT_KEYS

/** The settlement's figures in French, as the reviews name them. */
const SETTLEMENT_LABELS: Readonly<Record<string, string>> = {
  granted: "accordé",
  eligibleSpend: "dépenses éligibles",
  unspent: "non dépensé",
  keepable: "excédent conservable",
  entitled: "droit de l'année",
  received: "reçu",
  carriedIn: "report reçu",
  usedOnEligible: "employé",
  keptSurplus: "excédent conservé",
  offsetNextYear: "reporté sur l'année suivante",
  toRepay: "à reverser",
  awaitingUse: "en attente d'emploi",
  stillToPay: "reste à verser",
  consumption: "taux de consommation"
}

/** "« à reverser » (toRepay)": the figure in French, and its name in the scenario file. */
const settlementLabel = (key: string): string => labelledKey(key, SETTLEMENT_LABELS[key])

/** A settlement figure as a scenario states it: an amount with two decimals, the consumption as printed with four. */
function settlementValue(settlement: Settlement, key: string): string | undefined {
  if (key === "consumption")
    return settlement.consumption === undefined ? undefined : formatFraction(settlement.consumption, 4)
  return (SETTLEMENT_AMOUNTS as ReadonlyArray<string>).includes(key)
    ? settlement[key as (typeof SETTLEMENT_AMOUNTS)[number]].toString()
    : undefined
}

/** The differences of one year's use of the money: its settlement figures and its `instalments`. */
function useDifferences(
  use: FundingUse,
  expected: Record<string, unknown>,
  field: string,
  prefix: string
): Array<string> {
  const { instalments, ...amounts } = expected
  return [
    ...compare("montant", field, amounts, (key) => settlementValue(use.settlement, key), prefix, settlementLabel),
    ...(instalments === undefined
      ? []
      : compareInstalments(
          instalments,
          field === "" ? "instalments" : `${field}.instalments`,
          prefix,
          (key) => use.instalments.find((position) => position.instalment.key === key),
          POSITION_FIELDS,
          positionField
        ))
  ]
}

function requireYear(scenario: Scenario): number {
  if (scenario.year === undefined)
    throw new ScenarioQuestionError({ path: ["year"], message: yearRequiredText(scenario.question) })
  return scenario.year
}

type DateOption = "reportsAcceptedOn" | "financialReportReceivedOn"

/** A date option of a one-year question: one date. */
function oneDate<K extends DateOption>(scenario: Scenario, key: K): { readonly [P in K]?: string } {
  const value = scenario[key]
  if (value === undefined) return {}
  if (typeof value !== "string")
    throw new ScenarioQuestionError({ path: [key], message: oneDateExpectedText(scenario.question, key) })
  return { [key]: value } as { readonly [P in K]?: string }
}

/** A date option of the ledger: one date per year. */
function datesByYear<K extends DateOption>(
  scenario: Scenario,
  key: K
): { readonly [P in K]?: Readonly<Record<string, string>> } {
  const value = scenario[key]
  if (value === undefined) return {}
  if (typeof value === "string") throw new ScenarioQuestionError({ path: [key], message: datesByYearExpectedText(key) })
  return { [key]: value } as { readonly [P in K]?: Readonly<Record<string, string>> }
}

function differencesOf(scenario: Scenario, convention: Convention, files: ScenarioFiles): Array<string> {
  const expected = scenario.expected
  const asOf = scenario.asOf === undefined ? {} : { asOf: scenario.asOf }
  const activities = () => parseActivities(records(scenario.activities, files))
  switch (scenario.question) {
    case "eligibility": {
      if (scenario.date === undefined)
        throw new ScenarioQuestionError({ path: ["date"], message: dateRequiredText(scenario.question) })
      const screening = screenEligibility(convention, parseCandidates(records(scenario.candidates, files)), {
        date: scenario.date
      })
      const byId = new Map(
        screening.lines.flatMap((line) =>
          line.status === "invalid" ? [] : [[line.result.candidateId, line.result] as const]
        )
      )
      return [
        ...unknownKeys(expected, ["verdicts"]),
        ...(expected["verdicts"] === undefined
          ? []
          : compare("verdict", "verdicts", expected["verdicts"], (id) => {
              const result = byId.get(id)
              return result === undefined ? undefined : { eligible: result.eligible, failedRules: result.failedRules }
            }))
      ]
    }
    case "objectives": {
      const evaluation = evaluateObjectives(convention, activities(), { year: requireYear(scenario), ...asOf })
      const byId = new Map(evaluation.results.map((result) => [result.objectiveId, result]))
      return [
        ...unknownKeys(expected, ["statuses", "values"]),
        ...(expected["statuses"] === undefined
          ? []
          : compare("statut", "statuses", expected["statuses"], (id) => byId.get(id)?.status)),
        ...(expected["values"] === undefined
          ? []
          : compare("valeur", "values", expected["values"], (id) => {
              const value = byId.get(id)?.value
              return value === undefined ? undefined : formatFraction(value)
            }))
      ]
    }
    case "schedule": {
      const schedule = paymentSchedule(convention, {
        year: requireYear(scenario),
        ...asOf,
        ...oneDate(scenario, "reportsAcceptedOn")
      })
      return [
        ...unknownKeys(expected, ["amount", "instalments"]),
        ...(expected["amount"] === undefined
          ? []
          : compare("échéancier", "amount", { amount: expected["amount"] }, () => schedule.amount.toString())),
        ...(expected["instalments"] === undefined
          ? []
          : compareInstalments(
              expected["instalments"],
              "instalments",
              "",
              (key) => schedule.instalments.find((candidate) => candidate.key === key),
              INSTALMENT_FIELDS,
              instalmentField
            ))
      ]
    }
    case "funding-use": {
      const year = requireYear(scenario)
      const use = evaluateFundingUse(convention, {
        year,
        payments: parsePayments(records(scenario.payments, files)),
        expenses: parseExpenses(records(scenario.expenses, files)),
        ...asOf,
        ...oneDate(scenario, "reportsAcceptedOn"),
        ...oneDate(scenario, "financialReportReceivedOn"),
        ...yearReport(reportsOf(scenario, files), year),
        ...(scenario.activities === undefined
          ? {}
          : { objectives: evaluateObjectives(convention, activities(), { year, ...asOf }) })
      })
      return useDifferences(use, expected, "", "")
    }
    case "ledger": {
      if (scenario.year !== undefined)
        throw new ScenarioQuestionError({ path: ["year"], message: ledgerYearRefusedText(scenario.question) })
      const known = resolveConvention(convention, scenario.asOf === undefined ? {} : { knownOn: scenario.asOf })
      const evaluations =
        scenario.activities === undefined
          ? []
          : known.years.map((entry) => evaluateObjectives(convention, activities(), { year: entry.year, ...asOf }))
      const ledger = fundingLedger(convention, {
        payments: parsePayments(records(scenario.payments, files)),
        expenses: parseExpenses(records(scenario.expenses, files)),
        ...asOf,
        ...datesByYear(scenario, "reportsAcceptedOn"),
        ...datesByYear(scenario, "financialReportReceivedOn"),
        ...(scenario.financialReports === undefined ? {} : { financialReports: reportsOf(scenario, files) }),
        ...(evaluations.length === 0 ? {} : { objectives: evaluations })
      })
      const byYear = new Map(ledger.years.map((use) => [String(use.year), use]))
      const years = expected["years"]
      return [
        ...unknownKeys(expected, ["years", "totals"]),
        ...(years === undefined
          ? []
          : !isObject(years)
            ? [notAnObjectText("years")]
            : Object.entries(years).flatMap(([year, value]) => {
                const use = byYear.get(year)
                if (use === undefined) return [differenceText("", "année", quotedKey(year), value, undefined)]
                return isObject(value)
                  ? useDifferences(use, value, `years.${year}`, yearPrefix(year))
                  : [notAnObjectText(`years.${year}`)]
              })),
        ...(expected["totals"] === undefined
          ? []
          : compare("total", "totals", expected["totals"], (key) =>
              (LEDGER_TOTAL_KEYS as ReadonlyArray<string>).includes(key)
                ? ledger.totals[key as (typeof LEDGER_TOTAL_KEYS)[number]].toString()
                : undefined
            ))
      ]
    }
    case "compliance": {
      const partner = partnerOf(scenario, files, convention)
      const findings = checkCompliance(convention, partner === undefined ? {} : { partner })
      return [
        ...unknownKeys(expected, ["errors", "rules"]),
        ...(expected["errors"] === undefined
          ? []
          : compare(
              "conformité",
              "errors",
              { errors: expected["errors"] },
              () => findings.filter((finding) => finding.severity === "error").length
            )),
        ...(expected["rules"] === undefined
          ? []
          : compare(
              "règle",
              "rules",
              expected["rules"],
              (rule) => findings.find((finding) => finding.rule === rule)?.severity
            ))
      ]
    }
  }
}

/**
 * Runs a scenario: decodes its convention and records (reading file references through
 * `files`), asks the question, and compares the answer with `expected`. Problems in the
 * scenario itself (a missing year, an unknown convention id, invalid records) are reported as
 * differences, in French, never thrown.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs"
 * import { parseScenario, runScenario } from "caf-conventions"
 * const scenario = parseScenario(JSON.parse(readFileSync("examples/scenarios/compliance.json", "utf8")))
 * runScenario(scenario, (path) => JSON.parse(readFileSync(`examples/scenarios/${path}`, "utf8"))).passed //=> true
 * ```
 * @category scenarios
 */
export function runScenario(input: Scenario, files: ScenarioFiles): ScenarioResult {
  // A scenario that was not read with parseScenario is read now: its problems are listed with paths.
  const scenario = parseScenario(input)
  if (typeof files !== "function")
    throw new InvalidArgumentError({
      argument: "files",
      message: "expected a function that reads a file named in the scenario (see ScenarioFiles)"
    })
  try {
    const differences = differencesOf(scenario, conventionOf(scenario, files), files)
    return { name: scenario.name, passed: differences.length === 0, differences }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { name: scenario.name, passed: false, differences: [cannotRunText(message)] }
  }
}
