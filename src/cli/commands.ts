/**
 * The commands of the command line, each a thin shell over the public API.
 *
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs"
import { dirname, resolve } from "node:path"
import {
  ACCOMPANIMENT_KIND_LABELS,
  CONVENTION_KIND_LABELS,
  type Convention,
  FUNDING_SCHEME_LABELS,
  type Portfolio,
  SECTOR_LABELS,
  ValidationError,
  annualReport,
  checkCompliance,
  conventionReport,
  conventionStatus,
  explain,
  formatFrenchDate,
  formatPath,
  lineage,
  parseActivities,
  parseCalendarDate,
  parseExpenses,
  parsePayments,
  parseScenario,
  renderReportHtml,
  renderReportMarkdown,
  runScenario,
  safeParseActivities,
  safeParseCandidates,
  safeParseConvention,
  safeParseExpenses,
  safeParsePartner,
  safeParsePayments,
  safeParsePortfolio,
  safeParseScenario,
  screenEligibility,
  termsAsOf,
  toScdlCsv
} from "../index.js"
import { type ParsedArgs, UsageError, option } from "./args.js"

/** @internal Where a command writes: standard output and error, and whether stderr is a terminal. */
export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly progress: boolean
}

/** @internal Reads and parses a JSON file, or a usage error saying why it cannot. */
export function readJson(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, "utf8")
  } catch {
    throw new UsageError(`impossible de lire le fichier ${path}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ValidationError({ subject: path, issues: [{ path: [], message: `not JSON: ${(error as Error).message}` }], message: `${path} n'est pas un fichier JSON valide : ${(error as Error).message}` })
  }
}

function problems(io: Io, file: string, error: ValidationError): void {
  io.err(`✗ ${file} : ${error.issues.length} problème(s)`)
  for (const issue of error.issues) io.err(`  ${formatPath(issue.path)} : ${issue.message}`)
}

type Detected = { readonly kind: string; readonly summary: string } | { readonly error: ValidationError }

function detect(json: unknown): Detected {
  const describe = <T>(result: { success: true; data: T } | { success: false; error: ValidationError }, kind: string, summary: (data: T) => string): Detected =>
    result.success ? { kind, summary: summary(result.data) } : { error: result.error }
  if (Array.isArray(json)) {
    const first = json[0] as Record<string, unknown> | undefined
    if (first !== undefined && "accompanimentKind" in first) return describe(safeParseCandidates(json), "candidats", (list) => `${list.length} candidat(s)`)
    if (first !== undefined && "category" in first) return describe(safeParseExpenses(json), "dépenses", (list) => `${list.length} dépense(s)`)
    if (first !== undefined && "year" in first && "amount" in first) return describe(safeParsePayments(json), "versements", (list) => `${list.length} versement(s)`)
    return describe(safeParseActivities(json), "activités", (list) => `${list.length} enregistrement(s) d'activité`)
  }
  const object = (json ?? {}) as Record<string, unknown>
  if ("partners" in object || "conventions" in object) return describe(safeParsePortfolio(json), "portefeuille", (p: Portfolio) => `${p.partners.length} partenaire(s), ${p.conventions.length} convention(s)`)
  if ("question" in object) return describe(safeParseScenario(json), "scénario", (s: { readonly name: string }) => s.name)
  if ("terms" in object) return describe(safeParseConvention(json), "convention", (c) => c.title)
  return describe(safeParsePartner(json), "partenaire", (p) => p.name)
}

/** @internal `validate <file…>` */
export function validate(args: ParsedArgs, io: Io): number {
  if (args.positional.length === 0) throw new UsageError("indiquez au moins un fichier à valider")
  let failed = 0
  for (const file of args.positional) {
    const detected = detect(readJson(file))
    if ("error" in detected) {
      failed++
      problems(io, file, detected.error)
    } else io.out(`✓ ${file} : ${detected.kind}, valide (${detected.summary})`)
  }
  return failed === 0 ? 0 : 1
}

/** @internal The conventions of a file: a portfolio, or one convention. */
function conventionsOf(file: string): { readonly conventions: ReadonlyArray<Convention>; readonly portfolio?: Portfolio } {
  const json = readJson(file)
  const object = (json ?? {}) as Record<string, unknown>
  if ("conventions" in object || "partners" in object) {
    const result = safeParsePortfolio(json)
    if (!result.success) throw result.error
    return { conventions: result.data.conventions, portfolio: result.data }
  }
  const result = safeParseConvention(json)
  if (!result.success) throw result.error
  return { conventions: [result.data] }
}

