/**
 * Person tracking across frames: links each frame's detections into tracks and picks the person who walks
 * through the picture (a pose model reports everyone: bystanders, people in the background). Pure.
 */
import { LANDMARK_INDEX, type KeypointSeries, type PosePerson } from './keypoints.js';
import { median, quantile } from './stats.js';

/** One person followed over frames. */
export interface PersonTrack {
  id: number;
  /** Positions in series.frames and the detection used in each. */
  detections: Array<{ frame: number; person: PosePerson }>;
  /** How far the body centre travelled, in torso lengths, horizontally and in depth (apparent size change). */
  horizontalTravel: number;
  depthTravel: number;
  /** 0..1: 1 when the apparent size changes smoothly from frame to frame (no identity swaps). */
  sizeConsistency: number;
  /**
   * How much the ankles move relative to the body centre, in torso lengths (median over both ankles of the 5–95 %
   * range, x plus y): about 1–3 for someone walking or running, in place (treadmill) or not; under 0.3 for
   * someone standing, such as a clinician beside the treadmill.
   */
  limbMotion: number;
  /** Ranking score: larger means more likely the person walking for the camera. */
  score: number;
}

export interface TrackingOptions {
  /** Landmarks below this visibility are ignored for centre and size. */
  minVisibility?: number;
  /** A track not seen for longer than this (s) is closed. */
  maxGapSeconds?: number;
}

interface Shape {
  cx: number;
  cy: number;
  size: number;
}

/** Body centre (mid shoulders and hips) and size (torso length, stable in any view) of one detection. */
export function personShape(person: PosePerson, minVisibility = 0.5): Shape | null {
  const pick = (name: keyof typeof LANDMARK_INDEX): { x: number; y: number } | null => {
    const p = person.image[LANDMARK_INDEX[name]];
    return p && p.visibility >= minVisibility && Number.isFinite(p.x) && Number.isFinite(p.y) ? p : null;
  };
  const ls = pick('left_shoulder');
  const rs = pick('right_shoulder');
  const lh = pick('left_hip');
  const rh = pick('right_hip');
  const mid = (
    a: { x: number; y: number } | null,
    b: { x: number; y: number } | null,
  ): { x: number; y: number } | null => (a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : (a ?? b));
  const sh = mid(ls, rs);
  const hp = mid(lh, rh);
  if (!sh || !hp) return null;
  const size = Math.hypot(sh.x - hp.x, sh.y - hp.y);
  if (!(size > 0)) return null;
  return { cx: (sh.x + hp.x) / 2, cy: (sh.y + hp.y) / 2, size };
}

/** Links detections into tracks by nearest body centre, gated by distance (in torso lengths) and size ratio. */
export function buildTracks(series: KeypointSeries, options: TrackingOptions = {}): PersonTrack[] {
  const minVis = options.minVisibility ?? 0.5;
  const maxGap = options.maxGapSeconds ?? 0.5;
  interface Open {
    id: number;
    last: Shape;
    lastTime: number;
    detections: Array<{ frame: number; person: PosePerson; shape: Shape }>;
  }
  const open: Open[] = [];
  const closed: Open[] = [];
  let nextId = 1;
  series.frames.forEach((frame, fi) => {
    for (let i = open.length - 1; i >= 0; i--) {
      if (frame.time - (open[i] as Open).lastTime > maxGap) closed.push(...open.splice(i, 1));
    }
    const shapes = frame.people.map((p) => ({ person: p, shape: personShape(p, minVis) }));
    // Greedy assignment, cheapest pairs first.
    const pairs: Array<{ track: Open; det: number; cost: number }> = [];
    shapes.forEach((s, di) => {
      if (!s.shape) return;
      for (const track of open) {
        const dt = frame.time - track.lastTime;
        const dist = Math.hypot(s.shape.cx - track.last.cx, s.shape.cy - track.last.cy) / track.last.size;
        const ratio = s.shape.size / track.last.size;
        // Walking moves the centre about 3 torso lengths per second at most; allow that plus jitter.
        if (dist <= 0.5 + 3 * dt && ratio > 0.67 && ratio < 1.5) pairs.push({ track, det: di, cost: dist });
      }
    });
    pairs.sort((a, b) => a.cost - b.cost);
    const usedTracks = new Set<Open>();
    const usedDets = new Set<number>();
    for (const p of pairs) {
      if (usedTracks.has(p.track) || usedDets.has(p.det)) continue;
      usedTracks.add(p.track);
      usedDets.add(p.det);
      const s = shapes[p.det] as { person: PosePerson; shape: Shape };
      p.track.detections.push({ frame: fi, person: s.person, shape: s.shape });
      p.track.last = s.shape;
      p.track.lastTime = frame.time;
    }
    shapes.forEach((s, di) => {
      if (!s.shape || usedDets.has(di)) return;
      open.push({
        id: nextId++,
        last: s.shape,
        lastTime: frame.time,
        detections: [{ frame: fi, person: s.person, shape: s.shape }],
      });
    });
  });
  closed.push(...open);
  return closed.map((t) => summarise(t.id, t.detections, series)).sort((a, b) => a.id - b.id);
}

