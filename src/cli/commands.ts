/**
 * The commands of the command line, each a thin shell over the public API.
 *
 * @module
 */
import { realpathSync, statSync } from "node:fs"
import { extname } from "node:path"
import {
  ACCOMPANIMENT_KIND_LABELS,
  CONVENTION_KIND_LABELS,
  CONVENTION_STATUS_LABELS,
  type CalendarDate,
  type Convention,
  FUNDING_SCHEME_LABELS,
  type Portfolio,
  SECTOR_LABELS,
  ValidationError,
  annualReport,
  departementText,
  checkCompliance,
  type ConventionObjectives,
  evaluateConventionObjectivesAsync,
  evaluateObjectivesAsync,
  type ObjectivesEvaluation,
  conventionReport,
  conventionStatus,
  explain,
  formatIssues,
  formatPath,
  issueMessage,
  readCalendarDate,
  lineage,
  parseActivities,
  parseExpenses,
  parsePayments,
  parseRepayments,
  parseFinancialReport,
  safeParseFinancialReport,
  type SafeParseResult,
  type FinancialReportDocument,
  type Issue,
  renderReportHtml,
  renderReportMarkdown,
  REPORT_TABLE_IDS,
  type ReportTableId,
  reportTablesCsv,
  type Partner,
  runScenario,
  safeParseConvention,
  safeParsePartner,
  safeParsePortfolio,
  safeParseScenario,
  screenEligibility,
  termsAsOf,
  SCDL_VERSIONS,
  type ScdlVersion,
  toScdlCsv,
  unmetConditions
} from "../index.js"
import {
  DATES_BY_YEAR_OPTION,
  DATE_OPTION,
  FILE_OPTION,
  FOLDER_OPTION,
  type ParsedArgs,
  UsageError,
  YEAR_OPTION,
  datesByYear,
  oneOf,
  option
} from "./args.js"
import { reasonOf, readJson, scenarioPaths, scenarioReader, writeOutput } from "./files.js"
import { isJsonLinesPath, readJsonLines } from "./jsonl.js"
import {
  conventionObjectivesLabel,
  objectiveLine,
  objectiveYearsLine,
  synthesisFacts,
  synthesisSentence,
  yearFacts,
  yearObjectivesLabel,
  yearSentence
} from "../vocabulary/objectives.js"
import { SERVE_COMMAND } from "./serve.js"
import type { Command, Io } from "./types.js"
import { detect, isRecord, wrongShape } from "../documents/detect.js"
import { reportCsvText } from "../documents/report-csv.js"
import { csvOnlyOptionText, decimalCommaText, missingTableText } from "../vocabulary/doors.js"
import {
  type LaterDecision,
  activitiesNotSpreadsheetText,
  cannotReadText,
  checkSummaryText,
  conventionInSeveralFilesText,
  conventionNotInFileText,
  csvOnlyInWorkbookText,
  fileProblemsText,
  notASpreadsheetText,
  notAWorkbookText,
  recordsValidText,
  recordsWrittenText,
  repaymentsNotJsonText,
  reportWrittenText,
  scdlCountsText,
  scdlUnsignedText,
  screenedText,
  screeningCountsText,
  severalConventionsInFileText,
  skippedRowsText,
  templateWrittenText,
  termsLines,
  unreadableCandidateText,
  validFileText,
  verdictText,
  yearObjectivesHead
} from "../vocabulary/cli.js"
import { NO_FILE_TO_VALIDATE } from "../vocabulary/cli.js"
import { NO_CONVENTION_FILE } from "../vocabulary/cli.js"
import { NO_ELIGIBILITY_FILES } from "../vocabulary/cli.js"
import { NO_SCENARIO_FILE } from "../vocabulary/cli.js"
import { PDF_NEEDS_OUT } from "../vocabulary/cli.js"
import { XLSX_NEEDS_OUT } from "../vocabulary/cli.js"
import { NO_PORTFOLIO_FILE } from "../vocabulary/cli.js"
import { NO_SPREADSHEET_FILE } from "../vocabulary/cli.js"

type SpreadsheetModule = typeof import("../spreadsheet/index.js")
let spreadsheetModule: Promise<SpreadsheetModule> | undefined
/** The spreadsheet entry point, loaded on first use only: the other commands never load exceljs. */
const spreadsheets = (): Promise<SpreadsheetModule> => (spreadsheetModule ??= import("../spreadsheet/index.js"))

/** The kinds of records a scenario or a report reads from a spreadsheet, as the options name them. */
const SHEET_KINDS = ["activities", "payments", "expenses"] as const
/** The kinds `import` and `template` read and write: those, and the financial reports (one per convention, year and action). */
const IMPORT_KINDS = [...SHEET_KINDS, "financial-reports"] as const
type SheetKind = (typeof IMPORT_KINDS)[number]
/** Whether a file is a spreadsheet (`.csv`, `.xlsx`) rather than JSON, by its name. */
function isSpreadsheetPath(path: string): boolean {
  return [".csv", ".xlsx"].includes(extname(path).toLowerCase())
}

