/**
 * Is a convention well-formed and lawful? Findings, each with its severity, a French sentence and
 * its legal source.
 *
 * @module
 */
import { type CalendarDate, addDays, addMonths, calendarDate, checkedDay } from "../calendar/date.js"
import { type Period, periodYears } from "../calendar/period.js"
import { InvalidArgumentError, ValidationError } from "../core/errors.js"
import { Euros } from "../money/euros.js"
import type { Clause } from "../referential/convention-codes.js"
import type { Convention } from "./convention.js"
import { LEGAL_THRESHOLDS, type LegalThreshold } from "./thresholds.js"
import { checkedConvention, checkedConventions } from "./checked.js"
import { type ResolvedConvention, resolveConvention, termsInForceOn } from "./resolved.js"
import type { Terms } from "./terms.js"
import { describeValue } from "../core/describe.js"
import { finalTermsOf } from "./terms-as-of.js"
import { frozenResult } from "../core/freeze.js"
import type { ComplianceFinding } from "./finding.js"
import { checkBudgets } from "../budget/check.js"
import { partnerPublicFunding } from "../budget/public-funding.js"
import { type Partner, safeParsePartner } from "../partners/partner.js"
import {
  REPUBLICAN_COMMITMENT_FROM,
  REPUBLICAN_COMMITMENT_LEGAL_FORMS,
  republicanCommitmentText
} from "../partners/republican-commitment.js"
import { citation } from "../vocabulary/sources.js"
import {
  AMOUNTS_NOT_RECORDED_TEXT,
  EXCLUDED_SCHEME_TEXT,
  NOT_SIGNED_TEXT,
  NO_OBJECTIVE_TEXT,
  aboveThresholdCheckText,
  amountOutsidePeriodText,
  clauseMissingText,
  clausesPresentText,
  openDataDueText,
  republicanLateText,
  republicanMissingText,
  republicanNotConcernedText,
  republicanNotYetRequiredText,
  republicanPartnerMissingText,
  republicanSubscribedText,
  writtenConventionNotRequiredText,
  yearlyAmountAboveText,
  durationTooLongText,
  durationTooShortText,
  durationWithinText,
  earlyEndText,
  notYetRequiredText,
  perYearTotalChangedText,
  perYearTotalText,
  yearWithoutAmountText
} from "../vocabulary/findings.js"

const threshold = (id: LegalThreshold["id"]): LegalThreshold =>
  LEGAL_THRESHOLDS.find((row) => row.id === id) as LegalThreshold

/**
 * The stretches of time whose terms count: every stretch of the timeline, or, for one year, the
 * stretches that fall in it (for a year outside the effective period, the terms in force on its
 * first day: the first stretch's before the period, the final terms after it).
 */
function termsOfYear(resolved: ResolvedConvention, year: number | undefined): ReadonlyArray<Terms> {
  if (year === undefined) return resolved.timeline.map((segment) => segment.terms)
  const first = calendarDate(year, 1, 1)
  const last = calendarDate(year, 12, 31)
  const inYear = resolved.timeline.filter((segment) => segment.period.start <= last && segment.period.end >= first)
  return inYear.length > 0 ? inYear.map((segment) => segment.terms) : [termsInForceOn(resolved, first)]
}

/**
 * The highest yearly amount the text states (before any proration), or undefined if none: over
 * the whole convention, or over the terms in force during `year` (a per-year amount: that year's).
 */
function highestYearlyAmount(resolved: ResolvedConvention, year: number | undefined): Euros | undefined {
  const amounts = termsOfYear(resolved, year).flatMap((terms) => {
    const value = terms.amounts
    if (value === undefined) return []
    if (value.kind === "constant") return [value.yearlyAmount]
    if (year === undefined) return Object.values(value.byYear)
    const own = value.byYear[String(year)]
    return own === undefined ? [] : [own]
  })
  return amounts.reduce<Euros | undefined>(
    (max, amount) => (max === undefined ? amount : Euros.max(max, amount)),
    undefined
  )
}

