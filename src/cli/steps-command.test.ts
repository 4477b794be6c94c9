import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test/helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'footing-steps-'));

test('footing steps counts a plain t,x,y,z file: 20 s at 2 steps/s is 40 steps, 19.5 s walking, 120 steps/min', async () => {
  // Peaks at (k + 0.25) / 2 s for k = 0..39 after 2 s still: 40 steps, 39 intervals of 0.5 s.
  const lines = ['t,x,y,z'];
  for (let i = 0; i <= 2400; i++) {
    const t = i / 100;
    const m = t < 2 || t > 22 ? 9.81 : 9.81 + 2 * Math.sin(2 * Math.PI * 2 * (t - 2));
    lines.push(`${t.toFixed(2)},0,${m.toFixed(4)},0`);
  }
  const file = join(dir, 'walk.csv');
  writeFileSync(file, lines.join('\n'));
  const json = await runCli(['steps', file, '--json']);
  assert.equal(json.code, 0, json.err);
  assert.deepEqual(JSON.parse(json.out), { steps: 40, walking_s: 19.5, cadence_spm: 120 });
  const text = await runCli(['steps', file]);
  assert.equal(text.out, '40 steps\nWalking time: 0 min 20 s\nCadence: 120 steps/min\n');
});

test('footing steps: a bad line is named by file, line and field, nothing is counted, exit 1; a missing file too', async () => {
  const file = join(dir, 'bad.csv');
  writeFileSync(file, 't,x,y,z\n0,0,0,9.8\n0.01,0,zero,9.8\n');
  const r = await runCli(['steps', file, '--json']);
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.match(r.err, /bad\.csv:3 \(y\): "zero" is not a number/);
  assert.doesNotMatch(r.err, /\n\s+at /); // no stack trace
  const missing = await runCli(['steps', join(dir, 'nope.csv')]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /nope\.csv: cannot read the file \(ENOENT\)/);
  assert.equal((await runCli(['steps'])).code, 2);
});
