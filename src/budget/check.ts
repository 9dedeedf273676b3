/**
 * Checks of a forecast budget: the Caf's share of the cost within its cap, the funding not above
 * the cost (and what prorating gives), the Caf's line against the convention's amount.
 *
 * @module
 */
import { describeValue } from "../core/describe.js"
import { InvalidArgumentError } from "../core/errors.js"
import type { ExplanationNode, Outcome } from "../core/explanation.js"
import { type Fraction, toFraction } from "../core/fraction.js"
import { frozenResult } from "../core/freeze.js"
import { requireOptions } from "../core/records.js"
import { checkedConvention } from "../conventions/checked.js"
import type { ComplianceFinding } from "../conventions/finding.js"
import type { Convention } from "../conventions/convention.js"
import { type ResolvedConvention, resolveConvention, resolvedYear } from "../conventions/resolved.js"
import { Euros } from "../money/euros.js"
import { RatioSchema } from "../money/schema.js"
import * as Schema from "effect/Schema"
import type { Budget, BudgetFunder } from "./budget.js"
import { above, ratioOf, shareOf, timesShare } from "./ratio.js"
import {
  ZERO_COST_SENTENCE,
  budgetCostText,
  budgetDuplicateText,
  budgetFindingText,
  budgetName,
  budgetSummaryText,
  budgetYearNotCoveredText,
  cafAmountDiffersText,
  cafShareCappedText,
  cafShareText,
  fundedWithinCostText,
  fundersText,
  overfundingText,
  zeroCostText
} from "../vocabulary/budget.js"
import { citation } from "../vocabulary/sources.js"

/** Where the rules on a budget come from. */
const BUDGET_SOURCES = {
  cap: citation("caf-share-cap"),
  overfunding: citation("overfunding"),
  inKind: citation("budget-in-kind"),
  amount: citation("convention-year-amount")
} as const

/**
 * Options of {@link checkBudgets}: the year (all years when absent) and a cap on the Caf's share
 * that replaces the budget's own `cafShareCap`.
 *
 * @example
 * ```ts
 * import type { BudgetCheckOptions } from "caf-conventions"
 * const options: BudgetCheckOptions = { year: 2025, cafShareCap: "0.8" }
 * ```
 * @category budget
 */
export interface BudgetCheckOptions {
  /** Only the budgets of this year. */
  readonly year?: number
  /** The highest share of the cost the Caf may fund, as a decimal string (`"0.8"`); overrides the budget's. */
  readonly cafShareCap?: string
}

/**
 * The check of one forecast budget (see {@link checkBudgets}). Every amount is in euros and
 * cents; shares are exact fractions.
 *
 * @example
 * ```ts
 * import { checkBudgets, type BudgetCheck, type Convention } from "caf-conventions"
 * declare const convention: Convention
 * const [check]: ReadonlyArray<BudgetCheck> = checkBudgets(convention, { year: 2025 })
 * check?.awardedCaf.format()
 * ```
 * @category budget
 */
export interface BudgetCheck {
  /** The convention. */
  readonly conventionId: string
  /** The budget's year. */
  readonly year: number
  /** The action the budget funds, when it names one. */
  readonly actionId?: string
  /** The cost: the charges on accounts 60 to 68. */
  readonly cost: Euros
  /** Contributions in kind, outside cost and funding: uses (86) and contributions (87). */
  readonly inKind: { readonly uses: Euros; readonly contributions: Euros }
  /** Each funder with the amount retained: granted when decided, otherwise requested. */
  readonly funders: ReadonlyArray<BudgetFunder & { readonly retained: Euros }>
  /** The total of the funders' retained amounts. */
  readonly funding: Euros
  /** The Caf's amount: its line in the budget, or else the convention's amount for the year. */
  readonly caf: Euros
  /** Where the Caf's amount comes from. */
  readonly cafFrom: "budget" | "convention" | "none"
  /** The Caf's share of the cost; absent when the cost is zero. */
  readonly cafShare?: Fraction
  /** The cap on the Caf's share, when one applies. */
  readonly cafShareCap?: string
  /** The highest Caf amount the cap allows (cap × cost, rounded down), when a cap applies. */
  readonly cafCapAmount?: Euros
  /** What the funding exceeds the cost by (zero when it does not). */
  readonly overfunding: Euros
  /** The Caf's amount once every funder is prorated to the cost (caf × cost / funding, rounded down); the Caf's amount when there is no excess. */
  readonly proratedCaf: Euros
  /** The Caf amount the budget allows: the prorated amount, within the cap. */
  readonly awardedCaf: Euros
  /** What was found, each with its source. */
  readonly findings: ReadonlyArray<ComplianceFinding>
  /** The reasoning in French. */
  readonly explanation: ExplanationNode
}

const node = (
  ruleId: string,
  label: string,
  outcome: Outcome,
  sentence: string,
  source: string,
  read: Record<string, unknown> = {}
): ExplanationNode => ({ ruleId, label, outcome, sentence, source, read, children: [] })

