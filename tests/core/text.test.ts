/**
 * What a text field accepts: one-line texts (names, titles) and multi-line ones (notes,
 * descriptions, reasons) refuse control characters, lone surrogates and invisible-only texts,
 * each with its character, its index and its path.
 */
import { describe, expect, it } from "vitest"
import {
  IdSchema,
  MultilineTextSchema,
  TextSchema,
  makeCodec,
  parseActivities,
  safeParsePartner,
  safeParsePortfolio
} from "caf-conventions"
import { exampleData } from "../fixtures.js"

const issues = (codec: ReturnType<typeof makeCodec<string, string>>, input: string) => {
  const result = codec.safeParse(input)
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

describe("a one-line text", () => {
  const text = () => makeCodec(TextSchema, "text")

  it.each([
    ["a\u0000b", "U+0000", 1],
    ["\u0007bell", "U+0007", 0],
    ["tab\there", "U+0009", 3],
    ["two\nlines", "U+000A", 3],
    ["carriage\rreturn", "U+000D", 8],
    ["escape \u001b[31m", "U+001B", 7],
    ["del\u007f", "U+007F", 3],
    ["c1 \u0085", "U+0085", 3],
    ["c1 \u009f", "U+009F", 3],
    ["line\u2028separator", "U+2028", 4],
    ["paragraph\u2029separator", "U+2029", 9]
  ])("refuses %j, naming %s at index %i", (input, code, index) => {
    expect(issues(text(), input)).toEqual([
      `expected a one-line text without control characters, found ${code} at index ${index}`
    ])
  })

  it.each([
    ["a\ud800b", "U+D800", 1],
    ["\udfff", "U+DFFF", 0],
    ["ok \ud83d", "U+D83D", 3]
  ])("refuses the lone surrogate in %j", (input, code, index) => {
    expect(issues(text(), input)).toEqual([
      `expected well-formed Unicode text, found a lone surrogate ${code} at index ${index}`
    ])
  })

  it.each([
    "\u200b",
    "\u200b\u200c\u200d",
    " \u2060 ",
    "\ufeff",
    "\u00a0\u202f",
    "\u180e",
    "\u3164",
    "\u00ad\u034f",
    "\ufe0f"
  ])("refuses %j, made only of blank or invisible characters", (input) => {
    expect(issues(text(), input)).toEqual(["expected a non-blank text of at most 2000 characters"])
  })

  it("accepts letters of every script, paired surrogates, and invisible characters next to visible ones", () => {
    for (const ok of [
      "Caf de l'Essonne",
      "Ōsaka 大阪",
      "Association 🎨 des arts",
      "Zoé\u200bet\u200dMax",
      "ﬁn",
      "a\u00a0b"
    ])
      expect(text().parse(ok)).toBe(ok)
  })
})

describe("a multi-line text", () => {
  const text = () => makeCodec(MultilineTextSchema, "text")

  it("accepts tabs, line feeds and Windows line ends", () => {
    for (const ok of ["ligne 1\nligne 2", "ligne 1\r\nligne 2", "colonne\tcolonne", "note\n"])
      expect(text().parse(ok)).toBe(ok)
  })

  it.each([
    ["a\u0000", "U+0000", 1],
    ["lone\rreturn", "U+000D", 4],
    ["end\r", "U+000D", 3],
    ["form\ffeed", "U+000C", 4],
    ["vertical\vtab", "U+000B", 8],
    ["del\u007f", "U+007F", 3],
    ["c1\u0080", "U+0080", 2],
    ["line\u2028sep", "U+2028", 4]
  ])("refuses %j, naming %s at index %i", (input, code, index) => {
    expect(issues(text(), input)).toEqual([
      `expected a text without control characters, found ${code} at index ${index}`
    ])
  })

  it("refuses lone surrogates and texts of blank lines", () => {
    expect(issues(text(), "x\udc00")).toEqual([
      "expected well-formed Unicode text, found a lone surrogate U+DC00 at index 1"
    ])
    expect(issues(text(), "\n\t\r\n\u200b")).toEqual(["expected a non-blank text of at most 2000 characters"])
  })
})

describe("an id", () => {
  it("holds only letters, digits and . _ : -, so no control, invisible or lone surrogate character", () => {
    const ids = makeCodec(IdSchema, "id")
    for (const bad of ["a\u0000", "a\tb", "a\u200b", "a\ud800", "a\u007f", "é"])
      expect(ids.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    expect(ids.parse("cpo-2023-2025")).toBe("cpo-2023-2025")
  })
})

describe("text fields of documents", () => {
  it("refuse a control character in a name with its path, and accept a multi-line note", () => {
    const partner = (exampleData("portfolio.json") as { partners: Array<Record<string, unknown>> }).partners[1]!
    const named = safeParsePartner({ ...partner, name: "France Active\u0000", note: "Suivi renforcé.\nVoir le bilan." })
    expect(named.success ? [] : named.error.issues).toMatchObject([
      { path: ["name"], message: "expected a one-line text without control characters, found U+0000 at index 13" }
    ])
    const noted = safeParsePartner({ ...partner, note: "Suivi renforcé.\r\nVoir le bilan." })
    expect(noted.success).toBe(true)
  })

  it("refuse an invisible title and a control character in a record's notes, each at its path", () => {
    const activities = exampleData("activities.json") as Array<Record<string, unknown>>
    const broken = [{ ...activities[0], notes: "ok\u001b" }, ...activities.slice(1)]
    expect(() => parseActivities(broken)).toThrow(
      /\[0\]\.notes: expected a text without control characters, found U\+001B at index 2/u
    )
    const portfolio = exampleData("portfolio.json") as { conventions: Array<{ title: string }> }
    portfolio.conventions[2]!.title = "\u200b\u200b"
    const result = safeParsePortfolio(portfolio)
    expect(result.success ? [] : result.error.issues).toMatchObject([
      { path: ["conventions", 2, "title"], message: "expected a non-blank text of at most 2000 characters" }
    ])
  })
})