/**
 * Reads records of one kind from a spreadsheet file, as JSON (what a JSON file of records would
 * hold), saying on standard error which empty rows were skipped. A file that cannot be read is a
 * usage error; problems in it throw a `SpreadsheetError` (exit 1, every problem listed).
 */
async function spreadsheetRecords(
  kind: SheetKind,
  path: string,
  io: Io
): Promise<{ readonly json: ReadonlyArray<unknown>; readonly count: number }> {
  try {
    if (!statSync(path).isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" })
  } catch (error) {
    throw new UsageError(cannotReadText(path, reasonOf(error)))
  }
  const { SPREADSHEET_KINDS, readSpreadsheetFile } = await spreadsheets()
  const read = await readSpreadsheetFile(kind, path)
  if (read.skippedRows.length > 0) io.err(`${path} : ${skippedRowsText(read.skippedRows)}`)
  return { json: SPREADSHEET_KINDS[kind].encode(read.records as ReadonlyArray<never>), count: read.records.length }
}

/** @internal The lines telling what is wrong in `file`, in the language of `io` (French by default), with the value found and the suggestions. */
export function problemLines(io: Io, file: string, error: ValidationError): Array<string> {
  const [head = "", ...rest] = formatIssues(error, { locale: io.locale ?? "fr", title: file })
  return [`✗ ${head}`, ...rest]
}

function problems(io: Io, file: string, error: ValidationError): void {
  for (const line of problemLines(io, file, error)) io.err(line)
}

/** Checks one file for `validate`: its exit code (0 valid, 1 invalid, 2 unreadable), after saying why. */
function validateFile(file: string, io: Io): number {
  let json: unknown
  try {
    json = readJson(file)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`✗ ${error.message}`)
      return 2
    }
    if (error instanceof ValidationError) {
      problems(io, file, error)
      return 1
    }
    throw error
  }
  const detected = detect(file, json)
  if ("error" in detected) {
    problems(io, file, detected.error)
    return 1
  }
  io.out(`✓ ${validFileText(file, detected.kind, detected.summary)}`)
  return 0
}

/** @internal `validate <file…>`: every file is checked; the exit code is the worst. */
function validate(args: ParsedArgs, io: Io): number {
  if (args.positional.length === 0) throw new UsageError(NO_FILE_TO_VALIDATE)
  return Math.max(...args.positional.map((file) => validateFile(file, io)))
}

/** The same problems, attributed to the file they were found in. */
function inFile(file: string, error: ValidationError): ValidationError {
  const count = error.issues.length + (error.omittedIssues ?? 0)
  return new ValidationError({
    subject: file,
    issues: error.issues,
    ...(error.omittedIssues === undefined ? {} : { omittedIssues: error.omittedIssues }),
    message: fileProblemsText(file, count)
  })
}

/** @internal The conventions of a file: a portfolio, or one convention. */
function conventionsOf(file: string): {
  readonly conventions: ReadonlyArray<Convention>
  readonly portfolio?: Portfolio
} {
  const json = readJson(file)
  if (!isRecord(json))
    throw wrongShape(file, {
      fr: "un portefeuille ou une convention (un objet JSON)",
      en: "a portfolio or a convention (a JSON object)"
    })
  if ("conventions" in json || "partners" in json) {
    const result = safeParsePortfolio(json)
    if (!result.success) throw inFile(file, result.error)
    return { conventions: result.data.conventions, portfolio: result.data }
  }
  const result = safeParseConvention(json)
  if (!result.success) throw inFile(file, result.error)
  return { conventions: [result.data] }
}

function pickConvention(conventions: ReadonlyArray<Convention>, id: string | undefined, file: string): Convention {
  if (id !== undefined) {
    const found = conventions.find((convention) => convention.id === id)
    if (found === undefined)
      throw new UsageError(
        conventionNotInFileText(
          file,
          id,
          conventions.map((c) => c.id)
        )
      )
    return found
  }
  // Without --convention: the one no other convention follows (the latest of its lineage).
  const followed = new Set(conventions.map((convention) => convention.predecessorId))
  const latest = conventions.filter((convention) => !followed.has(convention.id))
  if (latest.length !== 1)
    throw new UsageError(
      severalConventionsInFileText(
        file,
        conventions.map((c) => c.id)
      )
    )
  return latest[0] as Convention
}

function firstFile(args: ParsedArgs): string {
  const file = args.positional[0]
  if (file === undefined) throw new UsageError(NO_CONVENTION_FILE)
  return file
}

