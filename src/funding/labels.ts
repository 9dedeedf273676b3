/**
 * French labels of the statuses the funding module reports.
 *
 * @module
 */
// The labels live in the vocabulary, with the other statuses; funding reads them from there.
export { INSTALMENT_STATUS_LABELS, financialReportReceipt, instalmentStatusText } from "../vocabulary/labels.js"
