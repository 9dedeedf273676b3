/**
 * Open data: conventions as rows of the SCDL *subventions* table (décret n° 2017-779 du 5 mai
 * 2017; arrêté du 17 novembre 2017), the essential data of every award above 23 000 € a year,
 * in the schema's version 2.1.1 (OpenDataFrance, schema.data.gouv.fr) or, for a publisher still
 * on it, version 2.0.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import { ValidationError } from "../core/errors.js"
import { deepFreeze } from "../core/freeze.js"
import { requireList, requireOptions } from "../core/records.js"
import type { Convention } from "../conventions/convention.js"
import { type ResolvedConvention, checkedConvention, resolveConvention } from "../conventions/resolved.js"
import { type Instalment, paymentSchedule } from "../funding/schedule.js"
import { isSiret } from "../identifiers/identifiers.js"
import { identifierProblem } from "../identifiers/problem.js"
import { Euros } from "../money/euros.js"
import type { Partner } from "../partners/partner.js"
import { freeTextCell, neutralised, quoted } from "../core/csv.js"
import {
  SCDL_MALFORMED,
  SCDL_MISSING,
  SCDL_PARTNER_TEXTS,
  SCDL_TEXTS,
  scdlMalformedText,
  scdlSiretKeyText,
  scdlUnknownPartnerText
} from "../vocabulary/reports.js"

/**
 * The versions of the SCDL *subventions* schema the export writes: `2.1.1`, the published one
 * (the default), and `2.0`, the 14 columns of the 2.0 releases.
 *
 * @example
 * ```ts
 * import { SCDL_VERSIONS } from "caf-conventions"
 * SCDL_VERSIONS //=> ["2.1.1", "2.0"]
 * ```
 * @category reports
 */
export const SCDL_VERSIONS = ["2.1.1", "2.0"] as const

/**
 * A version of the SCDL *subventions* schema (see {@link SCDL_VERSIONS}).
 *
 * @example
 * ```ts
 * import type { ScdlVersion } from "caf-conventions"
 * const version: ScdlVersion = "2.0"
 * ```
 * @category reports
 */
export type ScdlVersion = (typeof SCDL_VERSIONS)[number]

/**
 * The 16 columns of the SCDL *subventions* table, version 2.1.1, in the schema's order:
 * `rnaBeneficiaire` follows `idBeneficiaire`, `dispositifAide` comes last.
 *
 * @example
 * ```ts
 * import { SCDL_COLUMNS } from "caf-conventions"
 * SCDL_COLUMNS[6] //=> "rnaBeneficiaire"
 * SCDL_COLUMNS.length //=> 16
 * ```
 * @category reports
 */
export const SCDL_COLUMNS = [
  "nomAttribuant",
  "idAttribuant",
  "dateConvention",
  "referenceDecision",
  "nomBeneficiaire",
  "idBeneficiaire",
  "rnaBeneficiaire",
  "objet",
  "montant",
  "nature",
  "conditionsVersement",
  "datesPeriodeVersement",
  "idRAE",
  "notificationUE",
  "pourcentageSubvention",
  "dispositifAide"
] as const

/**
 * A column of the SCDL *subventions* table.
 *
 * @example
 * ```ts
 * import type { ScdlColumn } from "caf-conventions"
 * const column: ScdlColumn = "rnaBeneficiaire"
 * ```
 * @category reports
 */
export type ScdlColumn = (typeof SCDL_COLUMNS)[number]

const ONLY_IN_2_1: ReadonlySet<ScdlColumn> = new Set(["rnaBeneficiaire", "dispositifAide"])

/**
 * The columns a version of the schema has, in order: 16 for `2.1.1`, 14 for `2.0` (without
 * `rnaBeneficiaire` and `dispositifAide`).
 *
 * @example
 * ```ts
 * import { scdlColumns } from "caf-conventions"
 * scdlColumns("2.0").length //=> 14
 * scdlColumns("2.1.1").at(-1) //=> "dispositifAide"
 * ```
 * @category reports
 */
export function scdlColumns(version: ScdlVersion): ReadonlyArray<ScdlColumn> {
  const checked = checkedVersion(version, "SCDL columns")
  return checked === "2.0" ? TWO_ZERO_COLUMNS : SCDL_COLUMNS
}

