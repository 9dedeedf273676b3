/**
 * The rules that relate a convention's fields to each other, checked when it is decoded so that
 * a decoded convention can be trusted by every computation.
 *
 * @module
 */
import type * as Schema from "effect/Schema"
import { periodYears } from "../calendar/period.js"
import type { Issue } from "../core/errors.js"
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

/** Every inconsistency of a convention, with its path; empty when it holds together. */
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
      ? [
          {
            path,
            message: `the date ${date} is after ${LAST_CONVENTION_DAY}, the last day a convention may name: the days computed from it (reports due up to 24 months after the end, a balance paid the next year and its deadline, the four-year duration check) must exist, and the calendar ends in 9999`
          }
        ]
      : []
  )
}

function partyIssues(convention: Draft): Array<Issue> {
  const issues: Array<Issue> = []
  if (convention.partnerId === convention.funderId) {
    issues.push({ path: ["partnerId"], message: `the partner cannot be the funder (${convention.funderId})` })
  }
  if (convention.notificationDate !== undefined) {
    if (convention.signatureDate === undefined) {
      issues.push({ path: ["notificationDate"], message: "a draft (no signatureDate) cannot have been notified" })
    } else if (convention.notificationDate < convention.signatureDate) {
      issues.push({
        path: ["notificationDate"],
        message: `the notification ${convention.notificationDate} is before the signature ${convention.signatureDate}`
      })
    }
  }
  return issues
}

function termIssues(convention: Draft): Array<Issue> {
  const issues: Array<Issue> = []
  const { terms } = convention
  const years = new Set(periodYears(terms.period))
  const describe = `${terms.period.start}..${terms.period.end}`
  if (terms.amounts?.kind === "per-year") {
    for (const year of Object.keys(terms.amounts.byYear)) {
      if (!years.has(Number(year))) {
        issues.push({
          path: ["terms", "amounts", "byYear", year],
          message: `the year ${year} is outside the period ${describe}`
        })
      }
    }
  }
  const seen = new Map<string, number>()
  terms.objectives.forEach((objective, index) => {
    const first = seen.get(objective.id)
    if (first !== undefined) {
      issues.push({
        path: ["terms", "objectives", index, "id"],
        message: `the objective id ${objective.id} is already used by objectives[${first}]`
      })
    } else seen.set(objective.id, index)
    for (const year of Object.keys(objective.targetsByYear ?? {})) {
      if (!years.has(Number(year))) {
        issues.push({
          path: ["terms", "objectives", index, "targetsByYear", year],
          message: `the year ${year} is outside the period ${describe}`
        })
      }
    }
  })
  return issues
}

