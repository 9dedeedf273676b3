/**
 * Indicators as values: every indicator, named or written in the document, is one aggregate over
 * the records an objective reads.
 *
 * @module
 */
import { makeCodec } from "../core/codec.js"
import { InvalidArgumentError } from "../core/errors.js"
import { type AggregateIndicator, AggregateIndicatorSchema, type BaseIndicator } from "../conventions/objective.js"

const aggregateCodec = makeCodec(AggregateIndicatorSchema, "indicator")

/**
 * Defines an indicator in code, exactly as a convention writes one in JSON (see
 * {@link AggregateIndicatorSchema}): the value is checked and its defaults filled in, or a
 * {@link ValidationError} lists every problem with its path. An objective built with it measures
 * the same as one decoded from the document.
 *
 * @example
 * ```ts
 * import { defineIndicator } from "caf-conventions"
 * const families = defineIndicator({
 *   kind: "aggregate", aggregate: "sum", field: "familles",
 *   filter: { activityKinds: ["action-collective"] }, unit: { singular: "famille", plural: "familles" }
 * })
 * families.hoursPerDay //=> 7
 * ```
 * @category objectives
 */
export function defineIndicator(
  indicator: Omit<AggregateIndicator, "eligibleOnly" | "hoursPerDay"> &
    Partial<Pick<AggregateIndicator, "eligibleOnly" | "hoursPerDay">>
): AggregateIndicator {
  return aggregateCodec.parse(indicator)
}

/**
 * The aggregate an indicator stands for: the four named kinds are shorthands (a count of distinct
 * eligible structures, a count of actions, a sum of days, a count of meetings), and an
 * `aggregate` is itself. Evaluating objectives reads only aggregates, so an indicator written in
 * a document and one of the library's named kinds are measured by the same code.
 *
 * @example
 * ```ts
 * import { indicatorDefinition } from "caf-conventions"
 * indicatorDefinition({ kind: "count-meetings", filter: { activityKinds: ["reunion-instance"] } }).unit.plural //=> "réunions"
 * ```
 * @category objectives
 */
export function indicatorDefinition(indicator: BaseIndicator): AggregateIndicator {
  if (
    indicator === null ||
    typeof indicator !== "object" ||
    typeof indicator.kind !== "string" ||
    indicator.filter === null ||
    typeof indicator.filter !== "object"
  ) {
    throw new InvalidArgumentError({
      argument: "indicator",
      message: "expected an indicator, as an objective of a decoded convention holds it"
    })
  }
  // Written out (not spread from a common part): the keys stay in the same order, and it is a
  // fraction of the cost, paid for every objective of every evaluation.
  const filter = indicator.filter
  switch (indicator.kind) {
    case "distinct-structures":
      return {
        kind: "aggregate",
        filter,
        eligibleOnly: indicator.eligibleOnly,
        hoursPerDay: 7,
        aggregate: "distinct",
        field: "structures",
        unit: { singular: "structure distincte", plural: "structures distinctes" }
      }
    case "count-actions":
      return {
        kind: "aggregate",
        filter,
        eligibleOnly: true,
        hoursPerDay: 7,
        aggregate: "count",
        unit: { singular: "action", plural: "actions" }
      }
    case "sum-days":
      return {
        kind: "aggregate",
        filter,
        eligibleOnly: true,
        hoursPerDay: indicator.hoursPerDay,
        aggregate: "sum",
        field: "days",
        unit: { singular: "jour", plural: "jours" }
      }
    case "count-meetings":
      return {
        kind: "aggregate",
        filter,
        eligibleOnly: true,
        hoursPerDay: 7,
        aggregate: "count",
        unit: { singular: "réunion", plural: "réunions" }
      }
    case "aggregate":
      return indicator
  }
}
