// Calendar dates and periods: computed in UTC, so the results are the same in every time zone.
import {
  addDays,
  makePeriod,
  parseCalendarDate,
  parsePeriod,
  periodDays,
  periodYears,
  safeParseCalendarDate,
  yearFraction
} from "caf-conventions"

const convention = parsePeriod({ start: "2023-01-01", end: "2025-12-31" })
console.log(
  `Période ${convention.start} → ${convention.end} : ${periodDays(convention)} jours, années ${periodYears(convention).join(", ")}`
)

// A partial year is measured in days over the days of that year.
const secondHalf = makePeriod(parseCalendarDate("2024-07-01"), parseCalendarDate("2024-12-31"))
const { numerator, denominator } = yearFraction(secondHalf, 2024)
console.log(`2024-07-01 → 2024-12-31 couvre ${numerator}/${denominator} de l'année 2024`)

// A payment deadline 60 days after a notification (loi n° 2021-875).
console.log("Notification le 2024-03-01, paiement au plus tard le", addDays(parseCalendarDate("2024-03-01"), 60))

// Impossible dates are refused with the reason.
const bad = safeParseCalendarDate("2023-02-30")
if (!bad.success) console.log("Refusé :", bad.error.issues[0]?.message)
