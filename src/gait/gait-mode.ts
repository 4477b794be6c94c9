/**
 * Walking or running. Two independent kinds of evidence:
 * - Mechanics of the body: walking vaults over a stiff leg, so the pelvis is higher mid-step (single support)
 *   than at the contacts; running lands on a spring, so the pelvis is lower mid-step than at the contacts. This
 *   needs only contacts and the pelvis, not toe offs (which keypoint methods place late in running, hiding the
 *   flight phase).
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
export function detectMode(
  tp: TemporalParameters,
  events: { left: { heelStrike: number[]; toeOff: number[] }; right: { heelStrike: number[]; toeOff: number[] } },
): ModeEstimate {
  const stancePercent = median([...tp.stancePercents.left, ...tp.stancePercents.right]);
  let judged = 0;
  let flights = 0;
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
 * Votes per step from the pelvis: its height half way between a contact and the other foot's next contact, minus
 * the mean of its heights at those two contacts. Walking vaults over a stiff leg: the pelvis is lowest around
 * double support (at and just after each contact) and highest in single support, mid-step: positive. Running lands
 * on a spring: the pelvis is lowest in mid-stance, early in the step, and highest in flight, just before the next
 * contact: negative. `height` grows upwards (any unit).
 * (It replaced a vote at the moment the stance heel passes under the pelvis: on real walks the pelvis is still
 * sinking for a few frames after contact (loading), so at that moment it was often no higher than at contact, and
 * the real walks split 5 to 3; docs/gait-signals.md.)
 */
export function modeFromPelvis(
  time: readonly number[],
  height: readonly number[],
  events: GaitEvents,
): { mode: GaitMode; walkVotes: number; runVotes: number } {
  let walkVotes = 0;
  let runVotes = 0;
  const contacts = [
    ...events.left.heelStrike.map((t) => ({ t, side: 'left' as Side })),
    ...events.right.heelStrike.map((t) => ({ t, side: 'right' as Side })),
  ].sort((a, b) => a.t - b.t);
  for (let i = 1; i < contacts.length; i++) {
    const a = contacts[i - 1]!;
    const b = contacts[i]!;
    if (a.side === b.side) continue; // not a step: a missed contact between
    const d = sampleAt(time, height, (a.t + b.t) / 2) - (sampleAt(time, height, a.t) + sampleAt(time, height, b.t)) / 2;
    if (!Number.isFinite(d) || d === 0) continue;
    if (d > 0) walkVotes++;
    else runVotes++;
  }
  const n = walkVotes + runVotes;
  // Two thirds of the steps must agree, and at least three of them: a few frames of noise at the pelvis, or two
  // votes from events that are not steps (a back view's contacts that then fail the consistency check), must not
  // decide the gait.
  const agree = (votes: number): boolean => votes >= 3 && votes >= (2 * n) / 3;
  const mode: GaitMode = agree(walkVotes) ? 'walk' : agree(runVotes) ? 'run' : 'unknown';
  return { mode, walkVotes, runVotes };
}
