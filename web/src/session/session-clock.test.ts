/**
 * The guided session's clock (session-clock.ts), in Node: time passing over segments, skips, pause. The segments
 * are made by hand (two exercises: a 5 s get-ready, two 10 s holds with a 3 s relax between; then a 5 s get-ready
 * and a 20 s timed foot), so every expected index and second below is counted from this list.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Segment, SegmentKind } from './segments.js';
import { skipExercise, skipSegment, startState, tick, type RunnerState } from './session-clock.js';

const seg = (item: number, kind: SegmentKind, seconds: number): Segment => ({
  item,
  kind,
  seconds,
  title: kind,
  detail: '',
  cue: kind,
});
const SEGMENTS: Segment[] = [
  seg(0, 'ready', 5),
  seg(0, 'work', 10),
  seg(0, 'relax', 3),
  seg(0, 'work', 10),
  seg(1, 'ready', 5),
  seg(1, 'work', 20),
];
const at = (s: RunnerState) => [s.index, s.elapsed, s.finished];

test('Time passes within a segment, then into the next, the rest carried over', () => {
  let s = tick(SEGMENTS, startState(SEGMENTS), 4);
  assert.deepEqual(at(s), [0, 4, false]);
  s = tick(SEGMENTS, s, 1.5); // 5.5 s: the 5 s get-ready is over, 0.5 s into the first hold
  assert.deepEqual(at(s), [1, 0.5, false]);
  assert.deepEqual(s.outcomes, [{ done: true, seconds: 5 }]);
});

test('One long tick (a phone waking up) ends every segment it covers, each done in full', () => {
  // 5 + 10 + 3 = 18 s ends three segments; 20 s is 2 s into the second hold.
  const s = tick(SEGMENTS, startState(SEGMENTS), 20);
  assert.deepEqual(at(s), [3, 2, false]);
  assert.deepEqual(s.outcomes, [
    { done: true, seconds: 5 },
    { done: true, seconds: 10 },
    { done: true, seconds: 3 },
  ]);
  // The whole session is 53 s: one more tick past it finishes it, with nothing left over.
  const end = tick(SEGMENTS, s, 100);
  assert.deepEqual(at(end), [6, 0, true]);
  assert.equal(end.outcomes.filter((o) => o?.done).length, 6);
});

test('Paused, the clock does not move; finished, nothing changes', () => {
  const paused = { ...tick(SEGMENTS, startState(SEGMENTS), 7), paused: true };
  assert.equal(tick(SEGMENTS, paused, 30), paused);
  const done = tick(SEGMENTS, startState(SEGMENTS), 60);
  assert.equal(tick(SEGMENTS, done, 1), done);
  assert.equal(skipSegment(SEGMENTS, done), done);
  assert.equal(skipExercise(SEGMENTS, done), done);
});

test('A hold skipped part way counts the seconds held; a skipped pause counts none', () => {
  let s = tick(SEGMENTS, startState(SEGMENTS), 5 + 6.5); // 6.5 s into the first hold
  s = skipSegment(SEGMENTS, s);
  assert.deepEqual(at(s), [2, 0, false]);
  assert.deepEqual(s.outcomes[1], { done: false, seconds: 6.5 });
  s = tick(SEGMENTS, s, 1); // 1 s into the relax
  s = skipSegment(SEGMENTS, s);
  assert.deepEqual(s.outcomes[2], { done: false, seconds: 0 });
  assert.equal(s.index, 3);
});

test("Skipping an exercise goes to the next one's first segment; the segments jumped over are not done", () => {
  let s = tick(SEGMENTS, startState(SEGMENTS), 5 + 4); // 4 s into the first hold of exercise 0
  s = skipExercise(SEGMENTS, s);
  assert.deepEqual(at(s), [4, 0, false]);
  assert.deepEqual(s.outcomes.slice(1, 4), [
    { done: false, seconds: 4 },
    { done: false, seconds: 0 },
    { done: false, seconds: 0 },
  ]);
  // Skipping the last exercise ends the session.
  s = skipExercise(SEGMENTS, s);
  assert.deepEqual(at(s), [6, 0, true]);
  assert.deepEqual(s.outcomes[4], { done: false, seconds: 0 }); // it was a get-ready
  assert.deepEqual(s.outcomes[5], { done: false, seconds: 0 });
});

test('A session with nothing to do is finished from the start', () => {
  assert.equal(startState([]).finished, true);
});
