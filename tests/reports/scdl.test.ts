import { describe, expect, it } from "vitest"
import {
  type Partner,
  parsePortfolio,
  SCDL_COLUMNS,
  SCDL_PATTERNS,
  type ScdlExport,
  scdlColumns,
  toScdlCsv
} from "caf-conventions"
import { foundingPortfolioJson } from "../fixtures.js"

/*
 * A validator written from the published definition of the SCDL *subventions* schema
 * (OpenDataFrance, schema.data.gouv.fr): version 2.1.1 and, for the 2.0 output, version 2.0.2.
 * It does not use the library's patterns: each field is described as the schema describes it
 * (type, required, pattern, allowed values, maximum length, range), with the schema's custom
 * checks: french-siret-value on both SIRET columns, and, from 2.1.0 on, one-of-required on
 * idBeneficiaire / rnaBeneficiaire. Missing values are the empty string (missingValues [""]).
 */
type FieldType = "string" | "date" | "number" | "boolean"
interface Field {
  readonly name: string
  readonly type: FieldType
  readonly required: boolean
  readonly pattern?: RegExp
  readonly enum?: ReadonlyArray<string>
  readonly maxLength?: number
  readonly minimum?: number
  readonly maximum?: number
  readonly siret?: true
}

const NATURE = [
  "aide en numéraire",
  "aide en nature",
  "aide en numéraire;aide en nature",
  "aide en nature;aide en numéraire"
]

const SCHEMA_2_1_1: ReadonlyArray<Field> = [
  { name: "nomAttribuant", type: "string", required: true },
  { name: "idAttribuant", type: "string", required: true, pattern: /^\d{14}$/, siret: true },
  { name: "dateConvention", type: "date", required: true },
  { name: "referenceDecision", type: "string", required: false },
  { name: "nomBeneficiaire", type: "string", required: true },
  { name: "idBeneficiaire", type: "string", required: false, pattern: /^\d{14}$/, siret: true },
  { name: "rnaBeneficiaire", type: "string", required: false, pattern: /^W\d{9}$/ },
  { name: "objet", type: "string", required: true, maxLength: 256 },
  { name: "montant", type: "number", required: true },
  { name: "nature", type: "string", required: true, enum: NATURE },
  { name: "conditionsVersement", type: "string", required: true, maxLength: 256 },
  {
    name: "datesPeriodeVersement",
    type: "string",
    required: true,
    pattern: /^[0-9]{4}-[0-9]{2}-[0-9]{2}(\/[0-9]{4}-[0-9]{2}-[0-9]{2})?$/
  },
  { name: "idRAE", type: "string", required: false, maxLength: 5 },
  { name: "notificationUE", type: "boolean", required: true },
  { name: "pourcentageSubvention", type: "number", required: true, minimum: 0.01, maximum: 1 },
  { name: "dispositifAide", type: "string", required: false }
]

const SCHEMA_2_0: ReadonlyArray<Field> = SCHEMA_2_1_1.filter(
  (field) => field.name !== "rnaBeneficiaire" && field.name !== "dispositifAide"
).map((field) => (field.name === "idBeneficiaire" ? { ...field, required: true } : field))

