/** A saved still as JPEG for the PDF (still-jpeg.ts): JPEG as it is, WebP through ffmpeg, a broken picture null. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { stillAsJpeg } from './still-jpeg.js';

const picture = (codec: 'libwebp' | 'mjpeg', format: 'webp' | 'image2pipe') =>
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'color=c=0x3366cc:s=48x64',
    '-frames:v',
    '1',
    '-c:v',
    codec,
    '-f',
    format,
    'pipe:1',
  ]);

test('a JPEG is handed on unchanged; a WebP comes back as a JPEG of the same size and colour; a broken WebP gives null', async () => {
  const jpeg = picture('mjpeg', 'image2pipe');
  assert.equal(await stillAsJpeg({ type: 'image/jpeg', bytes: jpeg }), jpeg);
  const converted = await stillAsJpeg({ type: 'image/webp', bytes: picture('libwebp', 'webp') });
  assert.ok(converted && converted[0] === 0xff && converted[1] === 0xd8, 'a JPEG');
  // Read back by ffmpeg as raw RGB: 48 × 64 pixels, the middle one near #3366cc (lossy both ways).
  const rgb = execFileSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'image2pipe',
      '-c:v',
      'mjpeg',
      '-i',
      'pipe:0',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { input: converted },
  );
  assert.equal(rgb.length, 48 * 64 * 3);
  const mid = (32 * 48 + 24) * 3;
  assert.ok(
    [0x33, 0x66, 0xcc].every((c, i) => Math.abs(rgb[mid + i]! - c) <= 12),
    `middle pixel ${[...rgb.subarray(mid, mid + 3)]}`,
  );
  const broken = Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([0x20, 0, 0, 0]),
    Buffer.from('WEBPVP8 '),
    Buffer.alloc(200, 3),
  ]);
  assert.equal(await stillAsJpeg({ type: 'image/webp', bytes: broken }), null);
});
