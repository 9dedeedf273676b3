/**
 * The Markdown of a review whose texts are hostile, rendered by a real Markdown library
 * (`marked`, GFM on): every text must come out as literal text.
 */
import { marked, type Tokens } from "marked"
import { beforeEach, describe, expect, it } from "vitest"
import { type AnnualReport, annualReport, renderReportHtml, renderReportMarkdown } from "caf-conventions"
import { foundingReportInputs } from "./fixtures.js"
import { HOSTILE_TEXTS, hostileReport, oneLine, shownAs } from "./hostile.js"

const decode = (html: string) =>
  html
    .replace(/<[^>]*>/gu, "")
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, "&")

let report: AnnualReport
beforeEach(() => {
  const { cpo, inputs } = foundingReportInputs()
  report = hostileReport(annualReport(cpo, { ...inputs, year: 2024 }))
})

describe("the Markdown of a review whose texts are hostile", () => {
  it("renders no script, image, link, emphasis, code, quote, rule or list of its own", () => {
    const html = marked.parse(renderReportMarkdown(report), { async: false })
    for (const tag of ["script", "img", "a", "strong", "del", "code", "pre", "blockquote", "hr", "ol", "h3"]) {
      expect(html, tag).not.toMatch(new RegExp(`<${tag}[\\s>]`, "u"))
    }
    expect(html).not.toMatch(/<[a-z][^>]*\s(href|src|on[a-z]+)=/u)
    // The only emphasis is the renderer's own: the subtitle and each chart's title (the objectives', the money's).
    const emphasis = [...html.matchAll(/<em>([^<]*)<\/em>/gu)].map((m) => decode(m[1]!))
    expect(emphasis).toHaveLength(1 + 1 + 1)
    expect(emphasis[0]).toBe(`${shownAs(HOSTILE_TEXTS[1]!)} × ${shownAs(HOSTILE_TEXTS[2]!)}`)
  })

  it("renders one title and one heading per section, and no other", () => {
    const html = marked.parse(renderReportMarkdown(report), { async: false })
    expect(html.match(/<h1>/gu)).toHaveLength(1)
    expect([...html.matchAll(/<h2>([^<]*)<\/h2>/gu)].map((m) => m[1])).toEqual([
      "Convention",
      "Conformité",
      "Objectifs 2024",
      "Échéancier et emploi des fonds 2024"
    ])
  })

  it("loses no table cell: every row has as many cells as the header, each holding its text", () => {
    const markdown = renderReportMarkdown(report)
    const tables = marked.lexer(markdown).filter((token): token is Tokens.Table => token.type === "table")
    expect(tables.map((table) => [table.header.length, table.rows.length])).toEqual([
      [5, 4],
      [6, 2],
      [5, HOSTILE_TEXTS.length]
    ])
    for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(table.header.length)
    const html = marked.parse(markdown, { async: false })
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/gu)].map((m) => (m[1]!.match(/<t[dh][\s>]/gu) ?? []).length)
    expect(rows).toEqual([5, 5, 5, 5, 5, 6, 6, 6, 5, ...HOSTILE_TEXTS.map(() => 5)])
    const cells = [
      ...html
        .split("<th>Détail</th>")[1]!
        .matchAll(
          /<tr>\s*<td>([^<]*)<\/td>\s*<td>[^<]*<\/td>\s*<td[^>]*>[^<]*<\/td>\s*<td>[^<]*<\/td>\s*<td>([^<]*)<\/td>/gu
        )
    ]
    // The expense's label (its description, hostile here) with its id, and the detail, each shown as it is.
    expect(cells.map((m) => decode(m[1]!))).toEqual(HOSTILE_TEXTS.map((text, index) => `${shownAs(text)} (e-${index})`))
    expect(cells.map((m) => decode(m[2]!))).toEqual(HOSTILE_TEXTS.map(shownAs))
  })

  it("prints each hostile text as it is, on one line", () => {
    const html = marked.parse(renderReportMarkdown(report), { async: false })
    const items = [...html.matchAll(/<li>([\s\S]*?)<\/li>/gu)].map((m) => decode(m[1]!))
    const findings = items.filter((item) => item.startsWith("Information : "))
    expect(
      findings.slice(-HOSTILE_TEXTS.length).map((item) => item.slice("Information : ".length, item.lastIndexOf(" (")))
    ).toEqual(HOSTILE_TEXTS.map(oneLine))
    expect(decode(html.match(/<h1>([\s\S]*?)<\/h1>/u)![1]!)).toBe(`Bilan annuel 2024 — ${shownAs(HOSTILE_TEXTS[0]!)}`)
  })
})

describe("the HTML of a review whose texts are hostile", () => {
  it("escapes every text: no script, no image, no link, each text shown as it is", () => {
    const html = renderReportHtml(report)
    expect(html).not.toMatch(/<(script|img|a|iframe)[\s>]/u)
    expect(html).not.toMatch(/<[a-z][^>]* on[a-z]+=/u)
    const items = [...html.matchAll(/<li>([\s\S]*?)<\/li>/gu)].map((m) => decode(m[1]!))
    expect(
      items
        .filter((item) => item.startsWith("Information : "))
        .slice(-HOSTILE_TEXTS.length)
        .map((item) => item.slice("Information : ".length, item.lastIndexOf(" (")))
    ).toEqual([...HOSTILE_TEXTS])
  })
})
