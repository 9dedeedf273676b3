/// <reference lib="dom" />
/**
 * `npm run test:browser`: opens the founding case's HTML reports in headless Chromium (Debian's
 * package, /usr/bin/chromium, or CHROMIUM_PATH), and checks that the page loads nothing from
 * outside, logs no console error, and draws every chart with the right number of bars. Then
 * opens a yearly review whose texts are hostile, as HTML and as its Markdown rendered by `marked`,
 * and checks that no script runs and no link, image or extra heading appears. Saves a
 * screenshot of each page under out/screenshots/ (git-ignored).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { marked } from "marked"
import { chromium } from "playwright-core"
import { annualReport, conventionReport, parseActivities, parseExpenses, parsePayments, parsePortfolio, renderReportHtml, renderReportMarkdown } from "caf-conventions"
import { HOSTILE_TEXTS, hostileReport } from "../tests/reports/hostile.js"

const read = (name: string) => JSON.parse(readFileSync(join("examples", "data", name), "utf8"))
const portfolio = parsePortfolio(read("portfolio.json"))
const convention = portfolio.conventions.find((candidate) => candidate.id === "cpo-2023-2025")!
const inputs = {
  activities: parseActivities(read("activities.json")),
  payments: parsePayments(read("payments.json")),
  expenses: parseExpenses(read("expenses.json")),
  partners: portfolio.partners,
  conventions: portfolio.conventions,
  asOf: "2025-07-15"
}
const pages = [
  { name: "bilan-2024", html: renderReportHtml(annualReport(convention, { ...inputs, year: 2024 })), objectiveBars: 1, fundingBars: 4 },
  { name: "bilan-convention", html: renderReportHtml(conventionReport(convention, inputs)), objectiveBars: 3, fundingBars: 12 }
]

const hostile = hostileReport(annualReport(convention, { ...inputs, year: 2024 }))
const hostilePages = [
  { name: "hostile-html", html: renderReportHtml(hostile) },
  { name: "hostile-markdown", html: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Bilan (Markdown)</title></head><body>${marked.parse(renderReportMarkdown(hostile), { async: false })}</body></html>` }
]

const outDir = join("out", "screenshots")
mkdirSync(outDir, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
  headless: true,
  // Playwright gives Chromium a fresh, empty profile of its own; these flags keep it off the
  // network this machine does not have.
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
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
  for (const page of pages) {
    const file = join(outDir, `${page.name}.html`)
    writeFileSync(file, page.html)
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
    await tab.goto(pathToFileURL(file).href, { waitUntil: "load" })
    const charts = await tab.$$eval("figure.chart", (figures) => figures.map((figure) => ({ id: figure.getAttribute("data-chart") ?? "", bars: figure.querySelectorAll("svg rect.bar").length })))
    expect(errors.length === 0, `${page.name}: console errors: ${errors.join(" | ")}`)
    expect(external.length === 0, `${page.name}: external requests: ${external.join(", ")}`)
    const objectiveCharts = charts.filter((chart) => chart.id.startsWith("objectif-"))
    expect(objectiveCharts.length === 4, `${page.name}: expected 4 objective charts, found ${objectiveCharts.length}`)
    for (const chart of objectiveCharts) expect(chart.bars === page.objectiveBars, `${page.name}: chart ${chart.id} has ${chart.bars} bars, expected ${page.objectiveBars}`)
    const funding = charts.find((chart) => chart.id === "financement")
    expect(funding?.bars === page.fundingBars, `${page.name}: funding chart has ${funding?.bars ?? 0} bars, expected ${page.fundingBars}`)
    const title = await tab.title()
    expect(title.startsWith("Bilan"), `${page.name}: title is ${title}`)
    await tab.screenshot({ path: join(outDir, `${page.name}.png`), fullPage: true })
    console.log(`✓ ${page.name}: ${charts.length} charts, screenshot ${join(outDir, `${page.name}.png`)}`)
    await tab.close()
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
      findings: Array.from(document.querySelectorAll("li")).filter((item) => item.textContent?.startsWith("Information : ")).length
    }))
    expect(ran.length === 0, `${page.name}: a script ran or something was fetched: ${ran.join(" | ")}`)
    expect(found.active === 0, `${page.name}: ${found.active} scripts, images, links or handlers in the page`)
    expect(found.h1 === 1 && found.h2 === 4, `${page.name}: ${found.h1} titles and ${found.h2} headings, expected 1 and 4`)
    expect(found.rows.join(",") === [5, 5, 5, 5, 5, 6, 6, 6, 5, ...HOSTILE_TEXTS.map(() => 5)].join(","), `${page.name}: table rows have ${found.rows.join(",")} cells`)
    expect(found.findings >= HOSTILE_TEXTS.length, `${page.name}: ${found.findings} findings listed, expected at least ${HOSTILE_TEXTS.length}`)
    await tab.screenshot({ path: join(outDir, `${page.name}.png`), fullPage: true })
    console.log(`✓ ${page.name}: no script ran, ${found.rows.length} table rows`)
    await tab.close()
  }
} finally {
  await browser.close()
}
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
