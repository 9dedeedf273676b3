/**
 * The bound an objective's achievement ratio is measured against.
 *
 * @module
 */
import type { Target } from "../conventions/objective.js"

/**
 * The bound an objective's ratio is taken to: its minimum when it has a positive one, otherwise
 * its positive maximum (the ratio then reads as a share of that maximum); none for a zero target.
 *
 * @internal
 */
export function ratioReference(
  target: Target
): { readonly bound: "minimum" | "maximum"; readonly value: number } | undefined {
  if (target.atLeast !== undefined && target.atLeast > 0) return { bound: "minimum", value: target.atLeast }
  if (target.atMost !== undefined && target.atMost > 0) return { bound: "maximum", value: target.atMost }
  return undefined
}
