/**
 * The forecast budget (*budget prévisionnel*) of a convention or of one action it funds: the cost
 * by account, the funders with what they were asked and what they granted, and the contributions
 * in kind kept apart.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { localizedIssue } from "../core/issues.js"
import { IdSchema, TextSchema, jsonSchemaHint } from "../core/schemas.js"
import { NonNegativeEurosFromString, RatioSchema } from "../money/schema.js"
import { type AccountKind, accountName, invalidAccountText } from "../vocabulary/consistency.js"
import { FUNDER_NAMES } from "../vocabulary/funders.js"

const accountSchema = (pattern: RegExp, kind: AccountKind) =>
  Schema.String.check(
    Schema.makeFilter(
      (text: string) => {
        if (pattern.test(text)) return true
        const texts = invalidAccountText(text, kind)
        return localizedIssue(texts.en, { code: "pattern", ...texts })
      },
      jsonSchemaHint(`An account number: ${accountName(kind)}`, { pattern: pattern.source })
    )
  )

/**
 * Schema of a charge account of a budget, as the Cerfa numbers its lines: the class number of the
 * plan comptable, `60` to `68` (`"60"` achats, `"61"` services extérieurs, `"62"` autres services
 * extérieurs, `"63"` impôts et taxes, `"64"` charges de personnel, `"65"` autres charges de gestion
 * courante, `"66"` charges financières, `"67"` charges exceptionnelles, `"68"` dotations), or a
 * finer account that starts with one of them (`"6226"`), up to 6 digits.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ChargeAccountSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ChargeAccountSchema)("64") //=> "64"
 * ```
 * @category budget
 */
export const ChargeAccountSchema = accountSchema(/^6[0-8][0-9]{0,4}$/u, "charge")

/**
 * Schema of a product account of a financial report: `70` to `79` (`"70"` ventes et prestations,
 * `"74"` subventions d'exploitation, `"75"` autres produits de gestion courante…), or a finer
 * account starting with one of them.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ProductAccountSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ProductAccountSchema)("74") //=> "74"
 * ```
 * @category budget
 */
export const ProductAccountSchema = accountSchema(/^7[0-9][0-9]{0,4}$/u, "product")

/**
 * Schema of an account of contributions in kind (*contributions volontaires en nature*): `86`
 * (their use, on the charges side) or `87` (the contributions, on the products side), or a finer
 * account starting with one of them.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { InKindAccountSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(InKindAccountSchema)("86") //=> "86"
 * ```
 * @category budget
 */
export const InKindAccountSchema = accountSchema(/^8[67][0-9]{0,4}$/u, "in-kind")

/**
 * The kinds of funder of a budget: the Caf (this convention's own grant), the Caf's *Fonds publics
 * et territoires*, the State, a region, a département, a commune, an EPCI, the European Union,
 * another public body, a private funder, and the association's own resources.
 *
 * @example
 * ```ts
 * import { FUNDER_KINDS } from "caf-conventions"
 * FUNDER_KINDS.includes("departement") //=> true
 * ```
 * @category budget
 */
export const FUNDER_KINDS = [
  "caf",
  "caf-fpt",
  "etat",
  "region",
  "departement",
  "commune",
  "epci",
  "europe",
  "autre-public",
  "prive",
  "ressources-propres"
] as const

/**
 * A kind of funder (see {@link FUNDER_KINDS}).
 *
 * @example
 * ```ts
 * import type { FunderKind } from "caf-conventions"
 * const kind: FunderKind = "commune"
 * ```
 * @category budget
 */
export type FunderKind = (typeof FUNDER_KINDS)[number]

/**
 * French names of the kinds of funder.
 *
 * @example
 * ```ts
 * import { FUNDER_KIND_LABELS } from "caf-conventions"
 * FUNDER_KIND_LABELS["caf-fpt"] //=> "Caf – Fonds publics et territoires"
 * ```
 * @category budget
 */
export const FUNDER_KIND_LABELS: Readonly<Record<FunderKind, string>> = FUNDER_NAMES

/**
 * The kinds of funder whose grants are subsidies from an *autorité administrative* (loi
 * n° 2000-321, art. 1: the State, local authorities, their public bodies, the social-security
 * bodies such as a Caf): they count towards the 153 000 € a year of public subsidies
 * (code de commerce, art. L. 612-4). European funds are not in the list: they count only when a
 * French authority pays them, which the budget does not tell.
 *
 * @example
 * ```ts
 * import { PUBLIC_FUNDER_KINDS } from "caf-conventions"
 * PUBLIC_FUNDER_KINDS.includes("prive") //=> false
 * ```
 * @category budget
 */
