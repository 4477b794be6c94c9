/**
 * Throughput of gait analysis in headless Debian chromium, the way the web app runs it on a phone: the shared walk
 * video (1768x994 VP9, 30 fps, 230 frames) chosen in the file input, the walker's band as region (x 0, y 480,
 * 1768x514), every frame decoded with WebCodecs, cropped and scaled to 720p-equivalent on a canvas, BlazePose full
 * on ONNX Runtime web (the page's default: the graphs Node runs) and, in the same run, on tfjs wasm
 * (`/gait?pose-runtime=tfjs`, the path before issue 13: the baseline), then src/gait. Stage times come from the results screen's data attributes
 * (web/src/screens/gait-results.tsx). Prints figures, never pass/fail. Smoke mode runs the default path only. Needs web/dist (`npm run build:web`; the test command builds
 * it when it runs bench/smoke.test.ts).
 * Smoke mode (bench/smoke.test.ts): a 1 s cut of the video (frames 30-59, H.264), same screen and steps.
 * Run: node --import tsx -e "import('./bench/gait-browser.ts').then((m) => m.run())"
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { launchPhone } from '../e2e/helpers/browser.js';
import { startServer } from '../e2e/helpers/server.js';
import { cutWalkClip, WALK_VIDEO } from '../test/helpers/gait-test-clip.js';
import { expectWork, failBench, type BenchFigures, type BenchOptions } from './_bench.js';

const ROI = { x: 0, y: 480, width: 1768, height: 514 };
const VIDEO_FPS = 30;

export async function run(options: BenchOptions = {}): Promise<BenchFigures> {
  const clip = options.smoke ? await cutWalkClip(1) : null;
  const server = await startServer();
  try {
    const onnx = await measure(server.url, clip?.file ?? WALK_VIDEO, 'onnx', clip !== null);
    if (clip) return onnx;
    const tfjs = await measure(server.url, WALK_VIDEO, 'tfjs', false);
    console.log(`ONNX Runtime web / tfjs wasm baseline: ${(onnx.framesPerSecond! / tfjs.framesPerSecond!).toFixed(2)}x the frames/s (model ${(tfjs.modelMsPerFrame! / onnx.modelMsPerFrame!).toFixed(2)}x faster per frame)`);
    return { ...onnx, baselineFramesPerSecond: tfjs.framesPerSecond!, baselineModelMsPerFrame: tfjs.modelMsPerFrame! };
  } finally {
    await server.close();
    if (clip) rmSync(dirname(clip.file), { recursive: true, force: true });
  }
}

/** One analysis on the Gait screen with the pose networks on `runtime`, in a fresh browser. */
async function measure(url: string, video: string, runtime: 'onnx' | 'tfjs', smoke: boolean): Promise<BenchFigures> {
  const phone = await launchPhone();
  try {
    const { page } = phone;
    // A hang guard, not a timing: the smoke runs beside the other benches and the browser tests, and under that
    // load the first page load took over the browser helper's 10 s default once.
    await page.goto(url + (runtime === 'tfjs' ? '/gait?pose-runtime=tfjs' : '/gait'), { timeout: 120_000 });
    await page.locator('#gait-file').setInputFiles(video);
    await page.getByLabel('Top').fill(String(ROI.y));
    await page.getByLabel('Height', { exact: true }).fill(String(ROI.height));
    const load0 = loadavg()[0]!;
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Analyse walking' }).click();
    const results = page.locator('section.gait-results');
    // The results, or the screen's error (a failed analysis would otherwise only show as a timeout).
    const failure = page.locator('.field-error');
    await results.or(failure).first().waitFor({ timeout: 600_000 });
    if (await failure.isVisible()) failBench(`the gait screen said: ${await failure.textContent()}`);
    const wall = (performance.now() - t0) / 1000;
    const n = (a: string) => results.getAttribute(a).then(Number);
    const frames = await n('data-frames'); const decode = await n('data-decode-ms'); const model = await n('data-model-ms'); const gait = await n('data-gait-ms');
    expectWork(frames > 0, `the analysis read ${frames} frames`);
    const total = decode + model + gait;
    const fps = (frames / total) * 1000;
    const pct = (v: number) => `${((v / total) * 100).toFixed(0)}%`;
    const isolated = await page.evaluate(() => crossOriginIsolated);
    console.log(`--- pose networks on ${runtime === 'onnx' ? 'ONNX Runtime web (the default)' : 'tfjs wasm (baseline)'}; page cross-origin isolated: ${isolated}`);
    console.log(`machine: ${cpus().length} cores, load average ${load0.toFixed(2)} at start (other processes share the CPU)`);
    console.log(`video: ${frames} frames at ${VIDEO_FPS} fps${smoke ? ' (smoke: a 1 s cut, H.264)' : ''}, region ${ROI.width}x${ROI.height} scaled to 720p-equivalent (1280x372 model input)`);
    console.log(`in-page: ${(total / 1000).toFixed(1)} s = ${fps.toFixed(1)} frames/s = ${(fps / VIDEO_FPS).toFixed(2)}x real time (wall incl. model load ${wall.toFixed(1)} s)`);
    console.log(`  frames (WebCodecs decode + I420 copy-out, YUV->RGB and area scale in JS: src/pose/yuv-frame.ts): ${(decode / frames).toFixed(1)} ms/frame, ${pct(decode)}`);
    console.log(`  pose model (BlazePose detector/landmarks, ${runtime === 'onnx' ? 'ONNX Runtime web wasm' : 'tfjs wasm'}; tracking and smoothing tfjs): ${(model / frames).toFixed(1)} ms/frame, ${pct(model)}`);
    console.log(`  gait analysis (src/gait, once): ${gait} ms, ${pct(gait)}`);
    const limit = model > decode ? `the pose model (wasm SIMD, ${isolated && runtime === 'onnx' ? 'ONNX Runtime on both cores' : 'one thread'}; WebGL is software GL here)` : 'decoding frames';
    console.log(`limited by: ${limit}`);
    return { frames, framesPerSecond: fps, realTime: fps / VIDEO_FPS, decodeMsPerFrame: decode / frames, modelMsPerFrame: model / frames, gaitMs: gait, wallSeconds: wall };
  } finally {
    await phone.close();
  }
}
