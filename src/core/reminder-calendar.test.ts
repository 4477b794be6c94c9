import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventCount, occurrencesOf } from '../../test/helpers/icalendar.js';
import { reminderCalendar } from './reminder-calendar.js';

test('the feed repeats weekly on the chosen days at the local time, across the change to summer time', () => {
  // Set on Friday 20 March 2026 in Berlin (UTC+1 until 29 March, then UTC+2): 07:30 is 06:30Z, then 05:30Z.
  const feed = reminderCalendar({
    settings: {
      days: ['fri', 'mon', 'wed'],
      time: '07:30',
      timeZone: 'Europe/Berlin',
      updatedAt: '2026-03-20T10:00:00Z',
    },
    uid: 'r1@footing',
    now: Date.parse('2026-03-20T10:00:00Z'),
    url: 'https://footing.example/session',
  });
  assert.ok(
    feed.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75),
    'lines folded at 75 octets',
  );
  const { event, utc } = occurrencesOf(feed, 6);
  assert.equal(event.component.getFirstPropertyValue('rrule')!.toString(), 'FREQ=WEEKLY;BYDAY=MO,WE,FR');
  assert.equal(event.startDate.zone.tzid, 'Europe/Berlin');
  assert.equal(event.startDate.toString(), '2026-03-20T07:30:00');
  assert.equal(event.duration.toSeconds(), 15 * 60);
  assert.deepEqual(utc, [
    '2026-03-20T06:30:00.000Z',
    '2026-03-23T06:30:00.000Z',
    '2026-03-25T06:30:00.000Z',
    '2026-03-27T06:30:00.000Z',
    '2026-03-30T05:30:00.000Z',
    '2026-04-01T05:30:00.000Z',
  ]);
  assert.equal(event.summary, 'Footing: today’s foot session');
});

test('the first occurrence is the first chosen day on or after the day it was set; no days, no event', () => {
  // Set on Sunday 6 December 2026 for Tuesdays in New York (UTC-5): first Tuesday 8 December, 18:05 = 23:05Z.
  const feed = reminderCalendar({
    settings: { days: ['tue'], time: '18:05', timeZone: 'America/New_York', updatedAt: '2026-12-06T12:00:00Z' },
    uid: 'r2@footing',
    now: Date.parse('2026-12-06T12:00:00Z'),
    url: 'https://footing.example/session',
  });
  assert.deepEqual(occurrencesOf(feed, 2).utc, ['2026-12-08T23:05:00.000Z', '2026-12-15T23:05:00.000Z']);
  const empty = reminderCalendar({
    settings: { days: [], time: '18:05', timeZone: 'America/New_York', updatedAt: '2026-12-06T12:00:00Z' },
    uid: 'r3@footing',
    now: 0,
    url: 'https://footing.example/session',
  });
  assert.equal(eventCount(empty), 0);
});

test('the event’s words in Spanish when asked; English by default', () => {
  const settings = {
    days: ['mon' as const],
    time: '08:00',
    timeZone: 'Europe/Madrid',
    updatedAt: '2026-12-07T10:00:00Z',
  };
  const es = reminderCalendar({
    settings,
    uid: 'r4@footing',
    now: Date.parse('2026-12-07T10:00:00Z'),
    url: 'https://footing.example/session',
    language: 'es',
  });
  const { event } = occurrencesOf(es, 1);
  assert.equal(event.summary, 'Footing: la sesión de pies de hoy');
  assert.equal(event.description, 'Tu caminata y tus ejercicios de pies de hoy. Abre Footing para empezar.');
  assert.equal(
    event.component.getFirstSubcomponent('valarm')!.getFirstPropertyValue('description'),
    'Footing: la sesión de pies de hoy',
  );
  const en = occurrencesOf(
    reminderCalendar({ settings, uid: 'r4@footing', now: 0, url: 'https://footing.example/session' }),
    1,
  ).event;
  assert.equal(en.description, 'Your walk and foot exercises for today. Open Footing to start.');
});