/**
 * @internal The decisions of a convention taken after `day` that bear on the terms in force on
 * `date`: the amendments in force by `date` signed later, a termination or a withdrawal decided later.
 */
function decidedAfter(convention: Convention, day: CalendarDate, date: CalendarDate): Array<LaterDecision> {
  const later: Array<LaterDecision> = convention.amendments
    .filter((amendment) => amendment.signatureDate > day && amendment.effectiveDate <= date)
    .map((amendment) => ({ kind: "amendment", number: amendment.number, signedOn: amendment.signatureDate }))
  const termination = convention.termination
  const terminationDecided = termination?.decidedOn ?? termination?.date
  if (termination !== undefined && terminationDecided !== undefined && terminationDecided > day)
    later.push({ kind: "termination", last: termination.date, decidedOn: terminationDecided })
  const withdrawal = convention.withdrawal
  if (withdrawal !== undefined && withdrawal.decidedOn > day)
    later.push({ kind: "withdrawal", from: withdrawal.effectiveFrom, decidedOn: withdrawal.decidedOn })
  return later
}

/** @internal `terms <file> --date D [--known-on D] [--convention id]` */
function terms(args: ParsedArgs, io: Io): number {
  const file = firstFile(args)
  const date = readCalendarDate(option(args, "date", true))
  const knownOnText = option(args, "known-on")
  const knownOn = knownOnText === undefined ? undefined : readCalendarDate(knownOnText)
  const known = knownOn === undefined ? {} : { knownOn }
  const { conventions, portfolio } = conventionsOf(file)
  const convention = pickConvention(conventions, option(args, "convention"), file)
  const name = (id: string) => portfolio?.partners.find((partner) => partner.id === id)?.name ?? id
  const { terms: t, applied } = termsAsOf(convention, date, known)
  const partner = portfolio?.partners.find((candidate) => candidate.id === convention.partnerId)
  const lines = termsLines({
    title: convention.title,
    kind: CONVENTION_KIND_LABELS[convention.kind],
    funder: name(convention.funderId),
    partner: name(convention.partnerId),
    date,
    ...known,
    decidedLater: decidedAfter(convention, knownOn ?? date, date),
    status: CONVENTION_STATUS_LABELS[conventionStatus(convention, date, known)],
    period: t.period,
    territory: t.territory.map(departementText),
    sectors: t.sectors.map((sector) => SECTOR_LABELS[sector]),
    accompaniments: t.accompanimentKinds.map((kind) => ACCOMPANIMENT_KIND_LABELS[kind]),
    scheme: FUNDING_SCHEME_LABELS[t.fundingScheme],
    excludedSchemes: t.excludedSchemes.map((scheme) => FUNDING_SCHEME_LABELS[scheme]),
    ...(t.amounts === undefined
      ? {}
      : {
          amounts:
            t.amounts.kind === "constant"
              ? { kind: "constant" as const, yearlyAmount: t.amounts.yearlyAmount }
              : { kind: "by-year" as const, byYear: Object.entries(t.amounts.byYear) }
        }),
    applied,
    objectives: t.objectives.map((objective) => objective.title),
    ...(conventions.length > 1 ? { lineage: lineage(conventions, convention.id).map((step) => step.id) } : {}),
    findings: checkCompliance(convention, { ...(partner === undefined ? {} : { partner }), ...known }).filter(
      (f) => f.severity !== "info"
    )
  })
  for (const line of lines) io.out(line)
  return 0
}

type ScreeningLine = ReturnType<typeof screenEligibility>["lines"][number]

/** Screens the candidates by batches of 10 000, updating the progress line after each. */
function screenInBatches(
  convention: Convention,
  candidates: ReadonlyArray<unknown>,
  date: string,
  io: Io
): Array<ScreeningLine> {
  const batch = 10_000
  const progress = candidates.length > batch ? io.progress : undefined
  const lines: Array<ScreeningLine> = []
  for (let start = 0; start < candidates.length; start += batch) {
    const screening = screenEligibility(convention, candidates.slice(start, start + batch), { date })
    lines.push(...screening.lines.map((line) => ({ ...line, index: line.index + start })))
    progress?.update(screenedText(Math.min(start + batch, candidates.length), candidates.length))
  }
  progress?.end()
  return lines
}

