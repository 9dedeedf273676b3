import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { InvalidArgumentError, LEGAL_SOURCES, LEGAL_TEXTS, LEGAL_THRESHOLDS, citation } from "caf-conventions"

const files = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : []
  })

/** The code of a file without its comments (doc comments cite texts in English for developers). */
const code = (path: string): string =>
  readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//gu, "")
    .replace(/^\s*\/\/.*$/gmu, "")

describe("the table of sources", () => {
  it("names, in each citation, every text and article of its references", () => {
    for (const source of Object.values(LEGAL_SOURCES)) {
      for (const reference of source.references) {
        const text = LEGAL_TEXTS[reference.text]
        expect(source.citation, `${source.id} cites ${text.id}`).toContain(text.short)
        if (reference.article !== undefined) expect(source.citation, source.id).toContain(reference.article)
      }
    }
  })

  it("gives every dated text its date, in the cited form and in the date field", () => {
    expect(LEGAL_TEXTS["loi-2000-321"]).toMatchObject({ date: "2000-04-12", dated: "loi n° 2000-321 du 12 avril 2000" })
    expect(LEGAL_TEXTS["decret-2021-1947"]).toMatchObject({ date: "2021-12-31" })
    expect(LEGAL_TEXTS["loi-2021-875"].inForce).toBe("2021-07-03")
    for (const text of Object.values(LEGAL_TEXTS)) {
      if (text.url !== undefined)
        expect(text.url, text.id).toMatch(/^https?:\/\/(www\.legifrance\.gouv\.fr|www\.associations\.gouv\.fr)\//u)
    }
  })

  it("is read by the legal thresholds", () => {
    for (const row of LEGAL_THRESHOLDS) expect(row.source).toBe(LEGAL_SOURCES[row.legalSource].citation)
    expect(LEGAL_THRESHOLDS.map((row) => row.legalSource)).toEqual([
      "written-convention",
      "control-and-unspent-clauses",
      "prefecture-filing",
      "open-data-publication"
    ])
  })

  it("refuses an unknown id with a typed error", () => {
    expect(citation("signature")).toBe("loi n° 2000-321, art. 10")
    expect(() => citation("loi" as never)).toThrow(InvalidArgumentError)
    expect(() => citation(undefined as never)).toThrow(InvalidArgumentError)
  })

  it("is the only place outside comments where a legal text is cited", () => {
    const offenders: Array<string> = []
    for (const path of files("src")) {
      if (path.startsWith(join("src", "vocabulary"))) continue
      for (const [index, line] of code(path).split("\n").entries()) {
        if (/(loi|décret|circulaire|Cerfa) n° \d|arrêté du \d|art\. (L|D)\. \d/u.test(line))
          offenders.push(`${path}:${index + 1}: ${line.trim()}`)
      }
    }
    expect(offenders).toEqual([])
  })
})
