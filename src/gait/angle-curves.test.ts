import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  angleCurves,
  ankleDorsiflexion,
  CYCLE_POINTS,
  hipFlexion,
  keyFrames,
  meanCurve,
  strideCurve,
  strides,
} from './angle-curves.js';
import { LANDMARK_INDEX, LANDMARKS, type LandmarkName } from './keypoints.js';
import type { CleanTrack } from './trajectory-cleaning.js';
import { UNKNOWN_VIEW, type ViewEstimate } from './view-detection.js';

const close = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) < eps, `${a} is not ${b}`);
const rad = (d: number) => (d * Math.PI) / 180;

test('hip flexion: the thigh against the trunk line, signed by the way the walker faces', () => {
  // Trunk straight down from (0,0) to (0,100); a thigh of 100 px 30° ahead: knee at (50, 186.6) facing +x.
  const shoulder = { x: 0, y: 0 };
  const hip = { x: 0, y: 100 };
  const ahead = { x: 100 * Math.sin(rad(30)), y: 100 + 100 * Math.cos(rad(30)) };
  close(hipFlexion(shoulder, hip, ahead, 1), 30);
  close(hipFlexion(shoulder, hip, ahead, -1), -30); // facing -x, that knee is behind: extension
  close(hipFlexion(shoulder, hip, { x: -ahead.x, y: ahead.y }, -1), 30);
  close(hipFlexion(shoulder, hip, { x: 0, y: 200 }, 1), 0);
  assert.ok(Number.isNaN(hipFlexion(shoulder, hip, ahead, 0)), 'no facing, no sign: not measured');
});

test('ankle dorsiflexion: 90° minus the shank-foot angle', () => {
  const knee = { x: 0, y: 0 };
  const ankle = { x: 0, y: 100 };
  close(ankleDorsiflexion(knee, ankle, { x: -5, y: 110 }, { x: 15, y: 110 }), 0); // foot flat, shank upright
  close(ankleDorsiflexion(knee, ankle, { x: 0, y: 110 }, { x: 10, y: 100 }), 45); // toes up 45°
  close(ankleDorsiflexion(knee, ankle, { x: 0, y: 100 }, { x: 10, y: 110 }), -45); // toes down: plantarflexion
});

test('a stride is resampled to 0, 2, ... 100 % of the cycle', () => {
  const c = strideCurve([0, 0.5, 1], [0, 50, 100], 0, 1)!;
  assert.equal(c.length, 51);
  close(c[0]!, 0);
  close(c[10]!, 20);
  close(c[25]!, 50);
  close(c[50]!, 100);
  assert.equal(strideCurve([0, 0.5, 1], [0, NaN, 100], 0, 1), null, 'a missing sample inside the stride drops it');
});

test('strides: consecutive contacts, without a gap that spans a missed contact', () => {
  // Gaps 1, 1, 3, 1 s: median 1 s, so the 3 s gap (over 1.5 s) is not a stride.
  assert.deepEqual(strides([0, 1, 2, 5, 6]), [
    { start: 0, end: 1 },
    { start: 1, end: 2 },
    { start: 5, end: 6 },
  ]);
  assert.deepEqual(strides([3]), []);
  assert.deepEqual(
    meanCurve([Array(CYCLE_POINTS).fill(10), Array(CYCLE_POINTS).fill(20)]),
    Array(CYCLE_POINTS).fill(15),
  );
});

/**
 * A left leg whose shank turns back by θ(t) = 30·t degrees (t = 0 ... 2 s, every 0.1 s) under a straight thigh and
 * trunk, facing +x, the foot flat: knee flexion θ, ankle dorsiflexion θ, hip 0. Contacts at 0, 1, 2 s; toe offs
 * at 0.6 and 1.6 s. The right leg is not seen.
 */
