// Amendments (avenants): termsAsOf, termsTimeline, yearAmounts, conventionStatus and an early termination.
import { readFileSync } from "node:fs"
import {
  conventionStatus,
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
