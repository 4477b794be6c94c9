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
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { main } from '../src/cli/main.js';
import type { GaitAnalysisJson } from '../src/gait/analysis-json.js';
import type { GaitStillInfo } from '../src/gait/gait-stills.js';
import { angleChart } from '../src/core/report/gait-angle-chart.js';
import { KNEE_CYCLE_REFERENCE } from '../src/gait/reference-ranges.js';
import type { Page } from 'playwright-core';
import { screenshot, assertAccessible } from './helpers/browser.js';
import { call } from './helpers/server.js';
import { serverAndPhone } from './helpers/fixture.js';

const VIDEO = fileURLToPath(new URL('../../shared/data/video/sports2d_demo_walk_side.mp4', import.meta.url));
const ROI = { x: 0, y: 480, width: 1768, height: 514 };
const FRAME = 1 / 30;
const CADENCE_TOLERANCE_SPM = 3;
const EVENT_TOLERANCE_S = 2 * FRAME + 1e-3; // times are rounded to 1 ms in the JSON

const ctx = serverAndPhone();

/** A phone's file name with no place to break a line (issue 13: it widened the page and covered the button). */
const LONG_NAME =
  'VID_20261206_093512_my_walk_in_the_garden_filmed_from_the_side_by_my_daughter_take_3_final_version.mp4';
/** Where the clip is copied under that name; the page reads the file until the file's tests end. */
const NAME_DIR = mkdtempSync(join(tmpdir(), 'footing-gait-name-'));
after(() => rmSync(NAME_DIR, { recursive: true, force: true }));

/** The page does not scroll sideways on the 390 px phone, and `button` takes a tap at its centre. */
async function assertFitsPhone(page: Page, what: string, button?: string): Promise<void> {
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.deepEqual(w, { scroll: 390, inner: 390 }, `${what}: the page is wider than the phone`);
  if (!button) return;
  const b = page.getByRole('button', { name: button, exact: true });
  await b.scrollIntoViewIfNeeded();
  const hit = await b.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { inside: r.left >= 0 && r.right <= 390, onTop: !!at && el.contains(at) };
  });
  assert.deepEqual(hit, { inside: true, onTop: true }, `${what}: "${button}" is not clickable`);
  await b.click({ trial: true });
}

async function nodeAnalysis(): Promise<GaitAnalysisJson> {
  let out = '';
  const sink = (save: boolean) =>
    new Writable({
      write(chunk, _enc, cb) {
        if (save) out += String(chunk);
        cb();
      },
    });
  const code = await main(['analyze', VIDEO, '--roi', `${ROI.x},${ROI.y},${ROI.width},${ROI.height}`, '--json'], {
    out: sink(true),
    err: sink(false),
  });
  assert.equal(code, 0, 'the Node analysis ran');
  return JSON.parse(out) as GaitAnalysisJson;
}

/** Pairs each event of `a` with the nearest of `b`; returns the unmatched ones and the largest distance. */
function match(a: number[], b: number[]): { unmatched: number[]; worst: number } {
  let worst = 0;
  const unmatched: number[] = [];
  for (const t of a) {
    const d = Math.min(...b.map((u) => Math.abs(u - t)));
    if (d > EVENT_TOLERANCE_S) unmatched.push(t);
    else worst = Math.max(worst, d);
  }
  return { unmatched, worst };
}

