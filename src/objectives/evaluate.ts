/**
 * Were the objectives met in year N? Indicators computed from activity records, against the
 * year's targets, with every record either counted or excluded with its reason.
 *
 * @module
 */
import { type CalendarDate, daysInYear, formatFrenchDate } from "../calendar/date.js"
import { type Period, calendarYear, periodDays, periodIntersection, periodPartInYear } from "../calendar/period.js"
import type { ExplanationNode, Outcome } from "../core/explanation.js"
import { ValidationError } from "../core/errors.js"
import { frozenResult } from "../core/freeze.js"
import { agreed, counted } from "../core/plural.js"
import {
  type Fraction,
  type Rational,
  compareRational,
  divideRational,
  formatDecimal,
  formatFraction,
  multiplyRational,
  rational,
  rationalOf,
  roundRational,
  toFraction
} from "../core/fraction.js"
import type { Convention } from "../conventions/convention.js"
import {
  type AggregateIndicator,
  type BaseIndicator,
  type Indicator,
  type Objective,
  type Target,
  targetForYear
} from "../conventions/objective.js"
import { ratioReference } from "./ratio.js"
import { indicatorDefinition } from "./indicator.js"
import {
  type ResolvedConvention,
  checkedConvention,
  resolveConvention,
  termsInForceOn
} from "../conventions/resolved.js"
import { DEFAULT_ELIGIBILITY_RULES } from "../eligibility/catalogue.js"
import { type RuleTree, compileTree } from "../eligibility/rule.js"
import type { Activity } from "./activity.js"
import { EXCLUSION_REASON_LABELS, type ExcludedRecord } from "./exclusion.js"
import { type Measure, type Stretch, measure } from "./measure.js"
import { checkedYearOptions } from "../core/options.js"
import { uniqueRecords } from "./records.js"

/**
 * Options of an objectives evaluation: the year; `asOf`, the day the evaluation is made (records
 * dated after it are left out, and a target not yet reached is `in-progress` while the year is
 * not over); the eligibility rules that decide which structures count (the default tree unless
 * given).
 *
 * @example
 * ```ts
 * import type { ObjectivesOptions } from "caf-conventions"
 * const options: ObjectivesOptions = { year: 2024, asOf: "2024-09-30" }
 * ```
 * @category objectives
 */
export interface ObjectivesOptions {
  /** The calendar year evaluated. */
  readonly year: number
  /** The day the evaluation is made; the whole year when absent. */
  readonly asOf?: CalendarDate | string
  /** Eligibility rules for structures; {@link DEFAULT_ELIGIBILITY_RULES} when absent. */
  readonly rules?: RuleTree
}

/**
 * Where an objective stands for the year: `met`, `not-met`, `in-progress` (the year is not over on
 * `asOf` and the target may still be reached), or `not-applicable` (the convention does not
 * apply that year).
 *
 * @example
 * ```ts
 * import type { ObjectiveStatus } from "caf-conventions"
 * const status: ObjectiveStatus = "in-progress"
 * ```
 * @category objectives
 */
export type ObjectiveStatus = "met" | "not-met" | "in-progress" | "not-started" | "not-applicable"

/**
 * One objective for one year: the value, the target, the status, the exact achievement ratio,
 * which records counted, which did not and why, and the explanation.
 *
 * @example
 * ```ts
 * import { evaluateObjectives, type Activity, type Convention, type ObjectiveResult } from "caf-conventions"
 * declare const convention: Convention, activities: ReadonlyArray<Activity>
 * const [first]: ReadonlyArray<ObjectiveResult> = evaluateObjectives(convention, activities, { year: 2024 }).results
 * ```
 * @category objectives
 */
