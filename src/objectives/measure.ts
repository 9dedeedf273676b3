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
  /** The records that did not count, sorted by id (then reason). */
  readonly excluded: ReadonlyArray<ExcludedRecord>
}

const NO_FUNDING: ReadonlyArray<Schema.Schema.Type<typeof OtherFundingSchema>> = Object.freeze([])

/** @internal A record that does not count, with the reason and the particulars in French. */
export function excluded(id: string, reason: ExcludedRecord["reason"], fact: ExclusionFact): ExcludedRecord {
  return { id, reason, detail: exclusionDetail(fact) }
}

/** A record that does not count, with particulars already written. */
function excludedAs(id: string, reason: ExcludedRecord["reason"], detail: string): ExcludedRecord {
  return { id, reason, detail }
}

// The particulars that depend on one word only (a kind, a sector, a scheme) are written once each:
// most records left out are left out for one of these, by several objectives.
const kindDetails = new Map<string, string>()
const supportDetails = new Map<string, string>()
const conventionSectorDetails = new Map<string, string>()
const objectiveSectorDetails = new Map<string | undefined, string>()
const schemeDetails = new Map<string, string>()

function kindDetail(kind: ActivityKind): string {
  let detail = kindDetails.get(kind)
  if (detail === undefined)
    kindDetails.set(kind, (detail = exclusionDetail({ fact: "activity-kind-not-counted", kind })))
  return detail
}

function supportDetail(support: AccompanimentKind): string {
  let detail = supportDetails.get(support)
  if (detail === undefined)
    supportDetails.set(support, (detail = exclusionDetail({ fact: "support-not-counted", support })))
  return detail
}

function conventionSectorDetail(sector: NonNullable<Activity["sector"]>): string {
  let detail = conventionSectorDetails.get(sector)
  if (detail === undefined)
    conventionSectorDetails.set(sector, (detail = exclusionDetail({ fact: "sector-not-in-convention", sector })))
  return detail
}

function objectiveSectorDetail(sector: Activity["sector"]): string {
  let detail = objectiveSectorDetails.get(sector)
  if (detail === undefined)
    objectiveSectorDetails.set(sector, (detail = exclusionDetail({ fact: "sector-not-in-objective", sector })))
  return detail
}

function schemeDetail(scheme: Activity["fundedBy"][number]): string {
  let detail = schemeDetails.get(scheme)
  if (detail === undefined) schemeDetails.set(scheme, (detail = exclusionDetail({ fact: "scheme-excluded", scheme })))
  return detail
}

let noStructureDetail: string | undefined

function stretchOn(stretches: ReadonlyArray<Stretch>, date: CalendarDate): Stretch {
  for (const stretch of stretches) if (date <= stretch.period.end) return stretch
  return stretches[stretches.length - 1] as Stretch
}

