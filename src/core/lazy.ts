/**
 * Lazy fields: a part of a result that costs more to build than the rest (an explanation tree,
 * its French sentences) is computed the first time it is read, once, and then kept.
 *
 * - The field is an own, enumerable property in the place it would hold as a plain value, so
 *   `Object.keys`, `for … in`, the spread operator, `JSON.stringify` and `structuredClone` see the
 *   same keys in the same order and the same bytes as if it had been computed at once.
 * - {@link deepFreeze} does not compute it: it records how to freeze it, and the value is frozen
 *   (leaving alone the caller's own objects, as the rest of the result) when it is computed.
 * - Node's inspector (`console.log`) shows the value, not `[Getter]`.
 *
 * @module
 */

/** @internal What a holder of lazy fields knows of them: kept under a symbol, so JSON and `for … in` never see it. */
export interface LazyFields {
  /** The fields, by name, and the value each has once computed. */
  readonly fields: Map<string, { computed: boolean; value: unknown }>
  /** Set by deepFreeze: the value must be frozen when computed, leaving these objects alone. */
  freeze: { readonly keep: ReadonlySet<object> | undefined } | undefined
}

/** @internal The symbol under which a holder keeps its {@link LazyFields}. */
export const LAZY: unique symbol = Symbol("caf-conventions.lazy")

const INSPECT = Symbol.for("nodejs.util.inspect.custom")

/** Node's inspector prints the holder as a plain object with its fields computed. */
function inspectHolder(this: object): object {
  return { ...this }
}

/**
 * @internal Makes `key` of `target` a lazy field computed by `compute` the first time it is read.
 * If `target` already has the key (e.g. `{ a, explanation: undefined, b }`), the field keeps its
 * place among the keys; otherwise it comes last. `target` must be a plain object not yet frozen.
 * `freeze` is a function given by the caller module (src/core/freeze.ts), to avoid a circle.
 */
export function defineLazy<T extends object, K extends keyof T & string>(
  target: T,
  key: K,
  compute: () => T[K],
  freeze: (value: unknown, keep: ReadonlySet<object> | undefined) => void
): T {
  const holder = target as T & { [LAZY]?: LazyFields }
  let lazy = holder[LAZY]
  if (lazy === undefined) {
    lazy = { fields: new Map(), freeze: undefined }
    Object.defineProperty(holder, LAZY, { value: lazy, enumerable: false })
    Object.defineProperty(holder, INSPECT, { value: inspectHolder, enumerable: false })
  }
  const fields = lazy
  const slot = { computed: false, value: undefined as unknown }
  fields.fields.set(key, slot)
  Object.defineProperty(holder, key, {
    enumerable: true,
    configurable: false,
    get(): T[K] {
      if (!slot.computed) {
        slot.value = compute()
        slot.computed = true
        if (fields.freeze !== undefined) freeze(slot.value, fields.freeze.keep)
      }
      return slot.value as T[K]
    }
  })
  return target
}

/** @internal The lazy fields of a value, if it holds any. */
export function lazyFieldsOf(value: object): LazyFields | undefined {
  return (value as { [LAZY]?: LazyFields })[LAZY]
}
