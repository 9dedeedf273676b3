/**
 * Measuring one objective's indicator over a year's records: which records count, which do not
 * and why, and the value.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import type { Period } from "../calendar/period.js"
import type { AggregateIndicator } from "../conventions/objective.js"
import type { Terms } from "../conventions/terms.js"
import type { Candidate, OtherFundingSchema } from "../eligibility/candidate.js"
import type { EligibilityContext } from "../eligibility/rule.js"
import type { Outcome } from "../core/explanation.js"
import { type Rational, addRational, rational, rationalOf } from "../core/fraction.js"
import type { AccompanimentKind } from "../referential/codes.js"
import type { ActivityKind } from "../referential/convention-codes.js"
import type { Activity } from "./activity.js"
import type { ExcludedRecord } from "./exclusion.js"
import type * as Schema from "effect/Schema"
import { type ExclusionFact, exclusionDetail } from "../vocabulary/objectives.js"

/** The kind of support an activity is, for the eligibility rules. */
const SUPPORT_OF: Record<ActivityKind, AccompanimentKind> = {
  "accompagnement-individuel": "individuel",
  diagnostic: "individuel",
  "action-collective": "collectif",
  "reunion-instance": "instances-partenariales",
  "reunion-coordination-caf": "coordination-caf"
}

/**
 * One stretch of the year with the same terms: the terms, the eligibility context and the
 * compiled verdict.
 *
 * @internal
 */
export interface Stretch {
  readonly period: Period
  readonly terms: Terms
  readonly context: EligibilityContext
  readonly verdict: (candidate: Candidate) => Outcome
  /** The labels of the rules (the root's children) a candidate fails, as its explanation would list them. */
  readonly failed: (candidate: Candidate) => ReadonlyArray<string>
}

/** @internal What measuring an objective produces before its target is applied. */
export interface Measure {
  readonly value: Rational
  /** The ids of the records that counted, sorted. */
  readonly counted: ReadonlyArray<string>
  /** The structures that counted, sorted. */
  readonly structures: ReadonlyArray<string>
  /** The records that did not count: their list, sorted by id (then reason), is built when asked. */
  readonly excluded: ExcludedList
}

/**
 * @internal The records an objective left out, as a result holds them until its `excluded` is
 * first read: how many, and the list (new objects, sorted by id then reason) built by `list()`.
 */
export interface ExcludedList {
  /** How many records were left out. */
  readonly count: number
  /** The exclusions, sorted by id then reason. */
  list(): Array<ExcludedRecord>
}

/**
 * @internal What a tally keeps of the records it reads: `"all"` (the ids counted and the
 * records left out, with why), `"counted"` (the ids counted only: the records left out are found
 * again, by the same tally fed the same records, when their list is read; see `YearTally`), or
 * `"none"` (the value only: the part of a share, whose lists the result does not show).
 */
export type TallyLists = "all" | "counted" | "none"

/**
 * @internal Why a record does not count, apart from its id: one object shared by every record left
 * out alike (another kind, a sector, a scheme, a date outside the year), so that leaving a record
 * out costs two list slots, not an object. An {@link ExcludedRecord} is one too.
 */
export interface ExclusionWhy {
  readonly reason: ExcludedRecord["reason"]
  readonly detail: string
}

/**
 * @internal The records an objective left out, as the tally met them: the ids, and why each. The
 * list of {@link ExcludedRecord} (new objects, sorted by id then reason) is built by `list()`,
 * which the result's lazy `excluded` field calls the first time it is read; until then an
 * exclusion holds its id (a text the record holds too) and a shared reason.
 */
export class Exclusions implements ExcludedList {
  constructor(
    private readonly ids: ReadonlyArray<string>,
    private readonly whys: ReadonlyArray<ExclusionWhy>,
    private readonly inOrder: boolean
  ) {}

  /** How many records were left out. */
  get count(): number {
    return this.ids.length
  }

