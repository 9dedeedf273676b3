/**
 * The package itself: parsing throughput of a large portfolio, the size of the public entry
 * point bundled for a browser (esbuild, minified, gzipped), and the time a fresh Node.js process
 * takes to import it.
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import { build } from "esbuild"
import { PortfolioSchema, makeCodec, parsePortfolio } from "caf-conventions"
import { type BenchRow, medianMs } from "./support.js"

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

async function bundleSize(external: boolean): Promise<{ readonly raw: number; readonly gzip: number }> {
  const result = await build({
    entryPoints: ["src/index.ts"],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    ...(external ? { packages: "external" as const } : {}),
    logLevel: "silent"
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength }
}

/** `dist` when the benchmarks run against the built package (`npm run bench -- --dist`). */
function target(): "dist" | "src" {
  return process.env["BENCH_TARGET"] === "dist" ? "dist" : "src"
}

/** Three typical imports: decoding only, eligibility, everything. */
const TYPICAL_IMPORTS: ReadonlyArray<readonly [string, ReadonlyArray<string> | "*"]> = [
  ["decoding and termsAsOf", ["parsePortfolio", "termsAsOf"]],
  ["eligibility", ["parseConvention", "parseCandidates", "screenEligibility"]],
  ["everything", "*"]
]

/**
 * `BENCH_BASELINE`: the folder of another checkout of the package, built (`npx tsup` there), whose
 * typical imports and cold import are measured in the same run, side by side: before and after a
 * change. Its `dist/index.js` is what is measured; its dependencies resolve from its own folder.
 */
function baseline(): string | undefined {
  const folder = process.env["BENCH_BASELINE"]
  return folder === undefined || folder === "" ? undefined : join(process.cwd(), folder)
}

/** The size of a snippet bundled for a browser, `caf-conventions` resolved to src/ or dist/ (or `entry`). */
async function snippetSize(code: string, entry?: string): Promise<{ readonly raw: number; readonly gzip: number }> {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    alias: {
      "caf-conventions": entry ?? join(process.cwd(), target() === "dist" ? "dist/index.js" : "src/index.ts")
    },
    logLevel: "silent"
  })
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array()
  return { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength }
}

/** Milliseconds a fresh Node.js process takes to import a file. */
function coldImport(file: string): number {
  const script = `const start = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - start))`
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }))
}

