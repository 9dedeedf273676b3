/**
 * The HTTP service, started for real on a loopback port and called over HTTP with fetch: every
 * endpoint with the founding case's figures, the problems (malformed JSON, oversize bodies,
 * unknown routes, wrong methods, invalid documents), the OpenAPI document checked by an OpenAPI
 * 3.1 validator, and every answer checked against the schema the document declares for it.
 */
import { Validator } from "@seriousme/openapi-schema-validator"
import {
  annualReport,
  conventionJsonSchema,
  evaluateFundingUse,
  evaluateObjectives,
  paymentSchedule,
  parseActivities,
  parseExpenses,
  parsePayments,
  parsePortfolio,
  portfolioJsonSchema,
  renderReportHtml,
  renderReportMarkdown,
  reportTablesCsv,
  screenEligibility,
  toScdlCsv,
  type Convention
} from "caf-conventions"
import { DEFAULT_BODY_LIMIT, type RunningServer, openApiDocument, startServer } from "caf-conventions/server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { evsData } from "../fixtures.js"
import { data, post, schemaErrors } from "./support.js"

const LIMIT = 256 * 1024
let server: RunningServer
let url: string
const portfolio = data("portfolio.json")
const activities = data("activities.json")
const payments = data("payments.json")
const expenses = data("expenses.json")
const candidates = data("candidates.json")
const founding = parsePortfolio(portfolio).conventions.find((c) => c.id === "cpo-2023-2025") as Convention
/** What the library answers, as JSON would carry it. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

beforeAll(async () => {
  server = await startServer({ port: 0, bodyLimit: LIMIT })
  url = server.url
})
afterAll(async () => {
  await server.close()
})

describe("the service listens on a loopback port", () => {
  it("answers /health with its version", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9][0-9]*$/u)
    const response = await fetch(`${url}/health`)
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toEqual({ status: "ok", version: "0.1.0" })
    expect(schemaErrors("Health", body)).toEqual([])
  })

  it("has a default body limit of 5 MiB", () => {
    expect(DEFAULT_BODY_LIMIT).toBe(5_242_880)
  })
})

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document, the same one served at /openapi.json", async () => {
    const served = await (await fetch(`${url}/openapi.json`)).json()
    expect(served).toEqual(asJson(openApiDocument()))
    const result = await new Validator().validate(served)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(served.openapi).toBe("3.1.1")
  })

  it("describes the documents with the schemas of schema/*.json", () => {
    const { $schema: _p, ...portfolioSchema } = portfolioJsonSchema()
    const { $schema: _c, ...conventionSchema } = conventionJsonSchema()
    const schemas = (openApiDocument().components as { schemas: Record<string, unknown> }).schemas
    expect(asJson(schemas["Portfolio"])).toEqual(asJson(portfolioSchema))
    expect(asJson(schemas["Convention"])).toEqual(asJson(conventionSchema))
    expect(asJson(schemas["ScheduleRequest"])).toMatchObject({
      required: ["year"],
      additionalProperties: false,
      properties: { portfolio: { $ref: "#/components/schemas/Portfolio" }, year: { type: "integer" } }
    })
  })

  it("lists every endpoint with its problems", () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { responses: Record<string, unknown> }>>
    expect(Object.keys(paths)).toEqual([
      "/health",
      "/openapi.json",
      "/validate",
      "/terms",
      "/eligibility",
      "/objectives",
      "/schedule",
      "/funding-use",
      "/report",
      "/scdl"
    ])
    expect(Object.keys(paths["/report"]?.["post"]?.responses ?? {})).toEqual(["200", "400", "413", "415", "422", "500"])
  })

  it("accepts the bodies the tests send (the request schemas describe them)", () => {
    expect(schemaErrors("ScheduleRequest", { portfolio, year: 2024 })).toEqual([])
    expect(
      schemaErrors("FundingUseRequest", { portfolio, year: 2024, payments, expenses, activities, asOf: "2025-07-15" })
    ).toEqual([])
    expect(schemaErrors("EligibilityRequest", { portfolio, date: "2024-06-01", candidates })).toEqual([])
    expect(schemaErrors("ScheduleRequest", { portfolio, year: "2024" })).not.toEqual([])
  })
})

describe("each endpoint answers what the library computes", () => {
  it("POST /validate recognises the founding portfolio, and lists the problems of a broken convention", async () => {
    const valid = await post(`${url}/validate`, { document: portfolio })
    expect(valid.status).toBe(200)
    expect(valid.json()).toEqual({
      valid: true,
      kind: "portfolio",
      label: "portefeuille",
      summary: "6 partenaires, 3 conventions"
    })
    const broken = await post(`${url}/validate`, { document: data("broken/sector.json") })
    expect(broken.status).toBe(200)
    const body = broken.json()
    expect(body.valid).toBe(false)
    expect(body.issues[0]).toMatchObject({
      path: ["document", "terms", "sectors", 0],
      pointer: "/document/terms/sectors/0",
      location: "document.terms.sectors[0]",
      code: "enum",
      suggestions: ["jeunesse"]
    })
    expect(body.issues[0].message).toMatch(
      /^« jeunese » n'est pas un code accepté ici : vouliez-vous dire « jeunesse » \?/u
    )
    const english = await post(`${url}/validate`, { document: data("broken/sector.json") }, { "accept-language": "en" })
    expect(english.json().issues[0].message).toMatch(/^"jeunese" is not/u)
    for (const reply of [valid, broken, english]) expect(schemaErrors("ValidateResponse", reply.json())).toEqual([])
  })

  it("POST /terms gives the terms in force on a day, the lineage and the compliance points", async () => {
    const reply = await post(`${url}/terms`, { portfolio, date: "2024-06-01" })
    expect(reply.status).toBe(200)
    expect(reply.type).toBe("application/json; charset=utf-8")
    const body = reply.json()
    expect(body).toMatchObject({
      conventionId: "cpo-2023-2025",
      date: "2024-06-01",
      status: "in-force",
      applied: [],
      lineage: ["appui-technique-2018", "accord-cadre-2020-2022", "cpo-2023-2025"]
    })
    expect(body.terms.amounts).toEqual({ kind: "constant", yearlyAmount: "30000.00" })
    expect(body.terms.period).toEqual({ start: "2023-01-01", end: "2025-12-31" })
    expect(body.terms.sectors).toEqual([
      "petite-enfance",
      "enfance",
      "jeunesse",
      "parentalite",
      "animation-vie-sociale"
    ])
    expect(body.compliance.map((finding: { rule: string }) => finding.rule)).toContain("written-convention-clauses")
    expect(schemaErrors("TermsResponse", body)).toEqual([])
    const before = (
      await post(`${url}/terms`, { portfolio, conventionId: "accord-cadre-2020-2022", date: "2021-03-01" })
    ).json()
    expect(before).toMatchObject({
      conventionId: "accord-cadre-2020-2022",
      status: "in-force",
      terms: { sectors: ["animation-vie-sociale"] }
    })
  })

  it("POST /eligibility screens the founding case's six candidates", async () => {
    const reply = await post(`${url}/eligibility`, { portfolio, date: "2024-06-01", candidates })
    expect(reply.status).toBe(200)
    const body = reply.json()
    expect([body.eligible, body.ineligible, body.invalid]).toEqual([2, 4, 0])
    expect(
      body.lines.map((line: { result: { candidateId: string; failedRules: Array<string> } }) => [
        line.result.candidateId,
        line.result.failedRules
      ])
    ).toEqual([
      ["viry-2024-individuel", []],
      ["viry-2024-individuel-fpt", ["no-double-funding"]],
      ["exemple-parentalite-2024-collectif", []],
      ["exemple-stable-2024-individuel", ["individual-support-situation"]],
      ["exemple-melun-2024", ["territory"]],
      ["exemple-logement-2024", ["sector-covered"]]
    ])
    expect(body).toEqual(asJson(screenEligibility(founding, candidates as Array<unknown>, { date: "2024-06-01" })))
    expect(schemaErrors("EligibilityResponse", body)).toEqual([])
  })

  it("POST /eligibility answers an unreadable candidate as a line with its problems, at its path in the body", async () => {
    const reply = await post(`${url}/eligibility`, {
      portfolio,
      date: "2024-06-01",
      candidates: [(candidates as Array<unknown>)[0], { id: "x" }]
    })
    expect(reply.status).toBe(200)
    const body = reply.json()
    expect([body.eligible, body.ineligible, body.invalid]).toEqual([1, 0, 1])
    expect(body.lines[1].status).toBe("invalid")
    expect(body.lines[1].issues[0].path.slice(0, 2)).toEqual(["candidates", 1])
    expect(schemaErrors("EligibilityResponse", body)).toEqual([])
  })

  it("POST /objectives evaluates the four objectives of 2024 from the activity records", async () => {
    const reply = await post(`${url}/objectives`, { portfolio, year: 2024, activities })
    expect(reply.status).toBe(200)
    const body = reply.json()
    expect(
      body.results.map((r: { objectiveId: string; status: string; value: unknown }) => [
        r.objectiveId,
        r.status,
        r.value
      ])
    ).toEqual([
      ["suivi-coordonne", "met", { numerator: 2, denominator: 1 }],
      ["accompagnement-individuel", "met", { numerator: 3, denominator: 1 }],
      ["actions-collectives", "met", { numerator: 3, denominator: 1 }],
      ["instances-partenariales", "met", { numerator: 2, denominator: 1 }]
    ])
    expect(body).toEqual(asJson(evaluateObjectives(founding, parseActivities(activities), { year: 2024 })))
    expect(schemaErrors("ObjectivesResponse", body)).toEqual([])
  })

  it("POST /schedule gives the 2024 advance and balance of 15 000,00 € each", async () => {
    const reply = await post(`${url}/schedule`, { portfolio, year: 2024, reportsAcceptedOn: "2025-05-20" })
    expect(reply.status).toBe(200)
    const body = reply.json()
    expect(body.amount).toBe("30000.00")
    expect(
      body.instalments.map((i: { key: string; amount: string; dueDate?: string; deadline?: string }) => [
        i.key,
        i.amount,
        i.dueDate,
        i.deadline
      ])
    ).toEqual([
      ["advance", "15000.00", "2024-03-31", "2024-05-30"],
      ["balance", "15000.00", "2025-05-20", "2025-07-19"]
    ])
    expect(body).toEqual(asJson(paymentSchedule(founding, { year: 2024, reportsAcceptedOn: "2025-05-20" })))
    expect(schemaErrors("ScheduleResponse", body)).toEqual([])
  })

  it("POST /funding-use settles 2024: 29 250,00 € spent on eligible expenses, 750,00 € to repay", async () => {
    const request = {
      portfolio,
      year: 2024,
      payments,
      expenses,
      activities,
      asOf: "2025-07-15",
      reportsAcceptedOn: "2025-05-20"
    }
    const reply = await post(`${url}/funding-use`, request)
    expect(reply.status).toBe(200)
    const body = reply.json()
    expect(body.settlement).toMatchObject({
      granted: "30000.00",
      received: "30000.00",
      eligibleSpend: "29250.00",
      unspent: "750.00",
      toRepay: "750.00",
      stillToPay: "0.00"
    })
    expect(
      body.instalments.map((i: { instalment: { key: string }; paid: string; status: string }) => [
        i.instalment.key,
        i.paid,
        i.status
      ])
    ).toEqual([
      ["advance", "15000.00", "paid"],
      ["balance", "15000.00", "paid"]
    ])
    expect(
      body.ineligibleExpenses.map((e: { id: string; amount: string; reason: string }) => [e.id, e.amount, e.reason])
    ).toEqual([
      ["dep-2023-12-experts", "500.00", "outside-year"],
      ["dep-2024-experts-corbeil", "1200.00", "funded-elsewhere"],
      ["dep-2024-materiel", "300.00", "no-document"]
    ])
    const objectives = evaluateObjectives(founding, parseActivities(activities), { year: 2024, asOf: "2025-07-15" })
    expect(body).toEqual(
      asJson(
        evaluateFundingUse(founding, {
          year: 2024,
          payments: parsePayments(payments),
          expenses: parseExpenses(expenses),
          asOf: "2025-07-15",
          reportsAcceptedOn: "2025-05-20",
          objectives
        })
      )
    )
    expect(schemaErrors("FundingUseResponse", body)).toEqual([])
  })

  const reportRequest = {
    portfolio,
    year: 2024,
    activities,
    payments,
    expenses,
    asOf: "2025-07-15",
    reportsAcceptedOn: { "2024": "2025-05-20" }
  }
  const libraryReport = () =>
    annualReport(founding, {
      year: 2024,
      activities: parseActivities(activities),
      payments: parsePayments(payments),
      expenses: parseExpenses(expenses),
      asOf: "2025-07-15",
      reportsAcceptedOn: { "2024": "2025-05-20" },
      partners: parsePortfolio(portfolio).partners,
      conventions: parsePortfolio(portfolio).conventions
    })

  it("POST /report gives the 2024 yearly review as JSON, Markdown and HTML", async () => {
    const json = await post(`${url}/report`, reportRequest)
    expect(json.status).toBe(200)
    const body = json.json()
    expect(body).toMatchObject({ kind: "annual", year: 2024, status: "in-force" })
    expect(body.parties).toEqual({
      funder: "Caisse d'allocations familiales de l'Essonne",
      partner: "France Active Seine-et-Marne Essonne"
    })
    expect(body.funding.settlement.toRepay).toBe("750.00")
    expect(body).toEqual(asJson(libraryReport()))
    expect(schemaErrors("ReportResponse", body)).toEqual([])
    const markdown = await post(`${url}/report`, { ...reportRequest, format: "md" })
    expect(markdown.type).toBe("text/markdown; charset=utf-8")
    expect(markdown.text.split("\n")[0]).toBe(
      "# Bilan annuel 2024 — Convention pluriannuelle d'objectifs 2023-2025 : accompagnement des associations des champs de la politique familiale"
    )
    expect(markdown.text).toBe(renderReportMarkdown(libraryReport()))
    const html = await post(`${url}/report`, { ...reportRequest, format: "html" })
    expect(html.type).toBe("text/html; charset=utf-8")
    expect(html.text.startsWith("<!DOCTYPE html>") || html.text.startsWith("<!doctype html>")).toBe(true)
    expect(html.text).toBe(renderReportHtml(libraryReport()))
  })

  it("POST /report with format csv gives the review's tables as the command line writes them", async () => {
    const ledger = await post(`${url}/report`, { ...reportRequest, format: "csv", table: "financement-par-annee" })
    expect([ledger.status, ledger.type]).toEqual([200, "text/csv; charset=utf-8"])
    expect(ledger.text.split("\r\n")).toEqual([
      "Année;Accordé;Reçu;Report reçu;Dépenses éligibles;Employé;Non dépensé;Excédent conservé;Reporté sur l'année suivante;À reverser;Reversement demandé le;À reverser au plus tard le;Reversé;Reste à reverser;En attente d'emploi;Reste à verser;Retard",
      "2024;30000,00;30000,00;0,00;29250,00;29250,00;750,00;0,00;0,00;750,00;2025-06-12;2025-08-11;0,00;750,00;0,00;0,00;non",
      ""
    ])
    // The byte order mark is read from the bytes: a text decoder drops it.
    const english = await fetch(`${url}/report`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...reportRequest, format: "csv", table: "versements", separator: ",", bom: true })
    })
    const bytes = new Uint8Array(await english.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).split("\r\n")).toEqual([
      "\uFEFFAnnée,Versement,Nature,Montant,Déduction,Déduite de l'année,Exigible le,Bilans attendus le,Au plus tard le,Versé,Payé le,Statut",
      "2024,Avance,avance,15000.00,,,2024-03-31,,2024-05-30,15000.00,2024-03-28,payé (3 jours avant l'échéance)",
      "2024,Solde,solde,15000.00,,,2025-05-20,,2025-07-19,15000.00,2025-06-12,payé",
      ""
    ])
    const semicolonPoint = await post(`${url}/report`, {
      ...reportRequest,
      format: "csv",
      table: "versements",
      decimal: "."
    })
    expect(semicolonPoint.text.split("\r\n")[1]).toBe(
      "2024;Avance;avance;15000.00;;;2024-03-31;;2024-05-30;15000.00;2024-03-28;payé (3 jours avant l'échéance)"
    )
    // Every table, each after its title, separated by an empty line: the same text as reportTablesCsv's.
    const all = await post(`${url}/report`, { ...reportRequest, format: "csv" })
    const tables = reportTablesCsv(libraryReport())
    expect(tables.map((table) => table.id)).toEqual([
      "avenants",
      "objectifs",
      "versements",
      "depenses-non-retenues",
      "financement-par-annee"
    ])
    expect(all.text).toBe(tables.map((table) => `${table.title}\r\n${table.csv}`).join("\r\n"))
    expect(all.text.split("\r\n").slice(0, 4)).toEqual([
      "Avenants",
      "Avenant;Signé le;Effet au;Objet;Modifications;Montant avant;Montant après",
      "",
      "Objectifs 2024"
    ])
  })

  it("POST /report refuses the CSV's options as the command line does, each at its path, in French or English", async () => {
    const refused = async (extra: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const reply = await post(`${url}/report`, { ...reportRequest, ...extra }, headers)
      expect([reply.status, reply.type]).toEqual([422, "application/problem+json; charset=utf-8"])
      const body = reply.json()
      expect(body.type).toBe("urn:caf-conventions:problem:invalid-request")
      return body.issues.map((issue: { location: string; code: string; message: string }) => [
        issue.location,
        issue.code,
        issue.message
      ])
    }
    const sentence = (option: string, format: string) =>
      `« ${option} » ne va qu'avec le format "csv" : le format "${format}" écrit le rapport entier, sans choix de table ni de séparateurs`
    expect(await refused({ table: "versements" })).toEqual([["table", "rule", sentence("table", "json")]])
    expect(await refused({ format: "md", bom: true })).toEqual([["bom", "rule", sentence("bom", "md")]])
    expect(await refused({ format: "html", decimal: "." })).toEqual([["decimal", "rule", sentence("decimal", "html")]])
    expect(await refused({ format: "json", separator: "," })).toEqual([
      ["separator", "rule", sentence("separator", "json")]
    ])
    expect(await refused({ format: "csv", separator: ",", decimal: "," })).toEqual([
      [
        "decimal",
        "rule",
        '« decimal » "," ne va pas avec « separator » "," : les montants se liraient comme deux champs'
      ]
    ])
    expect(await refused({ format: "csv", separator: ",", decimal: "," }, { "accept-language": "en" })).toEqual([
      ["decimal", "rule", '"decimal" "," does not go with "separator" ",": the amounts would read as two fields']
    ])
    expect((await refused({ format: "csv", table: "objetifs" }))[0]?.slice(0, 2)).toEqual(["table", "enum"])
    const { year: _year, ...whole } = reportRequest
    const reply = await post(`${url}/report`, { ...whole, format: "csv", table: "objectifs" })
    expect(reply.status).toBe(422)
    expect(reply.json().issues).toEqual([
      expect.objectContaining({
        location: "table",
        code: "enum",
        message:
          "le bilan de fin de convention n'a pas de table objectifs (tables : avenants, versements, depenses-non-retenues, financement-par-annee)",
        suggestions: ["avenants", "versements", "depenses-non-retenues", "financement-par-annee"]
      })
    ])
  })

  it("POST /report without a year gives the end-of-convention review and its totals", async () => {
    const reply = await post(`${url}/report`, {
      portfolio,
      activities,
      payments,
      expenses,
      asOf: "2026-12-31",
      reportsAcceptedOn: { "2023": "2024-05-10", "2024": "2025-05-20" }
    })
    expect(reply.status).toBe(200)
    const body = reply.json()
    expect(body.kind).toBe("convention")
    expect(body.years.map((year: { year: number }) => year.year)).toEqual([2023, 2024, 2025])
    expect(body.totals).toMatchObject({
      granted: "90000.00",
      received: "45000.00",
      eligibleSpend: "29750.00",
      toRepay: "15250.00",
      stillToPay: "0.00"
    })
    expect(schemaErrors("ReportResponse", body)).toEqual([])
  })

  it("POST /scdl gives the SCDL subventions CSV, and the rows and problems as JSON", async () => {
    const reply = await post(`${url}/scdl`, { portfolio })
    expect(reply.status).toBe(200)
    expect(reply.type).toBe("text/csv; charset=utf-8")
    const expected = toScdlCsv(parsePortfolio(portfolio).conventions, { partners: parsePortfolio(portfolio).partners })
    expect(reply.text).toBe(expected.csv)
    expect(reply.text.split("\r\n")[0]).toMatch(/^nomAttribuant,idAttribuant,dateConvention,/u)
    expect(reply.headers.get("caf-conventions-left-out")).toBe(
      String(new Set(expected.problems.map((p) => p.conventionId)).size)
    )
    const json = (await post(`${url}/scdl`, { portfolio, version: "2.0", format: "json" })).json()
    expect(json.version).toBe("2.0")
    expect(json.columns).toHaveLength(14)
    expect(schemaErrors("ScdlResponse", json)).toEqual([])
  })
})

describe("problems are RFC 9457 problem details", () => {
  const expectProblem = (reply: Awaited<ReturnType<typeof post>>, status: number, kind: string) => {
    expect(reply.status).toBe(status)
    expect(reply.type).toBe("application/problem+json; charset=utf-8")
    const body = reply.json()
    expect(body.type).toBe(`urn:caf-conventions:problem:${kind}`)
    expect(body.status).toBe(status)
    expect(typeof body.title).toBe("string")
    expect(typeof body.detail).toBe("string")
    expect(typeof body.instance).toBe("string")
    expect(reply.text).not.toMatch(/\bat .*\.(?:ts|js):\d+/u)
    expect(schemaErrors("Problem", body)).toEqual([])
    return body
  }

  it("malformed JSON is a 400 saying where reading stopped, without quoting the body", async () => {
    const body = expectProblem(await post(`${url}/schedule`, '{"portfolio": {"secret": tru'), 400, "invalid-json")
    expect(body).toMatchObject({ title: "Corps de requête illisible", instance: "/schedule" })
    expect(body.detail).toBe("le corps n'est pas du JSON : erreur ligne 1, colonne 26")
    expect(body.detail).not.toContain("secret")
    const english = expectProblem(
      await post(`${url}/schedule`, "{", { "accept-language": "en-GB, fr;q=0.5" }),
      400,
      "invalid-json"
    )
    expect(english.title).toBe("Unreadable request body")
    expectProblem(await post(`${url}/schedule`, ""), 400, "invalid-json")
  })

  it("a body over the limit is a 413, whether its length is announced or streamed", async () => {
    const big = JSON.stringify({ portfolio, year: 2024, padding: "x".repeat(LIMIT) })
    const body = expectProblem(await post(`${url}/schedule`, big), 413, "body-too-large")
    expect(body.detail).toBe("le corps dépasse la limite de 256 Kio")
    const chunks = [
      new TextEncoder().encode('{"padding": "'),
      new TextEncoder().encode("y".repeat(LIMIT)),
      new TextEncoder().encode('"}')
    ]
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift()
        if (next === undefined) controller.close()
        else controller.enqueue(next)
      }
    })
    const response = await fetch(`${url}/schedule`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half"
    } as RequestInit)
    expect(response.status).toBe(413)
    expect((await response.json()).type).toBe("urn:caf-conventions:problem:body-too-large")
    // The service still answers afterwards.
    expect((await fetch(`${url}/health`)).status).toBe(200)
  })

  it("an unknown route is a 404 and a wrong method a 405 with Allow", async () => {
    const missing = await fetch(`${url}/bilan`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get("content-type")).toBe("application/problem+json; charset=utf-8")
    expect((await missing.json()).instance).toBe("/bilan")
    const wrong = await fetch(`${url}/report`)
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get("allow")).toBe("POST")
    expect((await wrong.json()).detail).toBe("/report n'accepte pas GET ; méthodes acceptées : POST")
    const put = await fetch(`${url}/health`, { method: "PUT" })
    expect(put.status).toBe(405)
    expect(put.headers.get("allow")).toBe("GET, HEAD")
  })

  it("a body not sent as JSON is a 415", async () => {
    const reply = await post(`${url}/schedule`, JSON.stringify({ portfolio, year: 2024 }), {
      "content-type": "text/plain"
    })
    expectProblem(reply, 415, "unsupported-media-type")
  })

  it("two records with one id, found by the evaluation, are pointed into their field of the body", async () => {
    const evsBody = { portfolio: evsData("portfolio.json"), conventionId: "cpo-evs-2024-2026", year: 2025 }
    const records = evsData("activities-2025.json") as Array<Record<string, unknown>>
    const clash = [...records, { ...records[0], hours: 5 }]
    const objectives = expectProblem(
      await post(`${url}/objectives`, { ...evsBody, activities: clash }),
      422,
      "invalid-request"
    )
    expect(objectives.issues.map((issue: { pointer: string }) => issue.pointer)).toEqual([
      `/activities/${records.length}/id`
    ])
    const [first, second] = evsData("expenses-2025.json") as Array<Record<string, unknown>>
    const use = expectProblem(
      await post(`${url}/funding-use`, {
        ...evsBody,
        payments: [],
        expenses: [first, { ...second, id: first?.["id"] }]
      }),
      422,
      "invalid-request"
    )
    expect(use.issues.map((issue: { pointer: string; path: unknown }) => [issue.pointer, issue.path])).toEqual([
      ["/expenses/1/id", ["expenses", 1, "id"]]
    ])
    const report = expectProblem(await post(`${url}/report`, { ...evsBody, activities: clash }), 422, "invalid-request")
    expect(report.issues.map((issue: { pointer: string }) => issue.pointer)).toEqual([
      `/activities/${records.length}/id`
    ])
  })

  it("an invalid document is a 422 listing every issue with its path from the body, its code and its French message", async () => {
    const broken = structuredClone(portfolio) as { conventions: Array<{ terms: { amounts: Record<string, unknown> } }> }
    ;(broken.conventions[2] as { terms: { amounts: Record<string, unknown> } }).terms.amounts["yearlyAmount"] = 30000
    const body = expectProblem(
      await post(`${url}/schedule`, { portfolio: broken, year: 2024, payments: [] }),
      422,
      "invalid-request"
    )
    expect(body.issues).toEqual([
      {
        path: ["payments"],
        pointer: "/payments",
        location: "payments",
        code: "unknown-key",
        message: expect.stringMatching(/^le champ « payments » n'est pas prévu ici/u),
        found: "[]",
        expected: expect.any(String)
      }
    ])
    const documentProblem = expectProblem(
      await post(`${url}/schedule`, { portfolio: broken, year: 2024 }),
      422,
      "invalid-request"
    )
    expect(documentProblem.detail).toBe("Le corps de la requête a 1 problème")
    expect(documentProblem.issues).toEqual([
      expect.objectContaining({
        path: ["portfolio", "conventions", 2, "terms", "amounts", "yearlyAmount"],
        location: "portfolio.conventions[2].terms.amounts.yearlyAmount",
        code: "amount",
        suggestions: ["30000.00"],
        message:
          'un montant s\'écrit entre guillemets, avec un point avant les centimes : écrivez "30000.00" au lieu de 30000'
      })
    ])
    const english = expectProblem(
      await post(`${url}/schedule`, { portfolio: broken, year: 2024 }, { "accept-language": "en" }),
      422,
      "invalid-request"
    )
    expect(english.title).toBe("Invalid request")
    expect(english.issues[0].message).toMatch(/^an amount is written as a string/u)
  })

  it("a missing or ambiguous convention is a 422 with the ids to choose from", async () => {
    const none = expectProblem(await post(`${url}/terms`, { date: "2024-06-01" }), 422, "invalid-request")
    expect(none.issues[0]).toMatchObject({ path: ["portfolio"], code: "missing-key" })
    const both = expectProblem(
      await post(`${url}/terms`, { portfolio, convention: {}, date: "2024-06-01" }),
      422,
      "invalid-request"
    )
    expect(both.issues[0]).toMatchObject({ path: ["convention"], code: "rule" })
    const unknown = expectProblem(
      await post(`${url}/terms`, { portfolio, conventionId: "cpo-2026", date: "2024-06-01" }),
      422,
      "invalid-request"
    )
    expect(unknown.issues[0]).toMatchObject({
      path: ["conventionId"],
      code: "enum",
      suggestions: ["appui-technique-2018", "accord-cadre-2020-2022", "cpo-2023-2025"]
    })
    const badDate = expectProblem(await post(`${url}/terms`, { portfolio, date: "2024-02-30" }), 422, "invalid-request")
    expect(badDate.issues[0]).toMatchObject({ path: ["date"], code: "date" })
  })
})
