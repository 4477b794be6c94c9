/**
 * A saved gait still as JPEG, for pdfkit (which embeds JPEG and PNG but not WebP): a JPEG is handed on as it is; a
 * WebP (what most browsers encode, web/src/gait/still-frames.ts) is decoded by Debian's ffmpeg, which Footing
 * already needs for videos (STACK.md), and written as a JPEG at high quality. Null when it cannot be converted
 * (no ffmpeg, a broken picture): the report then draws the stick figure from the keypoints instead.
 */
import { spawn } from 'node:child_process';
import type { StillType } from '../gait/gait-stills.js';

/** A still is at most 60 kB; ffmpeg decodes one in well under a second even on a busy machine. */
const TIMEOUT_MS = 15_000;

export async function stillAsJpeg(still: { type: StillType; bytes: Buffer }): Promise<Buffer | null> {
  if (still.type === 'image/jpeg') return still.bytes;
  return new Promise((resolve) => {
    let child;
    try {
      // -q:v 2: near the best mjpeg quality, so the conversion adds no visible loss to the device's own compression.
      child = spawn(
        'ffmpeg',
        [
          '-hide_banner',
          '-loglevel',
          'error',
          '-f',
          'webp_pipe',
          '-i',
          'pipe:0',
          '-frames:v',
          '1',
          '-q:v',
          '2',
          '-f',
          'image2pipe',
          '-c:v',
          'mjpeg',
          'pipe:1',
        ],
        { stdio: ['pipe', 'pipe', 'ignore'] },
      );
    } catch {
      resolve(null);
      return;
    }
    const out: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.on('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const jpeg = Buffer.concat(out);
      resolve(code === 0 && jpeg[0] === 0xff && jpeg[1] === 0xd8 ? jpeg : null);
    });
    child.stdin.on('error', () => {
      /* ffmpeg gone: 'close' resolves */
    });
    child.stdin.end(still.bytes);
  });
}
