/**
 * One year of an objectives evaluation, step by step: the options checked, the convention as
 * known on the day, each objective's target and status, and the explanations, built when first
 * read.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import type { ExplanationNode, Outcome } from "../core/explanation.js"
import type { Issue } from "../core/errors.js"
import { enumIssue, textsIssue } from "../core/issues.js"
import { RULE_TREE_TEXT } from "../vocabulary/validation.js"
import { requireOptions } from "../core/records.js"
import { factsField, lazyField } from "../core/freeze.js"
import {
  type Fraction,
  type Rational,
  compareRational,
  divideRational,
  multiplyRational,
  rationalOf,
  roundRational,
  toFraction
} from "../core/fraction.js"
import { checkedYearOptions } from "../core/options.js"
import type { Convention } from "../conventions/convention.js"
import { type Indicator, type Objective, type Target, targetForYear } from "../conventions/objective.js"
import { type ResolvedConvention, isResolvedConvention, resolveConvention } from "../conventions/resolved.js"
import { DEFAULT_ELIGIBILITY_RULES } from "../eligibility/catalogue.js"
import type { RuleTree } from "../eligibility/rule.js"
import {
  OBJECTIVE_NODE_LABELS,
  indicatorSentence,
  objectiveSentence,
  objectiveSource,
  objectivesSource,
  targetSentence,
  yearObjectivesLabel,
  yearFacts,
  yearSentence
} from "../vocabulary/objectives.js"
import type { ExclusionsListed, ObjectiveResult, ObjectivesEvaluation, ObjectivesOptions } from "./result.js"
import type { IndicatorFacts, IndicatorValue, ObjectiveStatus } from "./facts.js"
import { indicatorDefinition } from "./indicator.js"
import { excludedByReasonOf } from "./measure.js"
import type { ObjectiveInYear, ObjectiveMeasure, YearPlan, YearTally } from "./plan.js"
import { ratioReference } from "./ratio.js"
import type { RecordCounts } from "./records.js"

const OUTCOME: Record<ObjectiveStatus, Outcome> = {
  met: "pass",
  "not-met": "fail",
  "in-progress": "not-applicable",
  "not-started": "not-applicable",
  "not-applicable": "not-applicable"
}

/** Frozen fractions of the small whole numbers (most counts), shared by every result. */
const WHOLE_FRACTIONS: Array<Fraction> = []

/** The public form of an exact value: a frozen shared one for a small whole number, otherwise a new one. */
function fractionOf(value: Rational): Fraction {
  if (value.d !== 1n || value.n < 0n || value.n >= 1024n) return toFraction(value)
  const index = Number(value.n)
  return (WHOLE_FRACTIONS[index] ??= Object.freeze(toFraction(value)))
}

/** The values of the option `exclusions` (see {@link ExclusionsListed}). */
const EXCLUSIONS_LISTED: ReadonlyArray<string> = ["when-read", "as-read"] satisfies ReadonlyArray<ExclusionsListed>

/** @internal The options of an evaluation, checked: the year, the day, the eligibility rules, when the records left out are listed. */
export interface CheckedObjectivesOptions {
  readonly year: number
  readonly asOf: CalendarDate | undefined
  readonly rules: RuleTree
  /** Whether the records left out are listed as the records are read (`exclusions: "as-read"`). */
  readonly asRead: boolean
}

/** @internal Checks an evaluation's options, reporting every problem at its path. */
export function checkedOptions(options: ObjectivesOptions): CheckedObjectivesOptions {
  requireOptions(options, "objectives options")
  // Every problem of the options at once: the year and the day, the rules, the exclusions.
  const others: Array<Issue> = []
  if (options.rules !== undefined && (options.rules === null || typeof options.rules !== "object"))
    others.push(textsIssue(["rules"], "type", RULE_TREE_TEXT))
  const exclusions: unknown = options.exclusions
  if (exclusions !== undefined && !EXCLUSIONS_LISTED.includes(exclusions as string))
    others.push(enumIssue(["exclusions"], exclusions, EXCLUSIONS_LISTED))
  const { year, dates } = checkedYearOptions("objectives options", options, ["asOf"], others)
  return {
    year,
    asOf: dates.asOf,
    rules: options.rules ?? DEFAULT_ELIGIBILITY_RULES,
    asRead: exclusions === "as-read"
  }
}

/**
 * @internal The convention as known on `asOf` (only the amendments signed by then): the
 * resolution given, when it is that one, without resolving again.
 */
