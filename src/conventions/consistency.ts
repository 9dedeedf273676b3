/**
 * The rules that relate a convention's fields to each other, checked when it is decoded so that
 * a decoded convention can be trusted by every computation.
 *
 * @module
 */
import type * as Schema from "effect/Schema"
import { periodYears } from "../calendar/period.js"
import type { Issue } from "../core/errors.js"
import type { IssueCode } from "../core/issue.js"
import { textsIssue } from "../core/issues.js"
import {
  DRAFT_AMENDED,
  DRAFT_NOTIFIED,
  DRAFT_TERMINATED,
  DRAFT_WITHDRAWN,
  SHARE_TARGET,
  YEARLY_AMOUNT_CHANGE,
  YEAR_AMOUNT_CHANGE,
  afterLastDayText,
  amendmentNumberTakenText,
  amendmentOutsidePeriodText,
  amendmentSignedBeforeText,
  breachAfterDecisionText,
  newEndBeforeStartText,
  noObjectiveText,
  noObjectiveToRemoveText,
  notifiedBeforeDecisionText,
  notifiedBeforeSignatureText,
  objectiveAddedAfterEndText,
  objectiveIdTakenText,
  objectiveNotInForceText,
  objectiveRemovedBeforeAddedText,
  objectiveRemovedTwiceText,
  onceAppliedText,
  partnerIsFunderText,
  repaymentDueText,
  termChangedTwiceText,
  terminationBeforeSignatureText,
  terminationOutsidePeriodText,
  withdrawalBeforeSignatureText,
  withdrawalOutsidePeriodText,
  yearOutsidePeriodText
} from "../vocabulary/consistency.js"
import type { Texts } from "../vocabulary/validation.js"
import { changedTerms } from "./amendment.js"
import { paymentTermsProblem } from "./payment-terms-check.js"
import { withdrawalRepaymentDue } from "./withdrawal.js"
import type { ConventionFields } from "./fields.js"

type Draft = Schema.Schema.Type<typeof ConventionFields>

/**
 * The last day a convention may name (its period, signature, notification, amendments,
 * termination). The days computed from a convention fall at most four years after its dates:
 * the reports are due up to 24 months after the end, the balance the next year (and paid within
 * 366 days at most), the duration check looks four years past the start. Ten years of margin
 * keep every one of them before the calendar's end, 31 December 9999.
 *
 * @example
 * ```ts
 * import { LAST_CONVENTION_DAY } from "caf-conventions"
 * LAST_CONVENTION_DAY //=> "9989-12-31"
 * ```
 * @category conventions
 */
export const LAST_CONVENTION_DAY = "9989-12-31"

/** A broken rule between fields: its path and both texts, with the code `rule` unless another is given. */
const rule = (path: ReadonlyArray<string | number>, texts: Texts, code: IssueCode = "rule"): Issue =>
  textsIssue(path, code, texts)

/** Every inconsistency of a convention, with its path, its code and both messages; empty when it holds together. */
export function conventionIssues(convention: Draft): ReadonlyArray<Issue> {
  return [
    ...calendarIssues(convention),
    ...partyIssues(convention),
    ...termIssues(convention),
    ...amendmentIssues(convention),
    ...paymentTermsIssues(convention),
    ...terminationIssues(convention),
    ...withdrawalIssues(convention)
  ]
}

