import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import {
  type Convention,
  type ExplanationNode,
  type Portfolio,
  explanationLines,
  parseConvention,
  parsePortfolio
} from "caf-conventions"

/** A fresh copy of one of the example data files (`examples/data/<name>`), as JSON. */
export function exampleData(name: string): any {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../examples/data/${name}`, import.meta.url)), "utf8"))
}

/**
 * A fresh copy of one of the files of a second convention (`tests/data/evs/<name>`), as JSON: the
 * Caf de la Sarthe and the espace de vie sociale Les Tilleuls, 2024–2026, 24 000 € a year, advance
 * 70 % on 31/03, balance on 31/05 of the next year, a 3 % surplus kept, terminated on 30/09/2025.
 */
export function evsData(name: string): any {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./data/evs/${name}`, import.meta.url)), "utf8"))
}

/**
 * A fresh copy of one of the files of a third portfolio (`tests/data/finistere/<name>`), as JSON: the
 * Caf du Finistère with four conventions, among them `cpo-ptits-loups-2025-2027` (per-year amounts
 * 30 000, 35 000 and 35 000 €, total 100 000 €, advance 30 % on 31/03, 30 % on 30/06, balance on
 * 30/04 of the next year, amendment n° 1 of 15/09/2026 lowering 2026 to 32 000 €) and
 * `cpo-cs-passerelle-2024-2027` (48 000 € a year, advance 50 %, 25 % on 30/09, the subsidy
 * withdrawn from 15/05/2025 by a decision of 20/06/2025).
 */
export function finistereData(name: string): any {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./data/finistere/${name}`, import.meta.url)), "utf8"))
}

/** The second convention (see {@link evsData}) with changes applied to its JSON first. */
export function evs(change: (json: Record<string, any>) => void = () => {}): Convention {
  const json = evsData("portfolio.json").conventions[0]
  change(json)
  return parseConvention(json)
}

/**
 * A fresh copy of one of the files of a third convention (`tests/data/jeunesse/<name>`), as JSON:
 * the Caf du Loiret and the Association Jeunesse et Territoires du Loiret, 01/07/2024–30/06/2027,
 * 40 000 € a year, advance 50 %, signed 15/06/2024 and notified 20/06/2024; amendment n° 1,
 * signed 15/05/2025, raises the amount to 48 000 € from 01/07/2025.
 */
export function jeunesseData(name: string): any {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./data/jeunesse/${name}`, import.meta.url)), "utf8"))
}

/** The third convention (see {@link jeunesseData}) with changes applied to its JSON first. */
export function jeunesse(change: (json: Record<string, any>) => void = () => {}): Convention {
  const json = jeunesseData("portfolio.json").conventions[0]
  change(json)
  return parseConvention(json)
}

/** A fresh copy of the founding portfolio's JSON, safe to modify in a test. */
export function foundingPortfolioJson(): {
  partners: Array<Record<string, unknown>>
  conventions: Array<Record<string, any>>
} {
  return exampleData("portfolio.json")
}

/** The founding portfolio, decoded. */
export function foundingPortfolio(): Portfolio {
  return parsePortfolio(foundingPortfolioJson())
}

/** A fresh copy of the JSON of the 2023–2025 convention. */
export function cpoJson(): Record<string, any> {
  const convention = foundingPortfolioJson().conventions.find((c) => c.id === "cpo-2023-2025")
  if (convention === undefined) throw new Error("the founding portfolio lost its CPO")
  return convention
}

/** The 2023–2025 convention with changes applied to its JSON first. */
export function cpo(change: (json: Record<string, any>) => void = () => {}): Convention {
  const json = cpoJson()
  change(json)
  return parseConvention(json)
}

/** The problems `safeParse` found, as `path: message` lines. */
export function problems(result: {
  success: boolean
  error?: { issues: ReadonlyArray<{ path: ReadonlyArray<string | number>; message: string }> }
}): Array<string> {
  if (result.success || result.error === undefined) return []
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)
}

/** A result as a golden file holds it: the explanation as its reader sees it, then the whole result as JSON. */
export function golden(result: { readonly explanation: ExplanationNode }): string {
  return `${explanationLines(result.explanation).join("\n")}\n\n${JSON.stringify(result, null, 2)}\n`
}
