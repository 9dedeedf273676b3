/**
 * The French wording of the objectives evaluation: every sentence an objectives result or its
 * explanation holds is built here, from typed facts (codes, counts, dates, fractions), and
 * nowhere else. The evaluator decides; this module only says.
 *
 * @module
 * @internal
 */
import { type CalendarDate, daysInYear, formatFrenchDate } from "../calendar/date.js"
import type { Period } from "../calendar/period.js"
import { type Fraction, formatDecimal, formatFraction } from "../core/fraction.js"
import { agreed, counted } from "../core/plural.js"
import type { Target } from "../conventions/objective.js"
import {
  ACCOMPANIMENT_KIND_LABELS,
  type AccompanimentKind,
  FUNDING_SCHEME_LABELS,
  type FundingScheme,
  SECTOR_LABELS,
  SITUATION_LABELS,
  type Sector,
  type Situation
} from "../referential/codes.js"
import { ACTIVITY_KIND_LABELS, type ActivityKind } from "../referential/convention-codes.js"
import { departementText } from "../referential/departements.js"
import { EXCLUSION_REASON_LABELS } from "./labels.js"
import type { IndicatorFacts, IndicatorUnit, IndicatorValue, ObjectiveStatus } from "../objectives/facts.js"

/**
 * @internal Why a record does not count, as facts: `fact` names the case, the other fields are what the
 * sentence says. {@link exclusionDetail} writes it.
 */
export type ExclusionFact =
  | { readonly fact: "duplicate" }
  | { readonly fact: "year-not-covered"; readonly year: number }
  | { readonly fact: "outside-period"; readonly date: CalendarDate; readonly period: Period }
  | { readonly fact: "after-as-of"; readonly date: CalendarDate; readonly asOf: CalendarDate }
  | { readonly fact: "activity-kind-not-counted"; readonly kind: ActivityKind }
  | { readonly fact: "support-not-counted"; readonly support: AccompanimentKind }
  | { readonly fact: "sector-not-in-convention"; readonly sector: Sector }
  | { readonly fact: "sector-not-in-objective"; readonly sector: Sector | undefined }
  | { readonly fact: "scheme-excluded"; readonly scheme: FundingScheme }
  | { readonly fact: "other-convention"; readonly conventionId: string }
  | { readonly fact: "other-body"; readonly body: string | undefined; readonly bodies: ReadonlyArray<string> }
  | { readonly fact: "other-theme"; readonly theme: string | undefined }
  | { readonly fact: "no-duration" }
  | { readonly fact: "no-measure"; readonly field: string }
  | { readonly fact: "no-structure" }
  | { readonly fact: "situation-not-targeted"; readonly situations: ReadonlyArray<Situation> }
  | {
      readonly fact: "territory-not-targeted"
      readonly departements: ReadonlyArray<string>
      readonly targeted: ReadonlyArray<string>
    }
  | { readonly fact: "sector-unknown-for-eligibility" }
  | {
      readonly fact: "structure-not-eligible"
      readonly structure: string
      readonly support: AccompanimentKind
      readonly failed: ReadonlyArray<string>
    }

