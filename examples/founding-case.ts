// The founding case's terms: decode the founding portfolio, then print in French the terms of the
// 2023–2025 convention in force on a date, its lineage, and the compliance findings.
// Usage: npx tsx examples/founding-case.ts [yyyy-MM-dd] (default 2024-06-01)
import { readFileSync } from "node:fs"
import {
  ACCOMPANIMENT_KIND_LABELS,
  CONVENTION_KIND_LABELS,
  FUNDING_SCHEME_LABELS,
  SECTOR_LABELS,
  checkCompliance,
  conventionStatus,
  lineage,
  parseCalendarDate,
  safeParsePortfolio,
  termsAsOf,
  toScdlCsv,
  yearAmounts
} from "caf-conventions"

const STATUS = {
  draft: "projet",
  signed: "signée",
  "in-force": "en vigueur",
  ended: "échue",
  terminated: "résiliée",
  withdrawn: "subvention retirée"
} as const
const SEVERITY = { error: "ERREUR", warning: "À VÉRIFIER", info: "information" } as const
const frenchDate = (date: string) => date.split("-").reverse().join("/")

const date = parseCalendarDate(process.argv[2] ?? "2024-06-01")
const decoded = safeParsePortfolio(JSON.parse(readFileSync(new URL("data/portfolio.json", import.meta.url), "utf8")))
if (!decoded.success) {
  console.error(decoded.error.message)
  process.exit(1)
}
const portfolio = decoded.data
const partnerName = (id: string) => portfolio.partners.find((partner) => partner.id === id)?.name ?? id
const convention = portfolio.conventions.find((candidate) => candidate.id === "cpo-2023-2025")
if (convention === undefined) throw new Error("the founding portfolio has no cpo-2023-2025")

const { terms, applied } = termsAsOf(convention, date)
console.log(`# ${convention.title}`)
console.log(`${partnerName(convention.funderId)} × ${partnerName(convention.partnerId)}`)
console.log(`\n## Termes en vigueur au ${frenchDate(date)} (${STATUS[conventionStatus(convention, date)]})`)
console.log(`- Période : du ${frenchDate(terms.period.start)} au ${frenchDate(terms.period.end)}`)
console.log(`- Territoire : ${terms.territory.join(", ")}`)
console.log(`- Secteurs : ${terms.sectors.map((sector) => SECTOR_LABELS[sector]).join(", ")}`)
console.log(`- Accompagnements : ${terms.accompanimentKinds.map((kind) => ACCOMPANIMENT_KIND_LABELS[kind]).join(", ")}`)
console.log(
  `- Financement : ${FUNDING_SCHEME_LABELS[terms.fundingScheme]}, hors ${terms.excludedSchemes.map((scheme) => FUNDING_SCHEME_LABELS[scheme]).join(", ")}`
)
for (const year of yearAmounts(convention)) console.log(`- Montant ${year.year} : ${year.amount.format()}`)
console.log(
  `- Versement : avance de ${Number(terms.payment.advanceRate) * 100} % au ${terms.payment.advanceDue.split("-").reverse().join("/")}, solde après acceptation des bilans, paiement sous ${terms.payment.paymentDeadlineDays} jours`
)
console.log(
  `- Avenants appliqués : ${applied.length === 0 ? "aucun" : applied.map((amendment) => `n° ${amendment.number}`).join(", ")}`
)
console.log("- Objectifs :")
for (const objective of terms.objectives) {
  const target = objective.target.atLeast === undefined ? "" : ` (au moins ${objective.target.atLeast} par an)`
  console.log(`  - ${objective.title}${target}`)
}

console.log("\n## Filiation")
for (const step of lineage(portfolio.conventions, convention.id)) {
  console.log(
    `- ${step.terms.period.start.slice(0, 4)}–${step.terms.period.end.slice(0, 4)} : ${CONVENTION_KIND_LABELS[step.kind]} — ${step.title}`
  )
}

console.log("\n## Conformité")
const partner = portfolio.partners.find((candidate) => candidate.id === convention.partnerId)
for (const finding of checkCompliance(convention, partner === undefined ? {} : { partner }))
  console.log(`- [${SEVERITY[finding.severity]}] ${finding.message} (${finding.source})`)

// Open data: the row the Caf publishes (SCDL subventions 2.1.1; the partner is known by its RNA number).
const exported = toScdlCsv([convention], { partners: portfolio.partners })
console.log(`\n## Données ouvertes (SCDL subventions ${exported.version})`)
for (const row of exported.rows)
  for (const column of exported.columns) console.log(`- ${column} : ${row[column] === "" ? "(vide)" : row[column]}`)
for (const problem of exported.problems) console.log(`- écartée (${problem.column}) : ${problem.message}`)
