/**
 * `caf-conventions serve [--port 8080] [--host 127.0.0.1] [--body-limit 5mb]`: the HTTP service
 * (`caf-conventions/server`, loaded by this command only) until the process is interrupted.
 *
 * @module
 */
import type { OptionSpec, ParsedArgs } from "./args.js"
import { UsageError, option } from "./args.js"
import type { Command, Io } from "./types.js"
import { listenProblemText, listeningText, notAPortText, notASizeText } from "../vocabulary/cli.js"
import { EMPTY_HOST } from "../vocabulary/cli.js"

const UNITS: Readonly<Record<string, number>> = { "": 1, b: 1, kb: 1024, mb: 1024 * 1024 }

/**
 * @internal A size in bytes written `5mb`, `512kb`, `1048576` or `1048576b` (a kilobyte is 1 024
 * bytes), from 1 byte to 1 GiB; `undefined` when it is not one.
 */
export function parseByteSize(text: string): number | undefined {
  const match = /^([1-9][0-9]{0,9})\s*(b|kb|mb)?$/iu.exec(text.trim())
  if (match === null) return undefined
  const bytes = Number(match[1]) * (UNITS[(match[2] ?? "").toLowerCase()] as number)
  return bytes <= 1024 * 1024 * 1024 ? bytes : undefined
}

const PORT_OPTION: OptionSpec = {
  value: "<port>",
  check: (value) => (/^[0-9]{1,5}$/u.test(value) && Number(value) <= 65535 ? undefined : notAPortText(value))
}

const HOST_OPTION: OptionSpec = {
  value: "<adresse>",
  check: (value) => (value.trim() === "" ? EMPTY_HOST : undefined)
}

const SIZE_OPTION: OptionSpec = {
  value: "<taille>",
  check: (value) => (parseByteSize(value) === undefined ? notASizeText(value) : undefined)
}

/** Why the service could not listen, in French, from the system's error code. */
function listenProblem(error: unknown, host: string, port: number): string | undefined {
  const code = (error as { readonly code?: unknown }).code
  if (code === "EADDRINUSE") return listenProblemText("in-use", host, port)
  if (code === "EACCES") return listenProblemText("reserved", host, port)
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EAI_AGAIN")
    return listenProblemText("not-here", host, port)
  return undefined
}

/** Resolves when the process is asked to stop (Ctrl+C, `kill`). */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop)
      process.off("SIGTERM", stop)
      resolve()
    }
    process.on("SIGINT", stop)
    process.on("SIGTERM", stop)
  })
}

async function serve(args: ParsedArgs, io: Io): Promise<number> {
  const port = Number(option(args, "port") ?? "8080")
  const host = option(args, "host") ?? "127.0.0.1"
  const limitText = option(args, "body-limit") ?? "5mb"
  const bodyLimit = parseByteSize(limitText) as number
  const { startServer } = await import("../server/index.js")
  let server: Awaited<ReturnType<typeof startServer>>
  try {
    server = await startServer({ port, host, bodyLimit })
  } catch (error) {
    const problem = listenProblem(error, host, port)
    if (problem === undefined) throw error
    throw new UsageError(problem)
  }
  io.err(listeningText(server.url, limitText))
  await interrupted()
  await server.close()
  io.err("caf-conventions : service arrêté")
  return 0
}

/** @internal The `serve` command, its options and what it does. */
export const SERVE_COMMAND: Command = {
  options: { port: PORT_OPTION, host: HOST_OPTION, "body-limit": SIZE_OPTION },
  positionals: 0,
  run: serve
}
