/**
 * Serves `examples/` on the loopback interface, so that the browser page
 * (`examples/browser/index.html`) loads its modules and fetches the example data from its own
 * origin (browsers load no module from a `file:` address). `npm run browser` builds the bundle,
 * then runs this: open the address it prints. Port 8080, or a free one when 8080 is taken; `PORT=…`
 * asks for one (`PORT=0`: any free one).
 * Files only, read-only; nothing outside `examples/` is served.
 */
import { readFile } from "node:fs/promises"
import { type Server, createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { dirname, extname, join, normalize, sep } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8"
}

/** Starts the server on 127.0.0.1 and resolves with it and the page's address. */
export async function serveExamples(port: number): Promise<{ readonly server: Server; readonly page: string }> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname)
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path))
    const type = TYPES[extname(file)]
    if (request.method !== "GET" || !file.startsWith(root + sep) || type === undefined) {
      response.writeHead(404).end()
      return
    }
    try {
      const body = await readFile(file)
      response.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject)
      resolve()
    })
  })
  const { port: bound } = server.address() as AddressInfo
  return { server, page: `http://127.0.0.1:${bound}/browser/` }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const asked = process.env["PORT"]
  const started = await serveExamples(Number(asked ?? 8080)).catch((error: NodeJS.ErrnoException) => {
    // 8080 taken by something else: any free port will do, unless one was asked for.
    if (error.code === "EADDRINUSE" && asked === undefined) return serveExamples(0)
    console.error(`Le port ${asked} n'est pas disponible (${error.code ?? error.message}).`)
    process.exit(1)
  })
  console.log(`La page : ${started.page} (Ctrl+C pour arrêter)`)
}
