/**
 * Where do the browser and Node part on the same clip? (issue 13; figures in docs/gait-web.md)
 *
 * One clip, one region, one frame range, analysed four ways:
 *  - browser: the Gait screen in headless Debian chromium (WebCodecs frames, the page's pose runtime), saved, and its
 *    keypoints read back from the API;
 *  - node-onnx: ffmpeg frames + the Node runtime (ONNX Runtime networks), one pass in this process;
 *  - node-tfjs: the same frames on the all-tfjs-wasm Node runtime (so node-onnx vs node-tfjs is the runtime alone);
 *  - analyze: `footing analyze --roi` (estimateWalker: the worker pool, segments with warm-up).
 * Prints the frame times each side used, per-pair landmark differences (legs, source pixels) and the initial
 * contacts and cadence each gives. With --scan it also prints the walker region the page pre-sets beside Node's.
 *
 * Run: node --import tsx scripts/gait-runtime-diff.ts CLIP [--roi x,y,w,h] [--first N] [--last N] [--scan] [--skip-browser]
 * --browser-tfjs: the page runs both networks on tfjs wasm (/gait?pose-runtime=tfjs, its path before issue 13).
 * --auto: no region typed; the page keeps what its walker scan pre-set and Node runs `footing analyze` without --roi.
 * Needs web/dist (npm run build:web).
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeGait } from '../src/gait/analyze-gait.js';
import type { KeypointSeries } from '../src/gait/keypoints.js';
import { LANDMARK_INDEX, LEG_LANDMARKS } from '../src/gait/keypoints.js';
import { openVideo } from '../src/pose/ffmpeg-frames.js';
import { findWalker } from '../src/pose/find-walker.js';
import { MODEL_MAX_HEIGHT } from '../src/pose/model-frame-size.js';
import { estimateWalker } from '../src/pose/estimate-walker.js';
import { createNodePoseEstimator, type LandmarkRuntime } from '../src/pose/node-runtime.js';
import type { RegionOfInterest } from '../src/pose/frame.js';
import { launchPhone } from '../e2e/helpers/browser.js';
import { startServer } from '../e2e/helpers/server.js';
import { call } from '../e2e/helpers/server.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    roi: { type: 'string' },
    first: { type: 'string' },
    last: { type: 'string' },
    scan: { type: 'boolean' },
    auto: { type: 'boolean' },
    'browser-tfjs': { type: 'boolean' },
    'skip-browser': { type: 'boolean' },
  },
});
const file = positionals[0];
if (!file) {
  console.error('usage: gait-runtime-diff.ts CLIP [--roi x,y,w,h] [--first N] [--last N] [--scan]');
  process.exit(2);
}

const opened = await openVideo(file, {});
if (!opened.ok) {
  console.error(opened.error.message);
  process.exit(1);
}
const { source, times } = opened.value;
const roi: RegionOfInterest = values.roi
  ? (([x, y, width, height]) => ({ x: x!, y: y!, width: width!, height: height! }))(values.roi.split(',').map(Number))
  : { x: 0, y: 0, width: source.width, height: source.height };
const first = Number(values.first ?? 0);
const last = Number(values.last ?? times.length - 1);
console.log(
  `clip ${basename(file)}: ${source.width}x${source.height}, ${times.length} frames at ${source.fps.toFixed(2)} fps; region ${roi.x},${roi.y},${roi.width}x${roi.height}; frames ${first}-${last}`,
);

async function nodeSeries(runtime: LandmarkRuntime): Promise<KeypointSeries> {
  const v = await openVideo(file!, { maxHeight: MODEL_MAX_HEIGHT, crop: roi, first, last, yuv: true });
  if (!v.ok) throw new Error(v.error.message);
  const est = await createNodePoseEstimator(runtime);
  if (!est.ok) throw new Error(est.error.message);
  try {
    console.log(
      `  node ${runtime}: frames ${v.value.frameWidth}x${v.value.frameHeight} to the model (${est.value.model})`,
    );
    return await est.value.estimate(v.value.frames(), {
      source: { ...v.value.source, frameCount: last - first + 1 },
      roi,
    });
  } finally {
    est.value.dispose();
  }
}

async function browserSeries(): Promise<{ series: KeypointSeries; scanRoi: string | null; times: string }> {
  const server = await startServer();
  const phone = await launchPhone();
  try {
    const { page } = phone;
    await page.goto(server.url + (values['browser-tfjs'] ? '/gait?pose-runtime=tfjs' : '/gait'), { timeout: 60_000 });
    await page.locator('#gait-file').setInputFiles(file!);
    let scanRoi: string | null = null;
    if (values.scan) {
      // The scan pre-sets the box when it ends: wait for the status line to go, then read the four fields.
      await page.getByText(/Footing will follow Person|Nobody walks across the picture/).waitFor({ timeout: 180_000 });
      scanRoi = (
        await Promise.all(
          ['Left', 'Top', 'Width']
            .map((l) => page.getByLabel(l, { exact: true }).inputValue())
            .concat(page.getByLabel('Height', { exact: true }).inputValue()),
        )
      ).join(',');
    }
    if (!values.auto) {
      await page.getByLabel('Left', { exact: true }).fill(String(roi.x));
      await page.getByLabel('Top').fill(String(roi.y));
      await page.getByLabel('Width').fill(String(roi.width));
      await page.getByLabel('Height', { exact: true }).fill(String(roi.height));
      await page.getByText('Analyse only part of the video').click();
      await page.locator('#gait-first').fill(String(first));
      await page.locator('#gait-last').fill(String(last));
    }
    await page.getByRole('button', { name: 'Analyse walking' }).click();
    const results = page.locator('section.gait-results');
    await results.or(page.locator('.field-error')).first().waitFor({ timeout: 600_000 });
    const stage = await Promise.all(
      ['data-frames', 'data-decode-ms', 'data-model-ms'].map((a) => results.getAttribute(a)),
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByText(/^Saved: the measurements/)
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        throw new Error(
          `not saved: ${(await page.locator('[role=alert], .field-error').allTextContents()).join(' | ')}`,
          { cause: e },
        );
      });
    const saved = await call<Array<{ id: string }>>(server.url, 'GET', '/api/gait-analyses');
    const series = await call<KeypointSeries>(server.url, 'GET', `/api/gait-analyses/${saved[0]!.id}/keypoints`);
    return { series, scanRoi, times: `frames ${stage[0]}, decode ${stage[1]} ms, model ${stage[2]} ms` };
  } finally {
    await phone.close();
    await server.close();
  }
}

function legDiff(a: KeypointSeries, b: KeypointSeries): string {
  const byIndex = new Map(b.frames.map((f) => [f.index, f]));
  const d: number[] = [];
  let onlyOne = 0;
  let both = 0;
  for (const fa of a.frames) {
    const fb = byIndex.get(fa.index);
    const pa = fa.people[0];
    const pb = fb?.people[0];
    if (!pa !== !pb) {
      onlyOne++;
      continue;
    }
    if (!pa || !pb) continue;
    both++;
    for (const name of LEG_LANDMARKS) {
      const i = LANDMARK_INDEX[name];
      const u = pa.image[i]!;
      const v = pb.image[i]!;
      if (Number.isFinite(u.x) && Number.isFinite(v.x)) d.push(Math.hypot(u.x - v.x, u.y - v.y));
    }
  }
  d.sort((x, y) => x - y);
  const q = (p: number) => (d.length ? d[Math.min(d.length - 1, Math.floor(p * d.length))]!.toFixed(1) : '-');
  return `${both} frames both, ${onlyOne} one only; leg landmarks px median ${q(0.5)}, p90 ${q(0.9)}, max ${q(1 - 1e-9)}`;
}

function timeDiff(a: KeypointSeries, b: KeypointSeries): string {
  const byIndex = new Map(b.frames.map((f) => [f.index, f.time]));
  let worst = 0;
  let n = 0;
  for (const f of a.frames) {
    const t = byIndex.get(f.index);
    if (t === undefined) continue;
    n++;
    worst = Math.max(worst, Math.abs(t - f.time));
  }
  return `${n} frame indices in common, largest time difference ${(worst * 1000).toFixed(2)} ms`;
}

function events(s: KeypointSeries): string {
  const a = analyzeGait(s, { view: 'auto' });
  const fr = (t: number) => Math.round(t * source.fps);
  const hs = (side: 'left' | 'right') => a.events[side].heelStrike.map(fr).join(' ');
  const c = a.metrics.cadence;
  return `IC left [${hs('left')}] right [${hs('right')}] (frames); cadence ${c.status === 'ok' ? `${c.value.toFixed(1)} (conf ${c.confidence.toFixed(2)})` : `- (${c.reason})`}`;
}

const runs: Record<string, KeypointSeries> = {};
if (!values['skip-browser']) {
  const b = await browserSeries();
  runs.browser = b.series;
  console.log(`  browser: ${b.series.model}; ${b.times}${b.scanRoi ? `; walker scan pre-set ${b.scanRoi}` : ''}`);
}
if (values.scan) {
  const w = await findWalker(file, {});
  console.log(
    `  node findWalker: ${w.ok && w.value.roi ? `${w.value.roi.x},${w.value.roi.y},${w.value.roi.width},${w.value.roi.height}` : 'none'}`,
  );
}
if (!values.auto) {
  runs['node-onnx'] = await nodeSeries('onnx');
  runs['node-tfjs'] = await nodeSeries('tfjs');
}
const an = await estimateWalker(file, { ...(values.auto ? {} : { roi }), first, last, maxHeight: MODEL_MAX_HEIGHT });
if (!an.ok) throw new Error(an.error.message);
if (values.auto)
  console.log(
    `  analyze (auto): region ${JSON.stringify(an.value.roi)}, frames ${an.value.span.first}-${an.value.span.last}`,
  );
runs.analyze = {
  ...an.value.series,
  frames: an.value.series.frames.filter((f) => f.index >= first && f.index <= last),
};

for (const [name, s] of Object.entries(runs)) console.log(`${name.padEnd(10)} ${events(s)}`);
const pairs: Array<[string, string]> = [
  ['browser', 'node-tfjs'],
  ['browser', 'node-onnx'],
  ['node-tfjs', 'node-onnx'],
  ['node-onnx', 'analyze'],
  ['browser', 'analyze'],
];
for (const [x, y] of pairs) {
  if (!runs[x] || !runs[y]) continue;
  console.log(`${x} vs ${y}: ${timeDiff(runs[x], runs[y])}; ${legDiff(runs[x], runs[y])}`);
}
process.exit(0);
