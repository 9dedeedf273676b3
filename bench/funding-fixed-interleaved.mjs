/**
 * Funding's fixed cost of two builds in one process, interleaved:
 * `node bench/funding-fixed-interleaved.mjs <dist folder A> <dist folder B> [rounds]`. Each round
 * decodes 2 000 conventions afresh with each build (the founding convention under fresh ids, no
 * records) and times `evaluateFundingUse` for 2024 on them (no payments, no expense lines), A then B, then B then A in the next
 * round: CPU µs a convention (user + system), median and range over the rounds. Separate processes
 * measured one after the other see the machine's load change between them; two builds interleaved
 * in one process see the same load.
 */
import { resolve } from "node:path"
import { interleaveFixed } from "./fixed-interleaved.mjs"

const OPTIONS = { year: 2024, payments: [], expenses: [] }
await interleaveFixed([resolve(process.argv[2]), resolve(process.argv[3])], Number(process.argv[4] ?? 11), (lib, c) =>
  lib.evaluateFundingUse(c, OPTIONS)
)
