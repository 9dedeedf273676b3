/**
 * The shape of a report's content, independent of its format and of how it is built: sections
 * of paragraphs, lists, tables and charts. The builder (document.ts), the sections it delegates
 * (content.ts) and the renderers (Markdown, HTML, SVG) all read it from here; it is public, so
 * that an application can write its own renderer from {@link reportDocument}.
 *
 * @module
 */

/**
 * How a chart's figures and graduations are written: euros, numbers or percentages.
 *
 * @example
 * ```ts
 * import type { ChartUnit } from "caf-conventions"
 * const unit: ChartUnit = "percent"
 * ```
 * @category reports
 */
export type ChartUnit = "euros" | "number" | "percent"

/**
 * A bar of a chart: its label, its length (none: written, not drawn), and the figure written at its end.
 *
 * @example
 * ```ts
 * import type { Bar } from "caf-conventions"
 * const received: Bar = { label: "Reçu", value: 25000, display: "25 000 €" }
 * ```
 * @category reports
 */
export interface Bar {
  /** What the bar measures, in French. */
  readonly label: string
  /** Its length, in the group's unit; none when the figure is written and not drawn. */
  readonly value: number | undefined
  /** The figure as written at the end of the bar. */
  readonly display: string
}

/**
 * A group of bars (an objective, or a year): its label, its unit, its bars, the target
 * it is measured against (one bound or both, and the target written), and its status in words
 * (`met` absent when the year is not over, say).
 *
 * @example
 * ```ts
 * import type { ChartGroup } from "caf-conventions"
 * const met = (group: ChartGroup) => group.status?.met === true
 * ```
 * @category reports
 */
export interface ChartGroup {
  /** The objective or the year, in French. */
  readonly label: string
  /** How its figures are written. */
  readonly unit: ChartUnit
  /** Its bars. */
  readonly bars: ReadonlyArray<Bar>
  /** The target the bars are measured against, when there is one. */
  readonly target?: { readonly atLeast?: number; readonly atMost?: number; readonly display: string }
  /** The status in words; `met` is absent while the year is not over. */
  readonly status?: { readonly met?: boolean; readonly text: string }
}

/**
 * A chart: the objectives of a year (one row each, on its own scale) or money by year
 * (one scale in euros).
 *
 * @example
 * ```ts
 * import type { Chart } from "caf-conventions"
 * const rows = (chart: Chart) => chart.groups.length
 * ```
 * @category reports
 */
export interface Chart {
  /** Stable id, unique in the document (`objectifs-2024`, `financement`). */
  readonly id: string
  /** What it shows. */
  readonly kind: "objectives" | "money"
  /** Its title, in French. */
  readonly title: string
  /** Its groups of bars. */
  readonly groups: ReadonlyArray<ChartGroup>
}

/** @internal What a group of a chart shows, in words: a line of the Markdown, a sentence of the SVG's description. */
export function describeGroup(group: ChartGroup): string {
  const bars = group.bars
    .map((bar) => (group.bars.length === 1 ? bar.display : `${bar.label} ${bar.display}`))
    .join(" ; ")
  return `${group.label} : ${bars}${group.target === undefined ? "" : ` (${group.target.display})`}${group.status === undefined ? "" : ` — ${group.status.text}`}`
}

/**
 * A block of a section: a paragraph, a list, a table (with the columns to align as numbers) or a chart.
 *
 * @example
 * ```ts
 * import type { Block } from "caf-conventions"
 * const plain = (block: Block): string => (block.kind === "paragraph" ? block.text : "")
 * ```
 * @category reports
 */
export type Block =
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "list"; readonly items: ReadonlyArray<string> }
  | {
      readonly kind: "table"
      readonly headers: ReadonlyArray<string>
      readonly rows: ReadonlyArray<ReadonlyArray<string>>
      readonly numeric: ReadonlyArray<boolean>
    }
  | { readonly kind: "chart"; readonly chart: Chart }

/**
 * A section of a report: its title and its blocks, in order.
 *
 * @example
 * ```ts
 * import type { Section } from "caf-conventions"
 * const titles = (sections: ReadonlyArray<Section>) => sections.map((section) => section.title)
 * ```
 * @category reports
 */
export interface Section {
  /** The title, in French. */
  readonly title: string
  /** The blocks, in order. */
  readonly blocks: ReadonlyArray<Block>
}

/**
 * The content of a report, before any format: what {@link reportDocument} builds, and what the
 * Markdown and HTML renderers write. An application writes its own renderer from it.
 *
 * @example
 * ```ts
 * import { reportDocument, type ReportDocument, type AnnualReport } from "caf-conventions"
 * declare const report: AnnualReport
 * const document: ReportDocument = reportDocument(report)
 * const plainText = [document.title, ...document.sections.map((section) => section.title)].join("\n")
 * ```
 * @category reports
 */
export interface ReportDocument {
  /** The title, in French (`Bilan annuel 2024 — …`). */
  readonly title: string
  /** The parties, funder × partner. */
  readonly subtitle: string
  /** The day the report stands at, for the foot of each printed page. */
  readonly runningDate: string
  readonly sections: ReadonlyArray<Section>
}
