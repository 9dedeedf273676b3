/**
 * All the public subsidies a partner receives in a year, from every convention of a portfolio and
 * the co-funders recorded in their budgets, and the obligations their total triggers.
 *
 * @module
 */
import { describeValue } from "../core/describe.js"
import { InvalidArgumentError } from "../core/errors.js"
import type { ExplanationNode } from "../core/explanation.js"
import { frozenResult } from "../core/freeze.js"
import { requireOptions } from "../core/records.js"
import { checkedConventions } from "../conventions/checked.js"
import type { ComplianceFinding } from "../conventions/finding.js"
import type { Convention } from "../conventions/convention.js"
import { resolveConvention, resolvedYear } from "../conventions/resolved.js"
import { Euros } from "../money/euros.js"
import type { Partner } from "../partners/partner.js"
import { type FunderKind, PUBLIC_FUNDER_KINDS } from "./budget.js"
import {
  DRAFT_NOT_AWARDED,
  EUROPEAN_FUNDS_REASON,
  auditorRequiredText,
  belowAuditorText,
  cofunderWrittenText,
  countedTwiceText,
  prefectureFilingText,
  publicSubsidiesLabel,
  publicSubsidiesSentence,
  sourcesText,
  subsidiesText
} from "../vocabulary/budget.js"
import { citation } from "../vocabulary/sources.js"

/** The texts behind the thresholds on a partner's public subsidies of a year. */
const PUBLIC_FUNDING_SOURCES = {
  auditor: citation("auditor"),
  filing: citation("public-funding-filing"),
  written: citation("public-funding-written")
} as const

const THRESHOLD = Euros.parse("153000")
const WRITTEN = Euros.parse("23000")

/**
 * One public subsidy counted for a partner in a year: a Caf convention's yearly amount, or a
 * public co-funder's grant recorded in a convention's budget.
 *
 * @example
 * ```ts
 * import type { PublicSubsidy } from "caf-conventions"
 * const fromCaf = (subsidy: PublicSubsidy) => subsidy.source === "convention"
 * ```
 * @category budget
 */
export interface PublicSubsidy {
  /** `convention`: the yearly amount of a convention of the portfolio; `budget`: a co-funder's grant in a budget. */
  readonly source: "convention" | "budget"
  /** The convention (whose amount it is, or whose budget records it). */
  readonly conventionId: string
  /** The funder: the convention's funder id, or the co-funder's kind. */
  readonly funderKind: FunderKind
  /** The funder's name. */
  readonly funderName: string
  /** The amount counted. */
  readonly amount: Euros
}

/**
 * A partner's public subsidies of a year and what their total triggers (see
 * {@link partnerPublicFunding}).
 *
 * @example
 * ```ts
 * import { partnerPublicFunding, type PartnerPublicFunding, type Portfolio } from "caf-conventions"
 * declare const portfolio: Portfolio
 * const rows: ReadonlyArray<PartnerPublicFunding> = partnerPublicFunding(portfolio, { year: 2025 })
 * rows.filter((row) => row.aboveAuditorThreshold).map((row) => row.partnerId)
 * ```
 * @category budget
 */
export interface PartnerPublicFunding {
  /** The partner. */
  readonly partnerId: string
  /** Its name (its id when the portfolio does not name it). */
  readonly partnerName: string
  /** The year. */
  readonly year: number
  /** Every subsidy counted, conventions first. */
  readonly subsidies: ReadonlyArray<PublicSubsidy>
  /** Grants recorded but not counted (requested and not yet granted, European funds, private or own funding is not listed), with why. */
  readonly notCounted: ReadonlyArray<PublicSubsidy & { readonly reason: string }>
  /** The total of the subsidies counted. */
  readonly total: Euros
  /** Whether the total is above 153 000 € (code de commerce, L. 612-4 and D. 612-5; décret n° 2001-495, art. 2). */
  readonly aboveAuditorThreshold: boolean
  /** The obligations found, each with its source and the sum spelt out. */
  readonly findings: ReadonlyArray<ComplianceFinding>
  /** The reasoning in French. */
  readonly explanation: ExplanationNode
}

