import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PersonBox } from './person-boxes.js';
import { chooseWalker, frameSpan, linkCandidates, mergeFrameBoxes } from './walker-choice.js';

const box = (index: number, hipX: number, hipY: number, radius: number, score = 0.9): PersonBox => ({ index, time: index / 30, score, hipX, hipY, radius });
const W = 1768; const H = 994;

// A scene like the shared clip: a walker crossing right to left at 10 px/frame, a bystander standing on a box.
function scene(): PersonBox[] {
  const out: PersonBox[] = [];
  for (let i = 40; i <= 190; i += 15) {
    out.push(box(i, 1550 - (i - 40) * 10, 740, 240));
    out.push(box(i, 630, 280, 240, 0.95));
  }
  return out;
}

test('Given a walker and a bystander, the walker is chosen and the region holds her but not the bystander', () => {
  const c = chooseWalker(scene(), { width: W, height: H, sampleInterval: 0.5 });
  assert.equal(c.candidates.length, 2);
  assert.equal(c.chosen, 0);
  const walker = c.candidates[0]!;
  assert.equal(walker.boxes.length, 11);
  assert.equal(walker.travelPx, 1500); // 1550 - 50, by hand
  assert.ok(c.roi);
  // By hand: rows 740 ± 1.1 * 240 = 476..1004 (clamped to 994); columns 50 - 240 .. 1550 + 240 (clamped).
  assert.deepEqual(c.roi, { x: 0, y: 476, width: W, height: H - 476 });
  // The bystander's hips (y 280) lie above the band, so the pose pass is not handed his body.
  assert.ok(c.roi!.y > 280);
});

test('Duplicates of one person from overlapping tiles are merged, keeping the best score', () => {
  const merged = mergeFrameBoxes([box(0, 900, 700, 240, 0.7), box(0, 930, 710, 230, 0.9), box(0, 300, 700, 240, 0.8)]);
  assert.equal(merged.length, 2);
  assert.ok(merged.some((b) => b.hipX === 930 && b.score === 0.9));
  assert.ok(!merged.some((b) => b.hipX === 900));
});

test('Nobody moving across (a treadmill): the person in view the longest and largest is followed, with room for the feet', () => {
  // A runner on a treadmill seen on every sample, a smaller clinician beside it seen on the first two only.
  const still = [0, 15, 30, 45].flatMap((i) => [box(i, 900, 600, 200), ...(i < 30 ? [box(i, 1500, 620, 150)] : [])]);
  const c = chooseWalker(still, { width: W, height: H, sampleInterval: 0.5 });
  assert.equal(c.chosen, 0);
  assert.equal(c.candidates[0]!.boxes[0]!.hipX, 900);
  // By hand: columns 900 ± 1.5 × 200 = 600..1200; rows 600 − 1.1 × 200 = 380 to 600 + 1.6 × 200 = 920.
  assert.deepEqual(c.roi, { x: 600, y: 380, width: 600, height: 540 });
});

test('Nobody present for long enough: no walker and no region, but the people are still listed', () => {
  const glimpses = [0, 15, 30, 45, 60, 75, 90, 105].flatMap((i) => (i < 30 ? [box(i, 400, 600, 200)] : i > 80 ? [box(i, 1200, 600, 200)] : []));
  const c = chooseWalker(glimpses, { width: W, height: H, sampleInterval: 0.5 });
  assert.equal(c.chosen, null);
  assert.equal(c.roi, null);
  assert.equal(c.candidates.length, 2);
});

test('Walking toward the camera (growing, hardly moving across) is travel: the region holds the largest body', () => {
  const toward = [0, 15, 30, 45, 60].map((i, k) => box(i, 880 + 5 * k, 500 + 20 * k, 100 * 1.3 ** k));
  const c = chooseWalker([...toward, ...[0, 15, 30, 45, 60].map((i) => box(i, 200, 500, 120))], { width: W, height: H, sampleInterval: 0.5 });
  assert.equal(c.candidates[0]!.boxes[0]!.hipX, 880);
  // By hand: last box hipY 580, radius 100 × 1.3^4 = 285.61; bottom 580 + 1.1 × 285.61 = 894.2 → 895 rows end.
  const roi = c.roi!;
  assert.ok(roi.y + roi.height >= 894, `region ends at ${roi.y + roi.height}`);
});

test('Linking never loses or duplicates a box, and a missed sample does not split a walker', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 3 }), (skips) => {
    const walk = scene().filter((b) => b.hipY === 740 && !skips.includes((b.index - 40) / 15));
    const all = [...walk, ...scene().filter((b) => b.hipY === 280)];
    const cands = linkCandidates(all, 0.5);
    assert.equal(cands.reduce((n, c) => n + c.boxes.length, 0), all.length);
    assert.equal(cands.filter((c) => c.boxes.some((b) => b.hipY === 740)).length, 1);
  }));
});

test('The frame span runs from one sample before the first box to one after the last, inside the scanned range', () => {
  const c = chooseWalker(scene(), { width: W, height: H, sampleInterval: 0.5 }).candidates[0]!;
  // Boxes at frames 40..190 every 15 (scene above): 40 - 15 = 25 and 190 + 15 = 205.
  assert.deepEqual(frameSpan(c, 15, { first: 0, last: 229 }), { first: 25, last: 205 });
  assert.deepEqual(frameSpan(c, 15, { first: 30, last: 200 }), { first: 30, last: 200 });
});

test('A second person walking nearly as far is named as a rival; one walking clearly less, or standing, is not', () => {
  // Walker A as in scene(): 1550 → 50 px at radius 240, 6.25 radii. B walks the same way higher in the picture.
  const a = [40, 55, 70, 85, 100, 115, 130, 145, 160, 175, 190].map((i) => box(i, 1550 - (i - 40) * 10, 740, 240));
  const alongside = (pxPerFrame: number) => [40, 55, 70, 85, 100, 115, 130, 145, 160, 175, 190].map((i) => box(i, 1500 - (i - 40) * pxPerFrame, 300, 240));
  const o = { width: W, height: H, sampleInterval: 0.5 };
  // B at 8.5 px/frame: 1275 px = 5.31 radii, at least 0.7 × 6.25 = 4.375 radii, on all 11 samples.
  const close = chooseWalker([...a, ...alongside(8.5)], o);
  assert.equal(close.candidates[close.chosen!]!.travelPx, 1500);
  assert.equal(close.rival, 1);
  assert.equal(close.candidates[1]!.travelPx, 1275);
  // B at 6 px/frame: 900 px = 3.75 radii, under 4.375: A is clearly the walker.
  assert.equal(chooseWalker([...a, ...alongside(6)], o).rival, null);
  // The bystander of scene() stands still.
  assert.equal(chooseWalker(scene(), o).rival, null);
});
