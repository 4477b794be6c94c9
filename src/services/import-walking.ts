/**
 * Importing a walking file into the store: the importer streams samples, gathered into day chunks of their
 * streams (src/importers/sample-chunks.ts, src/core/walking-chunk.ts), and the whole file is one transaction: a
 * bad file in strict mode, an error, or a killed process leaves the database as it was. Idempotent: a sample
 * already stored (same stream, start and end) is skipped when its chunk is merged, so importing the same file
 * twice adds nothing and an overlapping newer export adds only what is new.
 *
 * Speed (multi-GB Apple Health exports): large files are parsed on a worker thread (import-in-worker.ts), which
 * also builds the chunks, while this thread merges and writes them: a few hundred rows per GB instead of millions,
 * so parsing is what bounds an import. A large plain export.xml is therefore read in two parts at once, the
 * worker's and this thread's (importInTwoParts); `timing` says how it went and which thread bounded it.
 *
 * Daily totals: every delivered sample is summed into per-day totals as its chunk arrives. A day that held no
 * samples before and met no repeat takes them as they are; a day that held samples before and gained some, or
 * a new day where some samples were repeats, is recomputed from the database afterwards.
 *
 * What is reported is what was stored: `added` counts the samples the merge stored (a sample repeated in the file
 * is stored, and counted, once), and `days` are the stored totals of the file's days after the import, read back
 * from walking_days. Every import, kept or not, leaves a row in the import history (`imports`) with its record
 * (src/core/import-record.ts); a file that stored nothing leaves only that row.
 */
import { localCalendarDate } from '../core/dates.js';
import { chunkKey, type SampleChunk } from '../core/walking-chunk.js';
import { WalkingDaysAccumulator } from '../core/walking-day.js';
import type { SampleTimes } from '../core/walking-merge.js';
import type { WalkingSample } from '../core/walking.js';
import { detectFormat, DETECT_HEAD_BYTES, type DetectedFormat } from '../importers/detect-format.js';
import { displayName, readHead } from '../importers/file-input.js';
import type { AnyImportOptions } from '../importers/import-file.js';
import { importFileInWorker, WORKER_BATCH_SIZE } from '../importers/import-in-worker.js';
import { importRecord, type StoredDayTotals, type StoredFigures } from '../importers/import-report.js';
import type { ImportSummary } from '../importers/import-sink.js';
import { ChunkCollector } from '../importers/sample-chunks.js';
import { threadCpuMs } from '../importers/thread-cpu.js';
import type { Store } from '../store/db.js';
import { newId, toJson } from '../store/json-column.js';
import { addImportedCheckins } from '../store/repos/checkins.js';
import { storeImportedAssessments } from './import-assessments.js';
import { storeImportedGait } from './import-gait.js';
import { streamKey } from '../importers/fhir-provenance.js';
import { storeImportedRecord, type RecordFigures } from './import-record-parts.js';
import { assertOpenProgram } from './clinician-service.js';
import { getPerson } from '../store/repos/people.js';
import { getProgram } from '../store/repos/program.js';
import { insertImport } from '../store/repos/imports.js';
import {
  kyselyChunks,
  lockWalking,
  mergeChunk,
  recomputeDays,
  sqliteChunks,
  storedDayTotals,
  writeWalkingDays,
  type ChunkTable,
} from '../store/repos/walking.js';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export interface StoredImport extends StoredFigures {
  summary: ImportSummary;
  /** The import whose samples were stored, or null when the file stored none. */
  importId: string | null;
  /** This import's row in the history (`imports`): every import leaves one. */
  historyId: string;
  /** Where the time went (benchmarks print it): parsing (with normalising) vs storing. */
  timing: ImportTiming;
}

