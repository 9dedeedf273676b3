import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { syntaxErrorOffset, syntaxErrorPlace } from "../../src/core/json-syntax.js"
import { runs } from "../runs.js"

const parses = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

describe("where a text stops being JSON", () => {
  it("points at the first character that cannot be JSON, as a line and a column", () => {
    expect(syntaxErrorPlace('{\n  "partners": [\n    oops\n]}')).toBe("ligne 3, colonne 5")
    expect(syntaxErrorPlace("hello secret")).toBe("ligne 1, colonne 1")
    expect(syntaxErrorPlace('{"a": }')).toBe("ligne 1, colonne 7")
    expect(syntaxErrorPlace('{"a": 1} x')).toBe("ligne 1, colonne 10")
    expect(syntaxErrorPlace('["\u0001"]')).toBe("ligne 1, colonne 3")
    expect(syntaxErrorPlace("[1,]")).toBe("ligne 1, colonne 4")
    expect(syntaxErrorPlace('{"a": 1')).toBe("ligne 1, colonne 8")
    expect(syntaxErrorPlace('[" \\x"]')).toBe("ligne 1, colonne 4")
    expect(syntaxErrorPlace("[01]")).toBe("ligne 1, colonne 3")
  })

  it("finds no error exactly where JSON.parse finds none, on JSON and on JSON cut or altered", () => {
    const altered = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom("", ",", "}", "]", '"', "\\", "x", "-", "0", "\u0000", " "))
      .map(([text, at, insert]) => {
        const position = text.length === 0 ? 0 : at % (text.length + 1)
        return text.slice(0, position) + insert + text.slice(position + (insert === "" ? 1 : 0))
      })
    fc.assert(
      fc.property(fc.oneof(fc.json(), altered), (text) => {
        expect(syntaxErrorOffset(text) === undefined).toBe(parses(text))
      }),
      runs(2000)
    )
  })

  it("gives up on nesting too deep to follow rather than crash", () => {
    expect(() => syntaxErrorOffset("[".repeat(1_000_000))).not.toThrow()
  })
})
