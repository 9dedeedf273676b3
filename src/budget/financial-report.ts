/**
 * The financial report (*compte rendu financier*, Cerfa n° 15059; arrêté du 11 octobre 2006) an
 * association returns after each year: charges and products of the action, forecast against
 * actual, the variances in euros and in %, explained where they pass the convention's tolerance.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { CalendarDateSchema } from "../calendar/date.js"
import { makeCodec } from "../core/codec.js"
import { InvalidArgumentError } from "../core/errors.js"
import type { ExplanationNode, Outcome } from "../core/explanation.js"
import { type Fraction, rational, toFraction } from "../core/fraction.js"
import { frozenResult } from "../core/freeze.js"
import { IdSchema, MultilineTextSchema, TextSchema } from "../core/schemas.js"
import { checkedConvention } from "../conventions/checked.js"
import type { ComplianceFinding } from "../conventions/finding.js"
import type { Convention } from "../conventions/convention.js"
import { type ResolvedConvention, isResolvedConvention, resolveConvention } from "../conventions/resolved.js"
import { Euros } from "../money/euros.js"
import { NonNegativeEurosFromString } from "../money/schema.js"
import {
  type Budget,
  ChargeAccountSchema,
  FunderKindSchema,
  InKindAccountSchema,
  ProductAccountSchema
} from "./budget.js"
import { retained } from "./check.js"
import { above, ratioOf, shareOf } from "./ratio.js"
import { citation } from "../vocabulary/sources.js"
import {
  COMPARISON_LABELS,
  comparisonLabel,
  comparisonSentence,
  coveredSpendSentence,
  varianceSentence
} from "../vocabulary/funding.js"
import {
  noForecastText,
  reportLineLabel,
  unexplainedVarianceText,
  varianceToleranceSource
} from "../vocabulary/budget.js"

/** The texts the financial report rests on. */
const FINANCIAL_REPORT_SOURCE: string = citation("financial-report")

const lineFields = {
  label: Schema.optionalKey(TextSchema),
  forecast: Schema.optionalKey(NonNegativeEurosFromString),
  actual: NonNegativeEurosFromString,
  explanation: Schema.optionalKey(MultilineTextSchema)
}

/**
 * Schema of a financial report as written in JSON:
 * - `conventionId`, `year`, `actionId` (the action, when the convention's budget names one),
 *   `receivedOn` (the day the Caf received it);
 * - `charges`: lines on accounts 60 to 68, each with its `actual` amount, its `forecast` (taken
 *   from the convention's budget for the same account when absent) and an `explanation` of the
 *   variance;
 * - `products`: lines on accounts 70 to 79, each naming its funder (`funderKind`, `funderName`)
 *   when it is a subsidy or own resources; the forecast of a line with a funder is taken from the
 *   budget's funder of the same kind and name when absent;
 * - `inKind`: contributions in kind (86, 87), shown apart; optional.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { FinancialReportDocumentSchema } from "caf-conventions"
 * const report = Schema.decodeUnknownSync(FinancialReportDocumentSchema)({
 *   conventionId: "cpo-relais-2025-2027", year: 2025,
 *   charges: [{ account: "64", forecast: "85000", actual: "70000" }], products: []
 * })
 * report.charges[0]?.actual.toString() //=> "70000.00"
 * report.inKind //=> undefined
 * ```
 * @category budget
 */
export const FinancialReportDocumentSchema = Schema.Struct({
  conventionId: IdSchema,
  year: Schema.Int.check(Schema.isBetween({ minimum: 1000, maximum: 9999 })),
  actionId: Schema.optionalKey(IdSchema),
  receivedOn: Schema.optionalKey(CalendarDateSchema),
  charges: Schema.Array(Schema.Struct({ account: ChargeAccountSchema, ...lineFields })).check(Schema.isMinLength(1)),
  products: Schema.Array(
    Schema.Struct({
      account: ProductAccountSchema,
      funderKind: Schema.optionalKey(FunderKindSchema),
      funderName: Schema.optionalKey(TextSchema),
      ...lineFields
    })
  ),
  inKind: Schema.optionalKey(Schema.Array(Schema.Struct({ account: InKindAccountSchema, ...lineFields })))
})

