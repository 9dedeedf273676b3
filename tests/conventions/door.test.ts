import { describe, expect, it } from "vitest"
import {
  type Convention,
  DEFAULT_ELIGIBILITY_RULES,
  ValidationError,
  allOf,
  anyOf,
  checkCompliance,
  checkEligibility,
  compileEligibility,
  conventionStatus,
  defineRule,
  effectivePeriod,
  eligibilityContext,
  finalTerms,
  lineage,
  not,
  parseCalendarDate,
  parseCandidate,
  removeRule,
  replaceRule,
  ruleIds,
  screenEligibility,
  termsAsOf,
  termsTimeline,
  withRule,
  yearAmounts
} from "caf-conventions"
import { cpo, cpoJson, exampleData, foundingPortfolio, foundingPortfolioJson } from "../fixtures.js"

/** The error a call throws, or a failure naming the call when it does not throw. */
function thrown(call: () => unknown): unknown {
  try {
    call()
  } catch (error) {
    return error
  }
  throw new Error("expected the call to throw")
}

/** The issues of the ValidationError a call throws, as `path: message` lines (fails on any other error). */
function issues(call: () => unknown): Array<string> {
  const error = thrown(call)
  expect(error, String(error)).toBeInstanceOf(ValidationError)
  return (error as ValidationError).issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)
}

const day = parseCalendarDate("2024-06-01")
const notConventions: ReadonlyArray<readonly [string, unknown]> = [
  ["undefined", undefined],
  ["null", null],
  ["a number", 5],
  ["a string", "x"],
  ["a list", []],
  ["an empty object", {}],
  ["a convention whose amendments are not a list", { ...cpoJson(), amendments: 5 }]
]
const byConvention: ReadonlyArray<readonly [string, (convention: unknown) => unknown]> = [
  ["termsAsOf", (convention) => termsAsOf(convention as Convention, day)],
  ["finalTerms", (convention) => finalTerms(convention as Convention)],
  ["effectivePeriod", (convention) => effectivePeriod(convention as Convention)],
  ["termsTimeline", (convention) => termsTimeline(convention as Convention)],
  ["conventionStatus", (convention) => conventionStatus(convention as Convention, day)],
  ["yearAmounts", (convention) => yearAmounts(convention as Convention)],
  ["checkCompliance", (convention) => checkCompliance(convention as Convention)],
  ["eligibilityContext", (convention) => eligibilityContext(convention as Convention, day)],
  [
    "checkEligibility",
    (convention) => checkEligibility(convention as Convention, exampleData("candidates.json")[0], { date: day })
  ],
  ["screenEligibility", (convention) => screenEligibility(convention as Convention, [], { date: day })],
  [
    "compileEligibility",
    (convention) =>
      compileEligibility(convention as Convention, { date: day })(parseCandidate(exampleData("candidates.json")[0]))
  ],
  [
    "lineage",
    (convention) => lineage([...foundingPortfolio().conventions.slice(0, 2), convention as Convention], "cpo-2023-2025")
  ]
]

