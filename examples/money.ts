// Amounts in euros: exact to the cent, split without losing a cent, printed the French way.
import { Euros, allocate, prorate } from "caf-conventions"

const yearly = Euros.parse("30000")
console.log("Montant annuel :", yearly.format())

// An advance of 50 % and the balance.
const advance = yearly.times("0.5")
console.log("Avance (50 %) :", advance.format(), "— solde :", yearly.minus(advance).format())

// Three instalments of 35 %, 35 % and 30 %: the parts always sum to the whole.
const instalments = allocate(yearly, ["0.35", "0.35", "0.30"])
console.log("Trois versements :", instalments.map((part) => part.format()).join(" + "))

// A partial year: 184 days of the leap year 2024, rounded half-up to the cent.
const partial = prorate(yearly, 184, 366)
console.log("Prorata 184/366 :", partial.format(), "— en JSON :", JSON.stringify({ montant: partial }))

// One hundred euros in three: the leftover cent goes to the largest remainder.
console.log("100 € en trois :", allocate(Euros.parse("100"), [1, 1, 1]).map(String).join(", "))

// Bad input gets a typed error saying what was wrong, in English and in French.
const result = Euros.safeParse("30000,50")
if (!result.success) console.log(`Refusé (${result.error.problem}) :`, result.error.frenchMessage)
