/**
 * Eligibility: 100 000 generated candidates screened against the founding convention by a
 * hand-written loop (the floor), the verdict-only path, the explained path, json-rules-engine and
 * publicodes, the same rules written for each, checking that all five agree on every verdict.
 */
import { Engine as RulesEngine } from "json-rules-engine"
import Publicodes from "publicodes"
import {
  ACCOMPANIMENT_KINDS,
  ADMISSIBLE_LEGAL_FORMS,
  type Candidate,
  type Convention,
  LEGAL_FORMS,
  SECTORS,
  SITUATIONS,
  compileEligibility,
  eligibilityContext,
  parseCandidates,
  periodsOverlap,
  screenEligibility
} from "caf-conventions"
import { type BenchRow, foundingConvention, interleavedMedians, medianMs, perSecond, pick, seeded } from "./support.js"

const DATE = "2024-06-01"

export function generate(count: number): Array<Candidate> {
  const random = seeded(20240601)
  const departements = ["91", "91", "91", "77", "75"]
  const structures = ["fase", ...Array.from({ length: 200 }, (_, i) => `structure-${i}`)]
  return Array.from({ length: count }, (_, index): Candidate => {
    const funded = random() < 0.1
    return {
      id: `c-${index}`,
      structureId: pick(random, structures),
      legalForm: random() < 0.8 ? "association-loi-1901" : pick(random, LEGAL_FORMS),
      departement: pick(random, departements) as Candidate["departement"],
      situation: pick(random, SITUATIONS),
      employer: random() < 0.7,
      sector: random() < 0.85 ? pick(random, SECTORS.slice(0, 5)) : pick(random, SECTORS),
      accompanimentKind: pick(random, ACCOMPANIMENT_KINDS),
      otherFunding: funded
        ? [
            {
              scheme: pick(random, ["fpt", "dla", "action-sociale-caf"] as const),
              ...(random() < 0.3 ? { conventionId: "cpo-ville" } : {})
            }
          ]
        : []
    }
  })
}

/** The flat facts both external engines read; the double-funding test over a list is computed once, the same way for both. */
function facts(candidate: Candidate, convention: Convention) {
  const context = eligibilityContext(convention, DATE as never)
  const doubleFunded = candidate.otherFunding.some(
    (funding) =>
      (context.terms.excludedSchemes.includes(funding.scheme) ||
        (funding.conventionId !== undefined && funding.conventionId !== convention.id)) &&
      (funding.period === undefined || periodsOverlap(funding.period, context.exercise))
  )
  return {
    ...candidate,
    inForce: context.status === "in-force",
    doubleFunded,
    isPartner: candidate.structureId === convention.partnerId
  }
}

/**
 * The hand-written floor: the same eight rules as plain code over the candidates themselves (not
 * over precomputed facts), the convention's terms read once, lists turned into sets once.
 */
function handWritten(convention: Convention): (candidate: Candidate) => boolean {
  const context = eligibilityContext(convention, DATE as never)
  const { terms } = context
  const inForce = context.status === "in-force"
  const sectors = new Set<string>(terms.sectors)
  const kinds = new Set<string>(terms.accompanimentKinds)
  const territory = new Set<string>(terms.territory)
  const forms = new Set<string>(ADMISSIBLE_LEGAL_FORMS)
  const excluded = new Set<string>(terms.excludedSchemes)
  const individualSituations = new Set(["en-difficulte", "en-developpement", "en-difficulte-et-en-developpement"])
  return (candidate) => {
    if (!inForce || !sectors.has(candidate.sector) || !kinds.has(candidate.accompanimentKind)) return false
    if (candidate.accompanimentKind === "individuel" && !individualSituations.has(candidate.situation)) return false
    if (!territory.has(candidate.departement) || !forms.has(candidate.legalForm)) return false
    if (candidate.structureId === convention.partnerId) return false
    for (const funding of candidate.otherFunding) {
      const other =
        excluded.has(funding.scheme) || (funding.conventionId !== undefined && funding.conventionId !== convention.id)
      if (other && (funding.period === undefined || periodsOverlap(funding.period, context.exercise))) return false
    }
    return true
  }
}

function jsonRulesEngine(convention: Convention): RulesEngine {
  const { terms } = convention
  const engine = new RulesEngine([], { allowUndefinedFacts: true })
  engine.addRule({
    conditions: {
      all: [
        { fact: "inForce", operator: "equal", value: true },
        { fact: "sector", operator: "in", value: [...terms.sectors] },
        { fact: "accompanimentKind", operator: "in", value: [...terms.accompanimentKinds] },
        {
          any: [
            { fact: "accompanimentKind", operator: "notEqual", value: "individuel" },
            {
              fact: "situation",
              operator: "in",
              value: ["en-difficulte", "en-developpement", "en-difficulte-et-en-developpement"]
            }
          ]
        },
        { fact: "departement", operator: "in", value: [...terms.territory] },
        { fact: "legalForm", operator: "in", value: [...ADMISSIBLE_LEGAL_FORMS] },
        { fact: "isPartner", operator: "equal", value: false },
        { fact: "doubleFunded", operator: "equal", value: false }
      ]
    },
    event: { type: "eligible" }
  })
  return engine
}