/** The first reason a record does not count, before structures are looked at; undefined if none. */
function filterReason(
  record: Activity,
  definition: AggregateIndicator,
  stretch: Stretch,
  conventionId: string
): ExcludedRecord | undefined {
  const { filter } = definition
  const id = record.id
  if (filter.accompanimentKinds !== undefined && !filter.accompanimentKinds.includes(SUPPORT_OF[record.kind]))
    return excludedAs(id, "other-kind", supportDetail(SUPPORT_OF[record.kind]))
  const sector = record.sector
  if (sector !== undefined && !stretch.terms.sectors.includes(sector))
    return excludedAs(id, "sector-not-covered", conventionSectorDetail(sector))
  if (filter.sectors !== undefined && (sector === undefined || !filter.sectors.includes(sector)))
    return excludedAs(id, "sector-not-covered", objectiveSectorDetail(sector))
  const fundedBy = record.fundedBy
  if (fundedBy.length > 0) {
    const excludedScheme = fundedBy.find((scheme) => stretch.terms.excludedSchemes.includes(scheme))
    if (excludedScheme !== undefined) return excludedAs(id, "funded-elsewhere", schemeDetail(excludedScheme))
  }
  if (record.conventionId !== undefined && record.conventionId !== conventionId)
    return excluded(id, "funded-elsewhere", { fact: "other-convention", conventionId: record.conventionId })
  if (filter.bodies !== undefined && (record.body === undefined || !filter.bodies.includes(record.body)))
    return excluded(id, "other-body", { fact: "other-body", body: record.body, bodies: filter.bodies })
  if (filter.themes !== undefined && (record.theme === undefined || !filter.themes.includes(record.theme)))
    return excluded(id, "other-theme", { fact: "other-theme", theme: record.theme })
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
  into: Set<string> | undefined
): ExcludedRecord | undefined {
  const id = record.id
  const structures = record.structures
  if (structures.length === 0)
    return excludedAs(id, "no-structure", (noStructureDetail ??= exclusionDetail({ fact: "no-structure" })))
  const { situations, departements } = definition.filter
  const inSituation =
    situations === undefined || allIn(structures, "situation", situations)
      ? structures
      : structures.filter((structure) => situations.includes(structure.situation))
  if (inSituation.length === 0) {
    const seen = [...new Set(structures.map((structure) => structure.situation))]
    return excluded(id, "situation-not-targeted", { fact: "situation-not-targeted", situations: seen })
  }
  const targeted =
    departements === undefined || allIn(inSituation, "departement", departements)
      ? inSituation
      : inSituation.filter((structure) => departements.includes(structure.departement))
  if (targeted.length === 0) {
    const seen = [...new Set(inSituation.map((structure) => structure.departement))]
    return excluded(id, "territory-not-targeted", {
      fact: "territory-not-targeted",
      departements: seen,
      targeted: departements ?? []
    })
  }
  if (!readsStructures(definition) || !definition.eligibleOnly) {
    if (into !== undefined)
      for (let index = 0; index < targeted.length; index++)
        into.add((targeted[index] as Activity["structures"][number]).id)
    return undefined
  }
  if (record.sector === undefined) return excluded(id, "sector-not-covered", { fact: "sector-unknown-for-eligibility" })
  let eligible = false
  for (let index = 0; index < targeted.length; index++) {
    const structure = targeted[index] as Activity["structures"][number]
    if (stretch.verdict(candidateOf(record, structure)) !== "fail") {
      eligible = true
      into?.add(structure.id)
    }
  }
  if (eligible) return undefined
  const first = targeted[0] as Activity["structures"][number]
  const failed = stretch.failed(candidateOf(record, first)).map((label) => label.toLowerCase())
  return excluded(id, "structure-not-eligible", {
    fact: "structure-not-eligible",
    structure: first.name ?? first.id,
    support: SUPPORT_OF[record.kind],
    failed
  })
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
function missing(record: Activity, field: string): ExcludedRecord {
  if (field === "days" || field === "hours") return excluded(record.id, "no-duration", { fact: "no-duration" })
  return excluded(record.id, "no-measure", { fact: "no-measure", field })
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

/** @internal What one record shares between the objectives of a year: its exclusion for another kind, built once. */
export interface SharedExclusions {
  otherKind: ExcludedRecord | undefined
}

const ZERO = rational(0n)

/**
 * @internal Measures one indicator (as its aggregate) over records given one at a time, in any
 * order: each is counted or excluded with its reason. `keepLists: false` keeps only the value
 * (the part of a share, whose lists the result does not show). {@link Tally.result} sorts the
 * lists by id.
 */
export class Tally {
  private readonly counted: Array<string> = []
  private readonly excludedRecords: Array<ExcludedRecord> = []
  /** Whether the lists came in id order so far (records from a list do): sorting them again is then not needed. */
  private countedInOrder = true
  private excludedInOrder = true
  private readonly structures = new Set<string>()
  private readonly values = new Set<string>()
  private countedRecords = 0
  private sum: Rational = ZERO
  private readonly field: string
  private readonly structural: boolean
  private readonly readsStructures: boolean

  constructor(
    private readonly definition: AggregateIndicator,
    private readonly stretches: ReadonlyArray<Stretch>,
    private readonly conventionId: string,
    private readonly keepLists = true
  ) {
    this.field = definition.field ?? ""
    this.readsStructures = readsStructures(definition)
    this.structural =
      this.readsStructures || definition.filter.situations !== undefined || definition.filter.departements !== undefined
  }

  /** Excludes a record (or a copy of one) for a reason decided outside the indicator. */
  exclude(reason: ExcludedRecord): void {
    if (!this.keepLists) return
    const list = this.excludedRecords
    if (this.excludedInOrder && list.length > 0 && byIdThenReason(list[list.length - 1] as ExcludedRecord, reason) > 0)
      this.excludedInOrder = false
    list.push(reason)
  }

  /**
   * Counts or excludes one record: `out`, when set, is the reason it is out for every objective
   * (outside the year, after the as-of day); `shared` holds its exclusion for a kind several
   * indicators do not count, built once.
   */
  add(record: Activity, out: ExcludedRecord | undefined, shared: SharedExclusions): void {
    if (out !== undefined) return this.exclude(out)
    const definition = this.definition
    if (!definition.filter.activityKinds.includes(record.kind))
      return this.exclude((shared.otherKind ??= excludedAs(record.id, "other-kind", kindDetail(record.kind))))
    const stretch = stretchOn(this.stretches, record.date)
    const reason = filterReason(record, definition, stretch, this.conventionId)
    if (reason !== undefined) return this.exclude(reason)
    if (this.structural) {
      // For a count of structures, those of the record that count are added as they are found:
      // nothing after this step leaves the record out.
      const none = countingStructures(record, definition, stretch, this.readsStructures ? this.structures : undefined)
      if (none !== undefined) return this.exclude(none)
    }
    if (definition.aggregate === "sum") {
      const amount = amountOf(record, this.field, definition.hoursPerDay)
      if (amount === undefined) return this.exclude(missing(record, this.field))
      this.sum = addRational(this.sum, amount)
    }
    if (definition.aggregate === "distinct" && !this.readsStructures) {
      const ids = record.beneficiaries?.[this.field]
      if (ids === undefined) return this.exclude(missing(record, this.field))
      for (const id of ids) this.values.add(id)
    }
    this.countedRecords++
    if (this.keepLists) {
      const counted = this.counted
      if (this.countedInOrder && counted.length > 0 && (counted[counted.length - 1] as string) > record.id)
        this.countedInOrder = false
      counted.push(record.id)
    }
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

  /** The measure: the value, and the lists sorted by id, whatever the order the records came in. */
  result(): Measure {
    return {
      value: this.value(),
      counted: this.countedInOrder ? this.counted : this.counted.sort(),
      structures: this.structures.size === 0 ? [] : [...this.structures].sort(),
      excluded: this.excludedInOrder ? this.excludedRecords : this.excludedRecords.sort(byIdThenReason)
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
