/**
 * Identifiers of French legal entities and territories: SIREN, SIRET, RNA, département codes.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { makeCodec } from "../core/codec.js"
import { describeValue } from "../core/describe.js"
import { ValidationError } from "../core/errors.js"
import { localizedIssue } from "../core/issues.js"
import { jsonSchemaHint } from "../core/schemas.js"
import { type IdentifierKind, identifierName, invalidIdentifierText } from "../vocabulary/validation.js"
import { identifierProblem } from "./problem.js"
import { luhnValid } from "./luhn.js"

/**
 * A SIREN: the 9-digit number INSEE gives a legal entity, its last digit a Luhn key.
 *
 * @example
 * ```ts
 * import { parseSiren, type Siren } from "caf-conventions"
 * const siren: Siren = parseSiren("732829320")
 * ```
 * @category identifiers
 */
export type Siren = string & {
  /** Brand: marks a checked SIREN. */
  readonly Siren: unique symbol
}

/**
 * A SIRET: an establishment's 14 digits, the SIREN followed by a 5-digit NIC, with a Luhn key
 * over all 14 digits.
 *
 * @example
 * ```ts
 * import { parseSiret, type Siret } from "caf-conventions"
 * const siret: Siret = parseSiret("73282932000074")
 * ```
 * @category identifiers
 */
export type Siret = string & {
  /** Brand: marks a checked SIRET. */
  readonly Siret: unique symbol
}

/**
 * An RNA number (*répertoire national des associations*): `W` and 9 characters as the
 * *greffe* issues them. In metropolitan France these are 9 digits (`W913001234`); the
 * *greffe* code in the 2nd and 3rd characters may hold a letter elsewhere (Corsica's `2A`/`2B`,
 * some overseas codes), so the library accepts a digit then a digit or capital letter, then
 * seven digits. No check digit exists.
 *
 * @example
 * ```ts
 * import { parseRna, type Rna } from "caf-conventions"
 * const rna: Rna = parseRna("W913001234")
 * ```
 * @category identifiers
 */
export type Rna = string & {
  /** Brand: marks a checked RNA number. */
  readonly Rna: unique symbol
}

/**
 * A French département code: `01`–`95` (without `20`), `2A` and `2B` for Corsica, and
 * `971`–`976` overseas. `975` is Saint-Pierre-et-Miquelon, an overseas collectivity rather than
 * a département, accepted because its *caisse de prévoyance sociale* carries out a Caf's family
 * social action there (ordonnance n° 2013-1150 du 11 décembre 2013); the other collectivities
 * (977 and over) are not accepted.
 *
 * @example
 * ```ts
 * import { parseDepartement, type Departement } from "caf-conventions"
 * const essonne: Departement = parseDepartement("91")
 * ```
 * @category identifiers
 */
export type Departement = string & {
  /** Brand: marks a checked département code. */
  readonly Departement: unique symbol
}

/** La Poste's SIREN: its establishments' SIRETs follow another rule (see {@link isSiret}). */
const LA_POSTE_SIREN = "356000000"

/**
 * Whether a value is a valid SIREN: 9 digits passing the Luhn check.
 *
 * @example
 * ```ts
 * import { isSiren } from "caf-conventions"
 * isSiren("732829320") //=> true
 * isSiren("732829321") //=> false
 * ```
 * @category identifiers
 */
export function isSiren(value: unknown): value is Siren {
  return typeof value === "string" && /^\d{9}$/.test(value) && luhnValid(value)
}

/**
 * Whether a value is a valid SIRET: 14 digits whose first nine are a valid SIREN and which pass
 * the Luhn check, or, for La Poste's
 * establishments (SIREN 356000000), whose NICs were numbered before the key was enforced,
 * 14 digits whose sum is a multiple of 5 (INSEE's documented exception).
 *
 * @example
 * ```ts
 * import { isSiret } from "caf-conventions"
 * isSiret("73282932000074") //=> true
 * isSiret("35600000049837") //=> true (La Poste: fails Luhn, but its digits sum to 45)
 * isSiret("73282932000075") //=> false
 * isSiret("12345678000006") //=> false (passes Luhn, but 123456780 is not a SIREN)
 * ```
 * @category identifiers
 */
export function isSiret(value: unknown): value is Siret {
  if (typeof value !== "string" || !/^\d{14}$/.test(value) || !isSiren(value.slice(0, 9))) return false
  if (luhnValid(value)) return true
  if (!value.startsWith(LA_POSTE_SIREN)) return false
  let sum = 0
  for (const char of value) sum += char.charCodeAt(0) - 48
  return sum % 5 === 0
}

