import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelFrameSize } from './model-frame-size.js';

// Expected sizes worked out by hand from the rule (scale = 720 / 994 for the shared 1768 x 994 clip).
test('Given the shared clip and its walker band at the 720-row limit, then 1280 x 372 (1280.6 x 372.3 rounded to even)', () => {
  assert.deepEqual(modelFrameSize({ width: 1768, height: 994 }, { x: 0, y: 480, width: 1768, height: 514 }, 720), {
    width: 1280,
    height: 372,
  });
});

test('Given the whole picture, then the limit with an even width; a picture under the limit keeps its size', () => {
  assert.deepEqual(modelFrameSize({ width: 1768, height: 994 }, undefined, 360), { width: 640, height: 360 });
  assert.deepEqual(modelFrameSize({ width: 960, height: 540 }, undefined, 720), { width: 960, height: 540 });
  assert.deepEqual(modelFrameSize({ width: 960, height: 540 }, { x: 0, y: 0, width: 960, height: 540 }, 720), {
    width: 960,
    height: 540,
  });
});

test('Given an odd-sized region of an unscaled picture, then even sides (as ffmpeg scalers want)', () => {
  assert.deepEqual(modelFrameSize({ width: 540, height: 960 }, { x: 10, y: 20, width: 301, height: 511 }), {
    width: 302,
    height: 512,
  });
});
