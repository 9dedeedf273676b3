/**
 * Lists the exports of src/ that nothing uses: a name a module of src/ exports that no file of
 * src/, tests/, bench/, examples/, scripts/, browser/ or fuzz/ imports from it (directly or
 * through a re-export), and that no entry point of the package publishes (src/index.ts,
 * src/spreadsheet/index.ts, src/server/index.ts, followed through `export *` and
 * `export { … } from`). A name used only inside its own module needs no `export`.
 *
 * `npx tsx scripts/unused-exports.ts [checkout]` prints one `file: name` a line and the count;
 * it reads the text with regular expressions, which the code's one style makes enough.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"

const root = resolve(process.argv[2] ?? ".")
const READERS = ["src", "tests", "bench", "examples", "scripts", "browser", "fuzz"]
const ENTRIES = ["src/index.ts", "src/spreadsheet/index.ts", "src/server/index.ts"]
const PACKAGE: Readonly<Record<string, string>> = {
  "caf-conventions": "src/index.ts",
  "caf-conventions/spreadsheet": "src/spreadsheet/index.ts",
  "caf-conventions/server": "src/server/index.ts"
}

function files(folder: string): Array<string> {
  if (!existsSync(folder)) return []
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (name === "node_modules" || name === "expected") return []
    if (statSync(path).isDirectory()) return files(path)
    return /\.(?:ts|mts|mjs|js|tsx)$/u.test(name) ? [path] : []
  })
}

/** The source file of src/ an import names, relative to the checkout; undefined outside src/. */
function target(from: string, specifier: string): string | undefined {
  const known = PACKAGE[specifier]
  if (known !== undefined) return known
  if (!specifier.startsWith(".")) return undefined
  const base = resolve(dirname(from), specifier).replace(/\.(?:js|ts)$/u, "")
  for (const candidate of [`${base}.ts`, join(base, "index.ts")])
    if (existsSync(candidate)) return relative(root, candidate)
  return undefined
}

const names = (list: string): Array<{ readonly name: string; readonly as: string }> =>
  list
    .split(",")
    .map((raw) => raw.replace(/\btype\b/u, "").trim())
    .filter((raw) => raw !== "")
    .map((raw) => {
      const [name, as] = raw.split(/\s+as\s+/u) as [string, string | undefined]
      return { name: name.trim(), as: (as ?? name).trim() }
    })

const texts = new Map<string, string>()
for (const folder of READERS)
  for (const path of files(join(root, folder))) texts.set(relative(root, path), readFileSync(path, "utf8"))

/** What each module of src/ declares as exported. */
const exported = new Map<string, Set<string>>()
/** Names used of each module: imported, or re-exported by a module whose name is used. */
const used = new Map<string, Set<string>>()
/** `export * from` of each module, and its `export { a as b } from`. */
const stars = new Map<string, Array<string>>()
const reexports = new Map<string, Array<{ readonly module: string; readonly name: string; readonly as: string }>>()
/** Modules read whole (`import * as x`): their names are taken as used when `x.name` appears. */
const wholes: Array<{ readonly module: string; readonly text: string; readonly alias: string }> = []

const mark = (module: string, name: string) => {
  let set = used.get(module)
  if (set === undefined) used.set(module, (set = new Set()))
  set.add(name)
}

for (const [path, text] of texts) {
  if (path.startsWith("src/")) {
    const own = new Set<string>()
    for (const match of text.matchAll(
      /^export\s+(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(?:const|function\*?|interface|type|class|let|enum)\s+([A-Za-z_$][\w$]*)/gmu
    ))
      own.add(match[1] as string)
    for (const match of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}(?!\s*from)/gmu))
      for (const { as } of names(match[1] as string)) own.add(as)
    exported.set(path, own)
  }
  for (const match of text.matchAll(/(?:^|\n)\s*export\s+\*\s+from\s+"([^"]+)"/gu)) {
    const module = target(join(root, path), match[1] as string)
    if (module !== undefined) stars.set(path, [...(stars.get(path) ?? []), module])
  }
  for (const match of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*"([^"]+)"/gu)) {
    const module = target(join(root, path), match[2] as string)
    if (module === undefined) continue
    for (const { name, as } of names(match[1] as string))
      reexports.set(path, [...(reexports.get(path) ?? []), { module, name, as }])
  }
  for (const match of text.matchAll(/import\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*"([^"]+)"/gu)) {
    const module = target(join(root, path), match[2] as string)
    if (module !== undefined) for (const { name } of names(match[1] as string)) mark(module, name)
  }
  for (const match of text.matchAll(/import\s+(?:type\s+)?\*\s+as\s+([\w$]+)\s+from\s*"([^"]+)"/gu)) {
    const module = target(join(root, path), match[2] as string)
    if (module !== undefined) wholes.push({ module, text, alias: match[1] as string })
  }
  // `await import("../src/x.js")` and `import("…").Name` in types.
  for (const match of text.matchAll(/import\(\s*(?:pathToFileURL\([^)]*\)\.href|"([^"]+)")\s*\)(?:\.([\w$]+))?/gu)) {
    const module = match[1] === undefined ? undefined : target(join(root, path), match[1])
    if (module !== undefined && match[2] !== undefined) mark(module, match[2])
    else if (module !== undefined) wholes.push({ module, text, alias: "" })
  }
}
// A module imported whole by a dynamic import of its path text (the benchmarks): every name is used.
for (const { module, text, alias } of wholes) {
  for (const name of exported.get(module) ?? [])
    if (alias === "" || new RegExp(`\\b${alias}\\.${name.replace(/\$/gu, "\\$")}\\b`, "u").test(text))
      mark(module, name)
}
// The entry points publish every name they export.
for (const entry of ENTRIES) for (const name of exported.get(entry) ?? []) mark(entry, name)
for (const entry of ENTRIES) for (const { as } of reexports.get(entry) ?? []) mark(entry, as)

/** Follows what is used through re-exports, until nothing changes. */
let changed = true
while (changed) {
  changed = false
  const before = [...used.values()].reduce((sum, set) => sum + set.size, 0)
  for (const [module, list] of reexports)
    for (const { module: from, name, as } of list)
      if (used.get(module)?.has(as) === true || ENTRIES.includes(module)) mark(from, name)
  for (const [module, list] of stars)
    for (const from of list)
      for (const name of exported.get(from) ?? [])
        if (used.get(module)?.has(name) === true || ENTRIES.includes(module)) mark(from, name)
  // `export *` chains: what a star re-export of a star publishes.
  for (const [module, list] of stars)
    for (const from of list)
      for (const { as } of reexports.get(from) ?? [])
        if (used.get(module)?.has(as) === true || ENTRIES.includes(module)) mark(from, as)
  const after = [...used.values()].reduce((sum, set) => sum + set.size, 0)
  changed = after !== before
}

// Named by the inferred type of an exported value: the declaration files need them exported.
for (const name of ["Mark"]) mark("src/core/mark.ts", name)

const unused: Array<string> = []
for (const [module, own] of [...exported].sort(([a], [b]) => a.localeCompare(b)))
  for (const name of own) if (used.get(module)?.has(name) !== true) unused.push(`${module}: ${name}`)
for (const line of unused) console.log(line)
console.log(`${unused.length} exports of src/ that nothing uses`)
