// The decoding convention shared by every document: parse throws, safeParse returns, decode is an Effect.
import { readFileSync } from "node:fs"
import { Effect, Schema } from "effect"
import {
  NonNegativeEurosFromString,
  PeriodSchema,
  ValidationError,
  formatIssues,
  formatPath,
  issueMessage,
  makeCodec,
  safeParseConvention
} from "caf-conventions"

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

// Each issue has a stable code, the value found, what was expected, the nearest valid values, and
// a message in French (for the people who wrote the file) and in English (for developers).
for (const name of ["date", "sector", "key", "amount"]) {
  const json: unknown = JSON.parse(readFileSync(new URL(`data/broken/${name}.json`, import.meta.url), "utf8"))
  const checked = safeParseConvention(json)
  if (checked.success) continue
  console.log(formatIssues(checked.error, { title: `broken/${name}.json` }).join("\n"))
  const [first] = checked.error.issues
  if (first !== undefined) {
    console.log(
      `  code ${first.code}, found ${first.found ?? "nothing"}, suggestions ${JSON.stringify(first.suggestions ?? [])}`
    )
    console.log(`  en: ${issueMessage(first, "en")}`)
  }
}
