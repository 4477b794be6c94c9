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
  // Stopping a worker while it opens its ONNX Runtime sessions aborts the whole process ("terminate called after
  // throwing an instance of 'Napi::Error'": seen in analyze-command.test's bad-input cases), so close waits for the
  // sessions. A worker's start takes 0.5-1.5 s here depending on the load; closes every 150 ms from 0.1 to 1.9 s
  // land in every part of it (without the wait, the process aborted at 0.9 s at load 7).
  for (let delayMs = 100; delayMs < 2000; delayMs += 150) {
    const pool = createPosePool(1, 'onnx', 2);
    pool.warm();
    await new Promise((r) => setTimeout(r, delayMs));
    await pool.close();
    await pool.close(); // nothing left: harmless
  }
});
