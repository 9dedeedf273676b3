/**
 * Can this structure be supported under this convention, for this kind of support, on this day?
 * The explained path, the batch path, and the fast verdict-only path.
 *
 * @module
 */
import { type CalendarDate, checkedDay, safeParseCalendarDate } from "../calendar/date.js"
import { ValidationError } from "../core/errors.js"
import { type ExplanationNode, explanationLines } from "../core/explanation.js"
import type { Convention } from "../conventions/convention.js"
import { requireList, requireOptions } from "../core/records.js"
import { type Candidate, decodedCandidates, isCandidate, safeParseCandidate } from "./candidate.js"
import { DEFAULT_ELIGIBILITY_RULES } from "./catalogue.js"
import { checkedConvention } from "../conventions/checked.js"
import { describeValue } from "../core/describe.js"
import { compileTree } from "../core/verdicts.js"
import { type EligibilityContext, type RuleTree, checkedTree, contextOf, explainTree } from "./rule.js"
import type { RuleFailure } from "../vocabulary/labels.js"
import { verdictText } from "../vocabulary/eligibility.js"

/**
 * Options of the eligibility functions: the day asked about (`yyyy-MM-dd`), and the rule tree
 * (the {@link DEFAULT_ELIGIBILITY_RULES} unless an application gives its own).
 *
 * @example
 * ```ts
 * import type { EligibilityOptions } from "caf-conventions"
 * const options: EligibilityOptions = { date: "2024-06-01" }
 * ```
 * @category eligibility
 */
export interface EligibilityOptions {
  /** The day asked about. */
  readonly date: CalendarDate | string
  /** The rules to apply; the default tree when absent. */
  readonly rules?: RuleTree
}

/**
 * The answer for one candidate: the verdict, the rules that failed, and the whole explanation.
 *
 * @example
 * ```ts
 * import { checkEligibility, type Candidate, type Convention, type EligibilityResult } from "caf-conventions"
 * declare const convention: Convention, candidate: Candidate
 * const result: EligibilityResult = checkEligibility(convention, candidate, { date: "2024-06-01" })
 * result.failedRules //=> [] when eligible
 * ```
 * @category eligibility
 */
export interface EligibilityResult {
  /** The candidate's id. */
  readonly candidateId: string
  /** The day asked about. */
  readonly date: CalendarDate
  /** Whether the candidate is eligible: no rule of the tree failed. */
  readonly eligible: boolean
  /** The ids of the rules that failed, in tree order (`not:<id>` when an excluded condition held). */
  readonly failedRules: ReadonlyArray<string>
  /** The same rules with their French labels, for renderers ({@link unmetConditions} prints them). */
  readonly failures: ReadonlyArray<RuleFailure>
  /** The explanation tree, rule by rule. */
  readonly explanation: ExplanationNode
}

function checkedDate(date: unknown): CalendarDate {
  const result = safeParseCalendarDate(date)
  if (result.success) return result.data
  throw ValidationError.of(
    "eligibility options",
    result.error.issues.map((issue) => ({ ...issue, path: ["date", ...issue.path] }))
  )
}

function checkedCandidate(candidate: unknown, subject = "candidate"): Candidate {
  // A candidate decoded by the library is trusted as it is (an O(1) mark); another is checked.
  if (decodedCandidates.has(candidate) || isCandidate(candidate)) return candidate as Candidate
  const decoded = safeParseCandidate(candidate)
  if (decoded.success) return decoded.data
  throw subject === "candidate"
    ? decoded.error
    : ValidationError.of(subject, decoded.error.issues, decoded.error.omittedIssues)
}

/** The convention, the options and their rules checked at the door, and the context they give. */
function prepared(
  convention: unknown,
  options: EligibilityOptions
): { readonly context: EligibilityContext; readonly rules: RuleTree } {
  requireOptions(options, "eligibility options")
  const plain = checkedConvention(convention)
  const date = checkedDate(options.date)
  const rules =
    options.rules === undefined
      ? DEFAULT_ELIGIBILITY_RULES
      : checkedTree(options.rules, "eligibility options", ["rules"])
  return { context: contextOf(plain, date), rules }
}

