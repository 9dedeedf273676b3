/**
 * The columns of each kind of record, as staff name them: one table per kind, read by the CSV
 * and workbook readers and writers alike. A new kind of record is one more table here (and its
 * decoder): nothing else in the readers knows about a particular field.
 *
 * @module
 */
import {
  FUNDING_SCHEME_LABELS,
  LEGAL_FORM_LABELS,
  PARTNERSHIP_BODY_LABELS,
  SECTOR_LABELS,
  SITUATION_LABELS
} from "../referential/codes.js"
import { ACTIVITY_KIND_LABELS, EXPENSE_CATEGORY_LABELS } from "../referential/convention-codes.js"
import type { SafeParseResult } from "../core/errors.js"
import { FUNDER_KIND_LABELS } from "../budget/budget.js"
import { unknownAccountText } from "../vocabulary/spreadsheet.js"
import { encodeFinancialReport, safeParseFinancialReport } from "../budget/financial-report.js"
import { encodeActivities, safeParseActivity } from "../objectives/activity.js"
import { encodeExpenses, encodePayments, safeParseExpense, safeParsePayment } from "../funding/records.js"

/**
 * What a column holds, which says how a cell is read and written:
 * `id` and `text` (one line), `ids` (several ids separated by `,`, `;` or spaces), `multiline`, `date` (`JJ/MM/AAAA`, `AAAA-MM-JJ` or a date cell),
 * `money` (`1 200,50`, `1200.50` or a number cell with at most two decimals), `integer`,
 * `quantity` (a number ≥ 0 with at most two decimals, `1,5`), `boolean` (`oui`/`non`),
 * `instalment` (`Avance`, `Acompte 1`, `Solde`, `Complément 1`, or the code `advance`…),
 * `code` (a code or its French label, from `labels`) and `codes` (several, separated by `,` or `;`).
 *
 * @example
 * ```ts
 * import type { CellType } from "caf-conventions/spreadsheet"
 * const type: CellType = { kind: "code", labels: { oui: "Oui" } }
 * ```
 * @category spreadsheets
 */
export type CellType =
  | {
      readonly kind:
        | "id"
        | "ids"
        | "text"
        | "multiline"
        | "date"
        | "money"
        | "integer"
        | "quantity"
        | "boolean"
        | "instalment"
    }
  | { readonly kind: "code" | "codes"; readonly labels: Readonly<Record<string, string>> }

/**
 * One column of a kind of record: the field it fills (`amount`; `structures.legalForm` for a
 * field of a structure), the header a template writes, the other names accepted, what it holds,
 * and the example a template shows.
 *
 * @example
 * ```ts
 * import type { ColumnSpec } from "caf-conventions/spreadsheet"
 * const column: ColumnSpec = { field: "amount", header: "Montant", aliases: ["Somme"], type: { kind: "money" }, example: "1200.00" }
 * ```
 * @category spreadsheets
 */
export interface ColumnSpec {
  /** The record's field, or `list.field` for a field of an item of a list (one item per row). */
  readonly field: string
  /** The header a template writes (and the first name accepted). */
  readonly header: string
  /** Other headers accepted for the same field, matched like the header (case, accents and spacing aside). */
  readonly aliases: ReadonlyArray<string>
  /** What the cells hold. */
  readonly type: CellType
  /** The example value a template writes, in its JSON form (`"2024-03-14"`, `"1200.00"`, a code). */
  readonly example: string | number | boolean
}

/**
 * Columns named by a prefix and a key (`Mesure : familles`), each filling one key of an object
 * field (`measures.familles`): a kind of record whose field holds named figures.
 *
 * @example
 * ```ts
 * import type { KeyedColumns } from "caf-conventions/spreadsheet"
 * const measures: KeyedColumns = { field: "measures", prefix: "Mesure", aliases: ["Mesures"], type: { kind: "quantity" } }
 * ```
 * @category spreadsheets
 */
export interface KeyedColumns {
  /** The record's object field. */
  readonly field: string
  /** The header's prefix, before `:` (the key comes after it). */
  readonly prefix: string
  /** Other prefixes accepted. */
  readonly aliases: ReadonlyArray<string>
  /** What each cell holds. */
  readonly type: CellType
}

/**
 * How the rows of one kind of record are read: its name and sheet, the columns, and the
 * library's own decoder, through which every row goes.
 *
 * @example
 * ```ts
 * import { SPREADSHEET_KINDS } from "caf-conventions/spreadsheet"
 * SPREADSHEET_KINDS.expenses.sheet //=> "Dépenses"
 * ```
 * @category spreadsheets
 */
