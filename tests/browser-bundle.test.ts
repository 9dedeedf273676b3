/** The public entry point runs in a browser: its bundle for browsers reaches no Node.js built-in and imports nothing. */
import { build } from "esbuild"
import { describe, expect, it } from "vitest"
import { browserBundleProblems } from "../scripts/build-browser.js"

async function bundle(options: Parameters<typeof build>[0]) {
  const { metafile } = await build({
    bundle: true,
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
    ...options
  })
  if (metafile === undefined) throw new Error("esbuild gave no metafile")
  return { metafile }
}

describe("the browser bundle (npm run build:browser)", () => {
  it("of src/index.ts, for browsers, has no problem: no Node.js built-in, no CLI, no spreadsheet, nothing left to import", async () => {
    const { metafile } = await bundle({ entryPoints: ["src/index.ts"], platform: "browser" })
    expect(Object.keys(metafile.inputs).length).toBeGreaterThan(100)
    expect(browserBundleProblems(metafile)).toEqual([])
  })

  it("the check refuses a bundle reached by node:fs, by path, by the command line, or leaving an import", async () => {
    const { metafile } = await bundle({
      stdin: {
        contents: 'import "node:fs"; import "path"; import "./src/cli/main.ts"; import "left-out"',
        resolveDir: ".",
        loader: "ts"
      },
      platform: "node",
      packages: "external",
      outfile: "out.js"
    })
    const problems = browserBundleProblems(metafile)
    expect(problems).toContain("<stdin> imports the Node.js built-in node:fs")
    expect(problems).toContain("<stdin> imports the Node.js built-in path")
    expect(problems.some((problem) => /src\/cli\/main\.ts is bundled/u.test(problem))).toBe(true)
    expect(problems).toContain("out.js leaves left-out to be imported by its host")
  })
})
