/// <reference lib="dom" />
/**
 * Bad input on the gait screen (issue 16): a file that is not a video, a video of one frame and a short video with
 * nobody in it, each given to the page's file input. Each must end in one plain sentence naming the file or the
 * problem, with the screen still usable for the next file, never a stack trace or a blank page. The same inputs in
 * `footing analyze` and the server job are tested in src/cli/analyze-command.test.ts and
 * src/server/jobs/gait-video-job.test.ts. The clips are made here by Debian's ffmpeg (as CI installs it).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { serverAndPhone } from './helpers/fixture.js';

const ctx = serverAndPhone();
const DIR = mkdtempSync(join(tmpdir(), 'footing-gait-bad-'));
after(() => rmSync(DIR, { recursive: true, force: true }));

const NO_STACK = /\n\s+at |\.tsx?:\d+|webpack|undefined|\[object /;

test('gait screen, bad input: not a video, one frame, nobody in it; each a plain message and the screen still works', { timeout: 180_000 }, async () => {
  const { page } = ctx.phone;
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(ctx.server.url + '/gait');
  await page.getByRole('heading', { level: 1, name: 'Gait video' }).waitFor();
  const alert = page.locator('.field-error[role="alert"]');

  // Text under a video's name.
  const text = join(DIR, 'notes.mp4');
  writeFileSync(text, 'not a video\n'.repeat(50));
  await page.locator('#gait-file').setInputFiles(text);
  await alert.waitFor();
  const notVideo = await alert.innerText();
  assert.match(notVideo, /^notes\.mp4: /);
  assert.doesNotMatch(notVideo, NO_STACK);

  // One frame of H.264: opened, then refused for having too few frames.
  const one = join(DIR, 'one-frame.mp4');
  execFileSync('ffmpeg', ['-y', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30', '-frames:v', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', one]);
  await page.locator('#gait-file').setInputFiles(one);
  await page.getByText('one-frame.mp4: The video has fewer than 2 frames.').waitFor();

  // 2.2 s with nobody in it (ffmpeg's moving test pattern): the scan finds nobody and says so, and the analysis of
  // the whole picture says no person was found, with how to film again.
  const empty = join(DIR, 'empty.mp4');
  execFileSync('ffmpeg', ['-y', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-t', '2.2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', empty]);
  await page.locator('#gait-file').setInputFiles(empty);
  await page.getByText('640 × 360, 66 frames at 30 fps').waitFor();
  assert.equal(await alert.count(), 0, 'the earlier error is cleared by a good file');
  await page.getByText(/Nobody walks across the picture/).waitFor({ timeout: 60_000 }); // a hang guard, not a timing
  await page.getByRole('button', { name: 'Analyse walking' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your walk' }).waitFor({ timeout: 120_000 }); // a hang guard
  await page.getByText('No person was found walking in the video.').waitFor();
  await page.getByText(/Film the whole body \(head to feet\)/).first().waitFor();
  assert.deepEqual(pageErrors, []);
});
