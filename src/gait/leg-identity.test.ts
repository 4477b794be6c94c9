import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeGait } from './analyze-gait.js';
import type { GaitEvents } from './gait-events.js';
import { LANDMARKS, type KeypointSeries, type LandmarkName } from './keypoints.js';
import { sortOutLegs } from './leg-identity.js';
import { buildTracks, selectTrack } from './person-tracking.js';
import { syntheticWalk } from './synthetic-walker.js';
import { cleanTrack } from './trajectory-cleaning.js';
import { detectView } from './view-detection.js';

// Expected values come from the synthetic walker's own schedule (its true events) or the camera geometry, never
// from the analysis output.
const LEG = ['knee', 'ankle', 'heel', 'foot_index'] as const;

/** The series as a pose model that labels legs by position would give it: the foot ahead is always "left". */
function labelledByPosition(series: KeypointSeries, walksLeft: boolean): KeypointSeries {
  return {
    ...series,
    frames: series.frames.map((f) => ({
      ...f,
      people: f.people.map((p) => {
        const image = [...p.image];
        const lx = p.image[LANDMARKS.indexOf('left_heel')]!.x;
        const rx = p.image[LANDMARKS.indexOf('right_heel')]!.x;
        const rightAhead = walksLeft ? rx < lx : rx > lx;
        if (rightAhead)
          for (const part of LEG) {
            const a = LANDMARKS.indexOf(`left_${part}` as LandmarkName);
            const b = LANDMARKS.indexOf(`right_${part}` as LandmarkName);
            image[a] = p.image[b]!;
            image[b] = p.image[a]!;
          }
        return { ...p, image };
      }),
    })),
  };
}

/** The series with the right leg's points drawn on the left foot until `until` s (both labels on one foot). */
function mergedLegs(series: KeypointSeries, until: number): KeypointSeries {
  return {
    ...series,
    frames: series.frames.map((f) =>
      f.time >= until
        ? f
        : {
            ...f,
            people: f.people.map((p) => {
              const image = [...p.image];
              for (const part of LEG)
                image[LANDMARKS.indexOf(`right_${part}` as LandmarkName)] = {
                  ...p.image[LANDMARKS.indexOf(`left_${part}` as LandmarkName)]!,
                };
              return { ...p, image };
            }),
          },
    ),
  };
}

function sorting(series: KeypointSeries) {
  const track = selectTrack(buildTracks(series, { minVisibility: 0.5 }))!;
  // Without the frame-by-frame swap repair, which on clean synthetic points would already undo the labelling.
  const clean = cleanTrack(series, track, { correctLegSwaps: false });
  return sortOutLegs(clean, detectView(clean));
}

/** Each found contact of each foot lies within `tol` s of a true contact of that same foot. */
function sameFeet(found: GaitEvents, truth: GaitEvents, tol = 0.05): boolean {
  return (['left', 'right'] as const).every(
    (s) =>
      found[s].heelStrike.length > 0 &&
      found[s].heelStrike.every((t) => truth[s].heelStrike.some((u) => Math.abs(u - t) <= tol)),
  );
}

test('legs labelled by position (the front foot always "left"): sorted out from the alternation of contacts', () => {
  for (const view of ['side-left', 'side-right'] as const) {
    const cadence = 104;
    const { series, truth } = syntheticWalk({ view, duration: 10, cadence, seed: 21 });
    const byPosition = labelledByPosition(series, view === 'side-left');
    const s = sorting(byPosition);
    // About half of the samples had their labels the wrong way round (the feet swap places every step).
    assert.ok(s.exchangedSamples > 0.3 * s.track.time.length, `exchanged ${s.exchangedSamples}`);
    const a = analyzeGait(byPosition, { correctLegSwaps: false });
    assert.ok(!a.warnings.some((w) => w.code === 'events-inconsistent'), JSON.stringify(a.warnings));
    const c = a.metrics.cadence;
    assert.equal(c.status, 'ok');
    assert.ok(Math.abs((c as { value: number }).value - cadence) < 2, `cadence ${(c as { value: number }).value}`);
    // The camera is 1 m above the floor, 5 m away: the far foot stands higher in the picture, which names the legs.
    assert.equal(s.sides, 'near-far');
    assert.ok(
      sameFeet(a.events, truth.events),
      `left ${a.events.left.heelStrike.map((t) => t.toFixed(2))} vs ${truth.events.left.heelStrike.map((t) => t.toFixed(2))}`,
    );
    assert.ok(!a.warnings.some((w) => w.code === 'sides-unknown'));
  }
});

test('with the camera at floor height nothing in the picture names the legs: the analysis says left and right may be swapped', () => {
  // A camera on the floor sees both feet's ground contacts on the horizon: the near-far cue is gone.
  const { series } = syntheticWalk({ view: 'side-left', duration: 10, cadence: 104, seed: 5, cameraHeight: 0 });
  const byPosition = labelledByPosition(series, true);
  assert.equal(sorting(byPosition).sides, 'unknown');
  const a = analyzeGait(byPosition, { correctLegSwaps: false });
  assert.ok(
    a.warnings.some((w) => w.code === 'sides-unknown'),
    JSON.stringify(a.warnings.map((w) => w.code)),
  );
  // The timing does not depend on which leg is which.
  assert.ok(Math.abs((a.metrics.cadence as { value: number }).value - 104) < 2);
});

