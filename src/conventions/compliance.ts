/**
 * Is a convention well-formed and lawful? Findings, each with its severity, a French sentence and
 * its legal source.
 *
 * @module
 */
import { addDays, addMonths, formatFrenchDate } from "../calendar/date.js"
import { periodYears } from "../calendar/period.js"
import type { PathSegment, ValidationError } from "../core/errors.js"
import { Euros } from "../money/euros.js"
import { CLAUSE_LABELS, type Clause } from "../referential/convention-codes.js"
import type { Convention } from "./convention.js"
import { CONTROL_CLAUSES_FROM, LEGAL_THRESHOLDS, type LegalThreshold } from "./thresholds.js"
import { checkedConvention } from "./checked.js"
import { type ResolvedConvention, resolveConvention } from "./resolved.js"
import { frozenResult } from "../core/freeze.js"
import { InvalidArgumentError } from "../core/errors.js"
import { budgetChecks } from "../budget/check.js"
import { publicFundingOf } from "../budget/public-funding.js"
import type { Partner } from "../partners/partner.js"
import { checkedConventions } from "./checked.js"

/**
 * One finding of {@link checkCompliance}: `error` breaks a legal or internal rule, `warning`
 * needs a look (a recommendation not followed, an obligation to verify), `info` records a rule
 * that was checked and what it implies.
 *
 * @example
 * ```ts
 * import type { ComplianceFinding } from "caf-conventions"
 * const blocking = (findings: ReadonlyArray<ComplianceFinding>) => findings.filter((f) => f.severity === "error")
 * ```
 * @category compliance
 */
export interface ComplianceFinding {
  /** Stable id of the rule (`"written-convention-clauses"`…). */
  readonly rule: string
  /** How serious the finding is. */
  readonly severity: "error" | "warning" | "info"
  /** What was found, in French. */
  readonly message: string
  /** The legal text or the clause the rule rests on. */
  readonly source: string
  /** Where in the convention document the finding points, when it points somewhere. */
  readonly path?: ReadonlyArray<PathSegment>
}

const threshold = (id: LegalThreshold["id"]): LegalThreshold => LEGAL_THRESHOLDS.find((row) => row.id === id) as LegalThreshold

/** The highest yearly amount the text states (before any proration), or undefined if none. */
function highestYearlyAmount(resolved: ResolvedConvention): Euros | undefined {
  const amounts = resolved.timeline.flatMap((segment) => {
    const value = segment.terms.amounts
    if (value === undefined) return []
    return value.kind === "constant" ? [value.yearlyAmount] : Object.values(value.byYear)
  })
  return amounts.reduce<Euros | undefined>((max, amount) => (max === undefined ? amount : Euros.max(max, amount)), undefined)
}

function missingClauses(resolved: ResolvedConvention, required: ReadonlyArray<Clause>, rule: string, why: string, source: string): Array<ComplianceFinding> {
  const present = resolved.terms.clauses
  const missing = required.filter((clause) => !present.includes(clause))
  if (missing.length === 0) {
    return [{ rule, severity: "info", message: `${why} : les clauses requises sont présentes (${required.map((c) => CLAUSE_LABELS[c].toLowerCase()).join(", ")}).`, source }]
  }
  return missing.map((clause) => ({
    rule,
    severity: "error",
    message: `${why} : la clause « ${CLAUSE_LABELS[clause]} » manque au texte signé.`,
    source,
    path: ["terms", "clauses"]
  }))
}

