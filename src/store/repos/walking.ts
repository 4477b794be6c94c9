/**
 * Walking samples and their daily totals. Samples are stored as they came (idempotent: the table's primary key
 * is the sample's identity, see migration 0005); the
 * daily totals in `walking_days` are recomputed for the days a write touches, with the merge rule of
 * src/core/walking-merge.ts for device data (per 15-minute slot, the source that counted most wins) and the
 * hand log taken as a whole-day figure: a day's total is the larger of the merged device total and the hand log,
 * so a person who logs by hand a day their phone also counted is not counted twice.
 */
import type { Kysely, Transaction } from 'kysely';
import { MANUAL_SOURCE, WalkingDayAccumulator, type WalkingDayResult } from '../../core/walking-day.js';
import type { DailyWalking, WalkingSample } from '../../core/walking.js';
import type { Database } from '../schema.js';
import { toJson } from '../json-column.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The identity of a sample: the same source, device, interval and kind is the same measurement (the columns of
 * walking_samples' primary key besides the person, as one string). */
export function dedupeKey(s: WalkingSample): string {
  return [s.source, s.device ?? '', s.start, s.end, s.kind].join('|');
}

/** The identity columns of walking_samples besides person_id: ON CONFLICT of these skips a stored sample. */
export const SAMPLE_KEY = ['person_id', 'start_at', 'kind', 'source', 'device', 'end_at'] as const;

/** 'YYYY-MM-DD' of the day after `date`. */
export function nextDate(date: string): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1);
  return new Date(ms).toISOString().slice(0, 10);
}

/** A stored row as a sample ('' device back to null). */
function toSample(r: { source: string; device: string; start_at: string; end_at: string; kind: string; value: number; unit: string }): WalkingSample {
  return { source: r.source, device: r.device === '' ? null : r.device, start: r.start_at, end: r.end_at, kind: r.kind as WalkingSample['kind'], value: Number(r.value), unit: r.unit as WalkingSample['unit'] };
}

/** The row of walking_samples for a sample. */
export function sampleRow(personId: string, s: WalkingSample, importId: string | null, createdAt: string) {
  return { person_id: personId, source: s.source, device: s.device ?? '', start_at: s.start, end_at: s.end, kind: s.kind, value: s.value, unit: s.unit, import_id: importId, created_at: createdAt };
}

export { MANUAL_SOURCE };

/** Inserts samples, skipping any already stored (same identity). Returns how many were added. Chunked to stay
 * under SQLite's and PostgreSQL's bound-parameter limits. Does not update the daily totals: see recomputeDays. */
export async function addWalkingSamples(db: Db, personId: string, samples: readonly WalkingSample[], importId: string | null = null): Promise<number> {
  let added = 0;
  const now = new Date().toISOString();
  const CHUNK = 500;
  for (let i = 0; i < samples.length; i += CHUNK) {
    const rows = samples.slice(i, i + CHUNK).map((s) => sampleRow(personId, s, importId, now));
    const res = await db.insertInto('walking_samples').values(rows)
      .onConflict((oc) => oc.columns([...SAMPLE_KEY]).doNothing())
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** Replaces the hand log of one day (a person corrects what they typed) and updates that day's total. */
export async function replaceManualDay(db: Kysely<Database>, personId: string, date: string, samples: readonly WalkingSample[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('walking_samples').where('person_id', '=', personId).where('start_at', '>=', date).where('start_at', '<', nextDate(date))
      .where('date', '=', date).where('source', '=', MANUAL_SOURCE).execute();
    await addWalkingSamples(trx, personId, samples);
    await recomputeDays(trx, personId, [date]);
  });
}

/** The row of `walking_days` for an accumulated day. */
export function walkingDayRow(personId: string, r: WalkingDayResult) {
  const d = r.day;
  return {
    person_id: personId, date: d.date, steps: d.steps, distance_m: d.distanceM, minutes: d.minutes,
    speed_mps: d.speedMps ?? null, cadence_spm: d.cadenceSpm ?? null, step_length_m: d.stepLengthM ?? null,
    asymmetry_pct: d.asymmetryPct ?? null, double_support_pct: d.doubleSupportPct ?? null, sources: toJson(r.sources),
  };
}

/** Writes accumulated days, replacing those dates. */
export async function writeWalkingDays(db: Db, personId: string, days: readonly WalkingDayResult[]): Promise<void> {
  for (let i = 0; i < days.length; i += 200) {
    const batch = days.slice(i, i + 200);
    await db.deleteFrom('walking_days').where('person_id', '=', personId).where('date', 'in', batch.map((d) => d.day.date)).execute();
    const rows = batch.map((d) => walkingDayRow(personId, d));
    for (let j = 0; j < rows.length; j += 100) await db.insertInto('walking_days').values(rows.slice(j, j + 100)).execute();
  }
}

/** Recomputes `walking_days` for these dates from the stored samples (in batches of dates). */
export async function recomputeDays(db: Db, personId: string, dates: Iterable<string>): Promise<void> {
  const all = [...new Set(dates)].sort();
  for (let i = 0; i < all.length; i += 200) {
    const batch = all.slice(i, i + 200);
    // The start_at bounds let the primary key narrow the scan (start_at begins with the local date).
    const rows = await db.selectFrom('walking_samples').select(['source', 'device', 'start_at', 'end_at', 'kind', 'value', 'unit', 'date'])
      .where('person_id', '=', personId).where('start_at', '>=', batch[0]!).where('start_at', '<', nextDate(batch.at(-1)!))
      .where('date', 'in', batch).execute();
    const days = new Map<string, WalkingDayAccumulator>();
    for (const r of rows) {
      let acc = days.get(r.date);
      if (!acc) days.set(r.date, (acc = new WalkingDayAccumulator(r.date)));
      acc.add(toSample(r));
    }
    await db.deleteFrom('walking_days').where('person_id', '=', personId).where('date', 'in', batch).execute();
    await writeWalkingDays(db, personId, [...days.values()].map((acc) => ({ day: acc.result(), sources: [...acc.sources].sort() })));
  }
}

export async function listWalkingSamples(db: Db, personId: string, range: { from?: string | undefined; to?: string | undefined } = {}): Promise<WalkingSample[]> {
  let q = db.selectFrom('walking_samples').select(['source', 'device', 'start_at', 'end_at', 'kind', 'value', 'unit']).where('person_id', '=', personId);
  if (range.from) q = q.where('start_at', '>=', range.from).where('date', '>=', range.from);
  if (range.to) q = q.where('start_at', '<', nextDate(range.to)).where('date', '<=', range.to);
  const rows = await q.orderBy('start_at').execute();
  return rows.map(toSample);
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
