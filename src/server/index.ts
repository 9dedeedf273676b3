/**
 * `caf-conventions/server`: the library behind HTTP, for applications that are not written in
 * TypeScript. Every endpoint takes a JSON body (a portfolio or a convention, the records, the
 * options) and calls the same public functions as the command line; errors are RFC 9457 problem
 * details; `GET /openapi.json` describes it all (OpenAPI 3.1). Nothing is kept between requests.
 * Built on Hono and its Node.js adapter; see docs/http.md.
 *
 * @module
 */
import type { Server } from "node:http"
import type { AddressInfo } from "node:net"
import { serve } from "@hono/node-server"
import { InvalidArgumentError } from "../core/errors.js"
import { packageVersion } from "../core/version.js"
import { createApp } from "./app.js"
import { openApiDocumentOf } from "./openapi.js"

/**
 * The largest request body the service reads unless told otherwise: 5 MiB, room for a portfolio
 * of a few hundred conventions or some ten thousand activity records. A larger body is refused
 * with `413` before it is read whole.
 *
 * @example
 * ```ts
 * import { DEFAULT_BODY_LIMIT } from "caf-conventions/server"
 * DEFAULT_BODY_LIMIT //=> 5242880
 * ```
 * @category server
 */
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024

/**
 * What the service is built with.
 *
 * @example
 * ```ts
 * import type { HandlerOptions } from "caf-conventions/server"
 * const options: HandlerOptions = { bodyLimit: 1024 * 1024, onError: (error) => console.error(error) }
 * ```
 * @category server
 */
export interface HandlerOptions {
  /** The largest body read, in bytes ({@link DEFAULT_BODY_LIMIT} by default). */
  readonly bodyLimit?: number
  /**
   * Told of an unexpected error (a defect of the library), which the client sees only as a `500`
   * problem without detail; by default written to standard error.
   */
  readonly onError?: (error: unknown) => void
}

/**
 * What {@link startServer} listens on, besides {@link HandlerOptions}.
 *
 * @example
 * ```ts
 * import type { ServerOptions } from "caf-conventions/server"
 * const options: ServerOptions = { port: 8080, host: "127.0.0.1", bodyLimit: 5 * 1024 * 1024 }
 * ```
 * @category server
 */
export interface ServerOptions extends HandlerOptions {
  /** The TCP port, `8080` by default; `0` lets the system choose a free one. */
  readonly port?: number
  /** The address to listen on, `127.0.0.1` by default (this machine only). */
  readonly host?: string
}

/**
 * A service listening, as {@link startServer} returns it.
 *
 * @example
 * ```ts
 * import { type RunningServer, startServer } from "caf-conventions/server"
 * const server: RunningServer = await startServer({ port: 0 })
 * server.url.startsWith("http://127.0.0.1:") //=> true
 * await server.close()
 * ```
 * @category server
 */
export interface RunningServer {
  /** Where it answers: `http://127.0.0.1:8080`. */
  readonly url: string
  /** The port it listens on (the one chosen by the system for port `0`). */
  readonly port: number
  /** The address it listens on. */
  readonly host: string
  /** Stops listening and closes every connection; resolves once closed. */
  readonly close: () => Promise<void>
}

/** How long an idle connection is kept open: longer than the 60 s of common load balancers. */
const KEEP_ALIVE_MS = 65_000

