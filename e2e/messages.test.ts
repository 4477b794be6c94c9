/**
 * Browser test of messages between a patient and their clinician (issue 14 item 4), two phones on one server: the
 * clinician writes from the patient's conversation page; the patient sees the unread count in the header, opens
 * Messages (the count goes), reads it and replies; the clinician's Messages page lists the patient with one unread
 * and the reply in the conversation. What each screen shows is checked against what the API stored. axe runs on both
 * screens; the clinician's patient list shows the unread message on the patient's line, and the inbox offers
 * notifications of new messages; screenshots at 390 px wide go to docs/screenshots/8l, 8m, 8n, 8o and 8p.
 * Then, live: with both screens left open, each new message appears without a reload (the patient's header count,
 * the patient's open conversation, the clinician's open conversation, inbox, header count and patient list), and
 * a hidden tab stops asking the server (web/src/lib/use-live-poll.ts). Last, the clinician turns on notices of new
 * messages: the subscription reaches the server, and a patient's message is pushed to it (received and decrypted by a
 * push endpoint on 127.0.0.1) and shown by the clinician's service worker.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { localDate } from '../web/src/lib/local-time.js';
import { allNo } from './helpers/answers.js';
import { assertAccessible, inPage, screenshot } from './helpers/browser.js';
import { clinicServerAndPhones, withClinic } from './helpers/clinic.js';
import { startServer } from './helpers/server.js';
import { registrationId, shownNotifications, standInPushService } from './helpers/push.js';
import { PUSH_ENDPOINT_CA, startPushEndpoint } from '../test/helpers/push-endpoint.js';

const CLINIC = 'Feet First Physio';
const CLINICIAN = { email: 'dr.kim@feetfirst.example', name: 'Dr Kim', password: 'kim-secret-password' };
const PATIENT = { email: 'wren@example.org', name: 'Wren Walker', password: 'wren-secret-password' };
const QUESTION = 'How did the ball roll feel this week?\nAny pain the next morning?';
const REPLY = 'Fine on the left. The right heel was sore on Tuesday morning, gone by lunch.';

// The server trusts the test push endpoint on 127.0.0.1 (the clinician's notices, last test).
const ctx = clinicServerAndPhones(() =>
  startServer({ ...withClinic(CLINIC, CLINICIAN), reminders: { pushCa: PUSH_ENDPOINT_CA } }),
);

interface StoredMessage {
  from: string;
  text: string;
  readAt: string | null;
}

test('a clinician writes, the patient sees the unread count, reads and replies; the clinician sees the reply', async () => {
  const c = ctx.clinician.page;
  const p = ctx.patient.page;
  const url = ctx.server.url;

  // The clinician signs in and invites; the patient signs up with the invitation and answers the safety check.
  await c.goto(url + '/');
  const kim = await inPage<{ csrfToken: string }>(
    c,
    'POST',
    '/api/auth/sign-in',
    { email: CLINICIAN.email, password: CLINICIAN.password },
    null,
  );
  const invite = await inPage<{ token: string }>(c, 'POST', '/api/invitations', {}, kim.csrfToken);
  await p.goto(url + '/');
  const wren = await inPage<{ csrfToken: string }>(
    p,
    'POST',
    `/api/invitations/${invite.token}/sign-up`,
    { email: PATIENT.email, password: PATIENT.password, displayName: PATIENT.name },
    null,
  );
  await inPage(p, 'POST', `/api/screen?date=${localDate()}`, { answers: allNo(), birthYear: 1970 }, wren.csrfToken);
  const personId = (await inPage<{ patients: { personId: string }[] }>(c, 'GET', '/api/patients', null, null))
    .patients[0]!.personId;

  // The clinician writes from the patient's conversation page.
  await c.goto(`${url}/patients/${personId}/messages`);
  await c.getByRole('heading', { level: 1, name: `Messages with ${PATIENT.name}` }).waitFor();
  await c.getByText('No messages yet.').waitFor();
  await c.getByLabel(`Message to ${PATIENT.name}`).fill(QUESTION);
  await c.getByText(`${QUESTION.length} of 2000 characters`).waitFor();
  await c.getByRole('button', { name: 'Send' }).click();
  await c
    .getByRole('list', { name: `Messages with ${PATIENT.name}` })
    .getByText('Any pain the next morning?', { exact: false })
    .waitFor();
  // The clinician leaves the conversation: left open, the patient's reply would be read as it arrives (next test).
  await c.goto(url + '/references');

  // The patient: one unread in the header; opening Messages reads it and the count goes.
  await p.goto(url + '/');
  await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await p.getByRole('link', { name: 'Messages 1 unread' }).waitFor();
  await screenshot(p, '8l-messages-unread', { top: true });
  await p.getByRole('link', { name: 'Messages 1 unread' }).click();
  await p.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
  const thread = p.getByRole('list', { name: `Messages with ${CLINICIAN.name}` });
  assert.equal(
    await thread.locator('.message-text').first().innerText(),
    QUESTION,
    'the text as written, line break included',
  );
  await p.getByRole('link', { name: 'Messages', exact: true }).waitFor();
  await p.getByLabel(`Message to ${CLINICIAN.name}`).fill(REPLY);
  await p.getByRole('button', { name: 'Send' }).click();
  await thread.getByText(REPLY).waitFor();
  const stored = await inPage<{ messages: StoredMessage[] }>(
    p,
    'GET',
    `/api/messages/${(await inPage<{ threads: { clinicianAccountId: string }[] }>(p, 'GET', '/api/messages', null, null)).threads[0]!.clinicianAccountId}`,
    null,
    null,
  );
  assert.deepEqual(
    stored.messages.map((m) => [m.from, m.text]),
    [
      ['clinician', QUESTION],
      ['patient', REPLY],
    ],
  );
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
  await c
    .getByRole('list', { name: `Messages with ${PATIENT.name}` })
    .getByText(REPLY)
    .waitFor();
  await assertAccessible(c, 'messages (clinician)');
  await screenshot(c, '8n-messages-clinician');
});

/** Marks the page's document, so that a test can tell a live update from a reload (a reload loses the mark). */
const mark = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { footingMark: number }).footingMark = 1;
  });
