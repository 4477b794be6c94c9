/**
 * Importing a walking file into the store: the importer streams samples in batches, and the whole file is one
 * transaction: a bad file in strict mode, an error, or a killed process leaves the database as it was.
 * Idempotent: samples already stored (same source, device, interval, kind) are skipped, so importing the same
 * file twice adds nothing and an overlapping newer export adds only what is new.
 *
 * On SQLite the samples go through one prepared statement on the same connection, inside Kysely's transaction
 * (which holds the connection until commit): the per-row cost is what bounds the import's throughput.
 * Daily totals: days that held no samples before are accumulated in memory from the rows actually inserted;
 * days that did are recomputed from the database afterwards.
 */
import type { Transaction } from 'kysely';
import { WalkingDayAccumulator } from '../core/walking-day.js';
import { localDate, type WalkingSample } from '../core/walking.js';
import { importFile, type AnyImportOptions } from '../importers/import-file.js';
import type { ImportSummary } from '../importers/import-sink.js';
import type { Store } from './db.js';
import { newId, toJson } from './json-column.js';
import type { Database } from './schema.js';
import { dedupeKey, recomputeDays, writeWalkingDays } from './repos/walking.js';

export interface StoredImport {
  summary: ImportSummary;
  /** Samples newly stored. */
  added: number;
  /** Samples the file held that were already stored. */
  duplicates: number;
  importId: string | null;
}

class Rollback extends Error {}

export async function importWalkingFile(store: Store, personId: string, path: string, options: Omit<AnyImportOptions, 'onBatch'> = {}): Promise<StoredImport> {
  let summary: ImportSummary | null = null;
  let added = 0;
  let seen = 0;
  let importId: string | null = null;
  try {
    await store.db.transaction().execute(async (trx) => {
      const existing = new Set((await trx.selectFrom('walking_samples').select('date').distinct().where('person_id', '=', personId).execute()).map((r) => r.date));
      const fresh = new Map<string, WalkingDayAccumulator>();
      const touched = new Set<string>();
      importId = newId();
      // The import row goes first (samples reference it); it is rolled back with the rest if nothing is kept.
      await trx.insertInto('imports').values({ id: importId, person_id: personId, file_name: options.fileName ?? path, format: 'pending', sha256: '', at: new Date().toISOString(), summary: '{}' }).execute();
      const insert = sampleInserter(store, trx, personId, importId);
      summary = await importFile(path, {
        ...options,
        onBatch: async (batch) => {
          seen += batch.length;
          const inserted = await insert(batch);
          for (let i = 0; i < batch.length; i++) {
            if (!inserted[i]) continue;
            added++;
            const s = batch[i]!;
            const date = localDate(s.start);
            if (existing.has(date)) { touched.add(date); continue; }
            let acc = fresh.get(date);
            if (!acc) fresh.set(date, (acc = new WalkingDayAccumulator(date)));
            acc.add(s);
          }
        },
      });
      if (!summary.ok || added === 0) throw new Rollback();
      await writeWalkingDays(trx, personId, [...fresh.values()]);
      await recomputeDays(trx, personId, touched);
      await trx.updateTable('imports').set({ format: summary.format, summary: toJson({ records: summary.recordsSeen, samples: summary.samples, added, errors: summary.errorCount, warnings: summary.warningCount }) }).where('id', '=', importId).execute();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    importId = null;
    if (summary && !(summary as ImportSummary).ok) added = 0;
  }
  return { summary: summary!, added, duplicates: seen - added, importId };
}

/** Returns a function that inserts a batch and says, per sample, whether it was new. */
function sampleInserter(store: Store, trx: Transaction<Database>, personId: string, importId: string): (batch: WalkingSample[]) => Promise<boolean[]> {
  const now = new Date().toISOString();
  if (store.sqlite) {
    const stmt = store.sqlite.prepare(`INSERT INTO walking_samples (id, person_id, source, device, start_at, end_at, date, kind, value, unit, dedupe_key, import_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, dedupe_key) DO NOTHING`);
    return async (batch) => batch.map((s) => stmt.run(newId(), personId, s.source, s.device, s.start, s.end, localDate(s.start), s.kind, s.value, s.unit, dedupeKey(s), importId, now).changes === 1);
  }
  return async (batch) => {
    const out: boolean[] = [];
    for (let i = 0; i < batch.length; i += 500) {
      const chunk = batch.slice(i, i + 500);
      const rows = chunk.map((s) => ({ id: newId(), person_id: personId, source: s.source, device: s.device, start_at: s.start, end_at: s.end, date: localDate(s.start), kind: s.kind, value: s.value, unit: s.unit, dedupe_key: dedupeKey(s), import_id: importId, created_at: now }));
      const res = await trx.insertInto('walking_samples').values(rows).onConflict((oc) => oc.columns(['person_id', 'dedupe_key']).doNothing()).returning('dedupe_key').execute();
      const insertedKeys = new Set(res.map((r) => r.dedupe_key));
      for (const r of rows) out.push(insertedKeys.delete(r.dedupe_key));
    }
    return out;
  };
}
