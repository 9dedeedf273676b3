/**
 * French plurals for counts: "1 dépense", "0 dépense", "2 dépenses" (in French, 0 and 1 take the
 * singular).
 *
 * @module
 * @internal
 */

/** @internal A count with its noun, in the singular for 0 and 1, in the plural above. */
export function counted(count: number, singular: string, plural: string): string {
  return `${count} ${count <= 1 ? singular : plural}`
}

/** @internal The singular or the plural form, as the count asks. */
export function agreed(count: number, singular: string, plural: string): string {
  return count <= 1 ? singular : plural
}
