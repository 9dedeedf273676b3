/**
 * The conventions the library decoded or resolved, so that evaluators take them as they are.
 *
 * @module
 */
import { makeMark } from "./mark.js"

/** @internal Every convention the library decoded (alone or in a portfolio). */
export const decodedConventions = makeMark()

/** @internal Every resolution `resolveConvention` made. */
export const resolutions = makeMark()
