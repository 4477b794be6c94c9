/**
 * Browser test: a "yes" to a red flag on the safety check stops the program. The stop screen says why in plain
 * words, what care to get and how soon, that the answer was kept, and shows no plan; the stop holds after a reload
 * and on every plan screen; restarting needs the person to tick that a clinician has checked them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RED_FLAG_QUESTIONS, URGENCY_ADVICE } from '../src/core/red-flags.js';
import { describeViolations, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { call } from './helpers/server.js';
import { serverAndPhone } from './helpers/fixture.js';

const ctx = serverAndPhone();

const BLADDER = RED_FLAG_QUESTIONS.find((q) => q.id === 'ce-bladder')!;

async function answerAll(yesText: string | null) {
  const { page } = ctx.phone;
  await page.locator('fieldset.yes-no').first().waitFor(); // loaded from the API after the heading shows
  for (const g of await page.locator('fieldset.yes-no').all()) {
    const legend = await g.locator('legend').innerText();
    await g.getByRole('radio', { name: legend === yesText ? 'Yes' : 'No' }).check();
  }
  await page.getByRole('button', { name: 'Save my answers' }).click();
}

test('a red flag stops the program with plain advice, and restarting needs a clinician', async () => {
  const { page } = ctx.phone;
  await page.goto(ctx.server.url + '/screen');
  await page.getByRole('heading', { level: 1, name: 'Safety check' }).waitFor();
  await answerAll(BLADDER.text);

  await page.getByRole('heading', { level: 1, name: 'Please get checked before you start' }).waitFor();
  const main = page.locator('main');
  // The cauda-equina question is an emergency (DOMAIN.md §6): the most urgent advice, word for word from the core.
  await main.getByRole('heading', { name: 'Get emergency care now' }).waitFor();
  await main.getByText(URGENCY_ADVICE.emergency).waitFor();
  await main.getByText(BLADDER.concern).waitFor();
  await main.getByText('not a diagnosis', { exact: false }).waitFor();
  await main.getByText(/Your answers were saved on/).waitFor();
  // No plan anywhere: no session, no exercises, no navigation into the program.
  const text = await main.innerText();
  for (const absent of ['Start today’s session', 'Ball roll', 'Daily walk', 'Pinky-toe']) assert.ok(!text.includes(absent), `stop screen must not show "${absent}"`);
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
  const v = await seriousA11yViolations(page);
  assert.equal(v.length, 0, describeViolations(v));
  await screenshot(page, '04-stop');

  // The stop is stored, not just shown: after a reload, and on the session URL, the stop screen is still there.
  await page.goto(ctx.server.url + '/session');
  await page.getByRole('heading', { level: 1, name: 'Please get checked before you start' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Start' }).count(), 0);
  const today = await call<{ plan: { status: string } }>(ctx.server.url, 'GET', '/api/today');
  assert.equal(today.plan.status, 'stopped');

  // Restart only after ticking that a clinician has checked them: the questions' own URL shows the stop screen too.
  await page.goto(ctx.server.url + '/screen');
  await page.getByRole('heading', { level: 1, name: 'Please get checked before you start' }).waitFor();
  assert.equal(await page.locator('fieldset.yes-no').count(), 0);
  const restart = page.getByRole('button', { name: 'Answer the safety check again' });
  assert.equal(await restart.isDisabled(), true);
  await page.getByRole('checkbox', { name: /A doctor or physiotherapist has checked me/ }).check();
  assert.equal(await restart.isDisabled(), false);
  await restart.click();
  await page.getByText('You said a clinician has checked you.').waitFor();
  await answerAll(null);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.getByText('Stage 1 of 5').waitFor();

  const progress = await call<{ events: { action: string }[] }>(ctx.server.url, 'GET', '/api/progress');
  assert.deepEqual(progress.events.map((e) => e.action), ['stop', 'resume']);
});
