/**
 * Charts as inline, static SVG (no script, no external asset), for self-contained HTML reports
 * that read the same on screen and on paper: every figure is written beside its bar, every target
 * is written beside its marker, a missed objective is hatched and marked with a cross as well as
 * coloured, and each chart has a graduated axis in French numbers, a `<title>` and a `<desc>`
 * that says all it shows to a screen reader.
 *
 * Text cannot be measured without a browser, so the layout reserves room for each label from an
 * upper estimate of its width (0.65 em a character, wider than DejaVu Sans's digits); the browser
 * test checks, with the boxes Chromium draws, that no two labels overlap.
 *
 * @module
 */
import { formatFraction } from "../core/fraction.js"
import { formatFrenchAmount } from "../money/format.js"
import { type Chart, type ChartUnit, describeGroup } from "./shape.js"

const WIDTH = 680
const PAD = 8
const FONT = 11
const LINE = 15
/** An upper estimate of the width of a text of `FONT` pixels. */
const textWidth = (text: string, size = FONT) => Math.ceil(text.length * size * 0.65)

const BAR_COLOURS = ["#1f5fa8", "#5b3f8c", "#2e7d4f", "#9a5b00"]
const TARGET = "#b3261e"

/** @internal Escapes text for HTML and SVG. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

const f = (value: number) => value.toFixed(1)

function text(x: number, y: number, content: string, attributes = ""): string {
  return `<text x="${f(x)}" y="${f(y)}"${attributes === "" ? "" : ` ${attributes}`}>${escapeHtml(content)}</text>`
}

/**
 * A graduation value written the French way: whole euros with a narrow space between thousands
 * (the amount formatter), a number with a decimal comma, or a percentage.
 */
function tickText(unit: ChartUnit, tick: { readonly numerator: number; readonly denominator: number }): string {
  switch (unit) {
    case "euros":
      return formatFrenchAmount(`${Math.round(tick.numerator / tick.denominator)}.00`, false)
    case "number":
      return formatFraction(tick)
    case "percent":
      return `${formatFraction({ numerator: tick.numerator * 100, denominator: tick.denominator }, 1)} %`
  }
}

/**
 * Graduations from 0 past `max`, at a step of 1, 2 or 5 times a power of ten, as exact fractions
 * (so that 0,1 is written 0,1): the most that fit in `length` pixels without their labels touching;
 * whole steps only for a count (`integral`).
 */
function ticks(
  max: number,
  unit: ChartUnit,
  length: number,
  integral = false
): { readonly end: number; readonly values: ReadonlyArray<{ readonly value: number; readonly label: string }> } {
  const top = max > 0 ? max : unit === "percent" ? 1 : 1
  for (const count of [8, 6, 5, 4, 3, 2, 1]) {
    const raw = top / count
    const power = Math.floor(Math.log10(raw))
    const base = 10 ** power
    const multiple = [1, 2, 5, 10].find((m) => m * base >= raw - 1e-12) ?? 10
    // step = multiple × 10^power, exactly: a fraction with a power of ten below.
    const numerator = power >= 0 ? multiple * 10 ** power : multiple
    const denominator = power >= 0 ? 1 : 10 ** -power
    const step = numerator / denominator
    // A count is graduated in whole units.
    if (integral && step < 1 && count > 1) continue
    const n = Math.max(1, Math.ceil(top / step - 1e-9))
    const values = Array.from({ length: n + 1 }, (_, i) => ({
      value: i * step,
      label: tickText(unit, { numerator: i * numerator, denominator })
    }))
    const spacing = length / n
    const widest = Math.max(...values.map((tick) => textWidth(tick.label, FONT - 1)))
    if (widest + 8 <= spacing || count === 1) return { end: n * step, values }
  }
  /* c8 ignore next */
  return { end: top, values: [] }
}

/**
 * A word wider than `width` pixels cut into pieces that fit, each but the last ending with a
 * hyphen (a title may hold a long URL, a reference or a word with no space); a word that fits is
 * left whole.
 */
function pieces(word: string, width: number): ReadonlyArray<string> {
  if (textWidth(word) <= width) return [word]
  const characters = Array.from(word)
  // Room for the hyphen on every piece but the last; at least one character a piece.
  const size = Math.max(1, Math.floor(width / (FONT * 0.65)) - 1)
  const cut: Array<string> = []
  for (let start = 0; start < characters.length; start += size) {
    const last = start + size >= characters.length
    cut.push(`${characters.slice(start, start + size).join("")}${last ? "" : "-"}`)
  }
  return cut
}

