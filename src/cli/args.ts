/**
 * A small argument parser for the command line: positional arguments and `--name value` or
 * `--flag` options, with the usage errors the command line reports with exit code 2.
 *
 * @module
 */

/** @internal A usage error: bad arguments, a missing file. Exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError"
}

/** @internal */
export interface ParsedArgs {
  readonly positional: ReadonlyArray<string>
  readonly options: ReadonlyMap<string, string | true>
}

/** @internal Splits arguments; `flags` are the options that take no value. */
export function parseArgs(argv: ReadonlyArray<string>, flags: ReadonlySet<string>): ParsedArgs {
  const positional: Array<string> = []
  const options = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (!arg.startsWith("--")) {
      positional.push(arg)
      continue
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
    if (flags.has(name)) options.set(name, true)
    else if (inline !== undefined) options.set(name, inline)
    else {
      const value = argv[i + 1]
      if (value === undefined || value.startsWith("--")) throw new UsageError(`l'option --${name} attend une valeur`)
      options.set(name, value)
      i++
    }
  }
  return { positional, options }
}

/** @internal The value of an option, or a usage error when it is required and missing. */
export function option(args: ParsedArgs, name: string, required: true): string
export function option(args: ParsedArgs, name: string, required?: false): string | undefined
export function option(args: ParsedArgs, name: string, required = false): string | undefined {
  const value = args.options.get(name)
  if (value === true) throw new UsageError(`l'option --${name} attend une valeur`)
  if (value === undefined && required) throw new UsageError(`l'option --${name} est obligatoire`)
  return value
}