export interface ObjectiveResult {
  /** The objective's id. */
  readonly objectiveId: string
  /** Its French title. */
  readonly title: string
  /** What its indicator counts. */
  readonly indicator: Indicator["kind"]
  /** Where it stands. */
  readonly status: ObjectiveStatus
  /** For a share: its part and its whole, exactly (the value is their quotient). */
  readonly share?: { readonly part: Fraction; readonly whole: Fraction }
  /** The indicator's value, exact (a count has denominator 1; days may be fractions; a share is a fraction of 1). */
  readonly value: Fraction
  /** The target the value is compared with: the year's, prorated for a partial year. */
  readonly target: Target
  /** The year's target as the convention states it, before any proration. */
  readonly yearTarget: Target
  /** The share of the year the convention covers, when the target was prorated. */
  readonly proration?: Fraction
  /** value / target (the minimum when there is one, otherwise the maximum); absent for a zero target. */
  readonly ratio?: Fraction
  /** Ids of the records that counted, sorted. */
  readonly counted: ReadonlyArray<string>
  /** For a count of structures: the structures that counted, sorted. */
  readonly structures: ReadonlyArray<string>
  /** Every record that did not count, with the reason, sorted by id. */
  readonly excluded: ReadonlyArray<ExcludedRecord>
  /** The explanation, in French. */
  readonly explanation: ExplanationNode
}

/**
 * The evaluation of a convention's objectives for one year.
 *
 * @example
 * ```ts
 * import { evaluateObjectives, type Activity, type Convention, type ObjectivesEvaluation } from "caf-conventions"
 * declare const convention: Convention, activities: ReadonlyArray<Activity>
 * const evaluation: ObjectivesEvaluation = evaluateObjectives(convention, activities, { year: 2024 })
 * evaluation.results.filter((r) => r.status === "met").length
 * ```
 * @category objectives
 */
export interface ObjectivesEvaluation {
  /** The convention evaluated. */
  readonly conventionId: string
  /** The year. */
  readonly year: number
  /** The day of the evaluation, when given. */
  readonly asOf?: CalendarDate
  /** The part of the year the convention applies to; absent when it does not apply that year. */
  readonly period?: Period
  /** Number of records given, and number after removing identical copies. */
  readonly records: { readonly given: number; readonly unique: number }
  /** One result per objective, in the convention's order. */
  readonly results: ReadonlyArray<ObjectiveResult>
  /** The explanation of the whole year. */
  readonly explanation: ExplanationNode
}

const STATUS_FR: Record<ObjectiveStatus, string> = {
  met: "objectif atteint",
  "not-met": "objectif non atteint",
  "in-progress": "en cours",
  "not-started": "année non commencée",
  "not-applicable": "sans objet"
}
const OUTCOME: Record<ObjectiveStatus, Outcome> = {
  met: "pass",
  "not-met": "fail",
  "in-progress": "not-applicable",
  "not-started": "not-applicable",
  "not-applicable": "not-applicable"
}

function valuePhrase(unit: { readonly singular: string; readonly plural: string }, value: Fraction): string {
  return `${formatFraction(value)} ${value.numerator / value.denominator <= 1 ? unit.singular : unit.plural}`
}

function targetPhrase(target: Target): string {
  if (target.atLeast !== undefined && target.atMost !== undefined)
    return `entre ${formatDecimal(target.atLeast)} et ${formatDecimal(target.atMost)}`
  return target.atLeast !== undefined
    ? `au moins ${formatDecimal(target.atLeast)}`
    : `au plus ${formatDecimal(target.atMost as number)}`
}

/** A target of a share, in percent: "au moins 60 %". */
function sharePhrase(target: Target): string {
  const percent = (value: number) => `${formatDecimal(value * 100)} %`
  if (target.atLeast !== undefined && target.atMost !== undefined)
    return `entre ${percent(target.atLeast)} et ${percent(target.atMost)}`
  return target.atLeast !== undefined
    ? `au moins ${percent(target.atLeast)}`
    : `au plus ${percent(target.atMost as number)}`
}

function checkedOptions(options: ObjectivesOptions): {
  readonly year: number
  readonly asOf: CalendarDate | undefined
} {
  const { year, dates } = checkedYearOptions("objectives options", options, ["asOf"])
  if (options.rules !== undefined && (options.rules === null || typeof options.rules !== "object")) {
    throw ValidationError.of("objectives options", [
      { path: ["rules"], message: "expected a rule tree (see defineRule, allOf, anyOf, not)" }
    ])
  }
  return { year, asOf: dates.asOf }
}

