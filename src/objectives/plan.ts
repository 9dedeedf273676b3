/**
 * What an objectives evaluation of one year knows before it reads a record: the part of the year
 * the convention covers, the stretches of terms, the objectives in force, their targets and
 * indicators; and the tally that reads the records one at a time.
 *
 * @module
 */
import { type CalendarDate, daysInYear } from "../calendar/date.js"
import { beforeObjectiveText } from "../vocabulary/objectives.js"
import { type Period, calendarYear, daysOfPeriod, intersectionOfPeriods, makePeriod } from "../calendar/period.js"
import type { Outcome } from "../core/explanation.js"
import { type Rational, divideRational, rational } from "../core/fraction.js"
import { compileFailedChildren, compileTree } from "../core/verdicts.js"
import type { Convention } from "../conventions/convention.js"
import type { AggregateIndicator, Objective } from "../conventions/objective.js"
import { type ResolvedConvention, termsInForceOn } from "../conventions/resolved.js"
import type { Terms } from "../conventions/terms.js"
import type { ObjectiveSpan } from "../conventions/terms-as-of.js"
import type { Candidate } from "../eligibility/candidate.js"
import type { EligibilityContext, RuleTree } from "../eligibility/rule.js"
import type { Activity } from "./activity.js"
import { indicatorDefinition } from "./indicator.js"
import {
  type ExcludedList,
  type ExclusionWhy,
  type Measure,
  NO_EXCLUSIONS,
  type Stretch,
  Tally,
  type TallyLists,
  exclusion
} from "./measure.js"
import type { KeptRecords, RecordSink } from "./records.js"
import type { ExcludedRecord } from "./exclusion.js"

/** No objective removed: one frozen empty list for every year without any. */
const NO_SPANS: ReadonlyArray<ObjectiveSpan> = Object.freeze([])

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
 * One stretch of the year's part with the same terms. Its eligibility context and verdicts are
 * built when a structure is first judged: a year without structures to judge costs none.
 */
class YearStretch implements Stretch {
  private contextOnce: EligibilityContext | undefined
  private compiled: ((candidate: Candidate) => Outcome) | undefined
  private failing: ((candidate: Candidate) => ReadonlyArray<string>) | undefined

  constructor(
    readonly period: Period,
    readonly terms: Terms,
    private readonly convention: Convention,
    private readonly year: number,
    private readonly rules: RuleTree
  ) {}

  get context(): EligibilityContext {
    // A record inside the convention's effective period is made while the convention applies.
    this.contextOnce ??= {
      convention: this.convention,
      date: this.period.start,
      terms: this.terms,
      status: "in-force",
      exercise: calendarYear(this.year)
    }
    return this.contextOnce
  }

  verdict(candidate: Candidate): Outcome {
    this.compiled ??= compileTree(this.rules, this.context)
    return this.compiled(candidate)
  }

