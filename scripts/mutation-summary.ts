/**
 * Prints the mutation score per folder of src/ from Stryker's JSON report
 * (reports/mutation/mutation.json), after `npm run mutation`; or from several reports named on
 * the command line, merged (runs over parts of src/, see docs/testing.md).
 *
 * `--survivors [text]` also lists each surviving (or uncovered) mutant whose file path contains
 * `text`: file:line, mutator, the line as written and what the mutant made of it.
 */
import { readFileSync } from "node:fs"

// Quiet when the output is piped into a command that stops reading (`| head`).
process.stdout.on("error", () => process.exit(0))

interface Mutant {
  readonly status: string
  readonly mutatorName: string
  readonly replacement?: string
  readonly location: {
    readonly start: { readonly line: number; readonly column: number }
    readonly end: { readonly line: number; readonly column: number }
  }
}
interface Counts {
  killed: number
  survived: number
  noCoverage: number
  other: number
}

type Report = { files: Record<string, { source: string; mutants: ReadonlyArray<Mutant> }> }
// Reports named on the command line (runs over parts of src/) are merged, file by file; by
// default, the report of the last run.
const paths = process.argv
  .slice(2)
  .filter((arg, index, all) => arg.endsWith(".json") && all[index - 1] !== "--survivors")
const report: Report = { files: {} }
for (const path of paths.length === 0 ? ["reports/mutation/mutation.json"] : paths)
  Object.assign(report.files, (JSON.parse(readFileSync(path, "utf8")) as Report).files)
const folders = new Map<string, Counts>()
for (const [file, { mutants }] of Object.entries(report.files)) {
  const folder = file.replace(/^.*?src\//u, "").split("/")[0] ?? file
  const counts = folders.get(folder) ?? { killed: 0, survived: 0, noCoverage: 0, other: 0 }
  for (const mutant of mutants) {
    if (mutant.status === "Killed" || mutant.status === "Timeout") counts.killed++
    else if (mutant.status === "Survived") counts.survived++
    else if (mutant.status === "NoCoverage") counts.noCoverage++
    else counts.other++
  }
  folders.set(folder, counts)
}
const score = (c: Counts) =>
  c.killed + c.survived + c.noCoverage === 0 ? 100 : (100 * c.killed) / (c.killed + c.survived + c.noCoverage)
const total: Counts = { killed: 0, survived: 0, noCoverage: 0, other: 0 }
console.log("| folder | killed | survived | no coverage | score |")
console.log("| --- | ---: | ---: | ---: | ---: |")
for (const [folder, counts] of [...folders].sort()) {
  console.log(
    `| ${folder} | ${counts.killed} | ${counts.survived} | ${counts.noCoverage} | ${score(counts).toFixed(1)} % |`
  )
  total.killed += counts.killed
  total.survived += counts.survived
  total.noCoverage += counts.noCoverage
  total.other += counts.other
}
console.log(`| **all** | ${total.killed} | ${total.survived} | ${total.noCoverage} | ${score(total).toFixed(1)} % |`)

const flag = process.argv.indexOf("--survivors")
if (flag !== -1) {
  const filter = process.argv[flag + 1] ?? ""
  console.log("")
  for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    if (!file.includes(filter)) continue
    const lines = source.split("\n")
    for (const mutant of mutants) {
      if (mutant.status !== "Survived" && mutant.status !== "NoCoverage") continue
      const line = mutant.location.start.line
      const { start, end } = mutant.location
      // The mutated expression itself (columns are 1-based), on one line.
      const written = (
        start.line === end.line
          ? (lines[line - 1] ?? "").slice(start.column - 1, end.column - 1)
          : `${(lines[line - 1] ?? "").slice(start.column - 1)}…`
      )
        .trim()
        .replace(/\s+/gu, " ")
        .slice(0, 100)
      const became = (mutant.replacement ?? "").replace(/\s+/gu, " ").slice(0, 60)
      console.log(
        `${file.replace(/^.*?src\//u, "")}:${line} ${mutant.status === "NoCoverage" ? "(no coverage) " : ""}${mutant.mutatorName} | ${written} => ${became}`
      )
    }
  }
}
