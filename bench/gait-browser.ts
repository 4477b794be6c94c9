/**
 * Throughput of gait analysis in headless Debian chromium, the way the web app runs it on a phone: the shared walk
 * video (1768x994 VP9, 30 fps, 230 frames) chosen in the file input, the walker's band as region (x 0, y 480,
 * 1768x514), every frame decoded with WebCodecs, cropped and scaled to 720p-equivalent on a canvas, BlazePose full
 * on ONNX Runtime web (the page's default: the graphs Node runs) and, in the same run, on tfjs wasm
 * (`/gait?pose-runtime=tfjs`, the path before issue 13: the baseline), then src/gait. Stage times come from the results screen's data attributes
 * (web/src/gait/gait-results.tsx). Prints figures, never pass/fail. Smoke mode runs the default path only. Needs web/dist (`npm run build:web`; the test command builds
 * it when it runs bench/smoke.test.ts).
 * Memory (issue 13: a 60 s clip must not run out of memory on a phone-class device): each run samples the resident
 * memory of the browser's renderer processes (Linux /proc, the browser launched by this process) every 250 ms and
 * reads their peak (VmHWM) at the end, plus the page's JS heap (DevTools Performance metrics); then a third run
 * analyses a 60 s clip (the walk looped eight times, stream-copied, 1840 frames) on the default path, so the peak can
 * be compared with the 7.7 s clip's in the same run: memory that grew with the clip's length would show there.
 * Smoke mode (bench/smoke.test.ts): a 1 s cut of the video (frames 30-59, H.264), same screen and steps.
 * Run: node --import tsx -e "import('./bench/gait-browser.ts').then((m) => m.run())"
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
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
    // The default (one kernel thread fewer than the cores, src/pose/browser-onnx.ts) against a thread a core
    // (?pose-threads=N): threads that wait for each other spin, so both are measured, as wall time and browser CPU.
    const threadACore = await measure(server.url, WALK_VIDEO, 'onnx', false, cpus().length);
    console.log(
      `ONNX Runtime web / tfjs wasm baseline: ${(onnx.framesPerSecond! / tfjs.framesPerSecond!).toFixed(2)}x the frames/s (model ${(tfjs.modelMsPerFrame! / onnx.modelMsPerFrame!).toFixed(2)}x faster per frame), ` +
        `${(tfjs.browserCpuMsPerFrame! / onnx.browserCpuMsPerFrame!).toFixed(2)}x less browser CPU a frame; a thread a core: ${(threadACore.framesPerSecond! / tfjs.framesPerSecond!).toFixed(2)}x the frames/s, ${(tfjs.browserCpuMsPerFrame! / threadACore.browserCpuMsPerFrame!).toFixed(2)}x less CPU a frame`,
    );
    const long = await loopedClip(60);
    let minute: BenchFigures;
    try {
      minute = await measure(server.url, long, 'onnx', false);
    } finally {
      rmSync(dirname(long), { recursive: true, force: true });
    }
    console.log(
      `60 s clip vs the 7.7 s clip (ONNX Runtime web): renderer peak ${mb(minute.rendererPeakBytes!)} vs ${mb(onnx.rendererPeakBytes!)}, ` +
        `JS heap peak ${mb(minute.jsHeapPeakBytes!)} vs ${mb(onnx.jsHeapPeakBytes!)}, ${minute.framesPerSecond!.toFixed(1)} vs ${onnx.framesPerSecond!.toFixed(1)} frames/s`,
    );
    return {
      ...onnx,
      baselineFramesPerSecond: tfjs.framesPerSecond!,
      baselineModelMsPerFrame: tfjs.modelMsPerFrame!,
      baselineBrowserCpuMsPerFrame: tfjs.browserCpuMsPerFrame!,
      threadACoreFramesPerSecond: threadACore.framesPerSecond!,
      threadACoreBrowserCpuMsPerFrame: threadACore.browserCpuMsPerFrame!,
      minuteFrames: minute.frames!,
      minuteRendererPeakBytes: minute.rendererPeakBytes!,
      minuteJsHeapPeakBytes: minute.jsHeapPeakBytes!,
      minuteFramesPerSecond: minute.framesPerSecond!,
    };
  } finally {
    await server.close();
    if (clip) rmSync(dirname(clip.file), { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** The walk looped to `seconds` (stream copy: same codec and bitrate as the original), in a temp folder. */
