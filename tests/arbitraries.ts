/**
 * Generators of valid documents (fast-check arbitraries), shared by the property tests and the
 * fuzzers (`fuzz/`): partners with checked identifiers, conventions over whole and partial years
 * (one to five years), with every payment, unspent and modulation clause, objectives of every
 * indicator kind, amendments of every change kind, terminations with or without a decision day,
 * withdrawals of the subsidy, forecast budgets; activity records, payments, expenses and a
 * financial report that match them; the convention with one thing broken; portfolios of several conventions
 * linked by lineage. Every document they give decodes (`tests/arbitraries.test.ts` checks it),
 * so a fuzzer that breaks one thing at a time (`breakOne`) knows what it broke.
 *
 * Names, titles, reasons and references are drawn partly from {@link HOSTILE_TEXTS}: markup,
 * Markdown marks and formula starts that the renderers and the CSV must neutralise.
 */
import fc from "fast-check"
import {
  ACCOMPANIMENT_KINDS,
  ACTIVITY_KINDS,
  CLAUSES,
  CONVENTION_KINDS,
  EXPENSE_CATEGORIES,
  FUNDER_KINDS,
  FUNDING_SCHEMES,
  LEGAL_FORMS,
  PARTNERSHIP_BODIES,
  ROUNDING_MODES,
  SECTORS,
  SITUATIONS,
  TERMINATION_REQUESTERS,
  addDays,
  addMonths,
  calendarDate,
  daysBetween,
  daysInMonth,
  luhnValid,
  type CalendarDate
} from "caf-conventions"

/** Texts that would be markup, a link, a table cell break, a heading or a formula if written as they are. */
export const HOSTILE_TEXTS: ReadonlyArray<string> = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[cliquez](javascript:alert(1))",
  "![image](http://exemple.test/x.png)",
  "a | b | c",
  "**gras** _penché_ `code`",
  "# Titre injecté",
  "- liste",
  "1. liste numérotée",
  '=HYPERLINK("http://exemple.test";"x")',
  "+33 1 23 45 67 89",
  "-2+3",
  "@SUM(A1:A9)",
  "<https://exemple.test>",
  "www.exemple.test",
  'Association "Les amis"; section, locale',
  "&lt;déjà échappé&gt; &amp;"
]

/** Multi-line hostile texts (reasons, notes, descriptions): a heading or a list started on a new line. */
export const HOSTILE_MULTILINE: ReadonlyArray<string> = [
  "motif\n# Titre injecté",
  "motif\n\n<script>alert(1)</script>",
  "motif\r\n| a | b |\n| - | - |",
  "motif\n- [x](javascript:alert(1))",
  "\tmotif tabulé"
]

const DEPARTEMENTS = ["91", "77", "75", "2A", "974", "01"] as const

/** A one-line text: plain French or hostile. */
export const text: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "Association des familles",
      "Maison des Part'Âges",
      "MJC de Viry-Châtillon",
      "Centre social « Les Tilleuls »",
      "Crèche parentale"
    )
  },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) }
)
const multilineText: fc.Arbitrary<string> = fc.oneof(text, fc.constantFrom(...HOSTILE_MULTILINE))

const subset = <T>(values: ReadonlyArray<T>, minLength = 1) => fc.subarray([...values], { minLength })
const cents = (max: number) => fc.integer({ min: 0, max }).map((value) => (value / 100).toFixed(2))

/** A SIREN with its Luhn key (never La Poste's, which follows another rule). */
export const siren: fc.Arbitrary<string> = fc
  .integer({ min: 10_000_000, max: 99_999_999 })
  .map((body) => {
    for (let key = 0; key <= 9; key++) if (luhnValid(`${body}${key}`)) return `${body}${key}`
    throw new Error("unreachable: one key in ten passes")
  })
  .filter((value) => !value.startsWith("356000000"))

/** A SIRET of the given SIREN. */
const siretOf = (siren: string): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: 999 }).map((nic) => {
    const body = `${siren}${String(nic).padStart(4, "0")}`
    for (let key = 0; key <= 9; key++) if (luhnValid(`${body}${key}`)) return `${body}${key}`
    throw new Error("unreachable: one key in ten passes")
  })

/** A partner's JSON with the given id and roles; with a SIREN and SIRET, or none. */
export function partnerJson(id: string, roles: ReadonlyArray<string>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      name: text,
      legalForm: fc.constantFrom(...LEGAL_FORMS),
      territory: subset(DEPARTEMENTS, 0),
      employer: fc.option(fc.boolean(), { nil: undefined }),
      identifiers: fc.option(
        siren.chain((value) => siretOf(value).map((siret) => ({ siren: value, siret }))),
        { nil: undefined, freq: 12 }
      ),
      city: fc.option(text, { nil: undefined }),
      note: fc.option(multilineText, { nil: undefined })
    })
    .map(({ identifiers, ...partner }) => withoutUndefined({ id, ...partner, roles, ...(identifiers ?? {}) }))
}

