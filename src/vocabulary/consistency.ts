/**
 * The words of the checks of conventions, amendments, objectives, activity records, payments,
 * budgets' accounts, partners and portfolios, in French and in English: the consistency rules
 * between a convention's fields (src/conventions/consistency.ts) and the checks of their schemas.
 * Each function takes the facts of one problem (dates written `yyyy-MM-dd`, ids, numbers, the
 * number of an amendment, a term as an {@link AmendedTerm}) and returns both texts; the English
 * is the developer's `Issue.message`, word for word what earlier versions said.
 *
 * As src/vocabulary/validation.ts, whose helpers it uses, these words run while a document is
 * decoded: they import nothing but those words and core's month names.
 *
 * @internal
 * @module
 */
import { MONTHS_FR } from "../core/months.js"
import { type Texts, frenchDate, frenchNumber, guillemets } from "./validation.js"

// The checks of the schemas: a day of the year, numbers, names, targets, indicators, records.

/**
 * Why a text is not a day of the year `MM-DD` (a due date): not written so, no such month (as
 * written, `"13"`), 29 February, a day 0 (as written, `"00"`), or more days than the month has
 * (the month as written, `"09"`, and its days).
 */
export type MonthDayProblem =
  | { readonly problem: "form" }
  | { readonly problem: "month"; readonly month: string }
  | { readonly problem: "february-29" }
  | { readonly problem: "day"; readonly day: string }
  | { readonly problem: "days"; readonly month: string; readonly days: number }

/** A text that is not a day of the year written `MM-DD`. */
export function monthDayText(text: string, problem: MonthDayProblem): Texts {
  switch (problem.problem) {
    case "form":
      return {
        fr: `${guillemets(text)} n'est pas un jour de l'année au format MM-JJ, par exemple « 05-31 »`,
        en: `${JSON.stringify(text)} is not a day of the year written MM-DD`
      }
    case "month":
      return {
        fr: `${guillemets(text)} n'est pas un jour de l'année : il n'y a pas de mois ${problem.month} (les mois vont de 01 à 12)`,
        en: `${text}: there is no month ${problem.month}`
      }
    case "february-29":
      return {
        fr: "le 29 février n'existe pas chaque année : choisissez par exemple le 28 février ou le 1er mars",
        en: `${text} is not a day that exists every year`
      }
    case "day":
      return {
        fr: `${guillemets(text)} n'est pas un jour de l'année : il n'y a pas de jour ${problem.day} (les jours commencent à 01)`,
        en: `${text}: there is no day ${problem.day}`
      }
    case "days":
      return {
        fr: `${guillemets(text)} n'est pas un jour de l'année : ${MONTHS_FR[Number(problem.month) - 1]} compte ${problem.days} jours`,
        en: `${text}: month ${problem.month} has ${problem.days} days`
      }
  }
}

/** A number of a target that is negative or not finite. */
export const NON_NEGATIVE_NUMBER: Texts = {
  fr: "attendu : un nombre positif ou nul",
  en: "expected a finite number ≥ 0"
}

/** A quantity of an activity record that is negative or has more than two decimals. */
export const QUANTITY_FORM: Texts = {
  fr: "attendu : un nombre positif ou nul, avec au plus 2 décimales",
  en: "expected a number ≥ 0 with at most 2 decimals"
}

/** A name of a measure or of a list of beneficiaries not written as one. */
export const MEASURE_NAME_FORM: Texts = {
  fr: "un nom s'écrit en minuscules sans accent, chiffres et tirets, par exemple « familles »",
  en: 'expected a name of lower-case letters, digits and hyphens, such as "familles"'
}

/** A target that sets no bound. */
export const TARGET_WITHOUT_BOUND: Texts = {
  fr: "une cible fixe un minimum (atLeast), un maximum (atMost) ou les deux",
  en: "a target needs atLeast, atMost, or both"
}

