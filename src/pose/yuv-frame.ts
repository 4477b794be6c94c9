/**
 * From decoded YUV 4:2:0 planes to the RGB frame the pose model is handed, in one pure function that Node and the
 * browser both run (issue 13: one gait engine). Decoders of H.264 and VP9 are bit-exact, so ffmpeg's yuv420p
 * (ffmpeg-frames.ts) and WebCodecs' I420 (web/src/gait/yuv-grabber.ts) carry the same planes; the colour conversion
 * and the downscale are where the two sides used to part (Chromium vs ffmpeg rgb24 differ by ~1.2 grey levels, the
 * canvas and ffmpeg scalers by ~2 more, and BlazePose turns that into contacts a frame or two apart:
 * docs/gait-web.md). Here both are integer-exact and identical on both sides.
 *
 * Colour: BT.601 limited range (what ffmpeg and Chromium assume for an untagged stream), fixed-point as libyuv does;
 * chroma taken from the 2x2 block a pixel is in. Downscale: area (box) averaging, as ffmpeg's flags=area.
 */
import type { RegionOfInterest } from './frame.js';
import { wasmScaler, type Planes, type WasmScaler } from './yuv-wasm.js';

/** 4:2:0 planes of a box of the picture (even origin and size), each plane with its row stride. */
export interface Yuv420 extends Planes {
  width: number;
  height: number;
}

/** The smallest box with even origin and size around `r`, inside a picture of `w` x `h` (the chroma grid). */
export function chromaAlignedBox(r: RegionOfInterest, w: number, h: number): RegionOfInterest {
  const x = r.x - (r.x % 2);
  const y = r.y - (r.y % 2);
  const x1 = Math.min(w - (w % 2), r.x + r.width + ((r.x + r.width) % 2));
  const y1 = Math.min(h - (h % 2), r.y + r.height + ((r.y + r.height) % 2));
  return { x, y, width: x1 - x, height: y1 - y };
}

/**
 * Per output index k of an area downscale of n source cells into m: the first source cell, how many it covers, and
 * their weights (the overlap of cell s with [k n/m, (k+1) n/m), over n/m), flattened into typed arrays.
 */
interface AreaTaps {
  first: Int32Array;
  count: Int32Array;
  start: Int32Array;
  weights: Float64Array;
  maxCount: number;
}

function areaTaps(n: number, m: number): AreaTaps {
  const scale = n / m;
  const first = new Int32Array(m);
  const count = new Int32Array(m);
  const start = new Int32Array(m);
  const w: number[] = [];
  let maxCount = 0;
  for (let k = 0; k < m; k++) {
    const a = k * scale;
    const b = (k + 1) * scale;
    first[k] = Math.floor(a);
    start[k] = w.length;
    for (let s = first[k]!; s < Math.min(n, Math.ceil(b)); s++) w.push((Math.min(b, s + 1) - Math.max(a, s)) / scale);
    count[k] = w.length - start[k]!;
    maxCount = Math.max(maxCount, count[k]!);
  }
  return { first, count, start, weights: Float64Array.from(w), maxCount };
}

/** Taps and work buffers for one size pair, kept between frames (a video's frames all have the same sizes). */
interface Plan {
  key: string;
  tx: AreaTaps;
  ty: AreaTaps;
  row: Uint8ClampedArray;
  ring: Float32Array[];
  px: PaddedTaps;
  wasm: WasmScaler | null;
}

/** Whether tiles are scaled by the WebAssembly kernel (yuv-wasm.ts) when it builds; tests and benches compare both. */
export const conversionEngine = { wasm: true };

/**
 * The column taps padded to the same count for every output column: tap q of column c at `at[c * k + q]` (a source
 * column) with weight `w[c * k + q]`; a column with fewer taps repeats its last column with weight 0. Adding
 * `x * 0` (+0, x finite) to a sum leaves it as it was, so the padded sums are the unpadded ones bit for bit, and
 * the loop over columns runs without a branch on the tap count (it changes irregularly from column to column).
 */
