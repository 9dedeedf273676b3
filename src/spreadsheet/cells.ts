/**
 * One cell, read and written: from what a person typed (`1 200,50`, `28/03/2024`, `Jeunesse`)
 * or what a workbook typed (a number, a date) to the JSON value the library's decoders read, and
 * back. Only the writing is converted here; every rule on the values (an amount not negative, a
 * date that exists, an id's characters) stays with the decoders.
 *
 * @module
 */
import { daysInMonth } from "../calendar/date.js"
import { Euros } from "../money/euros.js"
import { type CellType, normalise } from "./columns.js"
import { CELL_PROBLEMS, instalmentCellText } from "../vocabulary/spreadsheet.js"
import { INVALID_CELL_DATE } from "../vocabulary/spreadsheet.js"

/**
 * @internal A cell's value as read: text (CSV, or a text cell), a number, a boolean, a date;
 * undefined when empty; `{ unreadable }` when the workbook holds no value for it (a formula
 * error, say), with the reason.
 */
export type RawCell = string | number | boolean | Date | undefined | { readonly unreadable: string }

/** @internal A cell read: its JSON value, or why it cannot be read (in French), or nothing (an empty cell). */
type CellRead = { readonly value: unknown } | { readonly error: string } | undefined

/** How a person sees a cell's value, for messages: text as typed, a number with a decimal comma. */
export function shownCell(raw: RawCell): string {
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime())
      ? "date invalide"
      : `${pad(raw.getUTCDate())}/${pad(raw.getUTCMonth() + 1)}/${raw.getUTCFullYear()}`
  if (typeof raw === "number") return String(raw).replace(".", ",")
  if (typeof raw === "boolean") return raw ? "VRAI" : "FAUX"
  if (typeof raw === "object") return ""
  return raw ?? ""
}

const pad = (n: number): string => String(n).padStart(2, "0")
/** Spaces people put in numbers: the ordinary one, the no-break ones (U+00A0, U+202F) and the thin one (U+2009) are all `\s`. */
const compact = (text: string): string => text.replace(/\s/gu, "")

/** Whether a cell holds nothing (absent, or only spaces). */
export function isEmptyCell(raw: RawCell): boolean {
  return raw === undefined || (typeof raw === "string" && raw.trim() === "")
}

function readMoney(raw: RawCell): CellRead {
  if (typeof raw === "number") {
    // A workbook stores a number as a binary float, and a spreadsheet computes and shows it with
    // 15 significant digits: 127.27 + 1 is stored as 128.26999999999998 and shown as 128,27. The
    // amount is the number at those 15 digits, kept only when it has at most two decimals
    // (Euros.fromNumber checks its shortest decimal form): 128,27 is read, 1 200,505 refused.
    const shown = Number.isFinite(raw) ? Number(raw.toPrecision(15)) : Number.NaN
    const result = safely(() => Euros.fromNumber(shown).toString())
    return result === undefined ? { error: CELL_PROBLEMS.tooManyDecimals(shownCell(raw)) } : { value: result }
  }
  if (typeof raw !== "string") return { error: CELL_PROBLEMS.notAnAmount(shownCell(raw)) }
  const text = compact(raw).replace(/€$/u, "")
  const decimal = /^-?\d+(,\d+)?$/u.test(text)
    ? text.replace(",", ".")
    : /^-?\d+(\.\d+)?$/u.test(text)
      ? text
      : undefined
  if (decimal === undefined) return { error: CELL_PROBLEMS.notAnAmountWritten(shownCell(raw)) }
  const parsed = Euros.safeParse(decimal)
  if (parsed.success) return { value: parsed.data.toString() }
  if (parsed.error.problem === "too-many-decimals") return { error: CELL_PROBLEMS.tooManyDecimals(shownCell(raw)) }
  return { error: CELL_PROBLEMS.amountProblem(shownCell(raw), parsed.error.frenchMessage) }
}

function safely<T>(compute: () => T): T | undefined {
  try {
    return compute()
  } catch {
    return undefined
  }
}

function readDate(raw: RawCell): CellRead {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { error: INVALID_CELL_DATE }
    if (
      raw.getUTCHours() !== 0 ||
      raw.getUTCMinutes() !== 0 ||
      raw.getUTCSeconds() !== 0 ||
      raw.getUTCMilliseconds() !== 0
    ) {
      return { error: CELL_PROBLEMS.dateWithTime(shownCell(raw)) }
    }
    return {
      value: `${String(raw.getUTCFullYear()).padStart(4, "0")}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}`
    }
  }
  if (typeof raw === "number")
    return {
      error: CELL_PROBLEMS.numberForDate(shownCell(raw))
    }
  if (typeof raw !== "string") return { error: CELL_PROBLEMS.notADate(shownCell(raw)) }
  const text = raw.trim()
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(text)
  if (french !== null) {
    // An impossible day written the French way is told as the cell shows it (« 31/02/2025 »),
    // not as the decoder would quote the date it became (2025-02-31).
    const [day, month, year] = [Number(french[1]), Number(french[2]), Number(french[3])]
    if (month < 1 || month > 12) return { error: CELL_PROBLEMS.noSuchMonth(text, month) }
    const days = daysInMonth(year, month)
    if (day < 1 || day > days) return { error: CELL_PROBLEMS.noSuchDay(text, days) }
    return { value: `${french[3]}-${pad(month)}-${pad(day)}` }
  }
  if (/^\d{4}-\d{2}-\d{2}$/u.test(text)) return { value: text }
  return { error: CELL_PROBLEMS.notADateWritten(shownCell(raw)) }
}

