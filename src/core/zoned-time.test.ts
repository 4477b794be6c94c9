import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instantOf, isoWeekday, offsetChanges, offsetMinutes, shiftDate, wallClock } from './zoned-time.js';

test('offsets and wall clocks, hand-checked: Madrid winter and summer, Kolkata half hours, Kathmandu 45 minutes', () => {
  assert.equal(offsetMinutes('Europe/Madrid', Date.parse('2026-12-07T06:30:00Z')), 60);
  assert.equal(offsetMinutes('Europe/Madrid', Date.parse('2026-07-01T06:30:00Z')), 120);
  assert.deepEqual(wallClock('Asia/Kolkata', Date.parse('2026-01-01T20:00:00Z')), {
    date: '2026-01-02',
    time: '01:30',
  });
  assert.equal(offsetMinutes('Asia/Kathmandu', Date.parse('2026-01-01T00:00:00Z')), 345);
  assert.equal(instantOf('2026-01-01', '05:45', 'Asia/Kathmandu'), Date.parse('2026-01-01T00:00:00Z'));
});

test('weekdays and date shifts across a month and a year end', () => {
  assert.equal(isoWeekday('2026-12-07'), 0); // a Monday
  assert.equal(isoWeekday('2026-12-06'), 6); // a Sunday
  assert.equal(shiftDate('2026-12-31', 1), '2027-01-01');
  assert.equal(shiftDate('2026-03-01', -1), '2026-02-28');
});

test('Madrid changes offset twice in 2026, at 01:00Z on 29 March and 25 October', () => {
  assert.deepEqual(
    offsetChanges('Europe/Madrid', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z')),
    [
      { at: Date.parse('2026-03-29T01:00:00Z'), from: 60, to: 120 },
      { at: Date.parse('2026-10-25T01:00:00Z'), from: 120, to: 60 },
    ],
  );
  assert.deepEqual(
    offsetChanges('Asia/Tokyo', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z')),
    [],
  );
});
