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

/** 4:2:0 planes of a box of the picture (even origin and size), each plane with its row stride. */
export interface Yuv420 {
  width: number; height: number;
  y: Uint8Array; u: Uint8Array; v: Uint8Array;
  yStride: number; uStride: number; vStride: number;
}

/** The smallest box with even origin and size around `r`, inside a picture of `w` x `h` (the chroma grid). */
export function chromaAlignedBox(r: RegionOfInterest, w: number, h: number): RegionOfInterest {
  const x = r.x - (r.x % 2); const y = r.y - (r.y % 2);
  const x1 = Math.min(w - (w % 2), r.x + r.width + ((r.x + r.width) % 2));
  const y1 = Math.min(h - (h % 2), r.y + r.height + ((r.y + r.height) % 2));
  return { x, y, width: x1 - x, height: y1 - y };
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** RGB of `region` (in the box's pixels) of the planes, packed, at full size. */
function toRgb(p: Yuv420, region: RegionOfInterest): Uint8Array {
  const out = new Uint8Array(region.width * region.height * 3);
  let o = 0;
  for (let j = 0; j < region.height; j++) {
    const yy = region.y + j;
    const yRow = yy * p.yStride; const uRow = (yy >> 1) * p.uStride; const vRow = (yy >> 1) * p.vStride;
    for (let i = 0; i < region.width; i++) {
      const xx = region.x + i;
      const c = 298 * (p.y[yRow + xx]! - 16); const d = p.u[uRow + (xx >> 1)]! - 128; const e = p.v[vRow + (xx >> 1)]! - 128;
      out[o++] = clamp((c + 409 * e + 128) >> 8);
      out[o++] = clamp((c - 100 * d - 208 * e + 128) >> 8);
      out[o++] = clamp((c + 516 * d + 128) >> 8);
    }
  }
  return out;
}

/** Per output index: the source indices it covers and their weights (area averaging of n source cells into m). */
function areaTaps(n: number, m: number): Array<{ first: number; weights: number[] }> {
  const scale = n / m;
  const taps: Array<{ first: number; weights: number[] }> = [];
  for (let k = 0; k < m; k++) {
    const a = k * scale; const b = (k + 1) * scale;
    const first = Math.floor(a); const weights: number[] = [];
    for (let s = first; s < Math.min(n, Math.ceil(b)); s++) weights.push((Math.min(b, s + 1) - Math.max(a, s)) / scale);
    taps.push({ first, weights });
  }
  return taps;
}

/** Area downscale of packed RGB, rows then columns, rounded once at the end. */
function areaScale(src: Uint8Array, w: number, h: number, outW: number, outH: number): Uint8Array {
  const tx = areaTaps(w, outW); const ty = areaTaps(h, outH);
  const rows = new Float32Array(outW * h * 3);
  for (let j = 0; j < h; j++) {
    for (let k = 0; k < outW; k++) {
      const t = tx[k]!; let r = 0; let g = 0; let b = 0;
      for (let q = 0; q < t.weights.length; q++) {
        const s = (j * w + t.first + q) * 3; const wt = t.weights[q]!;
        r += src[s]! * wt; g += src[s + 1]! * wt; b += src[s + 2]! * wt;
      }
      const o = (j * outW + k) * 3; rows[o] = r; rows[o + 1] = g; rows[o + 2] = b;
    }
  }
  const out = new Uint8Array(outW * outH * 3);
  for (let k = 0; k < outH; k++) {
    const t = ty[k]!;
    for (let i = 0; i < outW * 3; i++) {
      let acc = 0;
      for (let q = 0; q < t.weights.length; q++) acc += rows[(t.first + q) * outW * 3 + i]! * t.weights[q]!;
      out[k * outW * 3 + i] = Math.min(255, Math.round(acc));
    }
  }
  return out;
}

/** The model's RGB frame: `region` (box pixels) of the planes, converted, and area-scaled to `outW` x `outH`. */
export function yuv420ToRgb(p: Yuv420, region: RegionOfInterest, outW: number, outH: number): Uint8Array {
  const rgb = toRgb(p, region);
  return outW === region.width && outH === region.height ? rgb : areaScale(rgb, region.width, region.height, outW, outH);
}

/** Splits packed yuv420p bytes (ffmpeg's rawvideo: Y, then U, then V, no padding) of a `w` x `h` box into planes. */
export function packedYuv420(data: Uint8Array, w: number, h: number): Yuv420 {
  const cw = w / 2; const ch = h / 2;
  return { width: w, height: h, y: data.subarray(0, w * h), u: data.subarray(w * h, w * h + cw * ch), v: data.subarray(w * h + cw * ch, w * h + 2 * cw * ch), yStride: w, uStride: cw, vStride: cw };
}
