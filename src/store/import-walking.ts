/**
 * Importing a walking file into the store: the importer streams samples in batches, and the whole file is one
 * transaction: a bad file in strict mode, an error, or a killed process leaves the database as it was.
 * Idempotent: samples already stored (same person, start, kind, source, device, end: the table's primary key)
 * are skipped, so importing the same file twice adds nothing and an overlapping newer export adds only what is new.
 *
 * Speed (multi-GB Apple Health exports): large files are parsed on a worker thread (import-in-worker.ts) while
 * this thread stores the batches, so the two cores overlap. On SQLite the rows go through prepared statements
 * on the same connection, inside Kysely's transaction (which holds the connection until commit): one per stream
 * (source, device, kind, unit), with those and the per-import constants written into the statement, so a row
 * binds only its start, end and value, and rows go ROWS_PER_STATEMENT to a statement. SQLite's own work per row (~3-4
 * us of CPU here: a WITHOUT ROWID insert on the long text key, mostly mid-tree) is then what bounds the store;
 * `timing` says which thread bounded a given import.
 *
 * Daily totals: the importer side accumulates every sample it delivers into per-day totals. A day that held no
 * samples before and met no duplicate takes them as they are; a day that held samples before and gained some,
 * or a new day where some samples were duplicates, is recomputed from the database afterwards.
 */
import type SQLite from 'better-sqlite3';
import type { Transaction } from 'kysely';
import { WalkingDaysAccumulator, type WalkingDayResult } from '../core/walking-day.js';
import type { WalkingSample } from '../core/walking.js';
import type { AnyImportOptions } from '../importers/import-file.js';
import { importFileInWorker } from '../importers/import-in-worker.js';
import type { ImportSummary } from '../importers/import-sink.js';
import { forEachPackedStream, unpackSamples, type SampleRows } from '../importers/sample-rows.js';
import { threadCpuMs } from '../importers/thread-cpu.js';
import type { Store } from './db.js';
import { newId, toJson } from './json-column.js';
import type { Database } from './schema.js';
import { dedupeKey, recomputeDays, SAMPLE_KEY, sampleRow, writeWalkingDays } from './repos/walking.js';
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
  /** Storing batches (this thread). */
  storeMs: number;
  /** On a worker: the parser waiting for the store to take batches (the store was the slower side). */
  parserBlockedMs: number;
  /** On a worker: until the first batch arrived (start-up and first parse). */
  firstBatchMs: number;
  /** After the last batch: daily totals written and recomputed, commit (and SQLite's checkpoint). */
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
};

/** Below this a worker thread's start-up (~0.1-0.3 s with tsx) costs more than the overlap saves. */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;

/** Prepared statements per import for streams (see rowInserter). */
const STREAM_STATEMENTS = 64;

class Rollback extends Error {}

/** What the store keeps count of while batches go in. */
interface Tally {
  added: number;
  seen: number;
  /** Dates that held samples before this import. */
  existing: ReadonlySet<string>;
  /** Existing dates that gained samples: recomputed from the database. */
  touched: Set<string>;
  /** Dates where a delivered sample was already stored: the accumulated total of a new day would count it. */
  dirty: Set<string>;
}

