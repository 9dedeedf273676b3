/**
 * Open data: conventions as rows of the SCDL *subventions* table (décret n° 2017-779; arrêté du
 * 17 novembre 2017), the essential data of every award above 23 000 € a year.
 *
 * @module
 */
import type { CalendarDate } from "../calendar/date.js"
import { requireList, requireOptions } from "../core/records.js"
import type { Convention } from "../conventions/convention.js"
import { type ResolvedConvention, checkedConvention, resolveConvention } from "../conventions/resolved.js"
import { type Instalment, paymentSchedule } from "../funding/schedule.js"
import { Euros } from "../money/euros.js"
import type { Partner } from "../partners/partner.js"
import { ValidationError } from "../core/errors.js"

/**
 * The 14 columns of the SCDL *subventions* table (version 2.0), in order.
 *
 * @example
 * ```ts
 * import { SCDL_COLUMNS } from "caf-conventions"
 * SCDL_COLUMNS[0] //=> "nomAttribuant"
 * SCDL_COLUMNS.length //=> 14
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
  "objet",
  "montant",
  "nature",
  "conditionsVersement",
  "datesPeriodeVersement",
  "idRAE",
  "notificationUE",
  "pourcentageSubvention"
] as const

/**
 * One row of the SCDL *subventions* table: every value a string, missing ones empty.
 *
 * @example
 * ```ts
 * import type { ScdlRow } from "caf-conventions"
 * const amount = (row: ScdlRow) => row.montant //=> "90000.00"
 * ```
 * @category reports
 */
export type ScdlRow = { readonly [Column in (typeof SCDL_COLUMNS)[number]]: string }

/**
 * What each column must look like, from the SCDL schema; used to check every row before it is
 * exported.
 *
 * @example
 * ```ts
 * import { SCDL_PATTERNS } from "caf-conventions"
 * SCDL_PATTERNS.idAttribuant.test("23350001600040") //=> true
 * ```
 * @category reports
 */
export const SCDL_PATTERNS: { readonly [Column in (typeof SCDL_COLUMNS)[number]]: RegExp } = {
  nomAttribuant: /^.+$/u,
  idAttribuant: /^\d{14}$/u,
  dateConvention: /^\d{4}-\d{2}-\d{2}$/u,
  referenceDecision: /^.*$/u,
  nomBeneficiaire: /^.+$/u,
  idBeneficiaire: /^\d{14}$/u,
  objet: /^.{1,256}$/u,
  montant: /^\d+(\.\d{1,2})?$/u,
  nature: /^(aide en numéraire|aide en nature|aide en numéraire;aide en nature)$/u,
  conditionsVersement: /^(unique|échelonné|.{1,256})$/u,
  datesPeriodeVersement: /^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/u,
  idRAE: /^.{0,5}$/u,
  notificationUE: /^(oui|non)$/u,
  pourcentageSubvention: /^(0\.(0[1-9]|[1-9]\d?)|1(\.0{1,2})?)$/u
}

/**
 * A convention that could not be exported, and why (in French): the row is left out rather than
 * published half-empty.
 *
 * @example
 * ```ts
 * import type { ScdlProblem } from "caf-conventions"
 * const problem: ScdlProblem = { conventionId: "cpo-2023-2025", column: "idAttribuant", message: "SIRET du financeur non renseigné" }
 * ```
 * @category reports
 */
export interface ScdlProblem {
  /** The convention. */
  readonly conventionId: string
  /** The column at fault. */
  readonly column: (typeof SCDL_COLUMNS)[number]
  /** What is wrong, in French. */
  readonly message: string
}

/**
 * The export: the CSV text (UTF-8, comma-separated, a header line, fields quoted when needed,
 * CRLF line ends as RFC 4180 says, free texts that start like a formula neutralised), the rows,
 * and the conventions that could not be exported.
 *
 * @example
 * ```ts
 * import { toScdlCsv, type Convention, type Partner, type ScdlExport } from "caf-conventions"
 * declare const conventions: ReadonlyArray<Convention>, partners: ReadonlyArray<Partner>
 * const exported: ScdlExport = toScdlCsv(conventions, { partners })
 * ```
 * @category reports
 */
export interface ScdlExport {
  /** The CSV text. */
  readonly csv: string
  /** The rows exported, one per convention. */
  readonly rows: ReadonlyArray<ScdlRow>
  /** The conventions left out, with every problem found. */
  readonly problems: ReadonlyArray<ScdlProblem>
}

