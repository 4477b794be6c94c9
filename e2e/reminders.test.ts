/**
 * Browser test: reminders on a phone. The person chooses days and a time on the reminders screen (a missing day is
 * refused next to the field), makes a private calendar link (the feed it names is the one saved), and the service
 * worker shows a pushed reminder as a notification: the message is delivered over the DevTools protocol
 * (ServiceWorker.deliverPushMessage, the push service's part), the notification is read back from the service
 * worker, and the code a tap runs (openFromNotification in web/public/sw.js) moves the open window to today's
 * session; and a subscription the push service renews (pushsubscriptionchange) is sent to the server by the worker,
 * also when the browser gives no old subscription. axe runs on the screen; screenshots at 390 px wide go to
 * docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { createECDH, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { localDate } from '../web/src/lib/local-time.js';
import { occurrencesOf } from '../test/helpers/icalendar.js';
import { allNo } from './helpers/answers.js';
import { assertAccessible, screenshot } from './helpers/browser.js';
import { serverAndPhone } from './helpers/fixture.js';
import { registrationId, shownNotifications, standInPushService } from './helpers/push.js';
import { call } from './helpers/server.js';

const ctx = serverAndPhone(async (server) => {
  await call(server.url, 'POST', `/api/screen?date=${localDate()}`, { answers: allNo(), birthYear: 1968 });
});

/** A subscription as a push service would give one (a real P-256 public key and auth secret; the endpoint is never called). */
function fakeSubscription(path = 'footing-e2e') {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint: `https://push.example.test/${path}`,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
}

/** Whether the server holds a subscription with this endpoint: only then does renewing from it answer 204. */
async function serverHolds(endpoint: string, thenMoveTo: ReturnType<typeof fakeSubscription>): Promise<boolean> {
  const res = await fetch(`${ctx.server.url}/api/push-subscription/renew`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ oldEndpoint: endpoint, subscription: thenMoveTo }),
  });
  return res.status === 204;
}

