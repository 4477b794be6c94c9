/**
 * Choosing the person who walks through the picture, from person boxes found on sampled frames (person-boxes.ts):
 * boxes are merged within a frame, linked over time into candidate people, and the candidate who walks the most is
 * the walker: travel (across the picture, or in depth: growing or shrinking as they walk toward or away from the
 * camera, in body sizes) plus, where the scan saw the feet, the steps seen over the track's duration (the ankles'
 * motion, or, seen from the front or back, their heights alternating), so a treadmill walker stepping for the whole
 * clip is not outranked by someone crossing the picture for a second, and a person standing beside has no steps.
 * When nobody walks by either measure, the walker is the person in view the longest and largest: the one the camera
 * was pointed at. Her boxes give a region of interest for the full pose pass, so BlazePose (which follows whoever it
 * finds first) is not handed the other people. Pure: no I/O, no model.
 */
import type { RegionOfInterest } from './frame.js';
import { STRIDE_SECONDS } from '../gait/person-tracking.js';
import { mergeFrameBoxes, type PersonBox } from './person-boxes.js';

/** One person seen over time: their boxes in frame order. */
export interface Candidate {
  id: number;
  boxes: PersonBox[];
  /** Range of the mid-hip x over the boxes (pixels) and the same in body radii. */
  travelPx: number;
  travel: number;
  /** Change of apparent size as a distance in body radii (4 × |log(last / first radius)|): walking toward or away. */
  depthTravel: number;
  /** Median body radius in pixels. */
  radius: number;
  /**
   * How much the ankles move relative to the hips over the boxes, in body radii (median over both ankles of the
   * 5-95 % range, x plus y, as gait person-tracking's limbMotion), or null when the feet were not seen on enough
   * boxes (the scan's tracker did not look, or the feet were hidden).
   */
  steps: number | null;
  /**
   * How much the two ankles' heights in the picture move against each other (alternationOf()): the cue that a
   * walker seen from the front or back steps, where each ankle moves mostly in depth. Null when both ankles were
   * seen together on too few boxes.
   */
  alternation: number | null;
  /** Seconds from the first box to the last. */
  seconds: number;
  /** The ranking (walked()): travel plus the steps counted once per stride of the track. */
  walked: number;
}

export interface WalkerChoice {
  /** All candidates, the walker first, then by walked(). */
  candidates: Candidate[];
  /** The walker's id, or null when nobody moved across the picture. */
  chosen: number | null;
  /** Region for the full pose pass (source pixels), or null when no walker was found. */
  roi: RegionOfInterest | null;
  /**
   * Another candidate who walks about as much as the chosen walker (RIVAL), or null: the choice between them was
   * close, so the analysis says whom it followed and how to choose the other.
   */
  rival: number | null;
}

export interface ChoiceOptions {
  /** Source picture size. */
  width: number;
  height: number;
  /** Seconds between sampled frames (for the linking gate). */
  sampleInterval: number;
}

/**
 * A second walker is a rival when they walk (walked()) at least this share of the walker's and are seen on at least
 * this share of her samples: the ratios the gait analysis uses between the tracks of its own pass (analyze-gait.ts,
 * `two-walkers`), which sees only the chosen walker's region and so cannot tell on its own.
 */
export const RIVAL = { travel: 0.7, boxes: 0.5 };

/** A candidate must be seen on at least this many sampled frames and walk (walked()) at least this many body radii. */
const MIN_BOXES = 3;
export const MIN_TRAVEL_RADII = 1;

/**
 * Ankle motion relative to the hips (body radii) under which a person is standing, not stepping. Gait
 * person-tracking finds limbMotion 1-3 torso lengths walking or running and under 0.3 standing; a torso (mid
 * shoulders to mid hips, about 0.3 of stature) is about 0.55 body radii (hips to just above the head, about half of
 * stature), so 1-3 torso lengths are 0.55-1.6 radii and 0.3 are 0.17: the bound lies between them. The scan's few
 * samples a second may catch a stride short of its extremes, which the margin under 0.55 allows for.
 */
export const STEPPING_RADII = 0.3;