/** A date between two dates (inclusive). */
function dateBetween(first: CalendarDate, last: CalendarDate): fc.Arbitrary<CalendarDate> {
  return fc.integer({ min: 0, max: Math.max(0, daysBetween(first, last)) }).map((offset) => addDays(first, offset))
}

/** The years a period touches. */
export function yearsOf(start: string, end: string): Array<number> {
  const years: Array<number> = []
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) years.push(year)
  return years
}

/** A period of one to five years, starting on 1 January or another day, ending on 31 December or another day. */
const periodJson: fc.Arbitrary<{ start: CalendarDate; end: CalendarDate }> = fc
  .record({
    year: fc.integer({ min: 2019, max: 2027 }),
    years: fc.integer({ min: 1, max: 5 }),
    partialStart: fc.boolean(),
    partialEnd: fc.boolean(),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    endMonth: fc.integer({ min: 1, max: 12 }),
    endDay: fc.integer({ min: 1, max: 31 })
  })
  .map(({ year, years, partialStart, partialEnd, month, day, endMonth, endDay }) => {
    const start = partialStart ? calendarDate(year, month, day) : calendarDate(year, 1, 1)
    const lastYear = year + years - 1
    let end = partialEnd
      ? calendarDate(lastYear, endMonth, Math.min(endDay, daysInMonth(lastYear, endMonth)))
      : calendarDate(lastYear, 12, 31)
    if (end < start) end = calendarDate(lastYear, 12, 31)
    return { start, end }
  })

const ratio = fc.constantFrom("0", "0.1", "0.25", "0.3", "0.5", "0.6", "0.75", "1")
const monthDay = fc.constantFrom("01-15", "03-31", "06-30", "09-30", "10-15", "12-31", "02-28")

/** Payment terms whose advance and instalments never exceed the year. */
const paymentJson = fc
  .record({
    advanceRate: fc.option(ratio, { nil: undefined }),
    advanceDue: fc.option(monthDay, { nil: undefined }),
    instalments: fc.option(
      fc.array(fc.record({ share: fc.constantFrom("0.1", "0.2", "0.25"), due: monthDay }), { maxLength: 2 }),
      { nil: undefined }
    ),
    fixed: fc.boolean(),
    balanceDue: monthDay,
    paymentDeadlineDays: fc.option(fc.integer({ min: 0, max: 366 }), { nil: undefined }),
    rounding: fc.option(fc.constantFrom(...ROUNDING_MODES), { nil: undefined })
  })
  .map(({ fixed, balanceDue, ...payment }) => {
    const advance = Number(payment.advanceRate ?? "0.5")
    const instalments = (payment.instalments ?? []).filter(
      (_, index, all) => advance + all.slice(0, index + 1).reduce((sum, item) => sum + Number(item.share), 0) <= 1
    )
    return withoutUndefined({ ...payment, instalments, ...(fixed ? { balanceTrigger: "fixed-date", balanceDue } : {}) })
  })

const filterJson = fc
  .record({
    activityKinds: subset(ACTIVITY_KINDS),
    sectors: fc.option(subset(SECTORS), { nil: undefined, freq: 3 }),
    situations: fc.option(subset(SITUATIONS), { nil: undefined, freq: 4 }),
    bodies: fc.option(subset(PARTNERSHIP_BODIES), { nil: undefined, freq: 4 })
  })
  .map(withoutUndefined)

const baseIndicator = fc.oneof(
  fc.record({ kind: fc.constant("distinct-structures"), filter: filterJson, eligibleOnly: fc.boolean() }),
  fc.record({ kind: fc.constant("count-actions"), filter: filterJson }),
  fc.record({ kind: fc.constant("sum-days"), filter: filterJson }),
  fc.record({ kind: fc.constant("count-meetings"), filter: filterJson }),
  fc.record({
    kind: fc.constant("aggregate"),
    aggregate: fc.constant("sum"),
    field: fc.constant("familles"),
    filter: filterJson,
    unit: fc.constant({ singular: "famille", plural: "familles" })
  }),
  fc.record({
    kind: fc.constant("aggregate"),
    aggregate: fc.constant("count"),
    filter: filterJson,
    unit: fc.constant({ singular: "atelier", plural: "ateliers" })
  })
)

