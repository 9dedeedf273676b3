/**
 * What the renderers (src/reports/) and the CLI (src/cli/) may read: the public API of the other
 * folders (no `@internal` symbol of theirs), the shared base (core, vocabulary, money, calendar,
 * referential, identifiers, and documents: the recognition of a JSON document that the command
 * line's `validate` and the HTTP service's `/validate` share), and the typed fields of the results, never a child of an
 * explanation by position nor a walk through its children. The sentences of explanations they
 * still print are listed in READS: the list may only shrink (see docs/vocabulary.md).
 */
import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { describe, expect, it } from "vitest"

const BASE = new Set(["core", "vocabulary", "money", "calendar", "referential", "identifiers", "documents"])
const FOLDERS = ["src/reports", "src/cli"]

const sources = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(folder, name))
)

/** A symbol's doc comment says `@internal`: searched in the module that declares it, or re-exports it. */
function internal(module: string, name: string, depth = 0): boolean | undefined {
  const text = readFileSync(module, "utf8")
  const declaration = new RegExp(
    `(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\s*)?export\\s+(?:declare\\s+)?(?:const|function|interface|type|class|let)\\s+${name}\\b`,
    "u"
  ).exec(text)
  if (declaration !== null) return (declaration[1] ?? "").includes("@internal")
  const reexport = new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*"([^"]+)"`, "u").exec(text)
  if (reexport !== null && depth < 3)
    return internal(resolve(dirname(module), (reexport[1] as string).replace(/\.js$/u, ".ts")), name, depth + 1)
  if (new RegExp(`export\\s*\\{[^}]*\\b${name}\\b`, "u").test(text)) return false
  return undefined
}

/** The sentences of explanations the renderers still print: each line, by file. */
const READS: Readonly<Record<string, ReadonlyArray<string>>> = {
  "src/reports/document.ts": []
}

describe("renderers and the CLI", () => {
  it("import no internal symbol of an evaluator's folder", () => {
    const found: Array<string> = []
    for (const path of sources) {
      const text = readFileSync(path, "utf8")
      for (const match of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"(\.\.\/[^"]+)"/gu)) {
        const module = resolve(dirname(path), (match[2] as string).replace(/\.js$/u, ".ts"))
        const rel = relative("src", module)
        if (BASE.has(rel.split("/")[0] as string) || rel === "index.ts") continue
        for (const raw of (match[1] as string).split(",")) {
          const name = raw
            .replace(/\btype\b/u, "")
            .trim()
            .split(/\s+as\s+/u)[0] as string
          if (name === "") continue
          const hidden = internal(module, name)
          if (hidden !== false)
            found.push(`${path}: ${name} from ${rel}${hidden === true ? " (@internal)" : " (not found)"}`)
        }
      }
    }
    expect(found).toEqual([])
  })

  it("read no child of an explanation by position and no sentence beyond those listed", () => {
    const found: Array<string> = []
    for (const path of sources) {
      const text = readFileSync(path, "utf8")
        .replace(/\/\*[\s\S]*?\*\//gu, "")
        .replace(/^\s*\/\/.*$/gmu, "")
      const reads = [
        ...text.matchAll(/[\w.?[\]]*(?:\.children\b(?:\[\d+\])?(?:\?)?(?:\.sentence)?|\.sentence\b)/gu)
      ].map((match) => match[0])
      const allowed = [...(READS[path] ?? [])]
      for (const read of reads) {
        const index = allowed.indexOf(read)
        if (index === -1) found.push(`${path}: ${read}`)
        else allowed.splice(index, 1)
      }
      expect(allowed, `${path}: listed reads no longer there (remove them from READS)`).toEqual([])
    }
    expect(found).toEqual([])
  })
})
