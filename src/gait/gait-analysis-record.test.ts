import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeGait } from './analyze-gait.js';
import { analysisToJson } from './analysis-json.js';
import { compactKeypoints } from './compact-keypoints.js';
import type { KeypointSeries } from './keypoints.js';
import {
  GAIT_ANALYSIS_RECORD_VERSION,
  SAVED_MAX_FRAMES,
  SavedAnalysisJson,
  SavedKeypointSeries,
  StoredGaitAnalysisJson,
  metricBounds,
  storedAnalysisProblem,
} from './gait-analysis-record.js';

const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/keypoints/sports2d_demo_walk_side.json', import.meta.url), 'utf8'),
) as KeypointSeries;
/** What the web app sends: the analysis JSON with its region, and the compacted series through JSON (NaN -> null). */
const wire = <T>(v: T): unknown => JSON.parse(JSON.stringify(v));
const realAnalysis = () =>
  wire({
    ...analysisToJson(analyzeGait(fixture), { name: 'walk.mp4', fps: fixture.fps, frames: fixture.frames.length }),
    roi: { x: 0, y: 0, width: fixture.width, height: fixture.height },
  }) as Record<string, any>;
const realKeypoints = () => wire(compactKeypoints(fixture)) as Record<string, any>;

const problems = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

test('a real analysis and its keypoints, as the web app sends them, are accepted', () => {
  assert.deepEqual(problems(SavedAnalysisJson.safeParse(realAnalysis())), []);
  assert.deepEqual(problems(SavedKeypointSeries.safeParse(realKeypoints())), []);
});

test('metric bounds come from the unit in the name', () => {
  assert.deepEqual([metricBounds('cadence_spm')?.min, metricBounds('cadence_spm')?.max], [0, 400]);
  assert.equal(metricBounds('knee_flexion_peak_swing_deg')?.max, 180);
  assert.equal(metricBounds('step_length_m')?.max, 5);
  assert.equal(metricBounds('walking_speed_mps')?.max, 15); // '_mps' is matched before '_s' and '_m'
  assert.equal(metricBounds('stance_pct')?.max, 100);
  assert.equal(metricBounds('mystery'), null);
});

test('implausible metric values are refused with the metric and field named', () => {
  const cases: Array<[string, (a: Record<string, any>) => void, RegExp]> = [
    [
      'negative cadence',
      (a) => {
        a.metrics.cadence_spm = { value: -5, confidence: 0.9 };
      },
      /^metrics\.cadence_spm\.value: -5 is outside 0 to 400/,
    ],
    [
      'an angle of 1e308',
      (a) => {
        a.metrics.pelvic_drop_deg = { value: 1e308, confidence: 0.5 };
      },
      /^metrics\.pelvic_drop_deg\.value: 1e\+308 is outside -180 to 180/,
    ],
    [
      'a left side beyond range',
      (a) => {
        a.metrics.stance_pct = { value: 60, confidence: 0.5, left: 160 };
      },
      /^metrics\.stance_pct\.left: 160 is outside 0 to 100/,
    ],
    [
      'a metric with no unit',
      (a) => {
        a.metrics.mystery = { value: 1, confidence: 0.5 };
      },
      /^metrics\.mystery: has no known unit/,
    ],
    [
      'confidence above 1',
      (a) => {
        a.metrics.cadence_spm = { value: 100, confidence: 2 };
      },
      /^metrics\.cadence_spm\.confidence/,
    ],
    [
      'an unknown field',
      (a) => {
        a.metrics.cadence_spm = { value: 100, confidence: 0.5, payload: 'x' };
      },
      /^metrics\.cadence_spm/,
    ],
    [
      'an event time of a day',
      (a) => {
        a.events.left.heel_strike = [86_400];
      },
      /^events\.left\.heel_strike\.0/,
    ],
    [
      'a frame rate of 10000',
      (a) => {
        a.fps = 10_000;
      },
      /^fps/,
    ],
    [
      'a 1 MB warning',
      (a) => {
        a.warnings = [{ code: 'x', severity: 'info', message: 'x'.repeat(1_000_000), advice: '' }];
      },
      /^warnings\.0\.message/,
    ],
    [
      'an extra top-level field',
      (a) => {
        a.secret = 1;
      },
      /secret/,
    ],
  ];
  for (const [what, change, expected] of cases) {
    const a = realAnalysis();
    change(a);
    const found = problems(SavedAnalysisJson.safeParse(a));
    assert.ok(
      found.some((p) => expected.test(p)),
      `${what}: ${JSON.stringify(found)}`,
    );
  }
});

