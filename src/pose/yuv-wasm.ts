/**
 * yuv-frame.ts's colour conversion and area scale as a WebAssembly kernel, built in memory (wasm-bytes.ts) for one
 * size pair, in Node and in the browser alike (issue 13: the conversion was 40 % of a pose worker's busy time, and
 * as much on the page). The same arithmetic as the JavaScript, term by term: integer BT.601 with the same tables and
 * clamp, column sums of doubles rounded to float32, row sums of doubles rounded half up (Math.round) and capped at
 * 255. WebAssembly's f64 and f32 operations are IEEE-exact like JavaScript's, so the bytes are the same
 * (yuv-frame.test.ts compares both ways with the plain two-pass version), and Node and the page still hand the
 * model the same bytes.
 *
 * The kernel is a handful of loops, written out per tap count: `rgb` converts one source row into doubles, `across`
 * scales it across into a float32 ring row, `downN` sums N ring rows into output bytes. The driver (`tile` below)
 * keeps the JavaScript version's order of work: source rows converted once per tile, a ring of scaled rows.
 */
import type { RegionOfInterest } from './frame.js';
import {
  OP,
  T,
  addTo,
  f64,
  get,
  i32,
  loopBack,
  loopUntil,
  mem,
  set,
  wasmModule,
  type WasmFunction,
} from './wasm-bytes.js';

/** 4:2:0 planes, each with its row stride: what the kernel reads of yuv-frame.ts's Yuv420. */
export interface Planes {
  y: Uint8Array;
  u: Uint8Array;
  v: Uint8Array;
  yStride: number;
  uStride: number;
  vStride: number;
}

/** The area taps of yuv-frame.ts, padded to `k` a column (see PaddedTaps there). */
export interface KernelTaps {
  k: number;
  at: Int32Array;
  w: Float64Array;
}
export interface RowTaps {
  first: Int32Array;
  count: Int32Array;
  start: Int32Array;
  weights: Float64Array;
  maxCount: number;
}

/** Tap counts the kernel is written out for; a plan needing more (a downscale by more than 7) stays in JavaScript. */
export const MAX_KERNEL_TAPS = 8;

// The conversion tables, first in memory: Y, RV, GU, GV, BU (256 int32 each), as yuv-frame.ts's T_* tables.
/** The value of local `t`, or 0 when it is below (select keeps t when t >= 0): for a byte's lower clamp. */
const atLeast0 = (t: number): number[] => [...i32(0), ...get(t), ...get(t), ...i32(0), OP.i32LtS, OP.select];
/** The value of local `t`, or 255 when it is above: a byte's upper clamp. */
const atMost255 = (t: number): number[] => [...i32(255), ...get(t), ...get(t), ...i32(255), OP.i32GtS, OP.select];
const TABLES = 0;
const TABLE_BYTES = 256 * 4;

/** rgb(y, u, v, x0, n, row): source columns x0..x0+n-1 (Y at y + x, U and V at u/v + (x >> 1)) as 3 doubles each at row. */
function rgbFunction(): WasmFunction {
  const [y, u, v, x0, n, row, xx, end, c, uu, vv, t] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const table = (idx: number, which: number) => [
    ...get(idx),
    ...i32(2),
    OP.i32Shl,
    ...mem(OP.i32Load, 2, TABLES + which * TABLE_BYTES),
  ];
  // (sum >> 8) clamped to 0..255 (a Uint8ClampedArray store of a whole number), as a double, stored at row + offset.
  const channel = (sum: number[], offset: number) => [
    ...get(row),
    ...sum,
    ...i32(8),
    OP.i32ShrS,
    ...set(t),
    ...atLeast0(t),
    ...set(t),
    ...atMost255(t),
    OP.f64ConvertI32S,
    ...mem(OP.f64Store, 3, offset),
  ];
  return {
    name: 'rgb',
    params: [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32],
    locals: [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32],
    body: [
      ...get(x0),
      ...set(xx),
      ...get(x0),
      ...get(n),
      OP.i32Add,
      ...set(end),
      ...loopUntil(xx, end),
      ...get(y),
      ...get(xx),
      OP.i32Add,
      ...mem(OP.i32Load8u, 0),
      ...set(c),
      ...table(c, 0),
      ...set(c),
      ...get(u),
      ...get(xx),
      ...i32(1),
      OP.i32ShrS,
      OP.i32Add,
      ...mem(OP.i32Load8u, 0),
      ...set(uu),
      ...get(v),
      ...get(xx),
      ...i32(1),
      OP.i32ShrS,
      OP.i32Add,
      ...mem(OP.i32Load8u, 0),
      ...set(vv),
      ...channel([...get(c), ...table(vv, 1), OP.i32Add], 0),
      ...channel([...get(c), ...table(uu, 2), OP.i32Add, ...table(vv, 3), OP.i32Add], 8),
      ...channel([...get(c), ...table(uu, 4), OP.i32Add], 16),
      ...addTo(row, 24),
      ...addTo(xx, 1),
      ...loopBack,
    ],
  };
}