/**
 * A financial report, decoded (see {@link FinancialReportDocumentSchema} and
 * {@link parseFinancialReport}).
 *
 * @example
 * ```ts
 * import { parseFinancialReport, type FinancialReportDocument } from "caf-conventions"
 * declare const json: unknown
 * const report: FinancialReportDocument = parseFinancialReport(json)
 * ```
 * @category budget
 */
export interface FinancialReportDocument extends Schema.Schema.Type<typeof FinancialReportDocumentSchema> {}

/**
 * A financial report as written in JSON (what {@link encodeFinancialReport} returns).
 *
 * @example
 * ```ts
 * import type { FinancialReportJson } from "caf-conventions"
 * const json: FinancialReportJson = { conventionId: "c", year: 2025, charges: [{ account: "60", actual: "100" }], products: [] }
 * ```
 * @category budget
 */
export interface FinancialReportJson extends Schema.Codec.Encoded<typeof FinancialReportDocumentSchema> {}

/** @internal Decoded financial reports. */
const decodedFinancialReports = new WeakSet<object>()

const codec = makeCodec<FinancialReportDocument, FinancialReportJson>(
  FinancialReportDocumentSchema,
  "financial report",
  { registry: decodedFinancialReports }
)

/**
 * Reads a financial report from JSON, or throws a {@link ValidationError} listing every problem
 * with its path (`charges[2].account`…). The spreadsheet import feeds the same decoder.
 *
 * @example
 * ```ts
 * import { parseFinancialReport } from "caf-conventions"
 * const report = parseFinancialReport({ conventionId: "c", year: 2025, charges: [{ account: "64", actual: "70000" }], products: [] })
 * report.charges[0]?.actual.toString() //=> "70000.00"
 * ```
 * @category budget
 */
export const parseFinancialReport = codec.parse

/**
 * Like {@link parseFinancialReport}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseFinancialReport } from "caf-conventions"
 * safeParseFinancialReport({ conventionId: "c", year: 2025, charges: [], products: [] }).success //=> false
 * ```
 * @category budget
 */
export const safeParseFinancialReport = codec.safeParse

/**
 * Writes a financial report back to JSON; {@link parseFinancialReport} reads it back.
 *
 * @example
 * ```ts
 * import { encodeFinancialReport, parseFinancialReport } from "caf-conventions"
 * encodeFinancialReport(parseFinancialReport({ conventionId: "c", year: 2025, charges: [{ account: "60", actual: "5" }], products: [] })).charges[0]?.actual //=> "5.00"
 * ```
 * @category budget
 */
export const encodeFinancialReport = codec.encode

/**
 * One line of the comparison of a financial report with its forecast.
 *
 * @example
 * ```ts
 * import type { FinancialReportLine } from "caf-conventions"
 * const unexplained = (line: FinancialReportLine) => line.beyondTolerance && line.explanation === undefined
 * ```
 * @category budget
 */
export interface FinancialReportLine {
  /** `charge`, `product` or `in-kind`. */
  readonly side: "charge" | "product" | "in-kind"
  /** The account. */
  readonly account: string
  /** What the line is, in French (its label, or its funder). */
  readonly label: string
  /** The funder of a product line, when it names one. */
  readonly funderKind?: Schema.Schema.Type<typeof FunderKindSchema>
  /** The forecast, from the report or the budget; zero when neither gives one. */
  readonly forecast: Euros
  /** Where the forecast comes from. */
  readonly forecastFrom: "report" | "budget" | "none"
  /** The actual amount. */
  readonly actual: Euros
  /** actual − forecast. */
  readonly variance: Euros
  /** The variance as a share of the forecast; absent when the forecast is zero. */
  readonly varianceShare?: Fraction
  /** Whether the variance passes the convention's tolerance (never when the convention sets none). */
  readonly beyondTolerance: boolean
  /** The partner's explanation of the variance, when given. */
  readonly explanation?: string
}

