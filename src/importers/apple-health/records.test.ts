import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseAppleRecord, normaliseAppleWorkout, parseAppleDate } from './records.js';

test('parseAppleDate agrees with Date.parse on every valid Apple date (property)', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }),
      fc.integer({ min: -14 * 4, max: 14 * 4 }),
      (d, quarterHours) => {
        const offset = quarterHours * 15;
        const local = new Date(d.getTime() - (d.getTime() % 1000) + offset * 60_000).toISOString();
        const sign = offset < 0 ? '-' : '+';
        const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}${String(Math.abs(offset) % 60).padStart(2, '0')}`;
        const raw = `${local.slice(0, 10)} ${local.slice(11, 19)} ${sign}${hhmm}`;
        const iso = `${local.slice(0, 19)}${sign}${hhmm.slice(0, 2)}:${hhmm.slice(2)}`;
        const p = parseAppleDate(raw);
        assert.ok(p, raw);
        assert.equal(p.iso, iso);
        assert.equal(p.utcMs, Date.parse(iso));
        assert.equal(p.offsetMinutes, offset);
      },
    ),
    { numRuns: 500 },
  );
});

test('parseAppleDate rejects impossible dates and other shapes', () => {
  for (const raw of [
    '2023-02-29 10:00:00 +0100',
    '2024-04-31 10:00:00 +0100',
    '2024-13-01 10:00:00 +0100',
    '2024-01-01 24:00:00 +0100',
    '2024-01-01T10:00:00+01:00',
    '2024-01-01 10:00:00',
    '',
    '2024-01-01 10:00:00 +01:00',
  ]) {
    assert.equal(parseAppleDate(raw), null, raw);
  }
  assert.ok(parseAppleDate('2024-02-29 10:00:00 +0100')); // leap day
  assert.ok(parseAppleDate('2000-02-29 10:00:00 +0100')); // 2000 is a leap year (divisible by 400)
  assert.equal(parseAppleDate('1900-02-29 10:00:00 +0100'), null); // 1900 is not
});

const attrs = (over: Record<string, string>) => ({
  type: 'x',
  sourceName: 'Phone',
  unit: 'count',
  value: '10',
  startDate: '2024-05-01 08:00:00 +0200',
  endDate: '2024-05-01 08:01:00 +0200',
  ...over,
});

test('record problems name the field', () => {
  const cases: [Record<string, string>, string, string][] = [
    [{ unit: 'furlong' }, 'unsupported-unit', 'unit'],
    [{ value: '' }, 'bad-value', 'value'],
    [{ value: '-3' }, 'bad-value', 'value'],
    [{ endDate: '2024-05-01 07:00:00 +0200' }, 'bad-date', 'endDate'],
  ];
  for (const [over, code, field] of cases) {
    const r = normaliseAppleRecord('steps', attrs(over));
    assert.ok('code' in r, JSON.stringify(over));
    assert.equal(r.code, code);
    assert.equal(r.field, field);
  }
  const { unit: _u, ...noUnit } = attrs({});
  const r = normaliseAppleRecord('steps', noUnit);
  assert.ok('code' in r && r.code === 'missing-field' && r.field === 'unit');
});

test('workout without duration attribute: end minus start; unknown durationUnit is an error', () => {
  const w = normaliseAppleWorkout(
    {
      workoutActivityType: 'HKWorkoutActivityTypeWalking',
      sourceName: 'W',
      startDate: '2024-05-01 08:00:00 +0200',
      endDate: '2024-05-01 08:45:00 +0200',
    },
    null,
  );
  assert.ok(Array.isArray(w));
  assert.deepEqual(
    w.map((s) => [s.kind, s.value]),
    [['duration', 2700]],
  );
  const bad = normaliseAppleWorkout(
    {
      duration: '3',
      durationUnit: 'fortnight',
      startDate: '2024-05-01 08:00:00 +0200',
      endDate: '2024-05-01 08:45:00 +0200',
    },
    null,
  );
  assert.ok(!Array.isArray(bad) && bad.field === 'durationUnit');
});
