/** docs/spreadsheets.md lists the accepted columns as the tables define them. */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { DOC, columnsMarkdown, documentedColumns } from "../../scripts/spreadsheet-columns.js"

describe("the guide « Importer des tableurs »", () => {
  it("lists every accepted header, as the tables define them (npx tsx scripts/spreadsheet-columns.ts rewrites it)", () => {
    const documented = documentedColumns(readFileSync(DOC, "utf8"))
    expect(documented).toBe(columnsMarkdown())
    expect(documented).toContain(
      "| Pièce justificative | Justificatif, N° de pièce, Référence de la pièce, Facture | `document` | text (one line) |"
    )
  })
})
