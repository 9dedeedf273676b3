// Amendments (avenants): termsAsOf, termsTimeline, yearAmounts, conventionStatus and an early termination.
import { readFileSync } from "node:fs"
import {
  conventionStatus,
  evaluateObjectives,
  formatFraction,
  parseActivities,
  parseCalendarDate,
  parseConvention,
  termsAsOf,
  termsTimeline,
  yearAmounts
} from "caf-conventions"

const base = JSON.parse(readFileSync(new URL("data/portfolio.json", import.meta.url), "utf8")).conventions[2]
// Illustrative amendment: the yearly amount raised to 36 000 € from 1 July 2024.
const amended = parseConvention({
  ...base,
  amendments: [
    {
      number: 1,
      signatureDate: "2024-06-15",
      effectiveDate: "2024-07-01",
      reason: "Exemple : renforcement de l'accompagnement collectif",
      changes: [{ kind: "yearly-amount", yearlyAmount: "36000" }]
    }
  ]
})

for (const date of ["2024-06-30", "2024-07-01"]) {
  const { terms, applied } = termsAsOf(amended, parseCalendarDate(date))
  const yearly = terms.amounts?.kind === "constant" ? terms.amounts.yearlyAmount.format() : "—"
  console.log(`Au ${date} : ${yearly} par an, avenants appliqués : ${applied.length}`)
}
for (const segment of termsTimeline(amended)) console.log(`Tranche ${segment.period.start} → ${segment.period.end}`)
for (const year of yearAmounts(amended)) {
  const detail = year.segments.map((s) => `${s.yearlyAmount.format()} × ${s.days}/${s.daysInYear}`).join(" + ")
  console.log(`${year.year} : ${year.amount.format()} = ${detail}`)
}

// An early termination cuts every computation at its date.
const terminated = parseConvention({
  ...base,
  termination: { date: "2024-09-30", reason: "Exemple de résiliation", requestedBy: "commun-accord" }
})
console.log(`Statut au 2024-10-01 : ${conventionStatus(terminated, parseCalendarDate("2024-10-01"))}`)
for (const year of yearAmounts(terminated))
  console.log(`${year.year} : ${year.amount.format()}${year.prorated ? " (prorata)" : ""}`)

// An amendment that adds an objective (examples/data/reaap-amendment.json, illustrative): a CPO
// 2025–2027 whose amendment n° 1, signed 2025-09-15, adds "au moins 3 réunions du Reaap par an"
// from 2025-10-01. In 2025 the objective is judged from 1 October, its target prorated by 92 days.
const reaap = JSON.parse(readFileSync(new URL("data/reaap-amendment.json", import.meta.url), "utf8"))
const cpo2025 = parseConvention(reaap.conventions[0])
const meetings = parseActivities(
  JSON.parse(readFileSync(new URL("data/reaap-amendment-activities.json", import.meta.url), "utf8"))
)
for (const span of termsAsOf(cpo2025, parseCalendarDate("2025-10-01")).objectives)
  console.log(
    `${span.objectiveId} : ${span.added === undefined ? "texte signé" : `avenant n° ${span.added.amendment} à partir du ${span.added.from}`}`
  )
for (const year of [2025, 2026])
  for (const result of evaluateObjectives(cpo2025, meetings, { year }).results)
    console.log(
      `${year} ${result.objectiveId} : ${formatFraction(result.value)} pour ${result.target.atLeast} (cible de l'année ${result.yearTarget.atLeast}${result.proration === undefined ? "" : `, prorata ${result.proration.numerator}/${result.proration.denominator}`}) → ${result.status}`
    )