export interface RecordTable {
  /** The kind, as the command line names it (`expenses`). */
  readonly kind: SpreadsheetKind
  /** The sheet a template writes, and the one read in a workbook of several sheets. */
  readonly sheet: string
  /** One record, in French (`dépense`), and several (`dépenses`). */
  readonly singular: string
  readonly plural: string
  /** The columns, in the order a template writes them. */
  readonly columns: ReadonlyArray<ColumnSpec>
  /** Columns named by a prefix and a key (`Mesure : familles`), for the object fields. */
  readonly keyed?: ReadonlyArray<KeyedColumns>
  /** The list field whose items take one row each (`structures`), when the kind has one. */
  readonly rowList?: string
  /** For a kind whose record gathers rows that need not follow each other (a financial report's lines). */
  readonly grouped?: GroupedRows
  /** The library's decoder of one record. */
  readonly decode: (json: unknown) => SafeParseResult<unknown>
  /** The library's encoder of a list of records back to JSON. */
  readonly encode: (records: ReadonlyArray<never>) => ReadonlyArray<unknown>
}

/**
 * How the rows of a kind make a record when the record is one document of several lines: the rows
 * with the same values in the `by` columns are one record, each row is one line (its columns are
 * `line.field`), and each line goes into the list `listOf` names. A record's other fields (outside
 * `by`) are taken from its rows, which must agree.
 *
 * @example
 * ```ts
 * import { SPREADSHEET_KINDS } from "caf-conventions/spreadsheet"
 * SPREADSHEET_KINDS["financial-reports"].grouped?.by //=> ["conventionId", "year", "actionId"]
 * ```
 * @category spreadsheets
 */
export interface GroupedRows {
  /** The fields that name a record: rows with the same values make one record. */
  readonly by: ReadonlyArray<string>
  /** The prefix of the line columns' fields (`lines` in `lines.account`). */
  readonly line: string
  /** The lists of a record, in writing order: each one's name, how messages name it, and whether it is kept when it has no line. */
  readonly lists: ReadonlyArray<{ readonly name: string; readonly label: string; readonly keptEmpty: boolean }>
  /** The list a line goes into, from its fields. */
  readonly listOf: (line: Readonly<Record<string, unknown>>) => string
  /** A French message, clearer in a sheet than the decoder's, for a problem of a line's field; undefined keeps the decoder's. */
  readonly lineMessage?: (field: string, line: Readonly<Record<string, unknown>>, list: string) => string | undefined
}

/**
 * The kinds of record a spreadsheet can hold.
 *
 * @example
 * ```ts
 * import type { SpreadsheetKind } from "caf-conventions/spreadsheet"
 * const kind: SpreadsheetKind = "payments"
 * ```
 * @category spreadsheets
 */
export type SpreadsheetKind = "activities" | "payments" | "expenses" | "financial-reports"

const BOOLEAN_EXAMPLE = false
const column = (
  field: string,
  header: string,
  aliases: ReadonlyArray<string>,
  type: CellType,
  example: string | number | boolean
): ColumnSpec => ({ field, header, aliases, type, example })
const code = (labels: Readonly<Record<string, string>>): CellType => ({ kind: "code", labels })
const codes = (labels: Readonly<Record<string, string>>): CellType => ({ kind: "codes", labels })
const ID = ["Identifiant", "Référence", "N°", "Numéro", "Id"]

