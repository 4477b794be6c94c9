/**
 * For tests: a short cut of the shared walking video (../shared/data/video/sports2d_demo_walk_side.mp4), made with
 * Debian ffmpeg into a temporary folder, so that a server analysis takes seconds rather than most of a minute on
 * a 2-core machine. Frames 30-167 of the original (1.0 s to 5.6 s) hold her near-foot initial contacts 40, 78,
 * 116, 152 and far-foot 60, 97, 133 (docs/gait-reference.md): two complete strides per foot, as cadence needs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const WALK_VIDEO = fileURLToPath(
  new URL('../../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url),
);
/** The original's frame shown first in the clip (30 fps, SOURCES.md). */
export const CLIP_FIRST_FRAME = 30;
/** The clip's length (frames 30-167 of the original). */
export const CLIP_SECONDS = 4.6;

export interface WalkClip {
  file: string;
  bytes: Buffer;
  firstFrame: number;
  lastFrame: number;
}

/** Cuts the clip (re-encoded to H.264, no sound); `seconds` shorter for a smoke run (bench/smoke.test.ts). */
export async function cutWalkClip(seconds = CLIP_SECONDS): Promise<WalkClip> {
  const dir = mkdtempSync(join(tmpdir(), 'footing-test-clip-'));
  const file = join(dir, 'walk.mp4');
  await promisify(execFile)('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-ss',
    String(CLIP_FIRST_FRAME / 30),
    '-t',
    String(seconds),
    '-i',
    WALK_VIDEO,
    '-an',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '23',
    file,
  ]);
  return {
    file,
    bytes: readFileSync(file),
    firstFrame: CLIP_FIRST_FRAME,
    lastFrame: CLIP_FIRST_FRAME + Math.round(seconds * 30) - 1,
  };
}

const ref = JSON.parse(
  readFileSync(new URL('../fixtures/gait-reference/sports2d_demo_walk_side.json', import.meta.url), 'utf8'),
) as {
  fps: number;
  feet: Record<
    'near' | 'far',
    {
      side: 'left' | 'right';
      events: Array<{ type: string; pass: unknown; nominated: number; interval: [number, number] }>;
    }
  >;
};

/**
 * Cadence from the hand annotation (pass 1's initial contacts of both feet inside the clip): the steps between the
 * first and the last contact over the time between them, as a range: each contact was annotated as an interval
 * (e.g. [39, 41]), so the span is known to within those intervals. `slackFrames` widens the mean step time by that
 * many frames each way (the resolution of a frame-based measurement). Independent of any pose model.
 */
export function referenceCadence(
  clip: Pick<WalkClip, 'firstFrame' | 'lastFrame'>,
  slackFrames = 0,
): { min: number; max: number; nominal: number } {
  const ics = (['near', 'far'] as const)
    .flatMap((f) => ref.feet[f].events.filter((e) => e.pass === 1 && e.type === 'IC'))
    .filter((e) => e.nominated >= clip.firstFrame && e.nominated <= clip.lastFrame)
    .sort((a, b) => a.nominated - b.nominated);
  const first = ics[0]!;
  const last = ics.at(-1)!;
  const steps = ics.length - 1;
  const spm = (stepFrames: number) => 60 / (stepFrames / ref.fps);
  return {
    min: spm((last.interval[1] - first.interval[0]) / steps + slackFrames),
    max: spm((last.interval[0] - first.interval[1]) / steps - slackFrames),
    nominal: spm((last.nominated - first.nominated) / steps),
  };
}