function readNumber(raw: RawCell, integer: boolean): CellRead {
  if (typeof raw === "number")
    return integer && !Number.isInteger(raw) ? { error: CELL_PROBLEMS.notAWholeNumber(shownCell(raw)) } : { value: raw }
  const text = typeof raw === "string" ? compact(raw) : ""
  const pattern = integer ? /^-?\d+$/u : /^-?\d+([.,]\d+)?$/u
  if (typeof raw !== "string" || !pattern.test(text))
    return { error: (integer ? CELL_PROBLEMS.notAWholeNumber : CELL_PROBLEMS.notANumber)(shownCell(raw)) }
  return { value: Number(text.replace(",", ".")) }
}

const YES = new Set(["oui", "o", "vrai", "true", "1", "x"])
const NO = new Set(["non", "n", "faux", "false", "0"])

function readBoolean(raw: RawCell): CellRead {
  if (typeof raw === "boolean") return { value: raw }
  const key = normalise(shownCell(raw))
  if (YES.has(key)) return { value: true }
  if (NO.has(key)) return { value: false }
  return { error: CELL_PROBLEMS.notYesOrNo(shownCell(raw)) }
}

/** The names a code is known by: itself, its label, and a label's parts around an abbreviation (`Fonds publics et territoires (FPT)`: the words, and `FPT`). */
function namesOf(code: string, label: string): ReadonlyArray<string> {
  const abbreviated = /^(.*?)\s*\(([^)]+)\)\s*$/u.exec(label)
  return [code, label, ...(abbreviated === null ? [] : [abbreviated[1] as string, abbreviated[2] as string])].map(
    normalise
  )
}

function readCode(text: string, labels: Readonly<Record<string, string>>): string | undefined {
  const key = normalise(text)
  return Object.keys(labels).find((code) => namesOf(code, labels[code] as string).includes(key))
}

const listOf = (labels: Readonly<Record<string, string>>): string => Object.values(labels).join(", ")

function readInstalment(raw: RawCell): CellRead {
  const key = normalise(shownCell(raw))
  if (key === "avance" || key === "advance") return { value: "advance" }
  if (key === "solde" || key === "balance") return { value: "balance" }
  const numbered = /^(?:acompte|tranche|versement|instalment)(\d+)$/u.exec(key)
  if (numbered !== null) return { value: `instalment-${Number(numbered[1])}` }
  const complement = /^(?:complement)(\d+)$/u.exec(key)
  if (complement !== null) return { value: `complement-${Number(complement[1])}` }
  // Anything else goes to the decoder as written, which says what is accepted.
  return { value: shownCell(raw).trim() }
}

/**
 * Reads one cell for a column of the given type.
 *
 * @internal
 */
export function readCell(type: CellType, raw: RawCell): CellRead {
  if (isEmptyCell(raw)) return undefined
  if (typeof raw === "object" && !(raw instanceof Date)) return { error: raw.unreadable }
  switch (type.kind) {
    case "money":
      return readMoney(raw)
    case "date":
      return readDate(raw)
    case "integer":
      return readNumber(raw, true)
    case "quantity":
      return readNumber(raw, false)
    case "boolean":
      return readBoolean(raw)
    case "instalment":
      return readInstalment(raw)
    case "code": {
      const found = readCode(shownCell(raw), type.labels)
      return found === undefined
        ? { error: CELL_PROBLEMS.notInList(shownCell(raw), listOf(type.labels)) }
        : { value: found }
    }
    case "codes": {
      const parts = shownCell(raw)
        .split(/[,;\n]/u)
        .map((part) => part.trim())
        .filter((part) => part !== "")
      const found = parts.map((part) => readCode(part, type.labels))
      const unknown = parts.filter((_, index) => found[index] === undefined)
      if (unknown.length > 0)
        return {
          error: CELL_PROBLEMS.notInListSeveral(unknown, listOf(type.labels))
        }
      return { value: found }
    }
    case "ids":
      return {
        value: shownCell(raw)
          .split(/[,;\s]+/u)
          .filter((part) => part !== "")
      }
    case "id":
    case "text":
      return { value: raw instanceof Date ? (readDate(raw) as { value: string }).value : shownCell(raw).trim() }
    case "multiline":
      return { value: shownCell(raw).replace(/\r\n/gu, "\n").trim() }
  }
}

/** How an instalment code is written for people (`Acompte 1`), read back by {@link readCell}. */
function instalmentText(code: string): string {
  return instalmentCellText(code)
}

const frenchDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/**
 * A JSON value written in a CSV cell, the French way (`28/03/2024`, `1200,50`, labels for codes,
 * `oui`/`non`), so that {@link readCell} reads it back to the same value.
 *
 * @internal
 */
export function csvCell(type: CellType, value: unknown): string {
  if (value === undefined) return ""
  switch (type.kind) {
    case "date":
      return frenchDate(String(value))
    case "money":
    case "quantity":
      return String(value).replace(".", ",")
    case "boolean":
      return value === true ? "oui" : "non"
    case "instalment":
      return instalmentText(String(value))
    case "code":
      return type.labels[String(value)] ?? String(value)
    case "codes":
      return (value as ReadonlyArray<string>).map((code) => type.labels[code] ?? code).join(", ")
    case "ids":
      return (value as ReadonlyArray<string>).join(", ")
    default:
      return String(value)
  }
}

/**
 * A JSON value written in a workbook cell, typed: a date cell, a number (amounts have at most two
 * decimals, which a float holds exactly enough to read back), a boolean, or text.
 *
 * @internal
 */
export function workbookCell(type: CellType, value: unknown): string | number | boolean | Date | null {
  if (value === undefined) return null
  switch (type.kind) {
    case "date":
      return new Date(`${String(value)}T00:00:00Z`)
    case "money":
      return Number(value)
    case "quantity":
    case "integer":
    case "boolean":
      return value as number | boolean
    default:
      return csvCell(type, value)
  }
}
