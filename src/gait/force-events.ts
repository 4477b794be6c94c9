/**
 * Gait events from vertical ground-reaction force under each foot (force insoles, e.g. PhysioNet gaitpdb at
 * 100 Hz): heel strike = onset of total foot force, toe off = its offset. Pure.
 */
import type { FootEvents, GaitEvents } from './gait-events.js';
import { quantile } from './stats.js';

export interface ForceEventOptions {
  /**
   * Contact threshold as a fraction of the foot's 95th-percentile force (a body-weight proxy that ignores spikes).
   * 5% is a common force-plate / insole convention and sits well above the insole's unloaded offset (0-10 N).
   */
  thresholdFraction?: number;
  /** Never below this many newtons, so an unloaded insole's drift cannot count as contact. */
  minThresholdN?: number;
  /** Contacts and swings shorter than this (s) are merged away as sensor chatter. */
  minPhaseSeconds?: number;
}

/** Events of one foot from its total force; onset and offset times are interpolated between samples. */
export function forceContactEvents(
  time: readonly number[],
  force: readonly number[],
  options: ForceEventOptions = {},
): FootEvents {
  const fraction = options.thresholdFraction ?? 0.05;
  const minN = options.minThresholdN ?? 20;
  const minPhase = options.minPhaseSeconds ?? 0.1;
  const finite = force.filter((f) => Number.isFinite(f));
  const threshold = Math.max(minN, fraction * quantile(finite, 0.95));
  // Contact intervals by threshold crossing, crossing times interpolated linearly.
  const crossing = (i: number): number => {
    const t0 = time[i - 1] as number;
    const t1 = time[i] as number;
    const f0 = force[i - 1] as number;
    const f1 = force[i] as number;
    return f1 === f0 ? t1 : t0 + ((threshold - f0) / (f1 - f0)) * (t1 - t0);
  };
  const intervals: Array<{ on: number | null; off: number | null }> = [];
  let inContact = (force[0] ?? 0) >= threshold;
  if (inContact) intervals.push({ on: null, off: null }); // contact already under way: its onset was not seen
  for (let i = 1; i < force.length; i++) {
    const f = force[i] as number;
    if (!Number.isFinite(f)) continue;
    const now = f >= threshold;
    if (now && !inContact) intervals.push({ on: crossing(i), off: null });
    if (!now && inContact) (intervals[intervals.length - 1] as { off: number | null }).off = crossing(i);
    inContact = now;
  }
  // Debounce: merge contacts separated by a very short gap, then drop very short contacts.
  const merged: Array<{ on: number | null; off: number | null }> = [];
  for (const c of intervals) {
    const prev = merged[merged.length - 1];
    if (prev && prev.off !== null && c.on !== null && c.on - prev.off < minPhase) prev.off = c.off;
    else merged.push({ ...c });
  }
  const kept = merged.filter((c) => c.on === null || c.off === null || c.off - c.on >= minPhase);
  return {
    heelStrike: kept.flatMap((c) => (c.on === null ? [] : [c.on])),
    toeOff: kept.flatMap((c) => (c.off === null ? [] : [c.off])),
  };
}

/** Events of both feet from total left and right force columns sampled at common times. */
export function forceGaitEvents(
  input: { time: readonly number[]; left: readonly number[]; right: readonly number[] },
  options: ForceEventOptions = {},
): GaitEvents {
  return {
    left: forceContactEvents(input.time, input.left, options),
    right: forceContactEvents(input.time, input.right, options),
  };
}