/**
 * Options of {@link partnerPublicFunding}: the year, and one partner to keep (all partners with a
 * convention when absent).
 *
 * @example
 * ```ts
 * import type { PartnerPublicFundingOptions } from "caf-conventions"
 * const options: PartnerPublicFundingOptions = { year: 2025, partnerId: "asso-le-relais" }
 * ```
 * @category budget
 */
export interface PartnerPublicFundingOptions {
  /** The calendar year. */
  readonly year: number
  /** Only this partner. */
  readonly partnerId?: string
}

/** @internal The computation, from conventions already checked. */
function publicFundingOf(
  conventions: ReadonlyArray<Convention>,
  partners: ReadonlyArray<Partner>,
  year: number,
  only: string | undefined
): ReadonlyArray<PartnerPublicFunding> {
  const name = (id: string) => partners.find((partner) => partner.id === id)?.name ?? id
  const ids = [...new Set(conventions.map((convention) => convention.partnerId))]
    .filter((id) => only === undefined || id === only)
    .sort()
  return ids.map((partnerId) => {
    const subsidies: Array<PublicSubsidy> = []
    const notCounted: Array<PublicSubsidy & { readonly reason: string }> = []
    const own = conventions
      .filter((convention) => convention.partnerId === partnerId)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    for (const convention of own) {
      const amount = resolvedYear(resolveConvention(convention), year)?.amount?.amount
      if (amount === undefined || !amount.isPositive()) continue
      const subsidy = {
        source: "convention" as const,
        conventionId: convention.id,
        funderKind: "caf" as const,
        funderName: name(convention.funderId),
        amount
      }
      // A draft awards nothing yet: its amount is shown apart, not counted as received.
      if (convention.signatureDate === undefined) notCounted.push({ ...subsidy, reason: DRAFT_NOT_AWARDED })
      else subsidies.push(subsidy)
    }
    for (const convention of own) {
      for (const budget of convention.budgets ?? []) {
        if (budget.year !== year) continue
        for (const funder of budget.funders) {
          if (funder.kind === "caf") continue // the convention's own grant, counted above
          const entry = {
            source: "budget" as const,
            conventionId: convention.id,
            funderKind: funder.kind,
            funderName: funder.name
          }
          if (funder.kind === "europe")
            notCounted.push({
              ...entry,
              amount: funder.granted ?? funder.requested,
              reason: EUROPEAN_FUNDS_REASON
            })
          else if (!PUBLIC_FUNDER_KINDS.includes(funder.kind)) continue
          else if (funder.granted === undefined)
            notCounted.push({ ...entry, amount: funder.requested, reason: "demandé, pas encore accordé" })
          else if (funder.granted.isPositive()) subsidies.push({ ...entry, amount: funder.granted })
        }
      }
    }
    const total = Euros.sum(subsidies.map((subsidy) => subsidy.amount))
    const sum = subsidiesText(subsidies, total)
    const above = total.greaterThan(THRESHOLD)
    const findings: Array<ComplianceFinding> = []
    const partnerName = name(partnerId)
    if (above) {
      findings.push({
        rule: "public-subsidies-auditor",
        severity: "warning",
        message: auditorRequiredText(partnerName, year, sum, THRESHOLD),
        source: PUBLIC_FUNDING_SOURCES.auditor
      })
      findings.push({
        rule: "prefecture-filing",
        severity: "warning",
        message: prefectureFilingText(partnerName, year, total, THRESHOLD),
        source: PUBLIC_FUNDING_SOURCES.filing
      })
    } else {
      findings.push({
        rule: "public-subsidies-auditor",
        severity: "info",
        message: belowAuditorText(partnerName, year, subsidies, total, THRESHOLD),
        source: sourcesText(PUBLIC_FUNDING_SOURCES.auditor, PUBLIC_FUNDING_SOURCES.filing)
      })
    }
    for (const subsidy of subsidies.filter((entry) => entry.source === "budget" && entry.amount.greaterThan(WRITTEN))) {
      findings.push({
        rule: "written-convention-cofunder",
        severity: "info",
        message: cofunderWrittenText(subsidy.funderKind, subsidy.funderName, subsidy.amount, year, WRITTEN),
        source: PUBLIC_FUNDING_SOURCES.written
      })
    }
    const budgetGrants = subsidies.filter((entry) => entry.source === "budget")
    budgetGrants.forEach((entry, index) => {
      const twin = budgetGrants.findIndex(
        (other) =>
          other.funderKind === entry.funderKind &&
          other.funderName === entry.funderName &&
          other.amount.equals(entry.amount) &&
          other.conventionId !== entry.conventionId
      )
      if (twin > index) {
        findings.push({
          rule: "public-subsidies-twice",
          severity: "warning",
          message: countedTwiceText(entry.funderKind, entry.funderName, entry.amount, [
            entry.conventionId,
            budgetGrants[twin]?.conventionId ?? ""
          ]),
          source: PUBLIC_FUNDING_SOURCES.auditor
        })
      }
    })
    const explanation: ExplanationNode = {
      ruleId: "public-subsidies",
      label: publicSubsidiesLabel(year, partnerName),
      outcome: above ? "fail" : "pass",
      sentence: publicSubsidiesSentence(sum, above, THRESHOLD, notCounted),
      source: sourcesText(PUBLIC_FUNDING_SOURCES.auditor, PUBLIC_FUNDING_SOURCES.filing),
      read: { year, total },
      children: []
    }
    return {
      partnerId,
      partnerName,
      year,
      subsidies,
      notCounted,
      total,
      aboveAuditorThreshold: above,
      findings,
      explanation
    }
  })
}

