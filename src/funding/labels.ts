/**
 * French labels of the statuses the funding module reports.
 *
 * @module
 */
import type { InstalmentStatus } from "./instalments.js"

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
  "partly-paid": "payé en partie",
  overpaid: "trop payé",
  unpaid: "non payé",
  "not-yet-due": "pas encore exigible",
  due: "exigible",
  late: "en retard"
}
