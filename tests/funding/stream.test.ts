/**
 * Records as iterables and streams: evaluateFundingUse and fundingLedger over any iterable, and
 * their async variants over async iterables, give the results and the errors the same records in
 * lists give, byte for byte.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  evaluateFundingUse,
  evaluateFundingUseAsync,
  fundingLedger,
  fundingLedgerAsync,
  parseExpenses,
  parsePayments,
  resolveConvention,
  ValidationError
} from "caf-conventions"
import { decode } from "../../fuzz/targets.js"
import { breakOne, world } from "../arbitraries.js"
import { cpo, exampleData } from "../fixtures.js"
import { runs } from "../runs.js"

/** The values of a list, yielded one by one, each after a turn of the event loop (as a file read line by line). */
async function* streamed<T>(list: ReadonlyArray<T>): AsyncGenerator<T> {
  for (const item of list) {
    await new Promise((resolve) => setImmediate(resolve))
    yield item
  }
}

/** What a call gives: its result as JSON, or its error (class, message, issues with their paths). */
async function outcome(call: () => unknown): Promise<string> {
  try {
    return `ok ${JSON.stringify(await call())}`
  } catch (error) {
    if (error instanceof ValidationError)
      return `ValidationError ${error.message} ${JSON.stringify(error.issues)} ${error.omittedIssues ?? 0}`
    return `${(error as Error).constructor.name} ${(error as Error).message}`
  }
}

const year2024 = { year: 2024, asOf: "2025-07-15", reportsAcceptedOn: "2025-05-20" } as const