const TWO_ZERO_COLUMNS: ReadonlyArray<ScdlColumn> = Object.freeze(
  SCDL_COLUMNS.filter((column) => !ONLY_IN_2_1.has(column))
)

/**
 * One row of the SCDL *subventions* table, with the 16 fields of version 2.1.1: every value a
 * string, missing ones empty (a `2.0` CSV writes 14 of them).
 *
 * @example
 * ```ts
 * import type { ScdlRow } from "caf-conventions"
 * const amount = (row: ScdlRow) => row.montant //=> "90000.00"
 * ```
 * @category reports
 */
export type ScdlRow = { readonly [Column in ScdlColumn]: string }

/**
 * What a non-empty value of each column must look like, from the schema's definition (type,
 * pattern, allowed values, length and range written as one pattern). Empty values are governed
 * by {@link SCDL_REQUIRED}; the SIRET columns are also checked with their key, and a 2.1.1 row
 * must have `idBeneficiaire` or `rnaBeneficiaire`.
 *
 * @example
 * ```ts
 * import { SCDL_PATTERNS } from "caf-conventions"
 * SCDL_PATTERNS.rnaBeneficiaire.test("W913001234") //=> true
 * SCDL_PATTERNS.pourcentageSubvention.test("0.005") //=> false
 * ```
 * @category reports
 */
export const SCDL_PATTERNS: { readonly [Column in ScdlColumn]: RegExp } = {
  nomAttribuant: /^.+$/u,
  idAttribuant: /^\d{14}$/u,
  dateConvention: /^\d{4}-\d{2}-\d{2}$/u,
  referenceDecision: /^.+$/u,
  nomBeneficiaire: /^.+$/u,
  idBeneficiaire: /^\d{14}$/u,
  rnaBeneficiaire: /^W\d{9}$/u,
  objet: /^.{1,256}$/u,
  montant: /^\d+(\.\d{1,2})?$/u,
  nature: /^(aide en numéraire|aide en nature|aide en numéraire;aide en nature|aide en nature;aide en numéraire)$/u,
  conditionsVersement: /^.{1,256}$/u,
  datesPeriodeVersement: /^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/u,
  idRAE: /^.{1,5}$/u,
  notificationUE: /^(oui|non)$/u,
  pourcentageSubvention: /^(0\.(0[1-9]\d*|[1-9]\d*)|1(\.0+)?)$/u,
  dispositifAide: /^.+$/u
}

/**
 * The columns that may not be empty, by version. In 2.1.1 `idBeneficiaire` is no longer
 * required, but a row must have it or `rnaBeneficiaire` (the schema's *one-of-required* check).
 *
 * @example
 * ```ts
 * import { SCDL_REQUIRED } from "caf-conventions"
 * SCDL_REQUIRED["2.0"].includes("idBeneficiaire") //=> true
 * SCDL_REQUIRED["2.1.1"].includes("idBeneficiaire") //=> false
 * ```
 * @category reports
 */
export const SCDL_REQUIRED: { readonly [Version in ScdlVersion]: ReadonlyArray<ScdlColumn> } = {
  "2.1.1": [
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "nomBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "notificationUE",
    "pourcentageSubvention"
  ],
  "2.0": [
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "nomBeneficiaire",
    "idBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "notificationUE",
    "pourcentageSubvention"
  ]
}

/**
 * Which rule of the schema a problem breaks: a partner that cannot be found, a required value
 * missing, a value that does not have the column's form, a SIRET whose key is wrong, or a
 * beneficiary with neither SIRET nor RNA number (2.1.1).
 *
 * @example
 * ```ts
 * import type { ScdlRule } from "caf-conventions"
 * const rule: ScdlRule = "one-of-required"
 * ```
 * @category reports
 */
export type ScdlRule = "unknown-partner" | "required" | "format" | "siret-key" | "one-of-required"

/**
 * A convention that could not be exported, and why (in French): the row is left out rather than
 * published half-empty.
 *
 * @example
 * ```ts
 * import type { ScdlProblem } from "caf-conventions"
 * const problem: ScdlProblem = { conventionId: "cpo-2023-2025", column: "idAttribuant", rule: "required", message: "SIRET du financeur non renseigné" }
 * ```
 * @category reports
 */
