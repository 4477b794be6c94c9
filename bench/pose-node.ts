/**
 * Throughput of video gait analysis in Node on this machine: decode (Debian ffmpeg) + pose (BlazePose full, ONNX
 * Runtime) + gait (src/gait) on the shared walk video, model input 720p-equivalent. Several paths are measured in the
 * same run so that their ratios hold even when other processes load the CPU:
 *   1. decode only (ffmpeg crop + downscale, frames piped into this process);
 *   2. one worker thread with the landmark network on tfjs wasm (the baseline: pose-detection as shipped);
 *   3. one worker thread with the landmark network on ONNX Runtime (what Footing runs);
 *   4. two worker threads on ONNX Runtime (contiguous halves with warm-up, one ffmpeg each);
 *   5. what `footing analyze` does: the first-pass walker scan, then 4.
 * Then two other kinds of clip from the validation set (test/fixtures/gait-clips, issue 16), a treadmill run (side
 * view) and a back-view walk, each through the `footing analyze` path and, as its baseline in the same run, one tfjs
 * wasm worker on the same frames and region: frames/s, multiple of real time, ratio to that baseline.
 * Prints figures, never pass/fail. Run: node --import tsx -e "import('./bench/pose-node.ts').then((m) => m.run())"
 * Smoke mode (bench/smoke.test.ts): every path once on a 1 s cut of the video (frames 30-59, H.264), and the first
 * other clip's two passes on its first second (the others take the same code; they are only checked to exist).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { analyzeGait } from '../src/gait/analyze-gait.js';
import { openVideo } from '../src/pose/ffmpeg-frames.js';
import { estimateWalker } from '../src/pose/estimate-walker.js';
import { MODEL_MAX_HEIGHT } from '../src/pose/model-frame-size.js';
import type { RegionOfInterest } from '../src/pose/frame.js';
import { estimateVideo, type EstimateVideoResult } from '../src/pose/parallel-estimate.js';
import { createPosePool, type PosePool } from '../src/pose/worker-pool.js';
import type { LandmarkRuntime } from '../src/pose/node-runtime.js';
import { cutWalkClip, WALK_VIDEO } from '../test/helpers/gait-test-clip.js';
import { expectWork, type BenchFigures, type BenchOptions } from './_bench.js';

const REFERENCE = new URL('../test/fixtures/gait-reference/sports2d_demo_walk_side.json', import.meta.url);
/** The walker's band used for the keypoint fixtures (test/fixtures/keypoints/README.md). */
const FIXED_ROI: RegionOfInterest = { x: 0, y: 480, width: 1768, height: 514 };
const MAX_HEIGHT = MODEL_MAX_HEIGHT;

/** CPU seconds used by this process (all threads) and by its finished children (ffmpeg), from /proc. */
function cpuSeconds(): { self: number; children: number } {
  const u = process.cpuUsage();
  let children = 0;
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in clock ticks (USER_HZ = 100)
  } catch {
    /* not Linux: children stay 0 */
  }
  return { self: (u.user + u.system) / 1e6, children };
}

interface PassFigures {
  label: string;
  frames: number;
  wallMs: number;
  gaitMs: number;
  cpuSelf: number;
  cpuChildren: number;
  waitShare: number;
  events: number[][];
}

/** The video measured, and the frame of the shared video its first frame is (a smoke run's cut starts later). */
interface Video {
  file: string;
  firstFrame: number;
}

/** Throws unless the pass read frames and found the walker in some of them. */
function expectFrames(label: string, series: { frames: ReadonlyArray<{ people: readonly unknown[] }> }): void {
  const withPerson = series.frames.filter((f) => f.people.length > 0).length;
  expectWork(
    series.frames.length > 0 && withPerson > 0,
    `${label}: ${series.frames.length} frames, ${withPerson} with a person`,
  );
}

