/**
 * The French sentences of the budget checks, of the partner's public subsidies and of the compte
 * rendu financier's findings: each function takes typed facts (amounts as {@link Euros}, exact
 * shares, years, ids, codes of funders) and returns the sentence, so that the checks assemble no
 * French themselves.
 *
 * @module
 * @internal
 */
import type { FunderKind } from "../budget/budget.js"
import { type Rational, toFraction } from "../core/fraction.js"
import type { Euros } from "../money/euros.js"
import { FUNDER_NAMES } from "./funders.js"
import { percentText, signedAmount, signedPercentText } from "./labels.js"

const FUNDER_KIND_LABELS: Readonly<Record<FunderKind, string>> = FUNDER_NAMES

/** @internal A share as a French percentage with one decimal at most: `81,3 %`. */
export const sharePercentText = (share: Rational): string => percentText(toFraction(share), 1)

/** @internal A finding about one budget: its name, then the sentence. */
export const budgetFindingText = (name: string, sentence: string): string => `${name} : ${sentence}`

/** @internal The name of a budget: of the whole work, or of one action. */
export const budgetName = (year: number, actionId: string | undefined): string =>
  `Budget ${year}${actionId === undefined ? "" : ` de l'action ${actionId}`}`

/** @internal Two budgets for one year and one action. */
export const budgetDuplicateText = (name: string): string =>
  `${name} : un autre budget porte sur la même année et la même action.`

/** @internal A budget for a year the convention does not cover. */
export const budgetYearNotCoveredText = (name: string, year: number): string =>
  `${name} : l'année ${year} n'est pas couverte par la convention.`

/** @internal A line of charges of a budget. */
export interface ChargeFact {
  readonly account: string
  readonly label?: string | undefined
  readonly amount: Euros
}

/**
 * The names of the two-digit accounts of the plan comptable général that a budget or a compte
 * rendu financier of an association uses, where the library knows them for sure (the accounts 71,
 * 72, 73 and 79 have none here: their names differ between the plans and their versions).
 */
const ACCOUNT_NAMES: Readonly<Record<string, string>> = {
  "60": "Achats",
  "61": "Services extérieurs",
  "62": "Autres services extérieurs",
  "63": "Impôts, taxes et versements assimilés",
  "64": "Charges de personnel",
  "65": "Autres charges de gestion courante",
  "66": "Charges financières",
  "67": "Charges exceptionnelles",
  "68": "Dotations aux amortissements, aux dépréciations et aux provisions",
  "70": "Ventes de produits fabriqués, prestations de services, marchandises",
  "74": "Subventions d'exploitation",
  "75": "Autres produits de gestion courante",
  "76": "Produits financiers",
  "77": "Produits exceptionnels",
  "78": "Reprises sur amortissements, dépréciations et provisions",
  "86": "Emplois des contributions volontaires en nature",
  "87": "Contributions volontaires en nature"
}

/**
 * @internal The name of an account (its first two digits, "6064" is in "Achats"), where the
 * library knows it.
 */
export const accountName = (account: string): string | undefined =>
  Object.hasOwn(ACCOUNT_NAMES, account.slice(0, 2)) ? ACCOUNT_NAMES[account.slice(0, 2)] : undefined

/**
 * @internal A line's account as a sentence names it: "64 Charges de personnel" (the line's own
 * label, or the account's name), "compte 79" when it has neither.
 */
export const accountText = (account: string, label: string | undefined): string => {
  const name = label ?? accountName(account)
  return name === undefined ? `compte ${account}` : `${account} ${name}`
}

/** @internal The cost of the action: its charges, and the voluntary contributions in kind set apart. */
export const budgetCostText = (
  charges: ReadonlyArray<ChargeFact>,
  cost: Euros,
  inKind: { readonly uses: Euros; readonly contributions: Euros }
): string => {
  const lines = charges.map((line) => `${line.amount.format()} (${accountText(line.account, line.label)})`).join(" + ")
  const apart =
    inKind.uses.isZero() && inKind.contributions.isZero()
      ? "."
      : ` ; contributions volontaires en nature à part, hors coût et hors financement : emplois (86) ${inKind.uses.format()}, contributions (87) ${inKind.contributions.format()}.`
  return `Charges prévues (comptes 60 à 68) : ${lines} = ${cost.format()}${apart}`
}

/** @internal The Caf's line of a budget differs from the convention's amount for the year. */
export const cafAmountDiffersText = (name: string, caf: Euros, year: number, yearAmount: Euros): string =>
  `${name} : la ligne de la Caf (${caf.format()}) diffère du montant de la convention pour ${year} (${yearAmount.format()}).`

/** @internal A budget whose cost is zero: the Caf's share cannot be computed. */
export const zeroCostText = (name: string): string =>
  `${name} : le coût prévu est nul, la part de la Caf ne peut pas être calculée.`

/** @internal The Caf's share of the cost, without a cap. */
export const cafShareText = (caf: Euros, cost: Euros, share: Rational): string =>
  `La Caf finance ${caf.format()} sur ${cost.format()}, soit ${sharePercentText(share)} du coût ; aucun plafond n'est fixé.`

