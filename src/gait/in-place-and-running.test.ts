import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeGait } from './analyze-gait.js';
import { checkEventConsistency, modeFromCadence, PLAUSIBLE_CADENCE } from './event-consistency.js';
import { modeFromPelvis } from './gait-mode.js';
import type { GaitEvents } from './gait-events.js';
import { LANDMARKS, type KeypointSeries, type LandmarkName } from './keypoints.js';
import { bilateral, type Metric } from './metric.js';
import { syntheticWalk } from './synthetic-walker.js';
import { temporalParameters } from './temporal-parameters.js';

// Expected values come from the synthetic walker's prescribed schedule (cadence, stance %, step length) or from
// arithmetic by hand, never from the analysis output.
const TOL = 0.05;
const value = (m: Metric): number => {
  assert.equal(m.status, 'ok', m.status === 'not_measurable' ? m.reason : '');
  return (m as { value: number }).value;
};

function assertEventsNear(found: GaitEvents, truth: GaitEvents, tol = TOL): void {
  for (const side of ['left', 'right'] as const) {
    for (const t of found[side].heelStrike)
      assert.ok(
        truth[side].heelStrike.some((u) => Math.abs(u - t) <= tol),
        `${side} contact at ${t.toFixed(3)} matches no true contact`,
      );
  }
}

test('treadmill, side view (both directions): recognised as in place, events relative to the pelvis, belt speed gives speed and step length', () => {
  for (const view of ['side-left', 'side-right'] as const) {
    const cadence = 110;
    const { series, truth } = syntheticWalk({
      view,
      treadmill: true,
      cadence,
      stancePercent: 61,
      stepLength: 0.65,
      duration: 10,
      seed: 3,
    });
    const a = analyzeGait(series, { treadmillKmh: 4.2 });
    assert.equal(a.view.view, 'side');
    assert.equal(a.view.setting, 'in-place');
    assert.ok(a.view.horizontalTravel < 0.1, 'the pelvis stays put');
    assert.equal(a.mode, 'walk');
    assertEventsNear(a.events, truth.events);
    assert.ok(a.events.left.heelStrike.length >= 8);
    assert.ok(Math.abs(value(a.metrics.cadence) - cadence) < 2);
    // 4.2 km/h = 1.1667 m/s; a step lasts 60/110 s, so a step is 1.1667 × 0.5455 = 0.636 m (by hand).
    assert.ok(Math.abs(value(a.metrics.walkingSpeed) - 4.2 / 3.6) < 1e-9);
    assert.ok(Math.abs(value(a.metrics.stepLength) - 0.636) < 0.02, `step ${value(a.metrics.stepLength)}`);
    assert.equal(a.warnings.length, 0, JSON.stringify(a.warnings));
  }
});

test('treadmill without a belt speed: speed and step length are not measurable and the reason asks for it', () => {
  const { series } = syntheticWalk({ view: 'side-right', treadmill: true, duration: 8 });
  const a = analyzeGait(series, { scale: { kind: 'height', heightCm: 175 } });
  assert.equal(a.metrics.cadence.status, 'ok');
  assert.equal(a.metrics.walkingSpeed.status, 'not_measurable');
  assert.match((a.metrics.walkingSpeed as { reason: string }).reason, /belt speed/);
});

test('treadmill with "--view side" stated: the stated view is used and steps are timed', () => {
  const { series, truth } = syntheticWalk({ view: 'side-left', treadmill: true, duration: 8, seed: 9 });
  const a = analyzeGait(series, { view: 'side' });
  assert.equal(a.view.view, 'side');
  assert.equal(a.view.direction, 'right-to-left'); // the synthetic walker faces image left from this camera
  assertEventsNear(a.events, truth.events);
  assert.equal(a.metrics.cadence.status, 'ok');
});

