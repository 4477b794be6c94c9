import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeGait, type GaitAnalysis } from './analyze-gait.js';
import type { KeypointSeries } from './keypoints.js';
import { buildTracks, selectTrack } from './person-tracking.js';
import { recentreOnPelvis } from './recentre-in-place.js';
import { stanceDirection } from './stance-direction.js';
import { syntheticWalk } from './synthetic-walker.js';
import { cleanTrack } from './trajectory-cleaning.js';
import { detectView } from './view-detection.js';

// Issue 16: walking backward on a treadmill was timed as forward walking. A walk played backward in time stands in
// for walking backward: the walker faces the same way (the face and the feet point where they did) and moves the
// other way, each foot landing toe first and leaving heel last, so the foot on the ground moves relative to the
// pelvis the way the walker faces, exactly as in backward walking. What a reversal cannot show is how real backward
// walking differs in its timing (its own cadence and stance share, and the muscles' work), which the cue below does
// not read. No real backward treadmill clip is in the set.
function reversedInTime(s: KeypointSeries): KeypointSeries {
  const end = s.frames.at(-1)!.time + s.frames[0]!.time;
  return { ...s, frames: [...s.frames].reverse().map((f, i) => ({ ...f, index: i, time: end - f.time })) };
}

const fixture = (name: string): KeypointSeries =>
  JSON.parse(
    readFileSync(new URL(`../../test/fixtures/keypoints/${name}.json`, import.meta.url), 'utf8'),
  ) as KeypointSeries;

function votes(series: KeypointSeries): ReturnType<typeof stanceDirection> {
  const track = selectTrack(buildTracks(series))!;
  const clean = cleanTrack(series, track);
  return stanceDirection(clean, detectView(clean));
}

function assertNotTimedAsBackward(a: GaitAnalysis, what: string): void {
  assert.ok(
    a.warnings.some((w) => w.code === 'walking-backward'),
    `${what}: ${JSON.stringify(a.warnings.map((w) => w.code))}`,
  );
  assert.equal(a.events.left.heelStrike.length + a.events.right.heelStrike.length, 0, `${what}: contacts reported`);
  assert.equal(a.metrics.cadence.status, 'not_measurable');
  assert.match((a.metrics.cadence as { reason: string }).reason, /Walking backward: not measured/);
}

test('synthetic treadmill walkers and runners, facing either way: forward is timed, the same played backward is not and says why', () => {
  const cases = [
    { view: 'side-left' as const },
    { view: 'side-right' as const },
    { view: 'side-left' as const, cadence: 170, stancePercent: 36, stepLength: 1.1 },
  ];
  for (const c of cases) {
    const { series } = syntheticWalk({ ...c, treadmill: true, duration: 8, noisePx: 1, seed: 4 });
    const forward = analyzeGait(series);
    assert.equal(forward.view.setting, 'in-place');
    assert.ok(!forward.warnings.some((w) => w.code === 'walking-backward'), JSON.stringify(c));
    assert.equal(forward.metrics.cadence.status, 'ok', JSON.stringify(c));
    const back = votes(reversedInTime(series));
    assert.ok(back.backward, `${JSON.stringify(c)}: ${back.backwardVotes} backward votes against ${back.forwardVotes}`);
    assertNotTimedAsBackward(analyzeGait(reversedInTime(series)), JSON.stringify(c));
  }
});

test('real side walks and the real treadmill run, made in place and played backward: not timed as forward walking', () => {
  // The dev clips' keypoints (the shared walk's pipeline fixture and its mirror, overground-walk-side-a, made in place
  // by recentre-in-place.ts; the treadmill run is in place already). Forward, nothing is taken for walking backward.
  for (const name of [
    'sports2d_demo_walk_side_pipeline',
    'sports2d_demo_walk_side_hflip',
    'overground-walk-side-a',
    'treadmill-run-side-a',
  ]) {
    const inPlace = name.startsWith('treadmill') ? fixture(name) : recentreOnPelvis(fixture(name)).series;
    const forward = votes(inPlace);
    assert.ok(
      !forward.backward,
      `${name} forward: ${forward.backwardVotes} backward votes against ${forward.forwardVotes}`,
    );
    assert.ok(!analyzeGait(inPlace).warnings.some((w) => w.code === 'walking-backward'), `${name} forward`);
    const back = votes(reversedInTime(inPlace));
    assert.ok(back.backward, `${name} backward: ${back.backwardVotes} backward votes against ${back.forwardVotes}`);
    const a = analyzeGait(reversedInTime(inPlace));
    assert.equal(a.view.view, 'side');
    assertNotTimedAsBackward(a, `${name} played backward`);
  }
});

test('a back view gets no vote: the rule is for the side view', () => {
  const { series } = syntheticWalk({ view: 'back', treadmill: true, duration: 6, seed: 2 });
  const track = selectTrack(buildTracks(series))!;
  const clean = cleanTrack(series, track);
  assert.deepEqual(stanceDirection(clean, { ...detectView(clean), view: 'back' }), {
    backward: false,
    forwardVotes: 0,
    backwardVotes: 0,
  });
});
