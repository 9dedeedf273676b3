/**
 * Amounts inside documents: decoded from strings, encoded back to strings.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import * as SchemaTransformation from "effect/SchemaTransformation"
import { ISSUE_KIND, localizedCheck, localizedIssue } from "../core/issues.js"
import { jsonSchemaHint } from "../core/schemas.js"
import { RATIO_FORM, invalidAmountText, negativeAmountText } from "../vocabulary/validation.js"
import { isAmountText } from "./amount-text.js"
import { Euros } from "./euros.js"
import { ROUNDING_MODES } from "./rounding.js"

const AMOUNT_EXPECTED = 'an amount in euros as a string with a dot and at most two decimals, such as "45000.00"'

/**
 * An amount written the French way (`"30 000,50"`, `"30000,50 €"`), as the library reads it
 * (`"30000.50"`), when that is a valid amount; a text that cannot be repaired without guessing
 * (`"1.001"`, `"trente"`) gets none.
 */
function repairedAmount(text: string): string | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f]|€|EUR/gu, "").replace(/,(\d{1,2})$/u, ".$1")
  if (cleaned === text || cleaned === "") return undefined
  const result = Euros.safeParse(cleaned)
  return result.success ? result.data.toString() : undefined
}

/**
 * Schema of an amount in a JSON document: a decimal string with at most two decimals
 * (`"30000"`, `"30000.50"`), decoded to {@link Euros} and encoded as `"30000.00"`. JSON numbers are
 * refused on purpose: a float cannot be trusted to hold cents.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { EurosFromString } from "caf-conventions"
 * Schema.decodeUnknownSync(EurosFromString)("30000").toString() //=> "30000.00"
 * Schema.encodeSync(EurosFromString)(Schema.decodeUnknownSync(EurosFromString)("1.5")) //=> "1.50"
 * ```
 * @category money
 */
export const EurosFromString: Schema.Codec<Euros, string> = Schema.String.check(
  Schema.makeFilter(
    (text: string) => {
      if (isAmountText(text)) return true
      const result = Euros.safeParse(text)
      if (result.success) return true
      const repaired = repairedAmount(text)
      return localizedIssue(result.error.message, {
        code: "amount",
        expected: AMOUNT_EXPECTED,
        ...(repaired === undefined ? {} : { suggestions: [repaired] }),
        ...invalidAmountText({ fr: result.error.frenchMessage, en: result.error.message }, repaired)
      })
    },
    {
      ...jsonSchemaHint(
        'An amount in euros: a decimal string with at most two decimals and a dot, such as "30000.00"',
        {
          pattern: "^-?(0|[1-9][0-9]*)([.][0-9]{1,2})?$"
        }
      ),
      [ISSUE_KIND]: "amount"
    }
  )
).pipe(
  Schema.decodeTo(
    Schema.declare(Euros.isEuros, { identifier: "Euros" }),
    SchemaTransformation.transform({
      decode: (text: string) => Euros.parse(text),
      encode: (amount: Euros) => amount.toString()
    })
  )
)

/**
 * Like {@link EurosFromString}, rejecting negative amounts (a yearly amount, a payment, an expense).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { NonNegativeEurosFromString } from "caf-conventions"
 * Schema.decodeUnknownSync(NonNegativeEurosFromString)("0").toString() //=> "0.00"
 * Schema.decodeUnknownSync(NonNegativeEurosFromString)("-1") // throws
 * ```
 * @category money
 */
export const NonNegativeEurosFromString: Schema.Codec<Euros, string> = EurosFromString.check(
  Schema.makeFilter(
    (amount: Euros) => {
      if (!amount.isNegative()) return true
      const texts = negativeAmountText(amount.toString(), amount.format())
      return localizedIssue(texts.en, { code: "amount", expected: "an amount in euros, not negative", ...texts })
    },
    jsonSchemaHint("An amount in euros, not negative: a decimal string with at most two decimals and a dot", {
      pattern: "^(0|[1-9][0-9]*)([.][0-9]{1,2})?$"
    })
  )
)

/**
 * Schema of a rounding mode code (`"half-up"`, `"ceiling"`…) in a document.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { RoundingModeSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(RoundingModeSchema)("half-even") //=> "half-even"
 * ```
 * @category money
 */
export const RoundingModeSchema = Schema.Literals(
  ROUNDING_MODES as readonly ["half-up", "half-even", "half-down", "up", "down", "ceiling", "floor"]
)

/**
 * Schema of a decimal ratio written as a string between 0 and 1 (`"0.5"`, `"0.35"`, `"1"`): an
 * advance rate, an instalment's share, a cap on a surplus.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { RatioSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(RatioSchema)("0.35") //=> "0.35"
 * ```
 * @category money
 */
export const RatioSchema = Schema.String.check(
  Schema.isPattern(/^(0([.][0-9]{1,6})?|1([.]0{1,6})?)$/u, localizedCheck({ code: "pattern", ...RATIO_FORM }))
)
