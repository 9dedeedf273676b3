/**
 * Turning a decoding failure into the library's issues, bounded: a document with a million
 * faults is refused as fast as it is read, with the first {@link MAX_LISTED_ISSUES} issues and
 * the count of the others; and the check that every field is the object's own.
 *
 * @internal
 * @module
 */
import * as SchemaIssue from "effect/SchemaIssue"
import { type Issue, type IssueCode, MAX_LISTED_ISSUES, type PathSegment } from "./errors.js"
import {
  type BuiltInCheck,
  INHERITED_KEY_TEXT,
  type Texts,
  amountAsNumberText,
  amountOfWrongTypeText,
  builtInCheckCode,
  builtInCheckText,
  dateOfWrongTypeText,
  enumText,
  expectedTypeName,
  listText,
  missingKeyText,
  unionText,
  unknownKeyText,
  withFoundText,
  wrongTypeText
} from "../vocabulary/validation.js"
import { shorten } from "./messages.js"
import { nearest } from "./suggest.js"

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
interface BoundedIssues {
  readonly listed: Array<Issue>
  omitted: number
}

/** Adds an issue, or counts it once the list is full. */
function addIssue(into: BoundedIssues, issue: Issue): void {
  if (into.listed.length < MAX_LISTED_ISSUES) into.listed.push(issue)
  else into.omitted++
}

/**
 * The annotation a check of the library sets on its filter to say what it checks (an amount, a
 * date), so that a value of the wrong type there gets the right hint ("45000.00", AAAA-MM-JJ).
 */
export const ISSUE_KIND = "cafIssueKind"

/** What a check of the library says of a value it refuses, in both languages, with its code. */
interface LocalizedProblem {
  readonly code: IssueCode
  readonly en: string
  readonly fr: string
  readonly expected?: string
  readonly suggestions?: ReadonlyArray<string>
}

/**
 * The issue a schema's check returns to speak both languages: Effect keeps `message` (the
 * developer's wording, `Issue.message`), the library reads the problem when it lists the issue.
 */
export function localizedIssue(message: string, problem: LocalizedProblem): SchemaIssue.InvalidValue {
  return new SchemaIssue.InvalidValue({ message, [LOCALIZED]: problem })
}

const LOCALIZED = "cafLocalized"

/** An issue of a rule between fields, with its code and both texts: `message` is the English. */
export function textsIssue(path: ReadonlyArray<PathSegment>, code: IssueCode, texts: Texts): Issue {
  return { path, message: texts.en, code, messages: { fr: texts.fr, en: texts.en } }
}

/**
 * The issues a schema's check found, as its filter returns them: each one that has its code and
 * both messages (see {@link textsIssue}) speaks both languages, another one keeps its English.
 */
export function filterIssues(
  issues: ReadonlyArray<Issue>
): Array<{ readonly path: ReadonlyArray<PathSegment>; readonly issue: string | SchemaIssue.InvalidValue }> {
  return issues.map((issue) => ({
    path: issue.path,
    issue:
      issue.messages === undefined
        ? issue.message
        : localizedIssue(issue.message, {
            code: issue.code ?? "invalid",
            fr: issue.messages.fr,
            en: issue.messages.en
          })
  }))
}

/**
 * The annotations of a built-in check (a pattern) that speaks both languages: Effect's `message`
 * is the English, the library reads the problem when it lists the issue.
 */
export function localizedCheck(problem: LocalizedProblem): { readonly message: string } {
  return { message: problem.en, [LOCALIZED]: problem } as { readonly message: string }
}

/** The value at `path` in the input, if there is one (never throws: a getter that throws counts as none). */
function valueAt(
  root: unknown,
  path: ReadonlyArray<PathSegment>
): { readonly present: boolean; readonly value?: unknown } {
  let value = root
  try {
    for (const segment of path) {
      if (value === null || typeof value !== "object" || !Object.hasOwn(value, segment)) return { present: false }
      value = (value as Record<PathSegment, unknown>)[segment]
    }
  } catch {
    return { present: false }
  }
  return { present: true, value }
}

