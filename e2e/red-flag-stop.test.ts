/**
 * Browser test: a "yes" to a red flag on the safety check stops the program. The stop screen says why in plain
 * words, what care to get and how soon, that the answer was kept, and shows no plan; the answers open as a readable,
 * printable page (also in Spanish on a Spanish phone); the stop holds after a reload and on every plan screen; restarting needs the person to tick that
 * a clinician has checked them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS, URGENCY_ADVICE } from '../src/core/red-flags.js';
import {
  assertAccessible,
  describeViolations,
  launchPhone,
  screenshot,
  seriousA11yViolations,
} from './helpers/browser.js';
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
  for (const absent of ['Start today’s session', 'Ball roll', 'Daily walk', 'Pinky-toe'])
    assert.ok(!text.includes(absent), `stop screen must not show "${absent}"`);
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
  const v = await seriousA11yViolations(page);
  assert.equal(v.length, 0, describeViolations(v));
  await screenshot(page, '04-stop');

  // "My answers" is a readable page to print or show (issue 17: it was the raw backup JSON): the date, whom to see
  // and how soon, what a "yes" may point to, and each question in words with its answer.
  await page.getByRole('link', { name: 'See and print my answers' }).click();
  await page.getByRole('heading', { level: 1, name: 'My safety check answers' }).waitFor();
  const stored = await call<{ screen: { takenAt: string } }>(ctx.server.url, 'GET', '/api/today');
  const when = new Date(stored.screen.takenAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });
  assert.equal(
    await page.getByTestId('answered-on').innerText(),
    `Answered on ${when} in Footing, a foot exercise app for back and neck pain.`,
  );
  await main.getByRole('heading', { name: 'Whom to see, and how soon: Get emergency care now' }).waitFor();
  await main.getByText(URGENCY_ADVICE.emergency).waitFor();
  const bladder = main.locator('.answers-list li', { hasText: BLADDER.text });
  assert.equal(await bladder.locator('.answer').innerText(), 'Yes');
  await bladder.getByText(`May point to ${BLADDER.concern}. For this answer: get emergency care now.`).waitFor();
  const noAnswers = await main.locator('.answers-list .answer', { hasText: /^No$/ }).count();
  assert.equal(
    noAnswers,
    RED_FLAG_QUESTIONS.length + PRECAUTION_QUESTIONS.length - 1,
    'every other question, answered "No"',
  );
  await main.getByText('not a diagnosis', { exact: false }).waitFor();
  const answersText = await main.innerText();
  assert.ok(!/[{}"]|ce-bladder|same_day|true|false/.test(answersText), 'no JSON or stored values on the page');
  assert.equal(
    await main.getByRole('link', { name: 'download the backup file (JSON)' }).getAttribute('href'),
    '/api/export',
  );
  await assertAccessible(page, 'my answers');
  await screenshot(page, '04b-stop-answers', { top: true });
  await bladder.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, '04c-stop-answers-list');
  // On paper: the page alone, without the app's header, navigation or buttons.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.top').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false);
  assert.equal(await page.getByRole('heading', { level: 1, name: 'My safety check answers' }).isVisible(), true);
  await page.emulateMedia({ media: 'screen' });

  // The same answers on a phone set to Spanish: each question, what a "yes" may point to, and whom to see and how
  // soon, in Spanish (the questions and concerns were English on this page before). The Spanish is written out here.
  const es = await launchPhone({ locale: 'es-ES' });
  try {
    await es.page.goto(ctx.server.url + '/my-answers');
    const esMain = es.page.locator('main');
    await esMain.getByRole('heading', { level: 1, name: 'Mis respuestas del control de seguridad' }).waitFor();
    await esMain
      .getByRole('heading', { name: 'A quién ver y con qué urgencia: Busca atención de urgencia ahora' })
      .waitFor();
    await esMain.getByRole('heading', { name: 'Tu espalda' }).waitFor();
    const bladderEs = esMain.locator('.answers-list li', {
      hasText:
        'Desde que empezó tu dolor de espalda, ¿has tenido nuevos problemas para orinar, o se te ha escapado la orina sin querer?',
    });
    assert.equal(await bladderEs.locator('.answer').innerText(), 'Sí');
    await bladderEs
      .getByText(
        'Puede indicar presión sobre los nervios de la parte baja de la columna. Para esta respuesta: busca atención de urgencia ahora.',
      )
      .waitFor();
    const esText = await esMain.innerText();
    const english = [...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS]
      .filter((q) => esText.includes(q.text))
      .map((q) => q.id);
    assert.deepEqual(english, [], 'no question in English on the Spanish page');
    assert.ok(!esText.includes(BLADDER.concern), 'the concern in Spanish');
    await assertAccessible(es.page, 'my answers in Spanish');
    await bladderEs.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(es.page, '04d-es-stop-answers-list');
  } finally {
    await es.close();
  }
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Please get checked before you start' }).waitFor();

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
  assert.deepEqual(
    progress.events.map((e) => e.action),
    ['stop', 'resume'],
  );
});