/** @internal The Caf's share of the cost against its cap; `excess` is the part above the cap, if any. */
export const cafShareCappedText = (
  caf: Euros,
  cost: Euros,
  share: Rational,
  cap: { readonly ratio: Rational; readonly amount: Euros; readonly excess: Euros | undefined }
): string =>
  `La Caf finance ${caf.format()} sur ${cost.format()}, soit ${sharePercentText(share)} du coût ; plafond ${sharePercentText(cap.ratio)}, soit ${cap.amount.format()} au plus${cap.excess === undefined ? " : dans le plafond" : ` : ${cap.excess.format()} au-dessus du plafond`}.`

/** @internal A funder of a budget: its kind, its name, the amount retained and whether it is only requested. */
export interface FunderFact {
  readonly kind: FunderKind
  readonly name: string
  readonly retained: Euros
  readonly requested: boolean
}

/** @internal The funders of a budget and their total. */
export const fundersText = (funders: ReadonlyArray<FunderFact>, total: Euros): string =>
  funders.length === 0
    ? "aucun financeur n'est inscrit"
    : `${funders.map((funder) => `${FUNDER_KIND_LABELS[funder.kind]} (${funder.name}) ${funder.retained.format()}${funder.requested ? " demandés" : ""}`).join(" + ")} = ${total.format()}`

/** @internal Funding above the cost: each share is prorated, the Caf's down to the cent. */
export const overfundingText = (
  funders: string,
  facts: {
    readonly overfunding: Euros
    readonly cost: Euros
    readonly caf: Euros
    readonly funding: Euros
    readonly proratedCaf: Euros
  }
): string =>
  `Financements : ${funders}, soit ${facts.overfunding.format()} de plus que le coût (${facts.cost.format()}) : chaque participation est ramenée au prorata du coût, celle de la Caf à ${facts.caf.format()} × ${facts.cost.format()} / ${facts.funding.format()} = ${facts.proratedCaf.format()} (arrondi au centime inférieur).`

/** @internal Funding at most the cost: `gap` is what it falls short of the cost by. */
export const fundedWithinCostText = (funders: string, gap: Euros, cost: Euros): string =>
  `Financements : ${funders}${gap.isZero() ? ", égal au coût" : `, soit ${gap.format()} de moins que le coût (${cost.format()})`} : pas de proratisation.`

/** @internal The budget in one line: its cost, its funding and the Caf's share admitted. */
export const budgetSummaryText = (cost: Euros, funding: Euros, awardedCaf: Euros, caf: Euros): string =>
  `Coût ${cost.format()}, financements ${funding.format()}, participation de la Caf admise ${awardedCaf.format()}${awardedCaf.equals(caf) ? "" : ` au lieu de ${caf.format()}`}.`

// ---------------------------------------------------------------------------------------------
// The partner's public subsidies

/** @internal A public subsidy of the partner in a year: from a convention, or from a budget's funder. */
export type SubsidyFact =
  | {
      readonly source: "convention"
      readonly amount: Euros
      readonly conventionId: string
      readonly funderName: string
    }
  | {
      readonly source: "budget"
      readonly amount: Euros
      readonly conventionId: string
      readonly funderKind: FunderKind
      readonly funderName: string
    }

/** @internal A funder's amount not counted in the total, and why (`reason`, a whole phrase). */
export interface NotCountedSubsidyFact {
  readonly funderKind: FunderKind
  readonly funderName: string
  readonly amount: Euros
  readonly reason: string
}

/** @internal The subsidies of the year and their total. */
export const subsidiesText = (subsidies: ReadonlyArray<SubsidyFact>, total: Euros): string =>
  subsidies.length === 0
    ? "aucune subvention publique"
    : `${subsidies.map((subsidy) => `${subsidy.amount.format()} (${subsidy.source === "convention" ? `convention ${subsidy.conventionId}, ${subsidy.funderName}` : `${FUNDER_KIND_LABELS[subsidy.funderKind]}, ${subsidy.funderName}, budget de ${subsidy.conventionId}`})`).join(" + ")} = ${total.format()}`

/** @internal Public subsidies above the threshold of the certified accounts (`subsidies`: {@link subsidiesText}). */
export const auditorRequiredText = (partnerName: string, year: number, subsidies: string, threshold: Euros): string =>
  `${partnerName} reçoit en ${year} ${subsidies} de subventions publiques en numéraire, au-dessus de ${threshold.format()} : vérifier que le partenaire établit des comptes annuels (bilan, compte de résultat, annexe), les fait certifier par un commissaire aux comptes et les publie.`

/** @internal Public subsidies above the threshold of the filing at the prefecture. */
export const prefectureFilingText = (partnerName: string, year: number, total: Euros, threshold: Euros): string =>
  `${partnerName} reçoit en ${year} ${total.format()} de l'ensemble des autorités administratives, au-dessus de ${threshold.format()} : vérifier que le partenaire dépose à la préfecture son budget, ses comptes, les conventions et les comptes rendus financiers.`

