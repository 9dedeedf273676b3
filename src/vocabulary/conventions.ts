/**
 * The messages about a convention's lineage, in French and in English, built from the problem's
 * code and the ids followed, so that `lineage` assembles no French itself.
 *
 * @module
 * @internal
 */

/** @internal Why a lineage could not be traced (the codes of `LineageError.problem`). */
export type LineageProblem = "unknown-convention" | "missing-predecessor" | "cycle"

/**
 * @internal The message of a lineage that cannot be traced: `ids` is the chain followed from the
 * convention asked for, ending with the id at fault (for `unknown-convention`, the id asked for).
 */
export const lineageMessage = (
  problem: LineageProblem,
  ids: ReadonlyArray<string>
): { readonly fr: string; readonly en: string } => {
  const first = ids[0] ?? ""
  const last = ids.at(-1) ?? ""
  switch (problem) {
    case "unknown-convention":
      return { en: `there is no convention ${first}`, fr: `il n'y a pas de convention ${first}` }
    case "cycle":
      return {
        en: `the lineage of ${first} loops: ${ids.join(" → ")}`,
        fr: `la filiation de ${first} revient sur elle-même : ${ids.join(" → ")}`
      }
    case "missing-predecessor": {
      const follower = ids.at(-2) ?? ""
      return {
        en: `${follower} follows ${last}, which is not in the list`,
        fr: `${follower} fait suite à ${last}, qui ne figure pas dans la liste`
      }
    }
  }
}