function amendmentIssues(convention: Draft): Array<Issue> {
  const issues: Array<Issue> = []
  const { terms } = convention
  const numbers = new Map<number, number>()
  const touched = new Map<string, string>()
  convention.amendments.forEach((amendment, index) => {
    const at = (...rest: Array<string | number>) => ["amendments", index, ...rest]
    const previous = numbers.get(amendment.number)
    if (previous !== undefined) {
      issues.push({
        path: at("number"),
        message: `amendment n° ${amendment.number} is already amendments[${previous}]`
      })
    } else numbers.set(amendment.number, index)
    if (convention.signatureDate === undefined) {
      issues.push({ path: at("signatureDate"), message: "a draft (no signatureDate) cannot have amendments" })
    } else if (amendment.signatureDate < convention.signatureDate) {
      issues.push({
        path: at("signatureDate"),
        message: `the amendment is signed ${amendment.signatureDate}, before the convention (${convention.signatureDate})`
      })
    }
    // An amendment takes effect while the convention runs: during an extension that an amendment in
    // force before it agreed, but not after an earlier amendment ended the period.
    const end = endInForce(convention, amendment)
    if (amendment.effectiveDate < terms.period.start || amendment.effectiveDate > end) {
      issues.push({
        path: at("effectiveDate"),
        message: `the amendment takes effect ${amendment.effectiveDate}, outside the period ${terms.period.start}..${end}`
      })
    }
    amendment.changes.forEach((change, changeIndex) => {
      const path = at("changes", changeIndex)
      if (change.kind === "yearly-amount" && terms.amounts?.kind !== "constant") {
        issues.push({
          path,
          message: "a yearly-amount change needs a convention with a constant yearly amount (use year-amount)"
        })
      }
      if (change.kind === "year-amount" && terms.amounts?.kind !== "per-year") {
        issues.push({
          path,
          message: "a year-amount change needs a convention with per-year amounts (use yearly-amount)"
        })
      }
      if (change.kind === "period-end" && change.end < terms.period.start) {
        issues.push({
          path: [...path, "end"],
          message: `the new end ${change.end} is before the start ${terms.period.start}`
        })
      }
      if (change.kind === "target" && !definedObjectives(convention).has(change.objectiveId)) {
        issues.push({ path: [...path, "objectiveId"], message: `there is no objective ${change.objectiveId}` })
      }
      // The target of a share is a proportion, whoever sets it.
      const share = change.kind === "target" && definedObjectives(convention).get(change.objectiveId)?.share === true
      if (change.kind === "target" && share && ((change.target.atLeast ?? 0) > 1 || (change.target.atMost ?? 0) > 1)) {
        issues.push({
          path: [...path, "target"],
          message: "the target of a share is a proportion between 0 and 1, such as 0.6 for 60 %"
        })
      }
      for (const term of changedTerms(change)) {
        const key = `${amendment.effectiveDate} ${term}`
        const other = touched.get(key)
        if (other !== undefined) {
          issues.push({
            path,
            message: `${other} already changes the ${term} on ${amendment.effectiveDate}: two changes of one term on one date contradict each other`
          })
        } else touched.set(key, `amendment n° ${amendment.number}`)
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
              issues.push({
                path: [...at, "id"],
                message: `the objective id ${objective.id} is already used by ${first.where}`
              })
              return
            }
            // An amendment taking effect outside every extension is reported as such, once.
            if (date > end && date <= extendedEnd(convention, (other) => other.effectiveDate <= date))
              issues.push({
                path: at,
                message: `the objective ${objective.id} is added from ${date}, after the end of the period (${end})`
              })
            for (const year of Object.keys(objective.targetsByYear ?? {}))
              if (Number(year) < firstYear || Number(year) > lastYear)
                issues.push({
                  path: [...at, "targetsByYear", year],
                  message: `the year ${year} is outside the period ${convention.terms.period.start}..${lastEnd}`
                })
            inForce.add(objective.id)
          })
          return
        case "objectives-removed":
          change.objectiveIds.forEach((id, idIndex) => {
            const at = [...path, "objectiveIds", idIndex]
            const definition = defined.get(id)
            const before = removed.get(id)
            if (definition === undefined) issues.push({ path: at, message: `there is no objective ${id} to remove` })
            else if (before !== undefined)
              issues.push({
                path: at,
                message: `the objective ${id} is already removed by amendment n° ${before.number} from ${before.date}`
              })
            else if (!inForce.has(id) && definition.addedBy !== undefined)
              issues.push({
                path: at,
                message: `the objective ${id} is removed from ${date}, before amendment n° ${definition.addedBy.number} adds it from ${definition.addedBy.date}`
              })
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
            issues.push({ path: [...path, "objectiveId"], message: `the objective ${id} is not in force on ${date}` })
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
        issues.push({
          path: ["amendments", index, "changes", changeIndex],
          message: `once this change applies, ${problem.message}`
        })
    })
  }
  return issues
}

function terminationIssues(convention: Draft): Array<Issue> {
  const { termination, terms } = convention
  if (termination === undefined) return []
  if (convention.signatureDate === undefined) {
    return [
      { path: ["termination"], message: "a draft (no signatureDate) cannot be terminated: it was never in force" }
    ]
  }
  const lastEnd = extendedEnd(convention, () => true)
  if (termination.date < terms.period.start || termination.date > lastEnd) {
    return [
      {
        path: ["termination", "date"],
        message: `the termination date ${termination.date} is outside the period ${terms.period.start}..${lastEnd}`
      }
    ]
  }
  if (termination.decidedOn !== undefined && termination.decidedOn < convention.signatureDate) {
    return [
      {
        path: ["termination", "decidedOn"],
        message: `the termination is decided ${termination.decidedOn}, before the convention was signed (${convention.signatureDate})`
      }
    ]
  }
  return []
}

function withdrawalIssues(convention: Draft): Array<Issue> {
  const { withdrawal, terms } = convention
  if (withdrawal === undefined) return []
  if (convention.signatureDate === undefined)
    return [
      {
        path: ["withdrawal"],
        message: "a draft (no signatureDate) cannot have its subsidy withdrawn: it was never granted"
      }
    ]
  const issues: Array<Issue> = []
  const lastEnd = extendedEnd(convention, () => true)
  if (withdrawal.effectiveFrom <= terms.period.start || withdrawal.effectiveFrom > lastEnd) {
    issues.push({
      path: ["withdrawal", "effectiveFrom"],
      message: `the withdrawal takes effect ${withdrawal.effectiveFrom}, which must fall after the first day and within the period ${terms.period.start}..${lastEnd} (a breach from the first day withdraws everything: record the repayment of every sum paid)`
    })
  }
  if (withdrawal.decidedOn < convention.signatureDate)
    issues.push({
      path: ["withdrawal", "decidedOn"],
      message: `the withdrawal is decided ${withdrawal.decidedOn}, before the convention was signed (${convention.signatureDate})`
    })
  if (withdrawal.effectiveFrom > withdrawal.decidedOn)
    issues.push({
      path: ["withdrawal", "effectiveFrom"],
      message: `the breach of ${withdrawal.effectiveFrom} is after the decision of ${withdrawal.decidedOn}: a withdrawal is decided once the breach is established`
    })
  if (withdrawal.notifiedOn !== undefined && withdrawal.notifiedOn < withdrawal.decidedOn)
    issues.push({
      path: ["withdrawal", "notifiedOn"],
      message: `the decision is notified ${withdrawal.notifiedOn}, before it was taken (${withdrawal.decidedOn})`
    })
  const due = withdrawal.repaymentDueDate
  if (
    due !== undefined &&
    (due < withdrawal.decidedOn || due > withdrawalRepaymentDue({ decidedOn: withdrawal.decidedOn }))
  ) {
    issues.push({
      path: ["withdrawal", "repaymentDueDate"],
      message: `the repayment is due ${due}: it must fall between the decision (${withdrawal.decidedOn}) and six months after it (${withdrawalRepaymentDue({ decidedOn: withdrawal.decidedOn })})`
    })
  }
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
