/**
 * Importing a walking file into the store: the importer streams samples, gathered into day chunks of their
 * streams (src/importers/sample-chunks.ts, src/core/walking-chunk.ts), and the whole file is one transaction: a
 * bad file in strict mode, an error, or a killed process leaves the database as it was. Idempotent: a sample
 * already stored (same stream, start and end) is skipped when its chunk is merged, so importing the same file
 * twice adds nothing and an overlapping newer export adds only what is new.
 *
 * Speed (multi-GB Apple Health exports): large files are parsed on a worker thread (import-in-worker.ts), which
 * also builds the chunks, while this thread merges and writes them: a few hundred rows per GB instead of millions,
 * so parsing is what bounds an import (`timing` says which thread did).
 *
 * Daily totals: every delivered sample is summed into per-day totals as its chunk arrives. A day that held no
 * samples before and met no repeat takes them as they are; a day that held samples before and gained some, or
 * a new day where some samples were repeats, is recomputed from the database afterwards.
 */
import { chunkKey, type SampleChunk } from '../core/walking-chunk.js';
import { WalkingDaysAccumulator } from '../core/walking-day.js';
import type { AnyImportOptions } from '../importers/import-file.js';
import { importFileInWorker } from '../importers/import-in-worker.js';
import type { ImportSummary } from '../importers/import-sink.js';
import { ChunkCollector } from '../importers/sample-chunks.js';
import { threadCpuMs } from '../importers/thread-cpu.js';
import type { Store } from './db.js';
import { newId, toJson } from './json-column.js';
import { kyselyChunks, lockWalking, mergeChunk, recomputeDays, sqliteChunks, writeWalkingDays } from './repos/walking.js';
import { statSync } from 'node:fs';

export interface StoredImport {
  summary: ImportSummary;
  /** Samples newly stored. */
  added: number;
  /** Samples the file held that were already stored. */
  duplicates: number;
  importId: string | null;
  /** Where the time went (benchmarks print it): parsing (with normalising) vs storing. */
  timing: ImportTiming;
}

/** Milliseconds of wall time. On a worker, parsing and storing overlap: see `parserBlockedMs`. */
export interface ImportTiming {
  onWorker: boolean;
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
export type StoreImportOptions = Omit<AnyImportOptions, 'onBatch'> & {
  /** `auto` (default): files from WORKER_MIN_BYTES up parse on a worker thread; `always`/`never` force it. */
  worker?: 'auto' | 'always' | 'never';
  /** Samples held before open chunks are stored (default: the collector's; tests make days arrive in parts). */
  chunkSamples?: number;
};

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
}

