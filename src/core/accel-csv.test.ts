import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countFootSwitchSteps, parseAccelCsv } from './accel-csv.js';

test('Plain t,x,y,z: seconds without a header; a header names milliseconds or nanoseconds', () => {
  const s = parseAccelCsv('0,0.1,0.2,9.8\n0.02,0.1,0.3,9.7\n');
  assert.equal(s.layout, 'plain');
  assert.deepEqual(s.samples, [
    [0, 0.1, 0.2, 9.8],
    [20, 0.1, 0.3, 9.7],
  ]);
  assert.deepEqual(parseAccelCsv('t_ms,x,y,z\n100,1,2,3\n').samples, [[100, 1, 2, 3]]);
  assert.deepEqual(parseAccelCsv('t_ns,x,y,z\r\n5000000,1,2,3\r\n').samples, [[5, 1, 2, 3]]);
  assert.deepEqual(parseAccelCsv('T,X,Y,Z\n1.5,1,2,3\n').samples, [[1500, 1, 2, 3]]);
  assert.equal(parseAccelCsv('').problems[0]!.message, 'no samples: the file is empty');
});

test('The Oxford layouts: 5 columns (accuracy flag second) and 7 (cumulative steps, ground truth in the sixth)', () => {
  const opt = parseAccelCsv('583718602288785,3,-1.8,2.5,9.5\n583718622014098,3,-1.2,3.1,7.0\n');
  assert.equal(opt.layout, 'oxford-optimisation');
  assert.deepEqual(opt.samples[1], [583718622.014098, -1.2, 3.1, 7.0]);
  assert.equal(opt.groundTruthSteps, null);
  const val = parseAccelCsv('1012461540465,0.0,0.0,0.0,0,0,0\n1012471532132,0.48,2.45,4.96,1,2,0\n');
  assert.equal(val.layout, 'oxford-validation');
  assert.deepEqual(val.samples[1], [1012471.532132, 0.48, 2.45, 4.96]);
  assert.equal(val.groundTruthSteps, 2);
  // Foot switches: each 0->1 of either foot is a step (3 here).
  assert.equal(countFootSwitchSteps('1,1,0\n2,0,0\n3,1,0\n4,1,1\n5,0,0\n6,0,1\n'), 3);
});

test('A bad line is located (line, field) and never thrown', () => {
  const r = parseAccelCsv('t,x,y,z\n0.01,1,2,3\n0.02,1,abc,3\n0.03,1,2\n0.005,1,2,3\n0.04,1,2,3\n');
  assert.deepEqual(r.problems, [
    { line: 3, field: 'y', message: '"abc" is not a number' },
    { line: 4, field: 'columns', message: 'expected 4 columns like the first line, found 3' },
    { line: 5, field: 't', message: 'time goes backwards' },
  ]);
  assert.equal(r.samples.length, 2);
  const wrong = parseAccelCsv('# a comment\n1,2,3,4,5,6\n');
  assert.deepEqual(wrong.problems, [
    {
      line: 2,
      field: 'columns',
      message: "expected 4 columns (t,x,y,z), or an Oxford step counter file's 5 or 7; found 6",
    },
  ]);
  assert.equal(parseAccelCsv('0,1,2,Infinity\n').problems[0]!.field, 'z');
  assert.equal(parseAccelCsv('0,1,2,1e999\n').problems[0]!.field, 'z');
});
