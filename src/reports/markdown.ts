/**
 * Reports rendered as Markdown, in French.
 *
 * @module
 */
import { renderedReport } from "./document.js"
import { type Block, type ReportDocument, describeGroup } from "./shape.js"
import type { AnnualReport, ConventionReport } from "./report.js"
import { chartCaption } from "../vocabulary/reports.js"

/** Characters that start inline Markdown anywhere in a line: escapes, code, emphasis, strikethrough, links, headings' closing `#`, table pipes, e-mail autolinks. */
const INLINE = /[\\`*_~[\]#|@]/gu
/** Line breaks, which could start a heading, a list or a table row inside a text. */
const LINE_BREAKS = /[\r\n\u2028\u2029\v\f]+/gu
const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" }

/**
 * A text as literal Markdown: on one line, its HTML special characters as entities, its
 * Markdown punctuation escaped, autolinks (`http://`, `www.`) broken, and a list marker or
 * a number that would start a list escaped at its start; leading and trailing blanks, which
 * Markdown drops anyway, are trimmed. Rendered by CommonMark or GFM, it shows as the text itself.
 */
function literal(text: string): string {
  return text
    .replace(LINE_BREAKS, " ")
    .trim()
    .replace(/[&<>]/gu, (char) => HTML[char] ?? char)
    .replace(INLINE, "\\$&")
    .replace(/:\/\//gu, ":\\/\\/")
    .replace(/(www)\./giu, "$1\\.")
    .replace(/^[-+=]/u, "\\$&")
    .replace(/^(\d+)([.)])/u, "$1\\$2")
}

function block(content: Block): string {
  switch (content.kind) {
    case "paragraph":
      return literal(content.text)
    case "list":
      return content.items.map((item) => `- ${literal(item)}`).join("\n")
    case "table":
      return [
        `| ${content.headers.map(literal).join(" | ")} |`,
        `| ${content.numeric.map((numeric) => (numeric ? "---:" : "---")).join(" | ")} |`,
        ...content.rows.map((row) => `| ${row.map(literal).join(" | ")} |`)
      ].join("\n")
    case "chart":
      return [
        `*${literal(chartCaption(content.chart.title))}*`,
        "",
        ...content.chart.groups.map((group) => `- ${literal(describeGroup(group))}`)
      ].join("\n")
  }
}

function markdownOf(document: ReportDocument): string {
  const parts = [`# ${literal(document.title)}`, `*${literal(document.subtitle)}*`]
  for (const section of document.sections) {
    parts.push(`## ${literal(section.title)}`)
    for (const content of section.blocks) parts.push(block(content))
  }
  return `${parts.join("\n\n")}\n`
}

/**
 * Renders a yearly or end-of-convention review as Markdown, in French: the convention and its
 * lineage, compliance, objectives (a table, then each objective's figures), the schedule and the
 * use of the money; amounts and numbers the French way; charts as lists of their figures.
 *
 * @example
 * ```ts
 * import { annualReport, renderReportMarkdown, type Convention } from "caf-conventions"
 * declare const cpo: Convention
 * renderReportMarkdown(annualReport(cpo, { year: 2024, activities: [], payments: [], expenses: [] })).split("\n")[0]
 * //=> "# Bilan annuel 2024 — Convention pluriannuelle d'objectifs 2023-2025 : …"
 * ```
 * @category reports
 */
export function renderReportMarkdown(report: AnnualReport | ConventionReport): string {
  return renderedReport(report, markdownOf)
}
