/**
 * The French sentences of compliance findings: each function takes typed values (amounts as
 * {@link Euros}, dates as {@link CalendarDate}, years, codes) and returns the sentence, so that
 * the evaluators assemble no French themselves.
 *
 * @module
 */
import { type CalendarDate, formatFrenchDate } from "../calendar/date.js"
import type { Euros } from "../money/euros.js"

/** A dated rule that did not yet bind the convention when it was signed. */
export const notYetRequiredText = (signedOn: CalendarDate, from: CalendarDate, what: string): string =>
  `Convention signée le ${formatFrenchDate(signedOn)}, avant le ${formatFrenchDate(from)} : ${what} n'était pas encore exigée.`

/** How an early end cuts the agreed period, or "" when it does not. */
export const earlyEndText = (end: CalendarDate, terminated: boolean): string =>
  ` Elle prend fin plus tôt, le ${formatFrenchDate(end)} (${terminated ? "résiliation" : "retrait de la subvention"}) : la durée s'apprécie sur la période convenue.`

/** A multi-year objectives convention shorter than two years. */
export const durationTooShortText = (start: CalendarDate, end: CalendarDate, cut: string): string =>
  `Une convention pluriannuelle d'objectifs dure au moins deux ans ; celle-ci va du ${formatFrenchDate(start)} au ${formatFrenchDate(end)}.${cut}`

/** A multi-year objectives convention longer than four years. */
export const durationTooLongText = (start: CalendarDate, end: CalendarDate, cut: string): string =>
  `La convention va du ${formatFrenchDate(start)} au ${formatFrenchDate(end)}, plus de quatre ans : la circulaire recommande une durée d'au plus quatre ans.${cut}`

/** A multi-year objectives convention of two to four years. */
export const durationWithinText = (start: CalendarDate, end: CalendarDate, cut: string): string =>
  `${cut === "" ? "Durée" : "Durée convenue"} du ${formatFrenchDate(start)} au ${formatFrenchDate(end)} : entre deux et quatre ans, comme recommandé.${cut}`

/** A year of the period without an amount. */
export const yearWithoutAmountText = (year: number): string =>
  `Aucun montant n'est prévu pour l'exercice ${year}, compris dans la période.`

/** An amount for a year outside the period. */
export const amountOutsidePeriodText = (year: string, start: CalendarDate, end: CalendarDate): string =>
  `Un montant est prévu pour ${year}, hors de la période du ${formatFrenchDate(start)} au ${formatFrenchDate(end)}.`

/** The per-year amounts against the stated total. */
export const perYearTotalText = (sum: Euros, total: Euros): string =>
  sum.equals(total)
    ? `Les montants par exercice totalisent ${sum.format()}, le montant total prévu.`
    : `Les montants par exercice totalisent ${sum.format()}, mais le montant total prévu est de ${total.format()}.`
