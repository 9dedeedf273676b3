import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync
} from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { reasonOf } from "../../src/cli/files.js"
import { STACK_TRACE, cli, data, scratchFolder } from "./run.js"

const scratch = scratchFolder()
const portfolioJson = JSON.parse(readFileSync(data("portfolio.json"), "utf8")) as {
  partners: Array<Record<string, unknown>>
  conventions: Array<Record<string, unknown>>
}
const write = (name: string, content: unknown): string => {
  const path = join(scratch, name)
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content))
  return path
}
const yearly = (file: string) => ["report", file, "--year", "2024", "--as-of", "2025-07-15"]

describe("JSON of the wrong shape is invalid data (exit 1), never an unexpected error", () => {
  it("validate says what it expected of 5, a string, a list of numbers", () => {
    for (const [name, json] of [
      ["five.json", "5"],
      ["text.json", '"str"'],
      ["numbers.json", "[1]"],
      ["null.json", "null"]
    ] as const) {
      const result = cli("validate", write(name, json))
      expect(result.code).toBe(1)
      expect(result.err).not.toContain("erreur inattendue")
    }
    expect(cli("validate", join(scratch, "five.json")).err).toContain(
      "(root) : attendu un objet (portefeuille, convention, partenaire, scénario) ou une liste (activités, versements, dépenses, candidats)"
    )
  })

  it("terms, report, eligibility, check and scdl too", () => {
    const five = join(scratch, "five.json")
    expect(cli("terms", five, "--date", "2024-06-01")).toMatchObject({
      code: 1,
      err: `✗ ${five} : 1 problème\n  (root) : attendu un portefeuille ou une convention (un objet JSON)`
    })
    expect(cli(...yearly(five)).code).toBe(1)
    expect(cli("scdl", five).code).toBe(1)
    expect(cli("check", five).code).toBe(1)
    expect(
      cli("eligibility", data("portfolio.json"), write("object.json", "{}"), "--date", "2024-06-01")
    ).toMatchObject({ code: 1, err: expect.stringContaining("attendu une liste de candidats") })
    expect(cli(...yearly(data("portfolio.json")), "--activities", five)).toMatchObject({
      code: 1,
      err: expect.stringContaining(`✗ ${five} : 1 problème`)
    })
  })
})

describe("files that cannot be read", () => {
  it("validate checks every file, reports each, and exits with the worst code", () => {
    const result = cli(
      "validate",
      data("portfolio.json"),
      join(scratch, "missing.json"),
      join(scratch, "five.json"),
      data("payments.json")
    )
    expect(result.code).toBe(2)
    expect(result.out.split("\n")).toEqual([
      "✓ examples/data/portfolio.json : portefeuille, valide (6 partenaires, 3 conventions)",
      "✓ examples/data/payments.json : versements, valide (3 versements)"
    ])
    expect(result.err).toContain(
      `✗ impossible de lire le fichier ${join(scratch, "missing.json")} (fichier introuvable)`
    )
    expect(result.err).toContain(`✗ ${join(scratch, "five.json")} : 1 problème`)
    expect(cli("validate", join(scratch, "five.json"), data("payments.json")).code).toBe(1)
  })

  it("says in French why a file cannot be read, a file too large included", () => {
    expect(
      ["ENOENT", "EACCES", "ERR_FS_FILE_TOO_LARGE", "ERR_STRING_TOO_LONG", "EWHATEVER"].map((code) =>
        reasonOf({ code })
      )
    ).toEqual([
      "fichier introuvable",
      "permission refusée",
      "fichier trop grand",
      "fichier trop grand",
      "erreur EWHATEVER"
    ])
  })

  it("says a folder is a folder", () => {
    expect(cli("validate", scratch)).toMatchObject({
      code: 2,
      err: `✗ impossible de lire le fichier ${scratch} (c'est un dossier)`
    })
  })

  it("check runs every scenario file, even after one it cannot read", () => {
    const result = cli(
      "check",
      "--root",
      "examples",
      join(scratch, "missing.json"),
      join("examples", "scenarios", "schedule.json")
    )
    expect(result.code).toBe(2)
    expect(result.out.split("\n").slice(1)).toEqual([
      "✓ Échéancier 2024 : 30 000 €, avance de 50 % au 31 mars",
      "2 scénarios : 1 conforme, 1 en échec"
    ])
  })

  it("accepts a UTF-8 byte-order mark at the start of a JSON file", () => {
    const withMark = write("bom.json", `\uFEFF${readFileSync(data("portfolio.json"), "utf8")}`)
    expect(cli("validate", withMark).code).toBe(0)
    expect(cli("terms", withMark, "--date", "2024-06-01").code).toBe(0)
  })

  it("never quotes a file that is not JSON, but says where parsing stopped", () => {
    const result = cli("validate", write("secret.txt", "mot de passe : hunter2"))
    expect(result.code).toBe(1)
    expect(result.err).not.toContain("hunter2")
    expect(result.err).not.toContain("mot de passe")
    expect(cli("validate", write("broken.json", '{\n  "partners": [],\n  oops: 1\n}')).err).toContain(
      "(root) : pas un document JSON : erreur ligne 3, colonne 3"
    )
    expect(cli("validate", write("empty.json", "")).err).toContain(
      "(root) : pas un document JSON : le fichier est vide"
    )
  })
})