export async function packageBench(): Promise<ReadonlyArray<BenchRow>> {
  const rows: Array<BenchRow> = []

  const base = JSON.parse(readFileSync("examples/data/portfolio.json", "utf8")) as {
    partners: Array<{ id: string }>
    conventions: Array<Record<string, unknown>>
  }
  const cpo = base.conventions[2] as Record<string, unknown>
  const conventions = Array.from({ length: 1000 }, (_, i) => ({ ...cpo, id: `cpo-${i}`, predecessorId: undefined }))
  const portfolio = JSON.stringify({
    partners: base.partners,
    conventions: conventions.map(({ predecessorId: _none, ...rest }) => rest)
  })
  const parsed = await medianMs(5, () => parsePortfolio(JSON.parse(portfolio)))
  rows.push({
    benchmark: "package",
    variant: "parsePortfolio, 1,000 conventions (JSON.parse included)",
    median: `${parsed.ms.toFixed(1)} ms`,
    throughput: `${Math.round((1000 / parsed.ms) * 1000).toLocaleString("en-US")} conventions/s`,
    note: `${(portfolio.length / 1024 / 1024 / (parsed.ms / 1000)).toFixed(1)} MiB/s of JSON`
  })

  // Freezing side by side with not freezing, runs interleaved so that both see the same machine.
  const input: unknown = JSON.parse(portfolio)
  const frozen = makeCodec(PortfolioSchema, "portfolio")
  const unfrozen = makeCodec(PortfolioSchema, "portfolio", { freeze: false })
  const withFreeze: Array<number> = []
  const withoutFreeze: Array<number> = []
  const runs = 15
  for (let run = 0; run < runs; run++) {
    for (const [codec, times] of run % 2 === 0
      ? ([
          [frozen, withFreeze],
          [unfrozen, withoutFreeze]
        ] as const)
      : ([
          [unfrozen, withoutFreeze],
          [frozen, withFreeze]
        ] as const)) {
      const start = performance.now()
      codec.parse(input)
      times.push(performance.now() - start)
    }
  }
  const median = (times: ReadonlyArray<number>) =>
    [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number
  const [on, off] = [median(withFreeze), median(withoutFreeze)]
  // Each pair ran back to back: the median of the pairs' ratios resists the machine's noise best.
  const cost = (median(withFreeze.map((time, run) => time / (withoutFreeze[run] as number))) - 1) * 100
  rows.push({
    benchmark: "package",
    variant: "decoding 1,000 conventions, deep-frozen (the default)",
    median: `${on.toFixed(1)} ms`,
    throughput: `${Math.round((1000 / on) * 1000).toLocaleString("en-US")} conventions/s`,
    note: `${cost >= 0 ? "+" : ""}${cost.toFixed(1)} % for freezing (median ratio of ${runs} interleaved pairs)`
  })
  rows.push({
    benchmark: "package",
    variant: "decoding 1,000 conventions, not frozen (freeze: false)",
    median: `${off.toFixed(1)} ms`,
    throughput: `${Math.round((1000 / off) * 1000).toLocaleString("en-US")} conventions/s`,
    note: `JSON.parse outside the timing; medians of ${runs}`
  })

  const alone = await bundleSize(true)
  const whole = await bundleSize(false)
  rows.push({
    benchmark: "package",
    variant: "ESM bundle of the entry point, dependencies external",
    median: "",
    throughput: "",
    note: `${kib(alone.raw)} minified, ${kib(alone.gzip)} gzipped`
  })
  rows.push({
    benchmark: "package",
    variant: "ESM bundle of the entry point, with effect, date-fns, decimal.js",
    median: "",
    throughput: "",
    note: `${kib(whole.raw)} minified, ${kib(whole.gzip)} gzipped`
  })

  // What an application pays for three typical imports, against an application decoding one small
  // record with effect/Schema itself (the floor: what any decoding with effect costs).
  const floor = await snippetSize(
    `import * as Schema from "effect/Schema"; export const decode = Schema.decodeUnknownSync(Schema.Struct({ id: Schema.String, date: Schema.String, amount: Schema.optionalKey(Schema.Number) }))`
  )
  rows.push({
    benchmark: "package",
    variant: "bundle of an application decoding one record with effect/Schema (the floor)",
    median: "",
    throughput: "",
    note: `${kib(floor.raw)} minified, ${kib(floor.gzip)} gzipped`
  })
  const before = baseline()
  for (const [name, names] of TYPICAL_IMPORTS) {
    const code =
      names === "*" ? `export * from "caf-conventions"` : `export { ${names.join(", ")} } from "caf-conventions"`
    for (const [label, entry] of [
      [target(), undefined],
      ...(before === undefined ? [] : [["baseline", join(before, "dist", "index.js")] as const])
    ] as const) {
      const size = await snippetSize(code, entry)
      rows.push({
        benchmark: "package",
        variant: `bundle of an application importing ${name} (${label})`,
        median: "",
        throughput: "",
        note: `${kib(size.raw)} minified, ${kib(size.gzip)} gzipped (${size.gzip.toLocaleString("en-US")} bytes), ${(size.gzip / floor.gzip).toFixed(2)}× the floor`
      })
    }
  }

  // Cold import: a fresh process importing the package as installed (its own files), against effect/Schema alone.
  let imported: readonly [string, string] = [
    "the built package (dist/index.js)",
    join(process.cwd(), "dist", "index.js")
  ]
  if (target() === "src") {
    // Inside the project, so that the dependencies resolve from its node_modules.
    const dir = join(process.cwd(), "out", "bench-import")
    mkdirSync(dir, { recursive: true })
    const bundled = await build({
      entryPoints: ["src/index.ts"],
      bundle: true,
      format: "esm",
      platform: "node",
      packages: "external",
      write: false,
      logLevel: "silent"
    })
    writeFileSync(join(dir, "index.mjs"), bundled.outputFiles[0]?.contents ?? "")
    imported = ["the sources bundled to one file, dependencies from node_modules", join(dir, "index.mjs")]
  }
  const schemaOnly = join(process.cwd(), "node_modules", "effect", "dist", "Schema.js")
  const cold = { package: [] as Array<number>, baseline: [] as Array<number>, schema: [] as Array<number> }
  const [label, file] = imported
  for (let run = 0; run < 7; run++) {
    // Interleaved, so that all see the same machine.
    cold.package.push(coldImport(file))
    if (before !== undefined) cold.baseline.push(coldImport(join(before, "dist", "index.js")))
    cold.schema.push(coldImport(schemaOnly))
  }
  const med = (times: Array<number>) => [...times].sort((a, b) => a - b)[3] ?? 0
  rows.push({
    benchmark: "package",
    variant: `cold import of ${label}, fresh Node.js process (median of 7)`,
    median: `${med(cold.package).toFixed(1)} ms`,
    throughput: "",
    note: `${(med(cold.package) / med(cold.schema)).toFixed(2)}× a cold import of effect/Schema alone (${med(cold.schema).toFixed(1)} ms)`
  })
  if (before !== undefined)
    rows.push({
      benchmark: "package",
      variant: "cold import of the baseline's dist/index.js, fresh Node.js process (median of 7, interleaved)",
      median: `${med(cold.baseline).toFixed(1)} ms`,
      throughput: "",
      note: `${(med(cold.baseline) / med(cold.schema)).toFixed(2)}× a cold import of effect/Schema alone`
    })
  return rows
}
