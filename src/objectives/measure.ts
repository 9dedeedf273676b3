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
import { type EligibilityContext, type RuleTree, explainTree } from "../eligibility/rule.js"
import type { Outcome } from "../core/explanation.js"
import { type Rational, addRational, rational, rationalOf } from "../core/fraction.js"
import {
  ACCOMPANIMENT_KIND_LABELS,
  type AccompanimentKind,
  FUNDING_SCHEME_LABELS,
  SECTOR_LABELS,
  SITUATION_LABELS
} from "../referential/codes.js"
import { ACTIVITY_KIND_LABELS, type ActivityKind } from "../referential/convention-codes.js"
import type { Activity } from "./activity.js"
import type { ExcludedRecord } from "./exclusion.js"
import type * as Schema from "effect/Schema"
import { departementText } from "../referential/departements.js"

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
}

/** @internal What measuring an objective produces before its target is applied. */
export interface Measure {
  readonly value: Rational
  readonly counted: Array<string>
  readonly structures: Array<string>
  readonly excluded: Array<ExcludedRecord>
  /** Number of excluded records by reason. */
  readonly excludedByReason: Map<string, number>
}

const NO_FUNDING: ReadonlyArray<Schema.Schema.Type<typeof OtherFundingSchema>> = Object.freeze([])

function excluded(record: Activity, reason: ExcludedRecord["reason"], detail: string): ExcludedRecord {
  return { id: record.id, reason, detail }
}

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
  if (filter.accompanimentKinds !== undefined && !filter.accompanimentKinds.includes(SUPPORT_OF[record.kind])) {
    return excluded(
      record,
      "other-kind",
      `${ACCOMPANIMENT_KIND_LABELS[SUPPORT_OF[record.kind]]} : type d'accompagnement que l'indicateur ne compte pas`
    )
  }
  if (record.sector !== undefined && !stretch.terms.sectors.includes(record.sector)) {
    return excluded(
      record,
      "sector-not-covered",
      `le secteur « ${SECTOR_LABELS[record.sector]} » n'est pas couvert par la convention à cette date`
    )
  }
  if (filter.sectors !== undefined && (record.sector === undefined || !filter.sectors.includes(record.sector))) {
    return excluded(
      record,
      "sector-not-covered",
      record.sector === undefined
        ? "secteur non renseigné"
        : `le secteur « ${SECTOR_LABELS[record.sector]} » n'est pas visé par l'objectif`
    )
  }
  const excludedScheme = record.fundedBy.find((scheme) => stretch.terms.excludedSchemes.includes(scheme))
  if (excludedScheme !== undefined)
    return excluded(
      record,
      "funded-elsewhere",
      `financé par ${FUNDING_SCHEME_LABELS[excludedScheme]}, que la convention exclut`
    )
  if (record.conventionId !== undefined && record.conventionId !== conventionId) {
    return excluded(record, "funded-elsewhere", `déclaré au titre de la convention ${record.conventionId}`)
  }
  if (filter.bodies !== undefined && (record.body === undefined || !filter.bodies.includes(record.body))) {
    return excluded(
      record,
      "other-body",
      record.body === undefined
        ? "instance non renseignée"
        : `instance ${record.body}, l'objectif vise ${filter.bodies.join(", ")}`
    )
  }
  if (filter.themes !== undefined && (record.theme === undefined || !filter.themes.includes(record.theme))) {
    return excluded(
      record,
      "other-theme",
      record.theme === undefined ? "thème non renseigné" : `thème « ${record.theme} »`
    )
  }
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

