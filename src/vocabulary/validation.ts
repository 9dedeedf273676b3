/**
 * The words of validation issues, in French and in English: each function takes the facts of
 * one problem (the key, the value found, the codes accepted and the nearest of them, the bounds)
 * and returns both texts, so that the decoding computes the facts and never assembles a sentence.
 *
 * Decoding sits under the calendar and the money, whose schemas it runs: these words import
 * nothing but core's types and month names, and take a date or an amount as the text it was
 * written with (`"2024-12-31"`, `"-5.00"`), so that no import circle runs through them.
 *
 * @internal
 * @module
 */
import type { IssueCode } from "../core/issue.js"
import { MONTHS_EN, MONTHS_FR } from "../core/months.js"
import { agreed, counted } from "../core/plural.js"

/** Both texts of an issue. */
export interface Texts {
  readonly fr: string
  readonly en: string
}

/** A value found, quoted for a French sentence: « sprot », « 45000 ». */
export function guillemets(text: string): string {
  return `« ${text} »`
}

/** A number the French way: a comma before the decimals. */
export function frenchNumber(text: string): string {
  return text.replace(/^(-?\d+)\.(\d+)$/u, "$1,$2")
}

/** A date written yyyy-MM-dd, the French way (31/12/2024); a text of another shape as it is. */
export function frenchDate(iso: string): string {
  return iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/u, "$3/$2/$1")
}

/** A JSON type, said in French and in English, with the article. */
export const TYPE_NAMES: Readonly<Record<string, Texts>> = {
  String: { fr: "un texte entre guillemets", en: "a string" },
  Number: { fr: "un nombre", en: "a number" },
  Boolean: { fr: "true ou false (sans guillemets)", en: "true or false" },
  Objects: { fr: "un objet { … }", en: "an object" },
  Arrays: { fr: "une liste [ … ]", en: "a list" },
  Null: { fr: "null (aucune valeur)", en: "null" },
  Literal: { fr: "une valeur précise", en: "a given value" },
  BigInt: { fr: "un nombre entier", en: "a whole number" }
}

/** What a JSON value is, in French and in English (`45000` is a number). */
export function kindText(value: unknown): Texts {
  if (value === null) return { fr: "null (aucune valeur)", en: "null" }
  if (Array.isArray(value)) return { fr: "une liste", en: "a list" }
  switch (typeof value) {
    case "string":
      return { fr: "un texte", en: "a string" }
    case "number":
      return { fr: "un nombre", en: "a number" }
    case "boolean":
      return { fr: "true ou false", en: "a boolean" }
    case "object":
      return { fr: "un objet", en: "an object" }
    default:
      return { fr: "une valeur qui ne s'écrit pas en JSON", en: "a value that is not JSON" }
  }
}

/** A list of codes for a sentence: the first `max` of them and how many more. */
export function listText(codes: ReadonlyArray<string>, max: number): Texts {
  const shown = codes.slice(0, max).join(", ")
  const more = codes.length - max
  return more > 0
    ? { fr: `${shown} et ${more} ${agreed(more, "autre", "autres")}`, en: `${shown} and ${more} more` }
    : { fr: shown, en: shown }
}

/** Suggestions as said in a sentence: « sectors » ou « sector » (`"sectors" or "sector"`). */
function suggested(values: ReadonlyArray<string>): Texts {
  return { fr: values.map(guillemets).join(" ou "), en: values.map((value) => JSON.stringify(value)).join(" or ") }
}

/**
 * A message with the value found added at its end, when it does not show it yet (the value
 * as JSON: its quotes aside, a text the message already holds is not repeated).
 */
export function withFoundText(texts: Texts, found: string | undefined): Texts {
  if (found === undefined) return texts
  const bare = found.length > 2 && found.startsWith('"') && found.endsWith('"') ? found.slice(1, -1) : found
  if (bare !== "" && (texts.en.includes(bare) || texts.fr.includes(bare))) return texts
  return { fr: `${texts.fr} (valeur trouvée : ${found})`, en: `${texts.en} (found ${found})` }
}

/** A required field that is not there. */
export function missingKeyText(key: string): Texts {
  return {
    fr: `le champ obligatoire ${guillemets(key)} manque`,
    en: `the required field ${JSON.stringify(key)} is missing`
  }
}

