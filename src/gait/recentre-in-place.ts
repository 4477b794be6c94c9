/**
 * An in-place (treadmill-like) copy of a real overground walk filmed from the side: every frame is shifted so that
 * the walker's pelvis no longer travels through the picture. Used to show the in-place path on real motion while
 * the set has no real treadmill walk (issue 16); not part of any analysis. Pure.
 *
 * Why it is a fair stand-in. On a treadmill the belt carries the stance foot backward at the belt speed, which is
 * the walker's mean speed, so relative to the camera the pelvis stays put and each foot moves exactly as it moves
 * relative to the pelvis overground. Subtracting the pelvis's travel from every point gives that picture: the
 * motion relative to the pelvis (what Zeni's events, the knee and the legs' alternation are read from) is the
 * overground walk's, untouched, so a hand reference made on the overground clip still names the right frames.
 * The travel removed is the pelvis's slow drift, a Gaussian-weighted local straight line through the hip midpoint
 * (sigma 0.5 s, a stride lasts 0.8-1.6 s): the pelvis keeps its surge and bob within each step, as a walker's
 * pelvis does on a belt (the belt's speed is constant, the body's is not).
 *
 * What it is not. No belt, rails or console in the picture (nothing hides the feet or hands); the pose model saw
 * the walker at the places they walked past, so the camera's view of them turns slightly from one side of the
 * picture to the other and their apparent size follows their distance to the camera, where a treadmill walker is
 * seen from one angle; the background stays behind, which only a following camera would show (the pose stage's
 * camera-motion check is not involved here); and treadmill walking itself differs a little from overground
 * walking (slightly shorter, quicker steps for most people), which a copy of an overground walk cannot show.
 */
import { LANDMARK_INDEX, type KeypointSeries } from './keypoints.js';
import { buildTracks, selectTrack } from './person-tracking.js';

/** Sigma of the Gaussian weights of the local straight line (s): several steps wide, so a step's surge stays. */
export const TRAVEL_SIGMA_S = 0.5;

/** Local linear fit at each query time (Gaussian weights in time): follows a steady drift exactly, even at the ends. */
function localLine(time: readonly number[], values: readonly number[], at: readonly number[], sigma: number): number[] {
  return at.map((t0) => {
    let sw = 0;
    let st = 0;
    let sv = 0;
    let stt = 0;
    let stv = 0;
    for (let i = 0; i < time.length; i++) {
      const dt = (time[i] as number) - t0;
      if (Math.abs(dt) > 3 * sigma) continue;
      const w = Math.exp((-0.5 * dt * dt) / (sigma * sigma));
      const v = values[i] as number;
      sw += w;
      st += w * dt;
      sv += w * v;
      stt += w * dt * dt;
      stv += w * dt * v;
    }
    const det = sw * stt - st * st;
    // Value of the line at dt = 0; with a single sample (det 0) the weighted mean.
    return det > 1e-12 ? (stt * sv - st * stv) / det : sw > 0 ? sv / sw : NaN;
  });
}

export interface RecentreResult {
  series: KeypointSeries;
  /** Horizontal and vertical shift (px) added to each frame, by position in series.frames (all 0 when nobody was found). */
  shift: Array<{ x: number; y: number }>;
  /** The walker's track (person-tracking.ts) the pelvis was taken from, or null when nobody was found. */
  trackId: number | null;
}

/**
 * The in-place copy: each frame translated (every person in it, image points only) by minus the walker's pelvis
 * drift, so that the smoothed pelvis stays where it was at the middle of the walk. World points are hip-centred
 * already and are kept. Frames before or after the walker's track keep the shift of its nearest frame.
 */
export function recentreOnPelvis(series: KeypointSeries, sigma = TRAVEL_SIGMA_S): RecentreResult {
  const track = selectTrack(buildTracks(series));
  if (!track) return { series, shift: series.frames.map(() => ({ x: 0, y: 0 })), trackId: null };
  const lh = LANDMARK_INDEX.left_hip;
  const rh = LANDMARK_INDEX.right_hip;
  const samples = track.detections
    .map(({ frame, person }) => {
      const a = person.image[lh]!;
      const b = person.image[rh]!;
      return { t: series.frames[frame]!.time, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    })
    .filter((s) => Number.isFinite(s.x) && Number.isFinite(s.y));
  if (samples.length < 2) return { series, shift: series.frames.map(() => ({ x: 0, y: 0 })), trackId: track.id };
  const times = samples.map((s) => s.t);
  const first = times[0]!;
  const last = times.at(-1)!;
  // Outside the track the drift is held at its end values, not extrapolated.
  const at = series.frames.map((f) => Math.min(Math.max(f.time, first), last));
  const driftX = localLine(
    times,
    samples.map((s) => s.x),
    at,
    sigma,
  );
  const driftY = localLine(
    times,
    samples.map((s) => s.y),
    at,
    sigma,
  );
  const mid = localLine(
    times,
    samples.map((s) => s.x),
    [(first + last) / 2],
    sigma,
  )[0]!;
  const midY = localLine(
    times,
    samples.map((s) => s.y),
    [(first + last) / 2],
    sigma,
  )[0]!;
  const shift = series.frames.map((_, i) => ({ x: mid - driftX[i]!, y: midY - driftY[i]! }));
  const frames = series.frames.map((f, i) => {
    const d = shift[i]!;
    return {
      ...f,
      people: f.people.map((p) => ({ ...p, image: p.image.map((q) => ({ ...q, x: q.x + d.x, y: q.y + d.y })) })),
    };
  });
  return { series: { ...series, frames }, shift, trackId: track.id };
}