/** Milliseconds of wall time. On a worker, parsing and storing overlap: see `parserBlockedMs`. */
export interface ImportTiming {
  onWorker: boolean;
  /** 2 when the file was read in two parts at once (the worker and this thread). */
  parts: 1 | 2;
  totalMs: number;
  /** Merging and writing chunks (this thread). */
  storeMs: number;
  /** On a worker: the parser waiting for the store to take chunks (the store was the slower side). */
  parserBlockedMs: number;
  /** On a worker: until the first chunks arrived (start-up and first parse). */
  firstBatchMs: number;
  /** After the last chunks: daily totals written and recomputed, commit (and SQLite's checkpoint). */
  finishMs: number;
  /** CPU time of this thread over the import (Linux; null elsewhere): on a worker, the store's real cost. */
  mainCpuMs: number | null;
  /** CPU time of the worker's parser (Linux, worker only; null otherwise). */
  parserCpuMs: number | null;
}

/** Options of a stored import: the importer's, and where it parses. */
export type StoreImportOptions = Omit<AnyImportOptions, 'onBatch' | 'onePerson'> & {
  /** `auto` (default): files from WORKER_MIN_BYTES up parse on a worker thread; `always`/`never` force it. */
  worker?: 'auto' | 'always' | 'never';
  /** Samples held before open chunks are stored (default: the collector's; tests make days arrive in parts). */
  chunkSamples?: number;
  /**
   * `auto` (default): a plain Apple Health export.xml from SPLIT_MIN_BYTES up, on a machine with two cores or more,
   * is read in two parts at once, the worker thread and this one (see importInTwoParts). `never`: one part.
   */
  split?: 'auto' | 'never';
  /** The size from which `split: 'auto'` splits (tests make it small). */
  splitMinBytes?: number;
  /** Hears how many samples have reached the store so far (progress displays). */
  onSamples?: (samples: number) => void;
  /** The person's calendar date, for the program events of an adopted program: the web app sends its own (as for
   * every other event); without it, this machine's calendar date (todayFrom's fallback, and `footing import`'s, which
   * runs on the person's own machine). Never the UTC date: 23:30 in Madrid is already tomorrow in UTC. */
  today?: string;
};

/** From this size a plain Apple export is read in two parts: below it the second part's start-up is not repaid. */
export const SPLIT_MIN_BYTES = 64 * 1024 * 1024;
/** Share of the file the worker reads: this thread also merges and stores every chunk, so it takes less. */
const SPLIT_WORKER_SHARE = 0.56;

/** The two parts did not both stand (ApplePartResult.valid): the import is rolled back and done in one part. */
class SplitFallback extends Error {}

/** Below this a worker thread's start-up (~0.1-0.3 s with tsx) costs more than the overlap saves. */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;

class Rollback extends Error {}

/** What the store keeps count of while batches go in. */
interface Tally {
  added: number;
  seen: number;
  /** Dates that held samples before this import. */
  existing: ReadonlySet<string>;
  /** Existing dates that gained samples: recomputed from the database. */
  touched: Set<string>;
  /** Dates where a delivered sample was already stored or repeated: the accumulated total would count it. */
  dirty: Set<string>;
  /** Every date the file's samples fall on. */
  dates: Set<string>;
}

