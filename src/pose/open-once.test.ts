/**
 * "Open once" (issue 12 item 4): a video is probed once and the probed value goes down the whole Node pose
 * pipeline, worker threads included. Counted by putting a logging ffprobe first on PATH (the workers inherit it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { probeVideo } from './ffmpeg-frames.js';
import { estimateWalker } from './estimate-walker.js';
import { timedFrames } from './timed-frames.js';

const VIDEO = fileURLToPath(new URL('../../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));

test('Given a probed video, the pose pipeline (scan, pose pass, workers) runs ffprobe no more', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'footing-open-once-'));
  const log = join(dir, 'calls');
  const real = execFileSync('sh', ['-c', 'command -v ffprobe'], { encoding: 'utf8' }).trim();
  writeFileSync(join(dir, 'ffprobe'), `#!/bin/sh\necho call >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(dir, 'ffprobe'), 0o755);
  const path = process.env.PATH;
  process.env.PATH = `${dir}:${path}`;
  const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0);
  try {
    const video = await probeVideo(VIDEO);
    assert.ok(video.ok);
    assert.equal(calls(), 2, 'probing is two ffprobe runs (stream, then packet times): the wrapper is on PATH');
    // The walker scan and then the pose pass (one worker: a second model load would only cost time), frames 100-119.
    const r = await estimateWalker(video.value, { first: 100, last: 119, workers: 1 });
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal(r.value.series.frames.length, 20);
    assert.ok(
      r.value.series.frames.some((f) => f.people.length > 0),
      'someone was found',
    );
    assert.equal(calls(), 2, 'no ffprobe run after the first probe');
  } finally {
    process.env.PATH = path;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Given three items and a source that waits, timedFrames passes them through and tells each wait', async () => {
  async function* slow() {
    for (const x of ['a', 'b', 'c']) {
      await new Promise((r) => setTimeout(r, 20));
      yield x;
    }
  }
  const waits: Array<[number, boolean]> = [];
  const got: string[] = [];
  for await (const x of timedFrames(slow(), (ms, done) => waits.push([ms, done]))) got.push(x);
  assert.deepEqual(got, ['a', 'b', 'c']);
  assert.deepEqual(
    waits.map(([, done]) => done),
    [false, false, false, true],
  );
  // Each item took a 20 ms timer (timers may fire a little early: 15 ms is a safe floor); the end came at once.
  for (const [ms] of waits.slice(0, 3)) assert.ok(ms >= 15, `${ms} ms`);
});
