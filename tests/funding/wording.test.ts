/**
 * The funding evaluators return facts; their French sentences are built in src/vocabulary/funding.ts
 * (issue 17). This checks what can be checked mechanically: no module of src/funding formats a
 * date or an amount into a text, nor counts a noun, outside doc comments.
 */
import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

const folder = new URL("../../src/funding/", import.meta.url)
/** The code of a module, doc comments and line comments left out. */
const code = (name: string) =>
  readFileSync(new URL(name, folder), "utf8")
    .replace(/\/\*[\s\S]*?\*\//gu, "")
    .replace(/^\s*\/\/.*$/gmu, "")

describe("the funding wording lives in the vocabulary module", () => {
  const modules = readdirSync(folder).filter((name) => name.endsWith(".ts"))

  it("reads every module of src/funding", () => {
    expect(modules).toEqual(
      expect.arrayContaining(["explain-use.ts", "ledger.ts", "schedule.ts", "settlement.ts", "use.ts"])
    )
  })

  for (const name of modules)
    it(`${name} formats no date or amount into a text and counts no noun`, () => {
      const text = code(name)
      expect(text).not.toMatch(/formatFrenchDate|formatFraction|\bcounted\(|\bagreed\(/u)
      expect(text).not.toMatch(/\$\{[^}]*\.format\(\)\}/u)
    })

  it("writes no '(s)' for a plural", () => {
    for (const name of modules) expect(code(name), name).not.toMatch(/\(s\)/u)
    expect(readFileSync(new URL("../../src/vocabulary/funding.ts", import.meta.url), "utf8")).not.toMatch(/\(s\)/u)
  })
})
