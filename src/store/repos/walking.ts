/**
 * Walking samples and their daily totals. Samples are stored a day of one stream at a time (migration 0010,
 * src/core/walking-chunk.ts), idempotent: a sample already stored (same stream, start and end) is never added
 * again; the daily totals in `walking_days` are recomputed for the days a write touches, with the merge rule of
 * src/core/walking-merge.ts for device data (per 15-minute slot, the source that counted most wins) and the
 * hand log taken as a whole-day figure: a day's total is the larger of the merged device total and the hand log,
 * so a person who logs by hand a day their phone also counted is not counted twice.
 */
import type SQLite from 'better-sqlite3';
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { MANUAL_SOURCE, WalkingDayAccumulator, type WalkingDayResult } from '../../core/walking-day.js';
import {
  chunkKey,
  ColumnsBuilder,
  decodeColumns,
  encodeColumns,
  localDateOf,
  mergeColumns,
  sampleAt,
  sampleTimes,
  sortedUnique,
  type ChunkStream,
  type SampleChunk,
  type SampleColumns,
} from '../../core/walking-chunk.js';
import { WALKING_KINDS, type WalkingSample } from '../../core/walking.js';
import type { DailyWalking } from '../../core/walking-day-record.js';
import type { Database } from '../schema.js';
import { toJson } from '../json-column.js';

type Db = Kysely<Database> | Transaction<Database>;

/** 'YYYY-MM-DD' of the day after `date`. */
export function nextDate(date: string): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1);
  return new Date(ms).toISOString().slice(0, 10);
}

export { MANUAL_SOURCE };

/** A sample whose times are not the ISO shape Footing stores (the index is its place in what was given). */
export class InvalidSampleTime extends Error {
  constructor(
    readonly index: number,
    readonly field: 'start' | 'end' | 'unit',
  ) {
    super(
      field === 'unit'
        ? `sample ${index}: unit does not match its kind`
        : `sample ${index}: ${field} is not "YYYY-MM-DDTHH:MM:SS(.sss)+HH:MM"`,
    );
  }
}

/** Groups samples into day chunks of their streams (unsorted; mergeChunk sorts). Throws InvalidSampleTime. */
export function chunksOf(samples: readonly WalkingSample[]): SampleChunk[] {
  const byKey = new Map<string, ChunkStream & { b: ColumnsBuilder }>();
  samples.forEach((s, i) => {
    if (WALKING_KINDS[s.kind] !== s.unit) throw new InvalidSampleTime(i, 'unit');
    const t = sampleTimes(s);
    if (!t) throw new InvalidSampleTime(i, sampleTimes({ start: s.start, end: s.start }) ? 'end' : 'start');
    const stream = {
      date: localDateOf(t.start, t.startOffset),
      kind: s.kind,
      source: s.source,
      device: s.device ?? '',
      unit: s.unit,
    };
    const key = chunkKey(stream);
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { ...stream, b: new ColumnsBuilder(8) }));
    c.b.add(t.start, t.end, s.value, t.startOffset, t.endOffset);
  });
  return [...byKey.values()].map(({ b, ...stream }) => ({ ...stream, samples: b.take() }));
}

/** What merging one chunk did. */
export interface ChunkMerge {
  /** Samples newly stored. */
  added: number;
  /** Samples given that were already stored, or given twice. */
  repeats: number;
  /** The chunk held samples before. */
  existed: boolean;
}

/**
 * Where chunks are read and written: through Kysely (both databases), or SQLite's prepared statements for bulk
 * imports (src/services/import-walking.ts). The merge itself is the same.
 */
export interface ChunkTable {
  read(personId: string, s: ChunkStream): Promise<SampleColumns | null> | SampleColumns | null;
  write(
    personId: string,
    s: ChunkStream,
    c: SampleColumns,
    existed: boolean,
    importId: string | null,
    now: string,
  ): Promise<void> | void;
}

