/**
 * The conventions the library decoded or resolved, so that evaluators take them as they are.
 *
 * @module
 */

/** @internal Every convention the library decoded (alone or in a portfolio). */
export const decodedConventions = new WeakSet<object>()

/** @internal Every resolution `resolveConvention` made. */
export const resolutions = new WeakSet<object>()
