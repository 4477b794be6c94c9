/**
 * What the picture itself says before any body is measured: is the camera still, and is there enough light.
 * From small luma thumbnails of the frames the walker scan already decodes (a few a second), with the people's
 * boxes left out. A still camera on a treadmill shows the same background from sample to sample; a camera that
 * pans or follows the walker changes it everywhere, which the body's own keypoints cannot show (a walker
 * followed by the camera stays in place in the picture, exactly like one on a treadmill). Pure: Node and browser.
 */
import type { Frame } from './frame.js';

/** Grid of the thumbnails: coarse enough to ignore compression noise, fine enough to keep the background. */
export const THUMB_COLS = 32;
export const THUMB_ROWS = 18;

/** Mean luma per grid cell of one sampled frame, over the whole source picture. */
export interface Thumbnail {
  index: number;
  time: number;
  luma: number[];
}

/** Luma block means of a frame (which shows the whole picture, maybe downscaled). */
export function thumbnail(frame: Frame): Thumbnail {
  const sums = new Array<number>(THUMB_COLS * THUMB_ROWS).fill(0);
  const counts = new Array<number>(THUMB_COLS * THUMB_ROWS).fill(0);
  const { width, height, data } = frame;
  // Every second pixel in each direction is plenty for a block mean.
  for (let y = 0; y < height; y += 2) {
    const row = Math.min(THUMB_ROWS - 1, Math.floor((y * THUMB_ROWS) / height));
    for (let x = 0; x < width; x += 2) {
      const col = Math.min(THUMB_COLS - 1, Math.floor((x * THUMB_COLS) / width));
      const p = 3 * (y * width + x);
      const cell = row * THUMB_COLS + col;
      sums[cell]! += 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!;
      counts[cell]! += 1;
    }
  }
  return { index: frame.index, time: frame.time, luma: sums.map((s, i) => (counts[i] ? s / counts[i]! : NaN)) };
}

/**
 * Background change between consecutive samples above this (grey levels of 255, median over the background
 * cells after removing a change of overall brightness) means the camera moved. Measured on the real clips here
 * (test/fixtures/gait-clips and the shared Sports2D walk, people not even left out): still cameras 0.02-0.36, a
 * phone following a walker from behind 2.2, a slow pan of 5 % of the width a second 5.7. One level is several
 * times a still camera's noise and under half the gentlest motion seen; few clips, so it is a heuristic.
 */
export const CAMERA_MOTION_LEVELS = 1;
/** Median picture brightness below this (of 255) is too dark for the pose model to place feet reliably. */
export const DARK_LUMA = 40;

export interface SceneChecks {
  /** Median background change between consecutive samples (grey levels); NaN with fewer than 2 samples. */
  backgroundChange: number;
  cameraMoving: boolean;
  /** Median luma of the picture (0-255). */
  brightness: number;
  dark: boolean;
}

function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The part of a person box this needs (person-boxes.ts PersonBox; structural, so the two files need not import each other). */
export interface BoxAt {
  index: number;
  hipX: number;
  hipY: number;
  radius: number;
}

/** Cells covered by a person (their body circle, widened by a fifth) in either of two samples are left out. */
function personCells(boxes: readonly BoxAt[], source: { width: number; height: number }): Set<number> {
  const cells = new Set<number>();
  for (const b of boxes) {
    const r = 1.2 * b.radius;
    const c0 = Math.max(0, Math.floor(((b.hipX - r) * THUMB_COLS) / source.width));
    const c1 = Math.min(THUMB_COLS - 1, Math.floor(((b.hipX + r) * THUMB_COLS) / source.width));
    const r0 = Math.max(0, Math.floor(((b.hipY - r) * THUMB_ROWS) / source.height));
    const r1 = Math.min(THUMB_ROWS - 1, Math.floor(((b.hipY + r) * THUMB_ROWS) / source.height));
    for (let row = r0; row <= r1; row++) for (let col = c0; col <= c1; col++) cells.add(row * THUMB_COLS + col);
  }
  return cells;
}

/** Camera motion and brightness from the scan's thumbnails and person boxes. */
export function sceneChecks(
  thumbs: readonly Thumbnail[],
  boxes: readonly BoxAt[],
  source: { width: number; height: number },
): SceneChecks {
  const sorted = [...thumbs].sort((a, b) => a.index - b.index);
  const changes: number[] = [];
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1]!;
    const b = sorted[k]!;
    const people = personCells(
      boxes.filter((x) => x.index === a.index || x.index === b.index),
      source,
    );
    const diffs: number[] = [];
    a.luma.forEach((v, i) => {
      if (!people.has(i)) diffs.push((b.luma[i] as number) - v);
    });
    if (diffs.length < 0.2 * a.luma.length) continue; // the person fills the picture: nothing to judge by
    const shift = median(diffs); // auto-exposure brightens or darkens everything at once: not motion
    changes.push(median(diffs.map((d) => Math.abs(d - shift))));
  }
  const backgroundChange = median(changes);
  const brightness = median(sorted.flatMap((t) => t.luma));
  return {
    backgroundChange,
    cameraMoving: Number.isFinite(backgroundChange) && backgroundChange > CAMERA_MOTION_LEVELS,
    brightness,
    dark: Number.isFinite(brightness) && brightness < DARK_LUMA,
  };
}
