/**
 * Explanations: every result the library computes can say why, as a tree of rule outcomes with
 * the values each rule read, a French sentence and the rule's source.
 *
 * @module
 */
import { describeValue } from "./describe.js"
import { explanationLineText } from "../vocabulary/explanations.js"
import { InvalidArgumentError, type Issue, type PathSegment, ValidationError } from "./errors.js"

/**
 * How a rule came out: it held (`pass`), it did not (`fail`), or it did not apply to this case
 * (`not-applicable`: the situation rule for a collective action, say).
 *
 * @example
 * ```ts
 * import type { Outcome } from "caf-conventions"
 * const outcome: Outcome = "not-applicable"
 * ```
 * @category explanations
 */
export type Outcome = "pass" | "fail" | "not-applicable"

/**
 * One node of an explanation tree. Leaves are rules; inner nodes combine their children
 * (`all`, `any`, `not`).
 *
 * @example
 * ```ts
 * import type { ExplanationNode } from "caf-conventions"
 * const node: ExplanationNode = {
 *   ruleId: "sector-covered", label: "Secteur couvert", outcome: "pass",
 *   read: { sector: "jeunesse" }, sentence: "Le secteur « Jeunesse » est couvert par la convention.",
 *   source: "Convention : secteurs couverts", children: []
 * }
 * ```
 * @category explanations
 */
export interface ExplanationNode {
  /** The stable id of the rule (or `all`, `any`, `not` for a combination). */
  readonly ruleId: string
  /** The rule's name, in French. */
  readonly label: string
  /** How it came out. */
  readonly outcome: Outcome
  /** The input values the rule read, by name. */
  readonly read: Readonly<Record<string, unknown>>
  /** What happened, in one French sentence. */
  readonly sentence: string
  /** The legal text or the clause the rule rests on. */
  readonly source: string
  /** The nodes this one combines (empty for a rule). */
  readonly children: ReadonlyArray<ExplanationNode>
}

const MARK: Record<Outcome, string> = { pass: "✓", fail: "✗", "not-applicable": "–" }

/**
 * Renders an explanation tree as French text lines, one per node, indented by depth: a mark
 * (✓ holds, ✗ fails, – does not apply), the label, the sentence and the source. A value that is
 * not an explanation tree throws a {@link ValidationError} with the path of the faulty node.
 *
 * @example
 * ```ts
 * import { explanationLines, type ExplanationNode } from "caf-conventions"
 * declare const tree: ExplanationNode
 * explanationLines(tree).join("\n")
 * //=> "✓ Éligibilité : toutes les conditions sont remplies.\n  ✓ Secteur couvert : …"
 * ```
 * @category explanations
 */
export function explanationLines(node: ExplanationNode, depth = 0): ReadonlyArray<string> {
  if (!Number.isSafeInteger(depth) || depth < 0)
    throw new InvalidArgumentError({ argument: "depth", message: "expected a whole number of levels, 0 or more" })
  const issues = nodeIssues(node, [])
  if (issues.length > 0) throw ValidationError.of("explanation", issues)
  return linesOf(node, depth)
}

/** What is wrong with a value given as an explanation node, every problem with its path. */
function nodeIssues(node: unknown, path: ReadonlyArray<PathSegment>, depth = 0): Array<Issue> {
  if (node === null || typeof node !== "object" || Array.isArray(node))
    return [{ path, message: `expected an explanation node, got ${describeValue(node)}` }]
  if (depth > 1000) return [{ path, message: "the tree is nested more than 1000 levels deep (a cycle?)" }]
  const value = node as Record<string, unknown>
  const issues: Array<Issue> = []
  for (const key of ["label", "sentence", "source"])
    if (typeof value[key] !== "string")
      issues.push({ path: [...path, key], message: `expected a string, got ${describeValue(value[key])}` })
  if (typeof value.outcome !== "string" || !Object.hasOwn(MARK, value.outcome))
    issues.push({
      path: [...path, "outcome"],
      message: `expected pass, fail or not-applicable, got ${describeValue(value.outcome)}`
    })
  if (!Array.isArray(value.children))
    return [
      ...issues,
      { path: [...path, "children"], message: `expected a list of nodes, got ${describeValue(value.children)}` }
    ]
  return [
    ...issues,
    ...value.children.flatMap((child: unknown, index) => nodeIssues(child, [...path, "children", index], depth + 1))
  ]
}

function linesOf(node: ExplanationNode, depth: number): ReadonlyArray<string> {
  // A rule cites its source; a combination's source is its children's.
  const line = explanationLineText({
    indent: "  ".repeat(depth),
    mark: MARK[node.outcome],
    label: node.label,
    sentence: node.sentence,
    source: node.children.length === 0 && node.source !== "" ? node.source : undefined
  })
  return [line, ...node.children.flatMap((child) => linesOf(child, depth + 1))]
}
