/**
 * What the doors say: the HTTP service's problems (in French and in English), and what both the
 * command line's `report --format csv` and the service's `/report` with `format: "csv"` say when
 * the tables of a report cannot be written as asked, the options named the way each door names
 * them (`--table` on the command line, `« table »` in a request body).
 *
 * @module
 * @internal
 */

/** @internal Which door speaks: the command line (`--table`) or the HTTP service (`« table »`). */
export type Door = "cli" | "http"

/** @internal A sentence in French and in English. */
export interface Bilingual {
  readonly fr: string
  readonly en: string
}

/** An option as the door names it, with a value when one is given. */
const optionFr = (door: Door, name: string, value?: string): string =>
  door === "cli"
    ? `--${name}${value === undefined ? "" : ` ${value}`}`
    : `« ${name} »${value === undefined ? "" : ` "${value}"`}`
const optionEn = (door: Door, name: string, value?: string): string =>
  door === "cli"
    ? `--${name}${value === undefined ? "" : ` ${value}`}`
    : `"${name}"${value === undefined ? "" : ` "${value}"`}`
const formatFr = (door: Door, format: string): string =>
  door === "cli" ? `--format ${format}` : `le format "${format}"`
const formatEn = (door: Door, format: string): string => (door === "cli" ? `--format ${format}` : `format "${format}"`)

/**
 * @internal An option of the CSV (`table`, `decimal`, `separator`, `bom`) given with another
 * format, which writes the whole report.
 */
export function csvOnlyOptionText(door: Door, option: string, format: string): Bilingual {
  return {
    fr: `${optionFr(door, option)} ne va qu'avec ${formatFr(door, "csv")} : ${formatFr(door, format)} écrit le rapport entier, sans choix de table ni de séparateurs`,
    en: `${optionEn(door, option)} goes only with ${formatEn(door, "csv")}: ${formatEn(door, format)} writes the whole report, with no choice of table or separators`
  }
}

/** @internal A decimal comma asked for with the comma as the separator. */
export function decimalCommaText(door: Door): Bilingual {
  return {
    fr: `${optionFr(door, "decimal", ",")} ne va pas avec ${optionFr(door, "separator", ",")} : les montants se liraient comme deux champs`,
    en: `${optionEn(door, "decimal", ",")} does not go with ${optionEn(door, "separator", ",")}: the amounts would read as two fields`
  }
}

/** @internal A table the report does not have (the end-of-convention report has no objectives table), with those it has. */
export function missingTableText(
  report: "annual" | "convention",
  table: string,
  tables: ReadonlyArray<string>
): Bilingual {
  return {
    fr: `le bilan ${report === "annual" ? "annuel" : "de fin de convention"} n'a pas de table ${table} (tables : ${tables.join(", ")})`,
    en: `the ${report === "annual" ? "yearly" : "end-of-convention"} review has no table ${table} (tables: ${tables.join(", ")})`
  }
}

/** @internal A place in a text: its line and its column, both from 1. */
export interface TextPosition {
  readonly line: number
  readonly column: number
}

/** @internal A body sent with another media type than JSON (`received`: the type it was sent with, if any). */
export function unsupportedMediaTypeText(received: string): Bilingual {
  return {
    fr: `le corps doit être du JSON, envoyé avec Content-Type: application/json${received === "" ? "" : ` (reçu ${received})`}`,
    en: `the body must be JSON, sent with Content-Type: application/json${received === "" ? "" : ` (received ${received})`}`
  }
}

/** @internal An empty body. */
export const EMPTY_BODY_TEXT: Bilingual = {
  fr: "le corps est vide : envoyez un document JSON",
  en: "the body is empty: send a JSON document"
}

/** @internal A body that is not JSON, with where reading stopped when it is known. */
export function notJsonBodyText(at: TextPosition | undefined): Bilingual {
  return {
    fr: `le corps n'est pas du JSON${at === undefined ? "" : ` : erreur ligne ${at.line}, colonne ${at.column}`}`,
    en: `the body is not JSON${at === undefined ? "" : `: error at line ${at.line}, column ${at.column}`}`
  }
}