/**
 * Seen from the front or back, a stride moves each foot in depth, which the picture shows only as a small up-down
 * motion (perspective and the swing foot's lift), and each ankle's motion relative to the hips also carries the
 * body's sway and a handheld camera's tilt, which move both feet alike: the back-view dev walk
 * (overground-walk-back-a: a follow camera keeps her in place, 1.5 strides then standing) gave 0.24 radii, under
 * STEPPING_RADII, so a walker in place filmed from the front or back was not told from someone standing by.
 * What does hold from any side: the feet step in turn, so the height of one ankle against the other (left y -
 * right y, in which sway, tilt and the hips' own jitter cancel) swings from one sign to the other once a stride
 * (the foot ahead in depth stands higher in the picture when the camera is above the floor, and the swing foot
 * lifts), while a standing person's two feet keep their heights but for the detector's jitter. (Signed, not
 * |left y - right y|: that repeats every step, and the scan's two samples a second would see one value of it at a
 * cadence of 120 steps/min; the signed difference repeats every stride, as each ankle's motion does.) The bound
 * on its 5-95 % range: the swing foot's lift alone, about 10 cm at mid-swing, is about 0.1 body radii (a radius is
 * about half a stature plus a little, 0.95 m at 1.75 m), so the difference swings by about 0.2 radii with no help
 * from the depth a camera above the floor adds; half of that allows for the scan's two samples a second missing a
 * stride's extremes. A standing person's range is 0.02-0.05 radii on the real dev clips and the synthetic one
 * (docs/gait-signals.md).
 */
export const ALTERNATING_RADII = 0.1;

/**
 * The steps credited to a person whose ankles alternate (ALTERNATING_RADII) when their motion in the picture is
 * smaller: from the front or back the stride's length is in depth, which the picture cannot give, so they count as
 * the shortest stride gait person-tracking knows for walking (1 torso length, about 0.55 body radii; see
 * STEPPING_RADII), or what the picture shows of their ankles (steps) when that is more.
 */
export const ALTERNATING_STEP_RADII = 0.55;

/**
 * Travel plus steps: the steps in place (when at least STEPPING_RADII, or ALTERNATING_STEP_RADII when the ankles
 * alternate in height by ALTERNATING_RADII or more, whichever is larger) count once per stride of the track
 * (STRIDE_SECONDS, never less than once), as travel grows with every stride walked: the rule gait person-tracking
 * ranks its tracks by (commit f7efa69), on the scan's boxes.
 */
export function walked(c: Pick<Candidate, 'travel' | 'depthTravel' | 'steps' | 'alternation' | 'seconds'>): number {
  const seen = c.steps !== null && c.steps >= STEPPING_RADII ? c.steps : 0;
  const alternates = c.alternation !== null && c.alternation >= ALTERNATING_RADII ? ALTERNATING_STEP_RADII : 0;
  return Math.max(c.travel, c.depthTravel) + Math.max(seen, alternates) * Math.max(1, c.seconds / STRIDE_SECONDS);
}

/**
 * The 5-95 % range of the two ankles' height difference (left y - right y) over a track's boxes, in body radii
 * (null: both ankles seen together on too few boxes). See ALTERNATING_RADII for why this holds from the front.
 */
export function alternationOf(boxes: PersonBox[], radius: number): number | null {
  if (!(radius > 0)) return null;
  const gaps = boxes.flatMap((b) => (b.ankles?.[0] && b.ankles[1] ? [b.ankles[0].y - b.ankles[1].y] : []));
  if (gaps.length < MIN_BOXES) return null;
  return (quantile(gaps, 0.95) - quantile(gaps, 0.05)) / radius;
}

/** The ankles' motion relative to the hips over a track's boxes, in body radii (null: seen on too few boxes). */
export function stepsOf(boxes: PersonBox[], radius: number): number | null {
  if (!(radius > 0)) return null;
  const perAnkle = [0, 1]
    .map((side) => {
      const rel = boxes.flatMap((b) => (b.ankles?.[side] ? [b.ankles[side]!] : []));
      if (rel.length < MIN_BOXES) return null;
      const range = (v: number[]): number => quantile(v, 0.95) - quantile(v, 0.05);
      return (range(rel.map((p) => p.x)) + range(rel.map((p) => p.y))) / radius;
    })
    .filter((v): v is number => v !== null);
  return perAnkle.length ? median(perAnkle) : null;
}

/**
 * Which way a candidate went, as a code that reads as English: the gait screen shows it through its catalogue
 * (web/src/gait/walker-candidates.ts), the server's warning names people by it (src/services/analyze-video.ts), and
 * e2e/gait-walker compares it with the page's English.
 */
export type Direction =
  'walks left to right' | 'walks right to left' | 'walks toward or away from the camera' | 'stays in one place';

/**
 * Which way a candidate went: the mid-hip x of the first box against the last. Less than one body radius of net
 * travel (MIN_TRAVEL_RADII) counts as staying in place, unless they grew or shrank by as much (walking toward or
 * away from the camera).
 */
