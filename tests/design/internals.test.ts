/**
 * Internals kept inside: a folder of src/ imports from another folder only what that folder
 * publishes (a symbol with a doc comment that does not say `@internal`), except from the shared
 * base, whose internals every folder may read. The layers are written down in docs/architecture.md.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { describe, expect, it } from "vitest"

/** The shared base: helpers every folder may use, `@internal` or not. */
const BASE = new Set(["core", "money", "calendar", "identifiers", "referential", "vocabulary"])

/** Folders whose internals only some folders may use: the recognition of a JSON document, shared by the two front doors. */
const SHARED_WITH: Readonly<Record<string, ReadonlySet<string>>> = {
  documents: new Set(["cli", "server"])
}

/**
 * Imports of another folder's internals still there, each with its reason. The list may only
 * shrink: the test fails when one of them is no longer there (remove it) or when a new one comes.
 */
const KNOWN: Readonly<Record<string, string>> = {}

function sources(folder: string): Array<string> {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return sources(path)
    return name.endsWith(".ts") ? [path] : []
  })
}

/**
 * How a module exports `name`: `"public"` (a doc comment without `@internal`), `"internal"`
 * (a doc comment saying `@internal`), `"undocumented"` (none), followed through re-exports;
 * `undefined` when the name is not found.
 */
function visibility(module: string, name: string, depth = 0): "public" | "internal" | "undocumented" | undefined {
  const text = readFileSync(module, "utf8")
  const declaration = new RegExp(
    `(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\s*)?export\\s+(?:declare\\s+)?(?:async\\s+)?(?:const|function|interface|type|class|let|abstract\\s+class)\\s+${name}\\b`,
    "u"
  ).exec(text)
  if (declaration !== null) {
    const comment = declaration[1]
    if (comment === undefined) return "undocumented"
    return comment.includes("@internal") ? "internal" : "public"
  }
  const reexport = new RegExp(`export\\s+(?:type\\s+)?\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*"([^"]+)"`, "u").exec(
    text
  )
  if (reexport !== null && depth < 3)
    return visibility(resolve(dirname(module), (reexport[1] as string).replace(/\.js$/u, ".ts")), name, depth + 1)
  // `import { name } from "./x.js"` then `export { name }`: the symbol of ./x.js.
  const imported = new RegExp(`import\\s+(?:type\\s+)?\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*"([^"]+)"`, "u").exec(
    text
  )
  if (
    imported !== null &&
    new RegExp(`export\\s+\\{[^}]*\\b${name}\\b[^}]*\\}(?!\\s*from)`, "u").test(text) &&
    depth < 3
  )
    return visibility(resolve(dirname(module), (imported[1] as string).replace(/\.js$/u, ".ts")), name, depth + 1)
  return undefined
}

/** Every import (and re-export) by name of a file from another folder of src/, as `file: name from folder/file`. */
function crossImports(): Array<{ readonly line: string; readonly visibility: ReturnType<typeof visibility> }> {
  const found: Array<{ readonly line: string; readonly visibility: ReturnType<typeof visibility> }> = []
  for (const path of sources("src")) {
    const folder = relative("src", path).split("/")[0] as string
    const text = readFileSync(path, "utf8")
    for (const match of text.matchAll(/(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"(\.\.?\/[^"]+)"/gu)) {
      const module = resolve(dirname(path), (match[2] as string).replace(/\.js$/u, ".ts"))
      const target = relative(resolve("src"), module)
      const targetFolder = target.split("/")[0] as string
      if (targetFolder === folder || target === "index.ts" || BASE.has(targetFolder)) continue
      if (SHARED_WITH[targetFolder]?.has(folder) === true) continue
      for (const raw of (match[1] as string).split(",")) {
        const name = raw
          .replace(/\btype\b/u, "")
          .trim()
          .split(/\s+as\s+/u)[0] as string
        if (name === "") continue
        found.push({ line: `${path}: ${name} from ${target}`, visibility: visibility(module, name) })
      }
    }
  }
  return found
}

