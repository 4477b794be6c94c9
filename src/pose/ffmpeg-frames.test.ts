import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openVideo } from './ffmpeg-frames.js';
import { filledFrame, type Frame } from './frame.js';

const VIDEO = fileURLToPath(new URL('../../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));

test('Given the Sports2D walk, when opened, then size, count and 30 fps timestamps match the file', async () => {
  const r = await openVideo(VIDEO);
  assert.ok(r.ok);
  const v = r.value;
  // SOURCES.md: 1768x994, 30 fps. Frame count by a second method: ffprobe actually decoding and counting frames.
  const counted = Number(
    execFileSync('ffprobe', [
      '-v',
      'error',
      '-count_frames',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=nb_read_frames',
      '-of',
      'csv=p=0',
      VIDEO,
    ])
      .toString()
      .trim(),
  );
  assert.equal(v.source.width, 1768);
  assert.equal(v.source.height, 994);
  assert.equal(v.source.frameCount, counted);
  assert.equal(v.times.length, counted);
  for (let i = 1; i < v.times.length; i++) {
    const dt = (v.times[i] ?? 0) - (v.times[i - 1] ?? 0);
    assert.ok(dt > 0, `timestamps increase at ${i}`);
    assert.ok(Math.abs(dt - 1 / 30) < 0.002, `30 fps spacing at ${i}: ${dt}`);
  }
});

test('Given a frame range and a downscale, then the right frames come out with the right size and bytes', async () => {
  const r = await openVideo(VIDEO, { first: 10, last: 13, maxHeight: 360 });
  assert.ok(r.ok);
  const frames = [];
  for await (const f of r.value.frames()) frames.push(f);
  assert.deepEqual(
    frames.map((f) => f.index),
    [10, 11, 12, 13],
  );
  // 1768x994 scaled to height 360: width 1768*360/994 = 640.3, rounded to an even 640.
  for (const f of frames) {
    assert.equal(f.height, 360);
    assert.equal(f.width, 640);
    assert.equal(f.data.length, 640 * 360 * 3);
    assert.ok(Math.abs(f.time - f.index / 30) < 1e-3);
  }
  // Frames are real pictures, not zero-filled: the outdoor scene has bright and dark pixels.
  const d = frames[0]!.data;
  let min = 255;
  let max = 0;
  for (let i = 0; i < d.length; i += 97) {
    min = Math.min(min, d[i]!);
    max = Math.max(max, d[i]!);
  }
  assert.ok(max - min > 100);
});

test('Given a missing file or a text file, then a located error value comes back, not a throw', async () => {
  const missing = await openVideo('/nonexistent/walk.mp4');
  assert.equal(missing.ok, false);
  if (!missing.ok) {
    assert.equal(missing.error.code, 'file-not-found');
    assert.equal(missing.error.location.file, '/nonexistent/walk.mp4');
  }
  const dir = mkdtempSync(join(tmpdir(), 'pose-'));
  const txt = join(dir, 'notes.mp4');
  writeFileSync(txt, 'this is not a video\n');
  const bad = await openVideo(txt);
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.ok(['not-a-video', 'no-video-stream', 'decode-failed'].includes(bad.error.code));
    assert.equal(bad.error.location.file, txt);
    assert.match(bad.error.message, /notes\.mp4/);
  }
});

test('Given a later frame range, the container seek hands out the same frames as decoding from the start, every one or every n-th', async () => {
  // Independent method: a range starting before frame 30 decodes from the start and selects by frame number; a
  // range from frame 150 seeks (the pose pass's later segments, and the walker scan's with every > 1).
  const fromStart = await openVideo(VIDEO, { first: 0, last: 160, maxHeight: 240 });
  const seek = await openVideo(VIDEO, { first: 150, last: 156, maxHeight: 240 });
  const sampled = await openVideo(VIDEO, { first: 150, last: 160, maxHeight: 240, every: 5 });
  assert.ok(fromStart.ok && seek.ok && sampled.ok);
  const all = [];
  for await (const f of fromStart.value.frames()) all.push(f);
  const a = [];
  for await (const f of seek.value.frames()) a.push(f);
  const b = [];
  for await (const f of sampled.value.frames()) b.push(f);
  assert.deepEqual(
    a.map((f) => f.index),
    [150, 151, 152, 153, 154, 155, 156],
  );
  assert.deepEqual(
    b.map((f) => f.index),
    [150, 155, 160],
  );
  for (const f of [...a, ...b]) assert.deepEqual(all[f.index]!.data, f.data, `frame ${f.index}`);
  // Neighbouring frames differ (the walker moves), so equal bytes mean the same frame, not any frame.
  assert.notDeepEqual(a[0]!.data, a[1]!.data);
});

test('Given a crop, frames show only that part of the picture and say where it is', async () => {
  const crop = { x: 0, y: 480, width: 1768, height: 514 };
  const cropped = await openVideo(VIDEO, { first: 100, last: 100, maxHeight: 360, crop });
  const whole = await openVideo(VIDEO, { first: 100, last: 100, maxHeight: 360 });
  assert.ok(cropped.ok && whole.ok);
  const [c] = await first(cropped.value.frames());
  const [w] = await first(whole.value.frames());
  // Scale of the whole picture 360/994; 514 * 360/994 = 186.2 and 1768 * 360/994 = 640.3, both rounded to even.
  assert.equal(c!.height, 186);
  assert.equal(c!.width, 640);
  assert.deepEqual(c!.region, crop);
  // Same pixels as rows 174.. of the downscaled whole picture (480 * 360/994 = 173.8), up to resampling.
  let diff = 0;
  let n = 0;
  for (let y = 10; y < 180; y += 7)
    for (let x = 0; x < 640; x += 5) {
      for (let ch = 0; ch < 3; ch++) {
        diff += Math.abs(c!.data[(y * 640 + x) * 3 + ch]! - w!.data[((y + 174) * 640 + x) * 3 + ch]!);
        n++;
      }
    }
  assert.ok(diff / n < 12, `mean difference ${diff / n}`);
  const bad = await openVideo(VIDEO, { crop: { x: 1700, y: 0, width: 200, height: 200 } });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.error.code, 'bad-roi');
});

