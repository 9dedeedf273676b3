/**
 * Sections of a report built from its tables (see tables.ts): the amendments, and for the whole
 * convention the instalments and the repayments of every year.
 *
 * @module
 */
import { formatFrenchDate } from "../calendar/date.js"
import { counted } from "../core/plural.js"
import type { Amendment } from "../conventions/amendment.js"
import { effectivePeriod } from "../conventions/terms-as-of.js"
import type { FundingUse } from "../funding/use.js"
import { Euros } from "../money/euros.js"
import { SECTOR_LABELS } from "../referential/codes.js"
import type { Block, Section } from "./shape.js"
import type { AnnualReport, ConventionReport } from "./report.js"
import { type ReportTable, knownAmendments, outsideConvention, reportTables, tableBlock } from "./tables.js"

function table(report: AnnualReport | ConventionReport, id: ReportTable["id"]): ReportTable | undefined {
  return reportTables(report).find((candidate) => candidate.id === id)
}

/** @internal The amendments known on the report's day, what each changed, the amounts before and after; for a year, whether each applies to it. */
export function amendmentsSection(report: AnnualReport | ConventionReport): Section | undefined {
  const amendments = knownAmendments(report.convention, report.asOf)
  const found = table(report, "avenants")
  if (amendments.length === 0 || found === undefined) return undefined
  const intro = `${counted(amendments.length, "avenant", "avenants")} à la convention${report.asOf === undefined ? "" : ` au ${formatFrenchDate(report.asOf)}`}.`
  const blocks: Array<Block> = [{ kind: "paragraph", text: intro }, tableBlock(found)]
  if (report.kind === "annual") {
    const first = `${report.year}-01-01`
    const last = `${report.year}-12-31`
    blocks.push({
      kind: "list",
      items: amendments.map(({ amendment }) =>
        amendment.effectiveDate <= first
          ? `Avenant n° ${amendment.number} : s'applique à toute l'année ${report.year}.`
          : amendment.effectiveDate <= last
            ? `Avenant n° ${amendment.number} : s'applique à ${report.year} à partir du ${formatFrenchDate(amendment.effectiveDate)} (${onlyObjectives(amendment) ? "objectifs ajoutés ou supprimés : voir les objectifs de l'année" : "montant de l'année au prorata des jours, voir l'échéancier"}).`
            : `Avenant n° ${amendment.number} : sans effet sur ${report.year} (il prend effet le ${formatFrenchDate(amendment.effectiveDate)}).`
      )
    })
  }
  return { title: "Avenants", blocks }
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
    amendment.changes.flatMap((change) => {
      if (change.kind !== "sectors-added" && change.kind !== "sectors-removed") return []
      const names = change.sectors.map((sector) => SECTOR_LABELS[sector]).join(", ")
      const when = formatFrenchDate(amendment.effectiveDate)
      return [
        change.kind === "sectors-added"
          ? `${names} à partir du ${when} (avenant n° ${amendment.number})`
          : `${names} ${change.sectors.length > 1 ? "retirés" : "retiré"} à partir du ${when} (avenant n° ${amendment.number})`
      ]
    })
  )
  const signed = report.convention.terms.sectors.map((sector) => SECTOR_LABELS[sector]).join(", ")
  return `Secteurs : ${[signed, ...changes].join(" ; ")}`
}

/** A year's repayment, in words; undefined when nothing was demanded or received. */
function repaymentLine(funding: FundingUse): string | undefined {
  const repayment = funding.repayment
  if (!repayment.demanded.isPositive() && !repayment.received.isPositive()) return undefined
  const demanded =
    repayment.demandedOn === undefined
      ? ""
      : `, demandé le ${formatFrenchDate(repayment.demandedOn)}${repayment.dueDate === undefined ? "" : ` pour le ${formatFrenchDate(repayment.dueDate)} au plus tard`}`
  return `${funding.year} : ${repayment.demanded.format()} à reverser${demanded} ; reversé : ${repayment.received.format()} ; reste à reverser : ${repayment.stillToRepay.format()}${repayment.late ? " — en retard" : ""}${repayment.overRepaid.isPositive() ? ` ; trop reversé : ${repayment.overRepaid.format()}` : ""}.`
}

/** @internal For the whole convention: every year's instalments (planned, offsets deducted, regularisations, payments, delays) and repayments. */
export function conventionPaymentsSection(report: ConventionReport): Section {
  const years = report.years.map((year) => year.funding)
  const found = table(report, "versements")
  const late = years.flatMap((funding) =>
    funding.instalments
      .filter((position) => position.status === "late" || position.status === "paid-late")
      .map(
        (position) =>
          `${funding.year} : ${position.instalment.label.toLowerCase()} ${position.status === "late" ? "en retard" : "payé en retard"}${position.daysLate === undefined ? "" : ` (${counted(position.daysLate, "jour", "jours")})`}`
      )
  )
  const repayments = years.flatMap((funding) => repaymentLine(funding) ?? [])
  return {
    title: "Versements et reversements par année",
    blocks: [
      ...(found === undefined || found.rows.length === 0 ? [] : [tableBlock(found)]),
      {
        kind: "paragraph",
        text: late.length === 0 ? "Aucun versement en retard." : `Versements en retard : ${late.join(" ; ")}.`
      },
      ...(repayments.length === 0
        ? [{ kind: "paragraph" as const, text: "Aucun reversement demandé ni reçu." }]
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
  if (others.length === 0) return undefined
  const period = effectivePeriod(report.convention)
  const outside = others.filter((expense) => outsideConvention(period, expense))
  const inside = others.filter((expense) => !outsideConvention(period, expense))
  const sum = (list: typeof others) => Euros.sum(list.map((expense) => expense.amount)).format()
  const parts = [
    ...(inside.length === 0
      ? []
      : [
          `${counted(inside.length, "dépense d'une autre année", "dépenses d'autres années")} de la convention (${sum(inside)}) ${inside.length > 1 ? "relèvent du bilan de leur année" : "relève du bilan de son année"}`
        ]),
    ...(outside.length === 0
      ? []
      : [
          `${counted(outside.length, "dépense datée", "dépenses datées")} hors de la période de la convention (${sum(outside)}) ${outside.length > 1 ? "ne comptent" : "ne compte"} dans aucune année`
        ])
  ]
  return `${parts.join(" ; ")} : ${others.length > 1 ? "elles ne sont pas détaillées" : "elle n'est pas détaillée"} ici.`
}
