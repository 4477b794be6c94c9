import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { mergeFrameBoxes, type PersonBox } from './person-boxes.js';
import { LANDMARK_INDEX, type KeypointSeries } from '../gait/keypoints.js';
import { syntheticWalk } from '../gait/synthetic-walker.js';
import {
  ALTERNATING_RADII,
  alternationOf,
  chooseWalker,
  frameSpan,
  linkCandidates,
  MIN_TRAVEL_RADII,
  STEPPING_RADII,
  stepsOf,
} from './walker-choice.js';

const box = (index: number, hipX: number, hipY: number, radius: number, score = 0.9): PersonBox => ({
  index,
  time: index / 30,
  score,
  hipX,
  hipY,
  radius,
});
const W = 1768;
const H = 994;

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
  const glimpses = [0, 15, 30, 45, 60, 75, 90, 105].flatMap((i) =>
    i < 30 ? [box(i, 400, 600, 200)] : i > 80 ? [box(i, 1200, 600, 200)] : [],
  );
  const c = chooseWalker(glimpses, { width: W, height: H, sampleInterval: 0.5 });
  assert.equal(c.chosen, null);
  assert.equal(c.roi, null);
  assert.equal(c.candidates.length, 2);
});

test('Walking toward the camera (growing, hardly moving across) is travel: the region holds the largest body', () => {
  const toward = [0, 15, 30, 45, 60].map((i, k) => box(i, 880 + 5 * k, 500 + 20 * k, 100 * 1.3 ** k));
  const c = chooseWalker([...toward, ...[0, 15, 30, 45, 60].map((i) => box(i, 200, 500, 120))], {
    width: W,
    height: H,
    sampleInterval: 0.5,
  });
  assert.equal(c.candidates[0]!.boxes[0]!.hipX, 880);
  // By hand: last box hipY 580, radius 100 × 1.3^4 = 285.61; bottom 580 + 1.1 × 285.61 = 894.2 → 895 rows end.
  const roi = c.roi!;
  assert.ok(roi.y + roi.height >= 894, `region ends at ${roi.y + roi.height}`);
});

test('Linking never loses or duplicates a box, and a missed sample does not split a walker', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 3 }), (skips) => {
      const walk = scene().filter((b) => b.hipY === 740 && !skips.includes((b.index - 40) / 15));
      const all = [...walk, ...scene().filter((b) => b.hipY === 280)];
      const cands = linkCandidates(all, 0.5);
      assert.equal(
        cands.reduce((n, c) => n + c.boxes.length, 0),
        all.length,
      );
      assert.equal(cands.filter((c) => c.boxes.some((b) => b.hipY === 740)).length, 1);
    }),
  );
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
  const alongside = (pxPerFrame: number) =>
    [40, 55, 70, 85, 100, 115, 130, 145, 160, 175, 190].map((i) => box(i, 1500 - (i - 40) * pxPerFrame, 300, 240));
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

// Issue 16 item 5: someone stepping in place (treadmill) for the whole clip, and another person who crosses the
// picture or stands beside. Samples every 15 frames at 30 fps (0.5 s) over 8 s: frames 0, 15, ..., 240 (17).
const SAMPLES = Array.from({ length: 17 }, (_, k) => 15 * k);
const withAnkles = (b: PersonBox, left: { x: number; y: number }, right: { x: number; y: number }): PersonBox => ({
  ...b,
  ankles: [left, right],
});
/** A stride of 1 s seen every half stride: the left ankle 80 px ahead of the hips, then 80 px behind (right opposite). */
function treadmillWalker(radius = 200): PersonBox[] {
  return SAMPLES.map((i, k) =>
    withAnkles(box(i, 900, 600, radius), { x: k % 2 ? -80 : 80, y: 190 }, { x: k % 2 ? 80 : -80, y: 190 }),
  );
}

