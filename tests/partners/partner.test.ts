import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { decodePartner, encodePartner, parsePartner, safeParsePartner } from "caf-conventions"
import { problems } from "../fixtures.js"

const viry = {
  id: "mjc-viry-chatillon",
  name: "MJC de Viry-Châtillon",
  legalForm: "association-loi-1901",
  territory: ["91"],
  roles: ["structure-accompagnee"],
  city: "Viry-Châtillon"
}

describe("partners", () => {
  it("decode and encode back to the same JSON", () => {
    const partner = parsePartner(viry)
    expect(partner.name).toBe("MJC de Viry-Châtillon")
    expect(encodePartner(partner)).toEqual(viry)
    expect(Effect.runSync(decodePartner(viry))).toEqual(partner)
  })

  it("accept checked identifiers and refuse a SIRET of another SIREN", () => {
    const identified = { ...viry, siren: "732829320", siret: "73282932000074", rna: "W913001234" }
    expect(parsePartner(identified).siret).toBe("73282932000074")
    expect(problems(safeParsePartner({ ...identified, siren: "356000000" }))).toEqual([
      "siret: the SIRET 73282932000074 does not belong to the SIREN 356000000"
    ])
    // A SIREN alone, or a SIRET alone, has nothing to agree with.
    expect(parsePartner({ ...viry, siren: "732829320" }).siren).toBe("732829320")
    expect(parsePartner({ ...viry, siret: "73282932000074" }).siret).toBe("73282932000074")
  })

  it("list every problem: bad codes, bad identifiers, empty roles, repeated départements", () => {
    const result = safeParsePartner({
      ...viry,
      legalForm: "sarl",
      siren: "732829321",
      rna: "913001234",
      roles: [],
      territory: ["91", "91", "20"]
    })
    expect(problems(result)).toEqual([
      'legalForm: Expected "association-loi-1901" | "organisme-securite-sociale" | "collectivite" | "scic" | "scop" | "fondation" | "mutuelle" | "entreprise-esus" | "autre"',
      'siren: "732829321" is not a valid SIREN: its Luhn key is wrong',
      'rna: "913001234" is not a valid RNA number (W and 9 characters)',
      'territory.2: "20" is not a valid département code (01–95, 2A, 2B, 971–976)',
      "roles: expected at least one item"
    ])
  })

  it("refuse a blank name and an id with spaces", () => {
    expect(problems(safeParsePartner({ ...viry, id: "mjc viry", name: "  " }))).toEqual([
      "id: an id is 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or a digit",
      "name: expected a non-blank text of at most 2000 characters"
    ])
  })
})
