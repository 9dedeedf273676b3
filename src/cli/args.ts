/**
 * The command line's arguments, read with Node's `util.parseArgs` in strict mode: an unknown
 * option, an option without its value, a value given to a flag, an option given twice, a bad
 * value or one argument too many is a usage error (exit code 2), explained in French with what
 * is valid.
 *
 * @module
 */
import { existsSync, statSync } from "node:fs"
import { parseArgs as parseNodeArgs } from "node:util"
import { readCalendarDate } from "../index.js"
import {
  extraArgumentText,
  invalidArgumentsText,
  needsValueText,
  notADateText,
  notAFolderText,
  notAYearDateText,
  notAYearText,
  notAmongText,
  optionTwiceText,
  optionWithoutValueText,
  requiredOptionText,
  takesNoValueText,
  unknownOptionText,
  valueLikeOptionText,
  yearTwiceText
} from "../vocabulary/cli.js"
import { EMPTY_PATH } from "../vocabulary/cli.js"

/** @internal A usage error: bad arguments, a missing file. Exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError"
}

/**
 * @internal How an option is written: a flag when `value` is absent, otherwise an option taking
 * a value, `value` naming it in messages (`AAAA-MM-JJ`, `<f>`); `check` returns why a value is
 * refused, in French, or `undefined` when it is accepted.
 */
export interface OptionSpec {
  readonly value?: string
  readonly check?: (value: string) => string | undefined
}

/** @internal The options of a command, by name (without `--`). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>

/** @internal */
export interface ParsedArgs {
  readonly positional: ReadonlyArray<string>
  readonly options: ReadonlyMap<string, string | true>
}

/** @internal A value among `values` (`--format`). */
export function oneOf(...values: ReadonlyArray<string>): OptionSpec {
  return {
    value: values.join("|"),
    check: (value) => (values.includes(value) ? undefined : notAmongText(values, value))
  }
}

/** @internal What every command accepts: `--lang en` prints the problems found in files in English. */
const COMMON: OptionSpecs = { lang: oneOf("fr", "en"), help: {}, version: {} }

/** @internal A `yyyy-MM-dd` day that exists (`--date`, `--as-of`). */
export const DATE_OPTION: OptionSpec = {
  value: "AAAA-MM-JJ",
  check: (value) => {
    try {
      readCalendarDate(value)
      return undefined
    } catch (error) {
      return (error as { readonly frenchMessage?: string }).frenchMessage ?? notADateText(value)
    }
  }
}

/** @internal A year written with four decimal digits, 1000 to 9999 (`--year`): not `0x7E8`, `1e3` or an empty string. */
export const YEAR_OPTION: OptionSpec = {
  value: "AAAA",
  check: (value) => (/^[1-9][0-9]{3}$/u.test(value) ? undefined : notAYearText(value))
}

/** Why one `AAAA=AAAA-MM-JJ` entry is refused, in French, or `undefined`. */
function yearDateProblem(entry: string): string | undefined {
  const [year, date, ...rest] = entry.split("=")
  if (date === undefined || rest.length > 0) return notAYearDateText(entry)
  const badYear = YEAR_OPTION.check?.(year ?? "")
  if (badYear !== undefined) return badYear
  return DATE_OPTION.check?.(date)
}

/**
 * @internal One day per year, `AAAA=AAAA-MM-JJ`, separated by commas (`--reports-accepted
 * 2023=2024-05-10,2024=2025-05-20`): each year once, each day one that exists.
 */
export const DATES_BY_YEAR_OPTION: OptionSpec = {
  value: "AAAA=AAAA-MM-JJ[,…]",
  check: (value) => {
    const entries = value.split(",")
    for (const entry of entries) {
      const problem = yearDateProblem(entry)
      if (problem !== undefined) return problem
    }
    const years = entries.map((entry) => entry.split("=")[0])
    const twice = years.find((year, index) => years.indexOf(year) !== index)
    return twice === undefined ? undefined : yearTwiceText(twice)
  }
}

/** @internal The days of an option checked with {@link DATES_BY_YEAR_OPTION}, by year. */
export function datesByYear(value: string): Record<string, string> {
  return Object.fromEntries(value.split(",").map((entry) => entry.split("=") as [string, string]))
}

