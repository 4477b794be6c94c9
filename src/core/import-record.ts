/**
 * The record of one walking-file import as the import history keeps it (imports.summary, JSON), and the words that
 * say what an import did, shared by the Walking page, its history and `footing import`. The type, validator,
 * version and the reading of older rows, in one place.
 *
 * What the figures count (every report uses these meanings):
 * - **records**: the entries of the file Footing read: Apple Health's Record and Workout elements, FIT record
 *   messages, GPX and TCX track points, Fitbit CSV rows.
 * - **samples** (walking measurements): what those records gave that Footing keeps: a walk's steps, distance or
 *   time, one heart-rate, cadence or speed reading, a day's steps. One record can give several (a FIT session gives
 *   its time, distance and steps), so records and measurements are not comparable counts.
 * - **added**: measurements newly stored; **duplicates**: the others (already stored by an earlier import, or
 *   repeated in this file), so samples = added + duplicates.
 * - **skipped**: what the file held that is not walking, by reason (src/core/walking-activity.ts).
 */
import { z } from 'zod';
import { isoDate } from './record-fields.js';
import { SKIP_REASONS, type SkippedByReason } from './walking-activity.js';

/** What an import did: stored something, stored nothing because everything was there, or stored nothing at all
 * because the file was refused (unreadable, damaged in strict mode, several people). */
export type ImportStatus = 'imported' | 'nothing-new' | 'not-imported';

export function importStatus(r: { ok: boolean; added: number }): ImportStatus {
  return !r.ok ? 'not-imported' : r.added > 0 ? 'imported' : 'nothing-new';
}

export const IMPORT_RECORD_VERSION = 1;
/** Problems kept with a record (the Walking page lists as many). */
export const IMPORT_RECORD_PROBLEMS = 20;

const count = z.number().int().min(0);
const RECORD_PART = z.enum(['set', 'same']);

/** Where a problem is (src/importers/import-error.ts ImportLocation, as stored). */
export const ImportProblemLocation = z
  .object({
    file: z.string(),
    entry: z.string().optional(),
    line: count.optional(),
    column: count.optional(),
    byteOffset: count.optional(),
    field: z.string().optional(),
  })
  .strict();

export const ImportProblemRecord = z
  .object({
    severity: z.enum(['error', 'warning']),
    code: z.string().max(40),
    message: z.string().max(1000),
    /** The message's id and parameters (src/core/import-problem-words.ts), for the language on screen; absent in
     * records made before them and for a message not given an id yet (then the English message is shown). */
    text: z
      .object({ id: z.string().max(60), params: z.record(z.string(), z.unknown()) })
      .strict()
      .optional(),
    location: ImportProblemLocation,
  })
  .strict();
export type ImportProblemRecord = z.infer<typeof ImportProblemRecord>;

