/// <reference lib="dom" />
/**
 * `npm run test:browser`: opens each report of tests/reports/fixtures.ts `reportCases` (the
 * founding case's 2024 and whole-convention reviews, the amended centre social's 2024 and
 * whole-convention reviews, a terminated convention, a convention in its last year under the
 * clause `offset`, yearly and whole), a review whose objective's title holds a word wider than
 * the chart, and the review whose texts are hostile, in headless Chromium
 * (Debian's package, /usr/bin/chromium, or CHROMIUM_PATH), and checks that the page loads nothing
 * from outside and logs no console error; that every chart has its title, its description, the
 * bars the report's figures call for, and no two labels that overlap or leave the drawing (the
 * boxes Chromium draws); that axe-core finds no WCAG 2.1 A or AA violation (contrast included);
 * that every table header has a scope. Then prints each page to PDF as `report --format pdf`
 * does, and checks with poppler's pdfinfo and pdftotext its page count, "page n / N", the parties
 * and the date on every page, and every chart's texts on one page. One of them goes through the
 * command line itself. Then opens a yearly review whose texts are hostile, as HTML and as its
 * Markdown rendered by `marked`, and checks that no script runs and no link, image or extra
 * heading appears. Saves a screenshot of each page, and each PDF with its pages as pictures,
 * under out/screenshots/ (git-ignored).
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { marked } from "marked"
import { chromium } from "playwright-core"
import {
  type AnnualReport,
  type ConventionReport,
  annualReport,
  formatFrenchDate,
  renderReportHtml,
  renderReportMarkdown
} from "caf-conventions"
import { run } from "../src/cli/main.js"
import { CHROMIUM_FLAGS, PDF_OPTIONS } from "../src/cli/pdf.js"
import { HOSTILE_TEXTS, hostileReport } from "../tests/reports/hostile.js"
import { foundingReportInputs, longWordReport, reportCases } from "../tests/reports/fixtures.js"

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")
const { cpo: convention, inputs } = foundingReportInputs()

/** What a report's charts must hold, from its figures: per chart, the bars drawn. */
function expectedCharts(
  report: AnnualReport | ConventionReport
): Array<{ readonly id: string; readonly bars: number }> {
  const years = report.kind === "annual" ? [report] : report.years
  const measured = (year: AnnualReport) =>
    year.objectives.results.filter((result) => result.status !== "not-started" && result.status !== "not-applicable")
      .length
  // Granted, received and used each year; unspent only once the year is over.
  const money = years.reduce((sum, year) => sum + 3 + (year.funding.final ? 1 : 0), 0)
  return [
    ...years
      .filter((year) => year.objectives.results.length > 0)
      .map((year) => ({ id: `objectifs-${year.year}`, bars: measured(year) })),
    { id: "financement", bars: money }
  ]
}

/** Text as pdftotext gives it, and as the page has it, compared without spaces of any kind. */
const squeeze = (text: string) => text.replace(/[\s\u00a0\u202f]+/gu, "")