function missingClauses(
  resolved: ResolvedConvention,
  required: ReadonlyArray<Clause>,
  rule: string,
  why: string,
  source: string
): Array<ComplianceFinding> {
  const present = resolved.terms.clauses
  const missing = required.filter((clause) => !present.includes(clause))
  if (missing.length === 0) {
    return [
      {
        rule,
        severity: "info",
        message: clausesPresentText(why, required),
        source
      }
    ]
  }
  return missing.map((clause) => ({
    rule,
    severity: "error",
    message: clauseMissingText(why, clause),
    source,
    path: ["terms", "clauses"]
  }))
}

/** Whether a dated rule binds the convention: signed on or after its first day, or still a draft. */
const binds = (row: LegalThreshold, signedOn: string | undefined): boolean =>
  signedOn === undefined || signedOn >= row.from

function notYetRequired(rule: string, row: LegalThreshold, signedOn: string, what: string): ComplianceFinding {
  return {
    rule,
    severity: "info",
    message: notYetRequiredText(signedOn as never, row.from, what),
    source: row.source
  }
}

function thresholdFindings(
  resolved: ResolvedConvention,
  partnerTotals: boolean,
  year: number | undefined
): Array<ComplianceFinding> {
  const highest = highestYearlyAmount(resolved, year)
  if (highest === undefined) {
    return [
      {
        rule: "amounts-recorded",
        severity: "warning",
        message: AMOUNTS_NOT_RECORDED_TEXT,
        source: threshold("written-convention").source,
        path: ["terms", "amounts"]
      }
    ]
  }
  const signedOn = resolved.convention.signatureDate
  const written = threshold("written-convention")
  if (!binds(written, signedOn))
    return [notYetRequired("written-convention-clauses", written, signedOn as string, "la convention écrite")]
  if (!highest.greaterThan(written.amount)) {
    return [
      {
        rule: "written-convention-clauses",
        severity: "info",
        message: writtenConventionNotRequiredText(highest, written.amount),
        source: written.source
      }
    ]
  }
  const above = yearlyAmountAboveText(highest, written.amount)
  const findings = missingClauses(
    resolved,
    ["objet", "montant", "modalites-versement", "conditions-utilisation"],
    "written-convention-clauses",
    above,
    written.source
  )
  const control = threshold("control-and-unspent-clauses")
  if (binds(control, signedOn))
    findings.push(
      ...missingClauses(
        resolved,
        ["controle-evaluation", "conservation-excedent"],
        "control-and-unspent-clauses",
        above,
        control.source
      )
    )
  else
    findings.push(
      notYetRequired(
        "control-and-unspent-clauses",
        control,
        signedOn as string,
        "la mention des modalités de contrôle et d'évaluation et des conditions de conservation d'un excédent"
      )
    )
  const filing = threshold("prefecture-filing")
  // With a portfolio, the partner's total of public subsidies is tested instead (see partnerFindings).
  if (!partnerTotals && highest.greaterThan(filing.amount) && binds(filing, signedOn)) {
    findings.push({
      rule: "prefecture-filing",
      severity: "warning",
      message: aboveThresholdCheckText(filing.amount, filing.requirement),
      source: filing.source
    })
  }
  const openData = threshold("open-data-publication")
  if (highest.greaterThan(openData.amount)) {
    findings.push(
      !binds(openData, signedOn)
        ? notYetRequired(
            "open-data-publication",
            openData,
            signedOn as string,
            "la publication des données essentielles en données ouvertes"
          )
        : {
            rule: "open-data-publication",
            severity: "info",
            message: openDataDueText(openData.amount, signedOn === undefined ? undefined : addMonths(signedOn, 3)),
            source: openData.source
          }
    )
  }
  return findings
}

/**
 * The *contrat d'engagement républicain* of the partner (loi n° 2000-321, art. 10-1): required of
 * an association or a foundation for a subsidy requested from 1 January 2022. The request is
 * before the signature; without its date, the signature is taken: a convention signed from
 * 1 January 2022 is checked, and the message says what to do if the request was earlier.
 */