function thresholdFindings(resolved: ResolvedConvention, partnerTotals: boolean): Array<ComplianceFinding> {
  const highest = highestYearlyAmount(resolved)
  if (highest === undefined) {
    return [
      {
        rule: "amounts-recorded",
        severity: "warning",
        message: "Le montant de la subvention n'est pas renseigné : les seuils légaux (23 000 € et 153 000 € par an) ne peuvent pas être vérifiés.",
        source: threshold("written-convention").source,
        path: ["terms", "amounts"]
      }
    ]
  }
  const written = threshold("written-convention")
  if (!highest.greaterThan(written.amount)) {
    return [
      {
        rule: "written-convention-clauses",
        severity: "info",
        message: `Montant annuel de ${highest.format()}, pas au-dessus de ${written.amount.format()} : la convention écrite n'est pas obligatoire.`,
        source: written.source
      }
    ]
  }
  const above = `Montant annuel de ${highest.format()}, au-dessus de ${written.amount.format()}`
  const findings = missingClauses(resolved, ["objet", "montant", "modalites-versement", "conditions-utilisation"], "written-convention-clauses", above, written.source)
  const signedOn = resolved.convention.signatureDate
  const since2021 = "loi n° 2000-321, art. 10, modifié par la loi n° 2021-875 du 24 août 2021"
  if (signedOn !== undefined && signedOn < CONTROL_CLAUSES_FROM) {
    findings.push({
      rule: "control-and-unspent-clauses",
      severity: "info",
      message: `Convention signée le ${formatFrenchDate(signedOn)}, avant le ${formatFrenchDate(CONTROL_CLAUSES_FROM)} : les clauses de contrôle, d'évaluation et de conservation d'un excédent n'étaient pas encore exigées.`,
      source: since2021
    })
  } else {
    findings.push(...missingClauses(resolved, ["controle-evaluation", "conservation-excedent"], "control-and-unspent-clauses", above, since2021))
  }
  const filing = threshold("prefecture-filing")
  // With a portfolio, the partner's total of public subsidies is tested instead (see partnerFindings).
  if (!partnerTotals && highest.greaterThan(filing.amount)) {
    findings.push({
      rule: "prefecture-filing",
      severity: "warning",
      message: `Montant annuel au-dessus de ${filing.amount.format()} : vérifier ${filing.requirement}.`,
      source: filing.source
    })
  }
  const openData = threshold("open-data-publication")
  findings.push({
    rule: "open-data-publication",
    severity: "info",
    message: `Montant annuel au-dessus de ${openData.amount.format()} : ${openData.requirement} est due.`,
    source: openData.source
  })
  return findings
}

function durationFindings(resolved: ResolvedConvention): Array<ComplianceFinding> {
  if (resolved.convention.kind !== "convention-pluriannuelle-objectifs") return []
  const { period } = resolved.terms
  const source = "circulaire n° 5811/SG du 29 septembre 2015"
  if (period.end < addDays(addMonths(period.start, 24), -1)) {
    return [
      {
        rule: "multi-year-duration",
        severity: "error",
        message: `Une convention pluriannuelle d'objectifs dure au moins deux ans ; celle-ci va du ${formatFrenchDate(period.start)} au ${formatFrenchDate(period.end)}.`,
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
        message: `La convention va du ${formatFrenchDate(period.start)} au ${formatFrenchDate(period.end)}, plus de quatre ans : la circulaire recommande une durée d'au plus quatre ans.`,
        source,
        path: ["terms", "period"]
      }
    ]
  }
  return [{ rule: "multi-year-duration", severity: "info", message: `Durée du ${formatFrenchDate(period.start)} au ${formatFrenchDate(period.end)} : entre deux et quatre ans, comme recommandé.`, source }]
}

function amountFindings(resolved: ResolvedConvention): Array<ComplianceFinding> {
  const terms = resolved.terms
  const amounts = terms.amounts
  if (amounts === undefined) return []
  const findings: Array<ComplianceFinding> = []
  const source = "texte de la convention (montants par exercice)"
  if (amounts.kind === "per-year") {
    const years = periodYears(terms.period)
    for (const year of years) {
      if (amounts.byYear[String(year)] === undefined) {
        findings.push({ rule: "years-in-period", severity: "error", message: `Aucun montant n'est prévu pour l'exercice ${year}, compris dans la période.`, source, path: ["terms", "amounts", "byYear"] })
      }
    }
    for (const year of Object.keys(amounts.byYear)) {
      if (!years.includes(Number(year))) {
        findings.push({ rule: "years-in-period", severity: "error", message: `Un montant est prévu pour ${year}, hors de la période du ${formatFrenchDate(terms.period.start)} au ${formatFrenchDate(terms.period.end)}.`, source, path: ["terms", "amounts", "byYear", year] })
      }
    }
  }
  if (amounts.totalAmount !== undefined) {
    const sum = Euros.sum(resolved.years.map((year) => year.amount?.amount ?? Euros.zero))
    findings.push(
      sum.equals(amounts.totalAmount)
        ? { rule: "per-year-total", severity: "info", message: `Les montants par exercice totalisent ${sum.format()}, le montant total prévu.`, source }
        : {
            rule: "per-year-total",
            severity: "error",
            message: `Les montants par exercice totalisent ${sum.format()}, mais le montant total prévu est de ${amounts.totalAmount.format()}.`,
            source,
            path: ["terms", "amounts", "totalAmount"]
          }
    )
  }
  return findings
}

