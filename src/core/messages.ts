/**
 * The words of validation issues, in French and in English: the value found shortened, the
 * names of JSON types, and the translation of the English messages the schemas' checks write
 * (each with its issue code), so that every issue of a `ValidationError` speaks to the person who
 * wrote the document as well as to the developer.
 *
 * @internal
 * @module
 */
import type { Issue, IssueCode } from "./issue.js"
import { MONTHS_FR } from "./months.js"

/** Both texts of an issue. */
interface Texts {
  readonly fr: string
  readonly en: string
}

/** How long a value found may be, once written as JSON, before it is cut with `…`. */
const FOUND_LENGTH = 60

/** A value as JSON, cut at {@link FOUND_LENGTH} characters; never throws (a cycle, a getter that throws, a bigint). */
export function shorten(value: unknown): string {
  let text: string
  try {
    text =
      value === undefined
        ? "undefined"
        : typeof value === "bigint"
          ? `${value}n`
          : typeof value === "function"
            ? "function"
            : typeof value === "symbol"
              ? String(value)
              : typeof value === "number" && !Number.isFinite(value)
                ? String(value)
                : (JSON.stringify(value) ?? String(value))
  } catch {
    text = Array.isArray(value) ? "[…]" : "{…}"
  }
  return text.length <= FOUND_LENGTH ? text : `${text.slice(0, FOUND_LENGTH - 1)}…`
}

/** A value found, quoted for a French sentence: « sprot », « 45000 ». */
export function guillemets(text: string): string {
  return `« ${text} »`
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
export function kindOf(value: unknown): Texts {
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

/** A list of codes for a sentence, the first `max` of them and how many more. */
export function listOf(codes: ReadonlyArray<string>, max: number, quote: (code: string) => string): Texts {
  const shown = codes.slice(0, max).map(quote).join(", ")
  const more = codes.length - max
  return more > 0
    ? { fr: `${shown} et ${more} autre${more === 1 ? "" : "s"}`, en: `${shown} and ${more} more` }
    : { fr: shown, en: shown }
}

/** A number the French way: a comma before the decimals. */
export function frenchNumber(text: string): string {
  return text.replace(/^(-?\d+)\.(\d+)$/u, "$1,$2")
}

/** ISO dates of an English message, written the French way (31/12/2024). */
function frenchDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/gu, "$3/$2/$1")
}

/** A term of a convention, as the amendment checks name it in English (see `changedTerms`), in French. */
function termFr(term: string): string {
  const fixed: Readonly<Record<string, string>> = {
    "yearly amount": "le montant annuel",
    "end of the period": "la fin de la période"
  }
  if (Object.hasOwn(fixed, term)) return fixed[term] as string
  const patterns: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
    [/^amount of (\d+)$/u, (m) => `le montant de ${m[1]}`],
    [/^sector (\S+)$/u, (m) => `le secteur ${m[1]}`],
    [/^accompaniment kind (\S+)$/u, (m) => `le type d'accompagnement ${m[1]}`],
    [/^target of (\S+) in (\d+)$/u, (m) => `la cible de ${m[1]} pour ${m[2]}`],
    [/^target of (\S+)$/u, (m) => `la cible de ${m[1]}`],
    [/^objective (\S+)$/u, (m) => `l'objectif ${m[1]}`],
    [/^payment term (\S+)$/u, (m) => `la modalité de versement ${m[1]}`]
  ]
  for (const [pattern, fr] of patterns) {
    const match = pattern.exec(term)
    if (match !== null) return fr(match)
  }
  return term
}

/** A translation: the English pattern of a check's message, its code, and its French. */
interface Translation {
  readonly pattern: RegExp
  readonly code: IssueCode
  readonly fr: (match: RegExpExecArray) => string
}

const WHAT_FR: Readonly<Record<string, string>> = {
  "SIREN (9 digits with a Luhn key)": "un numéro SIREN valide (9 chiffres dont une clé de contrôle)",
  "SIRET (14 digits with a Luhn key)": "un numéro SIRET valide (14 chiffres dont une clé de contrôle)",
  "RNA number (W and 9 characters)": "un numéro RNA valide (W suivi de 9 caractères)",
  "département code (01–95, 2A, 2B, 971–976)": "un code de département (01 à 95, 2A, 2B, 971 à 976)"
}

/**
 * The English messages of the schemas' checks and of the consistency rules, their codes and
 * their French. A message matching none keeps its English in French too, with the code
 * `invalid` (`rule` for the sentences about several fields): the list below is what makes a
 * message speak French, and tests/core/messages.test.ts checks that the checks of the founding
 * documents' schemas are all in it.
 */
