/**
 * What the spreadsheet entry point says in French when it reads or writes a table: where a
 * problem is (sheet, row, column), the problems of the headers, of the cells and of the rows,
 * and the summary of a file's problems. Each function takes the facts (a row number, a header,
 * a count, a range) and returns the text; `src/spreadsheet/` assembles no French itself. It
 * imports nothing, so that the entry point brings no other code with it.
 *
 * @module
 * @internal
 */

/** A header as the messages quote it. */
const quoted = (text: string): string => `« ${text} »`

/**
 * @internal Where a problem is: the sheet, the row, the column (by its letter, or by its header
 * quoted), and the problem after them; the problem alone when nothing places it.
 */
export function problemPlaceText(
  place: {
    readonly sheet?: string | undefined
    readonly row?: number | undefined
    readonly column?: string | undefined
    readonly letter?: boolean
  },
  message: string
): string {
  const where = [
    place.sheet,
    place.row === undefined ? undefined : `ligne ${place.row}`,
    place.column === undefined
      ? undefined
      : place.letter === true
        ? `colonne ${place.column}`
        : `colonne ${quoted(place.column)}`
  ].filter((part) => part !== undefined)
  return where.length === 0 ? message : `${where.join(", ")} : ${message}`
}

/** @internal A first row without headers, with the headers expected. */
export const missingHeadersText = (headers: ReadonlyArray<string>): string =>
  `la première ligne doit porter les en-têtes des colonnes (${headers.join(", ")})`

/** @internal A column for a field another column already gives (`header`: the other column's own name, when it differs). */
export const sameFieldText = (before: string, header?: string): string =>
  `même champ que la colonne ${quoted(before)}${header === undefined ? "" : ` (${header})`} ; gardez-en une`

/** @internal A header the table does not know, with those it accepts. */
export const unknownColumnText = (headers: ReadonlyArray<string>): string =>
  `colonne inconnue ; colonnes acceptées : ${headers.join(", ")} (voir docs/spreadsheets.md)`

/** @internal A problem of a field whose column is missing or empty. */
export const columnAbsentText = (problem: string, header: string): string =>
  `${problem} (colonne ${quoted(header)} absente ou vide)`

/** @internal A row that gives another value than an earlier row of the same record (`record`: its noun, « compte rendu »). */
export const differsFromRowText = (row: number, record: string): string =>
  `diffère de la ligne ${row} du même ${record} ; une valeur par ${record}`

/** @internal A list of a record with no line for it (`namedBy`: the record named by its fields), or the list's problem. */
export const listProblemText = (
  label: string,
  problem: { readonly empty: true; readonly namedBy: string } | { readonly empty: false; readonly message: string }
): string =>
  problem.empty
    ? `${label} : aucune pour ${problem.namedBy} ; il en faut au moins une`
    : `${label} : ${problem.message}`

/** @internal A field named by its header in lower case and its value, to name a record (« année 2024 »). */
export const fieldValueText = (header: string, value: string): string => `${header.toLowerCase()} ${value}`

/** @internal The summary of a file's problems: the count, each problem, those left out, the empty rows skipped. */
export function fileProblemsLines(
  file: string,
  problems: ReadonlyArray<string>,
  omitted: number,
  skipped: ReadonlyArray<number>
): Array<string> {
  const total = problems.length + omitted
  return [
    `${file} : ${total} ${total === 1 ? "problème" : "problèmes"}`,
    ...problems.map((problem) => `  ${problem}`),
    ...(omitted === 0 ? [] : [`  … et ${omitted} ${omitted === 1 ? "autre problème" : "autres problèmes"}`]),
    ...(skipped.length === 0
      ? []
      : [`  ${skipped.length === 1 ? "ligne vide ignorée" : "lignes vides ignorées"} : ${skipped.join(", ")}`])
  ]
}

/** @internal An argument of the wrong kind (`expected`: what was expected; `found`: what was given). */
export const expectedText = (expected: string, found: string): string => `attendu ${expected}, reçu ${found}`

/** @internal A list of records, as an argument is expected (`plural`: their noun). */
export const listOfText = (plural: string): string => `une liste de ${plural}`

/** @internal A cell holding an error (`#DIV/0!`), or a formula whose result is one. */
export const cellErrorText = (error: string, formula: boolean): string =>
  formula ? `la formule de la cellule donne l'erreur ${error}` : `la cellule contient l'erreur ${error}`

/** @internal Merged cells (`range`, `A1:B1`): among the headers, or among the rows. */
export const mergedCellsText = (range: string, headers: boolean): string =>
  headers
    ? `en-têtes fusionnés (${range}) : chaque colonne doit avoir son propre en-tête, sur la première ligne ; défusionnez les cellules`
    : `cellules fusionnées (${range}) : chaque ligne doit porter ses propres valeurs ; défusionnez les cellules`

/** @internal A workbook without the sheet of the table, with the sheets it has. */
export const missingSheetText = (sheet: string, names: ReadonlyArray<string>): string =>
  `aucune feuille ${quoted(sheet)} parmi ${names.length === 0 ? "aucune feuille" : names.map(quoted).join(", ")} ; nommez la feuille ${quoted(sheet)} ou n'en gardez qu'une`

