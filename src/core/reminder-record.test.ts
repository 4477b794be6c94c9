import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isTimeZone,
  orderedDays,
  REMINDER_DAYS,
  REMINDER_RECORD_VERSION,
  ReminderSettingsInput,
} from './reminder-record.js';

test('reminder settings are taken with days, a 24-hour time and a time zone name', () => {
  const s = ReminderSettingsInput.parse({ days: ['fri', 'mon'], time: '07:30', timeZone: 'Europe/Madrid' });
  assert.deepEqual(orderedDays(s.days), ['mon', 'fri']);
  assert.deepEqual(ReminderSettingsInput.parse({ days: [], time: '00:00', timeZone: 'UTC' }).days, []);
});

test('bad reminder settings are refused with the field named', () => {
  const issue = (v: unknown) => {
    const r = ReminderSettingsInput.safeParse(v);
    return r.success ? null : [r.error.issues[0]!.path.join('.'), r.error.issues[0]!.message];
  };
  assert.deepEqual(issue({ days: ['monday'], time: '07:30', timeZone: 'UTC' }), [
    'days.0',
    'must be one of mon, tue, wed, thu, fri, sat, sun',
  ]);
  assert.deepEqual(issue({ days: ['mon', 'mon'], time: '07:30', timeZone: 'UTC' }), [
    'days',
    'must not name a day twice',
  ]);
  assert.deepEqual(issue({ days: ['mon'], time: '24:00', timeZone: 'UTC' }), [
    'time',
    'must be a time of day like 07:30 (24-hour clock)',
  ]);
  assert.deepEqual(issue({ days: ['mon'], time: '7:30', timeZone: 'UTC' }), [
    'time',
    'must be a time of day like 07:30 (24-hour clock)',
  ]);
  assert.deepEqual(issue({ days: ['mon'], time: '07:30', timeZone: 'Mars/Olympus' }), [
    'timeZone',
    'must be a time zone name like Europe/Madrid',
  ]);
  assert.equal(isTimeZone('Europe/Madrid\nX'), false);
});

test('stored days of version 1 read back', () => {
  assert.equal(REMINDER_RECORD_VERSION, 1);
  assert.deepEqual(REMINDER_DAYS.parse(['mon', 'sun']), ['mon', 'sun']);
});