function publicodesEngine(convention: Convention): Publicodes {
  const { terms } = convention
  const oneOf = (name: string, values: ReadonlyArray<string>) => ({
    "une de ces conditions": values.map((value) => `candidat . ${name} = '${value}'`)
  })
  const input = { "par défaut": "'aucun'" }
  return new Publicodes({
    candidat: null,
    "candidat . secteur": input,
    "candidat . accompagnement": input,
    "candidat . situation": input,
    "candidat . département": input,
    "candidat . forme juridique": input,
    "candidat . convention en vigueur": { "par défaut": "non" },
    "candidat . partenaire": { "par défaut": "non" },
    "candidat . double financement": { "par défaut": "non" },
    "secteur couvert": oneOf("secteur", terms.sectors),
    "accompagnement prévu": oneOf("accompagnement", terms.accompanimentKinds),
    "situation admise": {
      "une de ces conditions": [
        "candidat . accompagnement != 'individuel'",
        ...["en-difficulte", "en-developpement", "en-difficulte-et-en-developpement"].map(
          (s) => `candidat . situation = '${s}'`
        )
      ]
    },
    territoire: oneOf("département", terms.territory),
    "forme admissible": oneOf("forme juridique", [...ADMISSIBLE_LEGAL_FORMS]),
    éligible: {
      "toutes ces conditions": [
        "candidat . convention en vigueur",
        "secteur couvert",
        "accompagnement prévu",
        "situation admise",
        "territoire",
        "forme admissible",
        "candidat . partenaire = non",
        "candidat . double financement = non"
      ]
    }
  } as never)
}

export async function eligibilityBench(count = 100_000): Promise<ReadonlyArray<BenchRow>> {
  const convention = foundingConvention()
  // Decoded once, as an application reads a batch file (parseCandidates), outside the timings.
  const candidates = parseCandidates(generate(count))
  const flat = candidates.map((candidate) => facts(candidate, convention))

  // The verdict path and its floor run in turn, round after round, so that neither profits from
  // a JIT the other warmed or pays for a collection the other left.
  const side = await interleavedMedians(
    9,
    () => candidates.map(compileEligibility(convention, { date: DATE })),
    () => candidates.map(handWritten(convention))
  )
  const verdict = side.a
  const floor = side.b
  const explained = await medianMs(3, () =>
    screenEligibility(convention, candidates, { date: DATE }).lines.map((line) => line.status === "eligible")
  )

  const rulesEngine = jsonRulesEngine(convention)
  const jre = await medianMs(1, async () => {
    const out: Array<boolean> = []
    for (const candidate of flat) out.push((await rulesEngine.run(candidate)).events.length > 0)
    return out
  })

  const publicodes = publicodesEngine(convention)
  const yesNo = (value: boolean) => (value ? "oui" : "non")
  const pc = await medianMs(1, () =>
    flat.map((candidate) => {
      publicodes.setSituation({
        "candidat . secteur": `'${candidate.sector}'`,
        "candidat . accompagnement": `'${candidate.accompanimentKind}'`,
        "candidat . situation": `'${candidate.situation}'`,
        "candidat . département": `'${candidate.departement}'`,
        "candidat . forme juridique": `'${candidate.legalForm}'`,
        "candidat . convention en vigueur": yesNo(candidate.inForce),
        "candidat . partenaire": yesNo(candidate.isPartner),
        "candidat . double financement": yesNo(candidate.doubleFunded)
      })
      return publicodes.evaluate("éligible").nodeValue === true
    })
  )

  const reference = verdict.result
  const disagreements = [floor.result, explained.result, jre.result, pc.result].map(
    (other) => other.filter((value, i) => value !== reference[i]).length
  )
  const eligible = reference.filter(Boolean).length
  const agree = disagreements.every((n) => n === 0)
    ? `all five agree on ${count} verdicts (${eligible} eligible)`
    : `DISAGREEMENTS: ${disagreements.join(", ")}`
  const rows: Array<BenchRow> = [
    {
      benchmark: "eligibility",
      variant: "hand-written loop (the floor)",
      median: `${floor.ms.toFixed(1)} ms`,
      throughput: perSecond(count, floor.ms),
      note: agree
    },
    {
      benchmark: "eligibility",
      variant: "compileEligibility (verdict only)",
      median: `${verdict.ms.toFixed(1)} ms`,
      throughput: perSecond(count, verdict.ms),
      note: `${side.ratio.toFixed(1)}× the floor (median of 9 interleaved rounds)`
    },
    {
      benchmark: "eligibility",
      variant: "screenEligibility (explained)",
      median: `${explained.ms.toFixed(1)} ms`,
      throughput: perSecond(count, explained.ms),
      note: `${(explained.ms / verdict.ms).toFixed(1)}× the verdict path, ${(explained.ms / floor.ms).toFixed(1)}× the floor; json-rules-engine is ${(jre.ms / explained.ms).toFixed(1)}× it`
    },
    {
      benchmark: "eligibility",
      variant: "json-rules-engine 7",
      median: `${jre.ms.toFixed(1)} ms`,
      throughput: perSecond(count, jre.ms),
      note: `${(jre.ms / verdict.ms).toFixed(0)}× the verdict path (1 run)`
    },
    {
      benchmark: "eligibility",
      variant: "publicodes 1",
      median: `${pc.ms.toFixed(1)} ms`,
      throughput: perSecond(count, pc.ms),
      note: `${(pc.ms / verdict.ms).toFixed(0)}× the verdict path (1 run)`
    }
  ]
  return rows
}
