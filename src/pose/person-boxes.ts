/**
 * Every person the BlazePose person detector sees in a frame, not just the first one. Estimating keeps one person
 * and then follows them; the detector stage, however, scores 2254 anchors and keeps the non-overlapping ones up to
 * a limit. This asks the tracker's detector stage (pose-tracker.ts `detectPeople`) for several. No Node or DOM
 * API, so the walker scan runs in Node and in the browser.
 */
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
}

/**
 * Runs the person detector on one frame and returns up to `maxPeople` boxes in source pixels.
 * `source` is the size of the source video; the frame may be downscaled or cropped (`frame.region`).
 */
export async function detectPersonBoxes(tracker: PoseTracker, frame: Frame, source: { width: number; height: number }, maxPeople = 6): Promise<PersonBox[]> {
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
export function squareTiles(width: number, height: number): Array<{ x: number; y: number; width: number; height: number }> {
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
export async function detectPersonBoxesTiled(tracker: PoseTracker, frame: Frame, source: { width: number; height: number }): Promise<PersonBox[]> {
  const region = frame.region ?? { x: 0, y: 0, width: source.width, height: source.height };
  const kx = region.width / frame.width;
  const ky = region.height / frame.height;
  const out: PersonBox[] = [];
  for (const t of squareTiles(frame.width, frame.height)) {
    const tile = cropFrame(frame, t);
    tile.region = { x: region.x + Math.round(t.x * kx), y: region.y + Math.round(t.y * ky), width: Math.round(t.width * kx), height: Math.round(t.height * ky) };
    out.push(...await detectPersonBoxes(tracker, tile, source));
  }
  return out;
}

/**
 * The walker scan over any frames (Node worker or browser): person boxes on every frame handed in (hand in a few
 * frames a second). Feed the result to `chooseWalker` (walker-choice.ts) for the candidates and the walker's region.
 */
export async function scanPeople(tracker: PoseTracker, frames: AsyncIterable<Frame>, source: { width: number; height: number },
  onFrame?: (scanned: number) => void, thumbs?: Thumbnail[]): Promise<PersonBox[]> {
  const boxes: PersonBox[] = [];
  let n = 0;
  for await (const lazy of frames) {
    const frame = filledFrame(lazy); // the detector and the thumbnail read every pixel
    // The scan's frames show the whole picture: their thumbnails tell camera motion and light (scene-checks.ts).
    const r = frame.region;
    const whole = !r || (r.x === 0 && r.y === 0 && r.width === source.width && r.height === source.height);
    if (thumbs && whole) thumbs.push(thumbnail(frame));
    boxes.push(...await detectPersonBoxesTiled(tracker, frame, source));
    onFrame?.(++n);
  }
  return boxes;
}
