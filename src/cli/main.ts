#!/usr/bin/env node
/**
 * The `caf-conventions` command line. Exit codes: 0 success; 1 the input is invalid, a check
 * failed or data could not be exported; 2 the command was misused (unknown command or option, a
 * bad option value, a missing or extra argument, an unreadable file, a refused `--out`); 3 an
 * unexpected error. Bad input never prints a stack trace; control characters are escaped.
 *
 * @module
 */
import { packageVersion } from "../core/version.js"
import { type Locale, ValidationError } from "../index.js"
import { UsageError, describeOptions, parseCommandLine } from "./args.js"
import { COMMANDS, problemLines } from "./commands.js"
import type { Io } from "./types.js"
import { printable } from "./terminal.js"
import { HELP, unknownCommandText } from "../vocabulary/cli.js"

/** The same streams, with every control character of the data escaped (see `printable`). */
function printableIo(io: Io): Io {
  const progress = io.progress
  return {
    out: (text) => io.out(printable(text)),
    err: (text) => io.err(printable(text)),
    ...(progress === undefined
      ? {}
      : { progress: { update: (line: string) => progress.update(printable(line)), end: progress.end } })
  }
}

function runCommand(argv: ReadonlyArray<string>, io: Io): number | Promise<number> {
  const [command = "", ...rest] = argv
  if (command === "--version") {
    io.out(packageVersion())
    return 0
  }
  if (command === "" || command === "--help" || command === "help") {
    io.out(HELP[""] as string)
    return command === "" ? 2 : 0
  }
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (handler === undefined) throw new UsageError(unknownCommandText(command, Object.keys(COMMANDS)))
  const args = parseCommandLine(command, rest, handler.options, handler.positionals)
  if (args.options.has("help")) {
    io.out(`${HELP[command] as string}\n\nOptions : ${describeOptions(handler.options)}`)
    return 0
  }
  if (args.options.has("version")) {
    io.out(packageVersion())
    return 0
  }
  return handler.run(args, { ...io, locale: args.options.get("lang") === "en" ? "en" : "fr" })
}

/** The language `--lang` asked for (`--lang en` or `--lang=en`), French otherwise. */
function localeOf(argv: ReadonlyArray<string>): Locale {
  const at = argv.indexOf("--lang")
  return argv.includes("--lang=en") || (at >= 0 && argv[at + 1] === "en") ? "en" : "fr"
}

/**
 * What to call the document an evaluator refused: the file given for its records
 * (`--activities f.json` when the subject is `activities`), or the subject itself.
 */
function recordFileOf(argv: ReadonlyArray<string>, subject: string): string {
  const option = `--${subject}`
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string
    if (argument === option && argv[index + 1] !== undefined) return argv[index + 1] as string
    if (argument.startsWith(`${option}=`)) return argument.slice(option.length + 1)
  }
  return subject
}

/** The exit code of an error a command threw, after saying why on standard error. */
function failure(error: unknown, argv: ReadonlyArray<string>, io: Io): number {
  if (error instanceof UsageError) {
    const command = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? `${argv[0]} ` : ""
    io.err(`caf-conventions : ${error.message}\nAide : caf-conventions ${command}--help`)
    return 2
  }
  if (error instanceof ValidationError) {
    for (const line of problemLines({ ...io, locale: localeOf(argv) }, recordFileOf(argv, error.subject), error))
      io.err(line)
    return 1
  }
  if (error instanceof Error && "_tag" in error) {
    io.err(
      `✗ ${"frenchMessage" in error && typeof error.frenchMessage === "string" ? error.frenchMessage : error.message}`
    )
    return 1
  }
  io.err(`caf-conventions : erreur inattendue : ${error instanceof Error ? error.message : String(error)}`)
  return 3
}

/**
 * Runs the command line with the given arguments and returns the exit code, or a promise of it
 * for the commands that read or write spreadsheets (`import`, `template`, and `report` or
 * `check` given a `.csv` or `.xlsx` file) or wait on another program (`report --format pdf`).
 * Everything printed goes through `io`, control characters escaped.
 *
 * @internal
 */
export function run(argv: ReadonlyArray<string>, rawIo: Io): number | Promise<number> {
  const io = printableIo(rawIo)
  try {
    const code = runCommand(argv, io)
    return typeof code === "number" ? code : code.catch((error: unknown) => failure(error, argv, io))
  } catch (error) {
    return failure(error, argv, io)
  }
}

const isMain =
  process.argv[1] !== undefined && /(?:^|[\\/])(?:main\.(?:ts|js)|cli\.js|caf-conventions)$/.test(process.argv[1])
if (isMain) {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0)
    throw error
  })
  const code = run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    ...(process.stderr.isTTY === true
      ? {
          progress: {
            update: (line: string) => process.stderr.write(`\r${line}`),
            end: () => process.stderr.write("\n")
          }
        }
      : {})
  })
  if (typeof code === "number") process.exitCode = code
  else void code.then((value) => (process.exitCode = value))
}
