import { readFileSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { STACK_TRACE, cli, cliAsync, data, scratchFolder } from "./run.js"

const scratch = scratchFolder()

describe("the command line", () => {
  it("validates files of every kind, exit 0", () => {
    const result = cli(
      "validate",
      data("portfolio.json"),
      data("activities.json"),
      data("payments.json"),
      data("expenses.json"),
      data("candidates.json")
    )
    expect(result.code).toBe(0)
    expect(result.out.split("\n")).toEqual([
      "✓ examples/data/portfolio.json : portefeuille, valide (6 partenaires, 3 conventions)",
      "✓ examples/data/activities.json : activités, valide (17 enregistrements d'activité)",
      "✓ examples/data/payments.json : versements, valide (3 versements)",
      "✓ examples/data/expenses.json : dépenses, valide (9 dépenses)",
      "✓ examples/data/candidates.json : candidats, valide (6 candidats)"
    ])
  })

  it("prints a convention's terms in French, the territory by its départements' names", () => {
    const result = cli("terms", data("portfolio.json"), "--convention", "cpo-2023-2025", "--date", "2024-06-01")
    expect(result.code).toBe(0)
    expect(result.out.split("\n").slice(2, 5)).toEqual([
      "Au 01/06/2024, tel que connu à ce jour : en vigueur",
      "- Période : du 01/01/2023 au 31/12/2025",
      "- Territoire : Essonne (91)"
    ])
  })

  it("recognises a compte rendu financier, a list of them, and records that may be versements or reversements", () => {
    const report = JSON.parse(readFileSync(data("financial-report-2025.json"), "utf8"))
    const broken = { ...report, charges: [] }
    const list = join(scratch, "comptes-rendus.json")
    writeFileSync(list, JSON.stringify([report, broken]))
    const repayments = join(scratch, "reversements.json")
    writeFileSync(repayments, JSON.stringify([{ id: "r-1", date: "2025-09-15", amount: "750.00", year: 2024 }]))
    expect(cli("validate", data("financial-report-2025.json"), repayments).out.split("\n")).toEqual([
      "✓ examples/data/financial-report-2025.json : compte rendu financier, valide (convention cpo-relais-2025-2027, exercice 2025)",
      `✓ ${repayments} : versements ou reversements, valide (1 enregistrement ; sans code de versement (instalment), ce sont les champs d'un reversement comme d'un versement)`
    ])
    const refused = cli("validate", list)
    expect(refused.code).toBe(1)
    expect(refused.err.split("\n").slice(0, 2)).toEqual([
      `✗ ${list} : 1 problème`,
      expect.stringMatching(/^ {2}\[1\]\.charges : /u)
    ])
  })

  it("lists every problem with its path, exit 1, without a stack trace", () => {
    const bad = join(scratch, "bad.json")
    writeFileSync(bad, JSON.stringify({ partners: [], conventions: [{ id: "x", title: "T", kind: "cpo" }] }))
    const result = cli("validate", bad)
    expect(result.code).toBe(1)
    expect(result.err.split("\n").slice(0, 3)).toEqual([
      `✗ ${bad} : 4 problèmes`,
      "  conventions[0].kind : « cpo » n'est pas un code accepté ici : vouliez-vous dire « convention-pluriannuelle-objectifs » ? Codes acceptés : appui-technique, accord-cadre, convention-pluriannuelle-objectifs, convention-objectifs-financement",
      "  conventions[0].funderId : le champ obligatoire « funderId » manque"
    ])
    expect(cli("validate", "--lang", "en", bad).err.split("\n").slice(0, 2)).toEqual([
      `✗ ${bad}: 4 issues`,
      '  conventions[0].kind: "cpo" is not an accepted code here: did you mean "convention-pluriannuelle-objectifs"? Accepted codes: appui-technique, accord-cadre, convention-pluriannuelle-objectifs, convention-objectifs-financement'
    ])
    expect(result.err).not.toMatch(STACK_TRACE)
    const notJson = join(scratch, "not.json")
    writeFileSync(notJson, "{ nope")
    expect(cli("validate", notJson).code).toBe(1)
  })

  it("refuses two activity records with one id and different content, in validate as in objectives, naming the file", async () => {
    const records = JSON.parse(readFileSync(data("activities.json"), "utf8")) as Array<Record<string, unknown>>
    const twice = join(scratch, "twice.json")
    writeFileSync(twice, JSON.stringify([...records, { ...records[0], hours: 7 }]))
    const lines = [
      `✗ ${twice} : 1 problème`,
      "  [17].id : l'identifiant « 2023-ind-viry-12 » est déjà pris par l'enregistrement [0], dont le contenu diffère : un même identifiant ne peut désigner que des copies identiques"
    ]
    expect(cli("validate", twice)).toMatchObject({ code: 1, out: "", err: lines.join("\n") })
    const evaluated = await cliAsync("objectives", data("portfolio.json"), "--year", "2023", "--activities", twice)
    expect(evaluated).toMatchObject({ code: 1, out: "", err: lines.join("\n") })
    // An exact copy is not a problem: it is counted once.
    const copied = join(scratch, "copied.json")
    writeFileSync(copied, JSON.stringify([...records, records[0]]))
    expect(cli("validate", copied).out).toBe(`✓ ${copied} : activités, valide (18 enregistrements d'activité)`)
  })

  it("tells what is wrong in the broken examples in French, with the value found and the nearest valid one, and in English with --lang en", async () => {
    const files = ["date", "sector", "key", "amount"].map((name) => join("examples", "data", "broken", `${name}.json`))
    const french = cli("validate", ...files)
    const english = cli("validate", "--lang", "en", ...files)
    expect([french.code, english.code]).toEqual([1, 1])
    expect(french.err).toContain("✗ examples/data/broken/key.json : 2 problèmes")
    expect(french.err).toContain(
      "  terms.sector : le champ « sector » n'est pas prévu ici : vouliez-vous dire « sectors » ?"
    )
    expect(english.err).toContain(
      '  terms.amounts.yearlyAmount: an amount is written as a string, with a dot before the cents: write "45000.00" instead of 45000'
    )
    await expect(`${french.err}\n\n--lang en\n\n${english.err}\n`).toMatchFileSnapshot("golden/validate-broken.txt")
  })

  it("answers misuse with exit 2 and a hint", () => {
    expect(cli("bogus")).toMatchObject({
      code: 2,
      err: "caf-conventions : commande inconnue « bogus » ; commandes : validate, terms, eligibility, check, report, objectives, scdl, import, template, serve\nAide : caf-conventions --help"
    })
    expect(cli("terms", data("portfolio.json")).code).toBe(2)
    expect(cli("validate", "missing.json").err).toContain("impossible de lire le fichier missing.json")
    expect(cli().code).toBe(2)
  })

  it("has help everywhere and a version", () => {
    for (const command of [
      "validate",
      "terms",
      "eligibility",
      "check",
      "report",
      "objectives",
      "scdl",
      "import",
      "template"
    ]) {
      const help = cli(command, "--help")
      expect([help.code, help.out.startsWith(`Usage : caf-conventions ${command}`)]).toEqual([0, true])
    }
    expect(cli("--help").out).toContain("Codes de sortie")
    expect(cli("--version").out).toBe(JSON.parse(readFileSync("package.json", "utf8")).version)
  })

  it("prints each objective of a year with its value and its target, on the second convention", async () => {
    // Les Tilleuls, 2025, terminated on 30/09/2025: the targets prorated over 273/365 days
    // (30 → 23, 10 → 8, 2 → 2), the copy of a 2025 record counted once.
    const evs = (name: string) => join("tests", "data", "evs", name)
    const result = await cliAsync(
      "objectives",
      evs("portfolio.json"),
      "--activities",
      evs("activities-2025.json"),
      "--year",
      "2025"
    )
    expect([result.code, result.out.split("\n")]).toEqual([
      0,
      [
        "Objectifs 2025 — convention cpo-evs-2024-2026 : 2 objectifs atteints sur 3.",
        "- Accompagner au moins 30 familles par an : atteint, 25 familles pour une cible d'au moins 23 (5 enregistrements retenus, 7 écartés)",
        "- Au moins 10 ateliers collectifs par an : atteint, 8 ateliers pour une cible d'au moins 8 (8 enregistrements retenus, 4 écartés)",
        "- Au moins 2 réunions du Reaap par an : non atteint, 1 réunion pour une cible d'au moins 2 (1 enregistrement retenu, 11 écartés)"
      ]
    ])
  })

  it("says in report --help that the objectifs table is a yearly review's only", () => {
    expect(cli("report", "--help").out.replace(/\s+/gu, " ")).toContain(
      "un tableur (avenants, objectifs pour le bilan annuel seulement, versements, depenses-non-retenues, financement-par-annee ; --table n'en donne qu'une)"
    )
  })

  it("prints the terms in force on a date", () => {
    const result = cli("terms", data("portfolio.json"), "--date", "2024-06-01")
    expect(result.code).toBe(0)
    expect(result.out).toContain("Au 01/06/2024, tel que connu à ce jour : en vigueur")
    expect(result.out).toContain("Filiation : appui-technique-2018 → accord-cadre-2020-2022 → cpo-2023-2025")
    expect(cli("terms", data("portfolio.json"), "--date", "2024-02-30")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--date : 2024-02-30 n'est pas une date : février 2024 compte 29 jours")
    })
    expect(cli("terms", data("portfolio.json"), "--date", "2024-06-01", "--convention", "nope").code).toBe(2)
  })

  it("says what is known: a termination decided after the date is read, unless --known-on sets it apart", () => {
    // Les Tilleuls: terminated on 30/09/2025 by a decision of 10/07/2025.
    const tilleuls = join("tests", "data", "evs", "portfolio.json")
    const today = cli("terms", tilleuls, "--date", "2025-07-01").out.split("\n").slice(2, 5)
    expect(today).toEqual([
      "Au 01/07/2025, tel que connu à ce jour : en vigueur",
      "- Décidé après le 01/07/2025, mais pris en compte : résiliation au 30/09/2025 décidée le 10/07/2025 (--known-on 2025-07-01 donne la convention telle que connue ce jour-là)",
      "- Période : du 01/01/2024 au 30/09/2025"
    ])
    const then = cli("terms", tilleuls, "--date", "2025-07-01", "--known-on", "2025-07-01").out.split("\n").slice(2, 5)
    expect(then).toEqual([
      "Au 01/07/2025, tel que connu au 01/07/2025 : en vigueur",
      "- Pas encore connu au 01/07/2025, donc écarté : résiliation au 30/09/2025 décidée le 10/07/2025",
      "- Période : du 01/01/2024 au 31/12/2026"
    ])
    // After the decision, nothing is set apart; on 15/10/2025 the status follows the knowledge.
    expect(cli("terms", tilleuls, "--date", "2025-07-01", "--known-on", "2025-07-10").out).toContain(
      "Au 01/07/2025, tel que connu au 10/07/2025 : en vigueur\n- Période : du 01/01/2024 au 30/09/2025"
    )
    expect(cli("terms", tilleuls, "--date", "2025-10-15", "--known-on", "2025-07-09").out).toContain(
      "Au 15/10/2025, tel que connu au 09/07/2025 : en vigueur"
    )
    expect(cli("terms", tilleuls, "--date", "2025-10-15").out).toContain(
      "Au 15/10/2025, tel que connu à ce jour : résiliée"
    )
    expect(cli("terms", tilleuls, "--date", "2025-07-01", "--known-on", "2025-13-01").code).toBe(2)
  })

  it("screens candidates, explained on demand", () => {
    const result = cli("eligibility", data("portfolio.json"), data("candidates.json"), "--date", "2024-06-01")
    expect(result.code).toBe(0)
    expect(result.out.split("\n").slice(0, 2)).toEqual([
      "✓ viry-2024-individuel : éligible",
      "✗ viry-2024-individuel-fpt : non éligible (condition non remplie : Pas de double financement)"
    ])
    expect(result.err).toBe("2 éligibles, 4 non éligibles, 0 illisible")
    expect(
      cli("eligibility", data("portfolio.json"), data("candidates.json"), "--date", "2024-06-01", "--explain").out
    ).toContain("✗ Pas de double financement")
  })

  it("runs the founding case's scenarios, reading the data under --root", () => {
    const names = readdirSync(join("examples", "scenarios")).filter((name) => name.endsWith(".json"))
    const result = cli("check", "--root", "examples", ...names.map((name) => join("examples", "scenarios", name)))
    expect(result.code).toBe(0)
    expect(result.out.split("\n").at(-1)).toBe(`${names.length} scénarios : ${names.length} conformes, 0 en échec`)
    expect(names.length).toBeGreaterThanOrEqual(8)
  })

  it("reports a failing scenario with the difference in French, exit 1", () => {
    const scenario = join(scratch, "wrong.json")
    writeFileSync(
      scenario,
      JSON.stringify({
        name: "Montant erroné",
        convention: { file: join(process.cwd(), data("portfolio.json")), id: "cpo-2023-2025" },
        question: "schedule",
        year: 2024,
        expected: { amount: "31000.00" }
      })
    )
    const result = cli("check", "--root", process.cwd(), scenario)
    expect(result.code).toBe(1)
    expect(result.out).toContain('échéancier « amount » : attendu "31000.00", obtenu "30000.00"')
  })

  it("writes the yearly review as Markdown, HTML or JSON", () => {
    const args = [
      "report",
      data("portfolio.json"),
      "--year",
      "2024",
      "--activities",
      data("activities.json"),
      "--payments",
      data("payments.json"),
      "--expenses",
      data("expenses.json"),
      "--as-of",
      "2025-07-15"
    ]
    expect(cli(...args).out.split("\n")[0]).toMatch(/^# Bilan annuel 2024 — /u)
    const out = join(scratch, "bilan.html")
    expect(cli(...args, "--format", "html", "--out", out)).toMatchObject({ code: 0, err: `rapport écrit dans ${out}` })
    expect(readFileSync(out, "utf8").startsWith("<!doctype html>")).toBe(true)
    expect(JSON.parse(cli(...args, "--format", "json").out).kind).toBe("annual")
    expect(cli(...args, "--format", "pdf").code).toBe(2)
  })

  it("exports the SCDL table, reporting what it leaves out, exit 1", () => {
    const result = cli("scdl", data("portfolio.json"))
    expect(result.code).toBe(1)
    expect(result.out.split("\r\n").map((line) => line.split(",").slice(5, 9).join(","))).toEqual([
      "idBeneficiaire,rnaBeneficiaire,objet,montant",
      ",W919999999,Convention pluriannuelle d'objectifs 2023-2025 : accompagnement des associations des champs de la politique familiale,90000.00"
    ])
    expect(result.err.split("\n")).toEqual([
      "✗ appui-technique-2018 (montant) : montant de la subvention non renseigné",
      "✗ accord-cadre-2020-2022 (montant) : montant de la subvention non renseigné",
      "SCDL subventions 2.1.1 : 1 ligne exportée, 2 conventions écartées"
    ])
  })

  it("exports the SCDL table of a portfolio holding a draft: nothing to publish for it, exit 0", () => {
    const json = JSON.parse(readFileSync(data("portfolio.json"), "utf8"))
    // The two earlier conventions record no amount: keep the founding one, and add a draft of it.
    const { predecessorId: _earlier, ...founding } = json.conventions.find(
      (c: { id: string }) => c.id === "cpo-2023-2025"
    )
    const { signatureDate: _signed, notificationDate: _notified, ...draft } = { ...founding, id: "cpo-2026-2028" }
    const file = join(scratch, "portfolio-with-draft.json")
    writeFileSync(file, JSON.stringify({ ...json, conventions: [founding, draft] }))
    const result = cli("scdl", file)
    expect(result.code).toBe(0)
    expect(result.out.split("\r\n").filter((line) => line !== "")).toHaveLength(2)
    expect(result.err.split("\n")).toEqual([
      "· cpo-2026-2028 : projet de convention non signé, rien à publier avant la signature",
      "SCDL subventions 2.1.1 : 1 ligne exportée, 0 convention écartée, 1 projet non signé (rien à publier avant la signature)"
    ])
  })

  it("writes the SCDL table of version 2.0 on request, where the founding partner's RNA number is not enough", () => {
    const result = cli("scdl", data("portfolio.json"), "--scdl-version", "2.0")
    expect(result.code).toBe(1)
    expect(result.out).toBe(
      "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention"
    )
    expect(result.err).toContain(
      "✗ cpo-2023-2025 (idBeneficiaire) : SIRET du bénéficiaire non renseigné : la version 2.0 du schéma n'a pas de colonne pour le numéro RNA (la version 2.1.1 l'accepte)"
    )
    expect(result.err.split("\n").at(-1)).toBe("SCDL subventions 2.0 : 0 ligne exportée, 3 conventions écartées")
    expect(cli("scdl", data("portfolio.json"), "--scdl-version", "2.1")).toMatchObject({
      code: 2,
      err: expect.stringContaining("valeurs possibles : 2.1.1, 2.0 ; reçu « 2.1 »")
    })
  })
})
