import { join } from "node:path"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../runs.js"
import { STACK_TRACE, cli, data, scratchFolder } from "./run.js"

const portfolio = data("portfolio.json")
const candidates = data("candidates.json")
const screen = ["eligibility", portfolio, candidates, "--date", "2024-06-01"]
const yearly = ["report", portfolio, "--as-of", "2025-07-15"]

describe("the command line's arguments (util.parseArgs, strict)", () => {
  it("refuses an unknown option, listing the command's options, instead of letting it take the file as its value", () => {
    expect(cli("validate", "--frobnicate", portfolio)).toMatchObject({
      code: 2,
      err: "caf-conventions : option inconnue « --frobnicate » ; options de validate : --lang fr|en, --help, --version\nAide : caf-conventions validate --help"
    })
    const unknown = cli(...screen, "--frobnicate=1")
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain(
      "option inconnue « --frobnicate » ; options de eligibility : --date AAAA-MM-JJ, --convention <id>, --explain, --format text|json, --lang fr|en, --help, --version"
    )
    expect(cli(...screen, "-x")).toMatchObject({ code: 2, err: expect.stringContaining("option inconnue « -x »") })
  })

  it("refuses a value outside an option's choices, listing them", () => {
    expect(cli(...screen, "--format", "xml")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--format : valeurs possibles : text, json ; reçu « xml »")
    })
    expect(cli(...yearly, "--format", "docx")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--format : valeurs possibles : md, html, json, csv, pdf, xlsx ; reçu « docx »")
    })
  })

  it("takes a year only as four decimal digits: 0x7E8, 1e3, an empty string, 999 and 2024.0 are refused", () => {
    for (const year of ["0x7E8", "1e3", "", " 2024", "999", "2024.0", "+2024"]) {
      expect(cli(...yearly, "--year", year)).toMatchObject({
        code: 2,
        err: expect.stringContaining(`--year : une année s'écrit avec quatre chiffres (2024) ; reçu « ${year} »`)
      })
    }
    expect(cli(...yearly, "--year", "2024").code).toBe(0)
  })

  it("refuses a bad date and a bad year alike: usage errors, exit 2", () => {
    expect(cli("terms", portfolio, "--date", "2024-02-30").code).toBe(2)
    expect(cli(...screen.slice(0, 3), "--date", "demain")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--date : « demain » n'est pas une date au format AAAA-MM-JJ")
    })
    expect(cli(...yearly.slice(0, 2), "--as-of", "2025-13-01")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--as-of : 2025-13-01 n'est pas une date : il n'y a pas de mois 13")
    })
    expect(cli(...yearly, "--year", "24").code).toBe(2)
  })

  it("takes one day per year for the reports accepted and the financial reports received, each year once", () => {
    const refused = (value: string) => cli(...yearly, "--reports-accepted", value)
    expect(refused("2025")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--reports-accepted : « 2025 » ne s'écrit pas AAAA=AAAA-MM-JJ (2024=2025-05-20)")
    })
    expect(refused("2024=2025-05-20,")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--reports-accepted : «  » ne s'écrit pas AAAA=AAAA-MM-JJ")
    })
    expect(refused("2024=2025-02-29")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--reports-accepted : 2025-02-29 n'est pas une date : février 2025 compte 28 jours")
    })
    expect(refused("24=2025-05-20")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--reports-accepted : une année s'écrit avec quatre chiffres (2024) ; reçu « 24 »")
    })
    expect(refused("2024=2025-05-20,2024=2025-06-01")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--reports-accepted : l'année 2024 est donnée plusieurs fois")
    })
    expect(cli(...yearly, "--financial-report-received", "2024=2025-04-31")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--financial-report-received : 2025-04-31 n'est pas une date")
    })
    // The 2024 balance of the founding case becomes due when its reports are accepted, on 20 May 2025:
    // unpaid on 15 July 2025, within its 60 days.
    const waiting = cli("report", portfolio, "--year", "2024", "--as-of", "2025-07-15")
    expect(waiting.out.replace(/[\u202f\u00a0]/gu, " ")).toContain(
      "| Solde | 15 000,00 € | bilans attendus le 30/06/2025 | — | 0,00 € | pas encore exigible |"
    )
    const accepted = cli(
      "report",
      portfolio,
      "--year",
      "2024",
      "--as-of",
      "2025-07-15",
      "--reports-accepted",
      "2023=2024-05-10,2024=2025-05-20",
      "--financial-report-received",
      "2024=2025-04-30"
    )
    expect(accepted.code).toBe(0)
    expect(accepted.out.replace(/[\u202f\u00a0]/gu, " ")).toContain(
      "| Solde | 15 000,00 € | 20/05/2025 | 19/07/2025 | 0,00 € | exigible |"
    )
    expect(accepted.out).toContain("- Compte rendu financier : attendu au plus tard le 30/06/2025, reçu le 30/04/2025")
  })

  it("refuses a value given to a flag, an option without its value, an option given twice", () => {
    expect(cli(...screen, "--explain=oui")).toMatchObject({
      code: 2,
      err: expect.stringContaining("l'option --explain ne prend pas de valeur")
    })
    expect(cli("terms", portfolio, "--date")).toMatchObject({
      code: 2,
      err: expect.stringContaining("l'option --date attend une valeur (AAAA-MM-JJ)")
    })
    expect(cli("terms", portfolio, "--date", "--convention", "x")).toMatchObject({
      code: 2,
      err: expect.stringContaining(
        "l'option --date attend une valeur (AAAA-MM-JJ), pas « --convention » ; pour une valeur qui commence par « - », écrivez --date=--convention"
      )
    })
    expect(cli("terms", portfolio, "--date", "2024-06-01", "--date", "2025-06-01")).toMatchObject({
      code: 2,
      err: expect.stringContaining("l'option --date est donnée plusieurs fois")
    })
    expect(cli(...yearly, "--out", "").code).toBe(2)
  })

  it("refuses an argument too many rather than ignoring it", () => {
    expect(cli("terms", portfolio, candidates, "--date", "2024-06-01")).toMatchObject({
      code: 2,
      err: expect.stringContaining(`argument en trop pour terms : « ${candidates} »`)
    })
    expect(cli(...screen, portfolio).code).toBe(2)
  })

  it("reads what follows -- as files, even when it looks like an option", () => {
    expect(cli("validate", "--", "--help")).toMatchObject({
      code: 2,
      err: expect.stringContaining("impossible de lire le fichier --help (fichier introuvable)")
    })
  })

  it("lists each command's options in its help", () => {
    expect(cli("report", "--help").out).toContain(
      "Options : --year AAAA, --activities <f>, --payments <f>, --expenses <f>, --repayments <f>, --financial-reports <f>, --as-of AAAA-MM-JJ, --reports-accepted AAAA=AAAA-MM-JJ[,…], --financial-report-received AAAA=AAAA-MM-JJ[,…], --partners <f>, --convention <id>, --format md|html|json|csv|pdf|xlsx, --out <f>, --table avenants|objectifs|versements|depenses-non-retenues|financement-par-annee, --decimal ,|., --separator ;|,, --bom, --lang fr|en, --help, --version"
    )
    expect(cli("check", "--help").out).toContain("Options : --root <dossier>, --lang fr|en, --help, --version")
  })
})

