/**
 * Marks on the values the library decoded or built, so that an evaluator recognises them in
 * constant time and takes them without checking again.
 *
 * A mark is a **private class field** stamped on the object itself (a base class whose
 * constructor returns the object it is given, extended by a class declaring the field). It is
 * not a property anyone can read, write, list or copy: JSON has no way to express it,
 * `Object.keys`, `Object.getOwnPropertySymbols`, `JSON.stringify`, a spread (`{ ...record }`),
 * `Object.assign` and `structuredClone` do not see it, an object whose prototype is a marked one
 * (`Object.create(record)`) does not have it, and a `Proxy` of a marked object does not have it
 * either. Only the module holding the mark can ask whether a value has it. Each mark is its own
 * class, so a decoded expense is never taken for a decoded payment.
 *
 * The library stamps a value before freezing it. Looking a mark up costs a property lookup
 * whatever the number of marked values; a `WeakSet` of decoded records, used before, cost about
 * 0.1 µs a lookup at a million records and up to 24 µs at three million (docs/performance.md).
 *
 * @module
 */

/** A base class whose constructor returns the object it is given: its subclasses' fields land on that object. */
class Stamp {
  constructor(value: object) {
    return value as Stamp
  }
}

/** @internal A mark: `add` stamps an object (once; stamping it again does nothing), `has` tells whether a value is stamped. */
export interface Mark {
  readonly add: (value: object) => void
  readonly has: (value: unknown) => boolean
}

/** @internal A new mark, distinct from every other. */
export function makeMark(): Mark {
  class Marked extends Stamp {
    readonly #marked = true
    static has(value: unknown): boolean {
      return value !== null && typeof value === "object" && #marked in value
    }
    static add(value: object): void {
      if (#marked in value) return
      // The stamp is the constructor's side effect on `value`; the result is compared so that no
      // bundler drops the call as unused (esbuild did, and the built package stamped nothing).
      if ((new Marked(value) as unknown) !== value) throw new Error("a mark stamps the value it is given")
    }
  }
  return { add: Marked.add, has: Marked.has }
}