/** A field the object does not have, with the nearest known keys, or the known keys when none is near. */
export function unknownKeyText(key: string, suggestions: ReadonlyArray<string>, known: Texts): Texts {
  if (suggestions.length > 0) {
    const said = suggested(suggestions)
    return {
      fr: `le champ ${guillemets(key)} n'est pas prévu ici : vouliez-vous dire ${said.fr} ?`,
      en: `unknown field ${JSON.stringify(key)}: did you mean ${said.en}?`
    }
  }
  return {
    fr: `le champ ${guillemets(key)} n'est pas prévu ici ; champs prévus : ${known.fr}`,
    en: `unknown field ${JSON.stringify(key)}; known fields: ${known.en}`
  }
}

/** A field an object only inherits from its prototype. */
export const INHERITED_KEY_TEXT: Texts = {
  fr: "ce champ est hérité du prototype de l'objet et n'en fait pas partie : écrivez-le dans l'objet lui-même",
  en: "is inherited from the object's prototype, not a field of its own"
}

/**
 * A value that is none of the accepted codes: a text (shown as written, `shown`) with the
 * nearest codes, or without when none is near, or a value of another type (`found` is not a text).
 */
export function enumText(found: unknown, shown: string, accepted: Texts, suggestions: ReadonlyArray<string>): Texts {
  if (typeof found !== "string") {
    const kind = kindText(found)
    return {
      fr: `attendu : un de ces codes entre guillemets : ${accepted.fr} ; trouvé : ${kind.fr}`,
      en: `expected one of the codes ${accepted.en}, found ${kind.en}`
    }
  }
  if (suggestions.length > 0) {
    const said = suggested(suggestions)
    return {
      fr: `${guillemets(shown)} n'est pas un code accepté ici : vouliez-vous dire ${said.fr} ? Codes acceptés : ${accepted.fr}`,
      en: `${JSON.stringify(found)} is not an accepted code here: did you mean ${said.en}? Accepted codes: ${accepted.en}`
    }
  }
  return {
    fr: `${guillemets(shown)} n'est pas un code accepté ici ; codes acceptés : ${accepted.fr}`,
    en: `${JSON.stringify(found)} is not an accepted code here; accepted codes: ${accepted.en}`
  }
}

/**
 * A number given where an amount (a text) is expected: the text to write instead (`write`),
 * which is the number itself when it has more than two decimals (`exact` false).
 */
export function amountAsNumberText(value: number, write: string, exact: boolean): Texts {
  return {
    fr: `un montant s'écrit entre guillemets, avec un point avant les centimes : écrivez "${write}" au lieu de ${value}${exact ? "" : " (au plus deux décimales)"}`,
    en: `an amount is written as a string, with a dot before the cents: write "${write}" instead of ${value}${exact ? "" : " (at most two decimals)"}`
  }
}

/** Something else than a text or a number where an amount is expected. */
export function amountOfWrongTypeText(found: unknown): Texts {
  const kind = kindText(found)
  return {
    fr: `attendu : un montant entre guillemets, par exemple "45000.00" ; trouvé : ${kind.fr}`,
    en: `expected an amount as a string such as "45000.00", found ${kind.en}`
  }
}

/** Something else than a text where a date is expected. */
export function dateOfWrongTypeText(found: unknown): Texts {
  const kind = kindText(found)
  return {
    fr: `une date s'écrit entre guillemets au format AAAA-MM-JJ, par exemple "2024-01-31" ; trouvé : ${kind.fr}`,
    en: `a date is written as a string yyyy-MM-dd, such as "2024-01-31"; found ${kind.en}`
  }
}

/**
 * A value of the wrong JSON type: the type expected (`expected`, a {@link TYPE_NAMES} key, or a
 * literal), the value found and, when one is obvious, what to write instead (`write`).
 */
export function wrongTypeText(
  expected: { readonly type: string } | { readonly literal: unknown },
  found: unknown,
  write: string | undefined
): Texts {
  const kind = kindText(found)
  const named =
    "literal" in expected
      ? { fr: guillemets(String(expected.literal)), en: JSON.stringify(expected.literal) }
      : (TYPE_NAMES[expected.type] ?? { fr: "une autre valeur", en: "another value" })
  const hint = write === undefined ? { fr: "", en: "" } : { fr: ` : écrivez ${write}`, en: `: write ${write}` }
  return {
    fr: `attendu : ${named.fr} ; trouvé : ${kind.fr}${hint.fr}`,
    en: `expected ${named.en}, found ${kind.en}${hint.en}`
  }
}