/**
 * across(row, dst, at, w, n, sx0): n output columns, column j's K taps at `at` + 4 (K j + q) (source columns) and
 * `w` + 8 (K j + q) (weights): per channel 0 + row[s0] w0 + row[s1] w1 + ..., stored as float32 at dst.
 */
function acrossFunction(K: number): WasmFunction {
  const [row, dst, at, w, n, sx0, end] = [0, 1, 2, 3, 4, 5, 6];
  const s = (q: number) => 7 + q; // i32 locals: the taps' byte offsets in row
  const wt = (q: number) => 7 + K + q; // f64 locals: the taps' weights
  const body: number[] = [
    ...get(dst),
    ...get(n),
    ...i32(12),
    OP.i32Mul,
    OP.i32Add,
    ...set(end),
    ...loopUntil(dst, end),
  ];
  for (let q = 0; q < K; q++) {
    body.push(
      ...get(row),
      ...get(at),
      ...mem(OP.i32Load, 2, 4 * q),
      ...get(sx0),
      OP.i32Sub,
      ...i32(24),
      OP.i32Mul,
      OP.i32Add,
      ...set(s(q)),
    );
    body.push(...get(w), ...mem(OP.f64Load, 3, 8 * q), ...set(wt(q)));
  }
  for (let ch = 0; ch < 3; ch++) {
    body.push(...get(dst), ...f64(0));
    for (let q = 0; q < K; q++)
      body.push(...get(s(q)), ...mem(OP.f64Load, 3, 8 * ch), ...get(wt(q)), OP.f64Mul, OP.f64Add);
    body.push(OP.f32DemoteF64, ...mem(OP.f32Store, 2, 4 * ch));
  }
  body.push(...addTo(dst, 12), ...addTo(at, 4 * K), ...addTo(w, 8 * K), ...loopBack);
  const locals = [T.i32, ...Array<number>(K).fill(T.i32), ...Array<number>(K).fill(T.f64)];
  return { name: `across${K}`, params: [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32], locals, body };
}

/**
 * downN(a0..aN-1, w0..wN-1, out, n): n bytes, byte i = min(255, Math.round(0 + a0[i] w0 + ... )) with aq float32
 * rows (the sums are at least 0: weights and values are).
 */
function downFunction(N: number): WasmFunction {
  const a = (q: number) => q;
  const w = (q: number) => N + q;
  const out = 2 * N;
  const n = 2 * N + 1;
  const end = 2 * N + 2;
  const x = 2 * N + 3;
  const t = 2 * N + 4;
  const body: number[] = [...get(out), ...get(n), OP.i32Add, ...set(end), ...loopUntil(out, end), ...f64(0)];
  for (let q = 0; q < N; q++)
    body.push(...get(a(q)), ...mem(OP.f32Load, 2), OP.f64PromoteF32, ...get(w(q)), OP.f64Mul, OP.f64Add);
  body.push(
    // Math.round of x >= 0 without f64.ceil (a call into C on this machine's V8, 10x the loop's time): t = trunc(x),
    // plus one when x - t >= 0.5 (x - t is exact: the fraction of a double is a double). Then capped at 255.
    ...set(x),
    ...get(out),
    ...get(x),
    OP.i32TruncF64S,
    ...set(t),
    ...get(t),
    ...get(x),
    ...get(t),
    OP.f64ConvertI32S,
    OP.f64Sub,
    ...f64(0.5),
    OP.f64Ge,
    OP.i32Add,
    ...set(t),
    ...atMost255(t),
    ...mem(OP.i32Store8, 0),
  );
  for (let q = 0; q < N; q++) body.push(...addTo(a(q), 4));
  body.push(...addTo(out, 1), ...loopBack);
  const params = [...Array<number>(N).fill(T.i32), ...Array<number>(N).fill(T.f64), T.i32, T.i32];
  return { name: `down${N}`, params, locals: [T.i32, T.f64, T.i32], body };
}

type Fn = (...args: number[]) => void;

/** The kernel for one size pair: its memory laid out for a `w`-column source and `outW` output columns. */
export interface WasmScaler {
  /** Output columns c0..c1-1 of rows k0..k1-1 of `region` of the planes, scaled, into `out` (yuv-frame.ts scaleTile). */
  tile(p: Planes, region: RegionOfInterest, out: Uint8Array, c0: number, c1: number, k0: number, k1: number): void;
  /** The module's size: a page's main thread may compile at most 4 KB synchronously (Chromium). */
  bytes: number;
}

/**
 * Builds the kernel for a `w` x ? source scaled to `outW` columns with these taps and tables, or null when
 * WebAssembly is missing or the taps need more than MAX_KERNEL_TAPS.
 */
