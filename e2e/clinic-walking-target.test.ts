/**
 * Browser test of the clinician's walking cap (issue 17). A patient accepted the clinician's invitation nine days
 * ago and walked 5,000 steps a day in their first program week with pain within the rules (seeded through the API
 * as the app sends it), so their own target is 5,000 x 1.1 = 5,500 steps (about 55 min). The clinician caps it at
 * 4,000 steps with a reason (first trying without one); the patient reads on Today 4,000 steps (about 4,000 x 55 /
 * 5,500 = 40 min), who capped it, when, and why; the clinician removes the cap and the patient's own 5,500 steps
 * are back. A file the patient imported on their Walk page is listed on the clinician's patient page with what it
 * stored. axe runs on both screens; screenshots go to docs/screenshots/7k and 7l.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, dayMonth } from '../src/core/dates.js';
import { localDate, shortDate } from '../web/src/lib/local-time.js';
import { allNo } from './helpers/answers.js';
import { assertAccessible, inPage, screenshot } from './helpers/browser.js';
import { clinicServerAndPhones, withClinic } from './helpers/clinic.js';
import { localAt } from './helpers/seed.js';
import { startServer } from './helpers/server.js';

const CLINIC = 'Feet First Physio';
const CLINICIAN = { email: 'dr.kim@feetfirst.example', name: 'Dr Kim', password: 'kim-secret-password' };
const PATIENT = { email: 'wren@example.org', name: 'Wren Walker', password: 'wren-secret-password' };
const REASON = 'Your knee was sore after the longer walks. Keep to this for a week; we look again at your next visit.';

const ctx = clinicServerAndPhones(() => startServer(withClinic(CLINIC, CLINICIAN)));

test('a clinician caps the walking target with a reason; the patient reads the capped figure, who and why; removing it gives their own back', async () => {
  const c = ctx.clinician.page;
  const p = ctx.patient.page;
  const server = ctx.server;
  const today = localDate();
  const start = addDays(today, -9);

  // The clinician signs in and makes an invitation; the patient signs up with it (both in their own browsers).
  await c.goto(server.url + '/');
  const kim = await inPage<{ csrfToken: string }>(
    c,
    'POST',
    '/api/auth/sign-in',
    { email: CLINICIAN.email, password: CLINICIAN.password },
    null,
  );
  const invite = await inPage<{ token: string }>(c, 'POST', '/api/invitations', { label: 'W.W.' }, kim.csrfToken);
  await p.goto(server.url + '/');
  const wren = await inPage<{ csrfToken: string }>(
    p,
    'POST',
    `/api/invitations/${invite.token}/sign-up`,
    { email: PATIENT.email, password: PATIENT.password, displayName: PATIENT.name },
    null,
  );

  // Nine days ago the safety check; then the first program week (days 0-6) at 5,000 steps a day with a morning
  // check-in of back pain 3 each day (its own baseline, so the week is within the rules).
  await inPage(p, 'POST', `/api/screen?date=${start}`, { answers: allNo(), birthYear: 1970 }, wren.csrfToken);
  for (let i = 0; i < 7; i++) {
    const day = addDays(start, i);
    await inPage(p, 'PUT', '/api/walking/manual', { date: day, steps: 5000 }, wren.csrfToken);
    await inPage(
      p,
      'POST',
      '/api/checkins',
      { at: localAt(day, 8), context: 'daily', back: 3, regions: [] },
      wren.csrfToken,
    );
  }

  // The patient's own target first: 5,000 x 1.1 = 5,500 steps, about 55 min at 100 steps a minute.
  await p.goto(server.url + '/');
  await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  const walkCard = p.locator('article.plan-item', { has: p.getByRole('heading', { name: 'Daily walk' }) });
  await walkCard.getByText('5,500 steps (about 55 min) today', { exact: true }).waitFor();
  assert.match(
    await walkCard.locator('.basis').innerText(),
    new RegExp(
      `^Your average was 5,000 steps a day over the 7 days from ${dayMonth(start)} to ${dayMonth(addDays(start, 6))}; your pain stayed within the rules that week, so your target is 10% higher\\.$`,
    ),
  );

  // The patient brings in a file on their Walk page (one day's steps from another system, long before the program,
  // so their target is unchanged).
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Walk' }).click();
  const steps = {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '41950-7' }] },
    effectiveDateTime: '2025-01-15',
    valueQuantity: { value: 3456, unit: 'steps/day', system: 'http://unitsofmeasure.org', code: '/d' },
  };
  await p.locator('#walking-file').setInputFiles({
    name: 'steps.ndjson',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(`${JSON.stringify(steps)}\n`),
  });
  await p
    .getByTestId('import-result')
    .getByRole('heading', { name: 'steps.ndjson: imported' })
    .waitFor({ timeout: 20_000 });
  await p.goto(server.url + '/');

  // The clinician opens the patient: the file is in the patient's import history there, with what it stored.
  await c.goto(server.url + '/');
  await c.getByRole('heading', { level: 1, name: 'Your patients' }).waitFor();
  await c.getByRole('link', { name: PATIENT.name }).click();
  await c.getByRole('heading', { level: 1, name: PATIENT.name }).waitFor();
  const files = c.getByTestId('import-history');
  await files.getByRole('heading', { name: 'Files the patient imported' }).waitFor();
  assert.deepEqual(
    await files
      .getByTestId('past-import')
      .evaluateAll((els) =>
        els.map((el) => [el.querySelector('strong')?.textContent, el.querySelector('.past-outcome')?.textContent]),
      ),
    [['steps.ndjson', '1 new walking measurement added.']],
  );
  // Then caps the target at 4,000 steps, first without a reason.
  const form = c.locator('form', { has: c.getByRole('heading', { name: 'Walking target' }) });
  await form.getByText('From the patient’s own recent days: 5,500 steps a day.').waitFor();
  await form.getByText('No target or cap set by a clinician', { exact: false }).waitFor();
  await form.getByRole('radio', { name: 'Cap the target' }).check();
  await form.getByLabel('Count in').selectOption('steps');
  await form.getByLabel('Steps a day (100 to 30,000)').fill('4000');
  await form.getByRole('button', { name: 'Save the walking target' }).click();
  await form.getByText('Reason: say why, in words the patient will read.').waitFor();
  await form.getByLabel('Reason (the patient reads this on Today)').fill(REASON);
  await form.getByRole('button', { name: 'Save the walking target' }).click();
  await form.getByText('Saved. The patient’s walking target today: 4,000 steps a day.').waitFor();
  await form
    .getByTestId('walking-setting')
    .getByText(`Cap: 4,000 steps a day, set by ${CLINICIAN.name} on ${dayMonth(today)}.`)
    .waitFor();
  await c.getByText('Daily walk: 4,000 steps (about 40 min) today (capped by your clinician)').waitFor();
  // The cap is in the program history with its reason, in words and a readable date (no stored value, no ISO date).
  const capText = `${CLINICIAN.name} capped your walking target at 4,000 steps a day: ${REASON}`;
  const historyItem = c.locator('ol.events > li', { hasText: capText });
  await historyItem.waitFor();
  assert.equal((await historyItem.locator('strong').first().innerText()).trim(), 'Held at this stage');
  assert.match(await historyItem.innerText(), new RegExp(`· ${shortDate(today)} · by a clinician`));
  // The check-ins table: dates in words, and no "0 more scores" line (all seven were morning check-ins).
  const checkinDates = await c.locator('table.data-table').first().locator('tbody td:first-child').allInnerTexts();
  assert.deepEqual(
    checkinDates,
    Array.from({ length: 7 }, (_, i) => shortDate(addDays(start, 6 - i))),
  );
  assert.equal(await c.getByText('more score', { exact: false }).count(), 0);
  await assertAccessible(c, 'patient page with the walking cap');
  await form.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(c, '7k-walking-cap-set');

  // The patient reads the capped figure on Today, who capped it and when, and the reason in the clinician's words.
  await p.reload();
  await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await walkCard.getByText('4,000 steps (about 40 min) today (capped by your clinician)', { exact: true }).waitFor();
  const note = walkCard.getByTestId('walking-clinician');
  assert.equal(
    await note.locator('p').first().innerText(),
    `${CLINICIAN.name} capped your walking target at 4,000 steps a day on ${dayMonth(today)}. From your own recent days it would be 5,500 steps.`,
  );
  assert.equal(await note.locator('.clinician-reason').innerText(), `${CLINICIAN.name}’s reason: ${REASON}`);
  assert.match(
    await walkCard.locator('.basis').innerText(),
    /^Your average was 5,000 steps a day over the 7 days from /,
  );
  const stored = await inPage<{ walking: { steps: number; minutes: number } }>(
    p,
    'GET',
    `/api/today?date=${today}`,
    null,
    null,
  );
  assert.deepEqual([stored.walking.steps, stored.walking.minutes], [4000, 40]);
  await assertAccessible(p, 'today with the walking cap');
  // The patient's Progress history has the same entry.
  await p.goto(server.url + '/progress');
  await p.locator('ol.events > li', { hasText: capText }).waitFor();
  await p.goto(server.url + '/');
  await walkCard.waitFor();
  await walkCard.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(p, '7l-today-walking-capped');

  // The clinician removes the cap; the patient's own target is back, with no clinician's note.
  await form.getByRole('button', { name: 'Remove the cap' }).click();
  await form
    .getByText('Removed. The patient’s walking target comes from their own recent days again: 5,500 steps a day.')
    .waitFor();
  await form.getByText('No target or cap set by a clinician', { exact: false }).waitFor();
  await p.reload();
  await walkCard.getByText('5,500 steps (about 55 min) today', { exact: true }).waitFor();
  assert.equal(await walkCard.getByTestId('walking-clinician').count(), 0);
  await c
    .locator('ol.events > li', {
      hasText: `${CLINICIAN.name} removed the cap on your walking target set on ${dayMonth(today)}`,
    })
    .waitFor();

  // The References page opens from the clinician's workspace, and a citation there lands on its entry.
  await c.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'References' }).click();
  await c.getByRole('heading', { level: 1, name: 'References' }).waitFor();
  assert.equal(new URL(c.url()).pathname, '/references');
});
