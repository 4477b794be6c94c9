/**
 * How far apart are the pixels the browser and Node hand the pose model? (issue 13; figures in docs/gait-web.md)
 * One frame of a clip, the same region, three ways: Chromium draws the <video> frame onto a canvas (the page's
 * path before frames went through src/pose/yuv-frame.ts, and still its path for a frame that is not I420: the
 * browser's colour conversion, then the canvas scaler), ffmpeg gives rgb24 cropped and scaled with flags=area
 * (Node's path before yuv-frame.ts, and still its walker scan's), and ffmpeg cropped at full size. Prints the mean and 99th percentile of the
 * per-channel differences, at full size (decoder + colour conversion) and at model size (plus the scaler).
 *
 * Run: node --import tsx scripts/gait-pixel-diff.ts CLIP FRAME [x,y,w,h]
 */
import { readFileSync } from 'node:fs';
import { openVideo } from '../src/pose/ffmpeg-frames.js';
import { modelFrameSize } from '../src/pose/model-frame-size.js';

import { launchPhone } from '../e2e/helpers/browser.js';

const [file, frameArg, roiArg] = process.argv.slice(2);
if (!file || !frameArg) {
  console.error('usage: gait-pixel-diff.ts CLIP FRAME [x,y,w,h]');
  process.exit(2);
}
const index = Number(frameArg);
const probe = await openVideo(file, {});
if (!probe.ok) {
  console.error(probe.error.message);
  process.exit(1);
}
const { source, times } = probe.value;
const [x, y, width, height] = roiArg
  ? (roiArg.split(',').map(Number) as [number, number, number, number])
  : [0, 0, source.width, source.height];
const roi = { x, y, width, height };
const size = modelFrameSize(source, roi, 720);

async function ffmpegFrame(maxHeight?: number): Promise<Uint8Array> {
  const v = await openVideo(file!, { crop: roi, first: index, last: index, ...(maxHeight ? { maxHeight } : {}) });
  if (!v.ok) throw new Error(v.error.message);
  for await (const f of v.value.frames()) return f.data.slice();
  throw new Error('no frame');
}

async function browserFrames(): Promise<{ full: Uint8Array; scaled: Uint8Array }> {
  const phone = await launchPhone();
  try {
    const { page } = phone;
    await page.setContent('<input type=file id=f>');
    await page.evaluate('window.__name = (f) => f'); // tsx names the nested functions it passes to the page
    await page.locator('#f').setInputFiles(file!);
    // The middle of the frame's interval, as the page's seek path does; drawn once shown.
    const t = times[index]! + 0.5 / source.fps;
    const out = await page.evaluate(
      async ({ t, roi, size }) => {
        const f = (document.getElementById('f') as HTMLInputElement).files![0]!;
        const v = document.createElement('video');
        v.muted = true;
        v.src = URL.createObjectURL(f);
        await new Promise((r) => {
          v.onloadeddata = r;
        });
        v.currentTime = t;
        await new Promise((r) => {
          v.onseeked = r;
        });
        const grab = (w: number, h: number) => {
          const c = new OffscreenCanvas(w, h);
          const ctx = c.getContext('2d', { willReadFrequently: true, alpha: false })!;
          ctx.imageSmoothingQuality = 'medium';
          ctx.drawImage(v, roi.x, roi.y, roi.width, roi.height, 0, 0, w, h);
          const d = ctx.getImageData(0, 0, w, h).data;
          const rgb: number[] = [];
          for (let i = 0; i < d.length; i += 4) rgb.push(d[i]!, d[i + 1]!, d[i + 2]!);
          return rgb;
        };
        return { full: grab(roi.width, roi.height), scaled: grab(size.width, size.height) };
      },
      { t, roi, size },
    );
    return { full: Uint8Array.from(out.full), scaled: Uint8Array.from(out.scaled) };
  } finally {
    await phone.close();
  }
}

function compare(a: Uint8Array, b: Uint8Array): string {
  if (a.length !== b.length) return `sizes differ (${a.length} vs ${b.length})`;
  const hist = new Array<number>(256).fill(0);
  let sum = 0;
  let signed = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    signed += d;
    const m = Math.abs(d);
    hist[m]!++;
    sum += m;
  }
  let acc = 0;
  let p99 = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= 0.99 * a.length) {
      p99 = v;
      break;
    }
  }
  return `mean |diff| ${(sum / a.length).toFixed(2)} levels (mean signed ${(signed / a.length).toFixed(2)}), p99 ${p99}, identical ${((hist[0]! / a.length) * 100).toFixed(0)}%`;
}

readFileSync(file); // a clear error for a missing file before the browser starts
const b = await browserFrames();
if (process.env.PIXEL_DUMP) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(`${process.env.PIXEL_DUMP}.full.rgb`, b.full);
  writeFileSync(`${process.env.PIXEL_DUMP}.scaled.rgb`, b.scaled);
}
const fullNode = await ffmpegFrame();
const scaledNode = await ffmpegFrame(720);
console.log(
  `${file.split('/').pop()} frame ${index}, region ${x},${y},${width}x${height}, model size ${size.width}x${size.height}`,
);
console.log(`  full size (decoder + colour conversion): ${compare(b.full, fullNode)}`);
console.log(`  model size (+ canvas scaler vs ffmpeg area): ${compare(b.scaled, scaledNode)}`);
process.exit(0);
