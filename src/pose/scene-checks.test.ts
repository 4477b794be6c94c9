import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { openVideo } from './ffmpeg-frames.js';
import type { Frame } from './frame.js';
import { sceneChecks, thumbnail, type Thumbnail } from './scene-checks.js';

// A textured background (vertical stripes every 40 px) that can be shifted, with or without a "person" (a dark
// block) moving across it, and a brightness offset (auto-exposure).
function frame(index: number, o: { shift?: number; personX?: number; offset?: number; dim?: number } = {}): Frame {
  const width = 320;
  const height = 180;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const stripe = Math.floor((x + (o.shift ?? 0)) / 40) % 2 ? 200 : 60;
      const person = o.personX !== undefined && Math.abs(x - o.personX) < 20 && y > 40 && y < 170;
      const v = Math.max(0, Math.min(255, (person ? 20 : stripe) * (o.dim ?? 1) + (o.offset ?? 0)));
      const p = 3 * (y * width + x);
      data[p] = v;
      data[p + 1] = v;
      data[p + 2] = v;
    }
  return { data, width, height, index, time: index / 30 };
}
const size = { width: 320, height: 180 };
const box = (index: number, hipX: number) => ({ index, time: index / 30, score: 0.9, hipX, hipY: 105, radius: 60 });

test('a still camera with a walker crossing it: not moving, even when the exposure changes', () => {
  const thumbs: Thumbnail[] = [0, 15, 30, 45].map((i, k) =>
    thumbnail(frame(i, { personX: 60 + 60 * k, offset: k % 2 ? 12 : 0 })),
  );
  const s = sceneChecks(
    thumbs,
    [0, 15, 30, 45].map((i, k) => box(i, 60 + 60 * k)),
    size,
  );
  assert.equal(s.cameraMoving, false, `background change ${s.backgroundChange}`);
  assert.equal(s.dark, false);
});

test('a camera panning across the background is moving; a dark picture is dark', () => {
  const pan = [0, 15, 30, 45].map((i, k) => thumbnail(frame(i, { shift: 17 * k })));
  assert.equal(sceneChecks(pan, [], size).cameraMoving, true);
  const dark = [0, 15].map((i) => thumbnail(frame(i, { dim: 0.15 })));
  assert.equal(sceneChecks(dark, [], size).dark, true);
  assert.equal(Number.isNaN(sceneChecks([], [], size).backgroundChange), true);
});

async function sceneOf(path: string) {
  const o = await openVideo(path, { maxHeight: 360, every: 15 });
  assert.ok(o.ok);
  const thumbs: Thumbnail[] = [];
  for await (const f of o.value.frames()) thumbs.push(thumbnail(f));
  return sceneChecks(thumbs, [], o.value.source);
}

test('real clips: the still cameras (treadmill, side walks) are still; the phone following a walker from behind moves', async () => {
  const clip = (name: string) => fileURLToPath(new URL(`../../test/fixtures/gait-clips/${name}`, import.meta.url));
  // SOURCES.md says which clips were filmed with a still camera and which with a handheld follow camera.
  for (const still of ['treadmill-run-side-a.mp4', 'overground-walk-side-a.mp4', 'overground-walk-side-slow-a.mp4']) {
    assert.equal((await sceneOf(clip(still))).cameraMoving, false, still);
  }
  assert.equal((await sceneOf(clip('overground-walk-back-a.mp4'))).cameraMoving, true);
});