/** INSEE's key: Luhn over the 14 digits, or, for La Poste (SIREN 356000000), a digit sum divisible by 5. */
function siretKeyValid(value: string): boolean {
  const digits = [...value].map(Number)
  const luhn = (list: ReadonlyArray<number>) =>
    list.reduceRight((sum, digit, index) => {
      const doubled = (list.length - 1 - index) % 2 === 1 ? digit * 2 : digit
      return sum + (doubled > 9 ? doubled - 9 : doubled)
    }, 0) %
      10 ===
    0
  if (!luhn(digits.slice(0, 9))) return false
  return luhn(digits) || (value.startsWith("356000000") && digits.reduce((a, b) => a + b, 0) % 5 === 0)
}

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (match === null) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Every rule a record breaks, as `field: rule`. */
function schemaErrors(
  record: Readonly<Record<string, string>>,
  fields: ReadonlyArray<Field>,
  oneOf: boolean
): Array<string> {
  const errors: Array<string> = []
  for (const field of fields) {
    const value = record[field.name]
    if (value === undefined) {
      errors.push(`${field.name}: missing column`)
      continue
    }
    if (value === "") {
      if (field.required) errors.push(`${field.name}: required`)
      continue
    }
    if (field.type === "date" && !isRealDate(value)) errors.push(`${field.name}: type date`)
    if (field.type === "number" && !/^[0-9]+(\.[0-9]+)?$/.test(value)) errors.push(`${field.name}: type number`)
    if (field.type === "boolean" && value !== "oui" && value !== "non") errors.push(`${field.name}: type boolean`)
    if (field.pattern !== undefined && !field.pattern.test(value)) errors.push(`${field.name}: pattern`)
    if (field.enum !== undefined && !field.enum.includes(value)) errors.push(`${field.name}: enum`)
    if (field.maxLength !== undefined && [...value].length > field.maxLength) errors.push(`${field.name}: maxLength`)
    if (field.minimum !== undefined && Number(value) < field.minimum) errors.push(`${field.name}: minimum`)
    if (field.maximum !== undefined && Number(value) > field.maximum) errors.push(`${field.name}: maximum`)
    if (field.siret === true && /^\d{14}$/.test(value) && !siretKeyValid(value))
      errors.push(`${field.name}: french-siret-value`)
  }
  if (oneOf && (record["idBeneficiaire"] ?? "") === "" && (record["rnaBeneficiaire"] ?? "") === "")
    errors.push("idBeneficiaire|rnaBeneficiaire: one-of-required")
  return errors
}

/** RFC 4180: the CSV text read back, header and records. */
function readCsv(text: string): {
  readonly header: ReadonlyArray<string>
  readonly records: ReadonlyArray<Record<string, string>>
} {
  const lines: Array<Array<string>> = []
  let line: Array<string> = []
  let cell = ""
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"'
        index++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ",") {
      line.push(cell)
      cell = ""
    } else if (char === "\r" && text[index + 1] === "\n") {
      line.push(cell)
      lines.push(line)
      line = []
      cell = ""
      index++
    } else cell += char
  }
  expect([cell, line]).toEqual(["", []]) // the text ends with CRLF
  const [header = [], ...rest] = lines
  return {
    header,
    records: rest.map((values) => Object.fromEntries(header.map((name, index) => [name, values[index] ?? ""])))
  }
}

/** The CSV read back and every record checked against the version's published rules. */
function published(exported: ScdlExport): ReadonlyArray<Record<string, string>> {
  const fields = exported.version === "2.0" ? SCHEMA_2_0 : SCHEMA_2_1_1
  const { header, records } = readCsv(exported.csv)
  expect(header).toEqual(fields.map((field) => field.name))
  for (const record of records)
    expect(schemaErrors(record, fields, exported.version === "2.1.1"), JSON.stringify(record)).toEqual([])
  expect(records).toHaveLength(exported.rows.length)
  return records
}

const CAF = "Caisse d'allocations familiales de l'Essonne"
const FASE = "France Active Seine-et-Marne Essonne"
const TITLE =
  "Convention pluriannuelle d'objectifs 2023-2025 : accompagnement des associations des champs de la politique familiale"

/** The founding portfolio's CPO and partners, with the partner's identifiers changed. */
function withBeneficiary(identifiers: { readonly siret?: string; readonly rna?: string }) {
  const json = foundingPortfolioJson()
  delete json.partners[1]!["rna"]
  Object.assign(json.partners[1]!, identifiers)
  const portfolio = parsePortfolio(json)
  return { conventions: [portfolio.conventions[2]!], partners: portfolio.partners }
}

