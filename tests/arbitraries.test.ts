/**
 * The generators of valid documents give valid documents, and cover what they claim to cover:
 * partial years, several years, every payment, unspent and modulation clause, every change kind,
 * terminations with and without a decision day, records of every kind.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseActivities, parseCandidates, parseExpenses, parsePayments, parsePortfolio } from "caf-conventions"
import { world } from "./arbitraries.js"

describe("the generators of valid documents", () => {
  const sample = () => fc.sample(world, { numRuns: 300, seed: 42 })

  it("give documents that decode, every one", () => {
    for (const generated of sample()) {
      expect(() => parsePortfolio(generated.portfolio)).not.toThrow()
      expect(() => parseActivities(generated.activities)).not.toThrow()
      expect(() => parsePayments(generated.payments)).not.toThrow()
      expect(() => parseExpenses(generated.expenses)).not.toThrow()
      expect(() => parseCandidates(generated.candidates)).not.toThrow()
    }
  })

  it("reach every clause, change kind and shape of period", () => {
    const seen = new Set<string>()
    for (const generated of sample()) {
      for (const convention of generated.portfolio.conventions as Array<Record<string, any>>) {
        const { terms } = convention
        seen.add(`unspent ${terms.unspent?.rule ?? "default"}`)
        seen.add(`modulation ${terms.modulation?.rule ?? "default"}`)
        seen.add(`amounts ${terms.amounts.kind}`)
        if (terms.period.start.slice(5) !== "01-01") seen.add("partial first year")
        if (terms.period.end.slice(5) !== "12-31") seen.add("partial last year")
        seen.add(`${Number(terms.period.end.slice(0, 4)) - Number(terms.period.start.slice(0, 4)) + 1} years`)
        if (terms.payment?.balanceTrigger === "fixed-date") seen.add("fixed-date balance")
        if ((terms.payment?.instalments ?? []).length > 0) seen.add("instalments")
        for (const amendment of convention.amendments) for (const change of amendment.changes) seen.add(`change ${change.kind}`)
        if (convention.termination !== undefined) seen.add(convention.termination.decidedOn === undefined ? "termination" : "termination decided")
        if (convention.predecessorId !== undefined) seen.add("lineage")
        for (const objective of terms.objectives) seen.add(`indicator ${objective.indicator.kind}`)
      }
    }
    const expected = [
      "unspent repay", "unspent keep", "unspent offset", "modulation none", "modulation proportional", "modulation fixed-reduction", "amounts constant", "amounts per-year",
      "partial first year", "partial last year", "1 years", "5 years", "fixed-date balance", "instalments", "termination", "termination decided", "lineage",
      ...["yearly-amount", "year-amount", "period-end", "sectors-added", "sectors-removed", "accompaniment-kinds-added", "accompaniment-kinds-removed", "target", "payment-terms"].map((kind) => `change ${kind}`),
      ...["distinct-structures", "count-actions", "sum-days", "count-meetings", "aggregate", "share"].map((kind) => `indicator ${kind}`)
    ]
    expect(expected.filter((name) => !seen.has(name))).toEqual([])
  })
})
