/**
 * Web Push in the browser tests. Headless chromium has no push service (PushManager.subscribe never answers), so a
 * test stands in for it in the page or the service worker; the push messages themselves are delivered to the real
 * service worker over the DevTools protocol (ServiceWorker.deliverPushMessage), the push service's part.
 */
import type { CDPSession, Page } from 'playwright-core';

/** A subscription as PushSubscription.toJSON() gives it. */
export interface SubscriptionJson {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
}

/**
 * Stands in for the browser's push service in a page or a worker (a script to run there): each subscribe() records
 * the key it is asked with (hex, in `subscribedWithKey` on the global) and answers with the next of `jsons` (the last
 * again once they run out: a push service that replaced a subscription gives a new endpoint), keeping the key as a
 * real subscription's options do; getSubscription() answers the current one. A string, not a function: tsx's
 * helpers in a serialised function do not exist in the page.
 */
export const standInPushService = (...jsons: SubscriptionJson[]) => `(() => {
  const jsons = ${JSON.stringify(jsons)};
  let given = 0;
  let current = null;
  PushManager.prototype.subscribe = async function (opts) {
    // A real push manager takes the key as bytes or as base64url text (the worker renews with the text it kept).
    const k = opts.applicationServerKey;
    const key = typeof k === 'string' ? Uint8Array.from(atob(k.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0)) : new Uint8Array(k);
    self.subscribedWithKey = Array.from(key, (b) => b.toString(16).padStart(2, '0')).join('');
    const json = jsons[Math.min(given++, jsons.length - 1)];
    current = { endpoint: json.endpoint, options: { applicationServerKey: key.buffer.slice(0) }, toJSON: () => json, unsubscribe: async () => { current = null; return true; } };
    return current;
  };
  PushManager.prototype.getSubscription = async () => current;
})();`;

/** The page's service worker registration id, as the DevTools protocol names it (for deliverPushMessage). */
export async function registrationId(page: Page, origin: string): Promise<{ id: string; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const found = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('no service worker registration reported over the DevTools protocol')),
      10_000,
    );
    cdp.on(
      'ServiceWorker.workerRegistrationUpdated',
      (e: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
        const r = e.registrations.find((x) => !x.isDeleted && x.scopeURL.startsWith(origin));
        if (r) {
          clearTimeout(timer);
          resolve(r.registrationId);
        }
      },
    );
  });
  await cdp.send('ServiceWorker.enable');
  return { id: await found, cdp };
}

/** The notifications the page's service worker shows now, waiting up to 5 s for the first. */
export async function shownNotifications(
  page: Page,
): Promise<{ title: string; body: string; tag: string; data: unknown }[]> {
  const read = () =>
    page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        data: n.data as unknown,
      })),
    );
  let shown = await read();
  for (let i = 0; i < 50 && shown.length === 0; i++) {
    await page.waitForTimeout(100);
    shown = await read();
  }
  return shown;
}
