/**
 * The amount a convention grants for each calendar year it covers.
 *
 * @module
 */
import { daysInYear } from "../calendar/date.js"
import { type Period, daysOfPeriod, intersectionOfPeriods, partOfYear, periodYears } from "../calendar/period.js"
import { InvalidArgumentError, type ValidationError } from "../core/errors.js"
import { prorate, prorateSum } from "../money/allocate.js"
import { Euros } from "../money/euros.js"
import type { Convention } from "./convention.js"
import { checkedConvention } from "./checked.js"
import {
  type TermsAsOf,
  type TermsSegment,
  finalDayOf,
  finalTermsOf,
  termsOnly,
  timelineOf,
  uncutTermsAsOf
} from "./terms-as-of.js"

/**
 * One stretch of a year during which the same yearly amount applied.
 *
 * @example
 * ```ts
 * import type { AmountSegment } from "caf-conventions"
 * const describe = (s: AmountSegment) => `${s.yearlyAmount.format()} × ${s.days}/${s.daysInYear}`
 * ```
 * @category conventions
 */
export interface AmountSegment {
  /** The days of the stretch. */
  readonly period: Period
  /** The yearly amount in force during the stretch. */
  readonly yearlyAmount: Euros
  /** Days in the stretch. */
  readonly days: number
  /** Days in the calendar year (365 or 366). */
  readonly daysInYear: number
}

/**
 * The amount granted for one calendar year, and how it was reached.
 *
 * @example
 * ```ts
 * import { yearAmounts, type Convention, type YearAmount } from "caf-conventions"
 * declare const convention: Convention
 * const years: ReadonlyArray<YearAmount> = yearAmounts(convention)
 * ```
 * @category conventions
 */
export interface YearAmount {
  /** The calendar year. */
  readonly year: number
  /** The part of the effective period that falls in the year. */
  readonly period: Period
  /** The amount for the year, rounded to the cent with the convention's rounding mode. */
  readonly amount: Euros
  /** `constant`: a yearly amount prorated by days; `per-year`: the amount the text gives for the year. */
  readonly basis: "constant" | "per-year"
  /** Whether the amount is less than a full year's (a partial year, a termination). */
  readonly prorated: boolean
  /** For a constant yearly amount: the stretches of the year and the amount in force in each. */
  readonly segments: ReadonlyArray<AmountSegment>
}

/**
 * The amount the convention grants for each calendar year of its effective period:
 * - with a **constant yearly amount**, each year's part of the period is split at the
 *   amendments' effective dates, and each stretch gets the yearly amount in force × its days /
 *   the days of the year (365 or 366); the exact sum is rounded once, to the cent, with the
 *   convention's rounding mode. A full year with no amendment gets the yearly amount exactly;
 * - with **per-year amounts**, each year gets the amount the text (as amended) gives it, reduced
 *   by days when an early termination cuts the year short; a year without an amount gets 0 €
 *   (and {@link checkCompliance} reports it).
 *
 * Throws an {@link InvalidArgumentError} when the convention records no amounts. The convention
 * is checked at the door: its JSON is decoded, anything else throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { yearAmounts, type Convention } from "caf-conventions"
 * declare const convention: Convention // 30 000 € a year, raised to 36 000 € from 2024-07-01
 * yearAmounts(convention).map((y) => [y.year, y.amount.toString()])
 * //=> [[2023, "30000.00"], [2024, "33016.39"], [2025, "36000.00"]]
 * ```
 * @category conventions
 */
export function yearAmounts(convention: Convention): ReadonlyArray<YearAmount> {
  return amountsOf(checkedConvention(convention))
}

/** @internal {@link yearAmounts} for a convention already checked (derived conventions included). */
export function amountsOf(
  convention: Convention,
  derived?: { readonly final: TermsAsOf; readonly timeline: ReadonlyArray<TermsSegment> }
): ReadonlyArray<YearAmount> {
  const amounts = convention.terms.amounts
  if (amounts === undefined) {
    throw new InvalidArgumentError({
      argument: "convention",
      message: `the convention ${convention.id} records no amounts`
    })
  }
  const final = (derived?.final ?? finalTermsOf(convention)).terms
  const period = final.period
  const mode = final.payment.rounding
  const timeline = derived?.timeline ?? timelineOf(convention)
  const uncut = amounts.kind === "per-year" ? uncutTermsAsOf(convention, finalDayOf(convention)).terms.period : period
  return periodYears(period).map((year): YearAmount => {
    const part = partOfYear(period, year) as Period
    if (amounts.kind === "per-year") return perYearAmount(convention, year, part, uncut)
    const segments = timeline.flatMap((segment): Array<AmountSegment> => {
      const overlap = intersectionOfPeriods(segment.period, part)
      const terms = segment.terms.amounts
      if (overlap === undefined || terms?.kind !== "constant") return []
      return [
        { period: overlap, yearlyAmount: terms.yearlyAmount, days: daysOfPeriod(overlap), daysInYear: daysInYear(year) }
      ]
    })
    // A whole year under one yearly amount is that amount, to the cent: no decimal arithmetic.
    const whole =
      segments.length === 1 && (segments[0] as AmountSegment).days === (segments[0] as AmountSegment).daysInYear
    return {
      year,
      period: part,
      amount: whole
        ? (segments[0] as AmountSegment).yearlyAmount
        : prorateSum(
            segments.map((segment) => ({
              amount: segment.yearlyAmount,
              part: segment.days,
              whole: segment.daysInYear
            })),
            mode
          ),
      basis: "constant",
      prorated: daysOfPeriod(part) < daysInYear(year),
      segments
    }
  })
}

function perYearAmount(convention: Convention, year: number, part: Period, uncut: Period): YearAmount {
  const terms = termsOnly(convention, part.end).terms
  const listed = terms.amounts?.kind === "per-year" ? terms.amounts.byYear[String(year)] : undefined
  const full = listed ?? Euros.zero
  // The days the year would have had without the termination (every amendment applied): the
  // amount is reduced in proportion. An amendment that moves the end reduces nothing: the text
  // gives the year's amount for the period as amended.
  const planned = partOfYear(uncut, year)
  const days = daysOfPeriod(part)
  const plannedDays = planned === undefined ? days : Math.max(days, daysOfPeriod(planned))
  const amount = days === plannedDays ? full : prorate(full, days, plannedDays, terms.payment.rounding)
  return { year, period: part, amount, basis: "per-year", prorated: days < plannedDays, segments: [] }
}