/** The dates of a convention after {@link LAST_CONVENTION_DAY}. */
function calendarIssues(convention: Draft): Array<Issue> {
  const dates: Array<readonly [ReadonlyArray<string | number>, string | undefined]> = [
    [["signatureDate"], convention.signatureDate],
    [["notificationDate"], convention.notificationDate],
    [["terms", "period", "start"], convention.terms.period.start],
    [["terms", "period", "end"], convention.terms.period.end]
  ]
  convention.amendments.forEach((amendment, index) => {
    dates.push(
      [["amendments", index, "signatureDate"], amendment.signatureDate],
      [["amendments", index, "effectiveDate"], amendment.effectiveDate]
    )
    amendment.changes.forEach((change, changeIndex) => {
      if (change.kind === "period-end") dates.push([["amendments", index, "changes", changeIndex, "end"], change.end])
    })
  })
  dates.push(
    [["termination", "date"], convention.termination?.date],
    [["termination", "decidedOn"], convention.termination?.decidedOn]
  )
  const withdrawal = convention.withdrawal
  dates.push(
    [["withdrawal", "decidedOn"], withdrawal?.decidedOn],
    [["withdrawal", "effectiveFrom"], withdrawal?.effectiveFrom],
    [["withdrawal", "notifiedOn"], withdrawal?.notifiedOn],
    [["withdrawal", "repaymentDueDate"], withdrawal?.repaymentDueDate]
  )
  return dates.flatMap(([path, date]) =>
    date !== undefined && date > LAST_CONVENTION_DAY
      ? [rule(path, afterLastDayText(date, LAST_CONVENTION_DAY), "range")]
      : []
  )
}

function partyIssues(convention: Draft): Array<Issue> {
  const issues: Array<Issue> = []
  if (convention.partnerId === convention.funderId) {
    issues.push(rule(["partnerId"], partnerIsFunderText(convention.funderId)))
  }
  if (convention.notificationDate !== undefined) {
    if (convention.signatureDate === undefined) {
      issues.push(rule(["notificationDate"], DRAFT_NOTIFIED))
    } else if (convention.notificationDate < convention.signatureDate) {
      issues.push(
        rule(["notificationDate"], notifiedBeforeSignatureText(convention.notificationDate, convention.signatureDate))
      )
    }
  }
  return issues
}

function termIssues(convention: Draft): Array<Issue> {
  const issues: Array<Issue> = []
  const { terms } = convention
  const years = new Set(periodYears(terms.period))
  const { start, end } = terms.period
  if (terms.amounts?.kind === "per-year") {
    for (const year of Object.keys(terms.amounts.byYear)) {
      if (!years.has(Number(year))) {
        issues.push(rule(["terms", "amounts", "byYear", year], yearOutsidePeriodText(year, start, end)))
      }
    }
  }
  const seen = new Map<string, number>()
  terms.objectives.forEach((objective, index) => {
    const first = seen.get(objective.id)
    if (first !== undefined) {
      issues.push(
        rule(["terms", "objectives", index, "id"], objectiveIdTakenText(objective.id, `objectives[${first}]`))
      )
    } else seen.set(objective.id, index)
    for (const year of Object.keys(objective.targetsByYear ?? {})) {
      if (!years.has(Number(year))) {
        issues.push(
          rule(["terms", "objectives", index, "targetsByYear", year], yearOutsidePeriodText(year, start, end))
        )
      }
    }
  })
  return issues
}