  /** The exclusions, sorted by id then reason: the same objects, key for key, as built one by one. */
  list(): Array<ExcludedRecord> {
    const { ids, whys } = this
    const list = new Array<ExcludedRecord>(ids.length)
    for (let index = 0; index < ids.length; index++) {
      const why = whys[index] as ExclusionWhy
      list[index] = { id: ids[index] as string, reason: why.reason, detail: why.detail }
    }
    return this.inOrder ? list : list.sort(byIdThenReason)
  }
}

/** @internal No record left out. */
export const NO_EXCLUSIONS = new Exclusions([], [], true)

const NO_FUNDING: ReadonlyArray<Schema.Schema.Type<typeof OtherFundingSchema>> = Object.freeze([])

/** @internal Why a record does not count: the reason and the particulars in French. */
export function exclusion(reason: ExcludedRecord["reason"], fact: ExclusionFact): ExclusionWhy {
  return { reason, detail: exclusionDetail(fact) }
}

// The reasons that depend on one word only (a kind, a sector, a scheme) are written once each and
// shared: most records left out are left out for one of these, by several objectives.
const kindReasons = new Map<string, ExclusionWhy>()
const supportReasons = new Map<string, ExclusionWhy>()
const conventionSectorReasons = new Map<string, ExclusionWhy>()
const objectiveSectorReasons = new Map<string | undefined, ExclusionWhy>()
const schemeReasons = new Map<string, ExclusionWhy>()

function kindReason(kind: ActivityKind): ExclusionWhy {
  let why = kindReasons.get(kind)
  if (why === undefined)
    kindReasons.set(kind, (why = exclusion("other-kind", { fact: "activity-kind-not-counted", kind })))
  return why
}

function supportReason(support: AccompanimentKind): ExclusionWhy {
  let why = supportReasons.get(support)
  if (why === undefined)
    supportReasons.set(support, (why = exclusion("other-kind", { fact: "support-not-counted", support })))
  return why
}

function conventionSectorReason(sector: NonNullable<Activity["sector"]>): ExclusionWhy {
  let why = conventionSectorReasons.get(sector)
  if (why === undefined)
    conventionSectorReasons.set(
      sector,
      (why = exclusion("sector-not-covered", { fact: "sector-not-in-convention", sector }))
    )
  return why
}

function objectiveSectorReason(sector: Activity["sector"]): ExclusionWhy {
  let why = objectiveSectorReasons.get(sector)
  if (why === undefined)
    objectiveSectorReasons.set(
      sector,
      (why = exclusion("sector-not-targeted", { fact: "sector-not-in-objective", sector }))
    )
  return why
}

function schemeReason(scheme: Activity["fundedBy"][number]): ExclusionWhy {
  let why = schemeReasons.get(scheme)
  if (why === undefined)
    schemeReasons.set(scheme, (why = exclusion("funded-elsewhere", { fact: "scheme-excluded", scheme })))
  return why
}

let noStructureReason: ExclusionWhy | undefined
let noDurationReason: ExclusionWhy | undefined
let unknownSectorReason: ExclusionWhy | undefined

/**
 * @internal The reasons of one tally that depend on a record's values (another convention, a body,
 * a theme, situations or départements not targeted, a missing measure): written once per distinct
 * value and shared by the records left out alike, for the tally's life only (its values come
 * from the records, so a cache kept by the module would grow with every batch read).
 */
class Reasons {
  /** By kind of reason, then by value (the value itself: no key to build); made with the first reason, as most tallies write none. */
  private byKind: Map<ReasonKind, Map<string | undefined, ExclusionWhy>> | undefined

  /** The reason of `kind` kept for `value`, or the one `make` writes, kept. */
  of(kind: ReasonKind, value: string | undefined, make: () => ExclusionWhy): ExclusionWhy {
    const byKind = (this.byKind ??= new Map())
    let byValue = byKind.get(kind)
    if (byValue === undefined) byKind.set(kind, (byValue = new Map()))
    let why = byValue.get(value)
    if (why === undefined) byValue.set(value, (why = make()))
    return why
  }
}

