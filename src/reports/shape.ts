/**
 * The shape of a report's content, independent of its format and of how it is built: sections
 * of paragraphs, lists, tables and charts. The builder (document.ts), the sections it delegates
 * (content.ts) and the renderers (Markdown, HTML, SVG) all read it from here.
 *
 * @module
 */

/** @internal How a chart's figures and graduations are written. */
export type ChartUnit = "euros" | "number" | "percent"

/** @internal A bar of a chart: its label, its length (none: written, not drawn), and the figure written at its end. */
export interface Bar {
  readonly label: string
  readonly value: number | undefined
  readonly display: string
}

/**
 * @internal A group of bars (an objective, or a year): its label, its unit, its bars, the target
 * it is measured against (one bound or both, and the target written), and its status in words
 * (`met` absent when the year is not over, say).
 */
export interface ChartGroup {
  readonly label: string
  readonly unit: ChartUnit
  readonly bars: ReadonlyArray<Bar>
  readonly target?: { readonly atLeast?: number; readonly atMost?: number; readonly display: string }
  readonly status?: { readonly met?: boolean; readonly text: string }
}

/**
 * @internal A chart: the objectives of a year (one row each, on its own scale) or money by year
 * (one scale in euros).
 */
export interface Chart {
  readonly id: string
  readonly kind: "objectives" | "money"
  readonly title: string
  readonly groups: ReadonlyArray<ChartGroup>
}

/** @internal What a group of a chart shows, in words: a line of the Markdown, a sentence of the SVG's description. */
export function describeGroup(group: ChartGroup): string {
  const bars = group.bars
    .map((bar) => (group.bars.length === 1 ? bar.display : `${bar.label} ${bar.display}`))
    .join(" ; ")
  return `${group.label} : ${bars}${group.target === undefined ? "" : ` (${group.target.display})`}${group.status === undefined ? "" : ` — ${group.status.text}`}`
}

/** @internal */
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

/** @internal */
export interface Section {
  readonly title: string
  readonly blocks: ReadonlyArray<Block>
}

/** @internal */
export interface ReportDocument {
  readonly title: string
  readonly subtitle: string
  /** The day the report stands at, for the foot of each printed page. */
  readonly runningDate: string
  readonly sections: ReadonlyArray<Section>
}
