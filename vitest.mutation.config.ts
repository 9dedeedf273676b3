import { defineConfig, mergeConfig } from "vitest/config"
import base from "./vitest.config.js"

// Mutation testing runs the suite once per mutant: it leaves out the tests that start other
// processes (the command line's end-to-end runs through its in-process entry are kept).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ["tests/robustness.test.ts", "node_modules/**"],
      // A hundred cases per property test (see tests/runs.ts): enough to tell whether a property
      // still holds under a mutant, and the suite runs once per mutant.
      env: { PROPERTY_RUNS_MAX: "100" }
    }
  })
)