/** @internal An existing folder (`--root`). */
export const FOLDER_OPTION: OptionSpec = {
  value: "<dossier>",
  check: (value) =>
    value !== "" && existsSync(value) && statSync(value).isDirectory() ? undefined : notAFolderText(value)
}

/** @internal A file path (`--out`, `--activities`): any non-empty string; the command says whether it can be read or written. */
export const FILE_OPTION: OptionSpec = {
  value: "<f>",
  check: (value) => (value === "" ? EMPTY_PATH : undefined)
}

/** @internal The options a command accepts, as help and errors list them: `--date AAAA-MM-JJ, --explain, --help`. */
export function describeOptions(specs: OptionSpecs): string {
  return Object.entries({ ...specs, ...COMMON })
    .map(([name, spec]) => (spec.value === undefined ? `--${name}` : `--${name} ${spec.value}`))
    .join(", ")
}

type NodeOptions = Record<string, { type: "string" | "boolean" }>

function nodeOptions(specs: OptionSpecs): NodeOptions {
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, { type: spec.value === undefined ? "boolean" : "string" }])
  )
}

/** Why `util.parseArgs` refused the arguments, in French: the first faulty option, read from the tokens of a lenient parse. */
function diagnose(command: string, argv: ReadonlyArray<string>, specs: OptionSpecs): string {
  const { tokens } = parseNodeArgs({
    args: [...argv],
    options: nodeOptions(specs),
    strict: false,
    allowPositionals: true,
    tokens: true
  })
  for (const token of tokens) {
    if (token.kind !== "option") continue
    const spec = token.rawName.startsWith("--") && Object.hasOwn(specs, token.name) ? specs[token.name] : undefined
    if (spec === undefined) return unknownOptionText(token.rawName, command, describeOptions(specs))
    if (spec.value === undefined && token.value !== undefined) return takesNoValueText(token.name)
    if (spec.value !== undefined && token.value === undefined) return needsValueText(token.name, spec.value)
    if (spec.value !== undefined && token.value?.startsWith("-") === true && token.inlineValue === false) {
      return valueLikeOptionText(token.name, spec.value, token.value)
    }
  }
  return invalidArgumentsText(command, describeOptions(specs))
}

/**
 * @internal Reads the arguments of `command` (those after its name) with `util.parseArgs` in
 * strict mode, then checks that no option is given twice, that every value passes its check, and
 * that there are at most `maxPositionals` arguments besides the options.
 */
export function parseCommandLine(
  command: string,
  argv: ReadonlyArray<string>,
  options: OptionSpecs,
  maxPositionals = Infinity
): ParsedArgs {
  const specs = { ...options, ...COMMON }
  let parsed: ReturnType<typeof parseNodeArgs>
  try {
    parsed = parseNodeArgs({
      args: [...argv],
      options: nodeOptions(specs),
      strict: true,
      allowPositionals: true,
      tokens: true
    })
  } catch {
    throw new UsageError(diagnose(command, argv, specs))
  }
  const values = new Map<string, string | true>()
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue
    if (values.has(token.name)) throw new UsageError(optionTwiceText(token.name))
    const problem = token.value === undefined ? undefined : specs[token.name]?.check?.(token.value)
    if (problem !== undefined) throw new UsageError(`--${token.name} : ${problem}`)
    values.set(token.name, token.value ?? true)
  }
  const extra = parsed.positionals[maxPositionals]
  if (extra !== undefined && !values.has("help")) throw new UsageError(extraArgumentText(command, extra))
  return { positional: parsed.positionals, options: values }
}

/** @internal The value of an option, or a usage error when it is required and missing. */
export function option(args: ParsedArgs, name: string, required: true): string
export function option(args: ParsedArgs, name: string, required?: false): string | undefined
export function option(args: ParsedArgs, name: string, required = false): string | undefined {
  const value = args.options.get(name)
  if (value === true) throw new UsageError(optionWithoutValueText(name))
  if (value === undefined && required) throw new UsageError(requiredOptionText(name))
  return value
}