function republicanFindings(resolved: ResolvedConvention, partner: Partner | undefined): Array<ComplianceFinding> {
  const rule = "republican-commitment"
  const source = citation("republican-commitment")
  const signedOn = resolved.convention.signatureDate
  if (signedOn !== undefined && signedOn < REPUBLICAN_COMMITMENT_FROM) {
    return [
      {
        rule,
        severity: "info",
        message: republicanNotYetRequiredText(signedOn, REPUBLICAN_COMMITMENT_FROM),
        source
      }
    ]
  }
  if (partner === undefined) {
    return [
      {
        rule,
        severity: "warning",
        message: republicanPartnerMissingText(resolved.convention.partnerId),
        source,
        path: ["partnerId"]
      }
    ]
  }
  if (!REPUBLICAN_COMMITMENT_LEGAL_FORMS.has(partner.legalForm)) {
    return [
      {
        rule,
        severity: "info",
        message: republicanNotConcernedText(partner.legalForm),
        source
      }
    ]
  }
  const commitment = partner.republicanCommitment
  if (commitment === undefined) {
    return [
      {
        rule,
        severity: "error",
        message: republicanMissingText(partner.name, REPUBLICAN_COMMITMENT_FROM),
        source,
        path: ["partnerId"]
      }
    ]
  }
  const text = republicanCommitmentText(commitment)
  if (
    (commitment.basis ?? "souscription") === "souscription" &&
    signedOn !== undefined &&
    commitment.subscribedOn > signedOn
  ) {
    return [
      {
        rule,
        severity: "warning",
        message: republicanLateText(partner.name, text, signedOn),
        source,
        path: ["partnerId"]
      }
    ]
  }
  return [{ rule, severity: "info", message: republicanSubscribedText(partner.name, text), source }]
}

/** The partner given to the check, decoded, and the convention's partner. */
function checkedPartner(convention: Convention, options: unknown): Partner | undefined {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new InvalidArgumentError({ argument: "options", message: "expected an options object such as { partner }" })
  }
  const given = (options as { readonly partner?: unknown }).partner
  if (given === undefined) return undefined
  const decoded = safeParsePartner(given)
  if (!decoded.success)
    throw ValidationError.of(
      "compliance options",
      decoded.error.issues.map((issue) => ({ ...issue, path: ["partner", ...issue.path] }))
    )
  if (decoded.data.id !== convention.partnerId) {
    throw new InvalidArgumentError({
      argument: "options.partner",
      message: `the partner given is ${decoded.data.id}, not the convention's partner ${convention.partnerId}`
    })
  }
  return decoded.data
}

/**
 * The period the parties agreed on: the signed one as the amendments known extend or shorten it,
 * not cut by an early termination or a withdrawal (a three-year convention ended after twenty
 * months was still concluded for three years).
 */
function agreedPeriod(resolved: ResolvedConvention): Period {
  if (!resolved.terminated) return resolved.terms.period
  const { termination: _termination, withdrawal: _withdrawal, ...agreed } = resolved.convention
  return finalTermsOf({ ...agreed, amendments: resolved.amendments }).terms.period
}

function durationFindings(resolved: ResolvedConvention): Array<ComplianceFinding> {
  if (resolved.convention.kind !== "convention-pluriannuelle-objectifs") return []
  const period = agreedPeriod(resolved)
  const source = citation("multi-year-duration")
  // The duration is the one agreed; an early end is said, as the reader sees the period cut.
  const cut =
    resolved.terminated && resolved.terms.period.end < period.end
      ? earlyEndText(resolved.terms.period.end, resolved.convention.termination !== undefined)
      : ""
  if (period.end < addDays(addMonths(period.start, 24), -1)) {
    return [
      {
        rule: "multi-year-duration",
        severity: "error",
        message: durationTooShortText(period.start, period.end, cut),
        source,
        path: ["terms", "period"]
      }
    ]
  }
  if (period.end > addDays(addMonths(period.start, 48), -1)) {
    return [
      {
        rule: "multi-year-duration",
        severity: "warning",
        message: durationTooLongText(period.start, period.end, cut),
        source,
        path: ["terms", "period"]
      }
    ]
  }
  return [
    {
      rule: "multi-year-duration",
      severity: "info",
      message: durationWithinText(period.start, period.end, cut),
      source
    }
  ]
}

