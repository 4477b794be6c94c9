/**
 * Stills of the key moments, made on this device from the video (nothing is uploaded but these small pictures, and
 * only on Save): for each key frame of the analysis (src/gait/angle-curves.ts), a hidden <video> is seeked to that
 * frame, the box around the walker (src/core/report/gait-still-layout.ts) is drawn on a canvas with the measured
 * leg, the trunk line and the angles written beside the joints, and encoded as WebP (JPEG where the browser cannot
 * encode WebP), at a lower quality or size if it is over the stored limit (src/gait/gait-stills.ts).
 */
import type { TFunction } from 'i18next';
import { i18n } from '../i18n/i18n.js';
import { formatNumber } from '../i18n/format.js';
import type { KeyEvent, KeyFrame } from '../../../src/gait/angle-curves.js';
import { STILL_MAX_BYTES, STILL_MAX_SIDE, type GaitStill, type StillType } from '../../../src/gait/gait-stills.js';
import { stillLayout, toStill, type StillLayout } from '../../../src/core/report/gait-still-layout.js';
import { SIDE_COLOURS, degrees } from '../../../src/gait/still-overlay.js';

/** A key moment's name (gait:events.<event>) in the language on screen, or of `t` when given. */
export const eventLabel = (event: KeyEvent, t: TFunction = i18n.t): string => t(`gait:events.${event}`);

/** "25°", "−7°" or "–" (not measured): the same text on the picture and beside it (and on the server's stills). */
export { degrees };

/** A still made on this page: what is saved, and an object URL of the same bytes to show it now. */
export interface MadeStill {
  still: GaitStill;
  url: string;
}

/** A browser that never answers a seek must not hold Save back: each wait gives up after this long. */
const WAIT_MS = 8000;

const seek = (video: HTMLVideoElement, t: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const end = (ok: boolean) => {
      clearTimeout(timer);
      video.removeEventListener('seeked', done);
      video.removeEventListener('error', fail);
      if (ok) resolve();
      // i18n-ignore: caught by makeStills, never shown
      else reject(new Error('The video could not be read at that moment.'));
    };
    const done = () => end(true);
    const fail = () => end(false);
    const timer = setTimeout(fail, WAIT_MS);
    video.addEventListener('seeked', done);
    video.addEventListener('error', fail);
    video.currentTime = t;
  });

function line(
  ctx: CanvasRenderingContext2D,
  a: { x: number; y: number },
  b: { x: number; y: number },
  colour: string,
  width: number,
): void {
  if (![a.x, a.y, b.x, b.y].every(Number.isFinite)) return;
  ctx.strokeStyle = 'rgba(0,0,0,0.7)';
  ctx.lineWidth = width + 2.5;
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.stroke();
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.stroke();
}

/** An arc at `at` from direction `from` to direction `to` (the angle measured there). */
function arc(
  ctx: CanvasRenderingContext2D,
  at: { x: number; y: number },
  from: { x: number; y: number },
  to: { x: number; y: number },
  r: number,
): void {
  const a0 = Math.atan2(from.y, from.x);
  const a1 = Math.atan2(to.y, to.x);
  let d = a1 - a0;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d < -Math.PI) d += 2 * Math.PI;
  if (![a0, d].every(Number.isFinite)) return;
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(at.x, at.y, r, a0, a0 + d, d < 0);
  ctx.stroke();
}

function label(
  ctx: CanvasRenderingContext2D,
  text: string,
  at: { x: number; y: number },
  size: number,
  width: number,
): void {
  if (!Number.isFinite(at.x) || !Number.isFinite(at.y)) return;
  ctx.font = `600 ${size}px system-ui, sans-serif`; // i18n-ignore: a CSS font
  const w = ctx.measureText(text).width + size * 0.6;
  const x = Math.min(Math.max(2, at.x), width - w - 2);
  ctx.fillStyle = 'rgba(0,0,0,0.72)';
  ctx.fillRect(x, at.y - size * 0.9, w, size * 1.25);
  ctx.fillStyle = '#ffffff';
  ctx.fillText(text, x + size * 0.3, at.y);
}