/** The rules that made the verdict fail: failed leaves, and `not:<id>` for an excluded condition that held. */
function failedRules(node: ExplanationNode): Array<string> {
  if (node.outcome !== "fail") return []
  if (node.children.length === 0) return [node.ruleId]
  if (node.ruleId === "not") return [`not:${node.children[0]?.ruleId ?? ""}`]
  return node.children.flatMap(failedRules)
}

/** The same rules as {@link failedRules}, with their labels. */
function failures(node: ExplanationNode): Array<RuleFailure> {
  if (node.outcome !== "fail") return []
  if (node.children.length === 0) return [{ ruleId: node.ruleId, label: node.label, excluded: false }]
  if (node.ruleId === "not") {
    const [held] = node.children
    return held === undefined ? [] : [{ ruleId: held.ruleId, label: held.label, excluded: true }]
  }
  return node.children.flatMap(failures)
}

function explainOne(candidate: Candidate, context: EligibilityContext, rules: RuleTree): EligibilityResult {
  const explanation = explainTree(rules, candidate, context)
  return {
    candidateId: candidate.id,
    date: context.date,
    eligible: explanation.outcome !== "fail",
    failedRules: failedRules(explanation),
    failures: failures(explanation),
    explanation
  }
}

/**
 * Checks one candidate against a convention on a day, and explains the verdict rule by rule:
 * each node of `explanation` has the rule id, its French label, the outcome, the values it read,
 * a French sentence and its source. The candidate is eligible when no rule fails (a rule that
 * does not apply, such as the situation rule for collective support, is neutral).
 *
 * Bad input is never answered with a verdict: a candidate with an unknown sector or a missing
 * field, an impossible date, a convention that is not one (a convention's JSON is decoded) or
 * `rules` that are not a rule tree, throws a {@link ValidationError} naming the field.
 *
 * @example
 * ```ts
 * import { checkEligibility, parseCandidate, type Convention } from "caf-conventions"
 * declare const cpo: Convention // the founding 2023–2025 convention
 * const candidate = parseCandidate({
 *   id: "viry-2024", structureId: "mjc-viry-chatillon", legalForm: "association-loi-1901",
 *   departement: "91", situation: "en-developpement", sector: "jeunesse",
 *   accompanimentKind: "individuel", otherFunding: []
 * })
 * const result = checkEligibility(cpo, candidate, { date: "2024-06-01" })
 * result.eligible //=> true
 * ```
 * @category eligibility
 */
export function checkEligibility(
  convention: Convention,
  candidate: Candidate,
  options: EligibilityOptions
): EligibilityResult {
  const { context, rules } = prepared(convention, options)
  return explainOne(checkedCandidate(candidate), context, rules)
}

/**
 * One line of a screening: the candidate's position in the batch and its answer, or the reason
 * it could not be screened. No candidate is ever dropped.
 *
 * @example
 * ```ts
 * import type { ScreenedCandidate } from "caf-conventions"
 * const describe = (line: ScreenedCandidate) => (line.status === "invalid" ? line.error.message : line.result.eligible)
 * ```
 * @category eligibility
 */
export type ScreenedCandidate =
  | {
      /** Position in the batch. */
      readonly index: number
      /** `eligible` or `ineligible`. */
      readonly status: "eligible" | "ineligible"
      /** The explained answer. */
      readonly result: EligibilityResult
    }
  | {
      /** Position in the batch. */
      readonly index: number
      /** The candidate could not be read. */
      readonly status: "invalid"
      /** Every problem with its path, prefixed by the candidate's index. */
      readonly error: ValidationError
    }

/**
 * The answer for a batch: one line per candidate, in order, and the counts.
 *
 * @example
 * ```ts
 * import { screenEligibility, type Convention, type Screening } from "caf-conventions"
 * declare const convention: Convention, candidates: ReadonlyArray<unknown>
 * const screening: Screening = screenEligibility(convention, candidates, { date: "2024-06-01" })
 * screening.eligible + screening.ineligible + screening.invalid === candidates.length //=> true
 * ```
 * @category eligibility
 */
