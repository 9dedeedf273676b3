/**
 * Activity records: what the partner reports having done, the raw material of the objectives.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { CalendarDateSchema } from "../calendar/date.js"
import { type RecordDecoder, makeCodec, recordDecoder } from "../core/codec.js"
import { localizedIssue } from "../core/issues.js"
import { makeMark } from "../core/mark.js"
import { IdSchema, MultilineTextSchema, TextSchema, jsonSchemaHint, uniqueList } from "../core/schemas.js"
import { DepartementSchema } from "../identifiers/identifiers.js"
import {
  FundingSchemeSchema,
  LegalFormSchema,
  PartnershipBodySchema,
  SectorSchema,
  SituationSchema
} from "../referential/codes.js"
import { ActivityKindSchema } from "../referential/convention-codes.js"
import { DURATION_TWICE, QUANTITY_FORM } from "../vocabulary/consistency.js"
import { MeasureNameSchema } from "../conventions/objective.js"

/**
 * Whether a number is written with at most two decimals: read on its shortest decimal text
 * (`String(0.07)` is `"0.07"`), since `0.07 * 100` is not 7 in binary floating point.
 */
const atMostTwoDecimals = (n: number) => Number.isInteger(n) || /^\d+\.\d{1,2}$/u.test(String(n))

const Quantity = Schema.Number.check(
  Schema.makeFilter(
    (n: number) =>
      (Number.isFinite(n) && n >= 0 && atMostTwoDecimals(n)) ||
      localizedIssue(QUANTITY_FORM.en, { code: "range", ...QUANTITY_FORM }),
    jsonSchemaHint("A number ≥ 0 with at most 2 decimals", { minimum: 0, multipleOf: 0.01 })
  )
)

/**
 * Schema of a structure concerned by an activity, as the partner reports it: its id, name, legal
 * form, département and situation at the time (what the eligibility rules read), and whether it
 * employs staff.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ActivityStructureSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(ActivityStructureSchema)({ id: "mjc-viry-chatillon", legalForm: "association-loi-1901", departement: "91", situation: "en-developpement" }).id
 * //=> "mjc-viry-chatillon"
 * ```
 * @category objectives
 */
export const ActivityStructureSchema = Schema.Struct({
  id: IdSchema,
  name: Schema.optionalKey(TextSchema),
  legalForm: LegalFormSchema,
  departement: DepartementSchema,
  situation: SituationSchema,
  employer: Schema.optionalKey(Schema.Boolean)
})

/**
 * Schema of an activity record:
 * - `id` (unique across the records of a convention), `date`, `kind` (see {@link ActivityKind});
 * - `structures`: the structures concerned (none for a meeting of a body, say);
 * - `sector`, `body` (for a meeting of a partnership body), `theme`;
 * - `days` or `hours` of duration, `participants`;
 * - `measures`: other named figures an indicator may add up (`{ "familles": 12 }`), each ≥ 0 with
 *   at most 2 decimals; `beneficiaries`: named lists of the ids of those concerned
 *   (`{ "familles": ["fam-12", "fam-31"] }`), for an indicator that counts distinct ones across
 *   records;
 * - `fundedBy`: other schemes funding the same activity (`fpt`…), `conventionId`: the convention
 *   the partner reports it under, when it has several; `notes`: free text.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ActivitySchema } from "caf-conventions"
 * const record = Schema.decodeUnknownSync(ActivitySchema)({
 *   id: "a-1", date: "2024-03-12", kind: "action-collective", sector: "animation-vie-sociale",
 *   theme: "Bénévolat", days: 1, participants: 14
 * })
 * record.fundedBy //=> []
 * ```
 * @category objectives
 */
export const ActivitySchema = Schema.Struct({
  id: IdSchema,
  date: CalendarDateSchema,
  kind: ActivityKindSchema,
  structures: Schema.Array(ActivityStructureSchema).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  sector: Schema.optionalKey(SectorSchema),
  body: Schema.optionalKey(PartnershipBodySchema),
  theme: Schema.optionalKey(TextSchema),
  days: Schema.optionalKey(Quantity),
  hours: Schema.optionalKey(Quantity),
  participants: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
  measures: Schema.optionalKey(Schema.Record(MeasureNameSchema, Quantity)),
  beneficiaries: Schema.optionalKey(Schema.Record(MeasureNameSchema, uniqueList(IdSchema))),
  fundedBy: uniqueList(FundingSchemeSchema).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  conventionId: Schema.optionalKey(IdSchema),
  notes: Schema.optionalKey(MultilineTextSchema)
}).check(
  Schema.makeFilter((record: { readonly days?: number; readonly hours?: number }) =>
    record.days !== undefined && record.hours !== undefined
      ? { path: ["hours"], issue: localizedIssue(DURATION_TWICE.en, { code: "rule", ...DURATION_TWICE }) }
      : true
  )
)