test('legs the model labelled right: left alone (almost no sample exchanged), sides from the labels', () => {
  for (const seed of [1, 2, 3]) {
    const { series } = syntheticWalk({ view: 'side-left', duration: 8, cadence: 100 + 5 * seed, seed });
    const s = sorting(series);
    assert.equal(s.sides, 'labels');
    assert.ok(s.exchangedSamples <= 0.01 * s.track.time.length, `exchanged ${s.exchangedSamples}`);
  }
});

test('front and back views are not touched (the legs do not pass each other in the picture)', () => {
  const { series } = syntheticWalk({ view: 'back', duration: 8, cadence: 105, seed: 4 });
  const s = sorting(series);
  assert.equal(s.exchangedSamples, 0);
});

test('both heel labels on one foot for a moment (as the model did on the shared clip while the walker entered): the rest is left alone', () => {
  const { series, truth } = syntheticWalk({ view: 'side-left', duration: 8, cadence: 100, seed: 8 });
  // Until just after the first contact (0.93 s by the walker's schedule) the right leg's points are drawn on the left foot.
  const merged = mergedLegs(series, 1.05);
  const track = selectTrack(buildTracks(merged, { minVisibility: 0.5 }))!;
  const clean = cleanTrack(merged, track, { correctLegSwaps: false });
  const s = sortOutLegs(clean, detectView(clean));
  assert.equal(s.sides, 'labels');
  // Nothing after the merged stretch is exchanged (the crossing is where the feet pass, not where labels meet).
  const heel = LANDMARKS.indexOf('left_heel');
  const exchangedAfter = s.track.time.filter(
    (t, i) => t >= 1.2 && !Object.is(s.track.landmarks[heel]!.x[i], clean.landmarks[heel]!.x[i]),
  );
  assert.deepEqual(exchangedAfter, []);
  const a = analyzeGait(merged, { correctLegSwaps: false });
  assert.ok(
    sameFeet(
      {
        left: { ...a.events.left, heelStrike: a.events.left.heelStrike.filter((t) => t > 1.2) },
        right: { ...a.events.right, heelStrike: a.events.right.heelStrike.filter((t) => t > 1.2) },
      },
      truth.events,
    ),
  );
});

test("legs labelled by position AND both labels on one foot as the walker enters (the shared clip's case): never a contact under the wrong foot", () => {
  // The labels alone give a contact under each label at every step (twice the true cadence, alternating, so
  // the consistency check cannot see it); only sorting the legs out from the walk gives the true feet. The first
  // second, where both labels sit on one foot, must not put that foot's contact under the other foot as well.
  const cadence = 100;
  let timed = 0;
  for (const view of ['side-left', 'side-right'] as const) {
    for (const until of [1.05, 1.5]) {
      const { series, truth } = syntheticWalk({ view, duration: 8, cadence, seed: 8 });
      const input = mergedLegs(labelledByPosition(series, view === 'side-left'), until);
      const s = sorting(input);
      assert.ok(
        s.exchangedSamples > 0.3 * s.track.time.length,
        `${view} ${until}: exchanged ${s.exchangedSamples} of ${s.track.time.length}`,
      );
      const a = analyzeGait(input, { correctLegSwaps: false });
      // A refusal is an honest outcome; a number is only allowed when every contact is a true one of its foot.
      if (a.warnings.some((w) => w.code === 'events-inconsistent')) continue;
      timed++;
      assert.ok(
        sameFeet(a.events, truth.events),
        `${view} ${until}: left ${a.events.left.heelStrike.map((t) => t.toFixed(2))}, right ${a.events.right.heelStrike.map((t) => t.toFixed(2))}`,
      );
      const c = a.metrics.cadence as { status: string; value: number };
      assert.equal(c.status, 'ok');
      assert.ok(Math.abs(c.value - cadence) < 2, `${view} ${until}: cadence ${c.value}`);
    }
  }
  // The short merged stretch (up to just after the first contact) must be timed in both directions.
  assert.ok(timed >= 2, `timed ${timed} of 4`);
});

test('a walk there and back (a turn in the picture): each way is sorted out on its own, so a missed contact at the turn cannot swap a whole pass', () => {
  for (const [seed, duration, cadence] of [
    [33, 6.3, 97],
    [34, 4.7, 108],
  ] as const) {
    const { series } = syntheticWalk({ view: 'side-left', duration, seed, cadence });
    const end = series.frames.at(-1)!.time + 1 / 30;
    // Back the other way: the same walk mirrored in x (labels kept, as a model that names the legs right would).
    const back = series.frames.map((f, i) => ({
      index: series.frames.length + i,
      time: end + f.time,
      people: f.people.map((p) => ({ ...p, image: p.image.map((q) => ({ ...q, x: series.width - q.x })) })),
    }));
    const both: KeypointSeries = { ...series, frames: [...series.frames, ...back] };
    const s = sorting(both);
    assert.equal(s.sides, 'labels');
    assert.ok(
      s.exchangedSamples <= 0.01 * s.track.time.length,
      `seed ${seed}: exchanged ${s.exchangedSamples} of ${s.track.time.length}`,
    );
  }
});