export const PUBLIC_FUNDER_KINDS: ReadonlyArray<FunderKind> = [
  "caf",
  "caf-fpt",
  "etat",
  "region",
  "departement",
  "commune",
  "epci",
  "autre-public"
]

/**
 * Schema of a kind of funder (see {@link FUNDER_KINDS}).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { FunderKindSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(FunderKindSchema)("etat") //=> "etat"
 * ```
 * @category budget
 */
export const FunderKindSchema = Schema.Literals(FUNDER_KINDS)

/**
 * Schema of a line of a budget: its account, a label, the amount.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { BudgetLineSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(BudgetLineSchema)({ account: "64", label: "Salaires", amount: "42000" }).amount.toString() //=> "42000.00"
 * ```
 * @category budget
 */
export const BudgetLineSchema = Schema.Struct({
  account: ChargeAccountSchema,
  label: Schema.optionalKey(TextSchema),
  amount: NonNegativeEurosFromString
})

const InKindLineSchema = Schema.Struct({
  account: InKindAccountSchema,
  label: Schema.optionalKey(TextSchema),
  amount: NonNegativeEurosFromString
})

/**
 * Schema of a funder of a budget: its kind, its name, the amount asked (`requested`) and, once
 * decided, the amount granted (`granted`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { BudgetFunderSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(BudgetFunderSchema)({ kind: "departement", name: "Département de l'Essonne", requested: "30000", granted: "30000" }).kind //=> "departement"
 * ```
 * @category budget
 */
export const BudgetFunderSchema = Schema.Struct({
  kind: FunderKindSchema,
  name: TextSchema,
  requested: NonNegativeEurosFromString,
  granted: Schema.optionalKey(NonNegativeEurosFromString)
})

/**
 * A funder of a budget (see {@link BudgetFunderSchema}).
 *
 * @example
 * ```ts
 * import { Euros, type BudgetFunder } from "caf-conventions"
 * const commune: BudgetFunder = { kind: "commune", name: "Ville d'Évry", requested: Euros.parse("5000") }
 * ```
 * @category budget
 */
export type BudgetFunder = Schema.Schema.Type<typeof BudgetFunderSchema>

/**
 * Schema of a forecast budget (*budget prévisionnel*) for one year:
 * - `year`; `actionId`: the action it funds, when the convention funds actions (the id of the
 *   eligibility candidate), absent for the association's work as a whole; `label`;
 * - `charges`: the cost, line by line, on accounts 60 to 68 (at least one line);
 * - `funders`: who pays for it, with what was asked and what was granted (the Caf's line is this
 *   convention's grant);
 * - `inKind`: contributions in kind, uses on account 86 and contributions on account 87, kept
 *   apart: they are neither cost nor funding in the ratios;
 * - `cafShareCap`: the highest share of the cost the Caf may fund (`"0.8"` in many Caf calls for
 *   projects); none when absent.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { BudgetSchema } from "caf-conventions"
 * const budget = Schema.decodeUnknownSync(BudgetSchema)({
 *   year: 2025, charges: [{ account: "64", amount: "100000" }],
 *   funders: [{ kind: "caf", name: "Caf de l'Essonne", requested: "70000", granted: "70000" }]
 * })
 * budget.inKind //=> []
 * ```
 * @category budget
 */
export const BudgetSchema = Schema.Struct({
  year: Schema.Int.check(Schema.isBetween({ minimum: 1000, maximum: 9999 })),
  actionId: Schema.optionalKey(IdSchema),
  label: Schema.optionalKey(TextSchema),
  charges: Schema.Array(BudgetLineSchema).check(Schema.isMinLength(1)),
  funders: Schema.Array(BudgetFunderSchema).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  inKind: Schema.Array(InKindLineSchema).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  cafShareCap: Schema.optionalKey(RatioSchema)
})

/**
 * A forecast budget (see {@link BudgetSchema}).
 *
 * @example
 * ```ts
 * import type { Budget } from "caf-conventions"
 * const cost = (budget: Budget) => budget.charges.length
 * ```
 * @category budget
 */
export interface Budget extends Schema.Schema.Type<typeof BudgetSchema> {}
