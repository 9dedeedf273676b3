/**
 * Deep freezing: what the library decodes and what its evaluators return cannot be changed
 * afterwards, while the caller's own values are never frozen.
 *
 * @module
 */
import { Euros } from "../money/euros.js"
import { defineLazy, lazyFieldsOf } from "./lazy.js"

/** @internal Every object and list inside an input, so that freezing leaves them alone. */
export function objectsOf(input: unknown): Set<object> {
  const found = new Set<object>()
  const stack: Array<unknown> = [input]
  while (stack.length > 0) {
    const value = stack.pop()
    // A frozen object stays as it is: no need to keep it, nor to look inside it.
    if (value === null || typeof value !== "object" || found.has(value) || Object.isFrozen(value)) continue
    found.add(value)
    const lazy = lazyFieldsOf(value)
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue
      const slot = lazy?.fields.get(key)
      // A lazy field not computed yet holds nothing yet.
      if (slot === undefined) stack.push((value as Record<string, unknown>)[key])
      else if (slot.computed) stack.push(slot.value)
    }
  }
  return found
}

/**
 * @internal Freezes a decoded value or a result deeply: every plain object and list, recursively, and every amount
 * (`Euros`, whose TypeScript-private field could otherwise be reassigned by a cast). Other class
 * instances are left as they are; so are objects of the input a schema hands through (`keep`):
 * the caller's values are never changed, not even frozen. Amounts the library computes are not
 * frozen one by one (freezing in `Euros`' constructor made every sum about ten times slower to
 * allocate); no method of `Euros` changes an amount.
 */
export function deepFreeze(value: unknown, keep: ReadonlySet<object> | undefined): void {
  const stack: Array<unknown> = [value]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node === null || typeof node !== "object" || Object.isFrozen(node) || keep?.has(node)) continue
    if (Array.isArray(node)) {
      Object.freeze(node)
      for (let index = 0; index < node.length; index++) {
        const item: unknown = node[index]
        if (item !== null && typeof item === "object") stack.push(item)
      }
      continue
    }
    const prototype: unknown = Object.getPrototypeOf(node)
    if (prototype !== Object.prototype && prototype !== null) {
      if (Euros.isEuros(node)) Object.freeze(node)
      continue
    }
    Object.freeze(node)
    const lazy = lazyFieldsOf(node)
    if (lazy !== undefined) {
      // A lazy field is frozen when it is computed, not computed to be frozen.
      lazy.freeze = { keep }
      for (const key in node) {
        const slot = lazy.fields.get(key)
        const inner =
          slot === undefined ? (node as Record<string, unknown>)[key] : slot.computed ? slot.value : undefined
        if (inner !== null && typeof inner === "object") stack.push(inner)
      }
      // A field of facts, computed already: `for … in` does not see it.
      for (const slot of lazy.fields.values())
        if (!slot.enumerable && slot.computed && slot.value !== null && typeof slot.value === "object")
          stack.push(slot.value)
      continue
    }
    for (const key in node) {
      const inner = (node as Record<string, unknown>)[key]
      if (inner !== null && typeof inner === "object") stack.push(inner)
    }
  }
}

/**
 * @internal Makes `key` of `target` a field computed the first time it is read (see
 * src/core/lazy.ts): an explanation costs nothing until someone reads it, and reads the same,
 * key for key and byte for byte, as if it had been built at once. Once {@link frozenResult} has
 * frozen `target`, the field's value is deeply frozen when computed.
 *
 * ```ts
 * const result = lazyField({ status: "met", explanation: undefined as unknown as ExplanationNode }, "explanation", () => node())
 * ```
 */
export function lazyField<T extends object, K extends keyof T & string>(target: T, key: K, compute: () => T[K]): T {
  return defineLazy(target, key, compute, deepFreeze)
}

/**
 * @internal Makes `key` of `target` a field of typed facts: computed the first time it is read,
 * like {@link lazyField}, and left out of the result's JSON form (`Object.keys`, `JSON.stringify`,
 * the spread operator do not see it), so that the facts the wording reads add nothing to what an
 * application stores or the HTTP service sends. Deeply frozen like the rest of the result.
 *
 * ```ts
 * const schedule = factsField({ year: 2024, amount }, "facts", () => ({ kind: "covered", year: 2024 }))
 * ```
 */
export function factsField<T extends object, K extends keyof T & string>(
  target: Omit<T, K>,
  key: K,
  compute: () => T[K]
): T {
  return defineLazy(target as T, key, compute, deepFreeze, false)
}

/**
 * @internal A result deeply frozen, leaving alone every object reachable from the inputs that is
 * not frozen already (a convention or a record the caller built by hand stays as it was).
 */
export function frozenResult<T>(result: T, ...inputs: ReadonlyArray<unknown>): T {
  // No set to build when every input is frozen already (decoded values are), the usual case.
  let keep: Set<object> | undefined
  for (const input of inputs)
    if (input !== null && typeof input === "object" && !Object.isFrozen(input))
      for (const object of objectsOf(input)) (keep ??= new Set<object>()).add(object)
  deepFreeze(result, keep)
  return result
}