/** A size in bytes as the service says it: `5 Mio`, `512 Kio`, `1 octet` (`5 MiB`, `1 byte`). */
function sizeText(bytes: number): Bilingual {
  const mebi = 1024 * 1024
  if (bytes >= mebi && bytes % mebi === 0) return { fr: `${bytes / mebi} Mio`, en: `${bytes / mebi} MiB` }
  if (bytes >= 1024 && bytes % 1024 === 0) return { fr: `${bytes / 1024} Kio`, en: `${bytes / 1024} KiB` }
  return { fr: `${bytes} ${bytes >= 2 ? "octets" : "octet"}`, en: `${bytes} ${bytes === 1 ? "byte" : "bytes"}` }
}

/** @internal A body larger than the limit, of `limit` bytes. */
export function bodyTooLargeText(limit: number): Bilingual {
  const size = sizeText(limit)
  return { fr: `le corps dépasse la limite de ${size.fr}`, en: `the body is larger than the limit of ${size.en}` }
}

/** @internal A method that the path does not accept, with those it accepts (`allow`, as the `Allow` header). */
export function methodNotAllowedText(path: string, method: string, allow: string): Bilingual {
  return {
    fr: `${path} n'accepte pas ${method} ; méthodes acceptées : ${allow}`,
    en: `${path} does not accept ${method}; it accepts ${allow}`
  }
}

/** @internal No resource at `path`; the service answers at `paths`. */
export function notFoundText(path: string, paths: ReadonlyArray<string>): Bilingual {
  return {
    fr: `aucune ressource à ${path} ; le service répond à ${paths.join(", ")} (décrits dans /openapi.json)`,
    en: `no resource at ${path}; the service answers at ${paths.join(", ")} (described at /openapi.json)`
  }
}

/** @internal The detail of a request whose body has `total` issues. */
export function invalidRequestText(total: number): Bilingual {
  return {
    fr: `Le corps de la requête a ${total} ${total >= 2 ? "problèmes" : "problème"}`,
    en: `The request body has ${total} issue${total === 1 ? "" : "s"}`
  }
}

/** @internal A `conventionId` that names none of the conventions of the body (`ids`). */
export function unknownConventionText(conventionId: string, ids: ReadonlyArray<string>): Bilingual {
  return {
    fr: `aucune convention « ${conventionId} » ; conventions : ${ids.join(", ")}`,
    en: `no convention "${conventionId}"; conventions: ${ids.join(", ")}`
  }
}

/** @internal A portfolio of several latest conventions and no `conventionId` to choose one. */
export function severalConventionsText(ids: ReadonlyArray<string>): Bilingual {
  return {
    fr: `le portefeuille contient plusieurs conventions : précisez « conventionId » (${ids.join(", ")})`,
    en: `the portfolio holds several conventions: give "conventionId" (${ids.join(", ")})`
  }
}

/** @internal The answer to a request the service failed on (the error is logged). */
export const UNEXPECTED_ERROR_FR = "Le service n'a pas pu répondre à cette requête ; l'erreur a été consignée."

/** @internal A request that gives both a portfolio and a convention. */
export const BOTH_SOURCES_TEXT: Bilingual = {
  fr: "donnez soit « portfolio », soit « convention », pas les deux",
  en: 'give either "portfolio" or "convention", not both'
}

/** @internal A request that gives neither a portfolio nor a convention. */
export const NO_SOURCE_TEXT: Bilingual = {
  fr: "il manque les conventions : donnez « portfolio » (un portefeuille) ou « convention » (une convention)",
  en: 'the conventions are missing: give "portfolio" (a portfolio) or "convention" (one convention)'
}

/** @internal A portfolio with no convention. */
export const EMPTY_PORTFOLIO_TEXT: Bilingual = {
  fr: "le portefeuille ne contient aucune convention",
  en: "the portfolio holds no convention"
}
