import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PHONE_WALK_DEVICE,
  PHONE_WALK_SOURCE,
  phoneWalkFromCount,
  phoneWalkHistoryName,
  phoneWalkImportRecord,
  phoneWalkSamples,
  PhoneWalkInput,
} from './phone-walk.js';

// Start at 2026-11-20 08:00:00.400 +01:00 (07:00:00.400 UTC), stop 150.2 s later.
const START = Date.UTC(2026, 10, 20, 7, 0, 0, 400);

test('A counted walk becomes the body the page sends: seconds rounded outward, each step in its minute', () => {
  // Steps at 1 s, 59.5 s (08:00:59.9: minute 0), 59.7 s (08:01:00.1: minute 1), 130 s (minute 2).
  const w = phoneWalkFromCount({
    clientId: 'walk-0001',
    startEpochMs: START,
    offsetMinutes: 60,
    durationMs: 150_200,
    stepOffsetsMs: [1000, 59_500, 59_700, 130_000],
    walkingSeconds: 3.5,
    cadenceSpm: 100,
  });
  assert.deepEqual(w, {
    clientId: 'walk-0001',
    start: '2026-11-20T08:00:00+01:00',
    end: '2026-11-20T08:02:31+01:00', // 150.6 s after :00 -> :31
    stepsPerMinute: [2, 1, 1],
    steps: 4,
    walkingSeconds: 3.5,
    cadenceSpm: 100,
  });
  assert.equal(PhoneWalkInput.safeParse(w).success, true);
});

test("Its samples: the steps of each minute that had any, the walking time and the cadence, with the phone's offset", () => {
  const samples = phoneWalkSamples({
    clientId: 'walk-0002',
    start: '2026-11-20T08:00:00+01:00',
    end: '2026-11-20T08:02:30+01:00',
    stepsPerMinute: [100, 0, 40],
    steps: 140,
    walkingSeconds: 95.4,
    cadenceSpm: 108.2,
  });
  const base = { source: PHONE_WALK_SOURCE, device: PHONE_WALK_DEVICE };
  assert.deepEqual(samples, [
    {
      ...base,
      start: '2026-11-20T08:00:00+01:00',
      end: '2026-11-20T08:01:00+01:00',
      kind: 'steps',
      value: 100,
      unit: 'count',
    },
    {
      ...base,
      start: '2026-11-20T08:02:00+01:00',
      end: '2026-11-20T08:02:30+01:00',
      kind: 'steps',
      value: 40,
      unit: 'count',
    },
    {
      ...base,
      start: '2026-11-20T08:00:00+01:00',
      end: '2026-11-20T08:02:30+01:00',
      kind: 'duration',
      value: 95,
      unit: 's',
    },
    {
      ...base,
      start: '2026-11-20T08:00:00+01:00',
      end: '2026-11-20T08:02:30+01:00',
      kind: 'cadence',
      value: 108.2,
      unit: 'steps/min',
    },
  ]);
});

test('A walk that does not add up is refused with the field at fault', () => {
  const ok = {
    clientId: 'walk-0003',
    start: '2026-11-20T08:00:00-05:00',
    end: '2026-11-20T08:01:30-05:00',
    stepsPerMinute: [90, 40],
    steps: 130,
    walkingSeconds: 80,
    cadenceSpm: 100,
  };
  assert.equal(PhoneWalkInput.safeParse(ok).success, true);
  const path = (w: object) => PhoneWalkInput.safeParse(w).error?.issues[0]?.path.join('.');
  assert.equal(path({ ...ok, steps: 131 }), 'steps');
  assert.equal(path({ ...ok, stepsPerMinute: [130] }), 'stepsPerMinute');
  assert.equal(path({ ...ok, walkingSeconds: 92 }), 'walkingSeconds');
  assert.equal(path({ ...ok, end: ok.start }), 'end');
  assert.equal(path({ ...ok, end: '2026-11-20T20:00:01-05:00' }), 'end');
});

test('Its import-history record: one walk read, what it gave and added, the days it covers, in order', () => {
  // A walk over midnight whose 6 measurements were 2 new, 4 already stored (another device counted them).
  const r = phoneWalkImportRecord(6, 2, ['2026-11-21', '2026-11-20', '2026-11-21']);
  assert.equal(r.status, 'imported');
  assert.deepEqual([r.records, r.samples, r.added, r.duplicates, r.skipped, r.errorCount], [1, 6, 2, 4, 0, 0]);
  assert.deepEqual(r.days, { count: 2, first: '2026-11-20', last: '2026-11-21' });
  assert.equal(phoneWalkImportRecord(3, 0, ['2026-11-20']).status, 'nothing-new');
  assert.equal(phoneWalkHistoryName({ steps: 1234 }), 'Walk now, 1,234 steps');
  assert.equal(phoneWalkHistoryName({ steps: 1 }), 'Walk now, 1 step');
});
