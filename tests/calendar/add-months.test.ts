/** addMonths computes on the date's numbers; date-fns, which it replaced, is the reference. */
import { addMonths as fns } from "date-fns"
import { UTCDate } from "@date-fns/utc"
import { expect, it } from "vitest"
import { addMonths, parseCalendarDate } from "../../src/index.js"
it("gives the day date-fns gives, on every day 1, 15, 28–31 of 1998–2030 and 13 month counts", () => {
  let n = 0
  for (let y = 1998; y <= 2030; y++)
    for (let m = 1; m <= 12; m++)
      for (const d of [1, 15, 28, 29, 30, 31])
        for (const k of [-25, -13, -12, -1, 0, 1, 2, 6, 11, 12, 13, 24, 36]) {
          const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
          let date
          try {
            date = parseCalendarDate(text)
          } catch {
            continue
          }
          const r = fns(new UTCDate(y, m - 1, d), k)
          const want = `${r.getUTCFullYear()}-${String(r.getUTCMonth() + 1).padStart(2, "0")}-${String(r.getUTCDate()).padStart(2, "0")}`
          expect(addMonths(date, k)).toBe(want)
          n++
        }
  expect(n).toBe(27989)
})