describe("the validator written from the published schema", () => {
  it("accepts the schema's own example row, and finds each broken rule", () => {
    const example = {
      nomAttribuant: "Région Bretagne",
      idAttribuant: "23350001600040",
      dateConvention: "2017-06-27",
      referenceDecision: "2017-03-103",
      nomBeneficiaire: "Association Les Petits Débrouillards Bretagne",
      idBeneficiaire: "38047555800058",
      rnaBeneficiaire: "W380475558",
      objet: "Animations climat-énergie dans les lycées de la région",
      montant: "47800.20",
      nature: "aide en numéraire;aide en nature",
      conditionsVersement: "échelonné",
      datesPeriodeVersement: "2017-03-14/2018-03-14",
      idRAE: "12345",
      notificationUE: "non",
      pourcentageSubvention: "0.45",
      dispositifAide: "65d5b6c7-102c-4440-ac3b-768f708edc0a"
    }
    expect(schemaErrors(example, SCHEMA_2_1_1, true)).toEqual([])
    const broken = {
      ...example,
      idAttribuant: "23350001600041",
      dateConvention: "2017-02-30",
      idBeneficiaire: "",
      rnaBeneficiaire: "",
      objet: "x".repeat(257),
      montant: "47 800,20",
      nature: "aide en nature; aide en numéraire",
      idRAE: "123456",
      notificationUE: "false",
      pourcentageSubvention: "1.01"
    }
    expect(schemaErrors(broken, SCHEMA_2_1_1, true)).toEqual([
      "idAttribuant: french-siret-value",
      "dateConvention: type date",
      "objet: maxLength",
      "montant: type number",
      "nature: enum",
      "idRAE: maxLength",
      "notificationUE: type boolean",
      "pourcentageSubvention: maximum",
      "idBeneficiaire|rnaBeneficiaire: one-of-required"
    ])
    expect(schemaErrors({ ...example, pourcentageSubvention: "0.005" }, SCHEMA_2_1_1, true)).toEqual([
      "pourcentageSubvention: minimum"
    ])
    expect(schemaErrors({ ...example, rnaBeneficiaire: "W38047555" }, SCHEMA_2_1_1, true)).toEqual([
      "rnaBeneficiaire: pattern"
    ])
    // La Poste's SIRETs fail Luhn but pass the sum rule; 2.0 requires the SIRET.
    expect(schemaErrors({ ...example, idBeneficiaire: "35600000049837" }, SCHEMA_2_1_1, true)).toEqual([])
    expect(schemaErrors({ ...example, idBeneficiaire: "" }, SCHEMA_2_0, false)).toEqual(["idBeneficiaire: required"])
  })

  it("agrees with the library's patterns value by value", () => {
    const samples: Record<string, ReadonlyArray<string>> = {
      nature: [
        ...NATURE,
        "aide en nature; aide en numéraire",
        "Aide en numéraire",
        "aide en numéraire;aide en numéraire"
      ],
      pourcentageSubvention: [
        "1.00",
        "1",
        "0.45",
        "0.01",
        "0.015",
        "0.1",
        "0.005",
        "0.00",
        "0",
        "1.01",
        "1.5",
        "45",
        ".5",
        "0,45"
      ],
      rnaBeneficiaire: ["W919999999", "W380475558", "W2A1001234", "w919999999", "W91999999", "W9199999990"],
      datesPeriodeVersement: [
        "2023-03-31",
        "2023-03-31/2026-06-30",
        "2023-03-31/",
        "31/03/2023",
        "2023-03-31 / 2026-06-30"
      ],
      idRAE: ["1", "12345", "123456"],
      notificationUE: ["oui", "non", "Oui", "true"],
      objet: ["x".repeat(256), "x".repeat(257), "é".repeat(256)]
    }
    for (const [column, values] of Object.entries(samples)) {
      const field = SCHEMA_2_1_1.find((candidate) => candidate.name === column)!
      for (const value of values) {
        const schema =
          schemaErrors(
            { ...Object.fromEntries(SCHEMA_2_1_1.map((f) => [f.name, ""])), [column]: value },
            [field],
            false
          ).length === 0
        expect(
          SCDL_PATTERNS[column as keyof typeof SCDL_PATTERNS].test(value),
          `${column} ${JSON.stringify(value)}`
        ).toBe(schema)
      }
    }
  })
})