export interface ScdlProblem {
  /** The convention. */
  readonly conventionId: string
  /** The column at fault. */
  readonly column: ScdlColumn
  /** The schema's rule it breaks. */
  readonly rule: ScdlRule
  /** What is wrong, in French. */
  readonly message: string
}

/**
 * The export: the version written, its columns, the CSV text (UTF-8, comma-separated, a header
 * line, fields quoted when needed, CRLF line ends as RFC 4180 says, free texts that start like a
 * formula neutralised), the rows, and the conventions that could not be exported.
 *
 * @example
 * ```ts
 * import { toScdlCsv, type Convention, type Partner, type ScdlExport } from "caf-conventions"
 * declare const conventions: ReadonlyArray<Convention>, partners: ReadonlyArray<Partner>
 * const exported: ScdlExport = toScdlCsv(conventions, { partners })
 * exported.version //=> "2.1.1"
 * ```
 * @category reports
 */
export interface ScdlExport {
  /** The schema's version written. */
  readonly version: ScdlVersion
  /** The columns of the CSV, in order. */
  readonly columns: ReadonlyArray<ScdlColumn>
  /** The CSV text. */
  readonly csv: string
  /** The rows exported, one per convention, with the 16 fields of 2.1.1 and the texts as they are. */
  readonly rows: ReadonlyArray<ScdlRow>
  /** The conventions left out, with every problem found. */
  readonly problems: ReadonlyArray<ScdlProblem>
  /**
   * The ids of the drafts given (no `signatureDate`): a project not signed awards nothing yet, so
   * there is nothing to publish; they are neither exported nor problems.
   */
  readonly unsigned: ReadonlyArray<string>
}

function checkedVersion(version: unknown, subject: string): ScdlVersion {
  if (version === undefined) return "2.1.1"
  if (typeof version === "string" && (SCDL_VERSIONS as ReadonlyArray<string>).includes(version))
    return version as ScdlVersion
  throw ValidationError.of(subject, [
    {
      path: ["version"],
      message: `expected one of ${SCDL_VERSIONS.join(", ")}, got ${JSON.stringify(version) ?? String(version)}`
    }
  ])
}

/**
 * The columns whose text comes from the documents (names, title, references), not from the
 * library: a spreadsheet opening the CSV must not take them for formulas.
 */
const FREE_TEXT: ReadonlySet<ScdlColumn> = new Set([
  "nomAttribuant",
  "referenceDecision",
  "nomBeneficiaire",
  "objet",
  "dispositifAide"
])

/**
 * The value as published: a free text that starts like a formula is written after a single
 * quote, as OWASP advises (`=1+1` becomes `'=1+1`). This is the value the schema's rules are
 * checked on, so that the published cell, not only the document's text, conforms.
 */
function published(column: ScdlColumn, value: string): string {
  return FREE_TEXT.has(column) ? neutralised(value) : value
}

/** A cell of the CSV text: a neutralised free text is always quoted, any other cell when needed. */
function csvCell(column: ScdlColumn, value: string): string {
  return FREE_TEXT.has(column) ? freeTextCell(value) : quoted(value)
}

/** The instalments that pay something, over the whole period (a balance of 0 € is not a payment). */
function paidInstalments(resolved: ResolvedConvention): ReadonlyArray<Instalment> {
  return resolved.years.flatMap((entry) =>
    paymentSchedule(resolved, { year: entry.year }).instalments.filter((instalment) => instalment.amount.isPositive())
  )
}

function paymentPeriod(instalments: ReadonlyArray<Instalment>): string {
  const dates: Array<CalendarDate> = []
  for (const instalment of instalments) {
    const date = instalment.dueDate ?? instalment.expectedDueDate
    if (date !== undefined) dates.push(date)
  }
  dates.sort()
  const first = dates[0]
  const last = dates[dates.length - 1]
  if (first === undefined || last === undefined) return ""
  return first === last ? first : `${first}/${last}`
}