/**
 * Why a record is left out, for a tally that keeps no list of the records left out: it is not
 * worded, since nobody reads it (the list is found again, worded, when read).
 */
const LEFT_OUT: ExclusionWhy = Object.freeze({ reason: "other-kind", detail: "" })

/** The reasons of a tally that keeps no list of the records left out: none is written. */
class UnwrittenReasons extends Reasons {
  override of(): ExclusionWhy {
    return LEFT_OUT
  }
}

/** @internal The kinds of {@link Reasons}, each read with one value of a record. */
type ReasonKind = "convention" | "body" | "theme" | "situations" | "departements" | "measure"

function stretchOn(stretches: ReadonlyArray<Stretch>, date: CalendarDate): Stretch {
  for (const stretch of stretches) if (date <= stretch.period.end) return stretch
  return stretches[stretches.length - 1] as Stretch
}

/** The key of a record's structures' values of one field: one structure's value itself (the usual case), or the distinct ones joined. */
function fieldKey(structures: Activity["structures"], field: "situation" | "departement"): string {
  return structures.length === 1
    ? (structures[0] as Activity["structures"][number])[field]
    : distinctField(structures, field).join(",")
}

/** The distinct values of one field of a record's structures, in the order met. */
function distinctField<K extends "situation" | "departement">(
  structures: Activity["structures"],
  field: K
): ReadonlyArray<Activity["structures"][number][K]> {
  return [...new Set(structures.map((structure) => structure[field]))]
}

/** The first reason a record does not count, before structures are looked at; undefined if none. */
function filterReason(
  record: Activity,
  definition: AggregateIndicator,
  stretch: Stretch,
  conventionId: string,
  reasons: Reasons
): ExclusionWhy | undefined {
  const { filter } = definition
  if (filter.accompanimentKinds !== undefined && !filter.accompanimentKinds.includes(SUPPORT_OF[record.kind]))
    return supportReason(SUPPORT_OF[record.kind])
  const sector = record.sector
  if (sector !== undefined && !stretch.terms.sectors.includes(sector)) return conventionSectorReason(sector)
  if (filter.sectors !== undefined && (sector === undefined || !filter.sectors.includes(sector)))
    return objectiveSectorReason(sector)
  const fundedBy = record.fundedBy
  if (fundedBy.length > 0) {
    const excludedScheme = fundedBy.find((scheme) => stretch.terms.excludedSchemes.includes(scheme))
    if (excludedScheme !== undefined) return schemeReason(excludedScheme)
  }
  const other = record.conventionId
  if (other !== undefined && other !== conventionId)
    return reasons.of("convention", other, () =>
      exclusion("funded-elsewhere", { fact: "other-convention", conventionId: other })
    )
  const { bodies, themes } = filter
  const body = record.body
  if (bodies !== undefined && (body === undefined || !bodies.includes(body)))
    return reasons.of("body", body, () => exclusion("other-body", { fact: "other-body", body, bodies }))
  const theme = record.theme
  if (themes !== undefined && (theme === undefined || !themes.includes(theme)))
    return reasons.of("theme", theme, () => exclusion("other-theme", { fact: "other-theme", theme }))
  return undefined
}

function candidateOf(record: Activity, structure: Activity["structures"][number]): Candidate {
  const candidate: { -readonly [K in keyof Candidate]: Candidate[K] } = {
    id: record.id,
    structureId: structure.id,
    legalForm: structure.legalForm,
    departement: structure.departement,
    situation: structure.situation,
    sector: record.sector as Candidate["sector"],
    accompanimentKind: SUPPORT_OF[record.kind],
    otherFunding: record.fundedBy.length === 0 ? NO_FUNDING : record.fundedBy.map((scheme) => ({ scheme }))
  }
  if (structure.employer !== undefined) candidate.employer = structure.employer
  return candidate
}

/** Whether every structure is in one of the situations (or départements): a record's list is mostly one structure long. */
function allIn<K extends "situation" | "departement">(
  structures: Activity["structures"],
  field: K,
  values: ReadonlyArray<string>
): boolean {
  for (let index = 0; index < structures.length; index++)
    if (!values.includes((structures[index] as Activity["structures"][number])[field])) return false
  return true
}

