/**
 * The number of runs of a property test: `n`, or at most `PROPERTY_RUNS_MAX` when that variable
 * is set. Mutation testing sets it (see `vitest.mutation.config.ts`): it reruns the suite once
 * per mutant, and a hundred cases are enough to tell whether a property still holds there.
 */
export function runs(n: number): { readonly numRuns: number } {
  const max = Number(process.env["PROPERTY_RUNS_MAX"])
  return { numRuns: Number.isInteger(max) && max > 0 ? Math.min(n, max) : n }
}