test('A treadmill walker stepping for the whole clip is chosen over someone crossing the picture for 2 s', () => {
  // The passer-by walks in front (radius 220) at 11 px/frame, frames 90-150 (2 s): 1700 -> 1040 px, 660 / 220 =
  // 3 radii (1.5 radii/s, a walking pace for a body radius of about 0.9 m), his ankles 88 px either side.
  const passer = [90, 105, 120, 135, 150].map((i, k) =>
    withAnkles(
      box(i, 1700 - 11 * (i - 90), 650, 220),
      { x: k % 2 ? -88 : 88, y: 200 },
      { x: k % 2 ? 88 : -88, y: 200 },
    ),
  );
  const c = chooseWalker([...treadmillWalker(), ...passer], { width: W, height: H, sampleInterval: 0.5 });
  assert.equal(c.candidates.length, 2);
  const walker = c.candidates[c.chosen!]!;
  assert.equal(walker.boxes[0]!.hipX, 900, 'the treadmill walker is followed');
  // By hand: ankle x spans -80..80 = 160 px (y does not move) = 0.8 radii; 8 s of track = 8 strides: 6.4.
  assert.ok(Math.abs(walker.steps! - 0.8) < 1e-9, `steps ${walker.steps}`);
  assert.ok(Math.abs(walker.walked - 6.4) < 1e-9, `walked ${walker.walked}`);
  // The passer-by: 3 radii of travel + 176 / 220 = 0.8 radii of steps x 2 strides = 4.6.
  const other = c.candidates.find((x) => x !== walker)!;
  assert.ok(Math.abs(other.walked - 4.6) < 1e-9, `walked ${other.walked}`);
  // Seen on 5 of the walker's 17 samples, under half: not a rival, as the gait analysis's own two-walkers rule.
  assert.equal(c.rival, null);
  // The region is the in-place one around the treadmill walker (900 ± 1.5 × 200), not the passer's crossing.
  assert.deepEqual(c.roi, { x: 600, y: 380, width: 600, height: 540 });
});

test('A clinician standing beside the treadmill, larger and in view as long, is not chosen: he has no steps', () => {
  // Hips at 1400 px, radius 240: his ankles stay 60 px either side of the hips, 230 px below, ± 5 px of detector
  // jitter: x and y each span 10 px, (10 + 10) / 240 = 0.083 radii, under STEPPING_RADII (0.3).
  const clinician = SAMPLES.map((i, k) =>
    withAnkles(box(i, 1400, 620, 240), { x: 60 + (k % 2 ? 5 : -5), y: 230 + (k % 3 ? 5 : -5) }, { x: -60, y: 230 }),
  );
  const c = chooseWalker([...clinician, ...treadmillWalker()], { width: W, height: H, sampleInterval: 0.5 });
  const walker = c.candidates[c.chosen!]!;
  assert.equal(walker.boxes[0]!.hipX, 900);
  const standing = c.candidates.find((x) => x !== walker)!;
  // Left ankle: (10 + 10) / 240; right: 0. Median of the two: 10 / 240.
  assert.ok(Math.abs(standing.steps! - 10 / 240) < 1e-9, `steps ${standing.steps}`);
  assert.equal(standing.walked, 0);
  assert.equal(c.rival, null);
  // Without the feet (a tracker that cannot look) the scan can only fall back on the longest and largest person.
  const blind = chooseWalker(
    [...clinician, ...treadmillWalker()].map(({ ankles: _ankles, ...b }) => b),
    { width: W, height: H, sampleInterval: 0.5 },
  );
  assert.equal(blind.candidates[blind.chosen!]!.boxes[0]!.hipX, 1400);
});

test('Two people stepping in place for the whole clip: the other is named as a rival', () => {
  // A second treadmill at 1500 px, the same steps: walked 6.4 each, at least 0.7 of the walker's, all 17 samples.
  const second = treadmillWalker().map((b) => ({ ...b, hipX: 1500 }));
  const c = chooseWalker([...treadmillWalker(), ...second], { width: W, height: H, sampleInterval: 0.5 });
  assert.notEqual(c.chosen, null);
  assert.notEqual(c.rival, null);
  assert.notEqual(c.candidates[c.rival!]!.boxes[0]!.hipX, c.candidates[c.chosen!]!.boxes[0]!.hipX);
});