const TRANSLATIONS: ReadonlyArray<Translation> = [
  {
    pattern: /^is inherited from the object's prototype, not a field of its own$/u,
    code: "inherited-key",
    fr: () => "ce champ est hérité du prototype de l'objet et n'en fait pas partie : écrivez-le dans l'objet lui-même"
  },
  {
    pattern: /^an id is 1 to 100 letters/u,
    code: "pattern",
    fr: () =>
      "un identifiant compte de 1 à 100 caractères (lettres, chiffres, « . », « _ », « : » ou « - ») et commence par une lettre ou un chiffre, sans espace ni accent"
  },
  {
    pattern: /^expected a non-blank text of at most 2000 characters$/u,
    code: "text",
    fr: () =>
      "le texte est vide, blanc ou trop long : il doit compter de 1 à 2 000 caractères, dont au moins un visible"
  },
  {
    pattern: /^expected well-formed Unicode text, found a lone surrogate (\S+) at index (\d+)$/u,
    code: "text",
    fr: (m) => `le texte contient un caractère incomplet (${m[1]}, position ${m[2]}) : retapez-le`
  },
  {
    pattern: /^expected a one-line text without control characters, found (\S+) at index (\d+)$/u,
    code: "text",
    fr: (m) => `ce texte tient sur une ligne, sans caractère de contrôle : ${m[1]} trouvé en position ${m[2]}`
  },
  {
    pattern: /^expected a text without control characters, found (\S+) at index (\d+)$/u,
    code: "text",
    fr: (m) => `le texte contient un caractère de contrôle (${m[1]}, position ${m[2]}) : retirez-le`
  },
  {
    pattern: /^expected at least one item$/u,
    code: "list",
    fr: () => "la liste est vide : elle doit compter au moins un élément"
  },
  {
    pattern: /^(.+) is listed twice$/u,
    code: "list",
    fr: (m) => `${guillemets(unquote(m[1] as string))} figure deux fois dans la liste`
  },
  {
    pattern: /^a year is written with 4 digits$/u,
    code: "pattern",
    fr: () => "une année s'écrit avec 4 chiffres, par exemple « 2024 »"
  },
  {
    pattern: /^"(.*)" is not a valid (.+)$/u,
    code: "identifier",
    fr: (m) =>
      `${guillemets(m[1] as string)} n'est pas ${Object.hasOwn(WHAT_FR, m[2] as string) ? WHAT_FR[m[2] as string] : `un identifiant valide (${m[2]})`}`
  },
  {
    pattern: /^amount (\S+) must not be negative$/u,
    code: "amount",
    fr: (m) => `le montant ${frenchNumber(m[1] as string)} € est négatif : un montant ici est positif ou nul`
  },
  {
    pattern: /^expected a ratio between 0 and 1/u,
    code: "pattern",
    fr: () =>
      "une part s'écrit entre guillemets comme un nombre décimal de 0 à 1, avec un point et au plus 6 décimales, par exemple « 0.35 »"
  },
  {
    pattern: /^"(.*)" is not a day of the year written MM-DD$/u,
    code: "date",
    fr: (m) => `${guillemets(m[1] as string)} n'est pas un jour de l'année au format MM-JJ, par exemple « 05-31 »`
  },
  {
    pattern: /^(\S+) is not a day that exists every year$/u,
    code: "date",
    fr: () => "le 29 février n'existe pas chaque année : choisissez par exemple le 28 février ou le 1er mars"
  },
  {
    pattern: /^(\S+): there is no month (\d+)$/u,
    code: "date",
    fr: (m) =>
      `${guillemets(m[1] as string)} n'est pas un jour de l'année : il n'y a pas de mois ${m[2]} (les mois vont de 01 à 12)`
  },
  {
    pattern: /^(\S+): there is no day (\d+)$/u,
    code: "date",
    fr: (m) =>
      `${guillemets(m[1] as string)} n'est pas un jour de l'année : il n'y a pas de jour ${m[2]} (les jours commencent à 01)`
  },
  {
    pattern: /^(\S+): month (\d+) has (\d+) days$/u,
    code: "date",
    fr: (m) =>
      `${guillemets(m[1] as string)} n'est pas un jour de l'année : ${MONTHS_FR[Number(m[2]) - 1]} compte ${m[3]} jours`
  },
  { pattern: /^expected a finite number ≥ 0$/u, code: "range", fr: () => "attendu : un nombre positif ou nul" },
  {
    pattern: /^expected a number ≥ 0 with at most 2 decimals$/u,
    code: "range",
    fr: () => "attendu : un nombre positif ou nul, avec au plus 2 décimales"
  },
  {
    pattern: /^expected a name of lower-case letters, digits and hyphens/u,
    code: "pattern",
    fr: () => "un nom s'écrit en minuscules sans accent, chiffres et tirets, par exemple « familles »"
  },
  {
    pattern: /^a target needs atLeast, atMost, or both$/u,
    code: "rule",
    fr: () => "une cible fixe un minimum (atLeast), un maximum (atMost) ou les deux"
  },
  {
    pattern: /^the target of a share is a proportion between 0 and 1/u,
    code: "rule",
    fr: () => "la cible d'une part est une proportion entre 0 et 1, par exemple 0.6 pour 60 %"
  },
  {
    pattern: /^an amendment changes at least one term$/u,
    code: "list",
    fr: () => "un avenant modifie au moins une clause : la liste des changements est vide"
  },
  {
    pattern: /^expected advance, balance, instalment-N or complement-N$/u,
    code: "pattern",
    fr: () =>
      "attendu : advance (avance), balance (solde), instalment-N (versement n° N) ou complement-N (complément n° N)"
  },
  {
    pattern: /^the partner cannot be the funder \((.+)\)$/u,
    code: "rule",
    fr: (m) => `le partenaire ne peut pas être le financeur (${m[1]})`
  },
  {
    pattern: /^a draft \(no signatureDate\) cannot have been notified$/u,
    code: "rule",
    fr: () => "un projet (sans date de signature) ne peut pas avoir été notifié"
  },
  {
    pattern: /^the notification (\S+) is before the signature (\S+)$/u,
    code: "rule",
    fr: (m) => `la notification du ${m[1]} précède la signature du ${m[2]}`
  },
  {
    pattern: /^the year (\d+) is outside the period (.+)$/u,
    code: "rule",
    fr: (m) => `l'année ${m[1]} est hors de la période de la convention (${m[2]})`
  },
  {
    pattern: /^the id (.+) is already used by record \[(\d+)\] with different content$/u,
    code: "rule",
    fr: (m) =>
      `l'identifiant ${guillemets(m[1] as string)} est déjà pris par l'enregistrement [${m[2]}], dont le contenu diffère : un même identifiant ne peut désigner que des copies identiques`
  },
  {
    pattern: /^the id (.+) is already used by (\w+)\[(\d+)\]$/u,
    code: "rule",
    fr: (m) => `l'identifiant ${guillemets(m[1] as string)} est déjà pris par ${m[2]}[${m[3]}]`
  },
  {
    pattern: /^the objective id (\S+) is already used by (\S+)$/u,
    code: "rule",
    fr: (m) => `l'identifiant d'objectif ${m[1]} est déjà pris par ${m[2]}`
  },
  {
    pattern: /^amendment n° (\d+) is already (\S+)$/u,
    code: "rule",
    fr: (m) => `l'avenant n° ${m[1]} existe déjà (${m[2]})`
  },
  {
    pattern: /^a draft \(no signatureDate\) cannot have amendments$/u,
    code: "rule",
    fr: () => "un projet (sans date de signature) ne peut pas avoir d'avenant"
  },
  {
    pattern: /^the amendment is signed (\S+), before the convention \((\S+)\)$/u,
    code: "rule",
    fr: (m) => `l'avenant est signé le ${m[1]}, avant la convention (${m[2]})`
  },
  {
    pattern: /^the amendment takes effect (\S+), outside the period (\S+)\.\.(\S+)$/u,
    code: "rule",
    fr: (m) => `l'avenant prend effet le ${m[1]}, hors de la période du ${m[2]} au ${m[3]}`
  },
  {
    pattern: /^the new end (\S+) is before the start (\S+)$/u,
    code: "period",
    fr: (m) => `la nouvelle fin, le ${m[1]}, précède le début, le ${m[2]}`
  },
  {
    pattern: /^the end (\S+) is before the start (\S+)$/u,
    code: "period",
    fr: (m) => `la fin, le ${m[1]}, précède le début, le ${m[2]}`
  },
  { pattern: /^there is no objective (\S+)$/u, code: "rule", fr: (m) => `il n'y a pas d'objectif ${m[1]}` },
  {
    pattern: /^there is no objective (\S+) to remove$/u,
    code: "rule",
    fr: (m) => `il n'y a pas d'objectif ${m[1]} à supprimer : ni la convention ni aucun avenant ne le définit`
  },
  {
    pattern: /^the objective (\S+) is already removed by amendment n° (\d+) from (\S+)$/u,
    code: "rule",
    fr: (m) => `l'objectif ${m[1]} est déjà supprimé par l'avenant n° ${m[2]} à partir du ${m[3]}`
  },
  {
    pattern: /^the objective (\S+) is removed from (\S+), before amendment n° (\d+) adds it from (\S+)$/u,
    code: "rule",
    fr: (m) =>
      `l'objectif ${m[1]} est supprimé à partir du ${m[2]}, avant que l'avenant n° ${m[3]} ne l'ajoute à partir du ${m[4]} : un avenant ne supprime qu'un objectif déjà en vigueur`
  },
  {
    pattern: /^the objective (\S+) is added from (\S+), after the end of the period \((\S+)\)$/u,
    code: "rule",
    fr: (m) => `l'objectif ${m[1]} est ajouté à partir du ${m[2]}, après la fin de la période (${m[3]})`
  },
  {
    pattern: /^the objective (\S+) is not in force on (\S+)$/u,
    code: "rule",
    fr: (m) =>
      `l'objectif ${m[1]} n'est pas en vigueur le ${m[2]} : il est ajouté par un avenant qui prend effet plus tard, ou déjà supprimé`
  },
  {
    pattern: /^a draft \(no signatureDate\) cannot be terminated/u,
    code: "rule",
    fr: () => "un projet (sans date de signature) ne peut pas être résilié : il n'a jamais été en vigueur"
  },
  {
    pattern: /^the termination date (\S+) is outside the period (\S+)\.\.(\S+)$/u,
    code: "rule",
    fr: (m) => `la résiliation du ${m[1]} est hors de la période du ${m[2]} au ${m[3]}`
  },
  {
    pattern: /^the termination is decided (\S+), before the convention was signed \((\S+)\)$/u,
    code: "rule",
    fr: (m) => `la résiliation est décidée le ${m[1]}, avant la signature de la convention (${m[2]})`
  },
  {
    pattern: /^the advance and the instalments add up to more than the year's amount \((.+)\)$/u,
    code: "rule",
    fr: (m) => `l'avance et les versements dépassent le montant de l'année (${m[1]})`
  },
  {
    pattern: /^a balance paid on a fixed date needs balanceDue/u,
    code: "rule",
    fr: () => "un solde versé à date fixe demande balanceDue (MM-JJ de l'année suivante)"
  },
  {
    pattern: /^(".*") is not a charge account from 60 to 68 \(2 to 6 digits\)$/u,
    code: "pattern",
    fr: (m) => `« ${unquote(m[1] as string)} » n'est pas un compte de charges : de 60 à 68 (2 à 6 chiffres, 64 ou 6411)`
  },
  {
    pattern: /^(".*") is not a product account from 70 to 79 \(2 to 6 digits\)$/u,
    code: "pattern",
    fr: (m) =>
      `« ${unquote(m[1] as string)} » n'est pas un compte de produits : de 70 à 79 (2 à 6 chiffres, 74 ou 7411)`
  },
  {
    pattern: /^(".*") is not an account of contributions in kind, 86 or 87 \(2 to 6 digits\)$/u,
    code: "pattern",
    fr: (m) =>
      `« ${unquote(m[1] as string)} » n'est pas un compte de contributions en nature : 86 ou 87 (2 à 6 chiffres)`
  },
  {
    pattern:
      /^the withdrawal takes effect (\S+), which must fall after the first day and within the period (\S+)\.\.(\S+) \(/u,
    code: "rule",
    fr: (m) =>
      `le retrait prend effet le ${m[1]} : il doit tomber après le premier jour et dans la période du ${m[2]} au ${m[3]} (un manquement dès le premier jour retire tout : enregistrez le reversement de chaque somme versée)`
  },
  {
    pattern: /^the withdrawal is decided (\S+), before the convention was signed \((\S+)\)$/u,
    code: "rule",
    fr: (m) => `le retrait est décidé le ${m[1]}, avant la signature de la convention (${m[2]})`
  },
  {
    pattern:
      /^the repayment is due (\S+): it must fall between the decision \((\S+)\) and six months after it \((\S+)\)$/u,
    code: "rule",
    // No citation here: decoding stays free of the table of sources (a decoding import's size,
    // docs/performance.md); the withdrawal's explanation cites its source.
    fr: (m) =>
      `le reversement est dû le ${m[1]} : il doit tomber entre la décision (${m[2]}) et six mois après elle (${m[3]})`
  },
  {
    pattern: /^the date (\S+) is after (\S+), the last day a convention may name/u,
    code: "range",
    fr: (m) =>
      `la date ${m[1]} est postérieure au ${m[2]}, dernier jour qu'une convention peut mentionner : les dates calculées à partir d'elle (bilans attendus jusqu'à 24 mois après la fin, solde versé l'année suivante et son échéance, contrôle de la durée de quatre ans) doivent exister, et le calendrier s'arrête en 9999`
  },
  {
    pattern: /^a yearly-amount change needs a convention with a constant yearly amount/u,
    code: "rule",
    fr: () =>
      "un changement « yearly-amount » s'applique à une convention au montant annuel constant : pour des montants par exercice, utilisez « year-amount »"
  },
  {
    pattern: /^a year-amount change needs a convention with per-year amounts/u,
    code: "rule",
    fr: () =>
      "un changement « year-amount » s'applique à une convention aux montants fixés par exercice : pour un montant annuel constant, utilisez « yearly-amount »"
  },
  {
    pattern:
      /^amendment n° (\d+) already changes the (.+) on (\S+): two changes of one term on one date contradict each other$/u,
    code: "rule",
    fr: (m) =>
      `l'avenant n° ${m[1]} change déjà ${termFr(m[2] as string)} au ${m[3]} : deux changements d'un même terme à la même date se contredisent`
  },
  {
    pattern: /^a draft \(no signatureDate\) cannot have its subsidy withdrawn/u,
    code: "rule",
    fr: () =>
      "un projet de convention (sans signatureDate) ne peut pas faire l'objet d'un retrait de subvention : la subvention n'a jamais été accordée"
  },
  {
    pattern:
      /^the breach of (\S+) is after the decision of (\S+): a withdrawal is decided once the breach is established$/u,
    code: "rule",
    fr: (m) =>
      `le manquement du ${m[1]} est postérieur à la décision du ${m[2]} : un retrait se décide une fois le manquement établi`
  },
  {
    pattern: /^the decision is notified (\S+), before it was taken \((\S+)\)$/u,
    code: "rule",
    fr: (m) => `la décision est notifiée le ${m[1]}, avant d'avoir été prise (${m[2]})`
  },
  {
    pattern: /^a count of records reads no field$/u,
    code: "rule",
    fr: () => "un comptage d'enregistrements (« count ») ne lit aucun champ : retirez « field »"
  },
  {
    pattern: /^a (distinct|sum) needs the field it reads$/u,
    code: "rule",
    fr: (m) =>
      m[1] === "sum"
        ? "une somme (« sum ») a besoin du champ qu'elle additionne : indiquez « field »"
        : "un décompte sans doublon (« distinct ») a besoin du champ qu'il lit : indiquez « field »"
  },
  {
    pattern: /^(days|hours|participants) is a number: add it up with "sum"$/u,
    code: "rule",
    fr: (m) => `« ${m[1]} » est un nombre : additionnez-le avec « sum »`
  },
  {
    pattern: /^structures are counted with "distinct", not added up$/u,
    code: "rule",
    fr: () => "les structures se comptent sans doublon avec « distinct », elles ne s'additionnent pas"
  },
  {
    pattern: /^atMost \((.+)\) is below atLeast \((.+)\)$/u,
    code: "rule",
    fr: (m) =>
      `le maximum (atMost : ${frenchNumber(m[1] as string)}) est inférieur au minimum (atLeast : ${frenchNumber(m[2] as string)})`
  },
  {
    pattern: /^give the duration in days or in hours, not both$/u,
    code: "rule",
    fr: () => "indiquez la durée en jours ou en heures, pas les deux"
  },
  {
    pattern: /^once this change applies, (.+)$/u,
    code: "rule",
    fr: (m) => `une fois ce changement appliqué : ${translate(m[1] as string)?.fr ?? (m[1] as string)}`
  }
]

/** `"x"` → `x`: a value JSON quoted in an English message. */
function unquote(text: string): string {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === "string" ? value : text
  } catch {
    return text
  }
}

/** The code and French of an English message of the library's checks, when it is one of {@link TRANSLATIONS}. */
export function translate(english: string): { readonly code: IssueCode; readonly fr: string } | undefined {
  for (const translation of TRANSLATIONS) {
    const match = translation.pattern.exec(english)
    if (match !== null) return { code: translation.code, fr: frenchDates(translation.fr(match)) }
  }
  return undefined
}

/**
 * An issue with its code and both messages: those it has, or those the translation of its
 * English message gives (`invalid` and the English in French too when none does).
 */
export function completeIssue(issue: Issue): Issue {
  if (issue.code !== undefined && issue.messages !== undefined) return issue
  const translated = translate(issue.message)
  return {
    ...issue,
    code: issue.code ?? translated?.code ?? "invalid",
    messages: issue.messages ?? { fr: translated?.fr ?? issue.message, en: issue.message }
  }
}
