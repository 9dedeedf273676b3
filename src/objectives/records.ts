/**
 * Preparing activity records for an evaluation, and handing them to the years evaluated: a list
 * as a whole, or any iterable (sync or async) one record at a time.
 *
 * @module
 */
import { RecordIntake } from "../core/record-stream.js"
import { type RecordReader, distinctById } from "../core/records.js"
import { type Activity, decodedActivities, isActivity, safeParseActivity } from "./activity.js"
import type { ExclusionWhy } from "./measure.js"
import { exclusionDetail } from "../vocabulary/objectives.js"

/**
 * Decoded by this library, or exactly the shape of an activity record (checked, not guessed). A
 * decoded record always has its `structures` and `fundedBy` lists (the decoder fills them in): a
 * record read from JSON without them goes straight to the decoder, without the exact check.
 */
function looksDecoded(record: unknown): record is Activity {
  if (decodedActivities.has(record)) return true
  const lists = record as { readonly structures?: unknown; readonly fundedBy?: unknown } | null
  return (
    lists !== null &&
    typeof lists === "object" &&
    Array.isArray(lists.structures) &&
    Array.isArray(lists.fundedBy) &&
    isActivity(record)
  )
}

/**
 * How activity records are read. The decoder of one record (`safeParse`) is the codec's, which
 * tries first the fast decoder compiled from the Schema (src/core/fast.ts), with the same values
 * and errors: every evaluator (lists, iterables, streams) uses it.
 */
const ACTIVITIES: RecordReader<Activity> = { subject: "activities", looksDecoded, safeParse: safeParseActivity }

/** @internal Why an identical copy of a record is left out when the record counts. */
const DUPLICATE: ExclusionWhy = { reason: "duplicate-id", detail: exclusionDetail({ fact: "duplicate" }) }

/**
 * The unique activity records in the order given, and the extra copies of identical ones as
 * exclusions: the tallies sort what they return by id, whatever the order the records come in.
 *
 * @internal
 */
function uniqueRecords(records: ReadonlyArray<unknown>): {
  readonly unique: ReadonlyArray<Activity>
  readonly duplicates: ReadonlyArray<Activity>
} {
  const { unique, copies } = distinctById(records, ACTIVITIES)
  return { unique, duplicates: copies }
}

/** @internal What reads the records of an evaluation: the years evaluated. */
export interface RecordSink {
  /**
   * Told, before the first record, that the records are a list of values this library decoded
   * (frozen: they read the same later), which the sink may keep and have handed to it again (see
   * {@link KeptRecords}). Not told when the records are streamed, or when some are plain objects
   * of the right shape (taken as they are, so that they could change after the evaluation).
   */
  keep?(records: KeptRecords): void
  /** Counts or excludes the first record with its id. */
  take(record: Activity): void
  /** Excludes an identical copy of a record already taken (`copy`: why, when the record counts). */
  excludeCopy(record: Activity, copy: ExclusionWhy): void
}

/**
 * @internal The records of a list, kept: how many were given, and `replay`, which hands them to
 * another sink exactly as they were handed the first time (the same records, in the same order,
 * the copies last), so that what a sink left unwritten can be found again when it is read.
 */
export interface KeptRecords {
  readonly given: number
  replay(sink: RecordSink): void
}

/** Whether every record is a value this library decoded (marked, and frozen by the decoder). */
function allDecoded(records: ReadonlyArray<Activity>): boolean {
  for (let index = 0; index < records.length; index++) if (!decodedActivities.has(records[index])) return false
  return true
}

/** Hands the unique records then the copies to the sinks. */
function feedRecords(
  unique: ReadonlyArray<Activity>,
  duplicates: ReadonlyArray<Activity>,
  sinks: ReadonlyArray<RecordSink>
): void {
  for (const record of unique) for (const sink of sinks) sink.take(record)
  for (const copy of duplicates) for (const sink of sinks) sink.excludeCopy(copy, DUPLICATE)
}

/** @internal How many records were given, and how many after removing identical copies. */
export interface RecordCounts {
  readonly given: number
  readonly unique: number
}

/** No record given. */
const NO_RECORDS: RecordCounts = Object.freeze({ given: 0, unique: 0 })

/**
 * @internal Hands a list of records to the sinks, in the order given, copies last; throws as
 * {@link distinctById}. When every record is one this library decoded, the sinks are first told
 * they may keep them (see {@link RecordSink.keep}).
 */
export function feedList(records: ReadonlyArray<unknown>, sinks: ReadonlyArray<RecordSink>): RecordCounts {
  if (records.length === 0) return NO_RECORDS
  const { unique, duplicates } = uniqueRecords(records)
  if (allDecoded(unique) && allDecoded(duplicates)) {
    const kept: KeptRecords = { given: records.length, replay: (sink) => feedRecords(unique, duplicates, [sink]) }
    for (const sink of sinks) sink.keep?.(kept)
  }
  feedRecords(unique, duplicates, sinks)
  return { given: records.length, unique: unique.length }
}

/** Hands one record read to the sinks, once the intake has decoded it. */
function feedOne(intake: RecordIntake<Activity>, input: unknown, sinks: ReadonlyArray<RecordSink>): void {
  const taken = intake.take(input)
  // After a problem, the rest is read only for its own problems: the evaluation will throw.
  if (taken.kind === "refused" || intake.failed) return
  if (taken.kind === "first") for (const sink of sinks) sink.take(taken.record)
  else for (const sink of sinks) sink.excludeCopy(taken.record, DUPLICATE)
}

/**
 * @internal Hands records read one at a time to the sinks, keeping none of them (only each id's
 * first index and a digest of its content); throws, once all are read, the same
 * {@link ValidationError} as {@link feedList} on the same records as a list.
 */
export function feedIterable(records: Iterable<unknown>, sinks: ReadonlyArray<RecordSink>): RecordCounts {
  const intake = new RecordIntake(ACTIVITIES)
  for (const input of records) feedOne(intake, input, sinks)
  intake.finish()
  return { given: intake.given, unique: intake.unique }
}

/** @internal Like {@link feedIterable}, for an async iterable (a stream, a database cursor) or a sync one. */
export async function feedAsync(
  records: Iterable<unknown> | AsyncIterable<unknown>,
  sinks: ReadonlyArray<RecordSink>
): Promise<RecordCounts> {
  const intake = new RecordIntake(ACTIVITIES)
  for await (const input of records) feedOne(intake, input, sinks)
  intake.finish()
  return { given: intake.given, unique: intake.unique }
}