async function posePass(
  video: Video,
  label: string,
  workers: number,
  roi: RegionOfInterest | null,
  extraMs = 0,
  pool?: PosePool,
): Promise<{ f: PassFigures; r: EstimateVideoResult }> {
  const c0 = cpuSeconds();
  const r = await estimateVideo(video.file, {
    maxHeight: MAX_HEIGHT,
    workers,
    ...(roi ? { roi } : {}),
    ...(pool ? { pool } : {}),
  });
  if (!r.ok) throw new Error(r.error.message);
  expectFrames(label, r.value.series);
  const g0 = performance.now();
  const a = analyzeGait(r.value.series);
  const gaitMs = performance.now() - g0;
  const c1 = cpuSeconds();
  const frames = r.value.series.frames.length;
  const poseWall = r.value.segments.reduce((s, x) => s + x.timing.totalMs - x.timing.setupMs, 0);
  const wait = r.value.segments.reduce((s, x) => s + x.timing.waitMs, 0);
  const toFrames = (ts: number[]) => ts.map((t) => Math.round(t * r.value.source.fps));
  return {
    r: r.value,
    f: {
      label,
      frames,
      wallMs: r.value.wallMs + gaitMs + extraMs,
      gaitMs,
      cpuSelf: c1.self - c0.self,
      cpuChildren: c1.children - c0.children,
      waitShare: wait / poseWall,
      events: [toFrames(a.events.left.heelStrike), toFrames(a.events.right.heelStrike)],
    },
  };
}

/** The footing analyze path, timed as one pass (scan included in the wall time). */
async function walkerPass(video: Video): Promise<{
  f: PassFigures;
  scanMs: number;
  people: number;
  chosen: number | null;
  roi: RegionOfInterest | null;
  span: { first: number; last: number };
}> {
  const c0 = cpuSeconds();
  const t0 = performance.now();
  const r = await estimateWalker(video.file, { maxHeight: MAX_HEIGHT, workers: 2 });
  if (!r.ok) throw new Error(r.error.message);
  expectFrames('footing analyze', r.value.series);
  const g0 = performance.now();
  const a = analyzeGait(r.value.series);
  const gaitMs = performance.now() - g0;
  const c1 = cpuSeconds();
  const fps = r.value.series.fps;
  const toFrames = (ts: number[]) => ts.map((t) => Math.round(t * fps));
  return {
    scanMs: r.value.scanMs,
    people: r.value.candidates.length,
    chosen: r.value.chosen,
    roi: r.value.roi,
    span: r.value.span,
    f: {
      label: 'footing analyze (walker scan on 2 workers + one tracking pass on her frames)',
      frames: r.value.series.frames.length,
      wallMs: performance.now() - t0,
      gaitMs,
      cpuSelf: c1.self - c0.self,
      cpuChildren: c1.children - c0.children,
      waitShare: NaN,
      events: [toFrames(a.events.left.heelStrike), toFrames(a.events.right.heelStrike)],
    },
  };
}

/**
 * Per-frame distance between the two runs' heel, ankle, knee and hip landmarks (source pixels), overall and in the
 * 15 frames after the seam, where the second worker's warm-up ends.
 */
function landmarkAgreement(a: EstimateVideoResult, b: EstimateVideoResult): string {
  const joints = [23, 24, 25, 26, 27, 28, 29, 30]; // hips, knees, ankles, heels (BlazePose indices)
  const seam = b.segments[1]?.first ?? Infinity;
  const all: number[] = [];
  const near: number[] = [];
  let onlyOne = 0;
  const byIndex = new Map(b.series.frames.map((f) => [f.index, f]));
  for (const fa of a.series.frames) {
    const pa = fa.people[0];
    const pb = byIndex.get(fa.index)?.people[0];
    if (!pa || !pb) {
      if (pa || pb) onlyOne++;
      continue;
    }
    const d =
      joints.reduce((sum, j) => sum + Math.hypot(pa.image[j]!.x - pb.image[j]!.x, pa.image[j]!.y - pb.image[j]!.y), 0) /
      joints.length;
    all.push(d);
    if (fa.index >= seam && fa.index < seam + 15) near.push(d);
  }
  const m = (xs: number[]) => (xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : NaN);
  const seamText = near.length ? `, ${m(near).toFixed(1)} px in the 15 frames after the seam at frame ${seam}` : '';
  return (
    `leg landmarks differ by ${m(all).toFixed(1)} px on average (max ${Math.max(...all).toFixed(1)})${seamText}; ` +
    `${onlyOne} frames with a person in only one run`
  );
}

