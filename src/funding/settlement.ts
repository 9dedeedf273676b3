/**
 * From the year's amount to what is still to pay or to repay: modulation for missed objectives,
 * the clause on unspent money, and the split of every euro received.
 *
 * @module
 */
import { type Fraction, rational, toFraction } from "../core/fraction.js"
import type { Terms } from "../conventions/terms.js"
import { Dec } from "../money/decimal.js"
import { Euros } from "../money/euros.js"
import type { ObjectivesEvaluation } from "../objectives/evaluate.js"
import { modulationSentence } from "../vocabulary/funding.js"
import { factsField } from "../core/freeze.js"
import type { ModulationFacts } from "./facts.js"

/**
 * The reduction applied for missed objectives, if the convention provides one.
 *
 * @example
 * ```ts
 * import type { Modulation } from "caf-conventions"
 * const none = (m: Modulation) => m.reduction.isZero()
 * ```
 * @category funding
 */
export interface Modulation {
  /** The clause applied: `none`, `proportional` or `fixed-reduction`. */
  readonly rule: Terms["modulation"]["rule"]
  /** The objectives missed that year (status `not-met`). */
  readonly missedObjectives: ReadonlyArray<string>
  /** The reduction of the year's amount. */
  readonly reduction: Euros
  /** Why, in French, worded from `facts`. */
  readonly sentence: string
  /**
   * Why, as typed facts: no clause, no evaluation, none missed, a fixed rate per missed objective,
   * or a shortfall within or beyond the tolerance (see {@link ModulationFacts}). Not part of the
   * JSON form.
   */
  readonly facts: ModulationFacts
}

/** @internal */
export function modulation(amount: Euros, terms: Terms, objectives: ObjectivesEvaluation | undefined): Modulation {
  const clause = terms.modulation
  const missed = objectives === undefined ? [] : objectives.results.filter((result) => result.status === "not-met")
  const facts = modulationFacts(amount, terms, objectives, missed.length)
  const modulated = {
    rule: clause.rule,
    missedObjectives: clause.rule === "none" ? [] : missed.map((result) => result.objectiveId),
    reduction: facts.kind === "fixed" || facts.kind === "proportional" ? facts.reduction : Euros.zero,
    sentence: modulationSentence(facts)
  }
  return factsField<Modulation, "facts">(modulated, "facts", () => facts)
}

function modulationFacts(
  amount: Euros,
  terms: Terms,
  objectives: ObjectivesEvaluation | undefined,
  missed: number
): ModulationFacts {
  const clause = terms.modulation
  if (clause.rule === "none") return { kind: "no-clause" }
  if (objectives === undefined) return { kind: "no-evaluation" }
  if (missed === 0) return { kind: "none-missed" }
  if (clause.rule === "fixed-reduction") {
    const rate = Dec.min(new Dec(clause.ratePerMissedObjective).times(missed), 1)
    const reduction = amount.times(rate.toString(), terms.payment.rounding)
    return { kind: "fixed", missed, ratePerMissed: clause.ratePerMissedObjective, reduction }
  }
  // proportional: each objective weighs an equal share of the amount; a missed one loses its
  // shortfall (1 − achievement) beyond the tolerance: reduction = amount × Σ max(0, shortfall − tolerance) / n.
  const tolerance = new Dec(clause.tolerance)
  let share = new Dec(0)
  for (const result of objectives.results) {
    if (result.status !== "not-met") continue
    const achieved =
      result.ratio === undefined
        ? new Dec(0)
        : Dec.min(new Dec(result.ratio.numerator).div(result.ratio.denominator), 1)
    const shortfall = new Dec(1).minus(achieved)
    if (shortfall.gt(tolerance)) share = share.plus(shortfall.minus(tolerance).div(objectives.results.length))
  }
  const reduction = amount.times(share.toString(), terms.payment.rounding)
  return reduction.isZero()
    ? { kind: "within-tolerance", missed, tolerance: clause.tolerance }
    : { kind: "proportional", missed, tolerance: clause.tolerance, reduction }
}

/**
 * Where the year's money ends up. Every euro available for the year (`received`, plus
 * `carriedIn`, the previous year's money deducted from this year's balance) is in exactly one of
 * `usedOnEligible`, `keptSurplus`, `offsetNextYear`, `toRepay` and `awaitingUse`;
 * `stillToPay` is what the Caf still owes. While the year is not over, what was received beyond
 * the eligible spending is `awaitingUse` (whether it is kept, offset or repaid is decided when the
 * year ends, so `unspent`, `keptSurplus`, `offsetNextYear` and `toRepay` are then zero), and
 * `stillToPay` is what is due on `asOf` and not paid.
 *
 * @example
 * ```ts
 * import { Euros, type Settlement } from "caf-conventions"
 * const balanced = (s: Settlement) =>
 *   Euros.sum([s.usedOnEligible, s.keptSurplus, s.offsetNextYear, s.toRepay, s.awaitingUse]).equals(s.received.plus(s.carriedIn))
 * ```
 * @category funding
 */
