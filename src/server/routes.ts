/**
 * What each endpoint of the HTTP service answers: the body decoded (see `requests.ts`), the same
 * library functions as the command line called, the result as JSON or as a document. Nothing is
 * kept from one request to the next.
 *
 * @internal
 * @module
 */
import {
  type AnnualReport,
  type Convention,
  type ConventionReport,
  type Locale,
  annualReport,
  checkCompliance,
  conventionReport,
  conventionStatus,
  evaluateFundingUse,
  evaluateObjectives,
  lineage,
  paymentSchedule,
  renderReportHtml,
  renderReportMarkdown,
  safeParseActivities,
  safeParseExpenses,
  safeParseFinancialReport,
  safeParsePartner,
  safeParsePayments,
  safeParseRepayments,
  screenEligibility,
  termsAsOf,
  toScdlCsv,
  resolveConvention,
  safeParsePortfolio,
  ValidationError
} from "../index.js"
import { detect } from "../documents/detect.js"
import { type ReportCsvOptions, reportCsvText } from "../documents/report-csv.js"
import { csvOnlyOptionText, decimalCommaText, missingTableText } from "../vocabulary/doors.js"
import { problemIssue, requestError } from "./problems.js"
import { Documents, type RequestName, decodeEnvelope, pickConvention, readSource } from "./requests.js"

/** @internal What an endpoint answers: a JSON value, or a text with its media type. */
export type Answer =
  | { readonly json: unknown }
  | { readonly text: string; readonly contentType: string; readonly headers?: Readonly<Record<string, string>> }

/** @internal An endpoint: its path, the name of its body's schema and of its answer's, and what it does. */
export interface Endpoint {
  readonly path: string
  readonly request: RequestName
  readonly response: string
  readonly summary: string
  readonly description: string
  /** The media types of its successful answers besides JSON (the report's Markdown and HTML, the SCDL CSV). */
  readonly documents?: ReadonlyArray<string>
  readonly answer: (body: unknown, locale: Locale) => Answer
}

/** The kind of each document `validate` recognises, from the French name the command line prints. */
const KINDS: Readonly<Record<string, string>> = {
  portefeuille: "portfolio",
  convention: "convention",
  partenaire: "partner",
  scénario: "scenario",
  activités: "activities",
  versements: "payments",
  "versements ou reversements": "payments-or-repayments",
  dépenses: "expenses",
  candidats: "candidates",
  "compte rendu financier": "financial-report",
  "comptes rendus financiers": "financial-reports"
}

/** The convention a body names, decoded with the documents of the body, or every problem thrown at once. */
function conventionAnd<T>(
  body: { readonly portfolio?: unknown; readonly convention?: unknown; readonly conventionId?: string },
  documents: Documents,
  read: () => T
): { readonly convention: Convention; readonly source: NonNullable<ReturnType<typeof readSource>>; readonly read: T } {
  const source = readSource(body, documents)
  const records = read()
  documents.end()
  const found = source as NonNullable<typeof source>
  return { convention: pickConvention(found, body.conventionId), source: found, read: records }
}

/**
 * The fields of `fields` that are given, those left `undefined` dropped: the options a body may
 * leave out, passed on to the library only when the body gives them.
 */
function given<T extends Readonly<Record<string, unknown>>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}

/** The options of the CSV of a report's tables, refused with the other formats. */
const CSV_OPTIONS = ["table", "decimal", "separator", "bom"] as const

/** Refuses the options of the CSV with another format, and a decimal comma with the comma as the separator. */
function checkCsvOptions(request: {
  readonly format?: string
  readonly table?: string
  readonly decimal?: string
  readonly separator?: string
  readonly bom?: boolean
}): void {
  const format = request.format ?? "json"
  const csvOnly = CSV_OPTIONS.find((name) => request[name] !== undefined)
  if (format !== "csv" && csvOnly !== undefined)
    throw requestError([{ path: [csvOnly], code: "rule", ...csvOnlyOptionText("http", csvOnly, format) }])
  if (request.separator === "," && request.decimal === ",")
    throw requestError([{ path: ["decimal"], code: "rule", ...decimalCommaText("http") }])
}

