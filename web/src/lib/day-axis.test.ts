/**
 * The time axis of the Progress charts (web/src/lib/day-axis.ts), checked in Node without a browser, in London time
 * so that one range crosses the end of summer time (25 Oct 2026). Expected values are calendar facts written out by
 * hand (Date.UTC of the local midnight or midday), not computed by the code under test.
 */
process.env.TZ = 'Europe/London';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayAxis, dayLabel, labelsThatFit, middayOf } from './day-axis.js';

const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min) / 1000;

test('one check-in on 6 Dec at 09:30: the axis spans that day and reads "6 Dec" once (not "1 Jan, 1 Jan, 1 Jan")', () => {
  const a = dayAxis([utc(2026, 12, 6, 9, 30)], 4); // GMT in December: local = UTC
  assert.equal(a.min, utc(2026, 12, 6));
  assert.equal(a.max, utc(2026, 12, 7));
  assert.deepEqual(a.ticks, [utc(2026, 12, 6, 12)]);
  assert.deepEqual(a.ticks.map(dayLabel), ['6 Dec']);
});

test('three days, points in any order and two on one day: one label per day', () => {
  const a = dayAxis([utc(2026, 12, 6, 8), utc(2026, 12, 4, 8), utc(2026, 12, 5, 19), utc(2026, 12, 4, 20)], 4);
  assert.equal(a.min, utc(2026, 12, 4));
  assert.equal(a.max, utc(2026, 12, 7));
  assert.equal(a.step, 1);
  assert.deepEqual(a.ticks.map(dayLabel), ['4 Dec', '5 Dec', '6 Dec']);
});

test('90 days (1 Sep to 29 Nov 2026) with room for 4 labels: every 23 days, at local midday across the clock change', () => {
  // 30 days of September + 31 of October + 29 of November = 90 days; ceil(90 / 4) = 23.
  const a = dayAxis([utc(2026, 9, 1, 7), utc(2026, 11, 29, 8)], 4); // 08:00 BST = 07:00Z on 1 Sep
  assert.equal(a.step, 23);
  assert.equal(a.min, utc(2026, 8, 31, 23)); // midnight BST on 1 Sep
  assert.equal(a.max, utc(2026, 11, 30)); // midnight GMT on 30 Nov
  // 1 Sep + 23 = 24 Sep, + 23 = 17 Oct (both BST: midday is 11:00Z), + 23 = 9 Nov (GMT: midday is 12:00Z).
  assert.deepEqual(a.ticks, [utc(2026, 9, 1, 11), utc(2026, 9, 24, 11), utc(2026, 10, 17, 11), utc(2026, 11, 9, 12)]);
  assert.deepEqual(a.ticks.map(dayLabel), ['1 Sep', '24 Sep', '17 Oct', '9 Nov']);
});

test('a walking day sits at its local midday; labels that fit a phone-wide chart', () => {
  assert.equal(middayOf('2026-12-06'), utc(2026, 12, 6, 12));
  assert.equal(middayOf('2026-07-01'), utc(2026, 7, 1, 11)); // BST
  assert.equal(labelsThatFit(340), 4); // (340 - 60) / 60 = 4.67
  assert.equal(labelsThatFit(100), 2); // never fewer than 2
});
