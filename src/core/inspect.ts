/**
 * How Node's `console.log` and `util.inspect` show the library's errors (internal).
 *
 * @module
 */

/** What Node passes to an `[inspect.custom]` method: its options, of which only `depth` is read here. */
export interface InspectOptions {
  readonly depth?: number | null | undefined
}

/** Node's `util.inspect`, as it hands itself to an `[inspect.custom]` method. */
export type Inspect = (value: unknown, options?: InspectOptions) => string

/**
 * An error as Node prints any `Error`: its stack (`ValidationError: Invalid portfolio (2 issues):`,
 * every issue on its line, then where it was thrown), then its fields in braces. Effect's errors
 * would print only their fields, as a plain object, without their name or their stack. Its `_tag`
 * is left out: the name says it.
 */
export function inspectError(error: Error, depth: number, options: InspectOptions, inspect: Inspect): string {
  const stack = error.stack ?? `${error.name}: ${error.message}`
  if (depth < 0) return `[${stack.split("\n")[0]}]`
  const fields = Object.fromEntries(Object.entries(error).filter(([key]) => key !== "_tag"))
  if (Object.keys(fields).length === 0) return stack
  const inner = {
    ...options,
    depth: options.depth === null || options.depth === undefined ? options.depth : options.depth - 1
  }
  return `${stack} ${inspect(fields, inner)}`
}