const quote = (value: string) => (/[",\r\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/**
 * The columns whose text comes from the documents (names, title, reference), not from the
 * library: a spreadsheet opening the CSV must not take them for formulas.
 */
const FREE_TEXT: ReadonlySet<ScdlProblem["column"]> = new Set(["nomAttribuant", "referenceDecision", "nomBeneficiaire", "objet"])

/** A cell a spreadsheet would run as a formula (OWASP, *CSV Injection*). */
const FORMULA_START = /^[=+\-@\t\r]/u

/**
 * A cell of the CSV text: quoted when needed, and a free text that starts like a formula is
 * written after a single quote, and quoted, as OWASP advises (`=1+1` becomes `"'=1+1"`).
 */
function csvCell(column: ScdlProblem["column"], value: string): string {
  return FREE_TEXT.has(column) && FORMULA_START.test(value) ? `"'${value.replace(/"/g, '""')}"` : quote(value)
}

/** The instalments that pay something, over the whole period (a balance of 0 € is not a payment). */
function paidInstalments(resolved: ResolvedConvention): ReadonlyArray<Instalment> {
  return resolved.years.flatMap((entry) => paymentSchedule(resolved, { year: entry.year }).instalments.filter((instalment) => instalment.amount.isPositive()))
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

function rowOf(convention: Convention, partners: ReadonlyArray<Partner>): { readonly row?: ScdlRow; readonly problems: ReadonlyArray<ScdlProblem> } {
  const problems: Array<ScdlProblem> = []
  const problem = (column: ScdlProblem["column"], message: string) => problems.push({ conventionId: convention.id, column, message })
  const funder = partners.find((partner) => partner.id === convention.funderId)
  const beneficiary = partners.find((partner) => partner.id === convention.partnerId)
  if (funder === undefined) problem("nomAttribuant", `financeur ${convention.funderId} introuvable parmi les partenaires`)
  if (beneficiary === undefined) problem("nomBeneficiaire", `bénéficiaire ${convention.partnerId} introuvable parmi les partenaires`)
  if (convention.terms.amounts === undefined) {
    problem("montant", "montant de la subvention non renseigné")
    return { problems }
  }
  const resolved = resolveConvention(convention)
  const instalments = paidInstalments(resolved)
  const payments = convention.signatureDate === undefined ? [] : [paymentPeriod(instalments)]
  const row: ScdlRow = {
    nomAttribuant: funder?.name ?? "",
    idAttribuant: funder?.siret ?? "",
    dateConvention: convention.signatureDate ?? "",
    referenceDecision: "",
    nomBeneficiaire: beneficiary?.name ?? "",
    idBeneficiaire: beneficiary?.siret ?? "",
    objet: convention.title,
    montant: Euros.sum(resolved.years.map((entry) => entry.amount?.amount ?? Euros.zero)).toString(),
    nature: "aide en numéraire",
    conditionsVersement: instalments.length > 1 ? "échelonné" : "unique",
    datesPeriodeVersement: payments[0] ?? "",
    idRAE: "",
    notificationUE: "non",
    pourcentageSubvention: "1.00"
  }
  const reasons: Partial<Record<ScdlProblem["column"], string>> = {
    idAttribuant: funder?.siret === undefined ? "SIRET du financeur non renseigné" : "SIRET du financeur invalide",
    idBeneficiaire: beneficiary?.siret === undefined ? "SIRET du bénéficiaire non renseigné" : "SIRET du bénéficiaire invalide",
    dateConvention: "convention non signée : pas de date de convention",
    objet: "objet de plus de 256 caractères",
    datesPeriodeVersement: "période de versement inconnue"
  }
  for (const column of SCDL_COLUMNS) {
    if (!SCDL_PATTERNS[column].test(row[column]) && !problems.some((known) => known.column === column)) {
      problem(column, reasons[column] ?? `valeur « ${row[column]} » non conforme au schéma`)
    }
  }
  return problems.length === 0 ? { row, problems } : { problems }
}

/**
 * Exports conventions as the SCDL *subventions* table, one row per convention and beneficiary:
 * the funder and the partner (names and SIRETs, from `partners`), the signature date, the title as
 * the object, the total amount over the years (exact, `.` as decimal separator), `aide en
 * numéraire`, `échelonné` with the period from the first to the last payment date when there are
 * several instalments (`unique` and one date otherwise), `non` for the EU notification, `1.00` for
 * a single beneficiary. Every row is checked against the schema's patterns: a convention with
 * invalid or missing data (a missing SIRET, say) is reported in `problems`, with every problem,
 * and left out rather than exported half-empty. In the CSV text, a name, title or reference that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written after a single quote and
 * quoted, so that a spreadsheet shows it instead of running it as a formula (the rows keep the
 * text as it is).
 *
 * @example
 * ```ts
 * import { toScdlCsv, type Portfolio } from "caf-conventions"
 * declare const portfolio: Portfolio
 * const { csv, problems } = toScdlCsv(portfolio.conventions, { partners: portfolio.partners })
 * problems.map((p) => `${p.conventionId} : ${p.message}`) // what to fix before publishing
 * ```
 * @category reports
 */
export function toScdlCsv(conventions: ReadonlyArray<Convention>, options: { readonly partners: ReadonlyArray<Partner> }): ScdlExport {
  const list = requireList(conventions, "SCDL export", "conventions").map((convention, index) => checkedConvention(convention, `conventions[${index}]`))
  requireOptions(options, "SCDL export")
  const partners = requireList(options.partners, "SCDL export", "partners")
  // Each partner must be an object with an id, a name and, if any, a SIRET written as texts: what
  // they say is then checked by the row's patterns (a SIRET of the wrong form is a problem of the row).
  const partnerIssues = partners.flatMap((partner: unknown, index) => {
    if (partner === null || typeof partner !== "object") return [{ path: ["partners", index], message: "expected a partner, with its id" }]
    const fields = partner as { id?: unknown; name?: unknown; siret?: unknown }
    return [
      ...(typeof fields.id === "string" ? [] : [{ path: ["partners", index, "id"], message: "expected the partner's id, a text" }]),
      ...(typeof fields.name === "string" ? [] : [{ path: ["partners", index, "name"], message: "expected the partner's name, a text" }]),
      ...(fields.siret === undefined || typeof fields.siret === "string" ? [] : [{ path: ["partners", index, "siret"], message: "expected the partner's SIRET, a text" }])
    ]
  })
  if (partnerIssues.length > 0) throw ValidationError.of("SCDL export", partnerIssues)
  const rows: Array<ScdlRow> = []
  const problems: Array<ScdlProblem> = []
  for (const convention of list) {
    const result = rowOf(convention, partners as ReadonlyArray<Partner>)
    if (result.row !== undefined) rows.push(result.row)
    problems.push(...result.problems)
  }
  const lines = [SCDL_COLUMNS.join(","), ...rows.map((row) => SCDL_COLUMNS.map((column) => csvCell(column, row[column])).join(","))]
  return { csv: `${lines.join("\r\n")}\r\n`, rows, problems }
}
