/**
 * The HTTP service on Hono: one route per endpoint, the body limit, JSON read without quoting it
 * back, every failure as a problem details object (RFC 9457), never a stack trace.
 *
 * @internal
 * @module
 */
import { Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { syntaxErrorPosition } from "../documents/json-position.js"
import {
  EMPTY_BODY_TEXT,
  bodyTooLargeText,
  methodNotAllowedText,
  notFoundText,
  notJsonBodyText,
  unsupportedMediaTypeText
} from "../vocabulary/doors.js"
import { type Locale, ValidationError } from "../index.js"
import { packageVersion } from "../core/version.js"
import { openApiDocumentOf } from "./openapi.js"
import { invalidRequest, localeOf, problem, problemResponse } from "./problems.js"
import { type Answer, ENDPOINTS, type Endpoint } from "./routes.js"
import { UNEXPECTED_ERROR_FR } from "../vocabulary/doors.js"

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/iu

/** The answer as a response: JSON, or a document with its media type. */
function respond(answer: Answer): Response {
  if ("json" in answer)
    return new Response(JSON.stringify(answer.json), {
      headers: { "content-type": "application/json; charset=utf-8" }
    })
  return new Response(answer.text, { headers: { "content-type": answer.contentType, ...answer.headers } })
}

/** The response to an error an endpoint threw: the document's problems, a refused argument, or an internal error. */
function failure(error: unknown, instance: string, locale: Locale, report: (error: unknown) => void): Response {
  if (error instanceof ValidationError) return problemResponse(invalidRequest(error, instance, locale))
  if (error instanceof Error && "_tag" in error) {
    const french = "frenchMessage" in error && typeof error.frenchMessage === "string" ? error.frenchMessage : undefined
    return problemResponse(
      problem("invalid-request", locale === "fr" ? (french ?? error.message) : error.message, instance, locale)
    )
  }
  report(error)
  return problemResponse(
    problem(
      "internal-error",
      locale === "en" ? "The service could not answer this request; the error was recorded." : UNEXPECTED_ERROR_FR,
      instance,
      locale
    )
  )
}

/** Runs an endpoint on a request: the JSON body read, the answer, or the problem. */
async function handle(
  endpoint: Endpoint,
  request: Request,
  locale: Locale,
  report: (error: unknown) => void
): Promise<Response> {
  const instance = endpoint.path
  const type = request.headers.get("content-type") ?? ""
  if (!JSON_TYPE.test(type))
    return problemResponse(problem("unsupported-media-type", unsupportedMediaTypeText(type)[locale], instance, locale))
  let text = await request.text()
  if (text.startsWith("\uFEFF")) text = text.slice(1)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    const detail = text.trim() === "" ? EMPTY_BODY_TEXT : notJsonBodyText(syntaxErrorPosition(text))
    return problemResponse(problem("invalid-json", detail[locale], instance, locale))
  }
  try {
    return respond(endpoint.answer(body, locale))
  } catch (error) {
    return failure(error, instance, locale, report)
  }
}

/** @internal What the service is built with: the body limit in bytes, and where unexpected errors go. */
interface AppOptions {
  readonly bodyLimit: number
  readonly onError: (error: unknown) => void
}

/** @internal The Hono application of the service. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono({ strict: true })
  const version = packageVersion()
  const limit = bodyLimit({
    maxSize: options.bodyLimit,
    onError: (c) => {
      const locale = localeOf(c.req.header("accept-language"))
      return problemResponse(
        problem("body-too-large", bodyTooLargeText(options.bodyLimit)[locale], c.req.path, locale),
        { connection: "close" }
      )
    }
  })
  app.get("/health", (c) => c.json({ status: "ok", version }))
  app.get("/openapi.json", (c) => c.json(openApiDocumentOf(version)))
  for (const endpoint of ENDPOINTS)
    app.post(endpoint.path, limit, (c) =>
      handle(endpoint, c.req.raw, localeOf(c.req.header("accept-language")), options.onError)
    )
  const allowed = new Map<string, string>([
    ["/health", "GET, HEAD"],
    ["/openapi.json", "GET, HEAD"],
    ...ENDPOINTS.map((endpoint) => [endpoint.path, "POST"] as const)
  ])
  for (const [path, allow] of allowed)
    app.all(path, (c) => {
      const locale = localeOf(c.req.header("accept-language"))
      return problemResponse(
        problem("method-not-allowed", methodNotAllowedText(path, c.req.method, allow)[locale], path, locale),
        { allow }
      )
    })
  app.notFound((c) => {
    const locale = localeOf(c.req.header("accept-language"))
    return problemResponse(
      problem("not-found", notFoundText(c.req.path, [...allowed.keys()])[locale], c.req.path, locale)
    )
  })
  app.onError((error, c) => failure(error, c.req.path, localeOf(c.req.header("accept-language")), options.onError))
  return app
}
