/**
 * French labels of the statuses the funding module reports.
 *
 * @module
 */
import { formatFrenchDate } from "../calendar/date.js"
import type { InstalmentPosition, InstalmentStatus } from "./instalments.js"
import type { FinancialReport } from "./state.js"

/**
 * French labels of the instalment statuses.
 *
 * @example
 * ```ts
 * import { INSTALMENT_STATUS_LABELS } from "caf-conventions"
 * INSTALMENT_STATUS_LABELS.late //=> "en retard"
 * ```
 * @category funding
 */
export const INSTALMENT_STATUS_LABELS: Readonly<Record<InstalmentStatus, string>> = {
  paid: "payé",
  "paid-late": "payé en retard",
  "partly-paid": "payé en partie",
  overpaid: "trop payé",
  unpaid: "non payé",
  "not-yet-due": "pas encore exigible",
  due: "exigible",
  late: "en retard",
  "not-owed": "non dû (droit de l'année atteint)"
}

/** @internal An instalment's status in French, with its days of delay ("en retard (12 jours)"). */
export function instalmentStatusText(position: Pick<InstalmentPosition, "status" | "daysLate" | "daysEarly">): string {
  const label = INSTALMENT_STATUS_LABELS[position.status]
  const days = (count: number) => `${count} jour${count > 1 ? "s" : ""}`
  if (position.daysLate !== undefined) return `${label} (${days(position.daysLate)})`
  return position.daysEarly === undefined ? label : `${label} (${days(position.daysEarly)} avant l'échéance)`
}

/**
 * @internal Whether and when the financial report was received, in French, after its due day:
 * `, reçu le 30/04/2025`, `, reçu (date de réception non renseignée ; bilans acceptés le
 * 20/05/2025)`, or nothing when it was not received.
 */
export function financialReportReceipt(report: FinancialReport): string {
  if (report.receivedOn !== undefined) return `, reçu le ${formatFrenchDate(report.receivedOn)}`
  const undated = report.receivedUndated
  if (undated === undefined) return ""
  return undated.evidence === "reports-accepted"
    ? `, reçu (date de réception non renseignée ; bilans acceptés le ${formatFrenchDate(undated.by)})`
    : ", reçu (date de réception non renseignée)"
}