function otherFindings(resolved: ResolvedConvention): Array<ComplianceFinding> {
  const terms = resolved.terms
  const findings: Array<ComplianceFinding> = []
  if (resolved.convention.signatureDate === undefined) {
    findings.push({ rule: "signature", severity: "info", message: "Projet de convention : il n'est pas encore signé.", source: "loi n° 2000-321, art. 10", path: ["signatureDate"] })
  }
  if (terms.excludedSchemes.includes(terms.fundingScheme)) {
    findings.push({
      rule: "funding-scheme-exclusion",
      severity: "error",
      message: "Le dispositif qui finance la convention figure parmi les financements exclus.",
      source: "texte de la convention",
      path: ["terms", "excludedSchemes"]
    })
  }
  if ((resolved.convention.kind === "convention-pluriannuelle-objectifs" || resolved.convention.kind === "convention-objectifs-financement") && terms.objectives.length === 0) {
    findings.push({
      rule: "objectives-stated",
      severity: "warning",
      message: "Une convention d'objectifs sans objectif : rien ne pourra être évalué.",
      source: "circulaire n° 5811/SG du 29 septembre 2015",
      path: ["terms", "objectives"]
    })
  }
  return findings
}

/**
 * Checks that a convention is well-formed and lawful, and says so in French, rule by rule:
 * - above **23 000 € a year**, a written convention stating its object, amount, payment terms and
 *   conditions of use (loi n° 2000-321, art. 10; décret n° 2001-495), and, for conventions signed
 *   from 26 August 2021, its control and evaluation terms and the conditions for keeping an
 *   unspent part (loi n° 2021-875); publication as open data (décret n° 2017-779);
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
 * termination). Findings come in a stable order; `error` ones block, the others inform. The
 * convention is checked at the door: JSON is decoded, anything else throws a
 * {@link ValidationError} with paths.
 *
 * @example
 * ```ts
 * import { checkCompliance, type Convention } from "caf-conventions"
 * declare const convention: Convention // the founding CPO: 30 000 € a year, 2023–2025
 * checkCompliance(convention).filter((f) => f.severity === "error") //=> []
 * ```
 * @category compliance
 */
export function checkCompliance(input: Convention, options: ComplianceOptions = {}): ReadonlyArray<ComplianceFinding> {
  const resolved = resolveConvention(checkedConvention(input))
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new InvalidArgumentError({ argument: "options", message: "expected an options object such as { portfolio }" })
  }
  const portfolio = options.portfolio
  if (portfolio !== undefined && (portfolio === null || typeof portfolio !== "object" || !Array.isArray(portfolio.conventions))) {
    throw new InvalidArgumentError({ argument: "portfolio", message: "expected a portfolio, { conventions, partners } (see parsePortfolio)" })
  }
  const budgets = budgetChecks(resolved).flatMap((check) => check.findings)
  const partner = portfolio === undefined ? [] : partnerFindings(resolved, checkedConventions(portfolio.conventions, "portfolio.conventions"), portfolio.partners ?? [])
  return frozenResult([...otherFindings(resolved), ...thresholdFindings(resolved, portfolio !== undefined), ...partner, ...budgets, ...durationFindings(resolved), ...amountFindings(resolved)], input, portfolio)
}

/**
 * Options of {@link checkCompliance}: the portfolio the convention belongs to, so that the
 * 153 000 € threshold is tested on all the public subsidies its partner receives each year (see
 * {@link partnerPublicFunding}) rather than on this convention's amount alone.
 *
 * @example
 * ```ts
 * import type { ComplianceOptions, Portfolio } from "caf-conventions"
 * declare const portfolio: Portfolio
 * const options: ComplianceOptions = { portfolio }
 * ```
 * @category compliance
 */
export interface ComplianceOptions {
  /** The partners and conventions of the Caf (the convention itself is added when missing). */
  readonly portfolio?: { readonly conventions: ReadonlyArray<Convention>; readonly partners?: ReadonlyArray<Partner> }
}

/** The partner's public subsidies in each year of the convention, with the obligations they trigger. */
function partnerFindings(resolved: ResolvedConvention, conventions: ReadonlyArray<Convention>, partners: ReadonlyArray<Partner>): Array<ComplianceFinding> {
  const convention = resolved.convention
  const all = conventions.some((other) => other.id === convention.id) ? conventions.map((other) => (other.id === convention.id ? convention : other)) : [...conventions, convention]
  return resolved.years.flatMap((entry) => publicFundingOf(all, partners, entry.year, convention.partnerId).flatMap((row) => row.findings))
}