describe("funding records as iterables and streams", () => {
  it("gives, from streamed JSON, the founding year's use and ledger that lists give, byte for byte", async () => {
    const paymentsJson = exampleData("payments.json") as ReadonlyArray<unknown>
    const expensesJson = exampleData("expenses.json") as ReadonlyArray<unknown>
    const listed = evaluateFundingUse(cpo(), {
      ...year2024,
      payments: parsePayments(paymentsJson),
      expenses: parseExpenses(expensesJson)
    })
    const use = await evaluateFundingUseAsync(cpo(), {
      ...year2024,
      payments: streamed(paymentsJson),
      expenses: streamed(expensesJson)
    })
    expect(JSON.stringify(use)).toBe(JSON.stringify(listed))
    expect(use.settlement.eligibleSpend.toString()).toBe(listed.settlement.eligibleSpend.toString())
    expect(use.settlement.received.toString()).toBe("30000.00")
    expect(Object.isFrozen(use)).toBe(true)
    expect(Object.isFrozen(use.explanation)).toBe(true)
    const ledger = await fundingLedgerAsync(cpo(), {
      payments: streamed(paymentsJson),
      expenses: streamed(expensesJson)
    })
    expect(JSON.stringify(ledger)).toBe(
      JSON.stringify(
        fundingLedger(cpo(), { payments: parsePayments(paymentsJson), expenses: parseExpenses(expensesJson) })
      )
    )
  })

  it("takes any iterable where a list was taken: a set, a generator", () => {
    const payments = parsePayments(exampleData("payments.json"))
    const expenses = parseExpenses(exampleData("expenses.json"))
    const listed = JSON.stringify(evaluateFundingUse(cpo(), { ...year2024, payments, expenses }))
    function* each<T>(list: ReadonlyArray<T>): Generator<T> {
      yield* list
    }
    expect(
      JSON.stringify(evaluateFundingUse(cpo(), { ...year2024, payments: new Set(payments), expenses: each(expenses) }))
    ).toBe(listed)
    expect(JSON.stringify(fundingLedger(cpo(), { payments: each(payments), expenses: new Set(expenses) }))).toBe(
      JSON.stringify(fundingLedger(cpo(), { payments, expenses }))
    )
  })

  it("names a broken record by its index in its stream", async () => {
    const lines = [
      { id: "v-1", date: "2024-03-28", amount: "15000", year: 2024, instalment: "advance" },
      { id: "v-2", date: "2024-06-30", amount: "1000", year: 2024 },
      { id: "v-3", date: "2024-13-01", amount: "12,50", year: 2024 }
    ]
    const rejected = evaluateFundingUseAsync(cpo(), { year: 2024, payments: streamed(lines), expenses: streamed([]) })
    await expect(rejected).rejects.toBeInstanceOf(ValidationError)
    const error = (await rejected.catch((caught: unknown) => caught)) as ValidationError
    expect(error.issues.map((issue) => issue.path[0])).toEqual([2, 2])
    expect(error.issues.map((issue) => issue.path[1])).toEqual(["date", "amount"])
  })

  it("rejects with the stream's own error when the stream fails", async () => {
    async function* failing(): AsyncGenerator<unknown> {
      yield { id: "v-1", date: "2024-03-28", amount: "15000", year: 2024 }
      throw new Error("lecture impossible : versements.jsonl")
    }
    await expect(evaluateFundingUseAsync(cpo(), { year: 2024, payments: failing(), expenses: [] })).rejects.toThrow(
      "lecture impossible : versements.jsonl"
    )
  })

  it("rejects a value that is neither a list nor a stream, as the list path throws", async () => {
    expect(
      await outcome(() => evaluateFundingUseAsync(cpo(), { year: 2024, payments: 5 as never, expenses: [] }))
    ).toBe(await outcome(() => evaluateFundingUse(cpo(), { year: 2024, payments: 5 as never, expenses: [] })))
    expect(
      await outcome(() => evaluateFundingUseAsync(cpo(), { year: 2024, payments: "v-1" as never, expenses: [] }))
    ).toMatch(/^ValidationError .*payments: expected a list, got string/s)
  })

  it("gives the same result or the same error as lists, on generated records valid and broken (property)", async () => {
    const seen = { ok: 0, refused: 0 }
    await fc.assert(
      fc.asyncProperty(
        world.chain((json) =>
          fc.record({
            json: fc.constant(json),
            payments: json.payments.length === 0 ? fc.constant(json.payments) : breakSome(json.payments),
            expenses: json.expenses.length === 0 ? fc.constant(json.expenses) : breakSome(json.expenses),
            resolved: fc.boolean(),
            asOf: fc.boolean()
          })
        ),
        async ({ json, payments, expenses, resolved, asOf }) => {
          const { convention } = decode(json)
          const input = resolved ? resolveConvention(convention) : convention
          const options = { year: json.year, ...(asOf ? { asOf: json.date } : {}) }
          const listed = await outcome(() => evaluateFundingUse(input, { ...options, payments, expenses } as never))
          const stream = await outcome(() =>
            evaluateFundingUseAsync(input, { ...options, payments: streamed(payments), expenses: streamed(expenses) })
          )
          expect(stream).toBe(listed)
          if (listed.startsWith("ok ")) seen.ok++
          else seen.refused++
          const ledgerListed = await outcome(() => fundingLedger(input, { ...options, payments, expenses } as never))
          const ledgerStream = await outcome(() =>
            fundingLedgerAsync(input, { ...options, payments: streamed(payments), expenses: streamed(expenses) })
          )
          expect(ledgerStream).toBe(ledgerListed)
        }
      ),
      { ...runs(40), seed: 2020 }
    )
    // Both paths were exercised: results compared, and errors compared.
    expect(seen.ok).toBeGreaterThan(5)
    expect(seen.refused).toBeGreaterThan(5)
  }, 120_000)
})

/** The records, one of them broken now and then (a wrong value, a missing key, another type). */
function breakSome(list: ReadonlyArray<Record<string, unknown>>): fc.Arbitrary<ReadonlyArray<unknown>> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(list) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 0, max: list.length - 1 })
        .chain((index) => breakOne(list[index]).map((broken) => list.map((item, at) => (at === index ? broken : item))))
    }
  )
}