export const ImportRecord = z
  .object({
    version: z.literal(IMPORT_RECORD_VERSION),
    status: z.enum(['imported', 'nothing-new', 'not-imported']),
    mode: z.enum(['strict', 'lenient']),
    records: count,
    samples: count,
    added: count,
    duplicates: count,
    /** Null in records of imports made before Footing kept it. */
    skipped: count.nullable(),
    skippedBy: z.partialRecord(z.enum(SKIP_REASONS), count),
    errorCount: count,
    warningCount: count,
    /** The first problems, as the import listed them. */
    problems: z.array(ImportProblemRecord).max(IMPORT_RECORD_PROBLEMS),
    /** The days the file covers; null in records of imports made before Footing kept them. */
    days: z.object({ count, first: isoDate.nullable(), last: isoDate.nullable() }).strict().nullable(),
    /** Pain check-ins of a FHIR file: newly stored and already stored (absent for other files and older records). */
    checkins: z.object({ added: count, duplicates: count }).strict().optional(),
    /** Screening results and outcome entries of a FHIR file: newly stored and already stored (absent otherwise). */
    assessments: z.object({ added: count, duplicates: count }).strict().optional(),
    /** What a FHIR file gave of the record itself: each part taken ('set', a program event for the stage and the
     * walking target) or already the same (absent for other files, parts the file did not give, and older records). */
    record: z
      .object({
        birthYear: RECORD_PART.optional(),
        stage: RECORD_PART.optional(),
        walkingTarget: RECORD_PART.optional(),
      })
      .strict()
      .optional(),
    /** Gait analyses of a FHIR file: newly stored and already stored (absent otherwise). */
    gait: z.object({ added: count, duplicates: count }).strict().optional(),
    /** Where a FHIR file's step days came from, as its Provenance says (src/importers/fhir-provenance.ts): the device or
     * the patient, the files they were first imported from, when, and the days. The export names these for the days
     * this import stored, so a record moved between Footings keeps where its steps came from (docs/clinic.md). */
    origins: z
      .array(
        z
          .object({
            source: z.string().max(200),
            device: z.string().max(200).nullable(),
            recorded: z.string().max(40),
            files: z
              .array(z.object({ fileName: z.string().max(500), format: z.string().max(40), at: isoDate }).strict())
              .max(1000),
            dates: z.array(isoDate).max(100_000),
          })
          .strict(),
      )
      .max(1000)
      .optional(),
  })
  .strict();
export type ImportRecord = z.infer<typeof ImportRecord>;

/** What imports stored before version 1 (kept imports only: a file that added nothing left no row). */
const ImportRecordV0 = z.object({ records: count, samples: count, added: count, errors: count, warnings: count });

/**
 * The record of a stored row: version 1 as it is, an older row brought up to it (what it did not keep is null).
 * Throws a ZodError for anything else.
 */
export function readImportRecord(json: unknown): ImportRecord {
  if (typeof json === 'object' && json !== null && !('version' in json)) {
    const v0 = ImportRecordV0.parse(json);
    return {
      version: IMPORT_RECORD_VERSION,
      status: importStatus({ ok: true, added: v0.added }),
      mode: 'lenient',
      records: v0.records,
      samples: v0.samples,
      added: v0.added,
      duplicates: Math.max(0, v0.samples - v0.added),
      skipped: null,
      skippedBy: {},
      errorCount: v0.errors,
      warningCount: v0.warnings,
      problems: [],
      days: null,
    };
  }
  return ImportRecord.parse(json);
}

/** The figures every import report carries (a record, the JSON of `footing import --json`, the page's result). */
export interface ImportFigures {
  ok: boolean;
  mode: 'strict' | 'lenient';
  samples: number;
  added: number;
  duplicates: number;
  errorCount: number;
}

const n = (x: number, one: string, many: string) => `${x.toLocaleString('en')} ${x === 1 ? one : many}`;

/**
 * One sentence that says what an import did, with words and numbers that agree: "55 new walking measurements
 * added", "Nothing new: all 55 walking measurements in this file were already stored", "Nothing imported: you chose
 * to import nothing from a damaged file".
 */
export function importOutcomeText(r: ImportFigures, skipped: SkippedByReason = {}): string {
  if (!r.ok)
    return r.mode === 'strict' && r.errorCount > 0
      ? 'Nothing imported: you chose “import nothing” for a file with damaged records'
      : 'Nothing imported: the file could not be used';
  if (r.added > 0) {
    const already = r.duplicates > 0 ? ` (${n(r.duplicates, 'other was', 'others were')} already stored)` : '';
    return `${n(r.added, 'new walking measurement', 'new walking measurements')} added${already}`;
  }
  if (r.samples > 0)
    return `Nothing new: ${r.samples === 1 ? 'its 1 walking measurement was' : `all ${r.samples.toLocaleString('en')} walking measurements in this file were`} already stored`;
  const left = Object.values(skipped).some((v) => v > 0);
  return left
    ? 'Nothing new: the file holds no walking (see what was left out)'
    : 'Nothing new: the file holds no walking measurements';
}