/** A target whose maximum is below its minimum. */
export function targetBoundsText(atMost: number, atLeast: number): Texts {
  return {
    fr: `le maximum (atMost : ${frenchNumber(String(atMost))}) est inférieur au minimum (atLeast : ${frenchNumber(String(atLeast))})`,
    en: `atMost (${atMost}) is below atLeast (${atLeast})`
  }
}

/** A target of an objective measuring a share that is not a proportion. */
export const SHARE_TARGET: Texts = {
  fr: "la cible d'une part est une proportion entre 0 et 1, par exemple 0.6 pour 60 %",
  en: "the target of a share is a proportion between 0 and 1, such as 0.6 for 60 %"
}

/**
 * Why an indicator's `field` does not suit its aggregate: a count given a field, a sum or a
 * distinct count without one, a number counted without repeats, structures added up.
 */
export type IndicatorFieldProblem =
  | { readonly problem: "count-with-field" }
  | { readonly problem: "no-field"; readonly aggregate: "distinct" | "sum" }
  | { readonly problem: "number-counted"; readonly field: string }
  | { readonly problem: "structures-added" }

/** An indicator whose field does not suit its aggregate. */
export function indicatorFieldText(problem: IndicatorFieldProblem): Texts {
  switch (problem.problem) {
    case "count-with-field":
      return {
        fr: "un comptage d'enregistrements (« count ») ne lit aucun champ : retirez « field »",
        en: "a count of records reads no field"
      }
    case "no-field":
      return {
        fr:
          problem.aggregate === "sum"
            ? "une somme (« sum ») a besoin du champ qu'elle additionne : indiquez « field »"
            : "un décompte sans doublon (« distinct ») a besoin du champ qu'il lit : indiquez « field »",
        en: `a ${problem.aggregate} needs the field it reads`
      }
    case "number-counted":
      return {
        fr: `${guillemets(problem.field)} est un nombre : additionnez-le avec « sum »`,
        en: `${problem.field} is a number: add it up with "sum"`
      }
    case "structures-added":
      return {
        fr: "les structures se comptent sans doublon avec « distinct », elles ne s'additionnent pas",
        en: 'structures are counted with "distinct", not added up'
      }
  }
}

/** An activity record giving its duration both in days and in hours. */
export const DURATION_TWICE: Texts = {
  fr: "indiquez la durée en jours ou en heures, pas les deux",
  en: "give the duration in days or in hours, not both"
}

/** An amendment without any change. */
export const NO_CHANGE: Texts = {
  fr: "un avenant modifie au moins une clause : la liste des changements est vide",
  en: "an amendment changes at least one term"
}

/** A payment's instalment not written as one. */
export const INSTALMENT_FORM: Texts = {
  fr: "attendu : advance (avance), balance (solde), instalment-N (versement n° N) ou complement-N (complément n° N)",
  en: "expected advance, balance, instalment-N or complement-N"
}

/** The kinds of accounts of a budget: charges (60 to 68), products (70 to 79), contributions in kind (86, 87). */
export type AccountKind = "charge" | "product" | "in-kind"

const ACCOUNTS: Readonly<Record<AccountKind, Texts>> = {
  charge: {
    fr: "n'est pas un compte de charges : de 60 à 68 (2 à 6 chiffres, 64 ou 6411)",
    en: "a charge account from 60 to 68 (2 to 6 digits)"
  },
  product: {
    fr: "n'est pas un compte de produits : de 70 à 79 (2 à 6 chiffres, 74 ou 7411)",
    en: "a product account from 70 to 79 (2 to 6 digits)"
  },
  "in-kind": {
    fr: "n'est pas un compte de contributions en nature : 86 ou 87 (2 à 6 chiffres)",
    en: "an account of contributions in kind, 86 or 87 (2 to 6 digits)"
  }
}

/** What an account of a kind is, in English, as its JSON Schema describes it. */
export function accountName(kind: AccountKind): string {
  return ACCOUNTS[kind].en
}

/** A text that is not an account of a kind. */
export function invalidAccountText(text: string, kind: AccountKind): Texts {
  return { fr: `${guillemets(text)} ${ACCOUNTS[kind].fr}`, en: `${JSON.stringify(text)} is not ${ACCOUNTS[kind].en}` }
}