/** The English name of a type expected, as {@link wrongTypeText} says it (`a string`, `"draft"`). */
export function expectedTypeName(expected: { readonly type: string } | { readonly literal: unknown }): string {
  return "literal" in expected ? JSON.stringify(expected.literal) : (TYPE_NAMES[expected.type]?.en ?? "another value")
}

/** A value matching none of the shapes of a union: Effect's English, and a French sentence. */
export function unionText(english: string): Texts {
  return { fr: "la valeur ne correspond à aucune des formes prévues ici", en: english }
}

/**
 * A built-in check of Effect's that failed, with its bounds (written as in JSON: `"0.5"`):
 * the English is what the check expects (`expected`, its annotation or Effect's message).
 */
export type BuiltInCheck =
  | { readonly check: "int" }
  | { readonly check: "between"; readonly minimum: string; readonly maximum: string }
  | { readonly check: "at-least" | "above" | "at-most" | "below"; readonly bound: string }
  | { readonly check: "min-length" | "max-length"; readonly length: number }
  | { readonly check: "pattern"; readonly source: string }

/** What an Effect built-in check expects, in French, and its English `expected …`. */
export function builtInCheckText(check: BuiltInCheck, expected: string): Texts {
  const en = `expected ${expected}`
  switch (check.check) {
    case "int":
      return { fr: "attendu : un nombre entier", en }
    case "between":
      return { fr: `attendu : un nombre de ${frenchNumber(check.minimum)} à ${frenchNumber(check.maximum)}`, en }
    case "at-least":
      return { fr: `attendu : un nombre supérieur ou égal à ${frenchNumber(check.bound)}`, en }
    case "above":
      return { fr: `attendu : un nombre supérieur à ${frenchNumber(check.bound)}`, en }
    case "at-most":
      return { fr: `attendu : un nombre inférieur ou égal à ${frenchNumber(check.bound)}`, en }
    case "below":
      return { fr: `attendu : un nombre inférieur à ${frenchNumber(check.bound)}`, en }
    case "min-length":
      return { fr: `attendu : au moins ${counted(check.length, "élément", "éléments")}`, en }
    case "max-length":
      return { fr: `attendu : au plus ${counted(check.length, "élément", "éléments")}`, en }
    case "pattern":
      return { fr: `la valeur n'a pas la forme attendue (${check.source})`, en }
  }
}

/** The code of an issue of a built-in check: a bound (`range`), a length (`list`) or a form (`pattern`). */
export function builtInCheckCode(check: BuiltInCheck): IssueCode {
  if (check.check === "min-length" || check.check === "max-length") return "list"
  return check.check === "pattern" ? "pattern" : "range"
}

// The checks of texts, lists and identifiers (src/core/schemas.ts, src/identifiers/).

/** A text blank, invisible or longer than 2 000 characters. */
export const BLANK_TEXT: Texts = {
  fr: "le texte est vide, ne contient que des espaces ou dépasse 2 000 caractères : il doit compter de 1 à 2 000 caractères, dont au moins un visible",
  en: "expected a non-blank text of at most 2000 characters"
}

/**
 * A text holding half of a UTF-16 pair (`U+D800`) at an index (from 0, as in JavaScript; the
 * French counts characters from 1, as a reader does).
 */
export function loneSurrogateText(codePoint: string, index: number): Texts {
  return {
    fr: `le texte contient un caractère incomplet (${codePoint}, au caractère n° ${index + 1}) : retapez-le`,
    en: `expected well-formed Unicode text, found a lone surrogate ${codePoint} at index ${index}`
  }
}

/**
 * A control character (`U+000A`) at an index (from 0; the French counts from 1), in a one-line
 * text or in a text of several lines.
 */
export function controlCharacterText(codePoint: string, index: number, oneLine: boolean): Texts {
  return oneLine
    ? {
        fr: `ce texte tient sur une ligne, sans caractère de contrôle : ${codePoint} trouvé au caractère n° ${index + 1}`,
        en: `expected a one-line text without control characters, found ${codePoint} at index ${index}`
      }
    : {
        fr: `le texte contient un caractère de contrôle, ${codePoint}, au caractère n° ${index + 1} : retirez-le`,
        en: `expected a text without control characters, found ${codePoint} at index ${index}`
      }
}

/** A list that must hold an item and holds none. */
export const EMPTY_LIST: Texts = {
  fr: "la liste est vide : elle doit compter au moins un élément",
  en: "expected at least one item"
}

