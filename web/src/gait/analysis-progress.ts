/**
 * What the Gait screen says while it analyses: frames done and the time left, estimated from the pace so far. Pure
 * (no DOM), checked in Node by analysis-progress.test.ts beside it.
 *
 * The pace is measured from the first analysed frame, not from the click: loading the model (seconds, once per
 * page) would otherwise make the first estimates far too long.
 */

import type { TFunction } from 'i18next';

/** Frames analysed before the first estimate, and the time they must have taken (ms): fewer makes a jumpy guess. */
export const FIRST_ESTIMATE_FRAMES = 5;
export const FIRST_ESTIMATE_MS = 1000;

export interface PaceStart {
  done: number;
  at: number;
}

/**
 * Seconds left, or null while too little is known: `start` is the first progress report (frames done then, and
 * when), `done`/`total` the latest count, `now` its time (ms, same clock).
 */
export function secondsLeft(start: PaceStart, done: number, total: number, now: number): number | null {
  const frames = done - start.done;
  const ms = now - start.at;
  if (frames < FIRST_ESTIMATE_FRAMES || ms < FIRST_ESTIMATE_MS) return null;
  return (Math.max(0, total - done) * ms) / frames / 1000;
}

/**
 * "about 2 min 10 s left": rounded up, to 5 s under a minute and to 10 s above; "a few seconds left" under 10 s.
 * The words are gait:progress.* in the language of the `t` the screen gives.
 */
export function timeLeftText(seconds: number | null, t: TFunction): string {
  if (seconds === null) return t('gait:progress.estimating');
  if (seconds < 10) return t('gait:progress.fewSeconds');
  if (seconds < 60) return t('gait:progress.seconds', { s: Math.ceil(seconds / 5) * 5 });
  const s = Math.ceil(seconds / 10) * 10;
  const min = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? t('gait:progress.minSeconds', { min, s: rest }) : t('gait:progress.min', { min });
}
