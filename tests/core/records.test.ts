import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Euros, ValidationError, makeCodec } from "caf-conventions"
import { checkedYearOptions } from "../../src/core/options.js"
import {
  compareIds,
  distinctById,
  requireList,
  requireOptions,
  uniqueById,
  type RecordReader
} from "../../src/core/records.js"

interface Row {
  readonly id: string
  readonly amount: unknown
  readonly tags?: ReadonlyArray<string>
  readonly where?: { readonly city: string; readonly zip: string }
}

/** A reader whose decoded rows are the objects made by hand here (any object with a string id). */
function reader(): RecordReader<Row> {
  const codec = makeCodec(Schema.Struct({ id: Schema.String, amount: Schema.Number }), "row")
  return {
    subject: "rows",
    looksDecoded: (value): value is Row =>
      value !== null && typeof value === "object" && typeof (value as { id?: unknown }).id === "string",
    safeParse: (value) => codec.safeParse(value)
  }
}

function problems(run: () => unknown): ReadonlyArray<string> {
  try {
    run()
  } catch (error) {
    if (error instanceof ValidationError)
      return error.issues.map((issue) => `${JSON.stringify(issue.path)} ${issue.message}`)
    throw error
  }
  return []
}

describe("records made unique by id", () => {
  it("come out sorted by id, whatever the input order", () => {
    const { unique, copies } = uniqueById(
      [
        { id: "c", amount: 1 },
        { id: "a", amount: 2 },
        { id: "b", amount: 3 }
      ],
      reader()
    )
    expect(unique.map((row) => row.id)).toEqual(["a", "b", "c"])
    expect(copies).toEqual([])
  })

  it("in id order already, are taken in that order, and the caller's list is neither returned nor changed", () => {
    const rows = [
      { id: "a", amount: 1 },
      { id: "b", amount: 2 },
      { id: "c", amount: 3 }
    ]
    const { unique, copies } = uniqueById(rows, reader())
    expect(unique.map((row) => row.id)).toEqual(["a", "b", "c"])
    expect(unique[1]).toBe(rows[1])
    expect(unique).not.toBe(rows)
    expect(copies).toEqual([])
    // Equal neighbours are not "in order": the copy is found and counted once.
    const twice = uniqueById(
      [
        { id: "a", amount: 1 },
        { id: "a", amount: 1 },
        { id: "b", amount: 2 }
      ],
      reader()
    )
    expect(twice.unique.map((row) => row.id)).toEqual(["a", "b"])
    expect(twice.copies).toHaveLength(1)
    expect(rows.map((row) => row.id)).toEqual(["a", "b", "c"])
  })

  it("count identical copies once, whatever the order of their keys, nested ones included", () => {
    const first = { id: "a", amount: 1, where: { city: "Évry", zip: "91000" }, tags: ["x", "y"] }
    const same = { tags: ["x", "y"], where: { zip: "91000", city: "Évry" }, amount: 1, id: "a" }
    const { unique, copies } = uniqueById([same, { id: "b", amount: 2 }, first], reader())
    expect(unique).toEqual([same, { id: "b", amount: 2 }])
    expect(unique[0]).toBe(same)
    expect(copies).toHaveLength(1)
    expect(copies[0]).toBe(first)
  })

  it("come out sorted by id from a long list in reverse order, copies counted in input order", () => {
    const ids = Array.from({ length: 40 }, (_, index) => `r${String(index).padStart(2, "0")}`)
    const rows = [...ids].reverse().map((id, index) => ({ id, amount: index }))
    const { unique } = uniqueById([...rows, { id: "r05", amount: 34 }, { id: "r05", amount: 34 }], reader())
    expect(unique.map((row) => row.id)).toEqual(ids)
    // 40 copies of one id, the 30th one different: it is the one reported, against the first.
    const copies = Array.from({ length: 40 }, (_, index) => ({ id: "same", amount: index === 29 ? 2 : 1 }))
    expect(problems(() => uniqueById(copies, reader()))).toEqual([
      '[29,"id"] the id same is already used by record [0] with different content'
    ])
    const kept = uniqueById(
      copies.filter((_, index) => index !== 29),
      reader()
    )
    expect([kept.unique.length, kept.copies.length]).toEqual([1, 38])
    expect(kept.unique[0]).toBe(copies[0])
  })

  it("compare fields that are null like any other value", () => {
    const { copies } = uniqueById(
      [
        { id: "n", amount: null },
        { id: "n", amount: null }
      ],
      reader()
    )
    expect(copies).toHaveLength(1)
    expect(
      problems(() =>
        uniqueById(
          [
            { id: "n", amount: null },
            { id: "n", amount: 0 }
          ],
          reader()
        )
      )
    ).toEqual(['[1,"id"] the id n is already used by record [0] with different content'])
  })

  it("compare values with a JSON form by that form (amounts in euros)", () => {
    const { unique, copies } = uniqueById(
      [
        { id: "a", amount: Euros.parse("10") },
        { id: "a", amount: Euros.parse("10.00") }
      ],
      reader()
    )
    expect(unique).toHaveLength(1)
    expect(copies).toHaveLength(1)
    expect(
      problems(() =>
        uniqueById(
          [
            { id: "a", amount: Euros.parse("10") },
            { id: "a", amount: Euros.parse("10.01") }
          ],
          reader()
        )
      )
    ).toEqual(['[1,"id"] the id a is already used by record [0] with different content'])
  })

  it("refuse one id with different content, naming the first record in input order", () => {
    const rows = [
      { id: "a", amount: 1 },
      { id: "a", amount: 2 },
      { id: "a", amount: 1 },
      { id: "a", amount: 3 }
    ]
    expect(problems(() => uniqueById(rows, reader()))).toEqual([
      '[1,"id"] the id a is already used by record [0] with different content',
      '[3,"id"] the id a is already used by record [0] with different content'
    ])
    // Lists in another order are other content.
    expect(
      problems(() =>
        uniqueById(
          [
            { id: "t", amount: 1, tags: ["x", "y"] },
            { id: "t", amount: 1, tags: ["y", "x"] }
          ],
          reader()
        )
      )
    ).toEqual(['[1,"id"] the id t is already used by record [0] with different content'])
  })

  it("decode what does not look decoded, and list every problem in input order", () => {
    const rows: Array<unknown> = [{ id: "z", amount: 1 }, { id: "z", amount: 2 }, 7, null, { id: "a", amount: 1 }]
    expect(problems(() => uniqueById(rows, reader()))).toEqual([
      '[1,"id"] the id z is already used by record [0] with different content',
      "[2] Expected object",
      "[3] Expected object"
    ])
    expect(uniqueById([], reader())).toEqual({ unique: [], copies: [] })
  })

  it("refuse what is not a list, saying what it is", () => {
    expect(problems(() => uniqueById({ id: "a" } as unknown as Array<unknown>, reader()))).toEqual([
      '["rows"] expected a list, got object'
    ])
    expect(problems(() => uniqueById(null as unknown as Array<unknown>, reader()))).toEqual([
      '["rows"] expected a list, got null'
    ])
  })
})

