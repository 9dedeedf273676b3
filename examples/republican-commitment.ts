// The contrat d'engagement républicain: the founding partner's subscription, what compliance says
// of it, and a subsidy withdrawn for a breach (an invented case: 30 000 € a year, 2024–2026, the
// breach on 15 June 2025, the 2025 advance of 15 000 € already paid).
import { readFileSync } from "node:fs"
import {
  checkCompliance,
  fundingLedger,
  parseConvention,
  parseExpenses,
  parsePayments,
  parsePortfolio
} from "caf-conventions"

const portfolio = parsePortfolio(JSON.parse(readFileSync(new URL("data/portfolio.json", import.meta.url), "utf8")))
const cpo = portfolio.conventions.find((convention) => convention.id === "cpo-2023-2025")!
const fase = portfolio.partners.find((partner) => partner.id === "fase")!
for (const finding of checkCompliance(cpo, { partner: fase }).filter((f) => f.rule === "republican-commitment"))
  console.log(`${finding.severity} : ${finding.message}`)
const { republicanCommitment: _none, ...unsubscribed } = fase
for (const finding of checkCompliance(cpo, { partner: unsubscribed }).filter((f) => f.rule === "republican-commitment"))
  console.log(`${finding.severity} : ${finding.message}`)

const withdrawn = parseConvention({
  id: "cpo-retrait",
  title: "CPO 2024-2026",
  kind: "convention-pluriannuelle-objectifs",
  funderId: "caf-91",
  partnerId: "asso",
  signatureDate: "2023-12-01",
  terms: {
    period: { start: "2024-01-01", end: "2026-12-31" },
    territory: ["91"],
    sectors: ["jeunesse"],
    accompanimentKinds: ["individuel"],
    amounts: { kind: "constant", yearlyAmount: "30000" },
    clauses: [
      "objet",
      "montant",
      "modalites-versement",
      "conditions-utilisation",
      "controle-evaluation",
      "conservation-excedent"
    ]
  },
  withdrawal: { decidedOn: "2025-06-15", effectiveFrom: "2025-06-15", reason: "Manquement à l'engagement n° 5" }
})
const ledger = fundingLedger(withdrawn, {
  payments: parsePayments([
    { id: "v-2024-a", date: "2024-03-28", amount: "15000", year: 2024, instalment: "advance" },
    { id: "v-2024-s", date: "2025-05-30", amount: "15000", year: 2024, instalment: "balance" },
    { id: "v-2025-a", date: "2025-03-28", amount: "15000", year: 2025, instalment: "advance" }
  ]),
  expenses: parseExpenses([
    { id: "d-2024", date: "2024-06-30", amount: "30000", category: "personnel", document: "F-2024" },
    { id: "d-2025", date: "2025-05-31", amount: "14000", category: "personnel", document: "F-2025" }
  ]),
  asOf: "2025-07-01",
  reportsAcceptedOn: { "2024": "2025-05-20" }
})
for (const year of ledger.years)
  console.log(
    `${year.year} : ${year.schedule.amount.format()} accordés, ${year.settlement.toRepay.format()} à reverser${year.repayment.withdrawal === undefined ? "" : ` au plus tard le ${year.repayment.withdrawal.dueDate}`}`
  )
console.log(ledger.explanation.sentence)
