/**
 * The package's version, read from its package.json: for the command line (`--version`) and the
 * HTTP service (`/health`, the OpenAPI document). Node.js only (it reads a file through
 * `createRequire`): the main entry point does not import it, so no browser bundle holds it.
 *
 * @module
 * @internal
 */
import { createRequire } from "node:module"

/**
 * @internal The version of package.json, two folders up from this file: `src/core/` and
 * `dist/core/` alike (the build writes one file per module, in the same folders).
 */
export function packageVersion(): string {
  try {
    return (createRequire(import.meta.url)("../../package.json") as { version: string }).version
  } catch {
    return "inconnue"
  }
}
