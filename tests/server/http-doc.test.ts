/**
 * Every `curl` example of docs/http.md, run as written (from the root of the clone) against a
 * service started here, its output compared with the text block under it.
 * `UPDATE_HTTP_DOC=1 npx vitest run tests/server/http-doc.test.ts` writes the outputs instead.
 */
import { execFile } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { type RunningServer, startServer } from "caf-conventions/server"
import { afterAll, beforeAll, expect, it } from "vitest"

const root = fileURLToPath(new URL("../../", import.meta.url))
const file = fileURLToPath(new URL("../../docs/http.md", import.meta.url))
const run = promisify(execFile)
const EXAMPLE = /```sh\n((?:(?!```)[\s\S])*?)```\n\n```text\n((?:(?!```)[\s\S])*?)```/gu

let server: RunningServer
beforeAll(async () => {
  // The command's defaults, but a port of its own: the examples say 8080.
  server = await startServer({ port: 0 })
})
afterAll(async () => {
  await server.close()
})

it("runs every curl example of docs/http.md and gets the output shown", async () => {
  const text = readFileSync(file, "utf8")
  const examples = [...text.matchAll(EXAMPLE)].filter((match) => (match[1] as string).includes("127.0.0.1:8080"))
  expect(examples.length).toBeGreaterThanOrEqual(15)
  const outputs: Array<string> = []
  for (const [, command, shown] of examples) {
    // Asynchronously: the service answers in this same process.
    const { stdout } = await run("bash", ["-c", (command as string).replaceAll("http://127.0.0.1:8080", server.url)], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024
    })
    outputs.push(stdout)
    if (process.env["UPDATE_HTTP_DOC"] !== "1") expect(stdout, command).toBe(shown)
  }
  if (process.env["UPDATE_HTTP_DOC"] === "1") {
    let index = 0
    writeFileSync(
      file,
      text.replace(EXAMPLE, (whole, command: string) =>
        command.includes("127.0.0.1:8080")
          ? `\`\`\`sh\n${command}\`\`\`\n\n\`\`\`text\n${outputs[index++]}\`\`\``
          : whole
      )
    )
  }
}, 120_000)
