import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromaAlignedBox, conversionEngine, lazyYuv420ToRgb, packedYuv420, yuv420ToRgb } from './yuv-frame.js';
import { MAX_KERNEL_TAPS, wasmScaler } from './yuv-wasm.js';

/** A w x h picture of one colour in yuv420p bytes. */
function flat(w: number, h: number, y: number, u: number, v: number): Uint8Array {
  const d = new Uint8Array(w * h * 1.5);
  d.fill(y, 0, w * h);
  d.fill(u, w * h, w * h * 1.25);
  d.fill(v, w * h * 1.25);
  return d;
}

// Expected colours from BT.601 limited range by hand: Y 16..235 is black..white, U/V 128 is grey; pure red is
// Y 81, U 90, V 240 (R = 1.164 * 65 + 1.596 * 112 = 254.4, G = 75.7 - 0.391 * -38 - 0.813 * 112 = 0, B = 75.7 + 2.018 * -38 = 0).
test('Given flat BT.601 colours, then white, black and red', () => {
  const px = (y: number, u: number, v: number) => [
    ...yuv420ToRgb(packedYuv420(flat(2, 2, y, u, v), 2, 2), { x: 0, y: 0, width: 1, height: 1 }, 1, 1),
  ];
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
  assert.deepEqual(chromaAlignedBox({ x: 3, y: 5, width: 10, height: 7 }, 20, 20), {
    x: 2,
    y: 4,
    width: 12,
    height: 8,
  });
  assert.deepEqual(chromaAlignedBox({ x: 0, y: 480, width: 1768, height: 514 }, 1768, 994), {
    x: 0,
    y: 480,
    width: 1768,
    height: 514,
  });
});

/**
 * The plain version of the conversion, written out the obvious way (a full-size RGB copy, then columns, then rows):
 * what yuv420ToRgb must give byte for byte, since Node and the browser both run it and BlazePose turns a grey level
 * into a moved contact (docs/gait-web.md).
 */
function plainYuv420ToRgb(
  p: ReturnType<typeof packedYuv420>,
  r: { x: number; y: number; width: number; height: number },
  outW: number,
  outH: number,
): Uint8Array {
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);
  const rgb = new Uint8Array(r.width * r.height * 3);
  for (let j = 0; j < r.height; j++) {
    for (let i = 0; i < r.width; i++) {
      const yy = r.y + j;
      const xx = r.x + i;
      const c = 298 * (p.y[yy * p.yStride + xx]! - 16);
      const d = p.u[(yy >> 1) * p.uStride + (xx >> 1)]! - 128;
      const e = p.v[(yy >> 1) * p.vStride + (xx >> 1)]! - 128;
      const o = (j * r.width + i) * 3;
      rgb[o] = clamp((c + 409 * e + 128) >> 8);
      rgb[o + 1] = clamp((c - 100 * d - 208 * e + 128) >> 8);
      rgb[o + 2] = clamp((c + 516 * d + 128) >> 8);
    }
  }
  if (outW === r.width && outH === r.height) return rgb;
  const taps = (n: number, m: number) =>
    Array.from({ length: m }, (_, k) => {
      const scale = n / m;
      const a = k * scale;
      const b = (k + 1) * scale;
      const first = Math.floor(a);
      const weights: number[] = [];
      for (let s = first; s < Math.min(n, Math.ceil(b)); s++)
        weights.push((Math.min(b, s + 1) - Math.max(a, s)) / scale);
      return { first, weights };
    });
  const tx = taps(r.width, outW);
  const ty = taps(r.height, outH);
  const cols = new Float32Array(outW * r.height * 3);
  for (let j = 0; j < r.height; j++)
    for (let k = 0; k < outW; k++)
      for (let c = 0; c < 3; c++) {
        let acc = 0;
        tx[k]!.weights.forEach((wt, q) => {
          acc += rgb[(j * r.width + tx[k]!.first + q) * 3 + c]! * wt;
        });
        cols[(j * outW + k) * 3 + c] = acc;
      }
  const out = new Uint8Array(outW * outH * 3);
  for (let k = 0; k < outH; k++)
    for (let i = 0; i < outW * 3; i++) {
      let acc = 0;
      ty[k]!.weights.forEach((wt, q) => {
        acc += cols[(ty[k]!.first + q) * outW * 3 + i]! * wt;
      });
      out[k * outW * 3 + i] = Math.min(255, Math.round(acc));
    }
  return out;
}

