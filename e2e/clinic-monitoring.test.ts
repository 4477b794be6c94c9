/**
 * Browser test of the remote-monitoring figures on the clinician's screens (issue 15). Two patients a month into the
 * program (seeded through the store as the app writes: the safety check 30 days ago, sessions on the last 7 days, a
 * check-in today), so today is day 1 of their second 30-day period, with 1 day of data. The clinician logs 25
 * minutes for Patient 01 through the API; the patient list's line reads the period's days against the 16 and the
 * minutes; Patient 01's page lists both periods (the first: sessions on its last 6 days, 6 of 30, under 16).
 * axe runs on both; screenshots at phone width go to docs/screenshots/7m and 7n. Then the clinician corrects their
 * entry to 30 minutes and removes it, and the period's minutes follow.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays } from '../src/core/dates.js';
import { localDate } from '../web/src/lib/local-time.js';
import { assertAccessible, screenshot } from './helpers/browser.js';
import { clinicServerAndPhones, withClinic } from './helpers/clinic.js';
import { seedClinicPatients } from './helpers/clinic-patients.js';
import { startServer } from './helpers/server.js';

const CLINIC = 'Feet First Physio';
const CLINICIAN = { email: 'dr.lee@feetfirst.example', name: 'Dr Lee', password: 'lee-secret-password' };
const ctx = clinicServerAndPhones(() => startServer(withClinic(CLINIC, CLINICIAN)));

/** "5 Jan 2027" for 2027-01-05, written out here rather than by the app's own formatter. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const inWords = (date: string) =>
  `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

test("the patient list shows each patient's monitoring period: days with data against 16 and the minutes logged", async () => {
  const c = ctx.clinician.page;
  const today = localDate();
  await seedClinicPatients(ctx.server.store, CLINICIAN.email, today, 2);
  await c.goto(ctx.server.url + '/');
  const r = await c.evaluate(
    async ([email, password]) => {
      const res = await fetch('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const list = (await (await fetch('/api/patients')).json()) as {
        patients: { personId: string; displayName: string }[];
      };
      const p1 = list.patients.find((p) => p.displayName === 'Patient 01')!;
      const logged = await fetch(`/api/patients/${p1.personId}/monitoring-minutes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ date: new Date().toLocaleDateString('en-CA'), minutes: 25, note: 'Reviewed the week' }),
      });
      return logged.status;
    },
    [CLINICIAN.email, CLINICIAN.password] as const,
  );
  assert.equal(r, 201);

  await c.reload();
  // The list is the first screen after the reload; a shared, busy machine can take a while to serve it.
  await c.getByRole('heading', { level: 1, name: 'Your patients' }).waitFor({ timeout: 30_000 });
  const line = (name: string) => c.locator('li.patient-line', { has: c.getByRole('heading', { name }) });
  const needed = `15 more needed by ${inWords(addDays(today, 29))}`;
  await line('Patient 01').getByTestId('monitoring').waitFor();
  assert.equal(
    await line('Patient 01').getByTestId('monitoring').innerText(),
    `1 of 1 day so far with data; ${needed}; 25 min logged`,
  );
  assert.equal(
    await line('Patient 02').getByTestId('monitoring').innerText(),
    `1 of 1 day so far with data; ${needed}; 0 min logged`,
  );
  await assertAccessible(c, 'patient list with monitoring');
  await line('Patient 01').getByTestId('monitoring').scrollIntoViewIfNeeded();
  await screenshot(c, '7m-patient-list-monitoring');

  await line('Patient 01').getByRole('link', { name: 'Patient 01' }).click();
  const rows = c.getByTestId('monitoring-periods').locator('tbody tr');
  await rows.first().waitFor();
  assert.deepEqual(await rows.allInnerTexts(), [
    `${inWords(today)} to ${inWords(addDays(today, 29))}\t1 of 1 day so far with data; ${needed}\t25`,
    `${inWords(addDays(today, -30))} to ${inWords(addDays(today, -1))}\t6 of 30 days with data: under 16\t0`,
  ]);
  await assertAccessible(c, 'patient page with monitoring');
  await c.getByRole('heading', { name: 'Remote monitoring' }).scrollIntoViewIfNeeded();
  await screenshot(c, '7n-patient-monitoring');

  // The clinician corrects their entry (25 → 30 min), then removes it: the period's minutes follow each time.
  const entries = c.getByTestId('monitoring-entries').locator('.monitoring-entry');
  assert.deepEqual(await entries.allInnerTexts(), [`${inWords(today)}: 25 min, Reviewed the week (you)`]);
  await c.getByRole('button', { name: `Edit 25 min on ${inWords(today)}` }).click();
  assert.equal(await c.getByLabel('Minutes (1 to 240)').inputValue(), '25');
  await c.getByLabel('Minutes (1 to 240)').fill('30');
  await c.getByRole('button', { name: 'Save changes' }).click();
  await c
    .getByRole('status')
    .filter({ hasText: `30 min on ${inWords(today)} saved.` })
    .waitFor();
  assert.equal((await rows.first().innerText()).split('\t')[2], '30');
  assert.deepEqual(await entries.allInnerTexts(), [`${inWords(today)}: 30 min, Reviewed the week (you)`]);
  await assertAccessible(c, 'patient page, minutes corrected');
  await c.getByRole('button', { name: `Remove 30 min on ${inWords(today)}` }).click();
  await c
    .getByRole('status')
    .filter({ hasText: `30 min on ${inWords(today)} removed.` })
    .waitFor();
  assert.equal((await rows.first().innerText()).split('\t')[2], '0');
  assert.equal(await c.getByTestId('monitoring-entries').count(), 0);
});
