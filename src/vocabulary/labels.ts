/**
 * One set of French labels for what the results hold as codes and numbers: the status of a
 * convention, the rules that failed, units, percentages. Renderers (Markdown, HTML, tables) and the
 * CLI read these, so that one code has one wording wherever it is printed. Amounts have their one
 * formatter already: {@link Euros.format} (`"30 000,00 €"`).
 *
 * @module
 */
import { type Fraction, type Rational, rational, rationalOf, roundRational } from "../core/fraction.js"
import { InvalidArgumentError } from "../core/errors.js"
import type { ConventionStatus } from "../conventions/terms-as-of.js"
import type { InstalmentStatus, NotOwedReason } from "../funding/facts.js"
import type { Euros } from "../money/euros.js"
import type { ObjectiveStatus } from "../objectives/facts.js"
import type { ExclusionReason } from "../objectives/exclusion.js"
import type { RepublicanCommitmentBasis } from "../partners/republican-commitment-schema.js"
import { LEGAL_TEXTS } from "./sources.js"

/**
 * The status of a convention on a day, in a word or two, as reports and the CLI print it.
 *
 * @example
 * ```ts
 * import { CONVENTION_STATUS_LABELS } from "caf-conventions"
 * CONVENTION_STATUS_LABELS.draft //=> "projet"
 * CONVENTION_STATUS_LABELS["in-force"] //=> "en vigueur"
 * ```
 * @category labels
 */
export const CONVENTION_STATUS_LABELS: Readonly<Record<ConventionStatus, string>> = {
  draft: "projet",
  signed: "signée, pas encore commencée",
  "in-force": "en vigueur",
  ended: "échue",
  terminated: "résiliée",
  withdrawn: "subvention retirée"
}

/**
 * Why a convention is not in force on a day, as the end of a sentence ("La convention … n'est pas
 * en vigueur le 01/06/2022 : pas encore signée."): the status, said in full.
 *
 * @example
 * ```ts
 * import { CONVENTION_STATUS_REASONS } from "caf-conventions"
 * CONVENTION_STATUS_REASONS.draft //=> "pas encore signée"
 * ```
 * @category labels
 */
export const CONVENTION_STATUS_REASONS: Readonly<Record<ConventionStatus, string>> = {
  ...CONVENTION_STATUS_LABELS,
  draft: "pas encore signée",
  withdrawn: "subvention retirée pour manquement au contrat d'engagement républicain"
}

/**
 * A rule that made a verdict fail: its id, its French label, and whether it is a condition the
 * tree excludes (`not`) and that held.
 *
 * @example
 * ```ts
 * import type { RuleFailure } from "caf-conventions"
 * const failure: RuleFailure = { ruleId: "territory", label: "Territoire couvert", excluded: false }
 * ```
 * @category labels
 */
export interface RuleFailure {
  /** The rule's id. */
  readonly ruleId: string
  /** The rule's label, in French. */
  readonly label: string
  /** True when the rule is excluded by the tree (`not`) and held. */
  readonly excluded: boolean
}

/**
 * A failed eligibility rule in French: its label, or "non : label" for a condition the tree
 * excludes and that held.
 *
 * @example
 * ```ts
 * import { ruleFailureLabel } from "caf-conventions"
 * ruleFailureLabel({ ruleId: "territory", label: "Territoire couvert", excluded: false }) //=> "Territoire couvert"
 * ruleFailureLabel({ ruleId: "employer", label: "Structure employeuse", excluded: true }) //=> "non : Structure employeuse"
 * ```
 * @category labels
 */
export function ruleFailureLabel(failure: RuleFailure): string {
  if (failure === null || typeof failure !== "object" || typeof failure.label !== "string")
    throw new InvalidArgumentError({ argument: "failure", message: "expected a failure of an eligibility result" })
  return failure.excluded === true ? `non : ${failure.label}` : failure.label
}

/**
 * "condition non remplie : A", "conditions non remplies : A, B": the failed rules of a verdict.
 *
 * @example
 * ```ts
 * import { unmetConditions } from "caf-conventions"
 * unmetConditions([{ ruleId: "territory", label: "Territoire couvert", excluded: false }])
 * //=> "condition non remplie : Territoire couvert"
 * ```
 * @category labels
 */