/** A target: at least, at most, or both; a proportion for a share. */
const targetJson = (share: boolean) =>
  fc
    .record({
      atLeast: fc.option(share ? fc.constantFrom(0, 0.25, 0.5, 1) : fc.integer({ min: 0, max: 12 }), {
        nil: undefined
      }),
      atMost: fc.option(share ? fc.constantFrom(1) : fc.integer({ min: 12, max: 40 }), { nil: undefined })
    })
    .map((target) =>
      target.atLeast === undefined && target.atMost === undefined
        ? { atLeast: share ? 0.5 : 1 }
        : withoutUndefined(target)
    )

function objectivesJson(years: ReadonlyArray<number>) {
  const objective = fc.oneof(
    baseIndicator.map((indicator) => ({ indicator, share: false })),
    fc
      .record({ kind: fc.constant("share"), part: baseIndicator, whole: baseIndicator })
      .map((indicator) => ({ indicator, share: true }))
  )
  return fc.array(objective, { maxLength: 3 }).chain((list) =>
    fc.tuple(
      ...list.map(({ indicator, share }, index) =>
        fc
          .record({
            title: text,
            target: targetJson(share),
            byYear: fc.option(fc.subarray([...years], { maxLength: Math.min(2, years.length) }), {
              nil: undefined,
              freq: 3
            }),
            yearTarget: targetJson(share),
            prorate: fc.option(fc.boolean(), { nil: undefined })
          })
          .map(({ title, target, byYear, yearTarget, prorate }) =>
            withoutUndefined({
              id: `objectif-${index + 1}`,
              title,
              indicator,
              target,
              ...(byYear === undefined || byYear.length === 0
                ? {}
                : { targetsByYear: Object.fromEntries(byYear.map((year) => [String(year), yearTarget])) }),
              ...(prorate === undefined ? {} : { partialYear: { prorate } })
            })
          )
      )
    )
  )
}

/** The kind of amounts a convention has, the amounts, and the clause on unspent money. */
function amountsJson(years: ReadonlyArray<number>) {
  return fc.oneof(
    fc.record({ kind: fc.constant("constant"), yearlyAmount: cents(6_000_000) }),
    fc.tuple(...years.map(() => cents(6_000_000))).map((amounts) => ({
      kind: "per-year",
      byYear: Object.fromEntries(years.map((year, index) => [String(year), amounts[index]]))
    }))
  )
}

const unspentJson = fc.oneof(
  fc.constant({ rule: "repay" }),
  fc.constant({ rule: "offset" }),
  fc
    .record({
      rule: fc.constant("keep"),
      capRate: fc.option(ratio, { nil: undefined }),
      capAmount: fc.option(cents(500_000), { nil: undefined })
    })
    .map(withoutUndefined)
)
const modulationJson = fc.oneof(
  fc.constant({ rule: "none" }),
  fc.record({ rule: fc.constant("proportional"), tolerance: fc.constantFrom("0", "0.1", "0.2") }),
  fc.record({ rule: fc.constant("fixed-reduction"), ratePerMissedObjective: fc.constantFrom("0.05", "0.1", "0.5") })
)

/** Terms: period, sectors, amounts and every clause. */
export const termsJson = periodJson.chain((period) => {
  const years = yearsOf(period.start, period.end)
  return fc
    .record({
      territory: subset(DEPARTEMENTS),
      sectors: subset(SECTORS),
      accompanimentKinds: subset(ACCOMPANIMENT_KINDS),
      fundingScheme: fc.option(fc.constantFrom(...FUNDING_SCHEMES), { nil: undefined }),
      excludedSchemes: fc.option(subset(FUNDING_SCHEMES, 0), { nil: undefined }),
      // Always amounts: without them the funding functions refuse the convention (a broken input removes them).
      amounts: amountsJson(years),
      payment: fc.option(paymentJson, { nil: undefined, freq: 8 }),
      reporting: fc.option(
        fc
          .record({
            activityReportMonths: fc.integer({ min: 0, max: 24 }),
            financialReportMonths: fc.integer({ min: 0, max: 24 }),
            varianceTolerance: fc.option(fc.constantFrom("0", "0.1", "0.15", "0.5"), { nil: undefined })
          })
          .map(withoutUndefined),
        { nil: undefined }
      ),
      expenses: fc.option(
        fc.record({ excludedCategories: subset(EXPENSE_CATEGORIES, 0), requireSupportingDocument: fc.boolean() }),
        { nil: undefined }
      ),
      objectives: objectivesJson(years),
      unspent: fc.option(unspentJson, { nil: undefined, freq: 8 }),
      modulation: fc.option(modulationJson, { nil: undefined, freq: 6 }),
      clauses: subset(CLAUSES, 0)
    })
    .map((terms) => withoutUndefined({ period, ...terms }))
})