/** The folders that evaluate: their results are what the renderers print. */
const EVALUATORS = new Set(["budget", "eligibility", "objectives", "funding", "portfolio"])

/** The folders that render results: the reports and the command line. */
const RENDERERS = ["src/reports", "src/cli"]

/**
 * The values (not types) a renderer may import from an evaluator: the functions that evaluate,
 * given the inputs, and the tables of labels and keys the evaluators publish for renderers. A
 * figure a renderer needs of a result is a typed field of that result, never a helper of the
 * evaluator called again on the result's parts (the bound of an objective's ratio is
 * `ObjectiveResult.ratioBound`, not `ratioReference(result.target)`).
 */
const RENDERERS_MAY_CALL: ReadonlySet<string> = new Set([
  "evaluateObjectives",
  "evaluateConventionObjectives",
  "evaluateFundingUse",
  "fundingLedger",
  "paymentSchedule",
  "EXPENSE_EXCLUSION_LABELS"
])

/** Every value (not a type) a renderer imports from an evaluator folder, as `file: name from folder/file`. */
function rendererValueImports(): Array<string> {
  const found: Array<string> = []
  for (const path of RENDERERS.flatMap(sources)) {
    const text = readFileSync(path, "utf8")
    for (const match of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+"(\.\.?\/[^"]+)"/gu)) {
      if (match[1] !== undefined) continue
      const target = relative(resolve("src"), resolve(dirname(path), match[3] as string))
      if (!EVALUATORS.has(target.split("/")[0] as string)) continue
      for (const raw of (match[2] as string).split(",")) {
        const name = raw.trim().split(/\s+as\s+/u)[0] as string
        if (name === "" || name.startsWith("type ")) continue
        found.push(`${path}: ${name} from ${target.replace(/\.js$/u, ".ts")}`)
      }
    }
  }
  return found
}

describe("renderers read results, not evaluators' helpers", () => {
  it("import from an evaluator only its entry points and published labels", () => {
    const imports = rendererValueImports()
    expect(imports).toContain("src/reports/report.ts: evaluateObjectives from objectives/evaluate.ts")
    expect(imports.filter((line) => !RENDERERS_MAY_CALL.has(line.split(": ")[1]?.split(" from ")[0] ?? ""))).toEqual([])
  })
})

describe("internals kept inside", () => {
  const imports = crossImports()

  it("reads the imports between folders", () => {
    // The conventions, read by every evaluator, and a few hundred names besides.
    expect(imports.length).toBeGreaterThan(200)
    expect(imports.map(({ line }) => line)).toContain(
      "src/budget/check.ts: checkedConvention from conventions/checked.ts"
    )
    expect(imports.filter(({ visibility }) => visibility === undefined).map(({ line }) => line)).toEqual([])
  })

  it("no folder imports another folder's internal or undocumented symbol, but those listed", () => {
    const hidden = imports
      .filter(({ visibility }) => visibility === "internal" || visibility === "undocumented")
      .map(({ line, visibility }) => `${line} (${visibility})`)
    expect(hidden.filter((line) => KNOWN[line.replace(/ \((?:internal|undocumented)\)$/u, "")] === undefined)).toEqual(
      []
    )
    const still = new Set(hidden.map((line) => line.replace(/ \((?:internal|undocumented)\)$/u, "")))
    expect(
      Object.keys(KNOWN).filter((line) => !still.has(line)),
      "listed imports no longer there (remove them from KNOWN)"
    ).toEqual([])
  })

  it("tells an internal symbol from a public one", () => {
    expect(visibility("src/eligibility/rule.ts", "explainTree")).toBe("internal")
    expect(visibility("src/conventions/resolved.ts", "resolvedYear")).toBe("public")
    expect(visibility("src/conventions/json-schema.ts", "JsonSchemaDocument")).toBe("public")
    expect(visibility("src/conventions/resolved.ts", "noSuchName")).toBeUndefined()
  })
})
