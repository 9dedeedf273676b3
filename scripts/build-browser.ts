/**
 * `npm run build:browser`: the public entry point (`src/index.ts`, what `import … from
 * "caf-conventions"` gives) bundled for browsers as one ES module with its dependencies
 * (effect, date-fns, decimal.js), minified, to `examples/browser/caf-conventions.js`; and the
 * page's own module, `examples/browser/main.ts`, to `examples/browser/main.js`. The page
 * (`examples/browser/index.html`) maps the name `caf-conventions` to the bundle with an import map.
 *
 * The build fails when a Node.js built-in (`node:*`, `fs`, `path`…) or a module of the command
 * line, the spreadsheet entry point or the PDF printer reaches the bundle, or when the bundle
 * imports anything at all (it must stand alone). Prints the bundle's size, minified and gzipped.
 */
import { readFileSync } from "node:fs"
import { builtinModules } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { type Metafile, build } from "esbuild"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
/** Where the page and its modules are. */
export const BROWSER_DIR = join(root, "examples", "browser")

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))

/**
 * Why a browser bundle is refused, from esbuild's metafile: every import of a Node.js built-in,
 * every module of the command line, the spreadsheet entry point or the PDF printer bundled in,
 * and every import the bundle leaves to its host. Empty when the bundle stands alone in a browser.
 */
export function browserBundleProblems(metafile: Metafile): ReadonlyArray<string> {
  const problems: string[] = []
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    if (/(^|\/)src\/(cli|spreadsheet)\/|node_modules\/(exceljs|csv-parse|playwright-core)\//u.test(input)) {
      problems.push(`${input} is bundled: it does not belong in a browser`)
    }
    for (const { path } of imports) {
      if (builtins.has(path) || path.startsWith("node:")) problems.push(`${input} imports the Node.js built-in ${path}`)
    }
  }
  for (const [output, { imports }] of Object.entries(metafile.outputs)) {
    for (const { path } of imports) problems.push(`${output} leaves ${path} to be imported by its host`)
  }
  return problems
}

/** The bundle as built: its file, its size minified and gzipped (bytes), and how many modules went in. */
export interface BrowserBundle {
  readonly file: string
  readonly bytes: number
  readonly gzipBytes: number
  readonly modules: number
}

/** Builds the bundle and the page's module; throws, listing every problem, when the bundle does not stand alone. */
export async function buildBrowser(): Promise<BrowserBundle> {
  const file = join(BROWSER_DIR, "caf-conventions.js")
  const result = await build({
    entryPoints: [join(root, "src", "index.ts")],
    outfile: file,
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    // `ValidationError`, `Euros` as written in a browser's console too.
    keepNames: true,
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning"
  })
  const problems = browserBundleProblems(result.metafile)
  if (problems.length > 0) throw new Error(`the browser bundle does not stand alone:\n- ${problems.join("\n- ")}`)
  await build({
    entryPoints: [join(BROWSER_DIR, "main.ts")],
    outfile: join(BROWSER_DIR, "main.js"),
    bundle: true,
    // The page's import map resolves the library; the page's module holds only its own code.
    external: ["caf-conventions"],
    platform: "browser",
    format: "esm",
    target: "es2022",
    logLevel: "warning"
  })
  const contents = readFileSync(file)
  return {
    file,
    bytes: contents.length,
    gzipBytes: gzipSync(contents, { level: 9 }).length,
    modules: Object.keys(result.metafile.inputs).length
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bundle = await buildBrowser()
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
  console.log(
    `${bundle.file.slice(root.length + 1)}: ${bundle.modules} modules, ${kib(bundle.bytes)} minified, ${kib(bundle.gzipBytes)} gzipped (gzip -9); no Node.js built-in`
  )
}