/** The row's problems against the version's rules, checked on the published values. */
function rowProblems(
  row: ScdlRow,
  version: ScdlVersion,
  hasRna: boolean
): Array<{ readonly column: ScdlColumn; readonly rule: ScdlRule; readonly message: string }> {
  const problems: Array<{ readonly column: ScdlColumn; readonly rule: ScdlRule; readonly message: string }> = []
  const required = new Set(SCDL_REQUIRED[version])
  for (const column of scdlColumns(version)) {
    const value = published(column, row[column])
    if (value === "") {
      if (!required.has(column)) continue
      const message =
        column === "idBeneficiaire"
          ? hasRna
            ? SCDL_TEXTS.beneficiarySiretMissingWithRna
            : SCDL_TEXTS.beneficiarySiretMissing
          : (SCDL_MISSING[column] ?? SCDL_TEXTS.requiredMissing)
      problems.push({ column, rule: "required", message })
    } else if (!SCDL_PATTERNS[column].test(value)) {
      problems.push({
        column,
        rule: "format",
        message: SCDL_MALFORMED[column] ?? scdlMalformedText(value)
      })
    } else if ((column === "idAttribuant" || column === "idBeneficiaire") && !isSiret(value)) {
      problems.push({
        column,
        rule: "siret-key",
        message: scdlSiretKeyText(
          column === "idAttribuant" ? "funder" : "beneficiary",
          value,
          identifierProblem("siret", value) ?? { part: "key" }
        )
      })
    }
  }
  if (version === "2.1.1" && row.idBeneficiaire === "" && row.rnaBeneficiaire === "") {
    problems.push({
      column: "idBeneficiaire",
      rule: "one-of-required",
      message: SCDL_TEXTS.neitherSiretNorRna
    })
  }
  return problems
}

function rowOf(
  convention: Convention,
  partners: ReadonlyArray<Partner>,
  version: ScdlVersion
): { readonly row?: ScdlRow; readonly problems: ReadonlyArray<ScdlProblem> } {
  const problems: Array<ScdlProblem> = []
  const problem = (column: ScdlColumn, rule: ScdlRule, message: string) =>
    problems.push({ conventionId: convention.id, column, rule, message })
  const funder = partners.find((partner) => partner.id === convention.funderId)
  const beneficiary = partners.find((partner) => partner.id === convention.partnerId)
  if (funder === undefined)
    problem("nomAttribuant", "unknown-partner", scdlUnknownPartnerText("funder", convention.funderId))
  if (beneficiary === undefined)
    problem("nomBeneficiaire", "unknown-partner", scdlUnknownPartnerText("beneficiary", convention.partnerId))
  if (convention.terms.amounts === undefined) {
    problem("montant", "required", SCDL_TEXTS.amountMissing)
    return { problems }
  }
  const resolved = resolveConvention(convention)
  const instalments = paidInstalments(resolved)
  const siret = beneficiary?.siret ?? ""
  const rna = beneficiary?.rna ?? ""
  const row: ScdlRow = {
    nomAttribuant: funder?.name ?? "",
    idAttribuant: funder?.siret ?? "",
    dateConvention: convention.signatureDate ?? "",
    referenceDecision: convention.decisionReference ?? "",
    nomBeneficiaire: beneficiary?.name ?? "",
    idBeneficiaire: siret,
    // An RNA number outside the schema's pattern (a Corsican W2A…) is not written when the SIRET identifies the partner.
    rnaBeneficiaire: rna !== "" && !SCDL_PATTERNS.rnaBeneficiaire.test(rna) && isSiret(siret) ? "" : rna,
    objet: convention.title,
    montant: Euros.sum(resolved.years.map((entry) => entry.amount?.amount ?? Euros.zero)).toString(),
    nature: "aide en numéraire",
    conditionsVersement: instalments.length > 1 ? "échelonné" : "unique",
    datesPeriodeVersement: convention.signatureDate === undefined ? "" : paymentPeriod(instalments),
    idRAE: "",
    notificationUE: "non",
    pourcentageSubvention: "1.00",
    dispositifAide: convention.aidScheme ?? ""
  }
  for (const found of rowProblems(row, version, rna !== "")) {
    if (!problems.some((known) => known.column === found.column)) problem(found.column, found.rule, found.message)
  }
  return problems.length === 0 ? { row, problems } : { problems }
}