/** An item of a list that an earlier item repeats (`value` as JSON, `"jeunesse"`). */
export function listedTwiceText(value: string): Texts {
  return { fr: `${guillemets(unquoted(value))} figure deux fois dans la liste`, en: `${value} is listed twice` }
}

/** A record identifier of a form the library refuses. */
export const ID_FORM: Texts = {
  fr: "un identifiant compte de 1 à 100 caractères (lettres, chiffres, « . », « _ », « : » ou « - ») et commence par une lettre ou un chiffre, sans espace ni accent",
  en: "an id is 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or a digit"
}

/** A year key (`"2024"`) not written with four digits. */
export const YEAR_KEY_FORM: Texts = {
  fr: "une année s'écrit avec 4 chiffres, par exemple « 2024 »",
  en: "a year is written with 4 digits"
}

/** The identifiers the library checks, by the English name their checks give. */
export type IdentifierKind = "siren" | "siret" | "rna" | "departement"

const IDENTIFIERS: Readonly<Record<IdentifierKind, Texts>> = {
  siren: {
    fr: "un numéro SIREN valide (9 chiffres dont une clé de contrôle)",
    en: "SIREN (9 digits with a Luhn key)"
  },
  siret: {
    fr: "un numéro SIRET valide (14 chiffres dont une clé de contrôle)",
    en: "SIRET (14 digits with a Luhn key)"
  },
  rna: { fr: "un numéro RNA valide (W suivi de 9 caractères)", en: "RNA number (W and 9 characters)" },
  departement: {
    fr: "un code de département (01 à 95, 2A, 2B, 971 à 976)",
    en: "département code (01–95, 2A, 2B, 971–976)"
  }
}

/** What an identifier is, in English, as its JSON Schema describes it (`SIREN (9 digits with a Luhn key)`). */
export function identifierName(kind: IdentifierKind): string {
  return IDENTIFIERS[kind].en
}

/**
 * What is wrong with a SIREN or a SIRET of the right form (9 or 14 digits): for a SIRET, its
 * first nine digits, which are not a SIREN (`siren`), or its key over the 14 digits (`key`); for
 * a SIREN, its key.
 */
export type IdentifierProblem = { readonly part: "key" } | { readonly part: "siren"; readonly siren: string }

/** Why a SIREN or a SIRET of the right form is not valid, as a message ends. */
export function identifierProblemText(kind: "siren" | "siret", problem: IdentifierProblem): Texts {
  if (problem.part === "siren")
    return {
      fr: `ses 9 premiers chiffres, ${problem.siren}, ne forment pas un numéro SIREN valide (leur clé de contrôle est fausse)`,
      en: `its first 9 digits, ${problem.siren}, are not a valid SIREN (wrong Luhn key)`
    }
  return kind === "siren"
    ? { fr: "sa clé de contrôle est fausse", en: "its Luhn key is wrong" }
    : { fr: "la clé de contrôle des 14 chiffres est fausse", en: "the Luhn key over the 14 digits is wrong" }
}

/** A text that is not a valid identifier of a kind; `problem`, for a SIREN or a SIRET of the right form. */
export function invalidIdentifierText(text: string, kind: IdentifierKind, problem?: IdentifierProblem): Texts {
  if (problem !== undefined && (kind === "siren" || kind === "siret")) {
    const why = identifierProblemText(kind, problem)
    const name = kind === "siren" ? "SIREN" : "SIRET"
    return {
      fr: `${guillemets(text)} n'est pas un numéro ${name} valide : ${why.fr}`,
      en: `${JSON.stringify(text)} is not a valid ${name}: ${why.en}`
    }
  }
  return {
    fr: `${guillemets(text)} n'est pas ${IDENTIFIERS[kind].fr}`,
    en: `${JSON.stringify(text)} is not a valid ${IDENTIFIERS[kind].en}`
  }
}

// The checks of dates and amounts (src/calendar/date.ts, src/money/).

/**
 * Why a text is not a calendar date: not written yyyy-MM-dd, a year before 1000, no such month,
 * or a day the month does not have (`days` in the month of that year).
 */
export type DateProblem =
  | { readonly problem: "form" }
  | { readonly problem: "year" }
  | { readonly problem: "month"; readonly month: string }
  | { readonly problem: "day"; readonly year: number; readonly month: number; readonly days: number }

/** A text that is not a calendar date, and the date it may have meant (`write`, day first reordered). */
export function invalidDateText(text: string, problem: DateProblem, write?: string): Texts {
  return invalidAmountText(invalidDateReason(text, problem), write)
}