export interface Screening {
  /** The day asked about. */
  readonly date: CalendarDate
  /** One line per candidate, in the order given. */
  readonly lines: ReadonlyArray<ScreenedCandidate>
  /** How many are eligible. */
  readonly eligible: number
  /** How many are not. */
  readonly ineligible: number
  /** How many could not be read. */
  readonly invalid: number
}

/**
 * Screens a batch of candidates against a convention on a day, with the same explanations as
 * {@link checkEligibility}. The convention's terms are read once for the whole batch. A candidate
 * that cannot be read gets an `invalid` line with its {@link ValidationError} (paths start with
 * its index), and the others are still screened. The convention, the list and the options are
 * checked at the door as {@link checkEligibility} checks them.
 *
 * @example
 * ```ts
 * import { screenEligibility, type Convention } from "caf-conventions"
 * declare const convention: Convention, candidates: ReadonlyArray<unknown>
 * const { eligible, ineligible, invalid } = screenEligibility(convention, candidates, { date: "2024-06-01" })
 * ```
 * @category eligibility
 */
export function screenEligibility(
  convention: Convention,
  candidates: ReadonlyArray<unknown>,
  options: EligibilityOptions
): Screening {
  requireList(candidates, "candidates", "candidates")
  const { context, rules } = prepared(convention, options)
  let eligible = 0
  let ineligible = 0
  let invalid = 0
  const lines = candidates.map((candidate, index): ScreenedCandidate => {
    try {
      const result = explainOne(checkedCandidate(candidate, "candidates"), context, rules)
      if (result.eligible) eligible++
      else ineligible++
      return { index, status: result.eligible ? "eligible" : "ineligible", result }
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      invalid++
      return {
        index,
        status: "invalid",
        error: ValidationError.of(
          "candidates",
          error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })),
          error.omittedIssues
        )
      }
    }
  })
  return { date: context.date, lines, eligible, ineligible, invalid }
}

/**
 * Prepares a fast, verdict-only check for one convention and day: the returned function says
 * whether a candidate is eligible, without building an explanation. A decoded candidate
 * ({@link parseCandidate}, {@link parseCandidates}) is recognised at once; any other value is
 * decoded first, and one that is not a candidate throws the {@link ValidationError} that
 * {@link parseCandidate} would throw, never an untyped error.
 * It gives the same verdicts as {@link checkEligibility} (a property test proves it), and is the
 * path to use for large batches; see docs/performance.md for the figures. The convention and the
 * options are checked once, at the door, as {@link checkEligibility} checks them.
 *
 * @example
 * ```ts
 * import { compileEligibility, type Candidate, type Convention } from "caf-conventions"
 * declare const convention: Convention, candidates: ReadonlyArray<Candidate>
 * const isEligible = compileEligibility(convention, { date: "2024-06-01" })
 * const eligible = candidates.filter(isEligible)
 * ```
 * @category eligibility
 */
export function compileEligibility(
  convention: Convention,
  options: EligibilityOptions
): (candidate: Candidate) => boolean {
  const { context, rules } = prepared(convention, options)
  const verdict = compileTree(rules, context)
  return (candidate) => verdict(checkedCandidate(candidate)) !== "fail"
}

/**
 * Renders an eligibility result as French text lines: a heading with the verdict, then one line
 * per rule (✓ holds, ✗ fails, – does not apply) with its sentence and source. A value that is not
 * an eligibility result throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { checkEligibility, explain, type Candidate, type Convention } from "caf-conventions"
 * declare const convention: Convention, candidate: Candidate
 * explain(checkEligibility(convention, candidate, { date: "2024-06-01" }))[0]
 * //=> "Candidat viry-2024 : éligible au 01/06/2024."
 * ```
 * @category eligibility
 */
export function explain(result: EligibilityResult): ReadonlyArray<string> {
  if (
    result === null ||
    typeof result !== "object" ||
    typeof result.candidateId !== "string" ||
    typeof result.eligible !== "boolean"
  ) {
    throw ValidationError.of("eligibility result", [
      { path: [], message: `expected the result of checkEligibility, got ${describeValue(result)}` }
    ])
  }
  const date = checkedDay(result.date, "date", "eligibility result")
  const lines = explanationLines(result.explanation)
  return [verdictText(result.candidateId, result.eligible, date), ...lines]
}
