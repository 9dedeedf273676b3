/**
 * The lineage of a convention: the conventions it follows, back to the first one.
 *
 * @module
 */
import * as Data from "effect/Data"
import { ValidationError } from "../core/errors.js"
import { describeValue } from "../core/describe.js"
import { type Inspect, type InspectOptions, inspectError } from "../core/inspect.js"
import { checkedConventions } from "./checked.js"
import type { Convention } from "./convention.js"
import { type LineageProblem, lineageMessage } from "../vocabulary/conventions.js"

/**
 * Why a lineage could not be traced: the convention asked for is not in the list
 * (`unknown-convention`), a predecessor it names is missing (`missing-predecessor`), or the chain
 * loops back on itself (`cycle`). `ids` lists the chain followed so far, newest first.
 *
 * @example
 * ```ts
 * import { LineageError, lineage } from "caf-conventions"
 * try {
 *   lineage([], "cpo-2023-2025")
 * } catch (error) {
 *   if (error instanceof LineageError) error.problem //=> "unknown-convention"
 * }
 * ```
 * @category errors
 */
export class LineageError extends Data.TaggedError("LineageError")<{
  /** What went wrong. */
  readonly problem: "unknown-convention" | "missing-predecessor" | "cycle"
  /** The convention ids followed, newest first, ending with the one at fault. */
  readonly ids: ReadonlyArray<string>
  /** What went wrong, in English. */
  readonly message: string
  /** What went wrong, in French. */
  readonly frenchMessage: string
}> {
  /**
   * How Node's `console.log` and `util.inspect` show the error: as any `Error`, its name, its
   * message and where it was thrown, then its fields.
   *
   * @example
   * ```ts
   * import { inspect } from "node:util"
   * import { lineage } from "caf-conventions"
   * const error = (() => { try { return lineage([], "cpo-2023-2025") } catch (e) { return e } })()
   * inspect(error).split("\n")[0] //=> "LineageError: there is no convention cpo-2023-2025"
   * ```
   */
  [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: InspectOptions, inspect: Inspect): string {
    return inspectError(this, depth, options, inspect)
  }
}

/** The error of a lineage that cannot be traced, with its message in English and in French. */
function lineageError(problem: LineageProblem, ids: ReadonlyArray<string>): LineageError {
  const { en, fr } = lineageMessage(problem, ids)
  return new LineageError({ problem, ids, message: en, frenchMessage: fr })
}

/**
 * The chain of conventions that leads to `id`, oldest first and `id` last, following each
 * convention's `predecessorId`. The founding case: the 2018 technical support, the 2020–2022
 * framework agreement, then the 2023–2025 multi-year convention.
 *
 * Throws a {@link LineageError} when `id` is not in the list, when a predecessor is missing, or
 * when the chain loops. The arguments are checked at the door: a list that is not a list, an item
 * that is not a convention (JSON is decoded) or an id that is not a string throws a
 * {@link ValidationError} with paths (`conventions[1].terms`).
 *
 * @example
 * ```ts
 * import { lineage, type Convention } from "caf-conventions"
 * declare const conventions: ReadonlyArray<Convention>
 * lineage(conventions, "cpo-2023-2025").map((c) => c.id)
 * //=> ["appui-technique-2018", "accord-cadre-2020-2022", "cpo-2023-2025"]
 * ```
 * @category conventions
 */
export function lineage(list: ReadonlyArray<Convention>, id: string): ReadonlyArray<Convention> {
  const conventions = checkedConventions(list)
  if (typeof id !== "string")
    throw ValidationError.of("lineage arguments", [
      { path: ["id"], message: `expected a convention id, got ${describeValue(id)}` }
    ])
  const byId = new Map(conventions.map((convention) => [convention.id, convention]))
  const chain: Array<Convention> = []
  const seen = new Set<string>()
  let current = byId.get(id)
  if (current === undefined) {
    throw lineageError("unknown-convention", [id])
  }
  while (current !== undefined) {
    chain.push(current)
    seen.add(current.id)
    const previousId: string | undefined = current.predecessorId
    if (previousId === undefined) break
    const ids = [...chain.map((convention) => convention.id), previousId]
    if (seen.has(previousId)) {
      throw lineageError("cycle", ids)
    }
    current = byId.get(previousId)
    if (current === undefined) {
      throw lineageError("missing-predecessor", ids)
    }
  }
  return chain.reverse()
}
