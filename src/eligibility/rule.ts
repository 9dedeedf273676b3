/**
 * Rules as values: a rule has an id, a French label, a source, and evaluates a candidate against
 * a convention's terms on a date. Rules compose into trees (all / any / not); an application adds
 * its own rules or replaces one without forking the library.
 *
 * @module
 */
import { type CalendarDate, checkedDay, yearOf } from "../calendar/date.js"
import { type Period, calendarYear } from "../calendar/period.js"
import { InvalidArgumentError, type Issue, type PathSegment, ValidationError } from "../core/errors.js"
import { describeValue } from "../core/describe.js"
import { NEGATE } from "../core/verdicts.js"
import { checkedConvention } from "../conventions/checked.js"
import type { ExplanationNode, Outcome } from "../core/explanation.js"
import type { Convention } from "../conventions/convention.js"
import type { Terms } from "../conventions/terms.js"
import { type ConventionStatus, conventionStatus, termsAsOf } from "../conventions/terms-as-of.js"
import type { Candidate } from "./candidate.js"
import { combinationText } from "../vocabulary/eligibility.js"

/**
 * What every rule may read besides the candidate: the convention, the day asked about, the terms
 * in force that day, the convention's status that day, and the calendar year (*exercice*) of the day.
 *
 * @example
 * ```ts
 * import { eligibilityContext, parseCalendarDate, type Convention, type EligibilityContext } from "caf-conventions"
 * declare const convention: Convention
 * const context: EligibilityContext = eligibilityContext(convention, parseCalendarDate("2024-06-01"))
 * context.status //=> "in-force"
 * ```
 * @category eligibility
 */
export interface EligibilityContext {
  /** The convention screened against. */
  readonly convention: Convention
  /** The day asked about. */
  readonly date: CalendarDate
  /** The terms in force that day (see {@link termsAsOf}). */
  readonly terms: Terms
  /** The convention's status that day. */
  readonly status: ConventionStatus
  /** The calendar year of `date`: the funding exercise that double funding is checked against. */
  readonly exercise: Period
}

/**
 * Builds the context a rule reads, once per convention and day (batches share it). A convention
 * that is not one (JSON is decoded) or a day that is not a date throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { eligibilityContext, parseCalendarDate, type Convention } from "caf-conventions"
 * declare const convention: Convention
 * eligibilityContext(convention, parseCalendarDate("2024-06-01")).exercise //=> { start: "2024-01-01", end: "2024-12-31" }
 * ```
 * @category eligibility
 */
export function eligibilityContext(convention: Convention, date: CalendarDate): EligibilityContext {
  return contextOf(checkedConvention(convention), checkedDay(date))
}

/** @internal {@link eligibilityContext} for a convention and a day already checked. */
export function contextOf(convention: Convention, date: CalendarDate): EligibilityContext {
  return {
    convention,
    date,
    terms: termsAsOf(convention, date).terms,
    status: conventionStatus(convention, date),
    exercise: calendarYear(yearOf(date))
  }
}

/**
 * What a rule says of one candidate: its outcome, the values it read, and one French sentence.
 *
 * @example
 * ```ts
 * import type { RuleResult } from "caf-conventions"
 * const result: RuleResult = { outcome: "pass", read: { departement: "91" }, sentence: "La structure est dans le territoire (91)." }
 * ```
 * @category eligibility
 */
export interface RuleResult {
  /** How the rule came out. */
  readonly outcome: Outcome
  /** The input values read, by name. */
  readonly read: Readonly<Record<string, unknown>>
  /** What happened, in French. */
  readonly sentence: string
}

/**
 * An eligibility rule. `evaluate` explains; `compile`, when given, returns a faster function
 * that only gives the outcome, for batch screening (it must agree with `evaluate`: the library's
 * property tests check that for its own rules). Without `compile`, the verdict path calls
 * `evaluate`.
 *
 * @example
 * ```ts
 * import { defineRule, type EligibilityRule } from "caf-conventions"
 * const employer: EligibilityRule = defineRule({
 *   id: "local-employer", label: "Structure employeuse", source: "Règlement local d'aide",
 *   evaluate: (candidate) => ({
 *     outcome: candidate.employer === true ? "pass" : "fail",
 *     read: { employer: candidate.employer },
 *     sentence: candidate.employer === true ? "La structure emploie des salariés." : "La structure n'emploie pas de salariés."
 *   })
 * })
 * ```
 * @category eligibility
 */
