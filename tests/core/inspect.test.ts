/** What a developer sees in Node's console: the library's errors and values printed readably. */
import { inspect } from "node:util"
import {
  Euros,
  InvalidAmountError,
  InvalidArgumentError,
  InvalidDateError,
  LineageError,
  ValidationError,
  lineage,
  parseCalendarDate,
  parsePeriod,
  parsePortfolio,
  prorate
} from "caf-conventions"
import { SpreadsheetError, readCsv } from "caf-conventions/spreadsheet"
import { describe, expect, it } from "vitest"

const thrown = (run: () => unknown): unknown => {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error("nothing was thrown")
}

describe("errors in Node's console", () => {
  it("a ValidationError prints its name, every issue with its path, where it was thrown, then its fields", () => {
    const error = thrown(() => parsePortfolio({}))
    expect(error).toBeInstanceOf(ValidationError)
    const shown = inspect(error)
    expect(shown.split("\n").slice(0, 3)).toEqual([
      "ValidationError: Invalid portfolio (2 issues):",
      "  partners: Missing key",
      "  conventions: Missing key"
    ])
    expect(shown.split("\n")[3]).toMatch(/^ {4}at /u)
    expect(shown).toMatch(/\{ subject: 'portfolio', issues: \[ \[Object\], \[Object\] \] \}$/u)
    expect(shown).not.toContain("_tag")
    // Deeper, the issues themselves.
    expect(inspect(error, { depth: 4 })).toContain("path: [ 'partners' ]")
    // Nested in a value, one line.
    expect(inspect({ error }, { depth: 0 })).toBe("{ error: [ValidationError: Invalid portfolio (2 issues):] }")
  })

  it("every error class prints under the name it is imported by, its fields after its stack", () => {
    const cases: ReadonlyArray<readonly [unknown, string, string]> = [
      [
        thrown(() => Euros.parse("1.001")),
        'InvalidAmountError: amount "1.001" has more than 2 decimals',
        "problem: 'too-many-decimals'"
      ],
      [
        new InvalidDateError({
          input: "2023-02-30",
          path: [],
          message: "no such day",
          frenchMessage: "jour inexistant"
        }),
        "InvalidDateError: no such day",
        "frenchMessage: 'jour inexistant'"
      ],
      [thrown(() => prorate(Euros.parse("100"), 5, 4)), "InvalidArgumentError: ", "argument: 'part'"],
      [
        thrown(() => lineage([], "cpo-2023-2025")),
        "LineageError: there is no convention cpo-2023-2025",
        "ids: [ 'cpo-2023-2025' ]"
      ],
      [
        thrown(() =>
          readCsv("expenses", "Identifiant;Date;Montant;Catégorie\nd-1;14/03/2024;1 200,505;experts\n", {
            file: "d.csv"
          })
        ),
        "SpreadsheetError: ",
        "file: 'd.csv'"
      ]
    ]
    const classes = [InvalidAmountError, InvalidDateError, InvalidArgumentError, LineageError, SpreadsheetError]
    cases.forEach(([error, head, field], index) => {
      expect(error).toBeInstanceOf(classes[index]!)
      const shown = inspect(error)
      expect(shown.startsWith(head), shown.split("\n")[0]).toBe(true)
      expect(shown).toContain(field)
      expect(String(error).startsWith(head)).toBe(true)
    })
    // The tags Effect's catchTag matches are unchanged.
    expect((cases[0]![0] as InvalidAmountError)._tag).toBe("InvalidAmount")
    expect((cases[2]![0] as InvalidArgumentError)._tag).toBe("InvalidArgument")
  })

  it("dates, periods and amounts print as what they are, and JSON.stringify gives their JSON forms", () => {
    const period = parsePeriod({ start: "2024-01-01", end: "2024-12-31" })
    expect(inspect(parseCalendarDate("2024-02-29"))).toBe("'2024-02-29'")
    expect(inspect(period)).toBe("{ start: '2024-01-01', end: '2024-12-31' }")
    expect(inspect({ amount: Euros.parse("30000") })).toBe("{ amount: Euros(30000.00) }")
    expect(JSON.stringify({ period, amount: Euros.parse("30000.5") })).toBe(
      '{"period":{"start":"2024-01-01","end":"2024-12-31"},"amount":"30000.50"}'
    )
    const error = thrown(() => parseCalendarDate("2024-02-30")) as ValidationError
    expect(Object.keys(JSON.parse(JSON.stringify(error)))).toEqual(["subject", "issues", "message", "_tag"])
  })
})