const hostile = hostileReport(annualReport(convention, { ...inputs, year: 2024 }))
const hostilePages = [
  { name: "hostile-html", html: renderReportHtml(hostile) },
  {
    name: "hostile-markdown",
    html: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Bilan (Markdown)</title></head><body>${marked.parse(renderReportMarkdown(hostile), { async: false })}</body></html>`
  }
]

/**
 * A report's PDF: A4 pages, each with "page n / N", the parties and the date; the document's title
 * and every chart's texts, in order, on the page where its caption is (no chart cut across pages);
 * its pages saved as pictures.
 */
function checkPdf(
  name: string,
  file: string,
  html: string,
  day: string,
  charts: ReadonlyArray<{ readonly id: string; readonly texts: ReadonlyArray<string> }>
): void {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" })
  const count = Number(/^Pages:\s+(\d+)$/mu.exec(info)?.[1] ?? "0")
  expect(
    /^Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)$/mu.test(info),
    `${name}.pdf: not A4: ${/^Page size:.*$/mu.exec(info)?.[0] ?? ""}`
  )
  expect(count >= 2 && count <= 20, `${name}.pdf: ${count} pages`)
  const pages = Array.from({ length: count }, (_, index) =>
    execFileSync("pdftotext", ["-raw", "-f", String(index + 1), "-l", String(index + 1), file, "-"], {
      encoding: "utf8"
    })
  )
  const decode = (text: string) =>
    text
      .replace(/&amp;/gu, "&")
      .replace(/&lt;/gu, "<")
      .replace(/&gt;/gu, ">")
      .replace(/&quot;/gu, '"')
  const parties = decode(/<p class="subtitle">([^<]*)<\/p>/u.exec(html)?.[1] ?? "?")
  const title = decode(/<h1>([^<]*)<\/h1>/u.exec(html)?.[1] ?? "?")
  const date = `situation au ${day}`
  pages.forEach((text, index) => {
    const flat = squeeze(text)
    expect(
      flat.includes(squeeze(`page ${index + 1} / ${count}`)),
      `${name}.pdf: page ${index + 1} does not say "page ${index + 1} / ${count}"`
    )
    expect(
      flat.includes(squeeze(parties)) && flat.includes(squeeze(date)),
      `${name}.pdf: page ${index + 1} does not name the parties (${parties}) and the date (${date})`
    )
  })
  expect(squeeze(pages[0] ?? "").includes(squeeze(title)), `${name}.pdf: the first page does not hold the title`)
  for (const chart of charts) {
    const caption = decode(
      new RegExp(`data-chart="${chart.id}"><figcaption>([^<]*)</figcaption>`, "u").exec(html)?.[1] ?? "?"
    )
    const page = pages.findIndex((text) => squeeze(text).includes(squeeze(caption)))
    let rest = page < 0 ? "" : squeeze(pages[page] ?? "").slice(squeeze(pages[page] ?? "").indexOf(squeeze(caption)))
    const missing = chart.texts.filter((label) => {
      const at = rest.indexOf(squeeze(label))
      if (at < 0) return true
      rest = rest.slice(at + squeeze(label).length)
      return false
    })
    expect(
      page >= 0 && missing.length === 0,
      `${name}.pdf: chart ${chart.id} is not whole on page ${page + 1}: missing ${missing.slice(0, 5).join(" ; ")}`
    )
  }
  execFileSync("pdftoppm", ["-r", "60", "-png", file, file.replace(/\.pdf$/u, "-page")])
}

const outDir = join("out", "screenshots")
mkdirSync(outDir, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
  headless: true,
  // Playwright gives Chromium a fresh, empty profile of its own; these flags keep it off the
  // network this machine does not have.
  args: CHROMIUM_FLAGS
})
let passed = 0
let failed = 0
const expect = (ok: boolean, what: string) => {
  if (ok) passed++
  else {
    failed++
    console.error(`✗ ${what}`)
  }
}
try {
  // The cases, then two the layout must survive: an objective's title holding a word wider
  // than the chart, and the review whose texts are hostile (its page and its PDF).
  const cases = [
    ...reportCases(),
    { name: "bilan-2024-mot-long", report: longWordReport() },
    { name: "bilan-2024-hostile", report: hostile }
  ]
  for (const { name, report } of cases) {
    const html = renderReportHtml(report)
    const file = join(outDir, `${name}.html`)
    writeFileSync(file, html)
    const tab = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const errors: Array<string> = []
    const external: Array<string> = []
    tab.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text())
    })
    tab.on("pageerror", (error) => errors.push(error.message))
    tab.on("request", (request) => {
      if (!request.url().startsWith("file:")) external.push(request.url())
    })
    // tsx names the functions it compiles with a helper the page does not have.
    await tab.addInitScript("window.__name = (target) => target")
    await tab.goto(pathToFileURL(file).href, { waitUntil: "load" })
    expect(errors.length === 0, `${name}: console errors: ${errors.join(" | ")}`)
    expect(external.length === 0, `${name}: external requests: ${external.join(", ")}`)
    const title = await tab.title()
    expect(title.startsWith("Bilan"), `${name}: title is ${title}`)
    const charts = await tab.$$eval("figure.chart", (figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector("svg")!
        const frame = svg.getBoundingClientRect()
        const labels = Array.from(svg.querySelectorAll("text")).map((label) => {
          const box = label.getBoundingClientRect()
          return { text: label.textContent ?? "", left: box.left, right: box.right, top: box.top, bottom: box.bottom }
        })
        const overlaps: Array<string> = []
        labels.forEach((one, i) => {
          for (const other of labels.slice(i + 1)) {
            // Half a pixel of tolerance: glyph boxes of neighbouring lines may touch.
            if (
              one.left < other.right - 0.5 &&
              other.left < one.right - 0.5 &&
              one.top < other.bottom - 0.5 &&
              other.top < one.bottom - 0.5
            )
              overlaps.push(`« ${one.text} » / « ${other.text} »`)
          }
        })
        const outside = labels
          .filter(
            (label) =>
              label.left < frame.left - 0.5 ||
              label.right > frame.right + 0.5 ||
              label.top < frame.top - 0.5 ||
              label.bottom > frame.bottom + 0.5
          )
          .map((label) => label.text)
        const labelled = (attribute: string) =>
          document.getElementById(svg.getAttribute(attribute) ?? "")?.textContent ?? ""
        return {
          id: figure.getAttribute("data-chart") ?? "",
          bars: svg.querySelectorAll("rect.bar").length,
          role: svg.getAttribute("role"),
          title: labelled("aria-labelledby"),
          desc: labelled("aria-describedby"),
          titleElement: svg.querySelector(":scope > title")?.textContent ?? "",
          descElement: svg.querySelector(":scope > desc")?.textContent ?? "",
          texts: labels.map((label) => label.text),
          overlaps,
          outside
        }
      })
    )
    const expected = expectedCharts(report)
    expect(
      charts.map((chart) => chart.id).join(",") === expected.map((chart) => chart.id).join(","),
      `${name}: charts ${charts.map((chart) => chart.id).join(",")}, expected ${expected.map((chart) => chart.id).join(",")}`
    )
    for (const [index, chart] of charts.entries()) {
      expect(
        chart.bars === expected[index]?.bars,
        `${name}: chart ${chart.id} has ${chart.bars} bars, expected ${expected[index]?.bars}`
      )
      expect(
        chart.role === "img" && chart.title !== "" && chart.title === chart.titleElement,
        `${name}: chart ${chart.id} has no title a screen reader reads`
      )
      expect(
        chart.desc.length > 40 && chart.desc === chart.descElement,
        `${name}: chart ${chart.id} has no description a screen reader reads`
      )
      expect(chart.overlaps.length === 0, `${name}: chart ${chart.id}: labels overlap: ${chart.overlaps.join(" ; ")}`)
      expect(
        chart.outside.length === 0,
        `${name}: chart ${chart.id}: labels outside the drawing: ${chart.outside.join(" ; ")}`
      )
    }
    // Accessibility: the language, the headers' scope, and axe-core's WCAG 2.1 A and AA rules (contrast among them).
    const page = await tab.evaluate(() => ({
      lang: document.documentElement.lang,
      unscoped: document.querySelectorAll("th:not([scope])").length,
      headers: document.querySelectorAll("th").length
    }))
    expect(page.lang === "fr", `${name}: lang is ${page.lang}`)
    expect(
      page.headers > 0 && page.unscoped === 0,
      `${name}: ${page.unscoped} of ${page.headers} table headers have no scope`
    )
    await tab.screenshot({ path: join(outDir, `${name}.png`), fullPage: true })
    await tab.addScriptTag({ content: axeSource })
    const axe = await tab.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object
            ) => Promise<{ violations: Array<{ id: string; nodes: Array<unknown> }>; passes: Array<{ id: string }> }>
          }
        }
      ).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      return {
        violations: result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`),
        passes: result.passes.map((pass) => pass.id)
      }
    })
    expect(axe.violations.length === 0, `${name}: axe-core: ${axe.violations.join(", ")}`)
    expect(
      axe.passes.includes("color-contrast") &&
        axe.passes.includes("html-lang-valid") &&
        axe.passes.includes("svg-img-alt"),
      `${name}: axe-core did not check contrast, the language and the charts' names: ${axe.passes.join(", ")}`
    )
    // The PDF, printed as the command line prints it.
    const pdfFile = join(outDir, `${name}.pdf`)
    writeFileSync(pdfFile, await tab.pdf(PDF_OPTIONS))
    await tab.close()
    checkPdf(name, pdfFile, html, report.asOf === undefined ? "?" : formatFrenchDate(report.asOf), charts)
    console.log(
      `✓ ${name}: ${charts.length} charts, ${charts.reduce((sum, chart) => sum + chart.texts.length, 0)} labels, axe-core ${axe.passes.length} rules passed; ${pdfFile}`
    )
  }
  // The command line's own --format pdf, once.
  const cliPdf = join(outDir, "bilan-2024-cli.pdf")
  rmSync(cliPdf, { force: true })
  const said: Array<string> = []
  const code = await run(
    [
      "report",
      "examples/data/portfolio.json",
      "--year",
      "2024",
      "--activities",
      "examples/data/activities.json",
      "--payments",
      "examples/data/payments.json",
      "--expenses",
      "examples/data/expenses.json",
      "--as-of",
      "2025-07-15",
      "--reports-accepted",
      "2024=2025-05-20",
      "--financial-report-received",
      "2024=2025-04-30",
      "--format",
      "pdf",
      "--out",
      cliPdf
    ],
    { out: (text) => said.push(text), err: (text) => said.push(text) }
  )
  expect(
    code === 0 && said.join("\n") === `rapport écrit dans ${cliPdf}`,
    `report --format pdf: exit ${code}: ${said.join(" | ")}`
  )
  if (code === 0) {
    const [first] = cases
    const text = execFileSync("pdftotext", ["-raw", cliPdf, "-"], { encoding: "utf8" })
    const expectedText = execFileSync("pdftotext", ["-raw", join(outDir, `${first!.name}.pdf`), "-"], {
      encoding: "utf8"
    })
    expect(text === expectedText, "report --format pdf: its text differs from the page printed by the test")
    console.log(`✓ report --format pdf: ${cliPdf}`)
  }
  for (const page of hostilePages) {
    const file = join(outDir, `${page.name}.html`)
    writeFileSync(file, page.html)
    const tab = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const ran: Array<string> = []
    tab.on("dialog", (dialog) => {
      ran.push(dialog.message())
      void dialog.dismiss()
    })
    tab.on("pageerror", (error) => ran.push(error.message))
    tab.on("request", (request) => {
      if (!request.url().startsWith("file:")) ran.push(request.url())
    })
    await tab.goto(pathToFileURL(file).href, { waitUntil: "load" })
    const found = await tab.evaluate(() => ({
      active: document.querySelectorAll("script, img, a, iframe, object, embed, [onerror], [onload]").length,
      h1: document.querySelectorAll("h1").length,
      h2: document.querySelectorAll("h2").length,
      rows: Array.from(document.querySelectorAll("table tr")).map((row) => row.children.length),
      findings: Array.from(document.querySelectorAll("li")).filter((item) =>
        item.textContent?.startsWith("Information : ")
      ).length
    }))
    expect(ran.length === 0, `${page.name}: a script ran or something was fetched: ${ran.join(" | ")}`)
    expect(found.active === 0, `${page.name}: ${found.active} scripts, images, links or handlers in the page`)
    expect(
      found.h1 === 1 && found.h2 === 4,
      `${page.name}: ${found.h1} titles and ${found.h2} headings, expected 1 and 4`
    )
    expect(
      found.rows.join(",") === [5, 5, 5, 5, 5, 6, 6, 6, 5, ...HOSTILE_TEXTS.map(() => 5)].join(","),
      `${page.name}: table rows have ${found.rows.join(",")} cells`
    )
    expect(
      found.findings >= HOSTILE_TEXTS.length,
      `${page.name}: ${found.findings} findings listed, expected at least ${HOSTILE_TEXTS.length}`
    )
    await tab.screenshot({ path: join(outDir, `${page.name}.png`), fullPage: true })
    console.log(`✓ ${page.name}: no script ran, ${found.rows.length} table rows`)
    await tab.close()
  }
} finally {
  await browser.close()
}
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
