/**
 * The schedule of the live poll (web/src/lib/live-poll.ts): the waits are written out by hand from the rule (start
 * at 5 s; half as long again while nothing changes, up to 30 s; twice as long after a failure, up to 5 minutes;
 * back to 5 s after a change).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIVE_POLL_BASE_MS, nextPollWait, type PollOutcome } from './live-poll.js';

function waits(outcomes: PollOutcome[]): number[] {
  let wait = LIVE_POLL_BASE_MS;
  return outcomes.map((o) => (wait = nextPollWait(wait, o)));
}

test('while nothing changes the wait grows by half, and stops at 30 s', () => {
  assert.deepEqual(
    waits(['same', 'same', 'same', 'same', 'same', 'same', 'same', 'same']),
    [7_500, 11_250, 16_875, 25_313, 30_000, 30_000, 30_000, 30_000],
  );
});

test('a change brings the wait back to 5 s at once', () => {
  assert.deepEqual(waits(['same', 'same', 'same', 'changed', 'same']), [7_500, 11_250, 16_875, 5_000, 7_500]);
});

test('failures double the wait up to 5 minutes; the first answer after them brings it back to 30 s at most', () => {
  assert.deepEqual(
    waits(['failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'failed']),
    [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000],
  );
  // Back online after a long outage: an unchanged answer returns to the quiet cap (a message sent meanwhile shows
  // within 30 s, not 5 minutes), a change to 5 s.
  assert.deepEqual(
    waits(['failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'same', 'same', 'changed']),
    [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 30_000, 30_000, 5_000],
  );
  // After one short failure the quiet growth goes on from the longer wait, still capped.
  assert.deepEqual(waits(['failed', 'same', 'same']), [10_000, 15_000, 22_500]);
});