export function unmetConditions(failures: ReadonlyArray<RuleFailure>): string {
  if (!Array.isArray(failures))
    throw new InvalidArgumentError({ argument: "failures", message: "expected the failures of an eligibility result" })
  const labels = failures.map(ruleFailureLabel)
  return `${labels.length > 1 ? "conditions non remplies" : "condition non remplie"} : ${labels.join(", ")}`
}

/**
 * A unit of the quantities the library counts, with its singular and plural.
 *
 * @example
 * ```ts
 * import { UNIT_LABELS, type UnitLabel } from "caf-conventions"
 * const day: UnitLabel = UNIT_LABELS.day
 * day.plural //=> "jours"
 * ```
 * @category labels
 */
export interface UnitLabel {
  /** For 0 and 1 (and less). */
  readonly singular: string
  /** From 2 (more than 1). */
  readonly plural: string
}

/**
 * The units the results count in.
 *
 * @example
 * ```ts
 * import { UNIT_LABELS } from "caf-conventions"
 * UNIT_LABELS.meeting.singular //=> "réunion"
 * ```
 * @category labels
 */
export const UNIT_LABELS: Readonly<Record<"day" | "hour" | "action" | "meeting" | "structure", UnitLabel>> = {
  day: { singular: "jour", plural: "jours" },
  hour: { singular: "heure", plural: "heures" },
  action: { singular: "action", plural: "actions" },
  meeting: { singular: "réunion", plural: "réunions" },
  structure: { singular: "structure distincte", plural: "structures distinctes" }
}

/**
 * A count with its unit, in the singular below 2, in the plural from 2 on: "1 jour", "1,5 jour", "12 jours".
 *
 * @example
 * ```ts
 * import { UNIT_LABELS, quantityText } from "caf-conventions"
 * quantityText(12, UNIT_LABELS.day) //=> "12 jours"
 * quantityText(1, UNIT_LABELS.day) //=> "1 jour"
 * ```
 * @category labels
 */
export function quantityText(count: number, unit: UnitLabel): string {
  if (!Number.isFinite(count)) throw new InvalidArgumentError({ argument: "count", message: "expected a number" })
  if (unit === null || typeof unit !== "object" || typeof unit.singular !== "string" || typeof unit.plural !== "string")
    throw new InvalidArgumentError({ argument: "unit", message: "expected { singular, plural }" })
  return `${String(count).replace(".", ",")} ${count < 2 ? unit.singular : unit.plural}`
}

const DECIMAL = /^-?\d+(\.\d+)?$/u

function rationalOfInput(value: Fraction | number | string): Rational | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? rationalOf(value) : undefined
  if (typeof value === "string") {
    if (!DECIMAL.test(value)) return undefined
    const [whole = "0", decimals = ""] = value.replace("-", "").split(".")
    const sign = value.startsWith("-") ? -1n : 1n
    return rational(sign * BigInt(whole + decimals), 10n ** BigInt(decimals.length))
  }
  if (value === null || typeof value !== "object") return undefined
  const { numerator, denominator } = value
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) return undefined
  return rational(BigInt(numerator), BigInt(denominator))
}

/**
 * A share as a French percentage, the one formatter of the library for a fraction (`{ 13, 16 }`,
 * an achievement, a consumption rate) and for a decimal (`"0.025"` or `0.025`, a rate or a
 * tolerance read from a convention): "81,3 %", "2,5 %". A fraction is rounded half-up to
 * `digits` decimals (1 by default); a decimal is written exactly unless `digits` is given.
 * Trailing zeros are dropped.
 *
 * @example
 * ```ts
 * import { percentText } from "caf-conventions"
 * percentText({ numerator: 13, denominator: 16 }) //=> "81,3 %"
 * percentText("0.025") //=> "2,5 %"
 * percentText(0.07) //=> "7 %"
 * percentText({ numerator: 2, denominator: 3 }, 0) //=> "67 %"
 * ```
 * @category labels
 */