describe("open data: the SCDL subventions table, version 2.1.1", () => {
  it("exports the founding convention, whose partner is known by its RNA number alone", () => {
    const portfolio = parsePortfolio(foundingPortfolioJson())
    const exported = toScdlCsv(portfolio.conventions, { partners: portfolio.partners })
    expect([exported.version, exported.columns]).toEqual(["2.1.1", SCDL_COLUMNS])
    const [record] = published(exported)
    expect(record).toEqual({
      nomAttribuant: CAF,
      idAttribuant: "99999999800019",
      dateConvention: "2023-01-01",
      referenceDecision: "CAS-2022-12-13-07",
      nomBeneficiaire: FASE,
      idBeneficiaire: "",
      rnaBeneficiaire: "W919999999",
      objet: TITLE,
      montant: "90000.00",
      nature: "aide en numéraire",
      conditionsVersement: "échelonné",
      datesPeriodeVersement: "2023-03-31/2026-06-30",
      idRAE: "",
      notificationUE: "non",
      pourcentageSubvention: "1.00",
      dispositifAide: "caf-91-accompagnement-associations"
    })
    expect(exported.csv.split("\r\n")[1]).toBe(
      `${CAF},99999999800019,2023-01-01,CAS-2022-12-13-07,${FASE},,W919999999,${TITLE},90000.00,aide en numéraire,échelonné,2023-03-31/2026-06-30,,non,1.00,caf-91-accompagnement-associations`
    )
    // The two earlier conventions record no amount: reported, not exported.
    expect(exported.problems.map((p) => [p.conventionId, p.column, p.rule, p.message])).toEqual([
      ["appui-technique-2018", "montant", "required", "montant de la subvention non renseigné"],
      ["accord-cadre-2020-2022", "montant", "required", "montant de la subvention non renseigné"]
    ])
  })

  it("writes the SIRET, the RNA number or both, and refuses a beneficiary with neither", () => {
    const row = (identifiers: { readonly siret?: string; readonly rna?: string }) => {
      const { conventions, partners } = withBeneficiary(identifiers)
      const exported = toScdlCsv(conventions, { partners })
      const records = published(exported)
      return {
        ids: records.map((record) => [record["idBeneficiaire"], record["rnaBeneficiaire"]]),
        problems: exported.problems.map((p) => [p.column, p.rule, p.message])
      }
    }
    expect(row({ siret: "35600000049837" })).toEqual({ ids: [["35600000049837", ""]], problems: [] })
    expect(row({ rna: "W919999999" })).toEqual({ ids: [["", "W919999999"]], problems: [] })
    expect(row({ siret: "73282932000074", rna: "W919999999" })).toEqual({
      ids: [["73282932000074", "W919999999"]],
      problems: []
    })
    expect(row({})).toEqual({
      ids: [],
      problems: [
        [
          "idBeneficiaire",
          "one-of-required",
          "bénéficiaire sans SIRET ni numéro RNA : le schéma demande l'un des deux (idBeneficiaire ou rnaBeneficiaire)"
        ]
      ]
    })
    // An RNA number the schema's pattern refuses (a Corsican greffe code) is left out when the SIRET identifies the partner, refused when it is all there is.
    expect(row({ siret: "73282932000074", rna: "W2A1001234" })).toEqual({ ids: [["73282932000074", ""]], problems: [] })
    expect(row({ rna: "W2A1001234" })).toEqual({
      ids: [],
      problems: [
        ["rnaBeneficiaire", "format", "numéro RNA du bénéficiaire hors du motif du schéma (W suivi de 9 chiffres)"]
      ]
    })
  })

  it("checks both SIRETs with their key (Luhn, or La Poste's rule)", () => {
    const { conventions, partners } = withBeneficiary({ siret: "73282932000074" })
    const changed = (funder: string, beneficiary: string): ReadonlyArray<Partner> =>
      partners.map((partner) => ({ ...partner, siret: (partner.id === "caf-91" ? funder : beneficiary) as never }))
    const problems = (funder: string, beneficiary: string) =>
      toScdlCsv(conventions, { partners: changed(funder, beneficiary) }).problems.map((p) => [
        p.column,
        p.rule,
        p.message
      ])
    expect(problems("73282932000075", "35600000049838")).toEqual([
      [
        "idAttribuant",
        "siret-key",
        "SIRET du financeur 73282932000075 invalide : la clé de contrôle des 14 chiffres est fausse"
      ],
      [
        "idBeneficiaire",
        "siret-key",
        "SIRET du bénéficiaire 35600000049838 invalide : la clé de contrôle des 14 chiffres est fausse"
      ]
    ])
    // The 14 digits pass the Luhn check, but 451234560 is not a SIREN: the message says so.
    expect(problems("73282932000074", "45123456000006")).toEqual([
      [
        "idBeneficiaire",
        "siret-key",
        "SIRET du bénéficiaire 45123456000006 invalide : ses 9 premiers chiffres, 451234560, ne forment pas un numéro SIREN valide (leur clé de contrôle est fausse)"
      ]
    ])
    expect(problems("1234", "7328293200007A")).toEqual([
      ["idAttribuant", "format", "SIRET du financeur invalide (14 chiffres attendus)"],
      ["idBeneficiaire", "format", "SIRET du bénéficiaire invalide (14 chiffres attendus)"]
    ])
    const laPoste = toScdlCsv(conventions, { partners: changed("35600000049837", "99999999800019") })
    expect(published(laPoste).map((record) => [record["idAttribuant"], record["idBeneficiaire"]])).toEqual([
      ["35600000049837", "99999999800019"]
    ])
  })

  it("names the column at fault: a partner missing, a title too long", () => {
    const json = foundingPortfolioJson()
    const cpoJson = json.conventions[2]!
    cpoJson.title = "x".repeat(257)
    const convention = parsePortfolio(json).conventions[2]!
    const exported = toScdlCsv([convention], { partners: [] })
    expect(exported.rows).toEqual([])
    expect(exported.unsigned).toEqual([])
    expect(exported.problems.map((p) => [p.column, p.rule, p.message])).toEqual([
      ["nomAttribuant", "unknown-partner", "financeur caf-91 introuvable parmi les partenaires"],
      ["nomBeneficiaire", "unknown-partner", "bénéficiaire fase introuvable parmi les partenaires"],
      ["idAttribuant", "required", "SIRET du financeur non renseigné"],
      ["objet", "format", "objet de plus de 256 caractères (une fois publié)"],
      [
        "idBeneficiaire",
        "one-of-required",
        "bénéficiaire sans SIRET ni numéro RNA : le schéma demande l'un des deux (idBeneficiaire ou rnaBeneficiaire)"
      ]
    ])
  })

  it("publishes nothing for a draft, which awards nothing yet, and does not call it a problem", () => {
    const json = foundingPortfolioJson()
    const draftJson = json.conventions[2]!
    delete draftJson.signatureDate
    delete draftJson.notificationDate
    const portfolio = parsePortfolio(json)
    const exported = toScdlCsv([portfolio.conventions[2]!], { partners: portfolio.partners })
    expect(exported.unsigned).toEqual(["cpo-2023-2025"])
    expect(exported.problems).toEqual([])
    expect(exported.rows).toEqual([])
    expect(exported.csv).toBe(`${exported.columns.join(",")}\r\n`)
  })

  it("says a grant paid at once is paid at once, on one date (a balance of 0 € is no payment)", () => {
    const json = foundingPortfolioJson()
    const once = json.conventions[2]!
    once.terms.period = { start: "2024-01-01", end: "2024-12-31" }
    once.terms.payment = { advanceRate: "1", advanceDue: "03-31" }
    const portfolio = parsePortfolio(json)
    const [record] = published(toScdlCsv([portfolio.conventions[2]!], { partners: portfolio.partners }))
    expect([
      record?.["conditionsVersement"],
      record?.["datesPeriodeVersement"],
      record?.["montant"],
      record?.["pourcentageSubvention"]
    ]).toEqual(["unique", "2024-03-31", "30000.00", "1.00"])
  })

  it("leaves the decision reference and the aid scheme empty when the convention names none", () => {
    const json = foundingPortfolioJson()
    delete json.conventions[2]!["decisionReference"]
    delete json.conventions[2]!["aidScheme"]
    const portfolio = parsePortfolio(json)
    const [record] = published(toScdlCsv(portfolio.conventions, { partners: portfolio.partners }))
    expect([record?.["referenceDecision"], record?.["dispositifAide"], record?.["montant"]]).toEqual([
      "",
      "",
      "90000.00"
    ])
  })

  it("neutralises a free text that starts like a formula, and checks the published cell against the schema", () => {
    const json = foundingPortfolioJson()
    json.conventions[2]!["decisionReference"] = "=1+1"
    json.conventions[2]!["aidScheme"] = "@SUM(A1:A2)"
    json.conventions[2]!.title = `=${"x".repeat(254)}`
    const fits = parsePortfolio(json)
    const exported = toScdlCsv(fits.conventions.slice(2), { partners: fits.partners })
    const [record] = published(exported)
    expect([record?.["referenceDecision"], record?.["dispositifAide"], [...(record?.["objet"] ?? "")].length]).toEqual([
      "'=1+1",
      "'@SUM(A1:A2)",
      256
    ])
    expect(exported.csv.split("\r\n")[1]).toBe(
      `${CAF},99999999800019,2023-01-01,"'=1+1",${FASE},,W919999999,"'=${"x".repeat(254)}",90000.00,aide en numéraire,échelonné,2023-03-31/2026-06-30,,non,1.00,"'@SUM(A1:A2)"`
    )
    expect(exported.rows[0]?.referenceDecision).toBe("=1+1") // the row keeps the text as it is
    // A title of 256 characters fits the schema, but its quote would make 257: refused rather than published out of the schema.
    json.conventions[2]!.title = `=${"x".repeat(255)}`
    const tooLong = parsePortfolio(json)
    expect(
      toScdlCsv(tooLong.conventions.slice(2), { partners: tooLong.partners }).problems.map((p) => [p.column, p.message])
    ).toEqual([["objet", "objet de plus de 256 caractères (une fois publié)"]])
  })

  it("writes each formula start after a single quote, quoted, and leaves amounts and dates as they are", () => {
    const json = foundingPortfolioJson()
    json.partners[1]!["siret"] = "35600000049837"
    json.conventions[2]!.title = '=HYPERLINK("http://x")'
    const known = parsePortfolio(json)
    const line = (name: string) => {
      const partners = known.partners.map((p) => ({ ...p, name }))
      const exported = toScdlCsv([known.conventions[2]!], { partners })
      return {
        line: exported.csv.split("\r\n")[1],
        problems: exported.problems.map((p) => p.column),
        row: exported.rows[0],
        exported
      }
    }
    const cases: Array<[string, string]> = [
      ["=1+1", '"\'=1+1"'],
      ["+cmd", '"\'+cmd"'],
      ["-2+3", '"\'-2+3"'],
      ["@SUM(A1:A2)", '"\'@SUM(A1:A2)"'],
      ["\tx", '"\'\tx"'],
      ["a;=1", '"a;=1"'],
      ["A=1", "A=1"]
    ]
    for (const [name, cell] of cases) {
      const { line: written, row, exported } = line(name)
      expect(written, JSON.stringify(name)).toBe(
        `${cell},99999999800019,2023-01-01,CAS-2022-12-13-07,${cell},35600000049837,W919999999,"'=HYPERLINK(""http://x"")",90000.00,aide en numéraire,échelonné,2023-03-31/2026-06-30,,non,1.00,caf-91-accompagnement-associations`
      )
      expect(row?.nomBeneficiaire).toBe(name)
      published(exported)
    }
    // A carriage return cannot start a name in the table: the schema's pattern refuses the row.
    const carriage = line("\rx")
    expect([carriage.line, carriage.problems]).toEqual(["", ["nomAttribuant", "nomBeneficiaire"]])
  })
})

