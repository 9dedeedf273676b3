import { inspect } from "node:util"
import { describe, expect, it } from "vitest"
import { frozenResult, lazyField } from "../../src/core/freeze.js"

interface Holder {
  readonly id: string
  readonly explanation: { readonly sentence: string; readonly parts: ReadonlyArray<{ readonly n: number }> }
  readonly after: number
}

/** A holder whose explanation is lazy, and a counter of how often it was computed. */
function holder(shared?: { n: number }): { value: Holder; computed: () => number } {
  let count = 0
  const value: Holder = lazyField(
    { id: "cpo-1", explanation: undefined as unknown as Holder["explanation"], after: 3 },
    "explanation",
    () => {
      count++
      return { sentence: "2 objectifs atteints sur 3.", parts: [{ n: 1 }, ...(shared === undefined ? [] : [shared])] }
    }
  )
  return { value, computed: () => count }
}

describe("lazy fields", () => {
  it("are computed once, on first read, in the key's own place", () => {
    const { value, computed } = holder()
    expect(computed()).toBe(0)
    expect(Object.keys(value)).toEqual(["id", "explanation", "after"])
    expect(computed()).toBe(0)
    expect(value.explanation.sentence).toBe("2 objectifs atteints sur 3.")
    expect(value.explanation).toBe(value.explanation)
    expect(computed()).toBe(1)
  })

  it("give the same JSON, byte for byte, as a plain value", () => {
    const { value } = holder()
    const plain = { id: "cpo-1", explanation: { sentence: "2 objectifs atteints sur 3.", parts: [{ n: 1 }] }, after: 3 }
    expect(JSON.stringify(value)).toBe(JSON.stringify(plain))
    expect(JSON.stringify({ ...value })).toBe(JSON.stringify(plain))
    expect(structuredClone(value)).toEqual(plain)
  })

  it("are not computed by freezing, and are frozen when computed afterwards", () => {
    const { value, computed } = holder()
    frozenResult(value)
    expect(Object.isFrozen(value)).toBe(true)
    expect(computed()).toBe(0)
    expect(Object.isFrozen(value.explanation)).toBe(true)
    expect(Object.isFrozen(value.explanation.parts)).toBe(true)
    expect(Object.isFrozen(value.explanation.parts[0])).toBe(true)
    expect(() => {
      ;(value as { explanation: unknown }).explanation = {}
    }).toThrow(TypeError)
  })

  it("computed before freezing are frozen with the rest", () => {
    const { value, computed } = holder()
    expect(value.explanation.parts.length).toBe(1)
    frozenResult(value)
    expect(computed()).toBe(1)
    expect(Object.isFrozen(value.explanation.parts)).toBe(true)
  })

  it("leave the caller's own objects unfrozen, as the rest of a result", () => {
    const mine = { n: 7 }
    const { value } = holder(mine)
    frozenResult(value, { records: [mine] })
    expect(value.explanation.parts[1]).toBe(mine)
    expect(Object.isFrozen(value.explanation)).toBe(true)
    expect(Object.isFrozen(mine)).toBe(false)
  })

  it("print as values in Node's inspector", () => {
    const { value } = holder()
    expect(inspect(value)).not.toContain("Getter")
    expect(inspect(value)).toContain("2 objectifs atteints sur 3.")
  })
})