test('treadmill, front and back views with depth: recognised, timed, frontal metrics measured, sagittal refused', () => {
  for (const view of ['front', 'back'] as const) {
    const { series, truth } = syntheticWalk({
      view,
      treadmill: true,
      includeWorld: true,
      duration: 8,
      cameraDistance: 3,
      pelvicDropDeg: 6,
      seed: 4,
    });
    const a = analyzeGait(series, { scale: { kind: 'height', heightCm: 175 } });
    assert.equal(a.view.view, view);
    assert.equal(a.view.setting, 'in-place');
    assert.equal(a.view.direction, view === 'front' ? 'toward' : 'away');
    assertEventsNear(a.events, truth.events);
    assert.ok(Math.abs(value(a.metrics.cadence) - 105) < 2);
    assert.ok(Math.abs(value(a.metrics.pelvicDrop) - 6) < 2.5, `drop ${value(a.metrics.pelvicDrop)}`);
    // The synthetic hips are 2 × 0.095 m apart and the feet stay under them: step width ≈ 0.19 m.
    assert.ok(Math.abs(value(a.metrics.stepWidth) - 0.19) < 0.04, `width ${value(a.metrics.stepWidth)}`);
    assert.equal(a.metrics.kneeFrontalProjection.status, 'ok');
    assert.ok(Math.abs(value(a.metrics.kneeFrontalProjection)) < 5, 'straight synthetic legs project near 0°');
    assert.equal(a.metrics.kneeFlexionInitialContact.status, 'not_measurable');
  }
});

test('someone standing in place is not walking: no view, no steps', () => {
  const { series } = syntheticWalk({ view: 'side-left', treadmill: true, duration: 6 });
  // Freeze every landmark at its first-frame position plus the generator's noise-free pose: a person standing.
  const first = series.frames[0]!.people[0]!;
  const standing: KeypointSeries = {
    ...series,
    frames: series.frames.map((f, i) => ({
      ...f,
      people: [{ ...first, image: first.image.map((p) => ({ ...p, x: p.x + Math.sin(i / 7), y: p.y })) }],
    })),
  };
  const a = analyzeGait(standing);
  assert.equal(a.metrics.cadence.status, 'not_measurable');
  assert.ok(a.warnings.some((w) => w.code === 'view-unclear'));
});

test('running on a treadmill: mode run, flight time, no double support, and no walking norm on any metric', () => {
  const cadence = 170;
  const stancePercent = 36;
  const { series, truth } = syntheticWalk({
    view: 'side-right',
    treadmill: true,
    cadence,
    stancePercent,
    stepLength: 1.1,
    duration: 8,
    seed: 2,
  });
  const a = analyzeGait(series, { treadmillKmh: 11 });
  assert.equal(a.mode, 'run');
  assertEventsNear(a.events, truth.events);
  assert.ok(Math.abs(value(a.metrics.cadence) - cadence) < 3);
  assert.equal(a.metrics.doubleSupportPercent.status, 'not_measurable');
  assert.ok(value(a.metrics.flightTime) > 0);
  assert.ok(value(a.metrics.contactTime) < 60 / cadence, 'contact shorter than a step');
  for (const [name, m] of Object.entries(a.metrics))
    assert.ok(m.status !== 'ok' || m.reference === undefined, `${name} carries a walking norm on a run`);
});

test('walking: flight time refused, walking norms attached (DOMAIN.md §2c)', () => {
  const { series } = syntheticWalk({ view: 'side-left', duration: 10, seed: 8 });
  const a = analyzeGait(series);
  assert.equal(a.mode, 'walk');
  assert.equal(a.metrics.flightTime.status, 'not_measurable');
  assert.equal((a.metrics.cadence as { reference?: { min: number } }).reference?.min, 100);
});

/**
 * Puts the right leg onto the left one (3 px apart) in the frames for which `collapse(i)` is true: what a pose
 * model does when it loses the far leg and places both on the near one. (Plain left/right label swaps are
 * repaired by trajectory cleaning and need no check here.)
 */
