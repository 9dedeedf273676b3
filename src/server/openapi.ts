/**
 * The OpenAPI 3.1 document of the HTTP service. The documents a body carries (portfolio,
 * convention, records) are described by the JSON Schemas generated from the library's own Effect
 * schemas, the same generation as `schema/*.json`; each body's envelope is generated from its
 * Effect schema (`requests.ts`), its documents given as references to those; the answers are
 * described field by field for what a client reads (amounts as `"30000.00"`, dates as
 * `yyyy-MM-dd`, statuses as codes), open to the fields the library adds.
 *
 * @internal
 * @module
 */
import {
  ActivitySchema,
  CandidateSchema,
  ExpenseSchema,
  type JsonSchemaDocument,
  PartnerSchema,
  PaymentSchema,
  RepaymentSchema,
  SCDL_VERSIONS,
  conventionJsonSchema,
  financialReportJsonSchema,
  portfolioJsonSchema
} from "../index.js"
import { jsonSchemaDocument } from "../core/json-schema.js"
import { PROBLEM_KINDS, problemType } from "./problems.js"
import { DOCUMENT_FIELDS, REQUEST_SCHEMAS, type RequestName } from "./requests.js"
import { ENDPOINTS } from "./routes.js"
import { LEDGER_TOTAL_KEYS, SETTLEMENT_AMOUNT_KEYS } from "../funding/amounts.js"

