/**
 * From one person's detections to clean landmark trajectories: low-visibility points become missing, short gaps
 * are filled by linear interpolation in real time (never longer gaps), then a Gaussian smoother in time removes
 * pixel jitter. Works on variable frame rates because everything uses frame timestamps. Pure.
 */
import { LANDMARKS } from './keypoints.js';
import type { KeypointSeries } from './keypoints.js';
import type { PersonTrack } from './person-tracking.js';
import { gaussianSmoothIrregular } from './signal-filters.js';

export interface CleaningOptions {
  /** Points below this model visibility are treated as missing (BlazePose's own convention is 0.5). */
  minVisibility?: number;
  /**
   * Longest gap (s, from the last seen to the next seen sample) filled by interpolation. 0.2 s is about a third
   * of a step: short enough that a foot cannot have hit the ground and left again unseen inside it.
   */
  maxGapSeconds?: number;
  /**
   * Gaussian smoothing sigma, s. 0.025 s gives a −3 dB cut-off near 5–6 Hz (f ≈ 0.13 / sigma), the range used
   * for walking kinematics (Winter, Biomechanics and Motor Control of Human Movement).
   */
  smoothingSigma?: number;
}

/** One trajectory: per frame value or NaN. */
export interface Trajectory {
  x: number[];
  y: number[];
  /** World coordinates (metres, hip-centred) when the runtime provided them, else null. */
  wx: number[] | null;
  wy: number[] | null;
  wz: number[] | null;
  /** True where the model saw the point (not filled, not missing). */
  observed: boolean[];
}

export interface CleanTrack {
  trackId: number;
  /** Frame times (s) from the track's first to its last detection, including frames where it was not seen. */
  time: number[];
  /** Index into series.frames of each sample. */
  frameIndex: number[];
  landmarks: Trajectory[];
}

/** Linear interpolation over NaN runs whose span (between seen neighbours) is at most maxGap seconds. */
export function fillGaps(time: readonly number[], values: readonly number[], maxGap: number): number[] {
  const out = [...values];
  let i = 0;
  while (i < out.length) {
    if (Number.isFinite(out[i] as number)) { i++; continue; }
    let j = i;
    while (j < out.length && !Number.isFinite(out[j] as number)) j++;
    if (i > 0 && j < out.length) {
      const t0 = time[i - 1] as number; const t1 = time[j] as number;
      const v0 = out[i - 1] as number; const v1 = out[j] as number;
      if (t1 - t0 <= maxGap + 1e-9) for (let k = i; k < j; k++) out[k] = v0 + ((v1 - v0) * ((time[k] as number) - t0)) / (t1 - t0);
    }
    i = j;
  }
  return out;
}

/** Builds clean trajectories of all landmarks for one track. */
export function cleanTrack(series: KeypointSeries, track: PersonTrack, options: CleaningOptions = {}): CleanTrack {
  const minVis = options.minVisibility ?? 0.5;
  const maxGap = options.maxGapSeconds ?? 0.2;
  const sigma = options.smoothingSigma ?? 0.025;
  const first = track.detections[0]?.frame ?? 0;
  const last = track.detections[track.detections.length - 1]?.frame ?? -1;
  const frameIndex: number[] = [];
  for (let f = first; f <= last; f++) frameIndex.push(f);
  const time = frameIndex.map((f) => (series.frames[f] as { time: number }).time);
  const byFrame = new Map(track.detections.map((d) => [d.frame, d.person]));
  const hasWorld = track.detections.some((d) => d.person.world !== null);
  const landmarks = LANDMARKS.map((_, li): Trajectory => {
    const raw = { x: [] as number[], y: [] as number[], wx: [] as number[], wy: [] as number[], wz: [] as number[] };
    const observed: boolean[] = [];
    for (const f of frameIndex) {
      const person = byFrame.get(f);
      const p = person?.image[li];
      const ok = !!p && p.visibility >= minVis && Number.isFinite(p.x) && Number.isFinite(p.y);
      observed.push(ok);
      raw.x.push(ok ? (p as { x: number }).x : NaN);
      raw.y.push(ok ? (p as { y: number }).y : NaN);
      const w = ok ? person?.world?.[li] : undefined;
      raw.wx.push(w ? w.x : NaN); raw.wy.push(w ? w.y : NaN); raw.wz.push(w ? w.z : NaN);
    }
    const prep = (v: number[]): number[] => gaussianSmoothIrregular(time, fillGaps(time, v, maxGap), sigma);
    return {
      x: prep(raw.x), y: prep(raw.y),
      wx: hasWorld ? prep(raw.wx) : null, wy: hasWorld ? prep(raw.wy) : null, wz: hasWorld ? prep(raw.wz) : null,
      observed,
    };
  });
  return { trackId: track.id, time, frameIndex, landmarks };
}