function collapseLegs(series: KeypointSeries, collapse: (i: number) => boolean): KeypointSeries {
  const legs = new Set(['hip', 'knee', 'ankle', 'heel', 'foot_index']);
  const leftOf = (name: LandmarkName): number => LANDMARKS.indexOf(name.replace('right_', 'left_') as LandmarkName);
  return {
    ...series,
    frames: series.frames.map((f, i) =>
      !collapse(i)
        ? f
        : {
            ...f,
            people: f.people.map((p) => ({
              ...p,
              image: LANDMARKS.map((n, k) =>
                n.startsWith('right_') && legs.has(n.slice(6))
                  ? { ...p.image[leftOf(n)]!, x: p.image[leftOf(n)]!.x + 3 }
                  : p.image[k]!,
              ),
            })),
          },
    ),
  };
}

test('the far leg collapsed onto the near one in parts of the clip: no timing is shown, with a warning that says why', () => {
  const { series } = syntheticWalk({ view: 'side-left', duration: 10, seed: 12 });
  for (const period of [5, 17, 25]) {
    const a = analyzeGait(collapseLegs(series, (i) => Math.floor(i / period) % 2 === 1));
    assert.equal(a.metrics.cadence.status, 'not_measurable', `period ${period}`);
    assert.equal(a.metrics.kneeFlexionInitialContact.status, 'not_measurable');
    const w = a.warnings.find((x) => x.code === 'events-inconsistent');
    assert.ok(w, JSON.stringify(a.warnings.map((x) => x.code)));
    assert.match(w.message, /not consistent/);
  }
});

test('consistency rules on hand-made events', () => {
  const tp = (e: GaitEvents) => temporalParameters(e);
  // A good walk: contacts every 0.55 s alternating, toe offs 0.68 s after each contact.
  const hs = (start: number) => [0, 1, 2, 3].map((k) => start + 1.1 * k);
  const good: GaitEvents = {
    left: { heelStrike: hs(0), toeOff: hs(0.68) },
    right: { heelStrike: hs(0.55), toeOff: hs(1.23) },
  };
  assert.deepEqual(checkEventConsistency(good, tp(good), 'walk'), { ok: true, problems: [] });
  // The short real clip of the issue: three contacts 0.174 s apart (345 steps/min) cannot be walking.
  const fast: GaitEvents = {
    left: { heelStrike: [0.2, 0.548], toeOff: [0.4] },
    right: { heelStrike: [0.374, 0.722], toeOff: [0.6] },
  };
  const r = checkEventConsistency(fast, tp(fast), 'walk');
  assert.equal(r.ok, false);
  assert.ok(
    r.problems.some((p) =>
      p.includes(`outside what is possible for walking (${PLAUSIBLE_CADENCE.walk.min}-${PLAUSIBLE_CADENCE.walk.max})`),
    ),
    r.problems.join('|'),
  );
  // One foot landing twice with no toe off between, three times over.
  const twice: GaitEvents = {
    left: { heelStrike: [0, 0.3, 1.1, 1.4, 2.2, 2.5], toeOff: [0.7, 1.8] },
    right: good.right,
  };
  assert.ok(checkEventConsistency(twice, tp(twice), 'walk').problems.some((p) => p.includes('lands twice')));
});

test('left and right that disagree in sign or beyond plausibility are not averaged into one number', () => {
  const agreement = { maxApart: 20, noise: 3 };
  const opposite = bilateral([23.9, 24.1], [-15.4, -15.2], 'deg', 0.8, agreement);
  assert.equal(opposite.status, 'not_measurable');
  assert.equal(opposite.left, 24);
  assert.equal(opposite.right, -15.3);
  assert.match((opposite as { reason: string }).reason, /opposite directions/);
  const apart = bilateral([40], [10], 'deg', 0.8, agreement);
  assert.equal(apart.status, 'not_measurable');
  const near = bilateral([5, 7], [6, 8], 'deg', 0.8, agreement);
  assert.equal(value(near), 6.5); // median of 5, 6, 7, 8
  const aroundZero = bilateral([1], [-2], 'deg', 0.8, agreement); // both within noise: not a disagreement
  assert.equal(aroundZero.status, 'ok');
});