/**
 * Share of the reference's consensus heel-strike intervals (±1 frame) that hold a detected heel strike of that foot.
 * `firstFrame`: the shared video's frame that is frame 0 of the events.
 */
function referenceHits(events: number[][], firstFrame: number): string {
  const ref = JSON.parse(readFileSync(REFERENCE, 'utf8')) as {
    feet: Record<'near' | 'far', { events: Array<{ type: string; pass: unknown; interval: [number, number] }> }>;
  };
  const parts: string[] = [];
  (['near', 'far'] as const).forEach((foot, i) => {
    const found = (events[i] ?? []).map((f) => f + firstFrame);
    const inside = found.filter((f) =>
      ref.feet[foot].events.some(
        (e) => e.pass === 'consensus' && e.type === 'IC' && f >= e.interval[0] - 1 && f <= e.interval[1] + 1,
      ),
    );
    parts.push(`${foot} ${inside.length}/${found.length}`);
  });
  return parts.join(', ');
}

/** Other kinds of clip (issue 16), measured beside the side walk; `key` names their figures. */
const OTHER_CLIPS: Array<{ key: string; label: string; file: string }> = [
  { key: 'treadmillRun', label: 'treadmill run, side view, portrait 540x960', file: 'treadmill-run-side-a.mp4' },
  {
    key: 'backWalk',
    label: 'overground walk, back view, portrait 720x958, handheld follow camera',
    file: 'overground-walk-back-a.mp4',
  },
];
const CLIPS_DIR = fileURLToPath(new URL('../test/fixtures/gait-clips/', import.meta.url));

/** The first `seconds` of a clip, re-encoded to H.264 into `dir` (smoke mode). */
async function cutStart(file: string, seconds: number, dir: string): Promise<string> {
  const out = join(dir, file.split('/').pop()!);
  await promisify(execFile)('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    file,
    '-t',
    String(seconds),
    '-an',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '23',
    out,
  ]);
  return out;
}

/**
 * One other clip: the `footing analyze` path (walker scan, two workers on ONNX Runtime, gait), then the tfjs wasm
 * baseline (one worker) on every frame in the region the scan found, as the side walk's baseline runs on its band.
 * Prints frames/s (all frames of the clip over the wall time), multiple of real time and the ratio to the baseline.
 */
async function measureClip(
  label: string,
  file: string,
  sideAnalyzeFps: number,
): Promise<{ analyzeFps: number; tfjsFps: number; realTime: number; vsTfjs: number; vsSideWalk: number }> {
  const video: Video = { file, firstFrame: 0 };
  const load = loadavg()[0]!;
  const auto = await walkerPass(video);
  const pool = createPosePool(1, 'tfjs');
  const base = await posePass(video, 'tfjs wasm, 1 worker', 1, auto.roi, 0, pool);
  await pool.close();
  const fps = base.r.source.fps;
  const rate = (p: PassFigures) => (p.frames * 1000) / p.wallMs;
  const analyzeFps = rate(auto.f);
  const tfjsFps = rate(base.f);
  const a = analyzeGait(base.r.series);
  console.log(
    `  ${label}: ${file.split('/').pop()} ${base.r.source.width}x${base.r.source.height} ${fps} fps, ${auto.f.frames} frames`,
  );
  console.log(
    `    footing analyze (walker scan ${(auto.scanMs / 1000).toFixed(1)} s + one tracking pass on frames ${auto.span.first}-${auto.span.last}, region ${JSON.stringify(auto.roi)}): ` +
      `${analyzeFps.toFixed(1)} fps = ${(analyzeFps / fps).toFixed(2)}x real time; ${(analyzeFps / tfjsFps).toFixed(2)}x the tfjs wasm baseline, ${(analyzeFps / sideAnalyzeFps).toFixed(2)}x the side walk's footing analyze rate ` +
      `(load ${load.toFixed(1)} at this clip's start: the ratio to the baseline is the fair one, the side walk was measured at another moment and on other pixels)`,
  );
  console.log(
    `    tfjs wasm baseline (1 worker, same region, all frames): ${tfjsFps.toFixed(1)} fps = ${(tfjsFps / fps).toFixed(2)}x real time; ` +
      `gait found: view ${a.view.view}, setting ${a.view.setting}, mode ${a.mode}, ${a.events.left.heelStrike.length + a.events.right.heelStrike.length} contacts`,
  );
  return {
    analyzeFps,
    tfjsFps,
    realTime: analyzeFps / fps,
    vsTfjs: analyzeFps / tfjsFps,
    vsSideWalk: analyzeFps / sideAnalyzeFps,
  };
}