function leftLegTrack(): CleanTrack {
  const time = Array.from({ length: 21 }, (_, i) => i / 10);
  const nan = () => time.map(() => NaN);
  const landmarks = LANDMARKS.map(() => ({
    x: nan(),
    y: nan(),
    wx: null,
    wy: null,
    wz: null,
    observed: time.map(() => false),
  }));
  const set = (name: LandmarkName, f: (t: number) => [number, number]) => {
    const l = landmarks[LANDMARK_INDEX[name]]!;
    l.x = time.map((t) => f(t)[0]);
    l.y = time.map((t) => f(t)[1]);
    l.observed = time.map(() => true);
  };
  const ankle = (t: number): [number, number] => [-100 * Math.sin(rad(30 * t)), 200 + 100 * Math.cos(rad(30 * t))];
  set('left_shoulder', () => [0, 0]);
  set('right_shoulder', () => [0, 0]);
  set('left_hip', () => [0, 100]);
  set('left_knee', () => [0, 200]);
  set('left_ankle', ankle);
  set('left_heel', (t) => [ankle(t)[0] - 5, ankle(t)[1] + 10]);
  set('left_foot_index', (t) => [ankle(t)[0] + 15, ankle(t)[1] + 10]);
  return { trackId: 0, time, frameIndex: time.map((_, i) => i + 7), landmarks };
}
const SIDE: ViewEstimate = {
  ...UNKNOWN_VIEW,
  view: 'side',
  direction: 'left-to-right',
  setting: 'overground',
  confidence: 0.9,
};
const EVENTS = { left: { heelStrike: [0, 1, 2], toeOff: [0.6, 1.6] }, right: { heelStrike: [], toeOff: [] } };

test('angle curves: the mean of the strides at each % of the cycle', () => {
  const c = angleCurves({ track: leftLegTrack(), view: SIDE, events: { status: 'ok', events: EVENTS } });
  assert.equal(c.status, 'ok');
  if (c.status !== 'ok') return;
  assert.equal(c.right, null, 'no contacts on the right: no curve');
  const left = c.left!;
  // Stride 1 (0-1 s) at point k: 30·0.02k = 0.6k°; stride 2 (1-2 s): 30 + 0.6k°. Mean 15 + 0.6k.
  assert.equal(left.knee!.strides, 2);
  assert.deepEqual([left.knee!.mean[0], left.knee!.mean[25], left.knee!.mean[50]], [15, 30, 45]);
  assert.deepEqual([left.ankle!.mean[0], left.ankle!.mean[10]], [15, 21]);
  assert.ok(
    left.hip!.mean.every((v) => Math.abs(v) < 0.05),
    'a thigh along the trunk is 0° of hip flexion',
  );
  assert.equal(left.toeOffPct, 60);
});

test('angle curves are a side-view measure, and need events', () => {
  const front = angleCurves({
    track: leftLegTrack(),
    view: { ...SIDE, view: 'front' },
    events: { status: 'ok', events: EVENTS },
  });
  assert.match(front.status === 'not_measurable' ? front.reason : '', /side-view/);
  const none = angleCurves({
    track: leftLegTrack(),
    view: SIDE,
    events: { status: 'not_measurable', reason: 'No steps.' },
  });
  assert.deepEqual(none, { status: 'not_measurable', reason: 'No steps.' });
});

test('key frames: contact, mid stance and toe off of the stride nearest the middle of the walk', () => {
  const k = keyFrames({ track: leftLegTrack(), view: SIDE, events: { status: 'ok', events: EVENTS } });
  // Contacts 0-2 s: the middle is 1 s, so the stride 1 -> 2 s (toe off 1.6 s); mid stance halfway, 1.3 s.
  assert.deepEqual(
    k.map((f) => [f.side, f.event, f.time, f.frame]),
    [
      ['left', 'initial_contact', 1, 17],
      ['left', 'mid_stance', 1.3, 20],
      ['left', 'toe_off', 1.6, 23],
    ],
  );
  assert.deepEqual(
    k.map((f) => f.angles.knee),
    [30, 39, 48],
  );
  assert.deepEqual(k[0]!.points.knee, { x: 0, y: 200 });
});