export function direction(c: Candidate): Direction {
  const a = c.boxes[0];
  const b = c.boxes[c.boxes.length - 1];
  if (!a || !b || Math.abs(b.hipX - a.hipX) < Math.max(1, c.radius)) {
    return c.depthTravel >= MIN_TRAVEL_RADII ? 'walks toward or away from the camera' : 'stays in one place'; // i18n-ignore: Direction codes (above)
  }
  return b.hipX > a.hipX ? 'walks left to right' : 'walks right to left'; // i18n-ignore: Direction codes (above)
}

/** Links per-frame boxes into candidates (greedy, nearest mid-hip, gated by body size and elapsed time). */
export function linkCandidates(boxes: PersonBox[], sampleInterval: number): Candidate[] {
  const byFrame = new Map<number, PersonBox[]>();
  for (const b of boxes) byFrame.set(b.index, [...(byFrame.get(b.index) ?? []), b]);
  const tracks: PersonBox[][] = [];
  for (const index of [...byFrame.keys()].sort((a, b) => a - b)) {
    const here = mergeFrameBoxes(byFrame.get(index) ?? []);
    const pairs: Array<{ t: number; b: number; d: number }> = [];
    tracks.forEach((tr, t) => {
      const last = tr[tr.length - 1]!;
      const gap = Math.max(sampleInterval, here[0] ? here[0].time - last.time : sampleInterval);
      if (gap > 2) return; // not seen for 2 s: a new appearance is a new candidate
      here.forEach((b, i) => {
        const ratio = Math.max(b.radius, last.radius) / Math.min(b.radius, last.radius);
        // A walker covers about one body radius per 0.6 s; allow twice that plus detector jitter.
        const gate = last.radius * (0.6 + 3 * gap);
        const d = Math.hypot(b.hipX - last.hipX, b.hipY - last.hipY);
        if (ratio < 1.6 && d < gate) pairs.push({ t, b: i, d });
      });
    });
    pairs.sort((a, b) => a.d - b.d);
    const usedT = new Set<number>();
    const usedB = new Set<number>();
    for (const p of pairs) {
      if (usedT.has(p.t) || usedB.has(p.b)) continue;
      usedT.add(p.t);
      usedB.add(p.b);
      tracks[p.t]!.push(here[p.b]!);
    }
    here.forEach((b, i) => {
      if (!usedB.has(i)) tracks.push([b]);
    });
  }
  return tracks.map((tr, id) => {
    const xs = tr.map((b) => b.hipX);
    const radius = median(tr.map((b) => b.radius));
    const travelPx = Math.max(...xs) - Math.min(...xs);
    const k = Math.max(1, Math.floor(tr.length / 4));
    const first = median(tr.slice(0, k).map((b) => b.radius));
    const last = median(tr.slice(-k).map((b) => b.radius));
    const depthTravel = first > 0 && last > 0 ? 4 * Math.abs(Math.log(last / first)) : 0;
    const c = {
      id,
      boxes: tr,
      travelPx,
      travel: radius > 0 ? travelPx / radius : 0,
      depthTravel,
      radius,
      steps: stepsOf(tr, radius),
      alternation: alternationOf(tr, radius),
      seconds: tr[tr.length - 1]!.time - tr[0]!.time,
    };
    return { ...c, walked: walked(c) };
  });
}

/**
 * Picks the walker: the candidate seen on enough frames who walked the most (walked()), and
 * derives the region of interest: the band of rows her body occupied (see roiFor)
 * across the columns she crossed (± 1 radius), clamped to the picture.
 */
