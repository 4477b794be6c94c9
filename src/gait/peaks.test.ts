import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findPeaks, sidedProminence } from './peaks.js';

// A heel signal of someone who walks into view three samples before a contact: it rises from the first sample
// to the peak, then falls far (values by hand).
const entering = [45, 51, 70, 81, 72, 59, 49, 37, 27, 20, 14, 7, -3, -16, -40, -70, -79, -75, -40, 10, 60, 82, 60];

test('Given a peak cut short by the start of the signal, then its open side is reported as open, not as small', () => {
  const s = sidedProminence(entering, 3);
  assert.deepEqual([s.leftOpen, s.rightOpen], [true, false]);
  assert.equal(s.left, 81 - 45);
  assert.equal(s.right, 81 - -79);
});

test('Given a peak near the start, then it counts only when its open side still falls the stated fraction', () => {
  const minProminence = 50; // the open side falls 36: short of 50, more than half of it
  assert.deepEqual(findPeaks(entering, { minProminence }), [], 'without the option both edge peaks are dropped');
  // The 82 at index 21 falls only 22 before the end: under half of 50, so it stays out (a slope cut by the edge).
  assert.deepEqual(findPeaks(entering, { minProminence, openEdgeFraction: 0.5 }), [3]);
  assert.deepEqual(findPeaks(entering, { minProminence, openEdgeFraction: 0.8 }), [], '36 < 0.8 * 50');
});

test('Property: the open-edge rule only ever adds peaks whose search reached an edge, and keeps every other peak', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 60 }),
      fc.double({ min: 1, max: 80, noNaN: true }),
      (x, minProminence) => {
        const plain = findPeaks(x, { minProminence });
        const edge = findPeaks(x, { minProminence, openEdgeFraction: 0.5 });
        for (const k of plain) assert.ok(edge.includes(k), `peak ${k} lost`);
        for (const k of edge.filter((k) => !plain.includes(k))) {
          const s = sidedProminence(x, k);
          assert.ok(s.leftOpen !== s.rightOpen, `added peak ${k} is not at an edge`);
          assert.ok(Math.max(s.left, s.right) >= minProminence && Math.min(s.left, s.right) >= 0.5 * minProminence);
        }
      },
    ),
  );
});
