/**
 * For tests of bad input (issue 16): clips that a clinic really makes by mistake, made at test time by Debian's
 * ffmpeg from the shared walking video (../shared/data/video/sports2d_demo_walk_side.mp4) into a folder the caller
 * gives and deletes. The same clips go to `footing analyze` (src/cli/analyze-command.test.ts), the server job
 * (src/server/jobs/gait-video-job.test.ts) and the gait screen (e2e/gait-bad-input.test.ts), so that the three are
 * shown the same input.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CLIP_FIRST_FRAME, CLIP_SECONDS, WALK_VIDEO } from './gait-test-clip.js';

const ffmpeg = (args: string[]) => promisify(execFile)('ffmpeg', ['-v', 'error', '-y', ...args]);
const H264 = ['-an', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'];

/**
 * 3 s of the walk seen through a window that slides 150 px/s across it (a phone turning to follow the walker),
 * 442 × 496 at 30 fps: the background moves in the picture, which the walker scan's scene check sees.
 */
export async function panClip(dir: string): Promise<string> {
  const file = join(dir, 'pan.mp4');
  await ffmpeg([
    '-ss',
    '1',
    '-t',
    '3',
    '-i',
    WALK_VIDEO,
    '-vf',
    "crop=884:994:'884-150*t':0,scale=442:496",
    ...H264,
    file,
  ]);
  return file;
}

/**
 * 4 s of the walk beside its own mirror image, 1768 × 496 at 30 fps: two walkers of exactly the same size crossing
 * their halves of the picture in opposite directions, each about as far.
 */
export async function twoWalkersClip(dir: string): Promise<string> {
  const file = join(dir, 'two.mp4');
  await ffmpeg([
    '-ss',
    '1',
    '-t',
    '4',
    '-i',
    WALK_VIDEO,
    '-filter_complex',
    '[0]scale=884:496,split[a][b];[b]hflip[c];[a][c]hstack',
    ...H264,
    file,
  ]);
  return file;
}

/**
 * The frames of cutWalkClip (the original's 30-167, 4.6 s) upscaled to 3840 × 2160 at 60 fps (each frame shown
 * twice): a 4K 60 fps phone clip of a walk whose contacts are annotated by hand, so the referenceCadence of the
 * returned clip applies (it is in seconds, whatever the frame rate). About 10 MB; 276 frames.
 */
export async function walk4k60Clip(
  dir: string,
): Promise<{ file: string; firstFrame: number; lastFrame: number; frames: number }> {
  const file = join(dir, 'walk-4k60.mp4');
  await ffmpeg([
    '-ss',
    String(CLIP_FIRST_FRAME / 30),
    '-t',
    String(CLIP_SECONDS),
    '-i',
    WALK_VIDEO,
    '-vf',
    'scale=3840:2160,fps=60',
    ...H264,
    '-crf',
    '28',
    file,
  ]);
  return {
    file,
    firstFrame: CLIP_FIRST_FRAME,
    lastFrame: CLIP_FIRST_FRAME + Math.round(CLIP_SECONDS * 30) - 1,
    frames: Math.round(CLIP_SECONDS * 60),
  };
}

/**
 * A treadmill runner with someone walking past (issue 16 item 5), 570 × 480 at 30 fps, 4.5 s: on the left, the
 * committed treadmill run (test/fixtures/gait-clips/treadmill-run-side-a.mp4, 540 px wide, its first 4.5 s) stepping
 * in place the whole time; on the right, a 600 px wide window of the shared walk scaled to the same height (from
 * 1.2 s), which the walker crosses right to left in about 2 s (0.8-2.9 s: her 10 px per frame at 1768 px wide,
 * 9.66 at 960 high). Halved at the end. The left 270 px are the treadmill's, the rest the passer's.
 */
export async function treadmillAndPasserClip(dir: string): Promise<string> {
  const file = join(dir, 'treadmill-passer.mp4');
  const treadmill = fileURLToPath(new URL('../fixtures/gait-clips/treadmill-run-side-a.mp4', import.meta.url));
  await ffmpeg([
    '-t',
    '4.5',
    '-i',
    treadmill,
    '-ss',
    '1.2',
    '-t',
    '4.5',
    '-i',
    WALK_VIDEO,
    '-filter_complex',
    '[1]scale=-2:960,crop=600:960:720:0[p];[0][p]hstack,scale=570:480',
    '-r',
    '30',
    ...H264,
    file,
  ]);
  return file;
}

/** One frame of ffmpeg's test pattern, 320 × 240: a video too short to measure anything. */
export async function oneFrameClip(dir: string): Promise<string> {
  const file = join(dir, 'one-frame.mp4');
  await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30', '-frames:v', '1', ...H264, file]);
  return file;
}

/** 2.2 s (66 frames at 30 fps, over the 2 s minimum) of ffmpeg's moving test pattern, 640 × 360: nobody in it. */
export async function emptyClip(dir: string): Promise<string> {
  const file = join(dir, 'empty.mp4');
  await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-t', '2.2', ...H264, file]);
  return file;
}