type Json = Readonly<Record<string, unknown>>

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` })
const AMOUNT: Json = {
  type: "string",
  pattern: "^-?[0-9]+\\.[0-9]{2}$",
  description: "Montant en euros, point décimal, deux décimales"
}
const DATE: Json = { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }
const PERIOD: Json = {
  type: "object",
  required: ["start", "end"],
  properties: { start: DATE, end: DATE }
}
const FRACTION: Json = {
  type: "object",
  required: ["numerator", "denominator"],
  properties: { numerator: { type: "integer" }, denominator: { type: "integer", minimum: 1 } }
}
const strings: Json = { type: "array", items: { type: "string" } }

/** A JSON Schema document as a component: without its `$schema` (the document's dialect says it). */
function component(document: JsonSchemaDocument): Json {
  const { $schema: _, ...schema } = document
  return schema
}

/** The schemas of the documents the bodies carry, generated from the library's Effect schemas. */
function documentSchemas(): Record<string, Json> {
  return {
    Portfolio: component(portfolioJsonSchema()),
    Convention: component(conventionJsonSchema()),
    FinancialReport: component(financialReportJsonSchema()),
    Partner: component(jsonSchemaDocument(PartnerSchema, "Partenaire (caf-conventions)")),
    Activity: component(jsonSchemaDocument(ActivitySchema, "Enregistrement d'activité (caf-conventions)")),
    Payment: component(jsonSchemaDocument(PaymentSchema, "Versement (caf-conventions)")),
    Expense: component(jsonSchemaDocument(ExpenseSchema, "Dépense (caf-conventions)")),
    Repayment: component(jsonSchemaDocument(RepaymentSchema, "Reversement (caf-conventions)")),
    Candidate: component(jsonSchemaDocument(CandidateSchema, "Candidat à l'éligibilité (caf-conventions)"))
  }
}

/** A body's envelope, generated from its Effect schema, each document field a reference to its schema. */
function requestSchema(name: RequestName): Json {
  const generated = component(jsonSchemaDocument(REQUEST_SCHEMAS[name], name))
  const properties = { ...(generated["properties"] as Record<string, Json>) }
  for (const [field, { component: target, list }] of Object.entries(DOCUMENT_FIELDS))
    if (Object.hasOwn(properties, field)) properties[field] = list ? { type: "array", items: ref(target) } : ref(target)
  if (Object.hasOwn(properties, "document"))
    properties["document"] = {
      description:
        "Le document à vérifier : un portefeuille, une convention, un partenaire, un scénario, ou une liste d'activités, de versements, de dépenses ou de candidats",
      anyOf: [
        ref("Portfolio"),
        ref("Convention"),
        ref("Partner"),
        { type: "object" },
        { type: "array" },
        { type: ["string", "number", "boolean", "null"] }
      ]
    }
  return { ...generated, properties }
}

const ISSUE: Json = {
  type: "object",
  required: ["path", "pointer", "location", "code", "message"],
  additionalProperties: false,
  properties: {
    path: {
      type: "array",
      items: { type: ["string", "integer"] },
      description: "Clés et indices depuis la racine du corps"
    },
    pointer: { type: "string", description: "Le même chemin en JSON Pointer (RFC 6901)" },
    location: {
      type: "string",
      description: "Le même chemin écrit comme en JavaScript : portfolio.conventions[0].terms"
    },
    code: {
      enum: [
        "type",
        "enum",
        "missing-key",
        "unknown-key",
        "inherited-key",
        "amount",
        "date",
        "period",
        "identifier",
        "text",
        "pattern",
        "range",
        "list",
        "union",
        "json-syntax",
        "rule",
        "invalid"
      ]
    },
    message: { type: "string", description: "Le problème, en français (en anglais avec Accept-Language: en)" },
    found: { type: "string" },
    expected: { type: "string" },
    suggestions: strings
  }
}

const EXPLANATION: Json = {
  type: "object",
  required: ["ruleId", "label", "outcome", "sentence", "source", "children"],
  properties: {
    ruleId: { type: "string" },
    label: { type: "string" },
    outcome: { enum: ["pass", "fail", "not-applicable"] },
    read: { type: "object" },
    sentence: { type: "string" },
    source: { type: "string" },
    children: { type: "array", items: ref("Explanation") }
  }
}

const FINDING: Json = {
  type: "object",
  required: ["rule", "severity", "message", "source"],
  properties: {
    rule: { type: "string" },
    severity: { enum: ["error", "warning", "info"] },
    message: { type: "string" },
    source: { type: "string" }
  }
}

const INSTALMENT: Json = {
  type: "object",
  required: ["key", "kind", "label", "amount", "trigger"],
  properties: {
    key: { type: "string" },
    kind: { type: "string" },
    label: { type: "string" },
    share: { type: "string" },
    amount: AMOUNT,
    basis: { type: "object", required: ["yearAmount"], properties: { yearAmount: AMOUNT, knownOn: DATE } },
    trigger: { type: "string" },
    dueDate: DATE,
    expectedDueDate: DATE,
    deadline: DATE
  }
}

const SETTLEMENT_AMOUNTS = SETTLEMENT_AMOUNT_KEYS
const TOTALS = LEDGER_TOTAL_KEYS
const amounts = (keys: ReadonlyArray<string>): Json => ({
  type: "object",
  required: keys,
  properties: Object.fromEntries(keys.map((key) => [key, AMOUNT]))
})

const CONVENTION_STATUS: Json = { enum: ["draft", "signed", "in-force", "ended", "terminated", "withdrawn"] }

/** The schemas of the answers. */
function responseSchemas(): Record<string, Json> {
  return {
    Problem: {
      type: "object",
      description: "Un problème (RFC 9457), servi en application/problem+json",
      required: ["type", "title", "status", "detail", "instance"],
      additionalProperties: false,
      properties: {
        type: { enum: Object.keys(PROBLEM_KINDS).map((kind) => problemType(kind as keyof typeof PROBLEM_KINDS)) },
        title: { type: "string" },
        status: { type: "integer", enum: [...new Set(Object.values(PROBLEM_KINDS).map((kind) => kind.status))] },
        detail: { type: "string" },
        instance: { type: "string" },
        issues: { type: "array", items: ref("Issue") },
        omittedIssues: { type: "integer", minimum: 1 }
      }
    },
    Issue: ISSUE,
    Explanation: EXPLANATION,
    ComplianceFinding: FINDING,
    Health: {
      type: "object",
      required: ["status", "version"],
      additionalProperties: false,
      properties: { status: { const: "ok" }, version: { type: "string" } }
    },
    ValidateResponse: {
      oneOf: [
        {
          type: "object",
          required: ["valid", "kind", "label", "summary"],
          additionalProperties: false,
          properties: {
            valid: { const: true },
            kind: {
              enum: [
                "portfolio",
                "convention",
                "partner",
                "scenario",
                "activities",
                "payments",
                "payments-or-repayments",
                "expenses",
                "candidates",
                "financial-report",
                "financial-reports"
              ]
            },
            label: { type: "string", description: "La nature du document, en français" },
            summary: { type: "string", description: "Ce qu'il contient, en français (1 partenaire, 3 conventions)" }
          }
        },
        {
          type: "object",
          required: ["valid", "issues"],
          additionalProperties: false,
          properties: {
            valid: { const: false },
            issues: { type: "array", items: ref("Issue"), minItems: 1 },
            omittedIssues: { type: "integer", minimum: 1 }
          }
        }
      ]
    },
    TermsResponse: {
      type: "object",
      required: ["conventionId", "title", "kind", "date", "status", "terms", "applied", "lineage", "compliance"],
      additionalProperties: false,
      properties: {
        conventionId: { type: "string" },
        title: { type: "string" },
        kind: { type: "string" },
        date: DATE,
        knownOn: DATE,
        status: CONVENTION_STATUS,
        terms: { $ref: "#/components/schemas/Convention/properties/terms" },
        applied: { type: "array", items: { type: "object", required: ["number", "effectiveDate"] } },
        lineage: strings,
        compliance: { type: "array", items: ref("ComplianceFinding") }
      }
    },
    EligibilityResponse: {
      type: "object",
      required: ["date", "lines", "eligible", "ineligible", "invalid"],
      properties: {
        date: DATE,
        eligible: { type: "integer", minimum: 0 },
        ineligible: { type: "integer", minimum: 0 },
        invalid: { type: "integer", minimum: 0 },
        lines: {
          type: "array",
          items: {
            oneOf: [
              {
                type: "object",
                required: ["index", "status", "result"],
                properties: {
                  index: { type: "integer", minimum: 0 },
                  status: { enum: ["eligible", "ineligible"] },
                  result: {
                    type: "object",
                    required: ["candidateId", "date", "eligible", "failedRules", "explanation"],
                    properties: {
                      candidateId: { type: "string" },
                      date: DATE,
                      eligible: { type: "boolean" },
                      failedRules: strings,
                      explanation: ref("Explanation")
                    }
                  }
                }
              },
              {
                type: "object",
                required: ["index", "status", "issues"],
                additionalProperties: false,
                properties: {
                  index: { type: "integer", minimum: 0 },
                  status: { const: "invalid" },
                  issues: { type: "array", items: ref("Issue") },
                  omittedIssues: { type: "integer", minimum: 1 }
                }
              }
            ]
          }
        }
      }
    },
    ObjectivesResponse: {
      type: "object",
      required: ["conventionId", "year", "period", "records", "results"],
      properties: {
        conventionId: { type: "string" },
        year: { type: "integer" },
        period: PERIOD,
        records: { type: "object", required: ["given", "unique"] },
        results: {
          type: "array",
          items: {
            type: "object",
            required: ["objectiveId", "title", "indicator", "status", "counted", "excluded"],
            properties: {
              objectiveId: { type: "string" },
              title: { type: "string" },
              indicator: { type: "string" },
              status: { enum: ["met", "not-met", "in-progress", "not-started", "not-applicable"] },
              value: FRACTION,
              counted: strings,
              excluded: {
                type: "array",
                items: {
                  type: "object",
                  required: ["id", "reason", "detail"],
                  properties: { id: { type: "string" }, reason: { type: "string" }, detail: { type: "string" } }
                }
              }
            }
          }
        }
      }
    },
    ScheduleResponse: {
      type: "object",
      required: ["conventionId", "year", "period", "amount", "instalments", "excess", "explanation"],
      properties: {
        conventionId: { type: "string" },
        year: { type: "integer" },
        period: PERIOD,
        amount: AMOUNT,
        excess: AMOUNT,
        instalments: { type: "array", items: INSTALMENT },
        explanation: ref("Explanation")
      }
    },
    FundingUseResponse: {
      type: "object",
      required: ["conventionId", "year", "state", "final", "schedule", "instalments", "settlement"],
      properties: {
        conventionId: { type: "string" },
        year: { type: "integer" },
        state: { enum: ["not-covered", "not-started", "in-progress", "ended"] },
        final: { type: "boolean" },
        schedule: ref("ScheduleResponse"),
        instalments: {
          type: "array",
          items: {
            type: "object",
            required: ["instalment", "paid", "status"],
            properties: {
              instalment: INSTALMENT,
              paid: AMOUNT,
              status: {
                enum: [
                  "paid",
                  "paid-late",
                  "partly-paid",
                  "overpaid",
                  "unpaid",
                  "not-yet-due",
                  "due",
                  "late",
                  "not-owed"
                ]
              },
              notOwed: { enum: ["termination", "withdrawal", "offset", "entitlement-reached"] },
              completedOn: DATE,
              daysLate: { type: "integer" }
            }
          }
        },
        settlement: amounts(SETTLEMENT_AMOUNTS)
      }
    },
    AnnualReport: {
      type: "object",
      required: ["kind", "convention", "parties", "year", "status", "lineage", "compliance", "objectives", "funding"],
      properties: {
        kind: { const: "annual" },
        convention: ref("Convention"),
        parties: {
          type: "object",
          required: ["funder", "partner"],
          properties: { funder: { type: "string" }, partner: { type: "string" } }
        },
        year: { type: "integer" },
        asOf: DATE,
        status: CONVENTION_STATUS,
        lineage: { type: "array", items: ref("Convention") },
        compliance: { type: "array", items: ref("ComplianceFinding") },
        objectives: ref("ObjectivesResponse"),
        funding: ref("FundingUseResponse")
      }
    },
    ConventionReport: {
      type: "object",
      required: ["kind", "convention", "parties", "lineage", "compliance", "years", "objectives", "totals"],
      properties: {
        kind: { const: "convention" },
        convention: ref("Convention"),
        parties: { type: "object", required: ["funder", "partner"] },
        asOf: DATE,
        lineage: { type: "array", items: ref("Convention") },
        compliance: { type: "array", items: ref("ComplianceFinding") },
        years: { type: "array", items: ref("AnnualReport") },
        objectives: { type: "array" },
        totals: amounts(TOTALS)
      }
    },
    ReportResponse: { oneOf: [ref("AnnualReport"), ref("ConventionReport")] },
    ScdlResponse: {
      type: "object",
      required: ["version", "columns", "csv", "rows", "problems", "unsigned"],
      properties: {
        version: { enum: [...SCDL_VERSIONS] },
        columns: strings,
        csv: { type: "string" },
        rows: { type: "array", items: { type: "object" } },
        problems: {
          type: "array",
          items: {
            type: "object",
            required: ["conventionId", "column", "message"],
            properties: { conventionId: { type: "string" }, column: { type: "string" }, message: { type: "string" } }
          }
        },
        unsigned: {
          ...strings,
          description: "Les projets de convention (non signés) : rien à publier avant la signature."
        }
      }
    }
  }
}

const problemAnswer = (description: string): Json => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } }
})

/** The errors every endpoint taking a body may answer. */
const BODY_ERRORS: Json = {
  "400": problemAnswer("Le corps n'est pas du JSON (la ligne et la colonne où la lecture s'arrête, sans le citer)"),
  "413": problemAnswer("Le corps dépasse la limite de taille du service"),
  "415": problemAnswer("Le corps n'est pas envoyé comme application/json"),
  "422": problemAnswer(
    "Le corps ne décrit pas des documents valides : chaque problème avec son chemin, son code et son message"
  ),
  "500": problemAnswer("Erreur interne, sans détail technique")
}

/** Each endpoint as an OpenAPI path item. */
function paths(): Record<string, Json> {
  const entries: Array<[string, Json]> = ENDPOINTS.map((endpoint) => {
    const json = { "application/json": { schema: ref(endpoint.response) } }
    const documents = Object.fromEntries(
      (endpoint.documents ?? []).map((type) => [type.split(";")[0] as string, { schema: { type: "string" } }])
    )
    return [
      endpoint.path,
      {
        post: {
          operationId: endpoint.request.replace(/Request$/u, "").replace(/^./u, (c) => c.toLowerCase()),
          summary: endpoint.summary,
          description: endpoint.description,
          parameters: [{ $ref: "#/components/parameters/AcceptLanguage" }],
          requestBody: { required: true, content: { "application/json": { schema: ref(endpoint.request) } } },
          responses: {
            "200": {
              description: endpoint.summary,
              content: endpoint.path === "/scdl" ? { ...documents, ...json } : { ...json, ...documents }
            },
            ...BODY_ERRORS
          }
        }
      }
    ]
  })
  return {
    "/health": {
      get: {
        operationId: "health",
        summary: "État du service",
        responses: {
          "200": { description: "Le service répond", content: { "application/json": { schema: ref("Health") } } }
        }
      }
    },
    "/openapi.json": {
      get: {
        operationId: "openApi",
        summary: "Ce document",
        responses: {
          "200": {
            description: "Le document OpenAPI 3.1 du service",
            content: { "application/json": { schema: { type: "object" } } }
          }
        }
      }
    },
    ...Object.fromEntries(entries)
  }
}

let cached: Json | undefined

/**
 * @internal The OpenAPI 3.1 document of the service, built once: the same object on every call,
 * deeply frozen.
 */
export function openApiDocumentOf(version: string): Json {
  cached ??= deepFreeze({
    openapi: "3.1.1",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "caf-conventions",
      version,
      description:
        "Les conventions de partenariat d'une Caf avec des associations, derrière HTTP : vérifier un document, lire les termes en vigueur, examiner l'éligibilité de candidats, évaluer les objectifs, l'échéancier et l'utilisation de la subvention d'une année, produire les bilans et l'export SCDL. Chaque corps est un document JSON ; les montants s'écrivent en texte (\"30000.00\"), les dates AAAA-MM-JJ. Les erreurs sont des problèmes RFC 9457 (application/problem+json), en français, en anglais avec Accept-Language: en. Le service ne garde rien d'une requête à l'autre.",
      license: { name: "MIT", identifier: "MIT" }
    },
    paths: paths(),
    components: {
      parameters: {
        AcceptLanguage: {
          name: "Accept-Language",
          in: "header",
          required: false,
          description: "La langue des messages : français par défaut, anglais pour en",
          schema: { type: "string" },
          example: "en"
        }
      },
      schemas: {
        ...documentSchemas(),
        ...Object.fromEntries(Object.keys(REQUEST_SCHEMAS).map((name) => [name, requestSchema(name as RequestName)])),
        ...responseSchemas()
      }
    }
  })
  return cached
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