describe("records made unique by id, in the order given (the objectives' reading)", () => {
  it("keep the first of each id in input order, the copies after, and throw what uniqueById throws", () => {
    let refused = 0
    let accepted = 0
    // Few ids and few amounts, so that copies, conflicts and broken rows all come up.
    const row = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.record({ id: fc.constantFrom("a", "b", "c", "d", "e"), amount: fc.integer({ min: 0, max: 2 }) })
      },
      // Not a row (its id is not a text): decoded, and refused with its index.
      { weight: 1, arbitrary: fc.record({ id: fc.constant(7), amount: fc.constant("deux") }) }
    )
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const sorted = problems(() => uniqueById(rows, reader()))
        const given = problems(() => distinctById(rows, reader()))
        expect(given).toEqual(sorted)
        if (sorted.length > 0) {
          refused++
          return
        }
        accepted++
        const byId = uniqueById(rows, reader())
        const inOrder = distinctById(rows, reader())
        // The same records, the first of each id in the order given; the same copies.
        const firsts = rows.filter((entry, index) => rows.findIndex((other) => other.id === entry.id) === index)
        expect(inOrder.unique.map((entry) => entry.id)).toEqual(firsts.map((entry) => entry.id))
        expect([...inOrder.unique].sort(compareIds)).toEqual(byId.unique)
        expect([...inOrder.copies].sort(compareIds)).toEqual(byId.copies)
        expect(inOrder.unique.length + inOrder.copies.length).toBe(rows.length)
      }),
      { numRuns: 400 }
    )
    // Both branches were met: lists refused (a conflict, a broken row) and lists taken.
    expect(refused).toBeGreaterThan(20)
    expect(accepted).toBeGreaterThan(20)
  })

  it("take a list in id order as it is, without a copy of the caller's list", () => {
    const rows = [
      { id: "a", amount: 1 },
      { id: "b", amount: 2 }
    ]
    const { unique, copies } = distinctById(rows, reader())
    expect(unique).toEqual(rows)
    expect(unique).not.toBe(rows)
    expect(copies).toEqual([])
  })
})

