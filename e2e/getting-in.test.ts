/**
 * Getting in (issue 14 item 7), in the browser at phone width, with a real SMTP server on 127.0.0.1: the clinician's
 * new invitation shows its QR code and is sent by email; a patient who forgot their password asks for a link on the
 * sign-in page, opens the mailed link, sets a new password and signs in with it; the used link then says so plainly.
 * Then she deletes her account from Settings (no password, a wrong one, the right one). Each screen is checked with
 * axe and photographed (7m-7r).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSmtpSink, type SmtpSink } from '../test/helpers/smtp-sink.js';
import { assertAccessible, launchPhone, screenshot, type Phone } from './helpers/browser.js';
import { withClinic } from './helpers/clinic.js';
import { startServer, type TestServer } from './helpers/server.js';

const PUBLIC_URL = 'https://footing.feetfirst.example';
const DR = { email: 'dr.kim@feetfirst.example', name: 'Dr Kim', password: 'clinician password 1' };
const NINA = { email: 'nina@example.org', password: 'ninas first password' };

let smtp: SmtpSink;
let server: TestServer;
let phone: Phone;

before(async () => {
  smtp = await startSmtpSink();
  server = await startServer({
    ...withClinic('Feet First Physio', DR),
    auth: { passwordCost: 1024 },
    mail: { publicUrl: PUBLIC_URL, smtp: { url: smtp.url, from: 'footing@feetfirst.example' } },
  });
  phone = await launchPhone();
});
after(async () => {
  await phone?.close();
  await server?.close();
  await smtp?.close();
});

/** The link in a mail's text (on the public address), opened on the test server instead. */
function mailedLink(text: string | undefined, path: string): string {
  const m = new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}(/${path}/[A-Za-z0-9_-]{43})$`, 'm').exec(text ?? '');
  assert.ok(m, `a ${path} link in: ${text}`);
  return server.url + m[1];
}

test('an invitation shown as a QR code and emailed; a forgotten password reset by an emailed link that works once; the account deleted from Settings', async () => {
  const { page, context } = phone;
  await page.goto(server.url + '/');
  await page.getByLabel('Email').fill(DR.email);
  await page.getByLabel('Password').fill(DR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your patients' }).waitFor();
  await page.getByLabel(/^Label/).fill('N.K.');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const qr = page.getByRole('img', { name: 'QR code of the invitation link for N.K.' });
  await qr.waitFor();
  assert.equal(
    await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    true,
    'the QR image is drawn',
  );
  await page.getByLabel('Or send it by email to the patient').fill(NINA.email);
  await page.getByRole('button', { name: 'Send invitation email' }).click();
  await page.getByText(`Sent to ${NINA.email}, with the link and the QR code.`).waitFor();
  await assertAccessible(page, 'invitation with QR code');
  await screenshot(page, '7m-invite-qr-email', { fullPage: true });
  const invite = mailedLink((await smtp.next()).text, 'invite');
  assert.equal(
    invite.slice(server.url.length),
    new URL(await page.getByLabel(/^Invitation link/).inputValue()).pathname,
    'the mailed link is the one on screen',
  );

  // Nina creates her account from the mailed link (API: the invitation screens have their own test), then forgets her password.
  const token = invite.split('/').pop()!;
  const signUp = await fetch(`${server.url}/api/invitations/${token}/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: NINA.email, password: NINA.password, displayName: 'Nina' }),
  });
  assert.equal(signUp.status, 201);
  await context.clearCookies();
  await page.goto(server.url + '/');
  await page.getByRole('link', { name: 'Forgotten your password?' }).waitFor();
  await assertAccessible(page, 'sign-in with a reset link');
  await screenshot(page, '7n-sign-in-forgotten');
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Forgotten password' }).waitFor();
  await page.getByLabel('Email').fill(NINA.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await page
    .getByText(`If an account has the email ${NINA.email}, a link to choose a new password is on its way`)
    .waitFor();
  await assertAccessible(page, 'forgotten password');
  await screenshot(page, '7o-forgot-password-sent');

  const reset = mailedLink((await smtp.next()).text, 'reset-password');
  await page.goto(reset);
  await page.getByLabel('New password (at least 8 characters)').fill('ninas new password');
  await page.getByLabel('New password again').fill('ninas new passwrod');
  await page.getByRole('button', { name: 'Set my new password' }).click();
  await page.getByText('The two passwords are not the same.').waitFor();
  await assertAccessible(page, 'new password form');
  await screenshot(page, '7p-reset-password');
  await page.getByLabel('New password again').fill('ninas new password');
  await page.getByRole('button', { name: 'Set my new password' }).click();
  await page.getByText('Your new password is set.').waitFor();

  // The link works once: opened again, it says so plainly and offers a new one.
  await page.goto(reset);
  await page.getByText('This password reset link has already been used: each link works once.').waitFor();
  await page.getByRole('button', { name: 'Ask for a new link' }).waitFor();
  await assertAccessible(page, 'used reset link');
  await screenshot(page, '7q-reset-link-used');

  await page.goto(server.url + '/');
  await page.getByLabel('Email').fill(NINA.email);
  await page.getByLabel('Password').fill('ninas new password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Sign in' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Sign in' }).count(), 0, 'signed in with the new password');

  // Leaving: Nina deletes her account before she has answered the safety questions (the data page opens in every
  // state, from the line that says who is signed in). No password: the form says so and sends nothing; a wrong one:
  // the server's refusal under the field, nothing deleted; the right one: signed out, and her password opens nothing.
  await page.getByRole('link', { name: 'Your data and account' }).click();
  await page.getByRole('link', { name: 'Download backup' }).waitFor();
  assert.equal(await page.getByText('Restore a backup').count(), 0, 'no restore before the safety questions');
  await page.getByText('Delete my account', { exact: true }).click();
  await page.getByRole('button', { name: 'Delete my account and all my data' }).click();
  await page.getByText('Enter your password to confirm.').waitFor();
  await page.getByLabel('Your password').fill('not her password');
  await page.getByRole('button', { name: 'Delete my account and all my data' }).click();
  await page.getByText('That password is not right; nothing was deleted.').waitFor();
  await assertAccessible(page, 'delete account refused');
  await screenshot(page, '7r-delete-account-refused');
  const stillThere = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: NINA.email, password: 'ninas new password' }),
  });
  assert.equal(stillThere.status, 200, 'a wrong password deleted nothing');
  await page.getByLabel('Your password').fill('ninas new password');
  await page.getByRole('button', { name: 'Delete my account and all my data' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  const gone = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: NINA.email, password: 'ninas new password' }),
  });
  assert.equal(gone.status, 401, 'the deleted account no longer signs in');
});
