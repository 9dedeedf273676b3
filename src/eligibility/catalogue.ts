/**
 * The catalogue of eligibility rules, each with its French label and its source.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import type { Outcome } from "../core/explanation.js"
import type { LegalForm, Situation } from "../referential/codes.js"
import type { Candidate } from "./candidate.js"
import { REPUBLICAN_COMMITMENT_FROM, REPUBLICAN_COMMITMENT_LEGAL_FORMS } from "../partners/republican-commitment.js"
import { type EligibilityContext, type EligibilityRule, allOf, defineRule } from "./rule.js"
import { citation } from "../vocabulary/sources.js"
import {
  type OtherFunder,
  accompanimentText,
  RULE_SENTENCES,
  commitmentAfterText,
  commitmentSentence,
  doubleFundingText,
  inForceText,
  legalFormText,
  notInForceText,
  republicanNotConcernedRuleText,
  requestedBeforeCommitmentText,
  requestedWithoutCommitmentText,
  sectorText,
  supportedSituationText,
  territoryText
} from "../vocabulary/eligibility.js"

const verdict = (holds: boolean): Outcome => (holds ? "pass" : "fail")

/**
 * The convention is in force on the day asked about (signed, inside its period as amended, not
 * terminated).
 *
 * @example
 * ```ts
 * import { CONVENTION_IN_FORCE_RULE } from "caf-conventions"
 * CONVENTION_IN_FORCE_RULE.id //=> "convention-in-force"
 * ```
 * @category eligibility
 */
export const CONVENTION_IN_FORCE_RULE: EligibilityRule = defineRule({
  id: "convention-in-force",
  label: "Convention en vigueur",
  source: citation("convention-period"),
  evaluate: (_candidate, { convention, date, status, terms }) => {
    const read = { date, status, period: `${terms.period.start}..${terms.period.end}` }
    return status === "in-force"
      ? {
          outcome: "pass",
          read,
          sentence: inForceText(convention.id, date, terms.period.start, terms.period.end)
        }
      : {
          outcome: "fail",
          read,
          sentence: notInForceText(convention.id, date, status)
        }
  },
  compile: ({ status }) => {
    const outcome = verdict(status === "in-force")
    return () => outcome
  },
  cacheKey: () => ""
})

/**
 * The sector of the action is one the convention covers on that day.
 *
 * @example
 * ```ts
 * import { SECTOR_COVERED_RULE } from "caf-conventions"
 * SECTOR_COVERED_RULE.label //=> "Secteur couvert"
 * ```
 * @category eligibility
 */
export const SECTOR_COVERED_RULE: EligibilityRule = defineRule({
  id: "sector-covered",
  label: "Secteur couvert",
  source: citation("convention-sectors"),
  evaluate: (candidate, { terms }) => {
    const read = { sector: candidate.sector, covered: terms.sectors }
    const sentence = sectorText(candidate.sector, terms.sectors)
    return { outcome: verdict(terms.sectors.includes(candidate.sector)), read, sentence }
  },
  compile: ({ terms }) => {
    const covered = new Set<string>(terms.sectors)
    return (candidate) => verdict(covered.has(candidate.sector))
  },
  cacheKey: (candidate) => candidate.sector
})

/**
 * The kind of support asked for is one the convention funds on that day.
 *
 * @example
 * ```ts
 * import { ACCOMPANIMENT_COVERED_RULE } from "caf-conventions"
 * ACCOMPANIMENT_COVERED_RULE.id //=> "accompaniment-covered"
 * ```
 * @category eligibility
 */
export const ACCOMPANIMENT_COVERED_RULE: EligibilityRule = defineRule({
  id: "accompaniment-covered",
  label: "Type d'accompagnement prévu",
  source: citation("convention-accompaniment"),
  evaluate: (candidate, { terms }) => {
    const read = { accompanimentKind: candidate.accompanimentKind, covered: terms.accompanimentKinds }
    const sentence = accompanimentText(candidate.accompanimentKind, terms.accompanimentKinds)
    return { outcome: verdict(terms.accompanimentKinds.includes(candidate.accompanimentKind)), read, sentence }
  },
  compile: ({ terms }) => {
    const covered = new Set<string>(terms.accompanimentKinds)
    return (candidate) => verdict(covered.has(candidate.accompanimentKind))
  },
  cacheKey: (candidate) => candidate.accompanimentKind
})

const SUPPORTED_SITUATIONS: ReadonlySet<Situation> = new Set([
  "en-difficulte",
  "en-developpement",
  "en-difficulte-et-en-developpement"
])

