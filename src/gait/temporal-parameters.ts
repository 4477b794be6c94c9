/**
 * Temporal gait parameters from per-foot events: stride and step time, cadence, stance / swing / double support
 * as % of the gait cycle, and left/right symmetry ratios. Shared by the force-insole and the video pipelines, so
 * both are checked by the same code. Pure.
 */
import type { FootEvents, GaitEvents, Side } from './gait-events.js';
import { median } from './stats.js';

/** Per-side lists; values are kept so callers can judge spread and count. */
export interface PerSide<T> {
  left: T;
  right: T;
}

export interface TemporalParameters {
  /** Durations of complete strides (heel strike to the next heel strike of the same foot), s. */
  strideTimes: PerSide<number[]>;
  /** Step times labelled by the landing foot (other foot's heel strike to this foot's heel strike), s. */
  stepTimes: PerSide<number[]>;
  /** Stance as % of each complete stride that holds exactly one toe off of that foot. */
  stancePercents: PerSide<number[]>;
  /** Stance durations, s, and swing durations, s, for the same strides. */
  stanceTimes: PerSide<number[]>;
  swingTimes: PerSide<number[]>;
  /** Total double support (both periods) as % of each stride where both were seen. */
  doubleSupportPercents: PerSide<number[]>;
  /** Medians over both feet (NaN when nothing was measurable). */
  strideTime: number;
  stepTime: number;
  /**
   * Steps per minute: 120 / median stride time (both feet's strides), or 60 / median step time when no complete
   * stride was seen. A stride holds one left and one right step whatever their lengths, so an uneven walker (a
   * short step on one side, a long one on the other) gets the number of steps they really take per minute; the
   * median of the steps themselves would pick one side's step (60 / 0.5 s = 120 for a walker alternating 0.5 s
   * and 0.7 s steps, who takes 100 steps a minute).
   */
  cadence: number;
  stancePercent: number;
  swingPercent: number;
  doubleSupportPercent: number;
  /** Larger over smaller side median (Patterson et al. symmetry ratio, DOMAIN.md §2c [27][27a]); 1 = symmetric. */
  stepTimeSymmetryRatio: number;
  stanceTimeSymmetryRatio: number;
  swingTimeSymmetryRatio: number;
}

export interface TemporalOptions {
  /**
   * Intervals longer than this multiple of the median are treated as gaps (a missed event, a turn, a pause) and
   * not as strides. 1.5 lets real stride-to-stride variability (CV a few %) through while a missed heel strike,
   * which doubles the interval, is rejected.
   */
  gapFactor?: number;
}

function countBetween(times: readonly number[], a: number, b: number): number[] {
  return times.filter((t) => t > a && t < b);
}

function symmetryRatio(a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) return NaN;
  return Math.max(a, b) / Math.min(a, b);
}

function strideIntervals(f: FootEvents, gapFactor: number): Array<[number, number]> {
  const raw: Array<[number, number]> = [];
  for (let i = 0; i + 1 < f.heelStrike.length; i++)
    raw.push([f.heelStrike[i] as number, f.heelStrike[i + 1] as number]);
  const typical = median(raw.map(([a, b]) => b - a));
  return raw.filter(([a, b]) => b - a <= gapFactor * typical);
}

/** Computes temporal parameters from per-foot events (times in s). Missing or odd events shrink the lists, never crash. */
export function temporalParameters(events: GaitEvents, options: TemporalOptions = {}): TemporalParameters {
  const gapFactor = options.gapFactor ?? 1.5;
  const sides: Side[] = ['left', 'right'];
  const out: TemporalParameters = {
    strideTimes: { left: [], right: [] },
    stepTimes: { left: [], right: [] },
    stancePercents: { left: [], right: [] },
    stanceTimes: { left: [], right: [] },
    swingTimes: { left: [], right: [] },
    doubleSupportPercents: { left: [], right: [] },
    strideTime: NaN,
    stepTime: NaN,
    cadence: NaN,
    stancePercent: NaN,
    swingPercent: NaN,
    doubleSupportPercent: NaN,
    stepTimeSymmetryRatio: NaN,
    stanceTimeSymmetryRatio: NaN,
    swingTimeSymmetryRatio: NaN,
  };
  for (const side of sides) {
    const own = events[side];
    const other = events[side === 'left' ? 'right' : 'left'];
    for (const [hs, next] of strideIntervals(own, gapFactor)) {
      const stride = next - hs;
      out.strideTimes[side].push(stride);
      const toeOffs = countBetween(own.toeOff, hs, next);
      if (toeOffs.length !== 1) continue;
      const stance = (toeOffs[0] as number) - hs;
      out.stanceTimes[side].push(stance);
      out.swingTimes[side].push(stride - stance);
      out.stancePercents[side].push((100 * stance) / stride);
      // Double support inside this stance: other foot's toe off (initial) and its next heel strike (terminal).
      const otherOff = countBetween(other.toeOff, hs, hs + stance);
      const otherOn = countBetween(other.heelStrike, hs, hs + stance);
      if (otherOff.length === 1 && otherOn.length === 1 && (otherOff[0] as number) < (otherOn[0] as number)) {
        const ds = (otherOff[0] as number) - hs + (hs + stance - (otherOn[0] as number));
        out.doubleSupportPercents[side].push((100 * ds) / stride);
      }
    }
  }
  // Steps: alternate heel strikes; a step is labelled by the foot that lands.
  const all = [
    ...events.left.heelStrike.map((t) => ({ t, side: 'left' as Side })),
    ...events.right.heelStrike.map((t) => ({ t, side: 'right' as Side })),
  ].sort((a, b) => a.t - b.t);
  const rawSteps: Array<{ side: Side; dt: number }> = [];
  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1] as { t: number; side: Side };
    const b = all[i] as { t: number; side: Side };
    if (a.side !== b.side) rawSteps.push({ side: b.side, dt: b.t - a.t });
  }
  const typicalStep = median(rawSteps.map((s) => s.dt));
  for (const s of rawSteps) if (s.dt <= gapFactor * typicalStep) out.stepTimes[s.side].push(s.dt);

  const both = (p: PerSide<number[]>): number[] => [...p.left, ...p.right];
  out.strideTime = median(both(out.strideTimes));
  out.stepTime = median(both(out.stepTimes));
  out.cadence = Number.isFinite(out.strideTime) ? 120 / out.strideTime : 60 / out.stepTime;
  out.stancePercent = median(both(out.stancePercents));
  out.swingPercent = Number.isNaN(out.stancePercent) ? NaN : 100 - out.stancePercent;
  out.doubleSupportPercent = median(both(out.doubleSupportPercents));
  out.stepTimeSymmetryRatio = symmetryRatio(median(out.stepTimes.left), median(out.stepTimes.right));
  out.stanceTimeSymmetryRatio = symmetryRatio(median(out.stanceTimes.left), median(out.stanceTimes.right));
  out.swingTimeSymmetryRatio = symmetryRatio(median(out.swingTimes.left), median(out.swingTimes.right));
  return out;
}