/** @internal The particulars of an exclusion, in French. */
export function exclusionDetail(fact: ExclusionFact): string {
  switch (fact.fact) {
    case "duplicate":
      return "copie identique d'un autre enregistrement, comptée une fois"
    case "year-not-covered":
      return `la convention ne s'applique pas en ${fact.year}`
    case "outside-period":
      return `daté du ${formatFrenchDate(fact.date)}, hors de la période ${formatFrenchDate(fact.period.start)} – ${formatFrenchDate(fact.period.end)}`
    case "after-as-of":
      return `daté du ${formatFrenchDate(fact.date)}, après le ${formatFrenchDate(fact.asOf)}`
    case "activity-kind-not-counted":
      return `${ACTIVITY_KIND_LABELS[fact.kind]} : type d'activité que l'indicateur ne compte pas`
    case "support-not-counted":
      return `${ACCOMPANIMENT_KIND_LABELS[fact.support]} : type d'accompagnement que l'indicateur ne compte pas`
    case "sector-not-in-convention":
      return `le secteur « ${SECTOR_LABELS[fact.sector]} » n'est pas couvert par la convention à cette date`
    case "sector-not-in-objective":
      return fact.sector === undefined
        ? "secteur non renseigné"
        : `le secteur « ${SECTOR_LABELS[fact.sector]} » n'est pas visé par l'objectif`
    case "scheme-excluded":
      return `financé par ${FUNDING_SCHEME_LABELS[fact.scheme]}, que la convention exclut`
    case "other-convention":
      return `déclaré au titre de la convention ${fact.conventionId}`
    case "other-body":
      return fact.body === undefined
        ? "instance non renseignée"
        : `instance ${fact.body}, l'objectif vise ${fact.bodies.join(", ")}`
    case "other-theme":
      return fact.theme === undefined ? "thème non renseigné" : `thème « ${fact.theme} »`
    case "no-duration":
      return "ni jours ni heures renseignés"
    case "no-measure":
      return `« ${fact.field} » non renseigné`
    case "no-structure":
      return "l'enregistrement ne nomme aucune structure"
    case "situation-not-targeted":
      return `${fact.situations.length > 1 ? "structures" : "structure"} ${fact.situations.map((situation) => SITUATION_LABELS[situation].toLowerCase()).join(", ")}`
    case "territory-not-targeted":
      return `${fact.departements.length > 1 ? "structures des départements" : "structure du département"} ${fact.departements.map(departementText).join(", ")}, l'indicateur vise ${fact.targeted.map(departementText).join(", ")}`
    case "sector-unknown-for-eligibility":
      return "secteur non renseigné : l'éligibilité des structures ne peut être vérifiée"
    case "structure-not-eligible":
      return `${fact.structure} (${ACCOMPANIMENT_KIND_LABELS[fact.support].toLowerCase()}) : ${fact.failed.join(", ")}`
  }
}

/** Where an objective stands, as its sentence ends: "objectif atteint". */
const STATUS_SENTENCE_ENDINGS: Readonly<Record<ObjectiveStatus, string>> = {
  met: "objectif atteint",
  "not-met": "objectif non atteint",
  "in-progress": "en cours",
  "not-started": "année non commencée",
  "not-applicable": "sans objet"
}

/**
 * @internal A value with its unit, in the singular below 2 (as French writes a quantity: "1,71
 * jour", "0,5 heure"), in the plural from 2 on: "45 familles".
 */
export function valuePhrase(unit: IndicatorUnit, value: Fraction): string {
  return `${formatFraction(value)} ${value.numerator / value.denominator < 2 ? unit.singular : unit.plural}`
}

/** @internal A fraction of 1 as a percentage with one decimal at most: "75 %". */
export function percentText(value: Fraction): string {
  return `${formatFraction({ numerator: value.numerator * 100, denominator: value.denominator }, 1)} %`
}

/** @internal A target: "au moins 40", "au plus 12", "entre 10 et 20". */
export function targetPhrase(target: Target): string {
  if (target.atLeast !== undefined && target.atMost !== undefined)
    return `entre ${formatDecimal(target.atLeast)} et ${formatDecimal(target.atMost)}`
  return target.atLeast !== undefined
    ? `au moins ${formatDecimal(target.atLeast)}`
    : `au plus ${formatDecimal(target.atMost as number)}`
}

/** @internal A target of a share, in percent: "au moins 60 %". */
export function sharePhrase(target: Target): string {
  const percent = (value: number) => `${formatDecimal(value * 100)} %`
  if (target.atLeast !== undefined && target.atMost !== undefined)
    return `entre ${percent(target.atLeast)} et ${percent(target.atMost)}`
  return target.atLeast !== undefined
    ? `au moins ${percent(target.atLeast)}`
    : `au plus ${percent(target.atMost as number)}`
}

