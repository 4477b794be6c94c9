import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKIN_RECORD_VERSION, CHECKIN_REGIONS, CheckinInput, localDateOf } from './checkin-record.js';

test('a check-in with one score is taken; its regions default to none', () => {
  const c = CheckinInput.parse({ at: '2026-11-25T08:30:00+01:00', context: 'daily', back: 4 });
  assert.deepEqual(c.regions, []);
  assert.equal(localDateOf(c.at), '2026-11-25');
});

test('a check-in is refused with the field and the words the API has always given', () => {
  const none = CheckinInput.safeParse({ at: '2026-11-25T08:30:00+01:00', context: 'daily' });
  assert.equal(none.success, false);
  assert.deepEqual(
    none.error!.issues.map((i) => [i.path.join('.'), i.message]),
    [['back', 'give at least one pain score (back, neck or foot)']],
  );
  const high = CheckinInput.safeParse({ at: '2026-11-25T08:30:00+01:00', context: 'daily', neck: 11 });
  assert.deepEqual(
    high.error!.issues.map((i) => [i.path.join('.'), i.message]),
    [['neck', 'must be 10 or less']],
  );
  const noZone = CheckinInput.safeParse({ at: '2026-11-25T08:30:00', context: 'daily', foot: 1 });
  assert.equal(noZone.error!.issues[0]!.path.join('.'), 'at');
});

test('stored regions of version 1 read back, an older mark without a view reads as the front', () => {
  assert.equal(CHECKIN_RECORD_VERSION, 1);
  assert.deepEqual(CHECKIN_REGIONS.parse([{ region: 'heel', side: 'left', intensity: 3 }]), [
    { region: 'heel', side: 'left', intensity: 3, view: 'front' },
  ]);
});
