/**
 * Bar charts as inline SVG, for self-contained HTML reports.
 *
 * @module
 */
import type { Chart } from "./document.js"

const PALETTE = ["#1f5fa8", "#2e8b57", "#c77d0a", "#8a3b8f"]
const WIDTH = 640
const HEIGHT = 240
const TOP = 40
const BOTTOM = 40
const LEFT = 16

/** @internal Escapes text for HTML and SVG. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

/**
 * A bar chart: one group of bars per label (a year), bars scaled to the largest value or target,
 * each with its figure above it, and a dashed line for a group's target. Every bar is a
 * `rect.bar` and every target a `line.target`, so that tests and stylesheets can find them.
 *
 * @internal
 */
export function svgChart(chart: Chart): string {
  const max = Math.max(1, ...chart.groups.flatMap((group) => [...group.bars.map((bar) => bar.value), group.target?.value ?? 0]))
  const plot = HEIGHT - TOP - BOTTOM
  const groupWidth = (WIDTH - 2 * LEFT) / Math.max(1, chart.groups.length)
  const barCount = Math.max(1, ...chart.groups.map((group) => group.bars.length))
  const barWidth = Math.min(72, (groupWidth * 0.8) / barCount)
  const y = (value: number) => TOP + plot - (Math.max(0, value) / max) * plot
  const parts: Array<string> = []
  chart.groups.forEach((group, g) => {
    const start = LEFT + g * groupWidth + (groupWidth - barWidth * group.bars.length) / 2
    group.bars.forEach((bar, b) => {
      const x = start + b * barWidth
      const top = y(bar.value)
      parts.push(
        `<rect class="bar" x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${(barWidth - 4).toFixed(1)}" height="${(TOP + plot - top).toFixed(1)}" fill="${PALETTE[b % PALETTE.length]}"><title>${escapeHtml(`${group.label} — ${bar.label} : ${bar.display}`)}</title></rect>`,
        `<text x="${(x + (barWidth - 4) / 2).toFixed(1)}" y="${(top - 4).toFixed(1)}" text-anchor="middle" class="figure">${escapeHtml(bar.display)}</text>`
      )
    })
    if (group.target !== undefined) {
      const ty = y(group.target.value)
      parts.push(
        `<line class="target" x1="${(start - 6).toFixed(1)}" x2="${(start + barWidth * group.bars.length + 2).toFixed(1)}" y1="${ty.toFixed(1)}" y2="${ty.toFixed(1)}"><title>${escapeHtml(`Cible ${group.label} : ${group.target.display}`)}</title></line>`
      )
    }
    parts.push(`<text x="${(LEFT + g * groupWidth + groupWidth / 2).toFixed(1)}" y="${(HEIGHT - 6).toFixed(1)}" text-anchor="middle" class="group-label">${escapeHtml(group.label)}</text>`)
  })
  parts.push(`<line class="axis" x1="${LEFT}" x2="${WIDTH - LEFT}" y1="${TOP + plot}" y2="${TOP + plot}"/>`)
  // Several bars per group: a legend names them once, rather than a label under every bar.
  const legend = chart.groups.find((group) => group.bars.length > 1)?.bars ?? []
  legend.forEach((bar, b) => {
    const x = LEFT + b * 150
    parts.push(`<rect class="legend" x="${x}" y="6" width="10" height="10" fill="${PALETTE[b % PALETTE.length]}"/><text x="${x + 14}" y="15" class="bar-label">${escapeHtml(bar.label)}</text>`)
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(chart.title)}">${parts.join("")}</svg>`
}