function amountFindings(resolved: ResolvedConvention): Array<ComplianceFinding> {
  const terms = resolved.terms
  const amounts = terms.amounts
  if (amounts === undefined) return []
  const findings: Array<ComplianceFinding> = []
  const source = citation("convention-amounts")
  if (amounts.kind === "per-year") {
    const years = periodYears(terms.period)
    for (const year of years) {
      if (amounts.byYear[String(year)] === undefined) {
        findings.push({
          rule: "years-in-period",
          severity: "error",
          message: yearWithoutAmountText(year),
          source,
          path: ["terms", "amounts", "byYear"]
        })
      }
    }
    for (const year of Object.keys(amounts.byYear)) {
      if (!years.includes(Number(year))) {
        findings.push({
          rule: "years-in-period",
          severity: "error",
          message: amountOutsidePeriodText(year, terms.period.start, terms.period.end),
          source,
          path: ["terms", "amounts", "byYear", year]
        })
      }
    }
  }
  if (amounts.totalAmount !== undefined) {
    const sum = Euros.sum(resolved.years.map((year) => year.amount?.amount ?? Euros.zero))
    const changed = changedTotal(resolved, amounts.totalAmount, sum)
    findings.push(
      changed !== undefined
        ? { rule: "per-year-total", severity: "info", message: changed, source }
        : sum.equals(amounts.totalAmount)
          ? {
              rule: "per-year-total",
              severity: "info",
              message: perYearTotalText(sum, amounts.totalAmount),
              source
            }
          : {
              rule: "per-year-total",
              severity: "error",
              message: perYearTotalText(sum, amounts.totalAmount),
              source,
              path: ["terms", "amounts", "totalAmount"]
            }
    )
  }
  return findings
}

/** The changes of an amendment that can move the years' amounts. */
const AMOUNT_CHANGES: ReadonlySet<string> = new Set(["yearly-amount", "year-amount", "period-end"])

/**
 * The total the signed text states is the signed text's: when its per-year amounts add up to it
 * and only amendments, a termination or a withdrawal changed the years since, the new total is
 * told as information (no document states it again). Undefined otherwise.
 */
function changedTotal(resolved: ResolvedConvention, total: Euros, sum: Euros): string | undefined {
  const signed = resolved.convention.terms.amounts
  if (signed?.kind !== "per-year" || sum.equals(total)) return undefined
  const signedSum = Euros.sum(Object.values(signed.byYear))
  if (!signedSum.equals(total)) return undefined
  const amendments = resolved.amendments
    .filter((amendment) => amendment.changes.some((change) => AMOUNT_CHANGES.has(change.kind)))
    .map((amendment) => amendment.number)
  if (amendments.length === 0 && !resolved.terminated) return undefined
  return perYearTotalChangedText(signedSum, sum, {
    amendments,
    cut: resolved.withdrawn ? "withdrawal" : resolved.terminated ? "termination" : undefined
  })
}

function otherFindings(resolved: ResolvedConvention): Array<ComplianceFinding> {
  const terms = resolved.terms
  const findings: Array<ComplianceFinding> = []
  if (resolved.convention.signatureDate === undefined) {
    findings.push({
      rule: "signature",
      severity: "info",
      message: NOT_SIGNED_TEXT,
      source: citation("signature"),
      path: ["signatureDate"]
    })
  }
  if (terms.excludedSchemes.includes(terms.fundingScheme)) {
    findings.push({
      rule: "funding-scheme-exclusion",
      severity: "error",
      message: EXCLUDED_SCHEME_TEXT,
      source: citation("convention-text"),
      path: ["terms", "excludedSchemes"]
    })
  }
  if (
    (resolved.convention.kind === "convention-pluriannuelle-objectifs" ||
      resolved.convention.kind === "convention-objectifs-financement") &&
    terms.objectives.length === 0
  ) {
    findings.push({
      rule: "objectives-stated",
      severity: "warning",
      message: NO_OBJECTIVE_TEXT,
      source: citation("multi-year-duration"),
      path: ["terms", "objectives"]
    })
  }
  return findings
}

