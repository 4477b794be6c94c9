import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trimEdgeEvents } from './edge-events.js';
import type { GaitEvents } from './gait-events.js';

// A steady walk worked out by hand: a stride of 1.0 s, the right foot lands at 1.0, 2.0, 3.0, the left at 1.5,
// 2.5, 3.5 (steps of 0.5 s), stance 0.6 s, so each toe off is 0.6 s after its own contact; the right foot's toe
// off before the clip's first contact is at 0.6 (its previous contact at 0.0, off screen), the left's at 1.1.
const clean = (): GaitEvents => ({
  left: { heelStrike: [1.5, 2.5, 3.5], toeOff: [1.1, 2.1, 3.1, 4.1] },
  right: { heelStrike: [1.0, 2.0, 3.0], toeOff: [0.6, 1.6, 2.6, 3.6] },
});

test('a clean walk is left as it is', () => {
  const events = clean();
  const r = trimEdgeEvents(events);
  assert.deepEqual(r.dropped, { start: 0, end: 0 });
  assert.equal(r.events, events);
});

test('a contact under the wrong foot at each edge (both legs labelled at one foot) is dropped, with its stray toe offs', () => {
  const events = clean();
  // Start: the model puts a left contact 0.05 s before the right's first (a step of 0.05 s, under half of 0.5 s)
  // and a left toe off at 0.9. End: a right contact 0.05 s after the left's last, and a second left toe off at 4.3.
  events.left.heelStrike.unshift(0.95);
  events.left.toeOff = [0.9, ...events.left.toeOff, 4.3];
  events.right.heelStrike.push(3.55);
  const r = trimEdgeEvents(events);
  assert.deepEqual(r.dropped, { start: 1, end: 1 });
  // Each foot keeps one toe off before its first kept contact (the latest: left 1.1, not 0.9) and one after its
  // last (left 4.1, not 4.3); the right foot's last kept contact is 3.0, so 3.6 stays.
  assert.deepEqual(r.events, {
    left: { heelStrike: [1.5, 2.5, 3.5], toeOff: [1.1, 2.1, 3.1, 4.1] },
    right: { heelStrike: [1.0, 2.0, 3.0], toeOff: [0.6, 1.6, 2.6, 3.6] },
  });
});

test('the legs swapped for the first steps (one foot lands twice, then the other twice) are dropped up to the first two real steps', () => {
  // As on a real slow walk's first second: in time order L 0.2, L 0.9, R 1.0, R 2.0, then L and R alternate every 0.5 s.
  const events: GaitEvents = {
    left: { heelStrike: [0.2, 0.9, 2.5, 3.5, 4.5], toeOff: [] },
    right: { heelStrike: [1.0, 2.0, 3.0, 4.0], toeOff: [] },
  };
  // By hand: the alternate-foot gaps are 0.1 and five of 0.5 s, median 0.5, so the shortest real step is 0.25 s.
  // (L0.2, L0.9, R1.0) one foot twice; (L0.9, R1.0, R2.0) a 0.1 s step; (R1.0, R2.0, L2.5) one foot twice;
  // (R2.0, L2.5, R3.0) two real steps. Three contacts would go, but 9 contacts allow 1 + floor(9 / 8) = 2 slips:
  // nothing is dropped and the consistency check judges the clip as it is.
  assert.deepEqual(trimEdgeEvents(events).dropped, { start: 0, end: 0 });
  // Three more strides: 16 contacts allow 1 + floor(16 / 8) = 3, so the same three are dropped; the end is clean.
  const longer: GaitEvents = {
    left: { heelStrike: [0.2, 0.9, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5], toeOff: [] },
    right: { heelStrike: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], toeOff: [] },
  };
  const r = trimEdgeEvents(longer);
  assert.deepEqual(r.dropped, { start: 3, end: 0 });
  assert.deepEqual(r.events.left.heelStrike, [2.5, 3.5, 4.5, 5.5, 6.5, 7.5]);
  assert.deepEqual(r.events.right.heelStrike, [2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);
});

test('too few contacts, or nothing but bad ones, are left for the consistency check', () => {
  const two: GaitEvents = { left: { heelStrike: [1.0], toeOff: [] }, right: { heelStrike: [1.05], toeOff: [] } };
  assert.deepEqual(trimEdgeEvents(two).dropped, { start: 0, end: 0 });
  // One foot only: no two contacts alternate, so no real step is ever found; nothing is dropped.
  const oneFoot: GaitEvents = {
    left: { heelStrike: [1, 2, 3, 4, 5, 6], toeOff: [] },
    right: { heelStrike: [], toeOff: [] },
  };
  assert.deepEqual(trimEdgeEvents(oneFoot).dropped, { start: 0, end: 0 });
});