describe("open data: the SCDL subventions table, version 2.0", () => {
  it("writes the 14 columns of 2.0, where the SIRET is required", () => {
    expect(scdlColumns("2.0")).toEqual(
      SCDL_COLUMNS.filter((column) => column !== "rnaBeneficiaire" && column !== "dispositifAide")
    )
    const both = withBeneficiary({ siret: "73282932000074", rna: "W919999999" })
    const exported = toScdlCsv(both.conventions, { partners: both.partners, version: "2.0" })
    expect(exported.version).toBe("2.0")
    expect(published(exported)).toHaveLength(1)
    expect(exported.csv.split("\r\n")[1]).toBe(
      `${CAF},99999999800019,2023-01-01,CAS-2022-12-13-07,${FASE},73282932000074,${TITLE},90000.00,aide en numéraire,échelonné,2023-03-31/2026-06-30,,non,1.00`
    )
    const founding = parsePortfolio(foundingPortfolioJson())
    const refused = toScdlCsv(founding.conventions.slice(2), { partners: founding.partners, version: "2.0" })
    expect([refused.rows, refused.csv]).toEqual([[], `${scdlColumns("2.0").join(",")}\r\n`])
    expect(refused.problems.map((p) => [p.column, p.rule, p.message])).toEqual([
      [
        "idBeneficiaire",
        "required",
        "SIRET du bénéficiaire non renseigné : la version 2.0 du schéma n'a pas de colonne pour le numéro RNA (la version 2.1.1 l'accepte)"
      ]
    ])
    const neither = withBeneficiary({})
    expect(
      toScdlCsv(neither.conventions, { partners: neither.partners, version: "2.0" }).problems.map((p) => p.message)
    ).toEqual(["SIRET du bénéficiaire non renseigné"])
  })

  it("refuses a version it does not know, with a typed error", () => {
    expect(() => toScdlCsv([], { partners: [], version: "2.1" as never })).toThrow(
      expect.objectContaining({
        _tag: "ValidationError",
        message: expect.stringContaining('expected one of 2.1.1, 2.0, got "2.1"')
      })
    )
    expect(() => scdlColumns("3" as never)).toThrow(expect.objectContaining({ _tag: "ValidationError" }))
  })

  it("returns a frozen export", () => {
    const portfolio = parsePortfolio(foundingPortfolioJson())
    const exported = toScdlCsv(portfolio.conventions, { partners: portfolio.partners })
    expect([
      Object.isFrozen(exported),
      Object.isFrozen(exported.rows[0]),
      Object.isFrozen(exported.problems[0]),
      Object.isFrozen(exported.columns)
    ]).toEqual([true, true, true, true])
  })
})

