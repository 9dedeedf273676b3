// The decoding convention shared by every document: parse throws, safeParse returns, decode is an Effect.
import { Effect, Schema } from "effect"
import { NonNegativeEurosFromString, PeriodSchema, ValidationError, formatPath, makeCodec } from "caf-conventions"

const grant = makeCodec(Schema.Struct({ amount: NonNegativeEurosFromString, period: PeriodSchema }), "grant")

const ok = grant.parse({ amount: "30000", period: { start: "2023-01-01", end: "2025-12-31" } })
console.log("parse:", JSON.stringify(grant.encode(ok)))

const input = { amount: "1.001", period: { start: "2025-01-01", end: "2024-12-31" }, amout: "3" }
const result = grant.safeParse(input)
if (!result.success) {
  for (const issue of result.error.issues) console.log(`safeParse: ${formatPath(issue.path)} — ${issue.message}`)
}

try {
  grant.parse(input)
} catch (error) {
  if (error instanceof ValidationError) console.log(`parse threw ${error._tag} with ${error.issues.length} issues`)
}

const failure = Effect.runSync(Effect.flip(grant.decode(input)))
console.log(`decode failed with ${failure._tag}: ${failure.subject}`)