interface PaddedTaps {
  k: number;
  at: Int32Array;
  w: Float64Array;
}

function paddedTaps(t: AreaTaps): PaddedTaps {
  const m = t.first.length;
  const k = t.maxCount;
  const at = new Int32Array(m * k);
  const w = new Float64Array(m * k);
  for (let c = 0; c < m; c++) {
    for (let q = 0; q < k; q++) {
      const n = Math.min(q, t.count[c]! - 1);
      at[c * k + q] = t.first[c]! + n;
      w[c * k + q] = q < t.count[c]! ? t.weights[t.start[c]! + q]! : 0;
    }
  }
  return { k, at, w };
}
let plan: Plan | null = null;

function planFor(w: number, h: number, outW: number, outH: number): Plan {
  const key = `${w}x${h}>${outW}x${outH}`;
  if (plan?.key !== key) {
    const tx = areaTaps(w, outW);
    const ty = areaTaps(h, outH);
    const ring = Array.from({ length: ty.maxCount }, () => new Float32Array(outW * 3));
    plan = { key, tx, ty, row: new Uint8ClampedArray(w * 3), ring, px: paddedTaps(tx), wasm: null };
    plan.wasm = wasmScaler(w, outW, plan.px, ty, [T_Y, T_RV, T_GU, T_GV, T_BU]);
  }
  return plan;
}

// BT.601 limited range in libyuv's fixed point, as tables: R = (298 (Y - 16) + 409 (V - 128) + 128) >> 8, and so on.
const T_Y = new Int32Array(256);
const T_RV = new Int32Array(256);
const T_GU = new Int32Array(256);
const T_GV = new Int32Array(256);
const T_BU = new Int32Array(256);
for (let i = 0; i < 256; i++) {
  T_Y[i] = 298 * (i - 16) + 128;
  T_RV[i] = 409 * (i - 128);
  T_GU[i] = -100 * (i - 128);
  T_GV[i] = -208 * (i - 128);
  T_BU[i] = 516 * (i - 128);
}

/**
 * Row `yy` of the planes, columns x0..x0+w-1, as RGB into `out` (a Uint8ClampedArray, so stores clamp to 0..255
 * as the conversion requires; the values stored are whole numbers).
 */
function rgbRow(p: Yuv420, yy: number, x0: number, w: number, out: Uint8ClampedArray): void {
  const Y = p.y;
  const U = p.u;
  const V = p.v;
  const yRow = yy * p.yStride;
  const uRow = (yy >> 1) * p.uStride;
  const vRow = (yy >> 1) * p.vStride;
  let o = 0;
  let xx = x0;
  const end = x0 + w;
  if (xx & 1 && xx < end) {
    pixel(T_Y[Y[yRow + xx]!]!, U[uRow + (xx >> 1)]!, V[vRow + (xx >> 1)]!, out, o);
    o += 3;
    xx++;
  }
  // Two pixels share a chroma sample: its three terms once a pair (integer sums: the order does not matter).
  for (; xx + 1 < end; xx += 2, o += 6) {
    const u = U[uRow + (xx >> 1)]!;
    const v = V[vRow + (xx >> 1)]!;
    const rv = T_RV[v]!;
    const guv = T_GU[u]! + T_GV[v]!;
    const bu = T_BU[u]!;
    const c = T_Y[Y[yRow + xx]!]!;
    const d = T_Y[Y[yRow + xx + 1]!]!;
    out[o] = (c + rv) >> 8;
    out[o + 1] = (c + guv) >> 8;
    out[o + 2] = (c + bu) >> 8;
    out[o + 3] = (d + rv) >> 8;
    out[o + 4] = (d + guv) >> 8;
    out[o + 5] = (d + bu) >> 8;
  }
  if (xx < end) pixel(T_Y[Y[yRow + xx]!]!, U[uRow + (xx >> 1)]!, V[vRow + (xx >> 1)]!, out, o);
}

