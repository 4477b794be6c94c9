/**
 * How the picture moves during one segment of a guided session, so that it keeps the session's own pace: the toe
 * lifts and holds for exactly the hold (the work segment), lowers over the relax segment, and the ball rolls heel
 * to toes and back for the whole of the foot's time. Pure (no DOM), tested in Node (exercise-pictures.test.ts).
 */
import type { Segment } from '../session/segments.js';

/**
 * Seconds for one roll from the heel to the ball of the foot and back. The steps only say "slowly"; this is a UI
 * pacing default, not a clinical dose. 60 and 120 s per foot (DOMAIN.md §3 3.15) are whole numbers of rolls.
 */
export const ROLL_PASS_SECONDS = 10;

export type PictureAnimation = 'lift-hold' | 'lower' | 'roll';

/** `null` animation: the picture stands still in its start position (getting ready, resting, changing feet). */
export interface PictureMotion {
  animation: PictureAnimation | null;
  /** Real seconds of one run of the animation (simulated seconds over the test speed factor). */
  seconds: number;
  iterations: number;
}

const STILL: PictureMotion = { animation: null, seconds: 0, iterations: 0 };

/** The motion for a segment of an exercise whose dose is `doseKind`, with the session clock `speed` times real time. */
export function motionFor(
  seg: Pick<Segment, 'kind' | 'seconds'>,
  doseKind: 'timed' | 'holds' | 'walk',
  speed: number,
): PictureMotion {
  if (doseKind === 'timed' && seg.kind === 'work') {
    return { animation: 'roll', seconds: ROLL_PASS_SECONDS / speed, iterations: seg.seconds / ROLL_PASS_SECONDS };
  }
  if (doseKind === 'holds' && seg.kind === 'work')
    return { animation: 'lift-hold', seconds: seg.seconds / speed, iterations: 1 };
  if (doseKind === 'holds' && seg.kind === 'relax')
    return { animation: 'lower', seconds: seg.seconds / speed, iterations: 1 };
  return STILL;
}
