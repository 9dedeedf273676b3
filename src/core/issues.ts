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

/** The objects walked so far: each one's parent (an index in this list, -1 for the root) and key. */
interface Walk {
  readonly values: Array<object>
  readonly parents: Array<number>
  readonly keys: Array<PathSegment>
}

/** The path from the root to `key` of the object at `index`. */
function pathOf(walk: Walk, index: number, key: PathSegment): Array<PathSegment> {
  const path = [key]
  for (let at = index; at > 0; at = walk.parents[at] as number) path.unshift(walk.keys[at] as PathSegment)
  return path
}

const PLAIN = new Set<unknown>([Object.prototype, Array.prototype, null])
const INHERITED = "is inherited from the object's prototype, not a field of its own"

/**
 * Fields an object of the input only inherits (an `Object.create(validObject)`, say): Effect
 * reads them as if they were its own, and a copy of the document (`JSON.stringify`, a spread)
 * would lose them. Only objects with an unusual prototype can inherit a field; plain objects and
 * lists are walked for them, each object once (a cycle does not loop), a getter that throws left
 * to the decoder.
 */
export function inheritedIssues(input: unknown): BoundedIssues {
  const into: BoundedIssues = { listed: [], omitted: 0 }
  if (input === null || typeof input !== "object") return into
  const walk: Walk = { values: [input], parents: [-1], keys: [""] }
  const seen = new Set<object>([input])
  const pending = [0]
  while (pending.length > 0) {
    const index = pending.pop() as number
    try {
      visit(walk, index, seen, pending, into)
    } catch {
      // a proxy or a getter that throws: the decoder reports the value
    }
  }
  return into
}

/** Reports the fields an object inherits, or queues its children (in reverse, so that issues come in document order). */
function visit(walk: Walk, index: number, seen: Set<object>, pending: Array<number>, into: BoundedIssues): void {
  const value = walk.values[index] as Record<string, unknown>
  const prototype: unknown = Object.getPrototypeOf(value)
  if (!PLAIN.has(prototype)) {
    const indexes = Array.isArray(prototype) // an object made from a list inherits its items
    for (const key in value) {
      if (!Object.hasOwn(value, key)) addIssue(into, { path: pathOf(walk, index, indexes && /^\d+$/u.test(key) ? Number(key) : key), message: INHERITED })
    }
    return
  }
  const isList = Array.isArray(value)
  const keys = isList ? undefined : Object.keys(value)
  const count = keys === undefined ? (value as unknown as Array<unknown>).length : keys.length
  for (let i = count - 1; i >= 0; i--) {
    const key = keys === undefined ? i : (keys[i] as string)
    const child = value[key]
    if (child === null || typeof child !== "object" || seen.has(child)) continue
    seen.add(child)
    pending.push(walk.values.length)
    walk.values.push(child)
    walk.parents.push(index)
    walk.keys.push(key)
  }
}