export function resolutionAsOf(
  input: Convention | ResolvedConvention,
  convention: Convention,
  asOf: CalendarDate | undefined
): ResolvedConvention {
  if (isResolvedConvention(input) && input.knownOn === asOf) return input
  return resolveConvention(convention, asOf === undefined ? {} : { knownOn: asOf })
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
  // A maximum not reached while the year goes on may still be: the target is not met before the year is over.
  if (atLeastOk && atMostOk) return inProgress && target.atMost !== undefined ? "in-progress" : "met"
  return inProgress && atMostOk ? "in-progress" : "not-met"
}

/** The year's target of an objective, prorated for a partial year when the objective says so. */
function targetOf(
  plan: YearPlan,
  objective: Objective,
  share: Rational | undefined
): { readonly yearTarget: Target; readonly target: Target; readonly proration: Rational | undefined } {
  const yearTarget = targetForYear(objective, plan.year)
  // A target written for this very year already is that year's: only the every-year target is prorated.
  // A share is a proportion: it is never prorated. The share is the objective's part of the year
  // (from the day an amendment adds it, when it does so during the year).
  const prorated =
    objective.partialYear.prorate &&
    objective.indicator.kind !== "share" &&
    share !== undefined &&
    objective.targetsByYear?.[String(plan.year)] === undefined
  return prorated && share !== undefined
    ? { yearTarget, target: proratedTarget(objective, yearTarget, share), proration: share }
    : { yearTarget, target: yearTarget, proration: undefined }
}

/** The list of a result that leaves no record out, shared. */
const NO_EXCLUDED: ReadonlyArray<never> = Object.freeze([])

/** The typed fields of a result, before its lazy facts and explanation. */
type MeasuredResult = Omit<ObjectiveResult, "indicatorFacts" | "explanation">

/** What the indicator measured, as the vocabulary words it: the value with its unit (a share, with its part's and whole's). */
function indicatorValueOf(indicator: Indicator, result: MeasuredResult): IndicatorValue {
  if (indicator.kind !== "share" || result.share === undefined)
    return {
      kind: "value",
      unit: indicatorDefinition(indicator as Exclude<Indicator, { kind: "share" }>).unit,
      value: result.value
    }
  return {
    kind: "share",
    value: result.value,
    part: { unit: indicatorDefinition(indicator.part).unit, value: result.share.part },
    whole: { unit: indicatorDefinition(indicator.whole).unit, value: result.share.whole }
  }
}

/** An objective's explanation: its sentence, and its indicator's (from the result's facts) and target's. */
function objectiveNode(plan: YearPlan, objective: Objective, result: ObjectiveResult): ExplanationNode {
  const facts = result.indicatorFacts
  const value = facts.value
  const source = objectiveSource(plan.convention.id, result.objectiveId)
  const indicatorNode: ExplanationNode = {
    ruleId: `${result.objectiveId}:indicator`,
    label: OBJECTIVE_NODE_LABELS.indicator,
    outcome: "pass",
    read: { counted: facts.counted, excluded: Object.fromEntries(facts.excluded.map((e) => [e.reason, e.count])) },
    sentence: indicatorSentence(facts),
    source,
    children: []
  }
  const targetNode: ExplanationNode = {
    ruleId: `${result.objectiveId}:target`,
    label: OBJECTIVE_NODE_LABELS.target,
    outcome: "pass",
    read: { yearTarget: result.yearTarget, target: result.target },
    sentence: targetSentence({
      year: plan.year,
      share: objective.indicator.kind === "share",
      yearTarget: result.yearTarget,
      ...(result.proration === undefined ? {} : { proration: { share: result.proration, target: result.target } })
    }),
    source,
    children: []
  }
  return {
    ruleId: result.objectiveId,
    label: result.title,
    outcome: OUTCOME[result.status],
    read: { value: result.value, target: result.target, status: result.status },
    sentence: objectiveSentence({
      year: plan.year,
      status: result.status,
      value,
      target: result.target,
      ...(result.ratio === undefined
        ? {}
        : { ratio: { value: result.ratio, ofMaximum: result.ratioBound === "maximum" } })
    }),
    source,
    children: [indicatorNode, targetNode]
  }
}

/**
 * One objective's result for the year: its value against its target, then its indicator's facts
 * and its explanation, each built when first read.
 */
