import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { findWalker } from './find-walker.js';

const VIDEO = fileURLToPath(new URL('../../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));

test('Given the shared walk, the first pass picks the walker, not the acrobat on the box, and gives a band around her', async () => {
  // One sampled frame a second over the walker's crossing (frames 40-190) keeps this to a dozen detector runs.
  const r = await findWalker(VIDEO, { first: 40, last: 190, samplesPerSecond: 1 });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const { candidates, chosen, roi } = r.value;
  assert.equal(r.value.every, 30);
  assert.equal(chosen, 0);
  const walker = candidates[0]!;
  assert.ok(walker.boxes.length >= 4, `${walker.boxes.length} boxes`);
  // Expected track from the hand annotation, not from the detector: the annotator's crop window followed her lower
  // body at x = 1416 - (n - 60) * 10.2 (docs/gait-reference.md, pass 2 command).
  for (const b of walker.boxes) {
    const expected = 1416 - (b.index - 60) * 10.2;
    assert.ok(Math.abs(b.hipX - expected) < 150, `frame ${b.index}: hip x ${b.hipX.toFixed(0)} vs ${expected.toFixed(0)}`);
  }
  // The acrobat stands on the box with his hips near (590, 260) and his feet at y ~420 (read off frame 20 by eye):
  // he is a candidate too, and the band starts below his feet but reaches her feet (y ~920-940).
  assert.ok(candidates.some((c) => c !== walker && c.boxes.some((b) => Math.abs(b.hipX - 590) < 120 && Math.abs(b.hipY - 260) < 120)),
    'the acrobat is listed as another candidate');
  assert.ok(roi);
  assert.ok(roi!.y > 420 && roi!.y + roi!.height >= 940, JSON.stringify(roi));
});

test('Given a missing file, the scan returns a located error value', async () => {
  const r = await findWalker('/nonexistent/walk.mp4');
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.error.location.file, '/nonexistent/walk.mp4');
});