// Issue 16: a walker in place filmed from the front or back (treadmill toward or away from the camera). Each ankle
// moves mostly in depth, so its motion relative to the hips in the picture is small (under STEPPING_RADII); the two
// ankles' heights alternating against each other (alternationOf) is what tells the walker from someone standing.
test('A walker in place seen from the front, whose ankles move little in the picture, is chosen over a passer-by seen for 1 s', () => {
  // Radius 200. The ankles stay 30 px either side of the hips across the picture (the step width); in height the
  // foot ahead stands higher: the left ankle at 190 - 20 px and the right at 190 + 20 px, then the other way, each
  // half stride. Each ankle spans 40 px in y and none in x: 40 / 200 = 0.2 radii, under STEPPING_RADII (0.3).
  const front = SAMPLES.map((i, k) =>
    withAnkles(box(i, 900, 600, 200), { x: 30, y: 190 + (k % 2 ? 20 : -20) }, { x: -30, y: 190 + (k % 2 ? -20 : 20) }),
  );
  // The passer: 3 samples (1 s) crossing 330 px at radius 220 (1.5 radii), ankles 88 px either side (0.8 radii).
  const passer = [90, 105, 120].map((i, k) =>
    withAnkles(
      box(i, 1700 - 11 * (i - 90), 650, 220),
      { x: k % 2 ? -88 : 88, y: 200 },
      { x: k % 2 ? 88 : -88, y: 200 },
    ),
  );
  const c = chooseWalker([...front, ...passer], { width: W, height: H, sampleInterval: 0.5 });
  const walker = c.candidates[c.chosen!]!;
  assert.equal(walker.boxes[0]!.hipX, 900, 'the walker in place is followed');
  assert.ok(Math.abs(walker.steps! - 0.2) < 1e-9, `steps ${walker.steps}`);
  // By hand: left y - right y is -40 or +40 px: a range of 80 / 200 = 0.4 radii, over ALTERNATING_RADII (0.1).
  assert.ok(Math.abs(walker.alternation! - 0.4) < 1e-9, `alternation ${walker.alternation}`);
  // Credited ALTERNATING_STEP_RADII (0.55) per stride over 8 s of track: 4.4. The passer: 1.5 radii of travel, and
  // his ankle x at 88, -88, 88 px has a 5-95 % range of 88 - (-88 + 0.1 x 176) = 158.4 px = 0.72 radii, x 1 stride.
  assert.ok(Math.abs(walker.walked - 4.4) < 1e-9, `walked ${walker.walked}`);
  const other = c.candidates.find((x) => x !== walker)!;
  assert.ok(Math.abs(other.walked - 2.22) < 1e-9, `passer walked ${other.walked}`);
  assert.ok(
    walker.steps! < STEPPING_RADII,
    'by its steps alone (the rule before) the walker stood still, and the passer was taken',
  );
});

/** Scan-like boxes of person `who` in a synthetic series, every `every` frames (the scan's two samples a second). */
function syntheticBoxes(series: KeypointSeries, who: number, every = 15): PersonBox[] {
  return series.frames
    .filter((_, i) => i % every === 0)
    .flatMap((f) => {
      const p = f.people[who];
      if (!p) return [];
      const at = (n: keyof typeof LANDMARK_INDEX) => p.image[LANDMARK_INDEX[n]]!;
      const hipX = (at('left_hip').x + at('right_hip').x) / 2;
      const hipY = (at('left_hip').y + at('right_hip').y) / 2;
      const ankle = (n: 'left_ankle' | 'right_ankle') => ({ x: at(n).x - hipX, y: at(n).y - hipY });
      // The detector's radius reaches just above the head (person-boxes.ts): 1.25 x hips to nose here.
      return [
        {
          index: f.index,
          time: f.time,
          score: 0.9,
          hipX,
          hipY,
          radius: 1.25 * (hipY - at('nose').y),
          ankles: [ankle('left_ankle'), ankle('right_ankle')] as PersonBox['ankles'],
        },
      ];
    });
}