/** Bytes as both drivers bind them (better-sqlite3 refuses a plain Uint8Array). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function kyselyChunks(db: Db): ChunkTable {
  const where = (personId: string, s: ChunkStream) =>
    db
      .selectFrom('walking_sample_chunks')
      .select('samples')
      .where('person_id', '=', personId)
      .where('date', '=', s.date)
      .where('kind', '=', s.kind)
      .where('source', '=', s.source)
      .where('device', '=', s.device);
  return {
    async read(personId, s) {
      const row = await where(personId, s).executeTakeFirst();
      return row ? decodeColumns(new Uint8Array(row.samples)) : null;
    },
    async write(personId, s, c, existed, importId, now) {
      const bytes = asBuffer(encodeColumns(c));
      if (existed) {
        await db
          .updateTable('walking_sample_chunks')
          .set({ samples: bytes, sample_count: c.count, updated_at: now, ...(importId ? { import_id: importId } : {}) })
          .where('person_id', '=', personId)
          .where('date', '=', s.date)
          .where('kind', '=', s.kind)
          .where('source', '=', s.source)
          .where('device', '=', s.device)
          .execute();
      } else {
        await db
          .insertInto('walking_sample_chunks')
          .values({
            person_id: personId,
            date: s.date,
            kind: s.kind,
            source: s.source,
            device: s.device,
            unit: s.unit,
            sample_count: c.count,
            samples: bytes,
            import_id: importId,
            updated_at: now,
          })
          .execute();
      }
    },
  };
}

/** Chunks through SQLite's prepared statements on the store's own connection (inside its Kysely transaction). */
export function sqliteChunks(db: SQLite.Database): ChunkTable {
  const key = 'person_id = ? AND date = ? AND kind = ? AND source = ? AND device = ?';
  const get = db.prepare(`SELECT samples FROM walking_sample_chunks WHERE ${key}`).pluck();
  const insert =
    db.prepare(`INSERT INTO walking_sample_chunks (person_id, date, kind, source, device, unit, sample_count, samples, import_id, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const update = db.prepare(
    `UPDATE walking_sample_chunks SET samples = ?, sample_count = ?, updated_at = ?, import_id = coalesce(?, import_id) WHERE ${key}`,
  );
  return {
    read(personId, s) {
      const bytes = get.get(personId, s.date, s.kind, s.source, s.device) as Buffer | undefined;
      return bytes ? decodeColumns(bytes) : null;
    },
    write(personId, s, c, existed, importId, now) {
      const bytes = asBuffer(encodeColumns(c));
      if (existed) update.run(bytes, c.count, now, importId, personId, s.date, s.kind, s.source, s.device);
      else insert.run(personId, s.date, s.kind, s.source, s.device, s.unit, c.count, bytes, importId, now);
    },
  };
}

/**
 * Merges a chunk's samples into what is stored for its stream and day. `absent`: the caller knows the chunk is
 * not stored yet (a date the person had no samples on), which spares the read. The chunk's columns are sorted
 * and cleared of repeats in place.
 */
export async function mergeChunk(
  table: ChunkTable,
  personId: string,
  chunk: SampleChunk,
  importId: string | null,
  now: string,
  absent = false,
): Promise<ChunkMerge> {
  const { columns: incoming, repeats } = sortedUnique(chunk.samples);
  const stored = absent ? null : await table.read(personId, chunk);
  const { columns, added } = stored ? mergeColumns(stored, incoming) : { columns: incoming, added: incoming.count };
  if (added > 0) await table.write(personId, chunk, columns, stored !== null, importId, now);
  return { added, repeats: repeats + incoming.count - added, existed: stored !== null };
}

/**
 * Serialises walking writes of one person across processes on PostgreSQL (two imports merging the same day would
 * otherwise each write their own merge); SQLite has one writer at a time anyway. Inside a transaction only.
 */
export async function lockWalking(trx: Transaction<Database>, personId: string): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`walking:${personId}`}))`.execute(trx);
}

/** Runs `fn` in the caller's transaction, or in a new one. */
async function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : (db as Kysely<Database>).transaction().execute(fn);
}

/** Inserts samples, skipping any already stored (same stream, start and end). Returns how many were added.
 * Does not update the daily totals: see recomputeDays. Throws InvalidSampleTime before writing anything. `at`: the
 * time the chunks record (default now; a restore keeps the backup's). */
export async function addWalkingSamples(
  db: Db,
  personId: string,
  samples: readonly WalkingSample[],
  importId: string | null = null,
  at?: string,
): Promise<number> {
  const chunks = chunksOf(samples);
  if (chunks.length === 0) return 0;
  const now = at ?? new Date().toISOString();
  return inTransaction(db, async (trx) => {
    await lockWalking(trx, personId);
    const table = kyselyChunks(trx);
    let added = 0;
    for (const c of chunks) added += (await mergeChunk(table, personId, c, importId, now)).added;
    return added;
  });
}