type TermsJson = {
  period: { start: CalendarDate; end: CalendarDate }
  sectors: Array<string>
  accompanimentKinds: Array<string>
  amounts?: { kind: string }
  objectives: Array<{ id: string; indicator: { kind: string } }>
}

/** One change that the convention's terms allow. */
function changeJson(terms: TermsJson): fc.Arbitrary<Record<string, unknown>> {
  const years = yearsOf(terms.period.start, terms.period.end)
  const kinds: Array<fc.Arbitrary<Record<string, unknown>>> = [
    fc.record({
      kind: fc.constant("period-end"),
      end: dateBetween(terms.period.start, addDays(terms.period.end, 400))
    }),
    fc.record({ kind: fc.constant("sectors-added"), sectors: subset(SECTORS) }),
    fc.record({ kind: fc.constant("sectors-removed"), sectors: subset(terms.sectors) }),
    fc.record({ kind: fc.constant("accompaniment-kinds-added"), accompanimentKinds: subset(ACCOMPANIMENT_KINDS) }),
    fc.record({
      kind: fc.constant("accompaniment-kinds-removed"),
      accompanimentKinds: subset(terms.accompanimentKinds)
    }),
    fc.oneof(
      fc.record({ kind: fc.constant("payment-terms"), advanceRate: ratio, instalments: fc.constant([]) }),
      fc.record({
        kind: fc.constant("payment-terms"),
        advanceDue: monthDay,
        paymentDeadlineDays: fc.integer({ min: 0, max: 366 })
      }),
      fc.record({
        kind: fc.constant("payment-terms"),
        balanceTrigger: fc.constant("fixed-date"),
        balanceDue: monthDay
      }),
      fc.record({ kind: fc.constant("payment-terms"), balanceTrigger: fc.constant("reports-accepted") })
    )
  ]
  if (terms.amounts?.kind === "constant")
    kinds.push(fc.record({ kind: fc.constant("yearly-amount"), yearlyAmount: cents(6_000_000) }))
  if (terms.amounts?.kind === "per-year")
    kinds.push(
      fc.record({ kind: fc.constant("year-amount"), year: fc.constantFrom(...years), amount: cents(6_000_000) })
    )
  for (const objective of terms.objectives) {
    const share = objective.indicator.kind === "share"
    kinds.push(
      fc
        .record({
          kind: fc.constant("target"),
          objectiveId: fc.constant(objective.id),
          year: fc.option(fc.constantFrom(...years), { nil: undefined }),
          target: targetJson(share)
        })
        .map(withoutUndefined)
    )
  }
  return fc.oneof(...kinds)
}

/** A withdrawal before its dates are set against the signature: the breach after the first day, delays to the decision, the notification and the repayment. */
function withdrawalDraft(start: CalendarDate, end: CalendarDate) {
  return fc.record({
    effectiveFrom: dateBetween(addDays(start, 1), end),
    decisionDelay: fc.integer({ min: 0, max: 120 }),
    reason: multilineText,
    notifiedDelay: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    repaymentDelay: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined })
  })
}

/** A withdrawal's JSON: decided on or after the breach and the signature; repayment due at most six months after the decision (loi n° 2000-321, art. 10-1). */
function withdrawalOf(
  draft: {
    effectiveFrom: CalendarDate
    decisionDelay: number
    reason: string
    notifiedDelay?: number | undefined
    repaymentDelay?: number | undefined
  },
  signatureDate: CalendarDate
): Record<string, unknown> {
  const decided = addDays(draft.effectiveFrom, draft.decisionDelay)
  const decidedOn = decided < signatureDate ? signatureDate : decided
  const latest = addMonths(decidedOn, 6)
  const due = draft.repaymentDelay === undefined ? undefined : addDays(decidedOn, draft.repaymentDelay)
  return withoutUndefined({
    decidedOn,
    effectiveFrom: draft.effectiveFrom,
    reason: draft.reason,
    notifiedOn: draft.notifiedDelay === undefined ? undefined : addDays(decidedOn, draft.notifiedDelay),
    repaymentDueDate: due === undefined ? undefined : due > latest ? latest : due
  })
}

const CHARGE_ACCOUNTS = ["60", "61", "62", "6226", "64", "641100", "68"] as const
const PRODUCT_ACCOUNTS = ["70", "74", "7411", "75", "79"] as const
const IN_KIND_ACCOUNTS = ["86", "860", "87", "8700"] as const
const ACTION_IDS = ["action-1", "action-2"] as const
const FUNDER_NAMES = ["Caf de l'Essonne", "Ville d'Évry", "Département de l'Essonne", "Fondation de France"] as const
const funderName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FUNDER_NAMES) }, { weight: 1, arbitrary: text })

