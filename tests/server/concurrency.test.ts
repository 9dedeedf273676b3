/**
 * 1 000 requests from 50 concurrent clients, each asking something distinct (the terms on a
 * different day, the schedule of a year as known on a different day, the eligibility on a
 * different day), each answer compared with what the library computes for that very question:
 * all answered, none mixed up with another's.
 */
import {
  addDays,
  conventionStatus,
  paymentSchedule,
  parseCalendarDate,
  parseConvention,
  screenEligibility,
  termsAsOf
} from "caf-conventions"
import { type RunningServer, startServer } from "caf-conventions/server"
import { afterAll, beforeAll, expect, it } from "vitest"
import { data, post } from "./support.js"

const REQUESTS = 1000
const CLIENTS = 50
const conventionJson = (data("portfolio.json") as { conventions: Array<unknown> }).conventions[2]
const convention = parseConvention(conventionJson)
const candidates = data("candidates.json") as Array<unknown>
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

let server: RunningServer
beforeAll(async () => {
  server = await startServer({ port: 0 })
})
afterAll(async () => {
  await server.close()
})

interface Question {
  readonly path: string
  readonly body: unknown
  /** What the answer must be, or hold, for this question only. */
  readonly check: (answer: any) => void
}

/** Question `i`: each one distinct by its day. */
function question(i: number): Question {
  const day = addDays(parseCalendarDate("2022-10-01"), 2 * i)
  switch (i % 3) {
    case 0:
      return {
        path: "/terms",
        body: { convention: conventionJson, date: day },
        check: (answer) => {
          expect(answer.date).toBe(day)
          expect(answer.status).toBe(conventionStatus(convention, day))
          expect(answer.terms).toEqual(asJson(termsAsOf(convention, day).terms))
        }
      }
    case 1: {
      const year = 2023 + (Math.floor(i / 3) % 3)
      const expected = asJson(paymentSchedule(convention, { year, asOf: day }))
      return {
        path: "/schedule",
        body: { convention: conventionJson, year, asOf: day },
        check: (answer) => expect(answer).toEqual(expected)
      }
    }
    default: {
      const expected = asJson(screenEligibility(convention, candidates, { date: day }))
      return {
        path: "/eligibility",
        body: { convention: conventionJson, date: day, candidates },
        check: (answer) => expect(answer).toEqual(expected)
      }
    }
  }
}

it(`answers ${REQUESTS} requests from ${CLIENTS} concurrent clients, each with its own answer`, async () => {
  const questions = Array.from({ length: REQUESTS }, (_, i) => question(i))
  // Distinct indeed: no two bodies alike.
  expect(new Set(questions.map((q) => `${q.path} ${JSON.stringify(q.body)}`)).size).toBe(REQUESTS)
  let next = 0
  const statuses: Array<number> = []
  const failures: Array<string> = []
  const client = async () => {
    for (let i = next++; i < REQUESTS; i = next++) {
      const q = questions[i] as Question
      const reply = await post(`${server.url}${q.path}`, q.body)
      statuses[i] = reply.status
      try {
        q.check(reply.json())
      } catch (error) {
        failures.push(`request ${i} (${q.path}): ${String(error).slice(0, 200)}`)
      }
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client))
  expect(failures).toEqual([])
  expect(statuses.filter((status) => status === 200)).toHaveLength(REQUESTS)
  // The days asked span the convention's life, from before its signature to after its end.
  const states = new Set(
    questions
      .filter((_, i) => i % 3 === 0)
      .map((q) => conventionStatus(convention, (q.body as { date: string }).date as never))
  )
  expect([...states].sort()).toEqual(["draft", "ended", "in-force"])
}, 240_000)