export async function loopedClip(seconds: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'footing-bench-minute-'));
  const file = join(dir, `walk-${seconds}s.mp4`);
  await promisify(execFile)('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-stream_loop',
    String(Math.ceil(seconds / 7.6)),
    '-i',
    WALK_VIDEO,
    '-t',
    String(seconds),
    '-an',
    '-c',
    'copy',
    file,
  ]);
  return file;
}

/** Pids of this process's descendants (the browser it launched and its helpers), from /proc. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const out: number[] = [];
  const todo = [root];
  while (todo.length) {
    const p = todo.pop()!;
    for (const [c, pp] of parent)
      if (pp === p) {
        out.push(c);
        todo.push(c);
      }
  }
  return out;
}

/** Resident and peak resident bytes of each renderer process among this process's descendants. */
function renderers(): Array<{ rss: number; peak: number }> {
  const out: Array<{ rss: number; peak: number }> = [];
  for (const pid of descendants(process.pid)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
      out.push({ rss: kb('VmRSS'), peak: kb('VmHWM') });
    } catch {
      /* gone */
    }
  }
  return out;
}

/**
 * CPU seconds (user + system) of this process's descendants still running: the browser and its helpers, whose
 * threads (the page's wasm threads among them) count in their process. On a loaded machine wall time says little;
 * CPU a frame says what the page's work costs.
 */
function browserCpuSeconds(): number {
  let ticks = 0;
  for (const pid of descendants(process.pid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
    } catch {
      /* gone */
    }
  }
  return ticks / 100; // USER_HZ
}