test('a camera that follows the walker (the scan saw the background move): not a treadmill, no speed, steps still timed', () => {
  // Keypoints of a walker kept in place in the picture are the same whether a belt or a following camera did it.
  const { series, truth } = syntheticWalk({ view: 'side-left', treadmill: true, duration: 8, seed: 5 });
  const a = analyzeGait(series, {
    treadmillKmh: 5,
    scale: { kind: 'height', heightCm: 175 },
    scene: { cameraMoving: true, dark: false },
  });
  assert.equal(a.view.setting, 'overground');
  assert.ok(a.warnings.some((w) => w.code === 'camera-moving'));
  assert.equal(a.metrics.walkingSpeed.status, 'not_measurable');
  assert.match((a.metrics.walkingSpeed as { reason: string }).reason, /camera moved/);
  assertEventsNear(a.events, truth.events);
  assert.equal(a.metrics.cadence.status, 'ok');
  const dark = analyzeGait(series, { scene: { cameraMoving: false, dark: true } });
  assert.ok(dark.warnings.some((w) => w.code === 'too-dark'));
  assert.equal(dark.view.setting, 'in-place');
});

test('a walk across the picture and back (a turn in view): overground, steps of both passes timed, speed refused', () => {
  const { series, truth } = syntheticWalk({ view: 'side-left', duration: 6, seed: 30 });
  const end = series.frames.at(-1)!.time + 1 / 30;
  // Back the other way: the same walk mirrored in x starts where the first one ended (it began at the far edge).
  const back = series.frames.map((f, i) => ({
    index: series.frames.length + i,
    time: end + f.time,
    people: f.people.map((p) => ({ ...p, image: p.image.map((q) => ({ ...q, x: series.width - q.x })) })),
  }));
  const both: KeypointSeries = { ...series, frames: [...series.frames, ...back] };
  const a = analyzeGait(both, { scale: { kind: 'height', heightCm: 175 } });
  assert.equal(a.view.view, 'side');
  assert.equal(a.view.setting, 'overground', 'a walk there and back is not a treadmill');
  assert.equal(a.view.turns, true);
  const shifted = (e: number[]) => e.map((t) => t + end);
  const expected = {
    left: { heelStrike: [...truth.events.left.heelStrike, ...shifted(truth.events.left.heelStrike)], toeOff: [] },
    right: { heelStrike: [...truth.events.right.heelStrike, ...shifted(truth.events.right.heelStrike)], toeOff: [] },
  };
  assertEventsNear(a.events, expected);
  assert.ok(
    a.events.left.heelStrike.some((t) => t < end) && a.events.left.heelStrike.some((t) => t > end + 0.5),
    'contacts on both passes',
  );
  assert.ok(Math.abs(value(a.metrics.cadence) - 105) < 2);
  assert.equal(a.metrics.walkingSpeed.status, 'not_measurable');
});

test('a cadence only one gait allows decides the mode when the pelvis did not (before stance timing, the least sure)', () => {
  // Bounds by hand from PLAUSIBLE_CADENCE: walking 40-160, running 120-260 steps/min.
  assert.equal(modeFromCadence(100), 'walk');
  assert.equal(modeFromCadence(119.9), 'walk');
  assert.equal(modeFromCadence(120), 'unknown');
  assert.equal(modeFromCadence(160), 'unknown');
  assert.equal(modeFromCadence(160.1), 'run');
  assert.equal(modeFromCadence(270), 'unknown', 'beyond any gait: nothing to decide');
  assert.equal(modeFromCadence(Number.NaN), 'unknown');
});