type Ast = { readonly _tag: string; readonly [key: string]: unknown }

/** The library's kind annotation on the checks of a schema, if any. */
function kindOf(ast: Ast): string | undefined {
  const checks = ast.checks as ReadonlyArray<{ readonly annotations?: Record<string, unknown> }> | undefined
  for (const check of checks ?? []) {
    const kind = check.annotations?.[ISSUE_KIND]
    if (typeof kind === "string") return kind
  }
  return undefined
}

/** The last key of a path, for the sentences about fields. */
function keyOf(path: ReadonlyArray<PathSegment>): string {
  const last = path.at(-1)
  return last === undefined ? "" : String(last)
}

/** Where the issues are being read from: the input, to show the value found at each path. */
interface Reading {
  readonly root: unknown
  readonly into: BoundedIssues
}

/** Makes the issue, its code and both messages given; the legacy `message` is Effect's wording. */
function push(
  reading: Reading,
  path: ReadonlyArray<PathSegment>,
  legacy: string,
  problem: LocalizedProblem,
  showFound = true
): void {
  const at = valueAt(reading.root, path)
  const found = at.present ? shorten(at.value) : undefined
  const texts = showFound ? withFoundText(problem, found) : { fr: problem.fr, en: problem.en }
  addIssue(reading.into, {
    path,
    message: legacy,
    code: problem.code,
    ...(found === undefined ? {} : { found }),
    ...(problem.expected === undefined ? {} : { expected: problem.expected }),
    ...(problem.suggestions === undefined || problem.suggestions.length === 0
      ? {}
      : { suggestions: problem.suggestions }),
    messages: { fr: texts.fr, en: texts.en }
  })
}

/** Effect's own wording of a node, as earlier versions gave it in `message`. */
function legacyOf(issue: SchemaIssue.Issue): string {
  return formatter(issue).issues[0]?.message ?? "Invalid data"
}

/** How many accepted codes a message lists (an amendment's eleven kinds of change fit). */
const LISTED_CODES = 12

/**
 * @internal The issue of an argument (an option) that is none of a list of codes: the same code,
 * fields and texts as a decoded value's (`found`, `expected`, the nearest codes as `suggestions`).
 */
export function enumIssue(path: ReadonlyArray<PathSegment>, value: unknown, codes: ReadonlyArray<string>): Issue {
  const problem = enumProblem({ present: true, value }, codes)
  const found = shorten(value)
  const texts = withFoundText(problem, found)
  return {
    path,
    message: texts.en,
    code: problem.code,
    found,
    ...(problem.expected === undefined ? {} : { expected: problem.expected }),
    ...(problem.suggestions === undefined || problem.suggestions.length === 0
      ? {}
      : { suggestions: problem.suggestions }),
    messages: { fr: texts.fr, en: texts.en }
  }
}

/** A value that is none of a list of codes, with the nearest codes. */
function enumProblem(
  found: { readonly present: boolean; readonly value?: unknown },
  codes: ReadonlyArray<string>
): LocalizedProblem {
  const expected = `one of ${codes
    .slice(0, LISTED_CODES)
    .map((code) => JSON.stringify(code))
    .join(", ")}${codes.length > LISTED_CODES ? ", …" : ""}`
  const suggestions = typeof found.value === "string" ? nearest(found.value, codes) : []
  const shown = typeof found.value === "string" ? shorten(found.value).slice(1, -1) : ""
  return {
    code: "enum",
    expected,
    ...(suggestions.length > 0 ? { suggestions } : {}),
    ...enumText(found.value, shown, listText(codes, LISTED_CODES), suggestions)
  }
}

const AMOUNT_EXPECTED = 'an amount in euros as a string with a dot and at most two decimals, such as "45000.00"'