test('Synthetic treadmill walkers seen from the front and from the back are told from a person standing beside', () => {
  // A slow walker (90 steps/min, 0.5 m steps), camera 5 m away at 1 m, 1 px of noise: the case where each ankle
  // moves least in the picture. The standing person (the walker's synthetic distractor) is as large.
  for (const view of ['front', 'back'] as const) {
    const { series } = syntheticWalk({
      view,
      treadmill: true,
      cadence: 90,
      stepLength: 0.5,
      cameraDistance: 5,
      cameraHeight: 1,
      noisePx: 1,
      distractorAt: 0.15,
      seed: 3,
    });
    const boxes = [...syntheticBoxes(series, 0), ...syntheticBoxes(series, 1)];
    const c = chooseWalker(boxes, { width: series.width, height: series.height, sampleInterval: 0.5 });
    const walker = c.candidates[c.chosen!]!;
    assert.ok(
      Math.abs(walker.boxes[0]!.hipX - series.width / 2) < 20,
      `${view}: the walker (centre) is followed, not the person at ${walker.boxes[0]!.hipX}`,
    );
    assert.ok(
      walker.steps! < STEPPING_RADII,
      `${view}: each ankle moves ${walker.steps} radii, too little for the steps rule alone`,
    );
    assert.ok(walker.alternation! >= ALTERNATING_RADII, `${view}: alternation ${walker.alternation}`);
    const standing = c.candidates.find((x) => x !== walker)!;
    assert.ok(
      standing.alternation! < ALTERNATING_RADII / 2,
      `${view}: the standing person's alternation ${standing.alternation}`,
    );
    // No steps credited: what they walked is their sway's travel alone, under MIN_TRAVEL_RADII.
    assert.equal(standing.walked, Math.max(standing.travel, standing.depthTravel));
    assert.ok(standing.walked < MIN_TRAVEL_RADII);
    assert.equal(c.rival, null);
  }
});

test('On the real back-view dev walk, her ankles alternate while she walks and not while she stands; each ankle alone says the opposite', () => {
  // overground-walk-back-a (dev), the pose pass's keypoints: a follow camera keeps her in place in the picture, as a
  // treadmill filmed from behind would; by the hand reference she walks away in frames 0-55 (1.5 strides) and
  // stands from about 55 to the end. Boxes as the scan makes them, at its two samples a second (every 15th frame);
  // the body radius from the torso (a torso is about 0.55 radii, walker-choice.ts STEPPING_RADII).
  const series = JSON.parse(
    readFileSync(new URL('../../test/fixtures/keypoints/overground-walk-back-a.json', import.meta.url), 'utf8'),
  ) as KeypointSeries;
  const boxes = series.frames
    .filter((_, i) => i % 15 === 0)
    .flatMap((f) => {
      const p = f.people[0];
      if (!p) return [];
      const at = (n: keyof typeof LANDMARK_INDEX) => p.image[LANDMARK_INDEX[n]]!;
      const hipX = (at('left_hip').x + at('right_hip').x) / 2;
      const hipY = (at('left_hip').y + at('right_hip').y) / 2;
      const torso = Math.hypot(
        (at('left_shoulder').x + at('right_shoulder').x) / 2 - hipX,
        (at('left_shoulder').y + at('right_shoulder').y) / 2 - hipY,
      );
      // Ankles under visibility 0.3 are not kept, as the scan does (person-boxes.ts lookAtAnkles).
      const ankle = (n: 'left_ankle' | 'right_ankle') =>
        at(n).visibility >= 0.3 ? { x: at(n).x - hipX, y: at(n).y - hipY } : null;
      return [
        {
          index: f.index,
          time: f.time,
          score: 0.9,
          hipX,
          hipY,
          radius: torso / 0.55,
          ankles: [ankle('left_ankle'), ankle('right_ankle')] as PersonBox['ankles'],
        },
      ];
    });
  const radius = [...boxes.map((b) => b.radius)].sort((a, b) => a - b)[boxes.length >> 1]!;
  const walking = boxes.filter((b) => b.index <= 55);
  const standing = boxes.filter((b) => b.index >= 60);
  assert.ok(
    alternationOf(walking, radius)! >= ALTERNATING_RADII,
    `alternation while walking ${alternationOf(walking, radius)}`,
  );
  assert.ok(
    alternationOf(standing, radius)! < ALTERNATING_RADII,
    `alternation while standing ${alternationOf(standing, radius)}`,
  );
  // The steps rule on each ankle alone: under its bound while she walks, and larger while she stands (the camera
  // tilts and she sways, which moves both feet against the hips alike), so it cannot tell the two apart here.
  assert.ok(stepsOf(walking, radius)! < STEPPING_RADII);
  assert.ok(
    stepsOf(standing, radius)! > stepsOf(walking, radius)!,
    `steps ${stepsOf(standing, radius)} standing, ${stepsOf(walking, radius)} walking`,
  );
});
