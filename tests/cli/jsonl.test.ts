import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cli, cliAsync, data, scratchFolder, STACK_TRACE } from "./run.js"

const scratch = scratchFolder()
const activities = JSON.parse(readFileSync(data("activities.json"), "utf8")) as Array<Record<string, unknown>>

/** Writes records as a JSON Lines file, one a line, and returns its path. */
function jsonLines(name: string, lines: ReadonlyArray<string>): string {
  const path = join(scratch, name)
  writeFileSync(path, `${lines.join("\n")}\n`)
  return path
}

const CPO = ["--convention", "cpo-2023-2025"]

describe("JSON Lines record files", () => {
  it("objectives reads a .jsonl file as a stream, with the same figures as the JSON list", async () => {
    const path = jsonLines(
      "activities.jsonl",
      activities.map((record) => JSON.stringify(record))
    )
    const streamed = await cliAsync(
      "objectives",
      data("portfolio.json"),
      ...CPO,
      "--activities",
      path,
      "--year",
      "2024"
    )
    const listed = await cliAsync(
      "objectives",
      data("portfolio.json"),
      ...CPO,
      "--activities",
      data("activities.json"),
      "--year",
      "2024"
    )
    expect(streamed.code).toBe(0)
    expect(streamed.out).toBe(listed.out)
    expect(streamed.out.split("\n").slice(0, 2)).toEqual([
      "Objectifs 2024 — convention cpo-2023-2025 : 4 objectifs atteints sur 4.",
      "- Renforcer la concertation et assurer un suivi coordonné avec les chargés de conseil et de développement et les conseillers techniques de la Caf : atteint, 2 réunions pour une cible d'au moins 1 (2 enregistrements retenus, 15 écartés)"
    ])
    const json = await cliAsync(
      "objectives",
      data("portfolio.json"),
      ...CPO,
      "--activities",
      path,
      "--year",
      "2024",
      "--format",
      "json"
    )
    expect(JSON.parse(json.out).records).toEqual({ given: 17, unique: 17 })
  })

  it("objectives over every year names the years met, not met and in progress", async () => {
    const path = jsonLines(
      "years.jsonl",
      activities.map((record) => JSON.stringify(record))
    )
    const result = await cliAsync(
      "objectives",
      data("portfolio.json"),
      ...CPO,
      "--activities",
      path,
      "--as-of",
      "2025-06-30"
    )
    expect(result.code).toBe(0)
    expect(result.out.split("\n")[0]).toBe(
      "Objectifs de la convention cpo-2023-2025 : 0 objectif sur 4 atteint chaque année terminée (2023 et 2024) au 30/06/2025 ; en cours : 2025 (0 objectif sur 4 déjà atteint)."
    )
    expect(result.out.split("\n")[2]).toBe(
      "- Soutenir individuellement au moins 3 structures par an, en difficulté et/ou en développement, dans les secteurs couverts : atteint en 2024 ; non atteint en 2023 ; en cours en 2025"
    )
  })

  it("a line that is not JSON is named by its number and column, in French, without quoting it", async () => {
    const lines = activities.slice(0, 5).map((record) => JSON.stringify(record))
    lines[3] = '{"id": "secret-value", date: 5}'
    const path = jsonLines("bad.jsonl", lines)
    const result = await cliAsync("objectives", data("portfolio.json"), ...CPO, "--activities", path)
    expect(result.code).toBe(1)
    expect(result.err.split("\n")).toEqual([
      `✗ ${path} : 1 problème`,
      "  (root) : ligne 4 : pas un document JSON (erreur colonne 24)"
    ])
    expect(result.err).not.toContain("secret-value")
    expect(result.err).not.toMatch(STACK_TRACE)
    const empty = jsonLines("empty-line.jsonl", [JSON.stringify(activities[0]), "", JSON.stringify(activities[1])])
    expect((await cliAsync("objectives", data("portfolio.json"), ...CPO, "--activities", empty)).err).toContain(
      "ligne 2 : ligne vide ; un fichier JSON Lines donne un enregistrement par ligne"
    )
  })

  it("a record that is not an activity is named by its index, in the file", async () => {
    const records = activities.slice(0, 4).map((record) => ({ ...record }))
    records[2] = { ...records[2], date: "2024-02-30" }
    const path = jsonLines(
      "invalid.jsonl",
      records.map((record) => JSON.stringify(record))
    )
    const result = await cliAsync("objectives", data("portfolio.json"), ...CPO, "--activities", path, "--year", "2024")
    expect(result.code).toBe(1)
    expect(result.err.split("\n")).toEqual([
      `✗ ${path} : 1 problème`,
      "  [2].date : 2024-02-30 n'est pas une date : février 2024 compte 29 jours"
    ])
  })

  it("a file that cannot be read is a usage error, exit 2", () => {
    const result = cli("objectives", data("portfolio.json"), ...CPO, "--activities", join(scratch, "missing.jsonl"))
    expect(result.code).toBe(2)
    expect(result.err).toContain(
      `impossible de lire le fichier ${join(scratch, "missing.jsonl")} (fichier introuvable)`
    )
  })

  it("report reads payments and activities from .jsonl files, with the same report as from JSON", async () => {
    const payments = JSON.parse(readFileSync(data("payments.json"), "utf8")) as Array<unknown>
    const paymentsPath = jsonLines(
      "payments.jsonl",
      payments.map((record) => JSON.stringify(record))
    )
    const activitiesPath = jsonLines(
      "report-activities.jsonl",
      activities.map((record) => JSON.stringify(record))
    )
    const common = [
      data("portfolio.json"),
      ...CPO,
      "--year",
      "2024",
      "--expenses",
      data("expenses.json"),
      "--format",
      "json"
    ]
    const fromLines = await cliAsync("report", ...common, "--payments", paymentsPath, "--activities", activitiesPath)
    const fromJson = cli(
      "report",
      ...common,
      "--payments",
      data("payments.json"),
      "--activities",
      data("activities.json")
    )
    expect(fromLines.code).toBe(0)
    expect(fromLines.out).toBe(fromJson.out)
    expect(JSON.parse(fromLines.out).funding.schedule.instalments.length).toBeGreaterThan(0)
    const bad = jsonLines("bad-payments.jsonl", [JSON.stringify(payments[0]), "[1,"])
    const refused = await cliAsync("report", ...common, "--payments", bad)
    expect(refused.err.split("\n")).toEqual([
      `✗ ${bad} : 1 problème`,
      "  (root) : ligne 2 : pas un document JSON (erreur colonne 4)"
    ])
  })
})