/**
 * Checks that a convention is well-formed and lawful, and says so in French, rule by rule:
 * - above **23 000 € a year**, a written convention stating its object, amount, payment terms and
 *   conditions of use (loi n° 2000-321, art. 10; décret n° 2001-495), and, for conventions signed
 *   from 3 July 2021, its control and evaluation terms and the conditions for keeping an
 *   unspent part (loi n° 2021-875 du 1er juillet 2021, art. 1); for conventions signed from
 *   1 August 2017, publication as open data within three months of the signature (décret
 *   n° 2017-779); each rule reads the `from` day of its row in {@link LEGAL_THRESHOLDS};
 * - the partner's *contrat d'engagement républicain* (loi n° 2000-321, art. 10-1; décret
 *   n° 2021-1947): with `options.partner`, an association or a foundation without one is an
 *   error for a convention signed from 1 January 2022; without the partner, a warning to verify;
 * - above **153 000 € a year**, filing at the préfecture and audited accounts (a warning to verify);
 *   with `options.portfolio`, that threshold is tested on the partner's total of public subsidies
 *   of each year, every convention and public co-funder added up (see {@link partnerPublicFunding});
 * - each forecast budget of the convention (see {@link checkBudgets}): the Caf's share within its
 *   cap, the funding not above the cost, the Caf's line against the convention's amount;
 * - a multi-year objectives convention lasts **at least two years**, and more than **four** goes
 *   against the 2015 circulaire's recommendation;
 * - per-year amounts cover every year of the period and no other, and add up to the stated total;
 * - a convention of objectives states objectives; the funding scheme is not one it excludes;
 *   a draft is reported as such.
 *
 * The check reads the convention's final terms (every amendment applied, period cut at a
 * termination). Two options narrow what it reads, as a yearly review does:
 * - `knownOn`: the convention as known that day (see {@link resolveConvention}): an amendment
 *   signed later, or a termination decided later, is not read;
 * - `year`: the thresholds are judged on the highest yearly amount stated by the terms in force
 *   **during that year** (the yearly amount before proration, or that year's per-year amount),
 *   not on a later amendment's; with a portfolio, the partner's public subsidies are those of
 *   that year only.
 *
 * Findings come in a stable order; `error` ones block, the others inform. The convention is
 * checked at the door: JSON is decoded, anything else throws a {@link ValidationError} with
 * paths, and so does a `knownOn` that is not a day or a `year` that is not a year.
 *
 * @example
 * ```ts
 * import { checkCompliance, type Convention, type Partner } from "caf-conventions"
 * declare const convention: Convention, fase: Partner // the founding CPO (30 000 € a year, 2023–2025) and its partner
 * checkCompliance(convention, { partner: fase }).filter((f) => f.severity === "error") //=> []
 * // As the yearly review of 2024 reads it, on 30/06/2025: the terms of 2024, as known that day
 * checkCompliance(convention, { partner: fase, year: 2024, knownOn: "2025-06-30" }).length > 0 //=> true
 * ```
 * @category compliance
 */
