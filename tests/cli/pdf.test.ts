/**
 * `report --format pdf` when it cannot print: no `--out`, no Chromium where `CHROMIUM_PATH` (or
 * /usr/bin/chromium) says. Printing itself is checked in Chromium by `npm run test:browser`.
 */
import { chmodSync, existsSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { chromiumPath } from "../../src/cli/pdf.js"
import { STACK_TRACE, cli, cliAsync, data, scratchFolder } from "./run.js"

const saved = process.env["CHROMIUM_PATH"]
afterEach(() => {
  if (saved === undefined) delete process.env["CHROMIUM_PATH"]
  else process.env["CHROMIUM_PATH"] = saved
})

describe("report --format pdf", () => {
  it("asks for --out: a PDF is a file, not text for the terminal", () => {
    const result = cli("report", data("portfolio.json"), "--year", "2024", "--format", "pdf")
    expect(result.code).toBe(2)
    expect(result.err).toContain("--format pdf écrit un fichier : indiquez --out <fichier.pdf>")
  })

  it("names CHROMIUM_PATH when Chromium is not where it says, writes nothing, and exits 2", async () => {
    const folder = scratchFolder()
    const out = join(folder, "bilan.pdf")
    process.env["CHROMIUM_PATH"] = join(folder, "pas-de-chromium")
    const result = await cliAsync("report", data("portfolio.json"), "--year", "2024", "--format", "pdf", "--out", out)
    expect(result.code).toBe(2)
    expect(result.err).toContain(
      `Chromium introuvable : la variable d'environnement CHROMIUM_PATH vaut ${join(folder, "pas-de-chromium")}, qui n'est pas un programme exécutable`
    )
    expect(result.err).not.toMatch(STACK_TRACE)
    expect(existsSync(out)).toBe(false)
  })

  it("refuses a CHROMIUM_PATH that is a folder or a file that cannot run, and says where it looked by default", () => {
    const folder = scratchFolder()
    const plain = join(folder, "chromium.txt")
    writeFileSync(plain, "pas un programme")
    chmodSync(plain, 0o644)
    expect(() => chromiumPath({ CHROMIUM_PATH: folder })).toThrow(
      `CHROMIUM_PATH vaut ${folder}, qui n'est pas un programme exécutable`
    )
    // Root may run any file whose mode lets someone run it; 0644 lets no one.
    expect(() => chromiumPath({ CHROMIUM_PATH: plain })).toThrow(
      `CHROMIUM_PATH vaut ${plain}, qui n'est pas un programme exécutable`
    )
    const runnable = join(folder, "chromium")
    writeFileSync(runnable, "#!/bin/sh\n")
    chmodSync(runnable, 0o755)
    expect(chromiumPath({ CHROMIUM_PATH: runnable })).toBe(runnable)
    if (!existsSync("/usr/bin/chromium"))
      expect(() => chromiumPath({})).toThrow(
        "Chromium introuvable à /usr/bin/chromium : --format pdf imprime la page avec Chromium ; installez-le (apt-get install chromium) ou donnez son chemin dans la variable d'environnement CHROMIUM_PATH"
      )
    else expect(chromiumPath({ CHROMIUM_PATH: "" })).toBe("/usr/bin/chromium")
  })
})