  failed(candidate: Candidate): ReadonlyArray<string> {
    this.failing ??= compileFailedChildren(this.rules, this.context)
    return this.failing(candidate)
  }
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
  // No amendment adds an objective (the usual case): every objective applies to the whole part.
  if (!resolved.objectives.some((span) => span.added !== undefined)) {
    const whole: ObjectiveInYear = { from: undefined, share, notStarted, added: undefined }
    return objectives.map(() => whole)
  }
  return objectives.map((objective): ObjectiveInYear => {
    const added = resolved.objectives.find((span) => span.objectiveId === objective.id)?.added
    if (added === undefined || part === undefined || added.from <= part.start)
      return { from: undefined, share, notStarted, added }
    const days = daysOfPeriod(makePeriod(added.from, part.end))
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
  const stretches: Array<Stretch> = []
  for (const segment of resolved.timeline) {
    const period = intersectionOfPeriods(segment.period, part)
    if (period !== undefined) stretches.push(new YearStretch(period, segment.terms, convention, year, rules))
  }
  return stretches
}

/** @internal Plans the evaluation of one year of a resolved convention. */
export function planYear(
  resolved: ResolvedConvention,
  year: number,
  asOf: CalendarDate | undefined,
  rules: RuleTree
): YearPlan {
  const convention = resolved.convention
  // The part of the year is the resolved year's (the same days, already frozen).
  let part: Period | undefined
  for (const entry of resolved.years) if (entry.year === year) part = entry.period
  const objectives = (part === undefined ? resolved.terms : termsInForceOn(resolved, part.end)).objectives
  const partDays = part === undefined ? 0 : daysOfPeriod(part)
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
    removed: resolved.objectives.some((span) => span.removed !== undefined)
      ? resolved.objectives.filter((span) => span.removed !== undefined && span.removed.from <= lastDay)
      : NO_SPANS,
    stretches: part === undefined ? [] : stretchesOf(convention, resolved, part, year, rules),
    rules,
    share,
    inProgress: asOf !== undefined && part !== undefined && asOf < part.end,
    notStarted: asOf !== undefined && part !== undefined && asOf < part.start
  }
}

/**
 * The reason a record is out for every objective of the year (outside it, after the as-of day);
 * undefined if none. It depends on the record's date only: `byDate` keeps one per date.
 */
function yearExclusion(plan: YearPlan, record: Activity, byDate: Map<string, ExclusionWhy>): ExclusionWhy | undefined {
  const { part, asOf } = plan
  const date = record.date
  if (part !== undefined && date >= part.start && date <= part.end && (asOf === undefined || date <= asOf))
    return undefined
  let why = byDate.get(date)
  if (why === undefined) {
    why =
      part === undefined
        ? exclusion("outside-year", { fact: "year-not-covered", year: plan.year })
        : date < part.start || date > part.end
          ? exclusion("outside-year", { fact: "outside-period", date, period: part })
          : exclusion("after-as-of", { fact: "after-as-of", date, asOf: asOf as CalendarDate })
    byDate.set(date, why)
  }
  return why
}

/** A record dated before the day an amendment adds the objective from. */
function beforeObjective(record: Activity, applies: ObjectiveInYear | undefined): ExclusionWhy {
  const added = applies?.added
  return {
    reason: "objective-not-in-force",
    detail:
      added === undefined
        ? beforeObjectiveText(record.date)
        : beforeObjectiveText(record.date, { amendment: added.amendment, from: added.from })
  }
}

/** @internal What an objective's indicator measured: the whole's lists and value, and for a share its part and whole. */
export type ObjectiveMeasure = Measure & { readonly share?: { readonly part: Rational; readonly whole: Rational } }

/** The tallies of one objective: its indicator's, or for a share its part's (value only) and its whole's. */
interface ObjectiveTallies {
  readonly whole: Tally
  readonly part: Tally | undefined
}

/**
 * The tallies of an objective whose whole counts one kind of activity, and the day the objective
 * applies from (when not the part's first).
 */
interface KindTally extends ObjectiveTallies {
  readonly from: CalendarDate | undefined
}

/** For each kind of activity, the objectives whose whole counts it (a share's part reads only what its whole counts). */
function tallyByKind(
  tallies: ReadonlyArray<ObjectiveTallies>,
  applies: ReadonlyArray<ObjectiveInYear>
): Map<string, ReadonlyArray<KindTally>> {
  const byKind = new Map<string, Array<KindTally>>()
  tallies.forEach(({ whole, part }, index) => {
    const from = (applies[index] as ObjectiveInYear).from
    for (const kind of whole.kinds) {
      let list = byKind.get(kind)
      if (list === undefined) byKind.set(kind, (list = []))
      list.push({ whole, part, from })
    }
  })
  return byKind
}

/**
 * Counts or excludes a record for one objective: its whole, then, for a share, its part, which
 * reads only a record its whole counts (a record the whole leaves out, for lack of the figure the
 * whole adds up, say, is not part of it either: a share is never more than the whole).
 */
function addToObjective(tallies: ObjectiveTallies, record: Activity, out: ExclusionWhy | undefined): void {
  const { whole, part } = tallies
  if (part === undefined) return whole.add(record, out)
  const before = whole.countedSoFar
  whole.add(record, out)
  if (whole.countedSoFar > before) part.add(record, undefined)
}

/** The records left out, found again when read: none is a shared empty list. */
function foundAgainOf(count: number, replay: Replay, index: number): ExcludedList {
  return count === 0 ? NO_EXCLUSIONS : new FoundAgain(count, replay, index)
}

const NO_RECORD: ObjectiveMeasure = {
  value: rational(0n),
  counted: [],
  structures: [],
  excluded: NO_EXCLUSIONS
}

/**
 * The records of a year kept to find the records left out again: the first time one objective's
 * list is read, a tally of the year that lists them is fed the same records (one pass for every
 * objective of the year). It holds the plan and the records only, not the tallies that counted.
 */
class Replay {
  private measured: ReadonlyArray<ObjectiveMeasure> | undefined

  constructor(
    private readonly plan: YearPlan,
    private readonly kept: KeptRecords
  ) {}

  /** The records the objective at `index` left out, listed by a tally of the same records that lists them. */
  leftOut(index: number): ExcludedList {
    if (this.measured === undefined) {
      const again = new YearTally(this.plan)
      this.kept.replay(again)
      this.measured = again.measures()
    }
    return (this.measured[index] as ObjectiveMeasure).excluded
  }
}

/** The records an objective left out, when its tally kept none: found again by the year's {@link Replay} when first listed. */
class FoundAgain implements ExcludedList {
  constructor(
    readonly count: number,
    private readonly replay: Replay,
    private readonly index: number
  ) {}

