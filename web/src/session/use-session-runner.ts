/**
 * Runs the session's segments against the clock: pause and resume, skip the current segment or the whole
 * exercise, cues at the start of each segment. Time is measured with performance.now() and scaled by the test
 * speed factor (speed.ts), so a paused timer never moves and a slow frame never loses time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { beep, speak } from './cues.js';
import type { Segment } from './segments.js';
import { skipExercise, skipSegment, startState, tick, type RunnerState } from './session-clock.js';

export type { RunnerState };

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
  const [state, setState] = useState<RunnerState>(() => startState(segments));
  const ref = useRef(state);
  ref.current = state;
  const last = useRef<number | null>(null);
  const cued = useRef(-1);

  const cue = useCallback(
    (i: number) => {
      const seg = segments[i];
      if (!seg || cued.current === i) return;
      cued.current = i;
      beep(seg.kind === 'work');
      if (speed === 1) speak(seg.cue); // sped-up test runs would only stutter
    },
    [segments, speed],
  );

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
      const s = ref.current;
      if (s.paused || s.finished) return;
      const next = tick(segments, s, dt);
      ref.current = next;
      setState(next);
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, [started, speed, segments]);

  const set = (f: (s: RunnerState) => RunnerState) => {
    const next = f(ref.current);
    ref.current = next;
    setState(next);
  };

  return {
    ...state,
    pause: () => set((s) => ({ ...s, paused: true })),
    resume: () => {
      last.current = performance.now();
      set((s) => ({ ...s, paused: false }));
    },
    skipSegment: () => set((s) => skipSegment(segments, s)),
    skipExercise: () => set((s) => skipExercise(segments, s)),
  };
}
