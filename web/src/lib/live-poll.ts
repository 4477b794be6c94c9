/**
 * How long an open screen waits before asking the server again whether something changed (new messages): often
 * while things happen, less often while nothing does, and much less often while the server cannot be reached, so
 * that a page left open all day costs the server (and the phone's battery) little. A hidden tab does not ask at all
 * (use-live-poll.ts). Pure, so the schedule is checked in Node (live-poll.test.ts).
 */

/** The first wait, and the wait after an answer that changed: a new message shows within about this long. */
export const LIVE_POLL_BASE_MS = 5_000;
/** The longest wait while answers do not change (the wait grows by half each time). */
export const LIVE_POLL_QUIET_MAX_MS = 30_000;
/** The longest wait while calls fail (offline, server down; the wait doubles each time). */
export const LIVE_POLL_ERROR_MAX_MS = 300_000;

export type PollOutcome = 'changed' | 'same' | 'failed';

/** The wait before the next call, after a call that waited `previousMs` and ended as `outcome`. */
export function nextPollWait(previousMs: number, outcome: PollOutcome): number {
  if (outcome === 'changed') return LIVE_POLL_BASE_MS;
  // An answer after an outage brings the wait back within the quiet cap: the server is back, and a message sent
  // meanwhile should not wait out the outage's five minutes.
  if (outcome === 'same') return Math.min(Math.round(previousMs * 1.5), LIVE_POLL_QUIET_MAX_MS);
  return Math.min(previousMs * 2, LIVE_POLL_ERROR_MAX_MS);
}
