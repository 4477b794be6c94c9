import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { padFrames, planSegments } from './segment-plan.js';

test('Given 230 frames, 2 parts and 15 warm-up frames, the halves carry equal work and the seam is warmed up', () => {
  const s = planSegments(0, 229, 2, 15);
  assert.equal(s.length, 2);
  // Work = estimated frames: (230 + 15) / 2 = 122.5 each; by hand: segment 0 returns 0..122 (123 frames),
  // segment 1 returns 123..229 (107) and estimates from 108 (122 frames).
  assert.deepEqual(s[0], { first: 0, last: 122, decodeFirst: 0 });
  assert.deepEqual(s[1], { first: 123, last: 229, decodeFirst: 108 });
});

test('Segments tile the range exactly, in order, each later one warmed up without leaving the range', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 500 }),
      fc.integer({ min: 1, max: 2000 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 40 }),
      (first, n, parts, warmup) => {
        const last = first + n - 1;
        const s = planSegments(first, last, parts, warmup);
        assert.ok(s.length >= 1 && s.length <= parts);
        assert.equal(s[0]!.first, first);
        assert.equal(s.at(-1)!.last, last);
        for (let i = 0; i < s.length; i++) {
          assert.ok(s[i]!.first <= s[i]!.last);
          assert.ok(s[i]!.decodeFirst >= first && s[i]!.decodeFirst <= s[i]!.first);
          if (i > 0) {
            assert.equal(s[i]!.first, s[i - 1]!.last + 1);
            assert.equal(s[i]!.decodeFirst, Math.max(first, s[i]!.first - warmup));
          }
        }
      },
    ),
  );
});

test('Rounding never leaves a later segment empty (6 frames, 4 parts, no warm-up: 1.5 frames each)', () => {
  const s = planSegments(0, 5, 4, 0);
  assert.equal(s.length, 4);
  assert.ok(s.every((x) => x.first <= x.last));
  assert.equal(s.at(-1)!.last, 5);
});

test('A range too short to be worth splitting stays one segment', () => {
  assert.deepEqual(planSegments(10, 30, 2, 15), [{ first: 10, last: 30, decodeFirst: 10 }]);
});

test('Padding keeps estimated frames and fills the others with nobody at their real times', () => {
  const times = [0, 0.04, 0.07, 0.1, 0.14];
  const person = { score: 1, image: [], world: null };
  const out = padFrames([{ index: 2, time: 0.07, people: [person] }], times, 1, 4);
  assert.deepEqual(
    out.map((f) => f.index),
    [1, 2, 3, 4],
  );
  assert.deepEqual(
    out.map((f) => f.time),
    [0.04, 0.07, 0.1, 0.14],
  );
  assert.deepEqual(
    out.map((f) => f.people.length),
    [0, 1, 0, 0],
  );
});