/** Forecast budgets of a convention: by year (one outside the period now and then), of the whole work or of an action, every funder kind, granted or only requested, contributions in kind, a cap on the Caf's share. */
export function budgetsJson(years: ReadonlyArray<number>): fc.Arbitrary<Array<Record<string, unknown>>> {
  const budget = fc.record({
    year: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...years) },
      { weight: 1, arbitrary: fc.constant((years[0] as number) - 1) }
    ),
    actionId: fc.option(fc.constantFrom(...ACTION_IDS), { nil: undefined, freq: 3 }),
    label: fc.option(text, { nil: undefined }),
    charges: fc.array(
      fc
        .record({
          account: fc.constantFrom(...CHARGE_ACCOUNTS),
          label: fc.option(text, { nil: undefined }),
          amount: cents(15_000_000)
        })
        .map(withoutUndefined),
      { minLength: 1, maxLength: 4 }
    ),
    funders: fc.option(
      fc.array(
        fc
          .record({
            kind: fc.constantFrom(...FUNDER_KINDS),
            name: funderName,
            requested: cents(10_000_000),
            granted: fc.option(cents(10_000_000), { nil: undefined, freq: 3 })
          })
          .map(withoutUndefined),
        { maxLength: 4 }
      ),
      { nil: undefined, freq: 6 }
    ),
    inKind: fc.option(
      fc.array(fc.record({ account: fc.constantFrom(...IN_KIND_ACCOUNTS), amount: cents(1_000_000) }), {
        maxLength: 2
      }),
      { nil: undefined }
    ),
    cafShareCap: fc.option(ratio, { nil: undefined })
  })
  return fc.array(budget.map(withoutUndefined), { minLength: 1, maxLength: 3 })
}

/** A financial report for one year of a convention: lines on the budget's accounts and others, with and without their forecast and an explanation; products naming their funder or not; contributions in kind. */
export function financialReportJson(convention: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const terms = convention["terms"] as TermsJson
  const years = yearsOf(terms.period.start, terms.period.end)
  const fields = {
    label: fc.option(text, { nil: undefined, freq: 3 }),
    forecast: fc.option(cents(15_000_000), { nil: undefined }),
    actual: cents(15_000_000),
    explanation: fc.option(multilineText, { nil: undefined, freq: 3 })
  }
  return fc
    .record({
      year: fc.constantFrom(...years),
      actionId: fc.option(fc.constantFrom(...ACTION_IDS), { nil: undefined, freq: 3 }),
      receivedOn: fc.option(dateBetween(terms.period.start, addDays(terms.period.end, 400)), { nil: undefined }),
      charges: fc.array(fc.record({ account: fc.constantFrom(...CHARGE_ACCOUNTS), ...fields }).map(withoutUndefined), {
        minLength: 1,
        maxLength: 5
      }),
      products: fc.array(
        fc
          .record({
            account: fc.constantFrom(...PRODUCT_ACCOUNTS),
            funderKind: fc.option(fc.constantFrom(...FUNDER_KINDS), { nil: undefined, freq: 4 }),
            funderName: fc.option(funderName, { nil: undefined }),
            ...fields
          })
          .map(withoutUndefined),
        { maxLength: 4 }
      ),
      inKind: fc.option(
        fc.array(fc.record({ account: fc.constantFrom(...IN_KIND_ACCOUNTS), ...fields }).map(withoutUndefined), {
          maxLength: 2
        }),
        { nil: undefined }
      )
    })
    .map((report) => withoutUndefined({ conventionId: convention["id"], ...report }))
}