/** Replaces the hand log of one day (a person corrects what they typed) and updates that day's total. */
export async function replaceManualDay(
  db: Kysely<Database>,
  personId: string,
  date: string,
  samples: readonly WalkingSample[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockWalking(trx, personId);
    await trx
      .deleteFrom('walking_sample_chunks')
      .where('person_id', '=', personId)
      .where('date', '=', date)
      .where('source', '=', MANUAL_SOURCE)
      .execute();
    await addWalkingSamples(trx, personId, samples);
    await recomputeDays(trx, personId, [date]);
  });
}

/** The stored chunks of a person's dates in [from, to] (either open), decoded, in date order. */
async function readChunks(
  db: Db,
  personId: string,
  range: { from?: string | undefined; to?: string | undefined; dates?: readonly string[] },
) {
  let q = db
    .selectFrom('walking_sample_chunks')
    .select(['date', 'kind', 'source', 'device', 'unit', 'samples'])
    .where('person_id', '=', personId);
  if (range.dates) q = q.where('date', 'in', range.dates);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  const rows = await q.orderBy('date').execute();
  return rows.map((r) => ({
    stream: {
      date: r.date,
      kind: r.kind as WalkingSample['kind'],
      source: r.source,
      device: r.device,
      unit: r.unit as WalkingSample['unit'],
    },
    columns: decodeColumns(new Uint8Array(r.samples)),
  }));
}

/** The row of `walking_days` for an accumulated day. */
export function walkingDayRow(personId: string, r: WalkingDayResult) {
  const d = r.day;
  return {
    person_id: personId,
    date: d.date,
    steps: d.steps,
    distance_m: d.distanceM,
    minutes: d.minutes,
    speed_mps: d.speedMps ?? null,
    cadence_spm: d.cadenceSpm ?? null,
    step_length_m: d.stepLengthM ?? null,
    asymmetry_pct: d.asymmetryPct ?? null,
    double_support_pct: d.doubleSupportPct ?? null,
    sources: toJson(r.sources),
  };
}

/** Writes accumulated days, replacing those dates. */
export async function writeWalkingDays(db: Db, personId: string, days: readonly WalkingDayResult[]): Promise<void> {
  for (let i = 0; i < days.length; i += 200) {
    const batch = days.slice(i, i + 200);
    await db
      .deleteFrom('walking_days')
      .where('person_id', '=', personId)
      .where(
        'date',
        'in',
        batch.map((d) => d.day.date),
      )
      .execute();
    const rows = batch.map((d) => walkingDayRow(personId, d));
    for (let j = 0; j < rows.length; j += 100)
      await db
        .insertInto('walking_days')
        .values(rows.slice(j, j + 100))
        .execute();
  }
}

/** Recomputes `walking_days` for these dates from the stored samples (in batches of dates). */
export async function recomputeDays(db: Db, personId: string, dates: Iterable<string>): Promise<void> {
  const all = [...new Set(dates)].sort();
  for (let i = 0; i < all.length; i += 200) {
    const batch = all.slice(i, i + 200);
    const days = new Map<string, WalkingDayAccumulator>();
    for (const { stream, columns } of await readChunks(db, personId, { dates: batch })) {
      let acc = days.get(stream.date);
      if (!acc) days.set(stream.date, (acc = new WalkingDayAccumulator(stream.date)));
      for (let k = 0; k < columns.count; k++) {
        acc.add(sampleAt(stream, columns, k), {
          startUtcMs: columns.start[k]!,
          endUtcMs: columns.end[k]!,
          offsetMinutes: columns.startOffset[k]!,
        });
      }
    }
    await db.deleteFrom('walking_days').where('person_id', '=', personId).where('date', 'in', batch).execute();
    await writeWalkingDays(
      db,
      personId,
      [...days.values()].map((acc) => ({ day: acc.result(), sources: [...acc.sources].sort() })),
    );
  }
}

/** The stored steps and metres of these dates (those with a row), in date order: what an import report shows. */
export async function storedDayTotals(
  db: Db,
  personId: string,
  dates: Iterable<string>,
): Promise<Record<string, { steps: number; distance_m: number }>> {
  const all = [...new Set(dates)].sort();
  const out: Record<string, { steps: number; distance_m: number }> = {};
  for (let i = 0; i < all.length; i += 500) {
    const rows = await db
      .selectFrom('walking_days')
      .select(['date', 'steps', 'distance_m'])
      .where('person_id', '=', personId)
      .where('date', 'in', all.slice(i, i + 500))
      .orderBy('date')
      .execute();
    for (const r of rows) out[r.date] = { steps: Number(r.steps), distance_m: Number(r.distance_m) };
  }
  return out;
}

