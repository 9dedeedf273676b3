/**
 * The bodies the HTTP service accepts, one Effect schema per endpoint. Every body names the
 * conventions the same way (`portfolio` or `convention`, and `conventionId`), and carries the
 * records the command line reads from files under the same names as the library's options
 * (`activities`, `payments`, `expenses`, `repayments`, `partners`, `financialReports`) and the
 * options themselves (`date`, `year`, `asOf`, `reportsAcceptedOn`, `financialReportReceivedOn`).
 *
 * The envelope is decoded first (unknown fields refused, dates and years checked, every problem
 * with its path); then each document with the library's own decoder, its problems given with
 * their path from the root of the body (`portfolio.conventions[2].terms.sectors[0]`).
 *
 * @internal
 * @module
 */
import * as Schema from "effect/Schema"
import {
  CalendarDateSchema,
  type Convention,
  IdSchema,
  type Issue,
  REPORT_TABLE_IDS,
  type Portfolio,
  SCDL_VERSIONS,
  ValidationError,
  YearKeySchema,
  makeCodec,
  safeParseConvention,
  safeParsePortfolio
} from "../index.js"
import type { SafeParseResult } from "../core/errors.js"
import {
  BOTH_SOURCES_TEXT,
  EMPTY_PORTFOLIO_TEXT,
  NO_SOURCE_TEXT,
  severalConventionsText,
  unknownConventionText
} from "../vocabulary/doors.js"
import { requestError } from "./problems.js"

/** Any JSON value: a document decoded afterwards by the library's own decoder. */
const Document = Schema.Unknown
/** A list of records, each decoded afterwards by the library's own decoder. */
const Records = Schema.Array(Schema.Unknown)
const Year = Schema.Int.check(Schema.isBetween({ minimum: 1000, maximum: 9999 }))
const DatesByYear = Schema.Record(YearKeySchema, CalendarDateSchema)

/** Where the conventions come from: a portfolio or one convention, and which convention is meant. */
const SOURCE = {
  portfolio: Schema.optionalKey(Document),
  convention: Schema.optionalKey(Document),
  conventionId: Schema.optionalKey(IdSchema)
}

/** @internal The body of each endpoint, by its name in the OpenAPI document. */
export const REQUEST_SCHEMAS = {
  ValidateRequest: Schema.Struct({ document: Document }),
  TermsRequest: Schema.Struct({ ...SOURCE, date: CalendarDateSchema, knownOn: Schema.optionalKey(CalendarDateSchema) }),
  EligibilityRequest: Schema.Struct({ ...SOURCE, date: CalendarDateSchema, candidates: Records }),
  ObjectivesRequest: Schema.Struct({
    ...SOURCE,
    year: Year,
    activities: Records,
    asOf: Schema.optionalKey(CalendarDateSchema)
  }),
  ScheduleRequest: Schema.Struct({
    ...SOURCE,
    year: Year,
    asOf: Schema.optionalKey(CalendarDateSchema),
    reportsAcceptedOn: Schema.optionalKey(CalendarDateSchema)
  }),
  FundingUseRequest: Schema.Struct({
    ...SOURCE,
    year: Year,
    payments: Records,
    expenses: Records,
    repayments: Schema.optionalKey(Records),
    activities: Schema.optionalKey(Records),
    financialReport: Schema.optionalKey(Document),
    asOf: Schema.optionalKey(CalendarDateSchema),
    reportsAcceptedOn: Schema.optionalKey(CalendarDateSchema),
    financialReportReceivedOn: Schema.optionalKey(CalendarDateSchema)
  }),
  ReportRequest: Schema.Struct({
    ...SOURCE,
    year: Schema.optionalKey(Year),
    activities: Schema.optionalKey(Records),
    payments: Schema.optionalKey(Records),
    expenses: Schema.optionalKey(Records),
    repayments: Schema.optionalKey(Records),
    financialReports: Schema.optionalKey(Records),
    partners: Schema.optionalKey(Records),
    asOf: Schema.optionalKey(CalendarDateSchema),
    reportsAcceptedOn: Schema.optionalKey(DatesByYear),
    financialReportReceivedOn: Schema.optionalKey(DatesByYear),
    format: Schema.optionalKey(Schema.Literals(["json", "md", "html", "csv"])),
    table: Schema.optionalKey(Schema.Literals(REPORT_TABLE_IDS)),
    separator: Schema.optionalKey(Schema.Literals([";", ","])),
    decimal: Schema.optionalKey(Schema.Literals([",", "."])),
    bom: Schema.optionalKey(Schema.Boolean)
  }),
  ScdlRequest: Schema.Struct({
    portfolio: Document,
    version: Schema.optionalKey(Schema.Literals(SCDL_VERSIONS)),
    format: Schema.optionalKey(Schema.Literals(["csv", "json"]))
  })
} as const

/** @internal The name of a request body's schema. */
export type RequestName = keyof typeof REQUEST_SCHEMAS

/**
 * @internal The document each field holds, by field: the component of the OpenAPI document
 * describing it, and whether the field is a list of them. `document` (validate) is any of them.
 */
export const DOCUMENT_FIELDS: Readonly<Record<string, { readonly component: string; readonly list: boolean }>> = {
  portfolio: { component: "Portfolio", list: false },
  convention: { component: "Convention", list: false },
  candidates: { component: "Candidate", list: true },
  activities: { component: "Activity", list: true },
  payments: { component: "Payment", list: true },
  expenses: { component: "Expense", list: true },
  repayments: { component: "Repayment", list: true },
  partners: { component: "Partner", list: true },
  financialReports: { component: "FinancialReport", list: true },
  financialReport: { component: "FinancialReport", list: false }
}

