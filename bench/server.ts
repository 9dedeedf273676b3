/**
 * The HTTP service's throughput for one yearly report: the founding case's 2024 review
 * (`POST /report`, portfolio, activities, payments and expenses in the body, the answer as JSON),
 * asked by 10 concurrent clients over loopback, against the same work done in-process (decode the
 * same body, `annualReport`, `JSON.stringify`). Both run in this one process, side by side; the
 * server's figure includes the clients' own work (fetch, reading the answer), so the CPU time per
 * request of the process is given too, which a busy machine disturbs less than the wall clock.
 */
import { readFileSync } from "node:fs"
import { annualReport, parseActivities, parseExpenses, parsePayments, parsePortfolio } from "caf-conventions"
import { startServer } from "caf-conventions/server"
import { type BenchRow, perSecond } from "./support.js"

const REQUESTS = Number(process.env["BENCH_SERVER_REQUESTS"] ?? 400)
const CLIENTS = 10

const read = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../examples/data/${file}`, import.meta.url), "utf8"))

const body = JSON.stringify({
  portfolio: read("portfolio.json"),
  conventionId: "cpo-2023-2025",
  year: 2024,
  activities: read("activities.json"),
  payments: read("payments.json"),
  expenses: read("expenses.json"),
  asOf: "2025-07-15",
  reportsAcceptedOn: { "2024": "2025-05-20" }
})

/** The same work without HTTP: decode the body's documents, build the report, write it as JSON. */
function inProcess(): string {
  const request = JSON.parse(body) as Record<string, unknown>
  const portfolio = parsePortfolio(request["portfolio"])
  const convention = portfolio.conventions.find((c) => c.id === "cpo-2023-2025")
  if (convention === undefined) throw new Error("no founding convention")
  return JSON.stringify(
    annualReport(convention, {
      year: 2024,
      activities: parseActivities(request["activities"]),
      payments: parsePayments(request["payments"]),
      expenses: parseExpenses(request["expenses"]),
      asOf: "2025-07-15",
      reportsAcceptedOn: { "2024": "2025-05-20" },
      partners: portfolio.partners,
      conventions: portfolio.conventions
    })
  )
}

/** Runs `count` tasks, `concurrency` at a time; wall time and CPU time of the process, in ms. */
async function timed(count: number, concurrency: number, task: () => Promise<unknown> | unknown) {
  const cpu = process.cpuUsage()
  const start = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await task()
    })
  )
  const used = process.cpuUsage(cpu)
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 }
}

/** The benchmark's rows. */
export async function serverBench(): Promise<ReadonlyArray<BenchRow>> {
  const expected = inProcess()
  const server = await startServer({ port: 0 })
  try {
    const ask = async () => {
      const response = await fetch(`${server.url}/report`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body
      })
      const text = await response.text()
      if (response.status !== 200 || text !== expected) throw new Error(`unexpected answer ${response.status}`)
    }
    await timed(20, CLIENTS, ask) // warm-up
    const http = await timed(REQUESTS, CLIENTS, ask)
    inProcess()
    const direct = await timed(REQUESTS, 1, inProcess)
    const note = (cpuMs: number) => `${(cpuMs / REQUESTS).toFixed(2)} ms CPU a report`
    return [
      {
        benchmark: "server",
        variant: `POST /report, yearly report as JSON, ${CLIENTS} clients, ${REQUESTS} requests`,
        median: `${(http.ms / REQUESTS).toFixed(2)} ms (mean)`,
        throughput: perSecond(REQUESTS, http.ms),
        note: `${note(http.cpuMs)} (server and clients); ${(http.cpuMs / direct.cpuMs).toFixed(2)}× the CPU of in-process`
      },
      {
        benchmark: "server",
        variant: "the same report in-process (decode, annualReport, JSON.stringify)",
        median: `${(direct.ms / REQUESTS).toFixed(2)} ms (mean)`,
        throughput: perSecond(REQUESTS, direct.ms),
        note: note(direct.cpuMs)
      }
    ]
  } finally {
    await server.close()
  }
}
