import { describe, expect, it } from "vitest"
import {
  ValidationError,
  annualReport,
  checkCompliance,
  conventionStatus,
  parseCalendarDate,
  parsePortfolio,
  resolveConvention,
  termsAsOf,
  type ComplianceFinding,
  type Convention
} from "caf-conventions"
import { evs, jeunesse, jeunesseData } from "../fixtures.js"

const d = parseCalendarDate
const plain = (text: string) => text.replace(/[\u202f\u00a0]/gu, " ")

/** The rule and message of each finding whose rule is one of `rules`, amounts with plain spaces. */
function of(findings: ReadonlyArray<ComplianceFinding>, ...rules: ReadonlyArray<string>) {
  return findings
    .filter((finding) => rules.includes(finding.rule))
    .map((finding) => `${finding.severity} ${finding.rule}: ${plain(finding.message)}`)
}

describe("one rule of knowledge: termsAsOf, conventionStatus and resolveConvention", () => {
  // Les Tilleuls: 2024–2026, terminated on 30/09/2025 by a decision of 10/07/2025.
  const tilleuls = evs()

  it("reads a termination decided after the day asked from everything recorded, unless knownOn says otherwise", () => {
    const today = termsAsOf(tilleuls, d("2025-07-01"))
    expect([today.terms.period.end, today.terminated, today.knownOn]).toEqual(["2025-09-30", true, undefined])
    const then = termsAsOf(tilleuls, d("2025-07-01"), { knownOn: "2025-07-01" })
    expect([then.terms.period.end, then.terminated, then.knownOn]).toEqual(["2026-12-31", false, "2025-07-01"])
    // The same rule as the resolution known that day.
    expect(resolveConvention(tilleuls, { knownOn: "2025-07-01" }).period.end).toBe(then.terms.period.end)
    expect(resolveConvention(tilleuls).period.end).toBe(today.terms.period.end)
    // Known from the day of the decision.
    expect(termsAsOf(tilleuls, d("2025-07-01"), { knownOn: "2025-07-10" }).terms.period.end).toBe("2025-09-30")
    expect(resolveConvention(tilleuls, { knownOn: "2025-07-10" }).period.end).toBe("2025-09-30")
  })

  it("gives the status as known that day: in force after 30/09/2025 until the decision is known", () => {
    expect(conventionStatus(tilleuls, d("2025-10-15"))).toBe("terminated")
    expect(conventionStatus(tilleuls, d("2025-10-15"), { knownOn: "2025-07-09" })).toBe("in-force")
  })

  it("reads only the amendments signed by knownOn (amendment n° 1 signed 15/05/2025, effective 01/07/2025)", () => {
    const loiret = jeunesse()
    const amount = (knownOn?: string) => {
      const terms = termsAsOf(loiret, d("2025-09-01"), knownOn === undefined ? {} : { knownOn }).terms.amounts
      return terms?.kind === "constant" ? terms.yearlyAmount.toString() : undefined
    }
    expect([amount(), amount("2025-05-14"), amount("2025-05-15")]).toEqual(["48000.00", "40000.00", "48000.00"])
    expect(termsAsOf(loiret, d("2025-09-01"), { knownOn: "2025-05-14" }).applied).toEqual([])
  })

  it("refuses a knownOn that is not a day, at its path", () => {
    const error = (() => {
      try {
        termsAsOf(tilleuls, d("2025-07-01"), { knownOn: "2025-02-30" })
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues[0]?.path).toEqual(["knownOn"])
    expect(() => termsAsOf(tilleuls, d("2025-07-01"), null as never)).toThrow(ValidationError)
  })
})

describe("compliance of one year: the terms in force during it, as known on a day", () => {
  const loiret = jeunesse()

  it("judges the 23 000 € threshold of 2024 on 40 000 €, not on the 48 000 € of amendment n° 1", () => {
    const written = (options: Parameters<typeof checkCompliance>[1]) =>
      of(checkCompliance(loiret, options), "written-convention-clauses")[0]
    expect(written({})).toMatch(/^info written-convention-clauses: Montant annuel de 48 000,00 €, au-dessus/u)
    expect(written({ year: 2024 })).toMatch(
      /^info written-convention-clauses: Montant annuel de 40 000,00 €, au-dessus/u
    )
    // 2025 has both amounts, the highest counts, once amendment n° 1 is signed (15/05/2025).
    expect(written({ year: 2025 })).toMatch(/Montant annuel de 48 000,00 €/u)
    expect(written({ year: 2025, knownOn: "2025-03-31" })).toMatch(/Montant annuel de 40 000,00 €/u)
  })

  it("says a written convention was not required in a year under 23 000 €, and required once raised above it", () => {
    // 20 000 € a year, then 48 000 € from 01/07/2025; the clause on payment terms is missing.
    const small = jeunesse((json) => {
      json.terms.amounts.yearlyAmount = "20000.00"
      json.terms.clauses = json.terms.clauses.filter((clause: string) => clause !== "modalites-versement")
    })
    expect(of(checkCompliance(small, { year: 2024 }), "written-convention-clauses")).toEqual([
      "info written-convention-clauses: Montant annuel de 20 000,00 €, pas au-dessus de 23 000,00 € : la convention écrite n'est pas obligatoire."
    ])
    expect(of(checkCompliance(small, { year: 2025, knownOn: "2025-05-14" }), "written-convention-clauses")).toEqual([
      "info written-convention-clauses: Montant annuel de 20 000,00 €, pas au-dessus de 23 000,00 € : la convention écrite n'est pas obligatoire."
    ])
    expect(of(checkCompliance(small, { year: 2025 }), "written-convention-clauses")).toEqual([
      "error written-convention-clauses: Montant annuel de 48 000,00 €, au-dessus de 23 000,00 € : la clause « Modalités de versement » manque au texte signé."
    ])
  })

  it("lists the partner's public subsidies of the year reviewed only", () => {
    const portfolio = parsePortfolio(jeunesseData("portfolio.json"))
    const subsidies = (year?: number) =>
      of(
        checkCompliance(loiret, { portfolio, ...(year === undefined ? {} : { year }) }),
        "public-subsidies-auditor"
      ).map((line) =>
        line
          .match(/reçoit en (\d{4}) ([\d ]+,\d\d €)/u)
          ?.slice(1)
          .join(" : ")
      )
    expect(subsidies()).toEqual([
      "2024 : 20 109,29 €",
      "2025 : 44 032,88 €",
      "2026 : 48 000,00 €",
      "2027 : 23 802,74 €"
    ])
    expect(subsidies(2024)).toEqual(["2024 : 20 109,29 €"])
  })

  it("judges a per-year amount on that year's own amount", () => {
    const perYear = jeunesse((json) => {
      json.terms.amounts = {
        kind: "per-year",
        byYear: { "2024": "15000.00", "2025": "30000.00", "2026": "30000.00", "2027": "15000.00" }
      }
      json.amendments = []
    })
    const written = (year: number) => of(checkCompliance(perYear, { year }), "written-convention-clauses")[0]
    expect(written(2024)).toMatch(/Montant annuel de 15 000,00 €, pas au-dessus de 23 000,00 €/u)
    expect(written(2025)).toMatch(/Montant annuel de 30 000,00 €, au-dessus de 23 000,00 €/u)
  })

  it("refuses a year that is not a year", () => {
    expect(() => checkCompliance(loiret, { year: 2024.5 })).toThrow(ValidationError)
    expect(() => checkCompliance(loiret, { knownOn: "31/03/2025" })).toThrow(ValidationError)
  })

  it("is what the yearly review of 2024 shows: 40 000 € a year, the subsidies of 2024", () => {
    const portfolio = parsePortfolio(jeunesseData("portfolio.json"))
    const review = annualReport(loiret as Convention, {
      year: 2024,
      activities: [],
      payments: [],
      expenses: [],
      asOf: "2026-06-30",
      partners: portfolio.partners,
      conventions: portfolio.conventions
    })
    const messages = review.compliance.map((finding) => plain(finding.message))
    expect(messages.filter((message) => message.includes("48 000,00 €"))).toEqual([])
    expect(messages.filter((message) => message.startsWith("Montant annuel de 40 000,00 €"))).toHaveLength(2)
    expect(messages.filter((message) => /reçoit en \d{4}/u.test(message)).map((m) => m.slice(0, 72))).toEqual([
      "Association Jeunesse et Territoires du Loiret reçoit en 2024 20 109,29 €"
    ])
  })
})