/** @internal `eligibility <conventions> <candidates> --date D [--convention id] [--explain] [--format text|json]` */
function eligibility(args: ParsedArgs, io: Io): number {
  const [conventionFile, candidatesFile] = args.positional
  if (conventionFile === undefined || candidatesFile === undefined) throw new UsageError(NO_ELIGIBILITY_FILES)
  const date = option(args, "date", true)
  const convention = pickConvention(
    conventionsOf(conventionFile).conventions,
    option(args, "convention"),
    conventionFile
  )
  const candidates = readJson(candidatesFile)
  if (!Array.isArray(candidates))
    throw wrongShape(candidatesFile, { fr: "une liste de candidats", en: "a list of candidates" })
  const lines = screenInBatches(convention, candidates, date, io)
  if (option(args, "format") === "json") io.out(JSON.stringify(lines, null, 2))
  else {
    for (const line of lines) {
      if (line.status === "invalid") {
        const problems = line.error.issues.map((issue) => ({
          location: formatPath(issue.path),
          message: issueMessage(issue, io.locale ?? "fr")
        }))
        io.out(`✗ ${unreadableCandidateText(line.index, problems)}`)
      } else if (args.options.has("explain")) io.out(explain(line.result).join("\n"))
      else
        io.out(
          `${line.result.eligible ? "✓" : "✗"} ${verdictText(line.result.candidateId, line.result.eligible, line.result.eligible ? "" : unmetConditions(line.result.failures))}`
        )
    }
  }
  const invalid = lines.filter((line) => line.status === "invalid").length
  const eligible = lines.filter((line) => line.status === "eligible").length
  io.err(screeningCountsText(eligible, lines.length - eligible - invalid, invalid))
  return invalid === 0 ? 0 : 1
}

/** The records a scenario names as spreadsheet files, read as JSON, by reference; or the exit code of a failure, reported. */
async function scenarioSpreadsheets(
  file: string,
  scenario: Readonly<Record<string, unknown>>,
  root: string | undefined,
  io: Io
): Promise<Map<string, unknown> | number> {
  const preloaded = new Map<string, unknown>()
  for (const kind of SHEET_KINDS) {
    const reference = scenario[kind]
    if (typeof reference !== "string" || !isSpreadsheetPath(reference)) continue
    try {
      preloaded.set(reference, (await spreadsheetRecords(kind, scenarioPaths(file, root)(reference), io)).json)
    } catch (error) {
      if (error instanceof UsageError) {
        io.out(`✗ ${file} : ${error.message}`)
        return 1
      }
      if (error instanceof Error && "frenchMessage" in error && "_tag" in error) {
        io.out(`✗ ${file} : ${String(error.frenchMessage)}`)
        return 1
      }
      throw error
    }
  }
  return preloaded
}

/** Runs one scenario file for `check`: its exit code (0 passed, 1 failed or invalid, 2 unreadable). */
function checkFile(file: string, root: string | undefined, io: Io): number | Promise<number> {
  let scenario: ReturnType<typeof safeParseScenario>
  try {
    scenario = safeParseScenario(readJson(file))
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ValidationError)) throw error
    io.out(`✗ ${error.message}`)
    return error instanceof UsageError ? 2 : 1
  }
  if (!scenario.success) {
    for (const line of problemLines(io, file, scenario.error)) io.out(line)
    return 1
  }
  const data = scenario.data
  if (SHEET_KINDS.some((kind) => typeof data[kind] === "string" && isSpreadsheetPath(data[kind]))) {
    return scenarioSpreadsheets(file, data, root, io).then((preloaded) =>
      typeof preloaded === "number" ? preloaded : scenarioOutcome(file, data, scenarioReader(file, root, preloaded), io)
    )
  }
  return scenarioOutcome(file, data, scenarioReader(file, root), io)
}

/** Runs a decoded scenario and prints its outcome: its exit code. */
function scenarioOutcome(
  file: string,
  scenario: Parameters<typeof runScenario>[0],
  files: Parameters<typeof runScenario>[1],
  io: Io
): number {
  const result = runScenario(scenario, files)
  if (result.passed) {
    io.out(`✓ ${result.name}`)
    return 0
  }
  io.out(`✗ ${result.name} (${file})`)
  for (const difference of result.differences) io.out(`  ${difference}`)
  return 1
}

/** @internal `check <scenario…> [--root dossier]`: every file is run; the exit code is the worst. */
function check(args: ParsedArgs, io: Io): number | Promise<number> {
  if (args.positional.length === 0) throw new UsageError(NO_SCENARIO_FILE)
  const finish = (codes: ReadonlyArray<number>): number => {
    const failed = codes.filter((code) => code !== 0).length
    io.out(checkSummaryText(codes.length - failed, failed))
    return Math.max(...codes)
  }
  // In order, one file after the other, so that the output reads in the order of the files.
  const codes: Array<number> = []
  for (const [index, file] of args.positional.entries()) {
    const code = checkFile(file, option(args, "root"), io)
    if (typeof code !== "number") {
      return (async () => {
        codes.push(await code)
        for (const next of args.positional.slice(index + 1)) codes.push(await checkFile(next, option(args, "root"), io))
        return finish(codes)
      })()
    }
    codes.push(code)
  }
  return finish(codes)
}