/** A convention's JSON: its id, parties, signature, terms, amendments of every kind, and a termination or none. */
export function conventionJson(
  id: string,
  funderId: string,
  partnerId: string,
  predecessorId?: string
): fc.Arbitrary<Record<string, unknown>> {
  return termsJson.chain((terms) => {
    const { start, end } = terms.period as { start: CalendarDate; end: CalendarDate }
    return fc
      .record({
        title: text,
        kind: fc.constantFrom(...CONVENTION_KINDS),
        signatureDate: dateBetween(addDays(start, -90), start),
        notificationDelay: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        amendments: fc.array(
          fc.record({
            effectiveDate: dateBetween(start, end),
            signatureDelay: fc.integer({ min: -60, max: 120 }),
            reason: multilineText,
            change: changeJson(terms as TermsJson)
          }),
          { maxLength: 3 }
        ),
        termination: fc.option(
          fc.record({
            date: dateBetween(start, end),
            reason: multilineText,
            requestedBy: fc.constantFrom(...TERMINATION_REQUESTERS),
            decidedDelay: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined })
          }),
          { nil: undefined, freq: 4 }
        ),
        // A withdrawal one time in four (fc.option cannot make its value the rarer one).
        withdrawal: fc.oneof(
          { weight: 3, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: withdrawalDraft(start, end) }
        ),
        budgets: fc.option(budgetsJson(yearsOf(start, end)), { nil: undefined, freq: 2 }),
        note: fc.option(multilineText, { nil: undefined })
      })
      .map(({ notificationDelay, amendments, termination, withdrawal, signatureDate, ...rest }) => {
        // Two changes of one term on one day contradict each other: keep one amendment per day.
        const days = new Set<string>()
        const distinct = amendments.filter(
          (amendment) => !days.has(amendment.effectiveDate) && days.add(amendment.effectiveDate) !== undefined
        )
        // An amendment takes effect while the convention runs: not after an earlier one ended it.
        let end = (terms.period as { end: CalendarDate }).end
        const kept = [...distinct]
          .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : 1))
          .filter((amendment) => {
            if (amendment.effectiveDate > end) return false
            if (amendment.change["kind"] === "period-end") end = amendment.change["end"] as CalendarDate
            return true
          })
          .sort((a, b) => distinct.indexOf(a) - distinct.indexOf(b))
        const decided =
          termination?.decidedDelay === undefined ? undefined : addDays(termination.date, -termination.decidedDelay)
        return withoutUndefined({
          id,
          ...rest,
          funderId,
          partnerId,
          signatureDate,
          ...(notificationDelay === undefined ? {} : { notificationDate: addDays(signatureDate, notificationDelay) }),
          ...(predecessorId === undefined ? {} : { predecessorId }),
          terms,
          amendments: kept.map((amendment, index) => {
            const signed = addDays(amendment.effectiveDate, -amendment.signatureDelay)
            return {
              number: index + 1,
              signatureDate: signed < signatureDate ? signatureDate : signed,
              effectiveDate: amendment.effectiveDate,
              reason: amendment.reason,
              changes: [amendment.change]
            }
          }),
          ...(termination === undefined
            ? {}
            : {
                termination: withoutUndefined({
                  date: termination.date,
                  reason: termination.reason,
                  requestedBy: termination.requestedBy,
                  decidedOn: decided === undefined ? undefined : decided < signatureDate ? signatureDate : decided
                })
              }),
          // A period of one day leaves no day for a breach after the first.
          ...(withdrawal === undefined || withdrawal.effectiveFrom > end
            ? {}
            : { withdrawal: withdrawalOf(withdrawal, signatureDate) })
        })
      })
  })
}

/** Activity records matching a convention's period and sectors (and some that do not). */
export function activitiesJson(convention: Record<string, unknown>): fc.Arbitrary<Array<Record<string, unknown>>> {
  const terms = convention["terms"] as TermsJson
  const structure = fc
    .record({
      id: fc.constantFrom("s-1", "s-2", "s-3", "s-4"),
      name: fc.option(text, { nil: undefined }),
      legalForm: fc.constantFrom(...LEGAL_FORMS),
      departement: fc.constantFrom(...DEPARTEMENTS),
      situation: fc.constantFrom(...SITUATIONS),
      employer: fc.option(fc.boolean(), { nil: undefined })
    })
    .map(withoutUndefined)
  const record = fc.record({
    date: dateBetween(addDays(terms.period.start, -30), addDays(terms.period.end, 30)),
    kind: fc.constantFrom(...ACTIVITY_KINDS),
    structures: fc.uniqueArray(structure, { maxLength: 3, selector: (item) => item["id"] }),
    sector: fc.option(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...terms.sectors) },
        { weight: 1, arbitrary: fc.constantFrom(...SECTORS) }
      ),
      { nil: undefined, freq: 6 }
    ),
    body: fc.option(fc.constantFrom(...PARTNERSHIP_BODIES), { nil: undefined }),
    theme: fc.option(text, { nil: undefined }),
    duration: fc.option(
      fc.oneof(
        fc.record({ days: fc.integer({ min: 0, max: 1000 }).map((n) => n / 4) }),
        fc.record({ hours: fc.integer({ min: 0, max: 4000 }).map((n) => n / 4) })
      ),
      { nil: undefined }
    ),
    participants: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    measures: fc.option(fc.record({ familles: fc.integer({ min: 0, max: 5000 }).map((n) => n / 100) }), {
      nil: undefined
    }),
    fundedBy: fc.option(subset(FUNDING_SCHEMES, 0), { nil: undefined, freq: 4 }),
    otherConvention: fc.boolean()
  })
  return fc.array(record, { maxLength: 12 }).map((records) =>
    records.map(({ duration, otherConvention, ...activity }, index) =>
      withoutUndefined({
        id: `act-${index + 1}`,
        ...activity,
        ...(duration ?? {}),
        conventionId: otherConvention ? "autre-convention" : convention["id"]
      })
    )
  )
}

