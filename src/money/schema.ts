/**
 * Amounts inside documents: decoded from strings, encoded back to strings.
 *
 * @module
 */
import { Effect, Schema, SchemaIssue, SchemaTransformation } from "effect"
import { InvalidAmountError } from "../core/errors.js"
import { Euros } from "./euros.js"

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
export const EurosFromString: Schema.Codec<Euros, string> = Schema.String.annotate({
  description: "An amount in euros: a decimal string with at most two decimals and a dot, e.g. \"30000.00\"",
  pattern: "^-?(0|[1-9][0-9]*)(\\.[0-9]{1,2})?$"
}).pipe(
  Schema.decodeTo(
    Schema.declare(Euros.isEuros, { identifier: "Euros" }),
    SchemaTransformation.transformEffect({
      decode: (text: string) => {
        try {
          return Effect.succeed(Euros.parse(text))
        } catch (error) {
          const message = error instanceof InvalidAmountError ? error.message : String(error)
          return Effect.fail(new SchemaIssue.InvalidValue({ message }, text))
        }
      },
      encode: (amount: Euros) => Effect.succeed(amount.toString())
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
  Schema.makeFilter((amount: Euros) => !amount.isNegative() || `amount ${amount.toString()} must not be negative`)
)