function stretchesOf(
  convention: Convention,
  resolved: ResolvedConvention,
  part: Period,
  year: number,
  rules: RuleTree
): ReadonlyArray<Stretch> {
  return resolved.timeline.flatMap((segment): Array<Stretch> => {
    const period = periodIntersection(segment.period, part)
    if (period === undefined) return []
    // A record inside the convention's effective period is made while the convention applies.
    const context = {
      convention,
      date: period.start,
      terms: segment.terms,
      status: "in-force" as const,
      exercise: calendarYear(year)
    }
    return [{ period, terms: segment.terms, context, verdict: compileTree(rules, context) }]
  })
}

function proratedTarget(objective: Objective, target: Target, share: Rational): Target {
  const scale = (value: number | undefined) =>
    value === undefined
      ? undefined
      : Number(roundRational(multiplyRational(rationalOf(value), share), objective.partialYear.rounding))
  const atLeast = scale(target.atLeast)
  const atMost = scale(target.atMost)
  return { ...(atLeast === undefined ? {} : { atLeast }), ...(atMost === undefined ? {} : { atMost }) }
}

function statusOf(value: Rational, target: Target, inProgress: boolean): ObjectiveStatus {
  const atLeastOk = target.atLeast === undefined || compareRational(value, rationalOf(target.atLeast)) >= 0
  const atMostOk = target.atMost === undefined || compareRational(value, rationalOf(target.atMost)) <= 0
  if (atLeastOk && atMostOk) return "met"
  return inProgress && atMostOk ? "in-progress" : "not-met"
}

/**
 * Measures an objective's indicator: a share measures its part and its whole, and is their exact
 * quotient (0 for a whole of zero); the records counted and excluded are the whole's.
 */
function measureObjective(
  indicator: Indicator,
  measureOne: (definition: AggregateIndicator) => Measure
): Measure & { readonly share?: { readonly part: Rational; readonly whole: Rational } } {
  if (indicator.kind !== "share") return measureOne(indicatorDefinition(indicator))
  const part = measureOne(indicatorDefinition(indicator.part))
  const whole = measureOne(indicatorDefinition(indicator.whole))
  const value = whole.value.n === 0n ? rational(0n) : divideRational(part.value, whole.value)
  return { ...whole, value, share: { part: part.value, whole: whole.value } }
}

function byId(
  a: { readonly id: string; readonly reason?: string },
  b: { readonly id: string; readonly reason?: string }
): number {
  return a.id < b.id
    ? -1
    : a.id > b.id
      ? 1
      : (a.reason ?? "") < (b.reason ?? "")
        ? -1
        : (a.reason ?? "") > (b.reason ?? "")
          ? 1
          : 0
}

/** The indicator's value in French: "45 familles", or for a share "75 % (30 familles sur 40 familles)". */
function phraseOf(indicator: Indicator, value: Fraction, share: ObjectiveResult["share"]): string {
  if (indicator.kind !== "share" || share === undefined)
    return valuePhrase(indicatorDefinition(indicator as BaseIndicator).unit, value)
  return `${percentText(value)} (${valuePhrase(indicatorDefinition(indicator.part).unit, share.part)} sur ${valuePhrase(indicatorDefinition(indicator.whole).unit, share.whole)})`
}

function percentText(value: Fraction): string {
  return `${formatFraction({ numerator: value.numerator * 100, denominator: value.denominator }, 1)} %`
}