/** The SIRET of a partner that does not start with its SIREN. */
export function siretOfAnotherSirenText(siret: string, siren: string): Texts {
  return {
    fr: `le SIRET ${siret} n'appartient pas au SIREN ${siren} : un SIRET commence par les 9 chiffres du SIREN`,
    en: `the SIRET ${siret} does not belong to the SIREN ${siren}`
  }
}

// The payment terms, checked on the signed text and once each amendment applies.

/** Advance and instalments (their shares, as written: `"0.5"`) that exceed the year's amount. */
export function sharesOverYearText(shares: ReadonlyArray<unknown>): Texts {
  const written = (share: unknown) => (share === undefined || share === null ? "" : String(share))
  return {
    fr: `l'avance et les versements dépassent le montant de l'année (${shares.map((share) => frenchNumber(written(share))).join(" + ")})`,
    en: `the advance and the instalments add up to more than the year's amount (${shares.join(" + ")})`
  }
}

/** A balance paid on a fixed date without its day. */
export const BALANCE_DUE_MISSING: Texts = {
  fr: "un solde versé à date fixe demande balanceDue (MM-JJ de l'année suivante)",
  en: "a balance paid on a fixed date needs balanceDue (MM-DD of the next year)"
}

/** A problem that an amendment's change makes once it applies (the problem's own texts). */
export function onceAppliedText(problem: Texts): Texts {
  return { fr: `une fois ce changement appliqué : ${problem.fr}`, en: `once this change applies, ${problem.en}` }
}

// The consistency rules of a convention: its calendar and parties.

/** A date after the last day a convention may name (`last`, `9989-12-31`). */
export function afterLastDayText(date: string, last: string): Texts {
  return {
    fr: `la date ${frenchDate(date)} est postérieure au ${frenchDate(last)}, dernier jour qu'une convention peut mentionner : les dates calculées à partir d'elle (bilans attendus jusqu'à 24 mois après la fin, solde versé l'année suivante et son échéance, contrôle de la durée de quatre ans) doivent exister, et le calendrier s'arrête en 9999`,
    en: `the date ${date} is after ${last}, the last day a convention may name: the days computed from it (reports due up to 24 months after the end, a balance paid the next year and its deadline, the four-year duration check) must exist, and the calendar ends in 9999`
  }
}

/** A convention whose partner is its funder. */
export function partnerIsFunderText(funderId: string): Texts {
  return {
    fr: `le partenaire ne peut pas être le financeur (${funderId})`,
    en: `the partner cannot be the funder (${funderId})`
  }
}

/** A draft (no signature date) with a notification date. */
export const DRAFT_NOTIFIED: Texts = {
  fr: "un projet (sans date de signature) ne peut pas avoir été notifié",
  en: "a draft (no signatureDate) cannot have been notified"
}

/** A notification before the signature. */
export function notifiedBeforeSignatureText(notified: string, signed: string): Texts {
  return {
    fr: `la notification du ${frenchDate(notified)} précède la signature du ${frenchDate(signed)}`,
    en: `the notification ${notified} is before the signature ${signed}`
  }
}

/** A year (of an amount or a target) outside the period of the convention, from `start` to `end`. */
export function yearOutsidePeriodText(year: string, start: string, end: string): Texts {
  return {
    fr: `l'année ${year} est hors de la période de la convention (du ${frenchDate(start)} au ${frenchDate(end)})`,
    en: `the year ${year} is outside the period ${start}..${end}`
  }
}

/** An objective id that an earlier objective already has (`where`: the earlier one's path, `objectives[0]`). */
export function objectiveIdTakenText(id: string, where: string): Texts {
  return {
    fr: `l'identifiant d'objectif ${id} est déjà pris par ${where}`,
    en: `the objective id ${id} is already used by ${where}`
  }
}