export interface EligibilityRule {
  /** Stable id, used to replace or remove the rule and to list failures. */
  readonly id: string
  /** Name of the rule, in French. */
  readonly label: string
  /** The legal text or clause the rule rests on. */
  readonly source: string
  /** Evaluates a candidate and explains the outcome. */
  readonly evaluate: (candidate: Candidate, context: EligibilityContext) => RuleResult
  /** Optional fast path: prepares, for one context, a function giving only the outcome. */
  readonly compile?: (context: EligibilityContext) => (candidate: Candidate) => Outcome
  /**
   * Optional: when the rule's result depends only on a few fields of the candidate, a key made
   * of them (`candidate.sector`). Candidates with the same key then share one explanation node
   * per context (nodes are immutable), which saves memory and time in large batches. Leave it
   * out when the rule reads anything else of the candidate.
   */
  readonly cacheKey?: (candidate: Candidate) => string
}

/**
 * A combination of rules: all must hold, any one must, or one must not.
 *
 * @example
 * ```ts
 * import { allOf, type RuleCombination } from "caf-conventions"
 * const nothing: RuleCombination = allOf([])
 * ```
 * @category eligibility
 */
export type RuleCombination =
  | { readonly kind: "all"; readonly label: string; readonly children: ReadonlyArray<RuleTree> }
  | { readonly kind: "any"; readonly label: string; readonly children: ReadonlyArray<RuleTree> }
  | { readonly kind: "not"; readonly label: string; readonly child: RuleTree }

/**
 * A tree of rules: a rule, or a combination of trees.
 *
 * @example
 * ```ts
 * import { DEFAULT_ELIGIBILITY_RULES, type RuleTree } from "caf-conventions"
 * const tree: RuleTree = DEFAULT_ELIGIBILITY_RULES
 * ```
 * @category eligibility
 */
export type RuleTree = EligibilityRule | RuleCombination

const isRule = (tree: RuleTree): tree is EligibilityRule => "evaluate" in tree

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)

/** What is wrong with a value given as a rule: an object with a string id, label and source, and functions. */
function ruleIssues(value: unknown, path: ReadonlyArray<PathSegment>): Array<Issue> {
  if (!isObject(value))
    return [
      { path, message: `expected a rule (an object with id, label, source and evaluate), got ${describeValue(value)}` }
    ]
  const issues: Array<Issue> = []
  for (const key of ["id", "label", "source"]) {
    if (typeof value[key] !== "string")
      issues.push({ path: [...path, key], message: `expected a string, got ${describeValue(value[key])}` })
  }
  if (typeof value.evaluate !== "function")
    issues.push({ path: [...path, "evaluate"], message: `expected a function, got ${describeValue(value.evaluate)}` })
  for (const key of ["compile", "cacheKey"]) {
    if (value[key] !== undefined && typeof value[key] !== "function")
      issues.push({ path: [...path, key], message: `expected a function or nothing, got ${describeValue(value[key])}` })
  }
  return issues
}

/** What is wrong with a value given as a rule tree, every problem with its path. */
function treeIssues(value: unknown, path: ReadonlyArray<PathSegment>, depth = 0): Array<Issue> {
  if (isObject(value) && "evaluate" in value) return ruleIssues(value, path)
  if (!isObject(value) || (value.kind !== "all" && value.kind !== "any" && value.kind !== "not")) {
    return [{ path, message: `expected a rule or a combination (allOf, anyOf, not), got ${describeValue(value)}` }]
  }
  if (depth > 1000) return [{ path, message: "the tree is nested more than 1000 levels deep (a cycle?)" }]
  const issues: Array<Issue> =
    typeof value.label === "string"
      ? []
      : [{ path: [...path, "label"], message: `expected a string, got ${describeValue(value.label)}` }]
  if (value.kind === "not") return [...issues, ...treeIssues(value.child, [...path, "child"], depth + 1)]
  if (!Array.isArray(value.children))
    return [
      ...issues,
      { path: [...path, "children"], message: `expected a list of rules, got ${describeValue(value.children)}` }
    ]
  return [
    ...issues,
    ...value.children.flatMap((child: unknown, index) => treeIssues(child, [...path, "children", index], depth + 1))
  ]
}

/**
 * @internal A rule tree given as an argument, checked at the door: anything that is not a rule or
 * a combination of rules throws a {@link ValidationError} listing every problem with its path.
 */
export function checkedTree(value: unknown, subject = "rule tree", path: ReadonlyArray<PathSegment> = []): RuleTree {
  const issues = treeIssues(value, path)
  if (issues.length > 0) throw ValidationError.of(subject, issues)
  return value as RuleTree
}

function checkedRule(value: unknown, argument: string): EligibilityRule {
  const issues = ruleIssues(value, [argument])
  if (issues.length > 0) throw ValidationError.of("rule", issues)
  return value as EligibilityRule
}

function checkedLabel(label: unknown): string {
  if (typeof label === "string") return label
  throw ValidationError.of("rule combination", [
    { path: ["label"], message: `expected a string, got ${describeValue(label)}` }
  ])
}

