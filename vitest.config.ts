import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: {
    // Tests import the library by its published name, as users do, but run on the sources.
    alias: [
      { find: /^caf-conventions$/u, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
      {
        find: /^caf-conventions\/spreadsheet$/u,
        replacement: fileURLToPath(new URL("./src/spreadsheet/index.ts", import.meta.url))
      },
      {
        find: /^caf-conventions\/server$/u,
        replacement: fileURLToPath(new URL("./src/server/index.ts", import.meta.url))
      }
    ]
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // Property tests run thousands of cases: give them room on a shared 2-core machine.
    testTimeout: 60_000
  }
})
