// Identifiers of legal entities: SIREN and SIRET (with their Luhn key), RNA, département codes.
import { isDepartement, isRna, isSiren, isSiret, parseSiret, sirenOf } from "caf-conventions"

// These numbers are illustrations of the formats, not the identifiers of real partners.
console.log("SIREN 732829320 valide :", isSiren("732829320"))
console.log("SIREN 732829321 valide :", isSiren("732829321"))
console.log("SIRET 73282932000074 → SIREN", sirenOf(parseSiret("73282932000074")))
console.log("SIRET de La Poste 35600000049837 valide :", isSiret("35600000049837"))
console.log("RNA W913001234 valide :", isRna("W913001234"))
console.log("Départements 91, 77, 2A, 20 :", ["91", "77", "2A", "20"].map(isDepartement).join(", "))
