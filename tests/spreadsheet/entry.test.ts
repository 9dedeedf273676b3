/** The core stays light: bundled for a browser, it pulls nothing of the spreadsheet entry point or its libraries. */
import { build } from "esbuild"
import { describe, expect, it } from "vitest"

describe("the spreadsheet entry point is apart from the core", () => {
  it("a browser bundle of caf-conventions holds no exceljs, csv-parse or src/spreadsheet", async () => {
    const result = await build({
      entryPoints: ["src/index.ts"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent"
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.length).toBeGreaterThan(100)
    expect(inputs.filter((input) => /exceljs|csv-parse|src\/spreadsheet/u.test(input))).toEqual([])
    // While a bundle of the spreadsheet entry point does pull them.
    const sheet = await build({
      entryPoints: ["src/spreadsheet/index.ts"],
      bundle: true,
      platform: "node",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent"
    })
    expect(Object.keys(sheet.metafile.inputs).some((input) => input.includes("node_modules/exceljs/"))).toBe(true)
  })
})
