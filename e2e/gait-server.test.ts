/// <reference lib="dom" />
/**
 * Browser test of the optional server analysis on the gait screen: on-device analysis stays the default; the
 * secondary "Analyse on the server instead" says the video is uploaded, analysed, then deleted, needs a tick, shows
 * progress, and ends on the same kind of result (skeleton, timeline, metrics). The clip is a 4.6 s cut of the
 * shared walking video (test/helpers/gait-test-clip.ts), so the server's pose pass takes seconds, not a minute.
 * Expected cadence: the range the hand annotation of the same frames allows (test/fixtures/gait-reference), with one
 * frame of step time either way.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, test } from 'node:test';
import { cutWalkClip, referenceCadence, type WalkClip } from '../test/helpers/gait-test-clip.js';
import { launchPhone, screenshot, type Phone, assertAccessible } from './helpers/browser.js';
import { call, startServer, type TestServer } from './helpers/server.js';

/** One frame of step time beyond the annotation's own range, as in src/server/gait-video-api.test.ts (which says why). */
const CADENCE_SLACK_FRAMES = 1;

let server: TestServer;
let phone: Phone;
let clip: WalkClip;

before(async () => {
  clip = await cutWalkClip();
  server = await startServer();
  phone = await launchPhone();
});
after(async () => {
  await phone?.close();
  await server?.close();
  if (clip) rmSync(dirname(clip.file), { recursive: true, force: true });
});

test(
  'gait video on the server: explicit tick, upload and analysis progress, the result shown and saved, the video deleted',
  { timeout: 120_000 },
  async () => {
    const { page } = phone;
    await page.goto(server.url + '/gait');
    await page.getByRole('heading', { level: 1, name: 'Gait video' }).waitFor();
    await page.locator('#gait-file').setInputFiles(clip.file);
    await page.getByText(/1768 × 994, 138 frames at 30 fps/).waitFor();
    // On-device stays the default: its button is the primary one; the server choice is folded away until opened.
    assert.equal(await page.getByRole('button', { name: 'Analyse walking' }).getAttribute('class'), 'primary big');
    await page.getByLabel('From the side').check();
    await page.getByText('Analyse on the server instead').click();
    await page.getByText('Your video will be uploaded').waitFor();
    const send = page.getByRole('button', { name: 'Upload and analyse on the server' });
    assert.equal(await send.isDisabled(), true, 'nothing is sent before the tick');
    await page.getByLabel(/I agree to upload this video/).check();
    assert.equal(await send.isDisabled(), false);
    await assertAccessible(phone.page, 'gait server: choice');
    await screenshot(page, 'gait-server-a-choice', { fullPage: true });

    await send.click();
    await page
      .getByText(/Analysing on the server: frame \d+ of \d+|Finding the walker: frame/)
      .waitFor({ timeout: 60_000 });
    await screenshot(page, 'gait-server-b-progress');
    await page.getByRole('heading', { level: 1, name: 'Your walk' }).waitFor({ timeout: 90_000 });
    await page.getByText('The server has deleted the video.').waitFor();
    await page.locator('.gait-metrics').waitFor();
    await assertAccessible(phone.page, 'gait server: result');
    // The skeleton the server found, over the video still on this device: seek to a frame with the walker.
    await page.locator('.gait-player video').waitFor();
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const v = document.querySelector('.gait-player video') as HTMLVideoElement;
          v.addEventListener('seeked', () => resolve(), { once: true });
          v.currentTime = 2.2;
        }),
    );
    await page.waitForTimeout(300);
    await screenshot(page, 'gait-server-c-result', { fullPage: true, top: true });
    // The stills the server pictured before deleting the video, loaded from the API: each foot's three key moments.
    const figures = page.locator('.gait-stills figure');
    await figures.first().waitFor();
    assert.equal(await figures.count(), 6);
    await page
      .locator('.gait-stills img')
      .evaluateAll((imgs) => Promise.all(imgs.map((i) => (i as HTMLImageElement).decode())));
    assert.ok(
      await page
        .locator('.gait-stills img')
        .evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
      'every still shows a picture',
    );
    await page.getByText('Pictured on the server from your video before it was deleted', { exact: false }).waitFor();
    await page.locator('.gait-stills').scrollIntoViewIfNeeded();
    await screenshot(page, 'gait-server-d-stills');

    // What the page showed was saved: one analysis from the server, side view, cadence against the hand reference.
    const saved = await call<
      Array<{
        sourceName: string;
        videoKept: boolean;
        analysis: { analysed_on: string; view: string; metrics: { cadence_spm: { value: number | null } } };
      }>
    >(server.url, 'GET', '/api/gait-analyses');
    assert.equal(saved.length, 1);
    const a = saved[0]!;
    assert.equal(a.sourceName, 'walk.mp4');
    assert.equal(a.videoKept, false);
    assert.equal(a.analysis.analysed_on, 'server');
    assert.equal(a.analysis.view, 'side');
    const cadence = a.analysis.metrics.cadence_spm.value;
    const expected = referenceCadence(clip, CADENCE_SLACK_FRAMES);
    assert.ok(
      cadence !== null && cadence >= expected.min && cadence <= expected.max,
      `cadence ${cadence} vs ${expected.min.toFixed(1)}-${expected.max.toFixed(1)}`,
    );
    // The page's metrics table shows that same cadence, in its own row (a bare text search for "99" found an SVG
    // title, "right heel strike 0.99 s", first).
    assert.equal(
      await page.locator('.gait-metrics tr[data-metric="cadence_spm"] .gait-value').textContent(),
      `${cadence.toFixed(0)} steps/min`,
    );
  },
);
