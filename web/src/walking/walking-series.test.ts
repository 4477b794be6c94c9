/**
 * Unit tests of the Walking page's pure helpers (web/src/walking): the period's days, columns with gaps where a
 * day has no measurement, where the chart window moves after an import, UTC offsets, and plain-word locations.
 * Expected values are worked out by hand (calendar facts, the offsets' arithmetic).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { column, listDates, rangeBounds, windowEndAfterImport } from './walking-series.js';
import { formatOffset, offsetChoices, toMinutes } from './utc-offset.js';
import { locationText } from './location-text.js';

const day = (
  date: string,
  o: Partial<{ steps: number; distanceM: number; cadenceSpm: number | null; speedMps: number | null }> = {},
) => ({
  date,
  steps: 0,
  distanceM: 0,
  minutes: 0,
  cadenceSpm: null,
  speedMps: null,
  stepLengthM: null,
  asymmetryPct: null,
  doubleSupportPct: null,
  ...o,
});

test('a 4-week period ends on the given day and spans 28 days, across a month and a leap day', () => {
  assert.deepEqual(rangeBounds('2024-03-10', 28), { from: '2024-02-12', to: '2024-03-10' });
  const dates = listDates('2024-02-27', '2024-03-02');
  assert.deepEqual(dates, ['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']);
});

test('listDates: consecutive days, first and last as given (property)', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
      fc.integer({ min: 1, max: 400 }),
      (d, n) => {
        const to = d.toISOString().slice(0, 10);
        const { from } = rangeBounds(to, n);
        const dates = listDates(from, to);
        assert.equal(dates.length, n);
        assert.equal(dates[0], from);
        assert.equal(dates.at(-1), to);
        for (let i = 1; i < dates.length; i++)
          assert.equal(Date.parse(dates[i]!) - Date.parse(dates[i - 1]!), 86_400_000);
      },
    ),
  );
});

test('columns: a day with no row or no measurement is a gap (null), never a zero', () => {
  const dates = ['2026-01-01', '2026-01-02', '2026-01-03'];
  const rows = [
    day('2026-01-01', { steps: 4000, distanceM: 2500, cadenceSpm: 104 }),
    day('2026-01-03', { distanceM: 120 }),
  ];
  assert.deepEqual(column(dates, rows, 'steps'), [4000, null, null]);
  assert.deepEqual(column(dates, rows, 'distanceKm'), [2.5, null, 0.12]);
  assert.deepEqual(column(dates, rows, 'cadenceSpm'), [104, null, null]);
  assert.deepEqual(column(dates, rows, 'speedMps'), [null, null, null]);
});

test('after an import the window moves to the file’s latest day only when that day is not shown', () => {
  const shown = { from: '2026-10-29', to: '2026-11-25' };
  assert.equal(windowEndAfterImport(['2014-09-13', '2014-09-20'], shown, '2026-11-25'), '2014-09-20');
  assert.equal(windowEndAfterImport(['2026-11-01', '2014-09-20'], shown, '2026-11-25'), '2026-11-25');
  assert.equal(windowEndAfterImport([], shown, '2026-11-25'), '2026-11-25');
  // A day after today (a watch with a wrong clock) does not pull the window into the future.
  assert.equal(windowEndAfterImport(['2027-01-01'], shown, '2026-11-25'), '2026-11-25');
});

test('UTC offsets: east positive, half and quarter hours, the browser’s own offset always offered', () => {
  assert.equal(formatOffset(60), '+01:00');
  assert.equal(formatOffset(-330), '-05:30');
  assert.equal(formatOffset(0), '+00:00');
  assert.equal(formatOffset(345), '+05:45');
  assert.equal(toMinutes('-09:30'), -570);
  const list = offsetChoices();
  assert.equal(list[0], '-12:00');
  assert.equal(list.at(-1), '+14:00');
  // 53 half-hour steps from -12:00 to +14:00, plus +05:45, +08:45, +12:45.
  assert.equal(list.length, 53 + 3);
  assert.ok(list.includes('+05:45'));
  assert.ok(offsetChoices('+05:20').includes('+05:20'));
  const sorted = [...list].sort((a, b) => toMinutes(a) - toMinutes(b));
  assert.deepEqual(list, sorted);
});

test('locations in plain words: line and column for text, byte for binary, the field', () => {
  assert.equal(
    locationText({ file: 'export.xml', line: 85, column: 2, field: 'value' }),
    'line 85, column 2, in “value”',
  );
  assert.equal(locationText({ file: 'walk.fit', byteOffset: 768 }), 'byte 768');
  assert.equal(locationText({ file: 'big.xml', line: 1_234_567, column: 3 }), 'line 1,234,567, column 3');
  assert.equal(
    locationText({ file: 'export.zip', entry: 'apple_health_export/export.xml', line: 85, column: 2, field: 'value' }),
    'line 85, column 2 of apple_health_export/export.xml in the zip, in “value”',
  );
  assert.equal(
    locationText({ file: 'export.zip', entry: 'apple_health_export/export.xml', byteOffset: 4_321 }),
    'byte 4,321 of the zip, in apple_health_export/export.xml',
  );
  assert.equal(locationText({ file: 'walk.gpx', line: 2, column: 1, field: 'trkpt' }), 'line 2, column 1, in “trkpt”');
  // A past import's record from before every problem had a place.
  assert.equal(locationText({ file: 'x.csv' }), 'the whole file');
});
