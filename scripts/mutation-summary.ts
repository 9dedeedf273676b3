/**
 * Prints the mutation score per folder of src/ from Stryker's JSON report
 * (reports/mutation/mutation.json), after `npm run mutation`.
 */
import { readFileSync } from "node:fs"

interface Mutant {
  readonly status: string
}
const report = JSON.parse(readFileSync("reports/mutation/mutation.json", "utf8")) as { files: Record<string, { mutants: ReadonlyArray<Mutant> }> }
const folders = new Map<string, { killed: number; survived: number; noCoverage: number; other: number }>()
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
const score = (c: { killed: number; survived: number; noCoverage: number }) => (c.killed + c.survived + c.noCoverage === 0 ? 100 : (100 * c.killed) / (c.killed + c.survived + c.noCoverage))
let total = { killed: 0, survived: 0, noCoverage: 0, other: 0 }
console.log("| folder | killed | survived | no coverage | score |")
console.log("| --- | ---: | ---: | ---: | ---: |")
for (const [folder, counts] of [...folders].sort()) {
  console.log(`| ${folder} | ${counts.killed} | ${counts.survived} | ${counts.noCoverage} | ${score(counts).toFixed(1)} % |`)
  total = { killed: total.killed + counts.killed, survived: total.survived + counts.survived, noCoverage: total.noCoverage + counts.noCoverage, other: total.other + counts.other }
}
console.log(`| **all** | ${total.killed} | ${total.survived} | ${total.noCoverage} | ${score(total).toFixed(1)} % |`)