/** The reason alone, as {@link InvalidDateError} and the date's check say it. */
export function invalidDateReason(text: string, problem: DateProblem): Texts {
  switch (problem.problem) {
    case "form":
      return {
        fr: `${guillemets(text)} n'est pas une date au format AAAA-MM-JJ`,
        en: `${JSON.stringify(text)} is not a date written yyyy-MM-dd`
      }
    case "year":
      return {
        fr: `${text} n'est pas une date : l'année doit être au moins 1000`,
        en: `${text} is not a calendar date: years start at 1000`
      }
    case "month":
      return {
        fr: `${text} n'est pas une date : il n'y a pas de mois ${problem.month}`,
        en: `${text} is not a calendar date: there is no month ${problem.month}`
      }
    case "day":
      return {
        fr: `${text} n'est pas une date : ${MONTHS_FR[problem.month - 1]} ${problem.year} compte ${problem.days} jours`,
        en: `${text} is not a calendar date: ${MONTHS_EN[problem.month - 1]} ${problem.year} has ${problem.days} days`
      }
  }
}

/** A period whose end (yyyy-MM-dd) is before its start. */
export function endBeforeStartText(start: string, end: string): Texts {
  return {
    fr: `la fin, le ${frenchDate(end)}, précède le début, le ${frenchDate(start)}`,
    en: `the end ${end} is before the start ${start}`
  }
}

/** A text that is not an amount (or a date): why, in both languages, and what it may have meant (`write`). */
export function invalidAmountText(reason: Texts, write: string | undefined): Texts {
  const hint = write === undefined ? { fr: "", en: "" } : { fr: ` : écrivez « ${write} »`, en: `: write "${write}"` }
  return { fr: reason.fr + hint.fr, en: reason.en + hint.en }
}

/** Why a text or a number is not an amount in euros, in French (see `AmountProblem`). */
export const AMOUNT_PROBLEMS_FR = {
  empty: "le montant est vide",
  malformed: "le montant doit s'écrire avec des chiffres et un point décimal, par exemple 30000.50",
  "too-many-decimals": "un montant en euros a au plus deux décimales (les centimes)",
  "not-finite": "le montant n'est pas un nombre fini",
  "not-an-integer": "un nombre de centimes doit être entier",
  "out-of-range": "le montant dépasse 10 000 milliards d'euros"
} as const

/**
 * A negative amount where a positive or zero one is expected: its decimal text (`"-30000.00"`)
 * and the same amount said the French way (`Euros.format()`, « -30 000,00 € »).
 */
export function negativeAmountText(amount: string, said: string): Texts {
  return {
    fr: `le montant ${said} est négatif : il doit être positif ou nul`,
    en: `amount ${amount} must not be negative`
  }
}

/** A record whose id an earlier record (at `index`) already has, with another content. */
export function duplicateRecordText(id: string, index: number): Texts {
  return {
    fr: `l'identifiant ${guillemets(id)} est déjà pris par l'enregistrement [${index}], dont le contenu diffère : un même identifiant ne peut désigner que des copies identiques`,
    en: `the id ${id} is already used by record [${index}] with different content`
  }
}

/** A ratio not written as a decimal from 0 to 1. */
export const RATIO_FORM: Texts = {
  fr: "une part s'écrit entre guillemets comme un nombre décimal de 0 à 1, avec un point et au plus 6 décimales, par exemple « 0.35 »",
  en: 'expected a ratio between 0 and 1 written as a decimal string with at most 6 decimals, such as "0.35"'
}

// The lines that list the issues of a document (formatIssues).

/** What the library's documents are called in French, for the first line of a list of issues. */
const SUBJECTS_FR: Readonly<Record<string, string>> = {
  convention: "convention",
  portfolio: "portefeuille",
  partner: "partenaire",
  period: "période",
  "calendar date": "date",
  activities: "activités",
  payments: "versements",
  expenses: "dépenses",
  candidates: "candidats",
  candidate: "candidat",
  scenario: "scénario",
  amount: "montant",
  activity: "activité",
  payment: "versement",
  expense: "dépense",
  repayment: "reversement",
  repayments: "reversements",
  indicator: "indicateur",
  "financial report": "compte rendu financier",
  SIREN: "SIREN",
  SIRET: "SIRET",
  "RNA number": "numéro RNA",
  "département code": "code de département",
  "SCDL export": "export SCDL",
  "compliance options": "options de la conformité",
  "eligibility options": "options de l'éligibilité",
  "report options": "options du bilan",
  "ledger options": "options du suivi financier",
  "funding use options": "options de l'emploi des fonds",
  "objectives options": "options des objectifs"
}