export function chooseWalker(boxes: PersonBox[], o: ChoiceOptions): WalkerChoice {
  const all = linkCandidates(boxes, o.sampleInterval);
  const moved = (c: Candidate): number => c.walked;
  const eligible = all.filter((c) => c.boxes.length >= MIN_BOXES && moved(c) >= MIN_TRAVEL_RADII);
  eligible.sort((a, b) => moved(b) - moved(a));
  let walker = eligible[0] ?? null;
  const rivalOf = walker
    ? (eligible
        .slice(1)
        .find(
          (c) => moved(c) >= RIVAL.travel * moved(walker!) && c.boxes.length >= RIVAL.boxes * walker!.boxes.length,
        ) ?? null)
    : null;
  if (!walker) {
    // Nobody walks by what the scan saw (the feet not seen: a tracker without landmarks, or hidden by the rails):
    // the person seen on most samples (at least half of them), then the largest. A clinician beside the treadmill
    // is usually smaller or leaves the picture; the pose pass then tells the stepping person by their moving feet
    // (gait person-tracking), within this region.
    const samples = new Set(boxes.map((b) => b.index)).size;
    const present = all.filter((c) => c.boxes.length >= Math.max(MIN_BOXES, samples / 2));
    present.sort((a, b) => b.boxes.length - a.boxes.length || b.radius - a.radius);
    walker = present[0] ?? null;
  }
  const rest = all.filter((c) => c !== walker).sort((a, b) => moved(b) - moved(a));
  const candidates = (walker ? [walker, ...rest] : rest).map((c, id) => ({ ...c, id }));
  if (!walker) return { candidates, chosen: null, roi: null, rival: null };
  const rival = rivalOf ? candidates.findIndex((c) => c.boxes === rivalOf.boxes) : -1;
  return {
    candidates,
    chosen: 0,
    roi: roiForCandidate(candidates[0]!, o.width, o.height),
    rival: rival >= 0 ? rival : null,
  };
}

/**
 * The region for a candidate, shaped by how they move: walking toward the camera the body grows, so the band must
 * hold its largest size, not a typical one; in place, the feet reach about one and a half body radii ahead of and
 * behind the hips when running, so the columns get that margin, and the rows the extremes of the boxes.
 */
export function roiForCandidate(c: Candidate, width: number, height: number): RegionOfInterest {
  const inPlace = Math.max(c.travel, c.depthTravel) < MIN_TRAVEL_RADII;
  // In place, the detector's body circle is fitted to the upright body and a runner's feet at full stride reach
  // below it (on the real treadmill clip, filmed from below hip height, 1.4 radii below the hips where 1.1 was
  // allowed, so the pose model lost the feet): the band reaches 1.6 radii below the hips. A larger region only
  // costs a slightly coarser crop; a region that cuts the feet loses every contact.
  return roiFor(c, width, height, {
    rows: inPlace || c.depthTravel > c.travel ? 'extremes' : 'typical',
    sideMargin: inPlace ? 1.5 : 1,
    ...(inPlace ? { feetMargin: 1.6 } : {}),
  });
}

/**
 * The region of interest that holds one candidate's body over their boxes. MediaPipe's scale point sits just above
 * the head, so hip ± 1.1 radii spans head to feet with a small margin. Rows use the 25th/75th percentile over the
 * boxes (one oversized detection must not pull the band up to a bystander's feet); columns use the extremes
 * ± 1 radius, because the walker is meant to cross them all.
 */
export function roiFor(
  c: Candidate,
  width: number,
  height: number,
  o: { rows?: 'typical' | 'extremes'; sideMargin?: number; feetMargin?: number } = {},
): RegionOfInterest {
  const [qTop, qBottom] = o.rows === 'extremes' ? [0, 1] : [0.25, 0.75];
  const margin = o.sideMargin ?? 1;
  const top = quantile(
    c.boxes.map((b) => b.hipY - 1.1 * b.radius),
    qTop,
  );
  const bottom = quantile(
    c.boxes.map((b) => b.hipY + (o.feetMargin ?? 1.1) * b.radius),
    qBottom,
  );
  const left = Math.min(...c.boxes.map((b) => b.hipX - margin * b.radius));
  const right = Math.max(...c.boxes.map((b) => b.hipX + margin * b.radius));
  const x = clamp(Math.floor(left), 0, width - 16);
  const y = clamp(Math.floor(top), 0, height - 16);
  return {
    x,
    y,
    width: clamp(Math.ceil(right) - x, 16, width - x),
    height: clamp(Math.ceil(bottom) - y, 16, height - y),
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
function median(xs: number[]): number {
  return quantile(xs, 0.5);
}
/** Linear-interpolated quantile (q in 0..1); 0 for an empty list. */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(s.length - 1, lo + 1)]! - s[lo]!) * (pos - lo);
}

/**
 * The frames worth a full pose pass for one candidate: from one sample interval before their first box to one
 * after their last (they may have come into view just after the previous sample), clamped to the scanned range.
 * Frames outside it hold nobody the pass would follow; skipping them saves the detector runs BlazePose makes on
 * every frame while it has nobody to track.
 */
export function frameSpan(
  c: Candidate,
  every: number,
  range: { first: number; last: number },
): { first: number; last: number } {
  const idx = c.boxes.map((b) => b.index);
  return {
    first: Math.max(range.first, Math.min(...idx) - every),
    last: Math.min(range.last, Math.max(...idx) + every),
  };
}
