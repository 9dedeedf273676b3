/**
 * Describing any value in an error message.
 *
 * @module
 */

/** @internal A short description of any value, for error messages (never throws, whatever the value). */
export function describeValue(value: unknown): string {
  if (value === null) return "null"
  if (Array.isArray(value)) return "a list"
  if (typeof value === "object") return "an object"
  if (typeof value === "string") return JSON.stringify(value)
  return typeof value === "symbol" ? "a symbol" : typeof value === "function" ? "a function" : String(value)
}
