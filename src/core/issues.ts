/**
 * Turning a decoding failure into the library's issues, bounded: a document with a million
 * faults is refused as fast as it is read, with the first {@link MAX_LISTED_ISSUES} issues and
 * the count of the others; and the check that every field is the object's own.
 *
 * @internal
 * @module
 */
import { SchemaIssue } from "effect"
import { type Issue, MAX_LISTED_ISSUES, type PathSegment } from "./errors.js"

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/**
 * Effect's paths hold property keys (a symbol key is shown by its description); the Standard
 * Schema type also allows `{ key }` segments, which Effect does not produce today.
 */
function toSegment(segment: PropertyKey | { readonly key: PropertyKey }): PathSegment {
  const key = typeof segment === "object" ? segment.key : segment
  return typeof key === "symbol" ? String(key) : key
}

/** The issues listed so far, and how many more were found. */
export interface BoundedIssues {
  readonly listed: Array<Issue>
  omitted: number
}

/** Adds an issue, or counts it once the list is full. */
export function addIssue(into: BoundedIssues, issue: Issue): void {
  if (into.listed.length < MAX_LISTED_ISSUES) into.listed.push(issue)
  else into.omitted++
}

/**
 * Walks the pointers and composites of Effect's issue tree (one per field and item) and formats
 * each other node with Effect's own formatter, so that a list of a million faulty items is never
 * formatted in one piece: each item's issues are formatted, then listed or only counted.
 */
function collect(issue: SchemaIssue.Issue, path: ReadonlyArray<PathSegment>, into: BoundedIssues): void {
  if (issue._tag === "Pointer") return collect(issue.issue, [...path, ...issue.path.map(toSegment)], into)
  if (issue._tag === "Composite") {
    for (const child of issue.issues) collect(child, path, into)
    return
  }
  for (const formatted of formatter(issue).issues) {
    addIssue(into, { path: [...path, ...(formatted.path ?? []).map(toSegment)], message: formatted.message })
  }
}

/** Converts Effect's schema failure into the library's issues: the first ones, and the count of the rest. */
export function issuesOf(issue: SchemaIssue.Issue): BoundedIssues {
  const into: BoundedIssues = { listed: [], omitted: 0 }
  collect(issue, [], into)
  return into
}

/** A node of the input being walked, with the way back to the root (paths are built only for an issue). */
interface Node {
  readonly value: object
  readonly parent?: Node
  readonly key?: PathSegment
}

const pathOf = (node: Node, key: PathSegment): Array<PathSegment> => {
  const path = [key]
  for (let at: Node | undefined = node; at?.parent !== undefined; at = at.parent) path.unshift(at.key as PathSegment)
  return path
}

const PLAIN = new Set<unknown>([Object.prototype, Array.prototype, null])

/**
 * Fields an object of the input only inherits (an `Object.create(validObject)`, say): Effect
 * reads them as if they were its own, and a copy of the document (`JSON.stringify`, a spread)
 * would lose them. Only objects with an unusual prototype can inherit a field; plain objects and
 * lists are walked for them, without calling a getter twice and without looping on a cycle.
 */
export function inheritedIssues(input: unknown): BoundedIssues {
  const into: BoundedIssues = { listed: [], omitted: 0 }
  if (input === null || typeof input !== "object") return into
  const seen = new Set<object>()
  const stack: Array<Node> = [{ value: input }]
  while (stack.length > 0) {
    const node = stack.pop() as Node
    if (seen.has(node.value)) continue
    seen.add(node.value)
    try {
      visit(node, stack, into)
    } catch {
      // a proxy or a getter that throws: the decoder reports the value
    }
  }
  return into
}

/** Reports the fields a node inherits, or queues its children (in reverse, so that issues come in document order). */
function visit(node: Node, stack: Array<Node>, into: BoundedIssues): void {
  const prototype: unknown = Object.getPrototypeOf(node.value)
  if (!PLAIN.has(prototype)) {
    const indexes = Array.isArray(prototype) // an object made from a list inherits its items
    for (const key in node.value) {
      if (!Object.hasOwn(node.value, key)) addIssue(into, { path: pathOf(node, indexes && /^\d+$/u.test(key) ? Number(key) : key), message: "is inherited from the object's prototype, not a field of its own" })
    }
    return
  }
  const isList = Array.isArray(node.value)
  const keys = Object.keys(node.value)
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i] as string
    const child: unknown = (node.value as Record<string, unknown>)[key]
    if (child !== null && typeof child === "object") stack.push({ value: child, parent: node, key: isList ? Number(key) : key })
  }
}
