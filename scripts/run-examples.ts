/**
 * Runs every example in `examples/` to completion. When `examples/expected/<name>.txt` exists,
 * the example's standard output must match it exactly, so that the documented output stays true.
 * Set UPDATE_EXAMPLES=1 to rewrite the expected outputs after a deliberate change; pass `--show`
 * to print each example's output.
 */
import { execFileSync } from "node:child_process"
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const dir = "examples"
const update = process.env["UPDATE_EXAMPLES"] === "1"
const show = process.argv.includes("--show")
const examples = readdirSync(dir)
  .filter((file) => file.endsWith(".ts"))
  .sort()
let failed = 0
for (const file of examples) {
  const name = file.replace(/\.ts$/, "")
  let output: string
  try {
    output = execFileSync(process.execPath, ["--import", "tsx", join(dir, file)], {
      encoding: "utf8",
      env: { ...process.env, TZ: process.env["TZ"] ?? "UTC" }
    })
  } catch (error) {
    failed++
    console.error(`✗ ${file} did not run to completion:\n${String((error as { stderr?: string }).stderr ?? error)}`)
    continue
  }
  const expectedPath = join(dir, "expected", `${name}.txt`)
  if (update) writeFileSync(expectedPath, output)
  if (existsSync(expectedPath) && readFileSync(expectedPath, "utf8") !== output) {
    failed++
    console.error(`✗ ${file}: output differs from ${expectedPath}\n--- got ---\n${output}`)
    continue
  }
  console.log(`✓ ${file}`)
  if (show) console.log(output.replace(/^/gm, "    "))
}
console.log(`${examples.length - failed} passed, ${failed} failed`)
if (failed > 0 || examples.length === 0) process.exit(1)
