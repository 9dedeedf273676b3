/**
 * The names of the amounts a year's funding and a ledger state: the lists a program can walk to
 * read, compare or describe every amount of a {@link Settlement} or of {@link LedgerTotals}
 * without writing the names again (the scenarios' expectations and the HTTP service's OpenAPI
 * document read them).
 *
 * @module
 */
import type { Settlement } from "./settlement.js"

/**
 * The amounts of a {@link Settlement}, by name, in the order the settlement states them.
 *
 * @example
 * ```ts
 * import { SETTLEMENT_AMOUNT_KEYS, type Settlement } from "caf-conventions"
 * const amounts = (settlement: Settlement) => SETTLEMENT_AMOUNT_KEYS.map((key) => `${key}: ${settlement[key].format()}`)
 * SETTLEMENT_AMOUNT_KEYS.length //=> 13
 * ```
 * @category funding
 */
export const SETTLEMENT_AMOUNT_KEYS = [
  "granted",
  "eligibleSpend",
  "unspent",
  "keepable",
  "entitled",
  "received",
  "carriedIn",
  "usedOnEligible",
  "keptSurplus",
  "offsetNextYear",
  "toRepay",
  "awaitingUse",
  "stillToPay"
] as const satisfies ReadonlyArray<keyof Settlement>

/**
 * The amounts of a {@link Settlement} that {@link LedgerTotals} adds up over the years of a
 * ledger (the totals also hold `repaid` and `stillToRepay`, from the repayments).
 *
 * @example
 * ```ts
 * import { LEDGER_TOTAL_KEYS, type LedgerTotals } from "caf-conventions"
 * const totals = (ledger: LedgerTotals) => LEDGER_TOTAL_KEYS.map((key) => ledger[key].toString())
 * LEDGER_TOTAL_KEYS[0] //=> "granted"
 * ```
 * @category funding
 */
export const LEDGER_TOTAL_KEYS = [
  "granted",
  "received",
  "carriedIn",
  "eligibleSpend",
  "usedOnEligible",
  "keptSurplus",
  "offsetNextYear",
  "toRepay",
  "awaitingUse",
  "stillToPay"
] as const satisfies ReadonlyArray<keyof Settlement>
