/**
 * Reports rendered as one self-contained, print-friendly HTML page, in French.
 *
 * @module
 */
import { renderedReport } from "./document.js"
import type { Block, ReportDocument } from "./shape.js"
import type { AnnualReport, ConventionReport } from "./report.js"
import { escapeHtml, svgChart } from "./svg.js"

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; background: #ffffff; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #1f5fa8; padding-bottom: 0.2rem; margin-top: 2rem; }
.subtitle { color: #4a4a4a; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; font-size: 0.92rem; }
th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef3fa; }
td.number { text-align: right; white-space: nowrap; }
figure.chart { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: 600; font-size: 0.92rem; margin-bottom: 0.3rem; }
figure.chart svg { display: block; width: 100%; max-width: 44rem; height: auto; }
svg text { font-family: inherit; font-size: 11px; fill: #1b1b1b; }
svg .tick-label { font-size: 10px; fill: #4a4a4a; }
svg .group-label { font-weight: 600; }
svg .target-label, svg .status.not-met { fill: #8c1d18; }
svg .pending { font-style: italic; }
svg .target { stroke: #b3261e; stroke-width: 2; stroke-dasharray: 4 2; }
svg .axis, svg .tick { stroke: #4a4a4a; stroke-width: 1; }
svg .grid { stroke: #dddddd; stroke-width: 1; }
svg .mark { fill: none; stroke-width: 2.2; }
svg .mark.met { stroke: #1e6b3c; }
svg .mark.not-met { stroke: #b3261e; }
@page { size: A4; margin: 18mm 14mm 18mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, figure, li { break-inside: avoid; page-break-inside: avoid; }
  th { background: #eef3fa; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  figure.chart svg { max-width: 100%; }
}
`

/**
 * Text for a CSS string (`content: "…"` of a page's margin boxes): every character but letters,
 * digits and spaces as a hexadecimal escape, so that no text can end the string, the rule or
 * the `<style>` element.
 */
function cssString(text: string): string {
  return `"${[...text].map((character) => (/[\p{L}\p{N} ]/u.test(character) ? character : `\\${character.codePointAt(0)?.toString(16) ?? "20"} `)).join("")}"`
}

/** The page's margins when printed: the parties at the top, the date and "page n / N" at the bottom. */
function pageStyle(document: ReportDocument): string {
  const box = (where: string, content: string, align: string) =>
    `@${where} { content: ${content}; font-family: system-ui, sans-serif; font-size: 8.5pt; color: #4a4a4a; text-align: ${align}; }`
  return `@page { ${box("top-left", cssString(document.subtitle), "left")} ${box("bottom-left", cssString(document.runningDate), "left")} ${box("bottom-right", `"page " counter(page) " / " counter(pages)`, "right")} }`
}

function block(content: Block): string {
  switch (content.kind) {
    case "paragraph":
      return `<p>${escapeHtml(content.text)}</p>`
    case "list":
      return `<ul>${content.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`
    case "table": {
      const head = `<tr>${content.headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join("")}</tr>`
      const rows = content.rows.map(
        (row) =>
          `<tr>${row.map((text, i) => `<td${content.numeric[i] === true ? ' class="number"' : ""}>${escapeHtml(text)}</td>`).join("")}</tr>`
      )
      return `<table><thead>${head}</thead><tbody>${rows.join("")}</tbody></table>`
    }
    case "chart":
      return `<figure class="chart" data-chart="${escapeHtml(content.chart.id)}"><figcaption>${escapeHtml(content.chart.title)}</figcaption>${svgChart(content.chart)}</figure>`
  }
}

/**
 * Renders a yearly or end-of-convention review as one self-contained HTML page, in French: no
 * external asset (styles inline, charts as inline SVG), readable on screen and printable on A4
 * (the parties, the date and "page n / N" on every page). Each year gets a chart of its
 * objectives (each value against its written target, a missed one hatched and crossed), and the
 * money a chart of the amount granted, received, used and, once a year is over, unspent.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs"
 * import { annualReport, renderReportHtml, type Convention } from "caf-conventions"
 * declare const cpo: Convention
 * writeFileSync("bilan-2024.html", renderReportHtml(annualReport(cpo, { year: 2024, activities: [], payments: [], expenses: [] })))
 * ```
 * @category reports
 */
export function renderReportHtml(report: AnnualReport | ConventionReport): string {
  return renderedReport(report, html)
}

function html(document: ReportDocument): string {
  const sections = document.sections.map(
    (section) => `<section><h2>${escapeHtml(section.title)}</h2>${section.blocks.map(block).join("\n")}</section>`
  )
  return [
    "<!doctype html>",
    '<html lang="fr">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(document.title)}</title><style>${STYLE}${pageStyle(document)}</style></head>`,
    `<body><header><h1>${escapeHtml(document.title)}</h1><p class="subtitle">${escapeHtml(document.subtitle)}</p></header>`,
    ...sections,
    "</body></html>",
    ""
  ].join("\n")
}