test('Given noisy pictures, regions and scales (down by 1.38, 2.7, 5, across only, none), then the bytes equal the plain two-pass conversion', () => {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 16) & 255;
  };
  const cases: Array<[number, number, { x: number; y: number; width: number; height: number }, number, number]> = [
    [96, 40, { x: 0, y: 0, width: 96, height: 40 }, 70, 30], // 1.37: one or two source cells per output
    [96, 40, { x: 3, y: 5, width: 81, height: 27 }, 30, 10], // 2.7, odd region inside the box
    [64, 64, { x: 0, y: 0, width: 64, height: 64 }, 12, 12], // 5.3: many taps a cell
    [50, 20, { x: 1, y: 1, width: 47, height: 18 }, 20, 18], // columns only
    [50, 20, { x: 1, y: 1, width: 47, height: 18 }, 47, 18], // no scaling
  ];
  // Both engines: the WebAssembly kernel (yuv-wasm.ts, what runs) and the JavaScript it stands in for.
  for (const wasm of [true, false]) {
    conversionEngine.wasm = wasm;
    for (const [w, h, region, outW, outH] of cases) {
      const bytes = Uint8Array.from({ length: w * h * 1.5 }, rand);
      const p = packedYuv420(bytes, w, h);
      const got = yuv420ToRgb(p, region, outW, outH);
      assert.deepEqual(
        got,
        plainYuv420ToRgb(p, region, outW, outH),
        `${wasm ? 'wasm' : 'js'} ${w}x${h} ${JSON.stringify(region)} -> ${outW}x${outH}`,
      );
      // Twice in a row with the same sizes (the taps and row buffers are kept between frames): the same bytes.
      assert.deepEqual(yuv420ToRgb(p, region, outW, outH), got);
    }
  }
  conversionEngine.wasm = true;
});

test("Given the sizes of the clips (1.38 down, the scan's 2.76, up, none), then the kernel gives the plain conversion's bytes", () => {
  let seed = 3;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 16) & 255;
  };
  // Smaller pictures of the same scale factors as the shared walk's band (1768 -> 1280), its scan (1768x994 ->
  // 640x360), a back-view region (720x858 -> 604x720) and an upscale, so that every tap count the clips use runs.
  const cases: Array<[number, number, number, number]> = [
    [442, 132, 320, 96],
    [442, 250, 160, 90],
    [180, 214, 151, 180],
    [64, 32, 80, 40],
  ];
  for (const [w, h, outW, outH] of cases) {
    const p = packedYuv420(Uint8Array.from({ length: w * h * 1.5 }, rand), w, h);
    const region = { x: 0, y: 2, width: w - 2, height: h - 4 };
    assert.deepEqual(
      yuv420ToRgb(p, region, outW, outH),
      plainYuv420ToRgb(p, region, outW, outH),
      `${w}x${h} -> ${outW}x${outH}`,
    );
  }
});

test('Given a sum of exactly one half, then it rounds up as Math.round does (not to even)', () => {
  // Y 16 and 17 with neutral chroma are RGB 0 and (298 + 128) >> 8 = 1; their 2x2 mean is 0.5 in every channel.
  const d = flat(2, 2, 16, 128, 128);
  d.set([16, 17, 16, 17], 0);
  for (const wasm of [true, false]) {
    conversionEngine.wasm = wasm;
    assert.deepEqual(
      [...yuv420ToRgb(packedYuv420(d, 2, 2), { x: 0, y: 0, width: 2, height: 2 }, 1, 1)],
      [1, 1, 1],
      wasm ? 'wasm' : 'js',
    );
  }
  conversionEngine.wasm = true;
});

