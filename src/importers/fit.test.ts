import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importFit, importFitBytes, readFitMessages, scanFitChain } from './fit.js';
import { collectSamples, ImportSink } from './import-sink.js';
import { sharedData } from '../../test/helpers/shared-data.js';

const WALK = sharedData('fit/garmin-fenix-5-walk.fit');
const CHAINED = sharedData('fit/garmin-fr935-cr.fit');
const TRUNCATED = sharedData('fit/invalid-activity-unexpected-eof.fit');

/** fitdecode's expected record values (the dataset's ground truth), parsed independently of the SDK. */
function groundTruth() {
  const [, ...rows] = readFileSync(sharedData('fit/garmin-fenix-5-walk-records.csv'), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [ts, hr, cadence, speed, distance] = row.split(',');
    // "Sun Jun 11 07:32:51 PDT 2017": PDT is UTC-7, so the wall time is written with -07:00
    const [, , , time] = ts!.split(' ');
    return {
      iso: `2017-06-11T${time}-07:00`,
      hr: Number(hr),
      cadence: Number(cadence),
      speed: Number(speed),
      distance: Number(distance),
    };
  });
}

test('fenix 5 walk: records match fitdecode ground truth (heart rate, cadence x2, speed, times)', async () => {
  const truth = groundTruth();
  assert.equal(truth.length, 17);
  const { samples, summary } = await collectSamples((o) => importFit(WALK, o));
  assert.equal(summary.ok, true);
  assert.equal(summary.recordsSeen, 17);
  const hr = samples.filter((s) => s.kind === 'heart_rate');
  const cad = samples.filter((s) => s.kind === 'cadence');
  const speed = samples.filter((s) => s.kind === 'speed');
  assert.deepEqual(
    hr.map((s) => [s.start, s.value]),
    truth.map((t) => [t.iso, t.hr]),
  );
  assert.deepEqual(
    speed.map((s) => s.value),
    truth.map((t) => t.speed),
  );
  // Strides/min -> steps/min: 2 x (cadence + fraction), fraction in [0, 1): 2c <= value < 2c + 2
  assert.equal(cad.length, 17);
  cad.forEach((s, i) => {
    assert.equal(s.unit, 'steps/min');
    assert.ok(
      s.value >= 2 * truth[i]!.cadence && s.value < 2 * truth[i]!.cadence + 2,
      `${s.value} vs ${truth[i]!.cadence}`,
    );
  });
});

test('fenix 5 walk: session totals (distance = last ground-truth distance, steps plausible from cadence)', async () => {
  const truth = groundTruth();
  const { samples, summary } = await collectSamples((o) => importFit(WALK, o));
  const get = (k: string) => samples.find((s) => s.kind === k);
  assert.equal(get('distance')?.value, truth.at(-1)!.distance); // 67.85 m
  assert.equal(get('distance')?.start, truth[0]!.iso);
  assert.deepEqual(summary.daily, { '2017-06-11': { steps: get('steps')!.value, distance_m: 67.85 } });
  // Independent plausibility: mean ground-truth cadence x 2 x timer minutes is within 15 % of the steps
  const meanSpm = (2 * truth.reduce((n, t) => n + t.cadence, 0)) / truth.length;
  const expected = (meanSpm * get('duration')!.value) / 60;
  assert.ok(Math.abs(get('steps')!.value - expected) / expected < 0.15, `${get('steps')!.value} vs ${expected}`);
  assert.equal(get('steps')!.value % 2, 0); // whole strides
});

test('chained FIT: all 7 segments are verified and decoded', async () => {
  const bytes = readFileSync(CHAINED);
  const { segments, problem } = scanFitChain(bytes);
  assert.equal(problem, null);
  assert.equal(segments.length, 7); // SOURCES.md: 7 chained segments, all CRCs valid
  assert.equal(segments.at(-1)!.end, bytes.length);
  // A swim: not a walk, so nothing is imported and the summary says what was left out.
  const walkOnly = await importFit(CHAINED);
  assert.equal(walkOnly.ok, true);
  assert.equal(walkOnly.samples, 0);
  assert.deepEqual([walkOnly.skipped, walkOnly.skippedBy], [1, { swimming: 1 }]);
  // The later segments carry the chest strap's heart rate of the swim, so reading the whole chain gives more
  // heart-rate readings than the first segment alone.
  const hrCount = (b: Uint8Array) =>
    (readFitMessages(b, new ImportSink('fit', 'x.fit', {}))?.recordMesgs ?? []).filter(
      (r) => typeof r.heartRate === 'number',
    ).length;
  assert.ok(
    hrCount(bytes) > hrCount(bytes.subarray(0, segments[0]!.end)),
    `${hrCount(bytes)} vs ${hrCount(bytes.subarray(0, segments[0]!.end))}`,
  );
});

test('the one walking rule: a FIT run is left out as a run (fenix 2), a walk is kept (fenix 5)', async () => {
  const run = await importFit(sharedData('fit/activity-small-fenix2-run.fit'));
  assert.deepEqual([run.ok, run.samples, run.skipped, run.skippedBy], [true, 0, 1, { running: 1 }]);
  assert.ok(run.recordsSeen > 0, 'its record messages are read');
  const walk = await importFit(WALK);
  assert.deepEqual([walk.skipped, walk.skippedBy], [0, {}]);
});

test('truncated FIT: located error (byte offset), strict fails, lenient keeps what was readable', async () => {
  const size = readFileSync(TRUNCATED).length;
  const strict = await collectSamples((o) => importFit(TRUNCATED, { ...o, mode: 'strict' }));
  assert.equal(strict.summary.ok, false);
  assert.deepEqual(strict.samples, []);
  const issue = strict.summary.issues[0]!;
  assert.equal(issue.code, 'truncated');
  assert.equal(issue.location.byteOffset, size);
  assert.match(issue.message, /757 data bytes/); // SOURCES.md: the header says 757 data bytes
  // That file is a run (left out whatever happens): a walk cut short keeps the records before the cut, under a
  // session built from its sport message.
  const lenient = await collectSamples((o) => importFit(TRUNCATED, o));
  assert.deepEqual(
    [lenient.summary.ok, lenient.summary.errorCount, lenient.summary.skippedBy],
    [true, 1, { running: 1 }],
  );
  const walk = readFileSync(WALK);
  const cut = await collectSamples((o) => importFitBytes('cut.fit', walk.subarray(0, walk.length - 200), o));
  assert.deepEqual([cut.summary.ok, cut.summary.errorCount, cut.summary.issues[0]?.code], [true, 1, 'truncated']);
  assert.ok(
    cut.samples.some((s) => s.kind === 'heart_rate'),
    'the readable records are kept',
  );
  assert.equal(cut.summary.skipped, 0);
});

test('a flipped byte fails the CRC; a CSV is not FIT', async () => {
  const bytes = Buffer.from(readFileSync(WALK));
  bytes[2000] = bytes[2000]! ^ 0xff;
  const s = await importFitBytes('flipped.fit', bytes, { mode: 'strict' });
  assert.equal(s.ok, false);
  assert.equal(s.issues[0]?.code, 'corrupt');
  assert.equal(s.issues[0]?.location.byteOffset, bytes.length - 2);
  const csv = await importFit(sharedData('fit/garmin-fenix-5-walk-records.csv'));
  assert.equal(csv.ok, false);
  assert.equal(csv.issues[0]?.code, 'unsupported-format');
});