/**
 * How long a stride lasts, about (s): walking 0.9-1.3, running 0.6-0.8. Feet moving relative to the body count
 * once per stride of the track (limbMotion is one stride's sweep), so stepping in place for five seconds weighs
 * like five strides, as walking five strides through the picture does by its travel.
 */
export const STRIDE_SECONDS = 1;

function summarise(
  id: number,
  dets: Array<{ frame: number; person: PosePerson; shape: Shape }>,
  series: KeypointSeries,
): PersonTrack {
  const size = median(dets.map((d) => d.shape.size));
  const xs = dets.map((d) => d.shape.cx);
  const horizontalTravel = (Math.max(...xs) - Math.min(...xs)) / size;
  // Apparent size change as a distance: walking from 4 m to 2 m doubles the size; log ratio × a few torso lengths.
  const k = Math.max(1, Math.floor(dets.length / 5));
  const first = median(dets.slice(0, k).map((d) => d.shape.size));
  const last = median(dets.slice(-k).map((d) => d.shape.size));
  const depthTravel = 4 * Math.abs(Math.log(last / first));
  const jumps = dets
    .slice(1)
    .map((d, i) => Math.abs(Math.log(d.shape.size / (dets[i] as { shape: Shape }).shape.size)));
  const sizeConsistency = jumps.length ? Math.max(0, 1 - median(jumps) / 0.1) : 0;
  const limbMotion = median(
    (['left_ankle', 'right_ankle'] as const).map((name) => {
      const rel = dets
        .map((d) => {
          const p = d.person.image[LANDMARK_INDEX[name]];
          return p && p.visibility >= 0.3
            ? { x: (p.x - d.shape.cx) / d.shape.size, y: (p.y - d.shape.cy) / d.shape.size }
            : null;
        })
        .filter((p): p is { x: number; y: number } => p !== null && Number.isFinite(p.x) && Number.isFinite(p.y));
      if (rel.length < 5) return 0;
      const range = (v: number[]): number => quantile(v, 0.95) - quantile(v, 0.05);
      return range(rel.map((p) => p.x)) + range(rel.map((p) => p.y));
    }),
  );
  // Travel through the picture or steps in place both say "this is the person walking for the camera". Travel
  // grows with every stride walked; so must the steps in place, else someone crossing the picture for one second
  // outranks a treadmill walker stepping for the whole clip (a real walk made in place showed it:
  // src/gait/in-place-real-walks.test.ts, docs/gait-signals.md).
  const seconds = (series.frames[dets.at(-1)!.frame]?.time ?? 0) - (series.frames[dets[0]!.frame]?.time ?? 0);
  const strides = Math.max(1, seconds / STRIDE_SECONDS);
  const score =
    (horizontalTravel + depthTravel + limbMotion * strides) * (0.5 + 0.5 * sizeConsistency) * Math.sqrt(dets.length);
  return {
    id,
    detections: dets.map(({ frame, person }) => ({ frame, person })),
    horizontalTravel,
    depthTravel,
    sizeConsistency,
    limbMotion,
    score,
  };
}

/** The track to analyse: the requested id if it exists, else the highest-scoring track; null when none. */
export function selectTrack(tracks: readonly PersonTrack[], trackId?: number): PersonTrack | null {
  if (trackId !== undefined) return tracks.find((t) => t.id === trackId) ?? null;
  let best: PersonTrack | null = null;
  for (const t of tracks) if (!best || t.score > best.score) best = t;
  return best;
}
