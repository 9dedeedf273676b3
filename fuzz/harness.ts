/**
 * One fuzz run of one target: its inputs called, each call judged (reached, refused with a typed
 * error, or failed), the invariants checked on the results of valid arguments. Shared by
 * `fuzz/run.ts` and the quick pass of `tests/robustness.test.ts`.
 */
import fc from "fast-check"
import * as library from "caf-conventions"
import { TYPED_ERRORS, callTarget, inputsOf, worldPool, type Decoded, type FuzzTarget } from "./targets.js"

/**
 * A call slower than this is a failure (`FUZZ_SLOW_MS`, 1 000 ms by default; `npm test` runs the
 * fuzzing with 5 000, a margin for a shared machine's pauses, so that a slow call found there is
 * one of the code's).
 */
const SLOW_MS = Number(process.env["FUZZ_SLOW_MS"] ?? 1000)

/** Every public function, and every static method of a public class (as tests/door.test.ts finds them). */
export function publicFunctions(): Map<string, (...args: Array<unknown>) => unknown> {
  const found = new Map<string, (...args: Array<unknown>) => unknown>()
  for (const [name, value] of Object.entries(library)) {
    if (typeof value !== "function" || "ast" in value) continue
    for (const key of Object.getOwnPropertyNames(value)) {
      const member = (value as unknown as Record<string, unknown>)[key]
      if (!["length", "name", "prototype"].includes(key) && typeof member === "function")
        found.set(`${name}.${key}`, (member as (...args: Array<unknown>) => unknown).bind(value))
    }
    if (!/^[A-Z]/u.test(name)) found.set(name, value as (...args: Array<unknown>) => unknown)
  }
  return found
}

export interface Tally {
  tried: number
  reached: number
  refused: number
  /** Valid arguments refused: the generator or the function is wrong. */
  validRefused: number
  checks: number
  failures: Array<string>
  failed: number
}

function describeError(error: unknown): string {
  return error instanceof Error
    ? `${error.constructor.name}: ${error.message.split("\n").slice(0, 3).join(" ")}`
    : String(error)
}

type Input = {
  readonly args: ReadonlyArray<unknown>
  readonly world: Decoded
  readonly kind: "valid" | "broken" | "arbitrary"
}

/** What one call gave: its result, or what it threw (or rejected with). */
type Outcome = { readonly result: unknown } | { readonly error: unknown }

/** Counts one call in the tally and records what it broke. */
function judge(
  target: FuzzTarget,
  tally: Tally,
  { args, world, kind }: Input,
  before: string,
  outcome: Outcome,
  elapsed: number
): void {
  const fail = (message: string) => {
    tally.failed++
    if (tally.failures.length < 5) tally.failures.push(message)
  }
  tally.tried++
  if ("error" in outcome) {
    const { error } = outcome
    if (!TYPED_ERRORS.some((allowed) => error instanceof allowed)) {
      fail(`threw ${describeError(error)} for ${before.slice(0, 400)}`)
      return
    }
    tally.refused++
    if (kind === "valid") {
      tally.validRefused++
      if (tally.validRefused <= 2) fail(`refused valid arguments: ${describeError(error)} for ${before.slice(0, 400)}`)
    }
    return
  }
  const { result } = outcome
  if (elapsed > SLOW_MS) fail(`took ${Math.round(elapsed)} ms for ${before.slice(0, 300)}`)
  if (safeJson(args) !== before) fail(`mutated its input ${before.slice(0, 300)}`)
  if (target.reached === undefined || target.reached(result)) tally.reached++
  // Invariants are checked on the results of valid arguments: broken ones may be refused anyway.
  if (kind === "valid") {
    for (const invariant of target.invariants ?? []) {
      tally.checks++
      try {
        const broken = invariant.check(args, result, world)
        if (broken !== undefined) fail(`invariant "${invariant.name}" broken: ${broken}`)
      } catch (error) {
        fail(`invariant "${invariant.name}" threw ${describeError(error)}`)
      }
    }
  }
}

function emptyTally(): Tally {
  return { tried: 0, reached: 0, refused: 0, validRefused: 0, checks: 0, failures: [], failed: 0 }
}

export function runTarget(
  target: FuzzTarget,
  fn: (...args: Array<unknown>) => unknown,
  runs: number,
  seed: number
): Tally {
  const tally = emptyTally()
  fc.assert(
    fc.property(inputsOf(target, worldPool(Math.min(runs, 400), seed)), (input) => {
      const before = safeJson(input.args)
      const start = performance.now()
      let outcome: Outcome
      try {
        outcome = { result: callTarget(target.name, fn, input.args) }
      } catch (error) {
        outcome = { error }
      }
      judge(target, tally, input, before, outcome, performance.now() - start)
      return true
    }),
    { numRuns: runs, seed }
  )
  return tally
}

/** {@link runTarget} for a function that returns a promise: its result is awaited, and what it rejects with is judged as what it throws. */
export async function runTargetAsync(
  target: FuzzTarget,
  fn: (...args: Array<unknown>) => unknown,
  runs: number,
  seed: number
): Promise<Tally> {
  const tally = emptyTally()
  await fc.assert(
    fc.asyncProperty(inputsOf(target, worldPool(Math.min(runs, 400), seed)), async (input) => {
      const before = safeJson(input.args)
      const start = performance.now()
      let outcome: Outcome
      try {
        outcome = { result: await callTarget(target.name, fn, input.args) }
      } catch (error) {
        outcome = { error }
      }
      judge(target, tally, input, before, outcome, performance.now() - start)
      return true
    }),
    { numRuns: runs, seed }
  )
  return tally
}

function safeJson(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) => (typeof item === "function" ? "[function]" : item)) ?? "undefined"
    )
  } catch {
    return "[not JSON]"
  }
}