/** @internal The indicator's value in French: "45 familles", or for a share "75 % (30 familles sur 40 familles)". */
export function indicatorValuePhrase(value: IndicatorValue): string {
  if (value.kind === "value") return valuePhrase(value.unit, value.value)
  return `${percentText(value.value)} (${valuePhrase(value.part.unit, value.part.value)} sur ${valuePhrase(value.whole.unit, value.whole.value)})`
}

/** @internal The labels of an objective's two explanation nodes. */
export const OBJECTIVE_NODE_LABELS = { indicator: "Indicateur", target: "Cible" } as const

/** @internal Where an objective's explanation says it comes from. */
export function objectiveSource(conventionId: string, objectiveId: string): string {
  return `Convention ${conventionId} : objectif « ${objectiveId} »`
}

/** @internal Where a year's (or a convention's) objectives explanation says it comes from. */
export function objectivesSource(conventionId: string): string {
  return `Convention ${conventionId} : objectifs`
}

/**
 * @internal The indicator's sentence, from an objective result's `indicatorFacts`: "12
 * enregistrements retenus ; écartés : autre type d'activité (3) → 45 familles." The explanation's
 * indicator line and the reports both write it with this function.
 */
export function indicatorSentence(facts: IndicatorFacts): string {
  const excludedText = facts.excluded
    .map(({ reason, count }) => `${EXCLUSION_REASON_LABELS[reason]} (${count})`)
    .join(", ")
  return `${counted(facts.counted, "enregistrement retenu", "enregistrements retenus")}${excludedText === "" ? "" : ` ; écartés : ${excludedText}`} → ${indicatorValuePhrase(facts.value)}.`
}

/**
 * A share of a year written in days, as the amounts are ("184/366", not the reduced "92/183"): the
 * share of a year is its days over the year's; a share that is not (none today) stays as it is.
 */
function daysOfYear(share: Fraction, year: number): string {
  const whole = daysInYear(year)
  const scale = whole / share.denominator
  return Number.isInteger(scale) ? `${share.numerator * scale}/${whole}` : `${share.numerator}/${share.denominator}`
}

/** @internal The target's sentence: "Cible 2024 : au moins 40 ; prorata 184/366 de l'année, soit au moins 20." */
export function targetSentence(facts: {
  readonly year: number
  readonly share: boolean
  readonly yearTarget: Target
  readonly proration?: { readonly share: Fraction; readonly target: Target }
}): string {
  const proration =
    facts.proration === undefined
      ? ""
      : ` ; prorata ${daysOfYear(facts.proration.share, facts.year)} de l'année, soit ${targetPhrase(facts.proration.target)}`
  return `Cible ${facts.year} : ${facts.share ? sharePhrase(facts.yearTarget) : targetPhrase(facts.yearTarget)}${proration}.`
}

/**
 * @internal An objective's sentence: "45 familles en 2024 pour une cible d'au moins 40 : objectif
 * atteint (113 %)."; for a year the convention does not cover, says so.
 */
export function objectiveSentence(facts: {
  readonly year: number
  readonly status: ObjectiveStatus
  readonly value: IndicatorValue
  readonly target: Target
  readonly ratio?: { readonly value: Fraction; readonly ofMaximum: boolean }
}): string {
  if (facts.status === "not-applicable") return `La convention ne s'applique pas en ${facts.year}.`
  const percent =
    facts.ratio === undefined
      ? ""
      : ` (${formatFraction({ numerator: facts.ratio.value.numerator * 100, denominator: facts.ratio.value.denominator }, 0)} %${facts.ratio.ofMaximum ? " du maximum" : ""})`
  return `${indicatorValuePhrase(facts.value)} en ${facts.year} ${forTargetPhrase(facts.value.kind === "share", facts.target)} : ${STATUS_SENTENCE_ENDINGS[facts.status]}${percent}.`
}

/**
 * @internal What a value is measured against, as an objective's sentence and the command line say
 * it: "pour une cible d'au moins 40", "pour une cible comprise entre 4 et 9".
 */
export function forTargetPhrase(share: boolean, target: Target): string {
  const phrase = share ? sharePhrase(target) : targetPhrase(target)
  return target.atLeast !== undefined && target.atMost !== undefined
    ? `pour une cible comprise ${phrase}`
    : `pour une cible d'${phrase}`
}