/**
 * For a count of structures, or a filter on them: why no structure of the record counts, or
 * undefined when some do; those that count are added to `into` (given for a count of structures).
 */
function countingStructures(
  record: Activity,
  definition: AggregateIndicator,
  stretch: Stretch,
  into: Set<string> | undefined,
  reasons: Reasons
): ExclusionWhy | undefined {
  const structures = record.structures
  if (structures.length === 0) return (noStructureReason ??= exclusion("no-structure", { fact: "no-structure" }))
  const { situations, departements } = definition.filter
  const inSituation =
    situations === undefined || allIn(structures, "situation", situations)
      ? structures
      : structures.filter((structure) => situations.includes(structure.situation))
  if (inSituation.length === 0) {
    return reasons.of("situations", fieldKey(structures, "situation"), () =>
      exclusion("situation-not-targeted", {
        fact: "situation-not-targeted",
        situations: distinctField(structures, "situation")
      })
    )
  }
  const targeted =
    departements === undefined || allIn(inSituation, "departement", departements)
      ? inSituation
      : inSituation.filter((structure) => departements.includes(structure.departement))
  if (targeted.length === 0) {
    // The départements targeted are the indicator's, the same for every record of the tally.
    return reasons.of("departements", fieldKey(inSituation, "departement"), () =>
      exclusion("territory-not-targeted", {
        fact: "territory-not-targeted",
        departements: distinctField(inSituation, "departement"),
        targeted: departements ?? []
      })
    )
  }
  if (!readsStructures(definition) || !definition.eligibleOnly) {
    if (into !== undefined)
      for (let index = 0; index < targeted.length; index++)
        into.add((targeted[index] as Activity["structures"][number]).id)
    return undefined
  }
  if (record.sector === undefined)
    return (unknownSectorReason ??= exclusion("sector-not-covered", { fact: "sector-unknown-for-eligibility" }))
  let eligible = false
  for (let index = 0; index < targeted.length; index++) {
    const structure = targeted[index] as Activity["structures"][number]
    if (stretch.verdict(candidateOf(record, structure)) !== "fail") {
      eligible = true
      into?.add(structure.id)
    }
  }
  if (eligible) return undefined
  return new IneligibleStructure(record, targeted[0] as Activity["structures"][number], stretch)
}

/**
 * Why no structure of a record is eligible: the rules its first structure fails are found, and
 * worded, when the list of exclusions is read (judging them again costs as much as the verdict).
 * Until then it holds the record, one of its structures and the stretch, which the result's
 * explanation holds already.
 */
class IneligibleStructure implements ExclusionWhy {
  readonly reason = "structure-not-eligible"
  private written: string | undefined

  constructor(
    private readonly record: Activity,
    private readonly structure: Activity["structures"][number],
    private readonly stretch: Stretch
  ) {}

  get detail(): string {
    if (this.written === undefined) {
      const { record, structure } = this
      const failed = this.stretch.failed(candidateOf(record, structure)).map((label) => label.toLowerCase())
      this.written = exclusionDetail({
        fact: "structure-not-eligible",
        structure: structure.name ?? structure.id,
        support: SUPPORT_OF[record.kind],
        failed
      })
    }
    return this.written
  }
}

function readsStructures(definition: AggregateIndicator): boolean {
  return definition.aggregate === "distinct" && definition.field === "structures"
}

/** The figure a sum reads on a record, exactly; undefined when the record does not give it. */
function amountOf(record: Activity, field: string, hoursPerDay: number): Rational | undefined {
  switch (field) {
    case "days":
      return daysOf(record, hoursPerDay)
    case "hours":
      return record.hours === undefined ? undefined : rationalOf(record.hours)
    case "participants":
      return record.participants === undefined ? undefined : rationalOf(record.participants)
    default: {
      const value = record.measures?.[field]
      return value === undefined ? undefined : rationalOf(value)
    }
  }
}