function amendmentIssues(convention: Draft): Array<Issue> {
  const issues: Array<Issue> = []
  const { terms } = convention
  const numbers = new Map<number, number>()
  const touched = new Map<string, number>()
  convention.amendments.forEach((amendment, index) => {
    const at = (...rest: Array<string | number>) => ["amendments", index, ...rest]
    const previous = numbers.get(amendment.number)
    if (previous !== undefined) {
      issues.push(rule(at("number"), amendmentNumberTakenText(amendment.number, previous)))
    } else numbers.set(amendment.number, index)
    if (convention.signatureDate === undefined) {
      issues.push(rule(at("signatureDate"), DRAFT_AMENDED))
    } else if (amendment.signatureDate < convention.signatureDate) {
      issues.push(
        rule(at("signatureDate"), amendmentSignedBeforeText(amendment.signatureDate, convention.signatureDate))
      )
    }
    // An amendment takes effect while the convention runs: during an extension that an amendment in
    // force before it agreed, but not after an earlier amendment ended the period.
    const end = endInForce(convention, amendment)
    if (amendment.effectiveDate < terms.period.start || amendment.effectiveDate > end) {
      issues.push(
        rule(at("effectiveDate"), amendmentOutsidePeriodText(amendment.effectiveDate, terms.period.start, end))
      )
    }
    amendment.changes.forEach((change, changeIndex) => {
      const path = at("changes", changeIndex)
      if (change.kind === "yearly-amount" && terms.amounts?.kind !== "constant") {
        issues.push(rule(path, YEARLY_AMOUNT_CHANGE))
      }
      if (change.kind === "year-amount" && terms.amounts?.kind !== "per-year") {
        issues.push(rule(path, YEAR_AMOUNT_CHANGE))
      }
      // A year's amount or target set by an amendment is one of the period's years, as in the
      // signed text, the period's extensions counted.
      if ((change.kind === "year-amount" || change.kind === "target") && change.year !== undefined) {
        const lastEnd = extendedEnd(convention, () => true)
        if (change.year < Number(terms.period.start.slice(0, 4)) || change.year > Number(lastEnd.slice(0, 4)))
          issues.push(rule([...path, "year"], yearOutsidePeriodText(String(change.year), terms.period.start, lastEnd)))
      }
      if (change.kind === "period-end" && change.end < terms.period.start) {
        issues.push(rule([...path, "end"], newEndBeforeStartText(change.end, terms.period.start), "period"))
      }
      if (change.kind === "target" && !definedObjectives(convention).has(change.objectiveId)) {
        issues.push(rule([...path, "objectiveId"], noObjectiveText(change.objectiveId)))
      }
      // The target of a share is a proportion, whoever sets it.
      const share = change.kind === "target" && definedObjectives(convention).get(change.objectiveId)?.share === true
      if (change.kind === "target" && share && ((change.target.atLeast ?? 0) > 1 || (change.target.atMost ?? 0) > 1)) {
        issues.push(rule([...path, "target"], SHARE_TARGET))
      }
      for (const term of changedTerms(change)) {
        const key = JSON.stringify([amendment.effectiveDate, term])
        const other = touched.get(key)
        if (other !== undefined) {
          issues.push(rule(path, termChangedTwiceText(other, term, amendment.effectiveDate)))
        } else touched.set(key, amendment.number)
      }
    })
  })
  return [...issues, ...objectiveChangeIssues(convention)]
}

/** Where an objective is defined: the signed text's or an amendment's, and whether it measures a share. */
interface ObjectiveDefinition {
  readonly where: string
  readonly share: boolean
  /** The amendment that adds it; absent for the signed text's. */
  readonly addedBy?: { readonly index: number; readonly number: number; readonly date: string }
}

const definitions = new WeakMap<Draft, ReadonlyMap<string, ObjectiveDefinition>>()

/** The objectives the signed text and the amendments define, by id: the first definition of each id. */
function definedObjectives(convention: Draft): ReadonlyMap<string, ObjectiveDefinition> {
  const known = definitions.get(convention)
  if (known !== undefined) return known
  const defined = new Map<string, ObjectiveDefinition>()
  convention.terms.objectives.forEach((objective, index) => {
    if (!defined.has(objective.id))
      defined.set(objective.id, { where: `terms.objectives[${index}]`, share: objective.indicator.kind === "share" })
  })
  convention.amendments.forEach((amendment, index) => {
    amendment.changes.forEach((change, changeIndex) => {
      if (change.kind !== "objectives-added") return
      change.objectives.forEach((objective, objectiveIndex) => {
        if (defined.has(objective.id)) return
        defined.set(objective.id, {
          where: `amendments[${index}].changes[${changeIndex}].objectives[${objectiveIndex}]`,
          share: objective.indicator.kind === "share",
          addedBy: { index, number: amendment.number, date: amendment.effectiveDate }
        })
      })
    })
  })
  definitions.set(convention, defined)
  return defined
}

/**
 * Objectives added and removed by amendments, walked in the order the amendments apply (effective
 * date, then number): an added objective takes an id nobody uses and starts inside the period as
 * amended by then; a removed one is defined and still in force; a target is set on an objective in
 * force.
 */