export async function importWalkingFile(store: Store, personId: string, path: string, options: StoreImportOptions = {}): Promise<StoredImport> {
  const { worker = 'auto', ...importOptions } = options;
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
      const existing = new Set((await trx.selectFrom('walking_samples').select('date').distinct().where('person_id', '=', personId).execute()).map((r) => r.date));
      const t: Tally = (tally = { added: 0, seen: 0, existing, touched: new Set(), dirty: new Set() });
      importId = newId();
      // The import row goes first (samples reference it); it is rolled back with the rest if nothing is kept.
      await trx.insertInto('imports').values({ id: importId, person_id: personId, file_name: options.fileName ?? path, format: 'pending', sha256: '', at: new Date().toISOString(), summary: '{}' }).execute();
      const inserter = rowInserter(store, trx, personId, importId, t);
      const insert = inserter.insert;
      let days: WalkingDayResult[];
      if (useWorker) {
        const r = await importFileInWorker(path, { ...importOptions, onRows: insert });
        summary = r.summary;
        days = r.days;
        Object.assign(timing, { storeMs: r.timing.storeMs, parserBlockedMs: r.timing.parserBlockedMs, firstBatchMs: r.timing.firstBatchMs, parserCpuMs: r.timing.parserCpuMs });
      } else {
        // Loaded here: on the worker path this thread never needs the importers (the FIT SDK alone is ~6 MB).
        const { importFile } = await import('../importers/import-file.js');
        const acc = new WalkingDaysAccumulator();
        summary = await importFile(path, {
          ...importOptions,
          onBatch: async (batch, times) => {
            for (let i = 0; i < batch.length; i++) acc.add(batch[i]!, times[i]);
            const t = performance.now();
            await insert({ samples: batch });
            timing.storeMs += performance.now() - t;
          },
        });
        days = acc.results();
      }
      inserter.flush();
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

/** A text value as an SQL literal (for values written into a prepared statement once per import). */
function literal(v: string): string {
  return `'${v.replaceAll("'", "''")}'`;
}

/** Stores batches and keeps the tally; `flush` stores rows still held back (call it before the tally is read). */
interface RowInserter {
  insert(rows: SampleRows): Promise<void>;
  flush(): void;
}

/**
 * Rows per multi-row INSERT on SQLite, to share better-sqlite3's fixed cost per statement run (binding,
 * stepping, resetting). Measured: on rows that arrive in key order (1M rows, one insertion point) one row per
 * statement costs 3.3 us of CPU per row, 50 rows 1.5 us, 200 rows 1.4 us; on the bench's export (streams
 * interleaved, so rows land in the middle of the key range and split pages) only 3.6 -> 3.45 us, because there
 * SQLite's B-tree work on the long text key dominates. 100 stays well under SQLite's 32,766 bound parameters.
 */
export const ROWS_PER_STATEMENT = 100;

/** A stream's statements and the rows it holds back (start, end, value; flat). */
interface HeldStream {
  one: SQLite.Statement;
  many: SQLite.Statement;
  args: (string | number)[];
}

/** Returns what stores batches and keeps the tally (added, duplicates, dates to recompute). */
function rowInserter(store: Store, trx: Transaction<Database>, personId: string, importId: string, t: Tally): RowInserter {
  const now = new Date().toISOString();
  const sqlite = store.sqlite;
  if (sqlite) {
    const constants = `${literal(personId)}, ${literal(importId)}, ${literal(now)}`;
    const generic = sqlite.prepare(`INSERT INTO walking_samples (person_id, import_id, created_at, source, device, start_at, end_at, kind, value, unit)
      VALUES (${constants}, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
    // One statement per stream (source, device, kind, unit written into it): a row then binds three values, not
    // seven; and a second one that inserts ROWS_PER_STATEMENT rows at once. Each stream holds its rows back until
    // it has that many (exports interleave streams, a few records of each at a time). An export holds a handful of
    // streams; past STREAM_STATEMENTS the generic statement serves.
    const byStream = new Map<string, HeldStream>();
    const streamOf = (source: string, device: string, kind: string, unit: string): HeldStream | null => {
      const key = `${source}\u001f${device}\u001f${kind}\u001f${unit}`;
      let st = byStream.get(key);
      if (!st) {
        if (byStream.size >= STREAM_STATEMENTS || `${source}${device}${kind}${unit}`.includes('\u0000')) return null;
        const row = `(${constants}, ${literal(source)}, ${literal(device)}, ${literal(kind)}, ${literal(unit)}, ?, ?, ?)`;
        const head = 'INSERT INTO walking_samples (person_id, import_id, created_at, source, device, kind, unit, start_at, end_at, value) VALUES';
        st = {
          one: sqlite.prepare(`${head} ${row} ON CONFLICT DO NOTHING`),
          many: sqlite.prepare(`${head} ${Array.from({ length: ROWS_PER_STATEMENT }, () => row).join(', ')} ON CONFLICT DO NOTHING`),
          args: [],
        };
        byStream.set(key, st);
      }
      return st;
    };
    const checkExisting = t.existing.size > 0;
    const counted = (start: string, inserted: boolean): void => {
      t.seen++;
      if (inserted) {
        t.added++;
        if (checkExisting) {
          const date = start.slice(0, 10);
          if (t.existing.has(date)) t.touched.add(date);
        }
      } else t.dirty.add(start.slice(0, 10));
    };
    /** Stores a stream's held rows: one statement when it holds ROWS_PER_STATEMENT, else row by row. */
    const store1 = (st: HeldStream): void => {
      const args = st.args;
      const n = args.length / 3;
      if (n === ROWS_PER_STATEMENT) {
        const changes = st.many.run(args).changes;
        t.seen += n;
        t.added += changes;
        if (changes === n) {
          if (checkExisting) {
            for (let i = 0; i < args.length; i += 3) {
              const date = (args[i] as string).slice(0, 10);
              if (t.existing.has(date)) t.touched.add(date);
            }
          }
        } else {
          // Some rows were already stored (or repeated in the file); one statement does not say which. Their
          // dates are recomputed from the database afterwards, which is right whichever rows they were.
          for (let i = 0; i < args.length; i += 3) {
            const date = (args[i] as string).slice(0, 10);
            t.dirty.add(date);
            if (changes > 0 && t.existing.has(date)) t.touched.add(date);
          }
        }
      } else {
        for (let i = 0; i < args.length; i += 3) counted(args[i] as string, st.one.run(args[i], args[i + 1], args[i + 2]).changes === 1);
      }
      args.length = 0;
    };
    const flush = (): void => {
      for (const st of byStream.values()) if (st.args.length > 0) store1(st);
    };
    const insert = async (rows: SampleRows): Promise<void> => {
      if ('samples' in rows) {
        for (const s of rows.samples) counted(s.start, generic.run(s.source, s.device ?? '', s.start, s.end, s.kind, s.value, s.unit).changes === 1);
        return;
      }
      let held: HeldStream | null = null;
      let source = '';
      let device = '';
      let kind = '';
      let unit = '';
      forEachPackedStream(rows.text, (s, d, k, u) => {
        held = streamOf(s, d, k, u);
        source = s;
        device = d;
        kind = k;
        unit = u;
      }, (start, end, value) => {
        const st = held as HeldStream | null;
        if (!st) {
          counted(start, generic.run(source, device, start, end, kind, value, unit).changes === 1);
          return;
        }
        st.args.push(start, end, value);
        if (st.args.length === 3 * ROWS_PER_STATEMENT) store1(st);
      });
    };
    return { insert, flush };
  }
  const insert = async (rows: SampleRows): Promise<void> => {
    const batch: WalkingSample[] = unpackSamples(rows);
    for (let i = 0; i < batch.length; i += 500) {
      const chunk = batch.slice(i, i + 500);
      const res = await trx.insertInto('walking_samples').values(chunk.map((s) => sampleRow(personId, s, importId, now)))
        .onConflict((oc) => oc.columns([...SAMPLE_KEY]).doNothing()).returning(['source', 'device', 'start_at', 'end_at', 'kind']).execute();
      const insertedKeys = new Set(res.map((r) => dedupeKey({ ...r, device: r.device, start: r.start_at, end: r.end_at, kind: r.kind as WalkingSample['kind'], value: 0, unit: 'count' })));
      for (const s of chunk) {
        const inserted = insertedKeys.delete(dedupeKey(s));
        t.seen++;
        if (inserted) {
          t.added++;
          if (t.existing.has(s.start.slice(0, 10))) t.touched.add(s.start.slice(0, 10));
        } else t.dirty.add(s.start.slice(0, 10));
      }
    }
  };
  return { insert, flush: () => {} };
}