async function first<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) {
    out.push(x);
    break;
  }
  return out;
}

test('Given a variable-frame-rate video, the seek path hands out the same frames, with their real times', async () => {
  // Made here: frames 0-149 of the walk keeping those with n divisible by 3 or 5, original timestamps kept (gaps of
  // 67 and 33 ms alternate irregularly), keyframes every 10 frames so that seeking lands mid-stream.
  const dir = mkdtempSync(join(tmpdir(), 'pose-vfr-'));
  const vfr = join(dir, 'vfr.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    VIDEO,
    '-vf',
    "select='lt(n\\,150)*(not(mod(n\\,3))+not(mod(n\\,5)))',scale=320:-2",
    '-fps_mode',
    'vfr',
    '-an',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    '10',
    vfr,
  ]);
  // Kept source frames by hand: n in 0..149 with n % 3 == 0 or n % 5 == 0 -> 50 + 30 - 10 = 70 frames.
  const kept = Array.from({ length: 150 }, (_, n) => n).filter((n) => n % 3 === 0 || n % 5 === 0);
  const seek = await openVideo(vfr, { first: 40, last: 47 });
  // Independent method: a range from frame 0 decodes from the start and selects by frame number.
  const counted = await openVideo(vfr, { first: 0, last: 47, every: 2 });
  assert.ok(seek.ok && counted.ok);
  assert.equal(seek.value.times.length, kept.length);
  const a = [];
  for await (const f of seek.value.frames()) a.push(f);
  const b = [];
  for await (const f of counted.value.frames()) b.push(f);
  assert.deepEqual(
    a.map((f) => f.index),
    [40, 41, 42, 43, 44, 45, 46, 47],
  );
  for (const f of a)
    assert.ok(
      Math.abs(f.time - kept[f.index]! / 30) < 2e-3,
      `frame ${f.index} at ${f.time} s, source frame ${kept[f.index]}`,
    );
  const later = b.filter((f) => f.index >= 40);
  assert.deepEqual(
    later.map((f) => f.index),
    [40, 42, 44, 46],
  );
  for (const f of later) assert.deepEqual(a.find((g) => g.index === f.index)!.data, f.data, `frame ${f.index}`);
});

