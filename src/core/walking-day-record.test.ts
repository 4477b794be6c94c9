import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WALKING_DAY_RECORD_VERSION, WalkingLogInput } from './walking-day-record.js';
import { WalkingDayAccumulator } from './walking-day.js';

test('a hand log with minutes or steps is taken; one with neither more than 0 is refused at minutes', () => {
  assert.deepEqual(WalkingLogInput.parse({ date: '2026-11-25', minutes: 30 }), { date: '2026-11-25', minutes: 30 });
  assert.deepEqual(WalkingLogInput.parse({ date: '2026-11-25', steps: 4000, minutes: null }), {
    date: '2026-11-25',
    steps: 4000,
    minutes: null,
  });
  const none = WalkingLogInput.safeParse({ date: '2026-11-25', minutes: 0, steps: 0 });
  assert.deepEqual(
    none.error!.issues.map((i) => [i.path.join('.'), i.message]),
    [['minutes', 'give minutes or steps (more than 0)']],
  );
});

test('a hand log outside a day or on a date that does not exist is refused at its field', () => {
  const long = WalkingLogInput.safeParse({ date: '2026-11-25', minutes: 1441 });
  assert.equal(long.error!.issues[0]!.path.join('.'), 'minutes');
  const half = WalkingLogInput.safeParse({ date: '2026-11-25', steps: 10.5 });
  assert.equal(half.error!.issues[0]!.path.join('.'), 'steps');
  const feb30 = WalkingLogInput.safeParse({ date: '2026-02-30', steps: 100 });
  assert.deepEqual(
    feb30.error!.issues.map((i) => [i.path.join('.'), i.message]),
    [['date', 'must be a calendar date like 2026-11-25']],
  );
});

test('version 1: a day with no device metrics has its means null, as the columns store them', () => {
  assert.equal(WALKING_DAY_RECORD_VERSION, 1);
  const acc = new WalkingDayAccumulator('2026-11-25');
  acc.add({
    source: 'manual',
    device: null,
    start: '2026-11-25T00:00:00+00:00',
    end: '2026-11-25T23:59:59+00:00',
    kind: 'steps',
    value: 4000,
    unit: 'count',
  });
  acc.add({
    source: 'manual',
    device: null,
    start: '2026-11-25T00:00:00+00:00',
    end: '2026-11-25T23:59:59+00:00',
    kind: 'duration',
    value: 1800,
    unit: 's',
  });
  assert.deepEqual(acc.result(), {
    date: '2026-11-25',
    steps: 4000,
    distanceM: 0,
    minutes: 30,
    speedMps: null,
    cadenceSpm: null,
    stepLengthM: null,
    asymmetryPct: null,
    doubleSupportPct: null,
  });
});