describe("argument checks", () => {
  it("ids compare as strings, equal ids as equal", () => {
    expect([
      compareIds({ id: "a" }, { id: "b" }),
      compareIds({ id: "b" }, { id: "a" }),
      compareIds({ id: "a" }, { id: "a" })
    ]).toEqual([-1, 1, 0])
    expect(compareIds({ id: "10" }, { id: "9" })).toBe(-1)
  })

  it("a list is returned as it is; anything else is refused at the argument's name", () => {
    const list = [1, 2]
    expect(requireList(list, "payments", "payments")).toBe(list)
    const seen = [null, undefined, "x", 3, {}].map((value) =>
      problems(() => requireList(value, "funding use options", "payments"))
    )
    expect(seen).toEqual([
      ['["payments"] expected a list, got null'],
      ['["payments"] expected a list, got undefined'],
      ['["payments"] expected a list, got string'],
      ['["payments"] expected a list, got number'],
      ['["payments"] expected a list, got object']
    ])
  })

  it("options are an object, not null, a list or a scalar", () => {
    const options = { year: 2024 }
    expect(requireOptions(options, "options")).toBe(options)
    const seen = [null, [], "2024", 2024, undefined].map((value) =>
      problems(() => requireOptions(value as object, "options"))
    )
    expect(seen).toEqual([
      ["[] expected an options object, got null"],
      ["[] expected an options object, got a list"],
      ["[] expected an options object, got string"],
      ["[] expected an options object, got number"],
      ["[] expected an options object, got undefined"]
    ])
  })
})

describe("year and date options", () => {
  const check = (options: Record<string, unknown>) =>
    checkedYearOptions("test options", options as { year: number; asOf?: unknown; on?: unknown }, ["asOf", "on"])

  it("return the year and the dates given, decoded", () => {
    expect(check({ year: 2024, asOf: "2024-06-30" })).toEqual({ year: 2024, dates: { asOf: "2024-06-30" } })
    expect(check({ year: 1000 })).toEqual({ year: 1000, dates: {} })
    expect(check({ year: 9999, on: "9999-12-31" })).toEqual({ year: 9999, dates: { on: "9999-12-31" } })
  })

  it("refuse a year outside 1000–9999 or not whole, describing the value given", () => {
    const years = [999, 10000, 2024.5, "2024", null, [2024], { y: 2024 }, Symbol.for("y"), undefined, Number.NaN]
    expect(years.map((year) => problems(() => check({ year })))).toEqual([
      ['["year"] expected a year between 1000 and 9999, got 999'],
      ['["year"] expected a year between 1000 and 9999, got 10000'],
      ['["year"] expected a year between 1000 and 9999, got 2024.5'],
      ['["year"] expected a year between 1000 and 9999, got "2024"'],
      ['["year"] expected a year between 1000 and 9999, got null'],
      ['["year"] expected a year between 1000 and 9999, got a list'],
      ['["year"] expected a year between 1000 and 9999, got an object'],
      ['["year"] expected a year between 1000 and 9999, got a symbol'],
      ['["year"] expected a year between 1000 and 9999, got undefined'],
      ['["year"] expected a year between 1000 and 9999, got NaN']
    ])
  })

  it("report every problem at once, each date at its own key", () => {
    expect(problems(() => check({ year: 12, asOf: "2024-02-30", on: 5 }))).toEqual([
      '["year"] expected a year between 1000 and 9999, got 12',
      '["asOf"] 2024-02-30 is not a calendar date: February 2024 has 29 days',
      '["on"] Expected string'
    ])
    expect(problems(() => checkedYearOptions("test options", null as unknown as { year: number }, []))).toEqual([
      "[] expected an options object, got null"
    ])
  })
})
