/**
 * The names of the months, in English and in French, for the messages that name a month
 * ("February 2025 has 28 days", « septembre compte 30 jours »).
 *
 * @internal
 * @module
 */

/** The months in English, January first. */
export const MONTHS_EN: ReadonlyArray<string> = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
]

/** The months in French, janvier first. */
export const MONTHS_FR: ReadonlyArray<string> = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre"
]