test(
  'reminders: days and time, notifications on, a calendar link, and a pushed reminder shown and opened',
  { timeout: 90_000 },
  async () => {
    const { page, context } = ctx.phone;
    await context.grantPermissions(['notifications'], { origin: ctx.server.url });
    await page.addInitScript(standInPushService(fakeSubscription()));
    await page.goto(ctx.server.url + '/settings');
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    await page.getByRole('link', { name: 'Set reminders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reminders' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready); // the worker the push goes to

    // Weekdays are ticked for a start; the person keeps Monday and Thursday.
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await page.getByLabel(day).uncheck();
    await page.getByRole('button', { name: 'Make a calendar link' }).waitFor(); // disabled until saved
    await page.getByLabel('Time').fill('07:30');
    await page.getByLabel('Monday').check();
    await page.getByLabel('Thursday').check();
    await page.getByRole('button', { name: 'Save reminder days' }).click();
    await page.getByText(/^Saved\. Next reminder: (Monday|Thursday) \d+ \w+ at 07:30\.$/).waitFor();
    const saved = await call<{ settings: { days: string[]; time: string; timeZone: string } }>(
      ctx.server.url,
      'GET',
      '/api/reminders',
    );
    assert.deepEqual(saved.settings && { days: saved.settings.days, time: saved.settings.time }, {
      days: ['mon', 'thu'],
      time: '07:30',
    });
    assert.equal(saved.settings!.timeZone, await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone));

    // Notifications on: the page asks the browser's push service for a subscription with the server's VAPID key and
    // gives it to the server. Headless chromium has no push service (subscribe never answers), so the test stands in
    // for it in the page, recording the key it is asked with.
    await page.getByRole('button', { name: 'Turn on notifications' }).click();
    await page.getByText('Notifications are on for this phone.').waitFor();
    const state = await call<{ pushPublicKey: string; pushSubscriptions: number }>(
      ctx.server.url,
      'GET',
      '/api/reminders',
    );
    assert.equal(state.pushSubscriptions, 1);
    assert.equal(
      await page.evaluate(() => (window as unknown as { subscribedWithKey: string }).subscribedWithKey),
      Buffer.from(state.pushPublicKey, 'base64url').toString('hex'),
    );
    await page
      .getByRole('heading', { name: 'Notifications on this phone' })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, '40a-reminders-notifications');

    // The calendar link: shown once, and its feed recurs on Mondays and Thursdays at 07:30.
    await page.getByRole('button', { name: 'Make a calendar link' }).click();
    const url = await page.getByLabel(/Your private calendar link/).inputValue();
    assert.match(url, new RegExp(`^${ctx.server.url}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    assert.equal(
      await page.getByRole('link', { name: 'Open in my calendar app' }).getAttribute('href'),
      url.replace(/^http:/, 'webcal:'),
    );
    const feed = await (await fetch(url)).text();
    const { event } = occurrencesOf(feed, 1);
    assert.equal(event.component.getFirstPropertyValue('rrule')!.toString(), 'FREQ=WEEKLY;BYDAY=MO,TH');
    assert.equal(event.startDate.toString().slice(11), '07:30:00');
    await assertAccessible(page, 'reminders');
    await screenshot(page, '40-reminders', { top: true });
    await page
      .getByRole('heading', { name: 'Add to my calendar' })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, '40b-reminders-calendar');

    // A push arrives (the push service's part, over the DevTools protocol): the service worker shows it.
    const { id, cdp } = await registrationId(page, ctx.server.url);
    const message = {
      title: 'Footing',
      body: 'Time for today’s walk and foot exercises.',
      url: '/session',
      tag: 'footing-reminder',
    };
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: ctx.server.url,
      registrationId: id,
      data: JSON.stringify(message),
    });
    assert.deepEqual(await shownNotifications(page), [
      {
        title: 'Footing',
        body: 'Time for today’s walk and foot exercises.',
        tag: 'footing-reminder',
        data: { url: '/session' },
      },
    ]);

    // The tap: no DevTools command clicks a notification, so the worker runs what its notificationclick handler runs.
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(ctx.server.url));
    assert.ok(worker, 'the service worker is running');
    await worker.evaluate(async () => {
      const sw = self as unknown as {
        registration: ServiceWorkerRegistration;
        openFromNotification(n: Notification): Promise<unknown>;
      };
      const [n] = await sw.registration.getNotifications();
      await sw.openFromNotification(n!);
    });
    await page.waitForURL(`${ctx.server.url}/session`);
    await page.getByRole('heading', { level: 1, name: 'Before you start' }).waitFor(); // the guided session's first step

    // The push service renews the subscription (pushsubscriptionchange). No DevTools command fires that event, so the
    // worker runs what its handler runs, with the old and new subscriptions as a browser gives them: the worker sends
    // the new one with the old endpoint, without a sign-in, and the server moves it.
    const renewed = fakeSubscription('footing-e2e-renewed');
    // A string, not a function: tsx's helpers in a serialised function do not exist in the worker.
    const renew = (old: { endpoint: string } | null, json: ReturnType<typeof fakeSubscription>) =>
      worker.evaluate(
        `self.renewSubscription(${JSON.stringify(old)}, (() => { const j = ${JSON.stringify(json)}; return { endpoint: j.endpoint, toJSON: function () { return j; } }; })())`,
      );
    assert.equal(await renew({ endpoint: 'https://push.example.test/footing-e2e' }, renewed), true);
    assert.equal(
      (await call<{ pushSubscriptions: number }>(ctx.server.url, 'GET', '/api/reminders')).pushSubscriptions,
      1,
      'moved, not added',
    );
    // Some browsers give no old subscription: the worker renews the one it remembered after the last renewal.
    const third = fakeSubscription('footing-e2e-third');
    assert.equal(await renew(null, third), true);
    assert.equal(
      await serverHolds(renewed.endpoint, fakeSubscription('unused')),
      false,
      'the renewed one was replaced in turn',
    );
    assert.equal(
      await serverHolds(third.endpoint, fakeSubscription('footing-e2e-fourth')),
      true,
      'the server holds the third',
    );
    assert.equal(
      (await call<{ pushSubscriptions: number }>(ctx.server.url, 'GET', '/api/reminders')).pushSubscriptions,
      1,
    );
  },
);

/** What the service worker remembers of the last subscription it saw (web/public/sw.js PUSH_CACHE), or null. */
const REMEMBERED = `caches.open('footing-push-v1').then((c) => c.match('/__footing/push-subscription')).then((r) => (r ? r.json() : null))`;

test(
  'a pushsubscriptionchange event: the worker subscribes again with the server key it remembered, and the server replaces the old subscription',
  { timeout: 90_000 },
  async () => {
    const { page, context } = ctx.phone;
    const before = fakeSubscription('footing-e2e-before-change');
    const renewed = fakeSubscription('footing-e2e-after-change');
    const { pushPublicKey } = await call<{ pushPublicKey: string }>(ctx.server.url, 'GET', '/api/reminders');
    const serverKeyHex = Buffer.from(pushPublicKey, 'base64url').toString('hex');

    // This browser's push service, in the worker and the page alike: the subscription is `before` until the push
    // service replaces it, then `renewed`. The browser holds `before` already (subscribed with the server's key).
    await page.addInitScript(standInPushService(before));
    await page.goto(ctx.server.url + '/reminders');
    await page.getByRole('heading', { level: 1, name: 'Reminders' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(ctx.server.url));
    assert.ok(worker, 'the service worker is running');
    await worker.evaluate(`(async () => {
    ${standInPushService(before, renewed)}
    await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: Uint8Array.from(atob('${Buffer.from(pushPublicKey, 'base64url').toString('base64')}'), (c) => c.charCodeAt(0)) });
  })()`);

    // The person turns notifications on: the page gives the subscription to the server and tells the worker, which
    // remembers its endpoint and server key (from its own push manager).
    await page.getByRole('button', { name: 'Turn on notifications' }).click();
    await page.getByText('Notifications are on for this phone.').waitFor();
    let remembered = (await worker.evaluate(REMEMBERED)) as { endpoint: string; key: string } | null;
    for (let i = 0; i < 50 && remembered?.endpoint !== before.endpoint; i++) {
      await page.waitForTimeout(100);
      remembered = (await worker.evaluate(REMEMBERED)) as typeof remembered;
    }
    assert.deepEqual(remembered, { endpoint: before.endpoint, key: pushPublicKey });

    // The push service replaces the subscription. No DevTools command fires pushsubscriptionchange and headless
    // chromium has no push service that would, so the event is dispatched in the worker, through its own listener,
    // without the old or the new subscription (as some browsers give it). A script-made event cannot be extended
    // (its waitUntil throws), but the renewal the listener starts runs to its end.
    await worker.evaluate(
      `self.subscribedWithKey = null; self.dispatchEvent(new PushSubscriptionChangeEvent('pushsubscriptionchange', {}))`,
    );
    for (let i = 0; i < 50 && remembered?.endpoint !== renewed.endpoint; i++) {
      await page.waitForTimeout(100);
      remembered = (await worker.evaluate(REMEMBERED)) as typeof remembered;
    }
    assert.equal(remembered?.endpoint, renewed.endpoint, 'the worker renewed and now remembers the new subscription');
    assert.equal(
      await worker.evaluate('self.subscribedWithKey'),
      serverKeyHex,
      'subscribed again with the server key it remembered',
    );
    assert.equal(
      await serverHolds(before.endpoint, fakeSubscription('unused-2')),
      false,
      'the old subscription is gone from the server',
    );
    assert.equal(
      await serverHolds(renewed.endpoint, fakeSubscription('footing-e2e-moved-on')),
      true,
      'the server holds the new one',
    );
  },
);

/** The language the service worker was last told by a page (web/public/sw.js LANGUAGE_KEY), or null. */
const WORKER_LANGUAGE = `caches.open('footing-push-v1').then((c) => c.match('/__footing/language')).then((r) => (r ? r.text() : null))`;

test(
  'the worker’s own words in the language on screen: a push it cannot read, and the page it serves offline',
  { timeout: 90_000 },
  async () => {
    const { page, context } = ctx.phone;
    await context.grantPermissions(['notifications'], { origin: ctx.server.url });
    await page.goto(ctx.server.url + '/reminders');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(ctx.server.url));
    assert.ok(worker, 'the service worker is running');
    // The person chose Spanish on this device: the page tells the worker at start.
    await page.evaluate(() => localStorage.setItem('footing.language', 'es'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Recordatorios' }).waitFor();
    let told = await worker.evaluate(WORKER_LANGUAGE);
    for (let i = 0; i < 50 && told !== 'es'; i++) {
      await page.waitForTimeout(100);
      told = await worker.evaluate(WORKER_LANGUAGE);
    }
    assert.equal(told, 'es');

    // A push whose message cannot be read (not JSON): the reminder is still shown, in Spanish.
    await page.evaluate(async () => {
      for (const n of await (await navigator.serviceWorker.ready).getNotifications()) n.close();
    });
    const { id, cdp } = await registrationId(page, ctx.server.url);
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: ctx.server.url,
      registrationId: id,
      data: 'not a message {',
    });
    assert.deepEqual(await shownNotifications(page), [
      {
        title: 'Footing',
        body: 'Es la hora de la caminata y los ejercicios de pies de hoy.',
        tag: 'footing-reminder',
        data: { url: '/session' },
      },
    ]);

    // Offline with nothing of the app on the device yet (its cache emptied here): the worker's own page, in Spanish.
    await page.evaluate(() => caches.delete('footing-v1'));
    await context.setOffline(true);
    try {
      await page.goto(ctx.server.url + '/today');
      await page.getByRole('heading', { level: 1, name: 'Footing está sin conexión' }).waitFor();
      await page
        .getByText(
          'Esta página todavía no está en este dispositivo y no hay conexión. Conéctate a internet y vuelve a intentarlo.',
        )
        .waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
      await assertAccessible(page, 'offline page');
      await screenshot(page, '40c-offline-page-es');
    } finally {
      await context.setOffline(false);
    }
  },
);
