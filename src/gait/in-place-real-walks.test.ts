import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeGait, type GaitAnalysis } from './analyze-gait.js';
import { LANDMARK_INDEX, type KeypointSeries } from './keypoints.js';
import { recentreOnPelvis } from './recentre-in-place.js';
import { seededRandom } from './synthetic-walker.js';

// Issue 16: no real treadmill WALK is in the set, so the in-place path is shown on the real overground side walks
// made in place (recentre-in-place.ts: the pelvis's travel removed, the motion relative to it untouched). The hand
// references were made on the overground clips before any model ran on them; the contacts stay at their frames,
// so they score the in-place copies. Tolerances are those of the overground tests of the same fixtures
// (validation-clips.test.ts). Expected values come from the hand references, never from the program.
const fixture = <T>(p: string): T =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/${p}`, import.meta.url), 'utf8')) as T;

interface RefEvent {
  type: 'IC' | 'TO';
  nominated: number;
  pass: number | 'consensus';
  clarity: 'clear' | 'unclear';
  walk?: string;
}
interface Reference {
  fps: number;
  frameCount: number;
  feet: Record<string, { side?: 'left' | 'right'; events: RefEvent[] }>;
}
const contacts = (ref: Reference, pass: 1 | 'consensus', clear = false): number[] =>
  Object.values(ref.feet).flatMap((f) =>
    f.events
      .filter((e) => e.pass === pass && e.type === 'IC' && (!clear || e.clarity === 'clear'))
      .map((e) => e.nominated),
  );
const programContacts = (a: GaitAnalysis, fps: number): number[] =>
  [...a.events.left.heelStrike, ...a.events.right.heelStrike].map((t) => t * fps);

/** Cadence and median step time by hand from contact frames of both feet: steps over the time from first to last. */
function byHand(frames: number[], fps: number): { cadence: number; stepTime: number } {
  const s = [...frames].sort((x, y) => x - y);
  const steps = s
    .slice(1)
    .map((f, i) => (f - s[i]!) / fps)
    .sort((x, y) => x - y);
  const m = steps.length >> 1;
  return {
    cadence: (60 * (s.length - 1) * fps) / (s.at(-1)! - s[0]!),
    stepTime: steps.length % 2 ? steps[m]! : (steps[m - 1]! + steps[m]!) / 2,
  };
}

function assertInPlaceWalk(a: GaitAnalysis, direction: 'left-to-right' | 'right-to-left'): void {
  assert.equal(a.view.view, 'side');
  assert.equal(a.view.setting, 'in-place', `pelvis travel ${a.view.horizontalTravel.toFixed(2)} torso lengths`);
  assert.equal(a.view.direction, direction);
  assert.equal(a.mode, 'walk', 'a walk, not a run');
  assert.ok(
    !a.warnings.some((w) => w.code === 'events-inconsistent' || w.code === 'view-unclear'),
    JSON.stringify(a.warnings.map((w) => w.code)),
  );
}

/**
 * Every (clear) hand contact after `from` found within `tol` frames, and no program contact without a hand one
 * within `inventedTol` frames (3 frames: a hand contact marked unclear may be a few frames off; a step is 15-20).
 */
function assertContacts(
  found: number[],
  ref: Reference,
  o: { pass: 1 | 'consensus'; tol: number; clearOnly: boolean; from?: number; inventedTol?: number },
): void {
  const marked = contacts(ref, o.pass, o.clearOnly).filter((m) => m > (o.from ?? -Infinity));
  for (const m of marked)
    assert.ok(
      found.some((f) => Math.abs(f - m) <= o.tol),
      `contact at frame ${m} not found (found ${found.map((f) => f.toFixed(1)).join(' ')})`,
    );
  const all = contacts(ref, o.pass);
  const tol = o.inventedTol ?? 3;
  const invented = found.filter(
    (f) => f > Math.min(...all) - tol && f < Math.max(...all) + tol && !all.some((m) => Math.abs(f - m) <= tol),
  );
  assert.deepEqual(
    invented.map((f) => f.toFixed(1)),
    [],
    'contacts with no hand-marked one',
  );
}

// The shared Sports2D walk (30 fps, about 8 steps, she walks right to left with her left side to the camera): the
// keypoints of the footing analyze path, of the fixed region, and of the mirrored video (she then faces image right).
const SPORTS2D = [
  { kp: 'sports2d_demo_walk_side_pipeline', direction: 'right-to-left' },
  { kp: 'sports2d_demo_walk_side', direction: 'right-to-left' },
  { kp: 'sports2d_demo_walk_side_hflip', direction: 'left-to-right' },
] as const;

test("the re-centred copy: each point keeps its place relative to the pelvis, the travel is taken out, a step's surge stays (by hand)", () => {
  // One person, 2 s at 30 fps: the hips travel 60 px/s with a surge of 3 px at 1.8 Hz (a step's rhythm), the heel
  // 40 px ahead of them. Hand values: the line's middle is at t = (0 + 59/30)/2 = 0.98333 s, x = 200 + 60 × 0.98333 = 259.0.
  const frames = Array.from({ length: 60 }, (_, i) => {
    const t = i / 30;
    const hip = 200 + 60 * t + 3 * Math.sin(2 * Math.PI * 1.8 * t);
    const image = Array.from({ length: 33 }, () => ({ x: hip, y: 300, visibility: 0.9 }));
    image[LANDMARK_INDEX.left_shoulder] = { x: hip, y: 200, visibility: 0.9 };
    image[LANDMARK_INDEX.right_shoulder] = { x: hip, y: 200, visibility: 0.9 };
    image[LANDMARK_INDEX.left_heel] = { x: hip + 40, y: 420, visibility: 0.9 };
    return { index: i, time: t, people: [{ score: 0.9, image, world: null }] };
  });
  const series: KeypointSeries = { model: 'hand', width: 640, height: 480, fps: 30, frames };
  const r = recentreOnPelvis(series);
  r.series.frames.forEach((f, i) => {
    const p = f.people[0]!.image;
    const q = frames[i]!.people[0]!.image;
    assert.ok(
      Math.abs(p[LANDMARK_INDEX.left_heel]!.x - p[LANDMARK_INDEX.left_hip]!.x - 40) < 1e-9,
      'heel still 40 px ahead',
    );
    assert.ok(
      Math.abs(p[LANDMARK_INDEX.left_heel]!.y - q[LANDMARK_INDEX.left_heel]!.y) < 1e-9,
      'no vertical drift to take out',
    );
    const t = i / 30;
    // Inside the clip (1.5 sigma from its ends) only the surge remains; at the ends the local line bends a little.
    const expected = 259 + 3 * Math.sin(2 * Math.PI * 1.8 * t);
    const tol = t >= 0.75 && t <= 59 / 30 - 0.75 ? 0.05 : 3;
    assert.ok(
      Math.abs(p[LANDMARK_INDEX.left_hip]!.x - expected) <= tol,
      `frame ${i}: hip at ${p[LANDMARK_INDEX.left_hip]!.x.toFixed(2)}, by hand ${expected.toFixed(2)}`,
    );
  });
});

for (const { kp, direction } of SPORTS2D) {
  test(`real side walk made in place (${kp}): in place and walking, clear contacts within a frame of the hand reference, cadence within 2 steps/min`, () => {
    const ref = fixture<Reference>('gait-reference/sports2d_demo_walk_side.json');
    const series = recentreOnPelvis(fixture<KeypointSeries>(`keypoints/${kp}.json`)).series;
    const a = analyzeGait(series);
    assertInPlaceWalk(a, direction);
    assert.ok(a.view.horizontalTravel < 0.5, `pelvis travel ${a.view.horizontalTravel}`);
    // As the overground test of the pipeline fixture: pass 1 (the reference's sequential pass), clear contacts
    // within 1 frame, whichever label the model gave the foot (the mirrored video swaps them). The fixed-region
    // fixtures first see her at frame 42 or 43, after her contact at 40: only contacts after the track's start count.
    const from = a.tracks.find((t) => t.id === a.trackId)!.firstFrame;
    assertContacts(programContacts(a, ref.fps), ref, { pass: 1, tol: 1, clearOnly: true, from });
    // By hand: the pass-1 contacts 40 60 78 97 116 133 152 171 187 are 8 steps in 147 frames: 97.96 steps/min.
    const hand = byHand(contacts(ref, 1), ref.fps);
    assert.ok(Math.abs(hand.cadence - 97.96) < 0.01);
    const cadence = a.metrics.cadence as { status: string; value: number };
    assert.equal(cadence.status, 'ok');
    assert.ok(Math.abs(cadence.value - hand.cadence) <= 2, `cadence ${cadence.value} vs ${hand.cadence} by hand`);
    // No belt speed given: speed and step length are not measurable, and the reason asks for it.
    for (const m of [a.metrics.walkingSpeed, a.metrics.stepLength]) {
      assert.equal(m.status, 'not_measurable');
      assert.match((m as { reason: string }).reason, /belt speed/);
    }
  });
}

test("real side walk made in place, with a belt speed: speed is the belt's, a step is the belt's travel in one step time", () => {
  const ref = fixture<Reference>('gait-reference/sports2d_demo_walk_side.json');
  const a = analyzeGait(
    recentreOnPelvis(fixture<KeypointSeries>('keypoints/sports2d_demo_walk_side_pipeline.json')).series,
    { treadmillKmh: 4.2 },
  );
  assert.equal(a.view.setting, 'in-place');
  assert.ok(!a.warnings.some((w) => w.code === 'treadmill-speed-unused'));
  const speed = a.metrics.walkingSpeed as { status: string; value: number };
  assert.equal(speed.status, 'ok');
  assert.ok(Math.abs(speed.value - 4.2 / 3.6) < 1e-9, '4.2 km/h = 1.1667 m/s');
  // By hand: the pass-1 steps 20 18 19 19 17 19 19 16 frames have a median of 19 frames = 0.6333 s, so a step is
  // 1.1667 m/s × 0.6333 s = 0.739 m; one frame of step time either way is 1.1667 / 30 = 0.039 m.
  const hand = byHand(contacts(ref, 1), ref.fps);
  assert.ok(Math.abs(hand.stepTime - 19 / 30) < 1e-9);
  const step = a.metrics.stepLength as { status: string; value: number };
  assert.equal(step.status, 'ok');
  assert.ok(
    Math.abs(step.value - (4.2 / 3.6) * hand.stepTime) <= 4.2 / 3.6 / ref.fps + 1e-9,
    `step ${step.value} m vs ${(4.2 / 3.6) * hand.stepTime} by hand`,
  );
});

test('short real side walk made in place (2.3 s, 59.7 fps): in place and walking, every hand contact within 3 frames, none invented; no cadence from one stride per foot, with the reason', () => {
  const ref = fixture<Reference>('gait-reference/overground-walk-side-a.json');
  const a = analyzeGait(recentreOnPelvis(fixture<KeypointSeries>('keypoints/overground-walk-side-a.json')).series, {
    treadmillKmh: 4,
  });
  assertInPlaceWalk(a, 'right-to-left');
  // As the overground test: 3 frames = 50 ms (the reference's passes differ by up to 2 here); the last contact, in
  // the clip's last 3 frames, has no peak yet. The model labels the legs by position here, so both feet together.
  const inside: Reference = {
    ...ref,
    feet: Object.fromEntries(
      Object.entries(ref.feet).map(([k, f]) => [
        k,
        { ...f, events: f.events.filter((e) => e.nominated < ref.frameCount - 3) },
      ]),
    ),
  };
  assertContacts(programContacts(a, ref.fps), inside, { pass: 'consensus', tol: 3, clearOnly: false });
  // Three steps are one stride per foot: the cadence is refused and says why, in place as overground.
  assert.equal(a.metrics.cadence.status, 'not_measurable');
  assert.match((a.metrics.cadence as { reason: string }).reason, /2 complete strides/);
  assert.ok(a.warnings.some((w) => w.code === 'too-few-strides'));
  // The belt speed is still the speed; the step length needs step times the events could not give.
  assert.equal(a.metrics.walkingSpeed.status, 'ok');
  assert.equal(a.metrics.stepLength.status, 'not_measurable');
});

/**
 * The fixture's own frame-to-frame noise, per landmark and axis: the robust spread of the second difference over
 * consecutive frames of the walker (1.4826 × median |x[i-1] − 2x[i] + x[i+1]|), divided by √6, which is what white
 * noise of standard deviation σ gives. The real motion's own curvature adds to it, so this overstates the noise.
 */
function frameNoise(series: KeypointSeries): Array<{ x: number; y: number }> {
  const frames = series.frames.filter((f) => f.people.length > 0);
  const robust = (d: number[]): number => {
    const s = d.map(Math.abs).sort((p, q) => p - q);
    return (1.4826 * (s[s.length >> 1] ?? 0)) / Math.sqrt(6);
  };
  return Array.from({ length: 33 }, (_, k) => {
    const dx: number[] = [];
    const dy: number[] = [];
    for (let i = 1; i + 1 < frames.length; i++) {
      const [a, b, c] = [frames[i - 1]!, frames[i]!, frames[i + 1]!];
      if (b.index - a.index !== 1 || c.index - b.index !== 1) continue;
      const [p, q, r] = [a.people[0]!.image[k]!, b.people[0]!.image[k]!, c.people[0]!.image[k]!];
      dx.push(p.x - 2 * q.x + r.x);
      dy.push(p.y - 2 * q.y + r.y);
    }
    return { x: robust(dx), y: robust(dy) };
  });
}

test("real side walk made in place, with added jitter the size of the model's own: the same contacts", () => {
  const ref = fixture<Reference>('gait-reference/sports2d_demo_walk_side.json');
  const original = fixture<KeypointSeries>('keypoints/sports2d_demo_walk_side_pipeline.json');
  const noise = frameNoise(original);
  // What the estimate says of this fixture (walker about 130 px of torso): heels about 2 px across, under 2 px up.
  const heel = noise[LANDMARK_INDEX.left_heel]!;
  assert.ok(heel.x > 1 && heel.x < 4 && heel.y > 0.5 && heel.y < 3, JSON.stringify(heel));
  const clean = recentreOnPelvis(original).series;
  const base = analyzeGait(clean);
  for (const seed of [1, 2, 3]) {
    const rand = seededRandom(seed);
    const jittered: KeypointSeries = {
      ...clean,
      frames: clean.frames.map((f) => ({
        ...f,
        people: f.people.map((p) => ({
          ...p,
          image: p.image.map((q, k) => ({
            ...q,
            x: q.x + noise[k]!.x * rand.gauss(),
            y: q.y + noise[k]!.y * rand.gauss(),
          })),
        })),
      })),
    };
    const a = analyzeGait(jittered);
    assertInPlaceWalk(a, 'right-to-left');
    for (const side of ['left', 'right'] as const) {
      const was = base.events[side].heelStrike;
      const now = a.events[side].heelStrike;
      assert.equal(now.length, was.length, `seed ${seed}: ${side} contacts ${now.length} vs ${was.length}`);
      now.forEach((t, i) =>
        assert.ok(
          Math.abs(t - was[i]!) * ref.fps <= 1,
          `seed ${seed}: ${side} contact moved from frame ${(was[i]! * ref.fps).toFixed(1)} to ${(t * ref.fps).toFixed(1)}`,
        ),
      );
    }
    assertContacts(programContacts(a, ref.fps), ref, { pass: 1, tol: 1, clearOnly: true });
    const cadence = a.metrics.cadence as { status: string; value: number };
    assert.ok(
      cadence.status === 'ok' && Math.abs(cadence.value - byHand(contacts(ref, 1), ref.fps).cadence) <= 2,
      `seed ${seed}: cadence ${cadence.value}`,
    );
  }
});

test('slow walker (holdout, a final check only), made in place up to her stop: in place and walking, every contact reported in her forward walk a hand-marked one, none invented', () => {
  // Frames 0-152: her forward walk and stop, before she lifts her left foot (153) for a backward walk, which a
  // treadmill walker does not do (the reference, docs/gait-references/overground-walk-side-slow-a.md). As the
  // overground test: 3 frames = 100 ms, near = her left. Her cadence misses the 2 steps/min target in place as it
  // does overground (114.2 against the hand's 117.4, docs/gait-accuracy.md sections 4 and 5): the method was not
  // changed for it, so it is not asserted here.
  const ref = fixture<Reference>('gait-reference/overground-walk-side-slow-a.json');
  const original = fixture<KeypointSeries>('keypoints/overground-walk-side-slow-a.json');
  const a = analyzeGait(recentreOnPelvis({ ...original, frames: original.frames.filter((f) => f.index < 153) }).series);
  assertInPlaceWalk(a, 'right-to-left');
  const forwardEnd = 123;
  for (const side of ['left', 'right'] as const) {
    const marked = ref.feet[side]!.events.filter((e) => e.pass === 'consensus' && e.type === 'IC').map(
      (e) => e.nominated,
    );
    const found = a.events[side].heelStrike.map((t) => t * ref.fps).filter((f) => f <= forwardEnd);
    const invented = found.filter((f) => !marked.some((m) => Math.abs(f - m) <= 3));
    assert.deepEqual(
      invented.map((f) => f.toFixed(1)),
      [],
      `${side} contacts with no hand-marked ${side} contact near them`,
    );
    assert.ok(found.length >= 3, `${side}: ${found.length} contacts found in the forward part`);
  }
});

test('real side walk made in place, drifting back and forth on the belt (±0.4 torso lengths over 4 s) with the side view stated: still in place, the same contacts', () => {
  // A walker's place on the belt wanders as their pace wavers; ±0.4 torso lengths (about ±20 cm) is an assumed,
  // generous drift, not a measured one. It is slow against a step, so the motion relative to the pelvis, and the
  // contacts, stay; the pelvis's range (0.8 torso lengths) stays under the in-place bound of 1.5.
  const ref = fixture<Reference>('gait-reference/sports2d_demo_walk_side.json');
  const clean = recentreOnPelvis(fixture<KeypointSeries>('keypoints/sports2d_demo_walk_side_pipeline.json')).series;
  const torso = (p: KeypointSeries['frames'][number]['people'][number]): number => {
    const q = p.image;
    const i = LANDMARK_INDEX;
    return Math.hypot(
      (q[i.left_shoulder]!.x + q[i.right_shoulder]!.x - q[i.left_hip]!.x - q[i.right_hip]!.x) / 2,
      (q[i.left_shoulder]!.y + q[i.right_shoulder]!.y - q[i.left_hip]!.y - q[i.right_hip]!.y) / 2,
    );
  };
  const sizes = clean.frames.flatMap((f) => f.people.map(torso)).sort((x, y) => x - y);
  const size = sizes[sizes.length >> 1]!;
  const drifting: KeypointSeries = {
    ...clean,
    frames: clean.frames.map((f) => ({
      ...f,
      people: f.people.map((p) => ({
        ...p,
        image: p.image.map((q) => ({ ...q, x: q.x + 0.4 * size * Math.sin((2 * Math.PI * f.time) / 4) })),
      })),
    })),
  };
  const base = analyzeGait(clean);
  const a = analyzeGait(drifting, { view: 'side' });
  assertInPlaceWalk(a, 'right-to-left');
  for (const side of ['left', 'right'] as const) {
    assert.equal(a.events[side].heelStrike.length, base.events[side].heelStrike.length, side);
    a.events[side].heelStrike.forEach((t, i) =>
      assert.ok(
        Math.abs(t - base.events[side].heelStrike[i]!) * ref.fps <= 1,
        `${side} contact at ${(t * ref.fps).toFixed(1)}`,
      ),
    );
  }
  assertContacts(programContacts(a, ref.fps), ref, { pass: 1, tol: 1, clearOnly: true });
});

test('real side walk made in place and played faster (122 and 140 steps/min, where a run is possible too): still a walk, the pelvis vaults', () => {
  // Between 120 and 160 steps/min the cadence allows walking or running (event-consistency.ts), so the body's
  // mechanics decide (gait-mode.ts modeFromPelvis: the pelvis higher mid-step than at the step's contacts), else the
  // stance and flight timing. Playing the real walk faster changes its times, not the geometry of its vault.
  // Cadence by hand: 97.96 / 0.8 = 122.4, / 0.7 = 139.9.
  const ref = fixture<Reference>('gait-reference/sports2d_demo_walk_side.json');
  const clean = recentreOnPelvis(fixture<KeypointSeries>('keypoints/sports2d_demo_walk_side_pipeline.json')).series;
  const hand = byHand(contacts(ref, 1), ref.fps).cadence;
  for (const k of [0.8, 0.7]) {
    const a = analyzeGait({
      ...clean,
      fps: clean.fps / k,
      frames: clean.frames.map((f) => ({ ...f, time: f.time * k })),
    });
    assertInPlaceWalk(a, 'right-to-left');
    const cadence = a.metrics.cadence as { status: string; value: number };
    assert.equal(cadence.status, 'ok');
    assert.ok(
      Math.abs(cadence.value - hand / k) <= 2 / k,
      `played ${1 / k}x: cadence ${cadence.value} vs ${hand / k} by hand`,
    );
  }
});
