/**
 * Walking samples and their daily totals. Samples are stored as they came (idempotent on a dedupe key); the
 * daily totals in `walking_days` are recomputed for the days a write touches, with the merge rule of
 * src/core/walking-merge.ts for device data (per 15-minute slot, the source that counted most wins) and the
 * hand log taken as a whole-day figure: a day's total is the larger of the merged device total and the hand log,
 * so a person who logs by hand a day their phone also counted is not counted twice.
 */
import type { Kysely, Transaction } from 'kysely';
import { DailyWalkingMerger } from '../../core/walking-merge.js';
import { localDate, type DailyWalking, type WalkingSample } from '../../core/walking.js';
import type { Database } from '../schema.js';
import { newId, toJson } from '../json-column.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The identity of a sample: the same source, device, interval and kind is the same measurement. */
export function dedupeKey(s: WalkingSample): string {
  return [s.source, s.device ?? '', s.start, s.end, s.kind].join('|');
}

export const MANUAL_SOURCE = 'manual';

/** Inserts samples, skipping any already stored (same dedupe key). Returns how many were added. Chunked to stay
 * under SQLite's and PostgreSQL's bound-parameter limits. Does not update the daily totals: see recomputeDays. */
export async function addWalkingSamples(db: Db, personId: string, samples: readonly WalkingSample[], importId: string | null = null): Promise<number> {
  let added = 0;
  const now = new Date().toISOString();
  const CHUNK = 500;
  for (let i = 0; i < samples.length; i += CHUNK) {
    const rows = samples.slice(i, i + CHUNK).map((s) => ({
      id: newId(), person_id: personId, source: s.source, device: s.device, start_at: s.start, end_at: s.end,
      date: localDate(s.start), kind: s.kind, value: s.value, unit: s.unit, dedupe_key: dedupeKey(s), import_id: importId, created_at: now,
    }));
    const res = await db.insertInto('walking_samples').values(rows)
      .onConflict((oc) => oc.columns(['person_id', 'dedupe_key']).doNothing())
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** Replaces the hand log of one day (a person corrects what they typed) and updates that day's total. */
export async function replaceManualDay(db: Kysely<Database>, personId: string, date: string, samples: readonly WalkingSample[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('walking_samples').where('person_id', '=', personId).where('source', '=', MANUAL_SOURCE).where('date', '=', date).execute();
    await addWalkingSamples(trx, personId, samples);
    await recomputeDays(trx, personId, [date]);
  });
}

const MEAN_KINDS = { speed: 'speed_mps', cadence: 'cadence_spm', step_length: 'step_length_m', asymmetry: 'asymmetry_pct', double_support: 'double_support_pct' } as const;

/** Recomputes `walking_days` for these dates from the stored samples (in batches of dates). */
export async function recomputeDays(db: Db, personId: string, dates: Iterable<string>): Promise<void> {
  const all = [...new Set(dates)].sort();
  for (let i = 0; i < all.length; i += 200) {
    const batch = all.slice(i, i + 200);
    const rows = await db.selectFrom('walking_samples').select(['source', 'device', 'start_at', 'end_at', 'kind', 'value', 'date'])
      .where('person_id', '=', personId).where('date', 'in', batch).execute();
    const byDate = new Map<string, typeof rows>();
    for (const r of rows) { const list = byDate.get(r.date) ?? []; list.push(r); byDate.set(r.date, list); }
    await db.deleteFrom('walking_days').where('person_id', '=', personId).where('date', 'in', batch).execute();
    const out = [];
    for (const date of batch) {
      const samples = byDate.get(date);
      if (!samples?.length) continue;
      const merger = new DailyWalkingMerger();
      let manualSteps = 0; let manualMinutes = 0;
      const durationBySource = new Map<string, number>();
      const means = new Map<string, number[]>();
      const sources = new Set<string>();
      for (const r of samples) {
        const value = Number(r.value);
        sources.add(r.device ? `${r.source}:${r.device}` : r.source);
        if (r.source === MANUAL_SOURCE) {
          if (r.kind === 'steps') manualSteps += value;
          else if (r.kind === 'duration') manualMinutes += value / 60;
          continue;
        }
        if (r.kind === 'steps' || r.kind === 'distance') {
          merger.add({ source: r.source, device: r.device, start: r.start_at, end: r.end_at, kind: r.kind, value, unit: r.kind === 'steps' ? 'count' : 'm' });
        } else if (r.kind === 'duration') {
          const key = `${r.source}|${r.device ?? ''}`;
          durationBySource.set(key, (durationBySource.get(key) ?? 0) + value / 60);
        } else if (r.kind in MEAN_KINDS) {
          const list = means.get(r.kind) ?? []; list.push(value); means.set(r.kind, list);
        }
      }
      const merged = merger.totals()[date] ?? { steps: 0, distance_m: 0 };
      const deviceMinutes = Math.max(0, ...durationBySource.values());
      const mean = (k: string) => { const xs = means.get(k); return xs?.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null; };
      out.push({
        person_id: personId, date,
        steps: Math.round(Math.max(merged.steps, manualSteps)), distance_m: Math.round(merged.distance_m * 10) / 10,
        minutes: Math.round(Math.max(deviceMinutes, manualMinutes) * 10) / 10,
        speed_mps: mean('speed'), cadence_spm: mean('cadence'), step_length_m: mean('step_length'), asymmetry_pct: mean('asymmetry'), double_support_pct: mean('double_support'),
        sources: toJson([...sources].sort()),
      });
    }
    for (let j = 0; j < out.length; j += 100) await db.insertInto('walking_days').values(out.slice(j, j + 100)).execute();
  }
}

export async function listWalkingSamples(db: Db, personId: string, range: { from?: string | undefined; to?: string | undefined } = {}): Promise<WalkingSample[]> {
  let q = db.selectFrom('walking_samples').select(['source', 'device', 'start_at', 'end_at', 'kind', 'value', 'unit']).where('person_id', '=', personId);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  const rows = await q.orderBy('start_at').execute();
  return rows.map((r) => ({ source: r.source, device: r.device, start: r.start_at, end: r.end_at, kind: r.kind as WalkingSample['kind'], value: Number(r.value), unit: r.unit as WalkingSample['unit'] }));
}

/** Daily totals (see the module header for how sources are merged). */
export async function dailyWalking(db: Db, personId: string, range: { from?: string | undefined; to?: string | undefined } = {}): Promise<DailyWalking[]> {
  let q = db.selectFrom('walking_days').selectAll().where('person_id', '=', personId);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  const rows = await q.orderBy('date').execute();
  const num = (v: number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    date: r.date, steps: Number(r.steps), distanceM: Number(r.distance_m), minutes: Number(r.minutes),
    speedMps: num(r.speed_mps), cadenceSpm: num(r.cadence_spm), stepLengthM: num(r.step_length_m), asymmetryPct: num(r.asymmetry_pct), doubleSupportPct: num(r.double_support_pct),
  }));
}