function pickConvention(conventions: ReadonlyArray<Convention>, id: string | undefined, file: string): Convention {
  if (id !== undefined) {
    const found = conventions.find((convention) => convention.id === id)
    if (found === undefined) throw new UsageError(`${file} ne contient pas la convention ${id} (conventions : ${conventions.map((c) => c.id).join(", ")})`)
    return found
  }
  // Without --convention: the one no other convention follows (the latest of its lineage).
  const followed = new Set(conventions.map((convention) => convention.predecessorId))
  const latest = conventions.filter((convention) => !followed.has(convention.id))
  if (latest.length !== 1) throw new UsageError(`${file} contient plusieurs conventions : précisez --convention (${conventions.map((c) => c.id).join(", ")})`)
  return latest[0] as Convention
}

/** @internal `terms <file> --date D [--convention id]` */
export function terms(args: ParsedArgs, io: Io): number {
  const file = args.positional[0]
  if (file === undefined) throw new UsageError("indiquez le fichier de la convention ou du portefeuille")
  const date = parseCalendarDate(option(args, "date", true))
  const { conventions, portfolio } = conventionsOf(file)
  const convention = pickConvention(conventions, option(args, "convention"), file)
  const name = (id: string) => portfolio?.partners.find((partner) => partner.id === id)?.name ?? id
  const { terms: t, applied } = termsAsOf(convention, date)
  const STATUS = { draft: "projet", signed: "signée", "in-force": "en vigueur", ended: "échue", terminated: "résiliée" } as const
  io.out(`${convention.title} (${CONVENTION_KIND_LABELS[convention.kind]})`)
  io.out(`${name(convention.funderId)} × ${name(convention.partnerId)}`)
  io.out(`Au ${formatFrenchDate(date)} : ${STATUS[conventionStatus(convention, date)]}`)
  io.out(`- Période : du ${formatFrenchDate(t.period.start)} au ${formatFrenchDate(t.period.end)}`)
  io.out(`- Territoire : ${t.territory.join(", ")}`)
  io.out(`- Secteurs : ${t.sectors.map((sector) => SECTOR_LABELS[sector]).join(", ")}`)
  io.out(`- Accompagnements : ${t.accompanimentKinds.map((kind) => ACCOMPANIMENT_KIND_LABELS[kind]).join(", ")}`)
  io.out(`- Financement : ${FUNDING_SCHEME_LABELS[t.fundingScheme]}${t.excludedSchemes.length === 0 ? "" : `, hors ${t.excludedSchemes.map((scheme) => FUNDING_SCHEME_LABELS[scheme]).join(", ")}`}`)
  if (t.amounts !== undefined) {
    io.out(`- Montant : ${t.amounts.kind === "constant" ? `${t.amounts.yearlyAmount.format()} par an` : Object.entries(t.amounts.byYear).map(([year, amount]) => `${year} : ${amount.format()}`).join(", ")}`)
  }
  io.out(`- Avenants appliqués : ${applied.length === 0 ? "aucun" : applied.map((amendment) => `n° ${amendment.number} (${formatFrenchDate(amendment.effectiveDate)})`).join(", ")}`)
  for (const objective of t.objectives) io.out(`- Objectif : ${objective.title}`)
  if (conventions.length > 1) io.out(`Filiation : ${lineage(conventions, convention.id).map((step) => step.id).join(" → ")}`)
  for (const finding of checkCompliance(convention).filter((f) => f.severity !== "info")) io.out(`- Conformité (${finding.severity}) : ${finding.message}`)
  return 0
}

/** @internal `eligibility <conventions> <candidates> --date D [--convention id] [--explain] [--format text|json]` */
export function eligibility(args: ParsedArgs, io: Io): number {
  const [conventionFile, candidatesFile] = args.positional
  if (conventionFile === undefined || candidatesFile === undefined) throw new UsageError("indiquez le fichier des conventions puis celui des candidats")
  const convention = pickConvention(conventionsOf(conventionFile).conventions, option(args, "convention"), conventionFile)
  const candidates = readJson(candidatesFile)
  if (!Array.isArray(candidates)) throw new UsageError(`${candidatesFile} doit contenir une liste de candidats`)
  const date = option(args, "date", true)
  const batch = 10_000
  const lines: Array<ReturnType<typeof screenEligibility>["lines"][number]> = []
  for (let start = 0; start < candidates.length; start += batch) {
    const screening = screenEligibility(convention, candidates.slice(start, start + batch), { date })
    lines.push(...screening.lines.map((line) => ({ ...line, index: line.index + start })))
    if (io.progress && candidates.length > batch) io.err(`\r${Math.min(start + batch, candidates.length)} / ${candidates.length} candidats examinés`)
  }
  if (io.progress && candidates.length > batch) io.err("\n")
  const format = option(args, "format") ?? "text"
  if (format === "json") io.out(JSON.stringify(lines, null, 2))
  else {
    for (const line of lines) {
      if (line.status === "invalid") {
        io.out(`✗ [${line.index}] illisible : ${line.error.issues.map((issue) => `${formatPath(issue.path)} : ${issue.message}`).join(" ; ")}`)
      } else if (args.options.has("explain")) io.out(explain(line.result).join("\n"))
      else io.out(`${line.result.eligible ? "✓" : "✗"} ${line.result.candidateId} : ${line.result.eligible ? "éligible" : `non éligible (${line.result.failedRules.join(", ")})`}`)
    }
  }
  const invalid = lines.filter((line) => line.status === "invalid").length
  const eligible = lines.filter((line) => line.status === "eligible").length
  io.err(`${eligible} éligible(s), ${lines.length - eligible - invalid} non éligible(s), ${invalid} illisible(s)`)
  return invalid === 0 ? 0 : 1
}