export function checkCompliance(input: Convention, options: ComplianceOptions = {}): ReadonlyArray<ComplianceFinding> {
  const convention = checkedConvention(input)
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new InvalidArgumentError({
      argument: "options",
      message: "expected an options object such as { partner } or { portfolio }"
    })
  }
  const portfolio = options.portfolio
  if (
    portfolio !== undefined &&
    (portfolio === null || typeof portfolio !== "object" || !Array.isArray(portfolio.conventions))
  ) {
    throw new InvalidArgumentError({
      argument: "portfolio",
      message: "expected a portfolio, { conventions, partners } (see parsePortfolio)"
    })
  }
  // The partner given, or else the convention's partner in the portfolio given.
  const fromPortfolio =
    options.partner === undefined && Array.isArray(portfolio?.partners)
      ? portfolio.partners.find((known) => known?.id === convention.partnerId)
      : undefined
  const partner = checkedPartner(convention, fromPortfolio === undefined ? options : { partner: fromPortfolio })
  const { year, knownOn } = checkedScope(options)
  const resolved = resolveConvention(convention, knownOn === undefined ? {} : { knownOn })
  const budgets = checkBudgets(convention).flatMap((check) => check.findings)
  const partnerTotals =
    portfolio === undefined
      ? []
      : partnerFindings(
          resolved,
          checkedConventions(portfolio.conventions, "portfolio.conventions"),
          portfolio.partners ?? [],
          year
        )
  return frozenResult(
    [
      ...otherFindings(resolved),
      ...thresholdFindings(resolved, portfolio !== undefined, year),
      ...partnerTotals,
      ...budgets,
      ...republicanFindings(resolved, partner),
      ...durationFindings(resolved),
      ...amountFindings(resolved)
    ],
    input,
    portfolio
  )
}

/**
 * Options of {@link checkCompliance}: the convention's partner, so that its *contrat
 * d'engagement républicain* can be checked (its `id` must be the convention's `partnerId`); and
 * the portfolio the convention belongs to, so that the 153 000 € threshold is tested on all the
 * public subsidies its partner receives each year (see {@link partnerPublicFunding}) rather than
 * on this convention's amount alone. Without `partner`, the convention's partner is taken from
 * the portfolio's partners when it is there.
 *
 * @example
 * ```ts
 * import type { ComplianceOptions, Partner, Portfolio } from "caf-conventions"
 * declare const fase: Partner, portfolio: Portfolio
 * const options: ComplianceOptions = { partner: fase, portfolio }
 * ```
 * @category compliance
 */
export interface ComplianceOptions {
  /** The convention's partner (decoded, or its JSON). */
  readonly partner?: Partner
  /** The partners and conventions of the Caf (the convention itself is added when missing). */
  readonly portfolio?: { readonly conventions: ReadonlyArray<Convention>; readonly partners?: ReadonlyArray<Partner> }
  /**
   * One year: the thresholds judged on the terms in force during it, the partner's public
   * subsidies of that year only (what the yearly review of that year shows).
   */
  readonly year?: number
  /** The day the convention is read as known: amendments signed and a termination decided later are not read. */
  readonly knownOn?: CalendarDate | string
}

/** The year and the day of knowledge of the options, checked. */
function checkedScope(options: ComplianceOptions): {
  readonly year: number | undefined
  readonly knownOn: CalendarDate | undefined
} {
  const year = options.year
  if (year !== undefined && (!Number.isInteger(year) || year < 1000 || year > 9999))
    throw ValidationError.of("compliance options", [
      { path: ["year"], message: `expected a year between 1000 and 9999, got ${describeValue(year)}` }
    ])
  return {
    year,
    knownOn: options.knownOn === undefined ? undefined : checkedDay(options.knownOn, "knownOn", "compliance options")
  }
}

/** The partner's public subsidies in each year of the convention (or in `year`), with the obligations they trigger. */
function partnerFindings(
  resolved: ResolvedConvention,
  conventions: ReadonlyArray<Convention>,
  partners: ReadonlyArray<Partner>,
  year: number | undefined
): Array<ComplianceFinding> {
  const convention = resolved.convention
  const all = conventions.some((other) => other.id === convention.id)
    ? conventions.map((other) => (other.id === convention.id ? convention : other))
    : [...conventions, convention]
  const years = year === undefined ? resolved.years.map((entry) => entry.year) : [year]
  return years.flatMap((each) =>
    partnerPublicFunding({ conventions: all, partners }, { year: each, partnerId: convention.partnerId }).flatMap(
      (row) => row.findings
    )
  )
}