/**
 * Adds up, for each partner of a portfolio and one year, every public subsidy it receives: the
 * yearly amount of each of its conventions (as resolved, every amendment applied) and the grants
 * of the public co-funders recorded in those conventions' budgets for the year (State, region,
 * département, commune, EPCI, the Caf's FPT, other public bodies: the *autorités administratives*
 * of loi n° 2000-321, art. 1). A co-funder's line counts once granted; requested amounts, European
 * funds, private funding and own resources are not counted, nor a draft convention's amount (not
 * awarded until signed: listed in `notCounted`); contributions in kind never are (the
 * code de commerce counts subsidies *en numéraire*). Above **153 000 €** in total (code de
 * commerce, art. L. 612-4 and D. 612-5; loi n° 2000-321, art. 10 and décret n° 2001-495, art. 2),
 * two `warning` findings: audited and published accounts, and filing at the préfecture, each with
 * the sum spelt out. A co-funder's grant above 23 000 € is noted: it needs its own written
 * convention. The same grant recorded in two budgets is flagged, since it would be counted twice.
 *
 * @example
 * ```ts
 * import { parsePortfolio, partnerPublicFunding } from "caf-conventions"
 * declare const json: unknown // two Caf conventions of 90 000 € and 40 000 €, a département grant of 30 000 € in 2025
 * const [relais] = partnerPublicFunding(parsePortfolio(json), { year: 2025 })
 * relais?.total.format() //=> "160 000,00 €"
 * relais?.aboveAuditorThreshold //=> true
 * ```
 * @category budget
 */
export function partnerPublicFunding(
  portfolio: { readonly conventions: ReadonlyArray<Convention>; readonly partners?: ReadonlyArray<Partner> },
  options: PartnerPublicFundingOptions
): ReadonlyArray<PartnerPublicFunding> {
  if (portfolio === null || typeof portfolio !== "object" || Array.isArray(portfolio)) {
    throw new InvalidArgumentError({
      argument: "portfolio",
      message: "expected a portfolio, { conventions, partners } (see parsePortfolio)"
    })
  }
  requireOptions(options, "public funding options")
  if (!Number.isInteger(options.year) || options.year < 1000 || options.year > 9999) {
    throw new InvalidArgumentError({
      argument: "year",
      message: `expected a year between 1000 and 9999, got ${describeValue(options.year)}`
    })
  }
  if (options.partnerId !== undefined && typeof options.partnerId !== "string")
    throw new InvalidArgumentError({ argument: "partnerId", message: "expected a partner id" })
  const conventions = checkedConventions(portfolio.conventions)
  const partners = portfolio.partners ?? []
  if (!Array.isArray(partners))
    throw new InvalidArgumentError({ argument: "portfolio.partners", message: "expected a list of partners" })
  return frozenResult(publicFundingOf(conventions, partners, options.year, options.partnerId), portfolio)
}
