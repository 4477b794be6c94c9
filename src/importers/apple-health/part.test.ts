import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSplitPoint, importAppleHealth, importAppleHealthPart } from './import.js';
import { combinePartSummaries } from '../import-sink.js';
import { sharedData } from '../../../test/helpers/shared-data.js';

const APPLE = sharedData('apple-health/export6s3sample.xml');
const text = readFileSync(APPLE, 'latin1');
const tmp = mkdtempSync(join(tmpdir(), 'footing-part-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

test('The cut is the start of the first line after the point that opens an element with one space of indent', async () => {
  const at = await findSplitPoint(APPLE, text.length);
  assert.ok(at !== null);
  assert.ok(at >= text.length / 2);
  assert.equal(text.slice(at - 2, at + 1), '\n <');
  assert.equal(
    text.slice(text.length / 2, at).split('\n').length,
    2,
    'no line start between the middle and the cut was skipped',
  );
});

test('Two parts cut between records sum to the whole file: samples, counts and daily totals', async () => {
  const cut = text.indexOf(' <Record type="HKQuantityTypeIdentifierStepCount"', text.indexOf('value="426"')) + 1;
  const whole = await importAppleHealth(APPLE, { onBatch: () => {} });
  const got: string[][] = [[], []];
  const first = await importAppleHealthPart(
    APPLE,
    { start: 0, end: cut, first: true },
    { onBatch: (b) => void got[0]!.push(...b.map((s) => s.start)) },
  );
  const second = await importAppleHealthPart(
    APPLE,
    { start: cut, end: text.length, first: false },
    { onBatch: (b) => void got[1]!.push(...b.map((s) => s.start)) },
  );
  assert.deepEqual([first.valid, second.valid], [true, true]);
  assert.deepEqual([got[0]!.length, got[1]!.length], [3, 12]);
  const combined = combinePartSummaries(first.summary, second.summary, [first.merger, second.merger]);
  assert.deepEqual({ ...combined, issues: [] }, { ...whole, issues: [] });
});

test('A first part that ends inside an element, or a second part with a bad record, does not stand', async () => {
  const inWorkout = text
    .replace(
      '  <Workout workoutActivityType="HKWorkoutActivityTypeOther"',
      ' <Workout workoutActivityType="HKWorkoutActivityTypeWalking"',
    )
    .replace(/(<Workout [^>]*)\/>/, '$1>\n  <MetadataEntry key="k" value="v"/>\n </Workout>');
  const p = join(tmp, 'workout.xml');
  writeFileSync(p, inWorkout, 'latin1');
  const cut = inWorkout.indexOf('<MetadataEntry');
  assert.equal((await importAppleHealthPart(p, { start: 0, end: cut, first: true })).valid, false);
  const bad = join(tmp, 'bad.xml');
  writeFileSync(bad, text.replace('value="200"', 'value="many"'), 'latin1');
  const at = text.indexOf(' <Record', text.indexOf('value="61"')) + 1;
  assert.equal((await importAppleHealthPart(bad, { start: at, end: text.length, first: false })).valid, false);
  assert.equal((await importAppleHealthPart(bad, { start: 0, end: at, first: true })).valid, true);
});