describe("the SCDL export's partners", () => {
  it("are checked: a list holding null, a partner without an id, a name or a SIRET that is not a text is a ValidationError naming it, not a TypeError", () => {
    const portfolio = parsePortfolio(foundingPortfolioJson())
    expect(() => toScdlCsv(portfolio.conventions, { partners: [null as never, ...portfolio.partners] })).toThrow(
      expect.objectContaining({ _tag: "ValidationError", issues: [expect.objectContaining({ path: ["partners", 0] })] })
    )
    const anonymous = { ...portfolio.partners[1], id: 5 } as never
    expect(() => toScdlCsv(portfolio.conventions, { partners: [portfolio.partners[0] as never, anonymous] })).toThrow(
      expect.objectContaining({
        _tag: "ValidationError",
        issues: [expect.objectContaining({ path: ["partners", 1, "id"] })]
      })
    )
    // A name or a SIRET that is not a text threw "Cannot convert object to primitive value" or "value.replace is not a function".
    const others = portfolio.partners.slice(2)
    expect(() =>
      toScdlCsv(portfolio.conventions, {
        partners: [portfolio.partners[0] as never, { ...portfolio.partners[1], name: { x: 1 } } as never, ...others]
      })
    ).toThrow(
      expect.objectContaining({
        _tag: "ValidationError",
        issues: [
          expect.objectContaining({
            path: ["partners", 1, "name"],
            message: "expected the partner's name, a text",
            messages: { fr: "le nom du partenaire doit être un texte", en: "expected the partner's name, a text" }
          })
        ]
      })
    )
    expect(() =>
      toScdlCsv(portfolio.conventions, {
        partners: [{ ...portfolio.partners[0], siret: Object.create(null) } as never, ...portfolio.partners.slice(1)]
      })
    ).toThrow(
      expect.objectContaining({
        _tag: "ValidationError",
        issues: [
          expect.objectContaining({ path: ["partners", 0, "siret"], message: "expected the partner's SIRET, a text" })
        ]
      })
    )
    expect(() =>
      toScdlCsv(portfolio.conventions, {
        partners: [{ ...portfolio.partners[0], rna: 913001234 } as never, ...portfolio.partners.slice(1)]
      })
    ).toThrow(
      expect.objectContaining({
        _tag: "ValidationError",
        issues: [expect.objectContaining({ path: ["partners", 0, "rna"] })]
      })
    )
  })
})
