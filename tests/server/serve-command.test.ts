/**
 * `caf-conventions serve`'s refusals, in-process: a bad port, a bad body limit, an extra
 * argument, a port already in use, each a usage error (exit 2) said in French. Starting and
 * stopping the command on SIGTERM is checked by scripts/smoke.sh on the packed tarball.
 */
import { startServer } from "caf-conventions/server"
import { describe, expect, it } from "vitest"
import { parseByteSize } from "../../src/cli/serve.js"
import { cli, cliAsync } from "../cli/run.js"

describe("caf-conventions serve", () => {
  it("reads body limits in bytes, kb and mb", () => {
    expect(parseByteSize("5mb")).toBe(5_242_880)
    expect(parseByteSize("512kb")).toBe(524_288)
    expect(parseByteSize("1048576")).toBe(1_048_576)
    expect(parseByteSize("10b")).toBe(10)
    expect(parseByteSize("1024mb")).toBe(1_073_741_824)
    for (const wrong of ["0", "5 tb", "-1mb", "1.5mb", "", "1025mb"]) expect(parseByteSize(wrong)).toBeUndefined()
  })

  it("refuses a bad port, a bad limit and an extra argument with exit 2", () => {
    expect(cli("serve", "--port", "70000")).toMatchObject({
      code: 2,
      err: "caf-conventions : --port : un port est un nombre de 0 à 65535 (0 : un port libre choisi par le système) ; reçu « 70000 »\nAide : caf-conventions serve --help"
    })
    expect(cli("serve", "--body-limit", "lots").code).toBe(2)
    expect(cli("serve", "--body-limit", "lots").err).toMatch(
      /^caf-conventions : --body-limit : une taille s'écrit en octets, en kb ou en mb/u
    )
    expect(cli("serve", "examples").err).toBe(
      "caf-conventions : argument en trop pour serve : « examples »\nAide : caf-conventions serve --help"
    )
    expect(cli("serve", "--help").out).toMatch(
      /^Usage : caf-conventions serve \[--port 8080\] \[--host 127\.0\.0\.1\] \[--body-limit 5mb\]/u
    )
  })

  it("says in French that a port is already in use (exit 2)", async () => {
    const taken = await startServer({ port: 0 })
    try {
      const result = await cliAsync("serve", "--port", String(taken.port))
      expect(result.code).toBe(2)
      expect(result.err).toBe(
        `caf-conventions : le port ${taken.port} est déjà utilisé sur 127.0.0.1 : choisissez-en un autre (--port)\nAide : caf-conventions serve --help`
      )
    } finally {
      await taken.close()
    }
  })
})