/**
 * For individual support only: the structure is in difficulty, developing, or both. Does not
 * apply to other kinds of support.
 *
 * @example
 * ```ts
 * import { INDIVIDUAL_SUPPORT_SITUATION_RULE } from "caf-conventions"
 * INDIVIDUAL_SUPPORT_SITUATION_RULE.id //=> "individual-support-situation"
 * ```
 * @category eligibility
 */
export const INDIVIDUAL_SUPPORT_SITUATION_RULE: EligibilityRule = defineRule({
  id: "individual-support-situation",
  label: "Structure en difficulté ou en développement",
  source: citation("convention-individual-support"),
  evaluate: (candidate) => {
    const read = { accompanimentKind: candidate.accompanimentKind, situation: candidate.situation }
    if (candidate.accompanimentKind !== "individuel") {
      return {
        outcome: "not-applicable",
        read,
        sentence: RULE_SENTENCES.situationNotApplicable
      }
    }
    return SUPPORTED_SITUATIONS.has(candidate.situation)
      ? { outcome: "pass", read, sentence: supportedSituationText(candidate.situation) }
      : {
          outcome: "fail",
          read,
          sentence: RULE_SENTENCES.situationUnsupported
        }
  },
  compile: () => (candidate) =>
    candidate.accompanimentKind !== "individuel"
      ? "not-applicable"
      : verdict(SUPPORTED_SITUATIONS.has(candidate.situation)),
  cacheKey: (candidate) => `${candidate.accompanimentKind} ${candidate.situation}`
})

/**
 * The structure lies in one of the convention's départements.
 *
 * @example
 * ```ts
 * import { TERRITORY_RULE } from "caf-conventions"
 * TERRITORY_RULE.id //=> "territory"
 * ```
 * @category eligibility
 */
export const TERRITORY_RULE: EligibilityRule = defineRule({
  id: "territory",
  label: "Territoire de la convention",
  source: citation("convention-territory"),
  evaluate: (candidate, { terms }) => {
    const read = { departement: candidate.departement, territory: terms.territory }
    const sentence = territoryText(candidate.departement, terms.territory)
    return { outcome: verdict(terms.territory.includes(candidate.departement)), read, sentence }
  },
  compile: ({ terms }) => {
    const territory = new Set<string>(terms.territory)
    return (candidate) => verdict(territory.has(candidate.departement))
  },
  cacheKey: (candidate) => candidate.departement
})

/**
 * The legal forms of the *économie sociale et solidaire* (loi n° 2014-856, art. 1): associations,
 * cooperatives (SCIC, SCOP), mutuals, foundations, and ESUS companies.
 *
 * @example
 * ```ts
 * import { ADMISSIBLE_LEGAL_FORMS } from "caf-conventions"
 * ADMISSIBLE_LEGAL_FORMS.has("collectivite") //=> false
 * ```
 * @category eligibility
 */
export const ADMISSIBLE_LEGAL_FORMS: ReadonlySet<LegalForm> = new Set([
  "association-loi-1901",
  "scic",
  "scop",
  "fondation",
  "mutuelle",
  "entreprise-esus"
])

/**
 * The structure has an admissible legal form: an association or another structure of the
 * *économie sociale et solidaire* (see {@link ADMISSIBLE_LEGAL_FORMS}).
 *
 * @example
 * ```ts
 * import { LEGAL_FORM_RULE } from "caf-conventions"
 * LEGAL_FORM_RULE.source //=> "loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire, art. 1"
 * ```
 * @category eligibility
 */
export const LEGAL_FORM_RULE: EligibilityRule = defineRule({
  id: "legal-form",
  label: "Forme juridique admissible",
  source: citation("ess-legal-forms"),
  evaluate: (candidate) => {
    const read = { legalForm: candidate.legalForm }
    const admissible = ADMISSIBLE_LEGAL_FORMS.has(candidate.legalForm)
    return { outcome: verdict(admissible), read, sentence: legalFormText(candidate.legalForm, admissible) }
  },
  compile: () => (candidate) => verdict(ADMISSIBLE_LEGAL_FORMS.has(candidate.legalForm)),
  cacheKey: (candidate) => candidate.legalForm
})

/**
 * An optional rule for schemes reserved to structures that employ staff, such as the DLA
 * (*dispositif local d'accompagnement*, loi n° 2014-856, art. 61). Not in the default tree: add
 * it with {@link withRule}. An unknown employer status fails, saying it is unknown.
 *
 * @example
 * ```ts
 * import { DEFAULT_ELIGIBILITY_RULES, EMPLOYER_STRUCTURE_RULE, withRule } from "caf-conventions"
 * const dlaRules = withRule(DEFAULT_ELIGIBILITY_RULES, EMPLOYER_STRUCTURE_RULE)
 * ```
 * @category eligibility
 */