/** A person's samples, in order of their start text (the local wall-clock time, as before chunks). */
export async function listWalkingSamples(
  db: Db,
  personId: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<WalkingSample[]> {
  const out: WalkingSample[] = [];
  for (const { stream, columns } of await readChunks(db, personId, range)) {
    for (let k = 0; k < columns.count; k++) out.push(sampleAt(stream, columns, k));
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** A person's samples as backup rows (backup.ts), in start order, with their chunk's import and time. */
export async function listWalkingChunkRows(db: Db, personId: string) {
  const rows = await db
    .selectFrom('walking_sample_chunks')
    .select(['date', 'kind', 'source', 'device', 'unit', 'samples', 'import_id', 'updated_at'])
    .where('person_id', '=', personId)
    .orderBy('date')
    .execute();
  const out = [];
  for (const r of rows) {
    const stream = {
      kind: r.kind as WalkingSample['kind'],
      source: r.source,
      device: r.device,
      unit: r.unit as WalkingSample['unit'],
    };
    const columns = decodeColumns(new Uint8Array(r.samples));
    for (let k = 0; k < columns.count; k++) {
      const s = sampleAt(stream, columns, k);
      out.push({
        source: s.source,
        device: s.device,
        start_at: s.start,
        end_at: s.end,
        date: r.date,
        kind: s.kind,
        value: s.value,
        unit: s.unit,
        import_id: r.import_id,
        created_at: r.updated_at,
      });
    }
  }
  return out.sort((a, b) => (a.start_at < b.start_at ? -1 : a.start_at > b.start_at ? 1 : 0));
}

/** How many samples are stored (for one person, or everyone). */
export async function countWalkingSamples(db: Db, personId?: string): Promise<number> {
  let q = db
    .selectFrom('walking_sample_chunks')
    .select((eb) => eb.fn.sum<number | string | null>('sample_count').as('n'));
  if (personId) q = q.where('person_id', '=', personId);
  return Number((await q.executeTakeFirstOrThrow()).n ?? 0);
}

/** Daily totals (see the module header for how sources are merged). */
export async function dailyWalking(
  db: Db,
  personId: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<DailyWalking[]> {
  let q = db.selectFrom('walking_days').select(WALKING_DAY_COLUMNS).where('person_id', '=', personId);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  return (await q.orderBy('date').execute()).map(walkingDayFromRow);
}

/** The columns a day's walking is read from (person-history.ts reads them too). */
export const WALKING_DAY_COLUMNS = [
  'date',
  'steps',
  'distance_m',
  'minutes',
  'speed_mps',
  'cadence_spm',
  'step_length_m',
  'asymmetry_pct',
  'double_support_pct',
] as const;

const num = (v: number | null) => (v === null ? null : Number(v));

/** PostgreSQL gives some numeric types as text: every figure goes through Number. */
export function walkingDayFromRow(
  r: Pick<Database['walking_days'], (typeof WALKING_DAY_COLUMNS)[number]>,
): DailyWalking {
  return {
    date: r.date,
    steps: Number(r.steps),
    distanceM: Number(r.distance_m),
    minutes: Number(r.minutes),
    speedMps: num(r.speed_mps),
    cadenceSpm: num(r.cadence_spm),
    stepLengthM: num(r.step_length_m),
    asymmetryPct: num(r.asymmetry_pct),
    doubleSupportPct: num(r.double_support_pct),
  };
}

/** Where a person's step samples came from: one row per day chunk of steps (source, device, date), with the time
 * it last gained samples and the import that added them last (null when typed by hand or restored). */
export async function listStepSources(
  db: Db,
  personId: string,
): Promise<
  {
    source: string;
    device: string | null;
    date: string;
    updatedAt: string;
    import: { id: string; fileName: string; format: string; at: string } | null;
  }[]
> {
  const rows = await db
    .selectFrom('walking_sample_chunks as c')
    .leftJoin('imports as i', 'i.id', 'c.import_id')
    .select(['c.source', 'c.device', 'c.date', 'c.updated_at', 'i.id', 'i.file_name', 'i.format', 'i.at'])
    .where('c.person_id', '=', personId)
    .where('c.kind', '=', 'steps')
    .orderBy('c.date')
    .execute();
  return rows.map((r) => ({
    source: r.source,
    device: r.device === '' ? null : r.device,
    date: r.date,
    updatedAt: r.updated_at,
    import:
      r.id !== null && r.file_name !== null && r.format !== null && r.at !== null
        ? { id: r.id, fileName: r.file_name, format: r.format, at: r.at }
        : null,
  }));
}