/** One analysis on the Gait screen with the pose networks on `runtime` (capped at `threads` wasm threads when given), in a fresh browser. */
export async function measure(
  url: string,
  video: string,
  runtime: 'onnx' | 'tfjs',
  smoke: boolean,
  threads?: number,
): Promise<BenchFigures> {
  const phone = await launchPhone();
  try {
    const { page } = phone;
    page.setDefaultTimeout(60_000); // a hang guard: under load the Gait screen's lazy chunk took over 10 s to show
    const cdp = await phone.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let heapPeak = 0;
    let rendererPeak = 0;
    const sample = async () => {
      for (const r of renderers()) rendererPeak = Math.max(rendererPeak, r.rss, r.peak);
      const { metrics } = await cdp.send('Performance.getMetrics');
      heapPeak = Math.max(heapPeak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
    };
    const sampler = setInterval(() => {
      void sample().catch(() => undefined);
    }, 250);
    // Every 30 s: frames done and the memory so far, so a long clip shows whether memory grows with the frames.
    const t00 = performance.now();
    const trend = setInterval(() => {
      void page
        .locator('.gait-progress label')
        .textContent({ timeout: 1000 })
        .then((t) => {
          const live = renderers().reduce((m, r) => Math.max(m, r.rss), 0);
          console.log(
            `  [${((performance.now() - t00) / 1000).toFixed(0)} s] ${t ?? ''}: renderer now ${mb(live)}, peak so far ${mb(rendererPeak)}, JS heap peak ${mb(heapPeak)}`,
          );
        })
        .catch(() => undefined);
    }, 30_000);
    sampler.unref();
    trend.unref(); // never what keeps the bench alive after a failure
    // A hang guard, not a timing: the smoke runs beside the other benches and the browser tests, and under that
    // load the first page load took over the browser helper's 10 s default once.
    await page.goto(
      url + (runtime === 'tfjs' ? '/gait?pose-runtime=tfjs' : threads ? `/gait?pose-threads=${threads}` : '/gait'),
      { timeout: 120_000 },
    );
    await page.locator('#gait-file').setInputFiles(video);
    await page.getByLabel('Top').fill(String(ROI.y));
    await page.getByLabel('Height', { exact: true }).fill(String(ROI.height));
    const load0 = loadavg()[0]!;
    const cpu0 = browserCpuSeconds();
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Analyse walking' }).click();
    const results = page.locator('section.gait-results');
    // The results, or the screen's error (a failed analysis would otherwise only show as a timeout).
    const failure = page.locator('.field-error');
    await results.or(failure).first().waitFor({ timeout: 3_600_000 });
    clearInterval(sampler);
    clearInterval(trend);
    const cpu = browserCpuSeconds() - cpu0;
    await sample();
    if (await failure.isVisible()) failBench(`the gait screen said: ${await failure.textContent()}`);
    const wall = (performance.now() - t0) / 1000;
    const n = (a: string) => results.getAttribute(a).then(Number);
    const frames = await n('data-frames');
    const decode = await n('data-decode-ms');
    const model = await n('data-model-ms');
    const gait = await n('data-gait-ms');
    expectWork(frames > 0, `the analysis read ${frames} frames`);
    const total = decode + model + gait;
    const fps = (frames / total) * 1000;
    const pct = (v: number) => `${((v / total) * 100).toFixed(0)}%`;
    const isolated = await page.evaluate(() => crossOriginIsolated);
    console.log(
      `--- pose networks on ${runtime === 'onnx' ? `ONNX Runtime web (${threads ? `capped at ${threads} thread${threads === 1 ? '' : 's'}` : 'the default'})` : 'tfjs wasm (baseline)'}; page cross-origin isolated: ${isolated}`,
    );
    console.log(
      `machine: ${cpus().length} cores, load average ${load0.toFixed(2)} at start (other processes share the CPU)`,
    );
    console.log(
      `video: ${frames} frames at ${VIDEO_FPS} fps${smoke ? ' (smoke: a 1 s cut, H.264)' : ''}, region ${ROI.width}x${ROI.height} scaled to 720p-equivalent (1280x372 model input)`,
    );
    console.log(
      `in-page: ${(total / 1000).toFixed(1)} s = ${fps.toFixed(1)} frames/s = ${(fps / VIDEO_FPS).toFixed(2)}x real time (wall incl. model load ${wall.toFixed(1)} s)`,
    );
    console.log(
      `  frames (WebCodecs decode + I420 planes copied out): ${(decode / frames).toFixed(1)} ms/frame, ${pct(decode)}`,
    );
    console.log(
      `  pose model (the YUV->RGB conversion and area scale of the part it looks at, src/pose/yuv-frame.ts; BlazePose detector/landmarks, ${runtime === 'onnx' ? 'ONNX Runtime web wasm; crops, tracking and smoothing in TypeScript' : 'tfjs wasm; crops, tracking and smoothing tfjs'}): ${(model / frames).toFixed(1)} ms/frame, ${pct(model)}`,
    );
    console.log(`  gait analysis (src/gait, once): ${gait} ms, ${pct(gait)}`);
    console.log(
      `  browser CPU (all its processes and threads, from the click to the results, model load included): ${cpu.toFixed(1)} s = ${((cpu * 1000) / frames).toFixed(1)} ms/frame`,
    );
    console.log(
      `  memory: renderer peak resident ${mb(rendererPeak)} (VmHWM, from opening the page to the results), JS heap peak ${mb(heapPeak)} (sampled every 250 ms)`,
    );
    const limit =
      model > decode
        ? `the pose model (wasm SIMD, ${runtime === 'onnx' && isolated ? `ONNX Runtime on ${threads ?? Math.max(1, cpus().length - 1)} thread(s)` : 'one thread'}; WebGL is software GL here)`
        : 'decoding frames';
    console.log(`limited by: ${limit}`);
    expectWork(rendererPeak > 0, "the renderer's memory was read");
    return {
      frames,
      framesPerSecond: fps,
      realTime: fps / VIDEO_FPS,
      decodeMsPerFrame: decode / frames,
      modelMsPerFrame: model / frames,
      gaitMs: gait,
      wallSeconds: wall,
      browserCpuMsPerFrame: (cpu * 1000) / frames,
      rendererPeakBytes: rendererPeak,
      jsHeapPeakBytes: heapPeak,
    };
  } finally {
    await phone.close();
  }
}
