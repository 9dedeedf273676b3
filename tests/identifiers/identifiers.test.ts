import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  DEPARTEMENT_NAMES,
  ValidationError,
  departementText,
  isDepartement,
  isRna,
  isSiren,
  isSiret,
  luhnValid,
  parseDepartement,
  parseRna,
  parseSiren,
  parsePortfolio,
  parseSiret,
  sirenOf
} from "caf-conventions"
import { evsData } from "../fixtures.js"
import { runs } from "../runs.js"

/** Appends the digit that makes `body` pass the Luhn check. */
function withLuhnKey(body: string): string {
  for (let key = 0; key <= 9; key++) if (luhnValid(body + key)) return body + key
  throw new Error("unreachable: one key always fits")
}

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((ds) => ds.join(""))

/** Every string that differs from `value` in exactly one digit. */
function oneDigitChanges(value: string): Array<string> {
  const changes: Array<string> = []
  for (let i = 0; i < value.length; i++) {
    for (let digit = 0; digit <= 9; digit++) {
      if (String(digit) !== value[i]) changes.push(value.slice(0, i) + digit + value.slice(i + 1))
    }
  }
  return changes
}

describe("Luhn key", () => {
  it("accepts known keys and refuses others", () => {
    expect(luhnValid("732829320")).toBe(true)
    expect(luhnValid("732829321")).toBe(false)
    expect(luhnValid("73282932000074")).toBe(true)
    expect(luhnValid("")).toBe(false)
    expect(luhnValid("7328a9320")).toBe(false)
  })

  it("refuses a character before or after the digits, which the Luhn sum would otherwise count", () => {
    // ':' and 'x' read as 10 and 72 once 48 is taken off their code: ":18" and "18x" would sum to
    // 20 and 80, multiples of 10, without both anchors of the digit pattern.
    expect(luhnValid(":18")).toBe(false)
    expect(luhnValid("18x")).toBe(false)
    expect(luhnValid("18")).toBe(true)
  })
})

describe("SIREN", () => {
  it("accepts 9 digits with a valid key, refuses the rest", () => {
    expect(parseSiren("732829320")).toBe("732829320")
    expect(isSiren("732829321")).toBe(false)
    expect(isSiren("73282932")).toBe(false)
    expect(isSiren("732 829 320")).toBe(false)
    expect([isSiren("a732829320"), isSiren("7328293200"), isSiren("0732829320")]).toEqual([false, false, false])
    expect([
      isSiret(73282932000074),
      isSiret("a73282932000074"),
      isSiret("73282932000074a"),
      isSiret("356000000498370")
    ]).toEqual([false, false, false, false])
    expect(isSiren(732829320)).toBe(false)
    expect(() => parseSiren("732829321")).toThrow(ValidationError)
  })

  it("accepts every keyed SIREN and refuses every one-digit change of it (property)", () => {
    fc.assert(
      fc.property(digits(8), (body) => {
        const siren = withLuhnKey(body)
        expect(isSiren(siren)).toBe(true)
        for (const changed of oneDigitChanges(siren)) expect(isSiren(changed)).toBe(false)
      }),
      runs(1000)
    )
  })
})

describe("SIRET", () => {
  it("accepts 14 digits with a valid key and gives its SIREN", () => {
    const siret = parseSiret("73282932000074")
    expect(sirenOf(siret)).toBe("732829320")
    expect(isSiret("73282932000075")).toBe(false)
    expect(isSiret("7328293200007")).toBe(false)
  })

  it("accepts La Poste's establishments whose digits sum to a multiple of 5", () => {
    expect(luhnValid("35600000049837")).toBe(false)
    expect(isSiret("35600000049837")).toBe(true)
    expect(isSiret("35600000000048")).toBe(true) // the head office passes Luhn
    expect(isSiret("35600000049838")).toBe(false) // sum 46, and not Luhn
    // The exception is La Poste's alone: the same digit sum elsewhere is refused.
    expect(luhnValid("73282932000072")).toBe(false)
    expect(isSiret("73282932000072")).toBe(false) // digits sum to 45, but this is not La Poste
  })

  it("refuses 14 digits passing the Luhn check whose first nine are not a valid SIREN", () => {
    expect(luhnValid("12345678000006")).toBe(true)
    expect(isSiren("123456780")).toBe(false)
    expect(isSiret("12345678000006")).toBe(false)
    expect(() => parseSiret("12345678000006")).toThrow(ValidationError)
    // La Poste's exception applies to its own SIREN only, which is itself valid.
    expect(isSiren("356000000")).toBe(true)
  })

  it("says which part of a SIRET is wrong: its SIREN, or its key over the 14 digits", () => {
    // The second convention's portfolio (Les Tilleuls), its partner's SIRET replaced.
    const refused = (siret: string) => {
      const json = evsData("portfolio.json")
      json.partners[0].siret = siret
      try {
        parsePortfolio(json)
      } catch (error) {
        if (error instanceof ValidationError)
          return error.issues.map((issue) => [issue.path.join("."), issue.messages?.fr])
      }
      throw new Error("expected a ValidationError")
    }
    expect(luhnValid("45123456000006")).toBe(true)
    expect(refused("45123456000006")).toEqual([
      [
        "partners.0.siret",
        "« 45123456000006 » n'est pas un numéro SIRET valide : ses 9 premiers chiffres, 451234560, ne forment pas un numéro SIREN valide (leur clé de contrôle est fausse)"
      ]
    ])
    expect(refused("72123456500002")).toEqual([
      [
        "partners.0.siret",
        "« 72123456500002 » n'est pas un numéro SIRET valide : la clé de contrôle des 14 chiffres est fausse"
      ]
    ])
    expect(refused("7212345650000")).toEqual([
      ["partners.0.siret", "« 7212345650000 » n'est pas un numéro SIRET valide (14 chiffres dont une clé de contrôle)"]
    ])
    const siren = (() => {
      try {
        return parseSiren("732829321")
      } catch (error) {
        return error instanceof ValidationError ? error.issues[0]?.messages?.fr : undefined
      }
    })()
    expect(siren).toBe("« 732829321 » n'est pas un numéro SIREN valide : sa clé de contrôle est fausse")
  })

  it("accepts every keyed SIRET of a keyed SIREN and refuses every one-digit change of it outside La Poste (property)", () => {
    fc.assert(
      fc.property(digits(8), digits(4), (sirenBody, nic) => {
        const siren = withLuhnKey(sirenBody)
        fc.pre(siren !== "356000000")
        const siret = withLuhnKey(siren + nic)
        expect(isSiret(siret)).toBe(true)
        for (const changed of oneDigitChanges(siret)) {
          if (!changed.startsWith("356000000")) expect(isSiret(changed)).toBe(false)
        }
      }),
      runs(1000)
    )
  })
})

