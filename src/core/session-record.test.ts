import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SESSION_ITEMS, SESSION_RECORD_VERSION, SessionInput } from './session-record.js';

const item = { exercise: 'ball-roll', position: 'sitting', completed: true, secondsDone: 60 };

test('a session is taken with its items filled in (counts not given are 0)', () => {
  const s = SessionInput.parse({
    clientId: 'abcdefgh',
    startedAt: '2026-11-25T08:00:00+01:00',
    completedAt: '2026-11-25T08:10:00+01:00',
    items: [item],
    painAfter: { back: 2 },
  });
  assert.deepEqual(s.items, [{ ...item, setsDone: 0, repsDone: 0 }]);
});

test('a session that ends before it starts, or has no exercise, is refused at the field', () => {
  const back = SessionInput.safeParse({
    clientId: 'abcdefgh',
    startedAt: '2026-11-25T08:10:00+01:00',
    completedAt: '2026-11-25T08:00:00+01:00',
    items: [item],
  });
  assert.deepEqual(
    back.error!.issues.map((i) => [i.path.join('.'), i.message]),
    [['completedAt', 'must not be before startedAt']],
  );
  const empty = SessionInput.safeParse({
    clientId: 'abcdefgh',
    startedAt: '2026-11-25T08:00:00+01:00',
    completedAt: '2026-11-25T08:10:00+01:00',
    items: [],
  });
  assert.deepEqual(
    empty.error!.issues.map((i) => [i.path.join('.'), i.message]),
    [['items', 'a session needs at least one exercise']],
  );
});

test('stored items of version 1 read back', () => {
  assert.equal(SESSION_RECORD_VERSION, 1);
  assert.deepEqual(SESSION_ITEMS.parse([{ ...item, setsDone: 0, repsDone: 0 }]), [
    { ...item, setsDone: 0, repsDone: 0 },
  ]);
});
