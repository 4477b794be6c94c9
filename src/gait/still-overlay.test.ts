import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KeyFrame } from './angle-curves.js';
import { degrees, SIDE_COLOURS, stillOverlaySvg } from './still-overlay.js';

// A key frame drawn by hand: a left leg in a 480 x 640 still taken 1:1 from the video at offset (100, 50).
const layout = { crop: { x: 100, y: 50, width: 480, height: 640 }, scale: 1, width: 480, height: 640 };
const k: KeyFrame = {
  event: 'initial_contact',
  side: 'left',
  time: 1.2,
  frame: 36,
  points: {
    shoulder: { x: 300, y: 150 },
    hip: { x: 300, y: 350 },
    knee: { x: 340, y: 500 },
    ankle: { x: 330, y: 640 },
    heel: { x: 310, y: 660 },
    toe: { x: 370, y: 665 },
  },
  angles: { hip: 25.4, knee: -6.6, ankle: null },
};

test('degrees: rounded, a true minus sign, a dash when not measured', () => {
  assert.equal(degrees(25.4), '25°');
  assert.equal(degrees(-6.6), '−7°');
  assert.equal(degrees(null), '–');
});

test("the overlay: the leg in its side colour at the still's coordinates, the trunk in white, arcs, and the angles", () => {
  const svg = stillOverlaySvg(k, layout);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="480" height="640" viewBox="0 0 480 640">/);
  // Video (300, 350) -> still (200, 300); (340, 500) -> (240, 450): the thigh, drawn in the left side's orange.
  assert.ok(
    svg.includes(`x1="200" y1="300" x2="240" y2="450" stroke-linecap="round" stroke="#000000"`),
    'thigh outline',
  );
  assert.ok(
    svg.includes(`x1="200" y1="300" x2="240" y2="450" stroke-linecap="round" stroke="${SIDE_COLOURS.left}"`),
    'thigh in orange',
  );
  // The trunk: shoulder (200, 100) to hip (200, 300), white.
  assert.ok(svg.includes(`x1="200" y1="100" x2="200" y2="300" stroke-linecap="round" stroke="#ffffff"`), 'trunk line');
  assert.equal((svg.match(/<path d="M /g) ?? []).length, 2, 'an arc at the hip and at the knee');
  for (const text of ['>25°<', '>−7°<', '>–<']) assert.ok(svg.includes(text), text);
  assert.doesNotMatch(svg, /NaN|Infinity/);
});

test('a right leg is blue; a point the model lost is left out rather than drawn at NaN', () => {
  const right: KeyFrame = { ...k, side: 'right', points: { ...k.points, toe: { x: Number.NaN, y: Number.NaN } } };
  const svg = stillOverlaySvg(right, layout);
  assert.ok(svg.includes(`stroke="${SIDE_COLOURS.right}"`));
  assert.ok(!svg.includes(`stroke="${SIDE_COLOURS.left}"`));
  assert.doesNotMatch(svg, /NaN|Infinity/);
  // Heel to toe and ankle to toe are gone: 4 segments of the leg and trunk remain (hip-knee, knee-ankle, ankle-heel, trunk).
  assert.equal((svg.match(/<line /g) ?? []).length, 4 * 2);
});