/**
 * Whether a value is an RNA number as issued (see {@link Rna}).
 *
 * @example
 * ```ts
 * import { isRna } from "caf-conventions"
 * isRna("W913001234") //=> true
 * isRna("W2B1001234") //=> true
 * isRna("913001234") //=> false
 * ```
 * @category identifiers
 */
export function isRna(value: unknown): value is Rna {
  return typeof value === "string" && /^W\d[\dA-Z]\d{7}$/.test(value)
}

/**
 * Whether a value is a French département code (see {@link Departement}).
 *
 * @example
 * ```ts
 * import { isDepartement } from "caf-conventions"
 * isDepartement("91") //=> true
 * isDepartement("2A") //=> true
 * isDepartement("20") //=> false
 * // Saint-Pierre-et-Miquelon, an overseas collectivity (see Departement):
 * isDepartement("975") //=> true
 * isDepartement("977") //=> false
 * ```
 * @category identifiers
 */
export function isDepartement(value: unknown): value is Departement {
  return typeof value === "string" && /^(0[1-9]|1\d|[3-8]\d|9[0-5]|2[1-9AB]|97[1-6])$/.test(value)
}

/**
 * The SIREN of an establishment: the first 9 digits of its SIRET. A value that is not a SIRET
 * throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { parseSiret, sirenOf } from "caf-conventions"
 * sirenOf(parseSiret("73282932000074")) //=> "732829320"
 * ```
 * @category identifiers
 */
export function sirenOf(siret: Siret): Siren {
  if (!isSiret(siret))
    throw ValidationError.of("SIRET", [
      { path: ["siret"], message: `expected a SIRET (14 digits, valid key), got ${describeValue(siret)}` }
    ])
  return siret.slice(0, 9) as Siren
}

function identifierSchema<T extends string>(
  guard: (value: unknown) => value is T,
  kind: IdentifierKind,
  pattern: string
): Schema.Codec<T, string> {
  return Schema.String.check(
    Schema.makeFilter(
      (text: string) => {
        if (guard(text)) return true
        const texts = invalidIdentifierText(text, kind, identifierProblem(kind, text))
        return localizedIssue(texts.en, { code: "identifier", ...texts })
      },
      jsonSchemaHint(`A ${identifierName(kind)}`, { pattern })
    )
  ) as unknown as Schema.Codec<T, string>
}

/**
 * Schema of a SIREN in a JSON document.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { SirenSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(SirenSchema)("732829320") //=> "732829320"
 * ```
 * @category identifiers
 */
export const SirenSchema = identifierSchema(isSiren, "siren", "^[0-9]{9}$")

/**
 * Schema of a SIRET in a JSON document.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { SiretSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(SiretSchema)("73282932000074") //=> "73282932000074"
 * ```
 * @category identifiers
 */
export const SiretSchema = identifierSchema(isSiret, "siret", "^[0-9]{14}$")

/**
 * Schema of an RNA number in a JSON document.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { RnaSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(RnaSchema)("W913001234") //=> "W913001234"
 * ```
 * @category identifiers
 */
export const RnaSchema = identifierSchema(isRna, "rna", "^W[0-9][0-9A-Z][0-9]{7}$")

/**
 * Schema of a département code in a JSON document.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { DepartementSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(DepartementSchema)("91") //=> "91"
 * ```
 * @category identifiers
 */
export const DepartementSchema = identifierSchema(
  isDepartement,
  "departement",
  "^(0[1-9]|1[0-9]|[3-8][0-9]|9[0-5]|2[1-9AB]|97[1-6])$"
)

const sirenCodec = makeCodec(SirenSchema, "SIREN")
const siretCodec = makeCodec(SiretSchema, "SIRET")
const rnaCodec = makeCodec(RnaSchema, "RNA number")
const departementCodec = makeCodec(DepartementSchema, "département code")

/**
 * Reads a SIREN or throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { parseSiren } from "caf-conventions"
 * parseSiren("732829320") //=> "732829320"
 * ```
 * @category identifiers
 */
export const parseSiren: (input: unknown) => Siren = sirenCodec.parse

/**
 * Reads a SIRET or throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { parseSiret } from "caf-conventions"
 * parseSiret("73282932000074") //=> "73282932000074"
 * ```
 * @category identifiers
 */
export const parseSiret: (input: unknown) => Siret = siretCodec.parse

/**
 * Reads an RNA number or throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { parseRna } from "caf-conventions"
 * parseRna("W913001234") //=> "W913001234"
 * ```
 * @category identifiers
 */
export const parseRna: (input: unknown) => Rna = rnaCodec.parse

/**
 * Reads a département code or throws a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { parseDepartement } from "caf-conventions"
 * parseDepartement("2A") //=> "2A"
 * ```
 * @category identifiers
 */
export const parseDepartement: (input: unknown) => Departement = departementCodec.parse
