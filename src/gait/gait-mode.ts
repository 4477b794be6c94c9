/**
 * Walking or running. Two independent kinds of evidence:
 * - Mechanics of the body: walking vaults over a stiff leg, so the pelvis is higher when the stance foot passes
 *   under it than at contact; running lands on a spring, so the pelvis is lower there than at contact. This needs
 *   only contacts and the foot's position relative to the pelvis, not toe offs (which keypoint methods place late
 *   in running, hiding the flight phase).
 * - Timing: walking always has double support, so each foot is on the ground for more than half of its stride;
 *   running has a flight phase instead, so stance is under half the stride.
 * Both boundaries are the definitions of the two gaits, not tuned numbers. Pure.
 */
import type { GaitEvents, Side } from './gait-events.js';
import { sampleAt } from './joint-angles.js';
import type { TemporalParameters } from './temporal-parameters.js';
import { median } from './stats.js';

export type GaitMode = 'walk' | 'run' | 'unknown';

/** Stance at exactly half the stride is the boundary between walking (more) and running (less). */
export const WALK_RUN_STANCE_PERCENT = 50;

export interface ModeEstimate {
  mode: GaitMode;
  /** Median stance, % of the stride, over both feet (NaN when no stride had a toe off). */
  stancePercent: number;
  /** Strides that showed a flight phase (toe off before the other foot's contact) / strides judged. */
  flightShare: number;
}

/**
 * Mode from the strides' stance share and their flight phases; 'unknown' when neither was measurable or when the
 * two disagree (a mis-timed toe off can move stance across 50 %, a real flight phase does not come and go).
 */
export function detectMode(tp: TemporalParameters, events: { left: { heelStrike: number[]; toeOff: number[] }; right: { heelStrike: number[]; toeOff: number[] } }): ModeEstimate {
  const stancePercent = median([...tp.stancePercents.left, ...tp.stancePercents.right]);
  let judged = 0; let flights = 0;
  for (const side of ['left', 'right'] as const) {
    const other = side === 'left' ? events.right : events.left;
    for (const to of events[side].toeOff) {
      // The other foot's next contact after this toe off, and its last toe off before it.
      const nextOn = other.heelStrike.find((t) => t > to);
      const lastOn = [...other.heelStrike].reverse().find((t) => t <= to);
      if (nextOn === undefined || lastOn === undefined) continue;
      judged++;
      // Flight: the other foot has not landed by the time this one leaves (its previous stance ended before).
      const otherOff = other.toeOff.find((t) => t > lastOn);
      if (otherOff !== undefined && otherOff < to) flights++;
    }
  }
  const flightShare = judged ? flights / judged : NaN;
  if (!Number.isFinite(stancePercent)) return { mode: 'unknown', stancePercent, flightShare };
  const byStance: GaitMode = stancePercent < WALK_RUN_STANCE_PERCENT ? 'run' : 'walk';
  if (Number.isFinite(flightShare)) {
    const byFlight: GaitMode = flightShare > 0.5 ? 'run' : 'walk';
    if (byFlight !== byStance) return { mode: 'unknown', stancePercent, flightShare };
  }
  return { mode: byStance, stancePercent, flightShare };
}

/**
 * Votes per contact from the pelvis: height at the moment the stance heel passes under the pelvis (its forward
 * offset crosses zero) minus height at contact. Positive: vaulting (walk); negative: spring (run). `height` grows
 * upwards (any unit), `heelForward[side]` is the heel's forward offset from the pelvis (keypoint-events signals).
 */
export function modeFromPelvis(
  time: readonly number[], height: readonly number[], heelForward: Record<Side, readonly number[]>, events: GaitEvents,
): { mode: GaitMode; walkVotes: number; runVotes: number } {
  let walkVotes = 0; let runVotes = 0;
  for (const side of ['left', 'right'] as const) {
    const other = side === 'left' ? events.right : events.left;
    const fwd = heelForward[side];
    for (const hs of events[side].heelStrike) {
      const until = other.heelStrike.find((t) => t > hs);
      if (until === undefined) continue;
      // First sample after contact where the heel is no longer ahead of the pelvis.
      let cross = -1;
      for (let i = 0; i < time.length; i++) {
        const t = time[i] as number;
        if (t <= hs) continue;
        if (t > until) break;
        if (Number.isFinite(fwd[i] as number) && (fwd[i] as number) <= 0) { cross = i; break; }
      }
      if (cross < 0) continue;
      const d = (height[cross] as number) - sampleAt(time, height, hs);
      if (!Number.isFinite(d) || d === 0) continue;
      if (d > 0) walkVotes++; else runVotes++;
    }
  }
  const n = walkVotes + runVotes;
  // Two thirds of the contacts must agree: a few frames of noise at the pelvis must not decide the gait.
  const mode: GaitMode = n >= 3 && walkVotes >= (2 * n) / 3 ? 'walk' : n >= 3 && runVotes >= (2 * n) / 3 ? 'run' : 'unknown';
  return { mode, walkVotes, runVotes };
}
