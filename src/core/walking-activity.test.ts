import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  activityKind,
  skippedActivities,
  skippedText,
  walkingVerdict,
  type ActivityFormat,
  type WalkingVerdict,
} from './walking-activity.js';

const WALK: WalkingVerdict = { walking: true };
const out = (kind: Exclude<WalkingVerdict, { walking: true }>['kind']): WalkingVerdict => ({ walking: false, kind });

test('Given the type each format writes, when judged, then walking and hiking are kept and every other named activity is left out by what it was', () => {
  const table: [ActivityFormat, string | null, WalkingVerdict][] = [
    // Apple Health workoutActivityType
    ['apple-health', 'HKWorkoutActivityTypeWalking', WALK],
    ['apple-health', 'HKWorkoutActivityTypeHiking', WALK],
    ['apple-health', 'HKWorkoutActivityTypeRunning', out('running')],
    ['apple-health', 'HKWorkoutActivityTypeCycling', out('cycling')],
    ['apple-health', 'HKWorkoutActivityTypePaddleSports', out('paddling')],
    ['apple-health', 'HKWorkoutActivityTypeSwimming', out('swimming')],
    ['apple-health', 'HKWorkoutActivityTypeWheelchairWalkPace', out('other')],
    ['apple-health', 'HKWorkoutActivityTypeOther', out('other')], // Apple names walking: "Other" is not a walk
    ['apple-health', 'HKWorkoutActivityTypeYoga', out('other')],
    // FIT session sport (the SDK's names)
    ['fit', 'walking', WALK],
    ['fit', 'hiking', WALK],
    ['fit', 'running', out('running')],
    ['fit', 'stand_up_paddleboarding', out('paddling')],
    ['fit', 'kayaking', out('paddling')],
    ['fit', 'swimming', out('swimming')],
    ['fit', 'e_biking', out('cycling')],
    ['fit', 'motorcycling', out('other')],
    ['fit', 'alpine_skiing', out('snow-sports')],
    ['fit', 'generic', out('other')],
    ['fit', null, out('other')],
    // TCX Sport: Running, Biking or Other; a walk is written as Other
    ['tcx', 'Running', out('running')],
    ['tcx', 'Biking', out('cycling')],
    ['tcx', 'Other', WALK],
    ['tcx', null, WALK],
    // GPX <type>: free text, usually absent
    ['gpx', null, WALK],
    ['gpx', '', WALK],
    ['gpx', 'jkljkl', WALK], // korita-zbevnica.gpx: words that name no activity
    ['gpx', 'walking', WALK],
    ['gpx', 'Hike', WALK],
    ['gpx', 'running', out('running')],
    ['gpx', 'TrailRun', out('running')],
    ['gpx', 'Ride', out('cycling')],
    ['gpx', 'stand_up_paddleboarding', out('paddling')],
    ['gpx', 'Walk/Run', out('running')],
  ];
  for (const [format, type, expected] of table)
    assert.deepEqual(walkingVerdict(format, type), expected, `${format} ${JSON.stringify(type)}`);
});

test('Given the same activity in any format, when judged, then the verdict is the same (a run is never a walk, a walk always is)', () => {
  for (const format of ['apple-health', 'fit', 'tcx', 'gpx'] as const) {
    assert.deepEqual(walkingVerdict(format, 'Running'), out('running'), format);
    assert.deepEqual(walkingVerdict(format, 'walking'), WALK, format);
    assert.deepEqual(walkingVerdict(format, 'paddle boarding'), out('paddling'), format);
  }
  assert.equal(activityKind('   '), 'unnamed');
});

test('Given what a file left out, when said in words, then activities are counted apart from records of other data', () => {
  assert.equal(skippedText({}), '');
  assert.equal(skippedText({ running: 1, paddling: 1 }), '2 activities left out: 1 run, 1 paddling or rowing session');
  assert.equal(
    skippedText({ other: 1, 'other-data': 1200 }),
    '1 activity left out: 1 other activity (not walking); 1,200 records of other health data (heart rate, sleep, ...) left out',
  );
  assert.equal(skippedText({ 'other-person': 907 }), '907 rows of other people left out');
  assert.equal(skippedActivities({ running: 2, cycling: 1, 'other-data': 5 }), 3);
});
