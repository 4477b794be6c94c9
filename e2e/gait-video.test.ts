/// <reference lib="dom" />
/**
 * Browser test of the gait video screen on the shared walking clip (../shared/data/video, Sports2D demo, 230 frames
 * at 30 fps, VP9 in MP4): the file is given to the page's file input (nothing is uploaded), the walker's band is
 * typed into the box fields (x 0, y 480, 1768 x 514 source pixels: the acrobat top left is left out), and the whole
 * clip is analysed in headless Debian chromium (WebCodecs decode + BlazePose full on tfjs wasm + src/gait).
 *
 * The expected values come from a second, independent run: the Node CLI (`footing analyze VIDEO --roi ... --json`:
 * ffmpeg frames, the Node model runtime) on the same video and region, in this test process.
 * Tolerances, fixed before comparing: cadence within 3 steps/min; every heel strike and toe off of one run has one
 * in the other within 2 frames (67 ms at 30 fps) on the same foot. The two runs differ in the decoder (libvpx in
 * ffmpeg vs Chromium's), the scaler (ffmpeg bicubic vs canvas) and the wasm build's threading, so the landmarks
 * differ by a pixel or so, not the events.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { main } from '../src/cli/main.js';
import type { GaitAnalysisJson } from '../src/gait/analysis-json.js';
import { screenshot, assertAccessible } from './helpers/browser.js';
import { call } from './helpers/server.js';
import { serverAndPhone } from './helpers/fixture.js';

const VIDEO = fileURLToPath(new URL('../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));
const ROI = { x: 0, y: 480, width: 1768, height: 514 };
const FRAME = 1 / 30;
const CADENCE_TOLERANCE_SPM = 3;
const EVENT_TOLERANCE_S = 2 * FRAME + 1e-3; // times are rounded to 1 ms in the JSON

const ctx = serverAndPhone();

async function nodeAnalysis(): Promise<GaitAnalysisJson> {
  let out = '';
  const sink = (save: boolean) => new Writable({ write(chunk, _enc, cb) { if (save) out += String(chunk); cb(); } });
  const code = await main(['analyze', VIDEO, '--roi', `${ROI.x},${ROI.y},${ROI.width},${ROI.height}`, '--json'], { out: sink(true), err: sink(false) });
  assert.equal(code, 0, 'the Node analysis ran');
  return JSON.parse(out) as GaitAnalysisJson;
}

/** Pairs each event of `a` with the nearest of `b`; returns the unmatched ones and the largest distance. */
function match(a: number[], b: number[]): { unmatched: number[]; worst: number } {
  let worst = 0; const unmatched: number[] = [];
  for (const t of a) {
    const d = Math.min(...b.map((u) => Math.abs(u - t)));
    if (d > EVENT_TOLERANCE_S) unmatched.push(t); else worst = Math.max(worst, d);
  }
  return { unmatched, worst };
}

