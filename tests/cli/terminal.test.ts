import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { run } from "../../src/cli/main.js"
import { printable } from "../../src/cli/terminal.js"
import { cli, data, scratchFolder } from "./run.js"

const scratch = scratchFolder()
const portfolioJson = JSON.parse(readFileSync(data("portfolio.json"), "utf8")) as {
  partners: Array<Record<string, unknown>>
}
const hostile = join(scratch, "hostile.json")
writeFileSync(
  hostile,
  JSON.stringify({
    ...portfolioJson,
    partners: portfolioJson.partners.map((partner) =>
      partner["id"] === "caf-91"
        ? { ...partner, name: "Caf\u001b[2J\u001b]0;titre\u0007" }
        : partner["id"] === "fase"
          ? { ...partner, name: "France Active\rFAUX\u009b31m\u202e" }
          : partner
    )
  })
)
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u

describe("the command line never prints raw control characters", () => {
  it("escapes them as \\uXXXX, keeping line feeds, tabs and CRLF line ends", () => {
    expect(printable("a\u001b[2Jb\rc\td\r\ne\u009bf\u202eg\u2028")).toBe(
      "a\\u001b[2Jb\\u000dc\td\r\ne\\u009bf\\u202eg\\u2028"
    )
  })

  it("when names hold them: the file is refused, and the problems are printed without them", () => {
    // Names refuse control characters at decoding (see docs/decoding-and-errors.md).
    const result = cli("terms", hostile, "--date", "2024-06-01")
    expect(result.code).toBe(1)
    expect(result.err).not.toMatch(RAW_CONTROL)
    expect(result.err).toContain("partners[0].name")
    expect(cli("report", hostile, "--year", "2024", "--format", "json").err).not.toMatch(RAW_CONTROL)
  })

  it("in messages on standard error", () => {
    const result = cli("terms", data("portfolio.json"), "--date", "2024-06-01", "--convention", "\u001b[31mrouge")
    expect(result.code).toBe(2)
    expect(result.err).not.toMatch(RAW_CONTROL)
    expect(result.err).toContain("ne contient pas la convention \\u001b[31mrouge")
    expect(cli("bogus\u001b[2J").err).toContain("commande inconnue « bogus\\u001b[2J »")
  })

  it("in Markdown and the SCDL table, refused alike", () => {
    for (const args of [
      ["report", hostile, "--year", "2024", "--as-of", "2025-07-15"],
      ["scdl", hostile]
    ]) {
      const result = cli(...args)
      expect([result.code, RAW_CONTROL.test(result.out + result.err)]).toEqual([1, false])
    }
  })
})

describe("the progress line", () => {
  it("is updated on a terminal after each batch of 10 000 candidates, then ended", () => {
    const candidates = JSON.parse(readFileSync(data("candidates.json"), "utf8")) as Array<Record<string, unknown>>
    const many = join(scratch, "many.json")
    writeFileSync(
      many,
      JSON.stringify(Array.from({ length: 10_001 }, (_, index) => ({ ...candidates[0], id: `c-${index}` })))
    )
    const updates: Array<string> = []
    let ended = 0
    const code = run(["eligibility", data("portfolio.json"), many, "--date", "2024-06-01"], {
      out: () => {},
      err: () => {},
      progress: { update: (line) => updates.push(line), end: () => ended++ }
    })
    expect([code, updates, ended]).toEqual([
      0,
      ["10000 / 10001 candidats examinés", "10001 / 10001 candidats examinés"],
      1
    ])
  })
})
