/**
 * The helpers that other folders read and that are now public: a year and the terms of a resolved
 * convention, the checks at the door, the republican commitment's sentence, the names of the amounts.
 */
import { describe, expect, it } from "vitest"
import {
  LEDGER_TOTAL_KEYS,
  SETTLEMENT_AMOUNT_KEYS,
  ValidationError,
  checkedConvention,
  checkedConventions,
  parseCalendarDate,
  parseConvention,
  republicanCommitmentText,
  resolveConvention,
  resolvedYear,
  termsInForceOn
} from "caf-conventions"
import { exampleData } from "../fixtures.js"

// 20 000,00 € a year from 2024-01-01 to 2026-12-31; amendment n° 1 raises it to 22 000,00 € from 2024-09-01.
const json = exampleData("centre-social.json")
const convention = parseConvention(json.conventions === undefined ? json : json.conventions[0])
const resolved = resolveConvention(convention)
const yearlyAmount = (date: string) => {
  const amounts = termsInForceOn(resolved, parseCalendarDate(date)).amounts
  return amounts?.kind === "constant" ? amounts.yearlyAmount.toString() : undefined
}

describe("the public helpers of a resolved convention", () => {
  it("resolvedYear gives each year's amount, prorated the year the amendment takes effect", () => {
    expect(resolvedYear(resolved, 2024)?.amount?.amount.toString()).toBe("20666.67")
    expect(resolvedYear(resolved, 2025)?.amount?.amount.toString()).toBe("22000.00")
    expect(resolvedYear(resolved, 2026)?.period).toEqual({ start: "2026-01-01", end: "2026-12-31" })
    expect(resolvedYear(resolved, 2027)).toBeUndefined()
  })

  it("termsInForceOn gives the terms before and after the amendment, and the last ones after the period", () => {
    expect(yearlyAmount("2024-08-31")).toBe("20000.00")
    expect(yearlyAmount("2024-09-01")).toBe("22000.00")
    expect(yearlyAmount("2030-01-01")).toBe("22000.00")
    expect(yearlyAmount("2000-01-01")).toBe("20000.00")
  })

  it("refuses what is not a resolution, and a day that is not a date", () => {
    expect(() => resolvedYear(convention as never, 2024)).toThrow(
      expect.objectContaining({ _tag: "InvalidArgument", argument: "resolved" })
    )
    expect(() => termsInForceOn(resolved, "2024-02-30" as never)).toThrow(ValidationError)
  })
})

describe("the checks at the door", () => {
  it("take a decoded or resolved convention as it is and decode JSON", () => {
    expect(checkedConvention(convention)).toBe(convention)
    expect(checkedConvention(resolved)).toBe(convention)
    expect(checkedConvention(json.conventions === undefined ? json : json.conventions[0]).id).toBe(
      "cpo-cs-tilleuls-2024-2026"
    )
  })

  it("list every problem of a list of conventions with the item's index", () => {
    expect(() => checkedConventions([convention, 5])).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: [1] })] })
    )
  })
})

describe("the republican commitment's sentence", () => {
  it("says how the obligation is met, with the request when one is named", () => {
    expect(republicanCommitmentText({ subscribedOn: "2022-11-14" } as never)).toBe(
      "contrat d'engagement républicain souscrit le 14/11/2022"
    )
    expect(
      republicanCommitmentText({ subscribedOn: "2023-02-01", basis: "agrement", request: "subvention 2024" } as never)
    ).toMatch(
      /^obligation réputée satisfaite depuis le 01\/02\/2023 : structure .+, avec la demande « subvention 2024 »$/u
    )
    expect(() => republicanCommitmentText({ subscribedOn: "14/11/2022" } as never)).toThrow(ValidationError)
  })
})

describe("the names of the amounts", () => {
  it("list the 13 amounts of a settlement and the 10 a ledger adds up", () => {
    expect(SETTLEMENT_AMOUNT_KEYS).toHaveLength(13)
    expect(LEDGER_TOTAL_KEYS).toEqual([
      "granted",
      "received",
      "carriedIn",
      "eligibleSpend",
      "usedOnEligible",
      "keptSurplus",
      "offsetNextYear",
      "toRepay",
      "awaitingUse",
      "stillToPay"
    ])
    for (const key of LEDGER_TOTAL_KEYS) expect(SETTLEMENT_AMOUNT_KEYS).toContain(key)
  })
})
