/**
 * The command line's file access: reading JSON (a byte-order mark accepted, errors that never
 * quote the file), reading a scenario's files only under an allowed folder, and writing `--out`
 * atomically, never onto an input, a folder or through a symbolic link.
 *
 * @module
 */
import { randomBytes } from "node:crypto"
import { type Stats, lstatSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path"
import { type ScenarioFiles, ValidationError } from "../index.js"
import { UsageError } from "./args.js"
import { syntaxErrorPosition } from "../documents/json-position.js"
import {
  type OutRefusal,
  cannotReadText,
  cannotWriteText,
  invalidJsonFileText,
  notJsonFileText,
  outRefusalText,
  outsideFolderText,
  FILE_ERROR_REASONS,
  unknownReasonText
} from "../vocabulary/cli.js"

/** @internal Why a file operation failed, in French, from its error code. */
export function reasonOf(error: unknown): string {
  const code = (error as { readonly code?: unknown }).code
  return typeof code === "string" ? (FILE_ERROR_REASONS[code] ?? unknownReasonText(code)) : unknownReasonText(undefined)
}

/**
 * @internal Reads and parses a JSON file, or says why it cannot: a usage error when it cannot be
 * read, a validation error when it is not JSON. A UTF-8 byte-order mark at the start is skipped
 * (spreadsheet tools write one). No message quotes the file's content.
 */
export function readJson(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, "utf8")
  } catch (error) {
    throw new UsageError(cannotReadText(path, reasonOf(error)))
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1)
  try {
    return JSON.parse(text)
  } catch {
    // Where the text stops being JSON, as a line and a column, without quoting it.
    const empty = text.trim() === ""
    const at = empty ? undefined : syntaxErrorPosition(text)
    const problem = notJsonFileText(empty, at)
    const error = ValidationError.of(path, [
      { path: [], message: problem.fr, code: "json-syntax", messages: { fr: problem.fr, en: problem.en } }
    ])
    throw new ValidationError({ subject: path, issues: error.issues, message: invalidJsonFileText(path, empty, at) })
  }
}

/** Whether `path` is `folder` or inside it (both absolute and resolved). */
function isInside(folder: string, path: string): boolean {
  const rest = relative(folder, path)
  return rest === "" || (rest !== ".." && !rest.startsWith(`..${sep}`) && !isAbsolute(rest))
}

/**
 * @internal Where a scenario's file reference leads: the real path, when it lies under `root`
 * (by default the scenario's own folder), following symbolic links before deciding; otherwise a
 * usage error that does not read the file.
 */
export function scenarioPaths(scenarioFile: string, root: string | undefined): (path: string) => string {
  const base = dirname(resolve(scenarioFile))
  const lexicalRoot = root === undefined ? base : resolve(root)
  const realRoot = realpathSync(lexicalRoot)
  const shown = root ?? dirname(scenarioFile)
  const refuse = (path: string) => new UsageError(outsideFolderText(path, shown))
  return (path) => {
    const target = resolve(base, path)
    let real: string
    try {
      real = realpathSync(target)
    } catch (error) {
      // Nothing to read; say why only when the file would have been allowed.
      throw isInside(lexicalRoot, target) ? new UsageError(cannotReadText(path, reasonOf(error))) : refuse(path)
    }
    if (!isInside(realRoot, real)) throw refuse(path)
    return real
  }
}

/**
 * @internal The reader of a scenario's file references: paths relative to the scenario file,
 * read only when they lie under `root` (see {@link scenarioPaths}). `preloaded` holds the records
 * already read from spreadsheets, by reference as the scenario writes it.
 */
export function scenarioReader(
  scenarioFile: string,
  root: string | undefined,
  preloaded: ReadonlyMap<string, unknown> = new Map()
): ScenarioFiles {
  const locate = scenarioPaths(scenarioFile, root)
  return (path) => (preloaded.has(path) ? preloaded.get(path) : readJson(locate(path)))
}

function statOf(path: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path)
  } catch {
    return undefined
  }
}

function sameFile(a: string, b: string): boolean {
  const [first, second] = [statOf(a, true), statOf(b, true)]
  if (first === undefined || second === undefined) return false
  return (first.dev === second.dev && first.ino === second.ino) || realpathSync(a) === realpathSync(b)
}

/** Refuses an `--out` that is a folder, a symbolic link, one of the inputs, or in a missing folder. */
function checkOut(out: string, inputs: ReadonlyArray<string>): void {
  const existing = statOf(out, false)
  const refuse = (refusal: OutRefusal) => new UsageError(outRefusalText(refusal))
  if (existing?.isSymbolicLink() === true) throw refuse({ refused: "symbolic-link", out })
  if (existing?.isDirectory() === true) throw refuse({ refused: "folder", out })
  const folder = dirname(resolve(out))
  const folderStats = statOf(folder, true)
  if (folderStats === undefined) throw refuse({ refused: "missing-folder", folder: dirname(out) })
  if (!folderStats.isDirectory()) throw refuse({ refused: "not-a-folder", folder: dirname(out) })
  const input = existing === undefined ? undefined : inputs.find((file) => sameFile(out, file))
  if (input !== undefined) throw refuse({ refused: "input", out, input })
}

/**
 * @internal Writes `text` (or bytes) to `out` atomically: into a new temporary file of the same folder,
 * then renamed onto `out`, so that a reader sees the old file or the whole new one. Refuses, with
 * a usage error, a folder, a symbolic link, a missing folder and any of the command's `inputs`.
 */
export function writeOutput(out: string, text: string | Uint8Array, inputs: ReadonlyArray<string>): void {
  checkOut(out, inputs)
  const temporary = join(
    dirname(resolve(out)),
    `.${basename(out)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`
  )
  try {
    writeFileSync(temporary, text, { flag: "wx" })
    renameSync(temporary, resolve(out))
  } catch (error) {
    rmSync(temporary, { force: true })
    throw new UsageError(cannotWriteText(out, reasonOf(error)))
  }
}