test('keypoint series beyond one clip or one body are refused', () => {
  const k = realKeypoints();
  const frame = k.frames.find((f: { people: unknown[] }) => f.people.length > 0);
  const cases: Array<[string, (s: Record<string, any>) => void, RegExp]> = [
    [
      `${SAVED_MAX_FRAMES + 1} frames`,
      (s) => {
        s.frames = Array.from({ length: SAVED_MAX_FRAMES + 1 }, (_, i) => ({ ...frame, index: i, time: i / 60 }));
      },
      /^frames: must hold at most 2400 frames/,
    ],
    [
      '34 landmarks',
      (s) => {
        s.frames[0] = {
          ...frame,
          people: [{ ...frame.people[0], image: [...frame.people[0].image, frame.people[0].image[0]] }],
        };
      },
      /^frames\.0\.people\.0\.image/,
    ],
    [
      'a world point 1 km from the hips',
      (s) => {
        const p = structuredClone(frame.people[0]);
        p.world[0].x = 1000;
        s.frames[0] = { ...frame, people: [p] };
      },
      /^frames\.0\.people\.0\.world\.0\.x/,
    ],
    [
      'an image point far outside any frame',
      (s) => {
        const p = structuredClone(frame.people[0]);
        p.image[3].y = 1e9;
        s.frames[0] = { ...frame, people: [p] };
      },
      /^frames\.0\.people\.0\.image\.3\.y/,
    ],
    [
      'five people in a frame',
      (s) => {
        s.frames[0] = { ...frame, people: Array(5).fill(frame.people[0]) };
      },
      /^frames\.0\.people/,
    ],
    [
      'a width of 100000 px',
      (s) => {
        s.width = 100_000;
      },
      /^width/,
    ],
  ];
  for (const [what, change, expected] of cases) {
    const s = structuredClone(k);
    change(s);
    const found = problems(SavedKeypointSeries.safeParse(s));
    assert.ok(
      found.some((p) => expected.test(p)),
      `${what}: ${JSON.stringify(found.slice(0, 3))}`,
    );
  }
});

test('a missing landmark (NaN in memory, null in JSON) is accepted', () => {
  const k = realKeypoints();
  const i = k.frames.findIndex((f: { people: unknown[] }) => f.people.length > 0);
  k.frames[i].people[0].image[0] = { x: null, y: null, visibility: null };
  assert.deepEqual(problems(SavedKeypointSeries.safeParse(k)), []);
});

test('version 1: an analysis saved before setting, mode and the angle curves existed still reads as valid', () => {
  assert.equal(GAIT_ANALYSIS_RECORD_VERSION, 1);
  const { setting, mode, angle_curves, ...older } = realAnalysis();
  assert.ok(
    setting !== undefined && mode !== undefined && angle_curves !== undefined,
    "today's analysis has the three fields",
  );
  assert.deepEqual(problems(SavedAnalysisJson.safeParse(older)), []);
});

test("one validator for every stored analysis: the client's, the video job's (whom it followed) and a FHIR import's (no video)", () => {
  assert.equal(storedAnalysisProblem(realAnalysis()), null);
  // What the server's video job adds (src/server/jobs/gait-video-job.ts).
  const server = {
    ...realAnalysis(),
    person: { method: 'auto', chosen: 2, frames_analysed: { first: 0, last: 180 } },
    analysed_on: 'server',
  };
  assert.equal(storedAnalysisProblem(server), null);
  // The save route's validator does not take them from a client: only the server writes them.
  assert.equal(SavedAnalysisJson.safeParse(server).success, false);
  assert.equal(
    storedAnalysisProblem({ ...server, analysed_on: 'phone' }),
    'at analysed_on: Invalid input: expected "server"',
  );
  assert.equal(
    storedAnalysisProblem({ ...server, person: { method: 'auto', chosen: -1 } }),
    'at person.chosen: Too small: expected number to be >=0',
  );
  // A FHIR file's analysis (src/services/import-gait.ts): metrics only, fps 0, and the file it came from.
  const none = { heel_strike: [], toe_off: [] };
  const imported = {
    video: 'walk.mp4',
    fps: 0,
    frames: 0,
    view: 'side',
    direction: 'unknown',
    events: { left: none, right: none },
    metrics: { cadence_spm: { value: 104, confidence: 0.8 } },
    warnings: [],
    tracks: [],
    track_id: null,
    imported_from: { file: 'record.fhir.json', format: 'fhir' },
  };
  assert.equal(storedAnalysisProblem(imported), null);
  const { imported_from, ...noFile } = imported;
  assert.ok(imported_from);
  assert.equal(
    storedAnalysisProblem(noFile),
    'at fps: must be at least 1 (only an analysis imported from a file has no video)',
  );
  assert.equal(
    storedAnalysisProblem({ ...server, metrics: { cadence_spm: { value: 1e308, confidence: 1 } } }),
    'at metrics.cadence_spm.value: 1e+308 is outside 0 to 400, the plausible range',
  );
  assert.equal(StoredGaitAnalysisJson.safeParse([]).success, false);
});
