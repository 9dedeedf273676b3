/**
 * French formatting of amounts, exact to the digit.
 *
 * @module
 */

interface FrenchSeparators {
  readonly group: string
  readonly decimal: string
  readonly beforeCurrency: string
  readonly minus: string
}

let separators: FrenchSeparators | undefined

/**
 * Reads the separators fr-FR uses from `Intl` once, so that the library prints exactly what
 * `Intl.NumberFormat` would, while formatting the exact decimal itself (a JS number would lose
 * cents above 2^53).
 */
function frenchSeparators(): FrenchSeparators {
  if (separators !== undefined) return separators
  const parts = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).formatToParts(-1234567.5)
  const find = (type: string, fallback: string) => parts.find((part) => part.type === type)?.value ?? fallback
  const currencyIndex = parts.findIndex((part) => part.type === "currency")
  const before = parts[currencyIndex - 1]
  separators = {
    group: find("group", "\u202f"),
    decimal: find("decimal", ","),
    minus: find("minusSign", "-"),
    beforeCurrency: before?.type === "literal" ? before.value : "\u00a0"
  }
  return separators
}

/**
 * Formats a decimal string with two decimals (`"-1234.50"`) the French way (`-1 234,50 €`), or,
 * with `cents` false, its whole euros only (`-1 234 €`, for a chart's graduations and figures:
 * the decimals are dropped, so round first).
 *
 * @internal
 */
export function formatFrenchAmount(decimal: string, cents = true): string {
  const { group, decimal: comma, beforeCurrency, minus } = frenchSeparators()
  const negative = decimal.startsWith("-")
  const [whole = "0", decimals = "00"] = (negative ? decimal.slice(1) : decimal).split(".")
  let grouped = ""
  for (let end = whole.length; end > 0; end -= 3) {
    const chunk = whole.slice(Math.max(0, end - 3), end)
    grouped = grouped === "" ? chunk : chunk + group + grouped
  }
  return `${negative ? minus : ""}${grouped}${cents ? `${comma}${decimals}` : ""}${beforeCurrency}€`
}
