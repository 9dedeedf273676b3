/**
 * The shape of a compliance finding, apart from the checks that make them, so that the budget
 * checks and the partner's public subsidies can make findings without importing the compliance
 * check that gathers them.
 *
 * @module
 */
import type { PathSegment } from "../core/errors.js"

/**
 * One finding of {@link checkCompliance}: `error` breaks a legal or internal rule, `warning`
 * needs a look (a recommendation not followed, an obligation to verify), `info` records a rule
 * that was checked and what it implies.
 *
 * @example
 * ```ts
 * import type { ComplianceFinding } from "caf-conventions"
 * const blocking = (findings: ReadonlyArray<ComplianceFinding>) => findings.filter((f) => f.severity === "error")
 * ```
 * @category compliance
 */
export interface ComplianceFinding {
  /** Stable id of the rule (`"written-convention-clauses"`…). */
  readonly rule: string
  /** How serious the finding is. */
  readonly severity: "error" | "warning" | "info"
  /** What was found, in French. */
  readonly message: string
  /** The legal text or the clause the rule rests on. */
  readonly source: string
  /** Where in the convention document the finding points, when it points somewhere. */
  readonly path?: ReadonlyArray<PathSegment>
}