describe("--out", () => {
  it("refuses a missing folder and a folder, clearly, with exit 2", () => {
    const missing = cli(...yearly(data("portfolio.json")), "--out", join(scratch, "nowhere", "bilan.md"))
    expect(missing).toMatchObject({
      code: 2,
      err: `caf-conventions : --out : le dossier ${join(scratch, "nowhere")} n'existe pas\nAide : caf-conventions report --help`
    })
    const folder = cli("scdl", data("portfolio.json"), "--out", scratch)
    expect(folder).toMatchObject({
      code: 2,
      err: expect.stringContaining(`--out : ${scratch} est un dossier ; indiquez un fichier`)
    })
    expect(`${missing.err}${folder.err}`).not.toMatch(/ENOENT|EISDIR/u)
    expect(folder.err).not.toMatch(STACK_TRACE)
  })

  it("writes a whole new file renamed into place, leaving no temporary file", () => {
    const folder = join(scratch, "out")
    mkdirSync(folder)
    const out = write(join("out", "bilan.md"), "ancien")
    const before = statSync(out).ino
    expect(cli(...yearly(data("portfolio.json")), "--out", out).code).toBe(0)
    expect(readFileSync(out, "utf8").startsWith("# Bilan annuel 2024")).toBe(true)
    expect(statSync(out).ino).not.toBe(before)
    expect(readdirSync(folder)).toEqual(["bilan.md"])
  })

  it("refuses to overwrite one of the command's inputs, however it is named", () => {
    const folder = join(scratch, "inputs")
    mkdirSync(folder)
    const portfolio = join(folder, "p.json")
    copyFileSync(data("portfolio.json"), portfolio)
    const activities = join(folder, "a.json")
    copyFileSync(data("activities.json"), activities)
    symlinkSync(portfolio, join(folder, "link.json"))
    linkSync(portfolio, join(folder, "hard.json"))
    const original = readFileSync(portfolio, "utf8")
    for (const out of [portfolio, join(folder, "..", "inputs", "p.json"), join(folder, "hard.json")]) {
      expect(cli(...yearly(portfolio), "--out", out)).toMatchObject({
        code: 2,
        err: expect.stringContaining(`--out : ${out} est le fichier d'entrée ${portfolio} ; il ne sera pas écrasé`)
      })
    }
    expect(cli(...yearly(portfolio), "--activities", activities, "--out", activities).code).toBe(2)
    expect(cli("scdl", portfolio, "--out", portfolio).code).toBe(2)
    expect(cli(...yearly(join(folder, "link.json")), "--out", portfolio).code).toBe(2)
    expect(readFileSync(portfolio, "utf8")).toBe(original)
    expect(readFileSync(activities, "utf8")).toBe(readFileSync(data("activities.json"), "utf8"))
  })

  it("never writes through a symbolic link", () => {
    const target = write("target.txt", "à garder")
    const link = join(scratch, "link.md")
    symlinkSync(target, link)
    expect(cli(...yearly(data("portfolio.json")), "--out", link)).toMatchObject({
      code: 2,
      err: expect.stringContaining(`--out : ${link} est un lien symbolique`)
    })
    expect(readFileSync(target, "utf8")).toBe("à garder")
  })
})

