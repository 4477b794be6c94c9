/**
 * Browser test: Walk now on a phone. A real recording (../shared/data/imu-steps, the Oxford step counter's
 * user1_hand: 326 steps counted by foot sensors) is replayed through the page's devicemotion events, on a clock the
 * test moves (performance.now, which the page reads for each sample) so the 3-minute walk takes about a second.
 * Start goes through the iOS permission prompt (a stand-in DeviceMotionEvent.requestPermission records that the tap
 * asked), the screen asks for the wake lock while walking and lets it go after, the count must be within 3 % of
 * the file's ground truth, and Stop stores the walk: the day's stored steps equal the count shown. axe runs on the
 * screen; screenshots at 390 px wide go to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { parseAccelCsv } from '../src/core/accel-csv.js';
import { localDate } from '../web/src/lib/local-time.js';
import { allNo } from './helpers/answers.js';
import { assertAccessible, screenshot } from './helpers/browser.js';
import { serverAndPhone } from './helpers/fixture.js';
import { call } from './helpers/server.js';

const RECORDING = new URL('../../shared/data/imu-steps/oxford_user1_hand_1506421989895.csv', import.meta.url);

const ctx = serverAndPhone(async (server) => {
  await call(server.url, 'POST', `/api/screen?date=${localDate()}`, { answers: allNo(), birthYear: 1968 });
});

/** A clock the test moves, the iOS permission prompt and the wake lock, each recording that the page used it. */
const STAND_INS = `(() => {
  const real = performance.now.bind(performance);
  window.__clock = null;
  performance.now = () => (window.__clock ?? real());
  window.__asked = 0;
  DeviceMotionEvent.requestPermission = async () => { window.__asked++; return 'granted'; };
  window.__locks = 0; window.__released = 0;
  Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request: async () => { window.__locks++; return { release: async () => { window.__released++; } }; } } });
})();`;

/**
 * The samples as the phone gave them (ms from the first, m/s²). Rounded to 0.01 ms and 0.0001 m/s² (far below the
 * sensor's own resolution) to keep the hand-over small.
 */
function phoneSamples(all: readonly (readonly number[])[]): number[][] {
  const r = (v: number, d: number) => Math.round(v * d) / d;
  return all.map(([t, x, y, z]) => [r(t! - all[0]![0]!, 100), r(x!, 1e4), r(y!, 1e4), r(z!, 1e4)]);
}

/** Dispatches the samples in order as devicemotion events, with the page's clock at each sample's time. */
async function replay(page: Page, samples: number[][]): Promise<void> {
  await page.evaluate(async (s) => {
    const w = window as unknown as { __clock: number | null };
    const base = performance.now();
    for (let i = 0; i < s.length; i++) {
      const [t, x, y, z] = s[i]!;
      w.__clock = base + t!;
      window.dispatchEvent(
        new DeviceMotionEvent('devicemotion', { accelerationIncludingGravity: { x: x!, y: y!, z: z! }, interval: 10 }),
      );
      if (i % 4000 === 0) await new Promise((r) => setTimeout(r, 0)); // let the page draw
    }
  }, samples);
}

test(
  "Walk now: a real recording replayed through devicemotion is counted within 3 % and saved as the day's steps",
  { timeout: 60_000 },
  async () => {
    const rec = parseAccelCsv(readFileSync(RECORDING, 'utf8'));
    assert.equal(rec.groundTruthSteps, 326);
    const { page } = ctx.phone;
    await page.addInitScript(STAND_INS);
    await page.goto(ctx.server.url + '/walk-now');
    await page.getByRole('heading', { level: 1, name: 'Walk now' }).waitFor();

    // The clock stands still from Start until the replay moves it: the walk's time is the recording's.
    await page.evaluate(() => {
      (window as unknown as { __clock: number | null }).__clock = performance.now();
    });
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    assert.equal(
      await page.evaluate(() => (window as unknown as { __asked: number }).__asked),
      1,
      'Start asked for motion access',
    );
    await page.waitForFunction(() => (window as unknown as { __locks: number }).__locks === 1);

    const samples = phoneSamples(rec.samples);
    await replay(page, samples);
    const durationMs = samples[samples.length - 1]![0]!;
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="walk-steps"]')?.textContent?.replace(/,/g, '')) > n,
      300,
    );
    await page.waitForTimeout(600); // one more tick of the display
    const shown = Number((await page.getByTestId('walk-steps').textContent())!.replace(/,/g, ''));
    assert.ok(Math.abs(shown - 326) / 326 <= 0.03, `${shown} steps counted, 326 walked`);
    const min = Math.floor(durationMs / 60_000);
    const sec = Math.floor((durationMs % 60_000) / 1000);
    assert.equal(await page.getByTestId('walk-time').textContent(), `${min}:${String(sec).padStart(2, '0')}`);
    await assertAccessible(page, 'Walk now, walking');
    await screenshot(page, '4k-walk-now-walking', { top: true });

    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('button', { name: 'Save this walk' }).click();
    const saved = await page
      .getByRole('status')
      .filter({ hasText: /^Saved: / })
      .textContent();
    assert.equal(saved, `Saved: ${shown} steps in ${min}:${String(sec).padStart(2, '0')}.`);
    await page.waitForFunction(() => (window as unknown as { __released: number }).__released === 1);
    // The walk is stored as the day's steps: the figure stored equals the figure shown.
    const days = await call<{ date: string; steps: number; cadenceSpm: number | null }[]>(
      ctx.server.url,
      'GET',
      `/api/walking/daily?from=${localDate()}&to=${localDate()}`,
    );
    assert.equal(days.length, 1);
    assert.equal(days[0]!.steps, shown);
    assert.equal(Number(await page.getByTestId('walk-cadence').textContent()), Math.round(days[0]!.cadenceSpm!));
    await screenshot(page, '4l-walk-now-saved', { top: true });
    // The Walking page offers Walk now.
    await page.getByRole('link', { name: 'Back to Walking' }).click();
    await page.getByRole('link', { name: 'Walk now: count steps with this phone' }).waitFor();
  },
);

