/**
 * Verdicts of a tree of rules, without explanations: a rule tree (rules combined by all / any /
 * not) prepared once for a context into a function that gives only the outcome for a subject.
 * The eligibility rules are such a tree (src/eligibility/rule.ts); the eligibility check and the
 * objectives, which judge each record's structures by the terms of its stretch of time, both read
 * it here. The subjects are taken as they are: the callers check them at their door.
 *
 * @module
 */
import type { Outcome } from "./explanation.js"

/** @internal A rule as the verdict path reads it: an outcome for a subject in a context, maybe a faster `compile`. */
interface VerdictRule<Context, Subject> {
  readonly label: string
  readonly evaluate: (subject: Subject, context: Context) => { readonly outcome: Outcome }
  readonly compile?: (context: Context) => (subject: Subject) => Outcome
}

/** @internal A tree of such rules: a rule, or all / any of trees, or a tree that must not hold. */
type VerdictTree<Context, Subject> =
  | VerdictRule<Context, Subject>
  | {
      readonly kind: "all" | "any"
      readonly label: string
      readonly children: ReadonlyArray<VerdictTree<Context, Subject>>
    }
  | { readonly kind: "not"; readonly label: string; readonly child: VerdictTree<Context, Subject> }

/** @internal The outcome of a `not`: a rule that does not apply stays so. */
export const NEGATE: Readonly<Record<Outcome, Outcome>> = {
  pass: "fail",
  fail: "pass",
  "not-applicable": "not-applicable"
}

const isRule = <Context, Subject>(tree: VerdictTree<Context, Subject>): tree is VerdictRule<Context, Subject> =>
  "evaluate" in tree

/**
 * @internal Prepares a tree for one context: a function that gives only the outcome for a
 * subject, using each rule's `compile` when it has one (and its `evaluate` otherwise).
 */
export function compileTree<Context, Subject>(
  tree: VerdictTree<Context, Subject>,
  context: Context
): (subject: Subject) => Outcome {
  if (isRule(tree)) {
    if (tree.compile !== undefined) return tree.compile(context)
    return (subject) => tree.evaluate(subject, context).outcome
  }
  if (tree.kind === "not") {
    const child = compileTree(tree.child, context)
    return (subject) => NEGATE[child(subject)]
  }
  const children = tree.children.map((child) => compileTree(child, context))
  if (tree.kind === "all") {
    return (subject) => {
      let applicable = false
      for (const child of children) {
        const outcome = child(subject)
        if (outcome === "fail") return "fail"
        if (outcome === "pass") applicable = true
      }
      return applicable ? "pass" : "not-applicable"
    }
  }
  return (subject) => {
    let applicable = false
    for (const child of children) {
      const outcome = child(subject)
      if (outcome === "pass") return "pass"
      if (outcome === "fail") applicable = true
    }
    return applicable ? "fail" : "not-applicable"
  }
}

/**
 * @internal Prepares, for one context, what an explanation of the tree would list as its failed
 * children: the labels of the root's children (the child of a `not`; none for a single rule)
 * whose outcome is `fail`, in order, computed with the compiled verdicts (which agree with
 * `evaluate`) instead of building the explanation.
 */
export function compileFailedChildren<Context, Subject>(
  tree: VerdictTree<Context, Subject>,
  context: Context
): (subject: Subject) => ReadonlyArray<string> {
  if (isRule(tree)) return () => []
  const children = tree.kind === "not" ? [tree.child] : tree.children
  const verdicts = children.map((child) => compileTree(child, context))
  const labels = children.map((child) => child.label)
  return (subject) => {
    const failed: Array<string> = []
    for (let index = 0; index < verdicts.length; index++)
      if ((verdicts[index] as (subject: Subject) => Outcome)(subject) === "fail") failed.push(labels[index] as string)
    return failed
  }
}
