import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueReminder, nextReminder } from './reminder-schedule.js';
import type { Weekday } from './reminder-record.js';

// Hand-computed: Madrid is UTC+1 in winter (CET) and UTC+2 in summer (CEST); in 2026 clocks go forward on Sunday
// 29 March at 02:00 (to 03:00) and back on Sunday 25 October at 03:00 (to 02:00). 7 December 2026 is a Monday.
const madrid = (days: Weekday[], time: string) => ({ days, time, timeZone: 'Europe/Madrid' });
const utc = (iso: string) => Date.parse(iso);

test('a reminder is due from its minute for an hour, on chosen days only', () => {
  const s = madrid(['mon', 'wed', 'fri'], '07:30');
  assert.equal(dueReminder(s, utc('2026-12-07T06:29:59Z'), null), null);
  assert.deepEqual(dueReminder(s, utc('2026-12-07T06:30:00Z'), null), {
    on: '2026-12-07',
    at: utc('2026-12-07T06:30:00Z'),
  });
  assert.deepEqual(dueReminder(s, utc('2026-12-07T07:30:00Z'), null), {
    on: '2026-12-07',
    at: utc('2026-12-07T06:30:00Z'),
  });
  assert.equal(dueReminder(s, utc('2026-12-07T07:30:01Z'), null), null, 'more than an hour late: dropped');
  assert.equal(dueReminder(s, utc('2026-12-08T06:30:00Z'), null), null, 'Tuesday is not chosen');
  assert.equal(dueReminder(madrid([], '07:30'), utc('2026-12-07T06:30:00Z'), null), null, 'no days: no reminders');
});

test('a reminder already sent for its date is not due again (no double send)', () => {
  const s = madrid(['mon', 'wed', 'fri'], '07:30');
  assert.equal(dueReminder(s, utc('2026-12-07T06:31:00Z'), '2026-12-07'), null);
  // The previous reminder's date does not hold back the next one.
  assert.deepEqual(dueReminder(s, utc('2026-12-09T06:31:00Z'), '2026-12-07'), {
    on: '2026-12-09',
    at: utc('2026-12-09T06:30:00Z'),
  });
});

test('summer time moves the reminder one hour earlier in UTC, at the same local time', () => {
  const s = madrid(['wed'], '07:30');
  assert.deepEqual(dueReminder(s, utc('2026-07-01T05:30:00Z'), null), {
    on: '2026-07-01',
    at: utc('2026-07-01T05:30:00Z'),
  });
  assert.equal(dueReminder(s, utc('2026-07-01T05:29:00Z'), null), null);
});

test('a time skipped when clocks go forward happens an hour later (RFC 5545: the offset before the gap)', () => {
  // 02:30 does not exist on 29 March 2026 in Madrid; read with +01:00 it is 01:30Z, which the clocks show as 03:30.
  const s = madrid(['sun'], '02:30');
  assert.equal(dueReminder(s, utc('2026-03-29T01:29:00Z'), null), null);
  assert.deepEqual(dueReminder(s, utc('2026-03-29T01:30:00Z'), null), {
    on: '2026-03-29',
    at: utc('2026-03-29T01:30:00Z'),
  });
});

test('a time that happens twice when clocks go back is the first, and is sent once', () => {
  // 02:30 happens at 00:30Z (+02:00) and again at 01:30Z (+01:00) on 25 October 2026.
  const s = madrid(['sun'], '02:30');
  assert.equal(dueReminder(s, utc('2026-10-25T00:29:00Z'), null), null);
  assert.deepEqual(dueReminder(s, utc('2026-10-25T00:30:00Z'), null), {
    on: '2026-10-25',
    at: utc('2026-10-25T00:30:00Z'),
  });
  assert.equal(dueReminder(s, utc('2026-10-25T01:30:00Z'), '2026-10-25'), null, 'the second 02:30 sends nothing');
});

test('a reminder just before midnight is still due just after it, for the day before', () => {
  // Monday 23:50 in Madrid is 22:50Z; at 23:10Z it is already Tuesday 00:10 there.
  assert.deepEqual(dueReminder(madrid(['mon'], '23:50'), utc('2026-12-07T23:10:00Z'), null), {
    on: '2026-12-07',
    at: utc('2026-12-07T22:50:00Z'),
  });
});

test('a zone west of UTC: New York after clocks went back (EST, UTC-5)', () => {
  // Friday 6 November 2026, 07:30 EST = 12:30Z.
  const s = { days: ['fri'] as Weekday[], time: '07:30', timeZone: 'America/New_York' };
  assert.deepEqual(dueReminder(s, utc('2026-11-06T12:45:00Z'), null), {
    on: '2026-11-06',
    at: utc('2026-11-06T12:30:00Z'),
  });
  assert.deepEqual(nextReminder(s, utc('2026-11-06T12:30:00Z')), { on: '2026-11-13', at: utc('2026-11-13T12:30:00Z') });
});

test('the next reminder is the first occurrence strictly after now', () => {
  const s = madrid(['mon', 'wed', 'fri'], '07:30');
  assert.deepEqual(nextReminder(s, utc('2026-12-07T06:29:00Z')), { on: '2026-12-07', at: utc('2026-12-07T06:30:00Z') });
  assert.deepEqual(nextReminder(s, utc('2026-12-07T06:30:00Z')), { on: '2026-12-09', at: utc('2026-12-09T06:30:00Z') });
  assert.equal(nextReminder(madrid([], '07:30'), utc('2026-12-07T06:30:00Z')), null);
});
