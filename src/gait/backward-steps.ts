/**
 * Steps taken walking backward, side view, are not timed.
 *
 * Zeni's rule (keypoint-events.ts) assumes the walker goes the way they face: the heel leads and lands first, so
 * the heel furthest ahead of the pelvis is the contact. Walking backward (or a clip played in reverse) the toe
 * leads and the heel's peaks ahead of the pelvis fall at other moments of the step, so they are not contacts, and
 * a cadence or stance time taken from them describes no forward walk. On a real slow walk that stops and then steps
 * back, none of the 10 hand-marked backward contacts was within 6 frames of a reported one (docs/gait-accuracy.md).
 *
 * Where the pelvis moves against the way the walker faces over about one step, the events there are dropped. Only
 * for an overground walk from a still camera: on a treadmill the pelvis stays in place, and a camera that follows
 * the walker moves the pelvis in the picture by its own motion. Pure.
 */
import type { GaitEvents, Side } from './gait-events.js';
import type { CleanTrack } from './trajectory-cleaning.js';
import { median } from './stats.js';
import { facingPerSample, pelvis, torsoLength, type ViewEstimate } from './view-detection.js';

/**
 * A backward move of the pelvis over one step larger than this (torso lengths) is walking backward: a tenth of a
 * torso length (about 5 cm), the bound keypoint-events.ts uses for a step, is far below any step (a step moves the
 * pelvis by about a torso length) and far above a standing person's jitter.
 */
export const BACKWARD_TORSO_FRACTION = 0.1;

export interface BackwardDrop {
  events: GaitEvents;
  /** Contacts dropped because they fall where the walker moves backward. */
  droppedContacts: number;
}

/** The typical step (s): the median time between contacts of alternate feet; NaN when there is none. */
function typicalStep(events: GaitEvents): number {
  const cs = [
    ...events.left.heelStrike.map((t) => ({ t, side: 'left' as Side })),
    ...events.right.heelStrike.map((t) => ({ t, side: 'right' as Side })),
  ].sort((a, b) => a.t - b.t);
  const steps: number[] = [];
  for (let i = 1; i < cs.length; i++) if (cs[i]!.side !== cs[i - 1]!.side) steps.push(cs[i]!.t - cs[i - 1]!.t);
  return median(steps);
}

/**
 * Per sample: does the pelvis move against the way the walker faces, by more than BACKWARD_TORSO_FRACTION torso
 * lengths over the step centred on it (half a typical step either side, cut at the track's ends)?
 */
export function backwardSamples(track: CleanTrack, view: ViewEstimate, stepSeconds: number): boolean[] {
  const none = track.time.map(() => false);
  if (view.view !== 'side' || !(stepSeconds > 0)) return none;
  const hips = pelvis(track);
  const torso = torsoLength(track);
  const facing = view.turns ? facingPerSample(track) : null;
  const constant = view.direction === 'left-to-right' ? 1 : view.direction === 'right-to-left' ? -1 : 0;
  const time = track.time;
  const n = time.length;
  const half = stepSeconds / 2;
  let lo = 0;
  let hi = 0;
  return time.map((t, i) => {
    while (lo < i && (time[lo] as number) < t - half) lo++;
    while (hi + 1 < n && (time[hi + 1] as number) <= t + half) hi++;
    const sign = facing ? (facing[i] as number) : constant;
    const moved = ((hips.x[hi] as number) - (hips.x[lo] as number)) / (torso[i] as number);
    return sign !== 0 && Number.isFinite(moved) && sign * moved < -BACKWARD_TORSO_FRACTION;
  });
}

/** Drops every contact and toe off that falls where the walker moves backward (the nearest sample decides). */
export function dropBackwardEvents(track: CleanTrack, view: ViewEstimate, events: GaitEvents): BackwardDrop {
  const back = backwardSamples(track, view, typicalStep(events));
  if (!back.some(Boolean)) return { events, droppedContacts: 0 };
  const time = track.time;
  const isBack = (t: number): boolean => {
    let best = 0;
    for (let i = 1; i < time.length; i++)
      if (Math.abs((time[i] as number) - t) < Math.abs((time[best] as number) - t)) best = i;
    return back[best] === true;
  };
  let droppedContacts = 0;
  const keep = (ts: readonly number[], contacts: boolean): number[] =>
    ts.filter((t) => {
      const drop = isBack(t);
      if (drop && contacts) droppedContacts++;
      return !drop;
    });
  const out = {
    left: { heelStrike: keep(events.left.heelStrike, true), toeOff: keep(events.left.toeOff, false) },
    right: { heelStrike: keep(events.right.heelStrike, true), toeOff: keep(events.right.toeOff, false) },
  };
  return { events: out, droppedContacts };
}