/** What was decoded (`"convention"`, `"calendar date"`), in French; a subject of its own as it is. */
export function subjectFr(subject: string): string {
  return Object.hasOwn(SUBJECTS_FR, subject) ? (SUBJECTS_FR[subject] as string) : subject
}

/** The first line of a list of issues: the document, how many problems, how many not listed. */
export function issuesHeading(title: Texts, total: number, omitted: number): Texts {
  return {
    fr: `${title.fr} : ${counted(total, "problème", "problèmes")}${omitted === 0 ? "" : `, dont ${omitted} ${agreed(omitted, "non listé", "non listés")}`}`,
    en: `${title.en}: ${total} issue${total === 1 ? "" : "s"}${omitted === 0 ? "" : `, ${omitted} not listed`}`
  }
}

/** The last line of a list of issues, for those not listed. */
export function moreIssuesLine(omitted: number): Texts {
  return {
    fr: `… et ${omitted} ${agreed(omitted, "autre problème", "autres problèmes")}`,
    en: `… and ${omitted} more issue${omitted === 1 ? "" : "s"}`
  }
}

/** Where a text stops being JSON, both counted from 1: « ligne 3, colonne 14 ». */
export function syntaxPlaceText(line: number, column: number): string {
  return `ligne ${line}, colonne ${column}`
}

// The recognition of a document (src/documents/detect.ts), for `validate`.

/** A document whose JSON is not of the shape expected (`expected`: "une liste de candidats", `a list of candidates`). */
export function wrongShapeText(expected: Texts): Texts {
  return { fr: `attendu ${expected.fr}`, en: `expected ${expected.en}` }
}

/** What `validate` reads, when a document is none of them. */
export const ANY_DOCUMENT: Texts = {
  fr: "un objet (portefeuille, convention, partenaire, scénario) ou une liste (activités, versements, dépenses, candidats)",
  en: "an object (portfolio, convention, partner, scenario) or a list (activities, payments, expenses, candidates)"
}

/** The records of a list, counted (« 3 dépenses », « 1 enregistrement d'activité »). */
export function recordsSummary(
  count: number,
  kind: "candidate" | "expense" | "payment" | "payment-or-repayment" | "activity" | "financial-report"
): string {
  switch (kind) {
    case "payment-or-repayment":
      return `${counted(count, "enregistrement", "enregistrements")} ; sans code de versement (instalment), ce sont les champs d'un reversement comme d'un versement`
    case "financial-report":
      return counted(count, "compte rendu financier", "comptes rendus financiers")
    case "candidate":
      return counted(count, "candidat", "candidats")
    case "expense":
      return counted(count, "dépense", "dépenses")
    case "payment":
      return counted(count, "versement", "versements")
    case "activity":
      return `${counted(count, "enregistrement", "enregistrements")} d'activité`
  }
}

/** A compte rendu financier, by its convention and its year (« convention cpo-1, exercice 2024 »). */
export function financialReportSummary(conventionId: string, year: number): string {
  return `convention ${conventionId}, exercice ${year}`
}

/** A portfolio, counted (« 2 partenaires, 3 conventions »). */
export function portfolioSummary(partners: number, conventions: number): string {
  return `${counted(partners, "partenaire", "partenaires")}, ${counted(conventions, "convention", "conventions")}`
}

/** `"x"` → `x`: a text written as JSON in a message; another value as it is. */
export function unquoted(text: string): string {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === "string" ? value : text
  } catch {
    return text
  }
}

/** @internal How a date is written, for a value that is not a text. */
export const DATE_FORM_FR = "une date s'écrit AAAA-MM-JJ"

/** @internal An evaluator's `year` option outside 1000–9999: `english`, the value described; `found`, shortened as JSON. */
export function yearOptionText(english: string, found: string): Texts {
  return {
    fr: `attendu : une année entre 1000 et 9999 ; trouvé : ${found}`,
    en: `expected a year between 1000 and 9999, got ${english}`
  }
}

/** @internal An evaluator's `rules` option that is not a rule tree. */
export const RULE_TREE_TEXT: Texts = {
  fr: "attendu : un arbre de règles (voir defineRule, allOf, anyOf, not)",
  en: "expected a rule tree (see defineRule, allOf, anyOf, not)"
}
