import { describe, expect, it } from "vitest"
import { parsePortfolio, safeParsePortfolio } from "caf-conventions"
import { foundingPortfolioJson, problems } from "../fixtures.js"

describe("portfolio documents", () => {
  it("report broken references with their path in the file", () => {
    const json = foundingPortfolioJson()
    json.conventions[0]!.funderId = "caf-92"
    json.conventions[1]!.partnerId = "mjc-viry-chatillon"
    json.conventions[2]!.predecessorId = "accord-cadre-2019"
    expect(problems(safeParsePortfolio(json))).toEqual([
      "conventions.0.funderId: there is no partner caf-92",
      'conventions.1.partnerId: the partner mjc-viry-chatillon does not have the role "operateur"',
      "conventions.2.predecessorId: there is no convention accord-cadre-2019"
    ])
  })

  it("refuse repeated ids and a lineage that loops, at every convention caught in the loop", () => {
    const json = foundingPortfolioJson()
    json.partners.push({ ...json.partners[0] })
    json.conventions[0]!.predecessorId = "cpo-2023-2025"
    expect(problems(safeParsePortfolio(json))).toEqual([
      "partners.6.id: the id caf-91 is already used by partners[0]",
      "conventions.0.predecessorId: the lineage loops: appui-technique-2018 → cpo-2023-2025 → accord-cadre-2020-2022 → appui-technique-2018",
      "conventions.1.predecessorId: the lineage loops: accord-cadre-2020-2022 → appui-technique-2018 → cpo-2023-2025 → accord-cadre-2020-2022",
      "conventions.2.predecessorId: the lineage loops: cpo-2023-2025 → accord-cadre-2020-2022 → appui-technique-2018 → cpo-2023-2025"
    ])
  })

  it("give the path of a problem deep inside a convention", () => {
    const json = foundingPortfolioJson()
    json.conventions[2]!.terms.amounts.yearlyAmount = "30000,00"
    expect(problems(safeParsePortfolio(json))).toEqual([
      'conventions.2.terms.amounts.yearlyAmount: amount "30000,00" is not a decimal number written with digits and a dot, such as "30000.50"'
    ])
  })

  it("check the funder's and the partner's roles and existence, each at its own path", () => {
    const json = foundingPortfolioJson()
    json.conventions[0]!.funderId = "mjc-corbeil-essonnes"
    json.conventions[1]!.partnerId = "fase-91"
    json.conventions[2]!.id = "accord-cadre-2020-2022"
    delete json.conventions[2]!.predecessorId
    expect(problems(safeParsePortfolio(json))).toEqual([
      "conventions.2.id: the id accord-cadre-2020-2022 is already used by conventions[1]",
      'conventions.0.funderId: the partner mjc-corbeil-essonnes does not have the role "financeur"',
      "conventions.1.partnerId: there is no partner fase-91"
    ])
  })

  it("report a missing predecessor once, at the convention that names it, not along the lineage", () => {
    const json = foundingPortfolioJson()
    json.conventions[0]!.predecessorId = "convention-2015"
    expect(problems(safeParsePortfolio(json))).toEqual([
      "conventions.0.predecessorId: there is no convention convention-2015"
    ])
  })

  it("accept an empty portfolio", () => {
    expect(parsePortfolio({ partners: [], conventions: [] })).toEqual({ partners: [], conventions: [] })
  })
})