/**
 * A financial report compared with its forecast (see {@link compareFinancialReport}).
 *
 * @example
 * ```ts
 * import { compareFinancialReport, type Convention, type FinancialReportComparison, type FinancialReportDocument } from "caf-conventions"
 * declare const convention: Convention, report: FinancialReportDocument
 * const comparison: FinancialReportComparison = compareFinancialReport(convention, report)
 * comparison.eligibleSpend.format()
 * ```
 * @category budget
 */
export interface FinancialReportComparison {
  /** The convention. */
  readonly conventionId: string
  /** The year. */
  readonly year: number
  /** The action, when the report names one. */
  readonly actionId?: string
  /** The convention's tolerance on a line's variance, when it sets one. */
  readonly tolerance?: string
  /** Every line, charges then products then contributions in kind. */
  readonly lines: ReadonlyArray<FinancialReportLine>
  /** Totals of forecast and actual, by side. */
  readonly totals: {
    readonly charges: { readonly forecast: Euros; readonly actual: Euros }
    readonly products: { readonly forecast: Euros; readonly actual: Euros }
    readonly inKind: { readonly forecast: Euros; readonly actual: Euros }
  }
  /** The actual charges (accounts 60 to 68; contributions in kind left out). */
  readonly actualCost: Euros
  /** What the Caf's product lines received. */
  readonly cafReceived: Euros
  /** What the other product lines received (every product line not the Caf's). */
  readonly otherFundingReceived: Euros
  /** The spending the Caf's grant covers: actual cost − other funding received, not below zero. */
  readonly eligibleSpend: Euros
  /** The result of the action: actual products − actual charges. */
  readonly result: Euros
  /** Variances beyond the tolerance without an explanation, and other findings. */
  readonly findings: ReadonlyArray<ComplianceFinding>
  /** The reasoning in French. */
  readonly explanation: ExplanationNode
}

type Side = FinancialReportLine["side"]

function budgetFor(resolved: ResolvedConvention, report: FinancialReportDocument): Budget | undefined {
  return resolved.convention.budgets?.find(
    (budget) => budget.year === report.year && budget.actionId === report.actionId
  )
}