describe("any arguments at all", () => {
  it("take the names of Object's own properties for unknown commands and options", () => {
    for (const command of ["toString", "__proto__", "constructor", "hasOwnProperty"]) {
      expect(cli(command)).toMatchObject({ code: 2, err: expect.stringContaining(`commande inconnue « ${command} »`) })
    }
    for (const name of ["--constructor", "--__proto__", "--toString=1"]) {
      expect(cli("validate", name, portfolio)).toMatchObject({
        code: 2,
        err: expect.stringContaining(`option inconnue « ${name.split("=")[0]} »`)
      })
    }
  })

  it("end with exit 0, 1 or 2 and a message, never an unexpected error or a stack trace", () => {
    const out = join(scratchFolder(), "sortie.txt")
    const word = fc.constantFrom(
      ...[
        "validate",
        "terms",
        "eligibility",
        "check",
        "report",
        "scdl",
        "help",
        "--help",
        "--version",
        "--",
        "-",
        "-x",
        "--date",
        "--year",
        "--format",
        "--root",
        "--explain",
        "--convention",
        "--as-of"
      ],
      ...[
        "--activities",
        "--payments",
        "--expenses",
        "--explain=1",
        "--date=",
        "2024-06-01",
        "2024-02-30",
        "2024",
        "0x7E8",
        "",
        "json",
        "md",
        "html",
        "xml",
        "cpo-2023-2025",
        "examples",
        "nowhere"
      ],
      ...[
        portfolio,
        candidates,
        data("activities.json"),
        data("payments.json"),
        join("examples", "scenarios", "schedule.json"),
        "missing.json",
        `--out=${out}`,
        "__proto__",
        "\u001b[2J"
      ]
    )
    fc.assert(
      // --out only ever names the scratch file: the founding case's files must not be overwritten.
      fc.property(fc.array(word, { maxLength: 8 }), (argv) => {
        const result = cli(...argv)
        expect([0, 1, 2]).toContain(result.code)
        expect(result.err).not.toContain("erreur inattendue")
        expect(`${result.out}${result.err}`).not.toMatch(STACK_TRACE)
        expect(`${result.out}${result.err}`).not.toContain("\u001b")
      }),
      runs(400)
    )
  })
})
