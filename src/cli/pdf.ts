/**
 * `report --format pdf`: the HTML page printed to PDF by a local Chromium, driven by
 * playwright-core. Both are found at run time, only on this path: the library's entry point and
 * the other commands never load them (playwright-core is an optional peer dependency, see
 * docs/reports.md).
 *
 * @module
 */
import { accessSync, constants, statSync } from "node:fs"
import { chromiumFailedText, chromiumMissingText } from "../vocabulary/cli.js"
import { UsageError } from "./args.js"
import { PLAYWRIGHT_MISSING } from "../vocabulary/cli.js"

/** @internal How a page is printed: A4, the page's own print stylesheet (margins, running heads), its colours kept. */
export const PDF_OPTIONS = { format: "A4", preferCSSPageSize: true, printBackground: true } as const

/** @internal The flags a headless Chromium needs here: run as root, and stay off a network there is none of. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

/** @internal Where Chromium is: `CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`; a usage error naming the variable when it is not there. */
export function chromiumPath(environment: NodeJS.ProcessEnv = process.env): string {
  const given = environment["CHROMIUM_PATH"]
  const path = given === undefined || given === "" ? "/usr/bin/chromium" : given
  try {
    if (!statSync(path).isFile()) throw new Error("not a file")
    accessSync(path, constants.X_OK)
  } catch {
    throw new UsageError(chromiumMissingText(path, !(given === undefined || given === "")))
  }
  return path
}

/**
 * @internal Prints a self-contained HTML page to PDF: A4, with the page's own print stylesheet
 * (margins, the parties, the date and "page n / N" on every page), its colours kept. Nothing is
 * fetched: every request the page would make is refused.
 */
export async function htmlToPdf(html: string, environment: NodeJS.ProcessEnv = process.env): Promise<Uint8Array> {
  const executablePath = chromiumPath(environment)
  let playwright: typeof import("playwright-core")
  try {
    playwright = await import("playwright-core")
  } catch {
    throw new UsageError(PLAYWRIGHT_MISSING)
  }
  let browser: Awaited<ReturnType<typeof playwright.chromium.launch>>
  try {
    browser = await playwright.chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS })
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? ""
    throw new UsageError(chromiumFailedText(executablePath, reason))
  }
  try {
    const page = await browser.newPage()
    await page.route("**/*", (route) => route.abort())
    await page.setContent(html, { waitUntil: "load" })
    return await page.pdf(PDF_OPTIONS)
  } finally {
    await browser.close()
  }
}
