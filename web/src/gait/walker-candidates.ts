/**
 * What the walker picker shows about each person the scan found (walker-scan.ts): a plain label ("Person 2 — walks
 * left to right, frames 30–210"), a body box for one sampled frame, and which sampled frame to show. Pure: no DOM,
 * no model, so it is tested in Node (e2e/gait-walker.test.ts).
 */
import type { TFunction } from 'i18next';
import { i18n } from '../i18n/i18n.js';
import type { RegionOfInterest } from '../../../src/pose/frame.js';
import type { PersonBox } from '../../../src/pose/person-boxes.js';
import { direction, frameSpan, type Candidate, type Direction } from '../../../src/pose/walker-choice.js';

// Where the direction rule lives (the server's warnings name people by it too); e2e/gait-walker imports it from here.
export { direction, type Direction };

/** A track seen on a single sampled frame is usually a detector blip, not a person worth offering. */
export const MIN_LISTED_BOXES = 2;

/** The candidates worth offering: seen on at least two sampled frames, plus the chosen walker whatever happens. */
export function listedCandidates(candidates: Candidate[], chosen: number | null): Candidate[] {
  return candidates.filter((c) => c.id === chosen || c.boxes.length >= MIN_LISTED_BOXES);
}

/** The page shows a Direction (src/pose/walker-choice.ts) through gait:walker.direction.<DIRECTION_KEY>. */
const DIRECTION_KEY: Record<Direction, string> = {
  'walks left to right': 'leftToRight',
  'walks right to left': 'rightToLeft',
  'walks toward or away from the camera': 'towardOrAway',
  'stays in one place': 'inPlace',
};

/** "Person 2 — walks left to right, frames 30–210": the frames are those the pose pass would analyse (frameSpan). */
export function candidateLabel(c: Candidate, every: number, frameCount: number, t: TFunction = i18n.t): string {
  const span = frameSpan(c, every, { first: 0, last: frameCount - 1 });
  return t('gait:walker.label', {
    n: c.id + 1,
    direction: t(`gait:walker.direction.${DIRECTION_KEY[direction(c)]}`),
    first: span.first,
    last: span.last,
  });
}

/**
 * A box around one detection: MediaPipe's body circle (radius from the mid-hip) holds head to feet, so hip ± 1.1
 * radii high (as walker-choice.ts's roiFor) and ± 0.55 radii wide (a person is about half as wide as tall),
 * clamped to the picture.
 */
export function bodyBox(b: PersonBox, size: { width: number; height: number }): RegionOfInterest {
  const x0 = Math.max(0, b.hipX - 0.55 * b.radius);
  const x1 = Math.min(size.width, b.hipX + 0.55 * b.radius);
  const y0 = Math.max(0, b.hipY - 1.1 * b.radius);
  const y1 = Math.min(size.height, b.hipY + 1.1 * b.radius);
  return {
    x: Math.round(x0),
    y: Math.round(y0),
    width: Math.max(0, Math.round(x1 - x0)),
    height: Math.max(0, Math.round(y1 - y0)),
  };
}

/**
 * The sampled frame to show for `selected`: one of their own frames, where the most of the `others` are seen too
 * (so the picture offers as many people to tap as it can), the one nearest the middle of their frames on a tie.
 */
export function pictureFrame(selected: Candidate, others: Candidate[]): PersonBox {
  const idx = selected.boxes.map((b) => b.index);
  const middle = (Math.min(...idx) + Math.max(...idx)) / 2;
  let best = selected.boxes[0]!;
  let bestSeen = -1;
  let bestOff = Infinity;
  for (const b of selected.boxes) {
    const seen = others.filter((o) => o.id !== selected.id && o.boxes.some((x) => x.index === b.index)).length;
    const off = Math.abs(b.index - middle);
    if (seen > bestSeen || (seen === bestSeen && off < bestOff)) {
      best = b;
      bestSeen = seen;
      bestOff = off;
    }
  }
  return best;
}

/** Each candidate's box on sampled frame `index` (candidates not seen on it are left out). */
export function boxesAt(
  candidates: Candidate[],
  index: number,
  size: { width: number; height: number },
): Array<{ id: number; box: RegionOfInterest }> {
  return candidates.flatMap((c) => {
    const b = c.boxes.find((x) => x.index === index);
    return b ? [{ id: c.id, box: bodyBox(b, size) }] : [];
  });
}