/** A number written where an amount (a string) is expected: the string to write instead. */
function amountProblem(value: unknown): LocalizedProblem {
  if (typeof value === "number" && Number.isFinite(value)) {
    const fixed = value.toFixed(2)
    const exact = Number(fixed) === value && Math.abs(value) < 1e13
    return {
      code: "amount",
      expected: AMOUNT_EXPECTED,
      ...(exact ? { suggestions: [fixed] } : {}),
      ...amountAsNumberText(value, exact ? fixed : String(value), exact)
    }
  }
  return { code: "amount", expected: AMOUNT_EXPECTED, ...amountOfWrongTypeText(value) }
}

/** Something else than a text where a date is expected. */
function dateProblem(value: unknown): LocalizedProblem {
  return {
    code: "date",
    expected: 'a date as a string written yyyy-MM-dd, such as "2024-01-31"',
    ...dateOfWrongTypeText(value)
  }
}

/** A value of the wrong JSON type, with the expected form and, when one is obvious, the value to write. */
function typeProblem(ast: Ast, value: unknown): LocalizedProblem {
  const expected = ast._tag === "Literal" ? { literal: ast.literal } : { type: ast._tag }
  let suggestion: string | undefined
  if (ast._tag === "String" && (typeof value === "number" || typeof value === "boolean"))
    suggestion = JSON.stringify(String(value))
  if (ast._tag === "Number" && typeof value === "string" && /^-?\d+(\.\d+)?$/u.test(value.trim()))
    suggestion = String(Number(value))
  if (ast._tag === "Boolean" && typeof value === "string" && /^(true|false)$/u.test(value.trim()))
    suggestion = value.trim()
  if (ast._tag === "Arrays" && value !== null && value !== undefined && typeof value !== "object")
    suggestion = `[${JSON.stringify(value)}]`
  return {
    code: "type",
    expected: expectedTypeName(expected),
    ...(suggestion === undefined ? {} : { suggestions: [suggestion] }),
    ...wrongTypeText(expected, value, suggestion)
  }
}

/**
 * The key that tells the members of a union of objects apart (an amendment change's `kind`): a
 * key every member has, each with a different literal; with those literals, or undefined.
 */
function discriminantOf(ast: Ast): { readonly key: string; readonly codes: ReadonlyArray<string> } | undefined {
  const types = ast.types as ReadonlyArray<Ast> | undefined
  if (types === undefined || types.length < 2 || !types.every((type) => type._tag === "Objects")) return undefined
  type Signature = { readonly name: PropertyKey; readonly type: Ast }
  const signatures = (type: Ast) => (type.propertySignatures as ReadonlyArray<Signature> | undefined) ?? []
  for (const candidate of signatures(types[0] as Ast)) {
    if (typeof candidate.name !== "string") continue
    const codes = types.map((type) => {
      const found = signatures(type).find((signature) => signature.name === candidate.name)?.type
      return found?._tag === "Literal" && typeof found.literal === "string" ? found.literal : undefined
    })
    if (codes.every((code) => code !== undefined) && new Set(codes).size === codes.length)
      return { key: candidate.name, codes: codes as ReadonlyArray<string> }
  }
  return undefined
}

/** The literal codes of a union made only of literals (an enumeration), or undefined. */
function literalsOf(ast: Ast): ReadonlyArray<string> | undefined {
  const types = ast.types as ReadonlyArray<Ast> | undefined
  if (types === undefined || types.length === 0 || !types.every((type) => type._tag === "Literal")) return undefined
  return types.map((type) => String(type.literal))
}

