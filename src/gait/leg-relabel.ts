/**
 * Legs that "bounce" instead of crossing. In a side view a pose model sometimes labels the legs by where they are
 * (the foot in front is always "left") instead of which leg they are: at every crossing the labels stay on the
 * front and back foot. Each label then lands once per step, not once per stride, and the events fail the
 * consistency checks (event-consistency.ts): one real short clip gave 169 "steps/min" for a true 106.
 * The hypothesis is tested, not assumed: the legs' labels are exchanged between every other pair of crossings
 * (where the two feet's forward positions meet), and the result is kept only if its events then pass every
 * check. Left and right may be the wrong way round afterwards (nothing in the picture says which leg is which
 * once the labels are lost), and the analysis says so. Pure.
 */
import { LANDMARKS } from './keypoints.js';
import type { CleanTrack, Trajectory } from './trajectory-cleaning.js';

const LEG_PARTS = ['hip', 'knee', 'ankle', 'heel', 'foot_index'] as const;

/**
 * Crossings: samples where the two heels' forward offsets meet. A meeting is the minimum of |left − right| over
 * a run where it is below a tenth of the signals' range; one crossing per run.
 */
export function footCrossings(left: readonly number[], right: readonly number[]): number[] {
  const diff = left.map((l, i) => Math.abs(l - (right[i] as number)));
  const finite = [...left, ...right].filter(Number.isFinite);
  if (finite.length < 4) return [];
  const range = Math.max(...finite) - Math.min(...finite);
  const near = range / 10;
  const out: number[] = [];
  let i = 0;
  while (i < diff.length) {
    if (!((diff[i] as number) <= near)) { i++; continue; }
    let best = i;
    while (i < diff.length && (diff[i] as number) <= near) { if ((diff[i] as number) < (diff[best] as number)) best = i; i++; }
    out.push(best);
  }
  return out;
}

/** The track with the leg labels exchanged from the 1st crossing to the 2nd, the 3rd to the 4th, and so on. */
export function relabelBetweenCrossings(track: CleanTrack, crossings: readonly number[]): CleanTrack {
  const swapped = track.time.map(() => false);
  for (let k = 0; k < crossings.length; k += 2) {
    const from = crossings[k] as number; const to = crossings[k + 1] ?? track.time.length;
    for (let i = from; i < to; i++) swapped[i] = true;
  }
  const landmarks = track.landmarks.map((l) => l);
  for (const part of LEG_PARTS) {
    const a = LANDMARKS.indexOf(`left_${part}`); const b = LANDMARKS.indexOf(`right_${part}`);
    const la = track.landmarks[a] as Trajectory; const lb = track.landmarks[b] as Trajectory;
    const pick = (u: number[] | null, v: number[] | null): number[] | null => (u && v ? u.map((x, i) => (swapped[i] ? v[i] as number : x)) : u);
    const mix = (p: Trajectory, q: Trajectory): Trajectory => ({
      x: pick(p.x, q.x) as number[], y: pick(p.y, q.y) as number[], wx: pick(p.wx, q.wx), wy: pick(p.wy, q.wy), wz: pick(p.wz, q.wz),
      observed: p.observed.map((o, i) => (swapped[i] ? q.observed[i] as boolean : o)),
    });
    landmarks[a] = mix(la, lb); landmarks[b] = mix(lb, la);
  }
  return { ...track, landmarks };
}
