/**
 * What an objectives evaluation of one year knows before it reads a record: the part of the year
 * the convention covers, the stretches of terms, the objectives in force, their targets and
 * indicators; and the tally that reads the records one at a time.
 *
 * @module
 */
import { type CalendarDate, daysInYear, formatFrenchDate } from "../calendar/date.js"
import {
  type Period,
  calendarYear,
  makePeriod,
  periodDays,
  periodIntersection,
  periodPartInYear
} from "../calendar/period.js"
import type { Outcome } from "../core/explanation.js"
import { type Rational, divideRational, rational } from "../core/fraction.js"
import type { Convention } from "../conventions/convention.js"
import type { AggregateIndicator, Objective } from "../conventions/objective.js"
import { type ResolvedConvention, termsInForceOn } from "../conventions/resolved.js"
import type { ObjectiveSpan } from "../conventions/terms-as-of.js"
import type { Candidate } from "../eligibility/candidate.js"
import { type RuleTree, compileTree } from "../eligibility/rule.js"
import type { Activity } from "./activity.js"
import type { ExcludedRecord } from "./exclusion.js"
import { indicatorDefinition } from "./indicator.js"
import { type Measure, type SharedExclusions, type Stretch, Tally, excluded } from "./measure.js"

/** @internal One year of an evaluation, planned. */
export interface YearPlan {
  readonly convention: Convention
  readonly year: number
  readonly asOf: CalendarDate | undefined
  /** The part of the year the convention covers; undefined when it does not apply that year. */
  readonly part: Period | undefined
  /** The objectives in force on the part's last day (the final terms' when the year is not covered). */
  readonly objectives: ReadonlyArray<Objective>
  /** For each objective, in the same order, the part of the year it applies to. */
  readonly applies: ReadonlyArray<ObjectiveInYear>
  /** The objectives amendments removed with effect on or before the part's last day: not evaluated this year. */
  readonly removed: ReadonlyArray<ObjectiveSpan>
  readonly stretches: ReadonlyArray<Stretch>
  readonly rules: RuleTree
  /** The share of the year covered, when it is not the whole year. */
  readonly share: Rational | undefined
  /** The year is not over on `asOf`. */
  readonly inProgress: boolean
  /** The year has not started on `asOf`. */
  readonly notStarted: boolean
}

/**
 * @internal The part of a year an objective applies to. An objective an amendment adds during the
 * year applies from the amendment's effective date: its records before that day do not count, and
 * its share of the year is the days from that day to the part's end (its target prorated by them,
 * as its `partialYear` rule says).
 */
export interface ObjectiveInYear {
  /** The day an amendment adds it from, when that day falls after the part's first day. */
  readonly from: CalendarDate | undefined
  /** The share of the year it applies to, when it is not the whole year. */
  readonly share: Rational | undefined
  /** The day it applies from has not come on `asOf`. */
  readonly notStarted: boolean
  /** The amendment that adds it and the day it applies from; absent for an objective of the signed text. */
  readonly added: ObjectiveSpan["added"]
}

/** The part of the year each objective applies to. */
function appliesOf(
  resolved: ResolvedConvention,
  objectives: ReadonlyArray<Objective>,
  part: Period | undefined,
  year: number,
  asOf: CalendarDate | undefined,
  share: Rational | undefined
): ReadonlyArray<ObjectiveInYear> {
  const notStarted = asOf !== undefined && part !== undefined && asOf < part.start
  return objectives.map((objective): ObjectiveInYear => {
    const added = resolved.objectives.find((span) => span.objectiveId === objective.id)?.added
    if (added === undefined || part === undefined || added.from <= part.start)
      return { from: undefined, share, notStarted, added }
    const days = periodDays(makePeriod(added.from, part.end))
    return {
      from: added.from,
      share: rational(BigInt(days), BigInt(daysInYear(year))),
      notStarted: asOf !== undefined && asOf < added.from,
      added
    }
  })
}

/** The stretches of the year's part with the same terms; each compiles its eligibility verdict when first asked. */
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
    let compiled: ((candidate: Candidate) => Outcome) | undefined
    const verdict = (candidate: Candidate): Outcome => (compiled ??= compileTree(rules, context))(candidate)
    return [{ period, terms: segment.terms, context, verdict }]
  })
}

/** @internal Plans the evaluation of one year of a resolved convention. */
export function planYear(
  resolved: ResolvedConvention,
  year: number,
  asOf: CalendarDate | undefined,
  rules: RuleTree
): YearPlan {
  const convention = resolved.convention
  const part = periodPartInYear(resolved.period, year)
  const objectives = (part === undefined ? resolved.terms : termsInForceOn(resolved, part.end)).objectives
  const partDays = part === undefined ? 0 : periodDays(part)
  const share =
    part !== undefined && partDays < daysInYear(year) ? rational(BigInt(partDays), BigInt(daysInYear(year))) : undefined
  const lastDay = part?.end ?? resolved.period.end
  return {
    convention,
    year,
    asOf,
    part,
    objectives,
    applies: appliesOf(resolved, objectives, part, year, asOf, share),
    removed: resolved.objectives.filter((span) => span.removed !== undefined && span.removed.from <= lastDay),
    stretches: part === undefined ? [] : stretchesOf(convention, resolved, part, year, rules),
    rules,
    share,
    inProgress: asOf !== undefined && part !== undefined && asOf < part.end,
    notStarted: asOf !== undefined && part !== undefined && asOf < part.start
  }
}