export async function importWalkingFile(
  store: Store,
  personId: string,
  path: string,
  options: StoreImportOptions = {},
): Promise<StoredImport> {
  const {
    worker = 'auto',
    chunkSamples,
    split = 'auto',
    splitMinBytes = SPLIT_MIN_BYTES,
    onSamples,
    today,
    ...rest
  } = options;
  // A program is taken from a file only into a program this person started with their own safety answers: asked
  // for and impossible, the import is refused before the file is read (import-record-parts.ts).
  if (rest.adoptProgram) assertOpenProgram(await getProgram(store.db, personId));
  // The record's birth year: a FHIR file whose Patient was born in another year is refused (fhir.ts).
  rest.recordBirthYear = (await getPerson(store.db, personId))?.birthYear ?? null;
  // Everything goes to this one person: a file with several people's rows must name whose (fitbit-csv.ts).
  // The format is detected once, here, and handed on to the importer (and the worker): issue 12 item 4.
  const detected = await detectFile(path);
  // A FHIR file: the step streams the record holds by date, so its own days coming back are not stored twice (fhir.ts).
  if (detected?.format === 'fhir') rest.heldStepStreams = await heldStepStreams(store, personId);
  const importOptions: Omit<AnyImportOptions, 'onBatch'> = {
    ...rest,
    onePerson: true,
    ...(detected !== undefined ? { detected } : {}),
  };
  const useWorker = worker === 'always' || (worker === 'auto' && fileSize(path) >= WORKER_MIN_BYTES);
  const cut =
    useWorker && split === 'auto' && detected?.format === 'apple-health-xml'
      ? await splitPoint(path, splitMinBytes)
      : null;
  let summary: ImportSummary | null = null;
  let tally: Tally | null = null;
  let importId: string | null = null;
  let days: Record<string, StoredDayTotals> = {};
  let checkins: { added: number; duplicates: number } | undefined;
  let assessments: { added: number; duplicates: number } | undefined;
  let gait: { added: number; duplicates: number } | undefined;
  let recordFigures: RecordFigures | undefined;
  const fileName = options.fileName ?? path;
  const startedAt = new Date().toISOString();
  const restore = tuneSqlite(store);
  const t0 = performance.now();
  const timing: ImportTiming = {
    onWorker: useWorker,
    parts: cut ? 2 : 1,
    totalMs: 0,
    storeMs: 0,
    parserBlockedMs: 0,
    firstBatchMs: 0,
    finishMs: 0,
    mainCpuMs: null,
    parserCpuMs: null,
  };
  const cpu0 = threadCpuMs();
  let parsedAt = 0;
  let splitFailed = false;
  try {
    await store.db.transaction().execute(async (trx) => {
      await lockWalking(trx, personId);
      const existing = new Set(
        (
          await trx
            .selectFrom('walking_sample_chunks')
            .select('date')
            .distinct()
            .where('person_id', '=', personId)
            .execute()
        ).map((r) => r.date),
      );
      const t: Tally = (tally = {
        added: 0,
        seen: 0,
        existing,
        touched: new Set(),
        dirty: new Set(),
        dates: new Set(),
      });
      importId = newId();
      // The import row goes first (chunks reference it); it is rolled back with the rest if nothing is kept.
      await insertImport(trx, { id: importId, personId, fileName, format: 'pending', at: startedAt, summary: '{}' });
      // Daily totals of every delivered sample, summed from the chunks on this thread (the parser's is busier).
      const acc = new WalkingDaysAccumulator();
      const merge = chunkMerger(
        store.sqlite ? sqliteChunks(store.sqlite) : kyselyChunks(trx),
        personId,
        importId,
        t,
        acc,
        onSamples,
      );
      if (cut) {
        summary = await importInTwoParts(path, cut, importOptions, merge, timing, chunkSamples);
      } else if (useWorker) {
        const r = await importFileInWorker(path, {
          ...importOptions,
          onChunks: merge,
          ...(chunkSamples ? { maxChunkSamples: chunkSamples } : {}),
        });
        summary = r.summary;
        Object.assign(timing, {
          storeMs: r.timing.storeMs,
          parserBlockedMs: r.timing.parserBlockedMs,
          firstBatchMs: r.timing.firstBatchMs,
          parserCpuMs: r.timing.parserCpuMs,
        });
      } else {
        // Loaded here: on the worker path this thread never needs the importers (the FIT SDK alone is ~6 MB).
        const { importFile } = await import('../importers/import-file.js');
        const batches = chunkedBatches(async (chunks) => {
          const t = performance.now();
          await merge(chunks);
          timing.storeMs += performance.now() - t;
        }, chunkSamples);
        summary = await importFile(path, { ...importOptions, onBatch: batches.onBatch });
        if (summary.ok) await batches.finish();
      }
      parsedAt = performance.now();
      if (!summary.ok) throw new Rollback();
      if (t.added > 0) {
        const newDays = acc.results().filter((d) => !existing.has(d.day.date) && !t.dirty.has(d.day.date));
        await writeWalkingDays(trx, personId, newDays);
        await recomputeDays(trx, personId, [...t.touched, ...[...t.dirty].filter((d) => !existing.has(d))]);
      }
      // What the person's days now hold (a file that added nothing: what they held already).
      days = await storedDayTotals(trx, personId, t.dates);
      // Pain check-ins of a FHIR file, each stored once (by the id the importer gave it).
      if (summary.checkins?.length) checkins = await addImportedCheckins(trx, personId, summary.checkins);
      // Screening results and outcome entries of a FHIR file, each stored once (import-assessments.ts).
      if (summary.assessments) assessments = await storeImportedAssessments(trx, personId, summary.assessments);
      // Gait analyses of a FHIR file (their metrics), each stored once (import-gait.ts).
      if (summary.gait)
        gait = await storeImportedGait(trx, personId, summary.gait, options.fileName ?? displayName(path));
      // The Patient's birth year and, when asked for, the program of a FHIR file (import-record-parts.ts).
      if (summary.record)
        recordFigures = await storeImportedRecord(trx, personId, summary.record, {
          fileName: options.fileName ?? displayName(path),
          today: today ?? localCalendarDate(new Date()),
        });
      const changed = Object.values(recordFigures ?? {}).includes('set');
      if (
        t.added === 0 &&
        (checkins?.added ?? 0) === 0 &&
        (assessments?.added ?? 0) === 0 &&
        (gait?.added ?? 0) === 0 &&
        !changed
      )
        throw new Rollback();
      const record = importRecord(summary, {
        added: t.added,
        duplicates: t.seen - t.added + (summary.held ?? 0),
        days,
        ...(checkins ? { checkins } : {}),
        ...(assessments ? { assessments } : {}),
        ...(gait ? { gait } : {}),
        ...(recordFigures ? { record: recordFigures } : {}),
      });
      await trx
        .updateTable('imports')
        .set({ format: summary.format, summary: toJson(record) })
        .where('id', '=', importId)
        .execute();
    });
  } catch (e) {
    if (!(e instanceof Rollback) && !(e instanceof SplitFallback)) throw e;
    // Rolled back: nothing of two parts that did not both stand is kept; the file is then imported in one part.
    if (e instanceof SplitFallback) splitFailed = true;
    importId = null;
    // A file that failed adds nothing and was not compared with what is stored.
    if (summary && !(summary as ImportSummary).ok && tally) Object.assign(tally as Tally, { added: 0, seen: 0 });
  } finally {
    restore();
  }
  if (splitFailed) return importWalkingFile(store, personId, path, { ...options, split: 'never' });
  const end = performance.now();
  timing.totalMs = end - t0;
  timing.finishMs = parsedAt ? end - parsedAt : 0;
  const cpu1 = threadCpuMs();
  timing.mainCpuMs = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
  const t = tally as Tally | null;
  const done = summary as ImportSummary | null;
  const kept = Boolean(done?.ok);
  // A kept file that stored nothing was rolled back: every check-in it held was stored already.
  const checkinFigures =
    kept && done?.checkins ? (importId ? checkins : { added: 0, duplicates: done.checkins.length }) : undefined;
  const found = done?.assessments ? done.assessments.screenings.length + done.assessments.outcomes.length : 0;
  const assessmentFigures =
    kept && done?.assessments ? (importId ? assessments : { added: 0, duplicates: found }) : undefined;
  const gaitFigures = kept && done?.gait ? (importId ? gait : { added: 0, duplicates: done.gait.length }) : undefined;
  // Rolled back with nothing new: every part of the record the file gave was there already.
  const recordParts = kept && done?.record ? (importId ? recordFigures : sameAsStored(done.record)) : undefined;
  // Days a FHIR file gave that the record holds from their own device were counted, not delivered: already stored.
  const held = kept ? (done?.held ?? 0) : 0;
  const figures: StoredFigures = {
    added: t?.added ?? 0,
    duplicates: (t?.seen ?? 0) - (t?.added ?? 0) + held,
    days: kept ? days : {},
    ...(checkinFigures ? { checkins: checkinFigures } : {}),
    ...(assessmentFigures ? { assessments: assessmentFigures } : {}),
    ...(gaitFigures ? { gait: gaitFigures } : {}),
    ...(recordParts ? { record: recordParts } : {}),
  };
  // A file that stored nothing still leaves its row in the history (what it held, its problems).
  const historyId = importId ?? newId();
  if (!importId) {
    await insertImport(store.db, {
      id: historyId,
      personId,
      fileName,
      format: summary!.format,
      at: startedAt,
      summary: toJson(importRecord(summary!, figures)),
    });
  }
  return { summary: summary!, ...figures, importId, historyId, timing };
}