/**
 * Exports conventions as the SCDL *subventions* table, version 2.1.1 by default (`version:
 * "2.0"` writes the 14 columns of 2.0), one row per convention and beneficiary: the funder (name
 * and SIRET) and the partner (name, SIRET and RNA number, from `partners`), the signature date,
 * the convention's `decisionReference` as `referenceDecision`, the title as the object, the total
 * amount over the years (exact, `.` as decimal separator), `aide en numéraire`, `échelonné` with
 * the period from the first to the last payment date when there are several instalments
 * (`unique` and one date otherwise), `non` for the EU notification, `1.00` for a single
 * beneficiary, and the convention's `aidScheme` as `dispositifAide`.
 *
 * Every row is checked against the version's rules, on the values as published: required
 * columns, each column's form ({@link SCDL_PATTERNS}), the key of both SIRETs (Luhn, or La
 * Poste's rule), and in 2.1.1 a SIRET or an RNA number for the beneficiary; an association known
 * by its RNA number alone is exported in 2.1.1 and refused in 2.0. A convention that breaks a
 * rule is reported in `problems`, with every problem, and left out rather than exported
 * half-empty. A draft (no `signatureDate`) awards nothing yet: it is listed in `unsigned`, not
 * exported and not a problem. In the CSV text, a name, title or reference that starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return is written after a single quote and quoted, so that a spreadsheet
 * shows it instead of running it as a formula (the rows keep the text as it is).
 *
 * @example
 * ```ts
 * import { toScdlCsv, type Portfolio } from "caf-conventions"
 * declare const portfolio: Portfolio
 * const { csv, problems } = toScdlCsv(portfolio.conventions, { partners: portfolio.partners })
 * problems.map((p) => `${p.conventionId} : ${p.message}`) // what to fix before publishing
 * const legacy = toScdlCsv(portfolio.conventions, { partners: portfolio.partners, version: "2.0" })
 * ```
 * @category reports
 */
export function toScdlCsv(
  conventions: ReadonlyArray<Convention>,
  options: { readonly partners: ReadonlyArray<Partner>; readonly version?: ScdlVersion }
): ScdlExport {
  const list = requireList(conventions, "SCDL export", "conventions").map((convention, index) =>
    checkedConvention(convention, `conventions[${index}]`)
  )
  requireOptions(options, "SCDL export")
  const partners = requireList(options.partners, "SCDL export", "partners")
  // Each partner must be an object with an id, a name and, if any, a SIRET and an RNA number written
  // as texts: what they say is then checked by the row's patterns (a SIRET of the wrong form is a
  // problem of the row).
  const issue = (path: ReadonlyArray<string | number>, en: string, fr: string) => ({
    path,
    message: en,
    code: "type" as const,
    messages: { fr, en }
  })
  const partnerIssues = partners.flatMap((partner: unknown, index) => {
    if (partner === null || typeof partner !== "object")
      return [issue(["partners", index], "expected a partner, with its id", SCDL_PARTNER_TEXTS.partner)]
    const fields = partner as { id?: unknown; name?: unknown; siret?: unknown; rna?: unknown }
    const text = (key: "id" | "name" | "siret" | "rna", en: string, fr: string, optional: boolean) =>
      (optional && fields[key] === undefined) || typeof fields[key] === "string"
        ? []
        : [issue(["partners", index, key], en, fr)]
    return [
      ...text("id", "expected the partner's id, a text", SCDL_PARTNER_TEXTS.id, false),
      ...text("name", "expected the partner's name, a text", SCDL_PARTNER_TEXTS.name, false),
      ...text("siret", "expected the partner's SIRET, a text", SCDL_PARTNER_TEXTS.siret, true),
      ...text("rna", "expected the partner's RNA number, a text", SCDL_PARTNER_TEXTS.rna, true)
    ]
  })
  if (partnerIssues.length > 0) throw ValidationError.of("SCDL export", partnerIssues)
  const version = checkedVersion(options.version, "SCDL export")
  const columns = scdlColumns(version)
  const rows: Array<ScdlRow> = []
  const problems: Array<ScdlProblem> = []
  const unsigned: Array<string> = []
  for (const convention of list) {
    if (convention.signatureDate === undefined) {
      unsigned.push(convention.id)
      continue
    }
    const result = rowOf(convention, partners as ReadonlyArray<Partner>, version)
    if (result.row !== undefined) rows.push(result.row)
    problems.push(...result.problems)
  }
  const lines = [
    columns.join(","),
    ...rows.map((row) => columns.map((column) => csvCell(column, row[column])).join(","))
  ]
  const result: ScdlExport = { version, columns, csv: `${lines.join("\r\n")}\r\n`, rows, problems, unsigned }
  deepFreeze(result, undefined)
  return result
}
