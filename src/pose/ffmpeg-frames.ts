/**
 * Frames in Node: Debian ffmpeg decodes into raw rgb24 on a pipe (STACK.md: ffmpeg-static does not install), and
 * ffprobe supplies the real per-frame timestamps, so variable-frame-rate phone videos keep their true timing.
 */
import { spawn, execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import type { Frame, RegionOfInterest, Result, SourceInfo } from './frame.js';
import { fail } from './frame.js';
import { modelFrameSize } from './model-frame-size.js';
import { chromaAlignedBox, lazyYuv420ToRgb, packedYuv420 } from './yuv-frame.js';

export interface VideoOpenOptions {
  /** Downscale so that the frame height is at most this many pixels (keeps the aspect ratio, even widths). */
  maxHeight?: number;
  /** Frames buffered ahead of the consumer: ffmpeg keeps decoding while the model runs. */
  readAhead?: number;
  /** Decode only frames with index in [first, last] (inclusive); the index still counts from the video's start. */
  first?: number;
  last?: number;
  /** Mirror frames left-right (ffmpeg hflip), e.g. to make mirror-symmetry test fixtures. */
  hflip?: boolean;
  /**
   * Hand out only this part of the picture (source pixels, after hflip), cropped by ffmpeg before the downscale so
   * that neither the scaler nor the pipe handles pixels the model will not look at. Frames then carry `region`.
   */
  crop?: RegionOfInterest;
  /** Hand out only every n-th frame (indices first, first + n, ...), e.g. for a quick low-resolution scan. */
  every?: number;
  /**
   * Decode to yuv420p and convert and scale in JS with yuv-frame.ts, the browser's code for the same step, so both
   * hand the model the same bytes (issue 13). Frames are filled on demand (`Frame.fill`); ignored with hflip.
   */
  yuv?: boolean;
  /**
   * Reuse frame buffers: a frame's bytes are valid only until the next frame is asked for (the pose worker's
   * estimator and scan are done with a frame by then, and copy what they keep). Spares the garbage collector two
   * frame-sized buffers a frame.
   */
  reuse?: boolean;
}

/** A probed video ready to decode with the options it was opened with. */
export interface OpenedVideo extends ProbedVideo {
  /** Size of the frames handed out (after crop and maxHeight). */
  frameWidth: number;
  frameHeight: number;
  frames: () => AsyncIterable<Frame>;
}

/**
 * A video file as ffprobe described it: size, frame rate and every frame's time. Probed once per analysis
 * (`probeVideo`) and handed down the whole pose pipeline, to the worker threads too (plain data), so that nothing
 * after the first look at the file runs ffprobe again.
 */
export interface ProbedVideo {
  file: string;
  source: SourceInfo;
  /** Presentation times of all frames in seconds from the first frame, in presentation order. */
  times: number[];
  /** The same times as the container stores them (not shifted to start at 0), used to seek. */
  rawTimes: number[];
}

/** A file name (probed here) or a video probed before: what the pipeline's entry points take. */
export type VideoInput = string | ProbedVideo;

/** The probed video, probing it only when given a file name. */
export async function probed(video: VideoInput): Promise<Result<ProbedVideo>> {
  return typeof video === 'string' ? probeVideo(video) : { ok: true, value: video };
}

/**
 * Opens a video for decoding, probing it first when given a file name. Problems with the file come back as a
 * located error value.
 */
export async function openVideo(video: VideoInput, options: VideoOpenOptions = {}): Promise<Result<OpenedVideo>> {
  const p = await probed(video);
  return p.ok ? openProbed(p.value, options) : p;
}

/** Runs ffprobe on a file: size, rotation, frame rate and the presentation time of every frame. */
export async function probeVideo(file: string): Promise<Result<ProbedVideo>> {
  try {
    const s = await stat(file);
    if (!s.isFile()) return fail('not-a-video', `Not a file: ${file}`, { file });
  } catch {
    return fail('file-not-found', `File not found: ${file}`, { file });
  }
  let probe: ProbeJson;
  try {
    probe = JSON.parse(
      await run('ffprobe', [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=width,height,r_frame_rate,avg_frame_rate,nb_frames:stream_side_data=rotation:stream_tags=rotate',
        '-of',
        'json',
        file,
      ]),
    ) as ProbeJson;
  } catch (e) {
    return fail('not-a-video', `ffprobe cannot read ${file} as a video: ${firstLine(e)}`, { file });
  }
  const stream = probe.streams?.[0];
  if (!stream || !stream.width || !stream.height) {
    return fail('no-video-stream', `No video stream in ${file}`, { file });
  }
  let packetTimes: string;
  try {
    // Packet timestamps (no decoding needed, fast); sorted they are the frames' presentation times.
    packetTimes = await run('ffprobe', [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'packet=pts_time',
      '-of',
      'csv=p=0',
      file,
    ]);
  } catch (e) {
    return fail('decode-failed', `Cannot read the video packets of ${file}: ${firstLine(e)}`, { file });
  }
  const rawTimes = packetTimes
    .split('\n')
    .map((l) => Number.parseFloat(l))
    .filter((t) => Number.isFinite(t))
    .sort((a, b) => a - b);
  if (rawTimes.length === 0) return fail('decode-failed', `No video frames in ${file}`, { file });
  const t0 = rawTimes[0] ?? 0;
  const times = rawTimes.map((t) => t - t0);

  // ffmpeg rotates phone videos upright by default; report the rotated size.
  const rotation = Math.abs(Number(stream.side_data_list?.[0]?.rotation ?? stream.tags?.rotate ?? 0)) % 180;
  const [width, height] = rotation === 90 ? [stream.height, stream.width] : [stream.width, stream.height];
  const fps =
    ratio(stream.avg_frame_rate) ||
    ratio(stream.r_frame_rate) ||
    (times.length > 1 ? (times.length - 1) / (times.at(-1) ?? 1) : 30);
  return { ok: true, value: { file, source: { width, height, fps, frameCount: times.length }, times, rawTimes } };
}

/** Opens a probed video for decoding (no ffprobe run). A bad crop comes back as a located error value. */
export function openProbed(video: ProbedVideo, options: VideoOpenOptions = {}): Result<OpenedVideo> {
  const { file, source, times, rawTimes } = video;
  const { width, height } = source;
  const crop = options.crop;
  if (crop) {
    const bad = checkCrop(crop, width, height);
    if (bad) return fail('bad-roi', bad, { file, field: 'roi' });
  }
  // The browser sizes its frames by the same rule (model-frame-size.ts).
  const { width: frameWidth, height: frameHeight } = modelFrameSize(source, crop, options.maxHeight);
  return {
    ok: true,
    value: {
      ...video,
      frameWidth,
      frameHeight,
      frames: () => decodeFrames(file, frameWidth, frameHeight, { times, rawTimes, width, height }, options),
    },
  };
}

function checkCrop(c: RegionOfInterest, width: number, height: number): string | null {
  const ok =
    [c.x, c.y, c.width, c.height].every((v) => Number.isInteger(v)) &&
    c.x >= 0 &&
    c.y >= 0 &&
    c.width >= 16 &&
    c.height >= 16 &&
    c.x + c.width <= width &&
    c.y + c.height <= height;
  return ok
    ? null
    : `Region of interest ${JSON.stringify(c)} must be whole pixels, at least 16x16, inside ${width}x${height}.`;
}

/** Frames before this index are reached by a container seek rather than by decoding from the start. */
const SEEK_FROM_FRAME = 30;

/** Streams decoded frames; a decoding failure mid-way throws a VideoDecodeError carrying a located error. */
async function* decodeFrames(
  file: string,
  w: number,
  h: number,
  t: { times: number[]; rawTimes: number[]; width: number; height: number },
  o: VideoOpenOptions,
): AsyncIterable<Frame> {
  const { times, rawTimes } = t;
  const first = Math.max(0, o.first ?? 0);
  const last = Math.min(times.length - 1, o.last ?? times.length - 1);
  const filters: string[] = [];
  const input: string[] = [];
  const every = Math.max(1, Math.floor(o.every ?? 1));
  if (first >= SEEK_FROM_FRAME) {
    // A later segment (e.g. the second half for a second worker, pose pass or walker scan): seek in the container to
    // about a second before the first wanted frame instead of decoding everything before it, keep the original
    // timestamps (-copyts), and select the wanted frames by their own timestamps; then every n-th of those (a
    // second select counts only the frames the first let through, so its frame 0 is `first`).
    const lo = rawTimes[first] ?? 0;
    const hi = rawTimes[last] ?? lo;
    // Half the gap to the neighbouring frame on each side (variable frame rate: gaps differ).
    const epsLo = Math.max(1e-4, 0.5 * (lo - (rawTimes[first - 1] ?? lo - 0.02)));
    const epsHi = Math.max(1e-4, 0.5 * ((rawTimes[last + 1] ?? hi + 0.02) - hi));
    input.push('-ss', Math.max(0, lo - 1).toFixed(6), '-copyts');
    filters.push(`select='between(t\\,${(lo - epsLo).toFixed(6)}\\,${(hi + epsHi).toFixed(6)})'`);
    if (every > 1) filters.push(`select='not(mod(n\\,${every}))'`);
  } else if (every > 1) {
    filters.push(`select='between(n\\,${first}\\,${last})*not(mod(n-${first}\\,${every}))'`);
  } else if (first > 0 || last < times.length - 1) {
    filters.push(`select='between(n\\,${first}\\,${last})'`);
  }
  if (o.hflip) filters.push('hflip');
  // yuv: ffmpeg only crops, to the chroma-aligned box around the region; yuv-frame.ts does the rest.
  const want = o.crop ?? { x: 0, y: 0, width: t.width, height: t.height };
  const box = o.yuv && !o.hflip ? chromaAlignedBox(want, t.width, t.height) : null;
  const crop = box ?? o.crop;
  if (crop && (crop.width !== t.width || crop.height !== t.height))
    filters.push(`crop=${crop.width}:${crop.height}:${crop.x}:${crop.y}`);
  if (!box) filters.push(`scale=${w}:${h}:flags=area`);
  else if (!filters.length) filters.push('null');
  // One decoder thread: the pose pool already runs one ffmpeg beside each worker, one worker per core, so ffmpeg's
  // own frame threads only competed with them (footing analyze of the shared walk, four pairs alternating at load
  // 7-11: 0.93-0.99x the CPU and 0.49-0.98x the wall time with one thread, the same heel strikes). Decoding is
  // bit-exact whatever the thread count.
  const args = [
    '-v',
    'error',
    '-nostdin',
    '-threads',
    '1',
    ...input,
    '-i',
    file,
    '-an',
    '-sn',
    '-vf',
    filters.join(','),
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    box ? 'yuv420p' : 'rgb24',
    'pipe:1',
  ];
  // yuv: a frame filled on demand, so the model's crops convert only the part of the picture they read.
  const into = o.reuse && box ? new Uint8Array(w * h * 3) : undefined;
  const convert = box
    ? (raw: Uint8Array) => {
        const f = lazyYuv420ToRgb(
          packedYuv420(raw, box.width, box.height),
          { ...want, x: want.x - box.x, y: want.y - box.y },
          w,
          h,
          into,
        );
        return { data: f.data, fill: f.fill };
      }
    : (raw: Uint8Array) => ({ data: raw });
  const region = o.crop ? { ...o.crop } : undefined;
  const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const frameBytes = box ? (box.width * box.height * 3) / 2 : w * h * 3;
  const readAhead = Math.max(1, o.readAhead ?? 4);
  const queue: Uint8Array[] = [];
  // Pipe chunks (64 KiB) are kept as they come and copied once into a frame when a whole frame has arrived:
  // concatenating each chunk onto the partial frame would copy a 1280x720 frame ~40 times over.
  const chunks: Buffer[] = [];
  const spare: Uint8Array[] = []; // reuse: raw frames the consumer is done with
  let lent: Uint8Array | null = null; // reuse: the raw frame the consumer holds
  let buffered = 0;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const f = wake;
    wake = null;
    f?.();
  };
  child.stdout.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    buffered += chunk.length;
    while (buffered >= frameBytes) {
      const frame = spare.pop() ?? new Uint8Array(frameBytes);
      let filled = 0;
      while (filled < frameBytes) {
        const c = chunks[0]!;
        const take = Math.min(c.length, frameBytes - filled);
        frame.set(c.subarray(0, take), filled);
        filled += take;
        if (take === c.length) chunks.shift();
        else chunks[0] = c.subarray(take);
      }
      buffered -= frameBytes;
      queue.push(frame);
    }
    if (queue.length >= readAhead) child.stdout.pause(); // back-pressure: ffmpeg blocks on a full pipe
    notify();
  });
  child.stdout.on('end', () => {
    ended = true;
    notify();
  });
  let index = first;
  try {
    for (;;) {
      const data = queue.shift();
      if (data) {
        if (lent && o.reuse) spare.push(lent);
        lent = data;
        if (queue.length < readAhead) child.stdout.resume();
        yield {
          ...convert(data),
          width: w,
          height: h,
          index,
          time: times[index] ?? index / 30,
          ...(region ? { region } : {}),
        };
        index += every;
        // The last wanted frame is out: stop ffmpeg (finally below) rather than let it decode the rest of the file
        // only for the select filter to drop it (the first of two segments would decode the second's frames too).
        if (index > last) return;
        continue;
      }
      if (ended) break;
      await new Promise<void>((r) => {
        wake = r;
      });
    }
    const code = await exited;
    if (code !== 0) {
      throw new VideoDecodeError({
        code: 'decode-failed',
        message: `ffmpeg failed decoding ${file}: ${stderr.split('\n')[0] ?? ''}`,
        location: { file, frame: index },
      });
    }
  } finally {
    // Stopped early (last frame out, or the reader stopped): ffmpeg goes, and is waited for, so that it is gone
    // (and its CPU time counted with this process's children) when the frames end.
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}

/** A decoding failure found while streaming frames; carries a located error value. */
export class VideoDecodeError extends Error {
  constructor(readonly error: import('./frame.js').PoseError) {
    super(error.message);
  }
}

interface ProbeJson {
  streams?: Array<{
    width?: number;
    height?: number;
    r_frame_rate?: string;
    avg_frame_rate?: string;
    side_data_list?: Array<{ rotation?: number }>;
    tags?: { rotate?: string };
  }>;
}

function ratio(s: string | undefined): number {
  if (!s) return 0;
  const [a, b] = s.split('/').map(Number);
  return a && b ? a / b : 0;
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(stderr || err.message));
      else resolve(stdout);
    });
  });
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).trim().split('\n')[0] ?? '';
}