function pixel(c: number, u: number, v: number, out: Uint8ClampedArray, o: number): void {
  out[o] = (c + T_RV[v]!) >> 8;
  out[o + 1] = (c + T_GU[u]! + T_GV[v]!) >> 8;
  out[o + 2] = (c + T_BU[u]!) >> 8;
}

/** Output pixels per tile of a frame filled on demand: rows and columns (a multiple of the usual 16-column runs). */
const TILE_ROWS = 16;
const TILE_COLS = 64;

/**
 * An RGB frame filled on demand: `data` has the frame's full size, but only the bytes inside rectangles passed to
 * `fill` (output pixels, end exclusive; whole tiles of 64 x 16) are computed. The pose model looks at the person's
 * region of the frame while it tracks (the 256x256 landmark crop), often a third of a walking band, so it pays for
 * that part only (issue 13: convert only what the model needs). The bytes a fill computes are the bytes the whole
 * conversion gives there.
 */
export interface LazyRgb {
  data: Uint8Array;
  width: number;
  height: number;
  fill(x0: number, y0: number, x1: number, y1: number): void;
}

/**
 * The model's RGB frame, `region` (box pixels) of the planes converted and area-scaled to `outW` x `outH`, filled on
 * demand (see LazyRgb), into `into` when given. The planes are read when `fill` is called, so they must stay as they are until then.
 *
 * Each tile is one pass down its rows: a source row is converted once into a row buffer, scaled across into a small
 * ring of rows, and each output row is summed from the ring as soon as its source rows are in, so no full-size RGB
 * copy is made and nothing is allocated per pixel. The arithmetic is the two-pass area scale's, term by term
 * (columns summed in doubles and stored as float32, rows summed in doubles, rounded once): yuv-frame.test.ts checks
 * the bytes against that plain version, so Node and the browser, which both run this, hand the model the same bytes.
 */
export function lazyYuv420ToRgb(
  p: Yuv420,
  region: RegionOfInterest,
  outW: number,
  outH: number,
  into?: Uint8Array,
): LazyRgb {
  // `into`: a buffer of the right size to write into (a decoder reusing the last frame's); its stale bytes are
  // outside what has been filled, which readers do not read.
  const data = into?.length === outW * outH * 3 ? into : new Uint8Array(outW * outH * 3);
  const tilesX = Math.ceil(outW / TILE_COLS);
  const tilesY = Math.ceil(outH / TILE_ROWS);
  const done = new Uint8Array(tilesX * tilesY);
  const scaled = outW !== region.width || outH !== region.height;
  return {
    data,
    width: outW,
    height: outH,
    fill(x0, y0, x1, y1) {
      const tx0 = Math.max(0, Math.floor(x0 / TILE_COLS));
      const tx1 = Math.min(tilesX, Math.ceil(x1 / TILE_COLS));
      const ty0 = Math.max(0, Math.floor(y0 / TILE_ROWS));
      const ty1 = Math.min(tilesY, Math.ceil(y1 / TILE_ROWS));
      for (let ty = ty0; ty < ty1; ty++) {
        // Runs of tiles still to do on this tile row are filled together (fewer source columns converted twice).
        for (let tx = tx0; tx < tx1;) {
          if (done[ty * tilesX + tx]) {
            tx++;
            continue;
          }
          let end = tx;
          while (end < tx1 && !done[ty * tilesX + end]) done[ty * tilesX + end++] = 1;
          const c0 = tx * TILE_COLS;
          const c1 = Math.min(outW, end * TILE_COLS);
          const k0 = ty * TILE_ROWS;
          const k1 = Math.min(outH, k0 + TILE_ROWS);
          // Unscaled, the kernel's taps are one of weight 1: the same whole numbers, faster than the JavaScript rows.
          const kernel = conversionEngine.wasm && planFor(region.width, region.height, outW, outH).wasm;
          if (scaled || kernel) scaleTile(p, region, outW, outH, data, c0, c1, k0, k1);
          else
            for (let k = k0; k < k1; k++)
              rgbRow(
                p,
                region.y + k,
                region.x + c0,
                c1 - c0,
                new Uint8ClampedArray(data.buffer, data.byteOffset + (k * outW + c0) * 3, (c1 - c0) * 3),
              );
          tx = end;
        }
      }
    },
  };
}

