import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromaAlignedBox, packedYuv420, yuv420ToRgb } from './yuv-frame.js';

/** A w x h picture of one colour in yuv420p bytes. */
function flat(w: number, h: number, y: number, u: number, v: number): Uint8Array {
  const d = new Uint8Array(w * h * 1.5);
  d.fill(y, 0, w * h); d.fill(u, w * h, w * h * 1.25); d.fill(v, w * h * 1.25);
  return d;
}

// Expected colours from BT.601 limited range by hand: Y 16..235 is black..white, U/V 128 is grey; pure red is
// Y 81, U 90, V 240 (R = 1.164 * 65 + 1.596 * 112 = 254.4, G = 75.7 - 0.391 * -38 - 0.813 * 112 = 0, B = 75.7 + 2.018 * -38 = 0).
test('Given flat BT.601 colours, then white, black and red', () => {
  const px = (y: number, u: number, v: number) => [...yuv420ToRgb(packedYuv420(flat(2, 2, y, u, v), 2, 2), { x: 0, y: 0, width: 1, height: 1 }, 1, 1)];
  assert.deepEqual(px(235, 128, 128), [255, 255, 255]);
  assert.deepEqual(px(16, 128, 128), [0, 0, 0]);
  const [r, g, b] = px(81, 90, 240);
  assert.ok(r! >= 253 && g! <= 1 && b! <= 1, `red ${r},${g},${b}`);
});

test('Given a 4x2 picture halved, then each output pixel is the mean of its 2x2 block (area scaling)', () => {
  const d = flat(4, 2, 0, 128, 128);
  d.set([16, 16, 235, 235, 16, 16, 235, 125.5 | 0], 0); // left block black; right block three white, one grey
  const out = yuv420ToRgb(packedYuv420(d, 4, 2), { x: 0, y: 0, width: 4, height: 2 }, 2, 1);
  assert.deepEqual([out[0], out[1], out[2]], [0, 0, 0]);
  // (3 * 255 + rgb(Y 125)) / 4 with rgb(Y 125) = (298 * 109 + 128) >> 8 = 127: 223 after rounding.
  assert.deepEqual([out[3], out[4], out[5]], [223, 223, 223]);
});

test('Given an odd region, then the chroma-aligned box around it has an even origin and size, inside the picture', () => {
  assert.deepEqual(chromaAlignedBox({ x: 3, y: 5, width: 10, height: 7 }, 20, 20), { x: 2, y: 4, width: 12, height: 8 });
  assert.deepEqual(chromaAlignedBox({ x: 0, y: 480, width: 1768, height: 514 }, 1768, 994), { x: 0, y: 480, width: 1768, height: 514 });
});
