import { describe, expect, it } from "vitest"
import {
  CONVENTION_STATUS_LABELS,
  CONVENTION_STATUS_REASONS,
  InvalidArgumentError,
  UNIT_LABELS,
  evaluateFundingUse,
  evaluateObjectives,
  instalmentStatusText,
  parseActivities,
  paymentSchedule,
  percentText,
  quantityText,
  ratioReference,
  unmetConditions
} from "caf-conventions"
import { cpo, exampleData } from "../fixtures.js"

describe("one percentage formatter", () => {
  it("writes a fraction rounded to one decimal and a decimal exactly, with a decimal comma", () => {
    expect(percentText({ numerator: 13, denominator: 16 })).toBe("81,3 %")
    expect(percentText({ numerator: 2, denominator: 3 }, 0)).toBe("67 %")
    expect(percentText({ numerator: 1, denominator: 1 })).toBe("100 %")
    expect(percentText("0.025")).toBe("2,5 %")
    expect(percentText(0.025)).toBe("2,5 %")
    // 0.07 × 100 is 7.000000000000001 in floating point: the formatter reads the decimal exactly.
    expect(percentText(0.07)).toBe("7 %")
    expect(percentText("0.333333", 2)).toBe("33,33 %")
    expect(() => percentText("2,5")).toThrow(InvalidArgumentError)
    expect(() => percentText({ numerator: 1, denominator: 0 })).toThrow(InvalidArgumentError)
  })

  it("prints a tolerance of 0.025 the same way in the settlement and a share of 0.025 in the schedule", () => {
    const tolerant = cpo((json) => (json.terms.modulation = { rule: "proportional", tolerance: "0.025" }))
    // one structure supported out of three: a shortfall of 67 %, beyond the tolerance
    const activities = parseActivities(exampleData("activities.json")).filter(
      (activity) => activity.kind !== "accompagnement-individuel" || activity.id.startsWith("2024-ind-viry")
    )
    const use = evaluateFundingUse(tolerant, {
      year: 2024,
      payments: [],
      expenses: [],
      objectives: evaluateObjectives(tolerant, activities, { year: 2024 })
    })
    expect(use.modulation.sentence).toContain("au-delà de la tolérance de 2,5 %")
    expect(use.modulation.sentence).not.toContain("2.5")
    const advance = cpo((json) => (json.terms.payment = { ...(json.terms.payment as object), advanceRate: "0.025" }))
    const schedule = paymentSchedule(advance, { year: 2024 })
    expect(schedule.explanation.children.map((child) => child.sentence).join(" ")).toContain("2,5 %")
  })
})

describe("labels", () => {
  it("one wording of a convention's status, and its reason in full for a sentence", () => {
    expect(Object.values(CONVENTION_STATUS_LABELS)).toEqual([
      "projet",
      "signée, pas encore commencée",
      "en vigueur",
      "échue",
      "résiliée",
      "subvention retirée"
    ])
    expect(CONVENTION_STATUS_REASONS.draft).toBe("pas encore signée")
    expect(CONVENTION_STATUS_REASONS.ended).toBe("échue")
  })

  it("counts with proper plurals and lists the failed conditions in French", () => {
    expect(quantityText(0, UNIT_LABELS.meeting)).toBe("0 réunion")
    expect(quantityText(3, UNIT_LABELS.structure)).toBe("3 structures distinctes")
    // French takes the singular below 2: "1,5 jour", "1,99 jour"; the plural from 2 on.
    expect(quantityText(1.5, UNIT_LABELS.day)).toBe("1,5 jour")
    expect(quantityText(1.99, UNIT_LABELS.hour)).toBe("1,99 heure")
    expect(quantityText(2, UNIT_LABELS.hour)).toBe("2 heures")
    expect(
      unmetConditions([
        { ruleId: "territory", label: "Territoire couvert", excluded: false },
        { ruleId: "employer", label: "Structure employeuse", excluded: true }
      ])
    ).toBe("conditions non remplies : Territoire couvert, non : Structure employeuse")
  })
})

describe("arguments that cannot become a text", () => {
  // An object without a prototype has no text form: reading it as a key, or comparing it with a
  // number, threw a TypeError. Found by the fuzzing harness (FUZZ_RUNS=300).
  const bare = () => Object.create(null) as never

  it("instalmentStatusText refuses a status, days or a reason of another type with an InvalidArgumentError", () => {
    for (const position of [
      { status: bare(), daysLate: 12 },
      { status: "late", daysLate: bare() },
      { status: "paid", daysEarly: "3" as never },
      { status: "not-owed", notOwed: bare() }
    ])
      expect(() => instalmentStatusText(position as never)).toThrow(InvalidArgumentError)
    expect(instalmentStatusText({ status: "late", daysLate: 12 })).toBe("en retard (12 jours)")
  })

  it("ratioReference refuses bounds that are not numbers with an InvalidArgumentError", () => {
    expect(() => ratioReference({ atMost: bare() })).toThrow(InvalidArgumentError)
    expect(() => ratioReference({ atLeast: "3" as never })).toThrow(InvalidArgumentError)
    expect(ratioReference({ atLeast: 0, atMost: 4 })).toEqual({ bound: "maximum", value: 4 })
  })
})
