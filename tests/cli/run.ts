import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { run } from "../../src/cli/main.js"

/** Runs the command line in-process: its exit code and everything it printed, line by line. */
export function cli(...argv: Array<string>): { readonly code: number; readonly out: string; readonly err: string } {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = run(argv, { out: (text) => out.push(text), err: (text) => err.push(text) })
  if (typeof code !== "number") throw new Error(`${argv[0] ?? ""} answered with a promise: use cliAsync`)
  return { code, out: out.join("\n"), err: err.join("\n") }
}

/** Like {@link cli}, for the commands that may answer asynchronously (spreadsheets, `report --format pdf`). */
export async function cliAsync(
  ...argv: Array<string>
): Promise<{ readonly code: number; readonly out: string; readonly err: string }> {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await run(argv, { out: (text) => out.push(text), err: (text) => err.push(text) })
  return { code, out: out.join("\n"), err: err.join("\n") }
}

/** A file of the founding case. */
export const data = (name: string): string => join("examples", "data", name)

/** A new empty folder for one test file. */
export const scratchFolder = (): string => mkdtempSync(join(tmpdir(), "caf-conventions-cli-"))

/** No stack trace line (`at f (file.ts:1:2)`). */
export const STACK_TRACE = /\bat .*\.(ts|js):\d+/u