function checkedChildren(children: unknown): ReadonlyArray<RuleTree> {
  if (!Array.isArray(children))
    throw ValidationError.of("rule combination", [
      { path: ["children"], message: `expected a list of rules, got ${describeValue(children)}` }
    ])
  for (let index = 0; index < children.length; index++)
    checkedTree(children[index], "rule combination", ["children", index])
  return children
}

/**
 * Checks a rule's id and returns it unchanged: the one way to write a custom rule.
 *
 * @example
 * ```ts
 * import { defineRule } from "caf-conventions"
 * const always = defineRule({ id: "always", label: "Toujours", source: "—", evaluate: () => ({ outcome: "pass", read: {}, sentence: "Toujours vrai." }) })
 * always.id //=> "always"
 * ```
 * @category eligibility
 */
export function defineRule(rule: EligibilityRule): EligibilityRule {
  const issues = ruleIssues(rule, [])
  if (issues.length > 0) throw ValidationError.of("rule", issues)
  if (!/^[a-z0-9][a-z0-9-]*$/.test(rule.id) || ["all", "any", "not"].includes(rule.id)) {
    throw new InvalidArgumentError({
      argument: "rule.id",
      message: `a rule id is lowercase letters, digits and '-', not all/any/not; got ${JSON.stringify(rule.id)}`
    })
  }
  return rule
}

/**
 * All of the trees must hold (rules that do not apply are neutral).
 *
 * @example
 * ```ts
 * import { allOf, DEFAULT_ELIGIBILITY_RULES } from "caf-conventions"
 * allOf([DEFAULT_ELIGIBILITY_RULES], "Éligibilité locale").kind //=> "all"
 * ```
 * @category eligibility
 */
export function allOf(children: ReadonlyArray<RuleTree>, label = "Toutes les conditions"): RuleCombination {
  return { kind: "all", label: checkedLabel(label), children: checkedChildren(children) }
}

/**
 * At least one of the trees must hold.
 *
 * @example
 * ```ts
 * import { anyOf, type EligibilityRule } from "caf-conventions"
 * declare const a: EligibilityRule, b: EligibilityRule
 * anyOf([a, b]).kind //=> "any"
 * ```
 * @category eligibility
 */
export function anyOf(children: ReadonlyArray<RuleTree>, label = "Au moins une condition"): RuleCombination {
  return { kind: "any", label: checkedLabel(label), children: checkedChildren(children) }
}

/**
 * The tree must not hold (a rule that does not apply stays not applicable).
 *
 * @example
 * ```ts
 * import { not, type EligibilityRule } from "caf-conventions"
 * declare const a: EligibilityRule
 * not(a).kind //=> "not"
 * ```
 * @category eligibility
 */
export function not(child: RuleTree, label = "Condition exclue"): RuleCombination {
  return { kind: "not", label: checkedLabel(label), child: checkedTree(child, "rule combination", ["child"]) }
}

/**
 * A copy of the tree with the rule of the same id replaced (throws an
 * {@link InvalidArgumentError} if no rule has that id, so that a typo never goes unnoticed).
 *
 * @example
 * ```ts
 * import { DEFAULT_ELIGIBILITY_RULES, replaceRule, type EligibilityRule } from "caf-conventions"
 * declare const localTerritory: EligibilityRule // id "territory"
 * const tree = replaceRule(DEFAULT_ELIGIBILITY_RULES, localTerritory)
 * ```
 * @category eligibility
 */
export function replaceRule(tree: RuleTree, rule: EligibilityRule): RuleTree {
  checkedTree(tree, "rule tree", ["tree"])
  checkedRule(rule, "rule")
  let found = false
  const walk = (node: RuleTree): RuleTree => {
    if (isRule(node)) {
      if (node.id !== rule.id) return node
      found = true
      return rule
    }
    return node.kind === "not" ? { ...node, child: walk(node.child) } : { ...node, children: node.children.map(walk) }
  }
  const replaced = walk(tree)
  if (!found)
    throw new InvalidArgumentError({ argument: "rule", message: `the tree has no rule ${rule.id} to replace` })
  return replaced
}

/**
 * A copy of the tree without the rule of that id (throws an {@link InvalidArgumentError} if none).
 *
 * @example
 * ```ts
 * import { DEFAULT_ELIGIBILITY_RULES, removeRule } from "caf-conventions"
 * const withoutTerritory = removeRule(DEFAULT_ELIGIBILITY_RULES, "territory")
 * ```
 * @category eligibility
 */
