/**
 * Every person the BlazePose person detector sees in a frame, not just the first one. Estimating keeps one person
 * and then follows them; the detector stage, however, scores 2254 anchors and keeps the non-overlapping ones up to
 * a limit. This asks the tracker's detector stage (pose-tracker.ts `detectPeople`) for several. No Node or DOM
 * API, so the walker scan runs in Node and in the browser.
 */
import { LANDMARK_INDEX } from '../gait/keypoints.js';
import { filledFrame, type Frame } from './frame.js';
import type { PoseTracker } from './pose-tracker.js';
import { cropFrame } from './roi.js';
import { thumbnail, type Thumbnail } from './scene-checks.js';

/** One detected person in one frame, in source-video pixels. */
export interface PersonBox {
  /** Frame index and time of the frame it was seen in. */
  index: number;
  time: number;
  score: number;
  /** Mid-hip point, from the detector's first keypoint. */
  hipX: number;
  hipY: number;
  /**
   * Body radius: distance from the mid-hip to the detector's full-body scale point, which MediaPipe places so that
   * a circle of this radius around the hips holds the whole body (head to feet).
   */
  radius: number;
  /**
   * Each ankle (left, right) relative to the mid-hip of the same landmarks, in source pixels; null when either was
   * not seen (visibility under 0.3, as in gait person-tracking). From the landmark model run on this person alone
   * (scanPeople). Absent when the scan's tracker cannot run it: the walker choice then has travel only.
   */
  ankles?: [Point | null, Point | null];
}

interface Point {
  x: number;
  y: number;
}

/** Merges boxes of one frame that are the same person seen twice (overlapping detector tiles). */
export function mergeFrameBoxes(boxes: PersonBox[]): PersonBox[] {
  const sorted = [...boxes].sort((a, b) => b.score - a.score);
  const kept: PersonBox[] = [];
  for (const b of sorted) {
    const dup = kept.some(
      (k) =>
        Math.hypot(k.hipX - b.hipX, k.hipY - b.hipY) < 0.5 * Math.min(k.radius, b.radius) &&
        Math.max(k.radius, b.radius) / Math.min(k.radius, b.radius) < 1.6,
    );
    if (!dup) kept.push(b);
  }
  return kept;
}

/**
 * Runs the person detector on one frame and returns up to `maxPeople` boxes in source pixels.
 * `source` is the size of the source video; the frame may be downscaled or cropped (`frame.region`).
 */
export async function detectPersonBoxes(
  tracker: PoseTracker,
  frame: Frame,
  source: { width: number; height: number },
  maxPeople = 6,
): Promise<PersonBox[]> {
  const region = frame.region ?? { x: 0, y: 0, width: source.width, height: source.height };
  const kx = region.width / frame.width;
  const ky = region.height / frame.height;
  const found = await tracker.detectPeople(frame, maxPeople); // the detector's input crop fills the frame it reads
  return found.map(({ score, hip, scalePoint }) => {
    // Keypoints are relative to the frame's width and height separately.
    const hipX = region.x + hip.x * frame.width * kx;
    const hipY = region.y + hip.y * frame.height * ky;
    const sx = region.x + scalePoint.x * frame.width * kx;
    const sy = region.y + scalePoint.y * frame.height * ky;
    return { index: frame.index, time: frame.time, score, hipX, hipY, radius: Math.hypot(sx - hipX, sy - hipY) };
  });
}

/**
 * Square tiles covering the frame (frame pixels). The detector letterboxes its input to 224x224, so on a whole
 * 16:9 frame a walker 40 % of the picture high is only ~50 detector pixels and is often missed; squares of the
 * short side, overlapping by at least a fifth of it, keep people about twice as large (two tiles for 16:9).
 */
export function squareTiles(
  width: number,
  height: number,
): Array<{ x: number; y: number; width: number; height: number }> {
  const side = Math.min(width, height);
  const long = Math.max(width, height);
  const n = long <= side ? 1 : Math.ceil((long - 0.2 * side) / (0.8 * side));
  const step = n > 1 ? (long - side) / (n - 1) : 0;
  return Array.from({ length: n }, (_, i) => {
    const at = Math.round(i * step);
    return width >= height ? { x: at, y: 0, width: side, height: side } : { x: 0, y: at, width: side, height: side };
  });
}

