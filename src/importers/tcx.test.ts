import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSamples } from './import-sink.js';
import { sharedData } from '../../test/helpers/shared-data.js';
import { importTcx } from './tcx.js';

const RUN = sharedData('tcx/tcxparser-test-run.tcx');
const dir = mkdtempSync(join(tmpdir(), 'footing-tcx-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The shared file is a run, which the walking rule leaves out; its laps and points read as a walk (Sport="Other",
 * how Garmin writes a walk) test the reading of TCX. */
const TCX = join(dir, 'walk.tcx');
writeFileSync(TCX, readFileSync(RUN, 'utf8').replace('Sport="Running"', 'Sport="Other"'));

/** The device's lap totals, read from the raw text. SOURCES.md: 1609.34, 1609.34, 1470.55 m; 608.47, 714.80, 669.51 s. */
function lapTotals() {
  const text = readFileSync(TCX, 'utf8');
  return [
    ...text.matchAll(
      /<Lap StartTime="([^"]+)">\s*<TotalTimeSeconds>([\d.]+)<\/TotalTimeSeconds>\s*<DistanceMeters>([\d.]+)<\/DistanceMeters>/g,
    ),
  ].map((m) => ({ start: m[1]!, seconds: Number(m[2]), metres: Number(m[3]) }));
}

test('laps: duration and distance are the device totals; start times as written', async () => {
  const laps = lapTotals();
  assert.deepEqual(
    laps.map((l) => l.seconds),
    [608.47, 714.8, 669.51],
  );
  const { samples, summary } = await collectSamples((o) => importTcx(TCX, { ...o, offsetMinutes: 0 }));
  assert.equal(summary.ok, true);
  assert.equal(summary.recordsSeen, 384); // SOURCES.md: 384 trackpoints
  assert.deepEqual(
    samples.filter((s) => s.kind === 'duration').map((s) => s.value),
    laps.map((l) => l.seconds),
  );
  assert.deepEqual(
    samples.filter((s) => s.kind === 'distance').map((s) => s.value),
    laps.map((l) => l.metres),
  );
  assert.deepEqual(
    samples.filter((s) => s.kind === 'duration').map((s) => s.start),
    laps.map((l) => l.start.replace('Z', '+00:00')),
  );
  const total = laps.reduce((n, l) => n + l.metres, 0);
  assert.ok(Math.abs(summary.daily['2012-12-26']!.distance_m - total) < 0.01);
});

test('distance re-derived from the track points agrees with the device lap totals (within 1 %, total within 0.1 %)', async () => {
  const laps = lapTotals();
  const { samples } = await collectSamples((o) => importTcx(TCX, { ...o, offsetMinutes: 0, distanceFrom: 'track' }));
  const derived = samples.filter((s) => s.kind === 'distance').map((s) => s.value);
  derived.forEach((d, i) =>
    assert.ok(Math.abs(d - laps[i]!.metres) / laps[i]!.metres < 0.01, `lap ${i}: ${d} vs ${laps[i]!.metres}`),
  );
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum(derived) - sum(laps.map((l) => l.metres))) / sum(laps.map((l) => l.metres)) < 0.001);
});

test('heart rate per trackpoint matches the raw text', async () => {
  const text = readFileSync(TCX, 'utf8');
  const hrs = [...text.matchAll(/<HeartRateBpm>\s*<Value>(\d+)<\/Value>/g)].map((m) => Number(m[1]));
  const { samples } = await collectSamples((o) => importTcx(TCX, { ...o, offsetMinutes: 0 }));
  assert.deepEqual(
    samples.filter((s) => s.kind === 'heart_rate').map((s) => s.value),
    hrs,
  );
});

test('the one walking rule: the real run is left out as a run, a ride as a ride, each activity counted once', async () => {
  const run = await importTcx(RUN, { offsetMinutes: 0 });
  assert.deepEqual([run.ok, run.samples, run.skipped, run.skippedBy], [true, 0, 1, { running: 1 }]);
  assert.equal(run.recordsSeen, 384, 'its track points are still read');
  const bike = join(dir, 'bike.tcx');
  writeFileSync(bike, readFileSync(RUN, 'utf8').replace('Sport="Running"', 'Sport="Biking"'));
  const b = await importTcx(bike, { offsetMinutes: 0 });
  assert.deepEqual([b.samples, b.skipped, b.skippedBy], [0, 1, { cycling: 1 }]);
});

test('a cut file is a located truncation', async () => {
  const text = readFileSync(TCX, 'utf8');
  const cut = join(dir, 'cut.tcx');
  writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
  const c = await importTcx(cut, { offsetMinutes: 0, mode: 'strict' });
  assert.equal(c.ok, false);
  const issue = c.issues.find((i) => i.severity === 'error')!;
  assert.equal(issue.code, 'truncated');
  assert.ok(issue.location.line! > 1);
});

test('without a time zone the warning points at the first lap it concerns', async () => {
  const text = readFileSync(TCX, 'utf8');
  const s = await importTcx(TCX);
  assert.deepEqual(
    s.issues.map((i) => [i.severity, i.location.line, i.location.field]),
    [['warning', text.slice(0, text.indexOf('<Lap ')).split('\n').length, 'StartTime']],
  );
  assert.ok(s.issues[0]!.location.column! >= 1);
});
