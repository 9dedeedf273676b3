import { defineConfig } from "tsup"

export default defineConfig({
  entry: {
    index: "src/index.ts",
    spreadsheet: "src/spreadsheet/index.ts",
    server: "src/server/index.ts",
    cli: "src/cli/main.ts"
  },
  format: ["esm"],
  dts: { entry: { index: "src/index.ts", spreadsheet: "src/spreadsheet/index.ts", server: "src/server/index.ts" } },
  clean: true,
  sourcemap: true,
  target: "node20",
  outDir: "dist",
  treeshake: true,
  // Class names as written (`Euros`, `ValidationError`), not renamed `_Euros` in stack traces and logs.
  keepNames: true,
  splitting: true
})
