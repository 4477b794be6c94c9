import { SqliteAdapter, type Kysely } from 'kysely';
import { formatIsoWithOffset } from '../../core/iso-time.js';
import {
  chunkKey,
  ColumnsBuilder,
  decodeColumns,
  encodeColumns,
  isStorableOffset,
  sortedUnique,
} from '../../core/walking-chunk.js';
import { parseIsoWithOffset } from '../../core/walking-merge.js';
import { createLeanSamplesTable } from './0005-lean-walking-samples.js';
import type { WalkingKind } from '../../core/walking.js';

/**
 * Walking samples stored a day at a time (src/core/walking-chunk.ts says why): one row per (person, local date,
 * kind, source, device) holding that stream's samples of the day as encoded columns, instead of one row per sample.
 *
 * The rows of walking_samples are copied into chunks, a few dates of one person at a time (memory stays small
 * whatever the table's size), then walking_samples is dropped. The old identity (start and end text) becomes the
 * start and end instants; every importer wrote the one ISO shape the chunks rebuild, so texts read back unchanged.
 * A text in another shape (none is known) keeps its instant and offset and reads back in that one shape.
 */
const DATES_PER_PASS = 31;

function blobType(db: Kysely<unknown>): 'blob' | 'bytea' {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : 'bytea';
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('walking_sample_chunks')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('sample_count', 'integer', (c) => c.notNull())
    .addColumn('samples', blobType(db), (c) => c.notNull())
    // The last import that added samples to the chunk (null: typed by hand or restored).
    .addColumn('import_id', 'text', (c) => c.references('imports.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('walking_sample_chunks_pk', ['person_id', 'date', 'kind', 'source', 'device'])
    .execute();
  const d = db as Kysely<any>;
  const people = (await d.selectFrom('walking_samples').select('person_id').distinct().execute()).map(
    (r) => r.person_id as string,
  );
  for (const person of people) {
    const dates = (
      await d
        .selectFrom('walking_samples')
        .select('date')
        .distinct()
        .where('person_id', '=', person)
        .orderBy('date')
        .execute()
    ).map((r) => r.date as string);
    for (let i = 0; i < dates.length; i += DATES_PER_PASS) {
      const pass = dates.slice(i, i + DATES_PER_PASS);
      const rows = await d
        .selectFrom('walking_samples')
        .selectAll()
        .where('person_id', '=', person)
        .where('date', 'in', pass)
        .execute();
      const chunks = new Map<
        string,
        {
          date: string;
          kind: string;
          source: string;
          device: string;
          unit: string;
          importId: string | null;
          at: string;
          b: ColumnsBuilder;
        }
      >();
      for (const r of rows) {
        const a = parseIsoWithOffset(r.start_at);
        const b = parseIsoWithOffset(r.end_at);
        if (!a || !b || !isStorableOffset(a.offsetMinutes) || !isStorableOffset(b.offsetMinutes)) {
          throw new Error(
            `walking sample of ${r.date} (${r.kind} from ${r.source}) has a time Footing cannot read: ${r.start_at} - ${r.end_at}`,
          );
        }
        const key = chunkKey({ date: r.date, kind: r.kind as WalkingKind, source: r.source, device: r.device ?? '' });
        let c = chunks.get(key);
        if (!c)
          chunks.set(
            key,
            (c = {
              date: r.date,
              kind: r.kind,
              source: r.source,
              device: r.device ?? '',
              unit: r.unit,
              importId: r.import_id,
              at: r.created_at,
              b: new ColumnsBuilder(),
            }),
          );
        if (r.created_at > c.at) {
          c.at = r.created_at;
          c.importId = r.import_id;
        }
        c.b.add(a.utcMs, b.utcMs, Number(r.value), a.offsetMinutes, b.offsetMinutes);
      }
      for (const c of chunks.values()) {
        const { columns } = sortedUnique(c.b.take());
        const bytes = encodeColumns(columns);
        await d
          .insertInto('walking_sample_chunks')
          .values({
            person_id: person,
            date: c.date,
            kind: c.kind,
            source: c.source,
            device: c.device,
            unit: c.unit,
            sample_count: columns.count,
            samples: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
            import_id: c.importId,
            updated_at: c.at,
          })
          .execute();
      }
    }
  }
  await db.schema.dropTable('walking_samples').execute();
}

/** Back to the 0005 shape: one row per sample. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await createLeanSamplesTable(db, 'walking_samples');
  const d = db as Kysely<any>;
  const keys = await d
    .selectFrom('walking_sample_chunks')
    .select(['person_id', 'date', 'kind', 'source', 'device'])
    .execute();
  for (const k of keys) {
    const c = await d
      .selectFrom('walking_sample_chunks')
      .selectAll()
      .where('person_id', '=', k.person_id)
      .where('date', '=', k.date)
      .where('kind', '=', k.kind)
      .where('source', '=', k.source)
      .where('device', '=', k.device)
      .executeTakeFirstOrThrow();
    const cols = decodeColumns(new Uint8Array(c.samples));
    const rows = [];
    for (let i = 0; i < cols.count; i++) {
      rows.push({
        person_id: c.person_id,
        start_at: formatIsoWithOffset(cols.start[i]!, cols.startOffset[i]!),
        kind: c.kind,
        source: c.source,
        device: c.device,
        end_at: formatIsoWithOffset(cols.end[i]!, cols.endOffset[i]!),
        value: cols.value[i]!,
        unit: c.unit,
        import_id: c.import_id,
        created_at: c.updated_at,
      });
    }
    for (let i = 0; i < rows.length; i += 500)
      await d
        .insertInto('walking_samples')
        .values(rows.slice(i, i + 500))
        .onConflict((oc: any) => oc.doNothing())
        .execute();
  }
  await db.schema.dropTable('walking_sample_chunks').execute();
}
