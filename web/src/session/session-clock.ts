/**
 * The guided session's clock as pure steps over its segments: time passing (a tick may end several segments), a
 * segment or a whole exercise skipped, pause and resume. What each step records is what the tally counts
 * (tallyItems in segments.ts): a segment run to its end is done for its full seconds; a skipped work segment
 * counts the seconds already held, a skipped rest nothing; segments jumped over count as not done. No timers and
 * no DOM: use-session-runner.ts drives it with the real clock, session-clock.test.ts checks it in Node.
 */
import type { Segment, SegmentOutcome } from './segments.js';

export interface RunnerState {
  index: number;
  /** Simulated seconds spent in the current segment. */
  elapsed: number;
  paused: boolean;
  finished: boolean;
  outcomes: (SegmentOutcome | undefined)[];
}

/** Before the first second: at the first segment, or finished when there is nothing to do. */
export function startState(segments: readonly Segment[]): RunnerState {
  return { index: 0, elapsed: 0, paused: false, finished: segments.length === 0, outcomes: [] };
}

/**
 * Moves to segment `to`, recording `outcome` for the current one and "not done" for any jumped over; past the
 * last segment the session is finished. `carry`: seconds already spent in segment `to`.
 */
export function advance(
  segments: readonly Segment[],
  s: RunnerState,
  outcome: SegmentOutcome,
  to: number,
  carry = 0,
): RunnerState {
  const outcomes = [...s.outcomes];
  outcomes[s.index] = outcome;
  for (let k = s.index + 1; k < to; k++) outcomes[k] ??= { done: false, seconds: 0 };
  if (to >= segments.length) return { ...s, outcomes, index: segments.length, elapsed: 0, finished: true };
  return { ...s, outcomes, index: to, elapsed: carry };
}

/**
 * `dt` simulated seconds pass. Paused or finished, nothing moves. A long tick (a sped-up test, a phone waking
 * up) ends every segment it covers, each done for its full length, and the rest carries into the next one.
 */
export function tick(segments: readonly Segment[], state: RunnerState, dt: number): RunnerState {
  let s = state;
  if (s.paused || s.finished) return s;
  let elapsed = s.elapsed + dt;
  while (!s.finished && elapsed >= segments[s.index]!.seconds) {
    const seg = segments[s.index]!;
    const carry = elapsed - seg.seconds;
    s = advance(segments, s, { done: true, seconds: seg.seconds }, s.index + 1, 0);
    elapsed = carry;
  }
  return s.finished ? s : { ...s, elapsed };
}

/** What a segment ended early counts: the seconds held of a work segment, nothing of a pause between. */
function endedEarly(segments: readonly Segment[], s: RunnerState): SegmentOutcome {
  return { done: false, seconds: segments[s.index]!.kind === 'work' ? s.elapsed : 0 };
}

/** Ends the current segment early and goes on to the next. */
export function skipSegment(segments: readonly Segment[], s: RunnerState): RunnerState {
  return s.finished ? s : advance(segments, s, endedEarly(segments, s), s.index + 1);
}

/** Ends the current exercise early: on to the first segment of the next exercise. */
export function skipExercise(segments: readonly Segment[], s: RunnerState): RunnerState {
  if (s.finished) return s;
  const item = segments[s.index]!.item;
  let to = s.index + 1;
  while (to < segments.length && segments[to]!.item === item) to++;
  return advance(segments, s, endedEarly(segments, s), to);
}