const stderrReport = (error: unknown): void => {
  process.stderr.write(
    `caf-conventions serve : erreur inattendue : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
}

function checkedLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_BODY_LIMIT
  if (typeof limit !== "number" || !Number.isSafeInteger(limit) || limit < 1)
    throw new InvalidArgumentError({
      argument: "bodyLimit",
      message: `expected a whole number of bytes from 1, got ${typeof limit === "number" ? String(limit) : typeof limit}`
    })
  return limit
}

/**
 * The service as a fetch handler, `Request` in, `Response` out (the web standard): mount it in
 * any server or runtime that speaks it, or call it directly in a test. Nothing is kept between
 * calls. A `bodyLimit` that is not a whole number of bytes from 1 throws an `InvalidArgumentError`.
 *
 * @example
 * ```ts
 * import { createHandler } from "caf-conventions/server"
 * const handle = createHandler()
 * const response = await handle(new Request("http://localhost/health"))
 * response.status //=> 200
 * const missing = await handle(new Request("http://localhost/nowhere"))
 * missing.headers.get("content-type") //=> "application/problem+json; charset=utf-8"
 * ```
 * @category server
 */
export function createHandler(options: HandlerOptions = {}): (request: Request) => Promise<Response> {
  if (options === null || typeof options !== "object" || Array.isArray(options))
    throw new InvalidArgumentError({ argument: "options", message: "expected an options object" })
  if (options.onError !== undefined && typeof options.onError !== "function")
    throw new InvalidArgumentError({ argument: "onError", message: "expected a function told of unexpected errors" })
  const app = createApp({ bodyLimit: checkedLimit(options.bodyLimit), onError: options.onError ?? stderrReport })
  return async (request) => app.fetch(request)
}

/**
 * The OpenAPI 3.1 document of the service, as `GET /openapi.json` serves it: every endpoint, its
 * body (the portfolio, convention and record schemas are those of `schema/*.json`), its answers
 * and its problems. Deeply frozen.
 *
 * @example
 * ```ts
 * import { openApiDocument } from "caf-conventions/server"
 * openApiDocument().openapi //=> "3.1.1"
 * Object.keys(openApiDocument().paths as object).includes("/report") //=> true
 * ```
 * @category server
 */
export function openApiDocument(): Readonly<Record<string, unknown>> {
  return openApiDocumentOf(packageVersion())
}

/**
 * Starts the service on Node.js (`@hono/node-server`) and resolves once it listens, or rejects
 * when it cannot (a port in use: the error's `code` is `EADDRINUSE`; wrong options: an
 * `InvalidArgumentError`). By default on
 * `127.0.0.1:8080`; `port: 0` lets the system choose.
 *
 * @example
 * ```ts
 * import { startServer } from "caf-conventions/server"
 * const server = await startServer({ port: 0 })
 * const health = (await (await fetch(`${server.url}/health`)).json()) as { status: string }
 * health.status //=> "ok"
 * await server.close()
 * ```
 * @category server
 */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (options === null || typeof options !== "object" || Array.isArray(options))
    return Promise.reject(new InvalidArgumentError({ argument: "options", message: "expected an options object" }))
  const port = options.port ?? 8080
  const host = options.host ?? "127.0.0.1"
  if (!Number.isSafeInteger(port) || port < 0 || port > 65535)
    return Promise.reject(
      new InvalidArgumentError({
        argument: "port",
        message: `expected a whole number from 0 to 65535, got ${typeof port === "number" ? String(port) : typeof port}`
      })
    )
  if (typeof host !== "string" || host.trim() === "")
    return Promise.reject(
      new InvalidArgumentError({ argument: "host", message: "expected an address to listen on, as a string" })
    )
  let fetch: (request: Request) => Promise<Response>
  try {
    fetch = createHandler(options)
  } catch (error) {
    return Promise.reject(error)
  }
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }) as Server
    // Idle connections are kept longer than a client or a proxy in front keeps them (Node's 5 s
    // would close a socket a client is about to reuse, which the client sees as a reset).
    server.keepAliveTimeout = KEEP_ALIVE_MS
    server.headersTimeout = KEEP_ALIVE_MS + 1000
    server.once("error", reject)
    server.once("listening", () => {
      server.off("error", reject)
      const address = server.address() as AddressInfo
      const shown = address.family === "IPv6" ? `[${address.address}]` : address.address
      resolve({
        url: `http://${shown}:${address.port}`,
        port: address.port,
        host: address.address,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error === undefined ? done() : fail(error)))
            server.closeAllConnections()
          })
      })
    })
  })
}