/** Runs the detector on every square tile of the frame; boxes come back in source pixels (duplicates included). */
export async function detectPersonBoxesTiled(
  tracker: PoseTracker,
  frame: Frame,
  source: { width: number; height: number },
): Promise<PersonBox[]> {
  const region = frame.region ?? { x: 0, y: 0, width: source.width, height: source.height };
  const kx = region.width / frame.width;
  const ky = region.height / frame.height;
  const out: PersonBox[] = [];
  for (const t of squareTiles(frame.width, frame.height)) {
    const tile = cropFrame(frame, t);
    tile.region = {
      x: region.x + Math.round(t.x * kx),
      y: region.y + Math.round(t.y * ky),
      width: Math.round(t.width * kx),
      height: Math.round(t.height * ky),
    };
    out.push(...(await detectPersonBoxes(tracker, tile, source)));
  }
  return out;
}

/**
 * Sets `box.ankles` from the landmark model run on that person in this frame, when the tracker can. The person's
 * region is built as the tracker builds it from a detection, upright (the scale point straight above the hips, one
 * radius away): the scan keeps no detector rotation, and the people it looks for stand or walk upright.
 */
async function lookAtAnkles(
  tracker: PoseTracker,
  frame: Frame,
  source: { width: number; height: number },
  box: PersonBox,
): Promise<void> {
  if (!tracker.landmarksOf) return;
  const r = frame.region ?? { x: 0, y: 0, width: source.width, height: source.height };
  const nx = (box.hipX - r.x) / r.width;
  const person = await tracker.landmarksOf(frame, {
    score: box.score,
    hip: { x: nx, y: (box.hipY - r.y) / r.height },
    scalePoint: { x: nx, y: (box.hipY - box.radius - r.y) / r.height },
  });
  const seen = (name: 'left_ankle' | 'right_ankle' | 'left_hip' | 'right_hip'): Point | null => {
    const p = person?.image[LANDMARK_INDEX[name]];
    return p && p.visibility >= 0.3 && Number.isFinite(p.x) && Number.isFinite(p.y) ? p : null;
  };
  const lh = seen('left_hip');
  const rh = seen('right_hip');
  const kx = r.width / frame.width;
  const ky = r.height / frame.height;
  const at = (name: 'left_ankle' | 'right_ankle'): Point | null => {
    const p = seen(name);
    return p && lh && rh ? { x: (p.x - (lh.x + rh.x) / 2) * kx, y: (p.y - (lh.y + rh.y) / 2) * ky } : null;
  };
  box.ankles = [at('left_ankle'), at('right_ankle')];
}

/**
 * The walker scan over any frames (Node worker or browser): person boxes on every frame handed in (hand in a few
 * frames a second). Feed the result to `chooseWalker` (walker-choice.ts) for the candidates and the walker's region.
 */
export async function scanPeople(
  tracker: PoseTracker,
  frames: AsyncIterable<Frame>,
  source: { width: number; height: number },
  onFrame?: (scanned: number) => void,
  thumbs?: Thumbnail[],
): Promise<PersonBox[]> {
  const boxes: PersonBox[] = [];
  let n = 0;
  for await (const lazy of frames) {
    const frame = filledFrame(lazy); // the detector and the thumbnail read every pixel
    // The scan's frames show the whole picture: their thumbnails tell camera motion and light (scene-checks.ts).
    const r = frame.region;
    const whole = !r || (r.x === 0 && r.y === 0 && r.width === source.width && r.height === source.height);
    if (thumbs && whole) thumbs.push(thumbnail(frame));
    const found = await detectPersonBoxesTiled(tracker, frame, source);
    // Each person once (tiles overlap), the kept box as chooseWalker keeps it: where are their feet.
    for (const b of mergeFrameBoxes(found)) await lookAtAnkles(tracker, frame, source, b);
    boxes.push(...found);
    onFrame?.(++n);
  }
  return boxes;
}