function objectiveNode(
  convention: Convention,
  year: number,
  objective: Objective,
  result: Omit<ObjectiveResult, "explanation">,
  byReason: ReadonlyMap<string, number>
): ExplanationNode {
  const value = phraseOf(objective.indicator, result.value, result.share)
  const targetText = (target: Target) =>
    objective.indicator.kind === "share" ? sharePhrase(target) : targetPhrase(target)
  const summary = Object.fromEntries(byReason)
  const source = `Convention ${convention.id} : objectif « ${result.objectiveId} »`
  const excludedText = Object.entries(summary)
    .map(([reason, count]) => `${EXCLUSION_REASON_LABELS[reason as ExcludedRecord["reason"]]} (${count})`)
    .join(", ")
  const indicatorNode: ExplanationNode = {
    ruleId: `${result.objectiveId}:indicateur`,
    label: "Indicateur",
    outcome: "pass",
    read: { counted: result.counted.length, excluded: summary },
    sentence: `${counted(result.counted.length, "enregistrement retenu", "enregistrements retenus")}${excludedText === "" ? "" : ` ; écartés : ${excludedText}`} → ${value}.`,
    source,
    children: []
  }
  const proration =
    result.proration === undefined
      ? ""
      : ` ; prorata ${result.proration.numerator}/${result.proration.denominator} de l'année, soit ${targetPhrase(result.target)}`
  const targetNode: ExplanationNode = {
    ruleId: `${result.objectiveId}:cible`,
    label: "Cible",
    outcome: "pass",
    read: { yearTarget: result.yearTarget, target: result.target },
    sentence: `Cible ${year} : ${targetText(result.yearTarget)}${proration}.`,
    source,
    children: []
  }
  const ofMaximum = ratioReference(result.target)?.bound === "maximum" ? " du maximum" : ""
  const percent =
    result.ratio === undefined
      ? ""
      : ` (${formatFraction({ numerator: result.ratio.numerator * 100, denominator: result.ratio.denominator }, 0)} %${ofMaximum})`
  const sentence =
    result.status === "not-applicable"
      ? `La convention ne s'applique pas en ${year}.`
      : `${value} en ${year} pour une cible d'${targetText(result.target)} : ${STATUS_FR[result.status]}${percent}.`
  return {
    ruleId: result.objectiveId,
    label: result.title,
    outcome: OUTCOME[result.status],
    read: { value: result.value, target: result.target, status: result.status },
    sentence,
    source,
    children: [indicatorNode, targetNode]
  }
}

/**
 * Evaluates the convention's objectives for one year from the partner's activity records:
 * for each objective, the indicator's value, the year's target (prorated for a partial first or
 * last year, as the objective's `partialYear` rule says), the status, the exact achievement
 * ratio, the ids of the records that counted and, for every record that did not, the reason
 * (see {@link ExclusionReason}), with an explanation tree in the same form as eligibility's.
 *
 * - The year is the part of the calendar year inside the convention's effective period (as
 *   amended, cut at a termination); targets are those in force on its last day.
 * - Each record is judged with the terms in force on its date (a sector added on 1 July counts
 *   from 1 July); for a count of structures, the structures must also pass the eligibility
 *   rules (`options.rules`), judged as of the record's date within the convention's period.
 * - Records are taken as given: identical copies count once, two different records with the
 *   same id throw a {@link ValidationError}, and so does a record that is not an activity.
 *   The result does not depend on the order of the records; none is dropped: every record is
 *   either counted or excluded with its reason, for every objective.
 *
 * @example
 * ```ts
 * import { evaluateObjectives, parseActivities, type Convention } from "caf-conventions"
 * declare const cpo: Convention, json: unknown
 * const evaluation = evaluateObjectives(cpo, parseActivities(json), { year: 2024 })
 * evaluation.results.map((r) => [r.objectiveId, r.status])
 * //=> [["suivi-coordonne", "met"], ["accompagnement-individuel", "met"], …]
 * ```
 * @category objectives
 */