/** @internal A problem of a whole file, after its name. */
export const fileProblemText = (file: string, message: string): string => `${file} : ${message}`

/** @internal Fields of a record that no column of a spreadsheet holds (`record`: the record named). */
export const fieldsWithoutColumnText = (
  singular: string,
  record: string,
  fields: ReadonlyArray<string>,
  plural: string
): string =>
  `${singular} ${record} : ${fields.join(", ")} n'a pas de colonne dans un tableur ; gardez ces ${plural} en JSON`

/** @internal The message of a workbook's drop-down list when another value is typed. */
export const chooseFromListText = (header: string): string => `Choisissez une valeur de la liste ${quoted(header)}.`

/** @internal A cell's content as the messages quote it: « 1 200,505 ». */
export const cellQuoted = (shown: string): string => `« ${shown} »`

/** @internal The problems of one cell, each given the cell's content as it is shown (`shownCell`). */
export const CELL_PROBLEMS = {
  tooManyDecimals: (shown: string): string => `${cellQuoted(shown)} a plus de deux décimales`,
  notAnAmount: (shown: string): string => `${cellQuoted(shown)} n'est pas un montant`,
  notAnAmountWritten: (shown: string): string =>
    `${cellQuoted(shown)} n'est pas un montant (écrivez par exemple 1 200,50)`,
  amountProblem: (shown: string, problem: string): string => `${cellQuoted(shown)} : ${problem}`,
  dateWithTime: (shown: string): string => `${cellQuoted(shown)} porte une heure ; attendu une date seule`,
  numberForDate: (shown: string): string =>
    `${cellQuoted(shown)} est un nombre, pas une date (mettez la cellule au format date, ou écrivez JJ/MM/AAAA)`,
  notADate: (shown: string): string => `${cellQuoted(shown)} n'est pas une date`,
  notADateWritten: (shown: string): string =>
    `${cellQuoted(shown)} n'est pas une date (écrivez JJ/MM/AAAA ou AAAA-MM-JJ)`,
  noSuchMonth: (shown: string, month: number): string =>
    `${cellQuoted(shown)} n'est pas une date : il n'y a pas de mois ${month} (écrivez JJ/MM/AAAA)`,
  noSuchDay: (shown: string, days: number): string =>
    `${cellQuoted(shown)} n'est pas une date : ce mois compte ${days} jours`,
  notAWholeNumber: (shown: string): string => `${cellQuoted(shown)} n'est pas un nombre entier`,
  notANumber: (shown: string): string => `${cellQuoted(shown)} n'est pas un nombre`,
  notYesOrNo: (shown: string): string => `${cellQuoted(shown)} : attendu oui ou non`,
  notInList: (shown: string, list: string): string => `${cellQuoted(shown)} n'est pas dans la liste : ${list}`,
  notInListSeveral: (parts: ReadonlyArray<string>, list: string): string =>
    `${parts.map(cellQuoted).join(", ")} ${parts.length === 1 ? "n'est" : "ne sont"} pas dans la liste : ${list}`
} as const

/** @internal An instalment's code as people write it: `Avance`, `Solde`, `Acompte 1`, `Complément 2`. */
export function instalmentCellText(code: string): string {
  if (code === "advance") return "Avance"
  if (code === "balance") return "Solde"
  const [name, number] = code.split("-")
  return `${name === "complement" ? "Complément" : "Acompte"} ${number ?? ""}`
}

/** @internal An account that the compte rendu financier does not know. */
export const unknownAccountText = (account: string): string =>
  `« ${account} » n'est pas un compte du compte rendu financier : charges de 60 à 68, produits de 70 à 79, contributions en nature 86 ou 87 (2 à 6 chiffres)`

/** @internal A date cell that holds no valid date. */
export const INVALID_CELL_DATE = "la date de la cellule est invalide"

/** @internal A spreadsheet file that cannot be read, for another reason. */
export const FILE_UNREADABLE = "le fichier ne peut pas être lu"

/** @internal A column with no header. */
export const EMPTY_HEADER =
  "en-tête vide (une cellule fusionnée ?) ; chaque colonne a son propre en-tête sur la première ligne"

/** @internal An empty cell of a required column. */
export const REQUIRED_CELL_EMPTY = "cellule vide ; cette colonne est obligatoire"

/** @internal A CSV file not encoded in UTF-8. */
export const NOT_UTF8 = "le fichier n'est pas encodé en UTF-8 ; enregistrez-le au format « CSV UTF-8 »"

/** @internal A CSV file that cannot be parsed. */
export const UNREADABLE_CSV = "le fichier n'est pas un CSV lisible (un guillemet non refermé ?)"

/** @internal A formula whose result is an error. */
export const FORMULA_ERROR = "la formule de la cellule donne une erreur"

/** @internal A formula with no value stored. */
export const FORMULA_WITHOUT_VALUE =
  "la formule n'a pas de valeur (une erreur comme #DIV/0!, ou un classeur jamais recalculé) ; corrigez-la ou remplacez-la par sa valeur"

/** @internal A file that is not a readable XLSX workbook. */
export const UNREADABLE_XLSX = "ce n'est pas un classeur XLSX lisible (un fichier .xls, .ods ou abîmé ?)"
