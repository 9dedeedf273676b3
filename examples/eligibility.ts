// Eligibility, explained rule by rule: the seed's cases, a batch, a custom rule.
import { readFileSync } from "node:fs"
import {
  DEFAULT_ELIGIBILITY_RULES,
  checkEligibility,
  compileEligibility,
  defineRule,
  explain,
  parseCandidates,
  parsePortfolio,
  replaceRule,
  screenEligibility
} from "caf-conventions"

const portfolio = parsePortfolio(JSON.parse(readFileSync(new URL("data/portfolio.json", import.meta.url), "utf8")))
const cpo = portfolio.conventions.find((convention) => convention.id === "cpo-2023-2025")!
const candidates = parseCandidates(JSON.parse(readFileSync(new URL("data/candidates.json", import.meta.url), "utf8")))
const [viry, viryFpt] = candidates

// The seed's case: an MJC of Viry-Châtillon, developing, youth, individual support in 2024.
for (const line of explain(checkEligibility(cpo, viry!, { date: "2024-06-01" }))) console.log(line)
// The same action already funded by FPT.
for (const line of explain(checkEligibility(cpo, viryFpt!, { date: "2024-06-01" })).slice(0, 2)) console.log(line)
console.log(explain(checkEligibility(cpo, viryFpt!, { date: "2024-06-01" })).at(-1))

// A batch: one line per candidate, nothing dropped.
const screening = screenEligibility(cpo, candidates, { date: "2024-06-01" })
console.log(
  `\nLot de ${candidates.length} : ${screening.eligible} éligibles, ${screening.ineligible} non éligibles, ${screening.invalid} illisibles`
)
for (const line of screening.lines) {
  if (line.status !== "invalid")
    console.log(
      `- ${line.result.candidateId} : ${line.status}${line.result.failedRules.length > 0 ? ` (${line.result.failedRules.join(", ")})` : ""}`
    )
}

// The fast path gives the same verdicts.
const isEligible = compileEligibility(cpo, { date: "2024-06-01" })
console.log(`Chemin rapide : ${candidates.filter(isEligible).length} éligibles`)

// A custom rule replacing the territory rule: a Caf that also accepts structures of Seine-et-Marne.
const widerTerritory = defineRule({
  id: "territory",
  label: "Territoire élargi (exemple)",
  source: "Règlement d'intervention de la Caf (exemple)",
  evaluate: (candidate) => ({
    outcome: ["77", "91"].includes(candidate.departement) ? "pass" : "fail",
    read: { departement: candidate.departement },
    sentence: `La structure est dans le ${candidate.departement}.`
  })
})
const rules = replaceRule(DEFAULT_ELIGIBILITY_RULES, widerTerritory)
const melun = candidates.find((candidate) => candidate.departement === "77")!
console.log(
  `\n${melun.id} : règles par défaut ${checkEligibility(cpo, melun, { date: "2024-06-01" }).eligible}, règle locale ${checkEligibility(cpo, melun, { date: "2024-06-01", rules }).eligible}`
)