/** Runs the benchmark and prints the figures. `reps` alternating runs of each pose path (default 2, smoke 1). */
export async function run(options: BenchOptions & { reps?: number } = {}): Promise<BenchFigures> {
  const clip = options.smoke ? await cutWalkClip(1) : null;
  const cuts = options.smoke ? mkdtempSync(join(tmpdir(), 'footing-bench-clips-')) : null;
  try {
    const figures = await measure(
      clip ? { file: clip.file, firstFrame: clip.firstFrame } : { file: WALK_VIDEO, firstFrame: 0 },
      options.reps ?? (clip ? 1 : 2),
    );
    console.log(
      `  other kinds of clip (test/fixtures/gait-clips, issue 16)${cuts ? ', smoke: the first second of the first one' : ''}; the side walk's footing analyze rate above: ${figures.analyzeFps!.toFixed(1)} fps`,
    );
    for (const c of OTHER_CLIPS)
      expectWork(existsSync(join(CLIPS_DIR, c.file)), `${c.file} is missing from ${CLIPS_DIR}`);
    for (const c of cuts ? OTHER_CLIPS.slice(0, 1) : OTHER_CLIPS) {
      const file = cuts ? await cutStart(join(CLIPS_DIR, c.file), 1, cuts) : join(CLIPS_DIR, c.file);
      const m = await measureClip(c.label, file, figures.analyzeFps!);
      Object.assign(figures, {
        [`${c.key}AnalyzeFps`]: m.analyzeFps,
        [`${c.key}TfjsFps`]: m.tfjsFps,
        [`${c.key}RealTime`]: m.realTime,
        [`${c.key}VsTfjs`]: m.vsTfjs,
        [`${c.key}VsSideWalk`]: m.vsSideWalk,
      });
    }
    console.log(`  machine load average at the end: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
    return figures;
  } finally {
    if (clip) rmSync(dirname(clip.file), { recursive: true, force: true });
    if (cuts) rmSync(cuts, { recursive: true, force: true });
  }
}

/** Measures every path on the video, prints the figures and returns the main ones. */
async function measure(video: Video, reps: number): Promise<BenchFigures> {
  const opened = await openVideo(video.file, { maxHeight: MAX_HEIGHT, crop: FIXED_ROI });
  if (!opened.ok) throw new Error(opened.error.message);
  const { source } = opened.value;
  const fps = source.fps;
  const load0 = loadavg()[0]!;

  // 1. Decode only, same crop and scale as the pose pass.
  let t = performance.now();
  let n = 0;
  const d0 = cpuSeconds();
  for await (const f of opened.value.frames()) if (f.data.length) n++;
  const decodeMs = performance.now() - t;
  expectWork(n > 0, `decoding ${video.file} gave no frames`);
  const d1 = cpuSeconds();

  // 2./3./4. tfjs and ONNX Runtime on one worker, ONNX Runtime on two, alternating, so that a change in the
  // machine's load hits all alike. Each pass starts its own pool: model loading counts in its wall time.
  const passes: Array<{
    workers: number;
    runtime: LandmarkRuntime;
    f: PassFigures;
    model: string;
    r: EstimateVideoResult;
  }> = [];
  const kinds: Array<[LandmarkRuntime, number]> = [
    ['tfjs', 1],
    ['onnx', 1],
    ['onnx', 2],
  ];
  for (let i = 0; i < reps; i++) {
    for (const [runtime, workers] of kinds) {
      const pool = createPosePool(workers, runtime);
      const p = await posePass(
        video,
        `${runtime === 'tfjs' ? 'tfjs wasm' : 'ONNX Runtime'}, ${workers} worker${workers > 1 ? 's' : ''}`,
        workers,
        FIXED_ROI,
        0,
        pool,
      );
      await pool.close();
      passes.push({ workers, runtime, f: p.f, model: p.r.series.model, r: p.r });
    }
  }
  // 4. As footing analyze does it (estimateWalker): walker scan, then the pose pass on her region and frame span,
  // one pool of two workers for both (the model loads once per worker).
  const auto = await walkerPass(video);
  const scanMs = auto.scanMs;

  const rate = (p: PassFigures) => (p.frames * 1000) / p.wallMs;
  /** Cores this pass actually got: CPU seconds (this process + ffmpeg) per wall second. */
  const cores = (p: PassFigures) => (p.cpuSelf + p.cpuChildren) / (p.wallMs / 1000);
  const show = (p: PassFigures) => {
    console.log(
      `  ${p.label}: ${rate(p).toFixed(1)} fps decode+pose+gait = ${(rate(p) / fps).toFixed(2)}x real time (${(p.wallMs / p.frames).toFixed(1)} ms/frame wall; ` +
        `CPU ${((p.cpuSelf * 1000) / p.frames).toFixed(1)} ms/frame in this process + ${((p.cpuChildren * 1000) / p.frames).toFixed(1)} ffmpeg; got ${cores(p).toFixed(2)} of ${cpus().length} cores)`,
    );
    const decodeCpu = p.cpuChildren / (p.cpuSelf + p.cpuChildren);
    console.log(
      `    time split: decoding ${(100 * decodeCpu).toFixed(0)} % of CPU ${Number.isFinite(p.waitShare) ? `(the model waited for frames ${(100 * p.waitShare).toFixed(0)} % of its time)` : ''}, ` +
        `model + frame handling ${(100 * (1 - decodeCpu)).toFixed(0)} %, gait code ${p.gaitMs.toFixed(0)} ms = ${((100 * p.gaitMs) / p.wallMs).toFixed(1)} % of wall time`,
    );
    console.log(
      `    heel strikes (frames) L ${p.events[0]!.join(' ')} | R ${p.events[1]!.join(' ')}; inside the reference intervals ±1: ${referenceHits(p.events, video.firstFrame)}`,
    );
  };
  console.log(
    `pose-node: ${video.file.split('/').pop()} ${source.width}x${source.height} ${fps} fps, ${n} frames; model input ${opened.value.frameWidth}x${opened.value.frameHeight} (region ${FIXED_ROI.width}x${FIXED_ROI.height} at the 720p-equivalent scale)`,
  );
  console.log(
    `  models: ${[...new Set(passes.map((p) => p.model))].join(' | ')}; BlazePose full landmarks (+ person detector when tracking is lost); gait: analyzeGait (src/gait)`,
  );
  console.log(
    `  machine: ${cpus().length} cores, load average ${load0.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (other processes share the CPU)`,
  );
  console.log(
    `  decode only: ${((n * 1000) / decodeMs).toFixed(1)} fps (${(decodeMs / n).toFixed(1)} ms/frame wall, ffmpeg CPU ${(((d1.children - d0.children) * 1000) / n).toFixed(1)} ms/frame)`,
  );
  for (const p of passes) show(p.f);
  show(auto.f);
  console.log(
    `    (frames/s counts all ${auto.f.frames} frames of the video; the model ran on ${auto.span.last - auto.span.first + 1} of them)`,
  );
  console.log(
    `  walker scan: ${scanMs.toFixed(0)} ms (${auto.people} people, chose ${auto.chosen}, region ${JSON.stringify(auto.roi)}, pose model on frames ${auto.span.first}-${auto.span.last} of 0-${n - 1})`,
  );
  const med = (xs: number[]) => {
    const s2 = [...xs].sort((a, b) => a - b);
    const m = s2.length >> 1;
    return s2.length % 2 ? s2[m]! : (s2[m - 1]! + s2[m]!) / 2;
  };
  const tfjsOne = passes.filter((p) => p.runtime === 'tfjs').map((p) => p.f);
  const one = passes.filter((p) => p.runtime === 'onnx' && p.workers === 1).map((p) => p.f);
  const two = passes.filter((p) => p.workers === 2).map((p) => p.f);
  const pairs = one.map((o, i) => o.wallMs / two[i]!.wallMs);
  const engine = tfjsOne.map((o, i) => o.wallMs / one[i]!.wallMs);
  const baseline = tfjsOne.map((o, i) => o.wallMs / two[i]!.wallMs);
  const single = passes.find((p) => p.runtime === 'onnx' && p.workers === 1)!.r;
  const split = passes.find((p) => p.workers === 2)!.r;
  const tfjsRun = passes.find((p) => p.runtime === 'tfjs')!.r;
  console.log(`  stitched (2 workers) vs one worker, same frames: ${landmarkAgreement(single, split)}`);
  console.log(`  ONNX Runtime vs tfjs wasm, one worker each, same frames: ${landmarkAgreement(tfjsRun, single)}`);
  console.log(
    `  ONNX Runtime vs tfjs wasm (wall, one worker each, per alternating set): ${engine.map((x) => `${x.toFixed(2)}x`).join(', ')}; median ${med(engine).toFixed(2)}x`,
  );
  console.log(
    `  2 workers vs 1 (ONNX Runtime, wall, per alternating set): ${pairs.map((x) => `${x.toFixed(2)}x`).join(', ')}; median ${med(pairs).toFixed(2)}x`,
  );
  console.log(
    `  Footing (ONNX Runtime, 2 workers) vs the tfjs wasm baseline (1 worker): median ${med(baseline).toFixed(2)}x; ` +
      `real time: ${med(two.map((p) => rate(p) / fps)).toFixed(2)}x (target 1x, stretch 1.5x)`,
  );
  // Throughput per core obtained, scaled to both cores: what the code does when the machine is not shared.
  const perCore = med(two.map((p) => rate(p) / cores(p)));
  console.log(
    `  per core obtained (2 workers): ${perCore.toFixed(1)} fps; with both cores free: ~${(2 * perCore).toFixed(1)} fps = ${((2 * perCore) / fps).toFixed(2)}x real time ` +
      '(an estimate: CPU time itself grows when other processes share the cores and caches)',
  );
  const loaded = load0 > cpus().length;
  const decodeShare = med(passes.map((p) => p.f.cpuChildren / (p.f.cpuSelf + p.f.cpuChildren)));
  const best = Math.max(...passes.filter((p) => p.runtime === 'onnx').map((p) => rate(p.f) / fps));
  console.log(
    `  verdict: best ONNX Runtime pass ${best.toFixed(2)}x real time, footing analyze ${(rate(auto.f) / fps).toFixed(2)}x: target 1x ${best >= 1 ? 'met' : 'not met'}, stretch 1.5x ${best >= 1.5 ? 'met' : 'not met'} (measured at load ${load0.toFixed(1)})`,
  );
  console.log(
    `  limit: the model (BlazePose full's two networks on ONNX Runtime, a kernel thread a core per worker, not spinning; crops, decoding, tracking and smoothing in TypeScript, blazepose-tracker.ts)` +
      `${loaded ? `; the shared machine (load ${load0.toFixed(1)} on ${cpus().length} cores) leaves the workers only part of each core` : ''}; ` +
      `decoding takes ${(100 * decodeShare).toFixed(0)} % of the CPU and runs ahead in its own process; the walker scan adds ${(scanMs / 1000).toFixed(1)} s`,
  );
  return {
    decodeFps: (n * 1000) / decodeMs,
    tfjsOneWorkerFps: med(tfjsOne.map(rate)),
    onnxOneWorkerFps: med(one.map(rate)),
    onnxTwoWorkersFps: med(two.map(rate)),
    analyzeFps: rate(auto.f),
    onnxVsTfjs: med(engine),
    twoWorkersVsOne: med(pairs),
    walkerScanMs: scanMs,
  };
}
