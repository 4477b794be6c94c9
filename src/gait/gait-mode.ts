/**
 * Walking or running, from the events: walking always has a period when both feet are on the ground (double
 * support), so each foot is on the ground for more than half of its stride; running has a flight phase instead,
 * so stance is under half the stride. The boundary is the definition of the two gaits, not a tuned number.
 * Pure.
 */
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