/** For a count of structures, or a filter on them: the structures of the record that count, or why none does. */
function countingStructures(
  record: Activity,
  definition: AggregateIndicator,
  stretch: Stretch,
  rules: RuleTree
): ReadonlyArray<string> | ExcludedRecord {
  if (record.structures.length === 0)
    return excluded(record, "no-structure", "l'enregistrement ne nomme aucune structure")
  const { situations, departements } = definition.filter
  const inSituation =
    situations === undefined
      ? record.structures
      : record.structures.filter((structure) => situations.includes(structure.situation))
  if (inSituation.length === 0) {
    const seen = [...new Set(record.structures.map((structure) => SITUATION_LABELS[structure.situation].toLowerCase()))]
    return excluded(
      record,
      "situation-not-targeted",
      `${seen.length > 1 ? "structures" : "structure"} ${seen.join(", ")}`
    )
  }
  const targeted =
    departements === undefined
      ? inSituation
      : inSituation.filter((structure) => departements.includes(structure.departement))
  if (targeted.length === 0) {
    const seen = [...new Set(inSituation.map((structure) => structure.departement))]
    return excluded(
      record,
      "territory-not-targeted",
      `${seen.length > 1 ? "structures des départements" : "structure du département"} ${seen.map(departementText).join(", ")}, l'indicateur vise ${(departements ?? []).map(departementText).join(", ")}`
    )
  }
  if (!readsStructures(definition) || !definition.eligibleOnly) return targeted.map((structure) => structure.id)
  if (record.sector === undefined)
    return excluded(
      record,
      "sector-not-covered",
      "secteur non renseigné : l'éligibilité des structures ne peut être vérifiée"
    )
  const eligible = targeted.filter((structure) => stretch.verdict(candidateOf(record, structure)) !== "fail")
  if (eligible.length > 0) return eligible.map((structure) => structure.id)
  const first = targeted[0] as Activity["structures"][number]
  const explanation = explainTree(rules, candidateOf(record, first), stretch.context)
  const failed = explanation.children
    .filter((child) => child.outcome === "fail")
    .map((child) => child.label.toLowerCase())
  return excluded(
    record,
    "structure-not-eligible",
    `${first.name ?? first.id} (${ACCOMPANIMENT_KIND_LABELS[SUPPORT_OF[record.kind]].toLowerCase()}) : ${failed.join(", ")}`
  )
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
  if (field === "days" || field === "hours") return excluded(record, "no-duration", "ni jours ni heures renseignés")
  return excluded(record, "no-measure", `« ${field} » non renseigné`)
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

/**
 * Measures one indicator (as its aggregate) over the deduplicated records, sorted by id: `common[i]`, when set, is
 * the reason record `i` is out for every objective (outside the year, after the as-of day);
 * `otherKind` is shared by the objectives of one evaluation, so that a record of a kind several
 * indicators do not count gets one exclusion object.
 * Returns the counted ids and the excluded records in id order, the structures that count, and
 * the value.
 *
 * @internal
 */
export function measure(
  definition: AggregateIndicator,
  records: ReadonlyArray<Activity>,
  common: ReadonlyArray<ExcludedRecord | undefined>,
  otherKind: Array<ExcludedRecord | undefined>,
  stretches: ReadonlyArray<Stretch>,
  rules: RuleTree,
  conventionId: string
): Measure {
  const counted: Array<string> = []
  const excludedRecords: Array<ExcludedRecord> = []
  const excludedByReason = new Map<string, number>()
  const exclude = (reason: ExcludedRecord) => {
    excludedRecords.push(reason)
    excludedByReason.set(reason.reason, (excludedByReason.get(reason.reason) ?? 0) + 1)
  }
  const structures = new Set<string>()
  const values = new Set<string>()
  let sum = rational(0n)
  const field = definition.field ?? ""
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as Activity
    const out = common[i]
    if (out !== undefined) {
      exclude(out)
      continue
    }
    if (!definition.filter.activityKinds.includes(record.kind)) {
      // The same exclusion object serves every objective that does not count this kind.
      exclude(
        (otherKind[i] ??= excluded(
          record,
          "other-kind",
          `${ACTIVITY_KIND_LABELS[record.kind]} : type d'activité que l'indicateur ne compte pas`
        ))
      )
      continue
    }
    const stretch = stretchOn(stretches, record.date)
    const reason = filterReason(record, definition, stretch, conventionId)
    if (reason !== undefined) {
      exclude(reason)
      continue
    }
    if (
      readsStructures(definition) ||
      definition.filter.situations !== undefined ||
      definition.filter.departements !== undefined
    ) {
      const counting = countingStructures(record, definition, stretch, rules)
      if (!Array.isArray(counting)) {
        exclude(counting as ExcludedRecord)
        continue
      }
      if (readsStructures(definition)) for (const id of counting) structures.add(id)
    }
    if (definition.aggregate === "sum") {
      const amount = amountOf(record, field, definition.hoursPerDay)
      if (amount === undefined) {
        exclude(missing(record, field))
        continue
      }
      sum = addRational(sum, amount)
    }
    if (definition.aggregate === "distinct" && !readsStructures(definition)) {
      const ids = record.beneficiaries?.[field]
      if (ids === undefined) {
        exclude(missing(record, field))
        continue
      }
      for (const id of ids) values.add(id)
    }
    counted.push(record.id)
  }
  return {
    value: valueOf(definition, counted.length, readsStructures(definition) ? structures.size : values.size, sum),
    counted,
    structures: [...structures],
    excluded: excludedRecords,
    excludedByReason
  }
}

/** The indicator's value: every kind of aggregate is handled, none falls back on another. */
function valueOf(definition: AggregateIndicator, records: number, distinct: number, sum: Rational): Rational {
  switch (definition.aggregate) {
    case "count":
      return rational(BigInt(records))
    case "distinct":
      return rational(BigInt(distinct))
    case "sum":
      return sum
  }
}
