import { describe, expect, it } from "vitest"
import * as api from "caf-conventions"

describe("the public API", () => {
  it("exports the functions the issues name", () => {
    for (const name of [
      "parseConvention",
      "safeParseConvention",
      "decodeConvention",
      "encodeConvention",
      "parsePartner",
      "parsePortfolio",
      "termsAsOf",
      "lineage",
      "checkCompliance",
      "conventionJsonSchema",
      "checkEligibility",
      "screenEligibility",
      "compileEligibility",
      "explain",
      "evaluateObjectives",
      "paymentSchedule",
      "evaluateFundingUse"
    ]) {
      expect(typeof (api as Record<string, unknown>)[name]).toBe("function")
    }
  })

  it("does not leak internal helpers", () => {
    const exported = Object.keys(api)
    for (const name of [
      "decimalRounding",
      "isCandidate",
      "explainTree",
      "compileTree",
      "changedTerms",
      "codeList",
      "modulation",
      "settle",
      "matchPayments",
      "checkedYearOptions",
      "expenseExclusion",
      "jsonSchemaHint",
      "issuesOf",
      "Dec",
      "uniqueById",
      "ConventionFields",
      "decodedActivities",
      "isActivity",
      "decodedPayments",
      "decodedExpenses",
      "compareIds",
      "isPayment",
      "isExpense",
      "requireList",
      "requireOptions",
      "finalTermsAsOf",
      "uncutTermsAsOf",
      "amendmentsInOrder",
      "yearRepayment",
      "decodedRepayments",
      "isRepayment",
      "safeParseRepayment",
      "amountsOf",
      "termsOn",
      "timelineOf",
      "statusOn",
      "finalTermsOf",
      "contextOf",
      "checkedTree",
      "checkedDay",
      "describeValue",
      "withChange",
      "scheduleOf",
      "yearUse",
      "runYears",
      "checkedRecords",
      "ledgerTotals",
      "paymentTermsProblem",
      "decodedConventions",
      "explainUse"
    ]) {
      expect(exported).not.toContain(name)
    }
  })
})
