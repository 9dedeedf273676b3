/**
 * Objectives: 1 000 000 activity records spread over 10 000 conventions, evaluated by
 * evaluateObjectives and by a plain hand-written loop doing the same counts (the floor), at
 * 100 000 and 1 000 000 records to show how the time grows.
 */
import {
  ACTIVITY_KINDS,
  type Activity,
  type Convention,
  SECTORS,
  SITUATIONS,
  evaluateObjectives,
  parseActivities
} from "caf-conventions"
import { type BenchRow, decodedConventions, interleavedMedians, pick, seeded } from "./support.js"

/** `BENCH_CONVENTIONS=2000` runs a reduced size (the ratios are what matter on a shared machine). */
const MAX_CONVENTIONS = Number(process.env["BENCH_CONVENTIONS"] ?? 10_000)

const RECORDS_PER_CONVENTION = 100

interface Workload {
  readonly conventions: ReadonlyArray<Convention>
  readonly records: ReadonlyArray<ReadonlyArray<Activity>>
  /** The same records as JSON text, one text a convention, for the end-to-end figures. */
  readonly texts: ReadonlyArray<string>
}

export function objectivesWorkload(conventionCount: number): Workload {
  const random = seeded(5)
  // Conventions decoded as an application decodes them (frozen, known as decoded), not spreads of one.
  const conventions = decodedConventions(conventionCount)
  const bodies = ["sdaf", "sdaf", "ctg"] as const
  // Records are decoded as an application would decode its JSON files (outside the timings).
  const texts: Array<string> = []
  const records = conventions.map((convention, c) =>
    decodedAndText(
      texts,
      Array.from({ length: RECORDS_PER_CONVENTION }, (_, r) => {
        const kind = pick(random, ACTIVITY_KINDS)
        const month = 1 + Math.floor(random() * 12)
        const structure = {
          id: `s-${c}-${Math.floor(random() * 12)}`,
          legalForm: random() < 0.9 ? ("association-loi-1901" as const) : ("collectivite" as const),
          departement: (random() < 0.9 ? "91" : "77") as Activity["structures"][number]["departement"],
          situation: pick(random, SITUATIONS)
        }
        return {
          id: `${convention.id}-r${r}`,
          date: `${random() < 0.9 ? 2024 : 2023}-${String(month).padStart(2, "0")}-15` as Activity["date"],
          kind,
          structures: kind === "accompagnement-individuel" || kind === "diagnostic" ? [structure] : [],
          sector: random() < 0.9 ? pick(random, SECTORS.slice(0, 5)) : pick(random, SECTORS),
          ...(kind === "reunion-instance" ? { body: pick(random, bodies) } : {}),
          hours: 2,
          fundedBy: random() < 0.05 ? ["fpt"] : []
        }
      })
    )
  )
  return { conventions, records, texts }
}

function decodedAndText(texts: Array<string>, json: ReadonlyArray<unknown>): ReadonlyArray<Activity> {
  texts.push(JSON.stringify(json))
  return parseActivities(json)
}

/** The floor: the same four counts for the founding convention's objectives, written by hand. */
function handWritten(convention: Convention, records: ReadonlyArray<Activity>): ReadonlyArray<number> {
  const sectors = new Set<string>(convention.terms.sectors)
  const situations = new Set(["en-difficulte", "en-developpement", "en-difficulte-et-en-developpement"])
  const admissible = new Set(["association-loi-1901", "scic", "scop", "fondation", "mutuelle", "entreprise-esus"])
  const seen = new Set<string>()
  const structures = new Set<string>()
  let coordination = 0
  let collective = 0
  let sdaf = 0
  for (const record of records) {
    if (seen.has(record.id) || record.date < "2024-01-01" || record.date > "2024-12-31") continue
    seen.add(record.id)
    if (record.sector !== undefined && !sectors.has(record.sector)) continue
    if (record.fundedBy.includes("fpt")) continue
    if (record.kind === "reunion-coordination-caf") coordination++
    else if (record.kind === "action-collective") collective++
    else if (record.kind === "reunion-instance" && record.body === "sdaf") sdaf++
    else if (record.kind === "accompagnement-individuel") {
      for (const structure of record.structures) {
        if (
          situations.has(structure.situation) &&
          admissible.has(structure.legalForm) &&
          structure.departement === "91" &&
          structure.id !== convention.partnerId
        ) {
          structures.add(structure.id)
        }
      }
    }
  }
  return [coordination, structures.size, collective, sdaf]
}

