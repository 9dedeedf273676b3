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
  TYPE_NAMES,
  completeIssue,
  frenchNumber,
  guillemets,
  kindOf as kindOfValue,
  listOf,
  shorten,
  translate
} from "./messages.js"
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

/** Adds the value found to a message that does not show it yet. */
function withFound(
  texts: { readonly fr: string; readonly en: string },
  found: string | undefined
): { readonly fr: string; readonly en: string } {
  if (found === undefined) return texts
  const bare = found.length > 2 && found.startsWith('"') && found.endsWith('"') ? found.slice(1, -1) : found
  if (bare !== "" && (texts.en.includes(bare) || texts.fr.includes(bare))) return texts
  return { fr: `${texts.fr} (valeur trouvée : ${found})`, en: `${texts.en} (found ${found})` }
}

/** A suggestion as said in a sentence: `"sectors"`, or `"45000.00"` for a text to write. */
function quoted(values: ReadonlyArray<string>): { readonly fr: string; readonly en: string } {
  return { fr: values.map(guillemets).join(" ou "), en: values.map((value) => JSON.stringify(value)).join(" or ") }
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
  const texts = showFound ? withFound(problem, found) : { fr: problem.fr, en: problem.en }
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

/** A value that is none of a list of codes, with the nearest codes. */
/** How many accepted codes a message lists (an amendment's eleven kinds of change fit). */
const LISTED_CODES = 12

function enumProblem(
  found: { readonly present: boolean; readonly value?: unknown },
  codes: ReadonlyArray<string>
): LocalizedProblem {
  const listed = listOf(codes, LISTED_CODES, (code) => code)
  const expected = `one of ${codes
    .slice(0, LISTED_CODES)
    .map((code) => JSON.stringify(code))
    .join(", ")}${codes.length > LISTED_CODES ? ", …" : ""}`
  if (typeof found.value !== "string") {
    const kind = kindOfValue(found.value)
    return {
      code: "enum",
      expected,
      fr: `attendu : un de ces codes entre guillemets : ${listed.fr} ; trouvé : ${kind.fr}`,
      en: `expected one of the codes ${listed.en}, found ${kind.en}`
    }
  }
  const suggestions = nearest(found.value, codes)
  const shown = guillemets(shorten(found.value).slice(1, -1))
  if (suggestions.length > 0) {
    const said = quoted(suggestions)
    return {
      code: "enum",
      expected,
      suggestions,
      fr: `${shown} n'est pas un code accepté ici : vouliez-vous dire ${said.fr} ? Codes acceptés : ${listed.fr}`,
      en: `${JSON.stringify(found.value)} is not an accepted code here: did you mean ${said.en}? Accepted codes: ${listed.en}`
    }
  }
  return {
    code: "enum",
    expected,
    fr: `${shown} n'est pas un code accepté ici ; codes acceptés : ${listed.fr}`,
    en: `${JSON.stringify(found.value)} is not an accepted code here; accepted codes: ${listed.en}`
  }
}

/** A number written where an amount (a string) is expected: the string to write instead. */
function amountProblem(value: unknown): LocalizedProblem {
  const expected = 'an amount in euros as a string with a dot and at most two decimals, such as "45000.00"'
  if (typeof value === "number" && Number.isFinite(value)) {
    const fixed = value.toFixed(2)
    const exact = Number(fixed) === value && Math.abs(value) < 1e13
    const hint = exact ? fixed : String(value)
    return {
      code: "amount",
      expected,
      ...(exact ? { suggestions: [fixed] } : {}),
      fr: `un montant s'écrit entre guillemets, avec un point avant les centimes : écrivez "${hint}" au lieu de ${value}${exact ? "" : " (au plus deux décimales)"}`,
      en: `an amount is written as a string, with a dot before the cents: write "${hint}" instead of ${value}${exact ? "" : " (at most two decimals)"}`
    }
  }
  const kind = kindOfValue(value)
  return {
    code: "amount",
    expected,
    fr: `attendu : un montant entre guillemets, par exemple "45000.00" ; trouvé : ${kind.fr}`,
    en: `expected an amount as a string such as "45000.00", found ${kind.en}`
  }
}

/** Something else than a text where a date is expected. */
function dateProblem(value: unknown): LocalizedProblem {
  const kind = kindOfValue(value)
  return {
    code: "date",
    expected: 'a date as a string written yyyy-MM-dd, such as "2024-01-31"',
    fr: `une date s'écrit entre guillemets au format AAAA-MM-JJ, par exemple "2024-01-31" ; trouvé : ${kind.fr}`,
    en: `a date is written as a string yyyy-MM-dd, such as "2024-01-31"; found ${kind.en}`
  }
}

/** A value of the wrong JSON type, with the expected form and, when one is obvious, the value to write. */
function typeProblem(ast: Ast, value: unknown): LocalizedProblem {
  const kind = kindOfValue(value)
  const named =
    ast._tag === "Literal"
      ? { fr: guillemets(String(ast.literal)), en: JSON.stringify(ast.literal) }
      : (TYPE_NAMES[ast._tag] ?? { fr: "une autre valeur", en: "another value" })
  let suggestion: string | undefined
  if (ast._tag === "String" && (typeof value === "number" || typeof value === "boolean"))
    suggestion = JSON.stringify(String(value))
  if (ast._tag === "Number" && typeof value === "string" && /^-?\d+(\.\d+)?$/u.test(value.trim()))
    suggestion = String(Number(value))
  if (ast._tag === "Boolean" && typeof value === "string" && /^(true|false)$/u.test(value.trim()))
    suggestion = value.trim()
  if (ast._tag === "Arrays" && value !== null && value !== undefined && typeof value !== "object")
    suggestion = `[${JSON.stringify(value)}]`
  const hint =
    suggestion === undefined ? { fr: "", en: "" } : { fr: ` : écrivez ${suggestion}`, en: `: write ${suggestion}` }
  return {
    code: "type",
    expected: named.en,
    ...(suggestion === undefined ? {} : { suggestions: [suggestion] }),
    fr: `attendu : ${named.fr} ; trouvé : ${kind.fr}${hint.fr}`,
    en: `expected ${named.en}, found ${kind.en}${hint.en}`
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

/** The French and English of one of Effect's built-in checks (a range, an integer, a pattern, a length). */
function builtInProblem(annotations: Record<string, unknown>, legacy: string): LocalizedProblem | undefined {
  const representation = annotations.representation as
    | { readonly id?: string; readonly payload?: Record<string, unknown> }
    | undefined
  const payload = representation?.payload ?? {}
  const expected = typeof annotations.expected === "string" ? annotations.expected : undefined
  const number = (key: string): string => frenchNumber(String(payload[key]))
  const range = (fr: string): LocalizedProblem => ({
    code: "range",
    ...(expected === undefined ? {} : { expected }),
    fr: `attendu : ${fr}`,
    en: `expected ${expected ?? legacy}`
  })
  switch (representation?.id) {
    case "effect/schema/isInt":
      return range("un nombre entier")
    case "effect/schema/isBetween":
      return range(`un nombre de ${number("minimum")} à ${number("maximum")}`)
    case "effect/schema/isGreaterThanOrEqualTo":
      return range(`un nombre supérieur ou égal à ${number("minimum")}`)
    case "effect/schema/isGreaterThan":
      return range(`un nombre supérieur à ${number("exclusiveMinimum")}`)
    case "effect/schema/isLessThanOrEqualTo":
      return range(`un nombre inférieur ou égal à ${number("maximum")}`)
    case "effect/schema/isLessThan":
      return range(`un nombre inférieur à ${number("exclusiveMaximum")}`)
    case "effect/schema/isMinLength":
      return {
        code: "list",
        ...(expected === undefined ? {} : { expected }),
        fr: `attendu : au moins ${number("minLength")} élément${payload.minLength === 1 ? "" : "s"}`,
        en: `expected ${expected ?? legacy}`
      }
    case "effect/schema/isMaxLength":
      return {
        code: "list",
        ...(expected === undefined ? {} : { expected }),
        fr: `attendu : au plus ${number("maxLength")} élément${payload.maxLength === 1 ? "" : "s"}`,
        en: `expected ${expected ?? legacy}`
      }
    case "effect/schema/isPattern":
      if (typeof annotations.message === "string") return undefined
      return {
        code: "pattern",
        ...(expected === undefined ? {} : { expected }),
        fr: `la valeur n'a pas la forme attendue (${String(payload.source)})`,
        en: `expected ${expected ?? legacy}`
      }
    default:
      return undefined
  }
}

/** The problem of an English message, translated when the library knows it. */
function translated(legacy: string): LocalizedProblem {
  const known = translate(legacy)
  return { code: known?.code ?? "invalid", fr: known?.fr ?? legacy, en: legacy }
}

/** A leaf under a check (a filter): the check's own words, or Effect's, translated. */
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
  const builtIn = builtInProblem(annotations, legacy)
  push(reading, path, legacy, builtIn ?? translated(legacy))
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
      return push(
        reading,
        path,
        legacyOf(issue),
        {
          code: "missing-key",
          fr: `le champ obligatoire ${guillemets(key)} manque`,
          en: `the required field ${JSON.stringify(key)} is missing`
        },
        false
      )
    }
    case "UnexpectedKey": {
      const key = keyOf(path)
      const ast = issue.ast as unknown as Ast
      const known = ((ast.propertySignatures as ReadonlyArray<{ readonly name: PropertyKey }> | undefined) ?? []).map(
        (signature) => String(signature.name)
      )
      const suggestions = nearest(key, known)
      const listed = listOf(known, 12, (name) => name)
      const texts =
        suggestions.length > 0
          ? {
              fr: `le champ ${guillemets(key)} n'est pas prévu ici : vouliez-vous dire ${quoted(suggestions).fr} ?`,
              en: `unknown field ${JSON.stringify(key)}: did you mean ${quoted(suggestions).en}?`
            }
          : {
              fr: `le champ ${guillemets(key)} n'est pas prévu ici ; champs prévus : ${listed.fr}`,
              en: `unknown field ${JSON.stringify(key)}; known fields: ${listed.en}`
            }
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
        fr: "la valeur ne correspond à aucune des formes prévues ici",
        en: legacyOf(issue)
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
          builtInProblem(annotations, formatted.message) ?? translated(formatted.message)
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
      if (!Object.hasOwn(value, key))
        addIssue(
          into,
          completeIssue({
            path: pathOf(walk, index, indexes && /^\d+$/u.test(key) ? Number(key) : key),
            message: INHERITED
          })
        )
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