test('gait video: analysed in the browser, agrees with the Node analysis, saved without the video', { timeout: 300_000 }, async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/gait');
  await page.getByRole('heading', { level: 1, name: 'Gait video' }).waitFor();
  await page.getByText('Your video stays on this device.').waitFor();
  await page.locator('#gait-file').setInputFiles(VIDEO);
  await page.getByText('1768 × 994, 230 frames at 30 fps').waitFor();
  // The walker scan pre-sets the box and lists the people when it ends, which moves the button below it; type ours
  // after that, so the fields are not re-set and the button does not move under the click (CI at bc04a4c, Node 22).
  await page.getByText(/Footing will follow Person|Nobody walks across the picture/).waitFor({ timeout: 120_000 }); // a hang guard, not a timing
  await page.getByLabel('Top').fill(String(ROI.y));
  await page.getByLabel('Height', { exact: true }).fill(String(ROI.height));
  await page.getByLabel('Left', { exact: true }).fill(String(ROI.x));
  await page.getByLabel('Width').fill(String(ROI.width));
  await assertAccessible(ctx.phone.page, 'gait: setup');
  await screenshot(page, '5a-gait-setup', { fullPage: true });

  await page.getByRole('button', { name: 'Analyse walking' }).click();
  await page.getByText(/Analysing frame \d+ of 230/).waitFor();
  // Once a few frames are done, the time left from the pace so far (web/src/gait/analysis-progress.ts).
  const left = page.locator('.gait-time-left[data-seconds-left]');
  await left.waitFor({ timeout: 120_000 }); // a hang guard, not a timing
  assert.match(await left.innerText(), /^(About \d+ (s|min( \d+ s)?) left|A few seconds left)$/);
  await page.getByRole('heading', { level: 1, name: 'Your walk' }).waitFor({ timeout: 240_000 });
  await page.locator('.gait-metrics').waitFor();
  await assertAccessible(ctx.phone.page, 'gait: results');

  await page.getByRole('checkbox', { name: 'Also keep the video on this device' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved: the measurements and body points (not the video). The video is kept on this device only.').waitFor();
  // Show a frame with the walker and her skeleton: seek the player to 3.2 s.
  await page.evaluate(() => new Promise<void>((resolve) => {
    const v = document.querySelector('.gait-player video') as HTMLVideoElement;
    v.addEventListener('seeked', () => resolve(), { once: true });
    v.currentTime = 3.2;
  }));
  await page.waitForTimeout(300);
  await screenshot(page, '5b-gait-results', { fullPage: true, top: true });

  const saved = await call<Array<{ id: string; analysis: GaitAnalysisJson & { roi: typeof ROI }; hasKeypoints: boolean; videoKept: boolean }>>(ctx.server.url, 'GET', '/api/gait-analyses');
  assert.equal(saved.length, 1);
  const browser = saved[0]!.analysis;
  assert.equal(saved[0]!.hasKeypoints, true);
  assert.equal(saved[0]!.videoKept, false, 'the server never holds the video');
  assert.deepEqual(browser.roi, ROI);
  assert.equal(browser.frames, 230);
  // The video went to this browser's IndexedDB, under the saved analysis's id.
  const kept = await page.evaluate(async (id) => new Promise<number>((resolve, reject) => {
    const req = indexedDB.open('footing-gait-videos');
    req.onsuccess = () => { const g = req.result.transaction('videos').objectStore('videos').get(id); g.onsuccess = () => resolve((g.result as { blob: Blob }).blob.size); g.onerror = () => reject(g.error); };
    req.onerror = () => reject(req.error);
  }), saved[0]!.id);
  assert.equal(kept, 3968304, 'the kept video is the whole file');

  // Agreement with the Node analysis, run after the browser's so the two do not share the CPU.
  const reference = await nodeAnalysis();
  assert.ok(reference.events.left.heel_strike.length + reference.events.right.heel_strike.length >= 4, 'the Node run found steps to compare');
  const rc = reference.metrics.cadence_spm!.value; const bc = browser.metrics.cadence_spm!.value;
  assert.ok(rc !== null && bc !== null, `cadence measured by both (node ${rc}, browser ${bc})`);
  assert.ok(Math.abs(rc - bc) <= CADENCE_TOLERANCE_SPM, `cadence: node ${rc}, browser ${bc} steps/min`);
  for (const side of ['left', 'right'] as const) {
    for (const kind of ['heel_strike', 'toe_off'] as const) {
      const n = reference.events[side][kind]; const b = browser.events[side][kind];
      const nb = match(n, b); const bn = match(b, n);
      assert.deepEqual([nb.unmatched, bn.unmatched], [[], []], `${side} ${kind}: node ${n.join(' ')} | browser ${b.join(' ')}`);
    }
  }
  assert.equal(browser.view, reference.view);
});

test('filming guide: reachable from the gait screen, accessible', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/gait');
  await page.getByRole('link', { name: 'How to film (1 minute read)' }).click();
  await page.getByRole('heading', { level: 1, name: 'How to film your walk' }).waitFor();
  await page.getByText('Film from the side, across the room or on a treadmill.').waitFor();
  await assertAccessible(ctx.phone.page, 'filming guide');
  await screenshot(page, '5c-filming-guide', { fullPage: true, top: true });
});