function library(workload: Workload, count: number): ReadonlyArray<ReadonlyArray<number>> {
  const out: Array<ReadonlyArray<number>> = []
  for (let i = 0; i < count; i++) {
    const evaluation = evaluateObjectives(
      workload.conventions[i] as Convention,
      workload.records[i] as ReadonlyArray<Activity>,
      { year: 2024 }
    )
    out.push(evaluation.results.map((result) => result.value.numerator))
  }
  return out
}

function floor(workload: Workload, count: number): ReadonlyArray<ReadonlyArray<number>> {
  const out: Array<ReadonlyArray<number>> = []
  for (let i = 0; i < count; i++)
    out.push(handWritten(workload.conventions[i] as Convention, workload.records[i] as ReadonlyArray<Activity>))
  return out
}

export async function objectivesBench(): Promise<ReadonlyArray<BenchRow>> {
  const workload = objectivesWorkload(MAX_CONVENTIONS)
  const rows: Array<BenchRow> = []
  let millionRatio = ""
  for (const conventions of [MAX_CONVENTIONS / 10, MAX_CONVENTIONS]) {
    const records = conventions * RECORDS_PER_CONVENTION
    // The evaluation and its floor run in turn, round after round (the same machine, the same JIT).
    const side = await interleavedMedians(
      3,
      () => library(workload, conventions),
      () => floor(workload, conventions)
    )
    const lib = side.a
    const hand = side.b
    const agree = JSON.stringify(lib.result) === JSON.stringify(hand.result)
    millionRatio = `${side.ratio.toFixed(1)}× the floor (median of 3 interleaved rounds)`
    rows.push({
      benchmark: "objectives",
      variant: `evaluateObjectives, ${records.toLocaleString("en-US")} records / ${conventions.toLocaleString("en-US")} conventions`,
      median: `${lib.ms.toFixed(1)} ms`,
      throughput: `${Math.round((records / lib.ms) * 1000).toLocaleString("en-US")} records/s`,
      note: `${millionRatio}; ${agree ? "same counts as the floor" : "COUNTS DIFFER FROM THE FLOOR"}`
    })
    rows.push({
      benchmark: "objectives",
      variant: `hand-written floor, ${records.toLocaleString("en-US")} records`,
      median: `${hand.ms.toFixed(1)} ms`,
      throughput: `${Math.round((records / hand.ms) * 1000).toLocaleString("en-US")} records/s`,
      note: ""
    })
  }
  // End to end, both sizes: JSON text → decoded → evaluated → explained, against JSON.parse + the
  // floor, run in turn round after round. Each convention's text is parsed and let go, so the
  // million records are never all held twice.
  for (const conventions of [MAX_CONVENTIONS / 10, MAX_CONVENTIONS]) {
    const side = await interleavedMedians(
      3,
      () => {
        const out: Array<ReadonlyArray<number>> = []
        for (let i = 0; i < conventions; i++) {
          const evaluation = evaluateObjectives(
            workload.conventions[i] as Convention,
            parseActivities(JSON.parse(workload.texts[i] as string)),
            { year: 2024 }
          )
          out.push(evaluation.results.map((result) => result.value.numerator))
        }
        return out
      },
      () => {
        const out: Array<ReadonlyArray<number>> = []
        for (let i = 0; i < conventions; i++)
          out.push(
            handWritten(
              workload.conventions[i] as Convention,
              JSON.parse(workload.texts[i] as string) as ReadonlyArray<Activity>
            )
          )
        return out
      }
    )
    const records = conventions * RECORDS_PER_CONVENTION
    const same = JSON.stringify(side.a.result) === JSON.stringify(side.b.result)
    rows.push({
      benchmark: "objectives",
      variant: `end to end from JSON text (JSON.parse + parseActivities + evaluateObjectives), ${records.toLocaleString("en-US")} records`,
      median: `${side.a.ms.toFixed(1)} ms`,
      throughput: `${Math.round((records / side.a.ms) * 1000).toLocaleString("en-US")} records/s`,
      note: `${side.ratio.toFixed(1)}× JSON.parse + the floor (median of 3 interleaved rounds); ${same ? "same counts" : "COUNTS DIFFER"}`
    })
    rows.push({
      benchmark: "objectives",
      variant: `JSON.parse + hand-written floor, ${records.toLocaleString("en-US")} records`,
      median: `${side.b.ms.toFixed(1)} ms`,
      throughput: `${Math.round((records / side.b.ms) * 1000).toLocaleString("en-US")} records/s`,
      note: ""
    })
  }
  return rows
}