const stillMarked = (page: Page) =>
  page.evaluate(() => (window as unknown as { footingMark?: number }).footingMark === 1);
/** The live poll asks every 5 s while things change and at most every 30 s while nothing does (web/src/lib/live-poll.ts). */
const LIVE = { timeout: 45_000 };

test(
  'new messages appear while the screens are open, with the unread counts; a hidden tab asks nothing',
  { timeout: 240_000 },
  async () => {
    const c = ctx.clinician.page;
    const p = ctx.patient.page;
    const url = ctx.server.url;
    const personId = (await inPage<{ patients: { personId: string }[] }>(c, 'GET', '/api/patients', null, null))
      .patients[0]!.personId;

    // Both screens open and left alone: the patient on Today, the clinician in the conversation.
    await p.goto(url + '/');
    await p.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await p.getByRole('link', { name: 'Messages', exact: true }).waitFor(); // nothing unread after the first test
    await c.goto(`${url}/patients/${personId}/messages`);
    const clinicianThread = c.getByRole('list', { name: `Messages with ${PATIENT.name}` });
    await clinicianThread.getByText(REPLY).waitFor();
    await mark(p);
    await mark(c);

    // The clinician writes: the patient's header counts it without a reload.
    const first = 'Try the pinky-toe lift twice a day this week.';
    await c.getByLabel(`Message to ${PATIENT.name}`).fill(first);
    await c.getByRole('button', { name: 'Send' }).click();
    await clinicianThread.getByText(first).waitFor();
    await p.getByRole('link', { name: 'Messages 1 unread' }).waitFor(LIVE);
    assert.equal(await stillMarked(p), true, 'the count came without a reload');

    // The patient opens Messages and stays there; the clinician's next message appears in the open conversation.
    await p.getByRole('link', { name: 'Messages 1 unread' }).click();
    const patientThread = p.getByRole('list', { name: `Messages with ${CLINICIAN.name}` });
    await patientThread.getByText(first).waitFor();
    await p.getByRole('link', { name: 'Messages', exact: true }).waitFor();
    const second = 'And tell me how the right heel is in the mornings.';
    await c.getByLabel(`Message to ${PATIENT.name}`).fill(second);
    await c.getByRole('button', { name: 'Send' }).click();
    await patientThread.getByText(second).waitFor(LIVE);
    assert.equal(await stillMarked(p), true, 'the message came without a reload');
    await p.getByRole('link', { name: 'Messages', exact: true }).waitFor(); // read as it arrived: nothing unread
    const threads = await inPage<{ threads: { clinicianAccountId: string; unread: number }[] }>(
      p,
      'GET',
      '/api/messages',
      null,
      null,
    );
    assert.equal(threads.threads[0]!.unread, 0, 'the server has it as read');

    // The patient replies: it appears in the clinician's open conversation without a reload.
    const reply = 'Better this week: sore for ten minutes, then fine.';
    await p.getByLabel(`Message to ${CLINICIAN.name}`).fill(reply);
    await p.getByRole('button', { name: 'Send' }).click();
    await patientThread.getByText(reply).waitFor();
    await clinicianThread.getByText(reply).waitFor(LIVE);
    assert.equal(await stillMarked(c), true, 'the reply came without a reload');

    // The clinician's inbox, left open: the patient's next message shows as one unread there and in the header.
    await c.getByRole('link', { name: 'Messages', exact: true }).click();
    await c.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await c.getByRole('link', { name: PATIENT.name }).waitFor();
    assert.equal(await c.locator('.thread-choice .unread-badge').count(), 0, 'nothing unread yet');
    const more = 'One more thing: can I walk on the beach?';
    await p.getByLabel(`Message to ${CLINICIAN.name}`).fill(more);
    await p.getByRole('button', { name: 'Send' }).click();
    await patientThread.getByText(more).waitFor();
    await c.locator('.thread-choice .unread-badge').waitFor(LIVE);
    assert.equal(await c.locator('.thread-choice .unread-badge').textContent(), '1 unread');
    await c.getByRole('link', { name: 'Messages 1 unread' }).waitFor(LIVE);
    assert.equal(await stillMarked(c), true, 'the inbox changed without a reload');
    await assertAccessible(c, 'messages inbox (clinician) after a live update');

    // The patient list, left open: the patient's unread line follows the next message without a reload.
    await c.getByRole('link', { name: 'Patients', exact: true }).click();
    const unreadLine = c.getByTestId('unread-messages');
    await unreadLine.waitFor();
    assert.equal(
      (await unreadLine.textContent())?.replace(/\s+/g, ' ').trim(),
      `1 unread message from ${PATIENT.name}`,
    );
    const beach = 'Sand or the path along it?';
    await p.getByLabel(`Message to ${CLINICIAN.name}`).fill(beach);
    await p.getByRole('button', { name: 'Send' }).click();
    await patientThread.getByText(beach).waitFor();
    await c.getByText(`2 unread messages from ${PATIENT.name}`).waitFor(LIVE);
    assert.equal(await stillMarked(c), true, 'the list changed without a reload');
    await c.getByRole('link', { name: 'Messages 2 unread' }).waitFor();

    // A hidden tab asks nothing (a phone in a pocket); shown again, it asks at once.
    const asked: string[] = [];
    p.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/messages') asked.push(r.url());
    });
    // A string, not a function: tsx's helpers in a serialised function do not exist in the page.
    const setVisibility = (state: 'hidden' | 'visible') =>
      p.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, value: '${state}' });
    document.dispatchEvent(new Event('visibilitychange'));`);
    await setVisibility('hidden');
    asked.length = 0;
    await p.waitForTimeout(12_000); // longer than two waits of 5 s
    assert.deepEqual(asked, [], 'no call while hidden');
    await setVisibility('visible'); // the call starts inside this, so it is counted from `asked`, not awaited
    for (let i = 0; i < 20 && asked.length === 0; i++) await p.waitForTimeout(100);
    assert.equal(asked.length, 1, 'one call as soon as the tab is shown (not waiting out the 5 s)');
  },
);

test(
  'the clinician allows notices of new messages: the subscription reaches the server, a patient’s message is pushed to it and shown',
  { timeout: 120_000 },
  async () => {
    const c = ctx.clinician.page;
    const p = ctx.patient.page;
    const url = ctx.server.url;
    const push = await startPushEndpoint();
    try {
      // The clinician's browser says yes to the notification prompt (the prompt itself cannot be clicked in headless
      // chromium: its answer is given over the DevTools protocol), and its push service is stood in for in the page
      // with a subscription on the test push endpoint (a real P-256 key and auth secret, so the push can be decrypted).
      await ctx.clinician.context.grantPermissions(['notifications'], { origin: url });
      await c.addInitScript(standInPushService(push.subscription('/push/clinician-browser')));
      await c.goto(url + '/messages');
      await c.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
      await c.evaluate(() => navigator.serviceWorker.ready);
      const notices = c.getByTestId('clinician-notices');
      assert.equal(
        (await inPage<{ subscriptions: number }>(c, 'GET', '/api/clinician/notifications', null, null)).subscriptions,
        0,
      );
      await notices.getByRole('button', { name: 'Notify me of new messages' }).click();
      await notices.getByText('You are notified of new messages in this browser.').waitFor();
      const state = await inPage<{ pushPublicKey: string; subscriptions: number }>(
        c,
        'GET',
        '/api/clinician/notifications',
        null,
        null,
      );
      assert.equal(state.subscriptions, 1, 'the subscription reached the server');
      assert.equal(
        await c.evaluate(() => (window as unknown as { subscribedWithKey: string }).subscribedWithKey),
        Buffer.from(state.pushPublicKey, 'base64url').toString('hex'),
        'subscribed with the server’s key',
      );
      await notices.getByRole('button', { name: 'Turn off in this browser' }).waitFor();

      // The patient writes: the server pushes a notice, encrypted for this browser, that names neither patient nor text.
      const text = 'Can I do the ball roll before a run?';
      await p.getByLabel(`Message to ${CLINICIAN.name}`).fill(text);
      await p.getByRole('button', { name: 'Send' }).click();
      await p
        .getByRole('list', { name: `Messages with ${CLINICIAN.name}` })
        .getByText(text)
        .waitFor();
      for (let i = 0; i < 100 && push.requests.length === 0; i++) await c.waitForTimeout(100);
      assert.equal(push.requests.length, 1, 'one notice to the one browser');
      assert.equal(push.requests[0]!.path, '/push/clinician-browser');
      const plain = push.decrypt(push.requests[0]!);
      assert.deepEqual(JSON.parse(plain), {
        title: 'Footing',
        body: 'A patient sent you a message.',
        url: '/messages',
        tag: 'footing-patient-message',
      });

      // Delivered to the clinician's service worker (the push service's part, over the DevTools protocol): shown.
      const { id, cdp } = await registrationId(c, url);
      await cdp.send('ServiceWorker.deliverPushMessage', { origin: url, registrationId: id, data: plain });
      assert.deepEqual(await shownNotifications(c), [
        {
          title: 'Footing',
          body: 'A patient sent you a message.',
          tag: 'footing-patient-message',
          data: { url: '/messages' },
        },
      ]);
    } finally {
      await push.close();
    }
  },
);
