import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stillLayout, toStill } from './gait-still-layout.js';

// Shoulders at y 100, hip 300 (torso 200), knee (520, 500), ankle (500, 700), foot at y 720; thigh and shank each
// hypot(20, 200) = 201.0 px, so the leg is 402.0 px.
const P = {
  shoulder: { x: 500, y: 100 },
  hip: { x: 500, y: 300 },
  knee: { x: 520, y: 500 },
  ankle: { x: 500, y: 700 },
  heel: { x: 490, y: 720 },
  toe: { x: 540, y: 720 },
};

test('a portrait box from half a torso above the shoulders to a tenth of a leg below the foot, scaled to 480 px', () => {
  const l = stillLayout(P, { width: 1920, height: 1080 }, 480);
  // top 100 - 100 = 0; bottom 720 + 40.2 = 760.2: height 760; width 0.75 · 760.2 = 570.15 -> 570, centred on the
  // points' mean x 3050 / 6 = 508.33: x = round(508.33 - 285.08) = 223. Scale 480 / 760: 570 -> 360 px.
  assert.deepEqual(l.crop, { x: 223, y: 0, width: 570, height: 760 });
  assert.deepEqual([l.width, l.height], [360, 480]);
  assert.deepEqual(toStill(l, P.knee), { x: ((520 - 223) * 480) / 760, y: (500 * 480) / 760 });
});

test('the box stays inside the frame and is never enlarged', () => {
  // The same body 440 px to the left: x from 50 to 100.
  const near = Object.fromEntries(Object.entries(P).map(([k, p]) => [k, { x: p.x - 440, y: p.y }])) as typeof P;
  const l = stillLayout(near, { width: 1920, height: 740 }, 1000);
  // Left of the frame: x moves to 0; 760 px high does not fit 740: cut to 740, y from 0.
  assert.deepEqual(l.crop, { x: 0, y: 0, width: 570, height: 740 });
  assert.equal(l.scale, 1);
  assert.deepEqual([l.width, l.height], [570, 740]);
});
