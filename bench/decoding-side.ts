/**
 * Decoding of two checkouts side by side in one process: `npx tsx bench/decoding-side.ts
 * /path/to/before [/path/to/after]` (each one's src/index.ts is imported; `after` defaults to this
 * checkout). A checkout without node_modules can be a folder inside this one
 * (`git archive main src | tar -x -C scratch/main`), so that it resolves this one's effect.
 * For each document (the founding convention under 1 000 ids in a portfolio; the same convention
 * decoded alone 1 000 times; the example's partners decoded one by one 1 000 times; 20 000
 * activity records), `JSON.parse` of its text, `JSON.parse` + the decoder of `before` and
 * `JSON.parse` + the decoder of `after` run in turn, round after round (`BENCH_ROUNDS`, default
 * 21, after 3 of warm-up); each ratio to `JSON.parse` is the median of the rounds' ratios, of wall
 * time and of the process's CPU time (user + system, every thread: the collector's included).
 * `BENCH_CASES=portfolio,activity` runs only the documents whose name holds one of those words;
 * `BENCH_BUILT=1` compares the two checkouts' built packages (dist/index.js, `npx tsup` in each).
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"

type Library = typeof import("../src/index.js")
// `BENCH_BUILT=1` imports each checkout's built package (its dist/index.js, `npx tsup` there first) instead of src/.
const entry = process.env["BENCH_BUILT"] === "1" ? "dist/index.js" : "src/index.ts"
const load = async (tree: string) => (await import(pathToFileURL(`${resolve(tree)}/${entry}`).href)) as Library
const before = await load(process.argv[2] ?? ".")
const after = await load(process.argv[3] ?? ".")
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 21)
const COUNT = 1_000

const example = JSON.parse(readFileSync("examples/data/portfolio.json", "utf8")) as {
  readonly partners: ReadonlyArray<unknown>
  readonly conventions: ReadonlyArray<Record<string, unknown>>
}
const { predecessorId: _none, ...founding } = example.conventions[2] as Record<string, unknown>
let seed = 7
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
const activities = Array.from({ length: 20_000 }, (_, r) => ({
  id: `a-${r}`,
  date: `2024-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
  kind: "diagnostic",
  structures: [
    { id: `s-${r % 400}`, legalForm: "association-loi-1901", departement: "91", situation: "en-developpement" }
  ],
  sector: "animation-vie-sociale",
  theme: "Soutien à la parentalité",
  hours: 2,
  participants: r % 30,
  fundedBy: []
}))

interface Case {
  readonly name: string
  readonly text: string
  /** How many times a round decodes the text. */
  readonly times: number
  readonly decode: (library: Library) => (input: unknown) => unknown
}
const cases: ReadonlyArray<Case> = [
  {
    name: `a portfolio of ${COUNT} conventions`,
    text: JSON.stringify({
      partners: example.partners,
      conventions: Array.from({ length: COUNT }, (_, i) => ({ ...founding, id: `cpo-${i}` }))
    }),
    times: 1,
    decode: (library) => library.parsePortfolio
  },
  {
    name: `a convention, ${COUNT} times`,
    text: JSON.stringify(founding),
    times: COUNT,
    decode: (library) => library.parseConvention
  },
  {
    name: `the example's ${example.partners.length} partners one by one, ${COUNT} times`,
    text: JSON.stringify(example.partners),
    times: COUNT,
    decode: (library) => (input) => (input as ReadonlyArray<unknown>).map((partner) => library.parsePartner(partner))
  },
  {
    name: `${activities.length} activity records`,
    text: JSON.stringify(activities),
    times: 1,
    decode: (library) => library.parseActivities
  }
]

// `BENCH_CASES=portfolio,activity` runs only the documents whose name holds one of the words.
const only = process.env["BENCH_CASES"]?.split(",")
const chosen = cases.filter(({ name }) => only === undefined || only.some((word) => name.includes(word)))

const median = (values: ReadonlyArray<number>) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const timed = (task: () => void) => {
  const cpu = process.cpuUsage()
  const start = performance.now()
  task()
  const wall = performance.now() - start
  const used = process.cpuUsage(cpu)
  return { wall, cpu: (used.user + used.system) / 1000 }
}
for (const { name, text, times, decode } of chosen) {
  const decoders = [decode(before), decode(after)] as const
  const parse = { wall: [] as Array<number>, cpu: [] as Array<number> }
  const ratios = decoders.map(() => ({ wall: [] as Array<number>, cpu: [] as Array<number>, ms: [] as Array<number> }))
  for (let round = 0; round < ROUNDS + 3; round++) {
    const base = timed(() => {
      for (let i = 0; i < times; i++) JSON.parse(text)
    })
    const runs = decoders.map((decoder) =>
      timed(() => {
        for (let i = 0; i < times; i++) decoder(JSON.parse(text))
      })
    )
    if (round < 3) continue
    parse.wall.push(base.wall)
    runs.forEach((run, index) => {
      const ratio = ratios[index] as (typeof ratios)[number]
      ratio.ms.push(run.wall)
      ratio.wall.push(run.wall / base.wall)
      ratio.cpu.push(run.cpu / base.cpu)
    })
  }
  const [was, now] = ratios.map(
    (ratio) =>
      `${median(ratio.ms).toFixed(1)} ms, ${median(ratio.wall).toFixed(2)}× (CPU ${median(ratio.cpu).toFixed(2)}×)`
  )
  console.log(`${name}: JSON.parse ${median(parse.wall).toFixed(1)} ms; before ${was}; after ${now}`)
}
