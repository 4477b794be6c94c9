import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES, freshStore } from '../../test/helpers/databases.js';
import { BACKUP_FORMAT, BACKUP_VERSION, exportBackup, parseBackup, restoreBackup } from './backup.js';
import type { Store } from './db.js';
import { ensureLocalPerson } from './repos/people.js';
import { dailyWalking } from './repos/walking.js';
import { MINIMAL_GAIT_ANALYSIS } from '../../test/helpers/minimal-gait-analysis.js';

/** A backup written before migration 0005: walking rows carry an id and a dedupe_key. */
const OLD_BACKUP = {
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  exportedAt: '2025-01-01T00:00:00Z',
  person: { id: 'elsewhere', display_name: 'Me', birth_year: null, created_at: '2024-01-01T00:00:00Z' },
  program: null,
  screens: [],
  programEvents: [],
  sessions: [],
  checkins: [],
  imports: [],
  walkingSamples: [
    {
      id: 'w1',
      source: 'apple-health',
      device: 'Phone',
      start_at: '2024-05-01T08:00:00+02:00',
      end_at: '2024-05-01T08:10:00+02:00',
      date: '2024-05-01',
      kind: 'steps',
      value: 700,
      unit: 'count',
      dedupe_key: 'x',
      import_id: null,
      created_at: '2024-05-02T00:00:00Z',
    },
    {
      id: 'w2',
      source: 'manual',
      device: null,
      start_at: '2024-05-01T00:00:00+02:00',
      end_at: '2024-05-01T23:59:59+02:00',
      date: '2024-05-01',
      kind: 'steps',
      value: 500,
      unit: 'count',
      dedupe_key: 'y',
      import_id: null,
      created_at: '2024-05-02T00:00:00Z',
    },
  ],
};

for (const kind of DATABASES) {
  describe(`Backups of walking samples on ${kind}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await freshStore(kind));
    });
    after(async () => {
      await cleanup();
    });

    test('A backup from before the lean table restores once, its day total follows the rule, and a second restore adds nothing', async () => {
      const parsed = parseBackup(JSON.stringify(OLD_BACKUP));
      assert.ok('backup' in parsed);
      const me = await ensureLocalPerson(store.db);
      assert.equal((await restoreBackup(store.db, me.id, parsed.backup)).walkingSamples, 2);
      assert.equal((await restoreBackup(store.db, me.id, parsed.backup)).walkingSamples, 0);
      // Device 700 steps vs hand log 500 on the same day: the larger stands (repos/walking.ts header).
      assert.equal((await dailyWalking(store.db, me.id)).find((d) => d.date === '2024-05-01')?.steps, 700);
    });

    test('A new backup keeps the readable columns, a missing device as null, and restores elsewhere', async () => {
      const me = await ensureLocalPerson(store.db);
      const b = await exportBackup(store.db, me.id);
      const manual = b.walkingSamples.find((w) => w.source === 'manual')!;
      assert.deepEqual(
        { ...manual },
        {
          source: 'manual',
          device: null,
          start_at: '2024-05-01T00:00:00+02:00',
          end_at: '2024-05-01T23:59:59+02:00',
          date: '2024-05-01',
          kind: 'steps',
          value: 500,
          unit: 'count',
          import_id: null,
          created_at: '2024-05-02T00:00:00Z',
        },
      );
      const reparsed = parseBackup(JSON.stringify(b));
      assert.ok('backup' in reparsed);
      const other = await freshStore(kind);
      try {
        const p = await ensureLocalPerson(other.store.db);
        assert.equal((await restoreBackup(other.store.db, p.id, reparsed.backup)).walkingSamples, 2);
      } finally {
        await other.cleanup();
      }
    });
  });
}

test('A backup whose check-in has a pain score outside 0-10 is refused at that field, with the scale in the message', () => {
  const checkin = {
    id: 'c1',
    at: '2024-05-01T08:00:00+02:00',
    date: '2024-05-01',
    context: 'daily',
    session_id: null,
    back: 11,
    neck: null,
    foot: null,
    regions: '[]',
    note: null,
  };
  const parsed = parseBackup(JSON.stringify({ ...OLD_BACKUP, checkins: [checkin] }));
  assert.ok('problem' in parsed);
  assert.deepEqual(parsed.problem, {
    path: 'checkins[0].back',
    message: 'must be 10 or less',
    text: { id: 'number.at-most', params: { max: 10 } },
  });
  const ok = parseBackup(JSON.stringify({ ...OLD_BACKUP, checkins: [{ ...checkin, back: 10 }] }));
  assert.ok('backup' in ok);
  const badContext = parseBackup(
    JSON.stringify({ ...OLD_BACKUP, checkins: [{ ...checkin, back: 3, context: 'weekly' }] }),
  );
  assert.ok('problem' in badContext);
  assert.equal(badContext.problem.path, 'checkins[0].context');
});

test("A backup whose program holds a clinician's doses that Footing could not have written is refused at that field", () => {
  const program = {
    stage: 2,
    stage_started_on: '2024-05-01',
    started_on: '2024-04-01',
    status: 'active',
    decided_on: null,
    updated_at: '2024-05-01T00:00:00Z',
  };
  const withDoses = (doses: unknown) =>
    parseBackup(JSON.stringify({ ...OLD_BACKUP, program: { ...program, dose_overrides: JSON.stringify(doses) } }));
  // A roll shorter than 10 s per foot, and an exercise that has no dose to change: neither is stored by the API.
  for (const doses of [{ 'ball-roll': { secondsPerFoot: 5 } }, { walk: { minutes: 10 } }]) {
    const parsed = withDoses(doses);
    assert.ok('problem' in parsed, JSON.stringify(doses));
    assert.equal(parsed.problem.path, 'program.dose_overrides');
    assert.match(parsed.problem.message, /a clinician's doses/);
  }
  const ok = withDoses({ 'ball-roll': { secondsPerFoot: 90, timesPerDay: 2 }, 'pinky-toe-lift': { reps: 8 } });
  assert.ok('backup' in ok);
});

test('A backup whose gait analysis is not one Footing could have stored is refused at that field (the stored analysis validator)', () => {
  const analysis = MINIMAL_GAIT_ANALYSIS;
  const row = (a: unknown) => ({
    id: 'g1',
    recorded_at: '2024-05-01T10:00:00Z',
    recorded_by: 'me',
    source_name: 'walk.mp4',
    view: 'side',
    analysis: JSON.stringify(a),
    keypoints: null,
    video_kept: 0,
    video_path: null,
  });
  assert.ok('backup' in parseBackup(JSON.stringify({ ...OLD_BACKUP, gaitAnalyses: [row(analysis)] })));
  // A cadence of -5 steps/min, and a row that is not JSON: neither could come from Footing.
  for (const bad of [{ ...analysis, metrics: { cadence_spm: { value: -5, confidence: 0.8 } } }, '{not json']) {
    const r = row(bad);
    const parsed = parseBackup(
      JSON.stringify({ ...OLD_BACKUP, gaitAnalyses: [typeof bad === 'string' ? { ...r, analysis: bad } : r] }),
    );
    assert.ok('problem' in parsed);
    assert.deepEqual(parsed.problem, {
      path: 'gaitAnalyses[0].analysis',
      message: 'must be a gait analysis (src/gait/gait-analysis-record.ts) as JSON',
      text: { id: 'backup.json-of', params: { what: 'gait-analysis' } },
    });
  }
});