export function percentText(value: Fraction | number | string, digits?: number): string {
  const share = rationalOfInput(value)
  if (share === undefined)
    throw new InvalidArgumentError({
      argument: "value",
      message: 'expected a share: { numerator, denominator }, a finite number or a decimal string such as "0.025"'
    })
  if (digits !== undefined && (!Number.isSafeInteger(digits) || digits < 0 || digits > 20))
    throw new InvalidArgumentError({ argument: "digits", message: "expected a number of decimals from 0 to 20" })
  const places = digits ?? (typeof value === "object" ? 1 : 20)
  const scale = 10n ** BigInt(places)
  const scaled = roundRational(rational(share.n * 100n * scale, share.d), "half-up")
  const negative = scaled < 0n
  const text = (negative ? -scaled : scaled).toString().padStart(places + 1, "0")
  const whole = text.slice(0, text.length - places)
  const decimals = text.slice(text.length - places).replace(/0+$/u, "")
  return `${negative ? "-" : ""}${whole}${decimals === "" ? "" : `,${decimals}`} %`
}

/**
 * The status of an objective in a word or two, as the reports' tables and charts write it.
 *
 * @example
 * ```ts
 * import { OBJECTIVE_STATUS_LABELS } from "caf-conventions"
 * OBJECTIVE_STATUS_LABELS["not-met"] //=> "non atteint"
 * ```
 * @category labels
 */
export const OBJECTIVE_STATUS_LABELS: Readonly<Record<ObjectiveStatus, string>> = {
  met: "atteint",
  "not-met": "non atteint",
  "in-progress": "en cours",
  "not-started": "année non commencée",
  "not-applicable": "sans objet"
}

/**
 * French labels of the instalment statuses.
 *
 * @example
 * ```ts
 * import { INSTALMENT_STATUS_LABELS } from "caf-conventions"
 * INSTALMENT_STATUS_LABELS.late //=> "en retard"
 * ```
 * @category labels
 */
export const INSTALMENT_STATUS_LABELS: Readonly<Record<InstalmentStatus, string>> = {
  paid: "payé",
  "paid-late": "payé en retard",
  "partly-paid": "payé en partie",
  overpaid: "trop payé",
  unpaid: "non payé",
  "not-yet-due": "pas encore exigible",
  due: "exigible",
  late: "en retard",
  "not-owed": "non dû"
}

/**
 * Why an instalment is not owed, in French, as its status shows it in parentheses: « non dû
 * (convention résiliée) ».
 *
 * @example
 * ```ts
 * import { NOT_OWED_REASON_LABELS } from "caf-conventions"
 * NOT_OWED_REASON_LABELS.termination //=> "convention résiliée"
 * ```
 * @category labels
 */
export const NOT_OWED_REASON_LABELS: Readonly<Record<NotOwedReason, string>> = {
  termination: "convention résiliée",
  withdrawal: "subvention retirée",
  offset: "réglé par le reliquat de l'année précédente",
  "entitlement-reached": "droit de l'année atteint"
}

/**
 * An instalment's status in French, with its days of delay or of advance: "en retard (12 jours)",
 * "payé (3 jours avant l'échéance)".
 *
 * @example
 * ```ts
 * import { instalmentStatusText } from "caf-conventions"
 * instalmentStatusText({ status: "late", daysLate: 12 }) //=> "en retard (12 jours)"
 * instalmentStatusText({ status: "paid", daysEarly: 1 }) //=> "payé (1 jour avant l'échéance)"
 * instalmentStatusText({ status: "not-owed", notOwed: "termination" }) //=> "non dû (convention résiliée)"
 * ```
 * @category labels
 */
export function instalmentStatusText(position: {
  readonly status: InstalmentStatus
  readonly notOwed?: NotOwedReason | undefined
  readonly daysLate?: number | undefined
  readonly daysEarly?: number | undefined
}): string {
  if (
    position === null ||
    typeof position !== "object" ||
    typeof position.status !== "string" ||
    !Object.hasOwn(INSTALMENT_STATUS_LABELS, position.status)
  )
    throw new InvalidArgumentError({ argument: "position", message: "expected an instalment position with its status" })
  // Days given as anything but a number, or a reason that is not a text, are refused like the status.
  for (const days of [position.daysLate, position.daysEarly])
    if (days !== undefined && typeof days !== "number")
      throw new InvalidArgumentError({ argument: "position", message: "expected its days late or early as a number" })
  if (position.notOwed !== undefined && typeof position.notOwed !== "string")
    throw new InvalidArgumentError({ argument: "position", message: "expected why it is not owed as a text" })
  const label = INSTALMENT_STATUS_LABELS[position.status]
  if (position.status === "not-owed")
    return `${label} (${NOT_OWED_REASON_LABELS[position.notOwed ?? "entitlement-reached"] ?? NOT_OWED_REASON_LABELS["entitlement-reached"]})`
  if (position.daysLate !== undefined) return `${label} (${quantityText(position.daysLate, UNIT_LABELS.day)})`
  return position.daysEarly === undefined
    ? label
    : `${label} (${quantityText(position.daysEarly, UNIT_LABELS.day)} avant l'échéance)`
}

