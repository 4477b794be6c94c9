/**
 * The clinic admin (browser): signs in, sees the clinic's clinicians, adds one (a located error first), removes
 * one (signed out at once), and sees no patient data.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { describeViolations, launchPhone, screenshot, seriousA11yViolations, type Phone } from './helpers/browser.js';
import { startServer, type TestServer } from './helpers/server.js';

const CLINIC = 'Feet First Physio';
const ADMIN = { email: 'admin@feetfirst.example', name: 'Sam Admin', password: 'admin-secret-password' };

let server: TestServer;
let url: string;
let phone: Phone;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'footing-admin-e2e-'));
  const pw = join(dir, 'pw.txt');
  writeFileSync(pw, ADMIN.password);
  try {
    server = await startServer({
      auth: { passwordCost: 1024 },
      prepare: async (db) => {
        await db.cli(['clinic', 'create', CLINIC]);
        await db.cli(['user', 'add', '--role', 'admin', '--clinic', CLINIC, '--email', ADMIN.email, '--name', ADMIN.name, '--password-file', pw]);
      },
    });
  } finally { rmSync(dir, { recursive: true, force: true }); }
  url = server.url;
  phone = await launchPhone();
});

after(async () => { await phone?.close(); await server?.close(); });

test('a clinic admin adds and removes clinicians and sees no health data', async () => {
  const { page } = phone;
  await page.goto(url + '/');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your patients' }).waitFor();
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Clinic' }).click();
  await page.getByRole('heading', { level: 1, name: CLINIC }).waitFor();
  await page.getByText('You do not see patients’ health data', { exact: false }).waitFor();

  // A too-short password is refused next to its field; then the clinician is added.
  await page.getByLabel('Name').fill('Dr Lee');
  await page.getByLabel('Email').fill('dr.lee@feetfirst.example');
  await page.getByLabel('First password (at least 8 characters)').fill('short');
  await page.getByRole('button', { name: 'Add' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.field-error').length > 0);
  assert.match((await page.locator('.field-error').allInnerTexts()).join(' '), /8|password/i);
  assert.equal(await page.locator('ul.staff-list').getByText('Dr Lee').count(), 0, 'nothing added');
  await page.getByLabel('First password (at least 8 characters)').fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Add' }).click();
  await page.getByText('Dr Lee can now sign in with dr.lee@feetfirst.example', { exact: false }).waitFor();
  await page.locator('ul.staff-list').getByText('Dr Lee').waitFor();
  const v = await seriousA11yViolations(page);
  assert.equal(v.length, 0, describeViolations(v));
  await screenshot(page, '7i-clinic-admin', { fullPage: true });

  // The new clinician can sign in (API), then is removed and signed out at once.
  const signIn = await page.evaluate(async () => (await fetch('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'omit', body: JSON.stringify({ email: 'dr.lee@feetfirst.example', password: 'a-long-enough-password' }) })).status);
  assert.equal(signIn, 200);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Remove Dr Lee' }).click();
  await page.getByText('Dr Lee was removed.').waitFor();
  // The notice shows before the list is fetched again: wait for the fresh list, which must no longer hold Dr Lee.
  await page.locator('ul.staff-list').getByText('Dr Lee').waitFor({ state: 'detached' });
  assert.equal(await page.locator('ul.staff-list').getByText('Dr Lee').count(), 0);
  assert.equal(await page.locator('ul.staff-list').getByText(ADMIN.name).count(), 1, 'the list was reloaded, not emptied');

  // No health data for an admin: the patient-scoped API refuses.
  const status = await page.evaluate(async () => (await fetch('/api/patients/00000000-0000-4000-8000-000000000000/today')).status);
  assert.ok(status === 403 || status === 404, `patient data refused (${status})`);
});