/** Why a record that lacks the field an aggregate reads does not count. */
function missing(field: string, reasons: Reasons): ExclusionWhy {
  if (field === "days" || field === "hours")
    return (noDurationReason ??= exclusion("no-duration", { fact: "no-duration" }))
  return reasons.of("measure", field, () => exclusion("no-measure", { fact: "no-measure", field }))
}

/** The days a record lasts, exactly: `days`, or `hours / hoursPerDay`. */
function daysOf(record: Activity, hoursPerDay: number): Rational | undefined {
  if (record.days !== undefined) return rationalOf(record.days)
  if (record.hours !== undefined) {
    const hours = rationalOf(record.hours)
    const perDay = rationalOf(hoursPerDay)
    return rational(hours.n * perDay.d, hours.d * perDay.n)
  }
  return undefined
}

const ZERO = rational(0n)

/**
 * @internal Measures one indicator (as its aggregate) over records given one at a time, in any
 * order: each is counted or excluded with its reason. `lists` says what it keeps besides the
 * value (see {@link TallyLists}). {@link Tally.result} sorts the lists by id.
 */
export class Tally {
  private readonly counted: Array<string> = []
  /** The records left out: their ids, and why each (see {@link Exclusions}). */
  private readonly excludedIds: Array<string> = []
  private readonly excludedWhys: Array<ExclusionWhy> = []
  /** Whether the lists came in id order so far (records given in id order do): sorting them again is then not needed. */
  private countedInOrder = true
  private excludedInOrder = true
  private readonly structures = new Set<string>()
  private readonly values = new Set<string>()
  private countedRecords = 0
  private sum: Rational = ZERO
  private readonly field: string
  private readonly structural: boolean
  private readonly readsStructures: boolean
  /** The reasons written from records' values, shared by the records left out alike (none written when no list of them is kept). */
  private readonly reasons: Reasons
  /** Whether the records left out are listed, and the ids counted. */
  private readonly keepsExcluded: boolean
  private readonly keepsCounted: boolean

  constructor(
    private readonly definition: AggregateIndicator,
    private readonly stretches: ReadonlyArray<Stretch>,
    private readonly conventionId: string,
    lists: TallyLists = "all"
  ) {
    this.keepsExcluded = lists === "all"
    this.keepsCounted = lists !== "none"
    this.reasons = this.keepsExcluded ? new Reasons() : new UnwrittenReasons()
    this.field = definition.field ?? ""
    this.readsStructures = readsStructures(definition)
    this.structural =
      this.readsStructures || definition.filter.situations !== undefined || definition.filter.departements !== undefined
  }

  /** Excludes a record (or a copy of one) for a reason decided outside the indicator. */
  exclude(id: string, why: ExclusionWhy): void {
    if (!this.keepsExcluded) return
    const ids = this.excludedIds
    const last = ids.length - 1
    if (this.excludedInOrder && last >= 0) {
      const lastId = ids[last] as string
      if (lastId > id || (lastId === id && (this.excludedWhys[last] as ExclusionWhy).reason > why.reason))
        this.excludedInOrder = false
    }
    ids.push(id)
    this.excludedWhys.push(why)
  }

  /**
   * Counts or excludes one record: `out`, when set, is the reason it is out for every objective
   * (outside the year, after the as-of day).
   */
  add(record: Activity, out: ExclusionWhy | undefined): void {
    const filtered = this.filteredOut(record, out)
    if (filtered !== undefined) return this.exclude(record.id, filtered)
    const definition = this.definition
    if (definition.aggregate === "sum") {
      const amount = amountOf(record, this.field, definition.hoursPerDay)
      if (amount === undefined) return this.exclude(record.id, missing(this.field, this.reasons))
      this.sum = addRational(this.sum, amount)
    }
    if (definition.aggregate === "distinct" && !this.readsStructures) {
      const ids = record.beneficiaries?.[this.field]
      if (ids === undefined) return this.exclude(record.id, missing(this.field, this.reasons))
      for (const id of ids) this.values.add(id)
    }
    this.countedRecords++
    if (this.keepsCounted) {
      const counted = this.counted
      if (this.countedInOrder && counted.length > 0 && (counted[counted.length - 1] as string) > record.id)
        this.countedInOrder = false
      counted.push(record.id)
    }
  }