/** @internal `check <scenario…>` */
export function check(args: ParsedArgs, io: Io): number {
  if (args.positional.length === 0) throw new UsageError("indiquez au moins un fichier de scénario")
  let failed = 0
  for (const file of args.positional) {
    const result = runScenario(parseScenario(readJson(file)), (path) => readJson(resolve(dirname(file), path)))
    if (result.passed) io.out(`✓ ${result.name}`)
    else {
      failed++
      io.out(`✗ ${result.name} (${file})`)
      for (const difference of result.differences) io.out(`  ${difference}`)
    }
  }
  io.out(`${args.positional.length - failed} passed, ${failed} failed`)
  return failed === 0 ? 0 : 1
}

function recordsFile<T>(path: string | undefined, parse: (json: unknown) => T, empty: T): T {
  return path === undefined ? empty : parse(readJson(path))
}

/** @internal `report <file> [--year Y] [--activities f] [--payments f] [--expenses f] [--as-of D] [--format md|html|json] [--out f] [--convention id]` */
export function report(args: ParsedArgs, io: Io): number {
  const file = args.positional[0]
  if (file === undefined) throw new UsageError("indiquez le fichier de la convention ou du portefeuille")
  const { conventions, portfolio } = conventionsOf(file)
  const convention = pickConvention(conventions, option(args, "convention"), file)
  const asOf = option(args, "as-of")
  const inputs = {
    activities: recordsFile(option(args, "activities"), parseActivities, []),
    payments: recordsFile(option(args, "payments"), parsePayments, []),
    expenses: recordsFile(option(args, "expenses"), parseExpenses, []),
    conventions,
    ...(portfolio === undefined ? {} : { partners: portfolio.partners }),
    ...(asOf === undefined ? {} : { asOf })
  }
  const yearText = option(args, "year")
  const year = yearText === undefined ? undefined : Number(yearText)
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`--year attend une année, pas « ${yearText} »`)
  const built = year === undefined ? conventionReport(convention, inputs) : annualReport(convention, { ...inputs, year })
  const format = option(args, "format") ?? "md"
  if (!["md", "html", "json"].includes(format)) throw new UsageError(`--format attend md, html ou json, pas « ${format} »`)
  const text = format === "html" ? renderReportHtml(built) : format === "json" ? `${JSON.stringify(built, null, 2)}\n` : renderReportMarkdown(built)
  const out = option(args, "out")
  if (out === undefined) io.out(text.replace(/\n$/, ""))
  else {
    writeFileSync(out, text)
    io.err(`rapport écrit dans ${out}`)
  }
  return 0
}

/** @internal `scdl <file…> [--out f]` */
export function scdl(args: ParsedArgs, io: Io): number {
  if (args.positional.length === 0) throw new UsageError("indiquez au moins un fichier de portefeuille")
  const conventions: Array<Convention> = []
  const partners: Array<Portfolio["partners"][number]> = []
  for (const file of args.positional) {
    const { conventions: found, portfolio } = conventionsOf(file)
    conventions.push(...found)
    partners.push(...(portfolio?.partners ?? []))
  }
  const exported = toScdlCsv(conventions, { partners })
  const out = option(args, "out")
  if (out === undefined) io.out(exported.csv.replace(/\r\n$/, ""))
  else writeFileSync(out, exported.csv)
  for (const problem of exported.problems) io.err(`✗ ${problem.conventionId} (${problem.column}) : ${problem.message}`)
  io.err(`${exported.rows.length} ligne(s) exportée(s), ${new Set(exported.problems.map((p) => p.conventionId)).size} convention(s) écartée(s)`)
  return exported.problems.length === 0 ? 0 : 1
}