/** @internal The amount retained for a funder: granted when decided, else requested. */
export const retained = (funder: BudgetFunder): Euros => funder.granted ?? funder.requested

function nameOf(budget: Budget): string {
  return budgetName(budget.year, budget.actionId)
}

function checkOne(
  resolved: ResolvedConvention,
  budget: Budget,
  index: number,
  capOverride: string | undefined,
  duplicate: boolean
): BudgetCheck {
  const convention = resolved.convention
  const path = ["budgets", index]
  const findings: Array<ComplianceFinding> = []
  const children: Array<ExplanationNode> = []
  const name = nameOf(budget)
  const cost = Euros.sum(budget.charges.map((line) => line.amount))
  const uses = Euros.sum(budget.inKind.filter((line) => line.account.startsWith("86")).map((line) => line.amount))
  const contributions = Euros.sum(
    budget.inKind.filter((line) => line.account.startsWith("87")).map((line) => line.amount)
  )
  const funders = budget.funders.map((funder) => ({ ...funder, retained: retained(funder) }))
  const funding = Euros.sum(funders.map((funder) => funder.retained))
  const cafLines = funders.filter((funder) => funder.kind === "caf")
  const yearAmount = resolvedYear(resolved, budget.year)?.amount?.amount
  const caf = cafLines.length > 0 ? Euros.sum(cafLines.map((funder) => funder.retained)) : (yearAmount ?? Euros.zero)
  const cafFrom = cafLines.length > 0 ? "budget" : yearAmount === undefined ? "none" : "convention"

  if (duplicate) {
    findings.push({
      rule: "budget-unique",
      severity: "error",
      message: budgetDuplicateText(name),
      source: BUDGET_SOURCES.amount,
      path
    })
  }
  if (resolvedYear(resolved, budget.year) === undefined) {
    findings.push({
      rule: "budget-year",
      severity: "error",
      message: budgetYearNotCoveredText(name, budget.year),
      source: BUDGET_SOURCES.amount,
      path: [...path, "year"]
    })
  }
  children.push(
    node(
      "budget-cost",
      "Coût de l'action",
      "pass",
      budgetCostText(budget.charges, cost, { uses, contributions }),
      BUDGET_SOURCES.inKind,
      { cost, inKindUses: uses, inKindContributions: contributions }
    )
  )

  // The Caf's line against the convention's amount (a budget of the whole work only: an action's
  // budget holds the part of the grant that funds it).
  if (budget.actionId === undefined && cafLines.length > 0 && yearAmount !== undefined && !caf.equals(yearAmount)) {
    const message = cafAmountDiffersText(name, caf, budget.year, yearAmount)
    findings.push({
      rule: "budget-caf-amount",
      severity: "warning",
      message,
      source: BUDGET_SOURCES.amount,
      path: [...path, "funders"]
    })
    children.push(
      node("budget-caf-amount", "Montant de la Caf", "fail", message, BUDGET_SOURCES.amount, {
        budget: caf,
        convention: yearAmount
      })
    )
  }

  const share = shareOf(caf, cost)
  const cap = capOverride ?? budget.cafShareCap
  let capAmount: Euros | undefined
  if (share === undefined) {
    findings.push({
      rule: "budget-caf-share",
      severity: "error",
      message: zeroCostText(name),
      source: BUDGET_SOURCES.cap,
      path: [...path, "charges"]
    })
    children.push(node("budget-caf-share", "Part de la Caf", "fail", ZERO_COST_SENTENCE, BUDGET_SOURCES.cap))
  } else if (cap === undefined) {
    children.push(
      node("budget-caf-share", "Part de la Caf", "not-applicable", cafShareText(caf, cost, share), BUDGET_SOURCES.cap, {
        caf,
        cost
      })
    )
  } else {
    const capRatio = ratioOf(cap)
    capAmount = timesShare(cost, capRatio)
    const over = above(share, capRatio)
    const sentence = cafShareCappedText(caf, cost, share, {
      ratio: capRatio,
      amount: capAmount,
      excess: over ? caf.minus(capAmount) : undefined
    })
    if (over)
      findings.push({
        rule: "budget-caf-share",
        severity: "error",
        message: budgetFindingText(name, sentence),
        source: BUDGET_SOURCES.cap,
        path: [...path, "funders"]
      })
    children.push(
      node("budget-caf-share", "Part de la Caf", over ? "fail" : "pass", sentence, BUDGET_SOURCES.cap, {
        caf,
        cost,
        cap
      })
    )
  }

  const overfunding = Euros.max(Euros.zero, funding.minus(cost))
  const fundingText = fundersText(
    funders.map((funder) => ({ ...funder, requested: funder.granted === undefined })),
    funding
  )
  let proratedCaf = caf
  if (overfunding.isPositive()) {
    const ratio = shareOf(cost, funding)
    proratedCaf = ratio === undefined ? caf : timesShare(caf, ratio)
    const sentence = overfundingText(fundingText, { overfunding, cost, caf, funding, proratedCaf })
    findings.push({
      rule: "budget-overfunding",
      severity: "warning",
      message: budgetFindingText(name, sentence),
      source: BUDGET_SOURCES.overfunding,
      path: [...path, "funders"]
    })
    children.push(
      node("budget-overfunding", "Financement au plus égal au coût", "fail", sentence, BUDGET_SOURCES.overfunding, {
        funding,
        cost,
        overfunding,
        proratedCaf
      })
    )
  } else {
    const gap = cost.minus(funding)
    children.push(
      node(
        "budget-overfunding",
        "Financement au plus égal au coût",
        "pass",
        fundedWithinCostText(fundingText, gap, cost),
        BUDGET_SOURCES.overfunding,
        { funding, cost }
      )
    )
  }
  const awardedCaf = capAmount === undefined ? proratedCaf : Euros.min(proratedCaf, capAmount)
  const outcome: Outcome = findings.some((finding) => finding.severity !== "info") ? "fail" : "pass"
  const explanation: ExplanationNode = {
    ruleId: "budget",
    label: name,
    outcome,
    sentence: budgetSummaryText(cost, funding, awardedCaf, caf),
    source: "",
    read: { year: budget.year, actionId: budget.actionId },
    children
  }
  return {
    conventionId: convention.id,
    year: budget.year,
    ...(budget.actionId === undefined ? {} : { actionId: budget.actionId }),
    cost,
    inKind: { uses, contributions },
    funders,
    funding,
    caf,
    cafFrom,
    ...(share === undefined ? {} : { cafShare: toFraction(share) }),
    ...(cap === undefined ? {} : { cafShareCap: cap }),
    ...(capAmount === undefined ? {} : { cafCapAmount: capAmount }),
    overfunding,
    proratedCaf,
    awardedCaf,
    findings,
    explanation
  }
}