/** Output columns c0..c1-1 of rows k0..k1-1 of the area-scaled frame into `out` (see lazyYuv420ToRgb). */
function scaleTile(
  p: Yuv420,
  region: RegionOfInterest,
  outW: number,
  outH: number,
  out: Uint8Array,
  c0: number,
  c1: number,
  k0: number,
  k1: number,
): void {
  const { tx, ty, row, ring, px, wasm } = planFor(region.width, region.height, outW, outH);
  if (wasm && conversionEngine.wasm) {
    wasm.tile(p, region, out, c0, c1, k0, k1);
    return;
  }
  const R = ring.length;
  const xFirst = tx.first;
  const xCount = tx.count;
  // The source columns these output columns read, converted once per source row.
  const sx0 = xFirst[c0]!;
  const sx1 = xFirst[c1 - 1]! + xCount[c1 - 1]!;
  const n3 = (c1 - c0) * 3;
  let next = ty.first[k0]!; // the next source row to convert and scale across
  for (let k = k0; k < k1; k++) {
    const first = ty.first[k]!;
    const count = ty.count[k]!;
    const ws = ty.start[k]!;
    for (; next < first + count; next++) {
      rgbRow(p, region.y + next, region.x + sx0, sx1 - sx0, row);
      const dst = ring[next % R]!;
      across(row, dst, px, c0, c1, sx0);
    }
    const o = (k * outW + c0) * 3;
    if (count === 2) down2(ring[first % R]!, ring[(first + 1) % R]!, ty.weights[ws]!, ty.weights[ws + 1]!, out, o, n3);
    else if (count === 3)
      down3(
        ring[first % R]!,
        ring[(first + 1) % R]!,
        ring[(first + 2) % R]!,
        ty.weights[ws]!,
        ty.weights[ws + 1]!,
        ty.weights[ws + 2]!,
        out,
        o,
        n3,
      );
    else {
      for (let i = 0; i < n3; i++) {
        let acc = 0;
        for (let q = 0; q < count; q++) acc += ring[(first + q) % R]![i]! * ty.weights[ws + q]!;
        out[o + i] = Math.min(255, Math.round(acc));
      }
    }
  }
}

function down2(a: Float32Array, b: Float32Array, wa: number, wb: number, out: Uint8Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) out[o + i] = Math.min(255, Math.round(0 + a[i]! * wa + b[i]! * wb));
}

function down3(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  wa: number,
  wb: number,
  wc: number,
  out: Uint8Array,
  o: number,
  n: number,
): void {
  for (let i = 0; i < n; i++) out[o + i] = Math.min(255, Math.round(0 + a[i]! * wa + b[i]! * wb + c[i]! * wc));
}

/** One converted source row scaled across into `dst` (output columns c0..c1-1; `row` starts at source column sx0). */
function across(row: Uint8ClampedArray, dst: Float32Array, px: PaddedTaps, c0: number, c1: number, sx0: number): void {
  const K = px.k;
  const at = px.at;
  const pw = px.w;
  if (K === 2) across2(row, dst, at, pw, c0, c1, sx0);
  else if (K === 3) across3(row, dst, at, pw, c0, c1, sx0);
  else if (K === 4) across4(row, dst, at, pw, c0, c1, sx0);
  else {
    for (let c = c0, o = 0; c < c1; c++, o += 3) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let q = 0, j = c * K; q < K; q++, j++) {
        const s = (at[j]! - sx0) * 3;
        const wt = pw[j]!;
        r += row[s]! * wt;
        g += row[s + 1]! * wt;
        b += row[s + 2]! * wt;
      }
      dst[o] = r;
      dst[o + 1] = g;
      dst[o + 2] = b;
    }
  }
}

