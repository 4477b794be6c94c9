/**
 * The outbox's rules (web/src/outbox/outbox-logic.ts), checked in Node without a browser: what each record is sent with,
 * which failures are retried, the order of sending, which drafts a closed tab left, and the words the page shows.
 * Expected values are written out by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DRAFT_MAX_AGE_MS,
  fateOfFailure,
  keptNotes,
  noteLines,
  orphanDrafts,
  ownedBy,
  requestFor,
  sendOrder,
  UNKNOWN_OWNER,
  waitingText,
  type OutboxEntry,
  type OutboxNote,
} from './outbox-logic.js';
import { i18n } from '../i18n/i18n.js';

// The page's words in English, the catalogue's source language (Spanish is checked once, below).
const en = i18n.getFixedT('en');

const entry = (id: string, over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id,
  kind: 'session',
  owner: 'local',
  body: {},
  createdAt: '2026-12-07T08:00:00.000Z',
  state: 'ready',
  page: 'tab-a',
  ...over,
});

test('each kind is sent to its own endpoint', () => {
  assert.deepEqual(requestFor('session'), { method: 'POST', path: '/api/sessions' });
  assert.deepEqual(requestFor('checkin'), { method: 'POST', path: '/api/checkins' });
  assert.deepEqual(requestFor('walking'), { method: 'PUT', path: '/api/walking/manual' });
  assert.deepEqual(requestFor('phone-walk'), { method: 'POST', path: '/api/walking/phone-walks' });
});

test('offline, server errors, sign-in and rate limits are retried; a refusal of the record itself is not', () => {
  assert.deepEqual([0, 500, 502, 503, 401, 403, 408, 429].map(fateOfFailure), Array(8).fill('retry'));
  assert.deepEqual([400, 404, 409, 413, 422].map(fateOfFailure), Array(5).fill('refused'));
});

test('records go oldest first, only the ready ones of this person (and those made before anyone was known)', () => {
  const list = [
    entry('w-late', { kind: 'walking', createdAt: '2026-12-07T09:00:00.000Z' }),
    entry('w-early', { kind: 'walking', createdAt: '2026-12-07T07:00:00.000Z' }),
    entry('s-draft', { state: 'draft', createdAt: '2026-12-07T06:00:00.000Z' }),
    entry('c-other', { kind: 'checkin', owner: 'account:b@example.org', createdAt: '2026-12-07T05:00:00.000Z' }),
    entry('c-unknown', { kind: 'checkin', owner: UNKNOWN_OWNER, createdAt: '2026-12-07T08:00:00.000Z' }),
    entry('b-same-time', { createdAt: '2026-12-07T08:00:00.000Z' }),
  ];
  assert.deepEqual(
    sendOrder(list, 'local').map((e) => e.id),
    ['w-early', 'b-same-time', 'c-unknown', 'w-late'],
  );
  assert.deepEqual(
    sendOrder(list, 'account:b@example.org').map((e) => e.id),
    ['c-other', 'c-unknown'],
  );
  assert.deepEqual(
    ownedBy(list, 'account:b@example.org').map((e) => e.id),
    ['c-other', 'c-unknown'],
  );
});

test('a draft is sent as it is once its tab is closed; without Web Locks, once it is three hours old', () => {
  const now = Date.parse('2026-12-07T12:00:00.000Z');
  const list = [
    entry('open', { state: 'draft', page: 'tab-open' }),
    entry('closed', { state: 'draft', page: 'tab-closed' }),
    entry('ready', { page: 'tab-closed' }),
  ];
  assert.deepEqual(
    orphanDrafts(list, new Set(['tab-open']), now).map((e) => e.id),
    ['closed'],
  );
  assert.equal(DRAFT_MAX_AGE_MS, 10_800_000);
  const young = entry('young', { state: 'draft', createdAt: '2026-12-07T09:00:01.000Z' }); // 2 h 59 min 59 s
  const old = entry('old', { state: 'draft', createdAt: '2026-12-07T08:59:59.000Z' }); // 3 h 0 min 1 s
  assert.deepEqual(
    orphanDrafts([young, old], null, now).map((e) => e.id),
    ['old'],
  );
});

test('what waits is said in words, in the order session, check-in, walking log', () => {
  assert.equal(waitingText([], en), null);
  assert.equal(waitingText([{ kind: 'session' }], en), '1 session waiting to be sent');
  assert.equal(
    waitingText([{ kind: 'phone-walk' }, { kind: 'checkin' }], en),
    '1 check-in and 1 walk from Walk now waiting to be sent',
  );
  assert.equal(
    waitingText([{ kind: 'walking' }, { kind: 'checkin' }, { kind: 'checkin' }], en),
    '2 check-ins and 1 walking log waiting to be sent',
  );
  assert.equal(
    waitingText(
      [{ kind: 'walking' }, { kind: 'walking' }, { kind: 'checkin' }, { kind: 'session' }, { kind: 'session' }],
      en,
    ),
    '2 sessions, 1 check-in and 2 walking logs waiting to be sent',
  );
  assert.equal(
    waitingText([{ kind: 'checkin' }, { kind: 'session' }, { kind: 'session' }], i18n.getFixedT('es')),
    '2 sesiones y 1 registro pendientes de enviar',
  );
});

test("what was sent in the last day, newest first, with the time; a refusal with the server's message; five kept", () => {
  const now = Date.parse('2026-12-07T12:00:00.000Z');
  const notes: OutboxNote[] = [
    { id: 'a', kind: 'session', owner: 'local', at: '2026-12-07T08:14:00.000Z', outcome: 'sent' },
    {
      id: 'b',
      kind: 'checkin',
      owner: 'local',
      at: '2026-12-07T09:30:00.000Z',
      outcome: 'refused',
      message: 'The program is paused.',
    },
    { id: 'c', kind: 'walking', owner: 'local', at: '2026-12-06T11:59:00.000Z', outcome: 'sent' }, // 24 h 1 min ago
  ];
  const hhmm = (iso: string) => iso.slice(11, 16);
  assert.deepEqual(noteLines(notes, now, hhmm, en), [
    'Check-in not sent: The program is paused.',
    'Session sent at 08:14',
  ]);
  const many = Array.from({ length: 7 }, (_, i): OutboxNote => ({
    id: `n${i}`,
    kind: 'checkin',
    owner: 'local',
    at: `2026-12-07T0${i}:00:00.000Z`,
    outcome: 'sent',
  }));
  assert.deepEqual(
    keptNotes(many).map((n) => n.id),
    ['n6', 'n5', 'n4', 'n3', 'n2'],
  );
});
