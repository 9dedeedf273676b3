/**
 * What the renderers and the tables do with a report that is not one: a report copied from the
 * library's but whose parts are not what `annualReport` or `conventionReport` build (its amounts
 * read back from JSON as texts, say) fails somewhere inside; that failure becomes an
 * `InvalidArgumentError` naming the report, never a `TypeError`.
 *
 * @module
 */
import { InvalidArgumentError } from "../core/errors.js"
import type { AnnualReport, ConventionReport } from "./report.js"

/** @internal Refuses, with an InvalidArgumentError naming it, a value that is not a report: a renderer or a table is given what annualReport or conventionReport built, nothing else. */
export function requireReport(report: AnnualReport | ConventionReport): void {
  if (
    report === null ||
    typeof report !== "object" ||
    (report.kind !== "annual" && report.kind !== "convention") ||
    report.convention === undefined
  ) {
    throw new InvalidArgumentError({
      argument: "report",
      message: "expected a report built by annualReport or conventionReport"
    })
  }
}

/** @internal Runs `read` over a report, turning the failures of a report that is not one into an InvalidArgumentError naming it. */
export function readingReport<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    // A part of the wrong kind fails as a TypeError, or as an amount refused by Euros (argument "amounts[0]"…): both say the report is not one.
    if (error instanceof TypeError || (error instanceof InvalidArgumentError && error.argument !== "report")) {
      throw new InvalidArgumentError({
        argument: "report",
        message: `expected a report built by annualReport or conventionReport (${error.message})`
      })
    }
    throw error
  }
}