/** The report's tables as CSV, or the request refused as the command line refuses it. */
function reportCsvAnswer(built: AnnualReport | ConventionReport, options: ReportCsvOptions): Answer {
  const written = reportCsvText(built, options)
  if ("csv" in written) return { text: written.csv, contentType: TEXT.csv }
  throw requestError([
    written.refused === "decimal-comma"
      ? { path: ["decimal"], code: "rule", ...decimalCommaText("http") }
      : {
          path: ["table"],
          code: "enum",
          ...missingTableText(written.report, written.table, written.tables),
          suggestions: written.tables
        }
  ])
}

const TEXT = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  csv: "text/csv; charset=utf-8"
} as const

/** @internal The endpoints, in the order the OpenAPI document lists them. */
export const ENDPOINTS: ReadonlyArray<Endpoint> = [
  {
    path: "/validate",
    request: "ValidateRequest",
    response: "ValidateResponse",
    summary: "Vérifie un document",
    description:
      "Reconnaît le document (portefeuille, convention, partenaire, scénario, compte rendu financier, ou liste d'activités, de versements ou de reversements, de dépenses, de candidats ou de comptes rendus financiers) comme `caf-conventions validate`, et dit s'il est valide ; sinon chaque problème avec son chemin depuis la racine du corps (`document.conventions[0]…`). Un document invalide est une réponse 200 (`valid: false`), pas une erreur.",
    answer: (body, locale) => {
      const { document } = decodeEnvelope("ValidateRequest", body)
      const detected = detect("document", document)
      if ("error" in detected) {
        const { issues, omittedIssues } = detected.error
        return {
          json: {
            valid: false,
            issues: issues.map((issue) => problemIssue({ ...issue, path: ["document", ...issue.path] }, locale)),
            ...(omittedIssues === undefined ? {} : { omittedIssues })
          }
        }
      }
      const found = detected as { readonly kind: string; readonly summary: string }
      return { json: { valid: true, kind: KINDS[found.kind] ?? found.kind, label: found.kind, summary: found.summary } }
    }
  },
  {
    path: "/terms",
    request: "TermsRequest",
    response: "TermsResponse",
    summary: "Termes en vigueur à une date",
    description:
      "Comme `caf-conventions terms` : la convention avec les avenants en vigueur à `date`, son statut ce jour-là, sa filiation et les points de conformité (`checkCompliance`, avec le partenaire du portefeuille quand il y est). Sans `knownOn`, d'après tout ce que la convention enregistre, décisions postérieures à `date` comprises ; avec `knownOn`, telle que connue ce jour-là (seuls les avenants signés et la résiliation décidée à cette date comptent), et la réponse le redit.",
    answer: (body) => {
      const request = decodeEnvelope("TermsRequest", body)
      const { convention, source } = conventionAnd(request, new Documents(), () => undefined)
      const partner = source.portfolio?.partners.find((candidate) => candidate.id === convention.partnerId)
      const known = request.knownOn === undefined ? {} : { knownOn: request.knownOn }
      const { terms, applied } = termsAsOf(convention, request.date, known)
      return {
        json: {
          conventionId: convention.id,
          title: convention.title,
          kind: convention.kind,
          date: request.date,
          ...known,
          status: conventionStatus(convention, request.date, known),
          terms,
          applied,
          // As the command line: the lineage is read in a portfolio; a convention alone is its own.
          lineage:
            source.conventions.length > 1
              ? lineage(source.conventions, convention.id).map((step) => step.id)
              : [convention.id],
          compliance: checkCompliance(convention, { ...(partner === undefined ? {} : { partner }), ...known })
        }
      }
    }
  },
  {
    path: "/eligibility",
    request: "EligibilityRequest",
    response: "EligibilityResponse",
    summary: "Éligibilité de candidats",
    description:
      "Comme `caf-conventions eligibility --format json` : chaque candidat examiné à `date` (`screenEligibility`), dans l'ordre donné, avec l'explication règle par règle ; un candidat illisible est une ligne `invalid` avec ses problèmes, pas une erreur de la requête.",
    answer: (body, locale) => {
      const request = decodeEnvelope("EligibilityRequest", body)
      const { convention } = conventionAnd(request, new Documents(), () => undefined)
      const screening = screenEligibility(convention, request.candidates, { date: request.date })
      const lines = screening.lines.map((line) =>
        line.status !== "invalid"
          ? line
          : {
              index: line.index,
              status: line.status,
              issues: line.error.issues.map((issue) =>
                problemIssue({ ...issue, path: ["candidates", line.index, ...issue.path] }, locale)
              ),
              ...(line.error.omittedIssues === undefined ? {} : { omittedIssues: line.error.omittedIssues })
            }
      )
      return { json: { ...screening, lines } }
    }
  },
  {
    path: "/objectives",
    request: "ObjectivesRequest",
    response: "ObjectivesResponse",
    summary: "Objectifs d'une année",
    description:
      "L'évaluation des objectifs de l'année `year` à partir des activités (`evaluateObjectives`) : chaque objectif atteint ou non, les enregistrements comptés et ceux écartés avec leur raison.",
    answer: (body) => {
      const request = decodeEnvelope("ObjectivesRequest", body)
      const documents = new Documents()
      const { convention, read } = conventionAnd(request, documents, () =>
        documents.read("activities", request.activities, safeParseActivities)
      )
      return {
        json: inBody(() =>
          // The answer is the whole evaluation: the records left out listed as they are read.
          evaluateObjectives(convention, read ?? [], {
            year: request.year,
            exclusions: "as-read",
            ...given({ asOf: request.asOf })
          })
        )
      }
    }
  },
  {
    path: "/schedule",
    request: "ScheduleRequest",
    response: "ScheduleResponse",
    summary: "Échéancier d'une année",
    description:
      "L'échéancier de l'année `year` (`paymentSchedule`) : avance, solde, dates d'exigibilité et délais de paiement, connus au `asOf` ; `reportsAcceptedOn`, le jour où les bilans de l'année ont été acceptés, rend le solde exigible.",
    answer: (body) => {
      const request = decodeEnvelope("ScheduleRequest", body)
      const { convention } = conventionAnd(request, new Documents(), () => undefined)
      return {
        json: paymentSchedule(convention, {
          year: request.year,
          ...given({ asOf: request.asOf, reportsAcceptedOn: request.reportsAcceptedOn })
        })
      }
    }
  },
  {
    path: "/funding-use",
    request: "FundingUseRequest",
    response: "FundingUseResponse",
    summary: "Utilisation de la subvention d'une année",
    description:
      "L'utilisation de l'argent de l'année `year` (`evaluateFundingUse`) : versements reçus, dépenses retenues ou écartées avec leur raison, excédent, ce qui reste à verser ou à reverser. Avec `activities`, les objectifs de l'année sont évalués pour une modulation que la convention prévoit.",
    answer: (body) => {
      const request = decodeEnvelope("FundingUseRequest", body)
      const documents = new Documents()
      const { convention, read } = conventionAnd(request, documents, () => ({
        payments: documents.read("payments", request.payments, safeParsePayments),
        expenses: documents.read("expenses", request.expenses, safeParseExpenses),
        repayments: documents.readGiven("repayments", request.repayments, safeParseRepayments),
        activities: documents.readGiven("activities", request.activities, safeParseActivities),
        financialReport: documents.readGiven("financialReport", request.financialReport, safeParseFinancialReport)
      }))
      const asOf = given({ asOf: request.asOf })
      return {
        json: inBody(() =>
          evaluateFundingUse(convention, {
            year: request.year,
            payments: read.payments ?? [],
            expenses: read.expenses ?? [],
            ...asOf,
            ...given({
              repayments: read.repayments,
              financialReport: read.financialReport,
              reportsAcceptedOn: request.reportsAcceptedOn,
              financialReportReceivedOn: request.financialReportReceivedOn,
              objectives:
                read.activities === undefined
                  ? undefined
                  : evaluateObjectives(convention, read.activities, { year: request.year, ...asOf })
            })
          })
        )
      }
    }
  },
  {
    path: "/report",
    request: "ReportRequest",
    response: "ReportResponse",
    summary: "Bilan annuel ou de fin de convention",
    description:
      'Comme `caf-conventions report` : le bilan annuel de `year` (`annualReport`), ou sans `year` le bilan de fin de convention (`conventionReport`), en JSON (par défaut), en Markdown (`format: "md"`), en page HTML autonome (`format: "html"`) ou ses tables en CSV pour un tableur (`format: "csv"`, comme `--format csv` : toutes les tables chacune après une ligne portant son titre, ou celle que `table` nomme ; `;` et une virgule décimale par défaut, `separator: ","` et `decimal: "."` pour un tableur anglais, `bom: true` pour commencer par une marque d\'ordre des octets). Les partenaires du portefeuille nomment les parties, ou ceux de `partners`.',
    documents: [TEXT.md, TEXT.html, TEXT.csv],
    answer: (body) => {
      const request = decodeEnvelope("ReportRequest", body)
      checkCsvOptions(request)
      const documents = new Documents()
      const { convention, source, read } = conventionAnd(request, documents, () => ({
        activities: documents.readGiven("activities", request.activities, safeParseActivities),
        payments: documents.readGiven("payments", request.payments, safeParsePayments),
        expenses: documents.readGiven("expenses", request.expenses, safeParseExpenses),
        repayments: documents.readGiven("repayments", request.repayments, safeParseRepayments),
        financialReports: documents.readEachGiven(
          "financialReports",
          request.financialReports,
          safeParseFinancialReport
        ),
        partners: documents.readEachGiven("partners", request.partners, safeParsePartner)
      }))
      const inputs = {
        activities: read.activities ?? [],
        payments: read.payments ?? [],
        expenses: read.expenses ?? [],
        repayments: read.repayments ?? [],
        conventions: source.conventions,
        ...given({
          financialReports: read.financialReports,
          partners: read.partners ?? source.portfolio?.partners,
          asOf: request.asOf,
          reportsAcceptedOn: request.reportsAcceptedOn,
          financialReportReceivedOn: request.financialReportReceivedOn
        })
      }
      const built = inBody(() =>
        request.year === undefined
          ? conventionReport(resolveConvention(convention), inputs)
          : annualReport(convention, { ...inputs, year: request.year })
      )
      const format = request.format ?? "json"
      if (format === "md") return { text: renderReportMarkdown(built), contentType: TEXT.md }
      if (format === "html") return { text: renderReportHtml(built), contentType: TEXT.html }
      if (format === "csv") return reportCsvAnswer(built, request)
      return { json: built }
    }
  },
  {
    path: "/scdl",
    request: "ScdlRequest",
    response: "ScdlResponse",
    summary: "Export SCDL subventions",
    description:
      'Comme `caf-conventions scdl` : les conventions du portefeuille au format SCDL *subventions* (CSV, schéma 2.1.1 par défaut, `version: "2.0"` sur demande), avec les partenaires du portefeuille. Les conventions écartées (données manquantes ou invalides) sont comptées dans l\'en-tête `Caf-Conventions-Left-Out` ; un projet non signé n\'a rien à publier et n\'est pas un problème. `format: "json"` donne les lignes, chaque problème et les projets non signés (`unsigned`).',
    documents: [TEXT.csv],
    answer: (body) => {
      const request = decodeEnvelope("ScdlRequest", body)
      const documents = new Documents()
      const portfolio = documents.read("portfolio", request.portfolio, safeParsePortfolio)
      documents.end()
      const found = portfolio as NonNullable<typeof portfolio>
      const exported = toScdlCsv(found.conventions, {
        partners: found.partners,
        ...(request.version === undefined ? {} : { version: request.version })
      })
      if (request.format === "json") return { json: exported }
      const leftOut = new Set(exported.problems.map((problem) => problem.conventionId))
      return {
        text: exported.csv,
        contentType: TEXT.csv,
        headers: { "caf-conventions-left-out": String(leftOut.size) }
      }
    }
  }
]

/** The body's fields of records an evaluation reads: two records with one id are found there, not while decoding. */
const RECORD_FIELDS: ReadonlyArray<string> = ["activities", "payments", "expenses", "repayments"]

/**
 * Runs an evaluation; a problem it finds with the records of a body field (two records with one
 * id and different content) is pointed into that field (`/activities/27/id`), as decoding problems are.
 */
function inBody<T>(evaluate: () => T): T {
  try {
    return evaluate()
  } catch (error) {
    if (error instanceof ValidationError && RECORD_FIELDS.includes(error.subject))
      throw ValidationError.of(
        "request",
        error.issues.map((issue) => ({ ...issue, path: [error.subject, ...issue.path] })),
        error.omittedIssues ?? 0
      )
    throw error
  }
}
