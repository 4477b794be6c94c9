/**
 * Stills made from a video file on the server (video-stills.ts), on the real shared side walk and the keypoints the
 * pipeline found on it (test/fixtures/keypoints): the right frame, cropped and scaled as the layout says, with the
 * leg drawn where the keypoints are, as a JPEG within the stored limit. The frame is checked against the same crop
 * made independently by ffmpeg selecting the frame by its number (not by its time, as video-stills.ts does).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { analyzeGait } from '../gait/analyze-gait.js';
import { GaitStillSchema, STILL_MAX_BYTES } from '../gait/gait-stills.js';
import type { KeypointSeries } from '../gait/keypoints.js';
import { SIDE_COLOURS } from '../gait/still-overlay.js';
import { stillLayout, toStill } from '../core/report/gait-still-layout.js';
import { sharedData } from '../../test/helpers/shared-data.js';
import { probeVideo } from './ffmpeg-frames.js';
import { videoStills } from './video-stills.js';

const run = promisify(execFile);
const VIDEO = sharedData('video/sports2d_demo_walk_side.mp4');
const series = JSON.parse(
  readFileSync(new URL('../../test/fixtures/keypoints/sports2d_demo_walk_side_pipeline.json', import.meta.url), 'utf8'),
) as KeypointSeries;

/** Raw RGB of a JPEG (as ffmpeg decodes it), or of frame `n` of the video cropped and scaled like a still. */
async function rgb(args: string[]): Promise<Buffer> {
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', '-nostdin', ...args, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    { encoding: 'buffer', maxBuffer: 64 << 20 },
  );
  return stdout as unknown as Buffer;
}
const meanAbs = (a: Buffer, b: Buffer) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
};

test(
  "stills of the key moments from the video file: the model's frame, the walker's box, the leg drawn on it, within the limit",
  { timeout: 120_000 },
  async () => {
    const keyFrames = analyzeGait(series).keyFrames;
    assert.ok(keyFrames.length >= 2, 'the walk has key frames');
    const chosen = keyFrames.slice(0, 2);
    const probe = await probeVideo(VIDEO);
    assert.ok(probe.ok);
    const stills = await videoStills(probe.value, series, chosen);
    assert.equal(stills.length, chosen.length);
    for (const [i, s] of stills.entries()) {
      const k = chosen[i]!;
      assert.ok(GaitStillSchema.safeParse(s).success, 'a valid still record');
      assert.equal(s.type, 'image/jpeg');
      assert.ok(Buffer.from(s.data, 'base64').length <= STILL_MAX_BYTES);
      assert.deepEqual([s.event, s.side, s.frame], [k.event, k.side, k.frame]);
      const layout = stillLayout(k.points, series, 480);
      assert.deepEqual([s.width, s.height], [layout.width, layout.height]);

      // The picture under the drawing is the frame the model saw: nearer the independent crop of that frame than of
      // the frames 3 before and after it (the walker moves by a few centimetres a frame).
      const own = await decodeJpeg(s.data);
      const frameOf = (n: number) =>
        rgb([
          '-i',
          VIDEO,
          '-vf',
          `select='eq(n\\,${n})',crop=${layout.crop.width}:${layout.crop.height}:${layout.crop.x}:${layout.crop.y},scale=${layout.width}:${layout.height}`,
        ]);
      const index = series.frames[k.frame]!.index;
      const [same, before, after] = await Promise.all([frameOf(index), frameOf(index - 3), frameOf(index + 3)]);
      const d = meanAbs(own, same);
      assert.ok(
        d < meanAbs(own, before) && d < meanAbs(own, after),
        `frame ${index}: ${d.toFixed(1)} vs ${meanAbs(own, before).toFixed(1)} / ${meanAbs(own, after).toFixed(1)}`,
      );

      // The thigh is drawn in the side's colour where the keypoints put it: the middle of hip-knee on the still.
      const hip = toStill(layout, k.points.hip);
      const knee = toStill(layout, k.points.knee);
      const at = (Math.round((hip.y + knee.y) / 2) * layout.width + Math.round((hip.x + knee.x) / 2)) * 3;
      const want = SIDE_COLOURS[k.side].match(/[0-9a-f]{2}/g)!.map((h) => parseInt(h, 16));
      const got = [own[at]!, own[at + 1]!, own[at + 2]!];
      const under = [same[at]!, same[at + 1]!, same[at + 2]!];
      const dist = (a: number[]) => Math.hypot(...a.map((v, c) => v - want[c]!));
      // JPEG's halved colour resolution blurs a 4 px line's colour, so: far nearer the side's colour than the video there.
      assert.ok(
        dist(got) < 0.5 * dist(under) && dist(got) < 100,
        `thigh pixel ${got} (video ${under}) is drawn in the ${k.side} colour ${want}`,
      );
    }
  },
);

/** A JPEG's RGB pixels, decoded by ffmpeg from a temporary pipe. */
async function decodeJpeg(b64: string): Promise<Buffer> {
  const child = spawn('ffmpeg', [
    '-v',
    'error',
    '-nostdin',
    '-f',
    'jpeg_pipe',
    '-i',
    'pipe:0',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ]);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stdin.end(Buffer.from(b64, 'base64'));
  await new Promise((resolve) => child.on('close', resolve));
  return Buffer.concat(chunks);
}