function recordsFile<T>(path: string | undefined, parse: (json: unknown) => T, empty: T, preloaded?: unknown): T {
  if (path === undefined) return empty
  const json = preloaded ?? readJson(path)
  try {
    return parse(json)
  } catch (error) {
    throw error instanceof ValidationError ? inFile(path, error) : error
  }
}

/** The files a command reads, which `--out` must not overwrite. */
function inputFiles(args: ParsedArgs): Array<string> {
  const options = ["activities", "payments", "expenses", "repayments", "financial-reports", "partners"].flatMap(
    (name) => {
      const value = args.options.get(name)
      return typeof value === "string" ? [value] : []
    }
  )
  return [...args.positional, ...options]
}

/** Prints `text` on standard output, or writes it to `--out` (atomically, never onto an input); says whether it wrote. */
function emit(args: ParsedArgs, io: Io, text: string): string | undefined {
  const out = option(args, "out")
  if (out === undefined) io.out(text.replace(/\r?\n$/u, ""))
  else writeOutput(out, text, inputFiles(args))
  return out
}

/**
 * @internal `report <file> [--year Y] [--activities f] [--payments f] [--expenses f] [--repayments f] [--as-of D]
 * [--reports-accepted Y=D,…] [--financial-report-received Y=D,…] [--format md|html|json|csv|pdf|xlsx] [--out f] [--convention id]`;
 * a PDF is written to `--out` only, printed by Chromium (asynchronously); an XLSX workbook of the
 * report's tables to `--out` only, by the spreadsheet entry point (loaded here only).
 */
function report(args: ParsedArgs, io: Io): number | Promise<number> {
  const format = option(args, "format") ?? "md"
  const pdfOut = option(args, "out")
  if (format === "pdf" && pdfOut === undefined) throw new UsageError(PDF_NEEDS_OUT)
  if (format === "xlsx" && pdfOut === undefined) throw new UsageError(XLSX_NEEDS_OUT)
  if (format === "xlsx" && extname(pdfOut as string).toLowerCase() !== ".xlsx")
    throw new UsageError(notAWorkbookText("tables", pdfOut as string))
  const csvOnly = ["table", "decimal", "separator", "bom"].filter((name) => args.options.has(name))
  if (format === "xlsx" && csvOnly[0] !== undefined) throw new UsageError(csvOnlyInWorkbookText(csvOnly[0]))
  if (format !== "csv" && csvOnly[0] !== undefined)
    throw new UsageError(csvOnlyOptionText("cli", csvOnly[0], format).fr)
  const repayments = option(args, "repayments")
  if (repayments !== undefined && isSpreadsheetPath(repayments))
    throw new UsageError(repaymentsNotJsonText(repayments, "spreadsheet"))
  if (repayments !== undefined && isJsonLinesPath(repayments))
    throw new UsageError(repaymentsNotJsonText(repayments, "json-lines"))
  const sheets = SHEET_KINDS.filter((kind) => {
    const path = option(args, kind)
    return path !== undefined && isSpreadsheetPath(path)
  })
  // A report needs its records as lists (it reads them for several years): JSON Lines files are read whole.
  const lines = SHEET_KINDS.filter((kind) => {
    const path = option(args, kind)
    return path !== undefined && isJsonLinesPath(path)
  })
  if (sheets.length === 0 && lines.length === 0) return reportWith(args, io, new Map())
  const files = new Map(lines.map((kind) => [kind, readJsonLines(option(args, kind) as string)] as const))
  return (async () => {
    const preloaded = new Map<string, unknown>()
    for (const kind of sheets)
      preloaded.set(kind, (await spreadsheetRecords(kind, option(args, kind) as string, io)).json)
    for (const [kind, records] of files) preloaded.set(kind, await listOf(records))
    return reportWith(args, io, preloaded)
  })()
}

