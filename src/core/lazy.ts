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

/** @internal One lazy field of a holder: how to compute it, until it is computed, and its value after. */
export interface LazySlot {
  /** Whether `Object.keys`, JSON and the spread operator see the field (false: a field of facts, see {@link defineLazy}). */
  readonly enumerable: boolean
  computed: boolean
  value: unknown
  compute: (() => unknown) | undefined
}

/** @internal What a holder of lazy fields knows of them: kept under a symbol, so JSON and `for … in` never see it. */
export interface LazyFields {
  /** The fields, by name, and the value each has once computed. */
  readonly fields: Map<string, LazySlot>
  /** Set by deepFreeze: the value must be frozen when computed, leaving these objects alone. */
  freeze: { readonly keep: ReadonlySet<object> | undefined } | undefined
  /** The freezing function given by the caller module (src/core/freeze.ts), to avoid a circle. */
  readonly freezer: (value: unknown, keep: ReadonlySet<object> | undefined) => void
}

/** @internal The symbol under which a holder keeps its {@link LazyFields}. */
export const LAZY: unique symbol = Symbol("caf-conventions.lazy")

const INSPECT = Symbol.for("nodejs.util.inspect.custom")

/** Node's inspector prints the holder as a plain object with its fields computed. */
function inspectHolder(this: object): object {
  return { ...this }
}

const INSPECT_DESCRIPTOR: PropertyDescriptor = { value: inspectHolder, enumerable: false }

/**
 * One getter per field name, shared by every holder: V8 then gives holders built alike one
 * shape, and defining the field costs a fraction of a closure per holder (measured 2.3–2.8 µs a
 * field with a closure, about 1 µs shared, on the 2-core machine under load).
 */
const descriptors = new Map<string, PropertyDescriptor>()
const hiddenDescriptors = new Map<string, PropertyDescriptor>()

function descriptorOf(key: string, enumerable: boolean): PropertyDescriptor {
  const cache = enumerable ? descriptors : hiddenDescriptors
  let descriptor = cache.get(key)
  if (descriptor === undefined) {
    descriptor = {
      enumerable,
      configurable: false,
      get(this: { [LAZY]: LazyFields }): unknown {
        const lazy = this[LAZY]
        const slot = lazy.fields.get(key) as LazySlot
        if (!slot.computed) {
          const compute = slot.compute as () => unknown
          slot.compute = undefined
          slot.value = compute()
          slot.computed = true
          if (lazy.freeze !== undefined) lazy.freezer(slot.value, lazy.freeze.keep)
        }
        return slot.value
      }
    }
    cache.set(key, descriptor)
  }
  return descriptor
}

/**
 * @internal Makes `key` of `target` a lazy field computed by `compute` the first time it is read.
 * If `target` already has the key (e.g. `{ a, explanation: undefined, b }`), the field keeps its
 * place among the keys; otherwise it comes last (cheaper: V8 keeps the holder's fast shape).
 * `target` must be a plain object not yet frozen. `freeze` is a function given by the caller
 * module (src/core/freeze.ts), to avoid a circle.
 *
 * With `enumerable` false, the field is left out of `Object.keys`, `for … in`, the spread
 * operator, `JSON.stringify` and `structuredClone`: a result's typed facts, read by the wording,
 * that the JSON form of the result does not repeat. It is frozen all the same once computed.
 */
export function defineLazy<T extends object, K extends keyof T & string>(
  target: T,
  key: K,
  compute: () => T[K],
  freeze: (value: unknown, keep: ReadonlySet<object> | undefined) => void,
  enumerable = true
): T {
  const holder = target as T & { [LAZY]?: LazyFields }
  let lazy = holder[LAZY]
  if (lazy === undefined) {
    lazy = { fields: new Map(), freeze: undefined, freezer: freeze }
    Object.defineProperty(holder, LAZY, { value: lazy, enumerable: false })
    Object.defineProperty(holder, INSPECT, INSPECT_DESCRIPTOR)
  }
  lazy.fields.set(key, { enumerable, computed: false, value: undefined, compute })
  Object.defineProperty(holder, key, descriptorOf(key, enumerable))
  return target
}

/** @internal The lazy fields of a value, if it holds any. */
export function lazyFieldsOf(value: object): LazyFields | undefined {
  return (value as { [LAZY]?: LazyFields })[LAZY]
}