/** Splits a long text into lines of at most `width` pixels, at spaces, and within a word too wide for a line. */
function wrap(content: string, width: number): ReadonlyArray<string> {
  const lines: Array<string> = []
  let line = ""
  for (const word of content.split(/\s+/u).flatMap((whole) => pieces(whole, width))) {
    const candidate = line === "" ? word : `${line} ${word}`
    if (line !== "" && textWidth(candidate) > width) {
      lines.push(line)
      line = word
    } else line = candidate
  }
  if (line !== "") lines.push(line)
  return lines
}

function axis(
  x: (value: number) => number,
  y: number,
  graduation: ReturnType<typeof ticks>,
  gridTop?: number
): Array<string> {
  const parts = [`<line class="axis" x1="${f(x(0))}" x2="${f(x(graduation.end))}" y1="${f(y)}" y2="${f(y)}"/>`]
  for (const tick of graduation.values) {
    const tx = x(tick.value)
    if (gridTop !== undefined && tick.value > 0)
      parts.push(`<line class="grid" x1="${f(tx)}" x2="${f(tx)}" y1="${f(gridTop)}" y2="${f(y)}"/>`)
    parts.push(
      `<line class="tick" x1="${f(tx)}" x2="${f(tx)}" y1="${f(y)}" y2="${f(y + 4)}"/>`,
      text(tx, y + 4 + FONT, tick.label, 'class="tick-label" text-anchor="middle"')
    )
  }
  return parts
}

/** The mark of a met objective (a tick) or a missed one (a cross), drawn, not a glyph a font may lack. */
function statusMark(x: number, y: number, met: boolean): string {
  return met
    ? `<path class="mark met" d="M${f(x)} ${f(y - 4)} l3.5 4 l6.5 -8" />`
    : `<path class="mark not-met" d="M${f(x)} ${f(y - 8)} l8 8 M${f(x + 8)} ${f(y - 8)} l-8 8" />`
}

/** Defs shared by a chart's bars: the hatching of a missed objective, its id made unique by the chart's. */
function hatchPattern(id: string): string {
  return `<defs><pattern id="${escapeHtml(id)}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="${TARGET}"/></pattern></defs>`
}

const STATUS_WIDTH = 150
const FIGURE_ROOM = 96

/**
 * The objectives of a year, one row each, each on its own scale (a count of families and a share
 * of them cannot share one): the title, the target written above its dashed marker, the bar with
 * its value written at its end, the status in words beside a tick or a cross, and the row's axis.
 */