export function wasmScaler(
  w: number,
  outW: number,
  px: KernelTaps,
  ty: RowTaps,
  tables: Int32Array[],
): WasmScaler | null {
  if (typeof WebAssembly === 'undefined' || px.k > MAX_KERNEL_TAPS || ty.maxCount > MAX_KERNEL_TAPS) return null;
  const R = ty.maxCount;
  // Layout: tables, taps (int32), weights (float64), the converted row (3 doubles a column), the ring (float32
  // rows), one output row; then the frame's Y, U and V rows of the region, copied in once a frame (planes).
  let top = TABLES + 5 * TABLE_BYTES;
  const take = (bytes: number) => {
    const at = top;
    top += Math.ceil(bytes / 8) * 8;
    return at;
  };
  const AT = take(outW * px.k * 4);
  const WT = take(outW * px.k * 8);
  const ROW = take(w * 24);
  const RING = Array.from({ length: R }, () => take(outW * 12));
  const OUT = take(outW * 3);
  const PLANES = top;
  const fns = [rgbFunction(), acrossFunction(px.k), ...Array.from({ length: R }, (_, i) => downFunction(i + 1))];
  const bytes = wasmModule(fns, Math.ceil(top / 65536));
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  } catch {
    return null; // e.g. a page whose policy forbids compiling WebAssembly: the JavaScript path gives the same bytes
  }
  const e = instance.exports as Record<string, Fn> & { memory: WebAssembly.Memory };
  tables.forEach((t, i) => new Int32Array(e.memory.buffer, TABLES + i * TABLE_BYTES, 256).set(t));
  new Int32Array(e.memory.buffer, AT, outW * px.k).set(px.at);
  new Float64Array(e.memory.buffer, WT, outW * px.k).set(px.w);
  let heap = new Uint8Array(e.memory.buffer);
  const rgb = e.rgb!;
  const across = e[`across${px.k}`]!;
  const down = Array.from({ length: R + 1 }, (_, i) => e[`down${i}`]);
  // The planes of the frame last copied in: the region's rows of Y, U and V (one copy of each, 1.4 MB for the
  // shared walk's band, against three small copies for every source row of every tile).
  let copied: Planes | null = null;
  let ry0 = 0;
  let Yp = 0;
  let Up = 0;
  let Vp = 0;
  const copyPlanes = (p: Planes, region: RegionOfInterest) => {
    ry0 = region.y;
    const rows = region.height;
    const cy0 = ry0 >> 1;
    const crows = ((ry0 + rows - 1) >> 1) - cy0 + 1;
    const y = p.y.subarray(ry0 * p.yStride, (ry0 + rows) * p.yStride);
    const u = p.u.subarray(cy0 * p.uStride, (cy0 + crows) * p.uStride);
    const v = p.v.subarray(cy0 * p.vStride, (cy0 + crows) * p.vStride);
    const need = PLANES + y.length + u.length + v.length;
    if (need > heap.length) {
      e.memory.grow(Math.ceil((need - heap.length) / 65536));
      heap = new Uint8Array(e.memory.buffer);
    }
    Yp = PLANES;
    Up = Yp + y.length;
    Vp = Up + u.length;
    heap.set(y, Yp);
    heap.set(u, Up);
    heap.set(v, Vp);
    copied = p;
  };
  return {
    bytes: bytes.length,
    tile(p, region, out, c0, c1, k0, k1) {
      if (copied !== p || ry0 !== region.y) copyPlanes(p, region);
      const sx0 = px.at[c0 * px.k]!;
      const sx1 = px.at[(c1 - 1) * px.k + px.k - 1]! + 1;
      const n3 = (c1 - c0) * 3;
      let next = ty.first[k0]!;
      for (let k = k0; k < k1; k++) {
        const first = ty.first[k]!;
        const count = ty.count[k]!;
        const ws = ty.start[k]!;
        for (; next < first + count; next++) {
          // Row pointers such that Y[x] is at y + x and U[x >> 1] at u + (x >> 1), x a column of the planes.
          const yy = region.y + next;
          const cy = (yy >> 1) - (ry0 >> 1);
          rgb(Yp + next * p.yStride, Up + cy * p.uStride, Vp + cy * p.vStride, region.x + sx0, sx1 - sx0, ROW);
          across(ROW, RING[next % R]!, AT + c0 * px.k * 4, WT + c0 * px.k * 8, c1 - c0, sx0);
        }
        const rows: number[] = [];
        const weights: number[] = [];
        for (let q = 0; q < count; q++) {
          rows.push(RING[(first + q) % R]!);
          weights.push(ty.weights[ws + q]!);
        }
        down[count]!(...rows, ...weights, OUT, n3);
        out.set(heap.subarray(OUT, OUT + n3), (k * outW + c0) * 3);
      }
    },
  };
}