/** `report`, the records of spreadsheet files already read (`preloaded`, by option). */
function reportWith(args: ParsedArgs, io: Io, preloaded: ReadonlyMap<string, unknown>): number | Promise<number> {
  const format = option(args, "format") ?? "md"
  const pdfOut = option(args, "out")
  const file = firstFile(args)
  const { conventions, portfolio } = conventionsOf(file)
  const convention = pickConvention(conventions, option(args, "convention"), file)
  const asOf = option(args, "as-of")
  const accepted = option(args, "reports-accepted")
  const received = option(args, "financial-report-received")
  const partnersFile = option(args, "partners")
  const partners = partnersFile === undefined ? portfolio?.partners : partnersOf(partnersFile)
  const inputs = {
    activities: recordsFile(option(args, "activities"), parseActivities, [], preloaded.get("activities")),
    payments: recordsFile(option(args, "payments"), parsePayments, [], preloaded.get("payments")),
    expenses: recordsFile(option(args, "expenses"), parseExpenses, [], preloaded.get("expenses")),
    repayments: recordsFile(option(args, "repayments"), parseRepayments, []),
    ...financialReportsOf(option(args, "financial-reports")),
    conventions,
    ...(partners === undefined ? {} : { partners }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(accepted === undefined ? {} : { reportsAcceptedOn: datesByYear(accepted) }),
    ...(received === undefined ? {} : { financialReportReceivedOn: datesByYear(received) })
  }
  const year = option(args, "year")
  const built =
    year === undefined
      ? conventionReport(convention, inputs)
      : annualReport(convention, { ...inputs, year: Number(year) })
  if (format === "pdf") return printPdf(renderReportHtml(built), pdfOut as string, inputFiles(args), io)
  if (format === "xlsx") return writeTablesWorkbook(built, pdfOut as string, inputFiles(args), io)
  const text =
    format === "csv"
      ? reportCsv(args, built)
      : format === "html"
        ? renderReportHtml(built)
        : format === "json"
          ? `${JSON.stringify(built, null, 2)}\n`
          : renderReportMarkdown(built)
  const out = emit(args, io, text)
  if (out !== undefined) io.err(reportWrittenText(out))
  return 0
}

/**
 * The comptes rendus financiers of `--financial-reports`: a JSON file holding one document or a
 * list of them (each decoded at its place in the list, a problem named with its file and path).
 */
function financialReportsOf(path: string | undefined): {
  readonly financialReports?: ReadonlyArray<FinancialReportDocument>
} {
  if (path === undefined) return {}
  const json = readJson(path)
  try {
    return {
      financialReports: Array.isArray(json)
        ? decodedEach(json, safeParseFinancialReport, path)
        : [parseFinancialReport(json)]
    }
  } catch (error) {
    throw error instanceof ValidationError ? inFile(path, error) : error
  }
}

/** Each item of a list decoded by `safeParse`; the problems of all of them gathered under their index, in a {@link ValidationError} of `subject`. */
function decodedEach<T>(
  items: ReadonlyArray<unknown>,
  safeParse: (json: unknown) => SafeParseResult<T>,
  subject: string
): ReadonlyArray<T> {
  const issues: Array<Issue> = []
  const values = items.flatMap((item: unknown, index) => {
    const parsed = safeParse(item)
    if (parsed.success) return [parsed.data]
    issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })))
    return []
  })
  if (issues.length > 0) throw ValidationError.of(subject, issues)
  return values
}

/** The values of a JSON Lines file, read whole. */
async function listOf(records: AsyncIterable<unknown>): Promise<ReadonlyArray<unknown>> {
  const values: Array<unknown> = []
  for await (const value of records) values.push(value)
  return values
}

/** The activity records of `--activities`: a JSON Lines file read as a stream, or a JSON list. */
function activityRecords(path: string | undefined): Iterable<unknown> | AsyncIterable<unknown> {
  if (path === undefined) return []
  if (isJsonLinesPath(path)) return readJsonLines(path)
  if (isSpreadsheetPath(path)) throw new UsageError(activitiesNotSpreadsheetText(path))
  const json = readJson(path)
  if (!Array.isArray(json))
    throw wrongShape(path, { fr: "une liste d'activités (un tableau JSON)", en: "a list of activities (a JSON array)" })
  return json
}

/** What the objectives of a year say, line by line, from the evaluation's typed fields. */
function yearLines(evaluation: ObjectivesEvaluation): Array<string> {
  const sentence = yearSentence(yearFacts(evaluation))
  return [
    yearObjectivesHead(yearObjectivesLabel(evaluation.year), evaluation.conventionId, sentence),
    ...evaluation.results.map(
      (result) =>
        `- ${objectiveLine({
          title: result.title,
          status: result.status,
          value: result.indicatorFacts.value,
          target: result.target,
          counted: result.counted.length,
          excluded: result.excluded.length
        })}`
    )
  ]
}

/** What the objectives of a convention say over its years, line by line, from the review's typed fields. */
function reviewLines(review: ConventionObjectives): Array<string> {
  const failed = review.objectives.filter((objective) => objective.notMet.length > 0).length
  return [
    `${conventionObjectivesLabel(review.conventionId)} : ${synthesisSentence(synthesisFacts(review.years, review.objectives.length, failed, review.asOf))}`,
    ...review.objectives.map((objective) => `- ${objectiveYearsLine(objective.title, objective.byYear)}`)
  ]
}

/**
 * @internal `objectives <file> [--activities f.json|f.jsonl] [--year Y] [--as-of D] [--convention id]
 * [--format text|json]`: the objectives of a year, or of every year without `--year`; a JSON
 * Lines file of activities is read as a stream, one record at a time, never held whole.
 */
