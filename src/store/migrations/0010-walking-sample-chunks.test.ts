import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Migrator, sql, type Kysely } from 'kysely';
import { DATABASES, freshStore } from '../../../test/helpers/databases.js';
import { migrate, MIGRATIONS, type Store } from '../db.js';
import { ensureLocalPerson } from '../repos/people.js';
import { addWalkingSamples, countWalkingSamples, listWalkingSamples } from '../repos/walking.js';
import type { WalkingSample } from '../../core/walking.js';

const SAMPLES: WalkingSample[] = [
  {
    source: 'apple-health',
    device: 'Watch',
    start: '2024-05-01T08:00:00+02:00',
    end: '2024-05-01T08:05:00+02:00',
    kind: 'steps',
    value: 300,
    unit: 'count',
  },
  {
    source: 'apple-health',
    device: 'Watch',
    start: '2024-05-01T08:05:00+02:00',
    end: '2024-05-01T08:10:00+02:00',
    kind: 'steps',
    value: 280,
    unit: 'count',
  },
  {
    source: 'gpx',
    device: null,
    start: '2024-05-01T23:50:00.250-05:00',
    end: '2024-05-02T00:20:00-05:00',
    kind: 'distance',
    value: 2000.5,
    unit: 'm',
  },
  {
    source: 'manual',
    device: null,
    start: '2024-05-03T00:00:00+00:00',
    end: '2024-05-03T23:59:59+00:00',
    kind: 'steps',
    value: 4000,
    unit: 'count',
  },
];
const byStart = (a: WalkingSample, b: WalkingSample) => a.start.localeCompare(b.start) || a.kind.localeCompare(b.kind);

for (const kind of DATABASES) {
  describe(`Migration 0010 (walking sample chunks) on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
    });
    after(async () => {
      await cleanup();
    });

    test('Down to one row per sample and up again: every sample comes back with its exact texts, day by stream', async () => {
      const me = (await ensureLocalPerson(store.db)).id;
      assert.equal(await addWalkingSamples(store.db, me, SAMPLES), 4);
      const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => MIGRATIONS } });
      const down = await migrator.migrateTo('0009-gait-video-jobs');
      assert.equal(down.error, undefined);
      const rows = await sql<{
        start_at: string;
        end_at: string;
        device: string;
        value: number;
      }>`select start_at, end_at, device, value from walking_samples order by start_at`.execute(
        store.db as Kysely<unknown>,
      );
      assert.deepEqual(
        rows.rows.map((r) => [r.start_at, r.end_at, r.device, Number(r.value)]),
        [...SAMPLES].sort(byStart).map((s) => [s.start, s.end, s.device ?? '', s.value]),
      );
      assert.ok((await migrate(store)).includes('0010-walking-sample-chunks'));
      assert.deepEqual((await listWalkingSamples(store.db, me)).sort(byStart), [...SAMPLES].sort(byStart));
      // Three chunks: the watch's steps of 1 May, the track of 1 May (its local date), the hand log of 3 May.
      const chunks = await store.db
        .selectFrom('walking_sample_chunks')
        .select(['date', 'source', 'sample_count'])
        .orderBy('date')
        .orderBy('source')
        .execute();
      assert.deepEqual(
        chunks.map((c) => [c.date, c.source, Number(c.sample_count)]),
        [
          ['2024-05-01', 'apple-health', 2],
          ['2024-05-01', 'gpx', 1],
          ['2024-05-03', 'manual', 1],
        ],
      );
      assert.equal(await countWalkingSamples(store.db, me), 4);
      assert.equal(await addWalkingSamples(store.db, me, SAMPLES), 0);
    });
  });
}