function objectiveResult(
  plan: YearPlan,
  objective: Objective,
  measured: ObjectiveMeasure,
  applies: ObjectiveInYear | undefined
): ObjectiveResult {
  const { yearTarget, target, proration } = targetOf(
    plan,
    objective,
    applies === undefined ? plan.share : applies.share
  )
  const status =
    plan.part === undefined
      ? "not-applicable"
      : (applies?.notStarted ?? plan.notStarted)
        ? "not-started"
        : statusOf(measured.value, target, plan.inProgress)
  const reference = ratioReference(target)
  // Built key by key, in the order of the type (the optional ones only when present), rather than
  // by spreading optional parts: a fraction of the cost, paid for every objective of every evaluation.
  const result: { -readonly [K in keyof MeasuredResult]: MeasuredResult[K] } = {
    objectiveId: objective.id,
    title: objective.title,
    indicator: objective.indicator.kind,
    status,
    value: fractionOf(measured.value),
    target,
    yearTarget
  } as MeasuredResult
  if (proration !== undefined) result.proration = fractionOf(proration)
  if (measured.share !== undefined)
    result.share = { part: fractionOf(measured.share.part), whole: fractionOf(measured.share.whole) }
  if (reference !== undefined) {
    result.ratio = fractionOf(divideRational(measured.value, rationalOf(reference.value)))
    result.ratioBound = reference.bound
  }
  result.counted = measured.counted
  result.structures = measured.structures
  // The records left out are listed when first read (in their place among the keys): most results
  // are read for their values and statuses only, and the list costs an object a record.
  const exclusions = measured.excluded
  if (exclusions.count === 0) result.excluded = NO_EXCLUDED
  else lazyField(result, "excluded", () => exclusions.list())
  if (applies?.added !== undefined) result.added = applies.added
  const measuredResult = result as MeasuredResult
  // The lazy fields come last, the explanation last of all, as it always has: fields added last
  // keep the holder's fast shape.
  const holder = factsField<ObjectiveResult, "indicatorFacts">(
    measuredResult as Omit<ObjectiveResult, "indicatorFacts">,
    "indicatorFacts",
    () => indicatorFactsOf(objective, measuredResult)
  )
  return lazyField(holder, "explanation", () => objectiveNode(plan, objective, holder))
}

/**
 * The facts of an objective's indicator, from its result's typed fields and the objective (its
 * units): what the explanation and a renderer word without reading a sentence.
 */
function indicatorFactsOf(objective: Objective, result: MeasuredResult): IndicatorFacts {
  return {
    counted: result.counted.length,
    excluded: Array.from(excludedByReasonOf(result.excluded), ([reason, count]) => ({ reason, count })),
    value: indicatorValueOf(objective.indicator, result)
  }
}

/** The year's explanation: its sentence, and one child per objective (each built when this one is). */
function yearNode(plan: YearPlan, results: ReadonlyArray<ObjectiveResult>, records: RecordCounts): ExplanationNode {
  const { year, asOf, part } = plan
  const applicable = results.filter((result) => result.status !== "not-applicable").length
  return {
    ruleId: "objectives",
    label: yearObjectivesLabel(year),
    outcome: results.some((result) => result.status === "not-met")
      ? "fail"
      : applicable === 0 || results.some((r) => r.status === "in-progress" || r.status === "not-started")
        ? "not-applicable"
        : "pass",
    read: { year, asOf, records: records.given },
    sentence: yearSentence(yearFacts({ year, asOf, period: part, results })),
    source: objectivesSource(plan.convention.id),
    children: results.map((result) => result.explanation)
  }
}

/**
 * @internal The evaluation of a year once its records are read: one result per objective, the
 * explanation built when first read. Not frozen: the caller freezes what it returns.
 */
export function yearEvaluation(tally: YearTally, records: RecordCounts): ObjectivesEvaluation {
  const plan = tally.plan
  const measures = tally.measures()
  const results = plan.objectives.map((objective, index) =>
    objectiveResult(plan, objective, measures[index] as ObjectiveMeasure, plan.applies[index])
  )
  // Built key by key, in the order of the type, as an objective's result.
  const evaluation: { -readonly [K in keyof Omit<ObjectivesEvaluation, "explanation">]: ObjectivesEvaluation[K] } = {
    conventionId: plan.convention.id,
    year: plan.year
  } as Omit<ObjectivesEvaluation, "explanation">
  if (plan.asOf !== undefined) evaluation.asOf = plan.asOf
  if (plan.part !== undefined) evaluation.period = plan.part
  evaluation.records = { given: records.given, unique: records.unique }
  evaluation.results = results
  if (plan.removed.length > 0) evaluation.removedObjectives = plan.removed
  return lazyField(evaluation as ObjectivesEvaluation, "explanation", () => yearNode(plan, results, records))
}

// The facts of the year's and the synthesis' sentences live with the sentences.
export { synthesisFacts, yearFacts } from "../vocabulary/objectives.js"
