/**
 * Browser test of messages between a patient and their clinician (issue 14 item 4), two phones on one server: the
 * clinician writes from the patient's conversation page; the patient sees the unread count in the header, opens
 * Messages (the count goes), reads it and replies; the clinician's Messages page lists the patient with one unread
 * and the reply in the conversation. What each screen shows is checked against what the API stored. axe runs on both
 * screens; the clinician's patient list shows the unread message on the patient's line, and the inbox offers
 * notifications of new messages; screenshots at 390 px wide go to docs/screenshots/8l, 8m, 8n, 8o and 8p.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { localDate } from '../web/src/lib/local-time.js';
import { allNo } from './helpers/answers.js';
import { assertAccessible, screenshot } from './helpers/browser.js';
import { clinicServerAndPhones, withClinic } from './helpers/clinic.js';
import { startServer } from './helpers/server.js';

const CLINIC = 'Feet First Physio';
const CLINICIAN = { email: 'dr.kim@feetfirst.example', name: 'Dr Kim', password: 'kim-secret-password' };
const PATIENT = { email: 'wren@example.org', name: 'Wren Walker', password: 'wren-secret-password' };
const QUESTION = 'How did the ball roll feel this week?\nAny pain the next morning?';
const REPLY = 'Fine on the left. The right heel was sore on Tuesday morning, gone by lunch.';

const ctx = clinicServerAndPhones(() => startServer(withClinic(CLINIC, CLINICIAN)));

/** A JSON call from inside the page (its cookies), with the session's CSRF token; fails on an error answer. */
async function inPage<T>(page: Page, method: string, path: string, body: unknown, csrf: string | null): Promise<T> {
  const r = await page.evaluate(async ([m, p, b, t]) => {
    const res = await fetch(p as string, { method: m as string, headers: { 'content-type': 'application/json', ...(t ? { 'x-csrf-token': t as string } : {}) }, body: b === null ? undefined : JSON.stringify(b) });
    return { status: res.status, text: await res.text() };
  }, [method, path, body ?? null, csrf] as const);
  if (r.status >= 300) throw new Error(`${method} ${path} -> ${r.status}: ${r.text}`);
  return JSON.parse(r.text) as T;
}

interface StoredMessage { from: string; text: string; readAt: string | null }

test('a clinician writes, the patient sees the unread count, reads and replies; the clinician sees the reply', async () => {
  const c = ctx.clinician.page;
  const p = ctx.patient.page;
  const url = ctx.server.url;

  // The clinician signs in and invites; the patient signs up with the invitation and answers the safety check.
  await c.goto(url + '/');
  const kim = await inPage<{ csrfToken: string }>(c, 'POST', '/api/auth/sign-in', { email: CLINICIAN.email, password: CLINICIAN.password }, null);
  const invite = await inPage<{ token: string }>(c, 'POST', '/api/invitations', {}, kim.csrfToken);
  await p.goto(url + '/');
  const wren = await inPage<{ csrfToken: string }>(p, 'POST', `/api/invitations/${invite.token}/sign-up`, { email: PATIENT.email, password: PATIENT.password, displayName: PATIENT.name }, null);
  await inPage(p, 'POST', `/api/screen?date=${localDate()}`, { answers: allNo(), birthYear: 1970 }, wren.csrfToken);
  const personId = (await inPage<{ patients: { personId: string }[] }>(c, 'GET', '/api/patients', null, null)).patients[0]!.personId;

  // The clinician writes from the patient's conversation page.
  await c.goto(`${url}/patients/${personId}/messages`);
  await c.getByRole('heading', { level: 1, name: `Messages with ${PATIENT.name}` }).waitFor();
  await c.getByText('No messages yet.').waitFor();
  await c.getByLabel(`Message to ${PATIENT.name}`).fill(QUESTION);
  await c.getByText(`${QUESTION.length} of 2000 characters`).waitFor();
  await c.getByRole('button', { name: 'Send' }).click();
  await c.getByRole('list', { name: `Messages with ${PATIENT.name}` }).getByText('Any pain the next morning?', { exact: false }).waitFor();

  // The patient: one unread in the header; opening Messages reads it and the count goes.
  await p.goto(url + '/');
  await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await p.getByRole('link', { name: 'Messages 1 unread' }).waitFor();
  await screenshot(p, '8l-messages-unread', { top: true });
  await p.getByRole('link', { name: 'Messages 1 unread' }).click();
  await p.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
  const thread = p.getByRole('list', { name: `Messages with ${CLINICIAN.name}` });
  assert.equal(await thread.locator('.message-text').first().innerText(), QUESTION, 'the text as written, line break included');
  await p.getByRole('link', { name: 'Messages', exact: true }).waitFor();
  await p.getByLabel(`Message to ${CLINICIAN.name}`).fill(REPLY);
  await p.getByRole('button', { name: 'Send' }).click();
  await thread.getByText(REPLY).waitFor();
  const stored = await inPage<{ messages: StoredMessage[] }>(p, 'GET', `/api/messages/${(await inPage<{ threads: { clinicianAccountId: string }[] }>(p, 'GET', '/api/messages', null, null)).threads[0]!.clinicianAccountId}`, null, null);
  assert.deepEqual(stored.messages.map((m) => [m.from, m.text]), [['clinician', QUESTION], ['patient', REPLY]]);
  assert.notEqual(stored.messages[0]!.readAt, null, 'read by the patient');
  await assertAccessible(p, 'messages (patient)');
  await screenshot(p, '8m-messages-patient');

  // The clinician's patient list: the patient's line says one unread message, and links to the conversation.
  await c.goto(url + '/');
  const unreadLine = c.getByTestId('unread-messages');
  await unreadLine.waitFor();
  assert.equal((await unreadLine.textContent())?.replace(/\s+/g, ' ').trim(), `1 unread message from ${PATIENT.name}`);
  assert.equal(await unreadLine.getByRole('link').getAttribute('href'), `/patients/${personId}/messages`);
  await assertAccessible(c, 'patient list with an unread message');
  await screenshot(c, '8o-patient-list-unread', { top: true });

  // The clinician's Messages: the patient with one unread; the conversation shows the reply. Notices of new
  // messages can be turned on for this browser (not clicked: headless chromium has no push service).
  await c.goto(url + '/messages');
  await c.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
  await c.getByRole('link', { name: PATIENT.name }).waitFor();
  assert.equal(await c.locator('.thread-choice .unread-badge').textContent(), '1 unread');
  const notices = c.getByTestId('clinician-notices');
  await notices.getByRole('button', { name: 'Notify me of new messages' }).waitFor();
  await assertAccessible(c, 'messages inbox (clinician) with the notices card');
  await screenshot(c, '8p-clinician-notices', { top: true });
  await c.getByRole('link', { name: PATIENT.name }).click();
  await c.getByRole('list', { name: `Messages with ${PATIENT.name}` }).getByText(REPLY).waitFor();
  await assertAccessible(c, 'messages (clinician)');
  await screenshot(c, '8n-messages-clinician');
});