/** An id of a list of a portfolio (`partners`, `conventions`) that the item at `index` already has. */
export function idTakenText(id: string, list: string, index: number): Texts {
  return {
    fr: `l'identifiant ${guillemets(id)} est déjà pris par ${list}[${index}]`,
    en: `the id ${id} is already used by ${list}[${index}]`
  }
}

/** A convention naming a partner (as funder or partner) that the portfolio does not hold. */
export function noPartnerText(id: string): Texts {
  return { fr: `il n'y a pas de partenaire ${id} dans le portefeuille`, en: `there is no partner ${id}` }
}

/** A partner named as funder or partner without the role it needs (`financeur`, `operateur`). */
export function partnerRoleText(id: string, role: "financeur" | "operateur"): Texts {
  return {
    fr: `le partenaire ${id} n'a pas le rôle « ${role} »`,
    en: `the partner ${id} does not have the role "${role}"`
  }
}

/** A predecessor that the portfolio does not hold. */
export function noConventionText(id: string): Texts {
  return { fr: `il n'y a pas de convention ${id} dans le portefeuille`, en: `there is no convention ${id}` }
}

/** Predecessors that lead back to the convention (`chain`: the ids followed, the first one last again). */
export function lineageLoopText(chain: ReadonlyArray<string>): Texts {
  return {
    fr: `la filiation des conventions revient sur elle-même : ${chain.join(" → ")}`,
    en: `the lineage loops: ${chain.join(" → ")}`
  }
}

// The amendments.

/** A term of a convention that an amendment's change sets: two changes of one term on one date contradict each other. */
export type AmendedTerm =
  | { readonly term: "yearly-amount" }
  | { readonly term: "year-amount"; readonly year: number }
  | { readonly term: "period-end" }
  | { readonly term: "sector"; readonly sector: string }
  | { readonly term: "accompaniment-kind"; readonly kind: string }
  | { readonly term: "objective"; readonly id: string }
  | { readonly term: "target"; readonly objectiveId: string; readonly year?: number }
  | { readonly term: "payment-term"; readonly key: string }

/** A term of a convention, named in both languages, with its article: « le montant annuel », `yearly amount`. */
export function amendedTermText(term: AmendedTerm): Texts {
  switch (term.term) {
    case "yearly-amount":
      return { fr: "le montant annuel", en: "yearly amount" }
    case "year-amount":
      return { fr: `le montant de ${term.year}`, en: `amount of ${term.year}` }
    case "period-end":
      return { fr: "la fin de la période", en: "end of the period" }
    case "sector":
      return { fr: `le secteur ${term.sector}`, en: `sector ${term.sector}` }
    case "accompaniment-kind":
      return { fr: `le type d'accompagnement ${term.kind}`, en: `accompaniment kind ${term.kind}` }
    case "objective":
      return { fr: `l'objectif ${term.id}`, en: `objective ${term.id}` }
    case "target":
      return term.year === undefined
        ? { fr: `la cible de ${term.objectiveId}`, en: `target of ${term.objectiveId}` }
        : {
            fr: `la cible de ${term.objectiveId} pour ${term.year}`,
            en: `target of ${term.objectiveId} in ${term.year}`
          }
    case "payment-term":
      return { fr: `la modalité de versement ${term.key}`, en: `payment term ${term.key}` }
  }
}

/** A term that amendment n° `number` already changes on the same date. */
export function termChangedTwiceText(number: number, term: AmendedTerm, date: string): Texts {
  const named = amendedTermText(term)
  return {
    fr: `l'avenant n° ${number} change déjà ${named.fr} au ${frenchDate(date)} : deux changements d'un même terme à la même date se contredisent`,
    en: `amendment n° ${number} already changes the ${named.en} on ${date}: two changes of one term on one date contradict each other`
  }
}

/** An amendment number that the amendment at `index` already has. */
export function amendmentNumberTakenText(number: number, index: number): Texts {
  return {
    fr: `l'avenant n° ${number} existe déjà (amendments[${index}])`,
    en: `amendment n° ${number} is already amendments[${index}]`
  }
}

