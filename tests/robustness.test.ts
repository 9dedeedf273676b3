import { execFileSync } from "node:child_process"
import { describe, expect, it } from "vitest"
import { publicFunctions, runTarget, runTargetAsync } from "../fuzz/harness.js"
import { TARGETS, settling } from "../fuzz/targets.js"

describe("robustness (a quick pass of npm run fuzz)", () => {
  const functions = publicFunctions()
  it("every public function has a fuzz target", () => {
    expect([...functions.keys()].filter((name) => !TARGETS.some((target) => target.name === name))).toEqual([])
  })
  for (const target of TARGETS) {
    it(`${target.name} reaches its normal path, throws only typed errors, keeps its invariants`, async () => {
      const fn = functions.get(target.name) as (...args: Array<unknown>) => unknown
      const tally =
        target.async === true ? await runTargetAsync(target, fn, 20, 20241127) : runTarget(target, fn, 20, 20241127)
      expect(tally.failures).toEqual([])
      expect(tally.reached).toBeGreaterThan(0)
    })
  }
  it("the promises of the async targets settle with their sync counterparts' results, or reject with typed errors", async () => {
    expect(settling.length).toBeGreaterThan(0)
    expect((await Promise.all(settling)).filter((found) => found !== undefined)).toEqual([])
  })
})

describe("determinism", () => {
  const script = `
    import { readFileSync } from "node:fs"
    import { createHash } from "node:crypto"
    import { annualReport, parseActivities, parseExpenses, parsePayments, parsePortfolio } from "caf-conventions"
    const read = (name) => JSON.parse(readFileSync("examples/data/" + name, "utf8"))
    const portfolio = parsePortfolio(read("portfolio.json"))
    const reverse = process.env.REVERSE === "1"
    const order = (list) => (reverse ? [...list].reverse() : list)
    const report = annualReport(portfolio.conventions[2], {
      year: 2024, asOf: "2025-07-15", partners: portfolio.partners, conventions: order(portfolio.conventions),
      activities: order(parseActivities(read("activities.json"))), payments: order(parsePayments(read("payments.json"))),
      expenses: order(parseExpenses(read("expenses.json")))
    })
    process.stdout.write(createHash("sha256").update(JSON.stringify(report)).digest("hex"))
  `
  const digest = (tz: string, reverse: boolean) =>
    execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      env: { ...process.env, TZ: tz, REVERSE: reverse ? "1" : "0" }
    })

  it("gives byte-identical JSON whatever the record order and the time zone", () => {
    const reference = digest("UTC", false)
    expect(reference).toMatch(/^[0-9a-f]{64}$/u)
    for (const [tz, reverse] of [
      ["UTC", true],
      ["Pacific/Kiritimati", false],
      ["America/Los_Angeles", true]
    ] as const) {
      expect(digest(tz, reverse), `${tz}${reverse ? ", reversed" : ""}`).toBe(reference)
    }
    // Four processes, each compiling src/ through tsx: a few seconds each on a quiet machine, far
    // more on a shared one.
  }, 240_000)
})
