/**
 * Candidates for eligibility: a structure, a kind of support, a sector, and how the same action
 * is funded elsewhere.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { PeriodSchema } from "../calendar/period.js"
import { type RecordDecoder, makeCodec, recordDecoder } from "../core/codec.js"
import { makeMark } from "../core/mark.js"
import { IdSchema, TextSchema } from "../core/schemas.js"
import { DepartementSchema } from "../identifiers/identifiers.js"
import {
  AccompanimentKindSchema,
  FundingSchemeSchema,
  LegalFormSchema,
  SectorSchema,
  SituationSchema
} from "../referential/codes.js"
import { CalendarDateSchema } from "../calendar/date.js"
import { RepublicanCommitmentSchema } from "../partners/republican-commitment-schema.js"

/**
 * Schema of another source of funding for the same action: the scheme (`fpt`…), the convention
 * that funds it when it is one, and the period it covers (when absent, it is taken to cover the
 * whole year asked about).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { OtherFundingSchema } from "caf-conventions"
 * Schema.decodeUnknownSync(OtherFundingSchema)({ scheme: "fpt", period: { start: "2024-01-01", end: "2024-12-31" } }).scheme //=> "fpt"
 * ```
 * @category eligibility
 */
export const OtherFundingSchema = Schema.Struct({
  scheme: FundingSchemeSchema,
  conventionId: Schema.optionalKey(IdSchema),
  period: Schema.optionalKey(PeriodSchema)
})

/**
 * Schema of a candidate: the action to support (`id`), the structure it concerns (id, name,
 * legal form, département, situation, whether it employs staff), the sector and kind of support
 * asked for, and the other funding the same action receives. When the structure itself asks for
 * a subsidy (a call for projects), `subsidyRequestedOn` is the day of its request and
 * `republicanCommitment` its *contrat d'engagement républicain* (see
 * {@link REPUBLICAN_COMMITMENT_RULE}).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { CandidateSchema } from "caf-conventions"
 * const candidate = Schema.decodeUnknownSync(CandidateSchema)({
 *   id: "viry-2024", structureId: "mjc-viry-chatillon", legalForm: "association-loi-1901",
 *   departement: "91", situation: "en-developpement", sector: "jeunesse", accompanimentKind: "individuel"
 * })
 * candidate.otherFunding //=> []
 * ```
 * @category eligibility
 */
export const CandidateSchema = Schema.Struct({
  id: IdSchema,
  structureId: IdSchema,
  structureName: Schema.optionalKey(TextSchema),
  legalForm: LegalFormSchema,
  departement: DepartementSchema,
  situation: SituationSchema,
  employer: Schema.optionalKey(Schema.Boolean),
  sector: SectorSchema,
  accompanimentKind: AccompanimentKindSchema,
  otherFunding: Schema.Array(OtherFundingSchema).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  subsidyRequestedOn: Schema.optionalKey(CalendarDateSchema),
  republicanCommitment: Schema.optionalKey(RepublicanCommitmentSchema)
})

/**
 * A candidate for support under a convention (see {@link CandidateSchema}).
 *
 * @example
 * ```ts
 * import { parseCandidate, type Candidate } from "caf-conventions"
 * const candidate: Candidate = parseCandidate({
 *   id: "viry-2024", structureId: "mjc-viry-chatillon", legalForm: "association-loi-1901",
 *   departement: "91", situation: "en-developpement", sector: "jeunesse", accompanimentKind: "individuel"
 * })
 * ```
 * @category eligibility
 */
export interface Candidate extends Schema.Schema.Type<typeof CandidateSchema> {}

/**
 * A candidate as written in JSON.
 *
 * @example
 * ```ts
 * import type { CandidateJson } from "caf-conventions"
 * const json: CandidateJson = {
 *   id: "viry-2024", structureId: "mjc-viry-chatillon", legalForm: "association-loi-1901",
 *   departement: "91", situation: "en-developpement", sector: "jeunesse", accompanimentKind: "individuel"
 * }
 * ```
 * @category eligibility
 */
export interface CandidateJson extends Schema.Codec.Encoded<typeof CandidateSchema> {}

/** @internal Candidates decoded by this module: screening trusts them without checking again. */
export const decodedCandidates = makeMark()

const candidateCodec = makeCodec<Candidate, CandidateJson>(CandidateSchema, "candidate", {
  registry: decodedCandidates
})
const candidatesCodec = makeCodec<ReadonlyArray<Candidate>, ReadonlyArray<CandidateJson>>(
  Schema.Array(CandidateSchema),
  "candidates",
  { registry: decodedCandidates }
)

/**
 * @internal Decodes one candidate read alone (a line of a JSON Lines file, a row of a stream):
 * the candidate decoded, deep-frozen and marked as decoded (`decodedCandidates`), exactly as
 * `parseCandidates` decodes each of its items,
 * or a {@link ValidationError} of subject `"candidates"` whose issues' paths start with `path`
 * (pass the candidate's index, `[12]`: the same issues, codes, messages and paths as
 * `parseCandidates` reports for that item).
 */
export const decodeCandidateAt: RecordDecoder<Candidate> = recordDecoder(candidateCodec.safeParse, "candidates")

/**
 * Reads a candidate, or throws a {@link ValidationError} naming every faulty field (an unknown
 * sector lists the valid ones).
 *
 * @example
 * ```ts
 * import { parseCandidate } from "caf-conventions"
 * parseCandidate({ id: "x", structureId: "s", legalForm: "association-loi-1901", departement: "91", situation: "en-difficulte", sector: "sport", accompanimentKind: "individuel" })
 * // throws ValidationError: sector: Expected "petite-enfance" | "enfance" | …
 * ```
 * @category eligibility
 */
export const parseCandidate = candidateCodec.parse

/**
 * Like {@link parseCandidate}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseCandidate } from "caf-conventions"
 * safeParseCandidate({ id: "x" }).success //=> false
 * ```
 * @category eligibility
 */
export const safeParseCandidate = candidateCodec.safeParse

/**
 * Reads a candidate as an `Effect` failing with a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { decodeCandidate } from "caf-conventions"
 * declare const json: unknown
 * const program = decodeCandidate(json).pipe(Effect.map((candidate) => candidate.sector))
 * ```
 * @category eligibility
 */
export const decodeCandidate = candidateCodec.decode

/**
 * Writes a candidate back to JSON.
 *
 * @example
 * ```ts
 * import { encodeCandidate, parseCandidate } from "caf-conventions"
 * declare const json: unknown
 * encodeCandidate(parseCandidate(json)).otherFunding //=> [] when none was given
 * ```
 * @category eligibility
 */
export const encodeCandidate = candidateCodec.encode

/**
 * Reads a list of candidates (a batch file), or throws a {@link ValidationError} naming every
 * faulty field with the candidate's index (`[3].sector`).
 *
 * @example
 * ```ts
 * import { parseCandidates } from "caf-conventions"
 * parseCandidates([]) //=> []
 * ```
 * @category eligibility
 */
export const parseCandidates = candidatesCodec.parse

/**
 * Like {@link parseCandidates}, returning `{ success, data | error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseCandidates } from "caf-conventions"
 * safeParseCandidates([{ id: "x" }]).success //=> false
 * ```
 * @category eligibility
 */
export const safeParseCandidates = candidatesCodec.safeParse

/** @internal A fast structural check, used before evaluating a candidate that did not come through the decoder. */
export const isCandidate = Schema.is(CandidateSchema)
