/**
 * Runs the session's segments against the clock: pause and resume, skip the current segment or the whole
 * exercise, cues at the start of each segment. Time is measured with performance.now() and scaled by the test
 * speed factor (speed.ts), so a paused timer never moves and a slow frame never loses time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { beep, speak } from './cues.js';
import type { Segment, SegmentOutcome } from './segments.js';

export interface RunnerState {
  index: number;
  /** Simulated seconds spent in the current segment. */
  elapsed: number;
  paused: boolean;
  finished: boolean;
  outcomes: (SegmentOutcome | undefined)[];
}

export interface Runner extends RunnerState {
  pause(): void;
  resume(): void;
  /** Ends the current segment early (what was done so far counts). */
  skipSegment(): void;
  /** Moves on to the next exercise. */
  skipExercise(): void;
}

const TICK_MS = 100;

export function useSessionRunner(segments: readonly Segment[], speed: number, started: boolean): Runner {
  const [state, setState] = useState<RunnerState>({ index: 0, elapsed: 0, paused: false, finished: segments.length === 0, outcomes: [] });
  const ref = useRef(state);
  ref.current = state;
  const last = useRef<number | null>(null);
  const cued = useRef(-1);

  const cue = useCallback((i: number) => {
    const seg = segments[i];
    if (!seg || cued.current === i) return;
    cued.current = i;
    beep(seg.kind === 'work');
    if (speed === 1) speak(seg.cue); // sped-up test runs would only stutter
  }, [segments, speed]);

  /** Moves to segment `to`, recording `outcome` for the current one. */
  const advance = useCallback((s: RunnerState, outcome: SegmentOutcome, to: number, carry = 0): RunnerState => {
    const outcomes = [...s.outcomes];
    outcomes[s.index] = outcome;
    for (let k = s.index + 1; k < to; k++) outcomes[k] ??= { done: false, seconds: 0 };
    if (to >= segments.length) return { ...s, outcomes, index: segments.length, elapsed: 0, finished: true };
    return { ...s, outcomes, index: to, elapsed: carry };
  }, [segments]);

  useEffect(() => {
    if (!started || state.finished) return;
    cue(state.index);
  }, [started, state.index, state.finished, cue]);

  useEffect(() => {
    if (!started) return;
    last.current = performance.now();
    const id = window.setInterval(() => {
      const now = performance.now();
      const dt = ((now - (last.current ?? now)) / 1000) * speed;
      last.current = now;
      let s = ref.current;
      if (s.paused || s.finished) return;
      let elapsed = s.elapsed + dt;
      // A long tick (a sped-up test, a phone waking up) may finish several segments at once.
      while (!s.finished && elapsed >= segments[s.index]!.seconds) {
        const seg = segments[s.index]!;
        const carry = elapsed - seg.seconds;
        s = advance(s, { done: true, seconds: seg.seconds }, s.index + 1, 0);
        elapsed = carry;
      }
      const next = s.finished ? s : { ...s, elapsed };
      ref.current = next;
      setState(next);
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, [started, speed, segments, advance]);

  const set = (f: (s: RunnerState) => RunnerState) => {
    const next = f(ref.current);
    ref.current = next;
    setState(next);
  };

  return {
    ...state,
    pause: () => set((s) => ({ ...s, paused: true })),
    resume: () => { last.current = performance.now(); set((s) => ({ ...s, paused: false })); },
    skipSegment: () => set((s) => (s.finished ? s : advance(s, { done: false, seconds: segments[s.index]!.kind === 'work' ? s.elapsed : 0 }, s.index + 1))),
    skipExercise: () => set((s) => {
      if (s.finished) return s;
      const item = segments[s.index]!.item;
      let to = s.index + 1;
      while (to < segments.length && segments[to]!.item === item) to++;
      return advance(s, { done: false, seconds: segments[s.index]!.kind === 'work' ? s.elapsed : 0 }, to);
    }),
  };
}