/** Effect's built-in check that an issue comes from (a range, an integer, a pattern, a length), with its bounds. */
function builtInCheck(annotations: Record<string, unknown>): BuiltInCheck | undefined {
  const representation = annotations.representation as
    | { readonly id?: string; readonly payload?: Record<string, unknown> }
    | undefined
  const payload = representation?.payload ?? {}
  const bound = (key: string): string => String(payload[key])
  switch (representation?.id) {
    case "effect/schema/isInt":
      return { check: "int" }
    case "effect/schema/isBetween":
      return { check: "between", minimum: bound("minimum"), maximum: bound("maximum") }
    case "effect/schema/isGreaterThanOrEqualTo":
      return { check: "at-least", bound: bound("minimum") }
    case "effect/schema/isGreaterThan":
      return { check: "above", bound: bound("exclusiveMinimum") }
    case "effect/schema/isLessThanOrEqualTo":
      return { check: "at-most", bound: bound("maximum") }
    case "effect/schema/isLessThan":
      return { check: "below", bound: bound("exclusiveMaximum") }
    case "effect/schema/isMinLength":
      return { check: "min-length", length: Number(payload.minLength) }
    case "effect/schema/isMaxLength":
      return { check: "max-length", length: Number(payload.maxLength) }
    case "effect/schema/isPattern":
      return typeof annotations.message === "string" ? undefined : { check: "pattern", source: bound("source") }
    default:
      return undefined
  }
}

/** The French and English of one of Effect's built-in checks, or undefined for another check. */
function builtInProblem(annotations: Record<string, unknown>, legacy: string): LocalizedProblem | undefined {
  const check = builtInCheck(annotations)
  if (check === undefined) return undefined
  const expected = typeof annotations.expected === "string" ? annotations.expected : undefined
  return {
    code: builtInCheckCode(check),
    ...(expected === undefined ? {} : { expected }),
    ...builtInCheckText(check, expected ?? legacy)
  }
}

/**
 * The problem of a message no check of the library words itself (one of Effect's own checks
 * without a French wording): the code `invalid`, its English in French too.
 */
function unworded(legacy: string): LocalizedProblem {
  return { code: "invalid", fr: legacy, en: legacy }
}

/** A leaf under a check (a filter): the check's own words, Effect's built-in ones, or Effect's message. */
function filterLeaf(
  reading: Reading,
  node: SchemaIssue.Issue,
  leaf: SchemaIssue.Issue,
  path: ReadonlyArray<PathSegment>,
  annotations: Record<string, unknown>
): void {
  const legacy = legacyOf(node)
  const localized =
    leaf._tag === "InvalidValue" ? (leaf.annotations?.[LOCALIZED] as LocalizedProblem | undefined) : undefined
  if (localized !== undefined) return push(reading, path, legacy, localized)
  const checked = annotations[LOCALIZED] as LocalizedProblem | undefined
  if (checked !== undefined) return push(reading, path, legacy, checked)
  const builtIn = builtInProblem(annotations, legacy)
  push(reading, path, legacy, builtIn ?? unworded(legacy))
}

const LEAVES = new Set(["MissingKey", "UnexpectedKey", "InvalidType", "InvalidValue", "Forbidden", "OneOf"])

/** Whether a node of the tree makes one issue: a leaf, a check of one value, a value outside a list of codes. */
function isLeaf(issue: SchemaIssue.Issue): boolean {
  if (LEAVES.has(issue._tag)) return true
  if (issue._tag === "Filter") return isLeaf(issue.issue)
  return issue._tag === "AnyOf" && literalsOf(issue.ast as unknown as Ast) !== undefined
}

/**
 * Walks the pointers and composites of Effect's issue tree (one per field and item) and makes
 * each leaf an issue with its code, the value found and both messages, so that a list of a
 * million faulty items is never formatted in one piece: each item's issues are made, then
 * listed or only counted.
 */