function objectives(args: ParsedArgs, io: Io): Promise<number> {
  const file = firstFile(args)
  const { conventions } = conventionsOf(file)
  const convention = pickConvention(conventions, option(args, "convention"), file)
  const path = option(args, "activities")
  const records = activityRecords(path)
  const asOf = option(args, "as-of")
  const year = option(args, "year")
  const inPath = (error: unknown): never => {
    // Problems with the records name the file; a line that is not JSON already does.
    throw error instanceof ValidationError && path !== undefined && error.subject === "activities"
      ? inFile(path, error)
      : error
  }
  const json = option(args, "format") === "json"
  if (year !== undefined)
    return evaluateObjectivesAsync(convention, records, { year: Number(year), ...(asOf === undefined ? {} : { asOf }) })
      .then((evaluation) => {
        io.out(json ? JSON.stringify(evaluation, null, 2) : yearLines(evaluation).join("\n"))
        return 0
      })
      .catch(inPath)
  return evaluateConventionObjectivesAsync(convention, records, asOf === undefined ? {} : { asOf })
    .then((review) => {
      io.out(json ? JSON.stringify(review, null, 2) : reviewLines(review).join("\n"))
      return 0
    })
    .catch(inPath)
}

/** Prints the page to PDF (Chromium, loaded only here) and writes it to `out`. */
async function printPdf(html: string, out: string, inputs: ReadonlyArray<string>, io: Io): Promise<number> {
  const { htmlToPdf } = await import("./pdf.js")
  writeOutput(out, await htmlToPdf(html), inputs)
  io.err(reportWrittenText(out))
  return 0
}

/** Writes the report's tables as an XLSX workbook to `out` (the spreadsheet entry point, loaded only here). */
async function writeTablesWorkbook(
  built: Parameters<typeof reportTablesCsv>[0],
  out: string,
  inputs: ReadonlyArray<string>,
  io: Io
): Promise<number> {
  const { reportTablesWorkbook } = await spreadsheets()
  writeOutput(out, await reportTablesWorkbook(built), inputs)
  io.err(reportWrittenText(out, true))
  return 0
}

/** The partners of `--partners`: a list of partners, or a portfolio's. */
function partnersOf(file: string): ReadonlyArray<Partner> {
  const json = readJson(file)
  const list: unknown = isRecord(json) && Array.isArray(json.partners) ? json.partners : json
  if (!Array.isArray(list))
    throw wrongShape(file, {
      fr: "une liste de partenaires ou un portefeuille",
      en: "a list of partners or a portfolio"
    })
  return decodedEach(list, safeParsePartner, file)
}

/**
 * The tables of a report as CSV (`--format csv`): the one `--table` names, or every table, each
 * after a line with its title and separated by an empty line; `--decimal`, `--separator`, `--bom`.
 */
function reportCsv(args: ParsedArgs, built: Parameters<typeof reportTablesCsv>[0]): string {
  const written = reportCsvText(built, {
    table: option(args, "table") as ReportTableId | undefined,
    separator: option(args, "separator") as ";" | "," | undefined,
    decimal: option(args, "decimal") as "," | "." | undefined,
    bom: args.options.has("bom")
  })
  if ("csv" in written) return written.csv
  throw new UsageError(
    written.refused === "decimal-comma"
      ? decimalCommaText("cli").fr
      : missingTableText(written.report, written.table, written.tables).fr
  )
}

/** The conventions of every file, each with the file's partners; a file named twice is read once. */
function filesForScdl(files: ReadonlyArray<string>): Array<{
  readonly file: string
  readonly conventions: ReadonlyArray<Convention>
  readonly partners: Portfolio["partners"]
}> {
  const seen = new Set<string>()
  return files.flatMap((file) => {
    const { conventions, portfolio } = conventionsOf(file)
    const real = realpathSync(file)
    if (seen.has(real)) return []
    seen.add(real)
    return [{ file, conventions, partners: portfolio?.partners ?? [] }]
  })
}

/** The ids of the conventions found in more than one file, with the files. */
function duplicates(
  found: ReadonlyArray<{ readonly file: string; readonly conventions: ReadonlyArray<Convention> }>
): Map<string, Array<string>> {
  const files = new Map<string, Array<string>>()
  for (const { file, conventions } of found)
    for (const convention of conventions) files.set(convention.id, [...(files.get(convention.id) ?? []), file])
  return new Map([...files].filter(([, where]) => where.length > 1))
}

/** "1 ligne", "2 lignes": a count with its noun, in proper French plural. */

/**
 * @internal `scdl <file…> [--scdl-version 2.1.1|2.0] [--out f]`: each file's conventions are
 * exported with that file's partners; a convention found in several files is left out (which
 * copy is right cannot be told).
 */