/** The figures of a file whose record parts all matched what was stored (the import was rolled back as nothing new). */
function sameAsStored(parts: NonNullable<ImportSummary['record']>): RecordFigures {
  return {
    ...(parts.birthYear !== null ? { birthYear: 'same' as const } : {}),
    ...(parts.program
      ? { stage: 'same' as const, ...(parts.program.walking ? { walkingTarget: 'same' as const } : {}) }
      : {}),
  };
}

/** The step streams a person's record holds, by date (streamKey of fhir-provenance.ts). */
async function heldStepStreams(store: Store, personId: string): Promise<Set<string>> {
  const rows = await store.db
    .selectFrom('walking_sample_chunks')
    .select(['date', 'source', 'device'])
    .distinct()
    .where('person_id', '=', personId)
    .where('kind', '=', 'steps')
    .execute();
  return new Set(rows.map((r) => streamKey(r.date, r.source, r.device === '' ? null : r.device)));
}

/** The file's format from its head; undefined when the head cannot be read (the importer then reports why). */
async function detectFile(path: string): Promise<DetectedFormat | null | undefined> {
  try {
    return detectFormat(await readHead(path, DETECT_HEAD_BYTES), displayName(path));
  } catch {
    return undefined;
  }
}

/** Where to cut a plain Apple Health export in two, when it is worth it (see StoreImportOptions.split), or null. */
async function splitPoint(path: string, minBytes: number): Promise<{ at: number; size: number } | null> {
  const size = fileSize(path);
  if (size < minBytes || availableParallelism() < 2) return null;
  try {
    const { findSplitPoint } = await import('../importers/apple-health/import.js');
    const at = await findSplitPoint(path, size, SPLIT_WORKER_SHARE);
    return at === null ? null : { at, size };
  } catch {
    return null; // the import itself reports an unreadable file
  }
}

