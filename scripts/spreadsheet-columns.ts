/**
 * The accepted columns of docs/spreadsheets.md, written from `SPREADSHEET_KINDS`:
 * `npx tsx scripts/spreadsheet-columns.ts` rewrites the section between its markers;
 * tests/spreadsheet/docs.test.ts checks that it is up to date.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { SPREADSHEET_KINDS } from "../src/spreadsheet/index.js"

const HOLDS: Readonly<Record<string, string>> = {
  id: "id",
  ids: "ids, separated by `,`, `;` or spaces",
  text: "text (one line)",
  multiline: "text",
  date: "date",
  money: "amount",
  integer: "whole number",
  quantity: "number, two decimals at most",
  boolean: "oui / non",
  instalment: "instalment",
  code: "list",
  codes: "several of a list"
}

/** The Markdown tables of the accepted columns, one per kind. */
export function columnsMarkdown(): string {
  const parts: Array<string> = []
  for (const table of Object.values(SPREADSHEET_KINDS)) {
    parts.push(
      `### ${table.sheet} (\`--kind ${table.kind}\`)`,
      "",
      "| header | also accepted | field | holds |",
      "| --- | --- | --- | --- |"
    )
    for (const column of table.columns)
      parts.push(
        `| ${column.header} | ${column.aliases.join(", ")} | \`${column.field}\` | ${HOLDS[column.type.kind] ?? column.type.kind} |`
      )
    for (const keyed of table.keyed ?? []) {
      parts.push(
        `| ${keyed.prefix} : *nom* | ${keyed.aliases.map((alias) => `${alias} : *nom*`).join(", ")} | \`${keyed.field}.nom\` | ${HOLDS[keyed.type.kind] ?? keyed.type.kind} |`
      )
    }
    parts.push("")
  }
  return parts.join("\n").trimEnd()
}

export const DOC = fileURLToPath(new URL("../docs/spreadsheets.md", import.meta.url))
const START = "<!-- columns:start -->\n"
const END = "\n<!-- columns:end -->"

/** The section of the document between its markers. */
export function documentedColumns(text: string): string {
  return text.slice(text.indexOf(START) + START.length, text.indexOf(END))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(DOC, "utf8")
  writeFileSync(DOC, text.replace(`${START}${documentedColumns(text)}${END}`, `${START}${columnsMarkdown()}${END}`))
}