/** @internal The checks of a resolved convention's budgets. */
function budgetChecks(resolved: ResolvedConvention, options: BudgetCheckOptions = {}): ReadonlyArray<BudgetCheck> {
  const budgets = resolved.convention.budgets ?? []
  const keys = budgets.map((budget) => `${budget.year}/${budget.actionId ?? ""}`)
  return budgets.flatMap((budget, index) =>
    options.year !== undefined && budget.year !== options.year
      ? []
      : [checkOne(resolved, budget, index, options.cafShareCap, keys.indexOf(keys[index] as string) !== index)]
  )
}

/**
 * Checks the forecast budgets of a convention (`convention.budgets`), each one:
 * - the **cost** is the charges on accounts 60 to 68; contributions in kind (86 and 87) are shown
 *   apart and enter neither the cost nor the funding (the Cerfa n° 15059 presents them apart);
 * - the **Caf's share** of the cost stays within the cap, when the budget or the options set one
 *   (`cafShareCap`, `"0.8"` for 80 %; none by default): above it, an `error` finding with the
 *   highest amount allowed (cap × cost, rounded down to the cent);
 * - the **funding** (each funder's granted amount, or the requested one while undecided) is not
 *   above the cost: above it, a `warning` and the Caf's amount prorated, caf × cost / funding,
 *   rounded down to the cent; `awardedCaf` is the prorated amount within the cap;
 * - the Caf's line matches the convention's amount for the year (a budget of the whole work);
 *   the year is one of the convention's; one budget per year and action.
 *
 * @example
 * ```ts
 * import { checkBudgets, parseConvention } from "caf-conventions"
 * declare const json: unknown // a convention whose 2025 budget costs 100 000 €, Caf 90 000 €
 * const [check] = checkBudgets(parseConvention(json), { year: 2025, cafShareCap: "0.8" })
 * check?.cafCapAmount?.format() //=> "80 000,00 €"
 * ```
 * @category budget
 */
export function checkBudgets(
  input: Convention | ResolvedConvention,
  options: BudgetCheckOptions = {}
): ReadonlyArray<BudgetCheck> {
  const convention = checkedConvention(input)
  requireOptions(options, "budget check options")
  if (options.year !== undefined && (!Number.isInteger(options.year) || options.year < 1000 || options.year > 9999)) {
    throw new InvalidArgumentError({
      argument: "year",
      message: `expected a year between 1000 and 9999, got ${describeValue(options.year)}`
    })
  }
  if (options.cafShareCap !== undefined && !Schema.is(RatioSchema)(options.cafShareCap)) {
    throw new InvalidArgumentError({
      argument: "cafShareCap",
      message: 'expected a ratio between 0 and 1 written as a decimal string, such as "0.8"'
    })
  }
  return frozenResult(budgetChecks(resolveConvention(convention), options), input)
}
