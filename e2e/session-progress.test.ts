/// <reference lib="dom" />
/**
 * Browser test: a person nine days in. Today they move to stage 2 (the pinky-toe lift appears), do the full
 * guided session with the timer sped up (`?fast=50`, see web/src/session/speed.ts), pause it and check the time
 * stands still, resume, finish and save; then do a session offline that is queued and sent once back online
 * (stored once); then see their progress: the pain chart (uPlot canvas, one point per check-in, the MCID band),
 * walking per day, sessions, the stage requirements and the history of program changes with reasons.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NPRS_MCID_POINTS, TOE_DRILL_REPS_MIN, TOE_DRILL_SETS_MIN } from '../src/core/clinical-constants.js';
import { screenshot, assertAccessible } from './helpers/browser.js';
import { seedNineDays, type Seeded } from './helpers/seed.js';
import { call } from './helpers/server.js';
import { localDate } from '../web/src/lib/local-time.js';
import { serverAndPhone } from './helpers/fixture.js';

let seeded: Seeded;
const ctx = serverAndPhone(async (server) => {
  seeded = await seedNineDays(server.url);
});

interface StoredSession {
  date: string;
  status: string;
  clientId: string;
  items: { exercise: string; completed: boolean; setsDone: number; repsDone: number; secondsDone: number }[];
}

test('stage 2 today: a full guided session with pause and resume, saved', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/?fast=50');
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.getByText('Stage 2 of 5').waitFor();
  await page.getByText('You moved up a stage today. Well done.').waitFor();
  await page.getByRole('heading', { name: 'Pinky-toe lift' }).waitFor();
  await page.getByText(`${TOE_DRILL_SETS_MIN} sets of ${TOE_DRILL_REPS_MIN}, hold 5 s`).waitFor();

  await page.getByRole('link', { name: 'Start today’s session' }).click();
  await page.getByRole('heading', { level: 1, name: 'Before you start' }).waitFor();
  await page.getByRole('group', { name: 'Back pain' }).getByRole('radio', { name: '3' }).check();
  await page.getByRole('group', { name: 'Foot pain' }).getByRole('radio', { name: '2' }).check();
  await assertAccessible(ctx.phone.page, 'session: before');
  await page.getByRole('button', { name: 'Start', exact: true }).click();

  // The ball roll: 2 min per foot at stage 2 (120 simulated seconds = 2.4 s at 50x).
  const timer = page.getByTestId('timer');
  await page.getByText('Left foot', { exact: true }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=timer]')?.textContent !== '2:00');
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByText('Paused: Left foot', { exact: true }).waitFor();
  const frozen = await timer.innerText();
  await page.waitForTimeout(800); // 40 simulated seconds if the clock were running
  assert.equal(await timer.innerText(), frozen, 'a paused timer does not move');
  await assertAccessible(ctx.phone.page, 'session: running (paused)');
  await screenshot(page, '06-session-paused');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.waitForFunction((f) => document.querySelector('[data-testid=timer]')?.textContent !== f, frozen, {
    timeout: 3000,
  });

  // The pinky-toe lift: holds with a rep counter, sets, and a rest between sets.
  await page.getByTestId('rep-counter').waitFor({ timeout: 15_000 });
  await screenshot(page, '07-session-hold');
  await page.getByText('Rest', { exact: true }).waitFor({ timeout: 15_000 });
  await page.getByRole('heading', { level: 1, name: 'How do you feel now?' }).waitFor({ timeout: 20_000 });
  await page.getByText(`(${TOE_DRILL_SETS_MIN * TOE_DRILL_REPS_MIN} holds)`).waitFor();
  await page.getByRole('group', { name: 'Back pain' }).getByRole('radio', { name: '2' }).check();
  await page.getByRole('group', { name: 'Foot pain' }).getByRole('radio', { name: '2' }).check();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByText('Well done. Your session is saved.').waitFor();

  const sessions = await call<StoredSession[]>(ctx.server.url, 'GET', `/api/sessions?from=${seeded.today}`);
  assert.equal(sessions.length, 1);
  const s = sessions[0]!;
  assert.equal(s.status, 'completed');
  assert.deepEqual(
    s.items.map((i) => [i.exercise, i.completed, i.setsDone, i.repsDone, i.secondsDone]),
    [
      ['ball-roll', true, 1, 0, 240], // 2 x 120 s
      [
        'pinky-toe-lift',
        true,
        TOE_DRILL_SETS_MIN,
        TOE_DRILL_SETS_MIN * TOE_DRILL_REPS_MIN,
        TOE_DRILL_SETS_MIN * TOE_DRILL_REPS_MIN * 5,
      ],
    ],
  );
  const todays = await call<{ context: string; back: number | null; foot: number | null }[]>(
    ctx.server.url,
    'GET',
    `/api/checkins?from=${seeded.today}`,
  );
  assert.deepEqual(
    todays.map((c) => [c.context, c.back, c.foot]),
    [
      ['before', 3, 2],
      ['after', 2, 2],
    ],
  );
});

test('offline: the app opens from the service worker cache; a session finished offline is queued, then sent once when back online', async () => {
  const { page, context } = ctx.phone;
  await page.goto(ctx.server.url + '/');
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.getByText('Today’s session is done.').waitFor();
  // The service worker has cached the app shell and today's plan: offline, the app still opens on a reload.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.getByText('Stage 2 of 5').waitFor();
  await page.getByRole('link', { name: 'Do the session again' }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Skip this exercise' }).click();
  await page.getByRole('button', { name: 'Skip this exercise' }).click();
  await page.getByRole('heading', { level: 1, name: 'How do you feel now?' }).waitFor();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByText(/Footing could not be reached\. The session is saved on this phone/).waitFor();
  assert.equal((await call<StoredSession[]>(ctx.server.url, 'GET', `/api/sessions?from=${seeded.today}`)).length, 1);

  await context.setOffline(false); // the app listens for 'online' and sends the queue
  // The outbox (IndexedDB) is empty once the server has the session.
  const waiting = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('footing-outbox');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('entries').objectStore('entries').count();
            all.onsuccess = () => {
              resolve(all.result);
              open.result.close();
            };
          };
        }),
    );
  for (let i = 0; i < 100 && (await waiting()) > 0; i++) await page.waitForTimeout(50);
  assert.equal(await waiting(), 0, 'the outbox is empty');
  const sessions = await call<StoredSession[]>(ctx.server.url, 'GET', `/api/sessions?from=${seeded.today}`);
  assert.equal(sessions.length, 2);
  assert.equal(sessions[1]!.status, 'partial');
  // Replaying the same clientId (a retry after a lost answer) stores nothing new.
  await call(ctx.server.url, 'POST', '/api/sessions', {
    clientId: sessions[1]!.clientId,
    startedAt: '2026-01-01T10:00:00+00:00',
    completedAt: '2026-01-01T10:05:00+00:00',
    items: sessions[1]!.items.map((i) => ({ ...i, position: 'sitting' })),
  });
  assert.equal((await call<StoredSession[]>(ctx.server.url, 'GET', `/api/sessions?from=${seeded.today}`)).length, 2);
});

test('progress: pain chart with the MCID band, walking, sessions, stage requirements, history', async () => {
  const { page } = ctx.phone;
  await page.getByRole('link', { name: 'Back to today' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();

  const all = await call<{ context: string }[]>(ctx.server.url, 'GET', '/api/checkins');
  assert.equal(all.length, seeded.checkins + 2); // plus today's before and after
  const daily = all.filter((c) => c.context === 'daily'); // the chart's lines: one point per daily check-in
  assert.equal(daily.length, seeded.dailyCheckins);
  const chart = page.getByTestId('pain-chart');
  await chart.locator('canvas').waitFor();
  assert.equal(await chart.getAttribute('data-points'), String(daily.length));
  await chart.getByText('Show the numbers').click();
  assert.equal(await chart.locator('details tbody tr').count(), daily.length);
  await chart.getByText(new RegExp(`plus or minus ${NPRS_MCID_POINTS} points`)).waitFor();
  // uPlot drew the lines: the canvas has non-background pixels in the plot's colours.
  const drawn = await chart.locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let blue = 0;
    for (let i = 0; i < d.length; i += 4)
      if (d[i]! < 60 && d[i + 1]! > 70 && d[i + 1]! < 120 && d[i + 2]! > 160) blue++;
    return blue;
  });
  assert.ok(drawn > 50, `the back-pain line is drawn (${drawn} blue pixels)`);

  await page.getByTestId('walking-chart').locator('canvas').waitFor();
  assert.equal(await page.getByTestId('walking-chart').getAttribute('data-points'), String(seeded.walkingDays));
  assert.match(
    await page.getByTestId('sessions-done').innerText(),
    new RegExp(`^${seeded.sessions + 1} sessions done, 1 partly done\\.$`),
  );
  await page.getByText('Stage 2 of 5: Wake up the toes', { exact: false }).waitFor();
  await page
    .locator('.requirements li.unmet', { hasText: 'At least 7 days at this stage' })
    .getByText('0 of 7 days so far')
    .waitFor();
  const history = page.locator('.events > li');
  assert.equal(await history.count(), 2);
  await history
    .first()
    .getByText(/Moved up a stage/)
    .waitFor();
  await history
    .first()
    .getByText(/stage 1 → 2/)
    .waitFor();
  await history
    .first()
    .getByText('You did your sessions and your pain stayed within the rules for a week, so the next stage starts.')
    .waitFor();
  await history
    .nth(1)
    .getByText(/Program started/)
    .waitFor();
  await assertAccessible(ctx.phone.page, 'progress');
  await screenshot(page, '09-progress', { top: true });
  await page.getByRole('heading', { name: 'Pain over time' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await screenshot(page, '10-progress-charts');
});

test('pain above the limit after a session: the end says what to do instead of "Well done", and the plan reacts the same day', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/?fast=50');
  await page.getByRole('link', { name: /today’s session|session again/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Before you start' }).waitFor();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const done = page.getByRole('heading', { level: 1, name: 'How do you feel now?' });
  while (!(await done.isVisible())) {
    await page.getByRole('button', { name: 'Skip this exercise' }).or(done).first().waitFor();
    if (await done.isVisible()) break;
    await page.getByRole('button', { name: 'Skip this exercise' }).click();
  }
  // 7/10 is above the 5/10 limit after a session (DOMAIN.md §8 [46], src/core/clinical-constants.ts).
  await page.getByRole('group', { name: 'Back pain' }).getByRole('radio', { name: '7', exact: true }).check();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ease off for today' }).waitFor();
  const feedback = page.getByTestId('session-feedback');
  assert.equal(await feedback.getAttribute('data-band'), 'high');
  assert.ok(!(await feedback.innerText()).includes('Well done'), 'no "Well done" after pain above the limit');
  // The same day's review, from the server. The plan stepped up this morning (the first test); the step back gives
  // its own reason, not the morning's reasons for stepping up.
  const review = page.getByTestId('session-review');
  await review.waitFor();
  assert.match(await review.innerText(), /steps back a stage from tomorrow/);
  assert.deepEqual(await review.getByRole('listitem').allInnerTexts(), [
    `Pain during or after a session went above 5/10 (${localDate()}). The pain-monitoring model says to reduce the load.`,
  ]);
  await assertAccessible(page, 'session: pain above the limit');
  await screenshot(page, '07b-session-pain-high', { top: true });
});