/** The comparison, from a resolution and a report already checked. */
function comparisonOf(resolved: ResolvedConvention, report: FinancialReportDocument): FinancialReportComparison {
  const tolerance = resolved.terms.reporting.varianceTolerance
  const budget = budgetFor(resolved, report)
  const findings: Array<ComplianceFinding> = []
  const lines: Array<FinancialReportLine> = []
  const line = (
    side: Side,
    index: number,
    entry: { account: string; label?: string; forecast?: Euros; actual: Euros; explanation?: string },
    extra: { funderKind?: FinancialReportLine["funderKind"]; funderName?: string; budgeted?: Euros }
  ) => {
    const forecastFrom = entry.forecast !== undefined ? "report" : extra.budgeted !== undefined ? "budget" : "none"
    const forecast = entry.forecast ?? extra.budgeted ?? Euros.zero
    const variance = entry.actual.minus(forecast)
    const share = shareOf(variance, forecast)
    const magnitude = share === undefined ? undefined : rational(share.n < 0n ? -share.n : share.n, share.d)
    const beyondTolerance =
      tolerance !== undefined && !variance.isZero() && (magnitude === undefined || above(magnitude, ratioOf(tolerance)))
    const label =
      entry.label ??
      reportLineLabel(
        entry.account,
        extra.funderKind === undefined ? undefined : { kind: extra.funderKind, name: extra.funderName }
      )
    lines.push({
      side,
      account: entry.account,
      label,
      ...(extra.funderKind === undefined ? {} : { funderKind: extra.funderKind }),
      forecast,
      forecastFrom,
      actual: entry.actual,
      variance,
      ...(share === undefined ? {} : { varianceShare: toFraction(share) }),
      beyondTolerance,
      ...(entry.explanation === undefined ? {} : { explanation: entry.explanation })
    })
    if (beyondTolerance && entry.explanation === undefined) {
      const key = side === "charge" ? "charges" : side === "product" ? "products" : "inKind"
      findings.push({
        rule: "financial-report-variance",
        severity: "warning",
        message: unexplainedVarianceText(
          report.year,
          { label, account: entry.account, forecast, actual: entry.actual },
          { amount: variance, share },
          ratioOf(tolerance as string)
        ),
        source: varianceToleranceSource(FINANCIAL_REPORT_SOURCE),
        path: [key, index, "explanation"]
      })
    }
  }
  report.charges.forEach((entry, index) => {
    const budgeted = budget?.charges.filter((candidate) => candidate.account === entry.account)
    line(
      "charge",
      index,
      entry,
      budgeted === undefined || budgeted.length === 0
        ? {}
        : { budgeted: Euros.sum(budgeted.map((candidate) => candidate.amount)) }
    )
  })
  report.products.forEach((entry, index) => {
    const funder =
      entry.funderKind === undefined
        ? undefined
        : budget?.funders.find(
            (candidate) =>
              candidate.kind === entry.funderKind &&
              (entry.funderName === undefined || candidate.name === entry.funderName)
          )
    line("product", index, entry, {
      ...(entry.funderKind === undefined ? {} : { funderKind: entry.funderKind }),
      ...(entry.funderName === undefined ? {} : { funderName: entry.funderName }),
      ...(funder === undefined ? {} : { budgeted: retained(funder) })
    })
  })
  ;(report.inKind ?? []).forEach((entry, index) => {
    const budgeted = budget?.inKind.filter((candidate) => candidate.account === entry.account)
    line(
      "in-kind",
      index,
      entry,
      budgeted === undefined || budgeted.length === 0
        ? {}
        : { budgeted: Euros.sum(budgeted.map((candidate) => candidate.amount)) }
    )
  })
  lines.forEach((entry, index) => {
    if (entry.forecastFrom === "none" && !entry.actual.isZero()) {
      findings.push({
        rule: "financial-report-forecast",
        severity: "info",
        message: noForecastText(report.year, entry.label, entry.account),
        source: FINANCIAL_REPORT_SOURCE,
        path: ["lines", index]
      })
    }
  })
  const total = (side: Side) => {
    const of = lines.filter((entry) => entry.side === side)
    return {
      forecast: Euros.sum(of.map((entry) => entry.forecast)),
      actual: Euros.sum(of.map((entry) => entry.actual))
    }
  }
  const totals = { charges: total("charge"), products: total("product"), inKind: total("in-kind") }
  const productLines = lines.filter((entry) => entry.side === "product")
  const cafReceived = Euros.sum(productLines.filter((entry) => entry.funderKind === "caf").map((entry) => entry.actual))
  const otherFundingReceived = Euros.sum(
    productLines.filter((entry) => entry.funderKind !== "caf").map((entry) => entry.actual)
  )
  const actualCost = totals.charges.actual
  const eligibleSpend = Euros.max(Euros.zero, actualCost.minus(otherFundingReceived))
  const result = totals.products.actual.minus(actualCost)
  const beyond = lines.filter((entry) => entry.beyondTolerance)
  const unexplained = beyond.filter((entry) => entry.explanation === undefined)
  const toleranceNode: ExplanationNode = {
    ruleId: "financial-report-variance",
    label: COMPARISON_LABELS.variances,
    outcome: (tolerance === undefined ? "not-applicable" : unexplained.length > 0 ? "fail" : "pass") as Outcome,
    sentence: varianceSentence({ tolerance, lines }),
    source: varianceToleranceSource(FINANCIAL_REPORT_SOURCE),
    read: { tolerance },
    children: []
  }
  const spendNode: ExplanationNode = {
    ruleId: "financial-report-spend",
    label: COMPARISON_LABELS.coveredSpend,
    outcome: "pass",
    sentence: coveredSpendSentence({ actualCost, otherFundingReceived, eligibleSpend, cafReceived }),
    source: FINANCIAL_REPORT_SOURCE,
    read: { actualCost, otherFundingReceived, eligibleSpend, cafReceived },
    children: []
  }
  return {
    conventionId: report.conventionId,
    year: report.year,
    ...(report.actionId === undefined ? {} : { actionId: report.actionId }),
    ...(tolerance === undefined ? {} : { tolerance }),
    lines,
    totals,
    actualCost,
    cafReceived,
    otherFundingReceived,
    eligibleSpend,
    result,
    findings,
    explanation: {
      ruleId: "financial-report",
      label: comparisonLabel(report.year),
      outcome: unexplained.length > 0 ? "fail" : "pass",
      sentence: comparisonSentence({ totals, actualCost, result }),
      source: FINANCIAL_REPORT_SOURCE,
      read: {},
      children: [spendNode, toleranceNode]
    }
  }
}