function collect(
  reading: Reading,
  issue: SchemaIssue.Issue,
  path: ReadonlyArray<PathSegment>,
  filter?: Record<string, unknown>
): void {
  // Once the list is full, a problem is only counted: its value, suggestions and messages are not made.
  if (reading.into.listed.length >= MAX_LISTED_ISSUES && isLeaf(issue)) {
    reading.into.omitted++
    return
  }
  switch (issue._tag) {
    case "Pointer":
      return collect(reading, issue.issue, [...path, ...issue.path.map(toSegment)], filter)
    case "Composite":
      for (const child of issue.issues) collect(reading, child, path, filter)
      return
    case "Encoding":
      return collect(reading, issue.issue, path, filter)
    case "Filter": {
      const annotations = (issue.filter.annotations ?? {}) as Record<string, unknown>
      const inner = issue.issue
      if (inner._tag === "Pointer" || inner._tag === "Composite") return collect(reading, inner, path, annotations)
      return filterLeaf(reading, issue, inner, path, annotations)
    }
    case "MissingKey": {
      const key = keyOf(path)
      return push(reading, path, legacyOf(issue), { code: "missing-key", ...missingKeyText(key) }, false)
    }
    case "UnexpectedKey": {
      const key = keyOf(path)
      const ast = issue.ast as unknown as Ast
      const known = ((ast.propertySignatures as ReadonlyArray<{ readonly name: PropertyKey }> | undefined) ?? []).map(
        (signature) => String(signature.name)
      )
      const suggestions = nearest(key, known)
      const listed = listText(known, 12)
      const texts = unknownKeyText(key, suggestions, listed)
      return push(
        reading,
        path,
        legacyOf(issue),
        { code: "unknown-key", expected: `one of the fields ${listed.en}`, suggestions, ...texts },
        false
      )
    }
    case "AnyOf": {
      const codes = literalsOf(issue.ast as unknown as Ast)
      if (codes !== undefined)
        return push(reading, path, legacyOf(issue), enumProblem(valueAt(reading.root, path), codes))
      if (issue.issues.length > 0) {
        for (const child of issue.issues) collect(reading, child, path, filter)
        return
      }
      const tagged = discriminantOf(issue.ast as unknown as Ast)
      const tag = tagged === undefined ? undefined : valueAt(reading.root, [...path, tagged.key])
      if (tagged !== undefined && tag?.present === true && !tagged.codes.includes(tag.value as string))
        return push(reading, [...path, tagged.key], legacyOf(issue), enumProblem(tag, tagged.codes))
      return push(reading, path, legacyOf(issue), {
        code: "union",
        expected: legacyOf(issue).replace(/^Expected /u, ""),
        ...unionText(legacyOf(issue))
      })
    }
    case "InvalidType": {
      const ast = issue.ast as unknown as Ast
      const at = valueAt(reading.root, path)
      const kind = kindOf(ast)
      if (kind === "amount") return push(reading, path, legacyOf(issue), amountProblem(at.value))
      if (kind === "date") return push(reading, path, legacyOf(issue), dateProblem(at.value))
      if (ast._tag === "Literal") return push(reading, path, legacyOf(issue), enumProblem(at, [String(ast.literal)]))
      return push(reading, path, legacyOf(issue), typeProblem(ast, at.value))
    }
    default: {
      const annotations = filter ?? {}
      if (issue._tag === "InvalidValue" && issue.annotations?.[LOCALIZED] !== undefined)
        return push(reading, path, legacyOf(issue), issue.annotations[LOCALIZED] as LocalizedProblem)
      for (const formatted of formatter(issue).issues) {
        const at = [...path, ...(formatted.path ?? []).map(toSegment)]
        push(
          reading,
          at,
          formatted.message,
          builtInProblem(annotations, formatted.message) ?? unworded(formatted.message)
        )
      }
    }
  }
}

/**
 * Converts Effect's schema failure into the library's issues, each with its code, the value
 * found in `input` at its path and both messages: the first ones, and the count of the rest.
 */
export function issuesOf(issue: SchemaIssue.Issue, input?: unknown): BoundedIssues {
  const into: BoundedIssues = { listed: [], omitted: 0 }
  collect({ root: input, into }, issue, [])
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
      if (!Object.hasOwn(value, key))
        addIssue(into, {
          path: pathOf(walk, index, indexes && /^\d+$/u.test(key) ? Number(key) : key),
          message: INHERITED_KEY_TEXT.en,
          code: "inherited-key",
          messages: { ...INHERITED_KEY_TEXT }
        })
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
