/**
 * What is wrong with a SIREN or a SIRET that a check refused, for its message.
 *
 * @module
 * @internal
 */
import type { IdentifierKind, IdentifierProblem } from "../vocabulary/validation.js"
import { luhnValid } from "./luhn.js"

/**
 * @internal What is wrong with a SIREN or a SIRET refused by its check, when it has the right
 * number of digits: its key, or, for a SIRET, its first nine digits, which are not a SIREN
 * (though the 14 digits may pass the Luhn check); `undefined` for a value of another form.
 */
export function identifierProblem(kind: IdentifierKind, value: string): IdentifierProblem | undefined {
  if (kind === "siren") return /^\d{9}$/.test(value) ? { part: "key" } : undefined
  if (kind !== "siret" || !/^\d{14}$/.test(value)) return undefined
  const siren = value.slice(0, 9)
  return luhnValid(siren) ? { part: "key" } : { part: "siren", siren }
}