export function evaluateObjectives(
  input: Convention | ResolvedConvention,
  activities: ReadonlyArray<Activity>,
  options: ObjectivesOptions
): ObjectivesEvaluation {
  const convention = checkedConvention(input)
  const { year, asOf } = checkedOptions(options)
  const rules = options.rules ?? DEFAULT_ELIGIBILITY_RULES
  const { unique, duplicates } = uniqueRecords(activities)
  // Only the amendments signed by the day of the evaluation are known.
  const resolved = resolveConvention(convention, asOf === undefined ? {} : { knownOn: asOf })
  const part = periodPartInYear(resolved.period, year)
  const objectives = (part === undefined ? resolved.terms : termsInForceOn(resolved, part.end)).objectives

  // uniqueRecords returns the records in id order: every list below comes out sorted.
  const sorted = unique
  const outsidePeriod =
    part === undefined ? "" : `, hors de la période ${formatFrenchDate(part.start)} – ${formatFrenchDate(part.end)}`
  const common = sorted.map((record): ExcludedRecord | undefined => {
    if (part === undefined)
      return { id: record.id, reason: "outside-year", detail: `la convention ne s'applique pas en ${year}` }
    if (record.date < part.start || record.date > part.end)
      return {
        id: record.id,
        reason: "outside-year",
        detail: `daté du ${formatFrenchDate(record.date)}${outsidePeriod}`
      }
    if (asOf !== undefined && record.date > asOf)
      return {
        id: record.id,
        reason: "after-as-of",
        detail: `daté du ${formatFrenchDate(record.date)}, après le ${formatFrenchDate(asOf)}`
      }
    return undefined
  })
  const otherKind: Array<ExcludedRecord | undefined> = []
  const stretches = part === undefined ? [] : stretchesOf(convention, resolved, part, year, rules)
  const partDays = part === undefined ? 0 : periodDays(part)
  const share =
    part !== undefined && partDays < daysInYear(year) ? rational(BigInt(partDays), BigInt(daysInYear(year))) : undefined
  const inProgress = asOf !== undefined && part !== undefined && asOf < part.end
  const notStarted = asOf !== undefined && part !== undefined && asOf < part.start

  const results = objectives.map((objective): ObjectiveResult => {
    const measured = measureObjective(objective.indicator, (definition) =>
      measure(definition, sorted, common, otherKind, stretches, rules, convention.id)
    )
    if (duplicates.length > 0) {
      for (const copy of duplicates)
        measured.excludedByReason.set(copy.reason, (measured.excludedByReason.get(copy.reason) ?? 0) + 1)
    }
    const yearTarget = targetForYear(objective, year)
    // A target written for this very year already is that year's: only the every-year target is prorated.
    // A share is a proportion: it is never prorated.
    const prorated =
      objective.partialYear.prorate &&
      objective.indicator.kind !== "share" &&
      share !== undefined &&
      objective.targetsByYear?.[String(year)] === undefined
    const target = prorated ? proratedTarget(objective, yearTarget, share) : yearTarget
    const status =
      part === undefined ? "not-applicable" : notStarted ? "not-started" : statusOf(measured.value, target, inProgress)
    const reference = ratioReference(target)
    const result = {
      objectiveId: objective.id,
      title: objective.title,
      indicator: objective.indicator.kind,
      status,
      value: toFraction(measured.value),
      target,
      yearTarget,
      ...(prorated ? { proration: toFraction(share) } : {}),
      ...(measured.share === undefined
        ? {}
        : { share: { part: toFraction(measured.share.part), whole: toFraction(measured.share.whole) } }),
      ...(reference === undefined
        ? {}
        : { ratio: toFraction(divideRational(measured.value, rationalOf(reference.value))) }),
      counted: measured.counted,
      structures: measured.structures.sort(),
      excluded: duplicates.length === 0 ? measured.excluded : [...measured.excluded, ...duplicates].sort(byId)
    } satisfies Omit<ObjectiveResult, "explanation">
    return { ...result, explanation: objectiveNode(convention, year, objective, result, measured.excludedByReason) }
  })

  const met = results.filter((result) => result.status === "met").length
  const applicable = results.filter((result) => result.status !== "not-applicable").length
  const explanation: ExplanationNode = {
    ruleId: "objectifs",
    label: `Objectifs ${year}`,
    outcome: results.some((result) => result.status === "not-met")
      ? "fail"
      : applicable === 0 || results.some((r) => r.status === "in-progress" || r.status === "not-started")
        ? "not-applicable"
        : "pass",
    read: { year, asOf, records: activities.length },
    sentence:
      part === undefined
        ? `La convention ne s'applique pas en ${year}.`
        : notStarted
          ? `L'année ${year} n'a pas commencé au ${formatFrenchDate(asOf)} : ses objectifs ne sont pas encore évalués.`
          : `${met} ${agreed(met, "objectif atteint", "objectifs atteints")} sur ${results.length}${asOf === undefined ? "" : ` au ${formatFrenchDate(asOf)}`}.`,
    source: `Convention ${convention.id} : objectifs`,
    children: results.map((result) => result.explanation)
  }
  return frozenResult(
    {
      conventionId: convention.id,
      year,
      ...(asOf === undefined ? {} : { asOf }),
      ...(part === undefined ? {} : { period: part }),
      records: { given: activities.length, unique: unique.length },
      results,
      explanation
    },
    input
  )
}
