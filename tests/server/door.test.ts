/**
 * The server entry point's functions called with wrong arguments: each is refused with the
 * library's InvalidArgumentError naming the argument, never a TypeError from inside Hono or Node.
 */
import { InvalidArgumentError } from "caf-conventions"
import { createHandler, openApiDocument, startServer } from "caf-conventions/server"
import { describe, expect, it } from "vitest"

const WRONG: ReadonlyArray<unknown> = [null, 5, "x", [], () => 1]

describe("the server entry point checks its arguments at the door", () => {
  it("createHandler refuses options that are not an object, a bad body limit and a bad onError", () => {
    for (const options of WRONG) expect(() => createHandler(options as never)).toThrow(InvalidArgumentError)
    for (const bodyLimit of [0, -1, 1.5, Number.NaN, "5mb", null])
      expect(() => createHandler({ bodyLimit: bodyLimit as never })).toThrow(/bodyLimit|expected/u)
    expect(() => createHandler({ onError: "log" as never })).toThrow(InvalidArgumentError)
  })

  it("startServer rejects, without listening, options that are not an object, a bad port or host", async () => {
    for (const options of WRONG)
      await expect(startServer(options as never)).rejects.toBeInstanceOf(InvalidArgumentError)
    for (const port of [-1, 65536, 80.5, "8080", Number.NaN])
      await expect(startServer({ port: port as never })).rejects.toBeInstanceOf(InvalidArgumentError)
    for (const host of ["", "  ", 127, false])
      await expect(startServer({ port: 0, host: host as never })).rejects.toBeInstanceOf(InvalidArgumentError)
    await expect(startServer({ port: 0, bodyLimit: 0 })).rejects.toBeInstanceOf(InvalidArgumentError)
  })

  it("a port in use is refused with the system's EADDRINUSE", async () => {
    const first = await startServer({ port: 0 })
    try {
      await expect(startServer({ port: first.port })).rejects.toMatchObject({ code: "EADDRINUSE" })
    } finally {
      await first.close()
    }
  })

  it("openApiDocument takes nothing and always gives the same frozen document", () => {
    expect(openApiDocument()).toBe(openApiDocument())
    expect(Object.isFrozen(openApiDocument().components)).toBe(true)
  })
})