/** Payments for the years of a convention: advances, instalments, balances, complements, some late, some of another convention. */
export function paymentsJson(convention: Record<string, unknown>): fc.Arbitrary<Array<Record<string, unknown>>> {
  const terms = convention["terms"] as TermsJson
  const years = yearsOf(terms.period.start, terms.period.end)
  const payment = fc.record({
    year: fc.constantFrom(...years),
    month: fc.integer({ min: 1, max: 18 }),
    day: fc.integer({ min: 1, max: 28 }),
    amount: cents(3_000_000),
    instalment: fc.option(fc.constantFrom("advance", "balance", "instalment-1", "instalment-2", "complement-1"), {
      nil: undefined,
      freq: 6
    }),
    otherConvention: fc.option(fc.constant("autre-convention"), { nil: undefined, freq: 8 }),
    reference: fc.option(text, { nil: undefined })
  })
  return fc.array(payment, { maxLength: 8 }).map((list) =>
    list.map(({ year, month, day, otherConvention, ...rest }, index) =>
      withoutUndefined({
        id: `v-${index + 1}`,
        date: month > 12 ? calendarDate(year + 1, month - 12, day) : calendarDate(year, month, day),
        year,
        ...rest,
        conventionId: otherConvention ?? convention["id"]
      })
    )
  )
}

/** Expenses over the convention's period (and a little outside), of every category. */
export function expensesJson(
  convention: Record<string, unknown>,
  activities: ReadonlyArray<Record<string, unknown>>
): fc.Arbitrary<Array<Record<string, unknown>>> {
  const terms = convention["terms"] as TermsJson
  const expense = fc.record({
    date: dateBetween(addDays(terms.period.start, -20), addDays(terms.period.end, 20)),
    amount: cents(2_000_000),
    category: fc.constantFrom(...EXPENSE_CATEGORIES),
    sector: fc.option(fc.constantFrom(...SECTORS), { nil: undefined }),
    activityId: fc.option(
      activities.length === 0
        ? fc.constant("act-x")
        : fc.constantFrom(...activities.map((activity) => activity["id"] as string)),
      { nil: undefined }
    ),
    fundedBy: fc.option(subset(FUNDING_SCHEMES, 0), { nil: undefined, freq: 4 }),
    document: fc.option(text, { nil: undefined, freq: 1 }),
    description: fc.option(multilineText, { nil: undefined })
  })
  return fc
    .array(expense, { maxLength: 10 })
    .map((list) =>
      list.map((item, index) => withoutUndefined({ id: `dep-${index + 1}`, ...item, conventionId: convention["id"] }))
    )
}

/** Everything a fuzzer feeds the evaluators: a portfolio, one of its conventions, and its records. */
export interface World {
  readonly portfolio: { partners: Array<Record<string, unknown>>; conventions: Array<Record<string, unknown>> }
  /** The convention under study (one of the portfolio's). */
  readonly convention: Record<string, unknown>
  readonly year: number
  /** A day inside the convention's period or around it. */
  readonly date: CalendarDate
  readonly activities: Array<Record<string, unknown>>
  readonly payments: Array<Record<string, unknown>>
  readonly expenses: Array<Record<string, unknown>>
  readonly candidates: Array<Record<string, unknown>>
  /** A financial report of the convention under study. */
  readonly financialReport: Record<string, unknown>
  /** The convention under study with one thing broken (most often refused: the fuzzers catch its ValidationError). */
  readonly brokenConvention: unknown
}

/** A candidate structure for the eligibility rules. */
const candidateJson = fc
  .record({
    structureId: fc.constantFrom("s-1", "s-2", "s-9", "operateur-1"),
    structureName: fc.option(text, { nil: undefined }),
    legalForm: fc.constantFrom(...LEGAL_FORMS),
    departement: fc.constantFrom(...DEPARTEMENTS),
    situation: fc.constantFrom(...SITUATIONS),
    employer: fc.option(fc.boolean(), { nil: undefined }),
    sector: fc.constantFrom(...SECTORS),
    accompanimentKind: fc.constantFrom(...ACCOMPANIMENT_KINDS),
    otherFunding: fc.option(
      fc.array(
        fc
          .record({
            scheme: fc.constantFrom(...FUNDING_SCHEMES),
            conventionId: fc.option(fc.constantFrom("cv-1", "autre"), { nil: undefined })
          })
          .map(withoutUndefined),
        { maxLength: 2 }
      ),
      { nil: undefined }
    )
  })
  .map(withoutUndefined)

