/**
 * `caf-conventions`: the library's main entry point. Partners, conventions and their terms,
 * eligibility, objectives, funding, budgets, reports and scenarios, each result explained in
 * French; it runs in Node.js and in a browser (see [In a browser](../docs/browser.md)).
 *
 * @module caf-conventions
 */
export * from "./core/errors.js"
export { makeCodec, type Codec } from "./core/codec.js"
export { ROUNDING_MODES, type RoundingMode } from "./money/rounding.js"
export * from "./money/euros.js"
export * from "./money/allocate.js"
export * from "./money/schema.js"
export {
  type CalendarDate,
  CalendarDateSchema,
  addDays,
  addMonths,
  calendarDate,
  compareDates,
  daysBetween,
  daysInMonth,
  daysInYear,
  endOfMonth,
  endOfYear,
  formatFrenchDate,
  isCalendarDate,
  isLeapYear,
  maxDate,
  minDate,
  parseCalendarDate,
  readCalendarDate,
  safeParseCalendarDate,
  startOfYear,
  yearOf
} from "./calendar/date.js"
export {
  type Period,
  type PeriodJson,
  PeriodSchema,
  calendarYear,
  makePeriod,
  parsePeriod,
  periodContains,
  periodDays,
  periodIntersection,
  periodPartInYear,
  periodYears,
  periodsOverlap,
  safeParsePeriod,
  yearFraction
} from "./calendar/period.js"
export * from "./identifiers/luhn.js"
export * from "./identifiers/identifiers.js"
export {
  ACCOMPANIMENT_KINDS,
  ACCOMPANIMENT_KIND_LABELS,
  AccompanimentKindSchema,
  FUNDING_SCHEMES,
  FUNDING_SCHEME_LABELS,
  FundingSchemeSchema,
  LEGAL_FORMS,
  LEGAL_FORM_LABELS,
  LegalFormSchema,
  PARTNERSHIP_BODIES,
  PARTNERSHIP_BODY_LABELS,
  PARTNER_ROLES,
  PARTNER_ROLE_LABELS,
  PartnerRoleSchema,
  PartnershipBodySchema,
  SECTORS,
  SECTOR_LABELS,
  SITUATIONS,
  SITUATION_LABELS,
  SectorSchema,
  SituationSchema,
  type AccompanimentKind,
  type FundingScheme,
  type LegalForm,
  type PartnerRole,
  type PartnershipBody,
  type Sector,
  type Situation
} from "./referential/codes.js"
export * from "./referential/convention-codes.js"
export { DEPARTEMENT_NAMES, departementText } from "./referential/departements.js"
export { IdSchema, MultilineTextSchema, TextSchema, YearKeySchema, uniqueList } from "./core/schemas.js"
export * from "./vocabulary/sources.js"
export * from "./vocabulary/labels.js"
export { ratioReference } from "./objectives/ratio.js"
export * from "./partners/partner.js"
export {
  REPUBLICAN_COMMITMENT_ENGAGEMENTS,
  REPUBLICAN_COMMITMENT_FROM,
  REPUBLICAN_COMMITMENT_LEGAL_FORMS,
  REPUBLICAN_COMMITMENT_SOURCE,
  RepublicanCommitmentSchema,
  type RepublicanCommitment,
  type RepublicanCommitmentBasis,
  republicanCommitmentText
} from "./partners/republican-commitment.js"
export * from "./conventions/objective.js"
export * from "./conventions/terms.js"
export { AmendmentSchema, ChangeSchema, type Amendment, type Change } from "./conventions/amendment.js"
export { TerminationSchema, WithdrawalSchema, type Withdrawal } from "./conventions/fields.js"
export { WITHDRAWAL_REPAYMENT_MONTHS, withdrawalRepaymentDue } from "./conventions/withdrawal.js"
export * from "./conventions/convention.js"
export {
  amendmentHistory,
  conventionStatus,
  effectivePeriod,
  finalTerms,
  termsAsOf,
  termsTimeline,
  type AmendmentStep,
  type ConventionStatus,
  type ObjectiveSpan,
  type TermsAsOf,
  type TermsAsOfOptions,
  type TermsSegment
} from "./conventions/terms-as-of.js"
export { checkedConvention, checkedConventions } from "./conventions/checked.js"
export {
  isResolvedConvention,
  resolveConvention,
  resolveKnowledge,
  resolvedYear,
  termsInForceOn,
  type ResolvedConvention,
  type ResolvedYear
} from "./conventions/resolved.js"
export { yearAmounts, type AmountSegment, type YearAmount } from "./conventions/yearly-amounts.js"
export * from "./conventions/lineage.js"
export * from "./conventions/thresholds.js"
export * from "./conventions/compliance.js"
export * from "./conventions/finding.js"
export {
  BudgetFunderSchema,
  BudgetLineSchema,
  BudgetSchema,
  ChargeAccountSchema,
  FUNDER_KINDS,
  FUNDER_KIND_LABELS,
  FunderKindSchema,
  InKindAccountSchema,
  ProductAccountSchema,
  PUBLIC_FUNDER_KINDS,
  type Budget,
  type BudgetFunder,
  type FunderKind
} from "./budget/budget.js"
export { checkBudgets, type BudgetCheck, type BudgetCheckOptions } from "./budget/check.js"
export {
  FinancialReportDocumentSchema,
  checkedFinancialReport,
  compareFinancialReport,
  encodeFinancialReport,
  parseFinancialReport,
  safeParseFinancialReport,
  type FinancialReportComparison,
  type FinancialReportDocument,
  type FinancialReportJson,
  type FinancialReportLine
} from "./budget/financial-report.js"
export {
  partnerPublicFunding,
  type PartnerPublicFunding,
  type PartnerPublicFundingOptions,
  type PublicSubsidy
} from "./budget/public-funding.js"
export * from "./portfolio/portfolio.js"
export * from "./conventions/json-schema.js"
export * from "./core/explanation.js"
export { type Fraction, formatFraction } from "./core/fraction.js"
export {
  CandidateSchema,
  OtherFundingSchema,
  decodeCandidate,
  encodeCandidate,
  parseCandidate,
  parseCandidates,
  safeParseCandidate,
  safeParseCandidates,
  type Candidate,
  type CandidateJson
} from "./eligibility/candidate.js"
export {
  allOf,
  anyOf,
  defineRule,
  eligibilityContext,
  not,
  removeRule,
  replaceRule,
  ruleIds,
  withRule,
  type EligibilityContext,
  type EligibilityRule,
  type RuleCombination,
  type RuleResult,
  type RuleTree
} from "./eligibility/rule.js"
export * from "./eligibility/catalogue.js"
export * from "./eligibility/check.js"
export {
  ActivitySchema,
  ActivityStructureSchema,
  decodeActivities,
  decodeActivity,
  encodeActivities,
  parseActivities,
  parseActivity,
  safeParseActivities,
  safeParseActivity,
  type Activity,
  type ActivityJson
} from "./objectives/activity.js"
export * from "./objectives/exclusion.js"
export { defineIndicator, indicatorDefinition } from "./objectives/indicator.js"
export * from "./objectives/evaluate.js"
export * from "./objectives/facts.js"
export * from "./objectives/synthesis.js"
export {
  paymentSchedule,
  type Instalment,
  type InstalmentBasis,
  type PaymentSchedule,
  type ScheduleOptions
} from "./funding/schedule.js"
export {
  ExpenseSchema,
  PaymentSchema,
  decodeExpenses,
  decodePayments,
  encodeExpenses,
  encodePayments,
  parseExpense,
  parseExpenses,
  parsePayment,
  parsePayments,
  safeParseExpense,
  safeParseExpenses,
  safeParsePayment,
  safeParsePayments,
  type Expense,
  type Payment
} from "./funding/records.js"
export type { InstalmentPosition } from "./funding/instalments.js"
export type {
  EarlyPayment,
  InstalmentFacts,
  InstalmentName,
  InstalmentStatus,
  InstalmentTrigger,
  ModulationFacts,
  NotOwedReason,
  ScheduleFacts,
  UseFacts,
  YearAmountFacts,
  YearCut
} from "./funding/facts.js"
export { EXPENSE_EXCLUSION_LABELS, type ExpenseExclusionReason, type IneligibleExpense } from "./funding/expenses.js"
export { type Modulation, type Settlement } from "./funding/settlement.js"
export { LEDGER_TOTAL_KEYS, SETTLEMENT_AMOUNT_KEYS } from "./funding/amounts.js"
export {
  evaluateFundingUse,
  evaluateFundingUseAsync,
  type FundingUse,
  type FundingUseAsyncOptions,
  type FundingUseOptions
} from "./funding/use.js"
export type { FinancialReport, FundingYearState } from "./funding/state.js"
export {
  RepaymentSchema,
  parseRepayments,
  safeParseRepayments,
  type Repayment,
  type YearRepayment
} from "./funding/repayments.js"
export {
  fundingLedger,
  fundingLedgerAsync,
  type FundingLedger,
  type FundingLedgerAsyncOptions,
  type FundingLedgerOptions,
  type LedgerTotals
} from "./funding/ledger.js"
export * from "./reports/report.js"
export * from "./reports/markdown.js"
export { reportDocument } from "./reports/document.js"
export type { Bar, Block, Chart, ChartGroup, ChartUnit, ReportDocument, Section } from "./reports/shape.js"
export * from "./reports/html.js"
export * from "./reports/scdl.js"
export {
  REPORT_TABLE_IDS,
  reportTables,
  reportTablesCsv,
  type CsvOptions,
  type ReportCell,
  type ReportTable,
  type ReportTableId
} from "./reports/tables.js"
export * from "./scenarios/scenario.js"