function scdl(args: ParsedArgs, io: Io): number {
  if (args.positional.length === 0) throw new UsageError(NO_PORTFOLIO_FILE)
  const version = (option(args, "scdl-version") ?? "2.1.1") as ScdlVersion
  const found = filesForScdl(args.positional)
  const repeated = duplicates(found)
  const exports = found.map(({ conventions, partners }) =>
    toScdlCsv(
      conventions.filter((convention) => !repeated.has(convention.id)),
      { partners, version }
    )
  )
  const header = toScdlCsv([], { partners: [], version }).csv
  const csv = header + exports.map((exported) => exported.csv.slice(header.length)).join("")
  emit(args, io, csv)
  for (const [id, files] of repeated) io.err(`✗ ${conventionInSeveralFilesText(id, files)}`)
  const problems = exports.flatMap((exported) => exported.problems)
  for (const problem of problems) io.err(`✗ ${problem.conventionId} (${problem.column}) : ${problem.message}`)
  const unsigned = exports.flatMap((exported) => exported.unsigned)
  for (const id of unsigned) io.err(`· ${scdlUnsignedText(id)}`)
  const rows = exports.reduce((count, exported) => count + exported.rows.length, 0)
  const refused = repeated.size + new Set(problems.map((p) => p.conventionId)).size
  io.err(scdlCountsText(version, rows, refused, unsigned.length))
  return refused === 0 ? 0 : 1
}

/** The `--kind` a spreadsheet command reads or writes. */
function kindOption(args: ParsedArgs): SheetKind {
  return option(args, "kind", true) as SheetKind
}

/** @internal `import <file> --kind K [--validate] [--out f]`: a CSV or XLSX file to JSON records. */
async function importSpreadsheet(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positional[0]
  if (file === undefined) throw new UsageError(NO_SPREADSHEET_FILE)
  if (!isSpreadsheetPath(file)) throw new UsageError(notASpreadsheetText(file))
  const kind = kindOption(args)
  const { json, count } = await spreadsheetRecords(kind, file, io)
  if (args.options.has("validate")) {
    io.out(`✓ ${file} : ${recordsValidText(kind, count)}`)
    return 0
  }
  const out = emit(args, io, `${JSON.stringify(json, null, 2)}\n`)
  if (out !== undefined) io.err(recordsWrittenText(kind, count, out))
  return 0
}

/** @internal `template --kind K --out f.xlsx`: a blank workbook to fill. */
async function template(args: ParsedArgs, io: Io): Promise<number> {
  const kind = kindOption(args)
  const out = option(args, "out", true)
  if (extname(out).toLowerCase() !== ".xlsx") throw new UsageError(notAWorkbookText("template", out))
  const { spreadsheetTemplate } = await spreadsheets()
  writeOutput(out, await spreadsheetTemplate(kind), [])
  io.err(templateWrittenText(kind, out))
  return 0
}

const DATE = { date: DATE_OPTION }
const CONVENTION = { convention: { value: "<id>" } }

/** @internal The commands, by name, with their options. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  validate: { options: {}, run: validate },
  terms: { options: { ...DATE, "known-on": DATE_OPTION, ...CONVENTION }, positionals: 1, run: terms },
  eligibility: {
    options: { ...DATE, ...CONVENTION, explain: {}, format: oneOf("text", "json") },
    positionals: 2,
    run: eligibility
  },
  check: { options: { root: FOLDER_OPTION }, run: check },
  report: {
    options: {
      year: YEAR_OPTION,
      activities: FILE_OPTION,
      payments: FILE_OPTION,
      expenses: FILE_OPTION,
      repayments: FILE_OPTION,
      "financial-reports": FILE_OPTION,
      "as-of": DATE_OPTION,
      "reports-accepted": DATES_BY_YEAR_OPTION,
      "financial-report-received": DATES_BY_YEAR_OPTION,
      partners: FILE_OPTION,
      ...CONVENTION,
      format: oneOf("md", "html", "json", "csv", "pdf", "xlsx"),
      out: FILE_OPTION,
      table: oneOf(...REPORT_TABLE_IDS),
      decimal: oneOf(",", "."),
      separator: oneOf(";", ","),
      bom: {}
    },
    positionals: 1,
    run: report
  },
  objectives: {
    options: {
      activities: FILE_OPTION,
      year: YEAR_OPTION,
      "as-of": DATE_OPTION,
      ...CONVENTION,
      format: oneOf("text", "json")
    },
    positionals: 1,
    run: objectives
  },
  scdl: { options: { "scdl-version": oneOf(...SCDL_VERSIONS), out: FILE_OPTION }, run: scdl },
  import: {
    options: { kind: oneOf(...IMPORT_KINDS), validate: {}, out: FILE_OPTION },
    positionals: 1,
    run: importSpreadsheet
  },
  template: { options: { kind: oneOf(...IMPORT_KINDS), out: FILE_OPTION }, positionals: 0, run: template },
  serve: SERVE_COMMAND
}
