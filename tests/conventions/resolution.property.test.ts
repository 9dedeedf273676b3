/**
 * A convention resolves on every day its knowledge changes (each amendment's signature and
 * effective dates, the termination's): never an exception, years that tile the period as known,
 * and no year granted more than the text gives it.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type CalendarDate, Euros, parseConvention, resolveConvention, safeParseConvention } from "caf-conventions"
import { world } from "../arbitraries.js"

const nextDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

describe("a convention resolved on each day its knowledge changes (property)", () => {
  it("never throws, and its years tile the period as known", () => {
    fc.assert(
      fc.property(world, (w) => {
        const decoded = safeParseConvention(w.convention)
        if (!decoded.success) return
        const convention = parseConvention(w.convention)
        const days = new Set<CalendarDate | undefined>([undefined, w.date as CalendarDate])
        for (const amendment of convention.amendments) days.add(amendment.signatureDate).add(amendment.effectiveDate)
        if (convention.termination !== undefined) {
          days.add(convention.termination.date)
          if (convention.termination.decidedOn !== undefined) days.add(convention.termination.decidedOn)
        }
        for (const day of days) {
          const resolved = resolveConvention(convention, day === undefined ? {} : { knownOn: day })
          const years = resolved.years
          expect(years[0]?.period.start).toBe(resolved.period.start)
          expect(years.at(-1)?.period.end).toBe(resolved.period.end)
          years.slice(1).forEach((year, index) => {
            expect(year.period.start).toBe(nextDay((years[index] as (typeof years)[number]).period.end))
          })
          const amounts = resolved.terms.amounts
          for (const year of years) {
            const amount = year.amount?.amount ?? Euros.zero
            expect(amount.isNegative()).toBe(false)
            if (amounts?.kind === "per-year") {
              // A year gets at most the largest amount any version of the text gives it.
              const given = [
                convention.terms.amounts?.kind === "per-year"
                  ? convention.terms.amounts.byYear[String(year.year)]
                  : undefined,
                ...convention.amendments.flatMap((amendment) =>
                  amendment.changes.flatMap((change) =>
                    change.kind === "year-amount" && change.year === year.year ? [change.amount] : []
                  )
                )
              ].filter((value): value is Euros => value !== undefined)
              const most = given.reduce((a, b) => Euros.max(a, b), Euros.zero)
              expect(amount.greaterThan(most)).toBe(false)
            }
          }
        }
      }),
      { numRuns: 300 }
    )
  })
})