/**
 * Reads a plain Apple Health export in two parts at once: the worker thread from the start to the cut, this
 * thread from the cut to the end (between its own batches it merges every chunk of both). Why: the scan bounds an
 * import, and it is the one step that splits. Each part uses the fast scanner only; if either has any doubt, or the
 * cut was not between two children of the root, SplitFallback rolls everything back and the file is imported in
 * one part (with the careful parser's locations when there are problems). The summary and its daily totals are
 * those of the whole file (combinePartSummaries).
 */
async function importInTwoParts(
  path: string,
  cut: { at: number; size: number },
  options: Omit<AnyImportOptions, 'onBatch'>,
  merge: (chunks: SampleChunk[]) => Promise<void>,
  timing: ImportTiming,
  chunkSamples: number | undefined,
): Promise<ImportSummary> {
  const { importAppleHealthPart } = await import('../importers/apple-health/import.js');
  const { combinePartSummaries } = await import('../importers/import-sink.js');
  // The two parts' chunks are merged one call at a time (both may hold the same day of a stream).
  let queue: Promise<void> = Promise.resolve();
  const serial = (chunks: SampleChunk[]): Promise<void> => (queue = queue.then(() => merge(chunks)));
  const read = [0, 0];
  const progress =
    (part: number) =>
    (bytes: number): void => {
      read[part] = bytes;
      options.onBytes?.(read[0]! + read[1]!, cut.size);
    };
  const first = importFileInWorker(path, {
    ...options,
    onBytes: progress(0),
    onChunks: serial,
    part: { start: 0, end: cut.at, first: true },
    ...(chunkSamples ? { maxChunkSamples: chunkSamples } : {}),
  });
  const second = (async () => {
    const batches = chunkedBatches(serial, chunkSamples);
    let n = 0;
    const r = await importAppleHealthPart(
      path,
      { start: cut.at, end: cut.size, first: false },
      {
        ...options,
        batchSize: WORKER_BATCH_SIZE,
        onBytes: progress(1),
        onBatch: async (batch, times) => {
          await batches.onBatch(batch, times);
          // Let the worker's chunks in now and then: this thread would otherwise scan without turning its event loop.
          if (++n % YIELD_EVERY_BATCHES === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        },
      },
    );
    if (r.valid) await batches.finish();
    return r;
  })();
  const [a, b] = await Promise.allSettled([first, second]);
  await queue;
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  Object.assign(timing, {
    storeMs: a.value.timing.storeMs,
    parserBlockedMs: a.value.timing.parserBlockedMs,
    firstBatchMs: a.value.timing.firstBatchMs,
    parserCpuMs: a.value.timing.parserCpuMs,
  });
  if (!a.value.part?.valid || !b.value.valid) throw new SplitFallback();
  return combinePartSummaries(a.value.summary, b.value.summary, [a.value.part.merger, b.value.merger]);
}

/**
 * An importer's batches on this thread, gathered into day chunks and merged as chunks fill (their memory then
 * serves the next ones); `finish` merges what is still held, at the end of a file that is kept.
 */
function chunkedBatches(
  merge: (chunks: SampleChunk[]) => Promise<void>,
  maxSamples: number | undefined,
): {
  onBatch: (batch: WalkingSample[], times: readonly (SampleTimes | undefined)[]) => Promise<void>;
  finish: () => Promise<void>;
} {
  let ready: SampleChunk[] = [];
  const collector = new ChunkCollector((chunks) => ready.push(...chunks), maxSamples ? { maxSamples } : {});
  const store = async (): Promise<void> => {
    if (ready.length === 0) return;
    const chunks = ready;
    ready = [];
    await merge(chunks);
    collector.release(chunks);
  };
  return {
    onBatch: async (batch, times) => {
      for (let i = 0; i < batch.length; i++) collector.add(batch[i]!, times[i]);
      await store();
    },
    finish: async () => {
      collector.flush();
      await store();
    },
  };
}

/** Batches of the second part between two turns of this thread's event loop (the worker's chunks wait meanwhile). */
const YIELD_EVERY_BATCHES = 4;

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the importer reports the unreadable file
  }
}