  list(): Array<ExcludedRecord> {
    return this.replay.leftOut(this.index).list()
  }
}

/**
 * @internal Reads a year's records one at a time for every objective of the year: each record is
 * counted or excluded with its reason, for each objective; copies of a record are excluded as such.
 * The tallies are set up with the first record: a year without records costs none.
 *
 * Given a list of records this library decoded ({@link RecordSink.keep}), it keeps them instead
 * of the records left out: it counts what counts, and finds the others again, with their
 * reasons, when a result's `excluded` is first read. Most results are read for their values
 * and statuses, and a record left out by most objectives (another kind, another year) then costs
 * nothing more.
 */
export class YearTally implements RecordSink {
  private tallies: ReadonlyArray<ObjectiveTallies> | undefined
  /** Why a record dated so is out of the year, by date: shared by every record of that day. */
  private readonly outOfYear = new Map<string, ExclusionWhy>()
  /** The records kept, to find the records left out again; undefined when they are listed as read. */
  private kept: KeptRecords | undefined
  /**
   * When the records are kept: for each kind of activity, the tallies that count it, with the day
   * their objective applies from (the others would only leave a record of that kind out).
   */
  private byKind: Map<string, ReadonlyArray<KindTally>> | undefined

  /** `asRead`: the records left out are listed as they are read, even when the records could be kept. */
  constructor(
    readonly plan: YearPlan,
    private readonly asRead = false
  ) {}

  keep(records: KeptRecords): void {
    if (this.tallies === undefined && !this.asRead) this.kept = records
  }

  private talliesOf(): ReadonlyArray<ObjectiveTallies> {
    if (this.tallies !== undefined) return this.tallies
    const plan = this.plan
    const lists: TallyLists = this.kept === undefined ? "all" : "counted"
    const tally = (definition: AggregateIndicator, lists: TallyLists) =>
      new Tally(definition, plan.stretches, plan.convention.id, lists)
    this.tallies = plan.objectives.map(
      ({ indicator }): ObjectiveTallies =>
        indicator.kind === "share"
          ? {
              whole: tally(indicatorDefinition(indicator.whole), lists),
              part: tally(indicatorDefinition(indicator.part), "none")
            }
          : { whole: tally(indicatorDefinition(indicator), lists), part: undefined }
    )
    if (this.kept !== undefined) this.byKind = tallyByKind(this.tallies, plan.applies)
    return this.tallies
  }

  /** Counts or excludes a record (the first with its id) for every objective. */
  take(record: Activity): void {
    if (this.kept !== undefined) return this.count(record)
    const out = yearExclusion(this.plan, record, this.outOfYear)
    const applies = this.plan.applies
    const tallies = this.talliesOf()
    for (let index = 0; index < tallies.length; index++) {
      const from = applies[index]?.from
      const own =
        out ?? (from !== undefined && record.date < from ? beforeObjective(record, applies[index]) : undefined)
      addToObjective(tallies[index] as ObjectiveTallies, record, own)
    }
  }

  /**
   * Counts a record for every objective it counts towards, when the records left out are found
   * again later: a record out of the year, or before the day an objective applies from, is
   * passed by (the tallies would only have left it out).
   */
  private count(record: Activity): void {
    const { part, asOf } = this.plan
    const date = record.date
    // The tallies are set up even for a record passed by: the records left out are theirs to find again.
    this.talliesOf()
    if (part === undefined || date < part.start || date > part.end || (asOf !== undefined && date > asOf)) return
    const tallies = (this.byKind as Map<string, ReadonlyArray<KindTally>>).get(record.kind)
    if (tallies === undefined) return
    for (let index = 0; index < tallies.length; index++) {
      const objective = tallies[index] as KindTally
      const from = objective.from
      if (from === undefined || date >= from) addToObjective(objective, record, undefined)
    }
  }

  /**
   * Excludes an identical copy of a record already taken, for every objective: as a copy where the
   * record counted, for the record's own reason where it did not (outside the year, another kind…).
   * When the records are kept, nothing: a copy never counts, and is found again with the others.
   */
  excludeCopy(record: Activity, copy: ExclusionWhy): void {
    if (this.kept !== undefined) return
    const out = yearExclusion(this.plan, record, this.outOfYear)
    const applies = this.plan.applies
    const tallies = this.talliesOf()
    for (let index = 0; index < tallies.length; index++) {
      const from = applies[index]?.from
      const own =
        out ?? (from !== undefined && record.date < from ? beforeObjective(record, applies[index]) : undefined)
      ;(tallies[index] as ObjectiveTallies).whole.addCopy(record, own, copy)
    }
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
    const kept = this.kept
    const replay = kept === undefined ? undefined : new Replay(this.plan, kept)
    return tallies.map(({ whole, part }, index): ObjectiveMeasure => {
      // Every record given is either counted or left out, once for each objective.
      const measured =
        kept === undefined || replay === undefined
          ? whole.result()
          : whole.result(foundAgainOf(kept.given - whole.countedSoFar, replay, index))
      if (part === undefined) return measured
      const partValue = part.value()
      const value = measured.value.n === 0n ? rational(0n) : divideRational(partValue, measured.value)
      return { ...measured, value, share: { part: partValue, whole: measured.value } }
    })
  }
}
