// Decoding documents: parseConvention / safeParseConvention / decodeConvention / encodeConvention,
// and the same quartet for partners and portfolios.
import { readFileSync } from "node:fs"
import { Effect } from "effect"
import {
  decodeConvention,
  encodeConvention,
  parseConvention,
  parsePartner,
  parsePortfolio,
  safeParseConvention,
  formatPath
} from "caf-conventions"

const portfolioJson = JSON.parse(readFileSync(new URL("data/portfolio.json", import.meta.url), "utf8"))
const portfolio = parsePortfolio(portfolioJson)
console.log(`Portefeuille : ${portfolio.partners.length} partenaires, ${portfolio.conventions.length} conventions`)

const viry = parsePartner({
  id: "mjc-viry-chatillon",
  name: "MJC de Viry-Châtillon",
  legalForm: "association-loi-1901",
  territory: ["91"],
  roles: ["structure-accompagnee"]
})
console.log(`Partenaire : ${viry.name} (${viry.legalForm})`)

const cpoJson = portfolioJson.conventions[2]
const convention = parseConvention(cpoJson)
console.log(`Convention : ${convention.id}, avance par défaut ${convention.terms.payment.advanceRate}`)
console.log("Encodée :", JSON.stringify(encodeConvention(convention).terms.amounts))

// A document with several mistakes: every one is listed with its path.
const broken = {
  ...cpoJson,
  signatureDate: "2023-02-30",
  terms: { ...cpoJson.terms, sectors: ["jeunesse", "sport"], amounts: { kind: "constant", yearlyAmount: "30000.001" } },
  montant: "30000"
}
const result = safeParseConvention(broken)
if (!result.success)
  for (const issue of result.error.issues) console.log(`  ${formatPath(issue.path)} : ${issue.message}`)

// Effect users get the same error as a typed failure.
const failure = Effect.runSync(Effect.flip(decodeConvention(broken)))
console.log(`decodeConvention : ${failure._tag} avec ${failure.issues.length} problèmes`)