/** A draft (no signature date) with amendments. */
export const DRAFT_AMENDED: Texts = {
  fr: "un projet (sans date de signature) ne peut pas avoir d'avenant",
  en: "a draft (no signatureDate) cannot have amendments"
}

/** An amendment signed before the convention. */
export function amendmentSignedBeforeText(signed: string, conventionSigned: string): Texts {
  return {
    fr: `l'avenant est signé le ${frenchDate(signed)}, avant la convention (${frenchDate(conventionSigned)})`,
    en: `the amendment is signed ${signed}, before the convention (${conventionSigned})`
  }
}

/** An amendment taking effect outside the period in force then, from `start` to `end`. */
export function amendmentOutsidePeriodText(effective: string, start: string, end: string): Texts {
  return {
    fr: `l'avenant prend effet le ${frenchDate(effective)}, hors de la période du ${frenchDate(start)} au ${frenchDate(end)}`,
    en: `the amendment takes effect ${effective}, outside the period ${start}..${end}`
  }
}

/** A change of the yearly amount of a convention whose amounts are set year by year. */
export const YEARLY_AMOUNT_CHANGE: Texts = {
  fr: "un changement « yearly-amount » s'applique à une convention au montant annuel constant : pour des montants par exercice, utilisez « year-amount »",
  en: "a yearly-amount change needs a convention with a constant yearly amount (use year-amount)"
}

/** A change of one year's amount of a convention whose yearly amount is constant. */
export const YEAR_AMOUNT_CHANGE: Texts = {
  fr: "un changement « year-amount » s'applique à une convention aux montants fixés par exercice : pour un montant annuel constant, utilisez « yearly-amount »",
  en: "a year-amount change needs a convention with per-year amounts (use yearly-amount)"
}

/** A new end of the period before its start. */
export function newEndBeforeStartText(end: string, start: string): Texts {
  return {
    fr: `la nouvelle fin, le ${frenchDate(end)}, précède le début, le ${frenchDate(start)}`,
    en: `the new end ${end} is before the start ${start}`
  }
}

/** A target set on an objective that neither the convention nor an amendment defines. */
export function noObjectiveText(id: string): Texts {
  return { fr: `il n'y a pas d'objectif ${id}`, en: `there is no objective ${id}` }
}

/** An objective removed that neither the convention nor an amendment defines. */
export function noObjectiveToRemoveText(id: string): Texts {
  return {
    fr: `il n'y a pas d'objectif ${id} à supprimer : ni la convention ni aucun avenant ne le définit`,
    en: `there is no objective ${id} to remove`
  }
}

/** An objective that amendment n° `number` already removes from `date`. */
export function objectiveRemovedTwiceText(id: string, number: number, date: string): Texts {
  return {
    fr: `l'objectif ${id} est déjà supprimé par l'avenant n° ${number} à partir du ${frenchDate(date)}`,
    en: `the objective ${id} is already removed by amendment n° ${number} from ${date}`
  }
}

/** An objective removed from `date`, before amendment n° `number` adds it from `added`. */
export function objectiveRemovedBeforeAddedText(id: string, date: string, number: number, added: string): Texts {
  return {
    fr: `l'objectif ${id} est supprimé à partir du ${frenchDate(date)}, avant que l'avenant n° ${number} ne l'ajoute à partir du ${frenchDate(added)} : un avenant ne supprime qu'un objectif déjà en vigueur`,
    en: `the objective ${id} is removed from ${date}, before amendment n° ${number} adds it from ${added}`
  }
}

/** An objective added from `date`, after the end of the period then in force. */
export function objectiveAddedAfterEndText(id: string, date: string, end: string): Texts {
  return {
    fr: `l'objectif ${id} est ajouté à partir du ${frenchDate(date)}, après la fin de la période (${frenchDate(end)})`,
    en: `the objective ${id} is added from ${date}, after the end of the period (${end})`
  }
}