/**
 * An activity record (see {@link ActivitySchema}).
 *
 * @example
 * ```ts
 * import { parseActivity, type Activity } from "caf-conventions"
 * const meeting: Activity = parseActivity({ id: "sdaf-1", date: "2024-05-14", kind: "reunion-instance", body: "sdaf" })
 * ```
 * @category objectives
 */
export interface Activity extends Schema.Schema.Type<typeof ActivitySchema> {}

/**
 * An activity record as written in JSON.
 *
 * @example
 * ```ts
 * import type { ActivityJson } from "caf-conventions"
 * const json: ActivityJson = { id: "sdaf-1", date: "2024-05-14", kind: "reunion-instance", body: "sdaf" }
 * ```
 * @category objectives
 */
export interface ActivityJson extends Schema.Codec.Encoded<typeof ActivitySchema> {}

/** @internal Activity records decoded by this module: evaluators trust them without checking again. */
export const decodedActivities = makeMark()
/** @internal An exact check of an activity record's shape, for records not decoded here. */
export const isActivity = Schema.is(ActivitySchema)

const activityCodec = makeCodec<Activity, ActivityJson>(ActivitySchema, "activity", { registry: decodedActivities })
const activitiesCodec = makeCodec<ReadonlyArray<Activity>, ReadonlyArray<ActivityJson>>(
  Schema.Array(ActivitySchema),
  "activities",
  { registry: decodedActivities }
)

/**
 * @internal Decodes one activity record read alone (a line of a JSON Lines file, a row of a stream): the
 * activity record decoded, deep-frozen and marked as decoded, exactly as `parseActivities` decodes each of its items,
 * or a {@link ValidationError} of subject `"activities"` whose issues' paths start with `path` (pass
 * the record's index, `[12]`: the same issues, codes, messages and paths as `parseActivities` reports for
 * that item). Records the library decoded already are recognised by `decodedActivities.has`.
 */
export const decodeActivityAt: RecordDecoder<Activity> = recordDecoder(activityCodec.safeParse, "activities")

/**
 * Reads one activity record, or throws a {@link ValidationError} naming every faulty field.
 *
 * @example
 * ```ts
 * import { parseActivity } from "caf-conventions"
 * parseActivity({ id: "sdaf-1", date: "2024-05-14", kind: "reunion-instance", body: "sdaf" }).kind //=> "reunion-instance"
 * ```
 * @category objectives
 */
export const parseActivity = activityCodec.parse

/**
 * Like {@link parseActivity}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseActivity } from "caf-conventions"
 * safeParseActivity({ id: "x", date: "2024-02-30", kind: "diagnostic" }).success //=> false
 * ```
 * @category objectives
 */
export const safeParseActivity = activityCodec.safeParse

/**
 * Reads one activity record as an `Effect` failing with a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { decodeActivity } from "caf-conventions"
 * Effect.runSync(decodeActivity({ id: "d-1", date: "2024-01-10", kind: "diagnostic" })).structures //=> []
 * ```
 * @category objectives
 */
export const decodeActivity = activityCodec.decode

/**
 * Reads a file of activity records (a JSON array), or throws a {@link ValidationError} naming
 * every faulty field with its record's index (`[12].date`).
 *
 * @example
 * ```ts
 * import { parseActivities } from "caf-conventions"
 * parseActivities([{ id: "d-1", date: "2024-01-10", kind: "diagnostic" }]).length //=> 1
 * ```
 * @category objectives
 */
export const parseActivities = activitiesCodec.parse

/**
 * Like {@link parseActivities}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseActivities } from "caf-conventions"
 * safeParseActivities([{ id: "d-1" }]).success //=> false
 * ```
 * @category objectives
 */
export const safeParseActivities = activitiesCodec.safeParse

/**
 * Reads a file of activity records as an `Effect` failing with a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { decodeActivities } from "caf-conventions"
 * Effect.runSync(decodeActivities([])) //=> []
 * ```
 * @category objectives
 */
export const decodeActivities = activitiesCodec.decode

/**
 * Writes activity records back to JSON.
 *
 * @example
 * ```ts
 * import { encodeActivities, parseActivities } from "caf-conventions"
 * encodeActivities(parseActivities([{ id: "d-1", date: "2024-01-10", kind: "diagnostic" }]))[0]?.fundedBy //=> []
 * ```
 * @category objectives
 */
export const encodeActivities = activitiesCodec.encode
