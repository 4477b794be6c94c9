/**
 * Pose throughput in Node: decode (ffmpeg) + BlazePose full (tfjs wasm) on the shared walk video at a 720p-equivalent
 * input, as frames per second and as a ratio to real time (30 fps). Prints figures, never pass/fail.
 * Run: node --import tsx -e "import('./bench/pose-node.ts').then((m) => m.run())"
 */
import { fileURLToPath } from 'node:url';
import { loadavg, cpus } from 'node:os';
import { openVideo } from '../src/pose/ffmpeg-frames.js';
import { createNodePoseEstimator } from '../src/pose/node-runtime.js';
import type { Frame } from '../src/pose/frame.js';

const VIDEO = fileURLToPath(new URL('../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));

/** Runs the benchmark and prints decode-only fps, decode+pose fps, the real-time ratio and the time split. */
export async function run(options: { maxHeight?: number; first?: number; last?: number } = {}): Promise<void> {
  const maxHeight = options.maxHeight ?? 720;
  const range = { first: options.first ?? 60, last: options.last ?? 179 };
  const v = await openVideo(VIDEO, { maxHeight, ...range });
  if (!v.ok) throw new Error(v.error.message);
  const n = range.last - range.first + 1;

  // 1. Decode alone (ffmpeg process + pipe + one copy per frame).
  let t = performance.now();
  let count = 0;
  for await (const f of v.value.frames()) { if (f.data.length > 0) count++; }
  const decodeMs = performance.now() - t;

  // 2. Decode + pose, with time spent waiting for frames measured separately from time in the model.
  const est = await createNodePoseEstimator();
  if (!est.ok) throw new Error(est.error.message);
  let waitMs = 0;
  async function* timed(src: AsyncIterable<Frame>): AsyncIterable<Frame> {
    const it = src[Symbol.asyncIterator]();
    for (;;) {
      const w = performance.now();
      const r = await it.next();
      waitMs += performance.now() - w;
      if (r.done) return;
      yield r.value;
    }
  }
  t = performance.now();
  const cpu0 = process.cpuUsage();
  await est.value.estimate(timed(v.value.frames()), { source: v.value.source });
  const totalMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  est.value.dispose();
  const modelMs = totalMs - waitMs;
  const fps = (n * 1000) / totalMs;
  console.log(`pose-node: ${n} frames, source ${v.value.source.width}x${v.value.source.height}, model input ${v.value.frameWidth}x${v.value.frameHeight}`);
  console.log(`  decode only: ${((count * 1000) / decodeMs).toFixed(1)} fps (${(decodeMs / count).toFixed(1)} ms/frame)`);
  console.log(`  decode + pose: ${fps.toFixed(1)} fps = ${(fps / 30).toFixed(2)}x real time at 30 fps (${(totalMs / n).toFixed(1)} ms/frame)`);
  console.log(`  time waiting for frames ${((100 * waitMs) / totalMs).toFixed(0)} %, in the model ${((100 * modelMs) / totalMs).toFixed(0)} %`);
  // Wall-clock figures depend on what else runs on the machine; CPU time of this process is steadier.
  console.log(`  CPU time of this process (model + frame copies): ${((cpu.user + cpu.system) / 1000 / n).toFixed(1)} ms/frame; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  console.log(`  limit: ${waitMs > modelMs ? 'decoding' : 'the model (wasm on the CPU; decoding runs ahead in the ffmpeg process)'}`);
}