export async function importWalkingFile(store: Store, personId: string, path: string, options: StoreImportOptions = {}): Promise<StoredImport> {
  const { worker = 'auto', chunkSamples, ...importOptions } = options;
  const useWorker = worker === 'always' || (worker === 'auto' && fileSize(path) >= WORKER_MIN_BYTES);
  let summary: ImportSummary | null = null;
  let tally: Tally | null = null;
  let importId: string | null = null;
  const restore = tuneSqlite(store);
  const t0 = performance.now();
  const timing: ImportTiming = { onWorker: useWorker, totalMs: 0, storeMs: 0, parserBlockedMs: 0, firstBatchMs: 0, finishMs: 0, mainCpuMs: null, parserCpuMs: null };
  const cpu0 = threadCpuMs();
  let parsedAt = 0;
  try {
    await store.db.transaction().execute(async (trx) => {
      await lockWalking(trx, personId);
      const existing = new Set((await trx.selectFrom('walking_sample_chunks').select('date').distinct().where('person_id', '=', personId).execute()).map((r) => r.date));
      const t: Tally = (tally = { added: 0, seen: 0, existing, touched: new Set(), dirty: new Set() });
      importId = newId();
      // The import row goes first (chunks reference it); it is rolled back with the rest if nothing is kept.
      await trx.insertInto('imports').values({ id: importId, person_id: personId, file_name: options.fileName ?? path, format: 'pending', sha256: '', at: new Date().toISOString(), summary: '{}' }).execute();
      // Daily totals of every delivered sample, summed from the chunks on this thread (the parser's is busier).
      const acc = new WalkingDaysAccumulator();
      const merge = chunkMerger(store.sqlite ? sqliteChunks(store.sqlite) : kyselyChunks(trx), personId, importId, t, acc);
      if (useWorker) {
        const r = await importFileInWorker(path, { ...importOptions, onChunks: merge, ...(chunkSamples ? { maxChunkSamples: chunkSamples } : {}) });
        summary = r.summary;
        Object.assign(timing, { storeMs: r.timing.storeMs, parserBlockedMs: r.timing.parserBlockedMs, firstBatchMs: r.timing.firstBatchMs, parserCpuMs: r.timing.parserCpuMs });
      } else {
        // Loaded here: on the worker path this thread never needs the importers (the FIT SDK alone is ~6 MB).
        const { importFile } = await import('../importers/import-file.js');
        let ready: SampleChunk[] = [];
        const collector = new ChunkCollector((chunks) => ready.push(...chunks), chunkSamples ? { maxSamples: chunkSamples } : {});
        const store1 = async (): Promise<void> => {
          const t = performance.now();
          const chunks = ready;
          ready = [];
          await merge(chunks);
          timing.storeMs += performance.now() - t;
        };
        summary = await importFile(path, {
          ...importOptions,
          onBatch: async (batch, times) => {
            for (let i = 0; i < batch.length; i++) collector.add(batch[i]!, times[i]);
            if (ready.length > 0) await store1();
          },
        });
        if (summary.ok) {
          collector.flush();
          await store1();
        }
      }
      const days = summary.ok ? acc.results() : [];
      parsedAt = performance.now();
      if (!summary.ok || t.added === 0) throw new Rollback();
      const newDays = days.filter((d) => !existing.has(d.day.date) && !t.dirty.has(d.day.date));
      await writeWalkingDays(trx, personId, newDays);
      await recomputeDays(trx, personId, [...t.touched, ...[...t.dirty].filter((d) => !existing.has(d))]);
      await trx.updateTable('imports').set({ format: summary.format, summary: toJson({ records: summary.recordsSeen, samples: summary.samples, added: t.added, errors: summary.errorCount, warnings: summary.warningCount }) }).where('id', '=', importId).execute();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    importId = null;
    if (summary && !(summary as ImportSummary).ok && tally) (tally as Tally).added = 0;
  } finally {
    restore();
  }
  const end = performance.now();
  timing.totalMs = end - t0;
  timing.finishMs = parsedAt ? end - parsedAt : 0;
  const cpu1 = threadCpuMs();
  timing.mainCpuMs = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
  const t = tally as Tally | null;
  return { summary: summary!, added: t?.added ?? 0, duplicates: (t?.seen ?? 0) - (t?.added ?? 0), importId, timing };
}

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
function chunkMerger(table: ReturnType<typeof kyselyChunks>, personId: string, importId: string, t: Tally, days: WalkingDaysAccumulator): (chunks: SampleChunk[]) => Promise<void> {
  const now = new Date().toISOString();
  const written = new Set<string>();
  return async (chunks) => {
    for (const c of chunks) {
      const key = chunkKey(c);
      const absent = !t.existing.has(c.date) && !written.has(key);
      t.seen += c.samples.count; // before the merge, which removes repeats in place
      days.addChunk(c);
      const m = await mergeChunk(table, personId, c, importId, now, absent);
      if (m.added > 0) written.add(key);
      t.added += m.added;
      if (m.repeats > 0) t.dirty.add(c.date);
      if (m.added > 0 && t.existing.has(c.date)) t.touched.add(c.date);
    }
  };
}
