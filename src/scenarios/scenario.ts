/**
 * Scenario files that advisers can write: a convention, records, a question and the expected
 * answer; running one says, in French, whether the library agrees.
 *
 * @module
 */
import { Schema } from "effect"
import { formatFraction } from "../core/fraction.js"
import { makeCodec } from "../core/codec.js"
import { IdSchema, MultilineTextSchema, TextSchema } from "../core/schemas.js"
import { checkCompliance } from "../conventions/compliance.js"
import { type Convention, parseConvention } from "../conventions/convention.js"
import { parseCandidates } from "../eligibility/candidate.js"
import { screenEligibility } from "../eligibility/check.js"
import { parseExpenses, parsePayments } from "../funding/records.js"
import { paymentSchedule } from "../funding/schedule.js"
import { evaluateFundingUse } from "../funding/use.js"
import { parseActivities } from "../objectives/activity.js"
import { evaluateObjectives } from "../objectives/evaluate.js"
import { parsePortfolio } from "../portfolio/portfolio.js"

const JsonValue = Schema.Unknown
const FileOrInline = Schema.Union([TextSchema, Schema.Array(JsonValue)])

/**
 * Schema of a scenario file:
 * - `name`, `description`;
 * - `convention`: the convention inline, or `{ "file": "portfolio.json", "id": "cpo-2023-2025" }`
 *   (a convention file, or a portfolio and the convention's id; paths are relative to the
 *   scenario file);
 * - `question`: `eligibility`, `objectives`, `schedule`, `funding-use` or `compliance`;
 * - `date` (eligibility), `year`, `asOf`, `reportsAcceptedOn`;
 * - `candidates`, `activities`, `payments`, `expenses`: the records, inline or as a file path;
 * - `expected`: the answer, in the question's terms (see docs/scenarios.md).
 *
 * @example
 * ```ts
 * import { parseScenario } from "caf-conventions"
 * parseScenario({ name: "Conformité", convention: { file: "portfolio.json", id: "cpo-2023-2025" }, question: "compliance", expected: { errors: 0 } }).question
 * //=> "compliance"
 * ```
 * @category scenarios
 */