/** Paints one key frame (the video already seeked to it) onto `canvas`, sized by `layout`. */
export function paintStill(
  ctx: CanvasRenderingContext2D,
  video: CanvasImageSource,
  k: KeyFrame,
  layout: StillLayout,
): void {
  const { crop } = layout;
  ctx.drawImage(video, crop.x, crop.y, crop.width, crop.height, 0, 0, layout.width, layout.height);
  const p = Object.fromEntries(Object.entries(k.points).map(([n, q]) => [n, toStill(layout, q)])) as Record<
    keyof KeyFrame['points'],
    { x: number; y: number }
  >;
  const colour = SIDE_COLOURS[k.side];
  const lw = Math.max(3, layout.height / 120);
  ctx.lineCap = 'round';
  line(ctx, p.shoulder, p.hip, '#ffffff', lw * 0.8);
  line(ctx, p.hip, p.knee, colour, lw);
  line(ctx, p.knee, p.ankle, colour, lw);
  line(ctx, p.ankle, p.heel, colour, lw * 0.8);
  line(ctx, p.heel, p.toe, colour, lw * 0.8);
  line(ctx, p.ankle, p.toe, colour, lw * 0.8);
  const r = Math.max(10, layout.height / 22);
  const dir = (a: { x: number; y: number }, b: { x: number; y: number }) => ({ x: b.x - a.x, y: b.y - a.y });
  arc(ctx, p.hip, dir(p.shoulder, p.hip), dir(p.hip, p.knee), r); // hip: the trunk's line on, to the thigh
  arc(ctx, p.knee, dir(p.hip, p.knee), dir(p.knee, p.ankle), r); // knee: the thigh's line on, to the shank
  const size = Math.max(12, Math.round(layout.height / 24));
  // The words drawn on the picture are in the language on screen (i18n.t): the still is saved as drawn.
  const t = i18n.t;
  label(
    ctx,
    t('gait:stills.drawnTitle', {
      side: t(`gait:stills.side.${k.side}`),
      event: eventLabel(k.event),
      time: formatNumber(k.time, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    }),
    { x: 4, y: size + 4 },
    size,
    layout.width,
  );
  for (const joint of ['hip', 'knee', 'ankle'] as const) {
    // The ankle's label goes below its point, clear of the foot; the others beside theirs.
    const at = { x: p[joint].x + r + 4, y: p[joint].y + (joint === 'ankle' ? size : 0) };
    label(ctx, t(`gait:stills.${joint}`, { angle: degrees(k.angles[joint]) }), at, size, layout.width);
  }
}

const toBlob = (canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob | null> =>
  new Promise((resolve) => canvas.toBlob(resolve, type, quality));

async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Encodes the canvas as WebP (or JPEG), lowering the quality until it fits the stored limit; null if it never does. */
async function encode(canvas: HTMLCanvasElement): Promise<{ blob: Blob; type: StillType } | null> {
  for (const quality of [0.72, 0.55, 0.4]) {
    let blob = await toBlob(canvas, 'image/webp', quality);
    if (!blob || blob.type !== 'image/webp') blob = await toBlob(canvas, 'image/jpeg', quality); // Safari: no WebP encoder
    if (blob && (blob.type === 'image/webp' || blob.type === 'image/jpeg') && blob.size <= STILL_MAX_BYTES)
      return { blob, type: blob.type };
  }
  return null;
}

/** The stills of the key frames, in their order. Frames that cannot be read or encoded are left out. */
export async function makeStills(
  url: string,
  size: { width: number; height: number },
  fps: number,
  keyFrames: readonly KeyFrame[],
  signal?: AbortSignal,
): Promise<MadeStill[]> {
  if (!keyFrames.length) return [];
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.preload = 'auto';
  video.src = url;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The video could not be opened for the stills.')), WAIT_MS); // i18n-ignore: caught by the caller, never shown
    video.addEventListener(
      'loadeddata',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
    video.addEventListener(
      'error',
      () => {
        clearTimeout(timer);
        // i18n-ignore: caught by the caller, never shown
        reject(new Error('The video could not be opened for the stills.'));
      },
      { once: true },
    );
  });
  const out: MadeStill[] = [];
  try {
    for (const k of keyFrames) {
      if (signal?.aborted) break;
      // The middle of the frame's display interval, so the picture shown is that frame (as the setup screen does).
      await seek(video, Math.min(k.time + 0.5 / Math.max(1, fps), Math.max(0, video.duration - 0.001)));
      const layout = stillLayout(k.points, size, STILL_MAX_SIDE * 0.75);
      const canvas = document.createElement('canvas');
      canvas.width = layout.width;
      canvas.height = layout.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) break;
      paintStill(ctx, video, k, layout);
      const enc = await encode(canvas);
      if (!enc) continue;
      out.push({
        url: URL.createObjectURL(enc.blob),
        still: {
          event: k.event,
          side: k.side,
          time: Math.round(k.time * 1000) / 1000,
          frame: k.frame,
          angles: { hip_deg: k.angles.hip, knee_deg: k.angles.knee, ankle_deg: k.angles.ankle },
          type: enc.type,
          width: layout.width,
          height: layout.height,
          data: await base64(enc.blob),
        },
      });
    }
  } finally {
    video.removeAttribute('src');
    video.load();
  }
  return out;
}
