/**
 * The generators of valid documents give valid documents, and cover what they claim to cover:
 * partial years, several years, every payment, unspent and modulation clause, every change kind,
 * terminations with and without a decision day, records of every kind.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  parseActivities,
  parseCandidates,
  parseExpenses,
  parseFinancialReport,
  parsePayments,
  parsePortfolio,
  safeParseConvention
} from "caf-conventions"
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
      expect(() => parseFinancialReport(generated.financialReport)).not.toThrow()
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
        for (const amendment of convention.amendments)
          for (const change of amendment.changes) seen.add(`change ${change.kind}`)
        if (convention.termination !== undefined)
          seen.add(convention.termination.decidedOn === undefined ? "termination" : "termination decided")
        if (convention.predecessorId !== undefined) seen.add("lineage")
        if (convention.withdrawal !== undefined)
          seen.add(
            convention.withdrawal.repaymentDueDate === undefined ? "withdrawal" : "withdrawal with a repayment day"
          )
        if (terms.reporting?.varianceTolerance !== undefined) seen.add("variance tolerance")
        for (const budget of convention.budgets ?? []) {
          seen.add(budget.actionId === undefined ? "budget" : "budget of an action")
          for (const funder of budget.funders ?? [])
            seen.add(`funder ${funder.granted === undefined ? "requested" : "granted"}`)
          if ((budget.inKind ?? []).length > 0) seen.add("budget in kind")
          if (budget.cafShareCap !== undefined) seen.add("Caf share cap")
        }
        for (const objective of terms.objectives) seen.add(`indicator ${objective.indicator.kind}`)
      }
    }
    const expected = [
      "unspent repay",
      "unspent keep",
      "unspent offset",
      "modulation none",
      "modulation proportional",
      "modulation fixed-reduction",
      "amounts constant",
      "amounts per-year",
      "partial first year",
      "partial last year",
      "1 years",
      "5 years",
      "fixed-date balance",
      "instalments",
      "termination",
      "termination decided",
      "lineage",
      ...[
        "yearly-amount",
        "year-amount",
        "period-end",
        "sectors-added",
        "sectors-removed",
        "accompaniment-kinds-added",
        "accompaniment-kinds-removed",
        "target",
        "payment-terms"
      ].map((kind) => `change ${kind}`),
      ...["distinct-structures", "count-actions", "sum-days", "count-meetings", "aggregate", "share"].map(
        (kind) => `indicator ${kind}`
      ),
      "withdrawal",
      "withdrawal with a repayment day",
      "variance tolerance",
      "budget",
      "budget of an action",
      "funder requested",
      "funder granted",
      "budget in kind",
      "Caf share cap"
    ]
    expect(expected.filter((name) => !seen.has(name))).toEqual([])
  })

  it("give financial reports of every shape, and broken conventions that are refused most of the time", () => {
    const seen = new Set<string>()
    let refused = 0
    for (const generated of sample()) {
      const report = generated.financialReport as Record<string, any>
      if (report.actionId !== undefined) seen.add("report of an action")
      if ((report.inKind ?? []).length > 0) seen.add("report in kind")
      for (const line of [...report.charges, ...report.products]) {
        seen.add(line.forecast === undefined ? "forecast from the budget" : "forecast in the report")
        if (line.explanation !== undefined) seen.add("explained")
        if (line.funderKind !== undefined) seen.add("product with a funder")
      }
      if (!safeParseConvention(generated.brokenConvention).success) refused++
    }
    expect(
      [
        "report of an action",
        "report in kind",
        "forecast from the budget",
        "forecast in the report",
        "explained",
        "product with a funder"
      ].filter((name) => !seen.has(name))
    ).toEqual([])
    expect(refused).toBeGreaterThan(150)
  })
})