const activities: RecordTable = {
  kind: "activities",
  sheet: "Activités",
  singular: "activité",
  plural: "activités",
  rowList: "structures",
  keyed: [
    { field: "measures", prefix: "Mesure", aliases: ["Mesures", "Nombre de"], type: { kind: "quantity" } },
    {
      field: "beneficiaries",
      prefix: "Bénéficiaires",
      aliases: ["Bénéficiaire", "Liste des bénéficiaires"],
      type: { kind: "ids" }
    }
  ],
  columns: [
    column("id", "Identifiant", ID.slice(1), { kind: "id" }, "2024-ind-01"),
    column("date", "Date", ["Date de l'action", "Jour"], { kind: "date" }, "2024-02-06"),
    column(
      "kind",
      "Nature",
      ["Type", "Type d'activité", "Nature de l'activité", "Activité"],
      code(ACTIVITY_KIND_LABELS),
      "accompagnement-individuel"
    ),
    column("sector", "Secteur", ["Champ", "Secteur d'intervention"], code(SECTOR_LABELS), "jeunesse"),
    column("body", "Instance", ["Instance partenariale"], code(PARTNERSHIP_BODY_LABELS), ""),
    column("theme", "Thème", ["Thématique", "Sujet"], { kind: "text" }, "Projet associatif"),
    column("days", "Jours", ["Durée en jours", "Nombre de jours"], { kind: "quantity" }, ""),
    column("hours", "Heures", ["Durée en heures", "Nombre d'heures"], { kind: "quantity" }, 3),
    column("participants", "Participants", ["Nombre de participants"], { kind: "integer" }, ""),
    column("fundedBy", "Cofinancements", ["Financé par", "Autres financements"], codes(FUNDING_SCHEME_LABELS), ""),
    column("conventionId", "Convention", ["Identifiant de la convention", "N° de convention"], { kind: "id" }, ""),
    column("notes", "Notes", ["Commentaire", "Commentaires", "Observations", "Remarques"], { kind: "multiline" }, ""),
    column(
      "structures.id",
      "Structure",
      ["Identifiant de la structure", "Structure accompagnée"],
      { kind: "id" },
      "mjc-viry-chatillon"
    ),
    column(
      "structures.name",
      "Nom de la structure",
      ["Raison sociale", "Nom"],
      { kind: "text" },
      "MJC de Viry-Châtillon"
    ),
    column(
      "structures.legalForm",
      "Forme juridique",
      ["Statut juridique"],
      code(LEGAL_FORM_LABELS),
      "association-loi-1901"
    ),
    column("structures.departement", "Département", ["Dépt", "Dép"], { kind: "text" }, "91"),
    column(
      "structures.situation",
      "Situation",
      ["Situation de la structure"],
      code(SITUATION_LABELS),
      "en-developpement"
    ),
    column("structures.employer", "Employeur", ["Structure employeuse"], { kind: "boolean" }, BOOLEAN_EXAMPLE)
  ],
  decode: safeParseActivity,
  encode: encodeActivities as RecordTable["encode"]
}

const payments: RecordTable = {
  kind: "payments",
  sheet: "Versements",
  singular: "versement",
  plural: "versements",
  columns: [
    column("id", "Identifiant", ID.slice(1), { kind: "id" }, "v-2024-avance"),
    column("date", "Date", ["Date du versement", "Date de paiement"], { kind: "date" }, "2024-03-28"),
    column("amount", "Montant", ["Somme", "Montant versé"], { kind: "money" }, "15000.00"),
    column("year", "Année", ["Exercice", "Année financée"], { kind: "integer" }, 2024),
    column("instalment", "Échéance", ["Tranche", "Versement"], { kind: "instalment" }, "advance"),
    column("conventionId", "Convention", ["Identifiant de la convention", "N° de convention"], { kind: "id" }, ""),
    column(
      "reference",
      "Libellé",
      ["Référence du versement", "Référence bancaire", "Commentaire"],
      { kind: "text" },
      "Avance 2024"
    )
  ],
  decode: safeParsePayment,
  encode: encodePayments as RecordTable["encode"]
}

const expenses: RecordTable = {
  kind: "expenses",
  sheet: "Dépenses",
  singular: "dépense",
  plural: "dépenses",
  columns: [
    column("id", "Identifiant", ID.slice(1), { kind: "id" }, "dep-2024-001"),
    column("date", "Date", ["Date de la dépense", "Date de facture"], { kind: "date" }, "2024-03-14"),
    column("amount", "Montant", ["Montant TTC", "Somme"], { kind: "money" }, "1200.00"),
    column("category", "Catégorie", ["Nature de la dépense", "Poste"], code(EXPENSE_CATEGORY_LABELS), "experts"),
    column("sector", "Secteur", ["Champ"], code(SECTOR_LABELS), "jeunesse"),
    column("activityId", "Activité", ["Identifiant de l'activité", "Action"], { kind: "id" }, ""),
    column("fundedBy", "Cofinancements", ["Financé par", "Autres financements"], codes(FUNDING_SCHEME_LABELS), ""),
    column("conventionId", "Convention", ["Identifiant de la convention", "N° de convention"], { kind: "id" }, ""),
    column(
      "document",
      "Pièce justificative",
      ["Justificatif", "N° de pièce", "Référence de la pièce", "Facture"],
      { kind: "text" },
      "FAC-2024-031"
    ),
    column(
      "description",
      "Description",
      ["Libellé", "Objet", "Commentaire"],
      { kind: "multiline" },
      "Intervention d'un expert"
    )
  ],
  decode: safeParseExpense,
  encode: encodeExpenses as RecordTable["encode"]
}