export function removeRule(tree: RuleTree, id: string): RuleTree {
  checkedTree(tree, "rule tree", ["tree"])
  if (typeof id !== "string")
    throw ValidationError.of("rule id", [{ path: ["id"], message: `expected a rule id, got ${describeValue(id)}` }])
  let found = false
  const walk = (node: RuleTree): Array<RuleTree> => {
    if (isRule(node)) {
      if (node.id !== id) return [node]
      found = true
      return []
    }
    if (node.kind === "not") {
      const [child] = walk(node.child)
      return child === undefined ? [] : [{ ...node, child }]
    }
    return [{ ...node, children: node.children.flatMap(walk) }]
  }
  const [result] = walk(tree)
  if (!found) throw new InvalidArgumentError({ argument: "id", message: `the tree has no rule ${id} to remove` })
  return result ?? allOf([])
}

/**
 * The tree with one more rule, all required: `allOf([tree, rule])`.
 *
 * @example
 * ```ts
 * import { DEFAULT_ELIGIBILITY_RULES, EMPLOYER_STRUCTURE_RULE, withRule } from "caf-conventions"
 * const forDla = withRule(DEFAULT_ELIGIBILITY_RULES, EMPLOYER_STRUCTURE_RULE)
 * ```
 * @category eligibility
 */
export function withRule(tree: RuleTree, rule: EligibilityRule): RuleTree {
  checkedTree(tree, "rule tree", ["tree"])
  checkedRule(rule, "rule")
  return !isRule(tree) && tree.kind === "all" ? { ...tree, children: [...tree.children, rule] } : allOf([tree, rule])
}

function combine(kind: "all" | "any", children: ReadonlyArray<ExplanationNode>): Outcome {
  let passed = false
  let failed = false
  for (const child of children) {
    if (child.outcome === "pass") passed = true
    else if (child.outcome === "fail") failed = true
  }
  if (!passed && !failed) return "not-applicable"
  if (kind === "all") return failed ? "fail" : "pass"
  return passed ? "pass" : "fail"
}

function combinationSentence(
  node: RuleCombination,
  outcome: Outcome,
  children: ReadonlyArray<ExplanationNode>
): string {
  return combinationText(node.kind, outcome, {
    excluded: children[0]?.label ?? "",
    failed: children.filter((child) => child.outcome === "fail").map((child) => child.label)
  })
}

const NO_CHILDREN: ReadonlyArray<ExplanationNode> = Object.freeze([])
const NOTHING_READ: Readonly<Record<string, unknown>> = Object.freeze({})
/** Shared nodes of rules with a cache key, per context and rule. */
const shared = new WeakMap<EligibilityContext, Map<EligibilityRule, Map<string, ExplanationNode>>>()

function ruleNode(rule: EligibilityRule, candidate: Candidate, context: EligibilityContext): ExplanationNode {
  const { outcome, read, sentence } = rule.evaluate(candidate, context)
  return { ruleId: rule.id, label: rule.label, outcome, read, sentence, source: rule.source, children: NO_CHILDREN }
}

function sharedRuleNode(
  rule: EligibilityRule,
  key: string,
  candidate: Candidate,
  context: EligibilityContext
): ExplanationNode {
  let byRule = shared.get(context)
  if (byRule === undefined) shared.set(context, (byRule = new Map()))
  let byKey = byRule.get(rule)
  if (byKey === undefined) byRule.set(rule, (byKey = new Map()))
  let node = byKey.get(key)
  if (node === undefined) byKey.set(key, (node = ruleNode(rule, candidate, context)))
  return node
}

/**
 * Evaluates a tree for one candidate and returns the explanation, rule by rule.
 *
 * @internal
 */
export function explainTree(tree: RuleTree, candidate: Candidate, context: EligibilityContext): ExplanationNode {
  if (isRule(tree)) {
    return tree.cacheKey === undefined
      ? ruleNode(tree, candidate, context)
      : sharedRuleNode(tree, tree.cacheKey(candidate), candidate, context)
  }
  const children =
    tree.kind === "not"
      ? [explainTree(tree.child, candidate, context)]
      : tree.children.map((child) => explainTree(child, candidate, context))
  const outcome = tree.kind === "not" ? NEGATE[(children[0] as ExplanationNode).outcome] : combine(tree.kind, children)
  return {
    ruleId: tree.kind,
    label: tree.label,
    outcome,
    read: NOTHING_READ,
    sentence: combinationSentence(tree, outcome, children),
    source: "",
    children
  }
}

/**
 * The ids of the rules in a tree, in order.
 *
 * @example
 * ```ts
 * import { DEFAULT_ELIGIBILITY_RULES, ruleIds } from "caf-conventions"
 * ruleIds(DEFAULT_ELIGIBILITY_RULES).includes("no-double-funding") //=> true
 * ```
 * @category eligibility
 */
export function ruleIds(tree: RuleTree): ReadonlyArray<string> {
  return idsOf(checkedTree(tree))
}

function idsOf(tree: RuleTree): ReadonlyArray<string> {
  if (isRule(tree)) return [tree.id]
  return tree.kind === "not" ? idsOf(tree.child) : tree.children.flatMap(idsOf)
}