/** A portfolio of one to three conventions of one operator, each the successor of the one before, and the records of one of them. */
export const world: fc.Arbitrary<World> = fc
  .record({
    funder: partnerJson("caf-91", ["financeur"]),
    operator: partnerJson("operateur-1", ["operateur"]),
    others: fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 2 }),
    count: fc.integer({ min: 1, max: 3 }),
    lineage: fc.boolean()
  })
  .chain(({ funder, operator, others, count, lineage }) =>
    fc
      .tuple(
        ...Array.from({ length: count }, (_, index) =>
          conventionJson(`cv-${index + 1}`, "caf-91", "operateur-1", lineage && index > 0 ? `cv-${index}` : undefined)
        ),
        ...[...new Set(others)].map((n) => partnerJson(`structure-${n}`, ["structure-accompagnee"])),
        fc.integer({ min: 0, max: count - 1 })
      )
      .map((parts) => {
        const focusIndex = parts[parts.length - 1] as number
        const conventions = parts.slice(0, count) as Array<Record<string, unknown>>
        const partners = [funder, operator, ...(parts.slice(count, -1) as Array<Record<string, unknown>>)]
        return { portfolio: { partners, conventions }, convention: conventions[focusIndex] as Record<string, unknown> }
      })
  )
  .chain(({ portfolio, convention }) => {
    const period = (convention["terms"] as TermsJson).period
    return fc
      .record({
        activities: activitiesJson(convention),
        candidates: fc
          .array(candidateJson, { maxLength: 4 })
          .map((list) => list.map((candidate, index) => ({ id: `candidat-${index + 1}`, ...candidate }))),
        date: dateBetween(addDays(period.start, -40), addDays(period.end, 200)),
        yearPick: fc.nat()
      })
      .chain(({ activities, candidates, date, yearPick }) =>
        fc
          .record({
            payments: paymentsJson(convention),
            expenses: expensesJson(convention, activities),
            financialReport: financialReportJson(convention),
            brokenConvention: breakOne(convention)
          })
          .map(({ payments, expenses, financialReport, brokenConvention }) => {
            const years = yearsOf(period.start, period.end)
            return {
              portfolio,
              convention,
              year: years[yearPick % years.length] as number,
              date,
              activities,
              payments,
              expenses,
              candidates,
              financialReport,
              brokenConvention
            }
          })
      )
  })

/** A copy of the object without its undefined fields (JSON has none). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T
}

/** Paths to every value inside a JSON document. */
export function pathsOf(
  value: unknown,
  prefix: ReadonlyArray<string | number> = []
): Array<ReadonlyArray<string | number>> {
  const here = [prefix]
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))]
  if (value !== null && typeof value === "object")
    return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))]
  return here
}

/** What {@link replaced} takes to remove the value at the path rather than replace it. */
export const REMOVE = Symbol("remove")

/** A copy of `document` with the value at `path` replaced, or removed. */
export function replaced(document: unknown, path: ReadonlyArray<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement
  const copy: unknown = structuredClone(document)
  let parent = copy as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  if (replacement === REMOVE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1)
    else delete parent[last]
  } else parent[last] = replacement
  return copy
}

/** Arbitrary JSON values, strings that look like dates and amounts, and hostile keys. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    "2024-02-30",
    "2023-13-01",
    "-1",
    "1.001",
    "30000,50",
    "",
    " ",
    "__proto__",
    "91",
    "fpt",
    "NaN",
    "9".repeat(40),
    "0999-12-31",
    "9999-12-31",
    1e21,
    -0,
    0.1
  ),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "id", "kind"), fc.jsonValue({ maxDepth: 2 }))
)

/** One thing broken in a valid document: a value removed, replaced by arbitrary JSON, or an unknown field added to an object. */
export function breakOne(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid)
  return fc
    .tuple(fc.constantFrom(...paths), fc.oneof(fc.constant<unknown>(REMOVE), anyJson), fc.boolean())
    .map(([path, replacement, addUnknown]) => {
      const document = replaced(valid, path, replacement)
      if (addUnknown && document !== null && typeof document === "object" && !Array.isArray(document))
        return { ...document, champInconnu: 1 }
      return document
    })
}