/** @internal Public subsidies at or under the threshold, or none at all. */
export const belowAuditorText = (
  partnerName: string,
  year: number,
  subsidies: ReadonlyArray<SubsidyFact>,
  total: Euros,
  threshold: Euros
): string =>
  subsidies.length === 0
    ? `${partnerName} ne reçoit en ${year} aucune subvention publique : ni commissaire aux comptes ni dépôt à la préfecture au titre des subventions.`
    : `${partnerName} reçoit en ${year} ${subsidiesText(subsidies, total)} de subventions publiques, pas au-dessus de ${threshold.format()} : ni commissaire aux comptes ni dépôt à la préfecture au titre des subventions.`

/** @internal Why a draft's amount is not counted among the partner's subsidies. */
export const DRAFT_NOT_AWARDED = "projet de convention non signé : la subvention n'est pas encore attribuée"

/** @internal A co-funder's grant above the threshold of the written convention. */
export const cofunderWrittenText = (
  funderKind: FunderKind,
  funderName: string,
  amount: Euros,
  year: number,
  threshold: Euros
): string =>
  `${FUNDER_KIND_LABELS[funderKind]} (${funderName}) accorde ${amount.format()} en ${year}, au-dessus de ${threshold.format()} : cette subvention demande elle aussi une convention écrite avec ce financeur.`

/** @internal One grant found in the budgets of two conventions. */
export const countedTwiceText = (
  funderKind: FunderKind,
  funderName: string,
  amount: Euros,
  conventionIds: readonly [string, string]
): string =>
  `${FUNDER_KIND_LABELS[funderKind]} (${funderName}) figure pour ${amount.format()} dans les budgets de ${conventionIds[0]} et de ${conventionIds[1]} : s'il s'agit de la même subvention, elle est comptée deux fois dans le total.`

/** @internal The label of the explanation of a partner's public subsidies of a year. */
export const publicSubsidiesLabel = (year: number, partnerName: string): string =>
  `Subventions publiques ${year} : ${partnerName}`

/** @internal The subsidies against the threshold, and those not counted. */
export const publicSubsidiesSentence = (
  subsidies: string,
  above: boolean,
  threshold: Euros,
  notCounted: ReadonlyArray<NotCountedSubsidyFact>
): string =>
  `${subsidies}${above ? `, au-dessus de ${threshold.format()}` : `, pas au-dessus de ${threshold.format()}`}${notCounted.length === 0 ? "" : ` ; non comptés : ${notCounted.map((entry) => `${FUNDER_KIND_LABELS[entry.funderKind]} (${entry.funderName}) ${entry.amount.format()}, ${entry.reason}`).join(" ; ")}`}.`

/** @internal Two sources cited together. */
export const sourcesText = (first: string, second: string): string => `${first} ; ${second}`

// ---------------------------------------------------------------------------------------------
// The compte rendu financier

/** @internal The source of the tolerance on the variances: the financial report's text and the convention. */
export const varianceToleranceSource = (financialReportSource: string): string =>
  `${financialReportSource} ; convention (tolérance sur les écarts)`

/**
 * @internal The label of a line of the report without its own: its funder, or its account's name
 * ("Autres charges de gestion courante"), or "compte 79" when the library does not know it.
 */
export const reportLineLabel = (
  account: string,
  funder: { readonly kind: FunderKind; readonly name?: string | undefined } | undefined
): string =>
  funder === undefined
    ? (accountName(account) ?? `compte ${account}`)
    : `${FUNDER_KIND_LABELS[funder.kind]}${funder.name === undefined ? "" : ` (${funder.name})`}`

/** @internal A line whose variance is beyond the convention's tolerance and not explained. */
export const unexplainedVarianceText = (
  year: number,
  line: { readonly label: string; readonly account: string; readonly forecast: Euros; readonly actual: Euros },
  variance: { readonly amount: Euros; readonly share: Rational | undefined },
  tolerance: Rational
): string =>
  `${year}, ${line.label} (compte ${line.account}) : prévu ${line.forecast.format()}, réalisé ${line.actual.format()}, écart ${signedAmount(variance.amount)}${variance.share === undefined ? "" : ` (${signedPercentText(toFraction(variance.share))})`}, au-delà de la tolérance de ${sharePercentText(tolerance)} fixée par la convention, sans explication.`

/** @internal A line with no forecast, in the report or in the budget. */
export const noForecastText = (year: number, label: string, account: string): string =>
  `${year}, ${label} (compte ${account}) : aucun montant prévu, ni dans le compte rendu ni dans le budget ; l'écart est compté sur un prévu nul.`

/** The explanation's line of a budget whose cost is nil. */
export const ZERO_COST_SENTENCE = "Coût nul : la part de la Caf ne peut pas être calculée."

/** @internal Why European funds count only when a French authority pays them. */
export const EUROPEAN_FUNDS_REASON =
  "fonds européens : à compter seulement s'ils sont versés par une autorité administrative française"