  /**
   * Excludes an identical copy of a record already added: for the reason the record was left out,
   * or as a copy (`copy`) when the record counted. A copy of a record outside the year is outside
   * the year too, not a copy counted once.
   */
  addCopy(record: Activity, out: ExclusionWhy | undefined, copy: ExclusionWhy): void {
    const definition = this.definition
    const why =
      this.filteredOut(record, out) ??
      (definition.aggregate === "sum" && amountOf(record, this.field, definition.hoursPerDay) === undefined
        ? missing(this.field, this.reasons)
        : definition.aggregate === "distinct" &&
            !this.readsStructures &&
            record.beneficiaries?.[this.field] === undefined
          ? missing(this.field, this.reasons)
          : copy)
    this.exclude(record.id, why)
  }

  /**
   * Why a record is left out before its value is read: `out`, its kind, the indicator's filters,
   * or no structure that counts (for a count of structures, those of the record that count are
   * added as they are found: nothing after this step but a missing value leaves the record out,
   * and a copy adds the same structures again, which changes nothing).
   */
  private filteredOut(record: Activity, out: ExclusionWhy | undefined): ExclusionWhy | undefined {
    if (out !== undefined) return out
    const definition = this.definition
    if (!definition.filter.activityKinds.includes(record.kind))
      return this.keepsExcluded ? kindReason(record.kind) : LEFT_OUT
    const stretch = stretchOn(this.stretches, record.date)
    const reason = filterReason(record, definition, stretch, this.conventionId, this.reasons)
    if (reason !== undefined) return reason
    if (this.structural)
      return countingStructures(
        record,
        definition,
        stretch,
        this.readsStructures ? this.structures : undefined,
        this.reasons
      )
    return undefined
  }

  /** The kinds of activity the indicator counts: a record of another kind is left out. */
  get kinds(): ReadonlyArray<ActivityKind> {
    return this.definition.filter.activityKinds
  }

  /** How many records counted so far. */
  get countedSoFar(): number {
    return this.countedRecords
  }

  /** The indicator's value so far. */
  value(): Rational {
    switch (this.definition.aggregate) {
      case "count":
        return rational(BigInt(this.countedRecords))
      case "distinct":
        return rational(BigInt(this.readsStructures ? this.structures.size : this.values.size))
      case "sum":
        return this.sum
    }
  }

  /**
   * The measure: the value, and the lists sorted by id, whatever the order the records came in.
   * `excluded`, for a tally that keeps no list of the records left out, is where they will be found.
   */
  result(excluded?: ExcludedList): Measure {
    return {
      value: this.value(),
      counted: this.countedInOrder ? this.counted : this.counted.sort(),
      structures: this.structures.size === 0 ? [] : [...this.structures].sort(),
      excluded:
        excluded ??
        (this.excludedIds.length === 0
          ? NO_EXCLUSIONS
          : new Exclusions(this.excludedIds, this.excludedWhys, this.excludedInOrder))
    }
  }
}

/**
 * @internal The number of records left out by reason, from an objective's `excluded` (sorted by
 * id): the reasons in the order they first appear, the copies of records (`duplicate-id`) last.
 */
export function excludedByReasonOf(excluded: ReadonlyArray<ExcludedRecord>): Map<ExcludedRecord["reason"], number> {
  const byReason = new Map<ExcludedRecord["reason"], number>()
  let copies = 0
  for (const record of excluded)
    if (record.reason === "duplicate-id") copies++
    else byReason.set(record.reason, (byReason.get(record.reason) ?? 0) + 1)
  if (copies > 0) byReason.set("duplicate-id", copies)
  return byReason
}

/** @internal Orders exclusions by record id, then reason: the order of an objective's `excluded`. */
function byIdThenReason(a: ExcludedRecord, b: ExcludedRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0
}
