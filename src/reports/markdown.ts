/**
 * Reports rendered as Markdown, in French.
 *
 * @module
 */
import { type Block, type ReportDocument, reportDocument } from "./document.js"
import type { AnnualReport, ConventionReport } from "./report.js"

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ")

function block(content: Block): string {
  switch (content.kind) {
    case "paragraph":
      return content.text
    case "list":
      return content.items.map((item) => `- ${item}`).join("\n")
    case "table":
      return [
        `| ${content.headers.map(cell).join(" | ")} |`,
        `| ${content.numeric.map((numeric) => (numeric ? "---:" : "---")).join(" | ")} |`,
        ...content.rows.map((row) => `| ${row.map(cell).join(" | ")} |`)
      ].join("\n")
    case "chart":
      return [
        `*Graphique : ${content.chart.title}*`,
        "",
        ...content.chart.groups.map((group) => `- ${group.label} : ${group.bars.map((bar) => (group.bars.length === 1 ? bar.display : `${bar.label} ${bar.display}`)).join(" ; ")}${group.target === undefined ? "" : ` (cible ${group.target.display})`}`)
      ].join("\n")
  }
}

function markdownOf(document: ReportDocument): string {
  const parts = [`# ${document.title}`, `*${document.subtitle}*`]
  for (const section of document.sections) {
    parts.push(`## ${section.title}`)
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
  return markdownOf(reportDocument(report))
}
