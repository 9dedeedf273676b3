// Funding: the founding convention's 2024 schedule and the use of the money, from example payments and expenses.
import { readFileSync } from "node:fs"
import {
  EXPENSE_EXCLUSION_LABELS,
  evaluateFundingUse,
  explanationLines,
  parseConvention,
  parseExpenses,
  parsePayments,
  parsePortfolio,
  paymentSchedule
} from "caf-conventions"

const read = (name: string) => JSON.parse(readFileSync(new URL(`data/${name}`, import.meta.url), "utf8"))
const portfolio = parsePortfolio(read("portfolio.json"))
const cpo = portfolio.conventions.find((convention) => convention.id === "cpo-2023-2025")!
// Illustrative payments and expenses.
const payments = parsePayments(read("payments.json"))
const expenses = parseExpenses(read("expenses.json"))

for (const line of explanationLines(paymentSchedule(cpo, { year: 2024 }).explanation)) console.log(line)

const use = evaluateFundingUse(cpo, {
  year: 2024,
  payments,
  expenses,
  asOf: "2025-07-15",
  reportsAcceptedOn: "2025-05-20",
  financialReportReceivedOn: "2025-04-30"
})
console.log("")
for (const line of explanationLines(use.explanation)) console.log(line)
for (const expense of use.ineligibleExpenses)
  console.log(`- ${expense.id} (${expense.amount.format()}) : ${EXPENSE_EXCLUSION_LABELS[expense.reason]}`)
const s = use.settlement
console.log(
  `Reçu ${s.received.format()} = dépenses éligibles ${s.usedOnEligible.format()} + excédent conservé ${s.keptSurplus.format()} + report ${s.offsetNextYear.format()} + à reverser ${s.toRepay.format()}`
)

// An amendment raising the yearly amount to 36 000 € on 1 July 2024 (illustrative), paid 35 % + 35 % + 30 %.
const json = read("portfolio.json").conventions[2]
const amended = parseConvention({
  ...json,
  terms: { ...json.terms, payment: { advanceRate: "0.35", instalments: [{ share: "0.35", due: "07-31" }] } },
  amendments: [
    {
      number: 1,
      signatureDate: "2024-06-15",
      effectiveDate: "2024-07-01",
      reason: "Exemple de revalorisation",
      changes: [{ kind: "yearly-amount", yearlyAmount: "36000" }]
    }
  ]
})
console.log("")
for (const line of explanationLines(paymentSchedule(amended, { year: 2024 }).explanation)) console.log(line)