test('a treadmill walker and someone crossing the picture for 2 of the 8 s: the treadmill walker is followed', () => {
  // Steps in place count once per stride of the track, as travel does (person-tracking.ts STRIDE_SECONDS): before,
  // the 2 s crossing (4.1 torso lengths of travel) outranked 8 s of steps on the belt.
  const { series, truth } = syntheticWalk({ view: 'side-left', treadmill: true, duration: 8, seed: 21 });
  const passer = syntheticWalk({ view: 'side-left', duration: 8, seed: 22, cameraDistance: 6 }).series;
  const crossing = (i: number) => i >= 90 && i < 150;
  const both: KeypointSeries = {
    ...series,
    frames: series.frames.map((f, i) => ({
      ...f,
      people: [
        ...f.people,
        ...(crossing(i)
          ? passer.frames[i]!.people.map((p) => ({ ...p, image: p.image.map((q) => ({ ...q, y: q.y - 150 })) }))
          : []),
      ],
    })),
  };
  const a = analyzeGait(both);
  assert.equal(a.tracks.length, 2);
  const followed = a.tracks.find((t) => t.id === a.trackId)!;
  assert.equal(followed.frames, series.frames.length, 'the person seen for the whole clip');
  assert.equal(a.view.setting, 'in-place');
  assertEventsNear(a.events, truth.events);
  assert.ok(Math.abs(value(a.metrics.cadence) - 105) < 2);
});

test('walk or run from the pelvis: higher mid-step than at the contacts is a walk, lower a run, whatever steady drift; three steps agreeing at least', () => {
  // Steps of 0.5 s (contacts at 0, 0.5, ... 2.5 s, alternate feet), height sampled at 100 Hz. By hand: a walker
  // lowest 0.075 s after each contact (still sinking after it, as real walkers are) has h = -cos(2π(t - 0.075)/0.5):
  // mid-step -cos(0.7π) = +0.588, at the contacts -cos(-0.3π) = -0.588, so +1.18 a step: 5 walk votes. A runner
  // lowest in mid-stance, 0.175 s after contact: mid-step -cos(0.3π) = -0.588, at the contacts +0.588: 5 run votes.
  // A steady drift (0.3 a second) is the same at mid-step as the mean of the two contacts, so it changes nothing.
  const time = Array.from({ length: 301 }, (_, i) => i / 100);
  const events: GaitEvents = {
    left: { heelStrike: [0, 1, 2], toeOff: [] },
    right: { heelStrike: [0.5, 1.5, 2.5], toeOff: [] },
  };
  for (const drift of [0, 0.3]) {
    const walker = time.map((t) => -Math.cos((2 * Math.PI * (t - 0.075)) / 0.5) + drift * t);
    const runner = time.map((t) => -Math.cos((2 * Math.PI * (t - 0.175)) / 0.5) + drift * t);
    assert.deepEqual(modeFromPelvis(time, walker, events), { mode: 'walk', walkVotes: 5, runVotes: 0 });
    assert.deepEqual(modeFromPelvis(time, runner, events), { mode: 'run', walkVotes: 0, runVotes: 5 });
  }
  // Walking for the first second, running after it: steps 0-0.5 and 0.5-1 vote walk (the second: +0.588 mid-step
  // against the mean of -0.588 and the runner's +0.588 at 1 s), 1-1.5 and 1.5-2 run. Two of four is not two thirds.
  const mixed = time.map((t) => -Math.cos((2 * Math.PI * (t - (t < 1 ? 0.075 : 0.175))) / 0.5));
  // Walking for the first half second, running after it: 0-0.5 walks, 0.5-1 and 1-1.5 run (as above, mirrored).
  const runnerFrom = (at: number) => time.map((t) => -Math.cos((2 * Math.PI * (t - (t < at ? 0.075 : 0.175))) / 0.5));
  assert.deepEqual(
    modeFromPelvis(time, mixed, {
      left: { heelStrike: [0, 1, 2], toeOff: [] },
      right: { heelStrike: [0.5, 1.5], toeOff: [] },
    }),
    { mode: 'unknown', walkVotes: 2, runVotes: 2 },
  );
  // Two running steps of three are two thirds, but not three steps: no mode from so little.
  assert.deepEqual(
    modeFromPelvis(time, runnerFrom(0.5), {
      left: { heelStrike: [0, 1], toeOff: [] },
      right: { heelStrike: [0.5, 1.5], toeOff: [] },
    }),
    { mode: 'unknown', walkVotes: 1, runVotes: 2 },
  );
});