function objectiveChangeIssues(convention: Draft): Array<Issue> {
  const issues: Array<Issue> = []
  const defined = definedObjectives(convention)
  const lastEnd = extendedEnd(convention, () => true)
  const firstYear = Number(convention.terms.period.start.slice(0, 4))
  const lastYear = Number(lastEnd.slice(0, 4))
  const inForce = new Set(convention.terms.objectives.map((objective) => objective.id))
  const removed = new Map<string, { readonly number: number; readonly date: string }>()
  let end: string = convention.terms.period.end
  const ordered = inEffectOrder(convention)
  for (const { amendment, index } of ordered) {
    const date = amendment.effectiveDate
    amendment.changes.forEach((change, changeIndex) => {
      const path = ["amendments", index, "changes", changeIndex]
      switch (change.kind) {
        case "period-end":
          end = change.end
          return
        case "objectives-added":
          change.objectives.forEach((objective, objectiveIndex) => {
            const at = [...path, "objectives", objectiveIndex]
            const first = defined.get(objective.id)
            if (
              first !== undefined &&
              first.where !== `amendments[${index}].changes[${changeIndex}].objectives[${objectiveIndex}]`
            ) {
              issues.push(rule([...at, "id"], objectiveIdTakenText(objective.id, first.where)))
              return
            }
            // An amendment taking effect outside every extension is reported as such, once.
            if (date > end && date <= extendedEnd(convention, (other) => other.effectiveDate <= date))
              issues.push(rule(at, objectiveAddedAfterEndText(objective.id, date, end)))
            for (const year of Object.keys(objective.targetsByYear ?? {}))
              if (Number(year) < firstYear || Number(year) > lastYear)
                issues.push(
                  rule(
                    [...at, "targetsByYear", year],
                    yearOutsidePeriodText(year, convention.terms.period.start, lastEnd)
                  )
                )
            inForce.add(objective.id)
          })
          return
        case "objectives-removed":
          change.objectiveIds.forEach((id, idIndex) => {
            const at = [...path, "objectiveIds", idIndex]
            const definition = defined.get(id)
            const before = removed.get(id)
            if (definition === undefined) issues.push(rule(at, noObjectiveToRemoveText(id)))
            else if (before !== undefined)
              issues.push(rule(at, objectiveRemovedTwiceText(id, before.number, before.date)))
            else if (!inForce.has(id) && definition.addedBy !== undefined)
              issues.push(
                rule(at, objectiveRemovedBeforeAddedText(id, date, definition.addedBy.number, definition.addedBy.date))
              )
            else {
              inForce.delete(id)
              removed.set(id, { number: amendment.number, date })
            }
          })
          return
        case "target": {
          const id = change.objectiveId
          // One that nobody defines is reported with the amendment's other checks.
          if (defined.has(id) && !inForce.has(id))
            issues.push(rule([...path, "objectiveId"], objectiveNotInForceText(id, date)))
          return
        }
        default:
          return
      }
    })
  }
  return issues
}

/** The amendments with their index in the document, in the order they apply: by effective date, then number. */
function inEffectOrder(
  convention: Draft
): ReadonlyArray<{ readonly amendment: Draft["amendments"][number]; readonly index: number }> {
  return convention.amendments
    .map((amendment, index) => ({ amendment, index }))
    .sort((a, b) =>
      a.amendment.effectiveDate < b.amendment.effectiveDate
        ? -1
        : a.amendment.effectiveDate > b.amendment.effectiveDate
          ? 1
          : a.amendment.number - b.amendment.number
    )
}

/**
 * Payment terms changed by amendments must still hold together once applied in order: the
 * advance and the instalments never exceed the year, and a fixed-date balance has its day.
 */