export const EMPLOYER_STRUCTURE_RULE: EligibilityRule = defineRule({
  id: "employer-structure",
  label: "Structure employeuse",
  source: citation("local-support-scheme"),
  evaluate: (candidate) => {
    const read = { employer: candidate.employer }
    if (candidate.employer === undefined) return { outcome: "fail", read, sentence: RULE_SENTENCES.employerUnknown }
    return candidate.employer
      ? { outcome: "pass", read, sentence: RULE_SENTENCES.employer }
      : {
          outcome: "fail",
          read,
          sentence: RULE_SENTENCES.notEmployer
        }
  },
  compile: () => (candidate) => verdict(candidate.employer === true),
  cacheKey: (candidate) => String(candidate.employer)
})

function republicanOutcome(
  candidate: Candidate,
  date: string
): { readonly outcome: Outcome; readonly requested: CalendarDate } {
  const requested = (candidate.subsidyRequestedOn ?? date) as CalendarDate
  if (!REPUBLICAN_COMMITMENT_LEGAL_FORMS.has(candidate.legalForm) || requested < REPUBLICAN_COMMITMENT_FROM)
    return { outcome: "not-applicable", requested }
  const commitment = candidate.republicanCommitment
  return { outcome: verdict(commitment !== undefined && commitment.subscribedOn <= date), requested }
}

/**
 * For a structure that asks for a subsidy (a call for projects, a Caf's own subsidy): an
 * association or a foundation requesting it on or after 1 January 2022 has subscribed the
 * *contrat d'engagement républicain* by the day asked about, or is deemed to meet the obligation
 * (agrément, recognition of public utility). The request is on `subsidyRequestedOn`, or the day
 * asked about when absent; other legal forms and earlier requests are not concerned. Not in the
 * default tree, whose candidates are structures the partner supports, not subsidy applicants: add
 * it with {@link withRule}.
 *
 * @example
 * ```ts
 * import { DEFAULT_ELIGIBILITY_RULES, REPUBLICAN_COMMITMENT_RULE, withRule } from "caf-conventions"
 * const callForProjects = withRule(DEFAULT_ELIGIBILITY_RULES, REPUBLICAN_COMMITMENT_RULE)
 * REPUBLICAN_COMMITMENT_RULE.id //=> "republican-commitment"
 * ```
 * @category eligibility
 */
export const REPUBLICAN_COMMITMENT_RULE: EligibilityRule = defineRule({
  id: "republican-commitment",
  label: "Contrat d'engagement républicain",
  source: citation("republican-commitment"),
  evaluate: (candidate, { date }) => {
    const { outcome, requested } = republicanOutcome(candidate, date)
    const commitment = candidate.republicanCommitment
    const read = {
      legalForm: candidate.legalForm,
      subsidyRequestedOn: requested,
      subscribedOn: commitment?.subscribedOn,
      basis: commitment?.basis ?? (commitment === undefined ? undefined : "souscription")
    }
    if (!REPUBLICAN_COMMITMENT_LEGAL_FORMS.has(candidate.legalForm))
      return { outcome, read, sentence: republicanNotConcernedRuleText(candidate.legalForm) }
    if (outcome === "not-applicable")
      return { outcome, read, sentence: requestedBeforeCommitmentText(requested, REPUBLICAN_COMMITMENT_FROM) }
    if (commitment === undefined) return { outcome, read, sentence: requestedWithoutCommitmentText(requested) }
    const facts = {
      subscribedOn: commitment.subscribedOn,
      basis: commitment.basis ?? "souscription",
      request: commitment.request
    }
    return outcome === "pass"
      ? { outcome, read, sentence: commitmentSentence(facts) }
      : { outcome, read, sentence: commitmentAfterText(commitment.subscribedOn, date) }
  },
  compile:
    ({ date }) =>
    (candidate) =>
      republicanOutcome(candidate, date).outcome
})

/**
 * The structure supported is not the convention's partner itself: the partner supports others.
 *
 * @example
 * ```ts
 * import { NOT_THE_PARTNER_RULE } from "caf-conventions"
 * NOT_THE_PARTNER_RULE.id //=> "not-the-partner"
 * ```
 * @category eligibility
 */
export const NOT_THE_PARTNER_RULE: EligibilityRule = defineRule({
  id: "not-the-partner",
  label: "Structure tierce",
  source: citation("convention-third-parties"),
  evaluate: (candidate, { convention }) => {
    const read = { structureId: candidate.structureId, partnerId: convention.partnerId }
    return candidate.structureId !== convention.partnerId
      ? { outcome: "pass", read, sentence: RULE_SENTENCES.thirdParty }
      : {
          outcome: "fail",
          read,
          sentence: RULE_SENTENCES.partnerItself
        }
  },
  compile:
    ({ convention }) =>
    (candidate) =>
      verdict(candidate.structureId !== convention.partnerId),
  cacheKey: (candidate) => candidate.structureId
})

