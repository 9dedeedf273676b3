/**
 * French labels of the statuses the funding module reports.
 *
 * @module
 */
// The labels and phrases live in the vocabulary, with the other statuses; funding reads them from there.
export { INSTALMENT_STATUS_LABELS, instalmentStatusText } from "../vocabulary/labels.js"
export { financialReportReceiptText as financialReportReceipt } from "../vocabulary/funding.js"
