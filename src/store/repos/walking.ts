import type { Kysely, Transaction } from 'kysely';
import { localDate, type DailyWalking, type WalkingSample } from '../../core/walking.js';
import type { Database } from '../schema.js';
import { newId } from '../json-column.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The identity of a sample: the same source, device, interval and kind is the same measurement. */
export function dedupeKey(s: WalkingSample): string {
  return [s.source, s.device ?? '', s.start, s.end, s.kind].join('|');
}

/** Inserts samples, skipping any already stored (same dedupe key). Returns how many were added. Chunked to stay
 * under SQLite's and PostgreSQL's bound-parameter limits. */
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

/** Replaces the manual log of one day (a person corrects what they typed). */
export async function replaceManualDay(db: Kysely<Database>, personId: string, date: string, samples: readonly WalkingSample[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('walking_samples').where('person_id', '=', personId).where('source', '=', 'manual').where('date', '=', date).execute();
    await addWalkingSamples(trx, personId, samples);
  });
}

export async function listWalkingSamples(db: Db, personId: string, range: { from?: string | undefined; to?: string | undefined } = {}): Promise<WalkingSample[]> {
  let q = db.selectFrom('walking_samples').select(['source', 'device', 'start_at', 'end_at', 'kind', 'value', 'unit']).where('person_id', '=', personId);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  const rows = await q.orderBy('start_at').execute();
  return rows.map((r) => ({ source: r.source, device: r.device, start: r.start_at, end: r.end_at, kind: r.kind as WalkingSample['kind'], value: Number(r.value), unit: r.unit as WalkingSample['unit'] }));
}

/**
 * Daily totals per source, summed in the database. When several sources cover the same day, the one with the most
 * steps stands for that day (phone and watch count the same steps; adding them would double count).
 */
export async function dailyWalking(db: Db, personId: string, range: { from?: string | undefined; to?: string | undefined } = {}): Promise<DailyWalking[]> {
  let q = db.selectFrom('walking_samples')
    .select((eb) => ['date', 'source', 'kind', eb.fn.sum<number>('value').as('total')])
    .where('person_id', '=', personId).where('kind', 'in', ['steps', 'distance', 'duration']);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  const rows = await q.groupBy(['date', 'source', 'kind']).execute();
  const perSource = new Map<string, Map<string, DailyWalking>>();
  for (const r of rows) {
    const day = perSource.get(r.date) ?? new Map<string, DailyWalking>();
    const d = day.get(r.source) ?? { date: r.date, steps: 0, distanceM: 0, minutes: 0 };
    const total = Number(r.total);
    if (r.kind === 'steps') d.steps += total;
    else if (r.kind === 'distance') d.distanceM += total;
    else d.minutes += total / 60;
    day.set(r.source, d);
    perSource.set(r.date, day);
  }
  const out: DailyWalking[] = [];
  for (const [, bySource] of perSource) {
    const best = [...bySource.values()].sort((a, b) => b.steps - a.steps || b.minutes - a.minutes)[0]!;
    out.push({ ...best, steps: Math.round(best.steps), minutes: Math.round(best.minutes * 10) / 10 });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