test(
  'Walk now offline: a walk saved with the network cut waits on the phone through a closed tab, is sent once, and a resend after a lost answer adds nothing',
  { timeout: 90_000 },
  async () => {
    const rec = parseAccelCsv(readFileSync(RECORDING, 'utf8'));
    const { context } = ctx.phone;
    // The first 60 s of the recording: a shorter walk is enough here (the count's accuracy is the test above).
    const samples = phoneSamples(rec.samples).filter(([t]) => t! <= 60_000);
    const stepsBefore = async () =>
      (
        await call<{ steps: number }[]>(
          ctx.server.url,
          'GET',
          `/api/walking/daily?from=${localDate()}&to=${localDate()}`,
        )
      )[0]?.steps ?? 0;
    const phoneWalks = async () =>
      (
        await call<{ format: string; fileName: string; result: { samples: number; added: number } }[]>(
          ctx.server.url,
          'GET',
          '/api/imports',
        )
      ).filter((r) => r.format === 'phone-walk');
    const historyRows = async () => (await phoneWalks()).length;
    const before = await stepsBefore();
    const rowsBefore = await historyRows();
    // The first test's tab would send the walk itself when the network returns (the app listens for 'online'): it
    // leaves the app for a plain file of the same origin.
    await ctx.phone.page.goto(ctx.server.url + '/manifest.webmanifest');

    let page = await context.newPage();
    await page.addInitScript(STAND_INS);
    await page.goto(ctx.server.url + '/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.goto(ctx.server.url + '/walk-now'); // now under the service worker
    await page.getByRole('heading', { level: 1, name: 'Walk now' }).waitFor();
    await page.evaluate(() => {
      (window as unknown as { __clock: number | null }).__clock = performance.now();
    });
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    await replay(page, samples);
    await page.waitForTimeout(600); // one more tick of the display
    await page.getByRole('button', { name: 'Stop' }).click();
    const shown = Number((await page.getByTestId('walk-steps').textContent())!.replace(/,/g, ''));
    assert.ok(shown > 50, `${shown} steps counted in a minute of walking`);

    // The network is cut before Save: the walk is kept on the phone, and the page says so.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Save this walk' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved on this phone: .* It will be sent when you are back online\.$/ })
      .waitFor();
    await assertAccessible(page, 'Walk now, saved offline');
    await screenshot(page, '4m-walk-now-offline', { top: true });
    await page.close();
    assert.equal(await stepsBefore(), before, 'nothing reached the server');

    // The network returns, but the first answer is lost: the server stores the walk, the phone never hears it.
    await context.setOffline(false);
    page = await context.newPage();
    let lost = 0;
    let storedFirst = false;
    await page.route('**/api/walking/phone-walks', async (route) => {
      if (lost++ > 0) return route.continue();
      await route.fetch();
      storedFirst = true;
      return route.abort('connectionreset');
    });
    await page.goto(ctx.server.url + '/');
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    const outbox = page.getByTestId('outbox');
    await outbox.getByText('1 walk from Walk now waiting to be sent.').waitFor();
    for (let i = 0; i < 100 && !storedFirst; i++) await page.waitForTimeout(100);
    assert.equal(lost, 1, 'the walk was sent on start, and its answer lost');
    assert.equal(await stepsBefore(), before + shown, 'the server has it already');
    await outbox.getByText('1 walk from Walk now waiting to be sent.').waitFor();
    await outbox.getByRole('button', { name: 'Send now' }).click();
    await outbox.getByText(/^Walk from Walk now sent at \d\d:\d\d$/).waitFor();
    assert.equal(lost, 2, 'sent again');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    // Stored once: the day holds the walk's steps once, and the import history lists it once.
    assert.equal(await stepsBefore(), before + shown, 'the day gained the steps shown, once');
    assert.equal(await historyRows(), rowsBefore + 1);
    const [newest] = await phoneWalks();
    assert.equal(newest!.fileName, `Walk now, ${shown.toLocaleString('en')} steps`);
    assert.equal(newest!.result.added, newest!.result.samples, 'all of it new the first time');
    await page.close();
  },
);