function objectivesChart(
  chart: Chart,
  hatch: string
): { readonly height: number; readonly parts: ReadonlyArray<string> } {
  const parts: Array<string> = []
  // Room on the left for half of the first graduation ("0 %"), written centred on it.
  const left = PAD + 12
  const right = WIDTH - PAD - STATUS_WIDTH - FIGURE_ROOM
  let y = PAD
  // The legend: what a solid bar, a hatched one and a dashed line mean.
  const legend = [
    {
      swatch: `<rect class="swatch" x="0" y="-9" width="14" height="10" fill="${BAR_COLOURS[0]}"/>`,
      label: "valeur, objectif atteint ou en cours"
    },
    {
      swatch: `<rect class="swatch" x="0" y="-9" width="14" height="10" fill="url(#${escapeHtml(hatch)})" stroke="${TARGET}"/>`,
      label: "valeur, objectif non atteint"
    },
    { swatch: `<line class="target legend" x1="7" x2="7" y1="-11" y2="3"/>`, label: "cible" }
  ]
  let lx = PAD
  y += FONT
  for (const item of legend) {
    parts.push(
      `<g transform="translate(${f(lx)} ${f(y)})">${item.swatch}</g>`,
      text(lx + 20, y, item.label, 'class="legend-label"')
    )
    lx += 20 + textWidth(item.label) + 18
  }
  y += LINE
  for (const group of chart.groups) {
    y += 6
    for (const line of wrap(group.label, WIDTH - 2 * PAD)) {
      y += LINE
      parts.push(text(PAD, y, line, 'class="group-label"'))
    }
    const bar = group.bars[0]
    const target = group.target
    const bounds = [bar?.value ?? 0, target?.atLeast ?? 0, target?.atMost ?? 0]
    const graduation = ticks(
      Math.max(...bounds),
      group.unit,
      right - left,
      group.unit === "number" && bounds.every(Number.isInteger)
    )
    const x = (value: number) => left + (Math.max(0, value) / graduation.end) * (right - left)
    // The target's band: its value written above its marker, kept inside the plot.
    y += LINE
    const barTop = y + 5
    const barBottom = barTop + 14
    if (target !== undefined) {
      const markers = [target.atLeast, target.atMost].filter((value): value is number => value !== undefined)
      for (const value of markers)
        parts.push(
          `<line class="target" x1="${f(x(value))}" x2="${f(x(value))}" y1="${f(barTop - 4)}" y2="${f(barBottom + 4)}"/>`
        )
      const centre = markers.reduce((sum, value) => sum + x(value), 0) / markers.length
      const half = textWidth(target.display) / 2
      const tx = Math.min(Math.max(centre, left + half), right + FIGURE_ROOM - half)
      parts.push(text(tx, y, target.display, 'class="target-label" text-anchor="middle"'))
    }
    if (bar !== undefined && bar.value !== undefined) {
      const missed = group.status?.met === false
      const end = x(bar.value)
      parts.push(
        `<rect class="bar${missed ? " not-met" : ""}" x="${f(left)}" y="${f(barTop)}" width="${f(Math.max(1, end - left))}" height="14" fill="${missed ? `url(#${escapeHtml(hatch)})` : BAR_COLOURS[0]}"${missed ? ` stroke="${TARGET}"` : ""}/>`,
        text(end + 5, barBottom - 3, bar.display, 'class="figure"')
      )
    } else if (bar !== undefined) parts.push(text(left, barBottom - 3, bar.display, 'class="figure"'))
    if (group.status !== undefined) {
      const sx = WIDTH - PAD - STATUS_WIDTH + 8
      if (group.status.met !== undefined) parts.push(statusMark(sx, barBottom - 3, group.status.met))
      parts.push(
        text(sx + 14, barBottom - 3, group.status.text, `class="status${group.status.met === false ? " not-met" : ""}"`)
      )
    }
    parts.push(...axis(x, barBottom + 6, graduation))
    y = barBottom + 6 + 4 + FONT + 4
  }
  return { height: y + PAD, parts }
}

const LABEL_WIDTH = 150

/**
 * Money by year on one scale: per year a heading, then a bar for each amount with its name on the
 * left and its figure at its end (an amount not known yet is written, not drawn), light grid
 * lines, and one axis in euros below.
 */
function moneyChart(chart: Chart): { readonly height: number; readonly parts: ReadonlyArray<string> } {
  const parts: Array<string> = []
  const left = PAD + LABEL_WIDTH
  const right = WIDTH - PAD - FIGURE_ROOM
  const graduation = ticks(
    Math.max(0, ...chart.groups.flatMap((group) => group.bars.map((bar) => bar.value ?? 0))),
    "euros",
    right - left
  )
  const x = (value: number) => left + (Math.max(0, value) / graduation.end) * (right - left)
  const top = PAD
  let y = PAD
  const bars: Array<string> = []
  for (const group of chart.groups) {
    y += LINE + 4
    parts.push(text(PAD, y, group.label, 'class="group-label"'))
    group.bars.forEach((bar, b) => {
      y += 18
      bars.push(text(left - 6, y, bar.label, 'class="bar-label" text-anchor="end"'))
      if (bar.value === undefined) bars.push(text(left + 2, y, bar.display, 'class="figure pending"'))
      else {
        const end = x(bar.value)
        bars.push(
          `<rect class="bar" x="${f(left)}" y="${f(y - 11)}" width="${f(Math.max(bar.value > 0 ? 1 : 0, end - left))}" height="13" fill="${BAR_COLOURS[b % BAR_COLOURS.length]}"/>`,
          text(end + 5, y, bar.display, 'class="figure"')
        )
      }
    })
  }
  y += 8
  // The grid lies under the bars.
  parts.push(...axis(x, y, graduation, top + LINE), ...bars)
  return { height: y + 4 + FONT + 4 + PAD, parts }
}

/**
 * A chart, as an SVG element of its own: `role="img"`, its title and a description that gives every
 * figure (what a screen reader says), then the drawing. Every drawn bar is a `rect.bar`, every
 * target marker a `line.target`, every label a `text`.
 *
 * @internal
 */
export function svgChart(chart: Chart): string {
  const hatch = `${chart.id}-hachures`
  const { height, parts } = chart.kind === "objectives" ? objectivesChart(chart, hatch) : moneyChart(chart)
  const titleId = `${chart.id}-titre`
  const descId = `${chart.id}-description`
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${Math.ceil(height)}" width="${WIDTH}" height="${Math.ceil(height)}" role="img" aria-labelledby="${escapeHtml(titleId)}" aria-describedby="${escapeHtml(descId)}">`,
    `<title id="${escapeHtml(titleId)}">${escapeHtml(chart.title)}</title>`,
    `<desc id="${escapeHtml(descId)}">${escapeHtml(describe(chart))}</desc>`,
    chart.kind === "objectives" ? hatchPattern(hatch) : "",
    ...parts,
    "</svg>"
  ].join("")
}

function describe(chart: Chart): string {
  return chart.groups.map((group) => `${describeGroup(group)}.`).join(" ")
}
