/**
 * The pose worker pool's warm start (issue 13): `warm()` starts workers before any job and sends them the graphs as
 * their first message, so their start runs beside the caller's own. What must hold: a warmed pool gives the same
 * answer as one started by its first job, a pool warmed and closed without a job stops cleanly, and a pool with one
 * worker warmed and one not runs a job on each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { probeVideo } from './ffmpeg-frames.js';
import { findWalker } from './find-walker.js';
import { createPosePool } from './worker-pool.js';

const VIDEO = fileURLToPath(new URL('../../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));

test('Given a warmed pool, the walker scan finds the same people, box for box, as with workers started by their jobs', async () => {
  const video = await probeVideo(VIDEO);
  assert.ok(video.ok);
  // Frames 90-150, every 15th: 5 sampled frames, split over the two workers (two jobs, one on each).
  const scan = async (warm: boolean) => {
    const pool = createPosePool(2, 'onnx', 1);
    if (warm) pool.warm(1); // one worker warmed, the other started by its job
    try {
      const r = await findWalker(video.value, { first: 90, last: 150, pool });
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.equal(r.value.segments.length, 2, 'a job on each worker');
      return r.value.candidates;
    } finally {
      await pool.close();
    }
  };
  const cold = await scan(false);
  const warm = await scan(true);
  assert.ok(cold.length > 0, 'someone was found');
  assert.deepEqual(warm, cold);
});

test('Given a pool warmed and closed before any job, at any point of its start, its workers stop and close resolves', async () => {
  // Closed while the worker loads its modules or opens its ONNX Runtime sessions. Stopping a worker in the middle of
  // opening a session once aborted the whole process (terminate called after a Napi::Error, in analyze-command.test's
  // bad-input cases), so close waits for the sessions; this checks that the wait always ends, whatever the moment.
  // (It did not reproduce the abort without the wait: that moment is narrow.)
  for (const delayMs of [0, 200, 400, 600, 800]) {
    const pool = createPosePool(1, 'onnx', 1);
    pool.warm();
    await new Promise((r) => setTimeout(r, delayMs));
    await pool.close();
    await pool.close(); // nothing left: harmless
  }
});
