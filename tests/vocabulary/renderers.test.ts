/**
 * What the renderers (src/reports/) and the CLI (src/cli/) may read of the results: their typed
 * fields, never a child of an explanation by position nor a walk through its children, nor an
 * explanation's sentence. The sentences they still print would be listed in READS: the list is
 * empty and may only stay so (see docs/vocabulary.md). Which symbols they may import (no other
 * folder's internals) is checked for every folder by tests/design/internals.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const FOLDERS = ["src/reports", "src/cli"]

const sources = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(folder, name))
)

/** The sentences of explanations the renderers still print: each line, by file. */
const READS: Readonly<Record<string, ReadonlyArray<string>>> = {
  "src/reports/document.ts": []
}

describe("renderers and the CLI", () => {
  it("read no child of an explanation by position and no sentence beyond those listed", () => {
    const found: Array<string> = []
    for (const path of sources) {
      const text = readFileSync(path, "utf8")
        .replace(/\/\*[\s\S]*?\*\//gu, "")
        .replace(/^\s*\/\/.*$/gmu, "")
      const reads = [
        ...text.matchAll(/[\w.?[\]]*(?:\.children\b(?:\[\d+\])?(?:\?)?(?:\.sentence)?|\.sentence\b)/gu)
      ].map((match) => match[0])
      const allowed = [...(READS[path] ?? [])]
      for (const read of reads) {
        const index = allowed.indexOf(read)
        if (index === -1) found.push(`${path}: ${read}`)
        else allowed.splice(index, 1)
      }
      expect(allowed, `${path}: listed reads no longer there (remove them from READS)`).toEqual([])
    }
    expect(found).toEqual([])
  })
})