/** @internal The label of a year's objectives node: "Objectifs 2024". */
export function yearObjectivesLabel(year: number): string {
  return `Objectifs ${year}`
}

/**
 * @internal A year's sentence: "2 objectifs atteints sur 3 au 30 septembre 2024.", or that the
 * convention does not apply that year, or that the year has not started on `asOf`.
 */
export function yearSentence(
  facts:
    | { readonly case: "not-covered"; readonly year: number }
    | { readonly case: "not-started"; readonly year: number; readonly asOf: CalendarDate }
    | { readonly case: "evaluated"; readonly met: number; readonly objectives: number; readonly asOf?: CalendarDate }
): string {
  switch (facts.case) {
    case "not-covered":
      return `La convention ne s'applique pas en ${facts.year}.`
    case "not-started":
      return `L'année ${facts.year} n'a pas commencé au ${formatFrenchDate(facts.asOf)} : ses objectifs ne sont pas encore évalués.`
    case "evaluated":
      return `${facts.met} ${agreed(facts.met, "objectif atteint", "objectifs atteints")} sur ${facts.objectives}${facts.asOf === undefined ? "" : ` au ${formatFrenchDate(facts.asOf)}`}.`
  }
}

/** @internal The label of a convention's objectives node: "Objectifs de la convention cpo-2024". */
export function conventionObjectivesLabel(conventionId: string): string {
  return `Objectifs de la convention ${conventionId}`
}

function listOfYears(years: ReadonlyArray<number>): string {
  return years.length === 1 ? String(years[0]) : `${years.slice(0, -1).join(", ")} et ${years.at(-1)}`
}

/**
 * @internal The sentence over a convention's years: the objectives met every year that is over,
 * then the year in progress (with the objectives already met in it) and the years not started.
 */
export function synthesisSentence(facts: {
  /** The objectives. */
  readonly objectives: number
  /** The objectives not met at least one year. */
  readonly failed: number
  /** The years over on `asOf` (all the covered years without `asOf`). */
  readonly over: ReadonlyArray<number>
  /** The years in progress on `asOf`, with the number of objectives already met in each. */
  readonly current: ReadonlyArray<{ readonly year: number; readonly met: number }>
  /** The years not started on `asOf`. */
  readonly notStarted: ReadonlyArray<number>
  readonly asOf: CalendarDate | undefined
}): string {
  const count = facts.objectives
  const day = facts.asOf === undefined ? "" : ` au ${formatFrenchDate(facts.asOf)}`
  const rest = [
    ...facts.current.map(
      ({ year, met }) =>
        `en cours : ${year} (${met} ${agreed(met, "objectif", "objectifs")} sur ${count} déjà ${agreed(met, "atteint", "atteints")})`
    ),
    ...(facts.notStarted.length === 0
      ? []
      : [`pas encore commencée${facts.notStarted.length > 1 ? "s" : ""} : ${listOfYears(facts.notStarted)}`])
  ]
  const tail = rest.length === 0 ? "" : ` ; ${rest.join(" ; ")}`
  if (facts.over.length === 0) return `Aucune année terminée${day}${tail}.`
  const met = count - facts.failed
  return `${met} ${agreed(met, "objectif", "objectifs")} sur ${count} ${agreed(met, "atteint", "atteints")} chaque année terminée (${listOfYears(facts.over)})${day}${tail}.`
}

const STATUS_WORDS: Readonly<Record<ObjectiveStatus, string>> = {
  met: "atteint",
  "not-met": "non atteint",
  "in-progress": "en cours",
  "not-started": "année non commencée",
  "not-applicable": "sans objet"
}

/**
 * @internal One objective of a year, on one line of the command line: "Suivi coordonné : non
 * atteint, 2 structures distinctes pour une cible d'au moins 4 (3 enregistrements retenus, 24
 * écartés)"; a year not covered or not started has no value to give.
 */