/**
 * The FPT funding the convention's own budget records for the action in the exercise's year: a
 * budget whose `actionId` is the candidate's, with a funder of kind `caf-fpt`.
 */
function budgetFpt(
  candidate: Candidate,
  { convention, exercise }: EligibilityContext
): ReadonlyArray<Candidate["otherFunding"][number]> {
  const year = Number(exercise.start.slice(0, 4))
  const budget = convention.budgets?.find((entry) => entry.year === year && entry.actionId === candidate.id)
  return budget !== undefined && budget.funders.some((funder) => funder.kind === "caf-fpt") ? [{ scheme: "fpt" }] : []
}

function doubleFunding(candidate: Candidate, context: EligibilityContext) {
  const { convention, terms, exercise } = context
  const declared = candidate.otherFunding.filter(
    (funding) =>
      (terms.excludedSchemes.includes(funding.scheme) ||
        (funding.conventionId !== undefined && funding.conventionId !== convention.id)) &&
      // The periods are decoded or built by the library: compared directly, without the checks of
      // periodsOverlap at the door, once per candidate with other funding.
      (funding.period === undefined || (funding.period.start <= exercise.end && exercise.start <= funding.period.end))
  )
  if (
    convention.budgets === undefined ||
    !terms.excludedSchemes.includes("fpt") ||
    declared.some((funding) => funding.scheme === "fpt")
  )
    return declared
  return [...declared, ...budgetFpt(candidate, context)]
}

/**
 * No double funding: the same action must not already be funded, for the same exercise, by a
 * scheme the convention excludes (the founding convention excludes FPT) or by another
 * convention. Funding whose period does not meet the exercise of the day asked about does not count.
 * When the convention carries a forecast budget for the action (`budgets[].actionId` equal to the
 * candidate's id) in the exercise's year, an FPT line among its funders (`kind: "caf-fpt"`)
 * counts as FPT funding of the action, even if the candidate does not declare it.
 *
 * @example
 * ```ts
 * import { NO_DOUBLE_FUNDING_RULE } from "caf-conventions"
 * NO_DOUBLE_FUNDING_RULE.label //=> "Pas de double financement"
 * ```
 * @category eligibility
 */
export const NO_DOUBLE_FUNDING_RULE: EligibilityRule = defineRule({
  id: "no-double-funding",
  label: "Pas de double financement",
  source: citation("convention-no-double-funding"),
  evaluate: (candidate, context) => {
    const conflicts = doubleFunding(candidate, context)
    const read = {
      otherFunding: candidate.otherFunding,
      excludedSchemes: context.terms.excludedSchemes,
      exercise: context.exercise.start.slice(0, 4)
    }
    if (conflicts.length === 0) {
      return {
        outcome: "pass",
        read,
        sentence: RULE_SENTENCES.noDoubleFunding
      }
    }
    const funders = conflicts.map(
      (funding): OtherFunder =>
        funding.conventionId !== undefined && funding.conventionId !== context.convention.id
          ? { kind: "convention", conventionId: funding.conventionId }
          : { kind: "scheme", scheme: funding.scheme }
    )
    return { outcome: "fail", read, sentence: doubleFundingText(funders, read.exercise) }
  },
  compile: (context) =>
    context.convention.budgets === undefined
      ? (candidate) =>
          candidate.otherFunding.length === 0 ? "pass" : verdict(doubleFunding(candidate, context).length === 0)
      : (candidate) => verdict(doubleFunding(candidate, context).length === 0),
  // The convention's budgets may record FPT funding for one action: the action's id is part of the key.
  cacheKey: (candidate) =>
    `${candidate.otherFunding.length === 0 ? "none" : JSON.stringify(candidate.otherFunding)} ${candidate.id}`
})

/**
 * The default eligibility tree: all of the convention in force, the sector covered, the kind
 * of support provided for, the situation for individual support, the territory, the legal form,
 * a structure other than the partner, and no double funding.
 *
 * @example
 * ```ts
 * import { DEFAULT_ELIGIBILITY_RULES, ruleIds } from "caf-conventions"
 * ruleIds(DEFAULT_ELIGIBILITY_RULES).length //=> 8
 * ```
 * @category eligibility
 */
export const DEFAULT_ELIGIBILITY_RULES = allOf(
  [
    CONVENTION_IN_FORCE_RULE,
    SECTOR_COVERED_RULE,
    ACCOMPANIMENT_COVERED_RULE,
    INDIVIDUAL_SUPPORT_SITUATION_RULE,
    TERRITORY_RULE,
    LEGAL_FORM_RULE,
    NOT_THE_PARTNER_RULE,
    NO_DOUBLE_FUNDING_RULE
  ],
  "Éligibilité"
)