export interface Settlement {
  /** The year's amount after any modulation. */
  readonly granted: Euros
  /** The eligible spending. */
  readonly eligibleSpend: Euros
  /** Granted money not spent on eligible costs, once the year is over (zero before). */
  readonly unspent: Euros
  /** What the partner may keep of the unspent money (clause `keep`, up to its cap). */
  readonly keepable: Euros
  /**
   * What the partner is entitled to for the year: eligible spending up to the grant, plus the
   * surplus it keeps. A surplus is kept out of money already received: the Caf never pays one out.
   */
  readonly entitled: Euros
  /** Total of the payments received for the year. */
  readonly received: Euros
  /** Money of the previous year deducted from this year's balance (clause `offset`): it counts as received. */
  readonly carriedIn: Euros
  /** Money that paid eligible costs. */
  readonly usedOnEligible: Euros
  /** Money kept as a surplus. */
  readonly keptSurplus: Euros
  /** Money deducted from the next year's balance (clause `offset`). */
  readonly offsetNextYear: Euros
  /**
   * Money to repay (*reversement*), once the year is over: the unspent part under the clause
   * `repay`, beyond the cap under `keep`, and under `offset` what the next year's balance cannot
   * absorb (all of it in the convention's last year).
   */
  readonly toRepay: Euros
  /** Money not yet used on eligible costs in a year not over (zero once it is). */
  readonly awaitingUse: Euros
  /** What the Caf still owes for the year: once it is over, the entitlement not paid; before, the instalments due and not paid. */
  readonly stillToPay: Euros
  /** Eligible spending over the granted amount, exactly (absent for a zero grant). */
  readonly consumption?: Fraction
}

/** @internal What the settlement of a year reads besides the amounts. */
interface SettlementContext {
  readonly terms: Terms
  /** Whether the year is over. */
  readonly final: boolean
  /** Money of the previous year deducted from this year's balance. */
  readonly carriedIn: Euros
  /** Under `offset`: how much the next year's balance can absorb; undefined when there is no next year. */
  readonly offsetRoom: Euros | undefined
  /** The instalments due on the day of evaluation and not paid. */
  readonly dueUnpaid: Euros
}

/** @internal */
export function settle(granted: Euros, eligibleSpend: Euros, received: Euros, context: SettlementContext): Settlement {
  const { terms, final, carriedIn } = context
  const unspent = final ? Euros.max(Euros.zero, granted.minus(eligibleSpend)) : Euros.zero
  let keepable = Euros.zero
  if (terms.unspent.rule === "keep") {
    const caps = [
      ...(terms.unspent.capRate === undefined ? [] : [granted.times(terms.unspent.capRate, "down")]),
      ...(terms.unspent.capAmount === undefined ? [] : [terms.unspent.capAmount])
    ]
    // A "reasonable" surplus with no cap stated is taken as the whole unspent amount.
    const cap =
      caps.reduce<Euros | undefined>((min, value) => (min === undefined ? value : Euros.min(min, value)), undefined) ??
      unspent
    keepable = Euros.min(unspent, cap)
  }
  const available = received.plus(carriedIn)
  const spentWithinGrant = Euros.min(eligibleSpend, granted)
  const usedOnEligible = Euros.min(available, spentWithinGrant)
  // The partner keeps a surplus out of what it received beyond its eligible spending, never more,
  // and only once the year is over.
  const keptSurplus = final ? Euros.min(available.minus(usedOnEligible), keepable) : Euros.zero
  const entitled = spentWithinGrant.plus(keptSurplus)
  const rest = available.minus(usedOnEligible).minus(keptSurplus)
  const offset =
    final && terms.unspent.rule === "offset" ? Euros.min(rest, context.offsetRoom ?? Euros.zero) : Euros.zero
  return {
    granted,
    eligibleSpend,
    unspent,
    keepable,
    entitled,
    received,
    carriedIn,
    usedOnEligible,
    keptSurplus,
    offsetNextYear: offset,
    toRepay: final ? rest.minus(offset) : Euros.zero,
    awaitingUse: final ? Euros.zero : rest,
    stillToPay: final ? Euros.max(Euros.zero, entitled.minus(available)) : context.dueUnpaid,
    ...(granted.isZero() ? {} : { consumption: toFraction(rational(eligibleSpend.toCents(), granted.toCents())) })
  }
}