export function objectiveLine(facts: {
  readonly title: string
  readonly status: ObjectiveStatus
  readonly value: IndicatorValue
  readonly target: Target
  readonly counted: number
  readonly excluded: number
}): string {
  const measured =
    facts.status === "not-applicable" || facts.status === "not-started"
      ? ""
      : `, ${indicatorValuePhrase(facts.value)} ${forTargetPhrase(facts.value.kind === "share", facts.target)}`
  return `${facts.title} : ${STATUS_WORDS[facts.status]}${measured} (${counted(facts.counted, "enregistrement retenu", "enregistrements retenus")}, ${counted(facts.excluded, "écarté", "écartés")})`
}

/**
 * @internal One objective across the years, on one line: "Suivi coordonné : atteint en 2023 et
 * 2024 ; non atteint en 2025".
 */
export function objectiveYearsLine(
  title: string,
  byYear: ReadonlyArray<{ readonly year: number; readonly status: ObjectiveStatus }>
): string {
  const parts = (Object.keys(STATUS_WORDS) as Array<ObjectiveStatus>).flatMap((status) => {
    const years = byYear.filter((entry) => entry.status === status).map((entry) => entry.year)
    return years.length === 0 ? [] : [`${STATUS_WORDS[status]} en ${listOfYears(years)}`]
  })
  return `${title} : ${parts.join(" ; ")}`
}

/**
 * @internal The facts of a year's sentence, from its evaluation's typed fields (for the
 * explanation, the command line and the reports alike): a renderer reads these, not the sentence.
 */
export function yearFacts(evaluation: {
  readonly year: number
  readonly asOf?: CalendarDate | undefined
  readonly period?: Period | undefined
  readonly results: ReadonlyArray<{ readonly status: ObjectiveStatus }>
}): Parameters<typeof yearSentence>[0] {
  const { year, asOf, period, results } = evaluation
  if (period === undefined) return { case: "not-covered", year }
  if (asOf !== undefined && asOf < period.start) return { case: "not-started", year, asOf }
  const met = results.filter((result) => result.status === "met").length
  return { case: "evaluated", met, objectives: results.length, ...(asOf === undefined ? {} : { asOf }) }
}

/** @internal The facts of the synthesis sentence: the years over, in progress and not started on `asOf`. */
export function synthesisFacts(
  years: ReadonlyArray<{
    readonly year: number
    readonly period?: Period | undefined
    readonly results: ReadonlyArray<{ readonly status: ObjectiveStatus }>
  }>,
  objectives: number,
  failed: number,
  asOf: CalendarDate | undefined
): Parameters<typeof synthesisSentence>[0] {
  const covered = years.filter((evaluation) => evaluation.period !== undefined)
  // A year whose last day is on or before asOf is over, as the objectives' statuses and the funding say.
  const over = covered.filter((evaluation) => asOf === undefined || asOf >= (evaluation.period?.end ?? asOf))
  const current = covered.filter(
    (evaluation) =>
      asOf !== undefined &&
      evaluation.period !== undefined &&
      asOf >= evaluation.period.start &&
      asOf < evaluation.period.end
  )
  const notStarted = covered.filter(
    (evaluation) => asOf !== undefined && evaluation.period !== undefined && asOf < evaluation.period.start
  )
  return {
    objectives,
    failed,
    over: over.map((evaluation) => evaluation.year),
    current: current.map((evaluation) => ({
      year: evaluation.year,
      met: evaluation.results.filter((result) => result.status === "met").length
    })),
    notStarted: notStarted.map((evaluation) => evaluation.year),
    asOf
  }
}

/**
 * @internal Why a record dated before its objective does not count: before the objective came into
 * force, or before the amendment that adds it from a day.
 */
export const beforeObjectiveText = (
  date: CalendarDate,
  added?: { readonly amendment: number; readonly from: CalendarDate }
): string =>
  added === undefined
    ? `daté du ${formatFrenchDate(date)}, avant l'entrée en vigueur de l'objectif`
    : `daté du ${formatFrenchDate(date)}, avant l'ajout de l'objectif par l'avenant n° ${added.amendment} à partir du ${formatFrenchDate(added.from)}`
