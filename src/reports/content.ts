/**
 * Sections of a report built from its tables (see tables.ts): the amendments, and for the whole
 * convention the instalments and the repayments of every year.
 *
 * @module
 */
import type { Amendment } from "../conventions/amendment.js"
import { effectivePeriod } from "../conventions/terms-as-of.js"
import type { FundingUse } from "../funding/use.js"
import { Euros } from "../money/euros.js"
import {
  type AmendmentYearFacts,
  type SectorChangeFacts,
  amendmentYearLine,
  amendmentsIntro,
  lateInstalmentText,
  lateInstalmentsParagraph,
  otherExpensesText,
  repaymentLine as repaymentText,
  sectorsLine as sectorsText
} from "../vocabulary/reports.js"
import type { Block, Section } from "./shape.js"
import type { AnnualReport, ConventionReport } from "./report.js"
import { type ReportTable, knownAmendments, outsideConvention, reportTables, tableBlock } from "./tables.js"
import { NO_REPAYMENT_TEXT } from "../vocabulary/reports.js"

function table(report: AnnualReport | ConventionReport, id: ReportTable["id"]): ReportTable | undefined {
  return reportTables(report).find((candidate) => candidate.id === id)
}

/** @internal The amendments known on the report's day, what each changed, the amounts before and after; for a year, whether each applies to it. */
export function amendmentsSection(report: AnnualReport | ConventionReport): Section | undefined {
  const amendments = knownAmendments(report.convention, report.asOf)
  const found = table(report, "avenants")
  if (amendments.length === 0 || found === undefined) return undefined
  const intro = amendmentsIntro(amendments.length, report.asOf)
  const blocks: Array<Block> = [{ kind: "paragraph", text: intro }, tableBlock(found)]
  if (report.kind === "annual") {
    const first = `${report.year}-01-01`
    const last = `${report.year}-12-31`
    blocks.push({
      kind: "list",
      items: amendments.map(({ amendment }) => amendmentYearLine(yearEffect(amendment, report.year, first, last)))
    })
  }
  return { title: "Avenants", blocks }
}

/** What an amendment does to a year: the whole year, from its effective day, or nothing (it takes effect later). */
function yearEffect(amendment: Amendment, year: number, first: string, last: string): AmendmentYearFacts {
  const { number, effectiveDate: from } = amendment
  if (from <= first) return { number, year, applies: "whole-year" }
  return from <= last
    ? { number, year, applies: "from", from, onlyObjectives: onlyObjectives(amendment) }
    : { number, year, applies: "later", from }
}

/** Whether an amendment only adds or removes objectives (it changes no amount). */
function onlyObjectives(amendment: Amendment): boolean {
  return amendment.changes.every((change) => change.kind === "objectives-added" || change.kind === "objectives-removed")
}

/**
 * @internal The sectors the convention covers, in words: those of the signed text, then each one
 * a known amendment adds or removes, with the day it takes effect and the amendment's number
 * (`Animation de la vie sociale, Parentalité ; Jeunesse à partir du 01/09/2024 (avenant n° 1)`).
 */
export function sectorsLine(report: AnnualReport | ConventionReport): string {
  const changes = knownAmendments(report.convention, report.asOf).flatMap(({ amendment }) =>
    amendment.changes.flatMap(
      (change): ReadonlyArray<SectorChangeFacts> =>
        change.kind === "sectors-added" || change.kind === "sectors-removed"
          ? [{ kind: change.kind, sectors: change.sectors, from: amendment.effectiveDate, amendment: amendment.number }]
          : []
    )
  )
  return sectorsText(report.convention.terms.sectors, changes)
}

/** A year's repayment, in words; undefined when nothing was demanded or received. */
function repaymentLine(funding: FundingUse): string | undefined {
  const repayment = funding.repayment
  if (!repayment.demanded.isPositive() && !repayment.received.isPositive()) return undefined
  return repaymentText(funding.year, repayment)
}

/** @internal For the whole convention: every year's instalments (planned, offsets deducted, regularisations, payments, delays) and repayments. */
export function conventionPaymentsSection(report: ConventionReport): Section {
  const years = report.years.map((year) => year.funding)
  const found = table(report, "versements")
  const late = years.flatMap((funding) =>
    funding.instalments
      .filter((position) => position.status === "late" || position.status === "paid-late")
      .map((position) =>
        lateInstalmentText({
          year: funding.year,
          label: position.instalment.label,
          paid: position.status === "paid-late",
          daysLate: position.daysLate
        })
      )
  )
  const repayments = years.flatMap((funding) => repaymentLine(funding) ?? [])
  return {
    title: "Versements et reversements par année",
    blocks: [
      ...(found === undefined || found.rows.length === 0 ? [] : [tableBlock(found)]),
      {
        kind: "paragraph",
        text: lateInstalmentsParagraph(late)
      },
      ...(repayments.length === 0
        ? [{ kind: "paragraph" as const, text: NO_REPAYMENT_TEXT }]
        : [
            { kind: "paragraph" as const, text: "Reversements :" },
            { kind: "list" as const, items: repayments }
          ])
    ]
  }
}

/**
 * @internal The line that counts a yearly report's expenses of other years (listed in their own
 * year's review) and those dated outside the convention (counted in no year); undefined when none.
 */
export function otherExpensesLine(report: AnnualReport): string | undefined {
  const others = report.funding.ineligibleExpenses.filter((expense) => expense.reason === "outside-year")
  const period = effectivePeriod(report.convention)
  const outside = others.filter((expense) => outsideConvention(period, expense))
  const inside = others.filter((expense) => !outsideConvention(period, expense))
  const facts = (list: typeof others) => ({
    count: list.length,
    total: Euros.sum(list.map((expense) => expense.amount))
  })
  return otherExpensesText({ otherYears: facts(inside), outsideConvention: facts(outside) })
}