/** The reason a record is out for every objective of the year (outside it, after the as-of day); undefined if none. */
function yearExclusion(plan: YearPlan, record: Activity): ExcludedRecord | undefined {
  const { part, asOf } = plan
  if (part === undefined) return excluded(record.id, "outside-year", { fact: "year-not-covered", year: plan.year })
  if (record.date < part.start || record.date > part.end)
    return excluded(record.id, "outside-year", { fact: "outside-period", date: record.date, period: part })
  if (asOf !== undefined && record.date > asOf)
    return excluded(record.id, "after-as-of", { fact: "after-as-of", date: record.date, asOf })
  return undefined
}

/** A record dated before the day an amendment adds the objective from. */
function beforeObjective(record: Activity, applies: ObjectiveInYear | undefined): ExcludedRecord {
  const added = applies?.added
  return {
    id: record.id,
    reason: "objective-not-in-force",
    detail:
      added === undefined
        ? `daté du ${formatFrenchDate(record.date)}, avant l'entrée en vigueur de l'objectif`
        : `daté du ${formatFrenchDate(record.date)}, avant l'ajout de l'objectif par l'avenant n° ${added.amendment} à partir du ${formatFrenchDate(added.from)}`
  }
}

/** @internal What an objective's indicator measured: the whole's lists and value, and for a share its part and whole. */
export type ObjectiveMeasure = Measure & { readonly share?: { readonly part: Rational; readonly whole: Rational } }

/** The tallies of one objective: its indicator's, or for a share its part's (value only) and its whole's. */
interface ObjectiveTallies {
  readonly whole: Tally
  readonly part: Tally | undefined
}

const NO_RECORD: ObjectiveMeasure = {
  value: rational(0n),
  counted: [],
  structures: [],
  excluded: []
}

/**
 * @internal Reads a year's records one at a time for every objective of the year: each record is
 * counted or excluded with its reason, for each objective; copies of a record are excluded as such.
 * The tallies are set up with the first record: a year without records costs none.
 */
export class YearTally {
  private tallies: ReadonlyArray<ObjectiveTallies> | undefined

  constructor(readonly plan: YearPlan) {}

  private talliesOf(): ReadonlyArray<ObjectiveTallies> {
    if (this.tallies !== undefined) return this.tallies
    const plan = this.plan
    const tally = (definition: AggregateIndicator, keepLists: boolean) =>
      new Tally(definition, plan.stretches, plan.rules, plan.convention.id, keepLists)
    this.tallies = plan.objectives.map(
      ({ indicator }): ObjectiveTallies =>
        indicator.kind === "share"
          ? {
              whole: tally(indicatorDefinition(indicator.whole), true),
              part: tally(indicatorDefinition(indicator.part), false)
            }
          : { whole: tally(indicatorDefinition(indicator), true), part: undefined }
    )
    return this.tallies
  }

  /** Counts or excludes a record (the first with its id) for every objective. */
  take(record: Activity): void {
    const out = yearExclusion(this.plan, record)
    const shared: SharedExclusions = { otherKind: undefined }
    const applies = this.plan.applies
    this.talliesOf().forEach(({ whole, part }, index) => {
      const from = applies[index]?.from
      const own =
        out ?? (from !== undefined && record.date < from ? beforeObjective(record, applies[index]) : undefined)
      part?.add(record, own, shared)
      whole.add(record, own, shared)
    })
  }

  /** Excludes an identical copy of a record already taken, for every objective. */
  excludeCopy(copy: ExcludedRecord): void {
    for (const { whole } of this.talliesOf()) whole.exclude(copy)
  }

  /** What each objective's indicator measured, in the objectives' order. */
  measures(): ReadonlyArray<ObjectiveMeasure> {
    const tallies = this.tallies
    if (tallies === undefined)
      return this.plan.objectives.map(({ indicator }) =>
        indicator.kind === "share"
          ? { ...NO_RECORD, share: { part: NO_RECORD.value, whole: NO_RECORD.value } }
          : NO_RECORD
      )
    return tallies.map(({ whole, part }): ObjectiveMeasure => {
      const measured = whole.result()
      if (part === undefined) return measured
      const partValue = part.value()
      const value = measured.value.n === 0n ? rational(0n) : divideRational(partValue, measured.value)
      return { ...measured, value, share: { part: partValue, whole: measured.value } }
    })
  }
}