describe("arguments checked at the door", () => {
  for (const [name, call] of byConvention) {
    it(`${name} refuses what is not a convention with a ValidationError with paths`, () => {
      for (const [label, value] of notConventions) {
        const error = thrown(() => call(value))
        expect(error, `${name}(${label}): ${String(error)}`).toBeInstanceOf(ValidationError)
        expect((error as ValidationError).issues.length, label).toBeGreaterThan(0)
      }
      expect(issues(() => call({ ...cpoJson(), amendments: 5 })).join("\n")).toMatch(/amendments/u)
    })

    it(`${name} decodes a convention's JSON and answers as for the decoded one, without touching the JSON`, () => {
      const json = cpoJson()
      const before = structuredClone(json)
      expect(call(json)).toEqual(call(cpo()))
      expect(json).toEqual(before)
    })
  }

  it("takes a resolved convention in place of the plain one", async () => {
    const { resolveConvention } = await import("caf-conventions")
    expect(termsAsOf(resolveConvention(cpo()) as never, day)).toEqual(termsAsOf(cpo(), day))
  })

  it("refuses a day that is not a date, at its argument's name", () => {
    for (const date of ["x", "2024-02-30", 20240601, null, undefined]) {
      expect(issues(() => termsAsOf(cpo(), date as never))[0], String(date)).toMatch(/^date: /u)
      expect(issues(() => conventionStatus(cpo(), date as never))[0], String(date)).toMatch(/^date: /u)
      expect(issues(() => eligibilityContext(cpo(), date as never))[0], String(date)).toMatch(/^date: /u)
    }
    expect(conventionStatus(cpo(), "2024-06-01" as never)).toBe("in-force")
  })

  it("lineage refuses a list that is not a list, names each bad item by its index, and refuses an id that is not a string", () => {
    for (const list of [undefined, null, 5, "x", {}])
      expect(issues(() => lineage(list as never, "cpo-2023-2025"))).toHaveLength(1)
    const conventions = foundingPortfolio().conventions
    expect(
      issues(() => lineage([conventions[0], null, { id: "x" }] as never, "cpo-2023-2025")).map(
        (line) => line.split(":")[0]?.split(".")[0]
      )
    ).toEqual(expect.arrayContaining(["1", "2"]))
    expect(issues(() => lineage(conventions, 5 as never))).toEqual(["id: expected a convention id, got 5"])
    expect(lineage(foundingPortfolioJson().conventions as never, "cpo-2023-2025").map((c) => c.id)).toEqual(
      lineage(conventions, "cpo-2023-2025").map((c) => c.id)
    )
  })

  it("the eligibility functions refuse rules that are not a rule tree, with the path of the faulty node", () => {
    expect(issues(() => checkEligibility(cpo(), {} as never, { date: day, rules: 5 as never }))).toEqual([
      "rules: expected a rule or a combination (allOf, anyOf, not), got 5"
    ])
    expect(
      issues(() =>
        compileEligibility(cpo(), {
          date: day,
          rules: allOf([DEFAULT_ELIGIBILITY_RULES]) && ({ kind: "all", label: "x", children: [null] } as never)
        })
      )
    ).toEqual(["rules.children.0: expected a rule or a combination (allOf, anyOf, not), got null"])
    expect(
      issues(() =>
        screenEligibility(cpo(), [], {
          date: day,
          rules: { kind: "not", label: "x", child: { id: "a", evaluate: 1 } } as never
        })
      )
    ).toEqual([
      "rules.child.label: expected a string, got undefined",
      "rules.child.source: expected a string, got undefined",
      "rules.child.evaluate: expected a function, got 1"
    ])
  })

  it("the rule helpers refuse what is not a rule or a tree", () => {
    for (const bad of [undefined, null, 5, "x", [], {}, [null]]) {
      for (const call of [
        () => defineRule(bad as never),
        ...(Array.isArray(bad) && bad.length === 0 ? [] : [() => allOf(bad as never), () => anyOf(bad as never)]),
        () => not(bad as never),
        () => replaceRule(bad as never, DEFAULT_ELIGIBILITY_RULES as never),
        () => replaceRule(DEFAULT_ELIGIBILITY_RULES, bad as never),
        () => removeRule(bad as never, "territory"),
        () => withRule(bad as never, DEFAULT_ELIGIBILITY_RULES as never),
        () => withRule(DEFAULT_ELIGIBILITY_RULES, bad as never),
        () => ruleIds(bad as never)
      ]) {
        expect(thrown(call), `${call.toString()} with ${JSON.stringify(bad)}`).toBeInstanceOf(ValidationError)
      }
    }
    expect(issues(() => removeRule(DEFAULT_ELIGIBILITY_RULES, 5 as never))).toEqual(["id: expected a rule id, got 5"])
    expect(issues(() => allOf([DEFAULT_ELIGIBILITY_RULES], 5 as never))).toEqual(["label: expected a string, got 5"])
  })
})
