/**
 * A portfolio: the partners and conventions of one Caf, in one document, checked together.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { makeCodec } from "../core/codec.js"
import type { Issue } from "../core/errors.js"
import { filterIssues, textsIssue } from "../core/issues.js"
import { ConventionSchema } from "../conventions/convention.js"
import { decodedConventions } from "../core/registry.js"
import { PartnerSchema } from "../partners/partner.js"
import {
  idTakenText,
  lineageLoopText,
  noConventionText,
  noPartnerText,
  partnerRoleText
} from "../vocabulary/consistency.js"

const PortfolioFields = Schema.Struct({
  partners: Schema.Array(PartnerSchema),
  conventions: Schema.Array(ConventionSchema)
})

type Draft = Schema.Schema.Type<typeof PortfolioFields>

function duplicateIds(items: ReadonlyArray<{ readonly id: string }>, list: string): Array<Issue> {
  const seen = new Map<string, number>()
  const issues: Array<Issue> = []
  items.forEach((item, index) => {
    const first = seen.get(item.id)
    if (first === undefined) seen.set(item.id, index)
    else issues.push(textsIssue([list, index, "id"], "rule", idTakenText(item.id, list, first)))
  })
  return issues
}

function portfolioIssues(portfolio: Draft): ReadonlyArray<Issue> {
  const issues = [
    ...duplicateIds(portfolio.partners, "partners"),
    ...duplicateIds(portfolio.conventions, "conventions")
  ]
  const partners = new Map(portfolio.partners.map((partner) => [partner.id, partner]))
  const conventions = new Map(portfolio.conventions.map((convention) => [convention.id, convention]))
  portfolio.conventions.forEach((convention, index) => {
    const funder = partners.get(convention.funderId)
    if (funder === undefined)
      issues.push(textsIssue(["conventions", index, "funderId"], "rule", noPartnerText(convention.funderId)))
    else if (!funder.roles.includes("financeur"))
      issues.push(textsIssue(["conventions", index, "funderId"], "rule", partnerRoleText(funder.id, "financeur")))
    const partner = partners.get(convention.partnerId)
    if (partner === undefined)
      issues.push(textsIssue(["conventions", index, "partnerId"], "rule", noPartnerText(convention.partnerId)))
    else if (!partner.roles.includes("operateur"))
      issues.push(textsIssue(["conventions", index, "partnerId"], "rule", partnerRoleText(partner.id, "operateur")))
    if (convention.predecessorId !== undefined) {
      if (!conventions.has(convention.predecessorId)) {
        issues.push(
          textsIssue(["conventions", index, "predecessorId"], "rule", noConventionText(convention.predecessorId))
        )
      } else {
        const chain = [convention.id]
        let next: string | undefined = convention.predecessorId
        while (next !== undefined && !chain.includes(next)) {
          chain.push(next)
          next = conventions.get(next)?.predecessorId
        }
        if (next === convention.id) {
          issues.push(textsIssue(["conventions", index, "predecessorId"], "rule", lineageLoopText([...chain, next])))
        }
      }
    }
  })
  return issues
}

/**
 * Schema of a portfolio file: `{ "partners": [...], "conventions": [...] }`. Besides each
 * partner's and convention's own checks, ids are unique, every convention names a funder with the
 * role `financeur` and a partner with the role `operateur` that exist in the file, and every
 * predecessor exists without the lineage looping.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { PortfolioSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(PortfolioSchema)({ partners: [], conventions: [] }) //=> { partners: [], conventions: [] }
 * ```
 * @category portfolio
 */
export const PortfolioSchema = PortfolioFields.check(
  Schema.makeFilter((portfolio: Draft) => {
    const issues = portfolioIssues(portfolio)
    return issues.length === 0 ? true : filterIssues(issues)
  })
)

/**
 * The partners and conventions of a Caf, checked together (see {@link PortfolioSchema}).
 *
 * @example
 * ```ts
 * import { parsePortfolio, type Portfolio } from "caf-conventions"
 * declare const json: unknown
 * const portfolio: Portfolio = parsePortfolio(json)
 * portfolio.conventions.map((c) => c.id)
 * ```
 * @category portfolio
 */
export interface Portfolio extends Schema.Schema.Type<typeof PortfolioSchema> {}

/**
 * A portfolio as written in JSON (what {@link encodePortfolio} returns).
 *
 * @example
 * ```ts
 * import type { PortfolioJson } from "caf-conventions"
 * const empty: PortfolioJson = { partners: [], conventions: [] }
 * ```
 * @category portfolio
 */
export interface PortfolioJson extends Schema.Codec.Encoded<typeof PortfolioSchema> {}

const portfolioCodec = makeCodec<Portfolio, PortfolioJson>(PortfolioSchema, "portfolio", {
  // Its conventions are decoded: evaluators take them as they are.
  onDecode: (portfolio) => {
    for (const convention of portfolio.conventions) decodedConventions.add(convention)
  }
})

/**
 * Reads a portfolio from JSON, or throws a {@link ValidationError} listing every problem with its
 * path (`conventions[2].terms.amounts.yearlyAmount`…).
 *
 * @example
 * ```ts
 * import { parsePortfolio } from "caf-conventions"
 * parsePortfolio({ partners: [], conventions: [] }).conventions //=> []
 * ```
 * @category portfolio
 */
export const parsePortfolio = portfolioCodec.parse

/**
 * Like {@link parsePortfolio}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParsePortfolio } from "caf-conventions"
 * safeParsePortfolio({ partners: "none" }).success //=> false
 * ```
 * @category portfolio
 */
export const safeParsePortfolio = portfolioCodec.safeParse

/**
 * Reads a portfolio as an `Effect` failing with a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { decodePortfolio } from "caf-conventions"
 * Effect.runSync(decodePortfolio({ partners: [], conventions: [] })).partners //=> []
 * ```
 * @category portfolio
 */
export const decodePortfolio = portfolioCodec.decode

/**
 * Writes a portfolio back to JSON; {@link parsePortfolio} reads it back to an equal portfolio.
 *
 * @example
 * ```ts
 * import { encodePortfolio, parsePortfolio } from "caf-conventions"
 * encodePortfolio(parsePortfolio({ partners: [], conventions: [] })) //=> { partners: [], conventions: [] }
 * ```
 * @category portfolio
 */
export const encodePortfolio = portfolioCodec.encode
