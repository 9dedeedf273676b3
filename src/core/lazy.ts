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
 * What a holder knows of its lazy fields is a private class field stamped on it (as the marks of
 * src/core/mark.ts): adding it costs a property store, where a non-enumerable symbol property
 * and a `Map` cost about a microsecond a holder (docs/performance.md).
 *
 * @module
 */

/** @internal One lazy field of a holder: how to compute it, until it is computed, and its value after. */
interface LazySlot {
  readonly key: string
  /** Whether `Object.keys`, JSON and the spread operator see the field (false: a field of facts, see {@link defineLazy}). */
  readonly enumerable: boolean
  computed: boolean
  value: unknown
  compute: (() => unknown) | undefined
}

/** @internal What a holder of lazy fields knows of them: JSON, `for … in` and the spread operator never see it. */
interface LazyFields {
  /** The fields by name (`fields.get(key)`), and the value each has once computed. */
  readonly fields: { get(key: string): LazySlot | undefined; values(): Iterable<LazySlot> }
  /** Set by deepFreeze: the value must be frozen when computed, leaving these objects alone. */
  freeze: { readonly keep: ReadonlySet<object> | undefined } | undefined
  /** The freezing function given by the caller module (src/core/freeze.ts), to avoid a circle. */
  readonly freezer: (value: unknown, keep: ReadonlySet<object> | undefined) => void
}

/** The lazy fields of one holder, in the order they were defined (one or two: a scan is the fastest lookup). */
class HolderFields implements LazyFields {
  freeze: { readonly keep: ReadonlySet<object> | undefined } | undefined = undefined
  readonly slots: Array<LazySlot> = []
  constructor(readonly freezer: (value: unknown, keep: ReadonlySet<object> | undefined) => void) {}
  get fields(): { get(key: string): LazySlot | undefined; values(): Iterable<LazySlot> } {
    return this
  }
  values(): Iterable<LazySlot> {
    return this.slots
  }
  get(key: string): LazySlot | undefined {
    const slots = this.slots
    for (let index = 0; index < slots.length; index++) if ((slots[index] as LazySlot).key === key) return slots[index]
    return undefined
  }
}

/** A base class whose constructor returns the object it is given: its subclass's field lands on that object. */
class Stamp {
  constructor(value: object) {
    return value as Stamp
  }
}

/** The private field holding a holder's {@link HolderFields}. */
class Holder extends Stamp {
  readonly #lazy: HolderFields
  constructor(value: object, lazy: HolderFields) {
    super(value)
    this.#lazy = lazy
  }
  static fieldsOf(value: object): HolderFields | undefined {
    return #lazy in value ? (value as Holder).#lazy : undefined
  }
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom")

/** Node's inspector prints the holder as a plain object with its fields computed. */
function inspectHolder(this: object): object {
  return { ...this }
}

// Writable until the holder is frozen (every holder is): the cheapest non-enumerable definition measured.
const INSPECT_DESCRIPTOR: PropertyDescriptor = { value: inspectHolder, enumerable: false, writable: true }

/** The fields of the holder a getter is read on (its own, or, for an object made from a holder, the holder's). */
function holderFieldsOf(value: object): HolderFields {
  let holder: object | null = value
  while (holder !== null) {
    const lazy = Holder.fieldsOf(holder)
    if (lazy !== undefined) return lazy
    holder = Object.getPrototypeOf(holder) as object | null
  }
  throw new TypeError("a lazy field read on an object that holds none")
}

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
      get(this: object): unknown {
        const lazy = holderFieldsOf(this)
        const slot = lazy.get(key) as LazySlot
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
  let lazy = Holder.fieldsOf(target)
  if (lazy === undefined) {
    lazy = new HolderFields(freeze)
    // The stamp is the constructor's side effect on `target`; the result is compared so that no
    // bundler drops the call as unused (see src/core/mark.ts).
    if ((new Holder(target, lazy) as unknown) !== target) throw new Error("a lazy holder stamps the value it is given")
    Object.defineProperty(target, INSPECT, INSPECT_DESCRIPTOR)
  }
  lazy.slots.push({ key, enumerable, computed: false, value: undefined, compute })
  Object.defineProperty(target, key, descriptorOf(key, enumerable))
  return target
}

/** @internal The lazy fields of a value, if it holds any. */
export function lazyFieldsOf(value: object): LazyFields | undefined {
  return Holder.fieldsOf(value)
}
