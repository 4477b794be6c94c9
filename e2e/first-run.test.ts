/**
 * Browser test: a person's first run on a phone. Welcome (what Footing is and is not), the safety check (every
 * question, grouped, unanswered ones named), today's stage-1 plan with evidence labels, logging a walk, a daily
 * check-in with the body map, and the data page (backup link, an invalid backup shown with its location).
 * axe-core runs on each screen; screenshots go to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../src/core/red-flags.js';
import { screenshot, assertAccessible } from './helpers/browser.js';
import { call } from './helpers/server.js';
import { serverAndPhone } from './helpers/fixture.js';

const ctx = serverAndPhone();

test('first run: welcome, safety check, today, walking log, check-in, data page', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/');

  // Welcome: what it is and is not, and the evidence labels.
  await page.getByRole('heading', { level: 1, name: 'Welcome to Footing' }).waitFor();
  const welcome = await page.locator('main').innerText();
  assert.match(welcome, /does not diagnose/i);
  for (const label of ['well supported', 'some support', 'expert advice', 'an idea, not proven'])
    assert.ok(welcome.includes(label), `welcome explains "${label}"`);
  await assertAccessible(ctx.phone.page, 'welcome');
  await screenshot(page, '01-welcome');

  // Safety check: every question of the core's screen is on the page, grouped by area.
  await page.getByRole('link', { name: 'Start the safety check' }).click();
  await page.getByRole('heading', { level: 1, name: 'Safety check' }).waitFor();
  const groups = page.locator('fieldset.yes-no');
  await groups.first().waitFor(); // the questions come from the API after the heading shows
  assert.equal(await groups.count(), RED_FLAG_QUESTIONS.length + PRECAUTION_QUESTIONS.length);
  for (const h of [
    'Your back',
    'Your neck and head',
    'Your feet and legs',
    'Your health in general',
    'Things that change your plan',
  ]) {
    await page.getByRole('heading', { level: 2, name: h }).waitFor();
  }
  await assertAccessible(ctx.phone.page, 'safety check');
  await screenshot(page, '02-safety-check');

  // Sending with nothing answered names the gap instead of treating silence as "no".
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page
    .getByText(`${RED_FLAG_QUESTIONS.length + PRECAUTION_QUESTIONS.length} questions are not answered yet.`)
    .waitFor();
  assert.equal(
    await page.getByText('Please answer yes or no.').count(),
    RED_FLAG_QUESTIONS.length + PRECAUTION_QUESTIONS.length,
  );

  for (const g of await groups.all()) await g.getByRole('radio', { name: 'No' }).check();
  await page.getByLabel('Year you were born').fill('1962');
  await page.getByRole('button', { name: 'Save my answers' }).click();

  // Today: stage 1 has the walk and the ball roll; the pinky-toe lift only comes at stage 2.
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  const today = page.locator('main');
  await today.getByText('Stage 1 of 5').waitFor();
  await today.getByRole('heading', { name: 'Daily walk' }).waitFor();
  await today.getByRole('heading', { name: 'Ball roll under the sole' }).waitFor();
  assert.equal(await today.getByRole('heading', { name: 'Pinky-toe lift' }).count(), 0);
  await today.getByText('1 min per foot, once today').waitFor(); // BALL_ROLL_MIN_SECONDS_PER_FOOT = 60 at stage 1
  await today.getByText(/Log your walking for 3 days/).waitFor(); // provisional walking basis
  await today.getByRole('link', { name: 'Start today’s session' }).waitFor();
  await screenshot(page, '03-today', { top: true });
  const ballCard = today.locator('article', { has: page.getByRole('heading', { name: 'Ball roll under the sole' }) });
  await ballCard.getByText('Why it matters').click();
  await ballCard.getByText('an idea, not proven').waitFor();
  await ballCard.getByText('well supported').first().waitFor();
  await ballCard.getByText('If it hurts').click();
  await ballCard.getByText(/Press more lightly/).waitFor();
  await assertAccessible(ctx.phone.page, 'today');
  await ballCard.getByText('Why it matters').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, '03b-today-why');

  // Walking log: a bad value is refused next to its field; a good one is stored.
  await page.getByLabel('Minutes').fill('lots');
  await page.getByRole('button', { name: 'Save walking' }).click();
  await page.getByText('Minutes must be a number from 0 to 1440.').waitFor();
  await page.getByLabel('Minutes').fill('25');
  await page.getByLabel('Steps').fill('3200');
  await page.getByRole('button', { name: 'Save walking' }).click();
  await page.getByText(/Saved: 25 min, 3,200 steps/).waitFor();
  const days = await call<{ date: string; steps: number; minutes: number }[]>(
    ctx.server.url,
    'GET',
    '/api/walking/daily',
  );
  assert.equal(days.length, 1);
  assert.equal(days[0]!.steps, 3200);
  assert.equal(days[0]!.minutes, 25);

  // Daily check-in: scores as big buttons, body-map marks each with the strength the person chooses (none is filled
  // in for them), the arms and hands as areas (by keyboard too), a note.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Daily check-in' }).waitFor();
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.getByText(/Give at least one pain score/).waitFor();
  await page.getByRole('group', { name: 'Back pain' }).getByRole('radio', { name: '6' }).check();
  assert.equal(await page.getByText(/Give at least one pain score/).count(), 0, 'the error goes once a score is given');
  await page.getByRole('group', { name: 'Neck pain' }).getByRole('radio', { name: '2' }).check();
  await page.getByRole('group', { name: 'Foot pain' }).getByRole('radio', { name: '3' }).check();
  // Front view: the left forearm by keyboard (Tab to it, Space), and both hands are there to mark.
  for (const area of [
    'Right upper arm (front)',
    'Left upper arm (front)',
    'Right forearm (front)',
    'Left hand (front)',
    'Right hand (front)',
  ]) {
    await page.getByRole('button', { name: area, exact: true }).waitFor();
  }
  await page.getByRole('button', { name: 'Left forearm (front)', exact: true }).focus();
  await page.keyboard.press(' ');
  await page.getByRole('button', { name: 'Left forearm (front), marked, strength not chosen yet' }).waitFor();
  await page.getByRole('button', { name: /^Back/ }).click();
  await page.getByRole('button', { name: 'Lower back (back)', exact: true }).click();
  await page.getByRole('button', { name: 'Left heel (back)', exact: true }).click();
  await page.getByLabel('Left heel (back)', { exact: true }).selectOption('4');
  assert.equal(
    await page.locator('[data-area="back:low-back:centre"] text').textContent(),
    '?',
    'no strength is shown as chosen',
  );
  await page.getByLabel('Note (optional)').fill('Stiff after sitting.');
  // Saving names the first area still without a strength and moves to its choice; nothing is sent.
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page
    .getByText(
      'Choose how strong the pain is in Left forearm (front), from 0 to 10 (2 areas still need it), or remove the area.',
    )
    .waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'pm-front-forearm-left');
  assert.equal((await call<unknown[]>(ctx.server.url, 'GET', '/api/checkins')).length, 0);
  await page.getByLabel('Left forearm (front)', { exact: true }).selectOption('3');
  await page.getByLabel('Lower back (back)', { exact: true }).selectOption('6');
  await assertAccessible(ctx.phone.page, 'check-in');
  await screenshot(page, '05-checkin', { fullPage: true });
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check-in saved' }).waitFor();
  const checkins = await call<
    {
      context: string;
      back: number;
      neck: number;
      foot: number;
      note: string;
      regions: { region: string; side: string; intensity: number; view: string }[];
    }[]
  >(ctx.server.url, 'GET', '/api/checkins');
  assert.equal(checkins.length, 1);
  assert.deepEqual(
    {
      c: checkins[0]!.context,
      b: checkins[0]!.back,
      n: checkins[0]!.neck,
      f: checkins[0]!.foot,
      note: checkins[0]!.note,
    },
    { c: 'daily', b: 6, n: 2, f: 3, note: 'Stiff after sitting.' },
  );
  assert.deepEqual(checkins[0]!.regions, [
    { region: 'forearm', side: 'left', intensity: 3, view: 'front' },
    { region: 'low-back', side: 'centre', intensity: 6, view: 'back' },
    { region: 'heel', side: 'left', intensity: 4, view: 'back' },
  ]);

  // The Chain screen and the pain map show the areas of this check-in, saying where and when they came from.
  const from = `From your daily check-in on ${new Date().toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })}.`;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chain' }).click();
  const hurts = page.getByTestId('latest-pain');
  await hurts.getByText(from).waitFor();
  assert.deepEqual(await hurts.locator('li').allInnerTexts(), [
    'Left forearm (front): 3/10',
    'Lower back (back): 6/10',
    'Left heel (back): 4/10',
  ]);
  await hurts
    .getByText(
      'The arms and hands are not links of the foot-to-neck chain, so the chain below says nothing about pain there.',
      { exact: false },
    )
    .waitFor();
  await page.locator('article[data-link="foot-ankle"]').getByText('Pain you marked here: Left heel 4/10.').waitFor();
  await page.locator('article[data-link="sacrum-spine"]').getByText('Pain you marked here: Lower back 6/10.').waitFor();
  await assertAccessible(ctx.phone.page, 'chain after a check-in');
  await page.getByRole('heading', { name: 'Where it hurts' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await screenshot(page, '05d-chain-pain-from-checkin');
  await page.getByRole('navigation', { name: 'Chain' }).getByRole('link', { name: 'Pain map' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pain map' }).waitFor();
  await page.getByTestId('latest-pain').getByText(from).waitFor();
  assert.equal(await page.getByText('None yet').count(), 0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();

  // Progress on the first day: one check-in and one walk, so each chart's time axis reads today's date, once.
  await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
  const todayLabel = `${new Date().getDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][new Date().getMonth()]}`;
  const painAxis = page.getByTestId('pain-chart').locator('[data-day-labels]');
  await painAxis.locator('canvas').waitFor();
  assert.equal(await painAxis.getAttribute('data-day-labels'), todayLabel);
  assert.equal(
    await page.getByTestId('walking-chart').locator('[data-day-labels]').getAttribute('data-day-labels'),
    todayLabel,
  );
  await page.getByRole('heading', { name: 'Pain over time' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await screenshot(page, '05b-progress-first-day');

  // Data page: the backup link, and an invalid backup named with its location and nothing changed.
  const BROKEN_BACKUP = {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "something-else"}'),
  };
  await page.getByRole('navigation', { name: 'Your data' }).getByRole('link', { name: 'Data' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Download backup' }).getAttribute('href'), '/api/export');
  await page.locator('#import-file').setInputFiles(BROKEN_BACKUP);
  const err = page.locator('#import-err');
  await err.waitFor();
  assert.match(await err.innerText(), /^broken\.json: Backup file at format: .+\. Nothing was changed\.$/s);
  assert.equal((await call<unknown[]>(ctx.server.url, 'GET', '/api/checkins')).length, 1);
  // The person's own backup reads fine and adds nothing new (every record in it is already here).
  const backup = await (await fetch(ctx.server.url + '/api/export')).text();
  await page
    .locator('#import-file')
    .setInputFiles({ name: 'footing-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await page.getByText('Backup read: nothing new, everything in it is already here.').waitFor();
  assert.equal(await err.count(), 0);
  await page.locator('#import-file').setInputFiles(BROKEN_BACKUP);
  await err.waitFor();
  await assertAccessible(ctx.phone.page, 'data');
  await screenshot(page, '08-data', { top: true });
});

test('a first session ended early is "partly done" on every figure: not done today, 0 of 1 days, requirement not yet met', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/');
  await page.getByRole('link', { name: 'Start today’s session' }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'End session now' }).click();
  await page.getByRole('heading', { level: 1, name: 'How do you feel now?' }).waitFor();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByText('Well done. Your session is saved.').waitFor();
  const sessions = await call<{ status: string }[]>(ctx.server.url, 'GET', '/api/sessions');
  assert.deepEqual(
    sessions.map((s) => s.status),
    ['partial'],
  );

  await page.goto(ctx.server.url + '/');
  await page.getByRole('link', { name: 'Start today’s session' }).waitFor(); // not "Do the session again"
  assert.equal(await page.getByText('Today’s session is done.').count(), 0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
  // The program began today: 1 session prescribed, none done in full, one partly done.
  assert.equal(await page.getByTestId('sessions-done').innerText(), '0 sessions done, 1 partly done.');
  assert.equal(await page.getByTestId('week-adherence').innerText(), 'This week: a full session on 0 of 1 day (0%).');
  const req = page.locator('.requirements li', { hasText: 'Sessions done on at least 80% of days this week' });
  assert.equal(await req.locator('.req-status').innerText(), '○ Not yet');
  await req.getByText('0 of 1 day with a full session').waitFor();
  await page.getByText('A session counts as done when every exercise in it was done.', { exact: false }).waitFor();
  await assertAccessible(page, 'progress after a partly done session');
  await page.getByRole('heading', { name: 'Sessions' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await screenshot(page, '05c-progress-partly-done');
});
