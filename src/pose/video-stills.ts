/**
 * Stills of the key moments made from a video file (the server's analyses: the server deletes the video when the
 * job ends, so these small pictures are what a clinician sees of the walk later, as with an analysis made on the
 * device). For each key frame (src/gait/angle-curves.ts), ffmpeg reads that one frame, crops it to the box around
 * the walker (src/core/report/gait-still-layout.ts), scales it to the still's size and renders the overlay SVG over
 * it (src/gait/still-overlay.ts, through ffmpeg's librsvg decoder), as a JPEG at the highest quality that fits the
 * stored limit (src/gait/gait-stills.ts). A frame that cannot be read or encoded is left out; a failure never
 * fails the analysis (the caller saves it without stills).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { KeyFrame } from '../gait/angle-curves.js';
import type { KeypointSeries } from '../gait/keypoints.js';
import { GaitStillSchema, STILL_MAX_BYTES, STILL_MAX_SIDE, type GaitStill } from '../gait/gait-stills.js';
import { stillOverlaySvg } from '../gait/still-overlay.js';
import { stillLayout } from '../core/report/gait-still-layout.js';
import type { ProbedVideo } from './ffmpeg-frames.js';

const run = promisify(execFile);

/** ffmpeg's JPEG quality scale (2 best, 31 worst): tried in this order until the picture fits STILL_MAX_BYTES. */
const QUALITIES = [4, 7, 11] as const;

/**
 * The stills of `keyFrames` from `video` (probed once by the caller), whose keypoints are `series`. The keypoints may
 * be in another pixel size than the file's frames (a model-sized decode): the crop is scaled to the file's frames.
 */
export async function videoStills(
  video: ProbedVideo,
  series: Pick<KeypointSeries, 'width' | 'height' | 'fps' | 'frames'>,
  keyFrames: readonly KeyFrame[],
): Promise<GaitStill[]> {
  if (!keyFrames.length) return [];
  const dir = await mkdtemp(join(tmpdir(), 'footing-stills-'));
  try {
    const out: GaitStill[] = [];
    for (const [i, k] of keyFrames.entries()) {
      const still = await oneStill(video, series, k, join(dir, String(i))).catch(() => null);
      if (still) out.push(still);
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function oneStill(
  video: ProbedVideo,
  series: Pick<KeypointSeries, 'width' | 'height' | 'fps' | 'frames'>,
  k: KeyFrame,
  base: string,
): Promise<GaitStill | null> {
  // The video frame the keypoints came from: the series may hold every n-th frame, each knows its own index.
  const index = series.frames[k.frame]?.index ?? k.frame;
  const raw = video.rawTimes[index];
  if (raw === undefined) return null;
  const layout = stillLayout(k.points, { width: series.width, height: series.height }, STILL_MAX_SIDE * 0.75);
  const sx = video.source.width / series.width;
  const sy = video.source.height / series.height;
  const crop = {
    x: Math.round(layout.crop.x * sx),
    y: Math.round(layout.crop.y * sy),
    w: Math.max(2, Math.round(layout.crop.width * sx)),
    h: Math.max(2, Math.round(layout.crop.height * sy)),
  };
  await writeFile(`${base}.svg`, stillOverlaySvg(k, layout));
  // Seek to a second before the frame (fast, to a keyframe), keep the file's times, and take the one frame whose
  // time is this frame's: the same frame the model saw, whatever the frame rate.
  const gap = Math.max(1e-4, 0.5 * ((video.rawTimes[index + 1] ?? raw + 0.02) - raw));
  const filter = `[0:v]select='between(t\\,${(raw - gap).toFixed(6)}\\,${(raw + gap).toFixed(6)})',crop=${crop.w}:${crop.h}:${crop.x}:${crop.y},scale=${layout.width}:${layout.height}[v];[v][1:v]overlay=0:0`;
  for (const q of QUALITIES) {
    const file = `${base}-${q}.jpg`;
    await run(
      'ffmpeg',
      [
        '-v',
        'error',
        '-nostdin',
        '-threads',
        '1',
        '-ss',
        Math.max(0, raw - 1).toFixed(6),
        '-copyts',
        '-i',
        video.file,
        '-i',
        `${base}.svg`,
        '-filter_complex',
        filter,
        '-frames:v',
        '1',
        '-q:v',
        String(q),
        '-y',
        file,
      ],
      { timeout: 30_000 },
    );
    const bytes = await readFile(file);
    if (bytes.length > STILL_MAX_BYTES) continue;
    // Checked as a still sent by a device is: a value the record refuses is left out, never stored.
    const still = GaitStillSchema.safeParse({
      event: k.event,
      side: k.side,
      time: Math.round(k.time * 1000) / 1000,
      frame: k.frame,
      angles: { hip_deg: k.angles.hip, knee_deg: k.angles.knee, ankle_deg: k.angles.ankle },
      type: 'image/jpeg',
      width: layout.width,
      height: layout.height,
      data: bytes.toString('base64'),
    });
    return still.success ? still.data : null;
  }
  return null;
}