/** A target set on an objective that is not in force on the amendment's date. */
export function objectiveNotInForceText(id: string, date: string): Texts {
  return {
    fr: `l'objectif ${id} n'est pas en vigueur le ${frenchDate(date)} : il est ajouté par un avenant qui prend effet plus tard, ou déjà supprimé`,
    en: `the objective ${id} is not in force on ${date}`
  }
}

// The termination and the withdrawal of the subsidy.

/** A draft (no signature date) terminated. */
export const DRAFT_TERMINATED: Texts = {
  fr: "un projet (sans date de signature) ne peut pas être résilié : il n'a jamais été en vigueur",
  en: "a draft (no signatureDate) cannot be terminated: it was never in force"
}

/** A termination outside the period, from `start` to `end` (its latest extension). */
export function terminationOutsidePeriodText(date: string, start: string, end: string): Texts {
  return {
    fr: `la résiliation du ${frenchDate(date)} est hors de la période du ${frenchDate(start)} au ${frenchDate(end)}`,
    en: `the termination date ${date} is outside the period ${start}..${end}`
  }
}

/** A termination decided before the convention was signed. */
export function terminationBeforeSignatureText(decided: string, signed: string): Texts {
  return {
    fr: `la résiliation est décidée le ${frenchDate(decided)}, avant la signature de la convention (${frenchDate(signed)})`,
    en: `the termination is decided ${decided}, before the convention was signed (${signed})`
  }
}

/** A draft (no signature date) whose subsidy is withdrawn. */
export const DRAFT_WITHDRAWN: Texts = {
  fr: "un projet de convention (sans signatureDate) ne peut pas faire l'objet d'un retrait de subvention : la subvention n'a jamais été accordée",
  en: "a draft (no signatureDate) cannot have its subsidy withdrawn: it was never granted"
}

/** A withdrawal taking effect on the first day, or outside the period from `start` to `end`. */
export function withdrawalOutsidePeriodText(effective: string, start: string, end: string): Texts {
  return {
    fr: `le retrait prend effet le ${frenchDate(effective)} : il doit tomber après le premier jour et dans la période du ${frenchDate(start)} au ${frenchDate(end)} (un manquement dès le premier jour retire tout : enregistrez le reversement de chaque somme versée)`,
    en: `the withdrawal takes effect ${effective}, which must fall after the first day and within the period ${start}..${end} (a breach from the first day withdraws everything: record the repayment of every sum paid)`
  }
}

/** A withdrawal decided before the convention was signed. */
export function withdrawalBeforeSignatureText(decided: string, signed: string): Texts {
  return {
    fr: `le retrait est décidé le ${frenchDate(decided)}, avant la signature de la convention (${frenchDate(signed)})`,
    en: `the withdrawal is decided ${decided}, before the convention was signed (${signed})`
  }
}

/** A breach dated after the decision that establishes it. */
export function breachAfterDecisionText(breach: string, decided: string): Texts {
  return {
    fr: `le manquement du ${frenchDate(breach)} est postérieur à la décision du ${frenchDate(decided)} : un retrait se décide une fois le manquement établi`,
    en: `the breach of ${breach} is after the decision of ${decided}: a withdrawal is decided once the breach is established`
  }
}

/** A decision notified before it was taken. */
export function notifiedBeforeDecisionText(notified: string, decided: string): Texts {
  return {
    fr: `la décision est notifiée le ${frenchDate(notified)}, avant d'avoir été prise (${frenchDate(decided)})`,
    en: `the decision is notified ${notified}, before it was taken (${decided})`
  }
}

/**
 * A repayment due before the decision or more than six months after it (`latest`). No citation
 * here: decoding stays free of the table of sources (a decoding import's size,
 * docs/performance.md); the withdrawal's explanation cites its source.
 */
export function repaymentDueText(due: string, decided: string, latest: string): Texts {
  return {
    fr: `le reversement est dû le ${frenchDate(due)} : il doit tomber entre la décision (${frenchDate(decided)}) et six mois après elle (${frenchDate(latest)})`,
    en: `the repayment is due ${due}: it must fall between the decision (${decided}) and six months after it (${latest})`
  }
}
