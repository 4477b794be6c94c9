/// <reference lib="dom" />
/**
 * The Gait screen on a real treadmill run filmed in portrait (test/fixtures/gait-clips/treadmill-run-side-a.mp4,
 * MIT, SOURCES.md there), its first 4 s cut in a temp folder: analysed in headless Debian chromium on the device,
 * with the belt speed typed in. Expected values come from the hand reference of the clip (made before any model
 * ran on it), not from the program: the cadence of the hand-marked contacts inside the cut, within 3 steps/min
 * (the browser runtime is tfjs, not the Node path the reference tests use: issue 13 makes them one).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { GaitAnalysisJson } from '../src/gait/analysis-json.js';
import { assertAccessible, screenshot } from './helpers/browser.js';
import { call } from './helpers/server.js';
import { serverAndPhone } from './helpers/fixture.js';

const CLIP = fileURLToPath(new URL('../test/fixtures/gait-clips/treadmill-run-side-a.mp4', import.meta.url));
const REF = JSON.parse(
  readFileSync(new URL('../test/fixtures/gait-reference/treadmill-run-side-a.json', import.meta.url), 'utf8'),
) as { fps: number; cadence: { icFrames: number[] } };
const CUT_FRAMES = 120;
const dir = mkdtempSync(join(tmpdir(), 'footing-treadmill-'));
const cut = join(dir, 'treadmill-run.mp4');

const ctx = serverAndPhone(async () => {
  const ff = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    CLIP,
    '-vf',
    `trim=end_frame=${CUT_FRAMES}`,
    '-an',
    '-c:v',
    'libx264',
    '-crf',
    '20',
    '-preset',
    'veryfast',
    cut,
  ]);
  assert.equal(ff.status, 0, String(ff.stderr));
});

test(
  'treadmill run on the Gait screen: in place, a run, belt speed gives speed, cadence as the hand reference',
  { timeout: 300_000 },
  async () => {
    try {
      const { page } = ctx.phone;
      await page.goto(ctx.server.url + '/gait');
      await page.locator('#gait-file').setInputFiles(cut);
      await page.getByText(`540 × 960, ${CUT_FRAMES} frames at 30 fps`).waitFor();
      await page
        .getByText(/Footing will follow Person 1, who stays in the picture the longest without travelling/)
        .waitFor({ timeout: 60_000 });
      // A typing error in the belt speed is refused with a message, and the button waits.
      const speed = page.getByLabel(/Filmed on a treadmill\? Its belt speed in km\/h/);
      await speed.fill('300');
      await page
        .getByText('The belt speed must be a number of km/h from 0.5 to 30; leave it empty for a walk on the floor.')
        .waitFor();
      assert.equal(await page.getByRole('button', { name: 'Analyse walking' }).isDisabled(), true);
      await speed.fill('10');
      await assertAccessible(page, 'gait: treadmill setup');
      await screenshot(page, '5f-gait-treadmill-setup', { fullPage: true });
      await page.getByRole('button', { name: 'Analyse walking' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your walk' }).waitFor({ timeout: 240_000 });
      await page.getByText(/filmed from the side, running in place \(treadmill at 10 km\/h\), facing left/).waitFor();
      await page
        .getByText('The typical ranges Footing shows are for walking, so no range is shown next to these figures.', {
          exact: false,
        })
        .waitFor();
      await assertAccessible(page, 'gait: treadmill results');
      await screenshot(page, '5g-gait-treadmill-results', { fullPage: true, top: true });
      // Speed = the belt speed typed in: 10 km/h = 2.78 m/s (by hand).
      await page.locator('[data-metric="walking_speed_mps"]').getByText('2.78 m/s').waitFor();

      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText(/^Saved: the measurements/).waitFor();
      const saved = await call<Array<{ analysis: GaitAnalysisJson }>>(ctx.server.url, 'GET', '/api/gait-analyses');
      const a = saved[0]!.analysis;
      assert.deepEqual([a.view, a.setting, a.mode, a.treadmill_kmh], ['side', 'in-place', 'run', 10]);
      // The hand reference's contacts inside the cut, both feet: steps per minute by hand.
      const ics = REF.cadence.icFrames.filter((f) => f < CUT_FRAMES);
      const expected = (60 * (ics.length - 1)) / ((ics.at(-1)! - ics[0]!) / REF.fps);
      const cadence = a.metrics.cadence_spm!.value;
      assert.ok(
        cadence !== null && Math.abs(cadence - expected) <= 3,
        `cadence ${cadence} vs hand ${expected.toFixed(1)} steps/min`,
      );
      assert.equal(a.metrics.cadence_spm!.reference, undefined, 'no walking range on a run');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