describe("RNA number", () => {
  it.each(["W913001234", "W751234567", "W2B1001234", "W9R1234567"])("accepts %s", (rna) => {
    expect(parseRna(rna)).toBe(rna)
  })
  it.each(["913001234", "W91300123", "W9130012345", "w913001234", "W91300123A", "WA13001234", "XW913001234"])(
    "refuses %s",
    (rna) => {
      expect(isRna(rna)).toBe(false)
    }
  )
  it('refuses what is not a string, even when its text would be a number (a pattern alone reads ["W913001234"] as its text)', () => {
    expect([isRna(["W913001234"]), isRna({ toString: () => "W913001234" }), isRna(null)]).toEqual([false, false, false])
  })
})

describe("département codes", () => {
  it("accepts 01–95 but 20, Corsica's 2A and 2B, and 971–976", () => {
    const valid = [
      ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, "0")).filter((code) => code !== "20"),
      "2A",
      "2B",
      "971",
      "972",
      "973",
      "974",
      "975",
      "976"
    ]
    expect(valid.every(isDepartement)).toBe(true)
    expect(valid).toHaveLength(102)
    expect(parseDepartement("91")).toBe("91")
  })
  it.each(["00", "20", "96", "99", "1", "091", "2C", "970", "977", "2a", ""])("refuses %j", (code) => {
    expect(isDepartement(code)).toBe(false)
  })
  it('refuses what is not a string: the number 91, a list holding "91" (a pattern alone reads both as "91")', () => {
    expect([isDepartement(91), isDepartement(["91"]), isDepartement(975)]).toEqual([false, false, false])
  })
})

describe("département names (Code officiel géographique, INSEE)", () => {
  it("name every code the library accepts, and no other", () => {
    const valid = [
      ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, "0")).filter((code) => code !== "20"),
      "2A",
      "2B",
      ...["971", "972", "973", "974", "975", "976"]
    ]
    expect(Object.keys(DEPARTEMENT_NAMES).sort()).toEqual([...valid].sort())
    expect(Object.keys(DEPARTEMENT_NAMES).every(isDepartement)).toBe(true)
  })

  it("are written as the COG's LIBELLE column writes them: hyphens, straight apostrophes, accents, articles", () => {
    expect(
      ["04", "13", "21", "22", "2A", "2B", "28", "63", "79", "90", "93", "95", "971", "973", "974", "975", "976"].map(
        (code) => departementText(code)
      )
    ).toEqual([
      "Alpes-de-Haute-Provence (04)",
      "Bouches-du-Rhône (13)",
      "Côte-d'Or (21)",
      "Côtes-d'Armor (22)",
      "Corse-du-Sud (2A)",
      "Haute-Corse (2B)",
      "Eure-et-Loir (28)",
      "Puy-de-Dôme (63)",
      "Deux-Sèvres (79)",
      "Territoire de Belfort (90)",
      "Seine-Saint-Denis (93)",
      "Val-d'Oise (95)",
      "Guadeloupe (971)",
      "Guyane (973)",
      "La Réunion (974)",
      "Saint-Pierre-et-Miquelon (975)",
      "Mayotte (976)"
    ])
  })
})

describe("luhnValid on what is not a string", () => {
  it("is false for a list, an object without a prototype, a number, never a TypeError", () => {
    expect([
      luhnValid(["18"] as never),
      luhnValid(Object.create(null) as never),
      luhnValid(18 as never),
      luhnValid(null as never)
    ]).toEqual([false, false, false, false])
  })
})
