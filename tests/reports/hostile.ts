/**
 * Texts a partner, a title or a reason could hold that mean something in Markdown or HTML, and a
 * yearly review whose texts are all such texts: the Markdown and HTML renderers must print them.
 */
import { type AnnualReport, Euros } from "caf-conventions"

/** Each text, with markup at its start and inside, on one line or several. */
export const HOSTILE_TEXTS: ReadonlyArray<string> = [
  "<script>alert(1)</script>",
  "[x](javascript:alert(1))",
  "![i](javascript:alert(2)) <img src=x onerror=alert(3)>",
  "x\n# heading",
  "a\rb\r\n## second",
  "x|y | z",
  "x\\|y",
  "*em* _em_ **strong** ~~del~~ `code`",
  "http://evil.example www.evil.example WWW.EVIL.EXAMPLE a@evil.example ftp://evil.example",
  "- item",
  "+ item",
  "1. one",
  "2) two",
  "# title #",
  "> quote",
  "    indented code",
  "---",
  "===",
  "&lt;b&gt; &amp; &#60;",
  "[ref]: http://evil.example",
  "<http://evil.example>",
  "line one  \nline two\\",
  "trailing \\"
]

/** The text at `index` of the list, cycling. */
const hostile = (index: number) => HOSTILE_TEXTS[index % HOSTILE_TEXTS.length]!

/** A text on one line, its line breaks read as spaces, as a renderer must print it inside a longer text. */
export const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029\v\f]+/gu, " ")

/** A hostile text as it must read once rendered on its own: on one line, without leading or trailing blanks. */
export const shownAs = (text: string) => oneLine(text).trim()

/** The review with every text that comes from the documents replaced by a hostile one. */
export function hostileReport(report: AnnualReport): AnnualReport {
  let next = 0
  const text = () => hostile(next++)
  return {
    ...report,
    convention: { ...report.convention, title: text() },
    parties: { funder: text(), partner: text() },
    lineage: report.lineage.map((step) => ({ ...step, title: text() })),
    compliance: [
      ...report.compliance,
      ...HOSTILE_TEXTS.map((message) => ({ rule: "hostile", severity: "info" as const, message, source: text() }))
    ],
    objectives: {
      ...report.objectives,
      explanation: { ...report.objectives.explanation, sentence: text() },
      results: report.objectives.results.map((result) => ({
        ...result,
        title: text(),
        // The indicator's line is worded from the facts, which a copy by spread leaves out: given again.
        indicatorFacts: result.indicatorFacts,
        explanation: {
          ...result.explanation,
          children: result.explanation.children.map((child) => ({ ...child, sentence: text() }))
        }
      }))
    },
    funding: {
      ...report.funding,
      // The year's sentence is worded from the facts, which a copy by spread leaves out: given again.
      facts: { ...report.funding.facts, conventionId: text() },
      ineligibleExpenses: HOSTILE_TEXTS.map((detail, index) => ({
        id: `e-${index}`,
        amount: Euros.parse("1"),
        reason: "duplicate-id" as const,
        detail,
        label: detail
      }))
    }
  }
}