test(
  'gait video: analysed in the browser, agrees with the Node analysis, saved without the video',
  { timeout: 300_000 },
  async () => {
    const { page } = ctx.phone;
    await page.goto(ctx.server.url + '/gait');
    await page.getByRole('heading', { level: 1, name: 'Gait video' }).waitFor();
    await page.getByText('Your video stays on this device.').waitFor();
    // The clip under a phone's long file name (a copy: a path, unlike a buffer, is not sent through the browser protocol).
    copyFileSync(VIDEO, join(NAME_DIR, LONG_NAME));
    await page.locator('#gait-file').setInputFiles(join(NAME_DIR, LONG_NAME));
    await page.getByText('1768 × 994, 230 frames at 30 fps').waitFor();
    // The walker scan pre-sets the box and lists the people when it ends, which moves the button below it; type ours
    // after that, so the fields are not re-set and the button does not move under the click (CI at bc04a4c, Node 22).
    await page.getByText(/Footing will follow Person|Nobody walks across the picture/).waitFor({ timeout: 120_000 }); // a hang guard, not a timing
    await page.getByLabel('Top').fill(String(ROI.y));
    await page.getByLabel('Height', { exact: true }).fill(String(ROI.height));
    await page.getByLabel('Left', { exact: true }).fill(String(ROI.x));
    await page.getByLabel('Width').fill(String(ROI.width));
    await assertAccessible(ctx.phone.page, 'gait: setup');
    await assertFitsPhone(page, 'setup with a long file name', 'Analyse walking');
    await screenshot(page, '5a-gait-setup', { fullPage: true });

    await page.getByRole('button', { name: 'Analyse walking' }).click();
    await page.getByText(/Analysing frame \d+ of 230/).waitFor();
    // Once a few frames are done, the time left from the pace so far (web/src/gait/analysis-progress.ts).
    const left = page.locator('.gait-time-left[data-seconds-left]');
    await left.waitFor({ timeout: 120_000 }); // a hang guard, not a timing
    assert.match(await left.innerText(), /^(About \d+ (s|min( \d+ s)?) left|A few seconds left)$/);
    await page.getByRole('heading', { level: 1, name: 'Your walk' }).waitFor({ timeout: 240_000 });
    await page.locator('.gait-metrics').waitFor();
    // The stills of the key moments, made from the video on this page: three moments for each foot.
    await page.locator('.gait-still-grid figure').nth(5).waitFor({ timeout: 60_000 }); // a hang guard, not a timing
    const shown = await page.locator('.gait-still-grid img').evaluateAll((imgs) =>
      imgs.map((i) => {
        const m = i as HTMLImageElement;
        return { loaded: m.complete && m.naturalWidth > 0, alt: m.alt };
      }),
    );
    assert.equal(shown.length, 6);
    assert.ok(
      shown.every((x) => x.loaded),
      'every still shows',
    );
    await assertAccessible(ctx.phone.page, 'gait: results');
    await assertFitsPhone(page, 'results', 'Save');

    await page.getByRole('checkbox', { name: 'Also keep the video on this device' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByText(
        'Saved: the measurements and body points and 6 stills (not the video). The video is kept on this device only.',
      )
      .waitFor();
    // Show a frame with the walker and her skeleton: seek the player to 3.2 s.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const v = document.querySelector('.gait-player video') as HTMLVideoElement;
          v.addEventListener('seeked', () => resolve(), { once: true });
          v.currentTime = 3.2;
        }),
    );
    await page.waitForTimeout(300);
    await screenshot(page, '5b-gait-results', { fullPage: true, top: true });
    await page.locator('.gait-angles').scrollIntoViewIfNeeded();
    await screenshot(page, '5h-gait-angles');
    await page.locator('.gait-stills').scrollIntoViewIfNeeded();
    await screenshot(page, '5i-gait-stills');

    const saved = await call<
      Array<{
        id: string;
        analysis: GaitAnalysisJson & { roi: typeof ROI };
        hasKeypoints: boolean;
        videoKept: boolean;
        stills: GaitStillInfo[];
      }>
    >(ctx.server.url, 'GET', '/api/gait-analyses');
    assert.equal(saved.length, 1);
    const browser = saved[0]!.analysis;
    assert.equal(browser.video, LONG_NAME);

    // The charts draw the stored curves: each path is the chart geometry of the saved analysis's own numbers; the
    // walking reference (4 boxes) on the knee only, as this is a walk.
    const curves = browser.angle_curves!;
    assert.equal(browser.mode, 'walk');
    for (const joint of ['hip_deg', 'knee_deg', 'ankle_deg'] as const) {
      const chart = page.locator(`.gait-angle-chart[data-joint=${joint}]`);
      for (const side of ['left', 'right'] as const) {
        const stored = curves[side]?.[joint]?.mean;
        assert.ok(stored && stored.length === 51, `${side} ${joint} stored`);
        const expected = angleChart({
          left: curves.left?.[joint]?.mean ?? null,
          right: curves.right?.[joint]?.mean ?? null,
          reference: joint === 'knee_deg' ? KNEE_CYCLE_REFERENCE : [],
        });
        assert.equal(
          await chart.locator(`path.gait-curve[data-side=${side}]`).getAttribute('d'),
          expected.paths[side],
          `${side} ${joint} path`,
        );
      }
      assert.equal(
        await chart.locator('rect.gait-ref-box').count(),
        joint === 'knee_deg' ? 4 : 0,
        `${joint} reference boxes`,
      );
    }
    // The stills: six small WebP pictures, one per moment and foot, each caption the stored angles.
    const stills = saved[0]!.stills;
    console.log(
      `stills: ${stills.map((x) => `${x.side} ${x.event} ${x.width}x${x.height} ${(x.bytes / 1024).toFixed(1)} kB`).join(', ')}`,
    );
    assert.deepEqual(stills.map((x) => `${x.side} ${x.event}`).sort(), [
      'left initial_contact',
      'left mid_stance',
      'left toe_off',
      'right initial_contact',
      'right mid_stance',
      'right toe_off',
    ]);
    for (const [i, x] of stills.entries()) {
      assert.ok(
        x.type === 'image/webp' && x.bytes > 2000 && x.bytes <= 60 * 1024,
        `still ${i}: ${x.type}, ${x.bytes} bytes`,
      );
      assert.ok(x.width <= 480 && x.height <= 480, `still ${i} is small: ${x.width} x ${x.height}`);
      const got = await page.evaluate(async (u) => {
        const r = await fetch(u);
        const b = new Uint8Array(await r.arrayBuffer());
        return {
          type: r.headers.get('content-type'),
          length: b.length,
          tag: String.fromCharCode(...b.subarray(8, 12)),
        };
      }, `/api/gait-analyses/${saved[0]!.id}/stills/${i}`);
      assert.deepEqual(got, { type: 'image/webp', length: x.bytes, tag: 'WEBP' });
      const deg = (v: number | null) => (v === null ? '–' : `${Math.round(v)}°`.replace('-', '−'));
      assert.ok(
        shown.some((s2) =>
          s2.alt.includes(
            `at ${x.time.toFixed(2)} s: hip ${deg(x.angles.hip_deg)}, knee ${deg(x.angles.knee_deg)}, ankle ${deg(x.angles.ankle_deg)}`,
          ),
        ),
        `still ${i}'s caption shows its stored angles`,
      );
    }
    assert.equal(saved[0]!.hasKeypoints, true);
    assert.equal(saved[0]!.videoKept, false, 'the server never holds the video');
    assert.deepEqual(browser.roi, ROI);
    assert.equal(browser.frames, 230);
    // The video went to this browser's IndexedDB, under the saved analysis's id.
    const kept = await page.evaluate(
      async (id) =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('footing-gait-videos');
          req.onsuccess = () => {
            const g = req.result.transaction('videos').objectStore('videos').get(id);
            g.onsuccess = () => resolve((g.result as { blob: Blob }).blob.size);
            g.onerror = () => reject(g.error);
          };
          req.onerror = () => reject(req.error);
        }),
      saved[0]!.id,
    );
    assert.equal(kept, 3968304, 'the kept video is the whole file');

    // Agreement with the Node analysis, run after the browser's so the two do not share the CPU.
    const reference = await nodeAnalysis();
    assert.ok(
      reference.events.left.heel_strike.length + reference.events.right.heel_strike.length >= 4,
      'the Node run found steps to compare',
    );
    const rc = reference.metrics.cadence_spm!.value;
    const bc = browser.metrics.cadence_spm!.value;
    assert.ok(rc !== null && bc !== null, `cadence measured by both (node ${rc}, browser ${bc})`);
    assert.ok(Math.abs(rc - bc) <= CADENCE_TOLERANCE_SPM, `cadence: node ${rc}, browser ${bc} steps/min`);
    for (const side of ['left', 'right'] as const) {
      for (const kind of ['heel_strike', 'toe_off'] as const) {
        const n = reference.events[side][kind];
        const b = browser.events[side][kind];
        const nb = match(n, b);
        const bn = match(b, n);
        assert.deepEqual(
          [nb.unmatched, bn.unmatched],
          [[], []],
          `${side} ${kind}: node ${n.join(' ')} | browser ${b.join(' ')}`,
        );
      }
    }
    assert.equal(browser.view, reference.view);
  },
);

test('filming guide: reachable from the gait screen, accessible', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/gait');
  await page.getByRole('link', { name: 'How to film (1 minute read)' }).click();
  await page.getByRole('heading', { level: 1, name: 'How to film your walk' }).waitFor();
  await page.getByText('Film from the side, across the room or on a treadmill.').waitFor();
  await assertAccessible(ctx.phone.page, 'filming guide');
  await screenshot(page, '5c-filming-guide', { fullPage: true, top: true });
});
