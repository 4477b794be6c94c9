/**
 * What is drawn on a still of a key moment (gait-stills.ts), as an SVG the size of the still: the measured leg in its
 * side's colour, the trunk line, an arc at the hip and at the knee for the angle measured there, and the angles
 * written beside the hip, knee and ankle. Used where a still is made from a video file with ffmpeg, which renders
 * the SVG over the cropped frame (src/pose/video-stills.ts: the server's analyses); the device draws the same
 * lines on a canvas (web/src/gait/still-frames.ts) and adds a title in the person's language. Here no words are
 * drawn, only numbers with a degree sign: the caption beside the picture names the moment. Pure.
 */
import type { KeyFrame, KeyFramePoints } from './angle-curves.js';
import { toStill, type StillLayout } from '../core/report/gait-still-layout.js';

/** Left side orange, right side blue (a colour-blind safe pair), midline white: the same on every picture of a walk. */
export const SIDE_COLOURS = { left: '#e69f00', right: '#0072b2', mid: '#ffffff' } as const;

/** "25°", "−7°" or "–" (not measured): the same text on the picture and beside it. */
export const degrees = (v: number | null): string => (v === null ? '–' : `${Math.round(v)}°`.replace('-', '−'));

type P = { x: number; y: number };
const finite = (...ps: P[]) => ps.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
const n = (v: number) => String(Math.round(v * 10) / 10);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A segment drawn twice: a dark outline under the colour, so it stays visible on a light or a busy floor. */
function line(a: P, b: P, colour: string, width: number): string {
  if (!finite(a, b)) return '';
  const at = `x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" stroke-linecap="round"`;
  return `<line ${at} stroke="#000000" stroke-opacity="0.7" stroke-width="${n(width + 2.5)}"/><line ${at} stroke="${colour}" stroke-width="${n(width)}"/>`;
}

/** An arc of radius r at `at`, from direction `from` to direction `to` (the smaller turn): the angle measured there. */
function arc(at: P, from: P, to: P, r: number): string {
  const a0 = Math.atan2(from.y, from.x);
  const a1 = Math.atan2(to.y, to.x);
  let d = a1 - a0;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d < -Math.PI) d += 2 * Math.PI;
  if (!finite(at) || !Number.isFinite(a0) || !Number.isFinite(d)) return '';
  const p0 = { x: at.x + r * Math.cos(a0), y: at.y + r * Math.sin(a0) };
  const p1 = { x: at.x + r * Math.cos(a0 + d), y: at.y + r * Math.sin(a0 + d) };
  // SVG's sweep flag 1 turns towards +y (clockwise on screen), as a positive d does in image coordinates.
  return `<path d="M ${n(p0.x)} ${n(p0.y)} A ${n(r)} ${n(r)} 0 0 ${d > 0 ? 1 : 0} ${n(p1.x)} ${n(p1.y)}" fill="none" stroke="#ffffff" stroke-width="2"/>`;
}

/** White text on a dark box, kept inside the picture's width; `at` is the text's baseline start. */
function label(text: string, at: P, size: number, width: number): string {
  if (!finite(at)) return '';
  // No text measuring here: a digit or sign of this font is at most about 0.62 of the size wide.
  const w = text.length * size * 0.62 + size * 0.6;
  const x = Math.min(Math.max(2, at.x), width - w - 2);
  return (
    `<rect x="${n(x)}" y="${n(at.y - size * 0.9)}" width="${n(w)}" height="${n(size * 1.25)}" fill="#000000" fill-opacity="0.72"/>` +
    `<text x="${n(x + size * 0.3)}" y="${n(at.y)}" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-weight="600" font-size="${size}" fill="#ffffff">${esc(text)}</text>`
  );
}

/** The SVG drawn over key frame `k`'s picture, sized and placed by `layout` (gait-still-layout.ts). */
export function stillOverlaySvg(k: KeyFrame, layout: StillLayout): string {
  const p = Object.fromEntries(Object.entries(k.points).map(([name, q]) => [name, toStill(layout, q)])) as Record<
    keyof KeyFramePoints,
    P
  >;
  const colour = SIDE_COLOURS[k.side];
  const lw = Math.max(3, layout.height / 120);
  const r = Math.max(10, layout.height / 22);
  const size = Math.max(12, Math.round(layout.height / 24));
  const dir = (a: P, b: P) => ({ x: b.x - a.x, y: b.y - a.y });
  const parts = [
    line(p.shoulder, p.hip, SIDE_COLOURS.mid, lw * 0.8),
    line(p.hip, p.knee, colour, lw),
    line(p.knee, p.ankle, colour, lw),
    line(p.ankle, p.heel, colour, lw * 0.8),
    line(p.heel, p.toe, colour, lw * 0.8),
    line(p.ankle, p.toe, colour, lw * 0.8),
    arc(p.hip, dir(p.shoulder, p.hip), dir(p.hip, p.knee), r), // hip: the trunk's line on, to the thigh
    arc(p.knee, dir(p.hip, p.knee), dir(p.knee, p.ankle), r), // knee: the thigh's line on, to the shank
    label(degrees(k.angles.hip), { x: p.hip.x + r + 4, y: p.hip.y }, size, layout.width),
    label(degrees(k.angles.knee), { x: p.knee.x + r + 4, y: p.knee.y }, size, layout.width),
    label(degrees(k.angles.ankle), { x: p.ankle.x + r + 4, y: p.ankle.y + size }, size, layout.width),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">${parts.join('')}</svg>`;
}
