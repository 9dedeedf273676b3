/**
 * The bound an objective's achievement ratio is measured against.
 *
 * @module
 */
import type { Target } from "../conventions/objective.js"
import { InvalidArgumentError } from "../core/errors.js"

/**
 * The bound an objective's ratio is taken to: its minimum when it has a positive one, otherwise
 * its positive maximum (the ratio then reads as a share of that maximum); none for a zero target.
 * A renderer reads it to write a ratio to a maximum as "… du maximum".
 *
 * @example
 * ```ts
 * import { ratioReference } from "caf-conventions"
 * ratioReference({ atLeast: 3 }) //=> { bound: "minimum", value: 3 }
 * ratioReference({ atMost: 2 }) //=> { bound: "maximum", value: 2 }
 * ```
 * @category objectives
 */
export function ratioReference(
  target: Target
): { readonly bound: "minimum" | "maximum"; readonly value: number } | undefined {
  if (
    target === null ||
    typeof target !== "object" ||
    (target.atLeast !== undefined && typeof target.atLeast !== "number") ||
    (target.atMost !== undefined && typeof target.atMost !== "number")
  )
    throw new InvalidArgumentError({
      argument: "target",
      message: "expected a target, { atLeast, atMost }, its bounds numbers"
    })
  if (target.atLeast !== undefined && target.atLeast > 0) return { bound: "minimum", value: target.atLeast }
  if (target.atMost !== undefined && target.atMost > 0) return { bound: "maximum", value: target.atMost }
  return undefined
}