function across2(
  row: Uint8ClampedArray,
  dst: Float32Array,
  at: Int32Array,
  pw: Float64Array,
  c0: number,
  c1: number,
  sx0: number,
): void {
  for (let c = c0, o = 0, j = c0 * 2; c < c1; c++, o += 3, j += 2) {
    const sa = (at[j]! - sx0) * 3;
    const sb = (at[j + 1]! - sx0) * 3;
    const wa = pw[j]!;
    const wb = pw[j + 1]!;
    dst[o] = 0 + row[sa]! * wa + row[sb]! * wb;
    dst[o + 1] = 0 + row[sa + 1]! * wa + row[sb + 1]! * wb;
    dst[o + 2] = 0 + row[sa + 2]! * wa + row[sb + 2]! * wb;
  }
}

function across3(
  row: Uint8ClampedArray,
  dst: Float32Array,
  at: Int32Array,
  pw: Float64Array,
  c0: number,
  c1: number,
  sx0: number,
): void {
  for (let c = c0, o = 0, j = c0 * 3; c < c1; c++, o += 3, j += 3) {
    const sa = (at[j]! - sx0) * 3;
    const sb = (at[j + 1]! - sx0) * 3;
    const sc = (at[j + 2]! - sx0) * 3;
    const wa = pw[j]!;
    const wb = pw[j + 1]!;
    const wc = pw[j + 2]!;
    dst[o] = 0 + row[sa]! * wa + row[sb]! * wb + row[sc]! * wc;
    dst[o + 1] = 0 + row[sa + 1]! * wa + row[sb + 1]! * wb + row[sc + 1]! * wc;
    dst[o + 2] = 0 + row[sa + 2]! * wa + row[sb + 2]! * wb + row[sc + 2]! * wc;
  }
}

/** Four taps: a downscale by 2 to 3 (the walker scan's 360-row frames of 720p-1080p video). */
function across4(
  row: Uint8ClampedArray,
  dst: Float32Array,
  at: Int32Array,
  pw: Float64Array,
  c0: number,
  c1: number,
  sx0: number,
): void {
  for (let c = c0, o = 0, j = c0 * 4; c < c1; c++, o += 3, j += 4) {
    const sa = (at[j]! - sx0) * 3;
    const sb = (at[j + 1]! - sx0) * 3;
    const sc = (at[j + 2]! - sx0) * 3;
    const sd = (at[j + 3]! - sx0) * 3;
    const wa = pw[j]!;
    const wb = pw[j + 1]!;
    const wc = pw[j + 2]!;
    const wd = pw[j + 3]!;
    dst[o] = 0 + row[sa]! * wa + row[sb]! * wb + row[sc]! * wc + row[sd]! * wd;
    dst[o + 1] = 0 + row[sa + 1]! * wa + row[sb + 1]! * wb + row[sc + 1]! * wc + row[sd + 1]! * wd;
    dst[o + 2] = 0 + row[sa + 2]! * wa + row[sb + 2]! * wb + row[sc + 2]! * wc + row[sd + 2]! * wd;
  }
}

/** The whole model RGB frame at once (lazyYuv420ToRgb filled everywhere). */
export function yuv420ToRgb(p: Yuv420, region: RegionOfInterest, outW: number, outH: number): Uint8Array {
  const f = lazyYuv420ToRgb(p, region, outW, outH);
  f.fill(0, 0, outW, outH);
  return f.data;
}

/** Splits packed yuv420p bytes (ffmpeg's rawvideo: Y, then U, then V, no padding) of a `w` x `h` box into planes. */
export function packedYuv420(data: Uint8Array, w: number, h: number): Yuv420 {
  const cw = w / 2;
  const ch = h / 2;
  return {
    width: w,
    height: h,
    y: data.subarray(0, w * h),
    u: data.subarray(w * h, w * h + cw * ch),
    v: data.subarray(w * h + cw * ch, w * h + 2 * cw * ch),
    yStride: w,
    uStride: cw,
    vStride: cw,
  };
}