/**
 * A signed amount, for a variance: "+3 000,00 €", "−15 000,00 €" (a minus sign, not a hyphen),
 * and zero without a sign.
 *
 * @example
 * ```ts
 * import { Euros, signedAmount } from "caf-conventions"
 * signedAmount(Euros.parse("-15000")) //=> "−15 000,00 €"
 * signedAmount(Euros.parse("3000")) //=> "+3 000,00 €"
 * ```
 * @category labels
 */
export function signedAmount(amount: Euros): string {
  if (amount === null || typeof amount !== "object" || typeof amount.isNegative !== "function")
    throw new InvalidArgumentError({ argument: "amount", message: "expected an amount in Euros" })
  return amount.isNegative() ? `−${amount.abs().format()}` : amount.isZero() ? amount.format() : `+${amount.format()}`
}

/**
 * A signed percentage, for a variance: "+30 %", "−17,6 %" (one decimal at most).
 *
 * @example
 * ```ts
 * import { signedPercentText } from "caf-conventions"
 * signedPercentText({ numerator: -3, denominator: 17 }) //=> "−17,6 %"
 * signedPercentText({ numerator: 3, denominator: 10 }) //=> "+30 %"
 * ```
 * @category labels
 */
export function signedPercentText(share: Fraction): string {
  const text = percentText(share, 1)
  if (text.startsWith("-")) return `−${text.slice(1)}`
  return share.numerator === 0 ? text : `+${text}`
}

/**
 * French labels of the exclusion reasons.
 *
 * @example
 * ```ts
 * import { EXCLUSION_REASON_LABELS } from "caf-conventions"
 * EXCLUSION_REASON_LABELS["outside-year"] //=> "hors de l'année"
 * ```
 * @category objectives
 */
export const EXCLUSION_REASON_LABELS: Readonly<Record<ExclusionReason, string>> = {
  "duplicate-id": "doublon",
  "outside-year": "hors de l'année",
  "after-as-of": "postérieur à la date d'arrêté",
  "objective-not-in-force": "antérieur à l'ajout de l'objectif",
  "other-kind": "autre type d'activité",
  "sector-not-covered": "secteur non couvert",
  "sector-not-targeted": "secteur non visé par l'objectif",
  "funded-elsewhere": "financé par ailleurs",
  "other-body": "autre instance",
  "other-theme": "autre thème",
  "no-duration": "durée non renseignée",
  "no-measure": "mesure non renseignée",
  "no-structure": "aucune structure",
  "situation-not-targeted": "situation non visée",
  "territory-not-targeted": "territoire non visé",
  "structure-not-eligible": "structure non éligible"
}

/**
 * French labels of the ways the obligation of the contrat d'engagement républicain is met.
 *
 * @example
 * ```ts
 * import { REPUBLICAN_COMMITMENT_BASIS_LABELS } from "caf-conventions"
 * REPUBLICAN_COMMITMENT_BASIS_LABELS["reconnaissance-utilite-publique"] //=> "reconnue d'utilité publique"
 * ```
 * @category partners
 */
export const REPUBLICAN_COMMITMENT_BASIS_LABELS: Readonly<Record<RepublicanCommitmentBasis, string>> = {
  souscription: "contrat souscrit",
  agrement: `agréée au titre de l'article 25-1 de la ${LEGAL_TEXTS["loi-2000-321"].short}`,
  "reconnaissance-utilite-publique": "reconnue d'utilité publique"
}
