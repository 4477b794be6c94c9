import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { treadmillAndPasserClip } from '../../test/helpers/bad-gait-clips.js';
import { findWalker } from './find-walker.js';
import { MIN_TRAVEL_RADII } from './walker-choice.js';

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
    assert.ok(
      Math.abs(b.hipX - expected) < 150,
      `frame ${b.index}: hip x ${b.hipX.toFixed(0)} vs ${expected.toFixed(0)}`,
    );
  }
  // The acrobat stands on the box with his hips near (590, 260) and his feet at y ~420 (read off frame 20 by eye):
  // he is a candidate too, and the band starts below his feet but reaches her feet (y ~920-940).
  assert.ok(
    candidates.some(
      (c) => c !== walker && c.boxes.some((b) => Math.abs(b.hipX - 590) < 120 && Math.abs(b.hipY - 260) < 120),
    ),
    'the acrobat is listed as another candidate',
  );
  assert.ok(roi);
  assert.ok(roi!.y > 420 && roi!.y + roi!.height >= 940, JSON.stringify(roi));
});

test('Given a missing file, the scan returns a located error value', async () => {
  const r = await findWalker('/nonexistent/walk.mp4');
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.error.location.file, '/nonexistent/walk.mp4');
});

test('Given a treadmill runner and someone walking past for 2 s, the scan follows the runner (issue 16 item 5)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'footing-passer-'));
  try {
    const r = await findWalker(await treadmillAndPasserClip(dir));
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    const { candidates, chosen } = r.value;
    // By the clip's making: the left 270 px are the treadmill, the right 300 the window the passer crosses.
    const runner = candidates[chosen!]!;
    assert.ok(
      runner.boxes.every((b) => b.hipX < 270),
      'the runner on the treadmill is followed',
    );
    const passer = candidates.find((c) => c.boxes.length >= 3 && c.boxes.every((b) => b.hipX > 270));
    assert.ok(passer, 'the passer-by is seen on at least 3 samples');
    // She travels far enough that a ranking by travel alone would have taken her: the case this test is for.
    assert.ok(passer.travel >= MIN_TRAVEL_RADII && passer.travel > runner.travel, `passer travel ${passer.travel}`);
    assert.ok(runner.walked > passer.walked);
    // Seen for 2 of the 4.5 s: not a rival (under half the runner's samples), as in the gait analysis.
    assert.equal(r.value.rival, null);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