test("Given two frames of the same size filled in turns, then each holds its own conversion (the kernel copies each frame's planes)", () => {
  let seed = 13;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 16) & 255;
  };
  const w = 260;
  const h = 100;
  const region = { x: 0, y: 0, width: w, height: h };
  const pa = packedYuv420(Uint8Array.from({ length: w * h * 1.5 }, rand), w, h);
  const pb = packedYuv420(Uint8Array.from({ length: w * h * 1.5 }, rand), w, h);
  const a = lazyYuv420ToRgb(pa, region, 190, 72);
  const b = lazyYuv420ToRgb(pb, region, 190, 72);
  a.fill(0, 0, 100, 40);
  b.fill(0, 0, 190, 72);
  a.fill(0, 30, 190, 72);
  a.fill(90, 0, 190, 40);
  assert.deepEqual(a.data, plainYuv420ToRgb(pa, region, 190, 72));
  assert.deepEqual(b.data, plainYuv420ToRgb(pb, region, 190, 72));
});

test('Given the most taps the kernel is written for, then it builds: under the 4 KB a page may compile on its main thread', () => {
  const k = MAX_KERNEL_TAPS;
  const outW = 4;
  const px = { k, at: new Int32Array(outW * k), w: new Float64Array(outW * k) };
  const ty = {
    first: new Int32Array(1),
    count: Int32Array.of(k),
    start: new Int32Array(1),
    weights: new Float64Array(k),
    maxCount: k,
  };
  const tables = Array.from({ length: 5 }, () => new Int32Array(256));
  const built = wasmScaler(outW * k, outW, px, ty, tables);
  assert.ok(built, 'the kernel builds');
  assert.ok(built.bytes < 4096, `${built.bytes} bytes`);
  assert.equal(
    wasmScaler(outW * (k + 1), outW, { ...px, k: k + 1 }, ty, tables),
    null,
    'more taps: the JavaScript path',
  );
});

test("Given a frame filled on demand, then a filled rectangle holds the whole conversion's bytes and the rest stays unfilled", () => {
  let seed = 11;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 16) & 255;
  };
  const w = 300;
  const h = 120;
  const p = packedYuv420(Uint8Array.from({ length: w * h * 1.5 }, rand), w, h);
  const region = { x: 1, y: 3, width: 297, height: 115 };
  const whole = yuv420ToRgb(p, region, 210, 82);
  const lazy = lazyYuv420ToRgb(p, region, 210, 82);
  // Columns 70..139 and rows 20..39: tiles of 64 x 16 cover columns 64..191 and rows 16..47.
  lazy.fill(70, 20, 140, 40);
  const at = (d: Uint8Array, x: number, y: number) => [...d.subarray((y * 210 + x) * 3, (y * 210 + x) * 3 + 3)];
  for (const [x, y] of [
    [70, 20],
    [139, 39],
    [64, 16],
    [191, 47],
    [100, 30],
  ] as const)
    assert.deepEqual(at(lazy.data, x, y), at(whole, x, y), `pixel ${x},${y}`);
  // Outside those tiles nothing was computed (noise converts to non-zero bytes almost everywhere).
  assert.deepEqual(at(lazy.data, 63, 30), [0, 0, 0]);
  assert.deepEqual(at(lazy.data, 100, 48), [0, 0, 0]);
  assert.ok(at(whole, 63, 30).some((v) => v > 0) && at(whole, 100, 48).some((v) => v > 0));
  // Filling the rest, in two overlapping pieces, gives the whole frame.
  lazy.fill(0, 0, 150, 82);
  lazy.fill(100, 0, 210, 82);
  assert.deepEqual(lazy.data, whole);
});