export const ScenarioSchema = Schema.Struct({
  name: TextSchema,
  description: Schema.optionalKey(MultilineTextSchema),
  convention: Schema.Union([Schema.Struct({ file: TextSchema, id: Schema.optionalKey(IdSchema) }), Schema.Record(Schema.String, JsonValue)]),
  question: Schema.Literals(["eligibility", "objectives", "schedule", "funding-use", "compliance"]),
  date: Schema.optionalKey(Schema.String),
  year: Schema.optionalKey(Schema.Int),
  asOf: Schema.optionalKey(Schema.String),
  reportsAcceptedOn: Schema.optionalKey(Schema.String),
  candidates: Schema.optionalKey(FileOrInline),
  activities: Schema.optionalKey(FileOrInline),
  payments: Schema.optionalKey(FileOrInline),
  expenses: Schema.optionalKey(FileOrInline),
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

function conventionOf(scenario: Scenario, files: ScenarioFiles): Convention {
  const reference = scenario.convention
  if (typeof reference["file"] !== "string") return parseConvention(reference)
  const content = files(reference["file"])
  const id = reference["id"]
  if (typeof id !== "string") return parseConvention(content)
  const portfolio = parsePortfolio(content)
  const found = portfolio.conventions.find((convention) => convention.id === id)
  if (found === undefined) throw new Error(`le portefeuille ${reference["file"]} ne contient pas la convention ${id}`)
  return found
}

function records(value: string | ReadonlyArray<unknown> | undefined, files: ScenarioFiles): unknown {
  if (value === undefined) return []
  return typeof value === "string" ? files(value) : value
}

/**
 * Compares expected entries with computed ones; `computed` maps each key to its value as a string.
 * `what` names an entry in the differences, `field` the expected object in the scenario file.
 */
function compare(what: string, field: string, expected: unknown, computed: (key: string) => unknown): Array<string> {
  if (expected === null || typeof expected !== "object" || Array.isArray(expected)) return [`« expected.${field} » doit être un objet`]
  const differences: Array<string> = []
  for (const [key, value] of Object.entries(expected)) {
    const actual = computed(key)
    if (JSON.stringify(actual) !== JSON.stringify(value)) {
      differences.push(`${what} « ${key} » : attendu ${JSON.stringify(value)}, obtenu ${actual === undefined ? "rien" : JSON.stringify(actual)}`)
    }
  }
  return differences
}

function requireYear(scenario: Scenario): number {
  if (scenario.year === undefined) throw new Error(`la question « ${scenario.question} » demande une année (year)`)
  return scenario.year
}

function differencesOf(scenario: Scenario, convention: Convention, files: ScenarioFiles): Array<string> {
  const expected = scenario.expected
  const asOf = scenario.asOf === undefined ? {} : { asOf: scenario.asOf }
  switch (scenario.question) {
    case "eligibility": {
      if (scenario.date === undefined) throw new Error("la question « eligibility » demande une date (date)")
      const screening = screenEligibility(convention, parseCandidates(records(scenario.candidates, files)), { date: scenario.date })
      const byId = new Map(screening.lines.flatMap((line) => (line.status === "invalid" ? [] : [[line.result.candidateId, line.result] as const])))
      return compare("verdict", "verdicts", expected["verdicts"], (id) => {
        const result = byId.get(id)
        return result === undefined ? undefined : { eligible: result.eligible, failedRules: result.failedRules }
      })
    }
    case "objectives": {
      const evaluation = evaluateObjectives(convention, parseActivities(records(scenario.activities, files)), { year: requireYear(scenario), ...asOf })
      const byId = new Map(evaluation.results.map((result) => [result.objectiveId, result]))
      return [
        ...(expected["statuses"] === undefined ? [] : compare("statut", "statuses", expected["statuses"], (id) => byId.get(id)?.status)),
        ...(expected["values"] === undefined ? [] : compare("valeur", "values", expected["values"], (id) => { const value = byId.get(id)?.value; return value === undefined ? undefined : formatFraction(value) }))
      ]
    }
    case "schedule": {
      const schedule = paymentSchedule(convention, { year: requireYear(scenario), ...(scenario.reportsAcceptedOn === undefined ? {} : { reportsAcceptedOn: scenario.reportsAcceptedOn }) })
      return [
        ...(expected["amount"] === undefined ? [] : compare("échéancier", "amount", { amount: expected["amount"] }, () => schedule.amount.toString())),
        ...(expected["instalments"] === undefined
          ? []
          : compare("versement", "instalments", expected["instalments"], (key) => {
              const instalment = schedule.instalments.find((candidate) => candidate.key === key)
              return instalment === undefined ? undefined : { amount: instalment.amount.toString(), ...(instalment.dueDate === undefined ? {} : { dueDate: instalment.dueDate }) }
            }))
      ]
    }
    case "funding-use": {
      const use = evaluateFundingUse(convention, {
        year: requireYear(scenario),
        payments: parsePayments(records(scenario.payments, files)),
        expenses: parseExpenses(records(scenario.expenses, files)),
        ...asOf,
        ...(scenario.reportsAcceptedOn === undefined ? {} : { reportsAcceptedOn: scenario.reportsAcceptedOn })
      })
      const settlement = use.settlement as unknown as Record<string, unknown>
      return compare("montant", "", expected, (key) => {
        const value = settlement[key]
        return value === undefined ? undefined : String(value)
      })
    }
    case "compliance": {
      const findings = checkCompliance(convention)
      return [
        ...(expected["errors"] === undefined ? [] : compare("conformité", "errors", { errors: expected["errors"] }, () => findings.filter((finding) => finding.severity === "error").length)),
        ...(expected["rules"] === undefined ? [] : compare("règle", "rules", expected["rules"], (rule) => findings.find((finding) => finding.rule === rule)?.severity))
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
export function runScenario(scenario: Scenario, files: ScenarioFiles): ScenarioResult {
  try {
    const differences = differencesOf(scenario, conventionOf(scenario, files), files)
    return { name: scenario.name, passed: differences.length === 0, differences }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { name: scenario.name, passed: false, differences: [`le scénario ne peut pas être exécuté : ${message}`] }
  }
}