const codecs = new Map<RequestName, ReturnType<typeof makeCodec>>()

/** @internal Decodes the envelope of a request body, or throws a {@link ValidationError} with every problem. */
export function decodeEnvelope<N extends RequestName>(
  name: N,
  body: unknown
): Schema.Schema.Type<(typeof REQUEST_SCHEMAS)[N]> {
  let codec = codecs.get(name)
  if (codec === undefined) {
    codec = makeCodec(REQUEST_SCHEMAS[name] as unknown as Schema.Codec<unknown, unknown>, "request")
    codecs.set(name, codec)
  }
  return codec.parse(body) as Schema.Schema.Type<(typeof REQUEST_SCHEMAS)[N]>
}

/**
 * @internal Gathers the problems of the documents of one body, each at its path from the root
 * of the body, and throws them together at the end.
 */
export class Documents {
  private readonly issues: Array<Issue> = []
  private omitted = 0

  /** The problems of `error`, found in the body's field `field`. */
  add(field: ReadonlyArray<string | number>, error: ValidationError): void {
    this.issues.push(...error.issues.map((issue) => ({ ...issue, path: [...field, ...issue.path] })))
    this.omitted += error.omittedIssues ?? 0
  }

  /** The document of `field` decoded by `parse`, or `undefined` after noting its problems. */
  read<T>(field: string, value: unknown, parse: (input: unknown) => SafeParseResult<T>): T | undefined {
    const result = parse(value)
    if (result.success) return result.data
    this.add([field], result.error)
    return undefined
  }

  /** Each item of the list of `field` decoded by `parse` (a list of documents decoded one by one). */
  readEach<T>(field: string, list: ReadonlyArray<unknown>, parse: (input: unknown) => SafeParseResult<T>): Array<T> {
    return list.flatMap((item, index) => {
      const result = parse(item)
      if (result.success) return [result.data]
      this.add([field, index], result.error)
      return []
    })
  }

  /** {@link read} for an optional field: `undefined`, and nothing noted, when the body leaves it out. */
  readGiven<T>(field: string, value: unknown, parse: (input: unknown) => SafeParseResult<T>): T | undefined {
    return value === undefined ? undefined : this.read(field, value, parse)
  }

  /** {@link readEach} for an optional list: `undefined` when the body leaves it out. */
  readEachGiven<T>(
    field: string,
    list: ReadonlyArray<unknown> | undefined,
    parse: (input: unknown) => SafeParseResult<T>
  ): Array<T> | undefined {
    return list === undefined ? undefined : this.readEach(field, list, parse)
  }

  /** Throws every problem noted, if any. */
  end(): void {
    if (this.issues.length > 0 || this.omitted > 0) throw ValidationError.of("request", this.issues, this.omitted)
  }
}

/** @internal The conventions a body names: a portfolio's, with its partners, or one convention. */
interface Source {
  readonly conventions: ReadonlyArray<Convention>
  readonly portfolio?: Portfolio
}

/**
 * @internal The conventions of the body's `portfolio` or `convention` (exactly one of them), read
 * into `documents`; `undefined` when they could not be read (the problems are in `documents`).
 */
export function readSource(
  body: { readonly portfolio?: unknown; readonly convention?: unknown },
  documents: Documents
): Source | undefined {
  const hasPortfolio = Object.hasOwn(body, "portfolio")
  const hasConvention = Object.hasOwn(body, "convention")
  if (hasPortfolio === hasConvention) {
    documents.add(
      [],
      requestError([
        hasPortfolio
          ? {
              path: ["convention"],
              code: "rule",
              ...BOTH_SOURCES_TEXT
            }
          : {
              path: ["portfolio"],
              code: "missing-key",
              ...NO_SOURCE_TEXT
            }
      ])
    )
    return undefined
  }
  if (hasPortfolio) {
    const portfolio = documents.read("portfolio", body.portfolio, safeParsePortfolio)
    return portfolio === undefined ? undefined : { conventions: portfolio.conventions, portfolio }
  }
  const convention = documents.read("convention", body.convention, safeParseConvention)
  return convention === undefined ? undefined : { conventions: [convention] }
}

/**
 * @internal The convention meant: the one `conventionId` names, or without it the latest of its
 * lineage (the one no other convention follows), as the command line picks it.
 */
export function pickConvention(source: Source, conventionId: string | undefined): Convention {
  const ids = source.conventions.map((convention) => convention.id)
  if (conventionId !== undefined) {
    const found = source.conventions.find((convention) => convention.id === conventionId)
    if (found !== undefined) return found
    throw requestError([
      {
        path: ["conventionId"],
        code: "enum",
        ...unknownConventionText(conventionId, ids),
        suggestions: ids
      }
    ])
  }
  const followed = new Set(source.conventions.map((convention) => convention.predecessorId))
  const latest = source.conventions.filter((convention) => !followed.has(convention.id))
  if (latest.length === 1) return latest[0] as Convention
  if (ids.length === 0)
    throw requestError([
      {
        path: ["portfolio", "conventions"],
        code: "list",
        ...EMPTY_PORTFOLIO_TEXT
      }
    ])
  throw requestError([
    {
      path: ["conventionId"],
      code: "missing-key",
      ...severalConventionsText(ids),
      suggestions: ids
    }
  ])
}