test('Given a phone clip stored sideways with rotation metadata, frames come out upright with the upright size', async () => {
  // The real portrait treadmill clip (test/fixtures/gait-clips, MIT), stored turned a quarter clockwise with
  // "rotate=90" in its metadata, as phones save portrait video: a player (and Footing) must show it upright.
  const clip = fileURLToPath(new URL('../../test/fixtures/gait-clips/treadmill-run-side-a.mp4', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'footing-rotated-'));
  const sideways = join(dir, 'sideways.mp4');
  const rotated = join(dir, 'rotated.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    clip,
    '-frames:v',
    '15',
    '-vf',
    'transpose=1',
    '-c:v',
    'libx264',
    '-crf',
    '18',
    '-preset',
    'veryfast',
    '-an',
    sideways,
  ]);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', sideways, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', rotated]);
  const stored = execFileSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', rotated],
    { encoding: 'utf8' },
  )
    .trim()
    .replace(/,$/, '');
  assert.equal(stored, '960,540', 'stored sideways');
  const [a, b] = await Promise.all([openVideo(clip, { last: 0 }), openVideo(rotated, { last: 0 })]);
  assert.ok(a.ok && b.ok);
  assert.deepEqual([b.value.source.width, b.value.source.height], [540, 960]);
  const first = async (o: typeof a) => {
    for await (const f of (o as Extract<typeof a, { ok: true }>).value.frames()) return f;
    throw new Error('no frame');
  };
  const [fa, fb] = await Promise.all([first(a), first(b)]);
  assert.deepEqual([fb.width, fb.height], [fa.width, fa.height]);
  // Upright: the same picture as the original, pixel for pixel within compression noise (a wrong turn would
  // leave a mean difference of tens of grey levels).
  let diff = 0;
  for (let i = 0; i < fa.data.length; i++) diff += Math.abs(fa.data[i]! - fb.data[i]!);
  assert.ok(diff / fa.data.length < 6, `mean difference ${(diff / fa.data.length).toFixed(1)}`);
});

test('Given reuse, frames are the same bytes, in buffers reused from frame to frame (valid until the next one)', async () => {
  const crop = { x: 0, y: 480, width: 1768, height: 514 };
  const fresh = await openVideo(VIDEO, { first: 100, last: 105, maxHeight: 720, crop, yuv: true });
  const reused = await openVideo(VIDEO, { first: 100, last: 105, maxHeight: 720, crop, yuv: true, reuse: true });
  assert.ok(fresh.ok && reused.ok);
  const copies = async (frames: AsyncIterable<Frame>) => {
    const out: Array<{ index: number; bytes: Uint8Array; buffer: Uint8Array }> = [];
    for await (const f of frames) out.push({ index: f.index, bytes: filledFrame(f).data.slice(), buffer: f.data });
    return out;
  };
  const a = await copies(fresh.value.frames());
  const b = await copies(reused.value.frames());
  assert.deepEqual(
    b.map((f) => f.index),
    [100, 101, 102, 103, 104, 105],
  );
  for (const [i, f] of b.entries()) assert.deepEqual(f.bytes, a[i]!.bytes, `frame ${f.index}`);
  assert.notDeepEqual(b[0]!.bytes, b[1]!.bytes, 'the frames differ (the walker moves)');
  assert.ok(
    b.every((f) => f.buffer === b[0]!.buffer),
    'one buffer for every frame',
  );
  assert.ok(a[0]!.buffer !== a[1]!.buffer, 'without reuse each frame has its own');
});