function paymentTermsIssues(convention: Draft): Array<Issue> {
  const issues: Array<Issue> = []
  let payment = convention.terms.payment
  const ordered = inEffectOrder(convention)
  for (const { amendment, index } of ordered) {
    amendment.changes.forEach((change, changeIndex) => {
      if (change.kind !== "payment-terms") return
      const { kind: _kind, ...set } = change
      payment = { ...payment, ...set }
      const problem = paymentTermsProblem(payment)
      if (problem !== undefined)
        issues.push(rule(["amendments", index, "changes", changeIndex], onceAppliedText(problem.texts)))
    })
  }
  return issues
}

function terminationIssues(convention: Draft): Array<Issue> {
  const { termination, terms } = convention
  if (termination === undefined) return []
  if (convention.signatureDate === undefined) {
    return [rule(["termination"], DRAFT_TERMINATED)]
  }
  const lastEnd = extendedEnd(convention, () => true)
  if (termination.date < terms.period.start || termination.date > lastEnd) {
    return [rule(["termination", "date"], terminationOutsidePeriodText(termination.date, terms.period.start, lastEnd))]
  }
  if (termination.decidedOn !== undefined && termination.decidedOn < convention.signatureDate) {
    return [
      rule(
        ["termination", "decidedOn"],
        terminationBeforeSignatureText(termination.decidedOn, convention.signatureDate)
      )
    ]
  }
  return []
}

function withdrawalIssues(convention: Draft): Array<Issue> {
  const { withdrawal, terms } = convention
  if (withdrawal === undefined) return []
  if (convention.signatureDate === undefined) return [rule(["withdrawal"], DRAFT_WITHDRAWN)]
  const issues: Array<Issue> = []
  const lastEnd = extendedEnd(convention, () => true)
  if (withdrawal.effectiveFrom <= terms.period.start || withdrawal.effectiveFrom > lastEnd) {
    issues.push(
      rule(
        ["withdrawal", "effectiveFrom"],
        withdrawalOutsidePeriodText(withdrawal.effectiveFrom, terms.period.start, lastEnd)
      )
    )
  }
  if (withdrawal.decidedOn < convention.signatureDate)
    issues.push(
      rule(["withdrawal", "decidedOn"], withdrawalBeforeSignatureText(withdrawal.decidedOn, convention.signatureDate))
    )
  if (withdrawal.effectiveFrom > withdrawal.decidedOn)
    issues.push(
      rule(["withdrawal", "effectiveFrom"], breachAfterDecisionText(withdrawal.effectiveFrom, withdrawal.decidedOn))
    )
  if (withdrawal.notifiedOn !== undefined && withdrawal.notifiedOn < withdrawal.decidedOn)
    issues.push(
      rule(["withdrawal", "notifiedOn"], notifiedBeforeDecisionText(withdrawal.notifiedOn, withdrawal.decidedOn))
    )
  const due = withdrawal.repaymentDueDate
  const latest = due === undefined ? undefined : withdrawalRepaymentDue({ decidedOn: withdrawal.decidedOn })
  if (due !== undefined && latest !== undefined && (due < withdrawal.decidedOn || due > latest))
    issues.push(rule(["withdrawal", "repaymentDueDate"], repaymentDueText(due, withdrawal.decidedOn, latest)))
  return issues
}

/**
 * The end of the period in force when `amendment` takes effect: the text's, changed in turn by the
 * other amendments that take effect before it or on the same day (effective date, then number).
 */
function endInForce(convention: Draft, amendment: Draft["amendments"][number]): string {
  let end: string = convention.terms.period.end
  for (const { amendment: other } of inEffectOrder(convention)) {
    if (other === amendment || other.effectiveDate > amendment.effectiveDate) continue
    for (const change of other.changes) if (change.kind === "period-end") end = change.end
  }
  return end
}

/** The latest end of the period: the text's, or a later one that one of the `counted` amendments sets. */
function extendedEnd(convention: Draft, counted: (amendment: Draft["amendments"][number]) => boolean): string {
  let end: string = convention.terms.period.end
  for (const amendment of convention.amendments) {
    if (!counted(amendment)) continue
    for (const change of amendment.changes) if (change.kind === "period-end" && change.end > end) end = change.end
  }
  return end
}
