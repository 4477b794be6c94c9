/**
 * The clinic admin (browser): signs in, sees the clinic's clinicians, adds one (a located error first), removes
 * one (signed out at once), and sees no patient data. Then the same screen on a Spanish phone (issue 14 item 8):
 * every word from the catalogue's Spanish, none of its English, two refusals from the server in Spanish (a short
 * password, an email that has an account); screenshots
 * 7i and 49e.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertAccessible,
  describeViolations,
  inPage,
  launchPhone,
  screenshot,
  seriousA11yViolations,
  type Phone,
} from './helpers/browser.js';
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
        await db.cli([
          'user',
          'add',
          '--role',
          'admin',
          '--clinic',
          CLINIC,
          '--email',
          ADMIN.email,
          '--name',
          ADMIN.name,
          '--password-file',
          pw,
        ]);
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  url = server.url;
  phone = await launchPhone();
});

after(async () => {
  await phone?.close();
  await server?.close();
});

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
  const signIn = await page.evaluate(
    async () =>
      (
        await fetch('/api/auth/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'omit',
          body: JSON.stringify({ email: 'dr.lee@feetfirst.example', password: 'a-long-enough-password' }),
        })
      ).status,
  );
  assert.equal(signIn, 200);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Remove Dr Lee' }).click();
  await page.getByText('Dr Lee was removed.').waitFor();
  // The notice shows before the list is fetched again: wait for the fresh list, which must no longer hold Dr Lee.
  await page.locator('ul.staff-list').getByText('Dr Lee').waitFor({ state: 'detached' });
  assert.equal(await page.locator('ul.staff-list').getByText('Dr Lee').count(), 0);
  assert.equal(
    await page.locator('ul.staff-list').getByText(ADMIN.name).count(),
    1,
    'the list was reloaded, not emptied',
  );

  // No health data for an admin: the patient-scoped API refuses.
  const status = await page.evaluate(
    async () => (await fetch('/api/patients/00000000-0000-4000-8000-000000000000/today')).status,
  );
  assert.ok(status === 403 || status === 404, `patient data refused (${status})`);
});

/** The clinic namespace of the catalogue in one language (web/src/i18n/locales/<language>/clinic.json). */
function clinicWords(language: 'en' | 'es'): { admin: Record<string, string>; workspace: Record<string, string> } {
  return JSON.parse(
    readFileSync(new URL(`../web/src/i18n/locales/${language}/clinic.json`, import.meta.url), 'utf8'),
  ) as { admin: Record<string, string>; workspace: Record<string, string> };
}

test("the clinic admin screen on a Spanish phone: the catalogue's Spanish, none of its English, a refusal in Spanish", async () => {
  const EN = clinicWords('en');
  const ES = clinicWords('es');
  const phoneEs = await launchPhone({ locale: 'es-ES' });
  try {
    const { page } = phoneEs;
    await page.goto(url + '/');
    await inPage(page, 'POST', '/api/auth/sign-in', { email: ADMIN.email, password: ADMIN.password }, null);
    await page.goto(url + '/');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    await page
      .getByRole('navigation', { name: ES.workspace.nav })
      .getByRole('link', { name: ES.workspace.clinic, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: CLINIC }).waitFor();

    // Every fixed word of the screen, as the Spanish catalogue has it.
    await page.getByText(ES.admin.lead!, { exact: true }).waitFor();
    for (const h of [ES.admin.clinicians!, ES.admin.add!])
      await page.getByRole('heading', { level: 2, name: h, exact: true }).waitFor();
    for (const l of [ES.admin.name!, ES.admin.email!, ES.admin.password!, ES.admin.role!])
      await page.getByLabel(l, { exact: true }).waitFor();
    assert.deepEqual(await page.getByLabel(ES.admin.role!, { exact: true }).locator('option').allInnerTexts(), [
      ES.admin.optionClinician,
      ES.admin.optionAdmin,
    ]);
    await page.locator('ul.staff-list').getByText(`${ADMIN.email} · ${ES.admin.roleAdmin}`, { exact: true }).waitFor();
    // Who is signed in, the role in words (not its code, "admin").
    await page
      .getByText(`Sesión iniciada como ${ADMIN.name} (${ADMIN.email}, ${ES.admin.roleAdmin}).`, { exact: true })
      .waitFor();

    // A password of 5 characters: the server refuses it beside its field, in Spanish (8 at least: MIN_PASSWORD_LENGTH).
    await page.getByLabel(ES.admin.name!, { exact: true }).fill('Dra. Ruiz');
    await page.getByLabel(ES.admin.email!, { exact: true }).fill('dra.ruiz@feetfirst.example');
    await page.getByLabel(ES.admin.password!, { exact: true }).fill('corta');
    await page.getByRole('button', { name: ES.admin.addButton, exact: true }).click();
    await page.locator('.field-error').getByText('debe tener al menos 8 caracteres', { exact: true }).waitFor();
    await page.getByLabel(ES.admin.password!, { exact: true }).fill('una-contraseña-larga');
    await page.getByRole('button', { name: ES.admin.addButton, exact: true }).click();
    // admin.added with the name and email filled in, as the catalogue writes it.
    await page
      .getByText(ES.admin.added!.replace('{{name}}', 'Dra. Ruiz').replace('{{email}}', 'dra.ruiz@feetfirst.example'), {
        exact: true,
      })
      .waitFor();
    const ruiz = page.locator('ul.staff-list li').filter({ hasText: 'Dra. Ruiz' });
    await ruiz.getByText(`dra.ruiz@feetfirst.example · ${ES.admin.roleClinician}`, { exact: true }).waitFor();
    await ruiz
      .getByRole('button', { name: ES.admin.removeLabel!.replace('{{name}}', 'Dra. Ruiz'), exact: true })
      .waitFor();
    assert.equal(await ruiz.getByRole('button').innerText(), ES.admin.remove);
    // The same email again: the server's 409 beside the email field, in Spanish, written here by hand.
    await page.getByLabel(ES.admin.name!, { exact: true }).fill('Dra. Ruiz');
    await page.getByLabel(ES.admin.email!, { exact: true }).fill('dra.ruiz@feetfirst.example');
    await page.getByLabel(ES.admin.password!, { exact: true }).fill('una-contraseña-larga');
    await page.getByRole('button', { name: ES.admin.addButton, exact: true }).click();
    await page.locator('.field-error').getByText('Ya existe una cuenta con este correo.', { exact: true }).waitFor();

    // No English left: none of the English catalogue's words for this screen and its header (the fixed parts around
    // a {{figure}}, as whole words), once names, emails and the clinic's name are taken out.
    const shown = (await page.locator('body').innerText())
      .split(/Dra\. Ruiz|Sam Admin|\S+@\S+|Feet First Physio/)
      .join(' ');
    const english = [...Object.entries(EN.admin), ...Object.entries(EN.workspace)]
      .filter(([k, en]) => en !== (ES.admin[k] ?? ES.workspace[k]))
      .flatMap(([, en]) =>
        en
          .split(/\{\{\w+\}\}|<\/?\w+>/)
          .map((part) => part.trim())
          .filter((part) => /[a-z]{2,}/i.test(part)),
      );
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.deepEqual(
      english.filter((part) => new RegExp(`(^|\\W)${escape(part)}(\\W|$)`).test(shown)),
      [],
      'English words of the catalogue on the Spanish admin screen',
    );

    await assertAccessible(page, 'the clinic admin screen in Spanish');
    await screenshot(page, '49e-es-clinic-admin', { fullPage: true });
  } finally {
    await phoneEs.close();
  }
});