// The compte rendu financier (Cerfa n° 15059): one row per line of the report, the report's own
// fields repeated on each row; the rows of one convention, year and action make one report, each
// line going to the charges (60 to 68), the products (70 to 79) or the contributions in kind (86, 87)
// by its account. The report goes through the library's decoder, as in JSON.
const financialReports: RecordTable = {
  kind: "financial-reports",
  sheet: "Compte rendu financier",
  singular: "compte rendu financier",
  plural: "comptes rendus financiers",
  grouped: {
    by: ["conventionId", "year", "actionId"],
    line: "lines",
    lists: [
      { name: "charges", label: "lignes de charges (comptes 60 à 68)", keptEmpty: true },
      { name: "products", label: "lignes de produits (comptes 70 à 79)", keptEmpty: true },
      { name: "inKind", label: "contributions en nature (comptes 86 et 87)", keptEmpty: false }
    ],
    listOf: (line) => {
      const account = typeof line["account"] === "string" ? line["account"] : ""
      return account.startsWith("7") ? "products" : account.startsWith("8") ? "inKind" : "charges"
    },
    lineMessage: (field, line, list) =>
      field === "account"
        ? unknownAccountText(String(line["account"]))
        : (field === "funderKind" || field === "funderName") && list !== "products"
          ? "un financeur ne se donne que sur une ligne de produits (comptes 70 à 79)"
          : undefined
  },
  columns: [
    column(
      "conventionId",
      "Convention",
      ["Identifiant de la convention", "N° de convention"],
      { kind: "id" },
      "cpo-relais-2025-2027"
    ),
    column("year", "Année", ["Exercice", "Année financée"], { kind: "integer" }, 2025),
    column("actionId", "Action", ["Identifiant de l'action"], { kind: "id" }, ""),
    column("receivedOn", "Reçu le", ["Date de réception", "Reçu"], { kind: "date" }, ""),
    column("lines.account", "Compte", ["N° de compte", "Numéro de compte"], { kind: "id" }, "64"),
    column("lines.label", "Libellé", ["Intitulé", "Poste"], { kind: "text" }, "Charges de personnel"),
    column("lines.funderKind", "Financeur", ["Type de financeur"], code(FUNDER_KIND_LABELS), ""),
    column("lines.funderName", "Nom du financeur", ["Nom", "Organisme financeur"], { kind: "text" }, ""),
    column(
      "lines.forecast",
      "Prévu",
      ["Prévision", "Montant prévu", "Budget prévisionnel"],
      { kind: "money" },
      "85000.00"
    ),
    column("lines.actual", "Réalisé", ["Réalisation", "Montant réalisé"], { kind: "money" }, "70000.00"),
    column(
      "lines.explanation",
      "Explication de l'écart",
      ["Explication", "Explication des écarts", "Commentaire"],
      { kind: "multiline" },
      "Poste d'animateur vacant de mars à juin."
    )
  ],
  decode: safeParseFinancialReport,
  encode: ((reports: ReadonlyArray<Parameters<typeof encodeFinancialReport>[0]>) =>
    reports.map((report) => encodeFinancialReport(report))) as RecordTable["encode"]
}

/**
 * The column tables, by kind: the accepted headers, what each column holds, and the decoder the
 * rows go through.
 *
 * @example
 * ```ts
 * import { SPREADSHEET_KINDS } from "caf-conventions/spreadsheet"
 * SPREADSHEET_KINDS.payments.columns.map((column) => column.header).slice(0, 3) //=> ["Identifiant", "Date", "Montant"]
 * ```
 * @category spreadsheets
 */
export const SPREADSHEET_KINDS: Readonly<Record<SpreadsheetKind, RecordTable>> = {
  activities,
  payments,
  expenses,
  "financial-reports": financialReports
}

/**
 * A header or a label reduced to what matters for matching: letters and digits, without case,
 * accents or spacing (`« N° »` → `no`, `Pièce  justificative` → `piecejustificative`).
 *
 * @internal
 */
export function normalise(text: string): string {
  return text
    .replace(/[°º]/gu, "o")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/gu, "oe")
    .replace(/æ/gu, "ae")
    .replace(/[^a-z0-9]/gu, "")
}

/**
 * The keyed columns a header names (`Mesure : familles` → `measures` and `familles`), or undefined.
 *
 * @internal
 */
export function keyedNamed(
  table: RecordTable,
  header: string
): { readonly keyed: KeyedColumns; readonly key: string } | undefined {
  const colon = header.indexOf(":")
  if (colon < 0) return undefined
  const prefix = normalise(header.slice(0, colon))
  const key = header.slice(colon + 1).trim()
  const keyed = table.keyed?.find(
    (spec) => normalise(spec.prefix) === prefix || spec.aliases.some((alias) => normalise(alias) === prefix)
  )
  return keyed === undefined || key === "" ? undefined : { keyed, key }
}

/**
 * The column a header names, among a table's columns, or undefined.
 *
 * @internal
 */
export function columnNamed(table: RecordTable, header: string): ColumnSpec | undefined {
  const key = normalise(header)
  return table.columns.find(
    (spec) => normalise(spec.header) === key || spec.aliases.some((alias) => normalise(alias) === key)
  )
}
