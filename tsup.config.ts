import { defineConfig } from "tsup"

/**
 * One output file per source module, not bundled: an application that imports a few functions
 * then bundles only the modules they need (`"sideEffects": false`), as it does with the sources;
 * a bundle in one chunk kept every module (decoding and `termsAsOf` cost as much as everything).
 * Each module keeps its own scope, so class names stay as written (`Euros`, `ValidationError`)
 * without `keepNames`, whose helper calls would themselves defeat tree shaking.
 */
export default defineConfig({
  entry: ["src/**/*.ts"],
  bundle: false,
  format: ["esm"],
  dts: { entry: { index: "src/index.ts", spreadsheet: "src/spreadsheet/index.ts", server: "src/server/index.ts" } },
  clean: true,
  sourcemap: true,
  target: "node20",
  outDir: "dist"
})
