/**
 * The shapes the commands share: where a command writes ({@link Io}) and what a command is
 * ({@link Command}). Types only, read by every command's file, so that none imports another.
 *
 * @internal
 * @module
 */
import type { Locale } from "../core/errors.js"
import type { OptionSpecs, ParsedArgs } from "./args.js"

/**
 * @internal Where a command writes: standard output and error, and, when standard error is a
 * terminal, a progress line that each update overwrites.
 */
export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** The language of the problems found in files (`--lang`): French unless told otherwise. */
  readonly locale?: Locale
  readonly progress?: { readonly update: (line: string) => void; readonly end: () => void }
}

/** @internal A command: its options, how many arguments it takes besides them, and what it does. */
export interface Command {
  readonly options: OptionSpecs
  readonly positionals?: number
  readonly run: (args: ParsedArgs, io: Io) => number | Promise<number>
}