describe("scdl over several files", () => {
  const withSirets = (names: [string, string]) => ({
    ...portfolioJson,
    partners: portfolioJson.partners.map((partner) =>
      partner["id"] === "caf-91"
        ? { ...partner, name: names[0], siret: "73282932000074" }
        : partner["id"] === "fase"
          ? { ...partner, name: names[1], siret: "35600000049837" }
          : partner
    )
  })
  const first = write("first.json", withSirets(["Caf de l'Essonne", "France Active"]))
  const founding = portfolioJson.conventions.find((convention) => convention["id"] === "cpo-2023-2025") as Record<
    string,
    unknown
  >
  const alone = (id: string, names: [string, string]) => ({
    ...withSirets(names),
    conventions: [{ ...founding, id, predecessorId: undefined }]
  })

  it("takes each convention's partners from the file that holds it", () => {
    const lone = write("first-cpo.json", alone("cpo-2023-2025", ["Caf de l'Essonne", "France Active"]))
    const second = write("second.json", alone("cpo-bis", ["Autre Caf", "Autre association"]))
    const result = cli("scdl", lone, second)
    expect(result.err).toBe("SCDL subventions 2.1.1 : 2 lignes exportées, 0 convention écartée")
    expect(result.code).toBe(0)
    const rows = result.out
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",").slice(0, 7).join(","))
    expect(rows).toEqual([
      "Caf de l'Essonne,73282932000074,2023-01-01,CAS-2022-12-13-07,France Active,35600000049837,W919999999",
      "Autre Caf,73282932000074,2023-01-01,CAS-2022-12-13-07,Autre association,35600000049837,W919999999"
    ])
    expect(result.out.match(/nomAttribuant/gu)?.length).toBe(1)
  })

  it("leaves out a convention found in two files rather than export it twice, exit 1", () => {
    const copy = write("copy.json", withSirets(["Autre Caf", "Autre association"]))
    const result = cli("scdl", first, copy)
    expect(result.code).toBe(1)
    expect(result.out.split("\r\n")).toHaveLength(1)
    expect(result.err).toContain(
      `✗ cpo-2023-2025 : la convention figure dans plusieurs fichiers (${first}, ${copy}) ; écartée`
    )
    expect(result.err.split("\n").at(-1)).toBe("SCDL subventions 2.1.1 : 0 ligne exportée, 3 conventions écartées")
  })

  it("reads a file named twice once", () => {
    const result = cli("scdl", first, join(scratch, ".", "first.json"))
    expect(result.code).toBe(1)
    expect(result.out.split("\r\n")).toHaveLength(2)
  })
})

describe("scenario files read only under their folder or --root", () => {
  const folder = join(scratch, "scenarios")
  mkdirSync(folder)
  const secret = write("secret.txt", "mot de passe : hunter2")
  copyFileSync(data("portfolio.json"), join(folder, "portfolio.json"))
  symlinkSync(secret, join(folder, "sneaky.json"))
  const scenario = (name: string, file: string) => {
    const path = join(folder, name)
    writeFileSync(
      path,
      JSON.stringify({
        name: "Échéancier",
        convention: { file, id: "cpo-2023-2025" },
        question: "schedule",
        year: 2024,
        expected: { amount: "30000.00" }
      })
    )
    return path
  }

  it("reads a file of its own folder", () => {
    expect(cli("check", scenario("inside.json", "portfolio.json")).code).toBe(0)
  })

  it("refuses ../, an absolute path and a symbolic link leading out, without printing the file", () => {
    for (const reference of ["../secret.txt", secret, "sneaky.json"]) {
      const result = cli("check", scenario("outside.json", reference))
      expect(result.code).toBe(1)
      expect(result.out).toContain(
        `le fichier ${reference} est hors du dossier autorisé ${folder} ; un scénario ne lit que les fichiers de son dossier, ou de celui que donne --root`
      )
      expect(result.out).not.toContain("hunter2")
    }
  })

  it("says a missing file of its folder is missing, and refuses one outside without looking further", () => {
    expect(cli("check", scenario("missing.json", "absent.json")).out).toContain(
      "le scénario ne peut pas être exécuté : impossible de lire le fichier absent.json (fichier introuvable)"
    )
    expect(cli("check", scenario("missing-outside.json", "../absent.json")).out).toContain(
      "le fichier ../absent.json est hors du dossier autorisé"
    )
  })

  it("reads under the folder --root names, and nowhere else", () => {
    const up = scenario("up.json", "../first.json")
    expect(cli("check", "--root", scratch, up).code).toBe(0)
    expect(cli("check", "--root", folder, up).code).toBe(1)
    const result = cli("check", "--root", scratch, scenario("secret.json", "../secret.txt"))
    expect(result.code).toBe(1)
    expect(result.out).not.toContain("hunter2")
    expect(cli("check", "--root", join(scratch, "nowhere"), up)).toMatchObject({
      code: 2,
      err: expect.stringContaining("n'est pas un dossier existant")
    })
    expect(existsSync(secret)).toBe(true)
  })
})