/**
 * SQLite settings for the length of an import: synchronous=NORMAL (in WAL mode a crash can lose the last commits
 * but never corrupts or half-applies one: the import stays all or nothing). Returns what puts them back.
 * The page cache stays at SQLite's default (2 MB): 8, 32 and 64 MB measured no faster on 0.1-0.3 GB exports
 * (records arrive in near key order within each record type) and cost resident memory.
 */
function tuneSqlite(store: Store): () => void {
  const db = store.sqlite;
  if (!db) return () => {};
  const synchronous = db.pragma('synchronous', { simple: true });
  db.pragma('synchronous = NORMAL');
  // A big import leaves a WAL as large as what it wrote; once checkpointed, let SQLite cut it back (kept after
  // the import: it only bounds a file that would otherwise stay at its largest).
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  return () => {
    db.pragma(`synchronous = ${Number(synchronous)}`);
  };
}

/**
 * Returns what merges chunks into the store and keeps the tally. A chunk whose date held no samples before this
 * import and that this import has not written yet is inserted without reading (the common case of new data).
 */
function chunkMerger(
  table: ChunkTable,
  personId: string,
  importId: string,
  t: Tally,
  days: WalkingDaysAccumulator,
  onSamples?: (n: number) => void,
): (chunks: SampleChunk[]) => Promise<void> {
  const now = new Date().toISOString();
  const written = new Set<string>();
  return async (chunks) => {
    for (const c of chunks) {
      const key = chunkKey(c);
      const absent = !t.existing.has(c.date) && !written.has(key);
      t.seen += c.samples.count; // before the merge, which removes repeats in place
      t.dates.add(c.date);
      days.addChunk(c);
      const m = await mergeChunk(table, personId, c, importId, now, absent);
      if (m.added > 0) written.add(key);
      t.added += m.added;
      if (m.repeats > 0) t.dirty.add(c.date);
      if (m.added > 0 && t.existing.has(c.date)) t.touched.add(c.date);
    }
    onSamples?.(t.seen);
  };
}
