import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import pg from 'pg';
import { DATABASES, type DbKind } from '../../../test/helpers/databases.js';
import { migrate, openStore, type DbConfig, type Store } from '../db.js';
import { addWalkingSamples, countWalkingSamples, listWalkingSamples } from '../repos/walking.js';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-assessment.js';
import * as m0003 from './0003-walking-days.js';
import * as m0004 from './0004-jobs.js';

/** The migrations as they stood before 0005, to build a database of that shape. */
const BEFORE: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-assessment': m0002,
  '0003-walking-days': m0003,
  '0004-jobs': m0004,
};

async function openEmpty(kind: DbKind): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'footing-m0005-'));
    const store = openStore({ kind: 'sqlite', path: join(dir, 'db.sqlite') });
    return {
      store,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = process.env.FOOTING_TEST_PG_URL;
  if (!admin) throw new Error('FOOTING_TEST_PG_URL is not set');
  const name = `footing_m0005_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const store = openStore({ kind: 'postgres', url: url.toString() } satisfies DbConfig);
  return {
    store,
    cleanup: async () => {
      await store.close();
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

// Rows written in the 0001 shape, as the old repository wrote them (id, dedupe_key, date, device NULL allowed).
const OLD_ROWS = [
  {
    id: 'a1',
    source: 'apple-health',
    device: 'Phone',
    start_at: '2014-09-13T10:27:54+01:00',
    end_at: '2014-09-13T10:37:54+01:00',
    date: '2014-09-13',
    kind: 'steps',
    value: 329,
    unit: 'count',
  },
  {
    id: 'a2',
    source: 'apple-health',
    device: 'Phone',
    start_at: '2014-09-13T10:27:54+01:00',
    end_at: '2014-09-13T10:37:54+01:00',
    date: '2014-09-13',
    kind: 'distance',
    value: 250.5,
    unit: 'm',
  },
  {
    id: 'a3',
    source: 'gpx',
    device: null,
    start_at: '2014-09-14T23:50:00-05:00',
    end_at: '2014-09-15T00:20:00-05:00',
    date: '2014-09-14',
    kind: 'distance',
    value: 2000,
    unit: 'm',
  },
];

for (const kind of DATABASES) {
  describe(`Migration 0005 (lean walking samples) on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await openEmpty(kind));
      const old = new Migrator({ db: store.db, provider: { getMigrations: async () => BEFORE } });
      const r = await old.migrateToLatest();
      assert.equal(r.error, undefined);
      const db = store.db as unknown as Kysely<any>; // the 0001 shape is not the current schema type
      await db
        .insertInto('people')
        .values({ id: 'p1', display_name: 'Me', birth_year: null, created_at: '2014-01-01T00:00:00Z' })
        .execute();
      await db
        .insertInto('imports')
        .values({
          id: 'i1',
          person_id: 'p1',
          file_name: 'export.xml',
          format: 'apple-health-xml',
          sha256: '',
          at: '2014-10-01T00:00:00Z',
          summary: '{}',
        })
        .execute();
      await db
        .insertInto('walking_samples')
        .values(
          OLD_ROWS.map((r) => ({
            ...r,
            person_id: 'p1',
            dedupe_key: [r.source, r.device ?? '', r.start_at, r.end_at, r.kind].join('|'),
            import_id: 'i1',
            created_at: '2014-10-01T00:00:00Z',
          })),
        )
        .execute();
      assert.ok((await migrate(store)).includes('0005-lean-walking-samples'));
    });
    after(async () => {
      await cleanup();
    });

    test('Every old row is kept with its values; a missing device reads back as null', async () => {
      const samples = await listWalkingSamples(store.db, 'p1');
      assert.equal(samples.length, 3);
      const byKey = new Map(samples.map((s) => [`${s.start}|${s.kind}`, s]));
      for (const r of OLD_ROWS) {
        const s = byKey.get(`${r.start_at}|${r.kind}`);
        assert.ok(s, r.id);
        assert.equal(s.source, r.source);
        assert.equal(s.device, r.device);
        assert.equal(s.end, r.end_at);
        assert.equal(s.value, r.value);
        assert.equal(s.unit, r.unit);
      }
      // Since migration 0010 a day of one stream is one chunk; it keeps the import and time of its samples.
      const kept = await store.db
        .selectFrom('walking_sample_chunks')
        .select(['import_id', 'updated_at', 'date', 'sample_count'])
        .where('source', '=', 'gpx')
        .executeTakeFirstOrThrow();
      assert.deepEqual(kept, {
        import_id: 'i1',
        updated_at: '2014-10-01T00:00:00Z',
        date: '2014-09-14',
        sample_count: 1,
      });
    });

    test('The same samples written again after the migration add nothing (NULL and missing device are one identity)', async () => {
      const again = OLD_ROWS.map((r) => ({
        source: r.source,
        device: r.device,
        start: r.start_at,
        end: r.end_at,
        kind: r.kind as 'steps',
        value: r.value,
        unit: r.unit as 'count',
      }));
      assert.equal(await addWalkingSamples(store.db, 'p1', again), 0);
      const other = { ...again[0]!, end: '2014-09-13T10:38:54+01:00' };
      assert.equal(await addWalkingSamples(store.db, 'p1', [other]), 1);
    });

    test('Date ranges read by the local date of the start (the sample past midnight UTC stays on its own day)', async () => {
      const day14 = await listWalkingSamples(store.db, 'p1', { from: '2014-09-14', to: '2014-09-14' });
      assert.deepEqual(
        day14.map((s) => s.source),
        ['gpx'],
      );
      assert.equal(await countWalkingSamples(store.db), 4);
    });
  });
}