/**
 * Compares a financial report with its forecast, line by line: the variance in euros and as a
 * share of the forecast (arrêté du 11 octobre 2006, art. 2), each line's forecast being the
 * report's own or else the convention's budget for the same year and action (same account; for a
 * product, the funder of the same kind and name). Where the convention sets a tolerance
 * (`terms.reporting.varianceTolerance`), a variance beyond it without an explanation is a
 * `warning` finding; with no tolerance, variances are shown and none must be explained.
 *
 * It also gives the totals the funding-use evaluation reads when no expense is recorded: the
 * actual cost (charges on 60 to 68, contributions in kind left out), the funding other than the
 * Caf's actually received (every product line that is not the Caf's), and the spending the Caf's
 * grant covers, the difference (not below zero).
 *
 * A convention resolved by {@link resolveConvention} is read as it is: resolved as known on a day,
 * the tolerance is the one known then (a plain convention is read with every amendment).
 *
 * @example
 * ```ts
 * import { compareFinancialReport, parseFinancialReport, type Convention } from "caf-conventions"
 * declare const convention: Convention, json: unknown
 * const comparison = compareFinancialReport(convention, parseFinancialReport(json))
 * comparison.findings.filter((finding) => finding.rule === "financial-report-variance")
 * ```
 * @category budget
 */
export function compareFinancialReport(
  input: Convention | ResolvedConvention,
  report: FinancialReportDocument
): FinancialReportComparison {
  const convention = checkedConvention(input)
  const decoded = checkedFinancialReport(report)
  if (decoded.conventionId !== convention.id) {
    throw new InvalidArgumentError({
      argument: "report",
      message: `the financial report is for ${decoded.conventionId}, not ${convention.id}`
    })
  }
  const resolved = isResolvedConvention(input) ? input : resolveConvention(convention)
  return frozenResult(comparisonOf(resolved, decoded), input, report)
}

/**
 * A financial report given to a function, checked at the door as the library's own functions do:
 * one the library decoded is taken as it is (no second decoding), JSON is decoded, anything else
 * throws a {@link ValidationError} listing every problem with its path. For an application that
 * writes its own reading of a compte rendu financier.
 *
 * @example
 * ```ts
 * import { checkedFinancialReport, parseFinancialReport, type FinancialReportJson } from "caf-conventions"
 * declare const json: FinancialReportJson
 * const report = parseFinancialReport(json)
 * checkedFinancialReport(report) === report //=> true
 * ```
 * @category budget
 */
export function checkedFinancialReport(value: unknown): FinancialReportDocument {
  if (value !== null && typeof value === "object" && decodedFinancialReports.has(value))
    return value as FinancialReportDocument
  return parseFinancialReport(value)
}
