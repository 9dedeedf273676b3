/**
 * The objectives benchmark's workload for one build of the package (bench/objectives-side.mjs and
 * bench/objectives-interleaved.mjs): `N` conventions (the founding convention under fresh ids,
 * decoded in one portfolio by the build; `OBJECTIVES_SPREAD=1`: unfrozen spreads of one decoded
 * convention instead, as the benchmarks built them before 2026-12-02), 100 activity records each
 * (seeded, the same for every build), decoded by the build, their JSON texts, and the hand-written
 * floor: the same four counts written by hand.
 */
import { readFileSync } from "node:fs"

function seeded(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const pick = (r, items) => items[Math.floor(r() * items.length)]

/** The workload of `N` conventions for the build `lib` (the package's module). */
export function objectivesWorkload(lib, N) {
  const { ACTIVITY_KINDS, SECTORS, SITUATIONS, encodeConvention, parseActivities, parsePortfolio } = lib
  const portfolioJson = JSON.parse(readFileSync(new URL("../examples/data/portfolio.json", import.meta.url), "utf8"))
  const base = parsePortfolio(portfolioJson).conventions.find((c) => c.id === "cpo-2023-2025")
  const random = seeded(5)
  // Decoded as an application decodes them (frozen, known as decoded); `OBJECTIVES_SPREAD=1`: unfrozen
  // spreads of one decoded convention instead, as the benchmarks built them before 2026-12-02.
  const { predecessorId: _none, ...baseJson } = encodeConvention(base)
  const conventions =
    process.env.OBJECTIVES_SPREAD === "1"
      ? Array.from({ length: N }, (_, i) => ({ ...base, id: `cpo-${i}` }))
      : parsePortfolio({
          partners: portfolioJson.partners,
          conventions: Array.from({ length: N }, (_, i) => ({ ...baseJson, id: `cpo-${i}` }))
        }).conventions
  const bodies = ["sdaf", "sdaf", "ctg"]
  const texts = []
  const records = conventions.map((convention, c) => {
    const json = Array.from({ length: 100 }, (_, r) => {
      const kind = pick(random, ACTIVITY_KINDS)
      const month = 1 + Math.floor(random() * 12)
      const structure = {
        id: `s-${c}-${Math.floor(random() * 12)}`,
        legalForm: random() < 0.9 ? "association-loi-1901" : "collectivite",
        departement: random() < 0.9 ? "91" : "77",
        situation: pick(random, SITUATIONS)
      }
      return {
        id: `${convention.id}-r${r}`,
        date: `${random() < 0.9 ? 2024 : 2023}-${String(month).padStart(2, "0")}-15`,
        kind,
        structures: kind === "accompagnement-individuel" || kind === "diagnostic" ? [structure] : [],
        sector: random() < 0.9 ? pick(random, SECTORS.slice(0, 5)) : pick(random, SECTORS),
        ...(kind === "reunion-instance" ? { body: pick(random, bodies) } : {}),
        hours: 2,
        fundedBy: random() < 0.05 ? ["fpt"] : []
      }
    })
    texts.push(JSON.stringify(json))
    return parseActivities(json)
  })
  function hand(convention, records) {
    const sectors = new Set(convention.terms.sectors)
    const situations = new Set(["en-difficulte", "en-developpement", "en-difficulte-et-en-developpement"])
    const admissible = new Set(["association-loi-1901", "scic", "scop", "fondation", "mutuelle", "entreprise-esus"])
    const seen = new Set()
    const structures = new Set()
    let a = 0,
      b = 0,
      d = 0
    for (const record of records) {
      if (seen.has(record.id) || record.date < "2024-01-01" || record.date > "2024-12-31") continue
      seen.add(record.id)
      if (record.sector !== undefined && !sectors.has(record.sector)) continue
      if (record.fundedBy.includes("fpt")) continue
      if (record.kind === "reunion-coordination-caf") a++
      else if (record.kind === "action-collective") b++
      else if (record.kind === "reunion-instance" && record.body === "sdaf") d++
      else if (record.kind === "accompagnement-individuel")
        for (const s of record.structures)
          if (
            situations.has(s.situation) &&
            admissible.has(s.legalForm) &&
            s.departement === "91" &&
            s.id !== convention.partnerId
          )
            structures.add(s.id)
    }
    return [a, structures.size, b, d]
  }
  return { base, portfolioJson, conventions, records, texts, hand }
}
