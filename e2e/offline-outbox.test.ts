/// <reference lib="dom" />
/**
 * Browser test, nothing lost offline (issue 14 item 5), with accounts (CSRF tokens, a shared phone): a check-in and a
 * walking log made offline wait on the phone through a closed tab and reach the server once when the network
 * returns, sent from a tab that opened offline (so without its sign-in's CSRF token); a session whose tab closes
 * before Save reaches the server on the next start; a session whose answer is lost (stored, but the phone never
 * heard) is sent again and stored once; on a shared phone a record waits for the person who made it. The figures the
 * server holds are the ones entered. (Local mode's offline session: e2e/session-progress.test.ts.)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { localDate } from '../web/src/lib/local-time.js';
import { allNo } from './helpers/answers.js';
import { assertAccessible, launchPhone, screenshot, type Phone } from './helpers/browser.js';
import { startServer, type TestServer } from './helpers/server.js';

const PASSWORD = 'a-long-enough-password';
const ANA = 'ana@example.org';
const BEN = 'ben@example.org';
const today = localDate();

let server: TestServer;
let phone: Phone;
before(async () => {
  server = await startServer({
    auth: { passwordCost: 1024 }, // a fast hash after the first sign-in (the CLI's accounts start at full cost)
    prepare: async (db) => {
      const dir = mkdtempSync(join(tmpdir(), 'footing-outbox-e2e-'));
      try {
        const pwFile = join(dir, 'password.txt');
        writeFileSync(pwFile, PASSWORD);
        for (const email of [ANA, BEN])
          await db.cli(['user', 'add', '--role', 'patient', '--email', email, '--password-file', pwFile]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  });
  phone = await launchPhone();
  await signIn(ANA, true);
});
after(async () => {
  await phone?.close();
  await server?.close();
});

/** A request with the browser's cookies (the signed-in person), outside any page; throws on an error answer. */
async function asPhone<T>(method: 'GET' | 'POST', path: string, body?: unknown, csrf?: string): Promise<T> {
  const res = await phone.context.request.fetch(server.url + path, {
    method,
    headers: csrf ? { 'x-csrf-token': csrf } : {},
    ...(body === undefined ? {} : { data: body }),
  });
  if (res.status() >= 300) throw new Error(`${method} ${path} -> ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Signs this browser in as `email` (replacing whoever was signed in), and answers the safety check if asked. */
async function signIn(email: string, screen: boolean): Promise<void> {
  const { csrfToken } = await asPhone<{ csrfToken: string }>('POST', '/api/auth/sign-in', {
    email,
    password: PASSWORD,
  });
  if (screen) await asPhone('POST', `/api/screen?date=${today}`, { answers: allNo(), birthYear: 1970 }, csrfToken);
}

interface StoredCheckin {
  context: string;
  back: number | null;
  neck: number | null;
  foot: number | null;
  note: string | null;
  sessionId: string | null;
}
interface StoredSession {
  clientId: string;
  status: string;
  items: { exercise: string; completed: boolean }[];
}

const checkins = () => asPhone<StoredCheckin[]>('GET', `/api/checkins?from=${today}&to=${today}`);
const sessions = () => asPhone<StoredSession[]>('GET', `/api/sessions?from=${today}&to=${today}`);
const outbox = (page: Page) => page.getByTestId('outbox');

/** Opens the app in a new tab of the same browser (same IndexedDB, same service worker). */
async function newTab(path = '/'): Promise<Page> {
  const page = await phone.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(server.url + path);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  return page;
}

/** Runs today's session to its last screen, skipping the exercises (the timer is not what is tested here). */
async function finishSession(page: Page, before: { back?: number; foot?: number } = {}): Promise<void> {
  await page.getByRole('link', { name: /today’s session|session again/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Before you start' }).waitFor();
  if (before.back !== undefined)
    await page
      .getByRole('group', { name: 'Back pain' })
      .getByRole('radio', { name: String(before.back), exact: true })
      .check();
  if (before.foot !== undefined)
    await page
      .getByRole('group', { name: 'Foot pain' })
      .getByRole('radio', { name: String(before.foot), exact: true })
      .check();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const done = page.getByRole('heading', { level: 1, name: 'How do you feel now?' });
  while (!(await done.isVisible())) {
    await page.getByRole('button', { name: 'Skip this exercise' }).or(done).first().waitFor();
    if (await done.isVisible()) break;
    await page.getByRole('button', { name: 'Skip this exercise' }).click();
  }
}

/** The records waiting in the phone's outbox (IndexedDB), by kind and state. */
function waitingOnPhone(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('footing-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            resolve((all.result as { kind: string; state: string }[]).map((e) => `${e.kind}:${e.state}`).sort());
            open.result.close();
          };
        };
      }),
  );
}

test('offline: a check-in and a walking log wait on the phone through a closed tab, then reach the server once', async () => {
  const { context } = phone;
  let page = phone.page;
  await page.goto(server.url + '/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload(); // now under the service worker, which keeps today's plan for the offline start below
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();

  await context.setOffline(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Daily check-in' }).waitFor();
  await page.getByRole('group', { name: 'Back pain' }).getByRole('radio', { name: '4', exact: true }).check();
  await page.getByRole('group', { name: 'Foot pain' }).getByRole('radio', { name: '2', exact: true }).check();
  await page.getByLabel('Note (optional)').fill('stiff after the bus');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.getByText('Thank you. Back 4, neck –, foot 2 out of 10.').waitFor();
  await page.getByText('The check-in is saved on this phone and will be sent when you are back online.').waitFor();
  await page.getByRole('link', { name: 'Back to today' }).click();

  await page.getByLabel('Minutes').fill('25');
  await page.getByLabel('Steps').fill('3100');
  await page.getByRole('button', { name: 'Save walking' }).click();
  // The day as British English writes it, e.g. "Mon 7 Dec" for 2026-12-07 (written out here from the date's parts).
  const [y, mo, d] = today.split('-').map(Number);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(y!, mo! - 1, d!).getDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][mo! - 1];
  await page
    .getByText(
      `Saved on this phone: 25 min, 3,100 steps on ${weekday} ${d} ${month}. It will be sent when you are back online.`,
    )
    .waitFor();
  await outbox(page).getByText('1 check-in and 1 walking log waiting to be sent.').waitFor();
  await assertAccessible(page, 'today: records waiting to be sent');
  await screenshot(page, '41-offline-waiting', { top: true });

  // The tab closes; a new one opens, still offline (so without the sign-in's CSRF token): the records are still
  // there, and nothing reached the server.
  await page.close();
  page = await newTab();
  await outbox(page).getByText('1 check-in and 1 walking log waiting to be sent.').waitFor();
  assert.deepEqual(await waitingOnPhone(page), ['checkin:ready', 'walking:ready']);
  await context.setOffline(false); // the app listens for 'online' and sends what waits

  await outbox(page)
    .getByText(/^Check-in sent at \d\d:\d\d$/)
    .waitFor();
  await outbox(page)
    .getByText(/^Walking log sent at \d\d:\d\d$/)
    .waitFor();
  assert.equal(
    await outbox(page)
      .getByText(/waiting to be sent/)
      .count(),
    0,
  );
  assert.deepEqual(await waitingOnPhone(page), []);
  await assertAccessible(page, 'today: records sent');
  await screenshot(page, '41b-offline-sent', { top: true });

  assert.deepEqual(
    (await checkins()).map((c) => [c.context, c.back, c.neck, c.foot, c.note]),
    [['daily', 4, null, 2, 'stiff after the bus']],
  );
  const walking = await asPhone<{ date: string; steps: number; minutes: number }[]>(
    'GET',
    `/api/walking/daily?from=${today}&to=${today}`,
  );
  assert.deepEqual(
    walking.map((d) => [d.date, d.steps, d.minutes]),
    [[today, 3100, 25]],
  );
  // A reload sends nothing again.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.equal((await checkins()).length, 1);
  // The Data page says the same.
  await page.getByRole('navigation', { name: 'Your data' }).getByRole('link', { name: 'Data' }).click();
  await page.getByRole('heading', { name: 'Waiting to be sent' }).waitFor();
  await outbox(page)
    .getByText(/^Check-in sent at \d\d:\d\d$/)
    .waitFor();
  assert.equal(
    await outbox(page)
      .getByText(/waiting to be sent/)
      .count(),
    0,
  );
  await page.close(); // an open tab would send what later tests keep waiting (it listens for 'online')
});

test('a session whose tab closes before Save reaches the server when the app opens again, with the pain entered', async () => {
  let page = await newTab('/?fast=50');
  await finishSession(page, { back: 3, foot: 5 });
  for (let i = 0; i < 50 && (await waitingOnPhone(page)).length === 0; i++) await page.waitForTimeout(50);
  assert.deepEqual(await waitingOnPhone(page), ['session:draft']);
  await page.close(); // before Save: the pain after is never given
  assert.equal((await sessions()).length, 0);

  page = await newTab();
  await outbox(page)
    .getByText(/^Session sent at \d\d:\d\d$/)
    .waitFor();
  const stored = await sessions();
  assert.equal(stored.length, 1);
  assert.equal(stored[0]!.status, 'partial');
  assert.deepEqual(
    (await checkins()).filter((c) => c.sessionId).map((c) => [c.context, c.back, c.foot]),
    [['before', 3, 5]],
  );
  await page.close();
});

test('a lost answer: the server stored the session but the phone never heard; the resend is stored once', async () => {
  const page = await newTab('/?fast=50');
  await finishSession(page);
  // The request reaches the server, then the connection drops before the answer comes back.
  await page.route('**/api/sessions', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await route.fetch();
    return route.abort('connectionreset');
  });
  await page.getByRole('group', { name: 'Back pain' }).getByRole('radio', { name: '2', exact: true }).check();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByText('Footing could not be reached. The session is saved on this phone').waitFor();
  const afterLoss = await sessions();
  assert.equal(afterLoss.length, 2, 'the server has it already');
  await page.unroute('**/api/sessions');

  await page.getByRole('link', { name: 'Back to today' }).click();
  await outbox(page).getByText('1 session waiting to be sent.').waitFor();
  await outbox(page).getByRole('button', { name: 'Send now' }).click();
  await outbox(page)
    .getByText(/^Session sent at \d\d:\d\d$/)
    .first()
    .waitFor();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=outbox]')?.textContent?.includes('waiting to be sent'),
  );
  const stored = await sessions();
  assert.equal(stored.length, 2, 'the resend added nothing');
  assert.deepEqual(
    stored.map((s) => s.clientId),
    afterLoss.map((s) => s.clientId),
  );
  assert.deepEqual(
    (await checkins()).filter((c) => c.context === 'after').map((c) => c.back),
    [2],
  );
  await page.close();
});

test('leaving the last screen without saving (the back button) sends the session as it is, once', async () => {
  const page = await newTab('/?fast=50');
  const before = (await sessions()).length;
  await finishSession(page, { back: 6 });
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=outbox]')?.textContent?.includes('waiting to be sent'),
  );
  for (let i = 0; i < 50 && (await sessions()).length === before; i++) await page.waitForTimeout(50);
  assert.equal((await sessions()).length, before + 1);
  assert.deepEqual(await waitingOnPhone(page), []);
  assert.deepEqual(
    (await checkins()).filter((c) => c.context === 'before').map((c) => c.back),
    [3, 6],
  ); // test 2's session and this one (test 3 gave no pain before)
  await page.close();
});

test('a shared phone: a check-in made offline waits for the person who made it, never sent under another sign-in', async () => {
  const { context } = phone;
  await signIn(BEN, true);
  await signIn(ANA, false);
  let page = await newTab();

  // Ana makes another check-in offline and the tab closes; Ben signs in on the same phone.
  await context.setOffline(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check-in' }).click();
  await page.getByRole('group', { name: 'Back pain' }).getByRole('radio', { name: '7', exact: true }).check();
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.getByText('The check-in is saved on this phone and will be sent when you are back online.').waitFor();
  await page.close();
  await context.setOffline(false);
  await signIn(BEN, false);
  page = await context.newPage();
  await page.goto(server.url + '/');
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  // Once the app knows Ben is signed in, Ana's check-in is neither shown to him nor sent under his name.
  await page.waitForFunction((ben) => localStorage.getItem('footing.outboxOwner') === `account:${ben}`, BEN);
  await page.getByTestId('outbox').waitFor({ state: 'detached' });
  assert.deepEqual(await waitingOnPhone(page), ['checkin:ready']);
  assert.deepEqual(await checkins(), [], 'nothing reached Ben');

  // Ana signs in again: her check-in goes, once, to her.
  await signIn(ANA, false);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  for (let i = 0; i < 100 && (await waitingOnPhone(page)).length > 0; i++) await page.waitForTimeout(50);
  assert.deepEqual(await waitingOnPhone(page), []);
  assert.deepEqual(
    (await checkins()).filter((c) => c.context === 'daily').map((c) => c.back),
    [4, 7],
  );
  await page
    .getByTestId('outbox')
    .getByText(/^Check-in sent at \d\d:\d\d$/)
    .first()
    .waitFor();
  await page.close();
});
